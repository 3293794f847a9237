//! The facts every document carries in every format it offers, read back by a real parser:
//! Markdown through pulldown-cmark, the web page through scraper, Word through its XML and
//! workbooks through calamine. One layout per document means one place to state each fact;
//! this test fails if any format drops one.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

use crate::support::in_fixtures;
use crate::support::word::WordDoc;

const MARKING: &str = "OFFICIAL-SENSITIVE";
const REDACTED: &str = "removed for sharing outside the force";
const AS_AT: &str = "This document is as at ";

/// A document as its command makes it, and what it must state.
struct Case {
    args: &'static [&'static str],
    formats: &'static [&'static str],
    /// Each period's sign-off sentence, taken from the document's own JSON; none for a
    /// document about no assessment.
    sign_off: Option<fn(&serde_json::Value) -> Vec<String>>,
    /// How its as-at date begins, in words.
    dated: &'static str,
    /// What says a score is provisional, when one is: a report's areas each say "Provisional
    /// score" (its method paragraph says "provisional" whatever the scores).
    provisional: Option<&'static str>,
    redacted: bool,
    /// A figure of a thousand or more, as a reader must read it.
    thousands: Option<&'static str>,
}

const LAID_OUT: &[&str] = &["md", "html", "docx", "xlsx"];

fn cases() -> Vec<Case> {
    let draft = |_: &serde_json::Value| vec!["DRAFT: not signed off".to_string()];
    vec![
        Case {
            args: &["report", "dorset-2012.toml", "--as-at", "2012-12-01"],
            formats: LAID_OUT,
            sign_off: Some(draft),
            dated: AS_AT,
            provisional: Some("Provisional score"),
            redacted: false,
            thousands: None,
        },
        Case {
            args: &["report", "dorset-2012.toml", "--redact"],
            formats: LAID_OUT,
            sign_off: Some(draft),
            dated: AS_AT,
            provisional: Some("Provisional score"),
            redacted: true,
            thousands: None,
        },
        Case {
            args: &["report", "northmoor-2026.toml", "--as-at", "2026-04-15"],
            formats: LAID_OUT,
            sign_off: Some(draft),
            dated: AS_AT,
            provisional: None,
            redacted: false,
            thousands: Some("3,710"),
        },
        Case {
            args: &[
                "compare",
                "dorset-2012.toml",
                "dorset-2013.toml",
                "--redact",
            ],
            formats: LAID_OUT,
            sign_off: Some(|json| strings(&json["sign_off"])),
            dated: AS_AT,
            provisional: Some("provisional"),
            redacted: true,
            thousands: None,
        },
        Case {
            args: &["trend", "trend", "dorset-2012.toml", "dorset-2013.toml"],
            formats: LAID_OUT,
            sign_off: Some(|json| each(&json["points"], "sign_off")),
            dated: AS_AT,
            provisional: Some("provisional"),
            redacted: false,
            thousands: None,
        },
        Case {
            args: &[
                "crosscheck",
                "--gifts",
                "crosscheck/gifts.csv",
                "--suppliers",
                "crosscheck/awards.json",
                "--redact",
            ],
            formats: LAID_OUT,
            sign_off: None,
            dated: "This review is as at ",
            provisional: None,
            redacted: true,
            thousands: None,
        },
        Case {
            args: &["summary", "dorset-2012.toml", "durham-2012.toml"],
            formats: LAID_OUT,
            sign_off: Some(|json| each(&json["by_force"], "sign_off")),
            dated: AS_AT,
            provisional: Some("Provisional"),
            redacted: false,
            thousands: None,
        },
    ]
}

fn strings(v: &serde_json::Value) -> Vec<String> {
    v.as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s.as_str().map(str::to_string))
        .collect()
}

fn each(v: &serde_json::Value, key: &str) -> Vec<String> {
    v.as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| p[key].as_str().map(str::to_string))
        .collect()
}

/// What a reader reads in the document, and whether its as-at date is a real date cell.
fn read(format: &str, bytes: Vec<u8>) -> (String, bool) {
    match format {
        "md" => {
            let md = String::from_utf8(bytes).unwrap();
            let text = pulldown_cmark::Parser::new(&md)
                .filter_map(|e| match e {
                    pulldown_cmark::Event::Text(t) | pulldown_cmark::Event::Code(t) => {
                        Some(t.to_string())
                    }
                    pulldown_cmark::Event::SoftBreak | pulldown_cmark::Event::HardBreak => {
                        Some(" ".into())
                    }
                    _ => None,
                })
                .collect::<Vec<_>>()
                .join(" ");
            (text, false)
        }
        "html" => {
            let html = String::from_utf8(bytes).unwrap();
            let doc = scraper::Html::parse_document(&html);
            let body = scraper::Selector::parse("body").unwrap();
            let style = scraper::Selector::parse("style").unwrap();
            let printed: String = doc.select(&style).flat_map(|s| s.text()).collect();
            // CSS strings escape the hyphen.
            let marking = MARKING.replace('-', "\\2d ");
            for margin in ["@top-left", "@bottom-center"] {
                assert!(
                    printed.contains(&format!("{margin} {{ content: \"{marking}\"")),
                    "every printed page is marked at {margin}"
                );
            }
            let text = doc
                .select(&body)
                .flat_map(|b| b.text())
                .collect::<Vec<_>>()
                .join(" ");
            (text, false)
        }
        "docx" => {
            let doc = WordDoc::read(bytes);
            let (headers, footers) = doc.headers_and_footers();
            assert!(
                headers.iter().chain(&footers).all(|h| h.contains(MARKING)),
                "every Word header and footer is marked"
            );
            let furniture = headers.iter().chain(&footers).cloned();
            let text: Vec<String> = std::iter::once(doc.body_text()).chain(furniture).collect();
            (text.join(" "), false)
        }
        "xlsx" => {
            let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
            let mut text = Vec::new();
            let mut dated = false;
            for name in wb.sheet_names() {
                let range = wb.worksheet_range(&name).unwrap();
                assert_eq!(
                    range.get((0, 0)),
                    Some(&Data::String(MARKING.into())),
                    "{name} is marked"
                );
                for row in range.rows() {
                    if row.first() == Some(&Data::String("As at".into())) {
                        dated |= matches!(row.get(1), Some(Data::DateTime(_)));
                    }
                    text.extend(row.iter().filter_map(|c| match c {
                        Data::String(s) => Some(s.clone()),
                        _ => None,
                    }));
                }
            }
            (text.join(" "), dated)
        }
        other => panic!("no reader for {other}"),
    }
}

/// An ISO date (2013-03-31) anywhere in the text.
fn iso_date(text: &str) -> Option<&str> {
    let b = text.as_bytes();
    (0..b.len().saturating_sub(9)).find_map(|i| {
        let d = |j: usize| b[i + j].is_ascii_digit();
        let shape = d(0) && d(1) && d(2) && d(3) && b[i + 4] == b'-' && d(5) && d(6);
        let shape = shape && b[i + 7] == b'-' && d(8) && d(9);
        let alone = i == 0 || !b[i - 1].is_ascii_digit();
        (shape && alone).then(|| &text[i..i + 10])
    })
}

#[test]
fn every_document_states_its_facts_in_every_format() {
    for case in cases() {
        let json: serde_json::Value =
            serde_json::from_slice(&in_fixtures(&[case.args, &["--format", "json"]].concat()))
                .unwrap();
        let sign_off = case.sign_off.map(|f| f(&json)).unwrap_or_default();
        assert!(
            case.sign_off.is_none() || !sign_off.is_empty(),
            "{:?} states a sign-off",
            case.args
        );
        for format in case.formats {
            let bytes = in_fixtures(&[case.args, &["--format", format]].concat());
            let (text, dated) = read(format, bytes);
            let at = format!("{:?} as {format}", case.args);
            assert!(text.contains(MARKING), "{at}: the marking");
            for said in &sign_off {
                assert!(text.contains(said.as_str()), "{at}: the sign-off {said:?}");
            }
            assert!(text.contains(case.dated), "{at}: the as-at date in words");
            if *format == "xlsx" {
                assert!(dated, "{at}: the as-at date as a date cell");
            }
            if let Some(said) = case.provisional {
                assert!(text.contains(said), "{at}: says {said:?}");
            }
            assert!(
                text.split("Produced ")
                    .skip(1)
                    .any(|t| t.starts_with(|c: char| c.is_ascii_digit())
                        && t.contains(" by probity.")),
                "{at}: when it was produced"
            );
            if case.redacted {
                assert!(text.contains(REDACTED), "{at}: says what was redacted");
            }
            assert_eq!(iso_date(&text), None, "{at}: an ISO date");
            if let (Some(figure), true) = (case.thousands, *format != "xlsx") {
                assert!(text.contains(figure), "{at}: {figure} with its separator");
                assert!(
                    !text.contains(&figure.replace(',', "")),
                    "{at}: {figure} without its separator"
                );
            }
        }
    }
}

#[test]
fn iso_dates_are_found_and_words_are_not() {
    assert_eq!(iso_date("due 2013-03-31."), Some("2013-03-31"));
    assert_eq!(iso_date("due 31 March 2013"), None);
    assert_eq!(iso_date("12013-03-311"), None);
}
