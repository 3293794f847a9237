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

/// What kind of answer an item takes.
#[derive(Debug, Clone, PartialEq)]
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

#[derive(Debug, Clone, PartialEq)]
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

    /// Describes the answers this kind accepts, for error messages and help.
    pub fn allowed(&self) -> String {
        match self {
            Kind::Status => "one of \"yes\", \"partial\", \"no\" or \"na\"".into(),
            Kind::Count => "a whole number of zero or more".into(),
            Kind::Number => "a number".into(),
            Kind::Money => "an amount in pounds of zero or more".into(),
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

    /// A value in words, as a reader should see it: option labels for choices, pounds for
    /// money, a % for percentages, "Partly" for partial.
    pub fn display(&self, value: &Value) -> String {
        match (self, value) {
            (Kind::Choice(_), Value::Choice(c)) => {
                self.option(c).map_or(c.clone(), |o| o.label.clone())
            }
            (Kind::Money, Value::Number(n)) => format!("£{}", format_number(*n)),
            (Kind::Percent, Value::Number(n)) => format!("{}%", format_number(*n)),
            (_, Value::Date(d)) => d.strftime("%-d %B %Y").to_string(),
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

/// Checks a value against an item kind.
pub fn check_value(kind: &Kind, value: &Value) -> Result<(), Unfit> {
    let ok = match (kind, value) {
        (Kind::Status, Value::Status(_)) => true,
        (Kind::Count, Value::Number(n)) => n.fract() == 0.0 && *n >= 0.0,
        (Kind::Number, Value::Number(n)) => n.is_finite(),
        (Kind::Money, Value::Number(n)) => n.is_finite() && *n >= 0.0,
        (Kind::Percent, Value::Number(n)) => (0.0..=100.0).contains(n),
        (Kind::Date, Value::Date(_)) => true,
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

/// Reads a value typed by a user (in the interface or on the command line) for an item kind.
pub fn parse_value(kind: &Kind, input: &str) -> Result<Value, Unfit> {
    let input = input.trim();
    let unfit = || Unfit {
        input: input.to_string(),
        allowed: kind.allowed(),
    };
    let value = match kind {
        Kind::Status => Status::parse(&input.to_lowercase()).map(Value::Status),
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
        Kind::Date => input.parse::<Date>().ok().map(Value::Date),
        Kind::Choice(_) => Some(Value::Choice(input.to_string())),
        Kind::Text => Some(Value::Text(crate::text::sanitize(input).into_owned())),
    };
    let value = value.ok_or_else(unfit)?;
    check_value(kind, &value).map_err(|_| unfit())?;
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_entry_is_checked_against_the_kind() {
        assert_eq!(
            parse_value(&Kind::Count, "1,049"),
            Ok(Value::Number(1049.0))
        );
        assert_eq!(parse_value(&Kind::Money, "£75"), Ok(Value::Number(75.0)));
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
        assert_eq!(
            parse_value(&Kind::Status, "Partial"),
            Ok(Value::Status(Status::Partial))
        );
    }

    #[test]
    fn numbers_print_plainly() {
        assert_eq!(format_number(49.0), "49");
        assert_eq!(format_number(12.5), "12.5");
        assert_eq!(format_number(0.333333), "0.33");
    }

    #[test]
    fn values_read_in_words() {
        assert_eq!(
            Kind::Status.display(&Value::Status(Status::Partial)),
            "Partly"
        );
        assert_eq!(Kind::Money.display(&Value::Number(75.0)), "£75");
        assert_eq!(Kind::Percent.display(&Value::Number(12.5)), "12.5%");
    }
}
