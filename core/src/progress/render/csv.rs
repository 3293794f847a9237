//! The summary as one CSV table for spreadsheets: a `section` column says whether a row is an
//! item, a rule or a metric, and columns that do not apply are left empty. Text cells that a
//! spreadsheet would run as a formula are defused with [`guard_formula`].

use serde::Serialize;

use crate::answer::format_number;
use crate::document::escape::guard_formula;
use crate::progress::summary::Summary;

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
    not_judged: Option<usize>,
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
        id: guard_formula(id).into_owned(),
        title: guard_formula(title).into_owned(),
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
        forces: Some(guard_formula(&r.forces.join("; ")).into_owned()),
        not_judged: Some(r.not_judged),
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
    // Writing to memory cannot fail; a row that somehow did would only lose that row.
    for row in items.chain(rules).chain(metrics) {
        let _ = w.serialize(row);
    }
    w.into_inner().unwrap_or_default()
}
