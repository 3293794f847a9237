//! Returns: a workbook that asks one contributor (a department, a colleague) some of an
//! assessment's questions, and reading it back once filled in, in Excel or LibreOffice Calc.
//!
//! * [`write`] makes the workbook: a cover, the questions with entry cells that check what is
//!   typed, and a hidden sheet that says which assessment, checklist version and items it holds;
//! * [`read`] reads a filled return with calamine and checks every cell with the rules and
//!   messages the interface uses;
//! * [`merge`] works out what a return changes: new answers, and conflicts where the assessment
//!   already holds something different. Nothing held is ever replaced by a return.

mod cell;
mod entry;
mod layout;
mod merge;
pub(crate) mod read;
mod write;

pub use merge::{Change, Effect, Plan, plan};
pub use read::{CellError, Received, ReturnError, Row, read};
pub use write::{Request, Source, write};

use jiff::civil::Date;

/// What a return says about itself on its hidden sheet: whose assessment it belongs to, which
/// checklist version it was made from, and for whom.
#[derive(Debug, Clone, PartialEq)]
pub struct Meta {
    pub force: String,
    pub period: String,
    /// The checklist's id.
    pub checklist: String,
    /// The checklist's `version`, for messages.
    pub version: String,
    /// The checklist's fingerprint: see [`crate::checklist::Checklist::fingerprint`].
    pub fingerprint: String,
    /// The contributor it was made for; their answers are recorded under this name.
    pub to: String,
    /// Who made it.
    pub from: String,
    pub made: Date,
    /// When it is to be returned, if a date was given.
    pub due: Option<Date>,
    /// The return's own token, recorded in the history when it was made; `None` in a return
    /// made before tokens were written.
    pub token: Option<String>,
}

/// A return as the history recorded it when it was made: what a workbook is checked against.
#[derive(Debug, Clone, PartialEq)]
pub struct Made {
    /// The workbook's file name when it was made.
    pub file: String,
    pub token: String,
    /// The contributor it was addressed to.
    pub to: String,
    /// Who made it.
    pub by: String,
    /// The items it asks, by id.
    pub items: Vec<String>,
    pub at: jiff::Timestamp,
}

/// Every return the history says was made, oldest first.
pub fn made(history: &crate::history::History) -> Vec<Made> {
    history
        .entries()
        .filter_map(|e| match &e.event {
            crate::history::Event::ReturnMade {
                file,
                token,
                to,
                items,
            } => Some(Made {
                file: file.clone(),
                token: token.clone(),
                to: to.clone(),
                by: e.by.clone(),
                items: items.clone(),
                at: e.at,
            }),
            _ => None,
        })
        .collect()
}

/// A fresh token for a return: 32 hex digits, unguessable enough that a workbook cannot claim
/// to be a return it is not, drawn from the process's random hash keys, the time and the
/// process.
pub fn new_token(salt: &str) -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write(salt.as_bytes());
    let random = h.finish();
    let now = jiff::Timestamp::now().as_nanosecond();
    let seed = format!("{random:016x}{now}{}{salt}", std::process::id());
    crate::storage::sha256_hex(seed.as_bytes())[..32].to_string()
}
