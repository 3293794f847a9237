//! What every document probity writes has in common: the one list of formats, the page
//! furniture (marking and date), and the escaping and number formatting that each medium needs.
//!
//! Each document (the gap report, a comparison, a trend, a summary) implements [`Document`]
//! and says which formats it can carry, so a format added here reaches every document that
//! lists it, and the front ends offer exactly what a document can produce.

pub mod backend;
pub mod chart;
pub mod docx;
pub mod escape;
pub mod figures;
pub mod lines;
pub mod model;
pub mod tone;
pub mod workbook;

use std::fmt;
use std::str::FromStr;

use jiff::civil::Date;
use serde::Serialize;

/// Every format probity writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Markdown with the same content as the web page.
    Md,
    /// A self-contained web page that prints to A4.
    Html,
    /// Machine-readable data, described by a published JSON Schema.
    Json,
    /// Rows for a spreadsheet.
    Csv,
    /// An Excel workbook.
    Xlsx,
    /// A Word document.
    Docx,
    /// Prose, in plain text.
    Narrative,
}

impl Format {
    /// Every format, in the order front ends list them.
    pub const ALL: [Format; 7] = [
        Format::Md,
        Format::Html,
        Format::Docx,
        Format::Json,
        Format::Csv,
        Format::Xlsx,
        Format::Narrative,
    ];

    /// The name a user types, e.g. on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::Docx => "docx",
            Format::Narrative => "narrative",
        }
    }

    /// The file extension for a file in this format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Narrative => "txt",
            other => other.name(),
        }
    }

    /// The format in words, for a person choosing one.
    pub fn describe(self) -> &'static str {
        match self {
            Format::Md => "Markdown",
            Format::Html => "Web page (prints to PDF)",
            Format::Json => "JSON data",
            Format::Csv => "Spreadsheet rows (CSV)",
            Format::Xlsx => "Excel workbook",
            Format::Docx => "Word document",
            Format::Narrative => "Plain-text narrative",
        }
    }

    /// Whether the format is binary, and so cannot be shown on a terminal.
    pub fn is_binary(self) -> bool {
        matches!(self, Format::Xlsx | Format::Docx)
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A format name that probity does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown format \"{0}\"")]
pub struct UnknownFormat(pub String);

impl FromStr for Format {
    type Err = UnknownFormat;

    fn from_str(s: &str) -> Result<Format, UnknownFormat> {
        Format::ALL
            .into_iter()
            .find(|f| f.name() == s)
            .ok_or_else(|| UnknownFormat(s.to_string()))
    }
}

/// The protective marking and the dates printed on every page of a document.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Page {
    /// The protective marking, e.g. `OFFICIAL-SENSITIVE`.
    pub marking: String,
    /// The date the document was produced.
    pub generated: Date,
    /// The date the document's facts are as at; "overdue" is judged against it.
    pub as_at: Date,
    /// Where the as-at date comes from.
    pub as_at_basis: AsAt,
}

/// Where a document's as-at date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AsAt {
    /// Given by the person producing it.
    Given,
    /// The date the assessment was completed, as answered.
    Completed,
    /// The end of the period the assessment covers, as answered: no completion date is
    /// recorded, and the period ended before the document was produced.
    PeriodEnd,
    /// The last day of the period the assessment is named for (31 December 2012 for "2012"):
    /// no completion date or end date is recorded, and that day is past.
    PeriodLastDay,
    /// The date it was produced, as the assessment records no completion date and its period
    /// has not ended.
    Produced,
}

/// The date a document on `assessment` is as at when none is given, and why: the completion
/// date when recorded; otherwise, for a period that ended before `today`, the period's end
/// date as answered, or the last day of a period named by a year. `None` means today.
pub fn recorded_as_at(
    checklist: &crate::checklist::Checklist,
    assessment: &crate::assessment::Assessment,
    today: Date,
) -> Option<(Date, AsAt)> {
    if let Some(done) = assessment.completed_on(checklist) {
        return Some((done, AsAt::Completed));
    }
    let answered =
        checklist
            .context
            .period_end
            .as_deref()
            .and_then(|id| match assessment.value(id) {
                Some(crate::answer::Value::Date(d)) => Some(*d),
                _ => None,
            });
    let (end, basis) = match answered {
        Some(end) => (end, AsAt::PeriodEnd),
        None => (last_day_of(&assessment.period)?, AsAt::PeriodLastDay),
    };
    (end < today).then_some((end, basis))
}

/// The last day of a period named by a year alone: "2012" ends on 31 December 2012.
fn last_day_of(period: &str) -> Option<Date> {
    let period = period.trim();
    if period.len() != 4 || !period.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Date::new(period.parse().ok()?, 12, 31).ok()
}

/// The marking used when none is given.
pub const DEFAULT_MARKING: &str = "OFFICIAL-SENSITIVE";

impl Page {
    /// A page with `marking`, cleaned to one line, produced on `generated`.
    pub fn new(marking: &str, generated: Date) -> Page {
        Page {
            marking: crate::text::sanitize_line(marking),
            generated,
            as_at: generated,
            as_at_basis: AsAt::Produced,
        }
    }

    /// The page as at the date given, else the date the assessment was completed, else the
    /// date it is produced.
    pub fn as_at(self, given: Option<Date>, recorded: Option<(Date, AsAt)>) -> Page {
        let (as_at, as_at_basis) = match (given, recorded) {
            (Some(d), _) => (d, AsAt::Given),
            (None, Some(recorded)) => recorded,
            (None, None) => (self.generated, AsAt::Produced),
        };
        Page {
            as_at,
            as_at_basis,
            ..self
        }
    }

    /// The as-at date in a sentence, saying where it comes from and what it governs.
    pub fn as_at_sentence(&self) -> String {
        let why = match self.as_at_basis {
            AsAt::Given => "the date given when it was produced",
            AsAt::Completed => "the date the assessment was completed",
            AsAt::PeriodEnd => {
                "the end of the period the assessment covers, as no completion date is recorded and the period has ended"
            }
            AsAt::PeriodLastDay => {
                "the last day of the period the assessment is named for, as no completion date or period end date is recorded and that day has passed"
            }
            AsAt::Produced => "the date it was produced, as no completion date is recorded",
        };
        format!(
            "This document is as at {}, {why}; actions are overdue if their due date was before then.",
            long_date(self.as_at)
        )
    }
}

pub use crate::text::long_date;

/// Why a document could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("the {document} cannot be written as {format}")]
    Unsupported {
        document: &'static str,
        format: Format,
    },
    #[error("the workbook could not be built: {0}")]
    Workbook(#[from] rust_xlsxwriter::XlsxError),
    #[error("the Word document could not be built: {0}")]
    Word(#[from] docx::WordError),
}

/// A document probity can write in one or more formats.
pub trait Document {
    /// What the document is, in words, e.g. "gap report".
    const NAME: &'static str;
    /// The formats it can be written in; the first is the default.
    const FORMATS: &'static [Format];

    /// The document's bytes in `format`.
    fn render(&self, format: Format) -> Result<Vec<u8>, RenderError>;

    /// The error for a format this document does not list.
    fn unsupported(format: Format) -> RenderError {
        RenderError::Unsupported {
            document: Self::NAME,
            format,
        }
    }
}

/// Document `D` laid out in one of the formats every [`model::Doc`] can take: Markdown, the
/// web page, Word or a workbook. Data exports (JSON, CSV) and prose are each document's own,
/// so for them this is `D`'s error for a format it does not give.
pub fn laid_out<D: Document>(doc: &model::Doc, format: Format) -> Result<Vec<u8>, RenderError> {
    Ok(match format {
        Format::Md => backend::markdown::render(doc).into_bytes(),
        Format::Html => backend::html::render(doc).into_bytes(),
        Format::Docx => backend::word::render(doc)?,
        Format::Xlsx => backend::sheets::render(doc)?,
        Format::Json | Format::Csv | Format::Narrative => return Err(D::unsupported(format)),
    })
}

/// Pretty JSON with a final newline, for every document's JSON format.
pub fn json<T: Serialize>(value: &T) -> Vec<u8> {
    // Documents hold only strings, numbers, dates and lists, which always serialise.
    let mut bytes = serde_json::to_vec_pretty(value).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_as_at_date_prefers_what_is_given_then_the_completion_date() {
        let produced = jiff::civil::date(2026, 11, 29);
        let done = jiff::civil::date(2012, 11, 30);
        let page = Page::new("OFFICIAL", produced);
        assert_eq!(page.clone().as_at(None, None).as_at, produced);
        let completed = page.clone().as_at(None, Some((done, AsAt::Completed)));
        assert_eq!(
            (completed.as_at, completed.as_at_basis),
            (done, AsAt::Completed)
        );
        assert!(
            completed
                .as_at_sentence()
                .starts_with("This document is as at 30 November 2012")
        );
        let given = page.as_at(Some(produced), Some((done, AsAt::Completed)));
        assert_eq!(given.as_at_basis, AsAt::Given);
    }

    #[test]
    fn names_round_trip() {
        for f in Format::ALL {
            assert_eq!(f.name().parse::<Format>(), Ok(f));
        }
        assert_eq!(Format::Narrative.extension(), "txt");
        assert!("pdf".parse::<Format>().is_err());
    }
}
