//! The progress report's and the summary's workbooks, read back with calamine: each sheet
//! marked, dates stored as dates, figures as numbers, and text from files never a formula.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader, Xlsx};

use crate::support::in_fixtures;

struct Book {
    wb: Xlsx<Cursor<Vec<u8>>>,
}

impl Book {
    fn read(bytes: Vec<u8>) -> Book {
        Book {
            wb: Xlsx::new(Cursor::new(bytes)).expect("a readable workbook"),
        }
    }

    fn rows(&mut self, sheet: &str) -> Vec<Vec<Data>> {
        let range = self.wb.worksheet_range(sheet).expect("the sheet");
        assert_eq!(range.start(), Some((0, 0)), "{sheet} starts at A1");
        range.rows().map(<[Data]>::to_vec).collect()
    }

    /// The data row whose first cell is `first`.
    fn row(&mut self, sheet: &str, first: &str) -> Vec<Data> {
        self.rows(sheet)
            .into_iter()
            .find(|r| r.first() == Some(&Data::String(first.into())))
            .unwrap_or_else(|| panic!("no row {first:?} on {sheet}"))
    }

    /// Every sheet is marked in A1, has its headings in row 2, and holds no formula.
    fn assert_marked_and_inert(&mut self, marking: &str) {
        for name in self.wb.sheet_names() {
            let rows = self.rows(&name);
            assert_eq!(rows[0][0], Data::String(marking.into()), "{name}");
            assert!(rows.len() >= 2, "{name} has a heading row");
            let formulas = self.wb.worksheet_formula(&name).unwrap();
            assert!(
                formulas.used_cells().all(|(.., f)| f.is_empty()),
                "{name} holds a formula"
            );
        }
    }
}

fn excel_date(d: &Data) -> f64 {
    match d {
        Data::DateTime(t) if t.is_datetime() => t.as_f64(),
        other => panic!("not a date: {other:?}"),
    }
}

fn number(d: &Data) -> f64 {
    match d {
        Data::Float(x) => *x,
        Data::Int(x) => *x as f64,
        other => panic!("not a number: {other:?}"),
    }
}

#[test]
fn the_progress_workbook_tracks_commitments_with_real_dates_and_numbers() {
    let mut book = Book::read(in_fixtures(&[
        "compare",
        "dorset-2012.toml",
        "dorset-2013.toml",
        "--format",
        "xlsx",
    ]));
    assert_eq!(
        book.wb.sheet_names(),
        [
            "About",
            "Scores",
            "Commitments",
            "Findings",
            "Answers that moved",
            "Figures"
        ]
    );
    book.assert_marked_and_inert("OFFICIAL-SENSITIVE");
    let gifts = book.row(
        "Commitments",
        "Procurement not cross-referenced with the gifts register",
    );
    assert_eq!(gifts[1], Data::String("high".into()));
    assert_eq!(gifts[2], Data::String("Head of Procurement".into()));
    assert_eq!(excel_date(&gifts[3]), 41364.0, "31 March 2013 as a date");
    assert_eq!(gifts[4], Data::String("delivered".into()));

    let overall = book.row("Scores", "Overall");
    assert_eq!(
        overall[1..4].iter().map(number).collect::<Vec<_>>(),
        [80.0, 89.7, 9.7]
    );
    assert_eq!(
        overall[4],
        Data::String("provisional in 2012 and 2013".into())
    );
    let about = book.row("Scores", "About this assessment");
    assert_eq!(
        about[1],
        Data::String("not scored".into()),
        "never drawn as 0"
    );

    let closed = book.row(
        "Findings",
        "Procurement not cross-referenced with the gifts register",
    );
    assert_eq!(closed[2], Data::String("closed".into()));

    let figures = book.rows("Figures");
    let apps = figures
        .iter()
        .find(|r| matches!(&r[0], Data::String(s) if s.contains("applications")))
        .expect("the applications figure");
    assert_eq!(number(&apps[1]), 49.0);
    assert_eq!(number(&apps[2]), 58.0);
    assert_eq!(number(&apps[3]), 9.0);
    assert!(
        (number(&apps[4]) - 0.184).abs() < 1e-9,
        "a percentage as a fraction"
    );
}

#[test]
fn the_summary_workbook_opens_on_the_forces() {
    let mut book = Book::read(in_fixtures(&[
        "summary",
        "dorset-2012.toml",
        "durham-2012.toml",
        "--format",
        "xlsx",
        "--marking",
        "OFFICIAL",
    ]));
    assert_eq!(
        book.wb.sheet_names(),
        ["About", "By force", "Gaps", "Answers", "Figures"]
    );
    book.assert_marked_and_inert("OFFICIAL");
    let dorset = book.row("By force", "Dorset Police");
    assert_eq!(dorset[1], Data::String("2012".into()));
    assert_eq!(number(&dorset[2]), 80.0, "the score as a number");
    assert_eq!(dorset[3], Data::String("Provisional".into()));
    assert!(
        (number(&dorset[4]) - 0.321).abs() < 1e-9,
        "completeness as a share"
    );
    assert_eq!(
        dorset[5..9].iter().map(number).collect::<Vec<_>>(),
        [1.0, 0.0, 4.0, 0.0],
        "findings by severity, and overdue at Dorset's own as-at date (31 May 2012)"
    );
    assert!(
        (number(&dorset[9]) - 0.959).abs() < 1e-9,
        "a key rate as a share"
    );
    let gifts = book.row(
        "Gaps",
        "Procurement not cross-referenced with the gifts register",
    );
    assert_eq!(number(&gifts[2]), 1.0, "flagged");
    assert_eq!(number(&gifts[3]), 0.0, "could not be judged");
    assert_eq!(number(&gifts[4]), 2.0, "forces");
    assert_eq!(gifts[5], Data::String("Dorset Police".into()));
    assert_eq!(gifts[6], Data::String("Durham Constabulary".into()));

    let answers = book.rows("Answers");
    let counted = answers
        .iter()
        .skip(2)
        .find(|r| matches!(r[1], Data::Float(_)))
        .expect("a yes/no question");
    for cell in &counted[1..7] {
        number(cell);
    }

    let figures = book.rows("Figures");
    let apps = figures
        .iter()
        .find(|r| matches!(&r[0], Data::String(s) if s.contains("applications")))
        .expect("the applications figure");
    assert_eq!(number(&apps[1]), 125.0);
    assert_eq!(number(&apps[5]), 2.0);
}

#[test]
fn text_from_files_is_never_a_formula_in_a_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let text = std::fs::read_to_string(fixtures.join("durham-2012.toml")).unwrap();
    let evil = dir.path().join("evil.toml");
    std::fs::write(
        &evil,
        text.replace("Durham Constabulary", "=HYPERLINK(\\\"http://x\\\")"),
    )
    .unwrap();
    let mut book = Book::read(in_fixtures(&[
        "summary",
        "dorset-2012.toml",
        evil.to_str().unwrap(),
        "--format",
        "xlsx",
    ]));
    book.assert_marked_and_inert("OFFICIAL-SENSITIVE");
    let forces = book.rows("By force");
    assert!(
        forces
            .iter()
            .any(|r| r[0] == Data::String("'=HYPERLINK(\"http://x\")".into())),
        "{forces:?}"
    );
}
