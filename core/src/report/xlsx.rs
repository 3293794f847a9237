//! The workbook: Summary, Action plan, All answers and Metrics sheets, each printed on A4 with
//! the protective marking in its header, footer and top row.
//!
//! Text is always written as a string cell, never as a formula, and also passes through
//! [`guard_formula`] so that it stays inert if the sheet is later saved as CSV.

use rust_xlsxwriter::{
    Chart, ChartType, Color, Format, FormatAlign, Workbook, Worksheet, XlsxError,
};

use super::Report;
use super::csv::{COLUMNS, action_rows};
use crate::answer::format_number;
use crate::document::escape::guard_formula;
use crate::document::figures::score_text;

/// Excel's limit on the length of a cell, in UTF-16 units, less room for the guard.
const MAX_CELL: usize = 32_000;

/// Excel refuses header and footer strings over 255 characters; the marking gets this many.
const MAX_MARKING: usize = 80;

/// Every input that could make the writer fail (cell length, header length) is capped first,
/// so an error here would be a bug in this module; it is returned rather than written.
pub fn render(r: &Report) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let styles = Styles::new();
    summary(wb.add_worksheet(), r, &styles)?;
    action_plan(wb.add_worksheet(), r, &styles)?;
    answers(wb.add_worksheet(), r, &styles)?;
    metrics(wb.add_worksheet(), r, &styles)?;
    wb.save_to_buffer()
}

struct Styles {
    marking: Format,
    title: Format,
    header: Format,
    label: Format,
    wrap: Format,
    high: Format,
    medium: Format,
    low: Format,
}

impl Styles {
    fn new() -> Styles {
        let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
        Styles {
            marking: Format::new()
                .set_bold()
                .set_font_color(Color::RGB(0x9C0006)),
            title: Format::new().set_bold().set_font_size(14),
            header: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0x1F3A5F))
                .set_font_color(Color::White)
                .set_text_wrap(),
            label: Format::new().set_bold().set_align(FormatAlign::Top),
            high: wrap
                .clone()
                .set_bold()
                .set_background_color(Color::RGB(0xF4C7C3))
                .set_font_color(Color::RGB(0x7A0000)),
            medium: wrap
                .clone()
                .set_bold()
                .set_background_color(Color::RGB(0xFCE8B2))
                .set_font_color(Color::RGB(0x6B4E00)),
            low: wrap
                .clone()
                .set_background_color(Color::RGB(0xE2EFDA))
                .set_font_color(Color::RGB(0x274E13)),
            wrap,
        }
    }

    fn severity(&self, name: &str) -> &Format {
        match name {
            "high" => &self.high,
            "medium" => &self.medium,
            _ => &self.low,
        }
    }
}

/// Writes text as an inert string cell, capped at Excel's limit.
fn text(ws: &mut Worksheet, row: u32, col: u16, s: &str, format: &Format) -> Result<(), XlsxError> {
    let guarded = guard_formula(s);
    let mut used = 0;
    let capped: String = guarded
        .chars()
        .take_while(|c| {
            used += c.len_utf16();
            used <= MAX_CELL
        })
        .collect();
    ws.write_string_with_format(row, col, capped, format)?;
    Ok(())
}

/// Names the sheet, puts the marking in its top row, header and footer, and sets up A4 printing.
fn page(ws: &mut Worksheet, name: &str, r: &Report, styles: &Styles) -> Result<(), XlsxError> {
    ws.set_name(name)?;
    let marking: String = r
        .marking
        .chars()
        .take(MAX_MARKING)
        .collect::<String>()
        .replace('&', "&&");
    ws.set_header(format!("&C&\"-,Bold\"{marking}"));
    ws.set_footer(format!("&L&A&C&\"-,Bold\"{marking}&RPage &P of &N"));
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    text(ws, 0, 0, &r.marking, &styles.marking)
}

fn summary(ws: &mut Worksheet, r: &Report, s: &Styles) -> Result<(), XlsxError> {
    page(ws, "Summary", r, s)?;
    text(
        ws,
        1,
        0,
        &format!("Integrity self-assessment: {}, {}", r.force, r.period),
        &s.title,
    )?;
    let (h, m, l) = r.severity_counts();
    let mut rows: Vec<(&str, String)> = vec![
        ("Force", r.force.clone()),
        ("Period", r.period.clone()),
        (
            "Checklist",
            format!("{} (version {})", r.checklist_title, r.checklist_version),
        ),
        (
            "Assessor",
            r.assessor.clone().unwrap_or_else(|| "not recorded".into()),
        ),
        ("Produced", r.generated.to_string()),
        ("Status", r.stage.name().into()),
        ("Overall score (out of 100)", score_text(r.score.overall)),
        (
            "Completeness",
            format!(
                "{}% ({} of {} applicable items answered)",
                format_number(r.score.completeness),
                r.score.answered,
                r.score.applicable
            ),
        ),
        (
            "Findings",
            format!("{} in all: {h} high, {m} medium, {l} low", r.findings.len()),
        ),
    ];
    if r.redacted {
        rows.push((
            "Redaction",
            "Names, notes and text answers removed for sharing outside the force".into(),
        ));
    }
    let mut row = 3;
    for (label, value) in &rows {
        text(ws, row, 0, label, &s.label)?;
        text(ws, row, 1, value, &s.wrap)?;
        row += 1;
    }
    row += 1;
    for (col, h) in ["Area", "Score (out of 100)", "Answered", "Applicable"]
        .iter()
        .enumerate()
    {
        text(ws, row, col as u16, h, &s.header)?;
    }
    let table = row;
    for a in &r.score.areas {
        row += 1;
        text(ws, row, 0, &a.title, &s.wrap)?;
        match a.score {
            Some(score) => ws.write_number(row, 1, score)?,
            None => ws.write_string(row, 1, "not scored")?,
        };
        ws.write_number(row, 2, a.answered as f64)?;
        ws.write_number(row, 3, a.applicable as f64)?;
    }
    let last = row;
    row += 2;
    text(ws, row, 0, "Method", &s.label)?;
    text(ws, row, 1, r.method, &s.wrap)?;
    text(ws, row + 1, 0, "Checklist provenance", &s.label)?;
    text(ws, row + 1, 1, &r.provenance, &s.wrap)?;
    if last > table {
        area_chart(ws, table, last, row + 3)?;
    }
    ws.set_column_width(0, 34)?;
    ws.set_column_width(1, 90)?;
    ws.set_column_width(2, 11)?;
    ws.set_column_width(3, 11)?;
    Ok(())
}

/// A bar chart of the area scores in the table from `header` + 1 to `last`, placed at row `at`.
fn area_chart(ws: &mut Worksheet, header: u32, last: u32, at: u32) -> Result<(), XlsxError> {
    let mut chart = Chart::new(ChartType::Bar);
    chart
        .add_series()
        .set_name("Score (out of 100)")
        .set_categories(("Summary", header + 1, 0, last, 0))
        .set_values(("Summary", header + 1, 1, last, 1));
    chart.title().set_name("Score by area (out of 100)");
    chart.legend().set_hidden();
    chart.x_axis().set_reverse();
    chart.y_axis().set_min(0).set_max(100);
    ws.insert_chart(at, 0, &chart)?;
    Ok(())
}

fn action_plan(ws: &mut Worksheet, r: &Report, s: &Styles) -> Result<(), XlsxError> {
    page(ws, "Action plan", r, s)?;
    // The workbook opens on the action plan, the sheet people work from.
    ws.set_active(true);
    ws.set_landscape();
    let headers = &COLUMNS[..COLUMNS.len() - 1];
    for (col, h) in headers.iter().enumerate() {
        text(ws, 1, col as u16, h, &s.header)?;
    }
    let mut last = 1;
    for (i, cells) in action_rows(r).enumerate() {
        let row = 2 + i as u32;
        for (col, cell) in cells.iter().enumerate() {
            let format = if col == 2 { s.severity(cell) } else { &s.wrap };
            text(ws, row, col as u16, cell, format)?;
        }
        last = row;
    }
    ws.autofilter(1, 0, last, headers.len() as u16 - 1)?;
    ws.set_freeze_panes(2, 0)?;
    ws.set_repeat_rows(0, 1)?;
    for (col, width) in [28, 22, 10, 34, 48, 40, 48, 24, 12, 10]
        .into_iter()
        .enumerate()
    {
        ws.set_column_width(col as u16, width)?;
    }
    Ok(())
}

fn answers(ws: &mut Worksheet, r: &Report, s: &Styles) -> Result<(), XlsxError> {
    page(ws, "All answers", r, s)?;
    ws.set_landscape();
    let headers = [
        "Area", "Item", "Question", "Answer", "Note", "Evidence", "Owner", "Due", "Flags",
    ];
    for (col, h) in headers.iter().enumerate() {
        text(ws, 1, col as u16, h, &s.header)?;
    }
    let mut row = 1;
    for area in &r.areas {
        for i in &area.items {
            row += 1;
            let answer = match (&i.answer, i.asked) {
                (_, false) => "not asked",
                (Some(a), _) => a.as_str(),
                (None, _) => "unanswered",
            };
            let flags: Vec<&str> = [
                (i.carried, "carried, unconfirmed"),
                (i.review, "marked for review"),
            ]
            .into_iter()
            .filter_map(|(on, f)| on.then_some(f))
            .collect();
            let cells = [
                area.title.as_str(),
                &i.id,
                &i.prompt,
                answer,
                i.note.as_deref().unwrap_or(""),
                &i.evidence.join("; "),
                i.owner.as_deref().unwrap_or(""),
                &i.due.map(|d| d.to_string()).unwrap_or_default(),
                &flags.join(", "),
            ];
            for (col, cell) in cells.iter().enumerate() {
                text(ws, row, col as u16, cell, &s.wrap)?;
            }
        }
    }
    ws.autofilter(1, 0, row, headers.len() as u16 - 1)?;
    ws.set_freeze_panes(2, 0)?;
    ws.set_repeat_rows(0, 1)?;
    for (col, width) in [22, 26, 50, 22, 50, 36, 22, 12, 16].into_iter().enumerate() {
        ws.set_column_width(col as u16, width)?;
    }
    Ok(())
}

fn metrics(ws: &mut Worksheet, r: &Report, s: &Styles) -> Result<(), XlsxError> {
    page(ws, "Metrics", r, s)?;
    for (col, h) in ["Measure", "Item", "Kind", "Value"].iter().enumerate() {
        text(ws, 1, col as u16, h, &s.header)?;
    }
    for (i, m) in r.metrics.iter().enumerate() {
        let row = 2 + i as u32;
        text(ws, row, 0, &m.label, &s.wrap)?;
        text(ws, row, 1, &m.id, &s.wrap)?;
        text(ws, row, 2, m.kind, &s.wrap)?;
        ws.write_number(row, 3, m.value)?;
    }
    ws.set_freeze_panes(2, 0)?;
    ws.set_column_width(0, 70)?;
    ws.set_column_width(1, 30)?;
    ws.set_column_width(2, 10)?;
    ws.set_column_width(3, 12)?;
    Ok(())
}
