//! The history of an assessment: every change to every answer, who made it and when, in a
//! file beside the assessment (`NAME.history.jsonl`) that is only ever appended to. Each entry
//! holds the SHA-256 of the entry before it, so an entry changed, removed or inserted later
//! breaks the chain where it was touched.
//!
//! * [`log`] reads and appends the file and checks its chain;
//! * [`state`] replays it into what every answer should be, and compares that with the file;
//! * [`seal`] is the canonical content a sign-off seals;
//! * [`words`] tells an entry in a sentence.

mod log;
mod seal;
mod state;
mod words;

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

pub use crate::storage::sha256_hex;
pub use log::{Broken, History};
pub use seal::{Signer, canonical, content_seal, seal, signer_line};
pub use state::{Difference, FIELDS, JUDGEMENT_FIELDS, State, changes, fields, judgement_changes};
pub use words::{describe, field_name, value_words};

/// One line of the history file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// SHA-256, in hex, of the previous entry's line as stored; absent on the first entry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prev: Option<String>,
    /// When the change was made, in UTC.
    pub at: Timestamp,
    /// Who made it (or, for a change made outside probity, who was using probity when it was
    /// found).
    pub by: String,
    #[serde(flatten)]
    pub event: Event,
}

/// What an entry records.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Event {
    /// The assessment file was created; any earlier entries describe a file that is gone.
    Created {
        force: String,
        period: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        carried_from: Option<String>,
        /// The checklist as the file names it. Histories begun before it was recorded lack it
        /// (and `assessor`); then only force and period are compared with the file.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        checklist: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        assessor: Option<String>,
    },
    /// One field of one answer changed. `field` is the key in the answer's table in the
    /// assessment file; `before` and `after` are its values there as JSON, null when absent.
    /// For a field of an area's judgement (see [`JUDGEMENT_FIELDS`]), `item` is the area and
    /// `field` the key in its `[judgements.AREA]` table.
    Changed {
        item: String,
        field: String,
        before: serde_json::Value,
        after: serde_json::Value,
        #[serde(default)]
        cause: Cause,
    },
    /// The assessment was signed off and sealed.
    Signed {
        signer: String,
        role: String,
        seal: String,
    },
    /// A signed assessment was taken back to draft.
    Reopened { reason: String },
    /// A return workbook was made (`by`, who made it): its file name, the token written into
    /// its hidden sheet, the contributor it is addressed to and the items it asks, by id. On
    /// import, a workbook's token and contributor are checked against this entry.
    ReturnMade {
        file: String,
        token: String,
        to: String,
        items: Vec<String>,
    },
    /// On opening, the history no longer held the entry the file said it reflects (`missing`,
    /// its hash): the history was deleted, cut short or replaced outside probity. What the file
    /// held is recorded afresh after this entry, and `verify` names the break for good.
    Restarted { missing: String },
    /// The history began here, with a file probity had no history for: it adopted what the
    /// file held as the starting point (`hash`, the SHA-256 of the file as read; `answered`,
    /// how many questions it answered; `answers` and `judgements`, every field, as
    /// [`State`] keeps them). Whatever changed before this entry is unrecorded.
    Adopted {
        hash: String,
        answered: usize,
        #[serde(default)]
        answers: Snapshot,
        #[serde(default, skip_serializing_if = "Snapshot::is_empty")]
        judgements: Snapshot,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        sealed: Option<String>,
    },
}

/// Item (or area) → field → value, as an adopted file held them.
pub type Snapshot =
    std::collections::BTreeMap<String, std::collections::BTreeMap<String, serde_json::Value>>;

/// How a change came about.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cause {
    /// Made in probity.
    #[default]
    Edit,
    /// Carried forward from last period's assessment when this one was created.
    Carried,
    /// Found on opening: the file had been changed by hand or by another tool.
    Outside,
    /// Found on opening: probity stopped after recording a change but before writing the file,
    /// so the change never reached it and is recorded as undone.
    Unsaved,
    /// Given in a return workbook: a new answer, a conflict kept beside the answer held, or a
    /// conflict's answer taken. `by` is the contributor who gave it.
    Returned,
}

/// An entry before it is written: the link to the previous entry is added on appending.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub at: Timestamp,
    pub by: String,
    pub event: Event,
}

/// The history file of an assessment: `dorset-police-2012.toml` →
/// `dorset-police-2012.history.jsonl`, in the same folder.
pub fn path_for(assessment: &Path) -> PathBuf {
    let stem = match assessment.extension() {
        Some(ext) if ext == "toml" => assessment.file_stem(),
        _ => assessment.file_name(),
    }
    .map(|s| s.to_os_string())
    .unwrap_or_default();
    let mut name = stem;
    name.push(".history.jsonl");
    assessment.with_file_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_history_sits_beside_the_assessment() {
        assert_eq!(
            path_for(Path::new("/d/dorset-police-2012.toml")),
            Path::new("/d/dorset-police-2012.history.jsonl")
        );
        assert_eq!(
            path_for(Path::new("notes")),
            Path::new("notes.history.jsonl")
        );
    }

    #[test]
    fn an_entry_is_one_json_object_with_its_kind() {
        let entry = Entry {
            prev: None,
            at: "2012-12-01T10:00:00Z".parse().unwrap(),
            by: "Jo".into(),
            event: Event::Changed {
                item: "gifts.policy".into(),
                field: "value".into(),
                before: serde_json::Value::Null,
                after: "yes".into(),
                cause: Cause::Edit,
            },
        };
        let line = serde_json::to_string(&entry).unwrap();
        assert_eq!(
            line,
            r#"{"at":"2012-12-01T10:00:00Z","by":"Jo","kind":"changed","item":"gifts.policy","field":"value","before":null,"after":"yes","cause":"edit"}"#
        );
        assert_eq!(serde_json::from_str::<Entry>(&line).unwrap(), entry);
    }
}
