//! Reading a filled return: which assessment it belongs to, and what each row says, every cell
//! checked. A return for another assessment, or made from another version of the checklist, is
//! refused before its cells are read; a return with any bad cell yields every bad cell, so the
//! contributor can put them all right at once.

use std::collections::HashSet;
use std::io::Cursor;

use calamine::{Data, Range, Reader};
use jiff::civil::Date;

use super::cell::{self, Content};
use super::layout::{self, key};
use super::write::question_text;
use super::{Made, Meta};
use crate::assessment::{Assessment, Incoming};
use crate::checklist::{Checklist, Item};

/// How large a return's parts may be once inflated, in all. A real return inflates to well
/// under a megabyte; without a bound, a small hostile file could make the reader inflate
/// gigabytes into memory.
const MAX_INFLATED: u128 = 256 * 1024 * 1024;

/// Refuses a workbook whose parts would inflate past [`MAX_INFLATED`]: first from what its
/// directory declares, then by inflating each part into nothing, counting the bytes as they
/// come and stopping at the bound, since a directory can lie. Memory stays a buffer's worth.
pub(crate) fn inflates_within_bounds(bytes: &[u8]) -> Result<(), String> {
    inflates_within(bytes, MAX_INFLATED)
}

fn inflates_within(bytes: &[u8], cap: u128) -> Result<(), String> {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(()); // Not a zip: the workbook reader says what it is not.
    };
    let too_much = || {
        format!(
            "its parts would inflate to more than {} MB, far more than any return",
            cap / (1024 * 1024)
        )
    };
    let mut declared = 0u128;
    for i in 0..archive.len() {
        let part = archive.by_index_raw(i).map_err(|e| e.to_string())?;
        declared += u128::from(part.size());
    }
    if declared > cap {
        return Err(too_much());
    }
    let mut inflated = 0u128;
    for i in 0..archive.len() {
        let part = archive.by_index(i).map_err(|e| e.to_string())?;
        let room = u64::try_from(cap - inflated).unwrap_or(u64::MAX);
        // One byte past the room left is enough to know it is too much. A part that inflates
        // past what the directory declares is refused by the zip reader itself, mid-stream.
        let read = std::io::copy(
            &mut std::io::Read::take(part, room.saturating_add(1)),
            &mut std::io::sink(),
        )
        .map_err(|e| format!("a part does not inflate as its directory says: {e}"))?;
        inflated += u128::from(read);
        if inflated > cap {
            return Err(too_much());
        }
    }
    Ok(())
}

/// A return as read back: what it says about itself, and each of its rows.
#[derive(Debug, Clone)]
pub struct Received {
    /// The workbook's file name, as messages and the assessment name it.
    pub name: String,
    pub meta: Meta,
    pub rows: Vec<Row>,
    /// Said beside what it changes: a return made before probity recorded returns, whose
    /// contributor could not be checked.
    pub warning: Option<String>,
}

/// One question of a return.
#[derive(Debug, Clone)]
pub struct Row {
    pub item: String,
    /// Its row on the questions sheet, counting from 0.
    pub row: u32,
    /// What its cells say now, as an incoming answer from the return's contributor.
    pub given: Incoming,
    /// What its cells held when the return was made (from, source and date left empty).
    pub sent: Incoming,
}

/// A cell that does not hold what its question takes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{workbook}, sheet \"{sheet}\", cell {cell}, {item} ({prompt}): {message}")]
pub struct CellError {
    pub workbook: String,
    pub sheet: String,
    /// As a spreadsheet names it, e.g. "E7".
    pub cell: String,
    pub item: String,
    pub prompt: String,
    /// What is wrong, with the value as found.
    pub message: String,
}

/// Why a return was not read, or not used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReturnError {
    #[error("{name} cannot be read as a workbook: {why}")]
    Unreadable { name: String, why: String },
    #[error("{name} is not a probity return, or its hidden sheet was changed: {why}")]
    NotAReturn { name: String, why: String },
    #[error("{name} belongs to another assessment: {why}")]
    Elsewhere { name: String, why: String },
    #[error("{} has {} that cannot be used, so nothing from it was applied", .0[0].workbook, cells(.0.len()))]
    Cells(Vec<CellError>),
    #[error("{name} was not applied: {why}")]
    NotApplied { name: String, why: String },
    /// The workbook claims to be a return the history does not record: a token no return was
    /// made with, another contributor than it was made for, or items it was not sent.
    #[error("{name} was refused, and nothing from it was applied: {why}")]
    NotAsMade { name: String, why: String },
}

fn cells(n: usize) -> String {
    if n == 1 {
        "1 cell".into()
    } else {
        format!("{n} cells")
    }
}

/// Reads a return from its bytes (`name` is its file name), checking that it belongs to this
/// assessment and checklist version and that every filled cell fits its question. What the
/// contributor gave is dated `received`. `made` is every return the assessment's history says
/// was made: a workbook must be one of them, for the contributor it was made for, listing only
/// the items it was sent (a workbook without a token, made before tokens were written, is read
/// with a warning that its contributor cannot be checked).
pub fn read(
    name: &str,
    bytes: &[u8],
    assessment: &Assessment,
    checklist: &Checklist,
    made: &[Made],
    received: Date,
) -> Result<Received, ReturnError> {
    let unreadable = |why: String| ReturnError::Unreadable {
        name: name.into(),
        why,
    };
    inflates_within_bounds(bytes).map_err(unreadable)?;
    let mut book = guarded(|| calamine::open_workbook_auto_from_rs(Cursor::new(bytes)))
        .map_err(unreadable)?
        .map_err(|e| unreadable(e.to_string()))?;
    let not_a_return = |why: String| ReturnError::NotAReturn {
        name: name.into(),
        why,
    };
    // A sheet that is there but cannot be parsed says so, rather than seeming missing.
    let names = book.sheet_names();
    let missing_or_bad = |sheet: &str, e: calamine::Error, missing: String| {
        if names.iter().any(|n| n == sheet) {
            not_a_return(format!("its sheet \"{sheet}\" cannot be read: {e}"))
        } else {
            not_a_return(missing)
        }
    };
    let data = guarded(|| book.worksheet_range(layout::DATA))
        .map_err(unreadable)?
        .map_err(|e| {
            missing_or_bad(
                layout::DATA,
                e,
                format!("it has no sheet \"{}\"", layout::DATA),
            )
        })?;
    let meta = meta(&data).map_err(not_a_return)?;
    belongs(name, &meta, assessment, checklist)?;
    let not_as_made = |why: String| ReturnError::NotAsMade {
        name: name.into(),
        why,
    };
    let recorded = as_made(&meta, made).map_err(not_as_made)?;
    let warning = recorded.is_none().then(|| {
        format!(
            "{name} was made before probity recorded the returns it makes, so whom it is from (\"{}\") could not be checked against what was recorded; make a new return if in doubt",
            meta.to
        )
    });
    let sheet = guarded(|| book.worksheet_range(layout::QUESTIONS))
        .map_err(unreadable)?
        .map_err(|e| {
            missing_or_bad(
                layout::QUESTIONS,
                e,
                format!("it has no sheet \"{}\"; was it renamed?", layout::QUESTIONS),
            )
        })?;
    let from = Incoming {
        from: meta.to.clone(),
        source: name.to_string(),
        received,
        ..Incoming::default()
    };
    let mut reader = Rows {
        name,
        sheet: &sheet,
        checklist,
        asked: recorded,
        errors: Vec::new(),
    };
    let rows = reader.rows(&data, &from).map_err(|e| match e {
        Listing::Changed(why) => not_a_return(why),
        Listing::NotSent(why) => not_as_made(why),
    })?;
    if !reader.errors.is_empty() {
        return Err(ReturnError::Cells(reader.errors));
    }
    Ok(Received {
        name: name.to_string(),
        meta,
        rows,
        warning,
    })
}

/// The history's record of the return a workbook claims to be, checked: its token must be one
/// a return was made with, and the contributor and maker it names the ones recorded. `None`
/// for a workbook without a token, made before tokens were written.
fn as_made<'a>(meta: &Meta, made: &'a [Made]) -> Result<Option<&'a Made>, String> {
    let Some(token) = &meta.token else {
        return Ok(None);
    };
    let token_cell = layout::cell_name(layout::TOKEN_ROW, layout::TOKEN_COL);
    let Some(recorded) = made.iter().rev().find(|m| m.token == *token) else {
        return Err(format!(
            "cell {token_cell} of the sheet \"{}\" holds the return token \"{token}\", and no return made from this assessment has it (the history records {} made); only a workbook probity made from this assessment can be imported",
            layout::DATA,
            match made.len() {
                0 => "none".to_string(),
                1 => "1 return".to_string(),
                n => format!("{n} returns"),
            }
        ));
    };
    let cell = |key: &str| {
        let row = key::ALL.iter().position(|k| *k == key).unwrap_or(0);
        layout::cell_name(row as u32, 1)
    };
    let when = recorded.at.strftime("%-d %B %Y").to_string();
    if meta.to != crate::text::clean_name(&recorded.to) {
        return Err(format!(
            "cell {} of the sheet \"{}\" says it is for \"{}\", but the history records that this return ({}, made on {when}) was made for \"{}\"; its answers would be recorded under a name it was not sent to",
            cell(key::TO),
            layout::DATA,
            meta.to,
            recorded.file,
            recorded.to
        ));
    }
    if meta.from != crate::text::clean_name(&recorded.by) {
        return Err(format!(
            "cell {} of the sheet \"{}\" says it is from \"{}\", but the history records that this return ({}, made on {when}) was made by \"{}\"",
            cell(key::FROM),
            layout::DATA,
            meta.from,
            recorded.file,
            recorded.by
        ));
    }
    Ok(Some(recorded))
}

/// Why the hidden sheet's list of rows cannot be used.
enum Listing {
    /// It was changed: it is not as probity writes a return.
    Changed(String),
    /// It lists an item, or more rows, than the return was sent.
    NotSent(String),
}

/// Runs a call into the workbook reader, turning a panic in it into an error: a crafted sheet
/// can make it index past what the workbook holds (a shared string that is not there). The
/// panic hook is silenced meanwhile, so nothing but probity's own message is printed.
pub(crate) fn guarded<T>(call: impl FnOnce() -> T) -> Result<T, String> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(call));
    std::panic::set_hook(hook);
    result.map_err(|_| "a sheet refers to something the workbook does not hold".to_string())
}

fn text_at(range: &Range<Data>, row: u32, col: u16) -> String {
    match range.get_value((row, u32::from(col))) {
        Some(Data::String(s)) => s.trim().to_string(),
        Some(Data::Empty) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

/// What the return says about itself.
fn meta(data: &Range<Data>) -> Result<Meta, String> {
    let mut values = Vec::new();
    for (row, want) in key::ALL.iter().enumerate() {
        let found = text_at(data, row as u32, 0);
        if found != *want {
            return Err(format!(
                "cell {} of the sheet \"{}\" should say \"{want}\" but says \"{found}\"",
                layout::cell_name(row as u32, 0),
                layout::DATA
            ));
        }
        values.push(text_at(data, row as u32, 1));
    }
    let [
        layout,
        force,
        period,
        checklist,
        version,
        fingerprint,
        to,
        from,
        made,
        due,
    ] = <[String; 10]>::try_from(values).map_err(|_| "its details are incomplete".to_string())?;
    if layout != layout::LAYOUT {
        return Err(format!(
            "it is laid out as version {layout:?} of a return, and this probity reads version {}",
            layout::LAYOUT
        ));
    }
    // Whom it was for becomes the author of every answer it gives: cleaned as every name is,
    // so no escape or bidirectional control reaches the history, and held to a name's length.
    let to = crate::text::clean_name(&to);
    let from = crate::text::clean_name(&from);
    if to.is_empty() {
        return Err("it does not say whom it was for".into());
    }
    crate::assessment::limits::name("name of whom it was for", &to).map_err(|e| e.to_string())?;
    let token = token(data)?;
    let date = |s: &str| s.parse::<Date>().ok();
    Ok(Meta {
        force,
        period,
        checklist,
        version,
        fingerprint,
        to,
        from,
        made: date(&made).ok_or_else(|| {
            let row = key::ALL.iter().position(|k| *k == key::MADE).unwrap_or(0);
            format!(
                "cell {} of the sheet \"{}\", the date it was made, says {made:?}, which is not a date",
                layout::cell_name(row as u32, 1),
                layout::DATA
            )
        })?,
        due: date(&due),
        token,
    })
}

/// The return's token beside the first key, if it has one: hex digits probity wrote.
fn token(data: &Range<Data>) -> Result<Option<String>, String> {
    let key = text_at(data, layout::TOKEN_ROW, layout::TOKEN_COL - 1);
    let value = text_at(data, layout::TOKEN_ROW, layout::TOKEN_COL);
    if key.is_empty() && value.is_empty() {
        return Ok(None);
    }
    let cell = layout::cell_name(layout::TOKEN_ROW, layout::TOKEN_COL);
    if key != layout::TOKEN_KEY {
        return Err(format!(
            "cell {} of the sheet \"{}\" should say \"{}\" but says \"{key}\"",
            layout::cell_name(layout::TOKEN_ROW, layout::TOKEN_COL - 1),
            layout::DATA,
            layout::TOKEN_KEY
        ));
    }
    if value.is_empty() || value.len() > 64 || !value.chars().all(|c| c.is_ascii_hexdigit()) {
        let shown: String = crate::text::clean_name(&value).chars().take(80).collect();
        return Err(format!(
            "cell {cell} of the sheet \"{}\" should hold the return's token, as probity wrote it, but says \"{shown}\"",
            layout::DATA
        ));
    }
    Ok(Some(value))
}

/// Refuses a return made for another force, period or checklist version, saying which.
fn belongs(
    name: &str,
    meta: &Meta,
    assessment: &Assessment,
    checklist: &Checklist,
) -> Result<(), ReturnError> {
    let why = if (meta.force.as_str(), meta.period.as_str())
        != (assessment.force.as_str(), assessment.period.as_str())
    {
        format!(
            "it is a return for {}, {}, and this assessment is {}, {}",
            meta.force, meta.period, assessment.force, assessment.period
        )
    } else if meta.checklist != checklist.id {
        format!(
            "it was made from the checklist \"{}\", and this assessment uses \"{}\"",
            meta.checklist, checklist.id
        )
    } else if meta.fingerprint != checklist.fingerprint {
        format!(
            "it was made from a different version of the checklist \"{}\" (version {} then, version {} now, and their texts differ), so its questions may not be the ones this assessment asks; make a new return from the assessment as it is now",
            checklist.id, meta.version, checklist.version
        )
    } else {
        return Ok(());
    };
    Err(ReturnError::Elsewhere {
        name: name.into(),
        why,
    })
}

/// Reads the rows the hidden sheet lists, collecting every bad cell.
struct Rows<'a> {
    name: &'a str,
    sheet: &'a Range<Data>,
    checklist: &'a Checklist,
    /// The return as the history recorded it, when it has a token.
    asked: Option<&'a Made>,
    errors: Vec<CellError>,
}

impl Rows<'_> {
    fn rows(&mut self, data: &Range<Data>, from: &Incoming) -> Result<Vec<Row>, Listing> {
        let mut rows = Vec::new();
        let mut seen = HashSet::new();
        let mut listed = std::collections::HashMap::new();
        for at in layout::TABLE_ROW + 1.. {
            let id = text_at(data, at, 1);
            if id.is_empty() {
                break;
            }
            // A return asks each item once; one that lists an item again (or more rows than
            // the checklist has items) was not made so, and would apply contradictory answers.
            if let Some(asked) = self.asked {
                let n = listed.len() + 1;
                let made = format!(
                    "the history records that {} was made on {} asking {}",
                    asked.file,
                    asked.at.strftime("%-d %B %Y"),
                    match asked.items.len() {
                        1 => "1 question".to_string(),
                        k => format!("{k} questions"),
                    }
                );
                if n > asked.items.len() {
                    return Err(Listing::NotSent(format!(
                        "cell {} of the sheet \"{}\" lists row {n} (\"{id}\"), more rows than the return was sent: {made}",
                        layout::cell_name(at, 1),
                        layout::DATA
                    )));
                }
                if !asked.items.contains(&id) {
                    return Err(Listing::NotSent(format!(
                        "cell {} of the sheet \"{}\" names \"{id}\", a question the return was not sent: {made}, and not that one",
                        layout::cell_name(at, 1),
                        layout::DATA
                    )));
                }
            }
            if let Some(first) = listed.insert(id.clone(), at) {
                return Err(Listing::Changed(format!(
                    "cells {} and {} of the sheet \"{}\" both name \"{id}\", but a return asks each question once",
                    layout::cell_name(first, 1),
                    layout::cell_name(at, 1),
                    layout::DATA
                )));
            }
            let item = self.checklist.item(&id).ok_or_else(|| {
                Listing::Changed(format!(
                    "cell {} of the sheet \"{}\" names \"{id}\", which the checklist does not have",
                    layout::cell_name(at, 1),
                    layout::DATA
                ))
            })?;
            let row = text_at(data, at, 0)
                .parse::<u32>()
                .ok()
                .and_then(|r| r.checked_sub(1))
                .filter(|r| *r >= layout::FIRST_ROW && seen.insert(*r))
                .ok_or_else(|| {
                    Listing::Changed(format!(
                        "cell {} of the sheet \"{}\" does not hold the row of \"{id}\"",
                        layout::cell_name(at, 0),
                        layout::DATA
                    ))
                })?;
            if let Some(read) = self.row(item, row, from) {
                rows.push(Row {
                    item: id,
                    row,
                    given: read,
                    sent: sent(data, at, item),
                });
            }
        }
        Ok(rows)
    }

    /// What one row says, or `None` when any of its cells is bad (each is recorded).
    fn row(&mut self, item: &Item, row: u32, from: &Incoming) -> Option<Incoming> {
        let at = |col: u16| Content::of(self.sheet.get_value((row, u32::from(col))));
        if text_at(self.sheet, row, layout::QUESTION) != question_text(item).trim() {
            self.fail(
                item,
                row,
                layout::QUESTION,
                "this row no longer holds the question it was made with, so its answers cannot be matched: were rows added, moved, sorted or deleted? Put them back as they were, or make a new return",
            );
            return None;
        }
        let errors = self.errors.len();
        let value = self.check(
            item,
            row,
            layout::ANSWER,
            cell::value(&item.kind, &at(layout::ANSWER)),
        );
        let note = self.check(item, row, layout::NOTE, cell::note(&at(layout::NOTE)));
        let evidence = self.check(
            item,
            row,
            layout::EVIDENCE,
            cell::references(&at(layout::EVIDENCE), &layout::EVIDENCE_SPLIT),
        );
        let owner = self.check(item, row, layout::OWNER, cell::line(&at(layout::OWNER)));
        let due = self.check(item, row, layout::DUE, cell::date(&at(layout::DUE)));
        (self.errors.len() == errors).then(|| Incoming {
            value: value.flatten(),
            note: note.flatten(),
            evidence: evidence.unwrap_or_default(),
            owner: owner.flatten(),
            due: due.flatten(),
            ..from.clone()
        })
    }

    fn check<T>(&mut self, item: &Item, row: u32, col: u16, read: Result<T, String>) -> Option<T> {
        read.map_err(|message| self.fail(item, row, col, &message))
            .ok()
    }

    fn fail(&mut self, item: &Item, row: u32, col: u16, message: &str) {
        self.errors.push(CellError {
            workbook: self.name.to_string(),
            sheet: layout::QUESTIONS.to_string(),
            cell: layout::cell_name(row, col),
            item: item.id.clone(),
            prompt: item.prompt.clone(),
            message: message.to_string(),
        });
    }
}

/// What a row's cells held when the return was made, from the hidden sheet.
fn sent(data: &Range<Data>, at: u32, item: &Item) -> Incoming {
    let field = |col: u16| Some(text_at(data, at, col)).filter(|t| !t.is_empty());
    Incoming {
        value: field(2).and_then(|v| item.kind.parse_stored(&v)),
        note: field(3),
        evidence: field(4)
            .map(|e| e.lines().map(str::to_string).collect())
            .unwrap_or_default(),
        owner: field(5),
        due: field(6).and_then(|d| d.parse().ok()),
        ..Incoming::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A zip of one part, `size` zero bytes, whose header and directory both claim `claim`.
    fn lying_zip(size: usize, claim: u32) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("xl/sharedStrings.xml", options).unwrap();
        zip.write_all(&vec![b' '; size]).unwrap();
        zip.finish().unwrap();
        let mut bytes = out.into_inner();
        let claim = claim.to_le_bytes();
        // The local header's size is at 22 from its signature, the directory's at 24.
        for (signature, at) in [(b"PK\x03\x04", 22), (b"PK\x01\x02", 24)] {
            let start = bytes.windows(4).position(|w| w == signature).unwrap();
            bytes[start + at..start + at + 4].copy_from_slice(&claim);
        }
        bytes
    }

    #[test]
    fn a_part_that_inflates_past_what_its_directory_declares_is_stopped_at_the_bound() {
        let honest = lying_zip(300_000, 300_000);
        assert!(inflates_within(&honest, 1 << 20).is_ok());
        // A directory that lies is caught while inflating, long before 3 MB are in memory.
        let lying = lying_zip(3 << 20, 1_000);
        let err = inflates_within(&lying, 1 << 20).unwrap_err();
        assert!(
            err.contains("a part does not inflate as its directory says"),
            "{err}"
        );
        // One that declares its true size past the bound is refused from the directory.
        let large = lying_zip(3 << 20, 3 << 20);
        let err = inflates_within(&large, 1 << 20).unwrap_err();
        assert!(err.contains("would inflate to more than 1 MB"), "{err}");
    }
}
