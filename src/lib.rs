//! probity: the integrity self-assessment for police forces.
//!
//! The library is the domain core and has no terminal code in it:
//!
//! * [`checklist`] loads and validates checklist definitions (TOML);
//! * [`assessment`] holds one force's answers for one period and reads and writes its file;
//! * [`condition`] evaluates the conditions behind skip logic and compound rules;
//! * [`scoring`] turns answers into scores, findings with their traces, metrics and warnings;
//! * [`report`] renders the gap report in each export format;
//! * [`storage`] keeps files safe on disk: atomic saves, private folders and locks.
//!
//! The terminal interface lives in [`tui`] and the command line in [`cli`]; both only call
//! into the core.

pub mod assessment;
pub mod checklist;
pub mod cli;
pub mod condition;
pub mod diagnostic;
pub mod progress;
pub mod report;
pub mod scoring;
pub mod storage;
pub mod text;
pub mod tui;
