//! Conditions over answers: when an item is asked, and when a compound rule fires.
//!
//! Conditions are written in the checklist as small TOML tables (see docs/src/reference/checklist-format.md) and checked
//! when the checklist loads, so evaluation here cannot fail: an answer that is missing simply
//! makes a test false.

use std::fmt;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::answer::Value;

/// The answers a condition reads, and the date they are as at, which age tests measure from.
pub struct Answers<F> {
    pub value: F,
    pub as_at: Date,
}

impl<'a, F: Fn(&str) -> Option<&'a Value>> Answers<F> {
    pub fn new(value: F, as_at: Date) -> Self {
        Answers { value, as_at }
    }

    fn get(&self, item: &str) -> Option<&'a Value> {
        (self.value)(item)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Condition {
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
    /// A test of one item's answer.
    Item {
        item: String,
        test: Test,
    },
    /// A comparison of one numeric answer divided by another.
    Ratio {
        numerator: String,
        denominator: String,
        compare: Compare,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Test {
    /// Whether the item has an answer at all.
    Answered(bool),
    /// A status or choice answer is one of these.
    In(Vec<String>),
    /// A numeric answer compares to a threshold.
    Compare(Compare),
    /// A date answer is more than this many months before the date the answers are as at.
    OlderThanMonths(u32),
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Compare {
    pub op: Op,
    pub value: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Op {
    Gt,
    Ge,
    Lt,
    Le,
    Eq,
    Ne,
}

/// One test that took part in a decision, with the answer it saw.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Step {
    pub item: String,
    /// The answer as written in the assessment, or `None` when unanswered.
    pub value: Option<String>,
    /// The test, in words, e.g. `is "no" or "partial"`.
    pub test: String,
    pub holds: bool,
}

impl Compare {
    pub fn holds(self, x: f64) -> bool {
        match self.op {
            Op::Gt => x > self.value,
            Op::Ge => x >= self.value,
            Op::Lt => x < self.value,
            Op::Le => x <= self.value,
            Op::Eq => x == self.value,
            Op::Ne => x != self.value,
        }
    }
}

impl fmt::Display for Compare {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let op = match self.op {
            Op::Gt => "is more than",
            Op::Ge => "is at least",
            Op::Lt => "is less than",
            Op::Le => "is at most",
            Op::Eq => "equals",
            Op::Ne => "is not",
        };
        write!(f, "{op} {}", self.value)
    }
}

impl fmt::Display for Test {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Test::Answered(true) => write!(f, "is answered"),
            Test::Answered(false) => write!(f, "is unanswered"),
            Test::In(values) => {
                let quoted: Vec<String> = values.iter().map(|v| format!("\"{v}\"")).collect();
                write!(f, "is {}", quoted.join(" or "))
            }
            Test::Compare(c) => write!(f, "{c}"),
            Test::OlderThanMonths(m) => write!(f, "is more than {m} months before the as-at date"),
        }
    }
}

/// True when `date` is more than `months` calendar months before `as_at` (29 February less a
/// year is 28 February).
pub fn older_than(date: Date, months: u32, as_at: Date) -> bool {
    as_at
        .checked_sub(jiff::Span::new().months(i64::from(months)))
        .is_ok_and(|limit| date < limit)
}

impl Test {
    fn holds(&self, value: Option<&Value>, as_at: Date) -> bool {
        match (self, value) {
            (Test::Answered(want), v) => v.is_some() == *want,
            (Test::In(options), Some(v)) => v
                .choice_key()
                .is_some_and(|k| options.iter().any(|o| o == k)),
            (Test::Compare(c), Some(v)) => v.number().is_some_and(|x| c.holds(x)),
            (Test::OlderThanMonths(m), Some(Value::Date(d))) => older_than(*d, *m, as_at),
            (_, _) => false,
        }
    }

    /// The test in words, with the date an age test measures from.
    fn describe(&self, as_at: Date) -> String {
        match self {
            Test::OlderThanMonths(m) => format!("is more than {m} months before {as_at}"),
            other => other.to_string(),
        }
    }
}

impl Condition {
    /// Whether the condition holds over the answers.
    pub fn holds<'a, F: Fn(&str) -> Option<&'a Value>>(&self, answers: &Answers<F>) -> bool {
        match self {
            Condition::All(cs) => cs.iter().all(|c| c.holds(answers)),
            Condition::Any(cs) => cs.iter().any(|c| c.holds(answers)),
            Condition::Not(c) => !c.holds(answers),
            Condition::Item { item, test } => test.holds(answers.get(item), answers.as_at),
            Condition::Ratio {
                numerator,
                denominator,
                compare,
            } => ratio(answers.get(numerator), answers.get(denominator))
                .is_some_and(|r| compare.holds(r)),
        }
    }

    /// Whether the condition holds, or `None` when that depends on answers not yet given: a
    /// test of an unanswered item is unknown, and `all`, `any` and `not` combine unknowns as
    /// the answers still to come could. Used to tell "not flagged" from "cannot be judged".
    pub fn decided<'a, F: Fn(&str) -> Option<&'a Value>>(
        &self,
        answers: &Answers<F>,
    ) -> Option<bool> {
        match self {
            Condition::All(cs) => cs
                .iter()
                .try_fold(Some(true), |acc, c| match c.decided(answers) {
                    Some(false) => Err(()),
                    Some(true) => Ok(acc),
                    None => Ok(None),
                })
                .unwrap_or(Some(false)),
            Condition::Any(cs) => cs
                .iter()
                .try_fold(Some(false), |acc, c| match c.decided(answers) {
                    Some(true) => Err(()),
                    Some(false) => Ok(acc),
                    None => Ok(None),
                })
                .unwrap_or(Some(true)),
            Condition::Not(c) => c.decided(answers).map(|b| !b),
            Condition::Item {
                test: Test::Answered(want),
                item,
            } => Some(answers.get(item).is_some() == *want),
            Condition::Item { item, test } => answers
                .get(item)
                .map(|v| test.holds(Some(v), answers.as_at)),
            Condition::Ratio {
                numerator,
                denominator,
                compare,
            } => {
                let (n, d) = (answers.get(numerator)?, answers.get(denominator)?);
                Some(ratio(Some(n), Some(d)).is_some_and(|r| compare.holds(r)))
            }
        }
    }

    /// Every test in the condition with the answer it saw: the "why" of a finding.
    pub fn trace<'a, F: Fn(&str) -> Option<&'a Value>>(&self, answers: &Answers<F>) -> Vec<Step> {
        let mut steps = Vec::new();
        self.collect_steps(answers, &mut steps);
        steps
    }

    fn collect_steps<'a, F: Fn(&str) -> Option<&'a Value>>(
        &self,
        answers: &Answers<F>,
        out: &mut Vec<Step>,
    ) {
        match self {
            Condition::All(cs) | Condition::Any(cs) => {
                cs.iter().for_each(|c| c.collect_steps(answers, out))
            }
            Condition::Not(c) => {
                let start = out.len();
                c.collect_steps(answers, out);
                for step in &mut out[start..] {
                    step.test = format!("not: {}", step.test);
                    step.holds = !step.holds;
                }
            }
            Condition::Item { item, test } => {
                let value = answers.get(item);
                out.push(Step {
                    item: item.clone(),
                    value: value.map(Value::to_string),
                    test: test.describe(answers.as_at),
                    holds: test.holds(value, answers.as_at),
                });
            }
            Condition::Ratio {
                numerator,
                denominator,
                compare,
            } => {
                let (n, d) = (answers.get(numerator), answers.get(denominator));
                let r = ratio(n, d);
                // Worded without ids: the interface and reports show these steps to readers.
                let test = format!("{compare} times the next answer");
                out.push(Step {
                    item: numerator.clone(),
                    value: n.map(Value::to_string),
                    test: match r {
                        Some(r) => format!("{test} (ratio {r:.2})"),
                        None => format!("{test} (no ratio: an answer is missing or zero)"),
                    },
                    holds: r.is_some_and(|r| compare.holds(r)),
                });
                out.push(Step {
                    item: denominator.clone(),
                    value: d.map(Value::to_string),
                    test: "divides the answer before it".into(),
                    holds: r.is_some(),
                });
            }
        }
    }

    /// True when any test in the condition is an age test, whose result moves with the date.
    pub fn tests_age(&self) -> bool {
        match self {
            Condition::All(cs) | Condition::Any(cs) => cs.iter().any(Condition::tests_age),
            Condition::Not(c) => c.tests_age(),
            Condition::Item { test, .. } => matches!(test, Test::OlderThanMonths(_)),
            Condition::Ratio { .. } => false,
        }
    }

    /// The item ids the condition reads, in order of first mention.
    pub fn items(&self) -> Vec<&str> {
        let mut ids = Vec::new();
        self.collect_items(&mut ids, &mut std::collections::HashSet::new());
        ids
    }

    fn collect_items<'a>(
        &'a self,
        out: &mut Vec<&'a str>,
        seen: &mut std::collections::HashSet<&'a str>,
    ) {
        let mut push = |id: &'a str| {
            if seen.insert(id) {
                out.push(id);
            }
        };
        match self {
            Condition::All(cs) | Condition::Any(cs) => {
                cs.iter().for_each(|c| c.collect_items(out, seen))
            }
            Condition::Not(c) => c.collect_items(out, seen),
            Condition::Item { item, .. } => push(item),
            Condition::Ratio {
                numerator,
                denominator,
                ..
            } => {
                push(numerator);
                push(denominator);
            }
        }
    }
}

impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let join = |f: &mut fmt::Formatter<'_>, cs: &[Condition], word: &str| {
            for (i, c) in cs.iter().enumerate() {
                if i > 0 {
                    write!(f, " {word} ")?;
                }
                if matches!(c, Condition::All(_) | Condition::Any(_)) {
                    write!(f, "({c})")?;
                } else {
                    write!(f, "{c}")?;
                }
            }
            Ok(())
        };
        match self {
            Condition::All(cs) => join(f, cs, "and"),
            Condition::Any(cs) => join(f, cs, "or"),
            Condition::Not(c) => write!(f, "not ({c})"),
            Condition::Item { item, test } => write!(f, "{item} {test}"),
            Condition::Ratio {
                numerator,
                denominator,
                compare,
            } => {
                write!(f, "{numerator} ÷ {denominator} {compare}")
            }
        }
    }
}

fn ratio(n: Option<&Value>, d: Option<&Value>) -> Option<f64> {
    let (n, d) = (n?.number()?, d?.number()?);
    (d != 0.0).then(|| n / d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::Status;
    use jiff::civil::date;
    use std::collections::HashMap;

    const AS_AT: Date = date(2026, 3, 31);

    fn answers() -> HashMap<&'static str, Value> {
        HashMap::from([
            ("gifts.register.exists", Value::Status(Status::Yes)),
            ("procurement.gifts_crossref", Value::Status(Status::No)),
            ("business.applications", Value::Number(49.0)),
            ("business.approved", Value::Number(47.0)),
        ])
    }

    fn item(id: &str, test: Test) -> Condition {
        Condition::Item {
            item: id.into(),
            test,
        }
    }

    #[test]
    fn all_any_not_combine() {
        let a = answers();
        let look = Answers::new(|id: &str| a.get(id), AS_AT);
        let gifts_gap = Condition::All(vec![
            item("gifts.register.exists", Test::In(vec!["yes".into()])),
            item(
                "procurement.gifts_crossref",
                Test::In(vec!["no".into(), "partial".into()]),
            ),
        ]);
        assert!(gifts_gap.holds(&look));
        assert!(!Condition::Not(Box::new(gifts_gap.clone())).holds(&look));
        assert!(
            Condition::Any(vec![item("missing", Test::Answered(true)), gifts_gap]).holds(&look)
        );
        assert!(item("missing", Test::Answered(false)).holds(&look));
    }

    #[test]
    fn unanswered_items_leave_a_condition_undecided_only_when_they_could_change_it() {
        let a = answers();
        let look = Answers::new(|id: &str| a.get(id), AS_AT);
        let yes = |id: &str| item(id, Test::In(vec!["yes".into()]));
        // All: a known false decides it; a missing part leaves it open.
        assert_eq!(
            Condition::All(vec![yes("procurement.gifts_crossref"), yes("missing")]).decided(&look),
            Some(false)
        );
        assert_eq!(
            Condition::All(vec![yes("gifts.register.exists"), yes("missing")]).decided(&look),
            None
        );
        // Any: a known true decides it.
        assert_eq!(
            Condition::Any(vec![yes("gifts.register.exists"), yes("missing")]).decided(&look),
            Some(true)
        );
        assert_eq!(
            Condition::Any(vec![yes("procurement.gifts_crossref"), yes("missing")]).decided(&look),
            None
        );
        assert_eq!(
            item("missing", Test::Answered(false)).decided(&look),
            Some(true)
        );
        assert_eq!(
            Condition::Not(Box::new(yes("missing"))).decided(&look),
            None
        );
    }

    #[test]
    fn ratio_compares_and_survives_zero() {
        let mut a = answers();
        let over = Condition::Ratio {
            numerator: "business.approved".into(),
            denominator: "business.applications".into(),
            compare: Compare {
                op: Op::Gt,
                value: 1.0,
            },
        };
        assert!(!over.holds(&Answers::new(|id: &str| a.get(id), AS_AT)));
        a.insert("business.applications", Value::Number(0.0));
        assert!(!over.holds(&Answers::new(|id: &str| a.get(id), AS_AT)));
        a.insert("business.applications", Value::Number(40.0));
        assert!(over.holds(&Answers::new(|id: &str| a.get(id), AS_AT)));
        let steps = over.trace(&Answers::new(|id: &str| a.get(id), AS_AT));
        assert_eq!(steps.len(), 2);
        assert!(steps[0].test.contains("ratio 1.18"), "{}", steps[0].test);
        // Read after "This counts when it …" in the interface.
        assert!(
            steps[0]
                .test
                .starts_with("is more than 1 times the next answer"),
            "{}",
            steps[0].test
        );
        for step in &steps {
            assert!(!step.test.contains("business."), "no id in {}", step.test);
        }
    }

    #[test]
    fn trace_records_each_answer_seen() {
        let a = answers();
        let c = Condition::All(vec![
            item("gifts.register.exists", Test::In(vec!["yes".into()])),
            Condition::Not(Box::new(item(
                "procurement.gifts_crossref",
                Test::In(vec!["yes".into()]),
            ))),
        ]);
        let steps = c.trace(&Answers::new(|id: &str| a.get(id), AS_AT));
        assert_eq!(steps[0].value.as_deref(), Some("yes"));
        assert!(steps[0].holds);
        assert_eq!(steps[1].value.as_deref(), Some("no"));
        assert!(steps[1].holds, "negated test holds");
        assert_eq!(
            c.items(),
            vec!["gifts.register.exists", "procurement.gifts_crossref"]
        );
        assert_eq!(
            c.to_string(),
            "gifts.register.exists is \"yes\" and not (procurement.gifts_crossref is \"yes\")"
        );
    }

    #[test]
    fn an_age_test_counts_calendar_months_back_from_the_as_at_date() {
        let old = |d: Date, as_at: Date| {
            let a = HashMap::from([("x", Value::Date(d))]);
            let c = item("x", Test::OlderThanMonths(12));
            let answers = Answers::new(|id: &str| a.get(id), as_at);
            (c.holds(&answers), c.decided(&answers), c.trace(&answers))
        };
        assert!(
            !old(date(2025, 3, 31), AS_AT).0,
            "exactly a year is not older"
        );
        assert!(old(date(2025, 3, 30), AS_AT).0);
        // A year before 29 February is 28 February.
        assert!(!old(date(2023, 2, 28), date(2024, 2, 29)).0);
        assert!(old(date(2023, 2, 27), date(2024, 2, 29)).0);
        let (_, decided, trace) = old(date(2024, 1, 1), AS_AT);
        assert_eq!(decided, Some(true));
        assert_eq!(trace[0].test, "is more than 12 months before 2026-03-31");
        let none: HashMap<&str, Value> = HashMap::new();
        let unanswered = Answers::new(|id: &str| none.get(id), AS_AT);
        let c = item("x", Test::OlderThanMonths(12));
        assert!(!c.holds(&unanswered));
        assert_eq!(c.decided(&unanswered), None);
    }
}
