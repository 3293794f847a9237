//! Generated inputs shared by the tests and the benchmarks: checklists too large, or too
//! regular, to keep as fixtures.

use std::fmt::Write;

const HEAD: &str =
    "id = \"generated\"\ntitle = \"Generated\"\nversion = \"1\"\nprovenance = \"generated\"\n";

/// A checklist whose item i is asked only when item i+1 is unanswered: the deepest ask-if
/// chain a file can hold, with `n` items in one area.
pub fn chain_checklist(n: usize) -> String {
    let mut text = format!("{HEAD}\n[[areas]]\nid = \"a\"\ntitle = \"A\"\nquestion = \"Q\"\n");
    for i in 0..n {
        let _ = writeln!(
            text,
            "[[areas.items]]\nid=\"i{i}\"\nprompt=\"p\"\nkind=\"status\""
        );
        if i + 1 < n {
            let _ = writeln!(text, "ask_if={{item=\"i{}\",answered=false}}", i + 1);
        }
    }
    text
}

/// A checklist of `areas` areas, each with one status item `aN.s` and one count `aN.n`, and a
/// rule per area that fires when the item is not met: wide where the chain is deep.
pub fn wide_checklist(areas: usize) -> String {
    let mut text = HEAD.to_string();
    for a in 0..areas {
        let _ = writeln!(
            text,
            "\n[[areas]]\nid = \"a{a}\"\ntitle = \"Area {a}\"\nquestion = \"Q{a}\"\n\
             [[areas.items]]\nid = \"a{a}.s\"\nprompt = \"Is it done?\"\nkind = \"status\"\nseverity = \"high\"\n\
             [[areas.items]]\nid = \"a{a}.n\"\nprompt = \"How many?\"\nkind = \"count\""
        );
    }
    for a in 0..areas {
        let _ = writeln!(
            text,
            "\n[[rules]]\nid = \"r{a}\"\ntitle = \"Area {a} not done\"\nseverity = \"medium\"\n\
             when = {{ all = [{{ item = \"a{a}.s\", is = \"no\" }}, {{ item = \"a{a}.n\", gt = 0 }}] }}"
        );
    }
    text
}

/// An assessment of the [`wide_checklist`] answering every item: "no" and 1 for every
/// `fires`-th area, so its rule fires, "yes" and 0 otherwise.
pub fn wide_assessment(areas: usize, period: &str, fires: usize) -> String {
    let mut text = format!(
        "format = 1\nchecklist = \"generated.toml\"\nforce = \"Wide Police\"\nperiod = \"{period}\"\n"
    );
    for a in 0..areas {
        let hit = a % fires.max(1) == 0;
        let (status, n) = if hit { ("no", 1) } else { ("yes", 0) };
        let _ = writeln!(
            text,
            "\n[answers.\"a{a}.s\"]\nvalue = \"{status}\"\n\n[answers.\"a{a}.n\"]\nvalue = {n}"
        );
    }
    text
}
