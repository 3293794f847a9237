//! Renders comparisons, trends and summaries as Markdown, HTML and JSON, comparisons and
//! summaries also as Word documents and workbooks, summaries as CSV, and the comparison's
//! narrative as prose. Text from files is escaped for each medium by
//! [`crate::document::escape`]; askama escapes HTML.

mod chart;
mod csv;
mod docx;
mod html;
mod markdown;
pub mod narrative;
mod xlsx;

use serde::Serialize;

use super::compare::{Change, Comparison, Window};
use super::summary::{ForceRow, Summary};
use super::trend::Trend;
use crate::answer::format_number;
use crate::document::{self, Document, Format, RenderError, long_date};

/// The comparison as JSON: the comparison itself with its narrative, which is a rendering and
/// so not part of the comparison. Also the source of `schemas/comparison.schema.json`.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "Comparison")]
pub struct ComparisonJson<'a> {
    #[serde(flatten)]
    pub comparison: &'a Comparison,
    /// The progress narrative, one paragraph per entry.
    pub narrative: Vec<String>,
}

impl Document for Comparison {
    const NAME: &'static str = "progress report";
    const FORMATS: &'static [Format] = &[
        Format::Md,
        Format::Html,
        Format::Docx,
        Format::Json,
        Format::Xlsx,
    ];

    fn render(&self, format: Format) -> Result<Vec<u8>, RenderError> {
        Ok(match format {
            Format::Md => markdown::comparison(self).into_bytes(),
            Format::Html => html::comparison(self).into_bytes(),
            Format::Docx => docx::comparison(self)?,
            Format::Xlsx => xlsx::comparison(self)?,
            Format::Json => document::json(&ComparisonJson {
                comparison: self,
                narrative: narrative::progress(self),
            }),
            other => return Err(Self::unsupported(other)),
        })
    }
}

impl Document for Trend {
    const NAME: &'static str = "trend";
    const FORMATS: &'static [Format] = &[Format::Md, Format::Html, Format::Json];

    fn render(&self, format: Format) -> Result<Vec<u8>, RenderError> {
        Ok(match format {
            Format::Md => markdown::trend(self).into_bytes(),
            Format::Html => html::trend(self).into_bytes(),
            Format::Json => document::json(self),
            other => return Err(Self::unsupported(other)),
        })
    }
}

impl Document for Summary {
    const NAME: &'static str = "summary";
    const FORMATS: &'static [Format] = &[
        Format::Md,
        Format::Html,
        Format::Docx,
        Format::Json,
        Format::Csv,
        Format::Xlsx,
    ];

    fn render(&self, format: Format) -> Result<Vec<u8>, RenderError> {
        Ok(match format {
            Format::Md => markdown::summary(self).into_bytes(),
            Format::Html => html::summary(self).into_bytes(),
            Format::Docx => docx::summary(self)?,
            Format::Json => document::json(self),
            Format::Csv => csv::summary(self),
            Format::Xlsx => xlsx::summary(self)?,
            other => return Err(Self::unsupported(other)),
        })
    }
}

/// The answers that moved, for readers: question, before, after and the change in words.
fn moved_rows(c: &Comparison) -> Vec<[String; 4]> {
    c.items
        .iter()
        .filter(|i| i.change != Change::Unchanged)
        .map(|i| {
            let change = i.reason.as_ref().map_or(i.change.name().to_string(), |r| {
                format!("{}: {r}", i.change.name())
            });
            [
                i.prompt.clone(),
                i.before_label.clone().unwrap_or("—".into()),
                i.after_label.clone().unwrap_or("—".into()),
                change,
            ]
        })
        .collect()
}

/// What the figures' windows mean for comparing them, in sentences.
fn windows_words(c: &Comparison) -> Vec<String> {
    let w = &c.windows;
    let span = |p: &str, w: &Option<Window>| match w {
        Some(w) => format!(
            "the {p} figures cover {} to {} ({} months)",
            long_date(w.start),
            long_date(w.end),
            format_number(w.months)
        ),
        None => format!("the {p} assessment does not record the period its figures cover"),
    };
    let mut out = vec![capitalise(&format!(
        "{}, and {}.",
        span(&c.before_period, &w.before),
        span(&c.after_period, &w.after)
    ))];
    if w.differ() {
        out.push(
            "The two windows differ in length, so totals are not like for like: counts are also shown per month, which can be compared."
                .into(),
        );
    } else if w.before.is_none() || w.after.is_none() {
        out.push(
            "Without both windows, counts may cover periods of different lengths; compare them with care."
                .into(),
        );
    }
    out
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Last period's findings closed, still open, new and not judged, each titled in words.
fn finding_lists(c: &Comparison) -> Vec<(&'static str, Vec<String>)> {
    let f = &c.findings;
    let titled = |ids: &Vec<String>| -> Vec<String> {
        ids.iter()
            .filter_map(|id| f.note(id))
            .map(|d| format!("{} ({})", d.title, d.severity.name()))
            .collect()
    };
    vec![
        ("Closed", titled(&f.closed)),
        ("Still open", titled(&f.persisting)),
        ("New", titled(&f.opened)),
        ("Cannot be judged", titled(&f.not_comparable)),
    ]
}

/// Forces in a list, or "none".
fn forces_or_none(forces: &[String]) -> String {
    if forces.is_empty() {
        "none".into()
    } else {
        forces.join(", ")
    }
}

/// The key rates the forces' checklists define, by label, in first-seen order.
fn rate_labels(s: &Summary) -> Vec<&str> {
    let mut labels: Vec<&str> = Vec::new();
    for rate in s.by_force.iter().flat_map(|f| &f.rates) {
        if !labels.contains(&rate.label.as_str()) {
            labels.push(&rate.label);
        }
    }
    labels
}

/// A force's row in words: force, period, score, rating, completeness, findings by severity,
/// overdue, then one cell per rate in `labels` ([`rate_labels`]), "—" for a rate its checklist
/// does not define, so every row has one cell per column.
fn force_cells(f: &ForceRow, labels: &[&str]) -> Vec<String> {
    let mut cells = vec![
        f.force.clone(),
        f.period.clone(),
        f.score.map_or("not scored".into(), format_number),
        f.rating.label().to_string(),
        format!("{}%", format_number(f.completeness)),
        f.findings.high.to_string(),
        f.findings.medium.to_string(),
        f.findings.low.to_string(),
        f.overdue.to_string(),
    ];
    cells.extend(labels.iter().map(|label| {
        let rate = f.rates.iter().find(|r| r.label == *label);
        match rate.map(|r| (r.part, r.whole, r.percent)) {
            Some((Some(p), Some(w), Some(pc))) => format!(
                "{}% ({} of {})",
                format_number(pc),
                format_number(p),
                format_number(w)
            ),
            _ => "—".into(),
        }
    }));
    cells
}

/// A score for a table: the figure, marked provisional where it is.
fn score_cell(score: Option<f64>, provisional: bool) -> String {
    match score {
        Some(s) if provisional => format!("{} (provisional)", format_number(s)),
        other => crate::document::figures::score_text(other),
    }
}

/// The rows of the scores table: overall, completeness and each area, as [label, before,
/// after, change]; provisional scores are marked.
fn score_rows(c: &Comparison) -> Vec<[String; 4]> {
    use crate::document::figures::{score_text, signed};
    let mut rows = vec![
        [
            "Overall".to_string(),
            score_cell(c.overall.before, c.overall_provisional[0]),
            score_cell(c.overall.after, c.overall_provisional[1]),
            signed(c.overall.delta),
        ],
        [
            "Completeness (%)".to_string(),
            score_text(c.completeness.before),
            score_text(c.completeness.after),
            signed(c.completeness.delta),
        ],
    ];
    rows.extend(c.areas.iter().map(|a| {
        [
            a.title.clone(),
            score_cell(a.score.before, a.provisional[0]),
            score_cell(a.score.after, a.provisional[1]),
            signed(a.score.delta),
        ]
    }));
    rows
}
