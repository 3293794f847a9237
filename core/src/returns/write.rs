//! Making a return workbook: a cover saying who it is for and what to do, the questions with
//! their guidance and entry cells that check what is typed, and a hidden sheet that ties it
//! back to its assessment.
//!
//! The sheets are protected without a password, and everything but the entry cells is locked:
//! this keeps the layout intact so the return can be read back, and the cover says it is no
//! security measure.

use jiff::civil::Date;
use rust_xlsxwriter::{Format, ProtectionOptions, Workbook, Worksheet, XlsxError};

use super::Meta;
use super::entry::{self, Entries};
use super::layout::{self, COLUMNS, FIRST_ROW, HEADER_ROW, key};
use crate::answer::Value;
use crate::assessment::{Answer, Assessment};
use crate::checklist::{Checklist, Item};
use crate::document::workbook::Styles;
use crate::document::workbook::{fit_row, page, text};
use crate::scoring::{self, Evaluation};

/// What to ask, of whom, and by when.
#[derive(Debug, Clone)]
pub struct Request {
    /// The contributor: their answers are recorded under this name.
    pub to: String,
    /// Who is asking, for the cover.
    pub from: String,
    /// The items asked, by id; they are asked in checklist order.
    pub items: Vec<String>,
    pub due: Option<Date>,
    /// The protective marking, at the top of every sheet and in its printed header and footer.
    pub marking: String,
    pub made: Date,
}

/// An assessment with its checklist and evaluation: what a return is made from.
pub struct Source<'a> {
    pub checklist: &'a Checklist,
    pub assessment: &'a Assessment,
    pub evaluation: &'a Evaluation,
}

/// The return workbook, as the bytes of an .xlsx file.
/// `token` is written into the hidden sheet, and recorded in the history by the caller.
pub fn write(request: &Request, from: &Source, token: &str) -> Result<Vec<u8>, XlsxError> {
    let items: Vec<&Item> = from
        .checklist
        .items()
        .filter(|i| request.items.contains(&i.id))
        .collect();
    let meta = Meta {
        force: from.assessment.force.clone(),
        period: from.assessment.period.clone(),
        checklist: from.checklist.id.clone(),
        version: from.checklist.version.clone(),
        fingerprint: from.checklist.fingerprint.clone(),
        to: request.to.clone(),
        from: request.from.clone(),
        made: request.made,
        due: request.due,
        token: Some(token.to_string()),
    };
    let styles = Styles::new();
    let mut front = Worksheet::new();
    cover(&mut front, request, &meta, from, items.len(), &styles)?;
    let mut data = Worksheet::new();
    let entries = Entries::new(&items, &mut data)?;
    hidden(&mut data, &meta, &items, from.assessment)?;
    let mut sheet = Worksheet::new();
    questions(&mut sheet, request, &items, from, &entries, &styles)?;
    let mut wb = Workbook::new();
    wb.push_worksheet(front);
    wb.push_worksheet(sheet);
    wb.push_worksheet(data);
    wb.save_to_buffer()
}

/// Locks the layout but lets rows and columns be resized, so long notes can be read.
fn protect(ws: &mut Worksheet) {
    let options = ProtectionOptions {
        format_columns: true,
        format_rows: true,
        ..ProtectionOptions::new()
    };
    ws.protect_with_options(&options);
}

fn cover(
    ws: &mut Worksheet,
    request: &Request,
    meta: &Meta,
    from: &Source,
    count: usize,
    s: &Styles,
) -> Result<(), XlsxError> {
    page(ws, layout::COVER, &request.marking, &s.marking)?;
    ws.set_active(true);
    const WIDTHS: [f64; 2] = [24.0, 80.0];
    ws.set_column_width(0, WIDTHS[0])?;
    ws.set_column_width(1, WIDTHS[1])?;
    text(ws, 1, 0, &format!("Return for {}", request.to), &s.title)?;
    let due = request.due.map_or_else(
        || "as soon as you can".to_string(),
        |d| d.strftime("%-d %B %Y").to_string(),
    );
    let facts = [
        ("For", request.to.clone()),
        ("From", request.from.clone()),
        ("Assessment", format!("{}, {}", meta.force, meta.period)),
        (
            "Checklist",
            format!("{} (version {})", from.checklist.title, meta.version),
        ),
        (
            "Questions",
            format!("{count}, on the sheet \"{}\"", layout::QUESTIONS),
        ),
        ("Please return by", due),
        ("Made", meta.made.strftime("%-d %B %Y").to_string()),
    ];
    let steps = [
        format!(
            "Open the sheet \"{}\". Each row is one question, with guidance on what good looks like.",
            layout::QUESTIONS
        ),
        "Type or choose your answer in the yellow Answer cell. Each answer cell says what it takes when you select it, and refuses what does not fit.".into(),
        "Where an answer is already filled in, it is the one recorded now: change it if it is no longer right, or leave it.".into(),
        "Add a note saying why, or what is missing; the evidence that supports the answer (documents or records, separated by semicolons); and, where something needs doing, who owns it and by when.".into(),
        "Leave a question blank if you cannot answer it. A grey question is not asked at present; answer it only if your other answers change that.".into(),
        format!(
            "Save the workbook as it is (keep the .xlsx format and the file's sheets) and send it back to {}.",
            request.from
        ),
    ];
    let mut row = 3;
    for (label, value) in &facts {
        text(ws, row, 0, label, &s.label)?;
        text(ws, row, 1, value, &s.wrap)?;
        fit_row(ws, row, &[(value, WIDTHS[1])])?;
        row += 1;
    }
    row += 1;
    text(ws, row, 0, "What to do", &s.label)?;
    for (n, step) in steps.iter().enumerate() {
        let line = format!("{}. {step}", n + 1);
        text(ws, row, 1, &line, &s.wrap)?;
        fit_row(ws, row, &[(&line, WIDTHS[1])])?;
        row += 1;
    }
    row += 1;
    let notes = [
        (
            "Protection",
            "The sheets are protected only to keep their layout intact, so your answers can be read back into the assessment. There is no password that matters and this is not a security measure: handle the workbook according to its marking. Please do not add, move, sort or delete rows, or rename the sheets.".to_string(),
        ),
        (
            "Marking",
            format!("This workbook is marked {}.", request.marking),
        ),
    ];
    for (label, value) in &notes {
        text(ws, row, 0, label, &s.label)?;
        text(ws, row, 1, value, &s.wrap)?;
        fit_row(ws, row, &[(value, WIDTHS[1])])?;
        row += 1;
    }
    text(ws, row + 1, 0, &request.marking, &s.marking)?;
    protect(ws);
    Ok(())
}

fn questions(
    ws: &mut Worksheet,
    request: &Request,
    items: &[&Item],
    from: &Source,
    entries: &Entries,
    s: &Styles,
) -> Result<(), XlsxError> {
    page(ws, layout::QUESTIONS, &request.marking, &s.marking)?;
    ws.set_landscape();
    for (col, (_, width)) in COLUMNS.iter().enumerate() {
        ws.set_column_width(col as u16, *width)?;
    }
    text(
        ws,
        1,
        0,
        "Answer in the yellow cells. Select a cell to see what it takes.",
        &s.label,
    )?;
    for (col, (heading, _)) in COLUMNS.iter().enumerate() {
        text(ws, HEADER_ROW, col as u16, heading, &s.header)?;
    }
    let numbers: Vec<&str> = from.checklist.items().map(|i| i.id.as_str()).collect();
    for (n, item) in items.iter().enumerate() {
        let row = FIRST_ROW + n as u32;
        let number = numbers.iter().position(|id| *id == item.id).unwrap_or(0) + 1;
        question_row(ws, row, number, item, from, entries, s)?;
    }
    ws.set_freeze_panes(FIRST_ROW, 0)?;
    ws.set_repeat_rows(0, HEADER_ROW)?;
    protect(ws);
    Ok(())
}

fn question_row(
    ws: &mut Worksheet,
    row: u32,
    number: usize,
    item: &Item,
    from: &Source,
    entries: &Entries,
    s: &Styles,
) -> Result<(), XlsxError> {
    let answer = from
        .assessment
        .answer(&item.id)
        .cloned()
        .unwrap_or_default();
    let asked = from.evaluation.is_asked(&item.id);
    let plain = if asked { &s.wrap } else { &s.grey };
    let area = from
        .checklist
        .area_of(&item.id)
        .map_or("", |a| a.title.as_str());
    let how = how_to_answer(item, &answer, asked, from);
    ws.write_number_with_format(row, layout::NUMBER, number as f64, &s.label)?;
    text(ws, row, layout::AREA, area, plain)?;
    text(ws, row, layout::QUESTION, &question_text(item), plain)?;
    // A contributor answers too, so the workbook gives how to record the answer as well.
    let guidance = item.guidance_for_answering();
    text(ws, row, layout::GUIDANCE, &guidance, plain)?;
    text(ws, row, layout::HOW, &how, plain)?;
    entries.write_row(ws, row, item, &answer)?;
    let width = |col: u16| COLUMNS[usize::from(col)].1;
    let evidence = answer.evidence.join(layout::EVIDENCE_JOIN);
    fit_row(
        ws,
        row,
        &[
            (item.prompt.as_str(), width(layout::QUESTION)),
            (guidance.as_str(), width(layout::GUIDANCE)),
            (how.as_str(), width(layout::HOW)),
            (answer.note.as_deref().unwrap_or(""), width(layout::NOTE)),
            (evidence.as_str(), width(layout::EVIDENCE)),
        ],
    )
}

/// The question as the sheet shows it; the reader checks each row still holds it.
pub(super) fn question_text(item: &Item) -> String {
    crate::document::escape::guard_formula(&item.prompt).into_owned()
}

/// What the answer cell takes, and anything the contributor should know about this question.
fn how_to_answer(item: &Item, answer: &Answer, asked: bool, from: &Source) -> String {
    let mut said = vec![entry::takes(&item.kind)];
    if !asked {
        let because =
            scoring::deciding(from.checklist, from.assessment, item, from.evaluation.as_at)
                .join("; ");
        said.push(format!(
            "Not asked at present, because of the answer to: {because}\nAnswer it only if your answers change that."
        ));
    }
    if answer.carried && answer.value.is_some() {
        said.push(match &from.assessment.carried_from {
            Some(period) => format!("Carried from {period}: check it is still right."),
            None => "Carried from last period: check it is still right.".into(),
        });
    }
    said.join("\n")
}

/// The hidden sheet: what the return belongs to, then each row's item and what its entry cells
/// held when the return was made, so a cell left as it was is not taken as a new answer.
fn hidden(
    ws: &mut Worksheet,
    meta: &Meta,
    items: &[&Item],
    assessment: &Assessment,
) -> Result<(), XlsxError> {
    ws.set_name(layout::DATA)?;
    ws.set_hidden(true);
    let made = meta.made.to_string();
    let due = meta.due.map(|d| d.to_string()).unwrap_or_default();
    let values = [
        layout::LAYOUT,
        &meta.force,
        &meta.period,
        &meta.checklist,
        &meta.version,
        &meta.fingerprint,
        &meta.to,
        &meta.from,
        &made,
        &due,
    ];
    for (row, (k, v)) in key::ALL.iter().zip(values).enumerate() {
        ws.write_string(row as u32, 0, *k)?;
        ws.write_string(row as u32, 1, v)?;
    }
    if let Some(token) = &meta.token {
        ws.write_string(layout::TOKEN_ROW, layout::TOKEN_COL - 1, layout::TOKEN_KEY)?;
        ws.write_string(layout::TOKEN_ROW, layout::TOKEN_COL, token)?;
    }
    for (col, heading) in layout::TABLE.iter().enumerate() {
        ws.write_string(layout::TABLE_ROW, col as u16, *heading)?;
    }
    let plain = Format::new();
    for (n, item) in items.iter().enumerate() {
        let row = layout::TABLE_ROW + 1 + n as u32;
        let answer = assessment.answer(&item.id).cloned().unwrap_or_default();
        let sent = [
            (FIRST_ROW + n as u32 + 1).to_string(),
            item.id.clone(),
            answer
                .value
                .as_ref()
                .map(Value::to_string)
                .unwrap_or_default(),
            answer.note.clone().unwrap_or_default(),
            answer.evidence.join("\n"),
            answer.owner.clone().unwrap_or_default(),
            answer.due.map(|d| d.to_string()).unwrap_or_default(),
        ];
        for (col, v) in sent.iter().enumerate() {
            ws.write_string_with_format(row, col as u16, v, &plain)?;
        }
    }
    protect(ws);
    Ok(())
}
