//! Renders comparisons, trends and summaries as Markdown, HTML, JSON and (for summaries) CSV.
//! Text from files is escaped for each medium: [`crate::report::md_escape`] for Markdown,
//! askama's escaping for HTML, a formula guard for CSV.

mod chart;
mod csv;
mod html;
mod markdown;

use serde::Serialize;

use crate::report::score_text as score;

use super::compare::Comparison;
use super::summary::Summary;
use super::trend::Trend;

/// Formats for comparisons and trends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Md,
    Html,
    Json,
}

/// Formats for summaries, which also go to spreadsheets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SummaryFormat {
    Md,
    Html,
    Json,
    Csv,
}

/// The protective marking and date printed on every output.
#[derive(Debug, Clone)]
pub struct Page {
    pub marking: String,
    pub generated: jiff::civil::Date,
}

fn json<T: Serialize>(value: &T) -> Vec<u8> {
    let mut s =
        serde_json::to_string_pretty(value).expect("progress views always serialise to JSON");
    s.push('\n');
    s.into_bytes()
}

pub fn comparison(c: &Comparison, format: Format, page: &Page) -> Vec<u8> {
    match format {
        Format::Md => markdown::comparison(c, page).into_bytes(),
        Format::Html => html::comparison(c, page).into_bytes(),
        Format::Json => json(c),
    }
}

pub fn trend(t: &Trend, format: Format, page: &Page) -> Vec<u8> {
    match format {
        Format::Md => markdown::trend(t, page).into_bytes(),
        Format::Html => html::trend(t, page).into_bytes(),
        Format::Json => json(t),
    }
}

pub fn summary(s: &Summary, format: SummaryFormat, page: &Page) -> Vec<u8> {
    match format {
        SummaryFormat::Md => markdown::summary(s, page).into_bytes(),
        SummaryFormat::Html => html::summary(s, page).into_bytes(),
        SummaryFormat::Json => json(s),
        SummaryFormat::Csv => csv::summary(s),
    }
}

/// A signed change for display, e.g. "+4.5", "−2", or a dash.
fn signed(x: Option<f64>) -> String {
    match x {
        Some(d) if d > 0.0 => format!("+{}", crate::assessment::format_number(d)),
        Some(d) if d < 0.0 => format!("−{}", crate::assessment::format_number(-d)),
        Some(_) => "0".into(),
        None => "—".into(),
    }
}
