//! Every validation error has a fixture under tests/fixtures/invalid; each must be refused by
//! `probity check` with exit code 1, a message that says what is wrong, and its line and column.

use crate::support::{Setting, case_tests, joined_stderr, probity};

/// (fixture, words the message must contain, `line:column`)
const CASES: &[(&str, &str, &str)] = &[
    ("syntax.toml", "invalid basic string", "8:15"),
    (
        "duplicate-item.toml",
        "duplicate item id \"gifts.policy\"",
        "17:6",
    ),
    (
        "unknown-item.toml",
        "unknown item \"gifts.registr\"",
        "22:65",
    ),
    (
        "incompatible-kinds.toml",
        "is a status item, so it cannot be compared with a number",
        "20:19",
    ),
    (
        "unknown-option.toml",
        "\"staff_reports\" is not a possible answer of \"media.social.monitoring\"",
        "23:58",
    ),
    ("unknown-field.toml", "unknown field `colour`", "15:1"),
    ("empty-area.toml", "area \"training\" has no items", "17:6"),
    (
        "ask-cycle.toml",
        "ask_if conditions form a cycle: gifts.register → gifts.monitored → gifts.register",
        "15:10",
    ),
    (
        "choice-without-options.toml",
        "choice item \"procurement.cards.review\" has no options",
        "14:8",
    ),
    ("unknown-kind.toml", "unknown variant `pounds`", "14:8"),
    (
        "control-character.toml",
        "control character \\u{1b} in the file",
        "8:16",
    ),
    (
        "condition-shape.toml",
        "a condition needs exactly one of",
        "20:10",
    ),
    (
        "unknown-recommendation.toml",
        "unknown recommendation \"R9\"",
        "19:20",
    ),
    (
        "contradicts-unknown-answer.toml",
        "`contradicts` lists \"current\", which \"corruption.threat_assessment\" cannot hold",
        "28:15",
    ),
    (
        "contradicts-wrong-kind.toml",
        "`contradicts` names \"corruption.threat_assessment_on\", a date item",
        "28:24",
    ),
    (
        "assessment-wrong-kind.toml",
        "the answer to \"gifts.policy\" is \"maybe\", which does not fit",
        "7:9",
    ),
    (
        "assessment-newer-format.toml",
        "written in file format 2 by a newer version of probity",
        "1:10",
    ),
    (
        "assessment-unknown-field.toml",
        "unknown field `comment`",
        "8:1",
    ),
    (
        "assessment-bad-count.toml",
        "takes a whole number of zero or more",
        "7:9",
    ),
    (
        "assessment-bad-date.toml",
        "is not a date such as 2013-03-31",
        "8:7",
    ),
    (
        "assessment-verified-without-name.toml",
        "\"gifts.policy\" is verified but does not say by whom",
        "8:13",
    ),
    (
        "assessment-unknown-assurance.toml",
        "unknown variant `certain`, expected one of `asserted`, `evidenced`, `verified`",
        "8:13",
    ),
    (
        "grading-thresholds.toml",
        "`adequate` (75) is above `good` (60)",
        "19:12",
    ),
    (
        "grading-unknown-area.toml",
        "unknown area \"gift\"",
        "25:19",
    ),
    (
        "age-test-kind.toml",
        "is a status item, so `older_than_months` cannot test it",
        "22:17",
    ),
    (
        "assessment-judgement-unknown-area.toml",
        "unknown area \"vetinng\" in `judgements`",
        "6:13",
    ),
    (
        "assessment-judgement-bad-grade.toml",
        "\"requires improvement\" is not a grade",
        "7:12",
    ),
    (
        "assessment-override-without-rationale.toml",
        "the override of \"apsp\" has no rationale",
        "7:12",
    ),
    (
        "assessment-judgement-ungraded.toml",
        "checklist wfof-2011 defines no graded judgements",
        "6:13",
    ),
    (
        "assessment-missing-force.toml",
        "missing field `force`",
        "1:1",
    ),
    (
        "assessment-conflict-wrong-kind.toml",
        "the incoming answer to \"gifts.policy\" is \"maybe\", which does not fit",
        "10:9",
    ),
    (
        "assessment-conflict-no-from.toml",
        "missing field `from`",
        "9:1",
    ),
    (
        "assessment-conflict-empty.toml",
        "the incoming answer to \"gifts.policy\" holds nothing to take",
        "9:1",
    ),
    (
        "assessment-conflict-bad-received.toml",
        "the date received of the incoming answer to \"gifts.policy\" is \"last Tuesday\", which is not a date",
        "13:12",
    ),
];

fn check(fixture: &str) -> (i32, String) {
    let path = format!("tests/fixtures/invalid/{fixture}");
    let out = probity()
        .args(["check", &path])
        .home("/nonexistent-probity-home")
        .output()
        .unwrap();
    (out.status.code().unwrap_or(-1), joined_stderr(&out))
}

/// The fixture `name`.toml is refused with its case's message and place.
fn refused(name: &str) {
    let fixture = format!("{name}.toml");
    let (_, message, at) = CASES
        .iter()
        .find(|c| c.0 == fixture)
        .unwrap_or_else(|| panic!("no case {fixture}"));
    let (code, stderr) = check(&fixture);
    let place = format!("tests/fixtures/invalid/{fixture}:{at}");
    assert!(
        code == 1 && stderr.contains(message) && stderr.contains(&place),
        "{fixture}: exit {code}, wanted message {message:?} at {place}\n{stderr}"
    );
}

case_tests!(refused;
    syntax,
    duplicate_item,
    unknown_item,
    incompatible_kinds,
    unknown_option,
    unknown_field,
    empty_area,
    ask_cycle,
    choice_without_options,
    unknown_kind,
    control_character,
    condition_shape,
    unknown_recommendation,
    contradicts_unknown_answer,
    contradicts_wrong_kind,
    assessment_wrong_kind,
    assessment_newer_format,
    assessment_unknown_field,
    assessment_bad_count,
    assessment_bad_date,
    assessment_verified_without_name,
    assessment_unknown_assurance,
    grading_thresholds,
    grading_unknown_area,
    age_test_kind,
    assessment_judgement_unknown_area,
    assessment_judgement_bad_grade,
    assessment_override_without_rationale,
    assessment_judgement_ungraded,
    assessment_missing_force,
    assessment_conflict_wrong_kind,
    assessment_conflict_no_from,
    assessment_conflict_empty,
    assessment_conflict_bad_received,
);

#[test]
fn every_fixture_in_the_folder_is_covered() {
    let mut files: Vec<String> = std::fs::read_dir("tests/fixtures/invalid")
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut covered: Vec<String> = CASES.iter().map(|c| c.0.to_string()).collect();
    covered.sort();
    assert_eq!(files, covered);
    let mut tested: Vec<String> = NAMES
        .iter()
        .map(|n| format!("{}.toml", n.replace('_', "-")))
        .collect();
    tested.sort();
    assert_eq!(tested, covered);
}

#[test]
fn no_control_character_from_a_file_reaches_the_terminal() {
    let (_, stderr) = check("control-character.toml");
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains('\u{7}'),
        "{stderr:?}"
    );
}

#[test]
fn a_newer_format_file_is_left_untouched() {
    let before = std::fs::read("tests/fixtures/invalid/assessment-newer-format.toml").unwrap();
    let out = probity()
        .args([
            "report",
            "tests/fixtures/invalid/assessment-newer-format.toml",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        std::fs::read("tests/fixtures/invalid/assessment-newer-format.toml").unwrap(),
        before
    );
}

#[test]
fn usage_errors_exit_with_two() {
    let out = probity().args(["report"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = probity()
        .args(["report", "x.toml", "--format", "pdf"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_shipped_checklist_and_seed_fixtures_are_valid() {
    for file in [
        "checklists/wfof-2011.toml",
        "tests/fixtures/dorset-2012.toml",
        "tests/fixtures/durham-2012.toml",
    ] {
        probity()
            .args(["check", file])
            .today("2012-12-01")
            .assert()
            .success();
    }
}
