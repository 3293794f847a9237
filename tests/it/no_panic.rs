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

/// A syntax error at a character of more than one byte, where the parser points inside it.
#[test]
fn a_syntax_error_at_a_non_ascii_character_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let head = "format = 1\nchecklist = \"wfof-2011\"\n";
    for (name, text) in [
        (
            "m2.toml",
            format!("{head}force é= \"T\"\nperiod = \"2012\"\n"),
        ),
        (
            "m3.toml",
            format!("{head}force = \"T\"\nperiod = \"2012\"€\n"),
        ),
        (
            "m4.toml",
            format!(
                "{head}force = \"T\"\nperiod = \"2012\"\n[answers.\"media.policy\"]\nvalue = €\"yes\"\n"
            ),
        ),
        ("bom.toml", format!("\u{feff}fovmat = 1\n{head}")),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, &text).unwrap();
        let out = crate::support::probity()
            .arg("check")
            .arg(&path)
            .output()
            .unwrap();
        let stderr = crate::support::text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{name}: {stderr}");
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
        assert!(stderr.contains(name), "{name}: {stderr}");
    }
}

/// Output into a pipe nobody reads any more (`probity checklists | head -c 10`) ends the
/// command as it ends any Unix tool: by SIGPIPE, quietly, not with a panic.
#[cfg(unix)]
#[test]
fn a_closed_pipe_ends_the_command_quietly() {
    use std::os::unix::process::ExitStatusExt;

    let data = tempfile::tempdir().unwrap();
    let fixture = crate::support::fixture("dorset-2012.toml");
    let fixture = fixture.to_str().unwrap();
    let schemas = data.path().join("schemas");
    let schemas = schemas.to_str().unwrap();
    for args in [
        vec!["checklists"],
        vec!["schema", "--out", schemas],
        vec!["report", fixture, "--format", "md"],
        vec!["show", fixture],
    ] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = std::process::Command::new(crate::support::binary())
            .env("PROBITY_HOME", data.path())
            .env_remove("PROBITY_TODAY")
            .args(&args)
            .stdout(writer)
            .output()
            .unwrap();
        let stderr = crate::support::text(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_eq!(
            out.status.signal(),
            Some(libc::SIGPIPE),
            "{args:?}: {stderr}"
        );
    }
}
