//! How the interface's commands behave without a terminal: scripts get plain answers.

use assert_cmd::Command;
use predicates::prelude::*;
use predicates::str::contains;

use crate::support::{Setting, probity};

/// probity told its data folder with `--data-dir`, on 1 December 2012.
fn at(data: &std::path::Path) -> Command {
    let mut cmd = probity();
    cmd.arg("--data-dir").arg(data).today("2012-12-01");
    cmd
}

#[test]
fn new_without_a_terminal_creates_the_file_and_says_where() {
    let data = tempfile::tempdir().unwrap();
    at(data.path())
        .args(["new", "--force", "Dorset Police", "--period", "2012"])
        .assert()
        .success()
        .stdout(contains("Created").and(contains("dorset-police-2012.toml")));
    assert!(data.path().join("dorset-police-2012.toml").exists());
}

#[test]
fn the_home_screen_needs_a_terminal_and_points_to_the_plain_mode() {
    let data = tempfile::tempdir().unwrap();
    at(data.path())
        .assert()
        .code(1)
        .stderr(contains("needs a full terminal").and(contains("probity walk FILE")));
}

#[test]
fn open_without_a_terminal_asks_the_questions_as_plain_lines() {
    let data = tempfile::tempdir().unwrap();
    at(data.path())
        .args(["new", "--force", "Dorset Police", "--period", "2012"])
        .assert()
        .success();
    // The file is found by its bare name in the data folder.
    at(data.path())
        .args(["open", "dorset-police-2012.toml"])
        .write_stdin("Head of PSD\nq\n")
        .assert()
        .success()
        .stdout(contains("Question 2 of").and(contains("Stopped.")));
    let saved = std::fs::read_to_string(data.path().join("dorset-police-2012.toml")).unwrap();
    assert!(saved.contains("value = \"Head of PSD\""), "{saved}");
}

#[test]
fn opening_a_missing_or_broken_file_says_what_is_wrong() {
    let data = tempfile::tempdir().unwrap();
    at(data.path())
        .args(["open", "no-such.toml"])
        .assert()
        .code(1)
        .stderr(contains("no-such.toml"));
    let broken = data.path().join("broken.toml");
    std::fs::write(&broken, "format = 1\nchecklist = \"wfof-2011\"\nforce = \"X\"\nperiod = \"1\"\n[answers.\"media.policy\"]\nvalue = \"perhaps\"\n").unwrap();
    at(data.path())
        .args(["open"])
        .arg(&broken)
        .assert()
        .code(1)
        .stderr(contains("perhaps"));
}
