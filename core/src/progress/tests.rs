use jiff::civil::date;
use proptest::prelude::*;

use super::carry::carry_forward;
use super::compare::{Change, Side, compare};
use super::crosswalk::{Briefing, Crosswalk, Fate};
use crate::answer::{Status, Value};
use crate::assessment::{Answer, Assessment, load_str as load_assessment};
use crate::checklist::{Checklist, load_str};
use crate::document::Page;
use crate::scoring::evaluate;

const V1: &str = r#"
id = "mini-1"
title = "Mini"
version = "1"
provenance = "test"

[[areas]]
id = "a"
title = "A"
question = "A?"

[[areas.items]]
id = "kept"
prompt = "Kept?"
kind = "status"

[[areas.items]]
id = "old.name"
prompt = "Renamed?"
kind = "status"

[[areas.items]]
id = "whole"
prompt = "Split?"
kind = "status"

[[areas.items]]
id = "part.one"
prompt = "Merged one?"
kind = "status"

[[areas.items]]
id = "part.two"
prompt = "Merged two?"
kind = "status"

[[areas.items]]
id = "gone"
prompt = "Retired?"
kind = "text"

[[areas.items]]
id = "lost"
prompt = "Dropped?"
kind = "count"

[[areas.items]]
id = "was.count"
prompt = "Count?"
kind = "count"
"#;

const V2: &str = r#"
id = "mini-2"
title = "Mini"
version = "2"
provenance = "test"
supersedes = "mini-1"

[[areas]]
id = "a"
title = "A"
question = "A?"

[[areas.items]]
id = "kept"
prompt = "Kept?"
kind = "status"

[[areas.items]]
id = "new.name"
prompt = "Renamed?"
kind = "status"
replaces = ["old.name"]

[[areas.items]]
id = "whole.first"
prompt = "First half?"
kind = "status"
replaces = ["whole"]

[[areas.items]]
id = "whole.second"
prompt = "Second half?"
kind = "status"
replaces = ["whole"]

[[areas.items]]
id = "parts"
prompt = "Merged?"
kind = "status"
replaces = ["part.one", "part.two"]

[[areas.items]]
id = "now.status"
prompt = "Was a count, now a status"
kind = "status"
replaces = ["was.count"]

[[areas.items]]
id = "fresh"
prompt = "New?"
kind = "status"

[[retired]]
id = "gone"
reason = "No longer needed."
"#;

fn checklists() -> (Checklist, Checklist) {
    (load_str("v1", V1).unwrap(), load_str("v2", V2).unwrap())
}

fn previous(v1: &Checklist) -> Assessment {
    let text = r#"
format = 1
checklist = "mini-1"
force = "Test Police"
period = "2012"
[answers.kept]
value = "yes"
evidence = ["Policy"]
[answers."old.name"]
value = "partial"
owner = "Head of PSD"
due = 2013-03-31
[answers.whole]
value = "no"
note = "Not started."
[answers."part.one"]
value = "yes"
note = "First note."
evidence = ["A"]
[answers."part.two"]
value = "partial"
note = "Second note."
evidence = ["A", "B"]
[answers.gone]
value = "Some text"
[answers.lost]
value = 4
[answers."was.count"]
value = 3
[answers."never.heard.of"]
value = "kept as an orphan"
"#;
    load_assessment("prev.toml", text, v1).unwrap()
}

#[test]
fn the_crosswalk_names_every_fate() {
    let (v1, v2) = checklists();
    let walk = Crosswalk::between(&v1, &v2);
    assert_eq!(walk.fate("kept"), Some(&Fate::Kept));
    assert_eq!(
        walk.fate("old.name"),
        Some(&Fate::Renamed {
            to: "new.name".into()
        })
    );
    assert_eq!(
        walk.fate("whole"),
        Some(&Fate::Split {
            into: vec!["whole.first".into(), "whole.second".into()]
        })
    );
    assert_eq!(
        walk.fate("part.one"),
        Some(&Fate::Merged {
            into: "parts".into(),
            with: vec!["part.two".into()]
        })
    );
    assert_eq!(
        walk.fate("gone"),
        Some(&Fate::Retired {
            reason: "No longer needed.".into()
        })
    );
    assert_eq!(walk.fate("lost"), Some(&Fate::Dropped));
    assert_eq!(walk.sources("parts"), ["part.one", "part.two"]);
    assert!(walk.sources("fresh").is_empty());
    assert!(!walk.is_identity());
    assert!(Crosswalk::between(&v1, &v1).is_identity());
}

#[test]
fn the_briefing_lists_each_change_once() {
    let (v1, v2) = checklists();
    let b = Briefing::between(&v1, &v2).unwrap();
    assert_eq!(b.new_items, [("fresh".to_string(), "New?".to_string())]);
    assert_eq!(
        b.renamed[0],
        ("old.name".to_string(), "new.name".to_string())
    );
    assert_eq!(
        b.renamed[1],
        ("was.count".to_string(), "now.status".to_string())
    );
    assert_eq!(
        b.merged,
        [(
            vec!["part.one".to_string(), "part.two".to_string()],
            "parts".to_string()
        )]
    );
    assert_eq!(
        b.retired,
        [("gone".to_string(), "No longer needed.".to_string())]
    );
    assert_eq!(b.dropped, ["lost"]);
    let lines = b.lines();
    assert!(
        lines[0].contains("Mini (version 2)") && lines[0].contains("Mini (version 1)"),
        "{lines:?}"
    );
    // Readers see each item's label (here, its question), never its id.
    assert!(
        lines.iter().any(|l| l.starts_with(
            "Split: \u{201c}Split?\u{201d} is now asked as \u{201c}First half?\u{201d}, \u{201c}Second half?\u{201d}"
        )),
        "{lines:?}"
    );
    assert!(
        lines.iter().all(|l| !l.contains("whole.first")),
        "{lines:?}"
    );
    assert!(Briefing::between(&v1, &v1).is_none());
}

#[test]
fn carrying_across_versions_keeps_every_answer() {
    let (v1, v2) = checklists();
    let prev = previous(&v1);
    let carried = carry_forward(&prev, &v1, &v2, "2013");
    let a = &carried.assessment;
    let value = |id: &str| a.value(id).cloned();
    assert_eq!(a.force, "Test Police");
    assert_eq!(a.carried_from.as_deref(), Some("2012"));
    assert_eq!(value("kept"), Some(Value::Status(Status::Yes)));
    let renamed = a.answer("new.name").unwrap();
    assert_eq!(renamed.owner.as_deref(), Some("Head of PSD"));
    assert_eq!(renamed.due, Some(date(2013, 3, 31)));
    assert_eq!(value("whole.first"), Some(Value::Status(Status::No)));
    assert_eq!(value("whole.second"), Some(Value::Status(Status::No)));
    // Merged answers that differ: the weaker is taken, both notes and all evidence kept.
    let merged = a.answer("parts").unwrap();
    assert_eq!(merged.value, Some(Value::Status(Status::Partial)));
    assert_eq!(
        merged.note.as_deref(),
        Some("[part.one] First note.\n[part.two] Second note.")
    );
    assert_eq!(merged.evidence, ["A", "B"]);
    assert_eq!(carried.report.conflicts, ["parts"]);
    assert!(
        a.answers.values().all(|x| x.carried == x.value.is_some()),
        "every carried answer is unconfirmed, and nothing else is"
    );
    assert_eq!(a.unconfirmed().count(), carried.report.carried);
    // Retired, dropped, misfitting and already-orphaned answers are kept and reported.
    let orphans: Vec<&str> = a.orphans.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(orphans, ["was.count", "gone", "lost", "never.heard.of"]);
    let reported: Vec<&str> = carried
        .report
        .not_comparable
        .iter()
        .map(|n| n.id.as_str())
        .collect();
    assert_eq!(reported, orphans);
    assert!(
        carried.report.not_comparable[0]
            .reason
            .contains("does not fit \"now.status\"")
    );
    assert!(value("now.status").is_none());

    // Saved and read back against the new checklist, nothing is lost.
    let text = crate::assessment::to_toml(a, &v2).unwrap();
    let mut back = load_assessment("next.toml", &text, &v2).unwrap();
    let mut expected = a.clone();
    back.orphans.sort_by(|x, y| x.id.cmp(&y.id));
    expected.orphans.sort_by(|x, y| x.id.cmp(&y.id));
    assert_eq!(back, expected);
}

#[test]
fn every_carried_answer_stays_unconfirmed_until_someone_confirms_it() {
    let (v1, v2) = checklists();
    let mut a = carry_forward(&previous(&v1), &v1, &v2, "2013").assessment;
    assert_eq!(a.unconfirmed().count(), a.answers.len());
    for answer in a.answers.values_mut() {
        answer.carried = false;
    }
    assert_eq!(a.unconfirmed().count(), 0);
}

#[test]
fn comparing_across_versions_follows_the_crosswalk() {
    let (v1, v2) = checklists();
    let prev = previous(&v1);
    let mut next = carry_forward(&prev, &v1, &v2, "2013").assessment;
    next.answer_mut("new.name").value = Some(Value::Status(Status::Yes));
    next.answer_mut("whole.first").value = Some(Value::Status(Status::Partial));
    next.answer_mut("fresh").value = Some(Value::Status(Status::No));
    let today = date(2013, 6, 1);
    let (e1, e2) = (evaluate(&v1, &prev, today), evaluate(&v2, &next, today));
    let c = compare(
        &Side::new(&v1, &prev, &e1),
        &Side::new(&v2, &next, &e2),
        &Page::new("OFFICIAL", today),
        false,
    );
    let change = |id: &str| c.items.iter().find(|i| i.id == id).map(|i| i.change);
    assert_eq!(change("kept"), Some(Change::Unchanged));
    assert_eq!(change("new.name"), Some(Change::Improved));
    assert_eq!(change("whole.first"), Some(Change::Improved));
    assert_eq!(change("whole.second"), Some(Change::Unchanged));
    assert_eq!(change("parts"), Some(Change::Unchanged));
    assert_eq!(change("fresh"), Some(Change::NotComparable));
    assert_eq!(change("gone"), Some(Change::NotComparable));
    assert_eq!(change("lost"), Some(Change::NotComparable));
    assert_eq!(change("now.status"), Some(Change::NotComparable));
    // The old "old.name" finding (partial) closed under its new id; "whole" persists in both halves.
    assert!(
        c.findings.closed.contains(&"old.name".to_string()),
        "{:?}",
        c.findings
    );
    assert!(
        c.findings.persisting.contains(&"whole".to_string()),
        "{:?}",
        c.findings
    );
    assert!(
        c.findings.opened.contains(&"fresh".to_string()),
        "{:?}",
        c.findings
    );
    let lost = c.metrics.iter().find(|m| m.id == "lost").unwrap();
    assert_eq!((lost.before, lost.after), (Some(4.0), None));
}

#[test]
fn a_note_on_its_own_comes_across_but_is_not_a_carried_answer() {
    let (v1, _) = checklists();
    let mut prev = previous(&v1);
    prev.answer_mut("kept").value = None;
    prev.answer_mut("kept").note = Some("Only a note.".into());
    let carried = carry_forward(&prev, &v1, &v1, "2013");
    let kept = carried.assessment.answer("kept").unwrap();
    assert_eq!(kept.note.as_deref(), Some("Only a note."));
    assert!(!kept.carried, "nothing to confirm");
    // Figures are last period's baseline, never carried as answers.
    let answered = prev
        .answers
        .iter()
        .filter(|(id, a)| a.value.is_some() && !v1.item(id).is_some_and(|i| i.kind.is_numeric()))
        .count();
    assert_eq!(carried.report.carried, answered);
    assert!(!carried.assessment.unconfirmed().any(|id| id == "kept"));
}

#[test]
fn the_ledger_judges_delivery_against_today() {
    let (v1, _) = checklists();
    let prev = previous(&v1);
    let next = carry_forward(&prev, &v1, &v1, "2013").assessment;
    let (before, after) = (date(2013, 3, 1), date(2013, 4, 1));
    let status = |today| {
        let (e1, e2) = (evaluate(&v1, &prev, today), evaluate(&v1, &next, today));
        let c = compare(
            &Side::new(&v1, &prev, &e1),
            &Side::new(&v1, &next, &e2),
            &Page::new("OFFICIAL", today),
            false,
        );
        c.ledger.iter().find(|l| l.id == "old.name").unwrap().status
    };
    use super::compare::Delivery;
    assert_eq!(status(before), Delivery::Open);
    assert_eq!(status(after), Delivery::Overdue);
}

fn status_strategy() -> impl Strategy<Value = Option<Status>> {
    prop_oneof![
        Just(None),
        Just(Some(Status::Yes)),
        Just(Some(Status::Partial)),
        Just(Some(Status::No)),
        Just(Some(Status::Na))
    ]
}

proptest! {
    /// Carrying forward under the same checklist changes nothing a comparison can see.
    #[test]
    fn carrying_forward_alone_changes_nothing(answers in proptest::collection::vec(status_strategy(), 5)) {
        let (v1, _) = checklists();
        let mut prev = Assessment::new(&v1, "Test Police", "2012");
        for (id, s) in ["kept", "old.name", "whole", "part.one", "part.two"].iter().zip(answers) {
            if let Some(s) = s {
                prev.answers.insert(id.to_string(), Answer { value: Some(Value::Status(s)), ..Answer::default() });
            }
        }
        let next = carry_forward(&prev, &v1, &v1, "2013").assessment;
        let today = date(2013, 1, 1);
        let (e1, e2) = (evaluate(&v1, &prev, today), evaluate(&v1, &next, today));
        let c = compare(&Side::new(&v1, &prev, &e1), &Side::new(&v1, &next, &e2), &Page::new("OFFICIAL", today), false);
        prop_assert!(c.items.iter().all(|i| i.change == Change::Unchanged), "{:?}", c.items);
        prop_assert!(c.findings.closed.is_empty() && c.findings.opened.is_empty());
        prop_assert_eq!(c.findings.persisting.len(), e1.findings.len());
        prop_assert_eq!(c.overall.delta.unwrap_or(0.0), 0.0);
    }

    /// Improving one answer never reads as a regression, and is reported as an improvement.
    #[test]
    fn an_improved_answer_reads_as_improved(from in 1usize..3, by in 1usize..3) {
        let ladder = [Status::No, Status::Partial, Status::Yes];
        let (from, to) = (from - 1, (from - 1 + by).min(2));
        prop_assume!(to > from);
        let (v1, _) = checklists();
        let mut prev = Assessment::new(&v1, "Test Police", "2012");
        prev.answer_mut("kept").value = Some(Value::Status(ladder[from]));
        let mut next = prev.clone();
        next.period = "2013".into();
        next.answer_mut("kept").value = Some(Value::Status(ladder[to]));
        let today = date(2013, 1, 1);
        let (e1, e2) = (evaluate(&v1, &prev, today), evaluate(&v1, &next, today));
        let c = compare(&Side::new(&v1, &prev, &e1), &Side::new(&v1, &next, &e2), &Page::new("OFFICIAL", today), false);
        prop_assert_eq!(c.items[0].change, Change::Improved);
        prop_assert!(c.overall.delta.unwrap() > 0.0);
    }
}

#[test]
fn a_new_period_moves_to_a_successor_only_from_the_period_it_applies_from() {
    let dir = tempfile::tempdir().unwrap();
    let v2 = V2.replace(
        "supersedes = \"mini-1\"",
        "supersedes = \"mini-1\"\napplies_from = \"2020\"",
    );
    let v3 = v2
        .replace("id = \"mini-2\"", "id = \"mini-3\"")
        .replace("supersedes = \"mini-1\"", "supersedes = \"mini-2\"")
        .replace("applies_from = \"2020\"", "applies_from = \"2025/26\"");
    std::fs::write(dir.path().join("v2.toml"), &v2).unwrap();
    std::fs::write(dir.path().join("v3.toml"), v3).unwrap();
    let catalog = crate::checklist::Catalog::discover(Some(dir.path()));
    let (v1, _) = checklists();
    let v2 = catalog.resolve("mini-2", None).unwrap();
    let to = |c, period| super::carry::follow_on(&catalog, c, period);
    assert_eq!(to(&v1, "2026").checklist.id, "mini-3");
    assert_eq!(to(&v2, "2026").checklist.id, "mini-3");
    let mid = to(&v1, "2021/22");
    assert_eq!(mid.checklist.id, "mini-2");
    let why = mid.why.unwrap();
    assert!(
        why.contains("stays on mini-2") && why.contains("from 2025/26"),
        "{why}"
    );
    let early = to(&v1, "2013");
    assert_eq!(early.checklist.id, "mini-1");
    assert!(early.why.unwrap().contains("only for periods from 2020"));
    assert_eq!(
        to(&v1, "Q3").checklist.id,
        "mini-1",
        "no year: keep the family"
    );
    let v3 = catalog.resolve("mini-3", None).unwrap();
    let last = to(&v3, "2030");
    assert_eq!(last.checklist.id, "mini-3");
    assert!(last.why.is_none(), "nothing supersedes it: nothing to say");
}

#[test]
fn a_successor_that_does_not_say_when_it_applies_is_used_only_when_chosen() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("v2.toml"), V2).unwrap();
    let catalog = crate::checklist::Catalog::discover(Some(dir.path()));
    let (v1, v2) = checklists();
    let f = super::carry::follow_on(&catalog, &v1, "2030");
    assert_eq!(f.checklist.id, "mini-1");
    assert!(f.why.unwrap().contains("used only when chosen"));
    let why = super::carry::chosen(&v1, &v2, "2030").unwrap();
    assert!(why.contains("uses mini-2, as chosen"), "{why}");
    assert!(super::carry::chosen(&v1, &v1, "2030").is_none());
}

proptest! {
    /// Every force is counted once per item, and figures add up, whatever the answers.
    #[test]
    fn summary_counts_every_force_once(
        forces in proptest::collection::vec((proptest::collection::vec(status_strategy(), 5), proptest::option::of(0u32..500)), 1..12)
    ) {
        let (v1, _) = checklists();
        let today = date(2013, 1, 1);
        let loaded = forces
            .iter()
            .enumerate()
            .map(|(n, (answers, count))| {
                let mut a = Assessment::new(&v1, &format!("Force {n}"), "2012");
                for (id, s) in ["kept", "old.name", "whole", "part.one", "part.two"].iter().zip(answers) {
                    if let Some(s) = s {
                        a.answer_mut(id).value = Some(Value::Status(*s));
                    }
                }
                if let Some(c) = count {
                    a.answer_mut("lost").value = Some(Value::Number(f64::from(*c)));
                }
                let evaluation = evaluate(&v1, &a, today);
                super::Loaded { path: format!("{n}.toml").into(), checklist: 0, assessment: a, evaluation }
            })
            .collect();
        let batch = super::Batch { checklists: vec![v1], loaded, bad: Vec::new() };
        let s = super::summary::summarise(&batch, None, &Page::new("OFFICIAL", today));
        prop_assert_eq!(s.forces, forces.len());
        for t in &s.items {
            prop_assert_eq!(t.yes + t.partial + t.no + t.na + t.unanswered + t.not_asked, forces.len(), "{}", t.id);
        }
        let counts: Vec<f64> = forces.iter().filter_map(|(_, c)| c.map(f64::from)).collect();
        match s.metrics.iter().find(|m| m.id == "lost") {
            Some(m) => {
                prop_assert_eq!(m.reported, counts.len());
                prop_assert_eq!(m.total, counts.iter().sum::<f64>());
                prop_assert!(m.min <= m.median && m.median <= m.max);
            }
            None => prop_assert!(counts.is_empty()),
        }
    }
}
