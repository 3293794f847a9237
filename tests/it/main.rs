//! probity's integration tests: one binary, a module per area, and the helpers they share in
//! `support` (ripgrep's layout). One binary links the stack once, and the runner spreads every
//! test, including each malformed input, across the cores.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a failed assumption in a test is a failed test"
)]

mod support;

mod accountability;
mod assessment_file;
mod calibration;
mod checklists;
mod claims;
mod cli;
mod crosscheck;
mod deep_chain;
mod document_facts;
mod files_on_disk;
mod fuzz;
mod grading;
mod honesty;
mod injection;
mod invalid_inputs;
mod layering;
mod malformed;
mod narrative_trace;
mod no_panic;
mod one_report;
mod plain;
mod progress;
mod reports;
mod returns;
mod schemas;
mod seeds;
mod shell;
mod tui_cli;
mod tui_pty;
mod two_writers;
mod word;
mod workbooks;
