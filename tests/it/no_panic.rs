//! Nothing panics on any input: arbitrary text, and the shipped files with lines removed or
//! corrupted, only ever give errors.

use probity_core::assessment;
use probity_core::checklist;
use proptest::prelude::*;

use crate::support::built_in;

const CHECKLIST: &str = include_str!("../../checklists/wfof-2011.toml");
const DORSET: &str = include_str!("../fixtures/dorset-2012.toml");

fn mutate(text: &str, drop: usize, garble: usize, with: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let n = lines.len().max(1);
    lines
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != drop % n)
        .map(|(i, l)| {
            if i == garble % n {
                let half: String = l.chars().take(l.chars().count() / 2).collect();
                format!("{half}{with}")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        let _ = checklist::load_str("x.toml", &text);
        let _ = assessment::parse("x.toml", &text);
    }

    #[test]
    fn a_damaged_checklist_gives_errors_not_panics(drop in any::<usize>(), garble in any::<usize>(), with in "[ -~]{0,12}") {
        if let Err(e) = checklist::load_str("x.toml", &mutate(CHECKLIST, drop, garble, &with)) {
            prop_assert!(!e.problems.is_empty());
            let _ = e.render();
        }
    }

    #[test]
    fn a_damaged_assessment_gives_errors_not_panics(drop in any::<usize>(), garble in any::<usize>(), with in "[ -~]{0,12}") {
        let c = built_in("wfof-2011");
        if let Err(e) = assessment::load_str("x.toml", &mutate(DORSET, drop, garble, &with), &c) {
            prop_assert!(!e.problems.is_empty());
            let _ = e.render();
        }
    }
}
