//! The gap report: one view of an evaluated assessment, rendered in each export format.
//!
//! [`Report`] gathers everything a reader needs (scores, findings with their traces, answers,
//! metrics, warnings, method) once, applying redaction, so every format says the same thing.

mod csv;
mod html;
mod markdown;
mod narrative;
mod xlsx;

use jiff::civil::Date;
use serde::Serialize;

use crate::answer::{Kind, Value};
use crate::assessment::{Assessment, Stage};
use crate::checklist::Checklist;
use crate::document::figures::round1;
use crate::document::{self, Document, Format, RenderError};
use crate::scoring::{Evaluation, Finding, FindingKind, METHOD, Warning};
use crate::text;

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
    /// A report marked `marking` and produced `today`, with names left in.
    pub fn new(marking: &str, today: Date) -> Self {
        Options {
            marking: text::sanitize_line(marking),
            redact: false,
            today,
        }
    }
}

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
    /// The checklist's recommendation themes that the findings cite.
    pub recommendations: Vec<RecommendationRow>,
    /// The prose report, composed from the checklist's sentences.
    #[serde(skip)]
    #[schemars(skip)]
    pub prose: narrative::Prose,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct RecommendationRow {
    pub id: String,
    pub title: String,
    pub text: String,
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
    /// What good looks like and the evidence to hold, from the checklist.
    pub guidance: String,
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
        let clean = |s: &str| text::sanitize(s).into_owned();
        let redact = |s: &Option<String>| match s {
            Some(_) if options.redact => Some(REDACTED.to_string()),
            s => s.as_deref().map(clean),
        };
        let is_text = |id: &str| checklist.item(id).is_some_and(|i| i.kind == Kind::Text);
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
                            guidance: item.guidance.clone(),
                            kind: item.kind.name(),
                            asked: evaluation.is_asked(&item.id),
                            answer: value.map(|v| clean(&shown(&item.kind, v, options.redact))),
                            value: value.map(|v| {
                                if options.redact && matches!(v, Value::Text(_)) {
                                    REDACTED.into()
                                } else {
                                    clean(&v.to_string())
                                }
                            }),
                            note: answer.and_then(|a| redact(&a.note)),
                            evidence: answer
                                .map(|a| a.evidence.iter().map(|e| clean(e)).collect())
                                .unwrap_or_default(),
                            owner: answer.and_then(|a| redact(&a.owner)),
                            due: answer.and_then(|a| a.due),
                            review: answer.is_some_and(|a| a.review),
                            carried: answer.is_some_and(|a| a.carried),
                        }
                    })
                    .collect(),
            })
            .collect();
        let mut report = Report {
            force: clean(&assessment.force),
            period: clean(&assessment.period),
            checklist: checklist.id.clone(),
            checklist_title: checklist.title.clone(),
            checklist_version: checklist.version.clone(),
            provenance: checklist.provenance.clone(),
            assessor: redact(&assessment.assessor),
            stage: assessment.stage,
            generated: options.today,
            marking: text::sanitize_line(&options.marking),
            redacted: options.redact,
            method: METHOD,
            score: ScoreSummary {
                overall: evaluation.overall.map(round1),
                completeness: round1(evaluation.completeness.percent()),
                answered: evaluation.completeness.answered,
                applicable: evaluation.completeness.applicable,
                areas: evaluation
                    .areas
                    .iter()
                    .zip(&checklist.areas)
                    .map(|(s, a)| AreaScoreRow {
                        id: s.id.clone(),
                        title: a.title.clone(),
                        score: s.score.map(round1),
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
                    // A rule may test whether a text item is answered; its trace must not leak the text.
                    trace: f
                        .trace
                        .iter()
                        .map(|step| crate::condition::Step {
                            value: step.value.as_ref().map(|v| {
                                if options.redact && is_text(&step.item) {
                                    REDACTED.into()
                                } else {
                                    clean(v)
                                }
                            }),
                            ..step.clone()
                        })
                        .collect(),
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
            recommendations: checklist
                .recommendations
                .iter()
                .filter(|rec| {
                    evaluation
                        .findings
                        .iter()
                        .any(|f| f.recommendations.contains(&rec.id))
                })
                .map(|rec| RecommendationRow {
                    id: rec.id.clone(),
                    title: rec.title.clone(),
                    text: rec.text.clone(),
                })
                .collect(),
            prose: narrative::Prose::default(),
        };
        report.prose = narrative::compose(checklist, &report);
        report
    }

    pub fn area_title<'a>(&'a self, id: &'a str) -> &'a str {
        self.areas
            .iter()
            .find(|a| a.id == id)
            .map_or(id, |a| a.title.as_str())
    }

    /// The row for one item, wherever it sits.
    pub fn answer(&self, item: &str) -> Option<&AnswerRow> {
        self.areas
            .iter()
            .flat_map(|a| &a.items)
            .find(|i| i.id == item)
    }

    /// A cited recommendation theme with its title, e.g. "R4 Complete and monitored gifts records".
    pub fn recommendation(&self, id: &str) -> String {
        match self.recommendations.iter().find(|r| r.id == id) {
            Some(r) => format!("{} {}", r.id, r.title),
            None => id.to_string(),
        }
    }

    /// What good looks like for the item behind an item finding; empty for rule findings, which
    /// carry their own action.
    pub fn good_practice(&self, finding: &Finding) -> &str {
        match finding.kind {
            FindingKind::Item => self.answer(&finding.id).map_or("", |a| a.guidance.as_str()),
            FindingKind::Rule => "",
        }
    }

    /// Items that are asked but unanswered.
    pub fn not_assessed(&self) -> impl Iterator<Item = (&AreaDetail, &AnswerRow)> {
        self.areas
            .iter()
            .flat_map(|a| a.items.iter().map(move |i| (a, i)))
            .filter(|(_, i)| i.asked && i.answer.is_none())
    }

    /// Answers carried from the previous period that nobody has confirmed yet.
    pub fn carried(&self) -> impl Iterator<Item = (&AreaDetail, &AnswerRow)> {
        self.areas
            .iter()
            .flat_map(|a| a.items.iter().map(move |i| (a, i)))
            .filter(|(_, i)| i.carried)
    }

    /// The number of findings at each severity: (high, medium, low).
    pub fn severity_counts(&self) -> (usize, usize, usize) {
        crate::scoring::severity_counts(&self.findings)
    }

    /// Where a finding's action stands on the day of the report.
    pub fn status(&self, finding: &Finding) -> &'static str {
        match finding.due {
            Some(due) if due < self.generated => "overdue",
            _ => "open",
        }
    }

    /// A one-line account of why a finding was flagged: each test and the answer it saw.
    pub fn trace_text(finding: &Finding) -> String {
        finding
            .trace
            .iter()
            .map(|s| {
                let seen = s.value.as_deref().unwrap_or("unanswered");
                let holds = if s.holds { "" } else { ", which does not hold" };
                format!("{} = {seen} ({}{holds})", s.item, s.test)
            })
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// "item" or "rule", for readers.
pub fn kind_name(kind: FindingKind) -> &'static str {
    match kind {
        FindingKind::Item => "item",
        FindingKind::Rule => "rule",
    }
}

/// An answer in words for a report; a text answer is withheld when redacting.
fn shown(kind: &Kind, value: &Value, redact: bool) -> String {
    match value {
        Value::Text(_) if redact => REDACTED.into(),
        v => kind.display(v),
    }
}

impl Document for Report {
    const NAME: &'static str = "gap report";
    const FORMATS: &'static [Format] = &[
        Format::Md,
        Format::Html,
        Format::Json,
        Format::Csv,
        Format::Xlsx,
        Format::Narrative,
    ];

    fn render(&self, format: Format) -> Result<Vec<u8>, RenderError> {
        Ok(match format {
            Format::Md => markdown::render(self).into_bytes(),
            Format::Html => html::render(self).into_bytes(),
            Format::Json => document::json(self),
            Format::Csv => csv::render(self),
            Format::Xlsx => xlsx::render(self)?,
            Format::Narrative => narrative::render(self).into_bytes(),
        })
    }
}
