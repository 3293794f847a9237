//! Claim nothing the record cannot carry (issue 22): FINAL only with a seal that verifies,
//! no sign-off over open doubts, unconfirmed carried answers left out of every score and
//! verdict, progress verdicts only against a baseline, and an as-at date that fits the period.

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::honesty::{html_text, xlsx_text};
use crate::support::word::WordDoc;
use crate::support::{Setting, fixture, probity, text};

/// probity acting as Jo Bloggs on 7 December 2026, the day the documents were read.
fn run(home: &Path, args: &[&str]) -> Output {
    probity()
        .home(home)
        .today("2026-12-07")
        .args(["--as", "Jo Bloggs"])
        .args(args)
        .output()
        .unwrap()
}

/// `run`, which must succeed, as text.
fn ok(home: &Path, args: &[&str]) -> String {
    let out = run(home, args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout)
}

/// A copy of a fixture in `home`.
fn copy(home: &Path, name: &str) -> PathBuf {
    let path = home.join(name);
    std::fs::copy(fixture(name), &path).unwrap();
    path
}

/// What a reader sees of the report on `file` in each format: (format, text).
fn every_format(home: &Path, file: &str) -> Vec<(&'static str, String)> {
    let bytes = |format: &str| {
        let out = run(home, &["report", file, "--format", format]);
        assert!(out.status.success(), "{format}: {}", text(&out.stderr));
        out.stdout
    };
    let word = WordDoc::read(bytes("docx"));
    let mut docx = word.body_text();
    docx.push('\n');
    docx.push_str(&word.part("word/document.xml"));
    vec![
        ("md", text(&bytes("md"))),
        ("narrative", text(&bytes("narrative"))),
        ("html", html_text(&text(&bytes("html")))),
        ("docx", docx),
        ("xlsx", xlsx_text(bytes("xlsx"))),
        ("json", text(&bytes("json"))),
    ]
}

/// Dorset 2012's answers flagged for review: assumed beyond what HMIC's letter says.
const DORSET_FLAGGED: [&str; 4] = [
    "gifts.register.monitoring",
    "business.policy",
    "business.decisions",
    "values.statement",
];

/// Confirms Dorset 2012's answers flagged for review (or sign-off is refused), then signs.
fn confirm_and_sign(home: &Path, file: &str) {
    for item in DORSET_FLAGGED {
        ok(home, &["answer", file, item, "--no-review"]);
    }
    ok(home, &["sign", file, "--by", "A. Chief", "--role", "DCC"]);
}

const UNSEALED: &str = "Marked final but not sealed";

#[test]
fn a_hand_marked_final_file_is_not_final_in_any_format() {
    let home = tempfile::tempdir().unwrap();
    // Dorset 2013 says stage = "final" by hand, with no signature.
    let path = copy(home.path(), "dorset-2013.toml");
    let file = path.to_str().unwrap();
    for (format, shown) in every_format(home.path(), file) {
        if format == "json" {
            let json: serde_json::Value = serde_json::from_str(&shown).unwrap();
            assert_eq!(json["finality"], "unsealed");
            assert_eq!(
                json["stage"], "final",
                "the file's own stage is still given"
            );
            continue;
        }
        assert!(shown.contains(UNSEALED), "{format}: {shown}");
        let badge_free = shown.replace("MARKED FINAL, NOT SEALED", "");
        assert!(
            !badge_free.contains("FINAL"),
            "{format} presents it as FINAL: {shown}"
        );
    }
    let html = text(&run(home.path(), &["report", file, "--format", "html"]).stdout);
    assert!(
        html.contains("<span class=\"badge bad\">MARKED FINAL, NOT SEALED</span>"),
        "the badge is not FINAL's green"
    );
}

#[test]
fn verify_says_a_hand_marked_final_file_is_not_sealed() {
    let home = tempfile::tempdir().unwrap();
    let path = copy(home.path(), "dorset-2013.toml");
    let out = run(home.path(), &["verify", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let said = text(&out.stdout);
    assert!(
        said.contains("the file is marked final but is not signed"),
        "{said}"
    );
    assert!(said.contains(UNSEALED), "{said}");
}

#[test]
fn only_a_seal_that_verifies_is_final_and_a_broken_one_is_not() {
    let home = tempfile::tempdir().unwrap();
    let path = copy(home.path(), "dorset-2012.toml");
    let file = path.to_str().unwrap();
    confirm_and_sign(home.path(), file);
    let md = ok(home.path(), &["report", file]);
    assert!(md.contains("(FINAL)"), "{md}");
    assert!(md.contains("Signed off by A. Chief, DCC, on "), "{md}");
    assert!(!md.contains(UNSEALED), "{md}");
    let html = ok(home.path(), &["report", file, "--format", "html"]);
    assert!(html.contains("<span class=\"badge good\">FINAL</span>"));

    // Changed by hand after signing: the seal no longer verifies.
    let saved = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, saved.replacen("value = 49", "value = 48", 1)).unwrap();
    for (format, shown) in every_format(home.path(), file) {
        if format == "json" {
            let json: serde_json::Value = serde_json::from_str(&shown).unwrap();
            assert_eq!(json["finality"], "unsealed");
            continue;
        }
        assert!(shown.contains(UNSEALED), "{format}: {shown}");
        assert!(shown.contains("does not verify"), "{format}: {shown}");
    }
}

#[test]
fn sign_off_is_refused_while_an_answer_is_flagged_for_review() {
    let home = tempfile::tempdir().unwrap();
    let path = copy(home.path(), "dorset-2012.toml");
    let file = path.to_str().unwrap();
    let out = run(
        home.path(),
        &["sign", file, "--by", "A. Chief", "--role", "DCC"],
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("cannot be signed off yet"), "{stderr}");
    // Named by its short label, never its id.
    assert!(
        stderr.contains("\"Gifts register reviewed\" is flagged for review"),
        "{stderr}"
    );
    let refusal = stderr.split("cannot be signed off yet").nth(1).unwrap();
    assert!(!refusal.contains("gifts.register.monitoring"), "{refusal}");
    assert!(
        !std::fs::read_to_string(&path)
            .unwrap()
            .contains("stage = \"final\"")
    );
    confirm_and_sign(home.path(), file);
    // Signed with no doubt open, the narrative no longer calls anything provisional.
    let narrative = ok(home.path(), &["report", file, "--format", "narrative"]);
    assert!(
        !narrative.contains("to be confirmed"),
        "a sealed narrative says an answer is still to be confirmed: {narrative}"
    );
}

/// Dorset 2012 carried into 2013 on its own checklist, none of its answers confirmed.
fn carried(home: &Path) -> PathBuf {
    let next = home.join("dorset-2013.toml");
    ok(
        home,
        &[
            "new",
            "--no-tui",
            "--period",
            "2013",
            "--checklist",
            "wfof-2011",
            "--out",
            next.to_str().unwrap(),
            "--from",
            fixture("dorset-2012.toml").to_str().unwrap(),
        ],
    );
    next
}

#[test]
fn a_carried_unconfirmed_file_has_no_score_rating_or_verdict_and_says_how_many_in_every_format() {
    let home = tempfile::tempdir().unwrap();
    let path = carried(home.path());
    let file = path.to_str().unwrap();
    let json: serde_json::Value =
        serde_json::from_str(&ok(home.path(), &["report", file, "--format", "json"])).unwrap();
    let n = json["unconfirmed"].as_array().unwrap().len();
    assert!(n > 10, "{n} carried");
    assert_eq!(json["score"]["overall"], serde_json::Value::Null);
    assert_eq!(json["score"]["rating"], "not_scored");
    for area in json["score"]["areas"].as_array().unwrap() {
        assert_eq!(area["score"], serde_json::Value::Null, "{area}");
        assert_eq!(area["rating"], "not_scored", "{area}");
    }
    assert_eq!(
        json["verdicts"]["overall"]["verdict"],
        serde_json::Value::Null
    );
    for area in json["verdicts"]["areas"].as_array().unwrap() {
        assert_eq!(area["verdict"], serde_json::Value::Null, "{area}");
    }
    // Every finding is still listed, marked as resting on an unconfirmed answer.
    assert!(
        json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["unconfirmed"] == true)
    );
    let said = format!("{n} answers carried from 2012 are not yet confirmed and are not counted");
    for (format, shown) in every_format(home.path(), file) {
        if format == "json" {
            continue;
        }
        assert!(shown.contains(&said), "{format}: {shown}");
        for claim in [
            "out of 100, rated",
            "(score ",
            "Good progress",
            "Some progress",
        ] {
            assert!(!shown.contains(claim), "{format} says {claim}: {shown}");
        }
    }
}

#[test]
fn an_area_is_scored_only_on_its_confirmed_answers() {
    use probity_core::report::{Options, Report};
    use probity_core::scoring::{Rating, evaluate};
    let (mut a, c) =
        probity_core::assessment::load(&fixture("dorset-2012.toml"), crate::support::catalog())
            .unwrap();
    let today = jiff::civil::date(2012, 12, 1);
    let media: Vec<String> = c
        .area("media")
        .unwrap()
        .items
        .iter()
        .map(|i| i.id.clone())
        .collect();
    let before = evaluate(&c, &a, today);
    // One media answer carried and unconfirmed: scored as if it were not answered.
    let carried = media
        .iter()
        .find(|id| before.state(id).is_some_and(|s| s.credit == Some(1.0)))
        .unwrap()
        .clone();
    let mut unanswered = a.clone();
    unanswered.answers.remove(&carried);
    a.answers.get_mut(&carried).unwrap().carried = true;
    a.carried_from = Some("2011".into());
    let (with, without) = (evaluate(&c, &a, today), evaluate(&c, &unanswered, today));
    assert_eq!(
        with.area("media").unwrap().score,
        without.area("media").unwrap().score
    );
    assert_eq!(with.overall, without.overall);
    assert_eq!(with.unconfirmed, 1);
    // All of the area carried: not scored, and no rating.
    for id in &media {
        if let Some(answer) = a.answers.get_mut(id) {
            answer.carried = true;
        }
    }
    let all = evaluate(&c, &a, today);
    assert_eq!(all.area("media").unwrap().score, None);
    assert_eq!(all.area("media").unwrap().rating(), Rating::NotScored);
    let r = Report::new(&c, &a, &Options::new("OFFICIAL", today));
    let media_row = r.score.areas.iter().find(|s| s.id == "media").unwrap();
    assert_eq!(media_row.rating, Rating::NotScored);
}

#[test]
fn a_lone_file_has_no_progress_verdict_in_any_format_but_its_standing() {
    let home = tempfile::tempdir().unwrap();
    // Durham 2012 alone: its media area is rated Green, once called "Good progress".
    let path = copy(home.path(), "durham-2012.toml");
    let file = path.to_str().unwrap();
    let json: serde_json::Value =
        serde_json::from_str(&ok(home.path(), &["report", file, "--format", "json"])).unwrap();
    let verdicts = &json["verdicts"];
    assert_eq!(verdicts["compared_with"], serde_json::Value::Null);
    let media = verdicts["areas"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["area"] == "media")
        .unwrap();
    assert_eq!(media["verdict"], serde_json::Value::Null);
    assert_eq!(media["standing"], "green");
    for area in verdicts["areas"].as_array().unwrap() {
        assert_eq!(area["verdict"], serde_json::Value::Null, "{area}");
    }
    for (format, shown) in every_format(home.path(), file) {
        if format == "json" {
            continue;
        }
        for claim in ["Good progress", "Some progress", "Limited progress"] {
            assert!(!shown.contains(claim), "{format} says {claim}: {shown}");
        }
    }
    let md = ok(home.path(), &["report", file]);
    assert!(
        md.contains("| Relationships with the media and other parties | Rated Green | No progress verdict, as there is no earlier assessment of the force to measure against; it stands rated Green (score 87.5) with no high-severity finding open. |"),
        "{md}"
    );
}

#[test]
fn a_progress_verdict_is_given_against_an_earlier_assessment_of_the_force() {
    let home = tempfile::tempdir().unwrap();
    copy(home.path(), "dorset-2012.toml");
    let path = copy(home.path(), "dorset-2013.toml");
    let json: serde_json::Value = serde_json::from_str(&ok(
        home.path(),
        &["report", path.to_str().unwrap(), "--format", "json"],
    ))
    .unwrap();
    let verdicts = &json["verdicts"];
    assert_eq!(verdicts["compared_with"], "2012");
    assert!(
        verdicts["areas"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["basis"] == "comparison" && a["verdict"].is_string()),
        "{verdicts}"
    );
}

#[test]
fn a_past_period_without_a_completion_date_is_as_at_its_end_in_every_format() {
    let home = tempfile::tempdir().unwrap();
    // Dorset 2012 records the end of its period (31 May 2012) but no completion date.
    let path = copy(home.path(), "dorset-2012.toml");
    for (format, shown) in every_format(home.path(), path.to_str().unwrap()) {
        if format == "json" {
            let json: serde_json::Value = serde_json::from_str(&shown).unwrap();
            assert_eq!(json["as_at"], "2012-05-31");
            assert_eq!(json["as_at_basis"], "period_end");
            continue;
        }
        assert!(shown.contains("31 May 2012"), "{format}: {shown}");
        assert!(
            !shown.contains("overdue at 7 December 2026"),
            "{format}: {shown}"
        );
    }
    let md = ok(home.path(), &["report", path.to_str().unwrap()]);
    assert!(
        md.contains("This document is as at 31 May 2012, the end of the period the assessment covers, as no completion date is recorded and the period has ended"),
        "{md}"
    );
}

#[test]
fn a_period_named_by_a_year_alone_is_as_at_its_last_day_once_it_is_past() {
    let home = tempfile::tempdir().unwrap();
    // Thames Valley 2012 records neither a completion date nor the end of its period.
    let path = copy(home.path(), "thames-valley-2012.toml");
    let file = path.to_str().unwrap();
    let md = ok(home.path(), &["report", file]);
    assert!(
        md.contains("This document is as at 31 December 2012, the last day of the period the assessment is named for"),
        "{md}"
    );
    // While the period runs, the document is as at the day it is produced.
    let out = probity()
        .home(home.path())
        .today("2012-11-30")
        .args(["report", file])
        .output()
        .unwrap();
    assert!(
        text(&out.stdout)
            .contains("This document is as at 30 November 2012, the date it was produced"),
        "{}",
        text(&out.stdout)
    );
    // A date given still wins.
    let given = ok(home.path(), &["report", file, "--as-at", "2013-01-15"]);
    assert!(given.contains("This document is as at 15 January 2013, the date given"));
}

#[test]
fn an_earlier_assessment_named_with_previous_gives_progress_verdicts_only_for_the_same_force() {
    let home = tempfile::tempdir().unwrap();
    let path = copy(home.path(), "dorset-2013.toml");
    let file = path.to_str().unwrap();
    let earlier = fixture("dorset-2012.toml");
    let json: serde_json::Value = serde_json::from_str(&ok(
        home.path(),
        &[
            "report",
            file,
            "--format",
            "json",
            "--previous",
            earlier.to_str().unwrap(),
        ],
    ))
    .unwrap();
    assert_eq!(json["verdicts"]["compared_with"], "2012");
    // Another force is no baseline.
    let out = run(
        home.path(),
        &[
            "report",
            file,
            "--previous",
            fixture("durham-2012.toml").to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("progress is measured only against the same force"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn a_summary_across_checklists_says_so_and_counts_a_rule_only_over_the_forces_asked() {
    let home = tempfile::tempdir().unwrap();
    let dorset = copy(home.path(), "dorset-2012.toml");
    let durham = copy(home.path(), "durham-2012.toml");
    let northmoor = copy(home.path(), "northmoor-2026.toml");
    let files = [&dorset, &durham, &northmoor].map(|p| p.to_str().unwrap().to_string());
    let summary = |format: &str| {
        let mut args = vec!["summary", "--format", format];
        args.extend(files.iter().map(String::as_str));
        ok(home.path(), &args)
    };
    let md = summary("md");
    let mixed =
        "The forces answered different checklists, so they were not all asked the same questions";
    assert!(md.contains(mixed), "{md}");
    // The Word document and the workbook say so too.
    let bytes = |format: &str| {
        let mut args = vec!["summary", "--format", format];
        args.extend(files.iter().map(String::as_str));
        let out = run(home.path(), &args);
        assert!(out.status.success(), "{}", text(&out.stderr));
        out.stdout
    };
    let word = crate::support::word::WordDoc::read(bytes("docx")).body_text();
    assert!(word.contains(mixed), "{word}");
    let mut wb: calamine::Xlsx<_> =
        calamine::Xlsx::new(std::io::Cursor::new(bytes("xlsx"))).unwrap();
    use calamine::Reader;
    let about = wb.worksheet_range("About").unwrap();
    assert!(
        about
            .used_cells()
            .any(|(.., c)| c.to_string().starts_with(mixed)),
        "the workbook says the checklists differ"
    );
    let json: serde_json::Value = serde_json::from_str(&summary("json")).unwrap();
    assert_eq!(json["checklists"].as_array().unwrap().len(), 2);
    let asked = |id: &str| {
        json["rules"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == id)
            .unwrap()["asked"]
            .clone()
    };
    // A rule of the 2011 checklist alone is counted over the two 2011 forces, never "of 3";
    // one of the 2026 checklist alone over Northmoor; one both have over all three.
    assert_eq!(asked("business_interests_not_reviewed"), 2);
    assert_eq!(asked("access_before_vetting"), 1);
    assert_eq!(asked("gifts_register_not_crossreferenced"), 3);
    // In the gaps table, the forces column counts only the forces whose checklist asks it.
    let title = json["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "access_before_vetting")
        .unwrap()["title"]
        .as_str()
        .unwrap()
        .to_string();
    let row = md
        .lines()
        .find(|l| l.starts_with(&format!("| {title} |")))
        .expect("the rule's row");
    let cells: Vec<&str> = row.split(" | ").collect();
    assert_eq!(cells[4], "1", "{row}");
    let html = summary("html");
    assert!(html.contains("The forces answered different checklists"));
}

#[test]
fn a_summary_has_one_cell_per_column_and_counts_overdue_as_each_force_s_own_report_does() {
    let home = tempfile::tempdir().unwrap();
    let dorset = copy(home.path(), "dorset-2012.toml");
    let northmoor = copy(home.path(), "northmoor-2026.toml");
    let md = ok(
        home.path(),
        &[
            "summary",
            dorset.to_str().unwrap(),
            northmoor.to_str().unwrap(),
        ],
    );
    let table: Vec<&str> = md
        .split("## By force")
        .nth(1)
        .unwrap()
        .split("\n## ")
        .next()
        .unwrap()
        .lines()
        .filter(|l| l.starts_with('|') && !l.starts_with("|---"))
        .collect();
    let cells = |line: &str| line.matches(" | ").count();
    for row in &table {
        assert_eq!(cells(row), cells(table[0]), "{row}\n{md}");
    }
    // Each force's overdue count is its own report's.
    let json: serde_json::Value = serde_json::from_str(&ok(
        home.path(),
        &[
            "summary",
            "--format",
            "json",
            dorset.to_str().unwrap(),
            northmoor.to_str().unwrap(),
        ],
    ))
    .unwrap();
    for (path, force) in [
        (&dorset, "Dorset Police"),
        (&northmoor, "Northmoor Constabulary"),
    ] {
        let report: serde_json::Value = serde_json::from_str(&ok(
            home.path(),
            &["report", path.to_str().unwrap(), "--format", "json"],
        ))
        .unwrap();
        let own = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["status"] == "overdue")
            .count();
        let row = json["by_force"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["force"] == force)
            .unwrap();
        assert_eq!(row["overdue"], own, "{force}");
    }
}
