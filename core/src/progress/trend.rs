//! One force over several periods: the overall and area scores of each, for a chart in a
//! report or a sparkline in the interface.
//!
//! The interface can draw a sparkline of one force's overall score from its data folder:
//!
//! ```no_run
//! # use probity_core::checklist::Catalog;
//! # use probity_core::document::Page;
//! # use probity_core::progress::{expand, load_batch, trend::Trend};
//! # fn sparkline(folder: std::path::PathBuf, catalog: &Catalog, page: &Page, force: &str)
//! #     -> Result<(), Box<dyn std::error::Error>> {
//! let paths = expand(&[folder])?;
//! let batch = load_batch(&paths, catalog, page.generated, || {});
//! let points: Vec<(String, Option<f64>)> = Trend::of(&batch, force, page).series(None);
//! # Ok(())
//! # }
//! ```
//!
//! `series(Some(area_id))` gives one area instead; a `None` score is a period with nothing
//! scored, which a sparkline should leave as a gap.

use serde::Serialize;

use super::Batch;
use crate::document::Page;
use crate::document::figures::round1;

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Trend {
    #[serde(flatten)]
    pub page: Page,
    pub force: String,
    /// Areas in the order of the latest checklist, then any only earlier ones had: (id, title).
    pub areas: Vec<(String, String)>,
    /// One point per period, oldest first.
    pub points: Vec<Point>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Point {
    pub period: String,
    pub checklist: String,
    pub overall: Option<f64>,
    /// True when the overall score rests on too few scored questions to be rated.
    pub provisional: bool,
    /// The period's sign-off in a sentence, or DRAFT.
    pub sign_off: String,
    /// Answered ÷ applicable, as a percentage.
    pub completeness: f64,
    /// Aligned with [`Trend::areas`]; none where the area was not scored or not asked.
    pub areas: Vec<Option<f64>>,
    pub findings: usize,
    pub high: usize,
}

/// The forces in a batch, each once, as first written.
pub fn forces(batch: &Batch) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for l in &batch.loaded {
        if !out
            .iter()
            .any(|f| f.eq_ignore_ascii_case(&l.assessment.force))
        {
            out.push(l.assessment.force.clone());
        }
    }
    out
}

impl Trend {
    /// The trend of `force` (matched without regard to case) across the batch. Of two files
    /// for the same period, the later one given wins.
    pub fn of(batch: &Batch, force: &str, page: &Page) -> Trend {
        let mut mine: Vec<_> = batch
            .loaded
            .iter()
            .filter(|l| l.assessment.force.eq_ignore_ascii_case(force))
            .collect();
        mine.sort_by(|a, b| a.assessment.period.cmp(&b.assessment.period));
        mine.reverse();
        mine.dedup_by(|a, b| a.assessment.period == b.assessment.period);
        mine.reverse();
        let mut areas: Vec<(String, String)> = Vec::new();
        for l in mine.iter().rev() {
            for a in &batch.checklist(l).areas {
                if !areas.iter().any(|(id, _)| *id == a.id) {
                    areas.push((a.id.clone(), a.title.clone()));
                }
            }
        }
        let points = mine
            .iter()
            .map(|l| {
                let e = &l.evaluation;
                let (high, _, _) = e.counts();
                Point {
                    period: l.assessment.period.clone(),
                    checklist: l.assessment.checklist.clone(),
                    overall: e.overall.map(round1),
                    provisional: e.basis.provisional(),
                    sign_off: crate::assessment::sign_off::unchecked(&l.assessment, false),
                    completeness: round1(e.completeness.percent()),
                    areas: areas
                        .iter()
                        .map(|(id, _)| e.area(id).and_then(|a| a.score).map(round1))
                        .collect(),
                    findings: e.findings.len(),
                    high,
                }
            })
            .collect();
        Trend {
            page: page.clone(),
            force: mine
                .last()
                .map_or(force.to_string(), |l| l.assessment.force.clone()),
            areas,
            points,
        }
    }

    /// (period, score) pairs, oldest first: the overall score, or one area's when `area` names
    /// it. This is what a sparkline draws.
    pub fn series(&self, area: Option<&str>) -> Vec<(String, Option<f64>)> {
        let column = area.and_then(|id| self.areas.iter().position(|(a, _)| a == id));
        self.points
            .iter()
            .map(|p| {
                let value = match (area, column) {
                    (None, _) => p.overall,
                    (Some(_), Some(i)) => p.areas[i],
                    (Some(_), None) => None,
                };
                (p.period.clone(), value)
            })
            .collect()
    }
}
