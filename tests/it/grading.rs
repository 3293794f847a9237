//! The graded judgements of `integrity-2026`: no blank, weaker answer or refused "not
//! applicable" improves a grade; causes of concern and critical rules wait on their answers;
//! every graded area can be inadequate; and a cause of concern is always high severity.

use jiff::civil::{Date, date};
use probity_core::answer::{Kind, Status, Value};
use probity_core::assessment::{self, Assessment};
use probity_core::checklist::{Checklist, Grade, Label, Severity};
use probity_core::document::Document;
use probity_core::scoring::{self, AreaJudgement, Evaluation, Ground};

use crate::support::{catalog, fixture};

fn today() -> Date {
    date(2026, 4, 15)
}

fn northmoor() -> (Assessment, Checklist) {
    assessment::load(&fixture("northmoor-2026.toml"), catalog()).unwrap()
}

/// Every problem a refused file has, one line each: `file:line:col: message`.
fn refusal(path: &std::path::Path) -> String {
    match assessment::load(path, catalog()) {
        Ok(_) => panic!("{} was accepted", path.display()),
        Err(assessment::LoadError::Invalid(invalid)) => invalid
            .problems
            .iter()
            .map(|p| p.summary())
            .collect::<Vec<_>>()
            .join("\n"),
        Err(other) => panic!("{other}"),
    }
}

/// One area's judgement.
fn area_judgement(e: &Evaluation, area: &str) -> AreaJudgement {
    e.judgements
        .as_ref()
        .unwrap()
        .areas
        .iter()
        .find(|j| j.area == area)
        .unwrap()
        .clone()
}

/// The graded report in Markdown.
fn graded_md(c: &Checklist, a: &Assessment) -> String {
    let mut o = probity_core::report::Options::new("OFFICIAL", today());
    o.style = Some(probity_core::report::Style::Graded);
    let bytes = probity_core::report::Report::new(c, a, &o)
        .render(probity_core::document::Format::Md)
        .unwrap();
    String::from_utf8(bytes).unwrap()
}

fn evaluate(c: &Checklist, a: &Assessment) -> Evaluation {
    scoring::evaluate(c, a, today())
}

/// Each graded area's derived grade, by area id.
fn grades(e: &Evaluation) -> Vec<(String, Option<Grade>)> {
    e.judgements
        .as_ref()
        .unwrap()
        .areas
        .iter()
        .map(|a| (a.area.clone(), a.derived))
        .collect()
}

/// True when `after` is a better grade than `before`: a higher grade, or any grade above
/// inadequate where there was no judgement. (Inadequate where there was none is not better: a
/// control that lapses because the one it depends on is missing is evidence of failure.)
fn improves(before: Option<Grade>, after: Option<Grade>) -> bool {
    match (before, after) {
        (Some(b), Some(a)) => a < b,
        (None, Some(a)) => a != Grade::Inadequate,
        (_, None) => false,
    }
}

/// The ways an answer can lose evidence or weaken: cleared, a status one step weaker, or "na"
/// where the checklist does not allow it; a choice to any option with less credit.
fn weaker(c: &Checklist, a: &Assessment, item: &str) -> Vec<(String, Option<Value>)> {
    let Some(value) = a.value(item) else {
        return Vec::new();
    };
    let mut out = vec![("cleared".to_string(), None)];
    let it = c.item(item).unwrap();
    match (value, &it.kind) {
        (Value::Status(s), _) => {
            let steps: &[Status] = match s {
                Status::Yes => &[Status::Partial, Status::No],
                Status::Partial => &[Status::No],
                _ => &[],
            };
            for w in steps {
                out.push((format!("\"{}\"", w.name()), Some(Value::Status(*w))));
            }
            if *s != Status::Na {
                out.push(("\"na\"".into(), Some(Value::Status(Status::Na))));
            }
        }
        (Value::Choice(now), Kind::Choice(options)) => {
            let credit = |id: &str| options.iter().find(|o| o.id == id).and_then(|o| o.credit);
            if let Some(have) = credit(now) {
                for o in options {
                    if o.credit.is_some_and(|c| c < have) {
                        out.push((format!("\"{}\"", o.id), Some(Value::Choice(o.id.clone()))));
                    }
                }
            }
        }
        _ => {}
    }
    out
}

/// "na" on a status item counts only where the checklist allows it with these answers; an
/// allowed "na" is a genuine answer, not a weakening, and is left out of the property.
fn allowed_na(c: &Checklist, a: &Assessment, item: &str) -> bool {
    let answers = probity_core::condition::Answers::new(|id: &str| a.value(id), today());
    c.item(item).unwrap().allows_na(&answers)
}

/// The "done when" property, exhaustively over the Northmoor fixture: for every answered item
/// in a graded area, clearing it, weakening it or setting a disallowed "na" never improves any
/// area's derived grade.
#[test]
fn no_blank_weaker_answer_or_refused_na_improves_a_northmoor_grade() {
    let (a, c) = northmoor();
    let tried = single_changes_never_improve(&c, &a, "as answered");
    assert!(tried > 150, "only {tried} changes tried");
}

/// The same property from Northmoor with answers already weakened or cleared at random (a
/// fixed seed each), so that gates, rules and thresholds are crossed from other starting
/// points than the fixture's own.
#[test]
fn no_single_change_improves_a_grade_from_weakened_copies_of_northmoor() {
    let (a, c) = northmoor();
    let ids: Vec<String> = a.answers.keys().cloned().collect();
    for seed in 1..=24u64 {
        let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut copy = a.clone();
        for id in &ids {
            // About one answer in four changes: to its weakest step, cleared, or one step down.
            let roll = next() % 12;
            if roll >= 3 {
                continue;
            }
            let options = weaker(&c, &copy, id)
                .into_iter()
                .filter(|(_, v)| !matches!(v, Some(Value::Status(Status::Na))))
                .collect::<Vec<_>>();
            if let Some((_, value)) = options.get(roll as usize % options.len().max(1)) {
                copy.answer_mut(id).value = value.clone();
            }
        }
        single_changes_never_improve(&c, &copy, &format!("seed {seed}"));
    }
}

/// Tries every single clearing, weakening or disallowed "na" on `a`, failing on any that
/// improves an area's derived grade; returns how many changes were tried.
fn single_changes_never_improve(c: &Checklist, a: &Assessment, start: &str) -> usize {
    let evaluation = evaluate(c, a);
    let before = grades(&evaluation);
    let waiting = waiting_on_dated_evidence(c, a, &evaluation);
    let mut tried = 0;
    let mut failures = Vec::new();
    let graded: Vec<&str> = c
        .areas
        .iter()
        .filter(|area| area.is_graded())
        .map(|area| area.id.as_str())
        .collect();
    for item in c.items() {
        let in_graded = c
            .area_of(&item.id)
            .is_some_and(|ar| graded.contains(&ar.id.as_str()));
        // Counts in the context area feed rules of graded areas: weaken those too.
        if !in_graded && item.kind.is_scored() {
            continue;
        }
        for (how, value) in weaker(c, a, &item.id) {
            if matches!(value, Some(Value::Status(Status::Na))) && allowed_na(c, a, &item.id) {
                continue;
            }
            let mut changed = a.clone();
            changed.answer_mut(&item.id).value = value;
            tried += 1;
            for ((area, was), (_, now)) in before.iter().zip(grades(&evaluate(c, &changed))) {
                // An area withheld because the date of its key evidence is missing or older
                // than its window is judged once the control that date belongs to is answered
                // "no": that is how the answers are made consistent ("is there a current
                // policy?" has no honest "yes" over a stale one). The grade must then be no
                // better than with the evidence brought up to date.
                if let Some((_, _, current)) = waiting
                    .iter()
                    .find(|(w, controls, _)| w == area && controls.contains(&item.id))
                {
                    if improves(*current, now) {
                        failures.push(format!(
                            "{} {how}: {area} without current dated evidence {now:?}, better than {current:?} with it",
                            item.id
                        ));
                    }
                    continue;
                }
                if improves(*was, now) {
                    failures.push(format!("{} {how}: {area} {was:?} -> {now:?}", item.id));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{start}:\n{}", failures.join("\n"));
    tried
}

/// For each area withheld for the date of its key evidence (missing or older than its
/// freshness window): the controls whose answers ask for that date, and the area's grade with
/// the date brought up to the as-at date.
fn waiting_on_dated_evidence(
    c: &Checklist,
    a: &Assessment,
    e: &Evaluation,
) -> Vec<(String, Vec<String>, Option<Grade>)> {
    let grading = c.grading.as_ref().unwrap();
    let Some(j) = &e.judgements else {
        return Vec::new();
    };
    j.areas
        .iter()
        .filter(|area| area.derived.is_none())
        .filter_map(|area| {
            let dated = &grading.freshness_of(&area.area)?.dated_by;
            let waiting: Vec<&String> = area
                .reasons
                .pending
                .iter()
                .chain(area.reasons.stale.iter().map(|(id, _)| id))
                .filter(|id| dated.contains(id))
                .collect();
            let controls: Vec<String> = waiting
                .iter()
                .filter_map(|id| c.item(id)?.ask_if.as_ref())
                .flat_map(|cond| cond.items())
                .map(str::to_string)
                .collect();
            if controls.is_empty() {
                return None;
            }
            let mut current = a.clone();
            for id in waiting {
                current.answer_mut(id).value = Some(Value::Date(e.as_at));
            }
            let grade = grades(&evaluate(c, &current))
                .into_iter()
                .find(|(id, _)| *id == area.area)
                .and_then(|(_, g)| g);
            Some((area.area.clone(), controls, grade))
        })
        .collect()
}

/// The experiments of the December 2026 domain review that showed a blank or "na" improving a
/// grade, each now withheld or no better.
#[test]
fn the_reviewed_evasions_no_longer_improve_a_grade() {
    let (a, c) = northmoor();
    let before = grades(&evaluate(&c, &a));
    let grade_of =
        |g: &[(String, Option<Grade>)], area: &str| g.iter().find(|(id, _)| id == area).unwrap().1;
    for change in [
        "vetting.recovery_plan",
        "vetting.below_required_level",
        "vetting.workforce_requiring",
        "apsp.plan",
        "procurement.interests_crossref",
        "information.monitoring_coverage",
        "misconduct.iopc_referred",
    ] {
        let mut blank = a.clone();
        blank.answer_mut(change).value = None;
        let after = grades(&evaluate(&c, &blank));
        let area = c.area_of(change).unwrap().id.as_str();
        assert!(
            !improves(grade_of(&before, area), grade_of(&after, area)),
            "blank {change}: {area} {:?} -> {:?}",
            grade_of(&before, area),
            grade_of(&after, area)
        );
    }
    // With 35 transferees, "na" on transferee checks and adverse-information review counts as
    // "no"; it does not take vetting from requires improvement to good.
    let mut clean = a.clone();
    clean.answer_mut("vetting.below_required_level").value = Some(Value::Number(0.0));
    let base = grade_of(&grades(&evaluate(&c, &clean)), "vetting");
    for item in ["vetting.transferee_checks", "vetting.adverse_info_review"] {
        clean.answer_mut(item).value = Some(Value::Status(Status::Na));
    }
    let laundered = grade_of(&grades(&evaluate(&c, &clean)), "vetting");
    assert!(!improves(base, laundered), "{base:?} -> {laundered:?}");
}

/// An undecided cause of concern withholds the judgement, in the checklist's words, naming the
/// question that decides it.
#[test]
fn an_unanswered_cause_of_concern_withholds_the_judgement() {
    let (mut a, c) = northmoor();
    a.answer_mut("vetting.recovery_plan").value = None;
    let e = evaluate(&c, &a);
    let vetting = &e.judgements.as_ref().unwrap().areas[0];
    assert_eq!(vetting.area, "vetting");
    assert_eq!(vetting.derived, None);
    assert_eq!(vetting.ground, Ground::Undecided);
    assert_eq!(vetting.reasons.pending, ["vetting.recovery_plan"]);
    let md = graded_md(&c, &a);
    assert!(
        md.contains("No judgement: the answer to \u{201c}Plan to close the vetting shortfall\u{201d} decides it."),
        "{md}"
    );

    // The counts a critical rule reads are evidence it needs too (the gate cannot be passed
    // with them blank).
    let (mut a, c) = northmoor();
    a.answer_mut("vetting.below_required_level").value = None;
    let e = evaluate(&c, &a);
    let vetting = &e.judgements.as_ref().unwrap().areas[0];
    assert_eq!(vetting.derived, None);
    assert_eq!(vetting.reasons.pending, ["vetting.below_required_level"]);
}

/// Every status answer "no" and every scored choice at its least credit: every graded area is
/// inadequate, by the route its checklist states.
#[test]
fn all_no_is_inadequate_in_every_graded_area() {
    let (mut a, c) = northmoor();
    for area in c.areas.iter().filter(|ar| ar.is_graded()) {
        assert!(
            c.grading.as_ref().unwrap().route_of(&area.id).is_some(),
            "{} states no route to inadequate",
            area.id
        );
        for item in &area.items {
            let worst = match &item.kind {
                Kind::Status => Some(Value::Status(Status::No)),
                Kind::Choice(options) if item.kind.is_scored() => options
                    .iter()
                    .filter(|o| o.credit.is_some())
                    .min_by(|x, y| x.credit.partial_cmp(&y.credit).unwrap())
                    .map(|o| Value::Choice(o.id.clone())),
                _ => continue,
            };
            a.answer_mut(&item.id).value = worst;
        }
    }
    let e = evaluate(&c, &a);
    for (area, grade) in grades(&e) {
        assert_eq!(grade, Some(Grade::Inadequate), "{area}");
    }
}

/// One missed mandatory referral in eighteen is a cause of concern, not an inadequate area:
/// HMICFRS graded Thames Valley requires improvement with three of nine referred.
#[test]
fn seventeen_of_eighteen_iopc_referrals_is_not_inadequate() {
    for (referred, required) in [(17.0, 18.0), (3.0, 9.0)] {
        let (mut a, c) = northmoor();
        a.answer_mut("misconduct.iopc_required").value = Some(Value::Number(required));
        a.answer_mut("misconduct.iopc_referred").value = Some(Value::Number(referred));
        let misconduct = area_judgement(&evaluate(&c, &a), "misconduct");
        assert_eq!(
            misconduct.reasons.causes,
            ["iopc_referral_shortfall"],
            "{referred} of {required}"
        );
        assert_eq!(
            misconduct.derived,
            Some(Grade::RequiresImprovement),
            "{referred} of {required}"
        );
    }
}

/// No finding labelled a cause of concern is below high severity or without a recommendation,
/// and a partial answer on its
/// own is an area for improvement: over Northmoor, each answer weakened or cleared, and
/// every status answer "partial".
#[test]
fn no_cause_of_concern_is_below_high_severity() {
    let (a, c) = northmoor();
    let check = |a: &Assessment, what: &str| {
        for f in evaluate(&c, a).findings {
            if f.label == Some(Label::CauseOfConcern) {
                assert_eq!(f.severity, Severity::High, "{what}: {}", f.id);
                assert!(
                    !f.recommendations.is_empty(),
                    "{what}: {} carries no recommendation",
                    f.id
                );
            }
        }
    };
    check(&a, "as answered");
    for item in c.items() {
        for (how, value) in weaker(&c, &a, &item.id) {
            let mut changed = a.clone();
            changed.answer_mut(&item.id).value = value;
            check(&changed, &format!("{} {how}", item.id));
        }
    }
    let mut partial = a.clone();
    for item in c.items().filter(|i| matches!(i.kind, Kind::Status)) {
        partial.answer_mut(&item.id).value = Some(Value::Status(Status::Partial));
    }
    let e = evaluate(&c, &partial);
    check(&partial, "all partial");
    let plan = e.findings.iter().find(|f| f.id == "apsp.plan").unwrap();
    assert_eq!(plan.label, Some(Label::AreaForImprovement));
}

/// A file that answers "na" where the checklist does not allow it is refused, naming the file,
/// the line and the item; where the checklist allows it only when a count is 0, it is refused
/// while the count is above 0.
#[test]
fn a_disallowed_na_is_refused_with_file_line_and_item() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(fixture("northmoor-2026.toml")).unwrap();
    let marker = "[answers.\"vetting.adverse_info_review\"]\nvalue = \"";
    let at = text
        .find(marker)
        .expect("the fixture answers adverse_info_review");
    let line = text[..at + marker.len()].lines().count();
    let end = text[at + marker.len()..].find('"').unwrap() + at + marker.len();
    let edited = format!("{}na{}", &text[..at + marker.len()], &text[end..]);
    let path = dir.path().join("northmoor-na.toml");
    std::fs::write(&path, &edited).unwrap();
    let err = refusal(&path);
    assert!(err.contains("northmoor-na.toml"), "{err}");
    assert!(err.contains(&format!(":{line}:")), "line {line}: {err}");
    assert!(
        err.contains("\"vetting.adverse_info_review\"") && err.contains("answered \"na\""),
        "{err}"
    );

    // Transferee checks may be "na" only when nobody transferred: Northmoor had 35.
    let marker = "[answers.\"vetting.transferee_checks\"]\nvalue = \"";
    let at = text
        .find(marker)
        .expect("the fixture answers transferee_checks");
    let end = text[at + marker.len()..].find('"').unwrap() + at + marker.len();
    let edited = format!("{}na{}", &text[..at + marker.len()], &text[end..]);
    std::fs::write(&path, &edited).unwrap();
    let err = refusal(&path);
    assert!(err.contains("\"vetting.transferee_checks\""), "{err}");
    let none = edited.replace(
        "[answers.\"ctx.transferees_in_period\"]\nvalue = 35",
        "[answers.\"ctx.transferees_in_period\"]\nvalue = 0",
    );
    assert_ne!(none, edited);
    std::fs::write(&path, &none).unwrap();
    assessment::load(&path, catalog()).unwrap();
}

/// A rule that a stronger answer would make fire counts for grading, and the report names it as
/// counted: answering that there is no gifts register does not escape "supplier names are not
/// checked against the register".
#[test]
fn a_rule_escaped_by_a_weaker_answer_still_counts_and_is_named() {
    let (mut a, c) = northmoor();
    // "No": a partial answer would lower the rule to medium, as it lowers the item.
    a.answer_mut("procurement.gifts_crossref").value = Some(Value::Status(Status::No));
    let fired = evaluate(&c, &a);
    let procurement = |e: &Evaluation| area_judgement(e, "procurement");
    assert!(
        procurement(&fired)
            .reasons
            .high_afis
            .contains(&"gifts_register_not_crossreferenced".to_string())
    );
    a.answer_mut("gifts.register.exists").value = Some(Value::Status(Status::No));
    let escaped = evaluate(&c, &a);
    assert!(
        !escaped
            .findings
            .iter()
            .any(|f| f.id == "gifts_register_not_crossreferenced"),
        "the finding itself no longer fires"
    );
    let judged = procurement(&escaped);
    assert!(
        judged
            .reasons
            .high_afis
            .contains(&"gifts_register_not_crossreferenced".to_string())
    );
    assert!(judged.derived >= procurement(&fired).derived);
    let md = graded_md(&c, &a);
    assert!(md.contains("(counted for grading:"), "{md}");
}

/// The counter-corruption headline rests on the areas HMICFRS's questions 5 and 6 cover, not
/// on the gifts, procurement and media areas carried from 2011.
#[test]
fn counter_corruption_rests_on_questions_five_and_six() {
    let (_, c) = northmoor();
    let g = c.grading.as_ref().unwrap();
    let headline = g
        .headlines
        .iter()
        .find(|h| h.id == "counter_corruption")
        .unwrap();
    assert_eq!(
        headline.areas,
        ["information", "declarations", "corruption", "apsp"]
    );
    for area in ["gifts", "procurement", "media"] {
        assert!(g.headline_of(area).is_none(), "{area}");
    }
}

/// A statutory duty answered "no" makes its area inadequate, and one left unanswered withholds
/// the judgement; "partly" is an area for improvement, not a failed duty.
#[test]
fn a_failed_statutory_duty_is_inadequate() {
    let misconduct = |status: Option<Status>| {
        let (mut a, c) = northmoor();
        a.answer_mut("misconduct.barred_list_checked").value = status.map(Value::Status);
        let j = area_judgement(&evaluate(&c, &a), "misconduct");
        (j.derived, j.ground)
    };
    assert_eq!(
        misconduct(Some(Status::No)),
        (Some(Grade::Inadequate), Ground::Statutory)
    );
    assert_ne!(misconduct(Some(Status::Partial)).1, Ground::Statutory);
    assert_eq!(misconduct(None), (None, Ground::Undecided));
}

/// The dated evidence of counter-corruption (its threat assessment) and of media relations (the
/// policy's last review) older than their windows withholds both judgements, in the checklist's
/// words, and the counter-corruption headline with them; clearing a date keeps the area waiting,
/// and no single clearing or weakening from there lets an area be judged better.
#[test]
fn evidence_older_than_its_window_withholds_the_judgement() {
    let (mut a, c) = northmoor();
    a.answer_mut("corruption.threat_assessment_on").value = Some(Value::Date(date(2023, 11, 29)));
    a.answer_mut("media.policy.reviewed_on").value = Some(Value::Date(date(2024, 2, 14)));
    let e = evaluate(&c, &a);
    for area in ["corruption", "media"] {
        let j = area_judgement(&e, area);
        assert_eq!((j.derived, j.ground), (None, Ground::Stale), "{area}");
    }
    let headline = e.judgements.as_ref().unwrap().headlines[2].clone();
    assert_eq!(
        (headline.id.as_str(), headline.grade),
        ("counter_corruption", None)
    );
    let md = graded_md(&c, &a);
    assert!(
        md.contains(
            "No judgement: the evidence is older than the 24 months this checklist allows: \
             \u{201c}Date of the threat assessment\u{201d}, 29 November 2023."
        ),
        "{md}"
    );
    // Page 1 says the headline is not judged, not that "no judgement" was derived.
    assert!(
        md.contains("Counter-corruption not judged (withheld until each of its areas is judged)"),
        "{md}"
    );
    assert!(!md.contains("no judgement (derived)"), "{md}");
    // Within the window the area is judged: Northmoor's own assessment is 17 months old, which
    // is an area for improvement, not a reason to withhold.
    let (fresh, _) = northmoor();
    assert!(
        area_judgement(&evaluate(&c, &fresh), "corruption")
            .derived
            .is_some()
    );
    // Without the date the area waits for it.
    let mut undated = a.clone();
    undated.answer_mut("corruption.threat_assessment_on").value = None;
    let j = area_judgement(&evaluate(&c, &undated), "corruption");
    assert_eq!((j.derived, j.ground), (None, Ground::Undecided));
    assert_eq!(j.reasons.pending, ["corruption.threat_assessment_on"]);
    single_changes_never_improve(&c, &a, "stale dates");
}

/// A verification older than the area's window counts as evidenced only, and the report says
/// so; an answer carried from last year and not confirmed counts as unanswered for grading.
#[test]
fn old_verifications_and_unconfirmed_carried_answers_are_not_current_evidence() {
    let (mut a, c) = northmoor();
    a.answer_mut("vetting.recovery_plan").carried = true;
    let e = evaluate(&c, &a);
    let vetting = area_judgement(&e, "vetting");
    assert_eq!((vetting.derived, vetting.ground), (None, Ground::Undecided));
    assert_eq!(vetting.reasons.carried, ["vetting.recovery_plan"]);
    let md = graded_md(&c, &a);
    assert!(
        md.contains(
            "One answer carried from the last assessment and not yet confirmed counts as \
             unanswered for grading: \u{201c}Plan to close the vetting shortfall\u{201d}."
        ),
        "{md}"
    );

    let (mut a, c) = northmoor();
    let ethics: Vec<String> = c
        .area("ethics")
        .unwrap()
        .items
        .iter()
        .filter(|i| i.severity == Severity::High && i.kind.is_scored())
        .map(|i| i.id.clone())
        .collect();
    let verify = |a: &mut Assessment, on: Date| {
        for id in &ethics {
            a.answer_mut(id).assurance = assessment::Assurance::Verified {
                by: "Internal Audit".into(),
                on,
            };
        }
    };
    // Northmoor's ethics area is flawless with a notable practice: verified within the two
    // years its window allows, it is outstanding.
    verify(&mut a, date(2025, 1, 10));
    let j = area_judgement(&evaluate(&c, &a), "ethics");
    assert_eq!(j.derived, Some(Grade::Outstanding));
    verify(&mut a, date(2024, 1, 10));
    let j = area_judgement(&evaluate(&c, &a), "ethics");
    assert_eq!(
        (j.derived, j.ground),
        (Some(Grade::Good), Ground::Assurance)
    );
    assert_eq!(j.reasons.verified_too_long_ago, ethics);
    let md = graded_md(&c, &a);
    assert!(
        md.contains(
            "Verified more than 24 months before the as-at date, so counted as evidenced only:"
        ),
        "{md}"
    );
}

/// Three high-severity areas for improvement on the theme of counter-corruption that looks for
/// corruption, two in the counter-corruption area and one in protecting information, weigh as
/// a cause of concern in counter-corruption, and the report says why.
#[test]
fn three_high_areas_for_improvement_on_one_theme_weigh_as_a_cause_of_concern() {
    let (mut a, c) = northmoor();
    for id in [
        "corruption.control_strategy",
        "corruption.intel_assessed_promptly",
    ] {
        a.answer_mut(id).value = Some(Value::Status(Status::No));
    }
    let two = area_judgement(&evaluate(&c, &a), "corruption");
    assert!(two.reasons.themes.is_empty(), "two are not a pattern");
    a.answer_mut("information.monitoring_use").value = Some(Value::Choice("not_used".into()));
    let e = evaluate(&c, &a);
    let corruption = area_judgement(&e, "corruption");
    assert_eq!(corruption.reasons.themes.len(), 1);
    assert_eq!(corruption.reasons.themes[0].theme, "C1");
    assert_eq!(
        corruption.reasons.themes[0].findings,
        [
            "information.monitoring_use",
            "corruption.control_strategy",
            "corruption.intel_assessed_promptly",
        ]
    );
    assert_eq!(
        (corruption.derived, corruption.ground),
        (Some(Grade::RequiresImprovement), Ground::Cause)
    );
    // It weighs where the theme belongs, not in protecting information as well.
    assert!(area_judgement(&e, "information").reasons.themes.is_empty());
    let md = graded_md(&c, &a);
    assert!(
        md.contains(
            "Requires improvement: three high-severity areas for improvement on the theme \
             \u{201c}Counter-corruption that looks for corruption\u{201d} weigh as a cause of concern"
        ),
        "{md}"
    );
    // Page 1 lists it with the causes of concern, though no single finding states it.
    assert!(
        md.contains(
            "- Three high-severity areas for improvement on the theme \u{201c}Counter-corruption \
             that looks for corruption\u{201d} weigh as a cause of concern (Counter-corruption; a \
             systemic weakness)"
        ),
        "{md}"
    );
    assert!(!md.contains("There are no causes of concern."), "{md}");
    // Beside a cause of concern of its own, the area is inadequate.
    a.answer_mut("corruption.capacity_sufficient").value = Some(Value::Status(Status::No));
    let j = area_judgement(&evaluate(&c, &a), "corruption");
    assert_eq!(
        (j.derived, j.ground),
        (Some(Grade::Inadequate), Ground::Causes)
    );
    let md = graded_md(&c, &a);
    assert!(
        md.contains(
            "Inadequate: two causes of concern. Three high-severity areas for improvement on the \
             theme \u{201c}Counter-corruption that looks for corruption\u{201d} weigh as a cause of \
             concern."
        ),
        "{md}"
    );
    // The findings are named in one sentence, each without its own full stop.
    assert!(
        md.contains(
            "weigh as a cause of concern: Protective monitoring is in place but not used by the \
             counter-corruption unit; There is no"
        ),
        "{md}"
    );
    assert!(!md.contains(".;"), "{md}");
}

/// Every theme belongs to a graded area and every area states its freshness window; themes
/// list only high-severity areas for improvement (the loader checks it, and this keeps the
/// built-in checklist honest about which findings it counts).
#[test]
fn every_graded_area_has_a_window_and_themes_hold_high_areas_for_improvement() {
    let (_, c) = northmoor();
    let g = c.grading.as_ref().unwrap();
    for area in c.areas.iter().filter(|a| a.is_graded()) {
        assert!(g.freshness_of(&area.id).is_some(), "{}", area.id);
    }
    assert_eq!(g.themes.len(), c.recommendations.len());
    for t in &g.themes {
        for id in &t.findings {
            let (severity, label) = match c.item(id) {
                Some(i) => (i.severity, i.label),
                None => c.rule(id).map(|r| (r.severity, r.label)).unwrap(),
            };
            assert_eq!(
                (severity, label),
                (Severity::High, Some(Label::AreaForImprovement)),
                "{id}"
            );
        }
    }
}

/// A rule that fires on figures keeps its severity when the control it covers is only partly
/// met: the partial answer is not why it fires, so weakening the control from "yes" to
/// "partial" cannot lower the finding (and with it lift the grade). Complaints logged late
/// (74% in time) are a high-severity area for improvement whether recording is "yes" or
/// "partial".
#[test]
fn weakening_a_control_never_lowers_a_finding_its_figures_raise() {
    let (a, c) = northmoor();
    let severity = |a: &Assessment| {
        evaluate(&c, a)
            .findings
            .iter()
            .find(|f| f.id == "complaints_logged_late")
            .map(|f| f.severity)
    };
    let mut met = a.clone();
    met.answer_mut("complaints.timely_recording").value = Some(Value::Status(Status::Yes));
    assert_eq!(severity(&met), Some(Severity::High));
    assert_eq!(
        severity(&a),
        Some(Severity::High),
        "partial, as Northmoor answers"
    );
    let grade = |a: &Assessment| area_judgement(&evaluate(&c, a), "complaints").derived;
    assert!(
        grade(&a) >= grade(&met),
        "partial grades no better than yes"
    );
}

/// A "yes" the record contradicts (a threat assessment "no more than a year old" approved 17
/// months before) counts for grading as the "partial" that corrects it: neither better, which
/// would reward the wrong answer, nor worse, which would make "partial" an improvement on it.
#[test]
fn a_contradicted_yes_grades_as_the_answer_that_corrects_it() {
    let (partial, c) = northmoor();
    let mut yes = partial.clone();
    yes.answer_mut("corruption.threat_assessment").value = Some(Value::Status(Status::Yes));
    let judged = |a: &Assessment| {
        let j = area_judgement(&evaluate(&c, a), "corruption");
        (j.derived, j.reasons.met)
    };
    assert_eq!(judged(&yes), judged(&partial));
    assert!(judged(&yes).1 < Some(100.0));
}
