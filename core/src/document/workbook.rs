//! Sheets that open clean in Excel and LibreOffice Calc: the marking in the top row and in the
//! printed header and footer, a header row that stays in view and filters, dates written as
//! dates and figures as numbers with a number format, judgements coloured by [`Tone`], and
//! rows tall enough to show their wrapped text whole.
//!
//! Text is always written as a string cell, never as a formula, and also passes through
//! [`guard_formula`] so that it stays inert if the sheet is later saved as CSV.

use jiff::civil::Date;
use rust_xlsxwriter::{
    Color, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use super::escape::guard_formula;
use super::tone::Tone;

/// Excel's limit on the length of a cell, in UTF-16 units, less room for the guard.
const MAX_CELL: usize = 32_000;
/// Excel refuses header and footer strings over 255 characters; the marking gets this many.
const MAX_MARKING: usize = 80;
/// The height of one line of the default 11-point font, in points.
const LINE: f64 = 15.0;
/// Rows never grow past this many lines; Excel's limit is 409 points.
const MAX_LINES: usize = 27;
/// The first row of a table's data: the marking is in row 0 and the headings in row 1.
const FIRST: u32 = 2;

/// One cell's content.
#[derive(Debug, Clone)]
pub enum Value {
    Text(String),
    /// A count, shown whole.
    Count(f64),
    /// A score or figure, shown to one decimal place where it has one.
    Number(f64),
    /// A change, shown with its sign.
    Change(f64),
    /// A change in percent, e.g. 18.4, stored as the fraction Excel expects and shown signed.
    Percent(f64),
    /// A share in percent, e.g. 34.6, stored as the fraction Excel expects.
    Share(f64),
    Date(Date),
    /// Text coloured as a judgement, e.g. a severity or an action's status.
    Toned(String, Tone),
    Empty,
}

impl Value {
    pub fn text(s: impl Into<String>) -> Value {
        Value::Text(s.into())
    }

    /// A figure when there is one, otherwise a dash, so a missing value is never read as zero.
    pub fn number_or_dash(x: Option<f64>, as_number: fn(f64) -> Value) -> Value {
        x.map_or(Value::text("—"), as_number)
    }

    fn text_of(&self) -> Option<&str> {
        match self {
            Value::Text(s) | Value::Toned(s, _) => Some(s),
            _ => None,
        }
    }
}

/// A column: its heading and width in characters.
pub type Column<'a> = (&'a str, f64);

/// The formats every sheet uses, made once per workbook.
pub struct Styles {
    pub marking: Format,
    pub header: Format,
    pub wrap: Format,
    /// The title on a front sheet or cover.
    pub title: Format,
    /// Quiet text: a question not asked.
    pub grey: Format,
    count: Format,
    number: Format,
    change: Format,
    percent: Format,
    share: Format,
    date: Format,
    tones: [(Tone, Format); 5],
    /// A heading on the front sheet.
    pub heading: Format,
    /// A label beside a value on a front sheet or cover.
    pub label: Format,
}

impl Default for Styles {
    fn default() -> Self {
        Styles::new()
    }
}

/// A colour from the palette's hex.
fn rgb(hex: &str) -> Color {
    Color::RGB(u32::from_str_radix(hex, 16).unwrap_or(0))
}

impl Styles {
    pub fn new() -> Styles {
        let cell = Format::new()
            .set_align(FormatAlign::Top)
            .set_border_bottom(FormatBorder::Thin)
            .set_border_bottom_color(rgb(super::tone::RULE));
        let wrap = cell.clone().set_text_wrap();
        let tone = |t: Tone| {
            (
                t,
                wrap.clone()
                    .set_bold()
                    .set_background_color(rgb(t.fill()))
                    .set_font_color(rgb(t.ink())),
            )
        };
        Styles {
            marking: Format::new()
                .set_bold()
                .set_font_color(rgb(super::tone::MARKING)),
            heading: Format::new()
                .set_bold()
                .set_font_size(13)
                .set_font_color(rgb(super::tone::ACCENT)),
            label: wrap.clone().set_bold(),
            title: Format::new()
                .set_bold()
                .set_font_size(14)
                .set_font_color(rgb(super::tone::ACCENT)),
            grey: wrap
                .clone()
                .set_italic()
                .set_font_color(rgb(super::tone::MUTED)),
            header: Format::new()
                .set_bold()
                .set_align(FormatAlign::Top)
                .set_background_color(rgb(super::tone::ACCENT))
                .set_font_color(Color::White)
                .set_text_wrap(),
            count: cell.clone().set_num_format("#,##0"),
            number: cell.clone().set_num_format("#,##0.0##"),
            change: cell.clone().set_num_format("+0.0##;−0.0##;0"),
            percent: cell.clone().set_num_format("+0.0%;−0.0%;0%"),
            share: cell.clone().set_num_format("0.0%"),
            date: cell.set_num_format("d mmmm yyyy"),
            tones: super::tone::ALL.map(tone),
            wrap,
        }
    }

    fn tone(&self, t: Tone) -> &Format {
        self.tones
            .iter()
            .find(|(x, _)| *x == t)
            .map_or(&self.wrap, |(_, f)| f)
    }
}

/// Adds a sheet named `name` holding a table with `columns` and `rows`, under `marking`, set
/// up to print on A4. Returns the sheet for anything more the caller adds.
pub fn table<'a>(
    wb: &'a mut Workbook,
    name: &str,
    marking: &str,
    columns: &[Column],
    rows: &[Vec<Value>],
    styles: &Styles,
) -> Result<&'a mut Worksheet, XlsxError> {
    let ws = wb.add_worksheet();
    page(ws, name, marking, &styles.marking)?;
    for (col, (heading, width)) in columns.iter().enumerate() {
        text(ws, 1, col as u16, heading, &styles.header)?;
        ws.set_column_width(col as u16, *width)?;
    }
    ws.set_row_height(1, height(columns.iter().map(|(h, w)| (*h, *w))))?;
    for (i, cells) in rows.iter().enumerate() {
        let row = FIRST + i as u32;
        for (col, value) in cells.iter().enumerate() {
            write(ws, row, col as u16, value, styles)?;
        }
        ws.set_row_height(
            row,
            height(
                cells
                    .iter()
                    .zip(columns)
                    .filter_map(|(v, (_, w))| v.text_of().map(|t| (t, *w))),
            ),
        )?;
    }
    let last = (FIRST + rows.len() as u32).max(FIRST + 1) - 1;
    ws.autofilter(1, 0, last, columns.len().max(1) as u16 - 1)?;
    ws.set_freeze_panes(FIRST, 0)?;
    ws.set_repeat_rows(0, 1)?;
    if columns.iter().map(|c| c.1).sum::<f64>() > 100.0 {
        ws.set_landscape();
    }
    Ok(ws)
}

/// Writes one value in its cell, as its type.
pub fn write(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    value: &Value,
    s: &Styles,
) -> Result<(), XlsxError> {
    match value {
        Value::Text(t) => text(ws, row, col, t, &s.wrap),
        Value::Toned(t, tone) => text(ws, row, col, t, s.tone(*tone)),
        Value::Count(n) => number(ws, row, col, *n, &s.count),
        Value::Number(n) => number(ws, row, col, *n, &s.number),
        Value::Change(n) => number(ws, row, col, *n, &s.change),
        Value::Percent(n) => number(ws, row, col, n / 100.0, &s.percent),
        Value::Share(n) => number(ws, row, col, n / 100.0, &s.share),
        Value::Date(d) => {
            let when = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
            ws.write_datetime_with_format(row, col, &when, &s.date)?;
            Ok(())
        }
        Value::Empty => {
            ws.write_blank(row, col, &s.wrap)?;
            Ok(())
        }
    }
}

fn number(ws: &mut Worksheet, row: u32, col: u16, n: f64, f: &Format) -> Result<(), XlsxError> {
    ws.write_number_with_format(row, col, n, f)?;
    Ok(())
}

/// Writes text as an inert string cell, capped at Excel's limit.
pub fn text(ws: &mut Worksheet, row: u32, col: u16, s: &str, f: &Format) -> Result<(), XlsxError> {
    let guarded = guard_formula(s);
    let mut used = 0;
    let capped: String = guarded
        .chars()
        .take_while(|c| {
            used += c.len_utf16();
            used <= MAX_CELL
        })
        .collect();
    ws.write_string_with_format(row, col, capped, f)?;
    Ok(())
}

/// Names the sheet, puts the marking in its top row, header and footer, and sets up A4 printing.
pub fn page(ws: &mut Worksheet, name: &str, marking: &str, f: &Format) -> Result<(), XlsxError> {
    ws.set_name(name)?;
    let short: String = marking
        .chars()
        .take(MAX_MARKING)
        .collect::<String>()
        .replace('&', "&&");
    ws.set_header(format!("&C&\"-,Bold\"{short}"));
    ws.set_footer(format!("&L&A&C&\"-,Bold\"{short}&RPage &P of &N"));
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    text(ws, 0, 0, marking, f)
}

/// Sets a row tall enough to show whole the wrapped text of these cells, each given with its
/// column's width.
pub fn fit_row(ws: &mut Worksheet, row: u32, cells: &[(&str, f64)]) -> Result<(), XlsxError> {
    ws.set_row_height(row, height(cells.iter().copied()))?;
    Ok(())
}

/// The height, in points, that shows whole the longest of these texts wrapped in columns of
/// these widths (in characters).
fn height<'a>(cells: impl Iterator<Item = (&'a str, f64)>) -> f64 {
    let lines = cells
        .map(|(t, width)| {
            // Words wrap before the edge, so a line holds a little less than the width.
            let per_line = ((width - 1.0) * 0.95).max(1.0);
            t.split('\n')
                .map(|l| (l.chars().count() as f64 / per_line).ceil().max(1.0) as usize)
                .sum::<usize>()
        })
        .max()
        .unwrap_or(1);
    lines.clamp(1, MAX_LINES) as f64 * LINE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_grow_with_their_longest_wrapped_text() {
        assert_eq!(height(std::iter::empty()), LINE);
        assert_eq!(height([("short", 20.0)].into_iter()), LINE);
        assert_eq!(height([("a\nb\nc", 20.0)].into_iter()), 3.0 * LINE);
        let long = "word ".repeat(40);
        assert_eq!(
            // 200 characters at 19 to a line.
            height([("x", 10.0), (long.as_str(), 21.0)].into_iter()),
            11.0 * LINE
        );
        assert_eq!(
            height([(long.repeat(50).as_str(), 5.0)].into_iter()),
            27.0 * LINE
        );
    }
}
