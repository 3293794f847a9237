//! Any document as an Excel workbook. The front sheet holds everything that is not a table,
//! in reading order (the title, the facts, the sentences, the sign-off, any redaction), with
//! each chart as a native chart; each table, and each run of cards, gets a sheet of its own.
//! Every sheet carries the marking in its top row and in its printed header and footer.

use rust_xlsxwriter::{Chart as Native, ChartType, Note, Workbook, Worksheet, XlsxError};

use crate::document::chart::{Chart, Plot};
use crate::document::model::{Block, Card, Column, Doc, Para, Span, Table, Value, text_of};
use crate::document::workbook::{self, Styles, fit_row, text};

/// The front sheet's columns, in characters: a label, and the text beside it.
const LABEL: f64 = 28.0;
const BODY: f64 = 90.0;
/// Where a chart's figures are written, to the right of the text.
const DATA: u16 = 3;
/// The height of a default row, in pixels.
const ROW_PX: u32 = 20;

/// A native chart's height in pixels: room for its title, axis and a bar or point each.
fn chart_height(c: &Chart) -> u32 {
    (80 + 24 * c.points().len() as u32).max(200)
}

pub fn render(doc: &Doc) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let s = Styles::new();
    let marking = &doc.meta.page.marking;
    let mut front = Front {
        row: 1,
        charts: Vec::new(),
        tables: Vec::new(),
    };
    let ws = wb.add_worksheet();
    workbook::page(ws, doc.meta.front_sheet, marking, &s.marking)?;
    ws.set_column_width(0, LABEL)?;
    ws.set_column_width(1, BODY)?;
    ws.set_column_width(DATA, LABEL)?;
    front.title(ws, doc, &s)?;
    front.blocks(ws, &doc.blocks, &s)?;
    front.line(ws, &s, "", &doc.meta.produced(), &s.wrap)?;
    text(ws, front.row + 1, 0, marking, &s.marking)?;
    front.draw_charts(ws, doc.meta.front_sheet)?;
    for sheet in front.tables {
        match sheet {
            Sheet::Table(t) => table(&mut wb, t, marking, &s)?,
            Sheet::Cards(name, cards) => cards_sheet(&mut wb, name, cards, marking, &s)?,
        }
    }
    wb.save_to_buffer()
}

enum Sheet<'d> {
    Table(&'d Table),
    Cards(&'static str, &'d [Card]),
}

/// The front sheet being written, and what goes elsewhere.
struct Front<'d> {
    row: u32,
    charts: Vec<(u32, &'d Chart)>,
    tables: Vec<Sheet<'d>>,
}

impl<'d> Front<'d> {
    fn title(&mut self, ws: &mut Worksheet, doc: &Doc, s: &Styles) -> Result<(), XlsxError> {
        let m = &doc.meta;
        text(ws, self.row, 0, &m.title, &s.title)?;
        self.row += 1;
        if let Some((badge, tone)) = &m.badge {
            workbook::write(ws, self.row, 0, &Value::Toned(badge.clone(), *tone), s)?;
            self.row += 1;
        }
        self.line(ws, s, m.kind, &m.as_at_sentence(), &s.wrap)?;
        workbook::write(ws, self.row, 0, &Value::text("As at"), s)?;
        workbook::write(ws, self.row, 1, &Value::Date(m.page.as_at), s)?;
        self.row += 2;
        Ok(())
    }

    fn line(
        &mut self,
        ws: &mut Worksheet,
        s: &Styles,
        label: &str,
        body: &str,
        f: &rust_xlsxwriter::Format,
    ) -> Result<(), XlsxError> {
        if !label.is_empty() {
            text(ws, self.row, 0, label, &s.label)?;
        }
        text(ws, self.row, 1, body, f)?;
        fit_row(ws, self.row, &[(label, LABEL), (body, BODY)])?;
        self.row += 1;
        Ok(())
    }

    fn blocks(
        &mut self,
        ws: &mut Worksheet,
        blocks: &'d [Block],
        s: &Styles,
    ) -> Result<(), XlsxError> {
        for b in blocks {
            self.block(ws, b, s)?;
        }
        Ok(())
    }

    fn block(&mut self, ws: &mut Worksheet, b: &'d Block, s: &Styles) -> Result<(), XlsxError> {
        match b {
            Block::Section { blocks, .. } => self.blocks(ws, blocks, s)?,
            Block::Heading { text: t, .. } => {
                self.row += 1;
                text(ws, self.row, 0, &text_of(t), &s.heading)?;
                self.row += 1;
            }
            Block::Para { spans, kind } => {
                let f = if *kind == Para::Lead {
                    &s.label
                } else {
                    &s.wrap
                };
                self.line(ws, s, "", &text_of(spans), f)?;
            }
            Block::Facts(rows) => {
                for (label, value) in rows {
                    self.line(ws, s, label, &text_of(value), &s.wrap)?;
                }
            }
            Block::Bullets(items) => {
                for item in items {
                    self.line(ws, s, "", &format!("• {}", text_of(item)), &s.wrap)?;
                }
            }
            Block::Lists(groups) => {
                for (heading, items) in groups {
                    self.line(ws, s, heading, &items.join("; "), &s.wrap)?;
                }
            }
            Block::Table(t) => {
                self.line(
                    ws,
                    s,
                    "",
                    &format!("The table is on the sheet \"{}\".", t.sheet),
                    &s.grey,
                )?;
                // What is said of each group (an area's standing, say) has no row of the
                // table to go in, so it stays here, under the group's heading.
                for g in t.groups.iter().filter(|g| !g.lines.is_empty()) {
                    let said: Vec<&str> = g.lines.iter().map(|(_, l)| l.as_str()).collect();
                    let heading = g.heading.as_deref().unwrap_or_default();
                    self.line(ws, s, heading, &said.join(" "), &s.wrap)?;
                }
                self.tables.push(Sheet::Table(t));
            }
            Block::Cards { sheet, cards } => {
                self.line(
                    ws,
                    s,
                    "",
                    &format!("These are listed on the sheet \"{sheet}\"."),
                    &s.grey,
                )?;
                self.tables.push(Sheet::Cards(sheet, cards));
            }
            Block::Chart(c) => {
                self.line(ws, s, "", &c.caption, &s.label)?;
                self.charts.push((self.row, c));
                // Room for the chart, drawn over the rows below its caption.
                self.row += chart_height(c).div_ceil(ROW_PX) + 1;
            }
        }
        Ok(())
    }

    /// Each chart as a native chart, its figures written beside the text it illustrates.
    fn draw_charts(&self, ws: &mut Worksheet, sheet: &str) -> Result<(), XlsxError> {
        for (at, c) in &self.charts {
            let points = c.points();
            if points.is_empty() {
                continue;
            }
            for (i, (label, value)) in points.iter().enumerate() {
                let row = at + i as u32;
                ws.write_string(row, DATA, label)?;
                ws.write_number(row, DATA + 1, *value)?;
            }
            let last = at + points.len() as u32 - 1;
            let kind = match c.plot {
                Plot::Bars { .. } => ChartType::Bar,
                Plot::Lines { .. } => ChartType::Line,
            };
            let mut chart = Native::new(kind);
            chart
                .add_series()
                .set_categories((sheet, *at, DATA, last, DATA))
                .set_values((sheet, *at, DATA + 1, last, DATA + 1));
            chart.title().set_name(&c.caption);
            chart.legend().set_hidden();
            chart.set_width(560).set_height(chart_height(c));
            if kind == ChartType::Bar {
                // Bars read top down in the order given, as in the other formats.
                chart.y_axis().set_reverse();
            }
            ws.insert_chart(*at, 1, &chart)?;
        }
        Ok(())
    }
}

/// A table's sheet: a first column for the group (an area, say) when groups have headings,
/// and a cell's lines joined to its text.
fn table(wb: &mut Workbook, t: &Table, marking: &str, s: &Styles) -> Result<(), XlsxError> {
    let grouped = t.groups.iter().any(|g| g.heading.is_some());
    let mut columns: Vec<(&str, f64)> = Vec::new();
    if grouped {
        columns.push((t.group, 24.0));
    }
    columns.extend(
        t.columns
            .iter()
            .map(|c: &Column| (c.title.as_str(), chars(c.width))),
    );
    let mut rows = Vec::new();
    let mut notes = Vec::new();
    for g in &t.groups {
        for row in &g.rows {
            let mut cells: Vec<Value> = Vec::new();
            if grouped {
                cells.push(Value::text(g.heading.clone().unwrap_or_default()));
            }
            for c in row {
                let lines = c.lines.iter().map(|l| l.text.as_str());
                let joined = |t: &str| {
                    std::iter::once(t)
                        .chain(c.lines.iter().map(|l| l.text.as_str()))
                        .filter(|t| !t.is_empty())
                        .collect::<Vec<_>>()
                        .join("\n")
                };
                match &c.value {
                    // Text and its lines read as one cell, so a filter finds either.
                    Value::Text(t) => cells.push(Value::Text(joined(t))),
                    Value::Toned(t, tone) => cells.push(Value::Toned(joined(t), *tone)),
                    // A figure stays a figure; what is said of it becomes the cell's note.
                    typed => {
                        if !c.lines.is_empty() {
                            let at = (FIRST + rows.len() as u32, cells.len() as u16);
                            notes.push((at, lines.collect::<Vec<_>>().join("\n")));
                        }
                        cells.push(typed.clone());
                    }
                }
            }
            rows.push(cells);
        }
    }
    let ws = workbook::table(wb, t.sheet, marking, &columns, &rows, s)?;
    for ((row, col), text) in notes {
        ws.insert_note(row, col, &Note::new(text).set_author("probity"))?;
    }
    Ok(())
}

/// The first row of a table's data, under the marking and the headings.
const FIRST: u32 = 2;

/// A share of the page's width as a column width in characters.
fn chars(percent: u8) -> f64 {
    (f64::from(percent) * 1.1).max(8.0)
}

/// A run of cards as one sheet: a row per card, a column per label.
fn cards_sheet(
    wb: &mut Workbook,
    name: &str,
    cards: &[Card],
    marking: &str,
    s: &Styles,
) -> Result<(), XlsxError> {
    let mut labels: Vec<&str> = Vec::new();
    for (label, _) in cards.iter().flat_map(|c| &c.facts) {
        if !labels.contains(&label.as_str()) {
            labels.push(label);
        }
    }
    let notes = cards.iter().any(|c| !c.bullets.is_empty());
    let mut columns: Vec<(&str, f64)> = vec![("", 40.0)];
    columns.extend(labels.iter().map(|l| (*l, 30.0)));
    if notes {
        columns.push(("Notes", 50.0));
    }
    let rows: Vec<Vec<Value>> = cards
        .iter()
        .map(|c| {
            let mut row = vec![heading_value(&c.heading, c.tone)];
            row.extend(labels.iter().map(|l| {
                c.facts
                    .iter()
                    .find(|(label, _)| label == l)
                    .map_or(Value::Empty, |(_, v)| span_value(v))
            }));
            if notes {
                let lines: Vec<String> = c.bullets.iter().map(|b| text_of(b)).collect();
                row.push(Value::Text(lines.join("\n")));
            }
            row
        })
        .collect();
    workbook::table(wb, name, marking, &columns, &rows, s)?;
    Ok(())
}

fn heading_value(spans: &[Span], tone: Option<crate::document::tone::Tone>) -> Value {
    match tone {
        Some(t) => Value::Toned(text_of(spans), t),
        None => Value::Text(text_of(spans)),
    }
}

/// A value given as spans: a lone badge keeps its colour.
fn span_value(spans: &[Span]) -> Value {
    match spans {
        [one] if one.badge => Value::Toned(one.text.clone(), one.tone.unwrap_or_default()),
        _ => Value::Text(text_of(spans)),
    }
}
