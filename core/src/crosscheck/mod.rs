//! The cross-check: a force's gifts and hospitality register and business-interest register
//! matched against the companies it buys from, so that a giver or a staff member's business
//! that also wins contracts or payments is put in front of someone to look at.
//!
//! * [`read`] reads each input (CSV, workbook, OCDS) and finds its columns;
//! * [`normalise`] makes names and company numbers comparable;
//! * [`matching`] finds the suppliers a declared name may be, with why;
//! * [`render`] lays the review list out in every format;
//! * [`evidence`] is what `--record` writes on the checklist's items and `verify` re-checks.

pub mod evidence;
pub mod matching;
pub mod normalise;
pub mod read;
pub mod render;

use std::collections::HashMap;
use std::path::PathBuf;

use jiff::civil::Date;
use serde::Serialize;

pub use matching::{Basis, THRESHOLD};
pub use read::{BadColumn, Field, Input, InputError, Named, Role, Row, Skipped};

pub use crate::checklist::Register;

impl Register {
    pub fn role(self) -> Role {
        match self {
            Register::Gifts => Role::Gifts,
            Register::Interests => Role::Interests,
        }
    }
}

/// The files to cross-check.
#[derive(Debug, Clone, Default)]
pub struct Files {
    pub gifts: Vec<PathBuf>,
    pub interests: Vec<PathBuf>,
    pub suppliers: Vec<PathBuf>,
}

/// How the cross-check runs.
#[derive(Debug, Clone)]
pub struct Options {
    /// A gift within this many months of an award or payment to the same supplier is listed
    /// first.
    pub window_months: u32,
    /// Headers the user named for columns.
    pub named: Vec<Named>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            window_months: 12,
            named: Vec::new(),
        }
    }
}

/// One input as the result reports it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct InputSummary {
    /// The file as it was named.
    pub name: String,
    pub role: Role,
    pub sha256: String,
    /// What it was read as ("CSV (Windows-1252)", "workbook", "OCDS release package").
    pub read_as: String,
    pub rows_read: usize,
    pub rows_skipped: usize,
    /// The first rows skipped, each with why.
    pub skipped: Vec<Skipped>,
}

/// A register entry's details, as written.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Declared {
    pub file: String,
    pub line: usize,
    /// The member of staff; absent when redacted or not in the register.
    pub person: Option<String>,
    pub date: Option<Date>,
    pub value: Option<String>,
    pub description: Option<String>,
    /// Accepted or declined, for a gift.
    pub status: Option<String>,
    pub company_number: Option<String>,
}

/// An award's or payment's details, as written.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Award {
    pub file: String,
    pub line: usize,
    pub date: Option<Date>,
    pub value: Option<String>,
    pub description: Option<String>,
    pub company_number: Option<String>,
}

/// One declared name that may be a supplier.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Match {
    pub register: Register,
    /// The name as written in the register.
    pub declared: String,
    /// The supplier's name as written in the supplier file.
    pub supplier: String,
    pub basis: Basis,
    /// 1 for a company number or the same name; the similarity for a similar name.
    pub similarity: f64,
    /// Why, in words: "company number 01234567", "same name once \"Ltd\" is set aside",
    /// "similar name 0.94".
    pub reason: String,
    /// The gift was within the window of an award or payment to this supplier.
    pub within_window: bool,
    /// The register entry.
    pub entry: Declared,
    /// The award or payment nearest in time to the entry (the first, when undated).
    pub award: Award,
    /// How many awards or payments to this supplier the supplier files hold.
    pub awards: usize,
}

/// The cross-check's result.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct CrossCheck {
    pub window_months: u32,
    /// The least similarity for a similar-name match.
    pub threshold: f64,
    pub inputs: Vec<InputSummary>,
    pub matches: Vec<Match>,
}

impl CrossCheck {
    /// Matches in one register.
    pub fn count(&self, register: Register) -> usize {
        self.matches
            .iter()
            .filter(|m| m.register == register)
            .count()
    }

    /// The same result with staff names removed.
    pub fn redacted(mut self) -> CrossCheck {
        for m in &mut self.matches {
            m.entry.person = None;
            m.entry.file = bare(&m.entry.file);
            m.award.file = bare(&m.award.file);
        }
        for i in &mut self.inputs {
            i.name = bare(&i.name);
        }
        self
    }
}

/// A file's name without its folders, which may name a person ("C:\Users\jo.bloggs\…").
fn bare(path: &str) -> String {
    path.rsplit(['/', '\\']).next().unwrap_or(path).to_string()
}

/// Reads every file, refusing the first that cannot be used, then matches.
pub fn run(files: &Files, options: &Options) -> Result<CrossCheck, InputError> {
    let mut inputs: Vec<Input> = Vec::new();
    for (role, paths) in [
        (Role::Gifts, &files.gifts),
        (Role::Interests, &files.interests),
        (Role::Suppliers, &files.suppliers),
    ] {
        for path in paths {
            inputs.push(read::input(path, role, &options.named)?);
        }
    }
    Ok(check(&inputs, options.window_months))
}

/// Matches inputs already read.
pub fn check(inputs: &[Input], window_months: u32) -> CrossCheck {
    let suppliers = inputs
        .iter()
        .enumerate()
        .filter(|(_, i)| i.role == Role::Suppliers)
        .flat_map(|(f, i)| {
            i.rows
                .iter()
                .enumerate()
                .map(move |(r, row)| ((f, r), row.name.as_str(), row.number.as_deref()))
        });
    let index = matching::Index::new(suppliers);
    let mut memo: HashMap<&str, (normalise::Normalised, Vec<matching::Found>)> = HashMap::new();
    let mut matches: Vec<Match> = Vec::new();
    for (f, input) in inputs.iter().enumerate() {
        let register = match input.role {
            Role::Gifts => Register::Gifts,
            Role::Interests => Register::Interests,
            Role::Suppliers => continue,
        };
        for row in &input.rows {
            let mut found: Vec<matching::Found> = row
                .number
                .as_deref()
                .map(|n| index.by_number(n))
                .unwrap_or_default()
                .iter()
                .map(|&supplier| matching::Found {
                    supplier,
                    basis: Basis::CompanyNumber,
                    similarity: 1.0,
                })
                .collect();
            // Registers repeat names: each name as written is normalised and looked up once.
            let (normalised, by_name) = memo.entry(row.name.as_str()).or_insert_with(|| {
                let normalised = normalise::name(&row.name);
                let found = index.by_name(&normalised);
                (normalised, found)
            });
            for n in by_name.iter() {
                if !found.iter().any(|x| x.supplier == n.supplier) {
                    found.push(*n);
                }
            }
            for n in found {
                matches.push(made(
                    inputs,
                    &index,
                    register,
                    (f, row),
                    normalised,
                    n,
                    window_months,
                ));
            }
        }
    }
    matches.sort_by(|a, b| {
        (!a.within_window, a.register, a.basis)
            .cmp(&(!b.within_window, b.register, b.basis))
            .then(b.similarity.total_cmp(&a.similarity))
            .then_with(|| a.declared.cmp(&b.declared))
            .then(a.entry.line.cmp(&b.entry.line))
    });
    CrossCheck {
        window_months,
        threshold: THRESHOLD,
        inputs: inputs
            .iter()
            .map(|i| InputSummary {
                name: i.path.display().to_string(),
                role: i.role,
                sha256: i.sha256.clone(),
                read_as: i.read_as.clone(),
                rows_read: i.rows.len(),
                rows_skipped: i.skipped,
                skipped: i.skipped_listed.clone(),
            })
            .collect(),
        matches,
    }
}

/// The match of a register row and a supplier, with its details and why.
fn made(
    inputs: &[Input],
    index: &matching::Index,
    register: Register,
    (f, row): (usize, &Row),
    normalised: &normalise::Normalised,
    found: matching::Found,
    window_months: u32,
) -> Match {
    let supplier = &index.suppliers[found.supplier];
    let rows: Vec<(usize, &Row)> = supplier
        .rows
        .iter()
        .filter_map(|&(fi, ri)| inputs.get(fi)?.rows.get(ri).map(|r| (fi, r)))
        .collect();
    let distance = |award: &Row| match (row.date, award.date) {
        (Some(a), Some(b)) => (a - b).get_days().unsigned_abs(),
        _ => u32::MAX,
    };
    let nearest = rows
        .iter()
        .min_by_key(|(_, r)| distance(r))
        .copied()
        .or_else(|| rows.first().copied());
    let within_window = register == Register::Gifts
        && nearest.is_some_and(|(_, award)| within(row.date, award.date, window_months));
    let (award_file, award) = nearest.unwrap_or((f, row));
    let reason = match found.basis {
        Basis::CompanyNumber => format!(
            "company number {}",
            row.number.as_deref().unwrap_or_default()
        ),
        Basis::SameName => {
            let theirs = normalise::name(&award.name);
            same_name_reason(&row.name, &award.name, normalised, &theirs)
        }
        Basis::SimilarName => format!("similar name {:.2}", found.similarity),
    };
    let name_of = |i: usize| {
        inputs
            .get(i)
            .map(|x| x.path.display().to_string())
            .unwrap_or_default()
    };
    Match {
        register,
        declared: row.name.clone(),
        supplier: award.name.clone(),
        basis: found.basis,
        similarity: (found.similarity * 1000.0).round() / 1000.0,
        reason,
        within_window,
        entry: Declared {
            file: name_of(f),
            line: row.line,
            person: row.person.clone(),
            date: row.date,
            value: row.value.clone(),
            description: row.description.clone(),
            status: row.status.clone(),
            company_number: row.number.clone(),
        },
        award: Award {
            file: name_of(award_file),
            line: award.line,
            date: award.date,
            value: award.value.clone(),
            description: award.description.clone(),
            company_number: award.number.clone(),
        },
        awards: rows.len(),
    }
}

/// Whether two dates are within `months` of each other.
fn within(a: Option<Date>, b: Option<Date>, months: u32) -> bool {
    let (Some(a), Some(b)) = (a, b) else {
        return false;
    };
    let span = jiff::Span::new().months(i64::from(months));
    let (early, late) = if a <= b { (a, b) } else { (b, a) };
    early.checked_add(span).is_ok_and(|limit| late <= limit)
}

/// "same name", or "same name once "Ltd" and "The" are set aside", or "… once case and
/// punctuation are set aside".
fn same_name_reason(
    ours: &str,
    theirs: &str,
    a: &normalise::Normalised,
    b: &normalise::Normalised,
) -> String {
    if ours == theirs {
        return "same name".to_string();
    }
    let mut aside: Vec<String> = Vec::new();
    for w in a.set_aside.iter().chain(&b.set_aside) {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&');
        if !w.is_empty() && !aside.iter().any(|x| x.eq_ignore_ascii_case(w)) {
            aside.push(w.to_string());
        }
    }
    if aside.is_empty() {
        return "same name once case and punctuation are set aside".to_string();
    }
    let quoted: Vec<String> = aside.iter().map(|w| format!("\"{w}\"")).collect();
    let list = match quoted.as_slice() {
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
        [] => String::new(),
    };
    format!(
        "same name once {list} {} set aside",
        if quoted.len() == 1 { "is" } else { "are" }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_counts_calendar_months_either_way() {
        let d = jiff::civil::date;
        assert!(within(Some(d(2024, 1, 31)), Some(d(2025, 1, 31)), 12));
        assert!(!within(Some(d(2024, 1, 31)), Some(d(2025, 2, 1)), 12));
        assert!(within(Some(d(2025, 2, 1)), Some(d(2024, 3, 1)), 12));
        assert!(!within(None, Some(d(2024, 3, 1)), 12));
    }

    #[test]
    fn the_reason_names_what_was_set_aside() {
        let r = same_name_reason(
            "Acme Widgets Ltd",
            "The Acme Widgets Limited",
            &normalise::name("Acme Widgets Ltd"),
            &normalise::name("The Acme Widgets Limited"),
        );
        assert_eq!(
            r,
            "same name once \"Ltd\", \"The\" and \"Limited\" are set aside"
        );
    }
}
