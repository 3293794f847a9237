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
//! 2. a date the checklist names as dating the area's key evidence older than the area's
//!    freshness window: no judgement (stale evidence);
//! 3. a question that can raise a cause of concern or a critical finding, a statutory duty,
//!    or a figure one of their rules reads, unanswered: no judgement until it is answered
//!    (undecided);
//! 4. a critical rule, a statutory duty answered "no", or two or more causes of concern:
//!    inadequate;
//! 5. met below the checklist's `inadequate` floor: inadequate (most controls unmet);
//! 6. one cause of concern, or high-severity areas for improvement at the checklist's limit:
//!    requires improvement;
//! 7. met at least `good` with no high-severity area for improvement: good, or outstanding when
//!    everything is met, nothing is found or left undecided, and the assessor records a
//!    notable practice;
//! 8. met at least `adequate`: adequate; otherwise requires improvement.
//!
//! For grading, an answer carried from an earlier period and not yet confirmed is not this
//! period's evidence: it counts as unanswered. A verification older than the area's freshness
//! window counts as evidenced only. High-severity areas for improvement on one recommendation
//! theme, at the checklist's limit wherever they are found, weigh as one cause of concern in
//! the area the theme belongs to (a systemic weakness).

use jiff::civil::Date;

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
    /// Evidence older than the area's freshness window: no judgement.
    Stale,
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
    /// Of those, the ones verified before the area's freshness window, which count as
    /// evidenced only.
    pub verified_too_long_ago: Vec<String>,
    /// Dates the checklist names as dating the area's key evidence that are older than its
    /// freshness window, by item id, with the date: while any is, the area is not judged.
    pub stale: Vec<(String, Date)>,
    /// Answers of the area carried from an earlier period and not yet confirmed, by item id:
    /// for grading they count as unanswered.
    pub carried: Vec<String>,
    /// Recommendation themes belonging to this area whose high-severity areas for improvement,
    /// wherever they are found, reach the checklist's limit: each weighs as a cause of concern.
    pub themes: Vec<ThemeCause>,
}

/// A recommendation theme whose high-severity areas for improvement reach the checklist's
/// limit, and they, by id (items or rules, in any area).
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeCause {
    pub theme: String,
    pub findings: Vec<String>,
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
    let mut all: Vec<(&Area, Reasons)> = checklist
        .areas
        .iter()
        .zip(scores)
        .filter(|(area, _)| area.is_graded())
        .map(|(area, score)| (area, reasons(facts, area, score, findings)))
        .collect();
    // Themes count high-severity areas for improvement across every graded area, judged or not.
    let causes: Vec<(String, ThemeCause)> = grading
        .themes
        .iter()
        .filter_map(|t| {
            let found = on_theme(checklist, t, all.iter().map(|(_, r)| r));
            (found.len() >= grading.high_afi_limit).then(|| {
                (
                    t.area.clone(),
                    ThemeCause {
                        theme: t.theme.clone(),
                        findings: found,
                    },
                )
            })
        })
        .collect();
    for (area, cause) in causes {
        if let Some((_, r)) = all.iter_mut().find(|(a, _)| a.id == area) {
            r.themes.push(cause);
        }
    }
    let areas: Vec<AreaJudgement> = all
        .into_iter()
        .map(|(area, reasons)| {
            let recorded = assessment.judgements.get(&area.id);
            let notable = recorded.and_then(|j| j.notable.clone());
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

/// The high-severity areas for improvement on a theme, from every graded area's reasons: an
/// item a rule on the same theme covers is counted once, through the rule.
fn on_theme<'r>(
    checklist: &Checklist,
    theme: &crate::checklist::Theme,
    reasons: impl Iterator<Item = &'r Reasons>,
) -> Vec<String> {
    let found: Vec<&String> = reasons
        .flat_map(|r| &r.high_afis)
        .filter(|id| theme.findings.contains(id))
        .collect();
    let covered = |id: &str| {
        found.iter().any(|other| {
            checklist
                .rule(other)
                .is_some_and(|r| r.covers.iter().any(|c| c == id))
        })
    };
    let mut out: Vec<String> = Vec::new();
    for id in &found {
        if !covered(id) && !out.contains(*id) {
            out.push((*id).clone());
        }
    }
    out
}

/// The answer that counts for grading: none for an item not asked, and none for an answer
/// carried from an earlier period and not yet confirmed, which is not this period's evidence.
fn given<'a>(facts: &Facts<'a>, id: &str) -> Option<&'a Value> {
    let carried = facts
        .assessment
        .answer(id)
        .is_some_and(crate::assessment::Answer::is_unconfirmed);
    if carried { None } else { facts.value(id) }
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
    let answers = Answers::new(|id: &str| given(facts, id), facts.as_at);
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
                    let failed = given(facts, &item.id)
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
                let unanswered = given(facts, id).is_none();
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
    let window = checklist
        .grading
        .as_ref()
        .and_then(|g| g.freshness_of(&area.id));
    let mut stale = Vec::new();
    for id in window.iter().flat_map(|w| &w.dated_by) {
        let Some(item) = checklist.item(id) else {
            continue;
        };
        // A date asked but not given, or not asked only for want of an answer, keeps the area
        // waiting: removing a date never lets stale evidence be judged.
        match graded_state(facts, item) {
            State::Answered => {
                if let (Some(Value::Date(d)), Some(w)) = (given(facts, id), window)
                    && older_than(*d, w.months, facts.as_at)
                {
                    stale.push((id.clone(), *d));
                }
            }
            State::Unanswered(missing) => {
                for id in &missing {
                    need(id, &mut pending);
                }
            }
            State::Excused | State::Lapsed => {}
        }
    }
    let carried = area
        .items
        .iter()
        .filter(|i| facts.is_asked(&i.id) && facts.value(&i.id).is_some())
        .filter(|i| given(facts, &i.id).is_none())
        .map(|i| i.id.clone())
        .collect();
    let (unevidenced, unverified, verified_too_long_ago) =
        unassured(facts, area, window.map(|w| w.months));
    Reasons {
        unevidenced,
        unverified,
        verified_too_long_ago,
        stale,
        carried,
        themes: Vec::new(),
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

/// True when `date` is more than `months` calendar months before `as_at`.
fn older_than(date: Date, months: u32, as_at: Date) -> bool {
    as_at
        .checked_sub(jiff::Span::new().months(i64::from(months)))
        .is_ok_and(|limit| date < limit)
}

/// The area's high-severity scored questions that apply but are not evidenced, those not
/// verified, and of those the ones verified more than `months` before the as-at date (which
/// count as evidenced only). An unanswered one is neither, so clearing an answer never lifts a
/// cap.
fn unassured(
    facts: &Facts,
    area: &Area,
    months: Option<u32>,
) -> (Vec<String>, Vec<String>, Vec<String>) {
    let (mut unevidenced, mut unverified, mut too_long_ago) = (Vec::new(), Vec::new(), Vec::new());
    for item in area.items.iter().filter(|i| {
        i.severity == Severity::High
            && i.kind.is_scored()
            && !matches!(graded_state(facts, i), State::Excused)
    }) {
        let assurance = given(facts, &item.id)
            .and_then(|_| facts.assessment.answer(&item.id))
            .map(|a| &a.assurance);
        let expired = match (assurance, months) {
            (Some(crate::assessment::Assurance::Verified { on, .. }), Some(m)) => {
                older_than(*on, m, facts.as_at)
            }
            _ => false,
        };
        if expired {
            too_long_ago.push(item.id.clone());
        }
        let level = assurance.map(|a| if expired { Level::Evidenced } else { a.level() });
        if level.is_none_or(|l| l == Level::Asserted) {
            unevidenced.push(item.id.clone());
        }
        if level != Some(Level::Verified) {
            unverified.push(item.id.clone());
        }
    }
    (unevidenced, unverified, too_long_ago)
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
            let stronger = stronger(item, given(facts, id)?);
            (stronger.len() > 1).then_some((id, stronger))
        })
        .collect();
    let mut pick = vec![0usize; choices.len()];
    loop {
        let answers = Answers::new(
            |id: &str| match choices.iter().position(|(c, _)| *c == id) {
                Some(n) => Some(&choices[n].1[pick[n]]),
                None => given(facts, id),
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
        return if given(facts, &item.id).is_some() {
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
        match given(facts, id) {
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
        match given(facts, &item.id) {
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
    if !r.stale.is_empty() {
        return (None, Ground::Stale);
    }
    if !r.pending.is_empty() {
        return (None, Ground::Undecided);
    }
    // High-severity areas for improvement on one theme at the limit are a systemic weakness,
    // which weighs as one more cause of concern.
    let causes = r.causes.len() + r.themes.len();
    let (grade, ground) = if !r.critical.is_empty() {
        (Grade::Inadequate, Ground::Critical)
    } else if !r.statutory.is_empty() {
        (Grade::Inadequate, Ground::Statutory)
    } else if causes >= 2 {
        (Grade::Inadequate, Ground::Causes)
    } else if met < g.inadequate {
        (Grade::Inadequate, Ground::Systemic)
    } else if causes == 1 {
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
}
