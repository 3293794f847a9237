//! The assessment file is a public contract: it round-trips, keeps what it does not understand,
//! and never loses an answer.

use jiff::civil::date;
use probity_core::answer::{Status, Value};
use probity_core::assessment::{self, Answer, Assessment, Assurance, Incoming};
use probity_core::checklist::Checklist;
use proptest::prelude::*;

use crate::support::{built_in, catalog, fixture};

fn wfof() -> Checklist {
    built_in("wfof-2011")
}

#[test]
fn orphaned_answers_survive_every_save() {
    let c = wfof();
    let text = r#"
format = 1
checklist = "wfof-2011"
force = "Test Police"
period = "2012"

[answers."gifts.policy"]
value = "yes"
evidence = ["Policy"]

[answers."old.retired_item"]
value = "maybe"
note = "kept from an older checklist"
due = 2013-01-31

[answers."old.retired_item".incoming]
value = "perhaps"
from = "Head of HR"
return = "hr.xlsx"
received = 2013-01-15
"#;
    let a = assessment::load_str("t.toml", text, &c).unwrap();
    assert_eq!(a.orphans.len(), 1);
    let saved = assessment::to_toml(&a, &c).unwrap();
    assert!(saved.contains("[answers.\"old.retired_item\"]"), "{saved}");
    assert!(saved.contains("value = \"maybe\""));
    assert!(saved.contains("due = 2013-01-31"));
    assert!(
        saved.contains("[answers.\"old.retired_item\".incoming]")
            && saved.contains("value = \"perhaps\""),
        "{saved}"
    );
    let again = assessment::load_str("t.toml", &saved, &c).unwrap();
    assert_eq!(again, a);
    let e = probity_core::scoring::evaluate(&c, &a, date(2012, 12, 1));
    assert!(
        e.warnings
            .iter()
            .any(|w| w.code == "orphaned-answer" && w.item.as_deref() == Some("old.retired_item"))
    );
}

#[test]
fn judgements_round_trip_and_an_empty_one_leaves_no_trace() {
    let c = built_in("integrity-2026");
    let text = r#"
format = 1
checklist = "integrity-2026"
force = "Test Police"
period = "2026"

[judgements.vetting]
override = "adequate"
rationale = "The renewals backlog was cleared in March, after the figures were taken."

[judgements.apsp]
notable = "Joint tasking with two sexual violence charities, reviewed monthly."

[judgements.gifts]
"#;
    let a = assessment::load_str("t.toml", text, &c).unwrap();
    assert_eq!(
        a.judgements["vetting"].grade,
        Some(probity_core::checklist::Grade::Adequate)
    );
    let saved = assessment::to_toml(&a, &c).unwrap();
    assert!(
        saved.contains("[judgements.vetting]\noverride = \"adequate\"\nrationale = "),
        "{saved}"
    );
    assert!(saved.contains("[judgements.apsp]\nnotable = "), "{saved}");
    assert!(!saved.contains("[judgements.gifts]"), "{saved}");
    let again = assessment::load_str("t.toml", &saved, &c).unwrap();
    assert_eq!(again.judgements["vetting"], a.judgements["vetting"]);
    assert_eq!(again.judgements.len(), 2);
}

#[test]
fn control_characters_are_stripped_on_load() {
    let c = wfof();
    let text = "format = 1\nchecklist = \"wfof-2011\"\nforce = \"Test\\u001b[2J Police\"\nperiod = \"2012\"\n[answers.\"gifts.policy\"]\nvalue = \"yes\"\nnote = \"a\\u001b]0;title\\u0007b\\nsecond line\"\nowner = \"\\u202eevil\"\n";
    let a = assessment::load_str("t.toml", text, &c).unwrap();
    assert_eq!(a.force, "Test[2J Police");
    let answer = a.answer("gifts.policy").unwrap();
    assert_eq!(answer.note.as_deref(), Some("a]0;titleb\nsecond line"));
    assert_eq!(answer.owner.as_deref(), Some("evil"));
}

#[test]
fn dates_may_be_bare_or_quoted_and_are_written_bare() {
    let c = wfof();
    let text = "format = 1\nchecklist = \"wfof-2011\"\nforce = \"F\"\nperiod = \"2012\"\n[answers.\"ctx.period_start\"]\nvalue = \"2011-09-01\"\n[answers.\"gifts.policy\"]\nvalue = \"no\"\ndue = 2013-03-31\n";
    let a = assessment::load_str("t.toml", text, &c).unwrap();
    assert_eq!(
        a.value("ctx.period_start"),
        Some(&Value::Date(date(2011, 9, 1)))
    );
    let saved = assessment::to_toml(&a, &c).unwrap();
    assert!(saved.contains("value = 2011-09-01"), "{saved}");
}

#[test]
fn saving_writes_answers_in_checklist_order_and_loads_back() {
    let c = wfof();
    let (a, _) = assessment::load(&fixture("dorset-2012.toml"), catalog()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dorset.toml");
    assessment::save(&path, &a, &c).unwrap();
    let (back, _) = assessment::load(&path, catalog()).unwrap();
    assert_eq!(back, a);
    let text = std::fs::read_to_string(&path).unwrap();
    let media = text.find("[answers.\"media.policy\"]").unwrap();
    let business = text.find("[answers.\"business.applications\"]").unwrap();
    assert!(media < business);
}

fn status() -> impl Strategy<Value = Status> {
    prop_oneof![
        Just(Status::Yes),
        Just(Status::Partial),
        Just(Status::No),
        Just(Status::Na)
    ]
}

fn answer() -> impl Strategy<Value = Answer> {
    (
        proptest::option::of(status()),
        proptest::option::of("[ -~]{1,40}"),
        proptest::collection::vec("[ -~]{1,20}", 0..3),
        proptest::option::of("[A-Za-z][A-Za-z ]{0,20}[A-Za-z]"),
        proptest::option::of((2000i16..2040, 1i8..=12, 1i8..=28)),
        any::<bool>(),
        any::<bool>(),
        assurance(),
        proptest::option::of(incoming()),
    )
        .prop_map(
            |(v, note, evidence, owner, due, review, carried, assurance, incoming)| Answer {
                value: v.map(Value::Status),
                note: note.filter(|n| !n.trim().is_empty()),
                evidence: evidence
                    .into_iter()
                    .map(|e| e.trim().to_string())
                    .filter(|e| !e.is_empty())
                    .collect(),
                owner,
                due: due.map(|(y, m, d)| date(y, m, d)),
                review,
                carried,
                assurance,
                incoming,
            },
        )
}

/// A conflict waiting beside an answer: at least a value, sometimes more.
fn incoming() -> impl Strategy<Value = Incoming> {
    (
        status(),
        proptest::option::of("[ -~]*[!-~]"),
        proptest::collection::vec("[!-~][ -~]{0,10}[!-~]", 0..2),
        "[A-Za-z][A-Za-z ]{0,20}[A-Za-z]",
        2000i16..2040,
    )
        .prop_map(|(v, note, evidence, from, y)| Incoming {
            value: Some(Value::Status(v)),
            note,
            evidence,
            from,
            source: "procurement.xlsx".into(),
            received: date(y, 2, 3),
            ..Incoming::default()
        })
}

fn assurance() -> impl Strategy<Value = Assurance> {
    prop_oneof![
        Just(Assurance::Asserted),
        Just(Assurance::Evidenced),
        ("[A-Za-z][A-Za-z ]{0,20}[A-Za-z]", 2000i16..2040).prop_map(|(by, y)| {
            Assurance::Verified {
                by,
                on: date(y, 1, 10),
            }
        }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn load_after_save_gives_back_the_same_assessment(answers in proptest::collection::vec(answer(), 0..8), count in proptest::option::of(0u32..100_000)) {
        let c = wfof();
        let ids: Vec<&str> = c.items().filter(|i| i.kind == probity_core::answer::Kind::Status).map(|i| i.id.as_str()).collect();
        let mut a = Assessment::new(&c, "Test Police", "2013");
        for (id, ans) in ids.iter().zip(answers) {
            a.answers.insert(id.to_string(), ans);
        }
        if let Some(n) = count {
            a.answer_mut("business.applications").value = Some(Value::Number(n as f64));
        }
        a.prune();
        let back = assessment::load_str("t.toml", &assessment::to_toml(&a, &c).unwrap(), &c).unwrap();
        prop_assert_eq!(back, a);
    }
}

#[test]
fn a_newer_file_is_refused_for_being_newer_even_with_fields_this_build_does_not_know() {
    let text = "format = 3\nchecklist = \"wfof-2011\"\nforce = \"F\"\nperiod = \"2030\"\nsignature = \"…\"\n";
    let err = assessment::parse("new.toml", text).unwrap_err();
    assert_eq!(err.problems.len(), 1);
    assert!(
        err.problems[0]
            .message
            .contains("written in file format 3 by a newer version"),
        "{}",
        err.problems[0].message
    );
    let err = assessment::parse("old.toml", "checklist = \"wfof-2011\"\n").unwrap_err();
    assert!(err.problems[0].message.contains("has no `format = 1` line"));
}

#[test]
fn a_date_outside_years_1_to_9999_is_refused_on_load_and_never_panics_a_save() {
    let c = wfof();
    let head = "format = 1\nchecklist = \"wfof-2011\"\nforce = \"F\"\nperiod = \"2012\"\n";
    for (line, at) in [
        (
            "[answers.\"gifts.policy\"]\ndue = \"-000001-03-31\"\n",
            (6, 7),
        ),
        ("[answers.\"gifts.policy\"]\ndue = 0000-03-31\n", (6, 7)),
        (
            "[answers.\"ctx.period_start\"]\nvalue = \"-002012-09-01\"\n",
            (6, 9),
        ),
    ] {
        let err = assessment::load_str("d.toml", &format!("{head}{line}"), &c).unwrap_err();
        let p = &err.problems[0];
        assert!(
            p.message.contains("a date such as 2013-03-31"),
            "{}",
            p.message
        );
        assert_eq!(p.location(), Some(at), "{line}");
    }

    // Made in code, such a date is refused by the save, which leaves the file as it was.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.toml");
    let mut a = Assessment::new(&c, "F", "2012");
    a.answer_mut("gifts.policy").due = Some(date(-1, 3, 31));
    let err = assessment::to_toml(&a, &c).unwrap_err();
    assert!(err.to_string().contains("years 1 to 9999"), "{err}");
    let err = assessment::save(&path, &a, &c).unwrap_err();
    assert!(err.to_string().starts_with("could not save"), "{err}");
    assert!(!path.exists());
}
