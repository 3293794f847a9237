//! One backend per format, each rendering any [`Doc`](super::model::Doc): a section added to a
//! layout reaches every format, and a format added is one file here.
//!
//! The text media (Markdown, the web page, Word) show a cell's value with [`shown`], so every
//! figure and date reads the same in each: numbers of a thousand or more with separators, and
//! dates in words, never as ISO dates. A workbook writes them as real numbers and dates.

pub mod html;
pub mod markdown;
pub mod sheets;
pub mod word;

use super::long_date;
use super::model::Value;
use crate::answer::format_grouped as grouped;

/// A value as a reader reads it in running text or a printed table.
pub fn shown(value: &Value) -> String {
    match value {
        Value::Text(t) | Value::Toned(t, _) => t.clone(),
        Value::Count(n) | Value::Number(n) => grouped(*n),
        Value::Change(n) => signed(*n, ""),
        Value::Percent(n) => signed(*n, "%"),
        Value::Share(n) => format!("{}%", grouped(*n)),
        Value::Date(d) => long_date(*d),
        Value::Empty => String::new(),
    }
}

/// A change with its sign: "+3", "−2.5%", "0".
fn signed(n: f64, unit: &str) -> String {
    let body = grouped(n.abs());
    match n {
        n if n > 0.0 => format!("+{body}{unit}"),
        n if n < 0.0 => format!("−{body}{unit}"),
        _ => format!("0{unit}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_and_dates_read_as_words() {
        assert_eq!(shown(&Value::Count(3710.0)), "3,710");
        assert_eq!(shown(&Value::Number(1234567.5)), "1,234,567.5");
        assert_eq!(shown(&Value::Change(-2.5)), "−2.5");
        assert_eq!(shown(&Value::Percent(18.4)), "+18.4%");
        assert_eq!(shown(&Value::Share(34.6)), "34.6%");
        assert_eq!(
            shown(&Value::Date(jiff::civil::date(2013, 3, 31))),
            "31 March 2013"
        );
    }
}
