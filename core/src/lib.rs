//! probity-core: the domain of the integrity self-assessment, with no terminal or command-line
//! code in it. Both front ends of the `probity` binary, the command line and the terminal
//! interface, are thin layers over this crate.
//!
//! * [`checklist`] loads and validates checklist definitions (TOML);
//! * [`assessment`] holds one force's answers for one period and reads and writes its file;
//! * [`condition`] evaluates the conditions behind skip logic and compound rules;
//! * [`scoring`] turns answers into scores, findings with their traces, metrics and warnings;
//! * [`report`] renders the gap report in each export format;
//! * [`returns`] asks contributors questions in a workbook and reads their answers back;
//! * [`progress`] carries answers forward and compares, charts and summarises periods;
//! * [`redaction`] removes personal names and keeps role titles for sharing outside the force;
//! * [`history`] records every change to an answer in a chained, append-only file;
//! * [`storage`] keeps files safe on disk: atomic saves, private folders and locks.

pub mod answer;
pub mod assessment;
pub mod checklist;
pub mod condition;
pub mod crosscheck;
pub mod diagnostic;
pub mod document;
pub mod graph;
pub mod head;
pub mod history;
pub mod progress;
pub mod redaction;
pub mod report;
pub mod returns;
pub mod schema;
pub mod scoring;
pub mod storage;
pub mod text;
pub mod workspace;
