//! The gap report: one view of an evaluated assessment, rendered in each export format.
//!
//! [`Report`] gathers everything a reader needs (scores, findings with their traces, answers,
//! metrics, warnings, method) once, applying redaction, so every format says the same thing.

mod json;
mod markdown;

use jiff::civil::Date;
use serde::Serialize;

pub use markdown::md_escape;

use crate::assessment::{Assessment, Stage, Value};
use crate::checklist::{Checklist, Kind};
use crate::scoring::{Evaluation, Finding, METHOD, Warning};

/// The export formats probity writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Md,
    Json,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Json => "json",
        }
    }

    pub fn all() -> &'static [Format] {
        &[Format::Md, Format::Json]
    }

    /// Renders a report in this format.
    pub fn render(self, report: &Report) -> Vec<u8> {
        match self {
            Format::Md => markdown::render(report).into_bytes(),
            Format::Json => json::render(report).into_bytes(),
        }
    }
}

/// Choices that shape a report for its audience.
#[derive(Debug, Clone)]
pub struct Options {
    /// The protective marking printed on every page, e.g. `OFFICIAL-SENSITIVE`.
    pub marking: String,
    /// Removes personal names and free-text notes for sharing outside the force.
    pub redact: bool,
    /// The date the report is produced.
    pub today: Date,
}

impl Options {
    pub fn new(today: Date) -> Self {
        Options {
            marking: DEFAULT_MARKING.into(),
            redact: false,
            today,
        }
    }
}

pub const DEFAULT_MARKING: &str = "OFFICIAL-SENSITIVE";

const REDACTED: &str = "[redacted]";

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Report {
    pub force: String,
    pub period: String,
    /// The checklist id.
    pub checklist: String,
    pub checklist_title: String,
    pub checklist_version: String,
    pub provenance: String,
    pub assessor: Option<String>,
    pub stage: Stage,
    pub generated: Date,
    pub marking: String,
    pub redacted: bool,
    pub method: &'static str,
    pub score: ScoreSummary,
    pub findings: Vec<Finding>,
    pub metrics: Vec<MetricRow>,
    pub areas: Vec<AreaDetail>,
    pub warnings: Vec<Warning>,
    /// Items carried from the previous period and not yet confirmed.
    pub unconfirmed: Vec<String>,
    /// Ids of answers kept for items the checklist does not have.
    pub orphans: Vec<String>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ScoreSummary {
    /// 0–100, or null when no scored item is answered.
    pub overall: Option<f64>,
    /// Answered ÷ applicable items, as a percentage.
    pub completeness: f64,
    pub answered: usize,
    pub applicable: usize,
    pub areas: Vec<AreaScoreRow>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct AreaScoreRow {
    pub id: String,
    pub title: String,
    pub score: Option<f64>,
    pub answered: usize,
    pub applicable: usize,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct MetricRow {
    pub id: String,
    pub label: String,
    pub kind: &'static str,
    pub value: f64,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct AreaDetail {
    pub id: String,
    pub title: String,
    pub question: String,
    pub items: Vec<AnswerRow>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct AnswerRow {
    pub id: String,
    pub prompt: String,
    pub kind: &'static str,
    /// False when the item's ask-condition does not hold.
    pub asked: bool,
    /// The answer as a reader should see it (option labels, £ amounts), or null.
    pub answer: Option<String>,
    /// The answer as stored.
    pub value: Option<String>,
    pub note: Option<String>,
    pub evidence: Vec<String>,
    pub owner: Option<String>,
    pub due: Option<Date>,
    pub review: bool,
    pub carried: bool,
}

impl Report {
    pub fn new(
        checklist: &Checklist,
        assessment: &Assessment,
        evaluation: &Evaluation,
        options: &Options,
    ) -> Report {
        let redact = |s: &Option<String>| {
            if options.redact {
                s.as_ref().map(|_| REDACTED.to_string())
            } else {
                s.clone()
            }
        };
        let round = |x: f64| (x * 10.0).round() / 10.0;
        let areas = checklist
            .areas
            .iter()
            .map(|area| AreaDetail {
                id: area.id.clone(),
                title: area.title.clone(),
                question: area.question.clone(),
                items: area
                    .items
                    .iter()
                    .map(|item| {
                        let answer = assessment.answer(&item.id);
                        let value = answer.and_then(|a| a.value.as_ref());
                        AnswerRow {
                            id: item.id.clone(),
                            prompt: item.prompt.clone(),
                            kind: item.kind.name(),
                            asked: evaluation.is_asked(&item.id),
                            answer: value.map(|v| display_value(&item.kind, v, options.redact)),
                            value: value.map(|v| {
                                if options.redact && matches!(v, Value::Text(_)) {
                                    REDACTED.into()
                                } else {
                                    v.to_string()
                                }
                            }),
                            note: answer.and_then(|a| redact(&a.note)),
                            evidence: answer.map(|a| a.evidence.clone()).unwrap_or_default(),
                            owner: answer.and_then(|a| redact(&a.owner)),
                            due: answer.and_then(|a| a.due),
                            review: answer.is_some_and(|a| a.review),
                            carried: answer.is_some_and(|a| a.carried),
                        }
                    })
                    .collect(),
            })
            .collect();
        Report {
            force: assessment.force.clone(),
            period: assessment.period.clone(),
            checklist: checklist.id.clone(),
            checklist_title: checklist.title.clone(),
            checklist_version: checklist.version.clone(),
            provenance: checklist.provenance.clone(),
            assessor: redact(&assessment.assessor),
            stage: assessment.stage,
            generated: options.today,
            marking: options.marking.clone(),
            redacted: options.redact,
            method: METHOD,
            score: ScoreSummary {
                overall: evaluation.overall.map(round),
                completeness: round(evaluation.completeness.percent()),
                answered: evaluation.completeness.answered,
                applicable: evaluation.completeness.applicable,
                areas: evaluation
                    .areas
                    .iter()
                    .zip(&checklist.areas)
                    .map(|(s, a)| AreaScoreRow {
                        id: s.id.clone(),
                        title: a.title.clone(),
                        score: s.score.map(round),
                        answered: s.answered,
                        applicable: s.applicable,
                    })
                    .collect(),
            },
            findings: evaluation
                .findings
                .iter()
                .map(|f| Finding {
                    owner: redact(&f.owner),
                    ..f.clone()
                })
                .collect(),
            metrics: evaluation
                .metrics
                .iter()
                .map(|m| {
                    let item = checklist.item(&m.id);
                    MetricRow {
                        id: m.id.clone(),
                        label: item.map(|i| i.prompt.clone()).unwrap_or_default(),
                        kind: item.map_or("number", |i| i.kind.name()),
                        value: m.value,
                    }
                })
                .collect(),
            areas,
            warnings: evaluation.warnings.clone(),
            unconfirmed: assessment.unconfirmed().map(str::to_string).collect(),
            orphans: assessment.orphans.iter().map(|o| o.id.clone()).collect(),
        }
    }

    pub fn area_title<'a>(&'a self, id: &'a str) -> &'a str {
        self.areas
            .iter()
            .find(|a| a.id == id)
            .map_or(id, |a| a.title.as_str())
    }

    /// Items that are asked but unanswered.
    pub fn not_assessed(&self) -> impl Iterator<Item = (&AreaDetail, &AnswerRow)> {
        self.areas
            .iter()
            .flat_map(|a| a.items.iter().map(move |i| (a, i)))
            .filter(|(_, i)| i.asked && i.answer.is_none())
    }
}

/// An answer in words: option labels for choices, pounds for money, a % for percentages.
pub fn display_value(kind: &Kind, value: &Value, redact: bool) -> String {
    match (kind, value) {
        (Kind::Choice(_), Value::Choice(c)) => {
            kind.option(c).map_or(c.clone(), |o| o.label.clone())
        }
        (Kind::Money, Value::Number(n)) => format!("£{}", crate::assessment::format_number(*n)),
        (Kind::Percent, Value::Number(n)) => format!("{}%", crate::assessment::format_number(*n)),
        (Kind::Status, Value::Status(s)) => match s {
            crate::assessment::Status::Yes => "Yes".into(),
            crate::assessment::Status::Partial => "Partly".into(),
            crate::assessment::Status::No => "No".into(),
            crate::assessment::Status::Na => "Not applicable".into(),
        },
        (_, Value::Text(_)) if redact => REDACTED.into(),
        (_, v) => v.to_string(),
    }
}
