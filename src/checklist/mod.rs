//! The checklist: areas of questions, compound gap rules and the recommendations they cite.
//!
//! A [`Checklist`] is only ever built by [`load`], which validates everything the scorer relies
//! on (unique ids, known references, compatible comparisons, no cycles), so the rest of the
//! program can index it without checks.

mod catalog;
mod file;
pub use file::ChecklistFile;
mod load;

use std::collections::HashMap;

use serde::Serialize;

pub use catalog::{Catalog, ChecklistSource, Origin, ResolveError};
pub use load::{load, load_str};

use crate::condition::Condition;

/// A validated checklist definition.
#[derive(Debug, Clone)]
pub struct Checklist {
    pub id: String,
    pub title: String,
    pub version: String,
    /// Where the content comes from, printed on every report.
    pub provenance: String,
    pub description: String,
    /// The checklist this one succeeds, when answers are carried across versions.
    pub supersedes: Option<String>,
    pub recommendations: Vec<Recommendation>,
    pub areas: Vec<Area>,
    pub rules: Vec<Rule>,
    /// Items of earlier versions that this version no longer asks.
    pub retired: Vec<Retired>,
    index: HashMap<String, (usize, usize)>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Recommendation {
    pub id: String,
    pub title: String,
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct Area {
    pub id: String,
    pub title: String,
    /// The question this area answers in a report.
    pub question: String,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone)]
pub struct Item {
    pub id: String,
    pub prompt: String,
    /// What good looks like and the evidence to hold.
    pub guidance: String,
    /// What the item rests on.
    pub basis: String,
    pub kind: Kind,
    /// Severity of the finding when the item is not met.
    pub severity: Severity,
    pub weight: f64,
    /// Asked only when this holds; otherwise neither scored nor flagged.
    pub ask_if: Option<Condition>,
    pub recommendations: Vec<String>,
    /// Ids of items in earlier checklist versions whose answers this item takes over.
    pub replaces: Vec<String>,
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

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Low,
    Medium,
    High,
}

/// A gap that takes several answers together.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub severity: Severity,
    pub title: String,
    pub explanation: String,
    /// The recommended action.
    pub action: String,
    pub when: Condition,
    /// The item whose answer holds the owner and due date of the action.
    pub anchor: Option<String>,
    /// Items whose own findings this rule's finding replaces when it fires.
    pub covers: Vec<String>,
    pub recommendations: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Retired {
    pub id: String,
    pub reason: String,
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
}

impl Severity {
    /// One step lower, for partly met items; low stays low.
    pub fn lower(self) -> Severity {
        match self {
            Severity::High => Severity::Medium,
            _ => Severity::Low,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Severity::High => "high",
            Severity::Medium => "medium",
            Severity::Low => "low",
        }
    }
}

impl Checklist {
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.index.get(id).map(|&(a, i)| &self.areas[a].items[i])
    }

    /// The area an item belongs to.
    pub fn area_of(&self, item_id: &str) -> Option<&Area> {
        self.index.get(item_id).map(|&(a, _)| &self.areas[a])
    }

    /// Every item, in checklist order.
    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.areas.iter().flat_map(|a| a.items.iter())
    }

    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    pub fn recommendation(&self, id: &str) -> Option<&Recommendation> {
        self.recommendations.iter().find(|r| r.id == id)
    }

    pub fn item_count(&self) -> usize {
        self.index.len()
    }
}
