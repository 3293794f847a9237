//! The checklist: areas of questions, compound gap rules and the recommendations they cite.
//!
//! A [`Checklist`] is only ever built by [`load`], which validates everything the scorer relies
//! on (unique ids, known references, compatible comparisons, no cycles), so the rest of the
//! program can index it without checks.

mod catalog;
mod file;
pub use file::ChecklistFile;
mod grading;
pub mod index;
pub use grading::{Freshness, Grade, Grading, Headline, Route, Theme};
mod load;
mod lookup;
mod wording;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

pub use catalog::{Catalog, ChecklistSource, Header, Origin, ResolveError, names_a_file};
pub(crate) use load::closest;
pub use load::{load, load_str};
pub use lookup::LookupError;

use crate::answer::Kind;
use crate::condition::Condition;

/// A validated checklist definition.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Checklist {
    pub id: String,
    pub title: String,
    pub version: String,
    /// Where the content comes from, printed on every report.
    pub provenance: String,
    pub description: String,
    /// How a report names the checklist in a sentence.
    pub described_as: String,
    /// The checklist this one succeeds, when answers are carried across versions.
    pub supersedes: Option<String>,
    /// The first period it applies to: only from then is it offered in place of the one it
    /// supersedes.
    #[serde(default)]
    pub applies_from: Option<String>,
    pub recommendations: Vec<Recommendation>,
    pub areas: Vec<Area>,
    pub rules: Vec<Rule>,
    /// Items of earlier versions that this version no longer asks.
    pub retired: Vec<Retired>,
    /// Which items hold the facts about the assessment itself.
    pub context: Context,
    /// The prose report's questions; empty when the checklist does not define them.
    pub narrative: Vec<Section>,
    /// Key rates, each one count as a share of another.
    pub rates: Vec<Rate>,
    /// What the checklist can do without but its reports are poorer for, each with its place
    /// in the file; `probity check` shows them. Only a checklist without any is indexed.
    #[serde(skip)]
    pub warnings: Vec<crate::diagnostic::Problem>,
    /// How areas are graded on the five-tier scale, when the checklist defines it.
    pub grading: Option<Grading>,
    /// SHA-256 (hex) of the checklist's text with its line endings made `\n`: it tells one
    /// version of a checklist from another, even when its `version` was not changed.
    pub fingerprint: String,
    /// Where each item is, by id; made again from the areas when read from the index.
    #[serde(skip)]
    index: HashMap<String, (usize, usize)>,
    /// Where each area is, by id; made again from the areas when read from the index.
    #[serde(skip)]
    area_index: HashMap<String, usize>,
    /// Where each rule is, by id.
    #[serde(skip)]
    rule_index: HashMap<String, usize>,
    /// Every item (area, item), each after the items its ask-condition names.
    ask_order: Vec<(usize, usize)>,
}

/// Which items hold the facts about the assessment itself, by their role.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Context {
    pub force: Option<String>,
    pub assessor: Option<String>,
    pub completed: Option<String>,
    pub period_start: Option<String>,
    pub period_end: Option<String>,
    pub previous: Option<String>,
}

/// A rate: the count `part` as a share of the count `whole`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Rate {
    pub label: String,
    pub part: String,
    pub whole: String,
}

/// One question of the prose report.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Section {
    pub question: String,
    /// Areas whose findings it lists; empty for the last, which takes the rest.
    pub areas: Vec<String>,
    /// Paragraphs of item ids, whose sentences make up each paragraph.
    pub paragraphs: Vec<Vec<String>>,
}

/// What the prose report says of an item, by its answer (see [`ChecklistFile`]).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Say {
    pub yes: Option<String>,
    pub partial: Option<String>,
    pub no: Option<String>,
    pub zero: Option<String>,
    pub one: Option<String>,
    pub many: Option<String>,
    pub value: Option<String>,
    /// For a count that is part of another: the other count's item.
    pub of: Option<String>,
    pub exceeds: Option<String>,
    /// For a count that is part of another: said when the part is the whole.
    pub all: Option<String>,
    /// For choice items: a sentence per option id.
    pub options: Vec<(String, String)>,
}

/// The label an inspectorate gives a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Label {
    CauseOfConcern,
    AreaForImprovement,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Recommendation {
    pub id: String,
    pub title: String,
    pub text: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Area {
    pub id: String,
    pub title: String,
    /// The question this area answers in a report.
    pub question: String,
    pub items: Vec<Item>,
}

impl Area {
    /// True when the area asks scored questions, so a checklist with grading judges it.
    pub fn is_graded(&self) -> bool {
        self.items.iter().any(|i| i.kind.is_scored())
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Item {
    pub id: String,
    pub prompt: String,
    /// What good looks like and the evidence to hold.
    pub guidance: String,
    /// How to record the answer, for whoever answers; never printed in a report.
    #[serde(default)]
    pub recording: Option<String>,
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
    /// A short label naming the control, for traces and tables.
    pub short: Option<String>,
    /// The gap, stated as a fact, when the item is not met.
    pub gap: Option<String>,
    /// The gap when the item is partly met.
    pub partial_gap: Option<String>,
    /// The recommended action.
    pub action: Option<String>,
    /// The label a finding on this item carries.
    pub label: Option<Label>,
    /// What the prose report says of it.
    pub say: Say,
    /// When "na" (not applicable) may be answered.
    #[serde(default)]
    pub na: Na,
    /// A duty the law places on the force: failing it makes a graded area inadequate.
    #[serde(default)]
    pub statutory: bool,
    /// The register whose cross-check against suppliers answers this item, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub crosscheck: Option<Register>,
    /// An answer that holds only for a time is not carried to a period more than this many
    /// months after the one answered.
    #[serde(default)]
    pub carry_within_months: Option<u32>,
    /// How a figure's definition changed from the items it replaces, which makes their
    /// figures not comparable with its own.
    #[serde(default)]
    pub definition_changed: Option<String>,
}

/// A register the cross-check matches against suppliers (`probity crosscheck`); an item
/// answered by its cross-check names it.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Register {
    /// The gifts and hospitality register.
    Gifts,
    /// The business-interest register.
    Interests,
}

/// When a status item may be answered "na" (not applicable).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub enum Na {
    /// Whenever the assessor judges it so.
    #[default]
    Allowed,
    /// Never: the control applies to every force.
    Never,
    /// Only while this holds, for example while the count the control depends on is 0.
    When(Condition),
}

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Low,
    Medium,
    High,
}

/// A gap that takes several answers together.
#[derive(Debug, Clone, Serialize, Deserialize)]
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
    /// The label its finding carries.
    pub label: Option<Label>,
    /// On its own, makes its area's judgement inadequate.
    pub critical: bool,
    /// The item answers this rule's firing contradicts.
    pub contradicts: Option<Contradicts>,
}

impl Rule {
    /// The item whose area the rule's finding belongs to: its anchor, or else the first item
    /// its condition reads.
    pub fn home(&self) -> Option<&str> {
        self.anchor
            .as_deref()
            .or_else(|| self.when.items().first().copied())
    }
}

/// An item's answers that a rule, when it fires, shows to be wrong.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Contradicts {
    pub item: String,
    /// Stored answers: `yes`, `partial`, `no` or an option id.
    pub answers: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Retired {
    pub id: String,
    pub reason: String,
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

impl Item {
    /// Whether "na" may be answered to this item, given the other answers.
    pub fn allows_na<'a, F: Fn(&str) -> Option<&'a crate::answer::Value>>(
        &self,
        answers: &crate::condition::Answers<F>,
    ) -> bool {
        match &self.na {
            Na::Allowed => true,
            Na::Never => false,
            Na::When(c) => c.holds(answers),
        }
    }

    /// The item as a reader names it: its short label, or its question when it has none.
    /// The guidance for whoever answers: what good looks like, then how to record the answer.
    pub fn guidance_for_answering(&self) -> String {
        match &self.recording {
            Some(r) if self.guidance.is_empty() => r.clone(),
            Some(r) => format!("{} {r}", self.guidance),
            None => self.guidance.clone(),
        }
    }

    pub fn short_label(&self) -> &str {
        self.short.as_deref().unwrap_or(&self.prompt)
    }
}

impl Checklist {
    /// Where each area, item and rule is, by id, made from the areas and rules.
    fn locate(&mut self) {
        self.rule_index = self
            .rules
            .iter()
            .enumerate()
            .map(|(n, rule)| (rule.id.clone(), n))
            .collect();
        self.area_index = self
            .areas
            .iter()
            .enumerate()
            .map(|(n, area)| (area.id.clone(), n))
            .collect();
        self.index = self
            .areas
            .iter()
            .enumerate()
            .flat_map(|(a, area)| {
                area.items
                    .iter()
                    .enumerate()
                    .map(move |(i, item)| (item.id.clone(), (a, i)))
            })
            .collect();
    }

    pub fn area(&self, id: &str) -> Option<&Area> {
        self.area_index.get(id).map(|&n| &self.areas[n])
    }

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

    /// The rule that, having fired as `finding`, contradicts the stored answer `value` of
    /// `item`, if one does: the answer's sentence is then not to be said.
    pub fn contradicting(&self, finding: &str, item: &str, value: &str) -> Option<&Rule> {
        self.rule(finding).filter(|r| {
            r.contradicts
                .as_ref()
                .is_some_and(|c| c.item == item && c.answers.iter().any(|a| a == value))
        })
    }

    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rule_index.get(id).map(|&n| &self.rules[n])
    }

    pub fn recommendation(&self, id: &str) -> Option<&Recommendation> {
        self.recommendations.iter().find(|r| r.id == id)
    }

    pub fn item_count(&self) -> usize {
        self.index.len()
    }

    /// Every item, each after the items its ask-condition names: the order in which whether
    /// each is asked can be settled in one pass.
    pub fn in_ask_order(&self) -> impl Iterator<Item = &Item> {
        self.ask_order.iter().map(|&(a, i)| &self.areas[a].items[i])
    }
}
