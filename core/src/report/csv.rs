//! The action plan as CSV, one row per finding, for forces that track actions in Excel.
//!
//! Every field passes through [`guard_formula`], because a spreadsheet treats a cell starting
//! with `=` as a formula even when the CSV quotes it.

use super::Report;
use crate::document::escape::guard_formula;

/// The columns, in order. The marking is repeated on every row so it travels with any extract.
pub const COLUMNS: [&str; 11] = [
    "ID",
    "Area",
    "Severity",
    "Title",
    "Why it matters",
    "Why it was flagged",
    "Recommended action",
    "Owner",
    "Due",
    "Status",
    "Marking",
];

/// One row per finding, most severe first, as the action plan and the CSV give them.
pub(super) fn action_rows(r: &Report) -> impl Iterator<Item = [String; 10]> + '_ {
    let mut findings: Vec<_> = r.findings.iter().collect();
    findings.sort_by_key(|f| std::cmp::Reverse(f.severity));
    findings.into_iter().map(move |f| {
        [
            f.id.clone(),
            r.area_title(&f.area).to_string(),
            f.severity.name().to_string(),
            f.title.clone(),
            f.explanation.clone(),
            Report::trace_text(f),
            f.action.clone(),
            f.owner.clone().unwrap_or_default(),
            f.due.map(|d| d.to_string()).unwrap_or_default(),
            r.status(f).to_string(),
        ]
    })
}

pub fn render(r: &Report) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    // Writing to memory cannot fail; a record that somehow did would only lose that row.
    let _ = w.write_record(COLUMNS);
    for row in action_rows(r) {
        let _ = w.write_record(
            row.iter()
                .map(|c| guard_formula(c).into_owned())
                .chain([guard_formula(&r.marking).into_owned()]),
        );
    }
    w.into_inner().unwrap_or_default()
}
