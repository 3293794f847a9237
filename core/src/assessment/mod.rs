//! One force's answers for one period: the assessment, and its file.

mod file;
mod incoming;
mod judgements;
pub mod limits;
pub mod sign_off;

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

pub use file::{
    AnswerDoc, AssessmentDoc, FORMAT, Head, LoadError, Parsed, SignatureDoc, Unwritable,
    check_writable, fingerprint, head, is_hash, load, load_str, looks_like_assessment, parse,
    read_fingerprinted, save, to_toml,
};
pub use incoming::{Incoming, IncomingDoc, in_one_line};
pub use judgements::JudgementDoc;

use crate::answer::Value;
use crate::checklist::{Checklist, Grade};

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
    /// How far the answer has been checked: asserted (the default), evidenced or verified.
    pub assurance: Assurance,
    /// A different answer received in a return, kept beside this one until it is resolved.
    pub incoming: Option<Incoming>,
}

/// How much stands behind an answer. Absent from the file means asserted.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Assurance {
    /// Given from knowledge or memory; nothing has been checked.
    #[default]
    Asserted,
    /// Backed by a document or record the assessor has seen.
    Evidenced,
    /// Tested by someone independent, who is named, on a date.
    Verified { by: String, on: Date },
}

/// The three levels of [`Assurance`] as the file names them.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Asserted,
    Evidenced,
    Verified,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Asserted, Level::Evidenced, Level::Verified];

    pub fn name(self) -> &'static str {
        match self {
            Level::Asserted => "asserted",
            Level::Evidenced => "evidenced",
            Level::Verified => "verified",
        }
    }

    /// What the level means, for a reader choosing one.
    pub fn meaning(self) -> &'static str {
        match self {
            Level::Asserted => "given from knowledge; nothing checked yet",
            Level::Evidenced => "backed by a document or record that has been seen",
            Level::Verified => "tested by someone independent",
        }
    }
}

impl Assurance {
    pub fn level(&self) -> Level {
        match self {
            Assurance::Asserted => Level::Asserted,
            Assurance::Evidenced => Level::Evidenced,
            Assurance::Verified { .. } => Level::Verified,
        }
    }

    /// The assurance in words: "asserted", "verified by J. Patel on 2013-01-10".
    pub fn describe(&self) -> String {
        match self {
            Assurance::Verified { by, on } => format!("verified by {by} on {on}"),
            other => other.level().name().to_string(),
        }
    }
}

impl Answer {
    pub fn is_empty(&self) -> bool {
        *self == Answer::default()
    }

    /// Sets or clears the value. A changed answer is no longer "carried": someone has looked
    /// at it again.
    pub fn set_value(&mut self, value: Option<Value>) {
        self.value = value;
        self.carried = false;
    }

    /// An answer carried from last period and not yet confirmed or changed.
    pub fn is_unconfirmed(&self) -> bool {
        self.carried && self.value.is_some()
    }

    /// Sets the note from typed or pasted text; text that is only white space removes it.
    pub fn set_note(&mut self, text: &str) {
        let text = crate::text::sanitize(text).trim_end().to_string();
        self.note = (!text.trim().is_empty()).then_some(text);
    }

    /// Sets the owner from a one-line field; an empty one removes it.
    pub fn set_owner(&mut self, text: &str) {
        let text = crate::text::clean_name(text);
        self.owner = (!text.is_empty()).then_some(text);
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

/// What a document may say about whether the assessment is final. Only a file whose seal
/// verifies against its history is FINAL; a file marked final by hand, or whose seal no longer
/// verifies, is "marked final but not sealed" wherever it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Finality {
    Draft,
    /// Signed off, and the seal verifies.
    Sealed,
    /// Marked final, with no signature or with a seal that does not verify.
    Unsealed,
}

impl Finality {
    /// The finality of a file, given whether its seal was checked and verifies. A file whose
    /// seal was not checked is never FINAL.
    pub fn of(assessment: &Assessment, seal_verifies: bool) -> Finality {
        match (assessment.stage, &assessment.signature) {
            (Stage::Draft, _) => Finality::Draft,
            (Stage::Final, Some(_)) if seal_verifies => Finality::Sealed,
            (Stage::Final, _) => Finality::Unsealed,
        }
    }

    /// The badge every format and the interface print: "DRAFT", "FINAL", or
    /// "MARKED FINAL, NOT SEALED".
    pub fn badge(self) -> &'static str {
        match self {
            Finality::Draft => "DRAFT",
            Finality::Sealed => "FINAL",
            Finality::Unsealed => "MARKED FINAL, NOT SEALED",
        }
    }

    /// A class name for colour: "draft", "final" or "unsealed".
    pub fn class(self) -> &'static str {
        match self {
            Finality::Draft => "draft",
            Finality::Sealed => "final",
            Finality::Unsealed => "unsealed",
        }
    }

    /// The state in a sentence, for a cover or the command line, when it is not FINAL.
    pub const UNSEALED: &'static str = "Marked final but not sealed: no sign-off with a seal that verifies against the history, so it is not presented as final.";
}

/// What the assessor records about one area's graded judgement: an override of the derived
/// grade with the reason for it, and any notable practice seen.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Judgement {
    /// The grade the assessor gives instead of the derived one.
    pub grade: Option<Grade>,
    /// Why; required with an override.
    pub rationale: Option<String>,
    /// Evidenced notable practice, without which no area is derived outstanding.
    pub notable: Option<String>,
}

impl Judgement {
    pub fn is_empty(&self) -> bool {
        *self == Judgement::default()
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
    /// The assessor's overrides and notable practice, by area id.
    pub judgements: BTreeMap<String, Judgement>,
    /// The sign-off, present only when the stage is final and the assessment was signed.
    pub signature: Option<Signature>,
    /// The SHA-256 of the last history entry this file reflects, as probity last wrote it.
    pub recorded: Option<String>,
}

/// Who signed the assessment off, in what role, when, and the seal that binds the signature to
/// the answers and their history.
#[derive(Debug, Clone, PartialEq)]
pub struct Signature {
    pub by: String,
    pub role: String,
    pub at: jiff::Timestamp,
    /// SHA-256, in hex, of the canonical content followed by the last history hash.
    pub seal: String,
}

impl Signature {
    /// The first sixteen hex digits of the seal in groups of four, as printed on a cover:
    /// enough to check a paper copy by eye or with `probity verify --seal`.
    pub fn short_seal(&self) -> String {
        short_seal(&self.seal)
    }
}

/// A seal shortened for print: `a1b2-c3d4-e5f6-a7b8`.
pub fn short_seal(seal: &str) -> String {
    seal.chars()
        .take(16)
        .collect::<Vec<_>>()
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
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
            signature: None,
            recorded: None,
            judgements: BTreeMap::new(),
        }
    }

    /// True once the assessment is marked final: it is then read-only until reopened.
    pub fn is_final(&self) -> bool {
        self.stage == Stage::Final
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

    /// The date the assessment was completed, when the checklist names an item for it and it
    /// is answered.
    pub fn completed_on(&self, checklist: &Checklist) -> Option<Date> {
        match self.value(checklist.context.completed.as_deref()?)? {
            Value::Date(d) => Some(*d),
            _ => None,
        }
    }

    /// Items with an answer received in a return that differs from the one held, not yet
    /// resolved, in item-id order.
    pub fn conflicts(&self) -> impl Iterator<Item = (&str, &Incoming)> {
        self.answers
            .iter()
            .filter_map(|(id, a)| a.incoming.as_ref().map(|i| (id.as_str(), i)))
    }

    /// Who completed the assessment: as recorded when it was started, or else the answer to
    /// the item the checklist names for it.
    pub fn assessor_named(&self, checklist: &Checklist) -> Option<String> {
        self.assessor.clone().or_else(|| {
            match self.value(checklist.context.assessor.as_deref()?)? {
                Value::Text(t) => Some(t.clone()),
                _ => None,
            }
        })
    }

    /// Answers carried from last period that nobody has confirmed yet. A record with no
    /// answer (only a note, say) has nothing to confirm, whatever its file says.
    pub fn unconfirmed(&self) -> impl Iterator<Item = &str> {
        self.answers
            .iter()
            .filter(|(_, a)| a.is_unconfirmed())
            .map(|(id, _)| id.as_str())
    }
}
