use super::Report;

/// The report as pretty-printed JSON; its shape is published in `schemas/report.schema.json`.
pub fn render(report: &Report) -> String {
    let mut s = serde_json::to_string_pretty(report).expect("a report always serialises to JSON");
    s.push('\n');
    s
}
