//! The review list, laid out once ([`layout`]) and written in each format from that layout, so
//! that the document model can take it over whole.

use serde::Serialize;

use super::{CrossCheck, Match, Register};
use crate::document::escape::{guard_formula, md_escape};
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

/// The review list as a reader meets it, in any format.
pub struct Layout {
    pub marking: String,
    pub title: String,
    /// Paragraphs before the table.
    pub paragraphs: Vec<String>,
    pub columns: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
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

/// Lays the review list out: title, what was checked, what a match means, and one row per
/// match, gifts near an award first.
pub fn layout(review: &Review) -> Layout {
    let r = &review.result;
    let mut paragraphs = vec![
        format!(
            "This review is as at {}: it covers the registers and supplier files named below as they stood then. Produced {}.",
            document::long_date(review.page.as_at),
            document::long_date(review.page.generated)
        ),
        format!(
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
        ),
        format!(
            "Found {} possible matches: {} in the gifts and hospitality register and {} in the business-interest register. {} gifts were within {} months of an award or payment to the same supplier, and are listed first.",
            r.matches.len(),
            r.count(Register::Gifts),
            r.count(Register::Interests),
            r.matches.iter().filter(|m| m.within_window).count(),
            r.window_months
        ),
        format!(
            "How matches were found: names were compared after setting aside case, accents, punctuation, \"&\" or \"and\", a leading \"The\" and legal endings such as Ltd, Limited, PLC and (UK). A shared Companies House number is the strongest match; then the same name; then a similar name, scoring at least {:.2} on a word-by-word comparison that allows a typing slip. Words many suppliers share, such as \"Services\" or \"Group\", never make a match on their own.",
            r.threshold
        ),
        "What a match means: only that a name in a register looks like the name of a company the force pays. It is a reason to look at the entry, the award and who was involved in both; it is not a finding that anyone did wrong. Many matches will have an innocent explanation, and a real link may be missed when a name is written very differently.".to_string(),
    ];
    if review.redacted {
        paragraphs.push(
            "Staff names have been removed from this copy; the registers hold them.".to_string(),
        );
    }
    Layout {
        marking: review.page.marking.clone(),
        title: "Cross-check of gifts and business interests against suppliers".to_string(),
        paragraphs,
        columns: COLUMNS.to_vec(),
        rows: r.matches.iter().map(|m| row(m, review.redacted)).collect(),
    }
}

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
            m.entry.description.clone(),
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

fn markdown(l: &Layout) -> Vec<u8> {
    let mut out = format!(
        "**{}**\n\n# {}\n\n",
        md_escape(&l.marking),
        md_escape(&l.title)
    );
    for p in &l.paragraphs {
        out.push_str(&md_escape(p));
        out.push_str("\n\n");
    }
    if l.rows.is_empty() {
        out.push_str("No matches were found.\n\n");
    } else {
        out.push_str(&format!("| {} |\n", l.columns.join(" | ")));
        out.push_str(&format!("|{}\n", "---|".repeat(l.columns.len())));
        for r in &l.rows {
            let cells: Vec<String> = r.iter().map(|c| md_escape(c)).collect();
            out.push_str(&format!("| {} |\n", cells.join(" | ")));
        }
        out.push('\n');
    }
    out.push_str(&format!("**{}**\n", md_escape(&l.marking)));
    out.into_bytes()
}

fn csv(l: &Layout) -> Result<Vec<u8>, RenderError> {
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    // Writing into memory fails only if the record cannot be encoded, which text always can.
    let io = |_: csv::Error| RenderError::Unsupported {
        document: "cross-check",
        format: Format::Csv,
    };
    w.write_record([l.marking.as_str()]).map_err(io)?;
    w.write_record(&l.columns).map_err(io)?;
    for r in &l.rows {
        w.write_record(r.iter().map(|c| guard_formula(c).into_owned()))
            .map_err(io)?;
    }
    w.into_inner().map_err(|_| RenderError::Unsupported {
        document: "cross-check",
        format: Format::Csv,
    })
}

fn html_escape(s: &str) -> String {
    crate::text::sanitize(s)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

fn html(l: &Layout) -> Vec<u8> {
    let marking = html_escape(&l.marking);
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\nbody{{font-family:Arial,sans-serif;font-size:10pt;margin:1.5em}}\n.marking{{text-align:center;font-weight:bold;color:#b00}}\ntable{{border-collapse:collapse;width:100%}}\nth,td{{border:1px solid #999;padding:3px;vertical-align:top;text-align:left}}\n@page{{size:A4 landscape;margin:15mm}}\n</style>\n</head>\n<body>\n<p class=\"marking\">{marking}</p>\n<h1>{}</h1>\n",
        html_escape(&l.title),
        html_escape(&l.title)
    );
    for p in &l.paragraphs {
        out.push_str(&format!("<p>{}</p>\n", html_escape(p)));
    }
    if l.rows.is_empty() {
        out.push_str("<p>No matches were found.</p>\n");
    } else {
        out.push_str("<table>\n<thead><tr>");
        for c in &l.columns {
            out.push_str(&format!("<th scope=\"col\">{}</th>", html_escape(c)));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for r in &l.rows {
            out.push_str("<tr>");
            for c in r {
                out.push_str(&format!("<td>{}</td>", html_escape(c)));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str(&format!(
        "<p class=\"marking\">{marking}</p>\n</body>\n</html>\n"
    ));
    out.into_bytes()
}

fn docx(l: &Layout) -> Result<Vec<u8>, RenderError> {
    use crate::document::docx::{Cell, Grid, Word};
    let mut word = Word::new(&l.marking, &l.title);
    word.title(&l.title);
    for p in &l.paragraphs {
        word.text(p);
    }
    if l.rows.is_empty() {
        word.text("No matches were found.");
    } else {
        let widths: Vec<(&str, usize)> = l.columns.iter().map(|c| (*c, 11)).collect();
        let mut grid = Grid::new(&widths);
        for r in &l.rows {
            grid.row(r.iter().map(|c| Cell::text(c)).collect());
        }
        word.table(grid);
    }
    Ok(word.finish()?)
}

fn xlsx(l: &Layout) -> Result<Vec<u8>, RenderError> {
    use crate::document::workbook::{self, Styles, Value};
    let mut wb = rust_xlsxwriter::Workbook::new();
    let styles = Styles::new();
    let columns: Vec<(&str, f64)> = l.columns.iter().map(|c| (*c, 24.0)).collect();
    let rows: Vec<Vec<Value>> = l
        .rows
        .iter()
        .map(|r| r.iter().map(|c| Value::text(c.clone())).collect())
        .collect();
    workbook::table(&mut wb, "Matches", &l.marking, &columns, &rows, &styles)?;
    let about: Vec<Vec<Value>> = std::iter::once(&l.title)
        .chain(&l.paragraphs)
        .map(|p| vec![Value::text(p.clone())])
        .collect();
    workbook::table(
        &mut wb,
        "About",
        &l.marking,
        &[("About", 120.0)],
        &about,
        &styles,
    )?;
    Ok(wb.save_to_buffer()?)
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
            Format::Md => Ok(markdown(&layout(self))),
            Format::Html => Ok(html(&layout(self))),
            Format::Csv => csv(&layout(self)),
            Format::Docx => docx(&layout(self)),
            Format::Xlsx => xlsx(&layout(self)),
            Format::Narrative => Err(Self::unsupported(format)),
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
                file: "gifts.csv".to_string(),
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
        let md = String::from_utf8(markdown(&layout(&review(false)))).unwrap();
        assert!(md.starts_with("**OFFICIAL**"));
        assert!(md.contains("as at 7 December 2026"));
        assert!(md.contains("not a finding that anyone did wrong"));
        assert!(md.contains("PC Jo Bloggs"));
        assert!(md.contains("Acme \\| Ltd"), "{md}");
        assert!(md.contains("12 March 2024"));
    }

    #[test]
    fn redaction_removes_staff_names_everywhere_and_says_so() {
        let r = review(true);
        for format in Review::FORMATS {
            let bytes = r.render(*format).unwrap();
            let text = String::from_utf8_lossy(&bytes);
            assert!(!text.contains("Jo Bloggs"), "{format}");
        }
        let md = String::from_utf8(markdown(&layout(&r))).unwrap();
        assert!(md.contains("Staff names have been removed"));
    }
}
