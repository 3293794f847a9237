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
use crate::checklist::{Area, Checklist, Freshness, Grade, Grading, Item, Label, Rule, Severity};
use crate::condition::{Answers, older_than};

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
    checklist.area_of(rule.home()?)
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
    let mut tally = Tally {
        high_afis: ids(&|f| {
            f.label == Some(Label::AreaForImprovement) && f.severity == Severity::High
        }),
        causes: ids(&|f| f.label == Some(Label::CauseOfConcern) || critical(f)),
        critical: ids(&critical),
        ..Tally::default()
    };
    for item in &area.items {
        tally.weigh_item(facts, item);
    }
    let fired: Vec<&str> = mine
        .iter()
        .filter(|f| f.kind == FindingKind::Rule)
        .map(|f| f.id.as_str())
        .collect();
    for rule in checklist
        .rules
        .iter()
        .filter(|r| rule_area(checklist, r).is_some_and(|a| a.id == area.id))
    {
        tally.weigh_rule(facts, rule, fired.contains(&rule.id.as_str()));
    }
    let window = checklist
        .grading
        .as_ref()
        .and_then(|g| g.freshness_of(&area.id));
    let stale = window.map_or_else(Vec::new, |w| tally.stale_dates(facts, w));
    let (unevidenced, unverified, verified_too_long_ago) =
        unassured(facts, area, window.map(|w| w.months));
    Reasons {
        unevidenced,
        unverified,
        verified_too_long_ago,
        stale,
        carried: carried(facts, area),
        themes: Vec::new(),
        answered: score.basis.rests_on,
        out_of: score.basis.out_of,
        met: graded_met(facts, area),
        causes: tally.causes,
        critical: tally.critical,
        high_afis: tally.high_afis,
        findings: mine.len(),
        pending: tally.pending,
        open_rules: tally.open_rules,
        statutory: tally.statutory,
    }
}

/// What an area's questions and rules weigh for grading, gathered id by id (each once).
#[derive(Default)]
struct Tally {
    pending: Vec<String>,
    high_afis: Vec<String>,
    causes: Vec<String>,
    critical: Vec<String>,
    statutory: Vec<String>,
    open_rules: Vec<String>,
}

/// Adds an id to a list, once.
fn add(list: &mut Vec<String>, id: &str) {
    if !list.iter().any(|x| x == id) {
        list.push(id.to_string());
    }
}

impl Tally {
    /// Questions not answered, or controls that lapse, weigh as if answered "no": one that can
    /// raise a cause of concern withholds the judgement while it (or the answer that decides
    /// whether it is asked) is missing, and counts as a cause of concern when it lapses because
    /// the control it depends on is missing; a high-severity area for improvement counts as
    /// found either way.
    fn weigh_item(&mut self, facts: &Facts, item: &Item) {
        let cause = item.label == Some(Label::CauseOfConcern);
        let high_afi =
            item.label == Some(Label::AreaForImprovement) && item.severity == Severity::High;
        let state = graded_state(facts, item);
        if item.statutory {
            self.weigh_duty(facts, item, &state);
        }
        match state {
            State::Answered | State::Excused => {}
            State::Unanswered(missing) if cause => {
                for id in &missing {
                    add(&mut self.pending, id);
                }
            }
            State::Lapsed if cause => add(&mut self.causes, &item.id),
            State::Unanswered(_) | State::Lapsed if high_afi => add(&mut self.high_afis, &item.id),
            State::Unanswered(_) | State::Lapsed => {}
        }
    }

    /// A statutory duty fails when answered with no credit or when it lapses, and waits for
    /// its answer while that is missing.
    fn weigh_duty(&mut self, facts: &Facts, item: &Item, state: &State) {
        match state {
            State::Answered => {
                let failed = given(facts, &item.id)
                    .and_then(|v| credit(item, v))
                    .is_some_and(|c| c <= 0.0);
                if failed {
                    add(&mut self.statutory, &item.id);
                }
            }
            State::Lapsed => add(&mut self.statutory, &item.id),
            State::Unanswered(missing) => {
                for id in missing {
                    add(&mut self.pending, id);
                }
            }
            State::Excused => {}
        }
    }

    /// A rule of the area: one that can raise a cause of concern needs every answer it reads;
    /// a high-severity one that blanks could be hiding counts as if it fired; and one that
    /// would fire were any of its answers stronger fires for grading, so that a rule such as
    /// "a register exists but nobody reviews it" cannot be escaped by weakening the answer
    /// about the register.
    fn weigh_rule(&mut self, facts: &Facts, rule: &Rule, fired: bool) {
        let answers = Answers::new(|id: &str| given(facts, id), facts.as_at);
        let open = rule.when.decided(&answers).is_none();
        if open {
            add(&mut self.open_rules, &rule.id);
        }
        if raises_cause(rule) {
            for id in rule.when.items() {
                if given(facts, id).is_none() && (open || facts.is_asked(id)) {
                    add(&mut self.pending, id);
                }
            }
        } else if open && rule.severity == Severity::High {
            add(&mut self.high_afis, &rule.id);
        }
        if fired || open || !fires_at_best(facts, rule) {
            return;
        }
        if rule.critical {
            add(&mut self.critical, &rule.id);
        }
        if raises_cause(rule) {
            add(&mut self.causes, &rule.id);
        } else if rule.severity == Severity::High && rule.label == Some(Label::AreaForImprovement) {
            add(&mut self.high_afis, &rule.id);
        }
    }

    /// The dates that date the area's key evidence and are older than its window, with the
    /// date. A date asked but not given, or not asked only for want of an answer, keeps the
    /// area waiting: removing a date never lets stale evidence be judged.
    fn stale_dates(&mut self, facts: &Facts, window: &Freshness) -> Vec<(String, Date)> {
        let mut stale = Vec::new();
        for id in &window.dated_by {
            let Some(item) = facts.checklist.item(id) else {
                continue;
            };
            match graded_state(facts, item) {
                State::Answered => {
                    if let Some(Value::Date(d)) = given(facts, id)
                        && older_than(*d, window.months, facts.as_at)
                    {
                        stale.push((id.clone(), *d));
                    }
                }
                State::Unanswered(missing) => {
                    for id in &missing {
                        add(&mut self.pending, id);
                    }
                }
                State::Excused | State::Lapsed => {}
            }
        }
        stale
    }
}

/// Answers of the area carried from an earlier period and not yet confirmed.
fn carried(facts: &Facts, area: &Area) -> Vec<String> {
    area.items
        .iter()
        .filter(|i| facts.is_asked(&i.id) && facts.value(&i.id).is_some())
        .filter(|i| given(facts, &i.id).is_none())
        .map(|i| i.id.clone())
        .collect()
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
            None => weight += item.weight,
            // An answer the record contradicts counts as the one left standing.
            Some(v) => {
                if let Some(c) = facts.standing_credit(item, v) {
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
mod tests;
