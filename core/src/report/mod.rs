//! The gap report: one view of an evaluated assessment, rendered in each export format.
//!
//! [`Report`] gathers everything a reader needs (the standing of each area, findings stated as
//! gaps with their actions and reasons in words, answers, figures, warnings, method) once,
//! applying redaction, so every format says the same thing.

mod assurance;
mod build;
mod csv;
pub mod judged;
pub mod layout;
mod narrative;
pub mod verdict;
pub mod view;

use std::collections::HashMap;

use jiff::civil::Date;
use serde::Serialize;

pub use assurance::{AssuranceMix, SignOff};
pub use build::{Options, Style};
pub use judged::{HeadlineRow, JudgementRow, rows as judgement_rows};
pub use verdict::{Previous, Verdict, VerdictRow, Verdicts};

use crate::assessment::{Finality, Level, Stage};
use crate::checklist::Severity;
use crate::document::{self, Document, Format, Page, RenderError};
use crate::scoring::{Basis, Finding, FindingKind, Rating, Warning};

use crate::redaction::MARK as REDACTED;

/// What a redacted report says was removed, and why, in every format.
const REDACTION: &str = "Personal names, notes and text answers have been removed for sharing outside the force: the names of the assessor, action owners, verifiers, the signer and colleagues who sent returns; every note; every evidence reference; and every text answer. Role titles where those names stood (such as \"Head of Procurement\"), the signer's role, figures, findings and the checklist's own words are kept.";

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Report {
    pub force: String,
    pub period: String,
    /// The checklist id.
    pub checklist: String,
    pub checklist_title: String,
    pub checklist_version: String,
    /// How the report names the checklist in a sentence.
    pub checklist_described: String,
    pub provenance: String,
    pub assessor: Option<String>,
    /// The stage the file records.
    pub stage: Stage,
    /// What the report presents: FINAL only when the seal verifies; a file marked final
    /// without a seal that verifies is "marked final but not sealed".
    pub finality: Finality,
    /// Who signed the assessment off, when and with what seal; null for a draft.
    pub signature: Option<SignOff>,
    /// The period the answers were carried forward from, if any.
    pub carried_from: Option<String>,
    /// The marking, the date produced and the date the report is as at.
    #[serde(flatten)]
    pub page: Page,
    pub redacted: bool,
    pub method: String,
    /// Whether the report gives graded judgements or revisit verdicts.
    pub style: Style,
    /// Graded style: each area's judgement, derived and overridden side by side.
    pub judgements: Vec<JudgementRow>,
    /// Graded style: the headline judgements, each from its areas.
    pub headlines: Vec<HeadlineRow>,
    /// Revisit style: the progress verdicts.
    pub verdicts: Option<Verdicts>,
    /// How the judgements or verdicts are reached; also the last paragraph of `method`.
    #[serde(skip)]
    #[schemars(skip)]
    pub judged_method: String,
    pub score: ScoreSummary,
    pub findings: Vec<FindingRow>,
    pub metrics: Vec<MetricRow>,
    pub areas: Vec<AreaDetail>,
    /// Where each item's row sits in `areas`: the renderers look rows up one at a time.
    #[serde(skip)]
    #[schemars(skip)]
    rows: RowIndex,
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
    /// What the overall score rests on.
    pub basis: Basis,
    /// True when the overall score rests on fewer than half the applicable scored items.
    pub provisional: bool,
    pub rating: Rating,
    pub areas: Vec<AreaScoreRow>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct AreaScoreRow {
    pub id: String,
    pub title: String,
    pub score: Option<f64>,
    pub answered: usize,
    pub applicable: usize,
    pub basis: Basis,
    /// True when the area's score rests on fewer than half its applicable scored items.
    pub provisional: bool,
    pub rating: Rating,
    /// The assurance of the area's answered, applicable items.
    pub assurance: AssuranceMix,
}

impl AreaScoreRow {
    /// Whether the area asks any scored question, so its standing belongs in a summary.
    pub fn has_scored_questions(&self) -> bool {
        self.basis.out_of > 0 || self.score.is_some()
    }
}

/// A finding as the report gives it: the gap, why it was flagged in words, and where its action
/// stands on the as-at date.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct FindingRow {
    #[serde(flatten)]
    pub finding: Finding,
    /// The area it is reported under, by title.
    pub area_title: String,
    /// Why it was flagged, one part per answer that made it fire, e.g. "Gifts and hospitality
    /// register: Yes".
    pub because: Vec<String>,
    pub status: ActionStatus,
    /// What the record says about the answers behind it, when a reader should know: one is
    /// recorded provisionally, or carried from an earlier period and not yet confirmed.
    pub caveats: Vec<String>,
}

/// Where a finding's action stands on the as-at date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    Open,
    /// Its due date has passed.
    Overdue,
}

impl FindingRow {
    /// Why it was flagged, in one line: the answers behind it, then any caveat about them.
    pub fn why_flagged(&self) -> String {
        self.because
            .iter()
            .chain(&self.caveats)
            .cloned()
            .collect::<Vec<_>>()
            .join("; ")
    }
}

impl ActionStatus {
    pub fn name(self) -> &'static str {
        match self {
            ActionStatus::Open => "open",
            ActionStatus::Overdue => "overdue",
        }
    }
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct MetricRow {
    pub id: String,
    pub label: String,
    pub kind: &'static str,
    pub value: f64,
    /// The figure in words: "£25.50", "12%", "49".
    pub shown: String,
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
    /// The item's short label, or its question when it has none.
    pub short: String,
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
    /// Flagged by the assessor for review: recorded provisionally, to be confirmed.
    pub review: bool,
    /// Carried from the previous period and not yet confirmed.
    pub carried: bool,
    /// A different answer a return gave, waiting beside this one to be taken or set aside.
    pub conflict: Option<ConflictRow>,
    /// "asserted", "evidenced" or "verified".
    pub assurance: Level,
    /// Who verified the answer, when it is verified.
    pub verified_by: Option<String>,
    pub verified_on: Option<Date>,
}

/// An answer a return gave that differs from the one recorded, not yet resolved.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ConflictRow {
    /// The return's answer as a reader should see it, when it gives one.
    pub answer: Option<String>,
    /// Which parts of the record it would change: "answer", "note", "evidence", "owner", "due".
    pub changes: Vec<&'static str>,
    /// Who gave it (withheld when redacting).
    pub from: String,
    pub received: Date,
}

impl ConflictRow {
    /// What the return gives, in a phrase: "Yes, from Head of Procurement (received 1 December
    /// 2012)", or "a different note and owner, from …".
    pub fn says(&self) -> String {
        let what = match &self.answer {
            Some(answer) => answer.clone(),
            None => match self.changes.split_last() {
                Some((last, [])) => format!("a different {last}"),
                Some((last, rest)) => format!("a different {} and {last}", rest.join(", ")),
                None => "a different record".into(),
            },
        };
        format!(
            "{what}, from {} (received {})",
            self.from,
            crate::document::long_date(self.received)
        )
    }
}

/// Each item's row by id: (area, row) positions in [`Report::areas`].
#[derive(Debug, Clone, Default)]
struct RowIndex(HashMap<String, (usize, usize)>);

impl RowIndex {
    fn of(areas: &[AreaDetail]) -> RowIndex {
        let rows = areas.iter().enumerate().flat_map(|(a, area)| {
            area.items
                .iter()
                .enumerate()
                .map(move |(i, row)| (row.id.clone(), (a, i)))
        });
        RowIndex(rows.collect())
    }
}

impl Report {
    /// Answers that a return contradicts, not yet resolved.
    pub fn conflicts(&self) -> impl Iterator<Item = (&AreaDetail, &AnswerRow, &ConflictRow)> {
        self.areas
            .iter()
            .flat_map(|a| a.items.iter().map(move |i| (a, i)))
            .filter_map(|(a, i)| i.conflict.as_ref().map(|c| (a, i, c)))
    }

    /// The date the report is as at.
    pub fn as_at(&self) -> Date {
        self.page.as_at
    }

    pub fn marking(&self) -> &str {
        &self.page.marking
    }

    /// The row for one item, wherever it sits.
    pub fn answer(&self, item: &str) -> Option<&AnswerRow> {
        let &(a, i) = self.rows.0.get(item)?;
        self.areas.get(a)?.items.get(i)
    }

    /// A cited recommendation theme with its title, e.g. "R4 Complete and monitored gifts records".
    pub fn recommendation(&self, id: &str) -> String {
        match self.recommendations.iter().find(|r| r.id == id) {
            Some(r) => format!("{} {}", r.id, r.title),
            None => id.to_string(),
        }
    }

    /// What good looks like for the item behind an item finding; empty for rule findings, which
    /// carry their own explanation.
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

    /// How many answers carried from the previous period are not yet confirmed, and that they
    /// are not counted: "15 answers carried from 2012 are not yet confirmed and are not
    /// counted: no score, rating, verdict or judgement rests on them." Every document's summary
    /// gives it; `None` when there are none.
    pub fn unconfirmed_sentence(&self) -> Option<String> {
        let n = self.carried().count();
        let from = self
            .carried_from
            .as_deref()
            .unwrap_or("the previous period");
        match n {
            0 => None,
            1 => Some(format!(
                "1 answer carried from {from} is not yet confirmed and is not counted: no score, rating, verdict or judgement rests on it."
            )),
            n => Some(format!(
                "{n} answers carried from {from} are not yet confirmed and are not counted: no score, rating, verdict or judgement rests on them."
            )),
        }
    }

    /// The number of findings at each severity: (high, medium, low).
    pub fn severity_counts(&self) -> (usize, usize, usize) {
        let n = |s| {
            self.findings
                .iter()
                .filter(|f| f.finding.severity == s)
                .count()
        };
        (n(Severity::High), n(Severity::Medium), n(Severity::Low))
    }

    /// The high-severity findings, for the executive summary.
    pub fn high_findings(&self) -> impl Iterator<Item = &FindingRow> {
        self.findings
            .iter()
            .filter(|f| f.finding.severity == Severity::High)
    }

    /// Findings whose action is past its due date on the as-at date.
    pub fn overdue(&self) -> impl Iterator<Item = &FindingRow> {
        self.findings
            .iter()
            .filter(|f| f.status == ActionStatus::Overdue)
    }
}

/// "item" or "rule", for readers.
pub fn kind_name(kind: FindingKind) -> &'static str {
    match kind {
        FindingKind::Item => "item",
        FindingKind::Rule => "rule",
    }
}

impl Document for Report {
    const NAME: &'static str = "gap report";
    const FORMATS: &'static [Format] = &[
        Format::Md,
        Format::Html,
        Format::Docx,
        Format::Json,
        Format::Csv,
        Format::Xlsx,
        Format::Narrative,
    ];

    fn render(&self, format: Format) -> Result<Vec<u8>, RenderError> {
        Ok(match format {
            Format::Json => document::json(self),
            Format::Csv => csv::render(self),
            Format::Narrative => narrative::render(self).into_bytes(),
            laid_out => document::laid_out::<Self>(&layout::layout(self), laid_out)?,
        })
    }
}
