//! Renders comparisons, trends and summaries as Markdown, HTML, JSON and (for summaries) CSV,
//! and the comparison's narrative as prose. Text from files is escaped for each medium by
//! [`crate::document::escape`]; askama escapes HTML.

mod chart;
mod csv;
mod html;
mod markdown;
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
    const FORMATS: &'static [Format] = &[Format::Md, Format::Html, Format::Json];

    fn render(&self, format: Format) -> Result<Vec<u8>, RenderError> {
        Ok(match format {
            Format::Md => markdown::comparison(self).into_bytes(),
            Format::Html => html::comparison(self).into_bytes(),
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
    const FORMATS: &'static [Format] = &[Format::Md, Format::Html, Format::Json, Format::Csv];

    fn render(&self, format: Format) -> Result<Vec<u8>, RenderError> {
        Ok(match format {
            Format::Md => markdown::summary(self).into_bytes(),
            Format::Html => html::summary(self).into_bytes(),
            Format::Json => document::json(self),
            Format::Csv => csv::summary(self),
            other => return Err(Self::unsupported(other)),
        })
    }
}
