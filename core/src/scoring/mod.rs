//! Scoring: turns a checklist and an assessment into scores, findings (each with the trace of
//! answers that produced it), metrics and quality warnings.
//!
//! The semantics are printed on every report (see [`METHOD`]) and documented in docs/src/scoring.md.

mod finding;
mod judgement;
mod quality;
mod rating;
#[cfg(test)]
mod tests;

use std::collections::{HashMap, HashSet};

use jiff::civil::Date;

pub use finding::{Finding, FindingKind, NO_ACTION};
pub use judgement::{AreaJudgement, Ground, HeadlineJudgement, Judgements, Reasons, ThemeCause};
pub use quality::Warning;
pub use rating::{AMBER_FROM, Basis, GREEN_FROM, Rating};

use crate::answer::{Kind, Status, Value};
use crate::assessment::Assessment;
use crate::checklist::{Checklist, Item, Rule};
use crate::condition::Answers;

/// How answers become scores and findings, in words, for reports.
pub const METHOD: &str = "Status items score 1 for yes, ½ for partial and 0 for no; not applicable (na) \
items are left out. Answers carried from the previous period and not yet confirmed are left out of \
every score, rating, verdict and judgement until they are confirmed. Choice items score the credit their option carries. Area and overall scores \
(0–100) are weighted averages over the answered, applicable scored items; unanswered items do not \
lower the score, and completeness (answered ÷ applicable items) is reported beside it. Items whose \
ask-condition does not hold are not applicable: they are neither scored nor flagged. Every no is a \
finding at the item's severity and every partial one step lower; each compound rule that fires is a \
finding at its own severity, one step lower when the controls it covers are only partly met, and \
may fold in the item findings it covers. Counts, amounts and \
percentages are metrics: they feed rules and comparisons, not the score.";

/// Everything the scorer concludes about one assessment.
#[derive(Debug, Clone)]
pub struct Evaluation {
    /// 0–100, or `None` when no scored item is answered.
    pub overall: Option<f64>,
    pub completeness: Completeness,
    /// What the overall score rests on.
    pub basis: Basis,
    pub areas: Vec<AreaScore>,
    pub findings: Vec<Finding>,
    pub metrics: Vec<Metric>,
    pub warnings: Vec<Warning>,
    /// Answers to asked items carried from the previous period and not yet confirmed: left out
    /// of every score, rating, verdict and judgement.
    pub unconfirmed: usize,
    /// Each area's graded judgement and the headlines, when the checklist defines grading.
    pub judgements: Option<Judgements>,
    /// The date age tests measure from: the completion date when recorded, otherwise the date
    /// the answers were evaluated.
    pub as_at: Date,
    states: HashMap<String, ItemState>,
    /// Where each area's score sits in `areas`: reports look areas up one by one.
    area_index: HashMap<String, usize>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Completeness {
    pub answered: usize,
    pub applicable: usize,
}

impl Completeness {
    /// Answered ÷ applicable, from 0 to 1; 1 when nothing is applicable.
    pub fn ratio(&self) -> f64 {
        if self.applicable == 0 {
            1.0
        } else {
            self.answered as f64 / self.applicable as f64
        }
    }

    pub fn percent(&self) -> f64 {
        self.ratio() * 100.0
    }
}

#[derive(Debug, Clone)]
pub struct AreaScore {
    pub id: String,
    pub score: Option<f64>,
    pub answered: usize,
    pub applicable: usize,
    /// What the score rests on.
    pub basis: Basis,
    /// Answers carried and not yet confirmed, left out of the score.
    pub unconfirmed: usize,
}

impl AreaScore {
    pub fn rating(&self) -> Rating {
        Rating::of(self.score, self.basis)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Metric {
    pub id: String,
    pub value: f64,
}

/// Where one item stands.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemState {
    /// False when the item's ask-condition does not hold.
    pub asked: bool,
    /// 0–1 for scored, answered, applicable items.
    pub credit: Option<f64>,
    /// False when the answer was carried from the previous period and is not yet confirmed:
    /// its credit is then left out of every score.
    pub counted: bool,
}

impl Evaluation {
    pub fn state(&self, item: &str) -> Option<&ItemState> {
        self.states.get(item)
    }

    pub fn is_asked(&self, item: &str) -> bool {
        self.states.get(item).is_some_and(|s| s.asked)
    }

    /// The overall rating.
    pub fn rating(&self) -> Rating {
        Rating::of(self.overall, self.basis)
    }

    pub fn area(&self, id: &str) -> Option<&AreaScore> {
        self.area_index.get(id).map(|&n| &self.areas[n])
    }

    /// The number of findings at each severity: (high, medium, low).
    pub fn counts(&self) -> (usize, usize, usize) {
        severity_counts(&self.findings)
    }

    /// The findings that name an item, for showing beside it.
    pub fn findings_for<'a>(&'a self, item: &'a str) -> impl Iterator<Item = &'a Finding> {
        self.findings
            .iter()
            .filter(move |f| f.items.iter().any(|i| i == item))
    }
}

/// The number of findings at each severity: (high, medium, low).
pub fn severity_counts(findings: &[Finding]) -> (usize, usize, usize) {
    use crate::checklist::Severity::*;
    let n = |s| findings.iter().filter(|f| f.severity == s).count();
    (n(High), n(Medium), n(Low))
}

/// What the answers establish before anything is scored: which items are asked, the answers
/// that count (those of asked items), the rules that fire and the figures. A summary of many
/// files needs only these; [`evaluate`] builds everything else on them.
pub struct Facts<'a> {
    checklist: &'a Checklist,
    assessment: &'a Assessment,
    asked: Asked<'a>,
    /// Items answered "na" where their checklist does not allow it: they count as "no".
    refused_na: HashSet<&'a str>,
    /// The date age tests measure from: the completion date when recorded, otherwise `today`.
    pub as_at: Date,
    /// Items whose answer a rule that fires shows to be wrong (`contradicts`), with the answers
    /// it rules out: the answer counts only as the strongest one left standing.
    contradicted: HashMap<&'a str, Vec<&'a str>>,
}

impl<'a> Facts<'a> {
    pub fn of(checklist: &'a Checklist, assessment: &'a Assessment, today: Date) -> Self {
        let as_at = assessment.completed_on(checklist).unwrap_or(today);
        let refused_na = refused_na(checklist, assessment, as_at);
        let mut facts = Facts {
            checklist,
            assessment,
            asked: Asked::resolve(checklist, assessment, &refused_na, as_at),
            refused_na,
            as_at,
            contradicted: HashMap::new(),
        };
        let mut contradicted: HashMap<&str, Vec<&str>> = HashMap::new();
        for (rule, c) in checklist
            .rules
            .iter()
            .filter_map(|r| r.contradicts.as_ref().map(|c| (r, c)))
        {
            let given = facts.value(&c.item).and_then(Value::choice_key);
            if given.is_some_and(|v| c.answers.iter().any(|a| a == v)) && facts.fires(rule) {
                let wrong = contradicted.entry(c.item.as_str()).or_default();
                wrong.extend(c.answers.iter().map(String::as_str));
            }
        }
        facts.contradicted = contradicted;
        facts
    }

    /// True when a rule that fires shows the item's answer to be wrong.
    pub fn is_contradicted(&self, item: &str) -> bool {
        self.contradicted.contains_key(item)
    }

    /// An answer's credit; when a rule shows it to be wrong, the credit of the strongest answer
    /// the rule leaves standing, so that a contradicted "yes" counts as the corrected answer
    /// would, neither more nor less.
    pub fn standing_credit(&self, item: &Item, value: &Value) -> Option<f64> {
        let given = credit(item, value)?;
        let Some(wrong) = self.contradicted.get(item.id.as_str()) else {
            return Some(given);
        };
        let answers: Vec<Value> = match &item.kind {
            Kind::Status => [Status::Yes, Status::Partial, Status::No]
                .map(Value::Status)
                .to_vec(),
            Kind::Choice(options) => options
                .iter()
                .map(|o| Value::Choice(o.id.clone()))
                .collect(),
            _ => Vec::new(),
        };
        let standing = answers
            .iter()
            .filter(|v| v.choice_key().is_some_and(|k| !wrong.contains(&k)))
            .filter_map(|v| credit(item, v))
            .filter(|c| *c <= given)
            .fold(0.0, f64::max);
        Some(standing)
    }

    /// The answers that count, as conditions read them.
    pub fn answers(&self) -> Answers<impl Fn(&str) -> Option<&'a Value> + '_> {
        Answers::new(|id: &str| self.value(id), self.as_at)
    }

    pub fn is_asked(&self, item: &str) -> bool {
        self.asked.get(item)
    }

    /// The answer that counts: none for an item that is not asked.
    pub fn value(&self, item: &str) -> Option<&'a Value> {
        if self.asked.get(item) {
            counted(self.assessment, &self.refused_na, item)
        } else {
            None
        }
    }

    /// True when the item is answered "na" where its checklist does not allow it, so that the
    /// answer counts as "no".
    pub fn is_refused_na(&self, item: &str) -> bool {
        self.refused_na.contains(item)
    }

    pub fn checklist(&self) -> &'a Checklist {
        self.checklist
    }

    /// Whether a rule's condition holds over the answers that count.
    pub fn fires(&self, rule: &Rule) -> bool {
        rule.when.holds(&self.answers())
    }

    /// Every numeric answer that counts, in checklist order.
    pub fn metrics(&self) -> Vec<Metric> {
        self.checklist
            .items()
            .filter(|i| i.kind.is_numeric())
            .filter_map(|i| {
                self.value(&i.id)
                    .and_then(Value::number)
                    .map(|value| Metric {
                        id: i.id.clone(),
                        value,
                    })
            })
            .collect()
    }
}

/// Scores an assessment. `today` decides which due dates have passed.
pub fn evaluate(checklist: &Checklist, assessment: &Assessment, today: Date) -> Evaluation {
    let facts = Facts::of(checklist, assessment, today);
    let effective = |id: &str| facts.value(id);

    let mut states = HashMap::new();
    let mut areas = Vec::new();
    let (mut total_w, mut total_c) = (0.0, 0.0);
    let mut completeness = Completeness::default();
    let mut overall_basis = Basis::default();
    let mut total_unconfirmed = 0;
    for area in &checklist.areas {
        let (mut w_sum, mut c_sum, mut answered, mut applicable) = (0.0, 0.0, 0, 0);
        let (mut basis, mut unconfirmed) = (Basis::default(), 0);
        for item in &area.items {
            let is_asked = facts.is_asked(&item.id);
            let value = effective(&item.id);
            let credit = value.and_then(|v| credit(item, v));
            // Last period's answer, not yet confirmed, is not this period's position.
            let carried = value.is_some()
                && assessment
                    .answer(&item.id)
                    .is_some_and(crate::assessment::Answer::is_unconfirmed);
            if is_asked {
                applicable += 1;
                answered += usize::from(value.is_some());
                unconfirmed += usize::from(carried);
            }
            let not_applicable = value.is_some() && credit.is_none();
            // An answer a rule of the checklist shows to be wrong counts as the one left standing.
            let counted = value
                .and_then(|v| facts.standing_credit(item, v))
                .filter(|_| !carried);
            if is_asked && item.kind.is_scored() && !not_applicable {
                basis.out_of += 1;
                basis.rests_on += usize::from(counted.is_some());
            }
            if let Some(c) = counted {
                w_sum += item.weight;
                c_sum += item.weight * c;
            }
            states.insert(
                item.id.clone(),
                ItemState {
                    asked: is_asked,
                    credit,
                    counted: !carried,
                },
            );
        }
        total_w += w_sum;
        total_c += c_sum;
        completeness.answered += answered;
        completeness.applicable += applicable;
        total_unconfirmed += unconfirmed;
        overall_basis.rests_on += basis.rests_on;
        overall_basis.out_of += basis.out_of;
        areas.push(AreaScore {
            id: area.id.clone(),
            score: score(c_sum, w_sum),
            answered,
            applicable,
            basis,
            unconfirmed,
        });
    }

    let metrics = facts.metrics();
    let findings = finding::collect(checklist, assessment, &states, &facts);
    let judgements = judgement::judge(&facts, &areas, &findings);
    let area_index = areas
        .iter()
        .enumerate()
        .map(|(n, a)| (a.id.clone(), n))
        .collect();
    let mut evaluation = Evaluation {
        overall: score(total_c, total_w),
        completeness,
        basis: overall_basis,
        areas,
        findings,
        metrics,
        warnings: Vec::new(),
        unconfirmed: total_unconfirmed,
        judgements,
        as_at: facts.as_at,
        states,
        area_index,
    };
    evaluation.warnings = quality::check(checklist, assessment, &evaluation, today);
    evaluation
}

fn score(credit: f64, weight: f64) -> Option<f64> {
    (weight > 0.0).then(|| 100.0 * credit / weight)
}

/// How far an answer meets a scored item: `None` for unscored kinds and not applicable.
pub fn credit(item: &Item, value: &Value) -> Option<f64> {
    match value {
        Value::Status(s) => s.credit(),
        Value::Choice(c) => item.kind.option(c).and_then(|o| o.credit),
        _ => None,
    }
}

/// The questions whose answers (or lack of them) mean `item` is not asked now, in words: the
/// prompts of the items its ask-condition tests that fail. Empty when nothing rules it out.
/// Dated conditions are judged `as_at`, as the evaluation judges them.
pub fn deciding(
    checklist: &Checklist,
    assessment: &Assessment,
    item: &Item,
    as_at: Date,
) -> Vec<String> {
    let Some(condition) = &item.ask_if else {
        return Vec::new();
    };
    condition
        .trace(&crate::condition::Answers::new(
            |id: &str| assessment.value(id),
            as_at,
        ))
        .into_iter()
        .filter(|step| !step.holds)
        .map(|step| {
            checklist
                .item(&step.item)
                .map_or(step.item, |i| i.prompt.clone())
        })
        .collect()
}

/// "No": what an "na" the checklist does not allow counts as.
static NO: Value = Value::Status(crate::answer::Status::No);

/// The items answered "na" where their checklist does not allow it. A file that does so is
/// refused when it is read; this keeps answers made in memory from gaining by it either.
fn refused_na<'a>(
    checklist: &'a Checklist,
    assessment: &'a Assessment,
    as_at: Date,
) -> HashSet<&'a str> {
    let raw = Answers::new(|id: &str| assessment.value(id), as_at);
    checklist
        .items()
        .filter(|i| {
            matches!(
                assessment.value(&i.id),
                Some(Value::Status(crate::answer::Status::Na))
            ) && !i.allows_na(&raw)
        })
        .map(|i| i.id.as_str())
        .collect()
}

/// An item's answer as it counts: a refused "na" counts as "no".
fn counted<'a>(
    assessment: &'a Assessment,
    refused_na: &HashSet<&'a str>,
    item: &str,
) -> Option<&'a Value> {
    if refused_na.contains(item) {
        Some(&NO)
    } else {
        assessment.value(item)
    }
}

/// Which items are asked, resolved through their ask-conditions. An item is asked when its
/// condition holds over the answers of items that are themselves asked, so items are settled
/// in the checklist's ask order, after those they depend on, in one pass.
struct Asked<'a> {
    asked: HashMap<&'a str, bool>,
}

impl<'a> Asked<'a> {
    fn resolve(
        checklist: &'a Checklist,
        assessment: &'a Assessment,
        refused_na: &HashSet<&'a str>,
        as_at: Date,
    ) -> Self {
        let mut asked = HashMap::with_capacity(checklist.item_count());
        for item in checklist.in_ask_order() {
            let is = match &item.ask_if {
                None => true,
                Some(c) => c.holds(&Answers::new(
                    |dep: &str| {
                        if asked.get(dep) == Some(&true) {
                            counted(assessment, refused_na, dep)
                        } else {
                            None
                        }
                    },
                    as_at,
                )),
            };
            asked.insert(item.id.as_str(), is);
        }
        Asked { asked }
    }

    fn get(&self, id: &str) -> bool {
        self.asked.get(id) == Some(&true)
    }
}
