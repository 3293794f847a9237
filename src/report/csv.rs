//! The action plan as CSV, one row per finding, for forces that track actions in Excel.
//!
//! Every field passes through [`guard_formula`], because a spreadsheet treats a cell starting
//! with `=` as a formula even when the CSV quotes it.

use std::borrow::Cow;

use super::Report;
use crate::text;

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

/// Neutralises spreadsheet formulas as OWASP advises: text starting with `=`, `+`, `-`, `@`,
/// a tab or a carriage return gets a leading apostrophe, so it is shown as typed. Control
/// characters are removed first.
pub fn guard_formula(s: &str) -> Cow<'_, str> {
    let clean = text::sanitize(s);
    if clean.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{clean}"))
    } else {
        clean
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(
            guard_formula("=HYPERLINK(\"http://x\",\"y\")"),
            "'=HYPERLINK(\"http://x\",\"y\")"
        );
        assert_eq!(guard_formula("+1"), "'+1");
        assert_eq!(guard_formula("-1"), "'-1");
        assert_eq!(guard_formula("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(guard_formula("\tx"), "'\tx");
        assert_eq!(guard_formula("Head of PSD"), "Head of PSD");
        assert_eq!(guard_formula("\u{1b}=1"), "'=1");
    }

    proptest! {
        #[test]
        fn guarded_text_never_starts_a_formula(s in any::<String>()) {
            let g = guard_formula(&s);
            prop_assert!(!g.starts_with(['=', '+', '-', '@', '\t', '\r']));
        }
    }
}
