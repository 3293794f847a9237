//! Answering without the full-screen interface: `walk` from a pipe, and `answer`, `confirm` and
//! `show` from a script. Each goes through the same core path as the interface, so the files
//! they write are the files the interface would write.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use predicates::str::contains;

use probity::tui::{Action, App, update::update};
use probity_core::answer::Status;
use probity_core::document::Format;
use probity_core::report::{Options, Report};
use probity_core::workspace::{Start, Workspace};

use crate::support::{Setting, probity};

const TODAY: &str = "2012-12-01";

/// probity with `data` as its data folder, on 1 December 2012.
fn at(data: &Path) -> Command {
    let mut cmd = probity();
    cmd.home(data).today(TODAY);
    cmd
}

fn ws(data: &Path) -> Workspace {
    Workspace::new(Some(data), jiff::civil::date(2012, 12, 1)).unwrap()
}

/// A new, empty Dorset 2012 assessment in `data`, named `name`.
fn blank(data: &Path, name: &str) -> PathBuf {
    let path = data.join(name);
    ws(data)
        .start(&Start {
            force: Some("Dorset Police".into()),
            period: "2012".into(),
            out: Some(path.clone()),
            ..Start::default()
        })
        .unwrap();
    path
}

/// The Dorset fixture, copied into `data` so it may be changed.
fn dorset(data: &Path) -> PathBuf {
    let path = data.join("dorset-2012.toml");
    std::fs::copy("tests/fixtures/dorset-2012.toml", &path).unwrap();
    path
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

/// Bytes a terminal or a pipe would take as control: anything below 0x20 but newline and tab.
fn controls(bytes: &[u8]) -> Vec<u8> {
    bytes
        .iter()
        .copied()
        .filter(|&b| b < 0x20 && b != b'\n' && b != b'\t')
        .collect()
}

/// What a person pipes in: nine answers of every typed kind, a skip, a step back, and a stop.
/// The force was filled in when the assessment was started, so the walk begins after it.
const REPLIES: &str = "\
Head of Professional Standards
31/05/2012
1 April 2011
2012-3-31
s
y
15/01/2012
n
p
a
b
q
";

/// The same nine answers as the interface takes them: (item, typed text or status key).
const ANSWERS: [(&str, &str); 9] = [
    ("ctx.assessor", "Head of Professional Standards"),
    ("ctx.completed_on", "31/05/2012"),
    ("ctx.period_start", "1 April 2011"),
    ("ctx.period_end", "2012-3-31"),
    ("media.policy", "y"),
    ("media.policy.reviewed_on", "15/01/2012"),
    ("media.contact.recorded", "n"),
    ("media.contact.chief_officers_public", "p"),
    ("media.hospitality_from_media", "a"),
];

#[test]
fn a_piped_walk_answers_skips_goes_back_and_stops_with_every_answer_saved() {
    let data = tempfile::tempdir().unwrap();
    let path = blank(data.path(), "walked.toml");
    let out = at(data.path())
        .args(["walk", "walked.toml"])
        .write_stdin(REPLIES)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(controls(&out.stdout), Vec::<u8>::new(), "no control bytes");
    let transcript = String::from_utf8(out.stdout).unwrap();
    for said in [
        "Question 2 of 86: Who completed this assessment",
        "> 31/05/2012\nSaved: 31 May 2012.",
        "> s\n\nArea 2 of 12",
        "New finding (high): Media policy in place but contact with journalists not recorded",
        "> b\n\nQuestion 11 of 86",
        "Answer: Not applicable",
        "Stopped.\n11 of",
    ] {
        assert!(
            transcript.contains(said),
            "{said:?} missing from:\n{transcript}"
        );
    }
    let saved = read(&path);
    let (assessment, _) = ws(data.path()).load(&path).unwrap();
    let answered: Vec<&str> = assessment.answers.keys().map(String::as_str).collect();
    let mut expected: Vec<&str> = ANSWERS.iter().map(|(id, _)| *id).collect();
    expected.extend(["ctx.force", "ctx.previous_run"]);
    expected.sort();
    assert_eq!(answered, expected, "{saved}");
    for (id, value) in [
        ("ctx.completed_on", "2012-05-31"),
        ("ctx.period_start", "2011-04-01"),
        ("ctx.period_end", "2012-03-31"),
        ("media.policy.reviewed_on", "2012-01-15"),
        ("media.policy", "yes"),
        ("media.contact.chief_officers_public", "partial"),
        ("media.hospitality_from_media", "na"),
    ] {
        assert_eq!(assessment.value(id).unwrap().to_string(), value, "{id}");
    }
}

#[test]
fn a_walk_writes_the_same_file_and_report_as_the_interface() {
    let data = tempfile::tempdir().unwrap();
    let walked = blank(data.path(), "walked.toml");
    at(data.path())
        .args(["walk", "walked.toml"])
        .write_stdin(REPLIES)
        .assert()
        .success();

    let keyed = blank(data.path(), "keyed.toml");
    let mut app = App::open(ws(data.path()), &keyed).unwrap();
    for (id, typed) in ANSWERS {
        app.session_mut().unwrap().select(id);
        match Status::parse_typed(typed).filter(|_| typed.len() == 1) {
            Some(status) => update(&mut app, Action::Answer(status)),
            None => {
                update(&mut app, Action::EditAnswer);
                update(&mut app, Action::Paste(typed.into()));
                update(&mut app, Action::Submit);
            }
        }
    }
    drop(app);

    // Each file names the last entry of its own history, which differ in time; all else is equal.
    let unpointed = |path: &Path| {
        read(path)
            .lines()
            .filter(|l| !l.starts_with("recorded = "))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(
        unpointed(&walked),
        unpointed(&keyed),
        "the same file, byte for byte"
    );
    let report = |path: &Path| {
        let ws = ws(data.path());
        let (a, c) = ws.load(path).unwrap();
        let options = Options::new("OFFICIAL", ws.today);
        probity_core::document::Document::render(&Report::new(&c, &a, &options), Format::Json)
            .unwrap()
    };
    assert_eq!(report(&walked), report(&keyed), "the same report");
}

#[test]
fn a_walk_starts_at_an_area_and_says_when_everything_is_answered() {
    let data = tempfile::tempdir().unwrap();
    dorset(data.path());
    at(data.path())
        .args(["walk", "dorset-2012.toml", "--area", "hospitality"])
        .write_stdin("?\nf\nq\n")
        .assert()
        .success()
        .stdout(
            contains("Area 4 of 12: Gifts and hospitality (gifts)")
                .and(contains("What good looks like:"))
                .and(contains("Findings: ")),
        );
    at(data.path())
        .args(["walk", "dorset-2012.toml", "--area", "nosuch"])
        .assert()
        .code(1)
        .stderr(
            contains("no area matches \"nosuch\"").and(contains("the areas are context, media")),
        );
}

#[test]
fn answer_records_a_value_with_its_note_evidence_owner_and_due_date() {
    let data = tempfile::tempdir().unwrap();
    let path = blank(data.path(), "a.toml");
    at(data.path())
        .args([
            "answer",
            "a.toml",
            "awards and purchases compared with entries in the gifts",
            "no",
            "--note",
            "Not yet cross-checked",
            "--evidence",
            "Procurement procedure 2012",
            "--evidence",
            "Register extract",
            "--owner",
            "Head of Procurement",
            "--due",
            "31/03/2013",
            "--review",
        ])
        .assert()
        .success()
        .stdout(
            contains("procurement.gifts_crossref: Are contract awards")
                .and(contains("Answer: No"))
                .and(contains("New finding (high)")),
        )
        .stderr(contains("Saved"));
    let text = read(&path);
    for line in [
        "[answers.\"procurement.gifts_crossref\"]\nvalue = \"no\"",
        "note = \"Not yet cross-checked\"",
        "evidence = [\"Procurement procedure 2012\", \"Register extract\"]",
        "owner = \"Head of Procurement\"",
        "due = 2013-03-31",
        "review = true",
    ] {
        assert!(text.contains(line), "{line}\n{text}");
    }
    // Numbers, UK dates, status letters and clearing; the note stays when the value goes.
    for args in [
        ["business.applications", "1,049"],
        ["ctx.completed_on", "30 November 2012"],
        ["media.policy", "y"],
    ] {
        at(data.path())
            .arg("answer")
            .arg(&path)
            .args(args)
            .assert()
            .success();
    }
    at(data.path())
        .args([
            "answer",
            "a.toml",
            "procurement.gifts_crossref",
            "--clear",
            "--no-review",
        ])
        .assert()
        .success();
    let text = read(&path);
    assert!(
        text.contains("value = 1049") && text.contains("value = 2012-11-30"),
        "{text}"
    );
    assert!(
        text.contains("[answers.\"media.policy\"]\nvalue = \"yes\""),
        "{text}"
    );
    assert!(
        text.contains("[answers.\"procurement.gifts_crossref\"]\nnote = \"Not yet cross-checked\"")
            && !text.contains("review = true"),
        "{text}"
    );
}

/// Runs `answer` with `args`, expecting exit 1, the file byte for byte as it was, and every
/// piece of `said` in the error.
fn refused(data: &Path, path: &Path, args: &[&str], said: &[&str]) {
    let before = std::fs::read(path).unwrap();
    let out = at(data)
        .arg("answer")
        .arg(path)
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
    // What opening found changed outside probity may be said first; the refusal is an error.
    assert!(stderr.lines().any(|l| l.starts_with("error: ")), "{stderr}");
    for s in said {
        assert!(stderr.contains(s), "{args:?}: {s:?} missing from {stderr}");
    }
    assert_eq!(
        std::fs::read(path).unwrap(),
        before,
        "{args:?} changed the file"
    );
}

#[test]
fn answer_refuses_bad_input_and_leaves_the_file_byte_for_byte_unchanged() {
    let data = tempfile::tempdir().unwrap();
    let path = dorset(data.path());
    let d = data.path();
    refused(
        d,
        &path,
        &["media.policy", "maybe"],
        &[
            "media.policy (Is there a current written policy",
            "\"maybe\" is not one of \"yes\", \"partial\", \"no\" or \"na\"",
        ],
    );
    refused(
        d,
        &path,
        &["business.applications", "4.5"],
        &[
            "business.applications",
            "\"4.5\" is not a whole number of zero or more",
        ],
    );
    refused(
        d,
        &path,
        &["ctx.completed_on", "31/02/2012"],
        &["\"31/02/2012\" is not a date: February 2012 has 29 days, so there is no 31 February"],
    );
    refused(
        d,
        &path,
        &["media.policy", "yes", "--due", "next week"],
        &["the due date \"next week\" is not a date such as 31/03/2013"],
    );
    refused(
        d,
        &path,
        &["media.polcy", "yes"],
        &[
            "no item matches \"media.polcy\"; the nearest ids are media.policy",
            "probity show FILE",
        ],
    );
    refused(
        d,
        &path,
        &["policy", "yes"],
        &[
            "\"policy\" matches 10 items: media.policy, ",
            "  gifts.policy: Do staff have",
        ],
    );
    // Each field has a limit, named with the item; nothing is written over it.
    let long = "N".repeat(40_000);
    refused(
        d,
        &path,
        &["media.policy", "--note", &long],
        &[
            "media.policy (",
            "the note is 40,000 bytes long, over its limit of 32 KB (32,768 bytes)",
        ],
    );
    let long = "E".repeat(3_000);
    refused(
        d,
        &path,
        &["media.policy", "yes", "--evidence", &long],
        &["the evidence reference is 3,000 bytes long, over its limit of 2 KB (2,048 bytes)"],
    );
    let long = "O".repeat(201);
    refused(
        d,
        &path,
        &["media.policy", "--owner", &long],
        &["the owner is 201 characters long, over its limit of 200 characters"],
    );
    // A usage error is exit 2, and leaves the file alone too.
    let before = read(&path);
    at(d)
        .args([
            "answer",
            "dorset-2012.toml",
            "media.policy",
            "yes",
            "--clear",
        ])
        .assert()
        .code(2);
    at(d)
        .args(["answer", "dorset-2012.toml", "media.policy"])
        .assert()
        .code(2);
    assert_eq!(read(&path), before);
}

#[test]
fn confirm_marks_carried_answers_confirmed() {
    let data = tempfile::tempdir().unwrap();
    dorset(data.path());
    at(data.path())
        .args([
            "new",
            "--from",
            "dorset-2012.toml",
            "--period",
            "2013",
            "--checklist",
            "wfof-2011",
            "--no-tui",
        ])
        .assert()
        .success();
    let file = "dorset-police-2013.toml";
    let path = data.path().join(file);
    let carried = || read(&path).matches("carried = true").count();
    let all = carried();
    assert!(all > 10);
    at(data.path())
        .args(["confirm", file, "media.policy", "keep a register of gifts"])
        .assert()
        .success()
        .stdout(
            contains("Confirmed 2 answers: media.policy, gifts.register.exists.")
                .and(contains(format!("{} answers still to confirm.", all - 2))),
        );
    assert_eq!(carried(), all - 2);
    let before = read(&path);
    at(data.path())
        .args(["confirm", file, "media.polcy"])
        .assert()
        .code(1)
        .stderr(contains("nearest ids are media.policy"));
    at(data.path()).args(["confirm", file]).assert().code(2);
    assert_eq!(read(&path), before);
    at(data.path())
        .args(["confirm", file, "--area", "media"])
        .assert()
        .success();
    let (assessment, _) = ws(data.path()).load(&path).unwrap();
    assert!(assessment.unconfirmed().all(|id| !id.starts_with("media.")));
    assert!(assessment.unconfirmed().next().is_some());
    at(data.path())
        .args(["confirm", file, "--all"])
        .assert()
        .success();
    assert_eq!(carried(), 0);
    at(data.path())
        .args(["confirm", file, "--all"])
        .assert()
        .success()
        .stdout(contains("No answer needed confirming."));
    // Nothing carried stands in the way of signing off any more.
    let out = at(data.path())
        .args(["sign", file, "--by", "A. Chief", "--role", "DCC"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("was carried from last period"), "{stderr}");
}

#[test]
fn show_prints_questions_guidance_answers_and_findings_as_plain_text() {
    let data = tempfile::tempdir().unwrap();
    let path = dorset(data.path());
    // Text that would drive a terminal, had it reached the file, comes out as visible escapes.
    at(data.path())
        .args([
            "answer",
            "dorset-2012.toml",
            "media.training",
            "--note",
            "a\u{1b}]0;x\u{7}b",
        ])
        .assert()
        .success();
    let out = at(data.path())
        .args(["show", "dorset-2012.toml"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(controls(&out.stdout), Vec::<u8>::new());
    let text = String::from_utf8(out.stdout).unwrap();
    for said in [
        "Dorset Police, 2012:",
        "Area: Gifts and hospitality (gifts):",
        "procurement.gifts_crossref: Are contract awards",
        "  Answer: No",
        "  What good looks like:",
        "  Finding (high): Procurement not cross-referenced with the gifts register",
        "Findings: ",
    ] {
        assert!(text.contains(said), "{said:?} missing");
    }
    at(data.path())
        .args(["show", "dorset-2012.toml", "procurement.gifts_crossref"])
        .assert()
        .success()
        .stdout(contains("Answer: No").and(contains("Area:").not()));
    at(data.path())
        .args(["show", "dorset-2012.toml", "--area", "procurement"])
        .assert()
        .success()
        .stdout(contains("Area: Procurement and contracts").and(contains("gifts.policy").not()));
    at(data.path())
        .args(["show", "dorset-2012.toml", "nothing like this"])
        .assert()
        .code(1)
        .stderr(contains("no item matches \"nothing like this\""));
    assert!(read(&path).contains("note = \"a]0;xb\""));
}
