//! At home in the shell: examples in every command's help, completion scripts, manual pages,
//! options only where they act, bare file names found in the data folder, and one error style.

use assert_cmd::Command;
use clap::CommandFactory;
use predicates::prelude::*;
use predicates::str::contains;

use probity::cli::Cli;

use crate::support::{Setting, probity};

/// probity on 1 December 2012.
fn at_today() -> Command {
    let mut cmd = probity();
    cmd.today("2012-12-01");
    cmd
}

/// Every command probity defines (clap's own `help` is not one of them).
fn commands() -> Vec<String> {
    Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect()
}

#[test]
fn every_command_shows_examples_in_its_help() {
    let names = commands();
    assert!(names.len() >= 16, "{names:?}");
    for name in names.iter().map(String::as_str).chain([""]) {
        for flag in ["-h", "--help"] {
            let args: Vec<&str> = [name, flag].into_iter().filter(|a| !a.is_empty()).collect();
            let out = at_today().args(&args).output().unwrap();
            let help = String::from_utf8(out.stdout).unwrap();
            assert!(out.status.success(), "{args:?}");
            let examples = help
                .split("Examples:\n")
                .nth(1)
                .unwrap_or_else(|| panic!("no examples in `probity {name} {flag}`:\n{help}"));
            assert!(
                examples.lines().all(|l| l.starts_with("  ")) && examples.contains("probity"),
                "`probity {name} {flag}` examples:\n{examples}"
            );
            if !name.is_empty() {
                assert!(
                    examples.contains(&format!("probity {name}")),
                    "`probity {name}` has no example of itself"
                );
            }
        }
    }
}

#[test]
fn completions_are_printed_for_each_shell() {
    for (shell, marker) in [
        ("bash", "complete -F _probity"),
        ("zsh", "#compdef probity"),
        ("fish", "complete -c probity"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let out = at_today().args(["completions", shell]).output().unwrap();
        assert!(out.status.success(), "{shell}");
        let script = String::from_utf8(out.stdout).unwrap();
        assert!(script.contains(marker), "{shell}: {script}");
        for name in ["walk", "answer", "confirm", "show", "completions"] {
            assert!(script.contains(name), "{shell} does not complete {name}");
        }
    }
    at_today()
        .args(["completions", "tcsh"])
        .assert()
        .code(2)
        .stderr(contains("invalid value 'tcsh'"));
}

#[test]
fn man_writes_a_page_for_probity_and_each_command() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("man1");
    at_today()
        .args(["man", "--out"])
        .arg(&out)
        .assert()
        .success()
        .stdout(contains("Wrote"));
    // A hidden command (the old `finalise`) has no page.
    let visible: Vec<String> = Cli::command()
        .get_subcommands()
        .filter(|c| !c.is_hide_set())
        .map(|c| c.get_name().to_string())
        .collect();
    assert!(!out.join("probity-finalise.1").exists());
    for name in std::iter::once(String::new()).chain(visible.into_iter().map(|c| format!("-{c}"))) {
        let page = std::fs::read_to_string(out.join(format!("probity{name}.1")))
            .unwrap_or_else(|e| panic!("probity{name}.1: {e}"));
        assert!(page.contains(".TH probity"), "probity{name}.1");
        assert!(page.contains(".SH SYNOPSIS"), "probity{name}.1");
        assert!(page.contains(".SH EXAMPLES\n.nf\n"), "probity{name}.1");
    }
    // Pages already there are left alone, and a changed one is replaced only when asked.
    at_today()
        .args(["man", "--out"])
        .arg(&out)
        .assert()
        .success()
        .stdout(contains("probity.1 is up to date"));
    std::fs::write(out.join("probity-walk.1"), "old").unwrap();
    at_today()
        .args(["man", "--out"])
        .arg(&out)
        .assert()
        .code(1)
        .stderr(contains(
            "already exists and differs; replace it with --overwrite",
        ));
    at_today()
        .args(["man", "--overwrite", "--out"])
        .arg(&out)
        .assert()
        .success();
    assert_ne!(
        std::fs::read_to_string(out.join("probity-walk.1")).unwrap(),
        "old"
    );
}

#[test]
fn the_data_folder_option_shows_only_where_it_acts() {
    let nowhere = tempfile::tempdir().unwrap();
    let out = nowhere.path().join("out");
    let out = out.to_str().unwrap();
    for args in [
        ["schema", "--out", out],
        ["completions", "bash", ""],
        ["man", "--out", out],
    ] {
        let name = args[0];
        at_today()
            .args([name, "--help"])
            .assert()
            .success()
            .stdout(contains("--data-dir").not());
        at_today()
            .args(["--data-dir", "/tmp"])
            .args(args.iter().filter(|a| !a.is_empty()))
            .assert()
            .code(2)
            .stderr(contains(format!(
                "--data-dir has no effect on `probity {name}`"
            )));
    }
    for name in [
        "open",
        "walk",
        "answer",
        "show",
        "report",
        "checklists",
        "summary",
    ] {
        at_today()
            .args([name, "--help"])
            .assert()
            .success()
            .stdout(contains("--data-dir"));
    }
    // The hidden --today still works anywhere, for reproducible output.
    at_today()
        .args([
            "report",
            "tests/fixtures/dorset-2012.toml",
            "--today",
            "2013-01-01",
        ])
        .assert()
        .success();
}

#[test]
fn open_and_report_find_a_bare_name_in_the_data_folder() {
    let data = tempfile::tempdir().unwrap();
    std::fs::copy(
        "tests/fixtures/dorset-2012.toml",
        data.path().join("d.toml"),
    )
    .unwrap();
    at_today()
        .args(["report", "d.toml", "--data-dir"])
        .arg(data.path())
        .assert()
        .success()
        .stdout(contains("Dorset Police"));
    at_today()
        .args(["open", "d.toml", "--plain", "--data-dir"])
        .arg(data.path())
        .write_stdin("q\n")
        .assert()
        .success()
        .stdout(contains("Dorset Police, 2012"));
    // Given before the command, --data-dir still reaches it.
    at_today()
        .args(["--data-dir"])
        .arg(data.path())
        .args(["show", "d.toml", "media.policy"])
        .assert()
        .success();
}

#[test]
fn every_command_words_its_errors_the_same_way() {
    let data = tempfile::tempdir().unwrap();
    let bad = "tests/fixtures/invalid/assessment-bad-count.toml";
    for args in [
        vec!["open", "no-such.toml"],
        vec!["open", bad],
        vec!["walk", "no-such.toml"],
        vec!["answer", bad, "media.policy", "yes"],
        vec!["show", "no-such.toml"],
        vec!["report", "no-such.toml"],
        vec!["check", bad],
        vec!["finalise", "no-such.toml"],
        vec!["compare", bad, "no-such.toml"],
        vec!["summary", "no-such-folder"],
    ] {
        let out = at_today()
            .args(&args)
            .arg("--data-dir")
            .arg(data.path())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(
            stderr.starts_with("error: ")
                && !stderr.contains("error: ×")
                && !stderr.contains("error: error"),
            "{args:?}: {stderr}"
        );
    }
}
