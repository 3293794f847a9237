//! Sign-off, history and verify as a user drives them from the command line, and the
//! assessor's override of an area's judgement (`probity judge`), which they record and check.

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::support::{Setting, probity, text};

/// probity acting as Jo Bloggs on 1 December 2012.
fn run(home: &Path, args: &[&str]) -> Output {
    probity()
        .home(home)
        .today("2012-12-01")
        .args(["--as", "Jo Bloggs"])
        .args(args)
        .output()
        .unwrap()
}

/// A Dorset 2012 assessment with one answer, written as another tool would, then adopted.
fn answered(home: &Path) -> PathBuf {
    let out = run(
        home,
        &[
            "new",
            "--force",
            "Dorset Police",
            "--period",
            "2012",
            "--no-tui",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let path = home.join("dorset-police-2012.toml");
    let file = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        format!("{file}\n[answers.\"media.policy\"]\nvalue = \"yes\"\nevidence = [\"Media policy 2012\"]\n"),
    )
    .unwrap();
    path
}

#[test]
fn sign_seals_and_verify_checks_the_seal_and_every_answer() {
    let home = tempfile::tempdir().unwrap();
    let path = answered(home.path());
    let file = path.to_str().unwrap();

    // The answer added by hand is not in the history yet.
    let out = run(home.path(), &["verify", file]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(
        stdout
            .contains("media.policy: the answer is \"yes\" in the file, but the history says none"),
        "{stdout}"
    );
    assert!(
        // Its creation, and the force and the earlier assessment (none) filled in on starting.
        stdout.contains("2 problems found. The history holds 3 entries."),
        "{stdout}"
    );

    // Signing opens the file, which records the hand edit, then seals it.
    let out = run(
        home.path(),
        &[
            "sign",
            file,
            "--by",
            "A. Chief",
            "--role",
            "Deputy Chief Constable",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("media.policy: answer none → \"yes\" (changed outside probity)"),
        "{}",
        text(&out.stderr)
    );
    let stdout = text(&out.stdout);
    // What was sealed, as the interface shows before it asks.
    assert!(stdout.contains("and sealed as it stands:"), "{stdout}");
    assert!(stdout.contains("  Answered: "), "{stdout}");
    assert!(stdout.contains("  Open findings: "), "{stdout}");
    assert!(stdout.contains("  Assurance: "), "{stdout}");
    let seal = stdout
        .lines()
        .find_map(|l| l.strip_prefix("Seal: "))
        .unwrap()
        .to_string();
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(
        saved.contains("stage = \"final\"") && saved.contains(&format!("seal = \"{seal}\"")),
        "{saved}"
    );

    let out = run(home.path(), &["verify", file, "--seal", &seal[..16]]);
    assert!(out.status.success(), "{}", text(&out.stdout));
    assert!(text(&out.stdout).contains("everything holds"));

    let out = run(home.path(), &["history", file]);
    let listed = text(&out.stdout);
    assert!(
        listed.contains("Jo Bloggs  created Dorset Police 2012"),
        "{listed}"
    );
    assert!(
        listed.contains("signed off by A. Chief, Deputy Chief Constable"),
        "{listed}"
    );

    // A hand edit after sign-off breaks the seal, and the paper seal no longer matches.
    std::fs::write(&path, saved.replace("value = \"yes\"", "value = \"no\"")).unwrap();
    let out = run(home.path(), &["verify", file, "--seal", &seal[..16]]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("the seal does not match the file"),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "media.policy: the answer is \"no\" in the file, but the history says \"yes\""
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("does not match the file, whose seal is now"),
        "{stdout}"
    );
}

#[test]
fn reopen_records_the_reason_and_history_filters_by_item() {
    let home = tempfile::tempdir().unwrap();
    let path = answered(home.path());
    let file = path.to_str().unwrap();
    let out = run(home.path(), &["reopen", file, "--reason", "typo"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("is a draft already"));
    assert!(
        run(
            home.path(),
            &["sign", file, "--by", "A. Chief", "--role", "DCC"]
        )
        .status
        .success()
    );
    let out = run(
        home.path(),
        &[
            "reopen",
            file,
            "--reason",
            "The inspector asked for more evidence",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        !std::fs::read_to_string(&path)
            .unwrap()
            .contains("[signature]")
    );
    let out = run(home.path(), &["history", file]);
    assert!(
        text(&out.stdout).contains("reopened as a draft: The inspector asked for more evidence")
    );
    let out = run(home.path(), &["history", file, "--item", "media.policy"]);
    let listed = text(&out.stdout);
    assert_eq!(listed.lines().count(), 2, "{listed}");
    let out = run(home.path(), &["history", file, "--item", "media.polcy"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("has no item or area \"media.polcy\""));
}

#[test]
fn a_bad_paper_seal_is_a_usage_error() {
    let home = tempfile::tempdir().unwrap();
    let out = run(home.path(), &["verify", "x.toml", "--seal", "abc"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("at least the first 12"));
}

#[test]
fn a_bad_config_file_is_named_with_its_place() {
    let home = tempfile::tempdir().unwrap();
    std::fs::write(home.path().join("config.toml"), "name = 3\n").unwrap();
    let out = probity()
        .home(home.path())
        .args(["history", "x.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("config.toml:1:8") && stderr.contains("Correct probity's config file"),
        "{stderr}"
    );
}

/// The short seal as a reader finds it on the web page's cover.
fn seal_on_cover(html: &str) -> String {
    let doc = scraper::Html::parse_document(html);
    let selector = scraper::Selector::parse("#summary .facts").unwrap();
    let cover: String = doc.select(&selector).next().unwrap().text().collect();
    let after = cover.split("Seal ").nth(1).unwrap();
    after.chars().take(19).collect()
}

#[test]
fn the_seal_printed_on_the_report_passes_verify_until_a_hand_edit() {
    let home = tempfile::tempdir().unwrap();
    let path = answered(home.path());
    let file = path.to_str().unwrap();
    let draft = run(home.path(), &["report", file, "--format", "md"]);
    assert!(text(&draft.stdout).contains("| Sign-off | DRAFT: not signed off |"));
    let out = run(
        home.path(),
        &["sign", file, "--by", "A. Chief", "--role", "DCC"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));

    let html = text(&run(home.path(), &["report", file, "--format", "html"]).stdout);
    let seal = seal_on_cover(&html);
    assert_eq!(seal.len(), 19, "{seal}");
    for format in ["md", "narrative"] {
        let out = text(&run(home.path(), &["report", file, "--format", format]).stdout);
        assert!(
            out.contains("Signed off by A. Chief, DCC, on ") && out.contains(&seal),
            "{format}: {out}"
        );
    }
    let json: serde_json::Value =
        serde_json::from_slice(&run(home.path(), &["report", file, "--format", "json"]).stdout)
            .unwrap();
    assert_eq!(json["signature"]["short_seal"], seal.as_str());
    assert_eq!(json["signature"]["role"], "DCC");

    assert!(
        run(home.path(), &["verify", file, "--seal", &seal])
            .status
            .success()
    );
    let saved = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        saved.replace("Media policy 2012", "Media policy 2013"),
    )
    .unwrap();
    let out = run(home.path(), &["verify", file, "--seal", &seal]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stdout).contains("media.policy: the evidence is \"Media policy 2013\""),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn assurance_is_in_the_json_and_an_asserted_high_yes_is_warned() {
    let home = tempfile::tempdir().unwrap();
    let path = answered(home.path());
    let file = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        format!("{file}\n[answers.\"gifts.policy\"]\nvalue = \"yes\"\nevidence = [\"Gifts policy\"]\nassurance = \"verified\"\nverified_by = \"Internal Audit\"\nverified_on = 2012-11-20\n"),
    )
    .unwrap();
    let out = run(
        home.path(),
        &["report", path.to_str().unwrap(), "--format", "json"],
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let answers: Vec<&serde_json::Value> = json["areas"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| a["items"].as_array().unwrap())
        .collect();
    let row = |id: &str| *answers.iter().find(|r| r["id"] == id).unwrap();
    assert_eq!(row("media.policy")["assurance"], "asserted");
    assert_eq!(row("gifts.policy")["assurance"], "verified");
    assert_eq!(row("gifts.policy")["verified_by"], "Internal Audit");
    assert_eq!(row("gifts.policy")["verified_on"], "2012-11-20");
    let warned: Vec<&str> = json["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["code"] == "high-asserted-only")
        .map(|w| w["item"].as_str().unwrap())
        .collect();
    assert_eq!(warned, ["media.policy"]);
    let gifts = json["score"]["areas"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "gifts")
        .unwrap();
    assert_eq!(gifts["assurance"]["verified"], 1);
    let md = text(
        &run(
            home.path(),
            &["report", path.to_str().unwrap(), "--format", "md"],
        )
        .stdout,
    );
    assert!(
        md.contains("Media policy: a high-severity question answered as met on assertion alone"),
        "{md}"
    );
    assert!(
        md.contains("(verified by Internal Audit on 2012-11-20)"),
        "{md}"
    );
}

#[test]
fn answer_sets_the_assurance_and_records_it_in_the_history() {
    let home = tempfile::tempdir().unwrap();
    let path = answered(home.path());
    let file = path.to_str().unwrap();
    let out = run(
        home.path(),
        &["answer", file, "media.policy", "--assurance", "verified"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("needs --verified-by"),
        "{}",
        text(&out.stderr)
    );
    let out = run(
        home.path(),
        &[
            "answer",
            file,
            "media.policy",
            "--assurance",
            "verified",
            "--verified-by",
            "Internal Audit",
            "--verified-on",
            "10/01/2013",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(
        saved.contains(
            "assurance = \"verified\"\nverified_by = \"Internal Audit\"\nverified_on = 2013-01-10"
        ),
        "{saved}"
    );
    let listed = text(&run(home.path(), &["history", file, "--item", "media.policy"]).stdout);
    assert!(
        listed.contains("Jo Bloggs  media.policy: assurance none → \"verified\""),
        "{listed}"
    );
    let shown = text(&run(home.path(), &["show", file, "media.policy"]).stdout);
    assert!(
        shown.contains("Assurance: verified by Internal Audit on 2013-01-10"),
        "{shown}"
    );
    assert!(run(home.path(), &["verify", file]).status.success());
}

/// The invented force's 2026 assessment, copied into a data folder.
fn northmoor(home: &Path) -> PathBuf {
    let path = home.join("northmoor-2026.toml");
    std::fs::copy("tests/fixtures/northmoor-2026.toml", &path).unwrap();
    path
}

/// The report's judgement of one area, as JSON.
fn judgement(home: &Path, file: &str, area: &str) -> serde_json::Value {
    let out = run(home, &["report", file, "--format", "json"]);
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
    let out = run(
        home.path(),
        &[
            "judge",
            file,
            "abuse of position",
            "Good",
            "--rationale",
            "Proactive monitoring began in March and has already found two cases.",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("apsp: Abuse of position for a sexual purpose")
            && stdout.contains("Derived: Adequate")
            && stdout.contains("Overridden: Good"),
        "{stdout}"
    );
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(
        saved.contains("[judgements.apsp]\noverride = \"good\"\nrationale = \"Proactive monitoring began in March and has already found two cases.\""),
        "{saved}"
    );

    let j = judgement(home.path(), file, "apsp");
    assert_eq!(j["derived"], "adequate");
    assert_eq!(j["override"], "good");
    assert_eq!(
        j["rationale"],
        "Proactive monitoring began in March and has already found two cases."
    );

    let out = run(home.path(), &["history", file]);
    let listed = text(&out.stdout);
    assert!(
        listed.contains("Jo Bloggs  apsp: judgement override none → \"good\"\n"),
        "{listed}"
    );
    assert!(
        listed.contains("Jo Bloggs  apsp: rationale for the judgement none → \"Proactive monitoring began in March and has already found two cases.\"\n"),
        "{listed}"
    );
    // The override written by hand in the fixture is adopted with the file as it stood, in
    // one entry, not recorded as a change made here or by the person who opened it.
    assert!(
        listed.contains("history begun: probity adopted the file as it stood"),
        "{listed}"
    );
    assert!(!listed.contains("changed outside probity"), "{listed}");

    let out = run(home.path(), &["verify", file]);
    assert!(out.status.success(), "{}", text(&out.stdout));
    assert!(text(&out.stdout).contains("everything holds"));

    // The history of one area's judgement, on its own.
    let out = run(home.path(), &["history", file, "--item", "apsp"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout).lines().count(),
        2,
        "{}",
        text(&out.stdout)
    );

    // Clearing takes the override and its rationale away and leaves the notable practice.
    let out = run(home.path(), &["judge", file, "apsp", "--clear"]);
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
    let out = run(home.path(), &["history", file]);
    assert!(
        text(&out.stdout).contains("apsp: judgement override \"good\" → none"),
        "{}",
        text(&out.stdout)
    );
    let out = run(home.path(), &["verify", file]);
    assert!(out.status.success(), "{}", text(&out.stdout));

    // Clearing again changes nothing.
    let before = std::fs::read(&path).unwrap();
    let out = run(home.path(), &["judge", file, "apsp", "--clear"]);
    assert!(out.status.success());
    assert!(text(&out.stdout).contains("Nothing changed"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_hand_edit_of_an_override_is_found_by_verify_naming_the_area() {
    let home = tempfile::tempdir().unwrap();
    let path = northmoor(home.path());
    let file = path.to_str().unwrap();
    let out = run(
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
    let out = run(home.path(), &["verify", file]);
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
    let out = run(home, &all);
    assert_eq!(out.status.code(), Some(1), "{args:?}");
    let stderr = text(&out.stderr);
    assert!(stderr.contains(message), "{args:?}: {stderr}");
    assert_eq!(std::fs::read(path).unwrap(), before, "{args:?}");
    assert_eq!(std::fs::read(&history).ok(), logged, "{args:?}");
}

/// A new integrity-2026 assessment, its history begun, so a refusal has nothing to record.
fn started(home: &Path) -> PathBuf {
    let out = run(
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
        &["context", "good", "--rationale", "x"],
        "error: context (About this assessment): this area asks no scored questions, so it has no judgement to override",
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

    let out = run(
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
    let out = run(
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

/// Every command that opens a file to change it says what it found changed outside probity,
/// as `sign` does, before it records it; none records a hand edit in silence.
#[test]
fn every_command_that_changes_a_file_says_what_was_changed_outside_probity() {
    let home = tempfile::tempdir().unwrap();
    let path = answered(home.path());
    let file = path.to_str().unwrap();
    let out = run(home.path(), &["answer", file, "media.training", "yes"]);
    let stderr = text(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains(
            "The file had changed since probity last recorded it; the history now records"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("media.policy: answer none → \"yes\" (changed outside probity)"),
        "{stderr}"
    );
}

/// A history deleted, or cut short, outside probity is recorded as a break the next time a
/// command opens the file, said on its output, and named by `verify` for good: rebuilding the
/// history from the file never makes it verify clean again.
#[test]
fn a_deleted_or_cut_short_history_is_recorded_as_a_break_that_verify_names_for_good() {
    for cut in ["deleted", "cut short"] {
        let home = tempfile::tempdir().unwrap();
        let path = answered(home.path());
        let file = path.to_str().unwrap();
        assert!(
            run(home.path(), &["answer", file, "media.training", "yes"])
                .status
                .success()
        );
        assert!(
            run(home.path(), &["answer", file, "media.training", "no"])
                .status
                .success()
        );
        let log = probity_core::history::path_for(&path);
        if cut == "deleted" {
            std::fs::remove_file(&log).unwrap();
        } else {
            let text = std::fs::read_to_string(&log).unwrap();
            let lines: Vec<&str> = text.lines().collect();
            let kept = lines[..lines.len() - 2].join("\n") + "\n";
            std::fs::write(&log, kept).unwrap();
        }
        let out = run(home.path(), &["answer", file, "media.policy", "partial"]);
        let stderr = text(&out.stderr);
        assert!(out.status.success(), "{cut}: {stderr}");
        assert!(
            stderr.contains("history restarted: the entries up to "),
            "{cut}: {stderr}"
        );
        // Whatever is done since, verify names the break.
        assert!(
            run(home.path(), &["answer", file, "media.policy", "yes"])
                .status
                .success()
        );
        let out = run(home.path(), &["verify", file]);
        let stdout = text(&out.stdout);
        assert_eq!(out.status.code(), Some(1), "{cut}: {stdout}");
        assert!(
            stdout.contains("- the history restarted on ")
                && stdout.contains("were missing, deleted or cut short outside probity"),
            "{cut}: {stdout}"
        );
        let history = std::fs::read_to_string(&log).unwrap();
        assert_eq!(
            history.matches("\"restarted\"").count(),
            1,
            "{cut}: recorded once"
        );
    }
}

/// A file probity has no history for is adopted in one baseline entry (who opened it, when,
/// the file's hash and how many questions it answered), not an entry per answer attributed to
/// whoever opened it; `verify` checks from there and says earlier changes are unrecorded.
#[test]
fn a_file_without_a_history_is_adopted_in_one_baseline_entry() {
    let home = tempfile::tempdir().unwrap();
    let path = northmoor(home.path());
    let file = path.to_str().unwrap();
    let log = probity_core::history::path_for(&path);
    assert!(!log.exists());
    let hash = probity_core::storage::sha256_hex(&std::fs::read(&path).unwrap());

    let out = run(home.path(), &["answer", file, "governance.lead", "yes"]);
    let stderr = text(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("The file had no history; probity began one:")
            && stderr.contains("history begun: probity adopted the file as it stood ("),
        "{stderr}"
    );

    let lines: Vec<serde_json::Value> = std::fs::read_to_string(&log)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let adopted: Vec<&serde_json::Value> =
        lines.iter().filter(|l| l["kind"] == "adopted").collect();
    assert_eq!(adopted.len(), 1, "{lines:?}");
    assert_eq!(adopted[0]["by"], "Jo Bloggs");
    assert_eq!(adopted[0]["hash"], hash.as_str());
    assert!(adopted[0]["answered"].as_u64().unwrap() > 100);
    // Nothing that was already in the file is recorded as a change made now.
    assert!(lines.iter().all(|l| l["cause"] != "outside"), "{lines:?}");
    assert_eq!(lines.len(), 2, "the baseline, then the answer given");

    let out = run(home.path(), &["verify", file]);
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.contains("everything holds")
            && stdout.contains("when Jo Bloggs opened the file in probity and it was adopted as it stood; changes made before then are unrecorded."),
        "{stdout}"
    );

    // A later hand edit is still found and recorded against the baseline.
    let edited = std::fs::read_to_string(&path)
        .unwrap()
        .replace("value = \"yes\"\n", "value = \"no\"\n");
    std::fs::write(&path, edited).unwrap();
    let out = run(home.path(), &["verify", file]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
}

/// The name changes are recorded under, and a judgement's rationale, are capped as every other
/// name and text is: a clear refusal naming the field and the limit, the file untouched.
#[test]
fn an_over_long_name_or_rationale_is_refused_with_its_limit() {
    let home = tempfile::tempdir().unwrap();
    let long_name = "N".repeat(201);
    let out = probity()
        .home(home.path())
        .args(["--as", &long_name, "history", "x.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("the name changes are recorded under is 201 characters long, over its limit of 200 characters")
            && stderr.contains("--as"),
        "{stderr}"
    );

    let path = northmoor(home.path());
    let file = path.to_str().unwrap();
    let before = std::fs::read(&path).unwrap();
    let long = "r".repeat(32 * 1024 + 1);
    let out = run(
        home.path(),
        &["judge", file, "apsp", "good", "--rationale", &long],
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains(
            "the rationale for the judgement is 32,769 bytes long, over its limit of 32 KB"
        ),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
}
