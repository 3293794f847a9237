//! Comparisons, trends and summaries: each is laid out once ([`layout`]) and set in Markdown,
//! HTML, Word and workbook by the shared backends; JSON, the summary's CSV and the comparison's
//! narrative are their own.

mod csv;
pub mod layout;
pub mod narrative;

use serde::Serialize;

use super::compare::Comparison;
use super::summary::Summary;
use super::trend::Trend;
use crate::document::{self, Document, Format, RenderError};

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
            Format::Json => document::json(&ComparisonJson {
                comparison: self,
                narrative: narrative::progress(self),
            }),
            other => document::laid_out::<Self>(&layout::comparison(self), other)?,
        })
    }
}

impl Document for Trend {
    const NAME: &'static str = "trend";
    const FORMATS: &'static [Format] = &[
        Format::Md,
        Format::Html,
        Format::Docx,
        Format::Json,
        Format::Xlsx,
    ];

    fn render(&self, format: Format) -> Result<Vec<u8>, RenderError> {
        Ok(match format {
            Format::Json => document::json(self),
            other => document::laid_out::<Self>(&layout::trend(self), other)?,
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
            Format::Json => document::json(self),
            Format::Csv => csv::summary(self),
            other => document::laid_out::<Self>(&layout::summary(self), other)?,
        })
    }
}
