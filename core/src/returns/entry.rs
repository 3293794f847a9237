//! The entry cells of a return: unlocked, filled in yellow, holding the current answer, and
//! checked by the spreadsheet as they are typed (a list for a status or choice, whole numbers,
//! decimals or dates otherwise), each with a message saying what it takes.

use std::collections::HashMap;

use rust_xlsxwriter::{
    Color, DataValidation, DataValidationRule, Format, FormatAlign, Formula, Worksheet, XlsxError,
};

use super::layout::{self, LISTS};
use crate::answer::{Kind, Status, Value};
use crate::assessment::Answer;
use crate::checklist::Item;

/// Excel's limits on a data validation's input message and its title.
const MAX_MESSAGE: usize = 255;
const MAX_TITLE: usize = 32;

/// The earliest and latest dates a date cell accepts.
fn date_range() -> DataValidationRule<jiff::civil::Date> {
    DataValidationRule::Between(
        jiff::civil::date(1900, 1, 1),
        jiff::civil::date(9999, 12, 31),
    )
}

/// The entry cells' formats, and where each choice item's options are listed.
pub struct Entries {
    text: Format,
    date: Format,
    whole: Format,
    decimal: Format,
    money: Format,
    percent: Format,
    /// Choice item id → the range on the hidden sheet that lists its option labels.
    lists: HashMap<String, String>,
}

impl Entries {
    /// Lists each choice item's option labels on the hidden sheet, one column each.
    pub fn new(items: &[&Item], data: &mut Worksheet) -> Result<Entries, XlsxError> {
        let mut lists = HashMap::new();
        let choices = items.iter().filter_map(|i| match &i.kind {
            Kind::Choice(options) => Some((i, options)),
            _ => None,
        });
        for (n, (item, options)) in choices.enumerate() {
            let col = LISTS + n as u16;
            data.write_string(0, col, &item.id)?;
            for (row, option) in options.iter().enumerate() {
                data.write_string(row as u32 + 1, col, &option.label)?;
            }
            let first = rust_xlsxwriter::utility::row_col_to_cell_absolute(1, col);
            let last =
                rust_xlsxwriter::utility::row_col_to_cell_absolute(options.len() as u32, col);
            lists.insert(item.id.clone(), format!("={}!{first}:{last}", layout::DATA));
        }
        let text = Format::new()
            .set_unlocked()
            .set_background_color(Color::RGB(0xFFF6CC))
            .set_border(rust_xlsxwriter::FormatBorder::Thin)
            .set_border_color(Color::RGB(0xBFBFBF))
            .set_text_wrap()
            .set_align(FormatAlign::Top);
        let numeric = |f: &str| text.clone().set_num_format(f).set_align(FormatAlign::Left);
        Ok(Entries {
            date: numeric("d mmm yyyy"),
            whole: numeric("0"),
            decimal: numeric("General"),
            money: numeric("£#,##0.00"),
            percent: numeric("0.0%"),
            text,
            lists,
        })
    }

    /// Writes a row's entry cells, holding the answer recorded now, each with its check.
    pub fn write_row(
        &self,
        ws: &mut Worksheet,
        row: u32,
        item: &Item,
        answer: &Answer,
    ) -> Result<(), XlsxError> {
        self.answer(ws, row, item, answer.value.as_ref())?;
        self.write_text(ws, row, layout::NOTE, answer.note.as_deref())?;
        let evidence = answer.evidence.join(layout::EVIDENCE_JOIN);
        self.write_text(
            ws,
            row,
            layout::EVIDENCE,
            Some(&evidence)
                .filter(|e| !e.is_empty())
                .map(String::as_str),
        )?;
        self.write_text(ws, row, layout::OWNER, answer.owner.as_deref())?;
        match answer.due {
            Some(d) => ws.write_datetime_with_format(row, layout::DUE, d, &self.date)?,
            None => ws.write_blank(row, layout::DUE, &self.date)?,
        };
        let due = DataValidation::new()
            .allow_date(date_range())
            .set_input_title("Action due by")?
            .set_input_message(
                "If something needs doing, when it is due: a date, such as 31/03/2013.",
            )?
            .set_error_title("Not a date")?
            .set_error_message("Type a date, such as 31/03/2013.")?;
        ws.add_data_validation(row, layout::DUE, row, layout::DUE, &due)?;
        Ok(())
    }

    /// Text is written as a string cell, never a formula, so it stays inert in the workbook;
    /// it is not prefixed as the report's cells are, so that what comes back is what was sent.
    fn write_text(
        &self,
        ws: &mut Worksheet,
        row: u32,
        col: u16,
        text: Option<&str>,
    ) -> Result<(), XlsxError> {
        match text {
            Some(t) => {
                ws.write_string_with_format(row, col, crate::text::sanitize(t), &self.text)?
            }
            None => ws.write_blank(row, col, &self.text)?,
        };
        Ok(())
    }

    fn answer(
        &self,
        ws: &mut Worksheet,
        row: u32,
        item: &Item,
        value: Option<&Value>,
    ) -> Result<(), XlsxError> {
        let col = layout::ANSWER;
        let format = match &item.kind {
            Kind::Count => &self.whole,
            Kind::Number => &self.decimal,
            Kind::Money => &self.money,
            Kind::Percent => &self.percent,
            Kind::Date => &self.date,
            _ => &self.text,
        };
        match (&item.kind, value) {
            (_, None) => ws.write_blank(row, col, format)?,
            (Kind::Percent, Some(Value::Number(n))) => {
                ws.write_number_with_format(row, col, n / 100.0, format)?
            }
            (_, Some(Value::Number(n))) => ws.write_number_with_format(row, col, *n, format)?,
            (_, Some(Value::Date(d))) => ws.write_datetime_with_format(row, col, d, format)?,
            (kind, Some(v)) => ws.write_string_with_format(
                row,
                col,
                crate::text::sanitize(&kind.display(v)),
                format,
            )?,
        };
        let check = self.validation(item)?;
        ws.add_data_validation(row, col, row, col, &check)?;
        Ok(())
    }

    /// The check on an answer cell, with a message saying what it takes.
    fn validation(&self, item: &Item) -> Result<DataValidation, XlsxError> {
        let v = DataValidation::new();
        let v = match &item.kind {
            Kind::Status => {
                let labels: Vec<&str> = Status::ALL.iter().map(|s| s.label()).collect();
                v.allow_list_strings(&labels)?
            }
            Kind::Choice(_) => match self.lists.get(&item.id) {
                Some(range) => v.allow_list_formula(Formula::new(range)),
                None => v,
            },
            Kind::Count => v.allow_whole_number(DataValidationRule::GreaterThanOrEqualTo(0)),
            Kind::Number => v.allow_decimal_number(DataValidationRule::Between(-1e15, 1e15)),
            Kind::Money => v.allow_decimal_number(DataValidationRule::GreaterThanOrEqualTo(0.0)),
            Kind::Percent => v.allow_decimal_number(DataValidationRule::Between(0.0, 1.0)),
            Kind::Date => v.allow_date(date_range()),
            Kind::Text => v.allow_any_value(),
        };
        let takes = capped(&takes(&item.kind), MAX_MESSAGE);
        v.set_input_title(capped(item.short_label(), MAX_TITLE))?
            .set_input_message(&takes)?
            .set_error_title("Not an answer it takes")?
            .set_error_message(&takes)
    }
}

/// What an answer cell takes, in a contributor's words.
pub fn takes(kind: &Kind) -> String {
    match kind {
        Kind::Status => "Choose Yes, Partly, No or Not applicable from the list.".into(),
        Kind::Choice(options) => format!(
            "Choose one from the list: {}.",
            options
                .iter()
                .map(|o| o.label.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        ),
        Kind::Count => "A whole number of zero or more.".into(),
        Kind::Number => "A number.".into(),
        Kind::Money => "An amount in pounds of zero or more, such as 1250.".into(),
        Kind::Percent => "A percentage from 0% to 100%, such as 12.5%.".into(),
        Kind::Date => "A date, such as 31/03/2013.".into(),
        Kind::Text => "Type the answer in words.".into(),
    }
}

/// Text cut to fit a limit counted as Excel counts (UTF-16 units), ending with an ellipsis
/// when cut.
fn capped(text: &str, limit: usize) -> String {
    if text.encode_utf16().count() <= limit {
        return text.to_string();
    }
    let mut used = 1;
    let mut cut: String = text
        .chars()
        .take_while(|c| {
            used += c.len_utf16();
            used <= limit
        })
        .collect();
    cut.push('…');
    cut
}
