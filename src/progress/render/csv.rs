//! The summary as one CSV table for spreadsheets: a `section` column says whether a row is an
//! item, a rule or a metric, and columns that do not apply are left empty. Text cells that a
//! spreadsheet would run as a formula are defused.

use serde::Serialize;

use crate::assessment::format_number;
use crate::progress::summary::Summary;

/// Prefixes a quote to text a spreadsheet would treat as a formula (`=`, `+`, `-`, `@`, tab or
/// carriage return first), so an answer can never run as one when the file is opened.
pub fn guard(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

#[derive(Default, Serialize)]
struct Row {
    section: &'static str,
    id: String,
    title: String,
    yes: Option<usize>,
    partial: Option<usize>,
    no: Option<usize>,
    na: Option<usize>,
    unanswered: Option<usize>,
    not_asked: Option<usize>,
    flagged: Option<usize>,
    forces: Option<String>,
    total: Option<String>,
    min: Option<String>,
    median: Option<String>,
    max: Option<String>,
    reported: Option<usize>,
    forces_in_summary: usize,
}

pub fn summary(s: &Summary) -> Vec<u8> {
    let base = |section, id: &str, title: &str| Row {
        section,
        id: guard(id),
        title: guard(title),
        forces_in_summary: s.forces,
        ..Row::default()
    };
    let n = |x: f64| Some(format_number(x));
    let items = s.items.iter().map(|i| Row {
        yes: Some(i.yes),
        partial: Some(i.partial),
        no: Some(i.no),
        na: Some(i.na),
        unanswered: Some(i.unanswered),
        not_asked: Some(i.not_asked),
        ..base("item", &i.id, &i.prompt)
    });
    let rules = s.rules.iter().map(|r| Row {
        flagged: Some(r.flagged),
        forces: Some(guard(&r.forces.join("; "))),
        ..base("rule", &r.id, &r.title)
    });
    let metrics = s.metrics.iter().map(|m| Row {
        total: n(m.total),
        min: n(m.min),
        median: n(m.median),
        max: n(m.max),
        reported: Some(m.reported),
        ..base("metric", &m.id, &m.label)
    });
    let mut w = csv::Writer::from_writer(Vec::new());
    for row in items.chain(rules).chain(metrics) {
        w.serialize(row).expect("writing to memory cannot fail");
    }
    w.into_inner().expect("writing to memory cannot fail")
}

#[cfg(test)]
mod tests {
    use super::guard;

    #[test]
    fn formulas_are_defused_and_plain_text_kept() {
        assert_eq!(guard("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(guard("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(guard("-1+2"), "'-1+2");
        assert_eq!(guard("\tx"), "'\tx");
        assert_eq!(guard("Dorset Police"), "Dorset Police");
    }
}
