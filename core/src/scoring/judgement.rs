//! Graded judgements: each area's grade on the five-tier scale, derived from its answers and
//! findings by the thresholds its checklist sets, beside any override the assessor records;
//! then the headline judgements, each the lowest grade of the areas that feed it.
//!
//! The derivation is built so that no blank, weaker answer or refused "not applicable" can
//! improve a grade: for grading an unanswered scored question counts as unmet, a rule that
//! could still fire on answers not given is either assumed to fire (areas for improvement) or
//! withholds the judgement (causes of concern and critical rules), and a control that lapses
//! because a control it depends on is missing counts as unmet. In order (also printed in every
//! graded report):
//! 1. too few scored questions answered: no judgement (insufficient evidence);
//! 2. a question that can raise a cause of concern or a critical finding, a statutory duty,
//!    or a figure one of their rules reads, unanswered: no judgement until it is answered
//!    (undecided);
//! 3. a critical rule, a statutory duty answered "no", or two or more causes of concern:
//!    inadequate;
//! 4. met below the checklist's `inadequate` floor: inadequate (most controls unmet);
//! 5. one cause of concern, or high-severity areas for improvement at the checklist's limit:
//!    requires improvement;
//! 6. met at least `good` with no high-severity area for improvement: good, or outstanding when
//!    everything is met, nothing is found or left undecided, and the assessor records a
//!    notable practice;
//! 7. met at least `adequate`: adequate; otherwise requires improvement.

use crate::answer::{Status, Value};
use crate::assessment::Level;
use crate::checklist::{Area, Checklist, Grade, Grading, Item, Label, Rule, Severity};
use crate::condition::Answers;

use super::{AreaScore, Facts, Finding, FindingKind, credit};

/// The judgements of one assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct Judgements {
    pub areas: Vec<AreaJudgement>,
    pub headlines: Vec<HeadlineJudgement>,
}

/// One area's judgement, with what it rests on.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaJudgement {
    pub area: String,
    /// The grade the answers give; `None` when too little is answered for one.
    pub derived: Option<Grade>,
    /// The step of the derivation that decided it.
    pub ground: Ground,
    pub reasons: Reasons,
    /// The assessor's grade, recorded with its rationale.
    pub overridden: Option<Grade>,
    pub rationale: Option<String>,
    /// The notable practice the assessor records, if any.
    pub notable: Option<String>,
}

/// The step of the derivation that decided an area's grade.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ground {
    /// Too little answered: no judgement.
    Evidence,
    /// An answer that could raise a cause of concern or a critical finding is missing: no
    /// judgement until it is given.
    Undecided,
    /// A critical rule fired: inadequate.
    Critical,
    /// A statutory duty is not met: inadequate.
    Statutory,
    /// Two or more causes of concern: inadequate.
    Causes,
    /// Met below the checklist's floor: inadequate.
    Systemic,
    /// One cause of concern: requires improvement.
    Cause,
    /// High-severity areas for improvement at the limit: requires improvement.
    HighAfis,
    /// The share met, against the thresholds.
    Met,
    /// Met well enough for a better grade, but its high-severity answers are not assured
    /// enough for it: good needs them evidenced, outstanding verified.
    Assurance,
}

/// What a derived grade rests on.
#[derive(Debug, Clone, PartialEq)]
pub struct Reasons {
    /// Scored questions answered (other than "not applicable"), and how many could be.
    pub answered: usize,
    pub out_of: usize,
    /// How far the area is met for grading, 0 to 100: its scored questions weighted as the
    /// score weighs them, but with every unanswered question, and every control that lapses
    /// because one it depends on is missing, counted as unmet.
    pub met: Option<f64>,
    /// Findings labelled causes of concern, by id.
    pub causes: Vec<String>,
    /// Those of them from rules the checklist marks critical.
    pub critical: Vec<String>,
    /// High-severity findings labelled areas for improvement, by id, with any high-severity
    /// rule for improvement that unanswered figures leave open (assumed to hold).
    pub high_afis: Vec<String>,
    /// Every finding in the area, labelled or not.
    pub findings: usize,
    /// Questions whose answers could raise a cause of concern or a critical finding here and
    /// are not given, by item id: while any is, the area is not judged.
    pub pending: Vec<String>,
    /// Rules of the area that answers not given could still make fire, by id.
    pub open_rules: Vec<String>,
    /// Statutory duties answered "no", or lapsed because a control they depend on is missing,
    /// by item id.
    pub statutory: Vec<String>,
    /// High-severity scored questions that apply and are not evidenced (asserted only, or
    /// unanswered), by item id: while any is, the area is adequate at best.
    pub unevidenced: Vec<String>,
    /// High-severity scored questions that apply and are not verified, by item id: while any
    /// is, the area is good at best.
    pub unverified: Vec<String>,
}

/// A headline judgement: the lowest grade of its areas as they stand (overrides included).
#[derive(Debug, Clone, PartialEq)]
pub struct HeadlineJudgement {
    pub id: String,
    pub title: String,
    pub areas: Vec<String>,
    /// `None` when any of its areas has no grade.
    pub grade: Option<Grade>,
    /// The areas that set it: those at its grade, or those without one.
    pub set_by: Vec<String>,
}

impl AreaJudgement {
    /// The grade that stands: the assessor's override, or the derived grade.
    pub fn standing(&self) -> Option<Grade> {
        self.overridden.or(self.derived)
    }
}

/// Judges every area that asks scored questions, when the checklist defines grading.
pub(super) fn judge(
    facts: &Facts,
    scores: &[AreaScore],
    findings: &[Finding],
) -> Option<Judgements> {
    let checklist = facts.checklist;
    let assessment = facts.assessment;
    let grading = checklist.grading.as_ref()?;
    let areas: Vec<AreaJudgement> = checklist
        .areas
        .iter()
        .zip(scores)
        .filter(|(area, _)| area.is_graded())
        .map(|(area, score)| {
            let recorded = assessment.judgements.get(&area.id);
            let notable = recorded.and_then(|j| j.notable.clone());
            let reasons = reasons(facts, area, score, findings);
            let (derived, ground) = derive(grading, &reasons, notable.is_some());
            AreaJudgement {
                area: area.id.clone(),
                derived,
                ground,
                reasons,
                overridden: recorded.and_then(|j| j.grade),
                rationale: recorded.and_then(|j| j.rationale.clone()),
                notable,
            }
        })
        .collect();
    let headlines = grading
        .headlines
        .iter()
        .map(|h| headline(h, &areas))
        .collect();
    Some(Judgements { areas, headlines })
}

/// The area a rule's finding is reported under: its anchor's, or its first item's.
fn rule_area<'c>(checklist: &'c Checklist, rule: &Rule) -> Option<&'c Area> {
    let items = rule.when.items();
    let item = rule.anchor.as_deref().or(items.first().copied())?;
    checklist.area_of(item)
}

/// True when a rule's finding would weigh as a cause of concern.
fn raises_cause(rule: &Rule) -> bool {
    rule.critical || rule.label == Some(Label::CauseOfConcern)
}

fn reasons(facts: &Facts, area: &Area, score: &AreaScore, findings: &[Finding]) -> Reasons {
    let checklist = facts.checklist;
    // A finding resting on an unconfirmed carried answer is not this period's position.
    let mine: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.area == score.id && !f.unconfirmed)
        .collect();
    let ids = |keep: &dyn Fn(&Finding) -> bool| -> Vec<String> {
        mine.iter()
            .filter(|f| keep(f))
            .map(|f| f.id.clone())
            .collect()
    };
    let critical = |f: &Finding| {
        f.kind == FindingKind::Rule && checklist.rule(&f.id).is_some_and(|r| r.critical)
    };
    let answers = facts.answers();
    let mut pending: Vec<String> = Vec::new();
    let need = |id: &str, pending: &mut Vec<String>| {
        if !pending.iter().any(|p| p == id) {
            pending.push(id.to_string());
        }
    };
    let mut high_afis =
        ids(&|f| f.label == Some(Label::AreaForImprovement) && f.severity == Severity::High);
    let mut causes = ids(&|f| f.label == Some(Label::CauseOfConcern) || critical(f));
    let mut critical_ids = ids(&critical);
    let mut statutory = Vec::new();
    // Questions not answered, or controls that lapse, weigh as if answered "no": one that can
    // raise a cause of concern withholds the judgement while it (or the answer that decides
    // whether it is asked) is missing, and counts as a cause of concern when it lapses because
    // the control it depends on is missing; a high-severity area for improvement counts as
    // found either way.
    for item in &area.items {
        let cause = item.label == Some(Label::CauseOfConcern);
        let high_afi =
            item.label == Some(Label::AreaForImprovement) && item.severity == Severity::High;
        let mark = |list: &mut Vec<String>| {
            if !list.iter().any(|x| x == &item.id) {
                list.push(item.id.clone());
            }
        };
        let state = graded_state(facts, item);
        if item.statutory {
            match &state {
                State::Answered => {
                    let failed = facts
                        .value(&item.id)
                        .and_then(|v| credit(item, v))
                        .is_some_and(|c| c <= 0.0);
                    if failed {
                        statutory.push(item.id.clone());
                    }
                }
                State::Lapsed => statutory.push(item.id.clone()),
                State::Unanswered(missing) => {
                    for id in missing {
                        need(id, &mut pending);
                    }
                }
                State::Excused => {}
            }
        }
        match state {
            State::Answered | State::Excused => {}
            State::Unanswered(missing) => {
                if cause {
                    for id in &missing {
                        need(id, &mut pending);
                    }
                } else if high_afi {
                    mark(&mut high_afis);
                }
            }
            State::Lapsed => {
                if cause {
                    mark(&mut causes);
                } else if high_afi {
                    mark(&mut high_afis);
                }
            }
        }
    }
    let mut open_rules = Vec::new();
    for rule in &checklist.rules {
        if rule_area(checklist, rule).is_none_or(|a| a.id != area.id) {
            continue;
        }
        let open = rule.when.decided(&answers).is_none();
        if open {
            open_rules.push(rule.id.clone());
        }
        if raises_cause(rule) {
            // Every figure and answer such a rule reads must be given, where it is asked.
            for id in rule.when.items() {
                let unanswered = facts.value(id).is_none();
                if unanswered && (open || facts.is_asked(id)) {
                    need(id, &mut pending);
                }
            }
        } else if open
            && rule.severity == Severity::High
            && !high_afis.iter().any(|h| h == &rule.id)
        {
            // A high-severity rule that blanks could be hiding counts as if it fired.
            high_afis.push(rule.id.clone());
        }
        // A rule that would fire were any of the answers it reads stronger fires for grading:
        // a rule such as "a register exists but nobody reviews it" cannot be escaped by
        // weakening the answer about the register.
        let fired = mine
            .iter()
            .any(|f| f.kind == FindingKind::Rule && f.id == rule.id);
        if !fired && !open && fires_at_best(facts, rule) {
            let mark = |list: &mut Vec<String>| {
                if !list.iter().any(|x| x == &rule.id) {
                    list.push(rule.id.clone());
                }
            };
            if rule.critical {
                mark(&mut critical_ids);
            }
            if raises_cause(rule) {
                mark(&mut causes);
            } else if rule.severity == Severity::High
                && rule.label == Some(Label::AreaForImprovement)
            {
                mark(&mut high_afis);
            }
        }
    }
    let (unevidenced, unverified) = unassured(facts, area);
    Reasons {
        unevidenced,
        unverified,
        answered: score.basis.rests_on,
        out_of: score.basis.out_of,
        met: graded_met(facts, area),
        causes,
        critical: critical_ids,
        high_afis,
        findings: mine.len(),
        pending,
        open_rules,
        statutory,
    }
}

/// The area's high-severity scored questions that apply but are not evidenced, and those not
/// verified. An unanswered one is neither, so clearing an answer never lifts a cap.
fn unassured(facts: &Facts, area: &Area) -> (Vec<String>, Vec<String>) {
    let (mut unevidenced, mut unverified) = (Vec::new(), Vec::new());
    for item in area.items.iter().filter(|i| {
        i.severity == Severity::High
            && i.kind.is_scored()
            && !matches!(graded_state(facts, i), State::Excused)
    }) {
        let level = facts
            .value(&item.id)
            .and_then(|_| facts.assessment.answer(&item.id))
            .map(|a| a.assurance.level());
        if level.is_none_or(|l| l == Level::Asserted) {
            unevidenced.push(item.id.clone());
        }
        if level != Some(Level::Verified) {
            unverified.push(item.id.clone());
        }
    }
    (unevidenced, unverified)
}

/// Whether the rule fires, or could with answers not yet given, with its scored answers as given
/// or any stronger ones ("no" raised to "partial" or "yes", a choice to one with more credit).
fn fires_at_best(facts: &Facts, rule: &Rule) -> bool {
    let choices: Vec<(&str, Vec<Value>)> = rule
        .when
        .items()
        .into_iter()
        .filter_map(|id| {
            let item = facts.checklist.item(id)?;
            let stronger = stronger(item, facts.value(id)?);
            (stronger.len() > 1).then_some((id, stronger))
        })
        .collect();
    let mut pick = vec![0usize; choices.len()];
    loop {
        let answers = Answers::new(
            |id: &str| match choices.iter().position(|(c, _)| *c == id) {
                Some(n) => Some(&choices[n].1[pick[n]]),
                None => facts.value(id),
            },
            facts.as_at,
        );
        // Answers not given could still be anything.
        if rule.when.decided(&answers) != Some(false) {
            return true;
        }
        // The next combination, as an odometer; false once every one is tried.
        let mut n = 0;
        loop {
            let Some(slot) = pick.get_mut(n) else {
                return false;
            };
            *slot += 1;
            if *slot < choices[n].1.len() {
                break;
            }
            *slot = 0;
            n += 1;
        }
    }
}

/// The answer and every stronger one: a status "no" with "partial" and "yes", a choice with
/// every option of more credit. Other answers, and "not applicable", stand alone.
fn stronger(item: &Item, value: &Value) -> Vec<Value> {
    match value {
        Value::Status(Status::No) => [Status::No, Status::Partial, Status::Yes]
            .map(Value::Status)
            .to_vec(),
        Value::Status(Status::Partial) => {
            [Status::Partial, Status::Yes].map(Value::Status).to_vec()
        }
        Value::Choice(now) => match (&item.kind, credit(item, value)) {
            (crate::answer::Kind::Choice(options), Some(have)) => options
                .iter()
                .filter(|o| o.credit.is_some_and(|c| c >= have))
                .map(|o| Value::Choice(o.id.clone()))
                .collect(),
            _ => vec![Value::Choice(now.clone())],
        },
        other => vec![other.clone()],
    }
}

/// Where an item stands for grading.
enum State {
    /// Asked and answered.
    Answered,
    /// Not asked, because figures or a genuine "not applicable" settle that it does not apply.
    Excused,
    /// Asked and unanswered, or not asked only because these answers are missing: the ids of
    /// the questions to answer.
    Unanswered(Vec<String>),
    /// Not asked because a control it depends on is missing ("no", or a weak choice): unmet.
    Lapsed,
}

/// Where an item stands for grading. An item not asked is excused only when every answer its
/// ask-condition reads is given and is a figure, a date, text or a "not applicable"; a control
/// that lapses because another is missing is not excused.
fn graded_state(facts: &Facts, item: &Item) -> State {
    if facts.is_asked(&item.id) {
        return if facts.value(&item.id).is_some() {
            State::Answered
        } else {
            State::Unanswered(vec![item.id.clone()])
        };
    }
    let Some(condition) = &item.ask_if else {
        return State::Excused;
    };
    let mut missing: Vec<String> = Vec::new();
    let mut weak = false;
    for id in condition.items() {
        let Some(input) = facts.checklist.item(id) else {
            continue;
        };
        match facts.value(id) {
            Some(Value::Status(Status::Na)) => {}
            // A scored answer short of fully met: the control this one depends on is missing.
            Some(v) => weak |= credit(input, v).is_some_and(|c| c < 1.0),
            None if facts.is_asked(id) => missing.push(id.to_string()),
            // An input that is itself not asked passes on where it stands (the ask-conditions
            // form no cycle, so this ends).
            None => match graded_state(facts, input) {
                State::Unanswered(m) => missing.extend(m),
                State::Lapsed => weak = true,
                State::Answered | State::Excused => {}
            },
        }
    }
    if !missing.is_empty() {
        State::Unanswered(missing)
    } else if weak {
        State::Lapsed
    } else {
        State::Excused
    }
}

fn excused(facts: &Facts, item: &Item) -> bool {
    matches!(graded_state(facts, item), State::Excused)
}

/// How far the area is met for grading (see [`Reasons::met`]); `None` when it has no scored
/// question that applies.
fn graded_met(facts: &Facts, area: &Area) -> Option<f64> {
    let (mut weight, mut met) = (0.0, 0.0);
    for item in area.items.iter().filter(|i| i.kind.is_scored()) {
        if !facts.is_asked(&item.id) {
            if !excused(facts, item) {
                weight += item.weight;
            }
            continue;
        }
        match facts.value(&item.id) {
            // An answer the record contradicts is not met until it is put right.
            None => weight += item.weight,
            Some(_) if facts.is_contradicted(&item.id) => weight += item.weight,
            Some(v) => {
                if let Some(c) = credit(item, v) {
                    weight += item.weight;
                    met += item.weight * c;
                }
            }
        }
    }
    (weight > 0.0).then(|| 100.0 * met / weight)
}

/// The grade the answers give (`None` below the evidence gate or while undecided), and the
/// step that decided it.
fn derive(g: &Grading, r: &Reasons, notable: bool) -> (Option<Grade>, Ground) {
    let evidenced = r.out_of > 0 && r.answered as f64 * 100.0 >= g.evidence * r.out_of as f64;
    let Some(met) = r.met.filter(|_| evidenced) else {
        return (None, Ground::Evidence);
    };
    if !r.pending.is_empty() {
        return (None, Ground::Undecided);
    }
    // High-severity areas for improvement at the limit are a systemic weakness, which
    // weighs as one more cause of concern.
    let systemic = usize::from(r.high_afis.len() >= g.high_afi_limit);
    let (grade, ground) = if !r.critical.is_empty() {
        (Grade::Inadequate, Ground::Critical)
    } else if !r.statutory.is_empty() {
        (Grade::Inadequate, Ground::Statutory)
    } else if r.causes.len() + systemic >= 2 {
        (Grade::Inadequate, Ground::Causes)
    } else if met < g.inadequate {
        (Grade::Inadequate, Ground::Systemic)
    } else if !r.causes.is_empty() {
        (Grade::RequiresImprovement, Ground::Cause)
    } else if r.high_afis.len() >= g.high_afi_limit {
        (Grade::RequiresImprovement, Ground::HighAfis)
    } else if met >= g.good && r.high_afis.is_empty() {
        let outstanding = met >= 100.0 && r.findings == 0 && r.open_rules.is_empty() && notable;
        match (
            outstanding,
            r.unevidenced.is_empty(),
            r.unverified.is_empty(),
        ) {
            (_, false, _) => (Grade::Adequate, Ground::Assurance),
            (true, true, true) => (Grade::Outstanding, Ground::Met),
            (true, true, false) => (Grade::Good, Ground::Assurance),
            (false, true, _) => (Grade::Good, Ground::Met),
        }
    } else if met >= g.adequate {
        (Grade::Adequate, Ground::Met)
    } else {
        (Grade::RequiresImprovement, Ground::Met)
    };
    (Some(grade), ground)
}

fn headline(h: &crate::checklist::Headline, areas: &[AreaJudgement]) -> HeadlineJudgement {
    let mine: Vec<&AreaJudgement> = areas.iter().filter(|a| h.areas.contains(&a.area)).collect();
    let ungraded: Vec<String> = mine
        .iter()
        .filter(|a| a.standing().is_none())
        .map(|a| a.area.clone())
        .collect();
    let grade = if ungraded.is_empty() {
        mine.iter().filter_map(|a| a.standing()).max()
    } else {
        None
    };
    let set_by = match grade {
        None => ungraded,
        Some(g) => mine
            .iter()
            .filter(|a| a.standing() == Some(g))
            .map(|a| a.area.clone())
            .collect(),
    };
    HeadlineJudgement {
        id: h.id.clone(),
        title: h.title.clone(),
        areas: h.areas.clone(),
        grade,
        set_by,
    }
}

#[cfg(test)]
mod tests {
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
            routes: Vec::new(),
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
        }
    }

    #[test]
    fn high_areas_for_improvement_at_the_limit_weigh_as_a_cause_of_concern() {
        let g = grading();
        assert_eq!(
            derive(&g, &reasons(95.0, 0, 0, 3), false),
            (Some(Grade::RequiresImprovement), Ground::HighAfis)
        );
        assert_eq!(
            derive(&g, &reasons(95.0, 1, 0, 3), false),
            (Some(Grade::Inadequate), Ground::Causes),
            "with a cause of concern beside them"
        );
        assert_eq!(
            derive(&g, &reasons(95.0, 1, 0, 2), false),
            (Some(Grade::RequiresImprovement), Ground::Cause)
        );
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

    const GRADED: &str = r#"
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
        let c = load_str("g.toml", GRADED).unwrap();
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
}
