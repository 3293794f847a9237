//! The evidence a recorded cross-check leaves on an item: one line, readable in any report,
//! naming each input with its SHA-256, the date and the counts, which `verify` reads back to
//! re-hash the files.
//!
//! `Cross-check on 2026-12-07: 3 matches (2 in gifts, 1 in interests); gifts "gifts.csv"
//! sha256 <64 hex> (1204 rows); suppliers "awards.json" sha256 <64 hex> (300 rows)`
//!
//! File names are written as JSON strings, so any name reads back exactly.

use std::path::{Path, PathBuf};

use jiff::civil::Date;
use sha2::{Digest, Sha256};

use super::{CrossCheck, InputSummary, Register};

/// How every cross-check evidence line begins.
pub const PREFIX: &str = "Cross-check on ";

/// One input named in an evidence line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded {
    /// As recorded: relative to the assessment's folder when it is inside it.
    pub name: String,
    pub sha256: String,
}

/// A recorded cross-check, read back from an evidence line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub on: Date,
    pub matches: usize,
    pub files: Vec<Recorded>,
}

/// The evidence line for `result`, run on `on`, with each input named as `name_of` says.
pub fn line(result: &CrossCheck, on: Date, name_of: impl Fn(&InputSummary) -> String) -> String {
    let files: Vec<String> = result
        .inputs
        .iter()
        .map(|i| {
            format!(
                "{} {} sha256 {} ({} rows)",
                i.role.name(),
                serde_json::to_string(&name_of(i)).unwrap_or_default(),
                i.sha256,
                i.rows_read
            )
        })
        .collect();
    format!(
        "{PREFIX}{on}: {} matches ({} in gifts, {} in interests); {}",
        result.matches.len(),
        result.count(Register::Gifts),
        result.count(Register::Interests),
        files.join("; ")
    )
}

/// Reads an evidence line back; `None` when it is not a cross-check's.
pub fn parse(line: &str) -> Option<Run> {
    let rest = line.strip_prefix(PREFIX)?;
    let on: Date = rest.get(..10)?.parse().ok()?;
    let matches = rest
        .get(12..)?
        .split(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let mut files = Vec::new();
    let mut rest = rest;
    while let Some(at) = rest.find('"') {
        let from = &rest[at..];
        let mut strings = serde_json::Deserializer::from_str(from).into_iter::<String>();
        match strings.next() {
            Some(Ok(name)) => {
                let after = &from[strings.byte_offset()..];
                if let Some(hash) = after.strip_prefix(" sha256 ").and_then(|h| h.get(..64))
                    && hash.chars().all(|c| c.is_ascii_hexdigit())
                {
                    files.push(Recorded {
                        name,
                        sha256: hash.to_string(),
                    });
                }
                rest = after;
            }
            _ => rest = &from[1..],
        }
    }
    Some(Run { on, matches, files })
}

/// An evidence line as a reader meets it: a recorded cross-check says when it was run, on
/// which files and how many matches it found, without the fingerprints; any other line is
/// shown as it is.
pub fn describe(line: &str) -> std::borrow::Cow<'_, str> {
    let Some(run) = parse(line) else {
        return line.into();
    };
    let names: Vec<&str> = run.files.iter().map(|f| f.name.as_str()).collect();
    let files = match names.as_slice() {
        [] => "no files".to_string(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    };
    format!(
        "Cross-check run on {} on {files}: {} {} (file fingerprints recorded; verify re-checks them)",
        crate::text::long_date(run.on),
        run.matches,
        if run.matches == 1 { "match" } else { "matches" }
    )
    .into()
}

/// How a recorded file stands now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing {
    Unchanged,
    Changed {
        now: String,
    },
    /// Not found where it was recorded: cannot be checked.
    Missing,
}

/// Where a recorded file is: its name taken relative to the assessment's folder.
pub fn located(folder: &Path, name: &str) -> PathBuf {
    folder.join(name)
}

/// Re-hashes a recorded file.
pub fn recheck(folder: &Path, file: &Recorded) -> Standing {
    match std::fs::read(located(folder, &file.name)) {
        Ok(bytes) => {
            let now = super::read::hex(&Sha256::digest(&bytes));
            if now == file.sha256 {
                Standing::Unchanged
            } else {
                Standing::Changed { now }
            }
        }
        Err(_) => Standing::Missing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crosscheck::Role;

    #[test]
    fn a_line_reads_back_with_every_file_even_an_awkward_name() {
        let input = |name: &str, role| InputSummary {
            name: name.to_string(),
            role,
            sha256: "ab".repeat(32),
            read_as: "CSV (UTF-8)".to_string(),
            rows_read: 10,
            rows_skipped: 0,
            skipped: Vec::new(),
        };
        let result = CrossCheck {
            window_months: 12,
            threshold: 0.9,
            inputs: vec![
                input("gifts \"2024\"; final.csv", Role::Gifts),
                input("awards.json", Role::Suppliers),
            ],
            matches: Vec::new(),
        };
        let on = jiff::civil::date(2026, 12, 7);
        let line = line(&result, on, |i| i.name.clone());
        let run = parse(&line).unwrap();
        assert_eq!(run.on, on);
        assert_eq!(run.matches, 0);
        assert_eq!(
            run.files
                .iter()
                .map(|f| f.name.as_str())
                .collect::<Vec<_>>(),
            ["gifts \"2024\"; final.csv", "awards.json"]
        );
        assert_eq!(parse("Minutes of 3 May"), None);
        assert_eq!(
            describe(&line),
            "Cross-check run on 7 December 2026 on gifts \"2024\"; final.csv and awards.json: 0 matches (file fingerprints recorded; verify re-checks them)"
        );
        assert_eq!(describe("Minutes of 3 May"), "Minutes of 3 May");
    }
}
