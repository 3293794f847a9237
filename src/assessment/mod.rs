//! One force's answers for one period: the assessment, and its file.

mod file;

use std::collections::BTreeMap;
use std::fmt;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

pub use file::{
    AnswerDoc, AssessmentDoc, FORMAT, LoadError, Parsed, load, load_str, parse, save, to_toml,
};

use crate::checklist::{Checklist, Kind};

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

    pub fn name(self) -> &'static str {
        match self {
            Status::Yes => "yes",
            Status::Partial => "partial",
            Status::No => "no",
            Status::Na => "na",
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

/// Everything recorded against one item. Any field may be set before the item is answered.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Answer {
    pub value: Option<Value>,
    pub note: Option<String>,
    /// References to documents or records that support the answer.
    pub evidence: Vec<String>,
    pub owner: Option<String>,
    pub due: Option<Date>,
    /// Flagged by the assessor for a second look.
    pub review: bool,
    /// Carried from the previous period and not yet confirmed.
    pub carried: bool,
}

impl Answer {
    pub fn is_empty(&self) -> bool {
        *self == Answer::default()
    }
}

/// Whether the assessment is still being worked on or has been signed off.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    #[default]
    Draft,
    Final,
}

impl Stage {
    pub fn name(self) -> &'static str {
        match self {
            Stage::Draft => "draft",
            Stage::Final => "final",
        }
    }
}

/// An answer to an item the checklist does not have. It is kept exactly as read and written
/// back on every save, so nothing a user typed is lost when checklists change.
#[derive(Debug, Clone, PartialEq)]
pub struct Orphan {
    pub id: String,
    pub answer: AnswerDoc,
}

/// One force's assessment for one period against one checklist.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    pub checklist: String,
    pub force: String,
    pub period: String,
    pub assessor: Option<String>,
    pub stage: Stage,
    /// The period this assessment's answers were carried from, if any.
    pub carried_from: Option<String>,
    pub answers: BTreeMap<String, Answer>,
    pub orphans: Vec<Orphan>,
}

impl Assessment {
    pub fn new(checklist: &Checklist, force: &str, period: &str) -> Self {
        Assessment {
            checklist: checklist.id.clone(),
            force: force.to_string(),
            period: period.to_string(),
            assessor: None,
            stage: Stage::Draft,
            carried_from: None,
            answers: BTreeMap::new(),
            orphans: Vec::new(),
        }
    }

    pub fn answer(&self, item: &str) -> Option<&Answer> {
        self.answers.get(item)
    }

    pub fn value(&self, item: &str) -> Option<&Value> {
        self.answers.get(item).and_then(|a| a.value.as_ref())
    }

    /// The answer record for an item, created empty if need be.
    pub fn answer_mut(&mut self, item: &str) -> &mut Answer {
        self.answers.entry(item.to_string()).or_default()
    }

    /// Drops records that hold nothing, so a cleared answer leaves no trace in the file.
    pub fn prune(&mut self) {
        self.answers.retain(|_, a| !a.is_empty());
    }

    /// Answers carried from last period that nobody has confirmed yet.
    pub fn unconfirmed(&self) -> impl Iterator<Item = &str> {
        self.answers
            .iter()
            .filter(|(_, a)| a.carried)
            .map(|(id, _)| id.as_str())
    }

    /// Marks the assessment final. Refused while any carried answer is unconfirmed: an answer
    /// copied from last year has not been checked until someone confirms or changes it.
    pub fn finalise(&mut self) -> Result<(), Unconfirmed> {
        let items: Vec<String> = self.unconfirmed().map(str::to_string).collect();
        if !items.is_empty() {
            return Err(Unconfirmed { items });
        }
        self.stage = Stage::Final;
        Ok(())
    }
}

/// Why an assessment cannot be marked final yet.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{} carried from last period {} not been confirmed: {}",
    if items.len() == 1 { "1 answer".to_string() } else { format!("{} answers", items.len()) },
    if items.len() == 1 { "has" } else { "have" },
    items.join(", ")
)]
pub struct Unconfirmed {
    /// The items still to confirm, in id order.
    pub items: Vec<String>,
}

/// Checks a value against an item kind, returning what is allowed when it does not fit.
pub fn check_value(kind: &Kind, value: &Value) -> Result<(), String> {
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
    if ok { Ok(()) } else { Err(kind.allowed()) }
}

/// Reads a value typed by a user (in the interface or on the command line) for an item kind.
pub fn parse_value(kind: &Kind, input: &str) -> Result<Value, String> {
    let input = input.trim();
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
    let value = value.ok_or_else(|| format!("\"{input}\" is not {}", kind.allowed()))?;
    check_value(kind, &value).map_err(|allowed| format!("\"{input}\" is not {allowed}"))?;
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
        assert!(
            parse_value(&Kind::Count, "4.5")
                .unwrap_err()
                .contains("whole number")
        );
        assert!(
            parse_value(&Kind::Percent, "120%")
                .unwrap_err()
                .contains("0 to 100")
        );
        assert!(parse_value(&Kind::Date, "2013-02-30").is_err());
        assert_eq!(
            parse_value(&Kind::Status, "Partial"),
            Ok(Value::Status(Status::Partial))
        );
    }

    #[test]
    fn finalising_waits_for_every_carried_answer() {
        let mut a = Assessment {
            checklist: "c".into(),
            force: "F".into(),
            period: "2013".into(),
            assessor: None,
            stage: Stage::Draft,
            carried_from: Some("2012".into()),
            answers: BTreeMap::new(),
            orphans: Vec::new(),
        };
        a.answer_mut("x").carried = true;
        a.answer_mut("y").value = Some(Value::Status(Status::Yes));
        let refused = a.finalise().unwrap_err();
        assert_eq!(refused.items, ["x"]);
        assert_eq!(
            refused.to_string(),
            "1 answer carried from last period has not been confirmed: x"
        );
        assert_eq!(a.stage, Stage::Draft);
        a.answer_mut("x").carried = false;
        assert_eq!(a.finalise(), Ok(()));
        assert_eq!(a.stage, Stage::Final);
    }

    #[test]
    fn numbers_print_plainly() {
        assert_eq!(format_number(49.0), "49");
        assert_eq!(format_number(12.5), "12.5");
        assert_eq!(format_number(0.333333), "0.33");
    }
}
