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
}
