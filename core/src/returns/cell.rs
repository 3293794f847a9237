//! Reading one cell of a filled return as an answer, a note, evidence, an owner or a date.
//!
//! Spreadsheets store what people type in several ways: a date as a date cell or, pasted
//! without its format, as a bare serial number; a number as a number or as text; words with
//! trailing spaces or in any case. Each is read as the interface would read it typed, with the
//! interface's messages, so "yes", "Yes " and a pasted "YES" all mean yes, and "maybe" is
//! refused in the same words everywhere.

use calamine::{Data, ExcelDateTime, ExcelDateTimeType};
use jiff::civil::Date;

use crate::answer::{Kind, Value, check_value, format_number, parse_date, parse_value};
use crate::text;

/// What a cell holds, as far as an answer is concerned.
#[derive(Debug, Clone, PartialEq)]
pub enum Content {
    Empty,
    Text(String),
    Number(f64),
    Date(Date),
    /// The cell shows a spreadsheet error such as #N/A; the message says which.
    Broken(String),
}

impl Content {
    pub fn of(data: Option<&Data>) -> Content {
        match data {
            None | Some(Data::Empty) => Content::Empty,
            Some(Data::String(s)) => {
                let s = s.replace("\r\n", "\n");
                let trimmed = s.trim();
                if trimmed.is_empty() {
                    Content::Empty
                } else {
                    Content::Text(trimmed.to_string())
                }
            }
            Some(Data::Float(f)) => Content::Number(*f),
            Some(Data::Int(i)) => Content::Number(*i as f64),
            Some(Data::Bool(b)) => Content::Text(if *b { "TRUE" } else { "FALSE" }.into()),
            Some(Data::DateTime(dt)) if dt.is_datetime() => {
                serial_date(dt).map_or(Content::Number(dt.as_f64()), Content::Date)
            }
            Some(Data::DateTime(dt)) => Content::Number(dt.as_f64()),
            Some(Data::DateTimeIso(s)) => s
                .get(..10)
                .and_then(|d| d.parse().ok())
                .map_or_else(|| Content::Text(s.clone()), Content::Date),
            Some(Data::DurationIso(s)) => Content::Text(s.clone()),
            Some(Data::Error(e)) => Content::Broken(format!("the cell shows the error {e}")),
        }
    }

    /// The content as a person would read it in the cell.
    fn words(&self) -> String {
        match self {
            Content::Empty => String::new(),
            Content::Text(t) => t.clone(),
            Content::Number(n) => format_number(*n),
            Content::Date(d) => d.to_string(),
            Content::Broken(why) => why.clone(),
        }
    }
}

/// A date from a spreadsheet serial number, as the workbook counts days (from 1900 or 1904).
fn serial_date(dt: &ExcelDateTime) -> Option<Date> {
    // Serial numbers run from 1 (1 January 1900) to the last day of 9999; anything else is not
    // a date a person meant, and the 1900 leap-year bug's day 60 is not a real date.
    if !(1.0..2_958_466.0).contains(&dt.as_f64()) {
        return None;
    }
    let (y, m, d, ..) = dt.to_ymd_hms_milli();
    Date::new(i16::try_from(y).ok()?, m as i8, d as i8).ok()
}

/// The answer in a cell, for an item of `kind`; `None` when the cell is empty. The error is
/// what the interface would say of the same entry.
pub(super) fn value(kind: &Kind, content: &Content) -> Result<Option<Value>, String> {
    let typed = |text: &str| parse_value(kind, text).map_err(|e| e.to_string());
    let value = match (kind, content) {
        (_, Content::Empty) => return Ok(None),
        (_, Content::Broken(why)) => return Err(why.clone()),
        (Kind::Percent, Content::Number(n)) => return percent(*n).map(Some),
        (k, Content::Number(n)) if k.is_numeric() => {
            let value = Value::Number(*n);
            check_value(kind, &value).map_err(|e| e.to_string())?;
            value
        }
        (Kind::Date, Content::Number(n)) => match number_date(*n) {
            Some(d) => Value::Date(d),
            None => typed(&format_number(*n))?,
        },
        (Kind::Date, Content::Date(d)) => Value::Date(*d),
        (_, other) => typed(&other.words())?,
    };
    Ok(Some(value))
}

/// A percentage cell holds a fraction of one (12.5% is 0.125), as the cell's format shows it.
fn percent(fraction: f64) -> Result<Value, String> {
    // Rounded so that 0.07 reads as 7, not 7.000000000000001.
    let percent = (fraction * 100.0 * 1e9).round() / 1e9;
    let value = Value::Number(percent);
    check_value(&Kind::Percent, &value).map_err(|e| {
        if fraction > 1.0 {
            format!(
                "{} in a percentage cell is {}%, which is over 100%: to mean {}%, type it with its % sign",
                format_number(fraction),
                format_number(percent),
                format_number(fraction)
            )
        } else {
            e.to_string()
        }
    })?;
    Ok(value)
}

/// A date from a bare number, as a spreadsheet stores a date pasted without its format.
fn number_date(n: f64) -> Option<Date> {
    serial_date(&ExcelDateTime::new(n, ExcelDateTimeType::DateTime, false))
}

/// A date in a cell (the due date), read as the interface reads a typed one.
pub(super) fn date(content: &Content) -> Result<Option<Date>, String> {
    match content {
        Content::Empty => Ok(None),
        Content::Date(d) => Ok(Some(*d)),
        Content::Number(n) => number_date(*n)
            .map(Some)
            .ok_or_else(|| format!("the due date \"{}\" is not a date", format_number(*n))),
        Content::Broken(why) => Err(why.clone()),
        Content::Text(t) => parse_date(t)
            .map(Some)
            .map_err(|e| format!("the due date {e}")),
    }
}

/// Free text (a note), kept with its lines; `None` when empty.
pub(super) fn note(content: &Content) -> Result<Option<String>, String> {
    match content {
        Content::Broken(why) => Err(why.clone()),
        other => {
            let text = text::sanitize(&other.words()).trim_end().to_string();
            Ok((!text.trim().is_empty()).then_some(text))
        }
    }
}

/// A one-line field (the owner); `None` when empty.
pub(super) fn line(content: &Content) -> Result<Option<String>, String> {
    Ok(note(content)?
        .map(|t| text::sanitize_line(&t))
        .filter(|t| !t.is_empty()))
}

/// Evidence references, separated by semicolons or lines.
pub(super) fn references(content: &Content, split: &[char]) -> Result<Vec<String>, String> {
    Ok(note(content)?
        .map(|t| {
            t.split(split)
                .map(text::sanitize_line)
                .filter(|r| !r.is_empty())
                .collect()
        })
        .unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::{ChoiceOption, Status};

    fn text(s: &str) -> Content {
        Content::of(Some(&Data::String(s.into())))
    }

    #[test]
    fn words_are_read_as_typed_in_the_interface() {
        for typed in ["yes", "Yes ", "YES", " y", "Yes\r\n"] {
            assert_eq!(
                value(&Kind::Status, &text(typed)),
                Ok(Some(Value::Status(Status::Yes))),
                "{typed:?}"
            );
        }
        assert_eq!(
            value(&Kind::Status, &text("Not applicable")),
            Ok(Some(Value::Status(Status::Na)))
        );
        assert_eq!(
            value(&Kind::Status, &text("Maybe")),
            Err("\"Maybe\" is not one of \"yes\", \"partial\", \"no\" or \"na\"".into())
        );
        let choice = Kind::Choice(vec![ChoiceOption {
            id: "proactive".into(),
            label: "Proactive checks of staff accounts".into(),
            credit: Some(1.0),
        }]);
        assert_eq!(
            value(&choice, &text("proactive checks of staff accounts ")),
            Ok(Some(Value::Choice("proactive".into())))
        );
        assert_eq!(value(&Kind::Status, &text("   ")), Ok(None));
    }

    #[test]
    fn numbers_may_be_numbers_or_text_and_are_checked() {
        assert_eq!(
            value(&Kind::Count, &Content::Number(49.0)),
            Ok(Some(Value::Number(49.0)))
        );
        assert_eq!(
            value(&Kind::Count, &text("1,049")),
            Ok(Some(Value::Number(1049.0)))
        );
        assert_eq!(
            value(&Kind::Count, &Content::Number(4.5)),
            Err("\"4.5\" is not a whole number of zero or more".into())
        );
        assert_eq!(
            value(&Kind::Percent, &Content::Number(0.07)),
            Ok(Some(Value::Number(7.0)))
        );
        assert_eq!(
            value(&Kind::Percent, &text("12.5%")),
            Ok(Some(Value::Number(12.5)))
        );
        let over = value(&Kind::Percent, &Content::Number(12.0)).unwrap_err();
        assert!(over.contains("is 1200%, which is over 100%"), "{over}");
        assert_eq!(
            value(&Kind::Text, &Content::Number(12.0)),
            Ok(Some(Value::Text("12".into())))
        );
    }

    #[test]
    fn dates_come_as_date_cells_serial_numbers_or_typed_text() {
        let march_31 = jiff::civil::date(2013, 3, 31);
        let cell = Data::DateTime(ExcelDateTime::new(
            41364.0,
            ExcelDateTimeType::DateTime,
            false,
        ));
        assert_eq!(Content::of(Some(&cell)), Content::Date(march_31));
        let in_1904 = Data::DateTime(ExcelDateTime::new(
            39902.0,
            ExcelDateTimeType::DateTime,
            true,
        ));
        assert_eq!(Content::of(Some(&in_1904)), Content::Date(march_31));
        assert_eq!(
            value(&Kind::Date, &Content::Number(41364.0)),
            Ok(Some(Value::Date(march_31)))
        );
        assert_eq!(date(&text("31/03/2013")), Ok(Some(march_31)));
        assert_eq!(
            Content::of(Some(&Data::DateTimeIso("2013-03-31T00:00:00".into()))),
            Content::Date(march_31)
        );
        assert_eq!(
            date(&text("31/03/13")),
            Err("the due date \"31/03/13\" is not a date such as 31/03/2013, 31 March 2013 or 2013-03-31".into())
        );
        assert!(date(&Content::Number(-3.0)).is_err());
    }

    #[test]
    fn errors_and_text_fields_are_read_plainly() {
        let broken = Content::of(Some(&Data::Error(calamine::CellErrorType::NA)));
        assert_eq!(
            value(&Kind::Status, &broken),
            Err("the cell shows the error #N/A".into())
        );
        assert_eq!(
            references(&text("Policy 2012; Register\nAudit ;"), &[';', '\n']),
            Ok(vec![
                "Policy 2012".into(),
                "Register".into(),
                "Audit".into()
            ])
        );
        assert_eq!(line(&text("  Head of\nHR ")), Ok(Some("Head of HR".into())));
        assert_eq!(note(&Content::Empty), Ok(None));
    }
}
