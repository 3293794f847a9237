//! Generated inputs shared by the tests and the benchmarks: checklists too large, or too
//! regular, to keep as fixtures.

pub mod crosscheck;

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

/// A checklist of `areas` areas, each with one high-severity status item `aN.s`, and a rule on
/// every 100th area that fires when its item is not met: wide where the chain is deep. Written
/// compactly, so 30,000 areas stay under the 4 MB a checklist may be.
pub fn wide_checklist(areas: usize) -> String {
    let mut text = HEAD.to_string();
    for a in 0..areas {
        let _ = writeln!(
            text,
            "[[areas]]\nid=\"a{a}\"\ntitle=\"Area {a}\"\nquestion=\"Q\"\n\
             items=[{{id=\"a{a}.s\",prompt=\"Done?\",kind=\"status\",severity=\"high\"}}]"
        );
    }
    for a in (0..areas).step_by(100) {
        let _ = writeln!(
            text,
            "[[rules]]\nid=\"r{a}\"\ntitle=\"Area {a} not done\"\nseverity=\"medium\"\nexplanation=\"E\"\naction=\"A\"\n\
             when={{item=\"a{a}.s\",is=\"no\"}}"
        );
    }
    text
}

/// An assessment of the [`wide_checklist`] answering every item: "no" for every `fires`-th
/// area, so it raises a finding (and its rule fires where it has one), "yes" otherwise.
pub fn wide_assessment(areas: usize, period: &str, fires: usize) -> String {
    let mut text = format!(
        "format = 1\nchecklist = \"generated.toml\"\nforce = \"Wide Police\"\nperiod = \"{period}\"\n"
    );
    for a in 0..areas {
        let hit = a % fires.max(1) == 0;
        let status = if hit { "no" } else { "yes" };
        let _ = writeln!(text, "[answers.\"a{a}.s\"]\nvalue = \"{status}\"");
    }
    text
}
