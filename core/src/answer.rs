//! What an answer is: the kinds of answer an item takes, the values they hold, and how a value
//! reads to a person. This is the leaf the checklist, conditions and assessments all build on.

use std::fmt;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// The four answers a status item takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Yes,
    Partial,
    No,
    Na,
}

impl Status {
    pub const ALL: [Status; 4] = [Status::Yes, Status::Partial, Status::No, Status::Na];

    /// The name written in files: "yes", "partial", "no" or "na".
    pub fn name(self) -> &'static str {
        match self {
            Status::Yes => "yes",
            Status::Partial => "partial",
            Status::No => "no",
            Status::Na => "na",
        }
    }

    /// The answer in words: "Yes", "Partly", "No" or "Not applicable".
    pub fn label(self) -> &'static str {
        match self {
            Status::Yes => "Yes",
            Status::Partial => "Partly",
            Status::No => "No",
            Status::Na => "Not applicable",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|st| st.name() == s)
    }

    /// Reads a status a person typed, ignoring case: its name ("partial"), its label
    /// ("partly", "not applicable"), its initial (y, p, n, a, the keys the interface uses) or
    /// "n/a".
    pub fn parse_typed(s: &str) -> Option<Status> {
        let s = s.trim().to_lowercase();
        Status::ALL.into_iter().find(|st| {
            let initial = match st {
                Status::Na => "a",
                _ => &st.name()[..1],
            };
            [st.name(), &st.label().to_lowercase(), initial].contains(&s.as_str())
                || (*st == Status::Na && s == "n/a")
        })
    }

    /// How far the answer meets the item; `None` for not applicable.
    pub fn credit(self) -> Option<f64> {
        match self {
            Status::Yes => Some(1.0),
            Status::Partial => Some(0.5),
            Status::No => Some(0.0),
            Status::Na => None,
        }
    }
}

/// An answer's value, already checked against its item's kind.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Status(Status),
    /// Counts, numbers, money and percentages.
    Number(f64),
    Date(Date),
    Choice(String),
    Text(String),
}

impl Value {
    /// The status name or choice option id, for `is`/`in` tests.
    pub fn choice_key(&self) -> Option<&str> {
        match self {
            Value::Status(s) => Some(s.name()),
            Value::Choice(c) => Some(c),
            _ => None,
        }
    }

    pub fn number(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }

    pub fn status(&self) -> Option<Status> {
        match self {
            Value::Status(s) => Some(*s),
            _ => None,
        }
    }
}

/// The value as stored: status names, option ids, plain numbers and ISO dates.
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Status(s) => f.write_str(s.name()),
            Value::Number(n) => write!(f, "{}", format_number(*n)),
            Value::Date(d) => write!(f, "{d}"),
            Value::Choice(c) => f.write_str(c),
            Value::Text(t) => f.write_str(t),
        }
    }
}

/// Whole numbers print without a decimal point; others with up to two places.
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        let s = format!("{n:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// A figure as a reader reads it: [`format_number`] with the whole part in groups of three
/// ("3,710", "1,900.5"). Files, traces, JSON values and CSV data keep the plain figure.
pub fn format_grouped(n: f64) -> String {
    group_thousands(&format_number(n))
}

/// Commas between groups of three digits in the whole part of a figure already formatted
/// ("-1900.25" gives "-1,900.25"); anything that is not a plain figure is left as it is.
fn group_thousands(plain: &str) -> String {
    let (sign, rest) = plain
        .strip_prefix('-')
        .map_or(("", plain), |rest| ("-", rest));
    let (whole, fraction) = rest.split_at(rest.find('.').unwrap_or(rest.len()));
    if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return plain.to_string();
    }
    let mut out = String::with_capacity(plain.len() + whole.len() / 3);
    out.push_str(sign);
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out.push_str(fraction);
    out
}

/// Pounds as a reader expects them: whole pounds plainly (`75`), anything else to the penny
/// (`25.50`, never `25.5`).
pub fn format_money(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n:.2}")
    }
}

/// What kind of answer an item takes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Kind {
    Status,
    Count,
    Number,
    Money,
    Percent,
    Date,
    Choice(Vec<ChoiceOption>),
    Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChoiceOption {
    pub id: String,
    pub label: String,
    /// How far this option meets the item (0 to 1). When any option carries credit the item
    /// is scored and flagged like a status item.
    pub credit: Option<f64>,
}

impl Kind {
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Status => "status",
            Kind::Count => "count",
            Kind::Number => "number",
            Kind::Money => "money",
            Kind::Percent => "percent",
            Kind::Date => "date",
            Kind::Choice(_) => "choice",
            Kind::Text => "text",
        }
    }

    /// Counts, numbers, money and percentages: they feed metrics, not the score.
    pub fn is_numeric(&self) -> bool {
        matches!(
            self,
            Kind::Count | Kind::Number | Kind::Money | Kind::Percent
        )
    }

    /// Whether answers to this kind earn credit towards the score.
    pub fn is_scored(&self) -> bool {
        match self {
            Kind::Status => true,
            Kind::Choice(options) => options.iter().any(|o| o.credit.is_some()),
            _ => false,
        }
    }

    pub fn option(&self, id: &str) -> Option<&ChoiceOption> {
        match self {
            Kind::Choice(options) => options.iter().find(|o| o.id == id),
            _ => None,
        }
    }

    /// Describes the answers this kind accepts when typed by a person, in the interface or on
    /// the command line: dates may be written the British way as well as in ISO form.
    pub fn allowed_typed(&self) -> String {
        match self {
            Kind::Date => TYPED_DATE.into(),
            other => other.allowed(),
        }
    }

    /// Describes the answers this kind accepts in a file, for error messages and help.
    pub fn allowed(&self) -> String {
        match self {
            Kind::Status => "one of \"yes\", \"partial\", \"no\" or \"na\"".into(),
            Kind::Count => "a whole number of zero or more".into(),
            Kind::Number => "a number".into(),
            Kind::Money => "an amount in pounds and pence of zero or more".into(),
            Kind::Percent => "a percentage from 0 to 100".into(),
            Kind::Date => "a date such as 2013-03-31".into(),
            Kind::Choice(options) => format!(
                "one of {}",
                options
                    .iter()
                    .map(|o| format!("\"{}\"", o.id))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Kind::Text => "text".into(),
        }
    }

    /// A value from the form it is stored and traced in (as [`Value`]'s `Display` writes it).
    pub fn parse_stored(&self, raw: &str) -> Option<Value> {
        match self {
            Kind::Status => Status::parse(raw).map(Value::Status),
            Kind::Date => raw.parse().ok().map(Value::Date),
            Kind::Choice(_) => Some(Value::Choice(raw.to_string())),
            Kind::Text => Some(Value::Text(raw.to_string())),
            _ => raw.parse().ok().map(Value::Number),
        }
    }

    /// A value as stored in a file or trace, shown as a reader sees it; kept as stored when it
    /// does not parse.
    pub fn display_stored(&self, raw: &str) -> String {
        self.parse_stored(raw)
            .map_or_else(|| raw.to_string(), |v| self.display(&v))
    }

    /// A value in words, as a reader should see it: option labels for choices, pounds for
    /// money, a % for percentages, "Partly" for partial, figures of a thousand or more with
    /// separators ("3,710").
    pub fn display(&self, value: &Value) -> String {
        match (self, value) {
            (Kind::Choice(_), Value::Choice(c)) => {
                self.option(c).map_or(c.clone(), |o| o.label.clone())
            }
            (Kind::Money, Value::Number(n)) => format!("£{}", group_thousands(&format_money(*n))),
            (Kind::Percent, Value::Number(n)) => format!("{}%", format_grouped(*n)),
            (_, Value::Number(n)) => format_grouped(*n),
            (_, Value::Date(d)) => crate::text::long_date(*d),
            (_, Value::Status(s)) => s.label().to_string(),
            (_, v) => v.to_string(),
        }
    }
}

/// A value that does not fit its item's kind.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{input}\" is not {allowed}")]
pub struct Unfit {
    /// The value as given.
    pub input: String,
    /// What the item takes, in words.
    pub allowed: String,
}

/// The years a date may fall in: four digits, the range TOML and ISO 8601 write without an
/// era sign. jiff also reads signed six-digit years ("-002012-09-01"), which no file can hold.
pub const YEARS: std::ops::RangeInclusive<i16> = 1..=9999;

/// Whether a date can be written to a file and read back: its year is in [`YEARS`].
pub fn date_fits(date: Date) -> bool {
    YEARS.contains(&date.year())
}

/// Checks a value against an item kind.
pub fn check_value(kind: &Kind, value: &Value) -> Result<(), Unfit> {
    let ok = match (kind, value) {
        (Kind::Status, Value::Status(_)) => true,
        (Kind::Count, Value::Number(n)) => n.fract() == 0.0 && *n >= 0.0,
        (Kind::Number, Value::Number(n)) => n.is_finite(),
        (Kind::Money, Value::Number(n)) => n.is_finite() && *n >= 0.0,
        (Kind::Percent, Value::Number(n)) => (0.0..=100.0).contains(n),
        (Kind::Date, Value::Date(d)) => date_fits(*d),
        (Kind::Choice(_), Value::Choice(c)) => kind.option(c).is_some(),
        (Kind::Text, Value::Text(_)) => true,
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(Unfit {
            input: value.to_string(),
            allowed: kind.allowed(),
        })
    }
}

/// What a typed date may look like, in words.
const TYPED_DATE: &str = "a date such as 31/03/2013, 31 March 2013 or 2013-03-31";

/// The forms a typed date may take, day first as written in the UK.
const DATE_FORMS: [&str; 4] = ["%d/%m/%Y", "%d %B %Y", "%d %b %Y", "%Y-%m-%d"];

/// Reads a date typed by a user: `31/05/2012`, `31 May 2012`, `31 may 2012`, `2012-5-31` or
/// ISO `2012-05-31`. Years have four digits, so `31/05/12` is refused rather than guessed.
pub fn parse_date(input: &str) -> Result<Date, Unfit> {
    let input = input.trim();
    let parsed: Vec<_> = DATE_FORMS
        .iter()
        .filter_map(|form| jiff::fmt::strtime::parse(form, input).ok())
        .collect();
    if let Some(date) = parsed
        .iter()
        .filter_map(|p| p.to_date().ok())
        .find(|date| (1000..=9999).contains(&date.year()))
    {
        return Ok(date);
    }
    // Read as a day, month and year, but that day is past the month's end: say so.
    let impossible = parsed.iter().find_map(|p| {
        let (year, month, day) = (p.year()?, p.month()?, p.day()?);
        let first = Date::new(year, month, 1).ok()?;
        ((1000..=9999).contains(&year) && day > first.days_in_month()).then(|| {
            format!(
                "a date: {} has {} days, so there is no {day} {}",
                first.strftime("%B %Y"),
                first.days_in_month(),
                first.strftime("%B")
            )
        })
    });
    Err(Unfit {
        input: input.to_string(),
        allowed: impossible.unwrap_or_else(|| TYPED_DATE.into()),
    })
}

/// Reads a value typed by a user (in the interface or on the command line) for an item kind.
/// A choice may be given by its option id or, ignoring case, its label.
pub fn parse_value(kind: &Kind, input: &str) -> Result<Value, Unfit> {
    let input = input.trim();
    let unfit = || Unfit {
        input: input.to_string(),
        allowed: kind.allowed_typed(),
    };
    let value = match kind {
        Kind::Status => Status::parse_typed(input).map(Value::Status),
        Kind::Count | Kind::Number | Kind::Money | Kind::Percent => {
            let cleaned: String = input
                .trim_start_matches('£')
                .trim_end_matches('%')
                .chars()
                .filter(|c| *c != ',')
                .collect();
            cleaned
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|n| n.is_finite())
                .map(Value::Number)
        }
        Kind::Date => Some(Value::Date(parse_date(input)?)),
        Kind::Choice(options) => Some(Value::Choice(
            options
                .iter()
                .find(|o| o.label.eq_ignore_ascii_case(input))
                .map_or(input, |o| o.id.as_str())
                .to_string(),
        )),
        Kind::Text => Some(Value::Text(crate::text::sanitize(input).into_owned())),
    };
    let value = value.ok_or_else(unfit)?;
    check_value(kind, &value).map_err(|_| unfit())?;
    // Money is kept to the penny: a fraction of a penny is a slip, not a figure to round.
    if *kind == Kind::Money
        && value.number().is_some_and(|n| {
            let pence = n * 100.0;
            (pence - pence.round()).abs() > 1e-6
        })
    {
        return Err(unfit());
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_stored_value_reads_as_a_reader_sees_it_or_as_stored() {
        assert_eq!(super::Kind::Status.display_stored("partial"), "Partly");
        assert_eq!(
            super::Kind::Date.display_stored("2012-10-31"),
            "31 October 2012"
        );
        assert_eq!(super::Kind::Status.display_stored("maybe"), "maybe");
    }

    use super::*;

    #[test]
    fn typed_entry_is_checked_against_the_kind() {
        assert_eq!(
            parse_value(&Kind::Count, "1,049"),
            Ok(Value::Number(1049.0))
        );
        assert_eq!(parse_value(&Kind::Money, "£75"), Ok(Value::Number(75.0)));
        assert_eq!(parse_value(&Kind::Money, "£25.50"), Ok(Value::Number(25.5)));
        assert_eq!(parse_value(&Kind::Money, "0.29"), Ok(Value::Number(0.29)));
        assert_eq!(
            parse_value(&Kind::Money, "£25.505")
                .unwrap_err()
                .to_string(),
            "\"£25.505\" is not an amount in pounds and pence of zero or more"
        );
        let refused = parse_value(&Kind::Count, "4.5").unwrap_err();
        assert_eq!(
            refused.to_string(),
            "\"4.5\" is not a whole number of zero or more"
        );
        assert!(
            parse_value(&Kind::Percent, "120%")
                .unwrap_err()
                .allowed
                .contains("0 to 100")
        );
        assert!(parse_value(&Kind::Date, "2013-02-30").is_err());
        for outside in [
            "-002012-09-01",
            "-000001-03-31",
            "0000-01-01",
            "+010000-01-01",
        ] {
            assert!(parse_value(&Kind::Date, outside).is_err(), "{outside}");
        }
        assert_eq!(
            parse_value(&Kind::Date, "31/05/2012"),
            Ok(Value::Date(jiff::civil::date(2012, 5, 31)))
        );
        assert_eq!(
            parse_value(&Kind::Status, "Partial"),
            Ok(Value::Status(Status::Partial))
        );
        for (typed, status) in [
            ("y", Status::Yes),
            ("Partly", Status::Partial),
            ("p", Status::Partial),
            ("N", Status::No),
            ("a", Status::Na),
            ("n/a", Status::Na),
            ("not applicable", Status::Na),
        ] {
            assert_eq!(parse_value(&Kind::Status, typed), Ok(Value::Status(status)));
        }
        assert_eq!(
            parse_value(&Kind::Status, "maybe").unwrap_err().to_string(),
            "\"maybe\" is not one of \"yes\", \"partial\", \"no\" or \"na\""
        );
    }

    #[test]
    fn typed_dates_are_read_the_british_way_and_stored_as_iso() {
        let may_31 = jiff::civil::date(2012, 5, 31);
        for typed in [
            "31/05/2012",
            "31/5/2012",
            "31 May 2012",
            "31 may 2012",
            "31 MAY 2012",
            "2012-5-31",
            "2012-05-31",
            " 2012-05-31 ",
        ] {
            assert_eq!(parse_date(typed), Ok(may_31), "{typed}");
        }
        assert_eq!(parse_date("1/2/2013"), Ok(jiff::civil::date(2013, 2, 1)));
        for (impossible, why) in [
            (
                "30/02/2013",
                "February 2013 has 28 days, so there is no 30 February",
            ),
            (
                "29 Feb 2013",
                "February 2013 has 28 days, so there is no 29 February",
            ),
            (
                "2012-11-31",
                "November 2012 has 30 days, so there is no 31 November",
            ),
        ] {
            assert_eq!(
                parse_date(impossible).unwrap_err().to_string(),
                format!("\"{impossible}\" is not a date: {why}")
            );
        }
        assert_eq!(parse_date("29/02/2012"), Ok(jiff::civil::date(2012, 2, 29)));
        for refused in [
            "31/05/12",
            "05/31/2012",
            "-002012-09-01",
            "31st May 2012",
            "tomorrow",
            "",
        ] {
            let e = parse_date(refused).unwrap_err();
            assert_eq!(
                e.to_string(),
                format!(
                    "\"{}\" is not a date such as 31/03/2013, 31 March 2013 or 2013-03-31",
                    refused.trim()
                )
            );
        }
        assert_eq!(
            parse_value(&Kind::Date, "31 May 2012").map(|v| v.to_string()),
            Ok("2012-05-31".to_string())
        );
    }

    #[test]
    fn a_choice_is_typed_as_its_id_or_its_label() {
        let kind = Kind::Choice(vec![ChoiceOption {
            id: "none".into(),
            label: "No monitoring".into(),
            credit: None,
        }]);
        assert_eq!(parse_value(&kind, "none"), Ok(Value::Choice("none".into())));
        assert_eq!(
            parse_value(&kind, "no MONITORING"),
            Ok(Value::Choice("none".into()))
        );
        assert_eq!(
            parse_value(&kind, "some").unwrap_err().to_string(),
            "\"some\" is not one of \"none\""
        );
    }

    #[test]
    fn numbers_print_plainly() {
        assert_eq!(format_number(49.0), "49");
        assert_eq!(format_number(12.5), "12.5");
        assert_eq!(format_number(0.333333), "0.33");
        assert_eq!(format_grouped(3710.0), "3,710");
        assert_eq!(format_grouped(1900.0), "1,900");
        assert_eq!(format_grouped(999.0), "999");
        assert_eq!(format_grouped(-1234567.25), "-1,234,567.25");
        assert_eq!(format_grouped(0.5), "0.5");
        assert_eq!(Kind::Count.display(&Value::Number(3710.0)), "3,710");
        assert_eq!(Kind::Money.display(&Value::Number(25000.5)), "£25,000.50");
        assert_eq!(Kind::Percent.display(&Value::Number(12.5)), "12.5%");
        // Stored as the plain figure, and read back from the grouped one.
        assert_eq!(Value::Number(3710.0).to_string(), "3710");
        assert_eq!(
            parse_value(&Kind::Count, "3,710"),
            Ok(Value::Number(3710.0))
        );
    }

    #[test]
    fn values_read_in_words() {
        assert_eq!(
            Kind::Status.display(&Value::Status(Status::Partial)),
            "Partly"
        );
        assert_eq!(Kind::Money.display(&Value::Number(75.0)), "£75");
        assert_eq!(Kind::Money.display(&Value::Number(25.5)), "£25.50");
        assert_eq!(Kind::Money.display(&Value::Number(0.05)), "£0.05");
        assert_eq!(Kind::Percent.display(&Value::Number(12.5)), "12.5%");
    }
}
