//! The workbook: Summary, Action plan, All answers and Figures sheets, each printed on A4 with
//! the protective marking in its header, footer and top row.
//!
//! Dates are real dates and figures real numbers, each with a format, so they sort and filter
//! as such. Text is always a string cell, never a formula, and also passes through
//! [`guard_formula`] so it stays inert if the sheet is later saved as CSV. Rows holding wrapped
//! text are given the height that shows it whole.

use rust_xlsxwriter::{
    Chart, ChartType, Color, Format, FormatAlign, Workbook, Worksheet, XlsxError,
};

use super::Report;
use super::csv::{COLUMNS, PLAN_COLUMNS};
use crate::checklist::Severity;
use crate::document::escape::guard_formula;
use crate::document::workbook::{self, fit_row, text};
use crate::scoring::Rating;

/// Every input that could make the writer fail (cell length, header length) is capped first,
/// so an error here would be a bug in this module; it is returned rather than written.
pub fn render(r: &Report) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let styles = Styles::new();
    summary(wb.add_worksheet(), r, &styles)?;
    action_plan(wb.add_worksheet(), r, &styles)?;
    answers(wb.add_worksheet(), r, &styles)?;
    figures(wb.add_worksheet(), r, &styles)?;
    wb.save_to_buffer()
}

pub(crate) struct Styles {
    pub marking: Format,
    pub title: Format,
    pub header: Format,
    pub label: Format,
    pub wrap: Format,
    pub date: Format,
    pub whole: Format,
    pub score: Format,
    pub percent: Format,
    pub money: Format,
    pub red: Format,
    pub amber: Format,
    pub green: Format,
    pub blue: Format,
    pub grey: Format,
}

impl Styles {
    pub fn new() -> Styles {
        let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
        let fill = |bg: u32, fg: u32| {
            wrap.clone()
                .set_bold()
                .set_background_color(Color::RGB(bg))
                .set_font_color(Color::RGB(fg))
        };
        Styles {
            marking: Format::new()
                .set_bold()
                .set_font_color(Color::RGB(0x9C0006)),
            title: Format::new().set_bold().set_font_size(14),
            header: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0x1F3A5F))
                .set_font_color(Color::White)
                .set_text_wrap()
                .set_align(FormatAlign::Top),
            label: Format::new().set_bold().set_align(FormatAlign::Top),
            date: Format::new()
                .set_num_format("d mmm yyyy")
                .set_align(FormatAlign::Top)
                .set_align(FormatAlign::Left),
            whole: Format::new()
                .set_num_format("#,##0")
                .set_align(FormatAlign::Top),
            score: Format::new()
                .set_num_format("0.0")
                .set_align(FormatAlign::Top),
            percent: Format::new()
                .set_num_format("0.0%")
                .set_align(FormatAlign::Top),
            money: Format::new()
                .set_num_format("£#,##0.00")
                .set_align(FormatAlign::Top),
            red: fill(0xF4C7C3, 0x7A0000),
            amber: fill(0xFCE8B2, 0x6B4E00),
            green: fill(0xD9EAD3, 0x274E13),
            blue: fill(0xDDE7F0, 0x243F5C),
            grey: wrap
                .clone()
                .set_italic()
                .set_font_color(Color::RGB(0x59636E)),
            wrap,
        }
    }

    fn severity(&self, s: Severity) -> &Format {
        match s {
            Severity::High => &self.red,
            Severity::Medium => &self.amber,
            Severity::Low => &self.blue,
        }
    }

    /// Action statuses are coloured as severities are: overdue as high, open as medium, and
    /// delivered in the colour of a met answer.
    pub fn status(&self, status: &str) -> &Format {
        match status {
            "overdue" => &self.red,
            "open" => &self.amber,
            "delivered" => &self.green,
            _ => &self.wrap,
        }
    }

    /// The number format for a kind of figure, by its name; `None` for kinds that are not figures.
    fn figure(&self, kind: &str) -> Option<&Format> {
        match kind {
            "money" => Some(&self.money),
            "percent" => Some(&self.percent),
            "count" => Some(&self.whole),
            "number" => Some(&self.score),
            _ => None,
        }
    }

    fn rating(&self, rating: Rating) -> &Format {
        match rating {
            Rating::Green => &self.green,
            Rating::Amber => &self.amber,
            Rating::Red => &self.red,
            Rating::Provisional | Rating::NotScored => &self.grey,
        }
    }
}

/// Column widths, and the same widths as the text-fitting uses them.
fn widths(ws: &mut Worksheet, widths: &[f64]) -> Result<(), XlsxError> {
    for (col, w) in widths.iter().enumerate() {
        ws.set_column_width(col as u16, *w)?;
    }
    Ok(())
}

fn summary(ws: &mut Worksheet, r: &Report, s: &Styles) -> Result<(), XlsxError> {
    workbook::page(ws, "Summary", r.marking(), &s.marking)?;
    const WIDTHS: [f64; 5] = [34.0, 14.0, 12.0, 12.0, 40.0];
    widths(ws, &WIDTHS)?;
    text(
        ws,
        1,
        0,
        &format!("Integrity self-assessment: {}, {}", r.force, r.period),
        &s.title,
    )?;
    let (h, m, l) = r.severity_counts();
    let judged = super::view::judged(r);
    let mut facts: Vec<(&str, String)> = vec![
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
        ("Sign-off", r.sign_off_line()),
        ("As at", r.page.as_at_sentence()),
        (
            "Findings",
            format!("{} in all: {h} high, {m} medium, {l} low", r.findings.len()),
        ),
    ];
    if let Some(unconfirmed) = r.unconfirmed_sentence() {
        facts.push(("Not counted", unconfirmed));
    }
    // The headline judgements, or the overall progress verdict: what a committee looks for first.
    if let Some(summary) = judged.summary {
        facts.push((judged.heading, summary));
    }
    let mut row = 3;
    for (label, value) in &facts {
        text(ws, row, 0, label, &s.label)?;
        ws.merge_range(row, 1, row, 4, "", &s.wrap)?;
        text(ws, row, 1, value, &s.wrap)?;
        fit_row(ws, row, &[(value, WIDTHS[1..].iter().sum())])?;
        row += 1;
    }
    text(ws, row, 0, "Produced", &s.label)?;
    ws.write_datetime_with_format(row, 1, r.page.generated, &s.date)?;
    row += 1;
    text(ws, row, 0, "Overall score (out of 100)", &s.label)?;
    match r.score.overall {
        Some(score) => ws.write_number_with_format(row, 1, score, &s.score)?,
        None => ws.write_string_with_format(row, 1, "not scored", &s.grey)?,
    };
    text(ws, row, 2, r.score.rating.label(), s.rating(r.score.rating))?;
    row += 1;
    text(ws, row, 0, "Completeness", &s.label)?;
    ws.write_number_with_format(row, 1, r.score.completeness / 100.0, &s.percent)?;
    text(
        ws,
        row,
        2,
        &format!(
            "{} of {} applicable questions answered",
            r.score.answered, r.score.applicable
        ),
        &s.wrap,
    )?;
    row += 2;
    for (col, h) in [
        "Area",
        "Score (out of 100)",
        "Rating",
        "Answered",
        "Applicable",
    ]
    .iter()
    .enumerate()
    {
        text(ws, row, col as u16, h, &s.header)?;
    }
    fit_row(ws, row, &[("Score (out of 100)", WIDTHS[1])])?;
    let table = row;
    for a in &r.score.areas {
        row += 1;
        text(ws, row, 0, &a.title, &s.wrap)?;
        match a.score {
            Some(score) => ws.write_number_with_format(row, 1, score, &s.score)?,
            None => ws.write_string_with_format(row, 1, "not scored", &s.grey)?,
        };
        text(ws, row, 2, a.rating.label(), s.rating(a.rating))?;
        ws.write_number_with_format(row, 3, a.answered as f64, &s.whole)?;
        ws.write_number_with_format(row, 4, a.applicable as f64, &s.whole)?;
        fit_row(ws, row, &[(&a.title, WIDTHS[0])])?;
    }
    row += 2;
    let chart_at = row;
    row += 18;
    for (label, value) in [
        ("Method", r.method.as_str()),
        ("Checklist provenance", &r.provenance),
    ] {
        text(ws, row, 0, label, &s.label)?;
        ws.merge_range(row, 1, row, 4, "", &s.wrap)?;
        text(ws, row, 1, value, &s.wrap)?;
        fit_row(ws, row, &[(value, WIDTHS[1..].iter().sum())])?;
        row += 1;
    }
    area_chart(ws, r, table, chart_at)
}

/// A bar chart of the scored areas, 0 to 100 left to right, first area at the top. Areas with
/// nothing scored are left out rather than drawn as 0; provisional ones say so in their label.
fn area_chart(ws: &mut Worksheet, r: &Report, table: u32, at: u32) -> Result<(), XlsxError> {
    // The chart reads its own short table, beside the visible one, of scored areas only.
    const DATA: u16 = 7;
    let mut last = table;
    for a in r.score.areas.iter() {
        let Some(score) = a.score else { continue };
        last += 1;
        let label = if a.provisional {
            format!("{} (provisional)", a.title)
        } else {
            a.title.clone()
        };
        ws.write_string(last, DATA, guard_formula(&label))?;
        ws.write_number(last, DATA + 1, score)?;
    }
    ws.set_column_hidden(DATA)?;
    ws.set_column_hidden(DATA + 1)?;
    if last == table {
        return Ok(());
    }
    let mut chart = Chart::new(ChartType::Bar);
    chart
        .add_series()
        .set_name("Score (out of 100)")
        .set_categories(("Summary", table + 1, DATA, last, DATA))
        .set_values(("Summary", table + 1, DATA + 1, last, DATA + 1));
    chart.title().set_name("Score by area (out of 100)");
    chart.legend().set_hidden();
    // In a bar chart the value axis runs across and the category axis down.
    chart.x_axis().set_min(0).set_max(100).set_major_unit(20);
    chart.y_axis().set_reverse();
    chart.set_width(640).set_height(340).show_hidden_data();
    ws.insert_chart(at, 0, &chart)?;
    Ok(())
}

fn action_plan(ws: &mut Worksheet, r: &Report, s: &Styles) -> Result<(), XlsxError> {
    workbook::page(ws, "Action plan", r.marking(), &s.marking)?;
    // The workbook opens on the action plan, the sheet people work from.
    ws.set_active(true);
    ws.set_landscape();
    const WIDTHS: [f64; 10] = [5.0, 20.0, 9.0, 36.0, 40.0, 34.0, 46.0, 20.0, 12.0, 10.0];
    widths(ws, &WIDTHS)?;
    let headers = &COLUMNS[..PLAN_COLUMNS];
    for (col, h) in headers.iter().enumerate() {
        text(ws, 1, col as u16, h, &s.header)?;
    }
    let mut last = 1;
    for (i, f) in r.findings.iter().enumerate() {
        let row = 2 + i as u32;
        let finding = &f.finding;
        ws.write_number_with_format(row, 0, (i + 1) as f64, &s.whole)?;
        let because = f.why_flagged();
        let cells: [(u16, &str, &Format); 6] = [
            (1, &f.area_title, &s.wrap),
            (2, finding.severity.name(), s.severity(finding.severity)),
            (3, &finding.title, &s.wrap),
            (4, &finding.explanation, &s.wrap),
            (5, &because, &s.wrap),
            (6, &finding.action, &s.wrap),
        ];
        for (col, value, format) in cells {
            text(ws, row, col, value, format)?;
        }
        text(ws, row, 7, finding.owner.as_deref().unwrap_or(""), &s.wrap)?;
        if let Some(due) = &finding.due {
            ws.write_datetime_with_format(row, 8, due, &s.date)?;
        }
        text(ws, row, 9, f.status.name(), s.status(f.status.name()))?;
        fit_row(
            ws,
            row,
            &[
                (&f.area_title, WIDTHS[1]),
                (&finding.title, WIDTHS[3]),
                (&finding.explanation, WIDTHS[4]),
                (&because, WIDTHS[5]),
                (&finding.action, WIDTHS[6]),
            ],
        )?;
        last = row;
    }
    ws.autofilter(1, 0, last, headers.len() as u16 - 1)?;
    ws.set_freeze_panes(2, 0)?;
    ws.set_repeat_rows(0, 1)?;
    Ok(())
}

fn answers(ws: &mut Worksheet, r: &Report, s: &Styles) -> Result<(), XlsxError> {
    workbook::page(ws, "All answers", r.marking(), &s.marking)?;
    ws.set_landscape();
    const WIDTHS: [f64; 8] = [20.0, 50.0, 20.0, 50.0, 34.0, 22.0, 12.0, 18.0];
    widths(ws, &WIDTHS)?;
    let headers = [
        "Area", "Question", "Answer", "Note", "Evidence", "Owner", "Due", "Flags",
    ];
    for (col, h) in headers.iter().enumerate() {
        text(ws, 1, col as u16, h, &s.header)?;
    }
    let mut row = 1;
    for area in &r.areas {
        for i in &area.items {
            row += 1;
            let flags: Vec<&str> = [
                (!i.asked, "not asked"),
                (i.carried, "carried, unconfirmed"),
                (i.conflict.is_some(), "a return differs, unresolved"),
                (i.review, "provisional, to be confirmed"),
            ]
            .into_iter()
            .filter_map(|(on, f)| on.then_some(f))
            .collect();
            let evidence = i.evidence.join("; ");
            text(ws, row, 0, &area.title, &s.wrap)?;
            text(ws, row, 1, &i.prompt, &s.wrap)?;
            answer_cell(ws, row, 2, i, s)?;
            text(ws, row, 3, i.note.as_deref().unwrap_or(""), &s.wrap)?;
            text(ws, row, 4, &evidence, &s.wrap)?;
            text(ws, row, 5, i.owner.as_deref().unwrap_or(""), &s.wrap)?;
            if let Some(due) = &i.due {
                ws.write_datetime_with_format(row, 6, due, &s.date)?;
            }
            text(ws, row, 7, &flags.join(", "), &s.wrap)?;
            fit_row(
                ws,
                row,
                &[
                    (&i.prompt, WIDTHS[1]),
                    (i.note.as_deref().unwrap_or(""), WIDTHS[3]),
                    (&evidence, WIDTHS[4]),
                    (i.answer.as_deref().unwrap_or(""), WIDTHS[2]),
                ],
            )?;
        }
    }
    ws.autofilter(1, 0, row, headers.len() as u16 - 1)?;
    ws.set_freeze_panes(2, 0)?;
    ws.set_repeat_rows(0, 1)?;
    Ok(())
}

/// An answer as a typed cell: numbers and dates as such, with a format, and words otherwise.
fn answer_cell(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    i: &super::AnswerRow,
    s: &Styles,
) -> Result<(), XlsxError> {
    let stored = i.value.as_deref().filter(|_| i.asked);
    if let Some(v) = stored {
        if i.kind == "date"
            && let Ok(d) = v.parse::<jiff::civil::Date>()
        {
            ws.write_datetime_with_format(row, col, d, &s.date)?;
            return Ok(());
        }
        if let Some(format) = s.figure(i.kind)
            && let Ok(n) = v.parse::<f64>()
        {
            return number_cell(ws, row, col, i.kind, n, format);
        }
    }
    let shown = match (i.asked, &i.answer) {
        (false, _) => "not asked",
        (true, Some(a)) => a.as_str(),
        (true, None) => "unanswered",
    };
    text(ws, row, col, shown, &s.wrap)
}

/// A figure as a number cell in its kind's format; a percentage is stored as a fraction.
fn number_cell(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    kind: &str,
    n: f64,
    format: &Format,
) -> Result<(), XlsxError> {
    let n = if kind == "percent" { n / 100.0 } else { n };
    ws.write_number_with_format(row, col, n, format)?;
    Ok(())
}

fn figures(ws: &mut Worksheet, r: &Report, s: &Styles) -> Result<(), XlsxError> {
    workbook::page(ws, "Figures", r.marking(), &s.marking)?;
    const WIDTHS: [f64; 2] = [80.0, 14.0];
    widths(ws, &WIDTHS)?;
    for (col, h) in ["Measure", "Figure"].iter().enumerate() {
        text(ws, 1, col as u16, h, &s.header)?;
    }
    for (i, m) in r.metrics.iter().enumerate() {
        let row = 2 + i as u32;
        text(ws, row, 0, &m.label, &s.wrap)?;
        let format = s.figure(m.kind).unwrap_or(&s.score);
        number_cell(ws, row, 1, m.kind, m.value, format)?;
        fit_row(ws, row, &[(&m.label, WIDTHS[0])])?;
    }
    ws.set_freeze_panes(2, 0)?;
    Ok(())
}
