//! The action plan as CSV, one row per finding, for forces that track actions in Excel.
//!
//! Every text field passes through [`guard_formula`], because a spreadsheet treats a cell
//! starting with `=` as a formula even when the CSV quotes it.

use super::Report;
use crate::document::escape::guard_formula;
use crate::document::long_date;

/// The columns, in order: the action plan's ten, then the as-at date and the marking, repeated
/// on every row so they travel with any extract.
pub const COLUMNS: [&str; 12] = [
    "No.",
    "Area",
    "Severity",
    "Finding",
    "Why it matters",
    "Why it was flagged",
    "Recommended action",
    "Owner",
    "Due",
    "Status",
    "As at",
    "Marking",
];

/// One row per finding, most severe first, as the action plan and the CSV give them.
fn action_rows(r: &Report) -> impl Iterator<Item = [String; 10]> + '_ {
    r.findings.iter().enumerate().map(move |(i, row)| {
        let f = &row.finding;
        [
            (i + 1).to_string(),
            row.area_title.clone(),
            f.severity.name().to_string(),
            f.title.clone(),
            f.explanation.clone(),
            row.why_flagged(),
            f.action.clone(),
            f.owner.clone().unwrap_or_default(),
            f.due.map(long_date).unwrap_or_default(),
            row.status.name().to_string(),
        ]
    })
}

pub fn render(r: &Report) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    // Writing to memory cannot fail; a record that somehow did would only lose that row.
    let _ = w.write_record(COLUMNS);
    let as_at = long_date(r.as_at());
    for row in action_rows(r) {
        let _ = w.write_record(
            row.iter()
                .chain([&as_at, &r.page.marking])
                .map(|c| guard_formula(c).into_owned()),
        );
    }
    w.into_inner().unwrap_or_default()
}
