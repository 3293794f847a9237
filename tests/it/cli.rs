//! The command line as a user drives it.

use assert_cmd::Command;
use predicates::prelude::*;
use predicates::str::contains;

use crate::support::{Setting, probity};

/// probity with `home` as its data folder, on 1 December 2012.
fn at(home: &std::path::Path) -> Command {
    let mut cmd = probity();
    cmd.home(home).today("2012-12-01");
    cmd
}

#[test]
fn new_creates_a_private_file_and_never_replaces_one() {
    let root = tempfile::tempdir().unwrap();
    let home = &root.path().join("data");
    at(home)
        .args([
            "new",
            "--force",
            "Dorset Police",
            "--period",
            "2013",
            "--no-tui",
        ])
        .assert()
        .success()
        .stdout(contains("dorset-police-2013.toml"));
    let path = home.join("dorset-police-2013.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("format = 1")
            && text.contains("force = \"Dorset Police\"")
            && text.contains("checklist = \"wfof-2011\"")
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
        assert_eq!(
            std::fs::metadata(home).unwrap().permissions().mode() & 0o777,
            0o700
        );
    }
    std::fs::write(
        &path,
        format!("{text}\n[answers.\"gifts.policy\"]\nvalue = \"yes\"\n"),
    )
    .unwrap();
    at(home)
        .args([
            "new",
            "--force",
            "Dorset Police",
            "--period",
            "2013",
            "--no-tui",
        ])
        .assert()
        .code(1)
        .stderr(contains("already exists"));
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("gifts.policy"),
        "the answers are still there"
    );
}

#[test]
fn report_writes_markdown_to_a_file_only_once_without_overwrite() {
    let home = tempfile::tempdir().unwrap();
    let out = home.path().join("dorset.md");
    let args = [
        "report",
        "tests/fixtures/dorset-2012.toml",
        "--out",
        out.to_str().unwrap(),
    ];
    at(home.path()).args(args).assert().success();
    let md = std::fs::read_to_string(&out).unwrap();
    assert!(
        md.contains("OFFICIAL") && md.contains("SENSITIVE"),
        "the marking is printed"
    );
    assert!(md.contains("# Integrity self-assessment: Dorset Police, 2012"));
    assert!(md.contains("Procurement"));
    at(home.path())
        .args(args)
        .assert()
        .code(1)
        .stderr(contains("already exists").and(contains("--overwrite")));
    // "Force" means a police force: it never replaces a file.
    at(home.path()).args(args).arg("--force").assert().code(2);
    at(home.path())
        .args(args)
        .arg("--overwrite")
        .assert()
        .success();
}

#[test]
fn checklists_lists_the_built_in_one_and_a_users_own() {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("checklists")).unwrap();
    std::fs::write(
        home.path().join("checklists/own.toml"),
        "id = \"own\"\ntitle = \"Our own\"\nversion = \"1\"\nprovenance = \"us\"\n[[areas]]\nid = \"a\"\ntitle = \"A\"\nquestion = \"?\"\n[[areas.items]]\nid = \"a.one\"\nprompt = \"One?\"\nkind = \"status\"\n",
    )
    .unwrap();
    at(home.path())
        .arg("checklists")
        .assert()
        .success()
        .stdout(contains("wfof-2011"))
        .stdout(contains("own\tOur own"));
    at(home.path())
        .args([
            "new",
            "--force",
            "Test",
            "--period",
            "1",
            "--checklist",
            "own",
            "--no-tui",
        ])
        .assert()
        .success();
}

#[test]
fn a_broken_user_checklist_is_reported_but_does_not_hide_the_others() {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("checklists")).unwrap();
    std::fs::write(
        home.path().join("checklists/broken.toml"),
        "id = \"x\"\n[[areas]\n",
    )
    .unwrap();
    at(home.path())
        .arg("checklists")
        .assert()
        .code(1)
        .stdout(contains("wfof-2011"))
        .stderr(contains("broken.toml:2"));
}

#[test]
fn committed_schemas_are_up_to_date() {
    let home = tempfile::tempdir().unwrap();
    let out = home.path().join("schemas");
    at(home.path())
        .args(["schema", "--out", out.to_str().unwrap()])
        .assert()
        .success();
    for name in [
        "checklist.schema.json",
        "assessment.schema.json",
        "report.schema.json",
        "comparison.schema.json",
        "trend.schema.json",
        "summary.schema.json",
    ] {
        let fresh = std::fs::read_to_string(out.join(name)).unwrap();
        let committed = std::fs::read_to_string(format!("schemas/{name}")).unwrap_or_default();
        assert!(
            fresh == committed,
            "schemas/{name} is out of date: run `cargo run -- schema --overwrite`"
        );
    }
}

#[test]
fn an_assessment_naming_a_missing_or_broken_checklist_says_which_and_where() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("a.toml");
    std::fs::write(
        &file,
        "format = 1\nchecklist = \"nosuch\"\nforce = \"F\"\nperiod = \"1\"\n",
    )
    .unwrap();
    at(home.path())
        .args(["check", file.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(contains("no checklist with id \"nosuch\"").and(contains("a.toml:2:13")));
    std::fs::write(home.path().join("broken.toml"), "id = \"x\"\n[[areas]\n").unwrap();
    std::fs::write(
        &file,
        "format = 1\nchecklist = \"broken.toml\"\nforce = \"F\"\nperiod = \"1\"\n",
    )
    .unwrap();
    at(home.path())
        .args(["report", file.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(contains("its checklist cannot be used").and(contains("broken.toml:2")));
}

#[cfg(unix)]
#[test]
fn a_data_folder_others_can_reach_is_reported_once_with_the_fix() {
    use std::os::unix::fs::PermissionsExt;
    let root = tempfile::tempdir().unwrap();
    std::fs::set_permissions(root.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    let out = at(root.path()).arg("checklists").output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success());
    assert_eq!(
        stderr.matches("warning: other users can write in").count(),
        1,
        "{stderr}"
    );
    assert!(
        stderr.contains("(permissions 777)") && stderr.contains("chmod 700"),
        "{stderr}"
    );
    // The user chose this folder, so it is theirs to change.
    let mode = std::fs::metadata(root.path()).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o777);
}
