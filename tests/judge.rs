//! `probity judge`: the assessor's override of an area's judgement, as a user drives it from
//! the command line, and what the report, the history and verify make of it.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

fn probity(home: &Path, args: &[&str]) -> Output {
    Command::cargo_bin("probity")
        .unwrap()
        .env("PROBITY_HOME", home)
        .env("PROBITY_TODAY", "2026-04-15")
        .args(["--as", "Jo Bloggs"])
        .args(args)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The invented force's 2026 assessment, copied into a data folder.
fn northmoor(home: &Path) -> PathBuf {
    let path = home.join("northmoor-2026.toml");
    std::fs::copy("tests/fixtures/northmoor-2026.toml", &path).unwrap();
    path
}

/// The report's judgement of one area, as JSON.
fn judgement(home: &Path, file: &str, area: &str) -> serde_json::Value {
    let out = probity(home, &["report", file, "--format", "json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    report["judgements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|j| j["area"] == area)
        .unwrap()
        .clone()
}

#[test]
fn an_override_is_saved_reported_recorded_and_verifies_clean() {
    let home = tempfile::tempdir().unwrap();
    let path = northmoor(home.path());
    let file = path.to_str().unwrap();
    let out = probity(
        home.path(),
        &[
            "judge",
            file,
            "abuse of position",
            "Adequate",
            "--rationale",
            "Proactive monitoring began in March and has already found two cases.",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("apsp: Abuse of position for a sexual purpose")
            && stdout.contains("Derived: Requires improvement")
            && stdout.contains("Overridden: Adequate"),
        "{stdout}"
    );
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(
        saved.contains("[judgements.apsp]\noverride = \"adequate\"\nrationale = \"Proactive monitoring began in March and has already found two cases.\""),
        "{saved}"
    );

    let j = judgement(home.path(), file, "apsp");
    assert_eq!(j["derived"], "requires_improvement");
    assert_eq!(j["override"], "adequate");
    assert_eq!(
        j["rationale"],
        "Proactive monitoring began in March and has already found two cases."
    );

    let out = probity(home.path(), &["history", file]);
    let listed = text(&out.stdout);
    assert!(
        listed.contains("Jo Bloggs  apsp: judgement override none → \"adequate\"\n"),
        "{listed}"
    );
    assert!(
        listed.contains("Jo Bloggs  apsp: rationale for the judgement none → \"Proactive monitoring began in March and has already found two cases.\"\n"),
        "{listed}"
    );
    // The override written by hand in the fixture is recorded as found, not as made here.
    assert!(
        listed.contains(
            "vetting: judgement override none → \"requires_improvement\" (changed outside probity)"
        ),
        "{listed}"
    );

    let out = probity(home.path(), &["verify", file]);
    assert!(out.status.success(), "{}", text(&out.stdout));
    assert!(text(&out.stdout).contains("everything holds"));

    // The history of one area's judgement, on its own.
    let out = probity(home.path(), &["history", file, "--item", "apsp"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout).lines().count(),
        2,
        "{}",
        text(&out.stdout)
    );

    // Clearing takes the override and its rationale away and leaves the notable practice.
    let out = probity(home.path(), &["judge", file, "apsp", "--clear"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("No override: the derived judgement stands."),
        "{}",
        text(&out.stdout)
    );
    let j = judgement(home.path(), file, "apsp");
    assert!(j["override"].is_null() && j["rationale"].is_null(), "{j}");
    assert!(
        !std::fs::read_to_string(&path)
            .unwrap()
            .contains("[judgements.apsp]")
    );
    let out = probity(home.path(), &["history", file]);
    assert!(
        text(&out.stdout).contains("apsp: judgement override \"adequate\" → none"),
        "{}",
        text(&out.stdout)
    );
    let out = probity(home.path(), &["verify", file]);
    assert!(out.status.success(), "{}", text(&out.stdout));

    // Clearing again changes nothing.
    let before = std::fs::read(&path).unwrap();
    let out = probity(home.path(), &["judge", file, "apsp", "--clear"]);
    assert!(out.status.success());
    assert!(text(&out.stdout).contains("Nothing changed"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_hand_edit_of_an_override_is_found_by_verify_naming_the_area() {
    let home = tempfile::tempdir().unwrap();
    let path = northmoor(home.path());
    let file = path.to_str().unwrap();
    let out = probity(
        home.path(),
        &["judge", file, "vetting", "good", "--rationale", "Recovered"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let saved = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        saved.replace("override = \"good\"", "override = \"outstanding\""),
    )
    .unwrap();
    let out = probity(home.path(), &["verify", file]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains(
            "- vetting: the judgement override is \"outstanding\" in the file, but the history says \"good\""
        ),
        "{stdout}"
    );
    assert!(stdout.contains("1 problem found"), "{stdout}");
}

/// Runs `judge` with `args` after the file, expecting it refused with `message` and the file
/// and its history untouched.
fn refused(home: &Path, path: &Path, args: &[&str], message: &str) {
    let history = path.with_extension("history.jsonl");
    let before = std::fs::read(path).unwrap();
    let logged = std::fs::read(&history).ok();
    let mut all = vec!["judge", path.to_str().unwrap()];
    all.extend(args);
    let out = probity(home, &all);
    assert_eq!(out.status.code(), Some(1), "{args:?}");
    let stderr = text(&out.stderr);
    assert!(stderr.contains(message), "{args:?}: {stderr}");
    assert_eq!(std::fs::read(path).unwrap(), before, "{args:?}");
    assert_eq!(std::fs::read(&history).ok(), logged, "{args:?}");
}

/// A new integrity-2026 assessment, its history begun, so a refusal has nothing to record.
fn started(home: &Path) -> PathBuf {
    let out = probity(
        home,
        &[
            "new",
            "--force",
            "Testshire",
            "--period",
            "2026",
            "--checklist",
            "integrity-2026",
            "--no-tui",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    home.join("testshire-2026.toml")
}

#[test]
fn bad_input_is_refused_and_leaves_the_file_as_it_was() {
    let home = tempfile::tempdir().unwrap();
    let path = started(home.path());
    let h = home.path();
    refused(
        h,
        &path,
        &["veting", "good", "--rationale", "x"],
        "error: no area matches \"veting\"",
    );
    refused(
        h,
        &path,
        &["veting", "good", "--rationale", "x"],
        "  vetting: Vetting",
    );
    refused(
        h,
        &path,
        &["vetting", "excellent", "--rationale", "x"],
        "error: vetting (Vetting): \"excellent\" is not a grade; a grade is outstanding, good, adequate, requires improvement or inadequate",
    );
    refused(
        h,
        &path,
        &["vetting", "good"],
        "error: vetting (Vetting): an override needs a rationale saying why the derived judgement is set aside; give it with --rationale TEXT",
    );
    refused(
        h,
        &path,
        &["vetting", "good", "--rationale", "  "],
        "an override needs a rationale",
    );

    let out = probity(
        h,
        &[
            "sign",
            path.to_str().unwrap(),
            "--by",
            "A. Chief",
            "--role",
            "DCC",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    refused(
        h,
        &path,
        &["vetting", "good", "--rationale", "x"],
        "error: vetting (Vetting): the assessment is signed off and final, so it cannot be changed; reopen it first",
    );
    refused(h, &path, &["vetting", "--clear"], "signed off and final");
}

#[test]
fn a_checklist_without_grading_takes_no_override() {
    let home = tempfile::tempdir().unwrap();
    let out = probity(
        home.path(),
        &[
            "new",
            "--force",
            "Dorset Police",
            "--period",
            "2012",
            "--checklist",
            "wfof-2011",
            "--no-tui",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    refused(
        home.path(),
        &home.path().join("dorset-police-2012.toml"),
        &["gifts", "good", "--rationale", "x"],
        "checklist wfof-2011 defines no graded judgements, so no judgement can be overridden",
    );
}
