//! The review list, laid out once as a document ([`layout`]) that every backend sets; the
//! CSV and JSON are its data.

use serde::Serialize;

use super::{CrossCheck, Match, Register};
use crate::document::escape::guard_formula;
use crate::document::model::{Block, Cell, Column, Doc, Meta, Table};
use crate::document::{self, Document, Format, Page, RenderError};

/// The cross-check as a document: the result, its page furniture, and whether staff names
/// are removed.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Review {
    pub page: Page,
    pub redacted: bool,
    #[serde(flatten)]
    pub result: CrossCheck,
}

impl Review {
    pub fn new(result: CrossCheck, page: Page, redact: bool) -> Review {
        Review {
            page,
            redacted: redact,
            result: if redact { result.redacted() } else { result },
        }
    }
}

const COLUMNS: [&str; 9] = [
    "Listed first",
    "Register",
    "Declared as",
    "Supplier",
    "Why",
    "Entry",
    "Staff member",
    "Award or payment",
    "Awards and payments",
];

/// Lays the review list out once for every format: what was checked, how, what a match
/// means, and one row per match, gifts near an award first.
pub fn layout(review: &Review) -> Doc {
    let r = &review.result;
    let mut blocks = vec![
        Block::para(format!(
            "Checked: {}.",
            r.inputs
                .iter()
                .map(|i| format!(
                    "{} ({}, {}, {} rows read, {} skipped)",
                    i.name,
                    i.role.describe(),
                    i.read_as,
                    i.rows_read,
                    i.rows_skipped
                ))
                .collect::<Vec<_>>()
                .join("; ")
        )),
        Block::lead(format!(
            "Found {} possible matches: {} in the gifts and hospitality register and {} in the business-interest register. {} gifts were within {} months of an award or payment to the same supplier, and are listed first.",
            r.matches.len(),
            r.count(Register::Gifts),
            r.count(Register::Interests),
            r.matches.iter().filter(|m| m.within_window).count(),
            r.window_months
        )),
        Block::para(format!(
            "How matches were found: names were compared after setting aside case, accents, punctuation, \"&\" or \"and\", a leading \"The\" and legal endings such as Ltd, Limited, PLC and (UK). A shared Companies House number is the strongest match; then the same name; then a similar name, scoring at least {:.2} on a word-by-word comparison that allows a typing slip. Words many suppliers share, such as \"Services\" or \"Group\", never make a match on their own.",
            r.threshold
        )),
        Block::para(
            "What a match means: only that a name in a register looks like the name of a company the force pays. It is a reason to look at the entry, the award and who was involved in both; it is not a finding that anyone did wrong. Many matches will have an innocent explanation, and a real link may be missed when a name is written very differently.",
        ),
    ];
    if review.redacted {
        blocks.push(Block::para(REDACTION));
    }
    blocks.push(Block::h2("Possible matches"));
    if r.matches.is_empty() {
        blocks.push(Block::para("No matches were found."));
    } else {
        let widths = [6, 8, 13, 13, 14, 15, 10, 14, 7];
        let columns = COLUMNS
            .iter()
            .zip(widths)
            .map(|(c, w)| Column::text(*c, w))
            .collect();
        let rows = r
            .matches
            .iter()
            .map(|m| {
                row(m, review.redacted)
                    .into_iter()
                    .map(Cell::text)
                    .collect()
            })
            .collect();
        blocks.push(Block::Table(Table::new("Matches", columns, rows)));
    }
    Doc {
        meta: Meta {
            title: TITLE.to_string(),
            kind: "Review list",
            running: TITLE.to_string(),
            page: review.page.clone(),
            as_at: Some(format!(
                "This review is as at {}: it covers the registers and supplier files named below as they stood then.",
                document::long_date(review.page.as_at)
            )),
            author: None,
            badge: None,
            front_sheet: "About",
        },
        blocks,
    }
}

const TITLE: &str = "Cross-check of gifts and business interests against suppliers";

/// What a redacted review list says it left out.
const REDACTION: &str = "Staff names, the registers' descriptions of each gift or interest, which may name people, and the folders the files were read from have been removed for sharing outside the force; the registers hold them.";

fn row(m: &Match, redacted: bool) -> Vec<String> {
    let date = |d: Option<jiff::civil::Date>| d.map(document::long_date);
    let join =
        |parts: Vec<Option<String>>| parts.into_iter().flatten().collect::<Vec<_>>().join(", ");
    vec![
        if m.within_window { "yes" } else { "" }.to_string(),
        match m.register {
            Register::Gifts => "gifts",
            Register::Interests => "interests",
        }
        .to_string(),
        m.declared.clone(),
        m.supplier.clone(),
        m.reason.clone(),
        join(vec![
            date(m.entry.date),
            m.entry.description.clone().filter(|_| !redacted),
            m.entry.value.clone(),
            m.entry.status.clone(),
            Some(format!("{} row {}", m.entry.file, m.entry.line)),
        ]),
        if redacted {
            "(removed)".to_string()
        } else {
            m.entry.person.clone().unwrap_or_default()
        },
        join(vec![
            date(m.award.date),
            m.award.description.clone(),
            m.award.value.clone(),
            Some(format!("{} row {}", m.award.file, m.award.line)),
        ]),
        m.awards.to_string(),
    ]
}

fn csv(review: &Review) -> Result<Vec<u8>, RenderError> {
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    // Writing into memory fails only if the record cannot be encoded, which text always can.
    let io = |_: csv::Error| RenderError::Unsupported {
        document: "cross-check",
        format: Format::Csv,
    };
    w.write_record([review.page.marking.as_str()]).map_err(io)?;
    w.write_record(COLUMNS).map_err(io)?;
    for m in &review.result.matches {
        let cells = row(m, review.redacted);
        w.write_record(cells.iter().map(|c| guard_formula(c).into_owned()))
            .map_err(io)?;
    }
    w.into_inner().map_err(|_| RenderError::Unsupported {
        document: "cross-check",
        format: Format::Csv,
    })
}

impl Document for Review {
    const NAME: &'static str = "cross-check";
    const FORMATS: &'static [Format] = &[
        Format::Md,
        Format::Html,
        Format::Docx,
        Format::Json,
        Format::Csv,
        Format::Xlsx,
    ];

    fn render(&self, format: Format) -> Result<Vec<u8>, RenderError> {
        match format {
            Format::Json => Ok(document::json(self)),
            Format::Csv => csv(self),
            other => document::laid_out::<Self>(&layout(self), other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crosscheck::{Award, Basis, CrossCheck, Declared, Match, Register};

    fn review(redact: bool) -> Review {
        let m = Match {
            register: Register::Gifts,
            declared: "Acme | Ltd".to_string(),
            supplier: "ACME LIMITED".to_string(),
            basis: Basis::SameName,
            similarity: 1.0,
            reason: "same name once \"Ltd\" and \"Limited\" are set aside".to_string(),
            within_window: true,
            entry: Declared {
                file: "/home/jo.bloggs/registers/gifts.csv".to_string(),
                line: 4,
                person: Some("PC Jo Bloggs".to_string()),
                date: Some(jiff::civil::date(2024, 3, 12)),
                value: Some("85".to_string()),
                description: Some("Dinner".to_string()),
                status: Some("Accepted".to_string()),
                company_number: None,
            },
            award: Award {
                file: "awards.json".to_string(),
                line: 1,
                date: Some(jiff::civil::date(2024, 1, 10)),
                value: None,
                description: None,
                company_number: None,
            },
            awards: 1,
        };
        let result = CrossCheck {
            window_months: 12,
            threshold: 0.9,
            inputs: Vec::new(),
            matches: vec![m],
        };
        Review::new(
            result,
            Page::new("OFFICIAL", jiff::civil::date(2026, 12, 7)),
            redact,
        )
    }

    #[test]
    fn the_layout_carries_the_marking_the_date_in_words_and_what_a_match_means() {
        let md = String::from_utf8(review(false).render(Format::Md).unwrap()).unwrap();
        assert!(md.starts_with("**OFFICIAL**"));
        assert!(md.contains("as at 7 December 2026"));
        assert!(md.contains("not a finding that anyone did wrong"));
        assert!(md.contains("PC Jo Bloggs"));
        assert!(md.contains("Acme \\| Ltd"), "{md}");
        assert!(md.contains("12 March 2024"));
    }

    /// A rendered review as text: a workbook's cells read back, other formats as written
    /// (a Word document's XML is stored, not compressed).
    fn readable(format: Format, bytes: Vec<u8>) -> String {
        use calamine::Reader;
        if format != Format::Xlsx {
            return String::from_utf8_lossy(&bytes).into_owned();
        }
        let mut wb: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
        let mut cells = Vec::new();
        for (_, range) in wb.worksheets() {
            cells.extend(range.rows().flatten().map(ToString::to_string));
        }
        cells.join("\n")
    }

    #[test]
    fn redaction_removes_staff_names_everywhere_and_says_so() {
        let r = review(true);
        for format in Review::FORMATS {
            let text = readable(*format, r.render(*format).unwrap());
            assert!(text.contains("Acme"), "{format}: read back");
            assert!(!text.contains("Jo Bloggs"), "{format}");
            assert!(
                !text.contains("jo.bloggs"),
                "{format}: a folder naming someone"
            );
            assert!(text.contains("gifts.csv"), "{format}: the file's own name");
        }
        let md = String::from_utf8(r.render(Format::Md).unwrap()).unwrap();
        assert!(md.contains("Staff names, the registers' descriptions"));
        assert!(!md.contains("Dinner"), "a description may name a person");
    }
}
