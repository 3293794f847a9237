//! Unit tests of the derivation: each route to each grade, and the gates before it.

use jiff::civil::date;

use super::*;
use crate::assessment::Assessment;
use crate::assessment::Judgement;
use crate::checklist::load_str;

fn grading() -> Grading {
    Grading {
        evidence: 80.0,
        good: 90.0,
        adequate: 65.0,
        high_afi_limit: 3,
        inadequate: 40.0,
        undecided: "No judgement: the answer to {questions} decides it.".into(),
        stale: "Too old: {evidence}, over {months} months.".into(),
        routes: Vec::new(),
        freshness: Vec::new(),
        themes: Vec::new(),
        headlines: Vec::new(),
    }
}

fn reasons(met: f64, causes: usize, critical: usize, high_afis: usize) -> Reasons {
    let ids = |n: usize| (0..n).map(|i| format!("f{i}")).collect::<Vec<_>>();
    Reasons {
        answered: 10,
        out_of: 10,
        met: Some(met),
        causes: ids(causes),
        critical: ids(critical),
        high_afis: ids(high_afis),
        findings: causes + high_afis,
        pending: Vec::new(),
        open_rules: Vec::new(),
        statutory: Vec::new(),
        unevidenced: Vec::new(),
        unverified: Vec::new(),
        verified_too_long_ago: Vec::new(),
        stale: Vec::new(),
        carried: Vec::new(),
        themes: Vec::new(),
    }
}

/// High-severity areas for improvement in one area, at the limit, hold it at requires
/// improvement; only those sharing a theme weigh as a cause of concern.
#[test]
fn a_theme_at_the_limit_weighs_as_a_cause_of_concern_and_a_bare_count_does_not() {
    let g = grading();
    assert_eq!(
        derive(&g, &reasons(95.0, 0, 0, 3), false),
        (Some(Grade::RequiresImprovement), Ground::HighAfis)
    );
    assert_eq!(
        derive(&g, &reasons(95.0, 1, 0, 3), false),
        (Some(Grade::RequiresImprovement), Ground::Cause),
        "three on no shared theme beside a cause of concern"
    );
    let theme = ThemeCause {
        theme: "R1".into(),
        findings: vec!["a".into(), "b".into(), "c".into()],
    };
    let themed = |causes: usize| Reasons {
        themes: vec![theme.clone()],
        ..reasons(95.0, causes, 0, 0)
    };
    assert_eq!(
        derive(&g, &themed(0), false),
        (Some(Grade::RequiresImprovement), Ground::Cause),
        "a theme alone is one cause of concern"
    );
    assert_eq!(
        derive(&g, &themed(1), false),
        (Some(Grade::Inadequate), Ground::Causes),
        "a theme beside a cause of concern"
    );
}

/// Stale evidence withholds the judgement before anything else is weighed, even a critical
/// finding, as a pending answer does.
#[test]
fn stale_evidence_withholds_the_judgement() {
    let g = grading();
    let stale = Reasons {
        stale: vec![("a.on".into(), date(2020, 1, 1))],
        ..reasons(10.0, 1, 1, 0)
    };
    assert_eq!(derive(&g, &stale, true), (None, Ground::Stale));
    let thin = Reasons {
        answered: 1,
        ..stale
    };
    assert_eq!(derive(&g, &thin, true), (None, Ground::Evidence));
}

#[test]
fn assurance_caps_good_and_outstanding() {
    let g = grading();
    let asserted = Reasons {
        unevidenced: vec!["a".into()],
        unverified: vec!["a".into()],
        ..reasons(100.0, 0, 0, 0)
    };
    assert_eq!(
        derive(&g, &asserted, true),
        (Some(Grade::Adequate), Ground::Assurance),
        "good needs high-severity answers evidenced"
    );
    let evidenced = Reasons {
        unverified: vec!["a".into()],
        ..reasons(100.0, 0, 0, 0)
    };
    assert_eq!(
        derive(&g, &evidenced, true),
        (Some(Grade::Good), Ground::Assurance),
        "outstanding needs them verified"
    );
    assert_eq!(
        derive(&g, &reasons(100.0, 0, 0, 0), true),
        (Some(Grade::Outstanding), Ground::Met)
    );
}

#[test]
fn each_step_of_the_derivation() {
    let g = grading();
    let d = |r: Reasons| derive(&g, &r, false).0;
    assert_eq!(d(reasons(95.0, 0, 0, 0)), Some(Grade::Good));
    assert_eq!(d(reasons(95.0, 0, 0, 1)), Some(Grade::Adequate), "high AFI");
    assert_eq!(d(reasons(95.0, 0, 0, 3)), Some(Grade::RequiresImprovement));
    assert_eq!(d(reasons(70.0, 0, 0, 0)), Some(Grade::Adequate));
    assert_eq!(d(reasons(64.9, 0, 0, 0)), Some(Grade::RequiresImprovement));
    assert_eq!(d(reasons(100.0, 1, 0, 0)), Some(Grade::RequiresImprovement));
    assert_eq!(d(reasons(100.0, 2, 0, 0)), Some(Grade::Inadequate));
    assert_eq!(
        d(reasons(100.0, 1, 1, 0)),
        Some(Grade::Inadequate),
        "critical"
    );
    // Outstanding needs everything met, nothing found and a notable practice.
    assert_eq!(d(reasons(100.0, 0, 0, 0)), Some(Grade::Good));
    assert_eq!(
        derive(&g, &reasons(100.0, 0, 0, 0), true),
        (Some(Grade::Outstanding), Ground::Met)
    );
    let mut found = reasons(100.0, 0, 0, 0);
    found.findings = 1;
    assert_eq!(derive(&g, &found, true).0, Some(Grade::Good));
    // Below the evidence gate there is no judgement, however good the answers.
    let mut thin = reasons(100.0, 0, 0, 0);
    thin.answered = 7;
    assert_eq!(d(thin), None);
    let mut none = reasons(100.0, 0, 0, 0);
    none.met = None;
    assert_eq!(d(none), None);
}

#[test]
fn most_controls_unmet_is_inadequate_and_a_pending_answer_withholds() {
    let g = grading();
    assert_eq!(
        derive(&g, &reasons(39.9, 0, 0, 0), false),
        (Some(Grade::Inadequate), Ground::Systemic)
    );
    assert_eq!(
        derive(&g, &reasons(40.0, 0, 0, 0), false),
        (Some(Grade::RequiresImprovement), Ground::Met)
    );
    // A critical finding still comes first; a pending answer withholds even that.
    assert_eq!(
        derive(&g, &reasons(10.0, 1, 1, 0), false).1,
        Ground::Critical
    );
    let mut pending = reasons(100.0, 0, 0, 0);
    pending.pending = vec!["vetting.plan".into()];
    assert_eq!(derive(&g, &pending, true), (None, Ground::Undecided));
    // An open rule keeps a flawless area from outstanding.
    let mut open = reasons(100.0, 0, 0, 0);
    open.open_rules = vec!["r".into()];
    assert_eq!(derive(&g, &open, true).0, Some(Grade::Good));
}

/// The opening both test checklists share: a vetting area with a cause of concern.
const OPENING: &str = r#"
id = "g"
title = "G"
version = "1"
provenance = "test"

[[recommendations]]
id = "R1"
title = "Plan"
text = "Have a plan."

[[areas]]
id = "vetting"
title = "Vetting"
question = "?"

[[areas.items]]
id = "vetting.plan"
prompt = "Plan?"
kind = "status"
severity = "high"
label = "cause_of_concern"
recommendations = ["R1"]
"#;

const GRADED: &str = r#"
[[areas.items]]
id = "vetting.records"
prompt = "Records?"
kind = "status"
label = "area_for_improvement"

[[areas]]
id = "gifts"
title = "Gifts"
question = "?"

[[areas.items]]
id = "gifts.policy"
prompt = "Policy?"
kind = "status"
label = "area_for_improvement"

[grading]
evidence = 80
good = 90
adequate = 65
high_afi_limit = 3

[[grading.headlines]]
id = "all"
title = "All"
areas = ["vetting", "gifts"]
"#;

fn judged(answers: &[(&str, Status)], judgements: &[(&str, Judgement)]) -> Judgements {
    judged_as(
        answers,
        judgements,
        &crate::assessment::Assurance::Verified {
            by: "Internal Audit".into(),
            on: date(2026, 3, 1),
        },
    )
}

/// The judgements with every answer given at one level of assurance.
fn judged_as(
    answers: &[(&str, Status)],
    judgements: &[(&str, Judgement)],
    assurance: &crate::assessment::Assurance,
) -> Judgements {
    let c = load_str("g.toml", &format!("{OPENING}{GRADED}")).unwrap();
    let mut a = Assessment::new(&c, "F", "2026");
    for (id, s) in answers {
        let answer = a.answer_mut(id);
        answer.value = Some(Value::Status(*s));
        answer.assurance = assurance.clone();
    }
    for (area, j) in judgements {
        a.judgements.insert(area.to_string(), j.clone());
    }
    super::super::evaluate(&c, &a, date(2026, 3, 31))
        .judgements
        .unwrap()
}

#[test]
fn a_cause_of_concern_caps_its_area_and_the_headline_takes_the_lowest() {
    let j = judged(
        &[
            ("vetting.plan", Status::No),
            ("vetting.records", Status::Yes),
            ("gifts.policy", Status::Yes),
        ],
        &[],
    );
    assert_eq!(j.areas[0].derived, Some(Grade::RequiresImprovement));
    assert_eq!(j.areas[0].reasons.causes, ["vetting.plan"]);
    assert_eq!(j.areas[1].derived, Some(Grade::Good));
    assert_eq!(j.headlines[0].grade, Some(Grade::RequiresImprovement));
    assert_eq!(j.headlines[0].set_by, ["vetting"]);
}

#[test]
fn an_override_stands_beside_the_derived_grade_and_feeds_the_headline() {
    let over = Judgement {
        grade: Some(Grade::Adequate),
        rationale: Some("The plan was approved after the cut-off.".into()),
        notable: None,
    };
    let j = judged(
        &[
            ("vetting.plan", Status::No),
            ("vetting.records", Status::Yes),
        ],
        &[("vetting", over)],
    );
    assert_eq!(j.areas[0].derived, Some(Grade::RequiresImprovement));
    assert_eq!(j.areas[0].standing(), Some(Grade::Adequate));
    // Gifts is unanswered: no judgement, so none for the headline either.
    assert_eq!(j.areas[1].derived, None);
    assert_eq!(j.headlines[0].grade, None);
    assert_eq!(j.headlines[0].set_by, ["gifts"]);
}

#[test]
fn a_recorded_notable_practice_makes_a_flawless_area_outstanding() {
    let notable = Judgement {
        notable: Some("Vetting decisions are peer reviewed across the region.".into()),
        ..Judgement::default()
    };
    let j = judged(
        &[
            ("vetting.plan", Status::Yes),
            ("vetting.records", Status::Yes),
            ("gifts.policy", Status::Yes),
        ],
        &[("vetting", notable)],
    );
    assert_eq!(j.areas[0].derived, Some(Grade::Outstanding));
    assert_eq!(j.areas[1].derived, Some(Grade::Good));
    assert_eq!(j.headlines[0].grade, Some(Grade::Good));
}

#[test]
fn answers_asserted_only_hold_a_flawless_area_at_adequate() {
    let notable = Judgement {
        notable: Some("Vetting decisions are peer reviewed across the region.".into()),
        ..Judgement::default()
    };
    let answers = [
        ("vetting.plan", Status::Yes),
        ("vetting.records", Status::Yes),
        ("gifts.policy", Status::Yes),
    ];
    let asserted = judged_as(
        &answers,
        &[("vetting", notable.clone())],
        &crate::assessment::Assurance::Asserted,
    );
    assert_eq!(
        (asserted.areas[0].derived, asserted.areas[0].ground),
        (Some(Grade::Adequate), Ground::Assurance)
    );
    let evidenced = judged_as(
        &answers,
        &[("vetting", notable)],
        &crate::assessment::Assurance::Evidenced,
    );
    assert_eq!(
        (evidenced.areas[0].derived, evidenced.areas[0].ground),
        (Some(Grade::Good), Ground::Assurance)
    );
}

/// Two areas, a theme spanning them (homed in vetting), and a date that dates vetting's
/// evidence.
const FRESH: &str = r#"
[[areas.items]]
id = "vetting.a"
prompt = "A?"
kind = "status"
severity = "high"
label = "area_for_improvement"

[[areas.items]]
id = "vetting.b"
prompt = "B?"
kind = "status"
severity = "high"
label = "area_for_improvement"

[[areas.items]]
id = "vetting.reviewed"
prompt = "Reviewed?"
kind = "status"
label = "area_for_improvement"

[[areas.items]]
id = "vetting.reviewed_on"
prompt = "When?"
kind = "date"
ask_if = { item = "vetting.reviewed", in = ["yes", "partial"] }

[[areas]]
id = "gifts"
title = "Gifts"
question = "?"

[[areas.items]]
id = "gifts.x"
prompt = "X?"
kind = "status"
severity = "high"
label = "area_for_improvement"

[[areas.items]]
id = "gifts.y"
prompt = "Y?"
kind = "status"
label = "area_for_improvement"

[[rules]]
id = "x_rule"
severity = "high"
label = "area_for_improvement"
title = "X fails"
explanation = "E"
action = "A"
anchor = "gifts.x"
covers = ["gifts.x"]
when = { item = "gifts.x", is = "no" }

[grading]
evidence = 50
good = 90
adequate = 65
high_afi_limit = 3

[[grading.freshness]]
area = "vetting"
months = 12
dated_by = ["vetting.reviewed_on"]

[[grading.freshness]]
area = "gifts"
months = 12

[[grading.themes]]
theme = "R1"
area = "vetting"
findings = ["vetting.a", "vetting.b", "gifts.x", "x_rule"]

[[grading.headlines]]
id = "all"
title = "All"
areas = ["vetting", "gifts"]
"#;

/// Every scored answer "yes", verified on `verified`, the review dated `reviewed_on`, then
/// `change` applied; judged at 31 March 2026.
fn fresh(
    verified: Date,
    reviewed_on: Option<Date>,
    change: impl FnOnce(&mut Assessment),
) -> Judgements {
    let c = load_str("f.toml", &format!("{OPENING}{FRESH}")).unwrap();
    let mut a = Assessment::new(&c, "F", "2026");
    for id in [
        "vetting.plan",
        "vetting.a",
        "vetting.b",
        "vetting.reviewed",
        "gifts.x",
        "gifts.y",
    ] {
        let answer = a.answer_mut(id);
        answer.value = Some(Value::Status(Status::Yes));
        answer.assurance = crate::assessment::Assurance::Verified {
            by: "Internal Audit".into(),
            on: verified,
        };
    }
    a.answer_mut("vetting.reviewed_on").value = reviewed_on.map(Value::Date);
    a.judgements.insert(
        "vetting".into(),
        Judgement {
            notable: Some("Peer review across the region.".into()),
            ..Judgement::default()
        },
    );
    change(&mut a);
    super::super::evaluate(&c, &a, date(2026, 3, 31))
        .judgements
        .unwrap()
}

fn no(id: &str) -> impl FnOnce(&mut Assessment) + '_ {
    move |a: &mut Assessment| a.answer_mut(id).value = Some(Value::Status(Status::No))
}

#[test]
fn evidence_older_than_the_window_withholds_and_a_missing_date_keeps_it_waiting() {
    let recent = date(2026, 1, 10);
    let j = fresh(recent, Some(date(2025, 6, 1)), |_| {});
    assert_eq!(
        (j.areas[0].derived, j.areas[0].ground),
        (Some(Grade::Outstanding), Ground::Met)
    );
    // Thirteen months old: stale, so no judgement, even with a cause of concern found.
    let j = fresh(recent, Some(date(2025, 2, 28)), no("vetting.plan"));
    assert_eq!(
        (j.areas[0].derived, j.areas[0].ground),
        (None, Ground::Stale)
    );
    assert_eq!(
        j.areas[0].reasons.stale,
        [("vetting.reviewed_on".to_string(), date(2025, 2, 28))]
    );
    assert_eq!(
        j.areas[1].derived,
        Some(Grade::Good),
        "gifts has no dated evidence"
    );
    // Removing the date does not let the area be judged: it waits for it.
    let j = fresh(recent, None, |_| {});
    assert_eq!(
        (j.areas[0].derived, j.areas[0].ground),
        (None, Ground::Undecided)
    );
    assert_eq!(j.areas[0].reasons.pending, ["vetting.reviewed_on"]);
    // Nor does clearing the answer that asks for it.
    let j = fresh(recent, Some(date(2020, 1, 1)), |a| {
        a.answer_mut("vetting.reviewed").value = None;
    });
    assert_eq!(j.areas[0].derived, None);
    assert_eq!(j.areas[0].reasons.pending, ["vetting.reviewed"]);
    // No review at all is this period's answer: the date is not asked, and the area is
    // judged on the gap.
    let j = fresh(recent, Some(date(2020, 1, 1)), no("vetting.reviewed"));
    assert!(j.areas[0].derived.is_some(), "{:?}", j.areas[0].ground);
    assert!(j.areas[0].reasons.stale.is_empty());
}

#[test]
fn a_verification_older_than_the_window_counts_as_evidenced_only() {
    let j = fresh(date(2025, 2, 1), Some(date(2025, 6, 1)), |_| {});
    let vetting = &j.areas[0];
    assert_eq!(
        (vetting.derived, vetting.ground),
        (Some(Grade::Good), Ground::Assurance)
    );
    assert_eq!(
        vetting.reasons.verified_too_long_ago,
        ["vetting.plan", "vetting.a", "vetting.b"]
    );
    assert_eq!(
        vetting.reasons.unverified,
        vetting.reasons.verified_too_long_ago
    );
    assert!(vetting.reasons.unevidenced.is_empty());
}

#[test]
fn a_carried_answer_not_confirmed_counts_as_unanswered() {
    let recent = date(2026, 1, 10);
    // A carried "yes" to the cause of concern is not this period's answer: it waits.
    let j = fresh(recent, Some(date(2025, 6, 1)), |a| {
        a.answer_mut("vetting.plan").carried = true;
    });
    assert_eq!(
        (j.areas[0].derived, j.areas[0].ground),
        (None, Ground::Undecided)
    );
    assert_eq!(j.areas[0].reasons.pending, ["vetting.plan"]);
    assert_eq!(j.areas[0].reasons.carried, ["vetting.plan"]);
    // A carried "no" cannot hide the cause of concern either.
    let j = fresh(recent, Some(date(2025, 6, 1)), |a| {
        let plan = a.answer_mut("vetting.plan");
        plan.value = Some(Value::Status(Status::No));
        plan.carried = true;
    });
    assert_eq!(j.areas[0].derived, None);
    // A carried date is no evidence of when the review was done.
    let j = fresh(recent, Some(date(2025, 6, 1)), |a| {
        a.answer_mut("vetting.reviewed_on").carried = true;
    });
    assert_eq!(j.areas[0].reasons.pending, ["vetting.reviewed_on"]);
    // A carried "yes" to a high-severity area for improvement counts as found.
    let j = fresh(recent, Some(date(2025, 6, 1)), |a| {
        a.answer_mut("gifts.x").carried = true;
    });
    assert!(
        j.areas[1]
            .reasons
            .high_afis
            .contains(&"gifts.x".to_string())
    );
}

#[test]
fn a_theme_counts_across_areas_in_the_area_it_belongs_to() {
    let recent = date(2026, 1, 10);
    let on = Some(date(2025, 6, 1));
    let j = fresh(recent, on, |a| {
        for id in ["vetting.a", "vetting.b", "gifts.x"] {
            a.answer_mut(id).value = Some(Value::Status(Status::No));
        }
    });
    let (vetting, gifts) = (&j.areas[0], &j.areas[1]);
    // The gifts finding is the rule's, which covers the item: three on the theme.
    assert_eq!(
        vetting.reasons.themes,
        [ThemeCause {
            theme: "R1".into(),
            findings: vec!["vetting.a".into(), "vetting.b".into(), "x_rule".into()],
        }]
    );
    assert_eq!(
        (vetting.derived, vetting.ground),
        (Some(Grade::RequiresImprovement), Ground::Cause)
    );
    assert!(
        gifts.reasons.themes.is_empty(),
        "the theme weighs where it belongs"
    );
    // Beside a cause of concern, inadequate.
    let j = fresh(recent, on, |a| {
        for id in ["vetting.plan", "vetting.a", "vetting.b", "gifts.x"] {
            a.answer_mut(id).value = Some(Value::Status(Status::No));
        }
    });
    assert_eq!(
        (j.areas[0].derived, j.areas[0].ground),
        (Some(Grade::Inadequate), Ground::Causes)
    );
    // Two on the theme are not enough.
    let j = fresh(recent, on, |a| {
        for id in ["vetting.a", "gifts.x"] {
            a.answer_mut(id).value = Some(Value::Status(Status::No));
        }
    });
    assert!(j.areas[0].reasons.themes.is_empty());
    assert_eq!(j.areas[0].ground, Ground::Met);
    // An unanswered one counts as found, and an item with its covering rule counts once,
    // even in an area too thinly answered to be judged itself.
    let j = fresh(recent, on, |a| {
        a.answer_mut("gifts.x").value = None;
        a.answer_mut("gifts.y").value = None;
        for id in ["vetting.a", "vetting.b"] {
            a.answer_mut(id).value = Some(Value::Status(Status::No));
        }
    });
    assert_eq!(j.areas[1].derived, None);
    assert_eq!(
        j.areas[0].reasons.themes[0].findings,
        ["vetting.a", "vetting.b", "x_rule"]
    );
}
