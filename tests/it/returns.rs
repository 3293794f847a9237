//! Returns as the lead and a contributor use them: a workbook made for a department, filled in
//! as Excel or LibreOffice saves it, imported, and its disagreements resolved.

use std::path::{Path, PathBuf};
use std::process::Output;

use calamine::{Data, Reader};
use rust_xlsxwriter::{Format, Workbook};

use crate::support::{Setting, probity, text};

/// probity acting as the integrity lead on 1 December 2012.
fn run(home: &Path, args: &[&str]) -> Output {
    probity()
        .home(home)
        .today("2012-12-01")
        .args(["--as", "Integrity Lead"])
        .args(args)
        .output()
        .unwrap()
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "stdout: {}\nstderr: {}",
        text(&out.stdout),
        text(&out.stderr)
    );
    text(&out.stdout)
}

/// A Dorset 2012 assessment: procurement compares awards with the gifts register ("no"), and
/// has had an audit ("yes").
fn assessment(home: &Path, force: &str) -> PathBuf {
    ok(&run(
        home,
        &["new", "--force", force, "--period", "2012", "--no-tui"],
    ));
    let path = std::fs::read_dir(home)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "toml"))
        .unwrap();
    let file = path.to_str().unwrap();
    ok(&run(
        home,
        &["answer", file, "procurement.gifts_crossref", "no"],
    ));
    ok(&run(home, &["answer", file, "procurement.audit", "yes"]));
    path
}

/// Makes the procurement return for the Head of Procurement.
fn make_return(home: &Path, file: &Path, out: &Path) -> String {
    ok(&run(
        home,
        &[
            "return",
            file.to_str().unwrap(),
            "--area",
            "procurement",
            "--to",
            "Head of Procurement",
            "--due",
            "31/01/2013",
            "--out",
            out.to_str().unwrap(),
        ],
    ))
}

/// A Dorset assessment in a new data folder, and the procurement return made from it.
fn procurement() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let home = tempfile::tempdir().unwrap();
    let file = assessment(home.path(), "Dorset Police");
    let made = home.path().join("procurement.xlsx");
    make_return(home.path(), &file, &made);
    (home, file, made)
}

/// A cell as a spreadsheet stores what someone typed or pasted.
#[derive(Clone, Copy)]
enum Typed {
    Text(&'static str),
    Number(f64),
    /// A date: a serial number shown with a date format.
    Date(f64),
    Blank,
}

/// "E4" → (3, 4).
fn at(cell: &str) -> (u32, u16) {
    let col = cell.as_bytes()[0] - b'A';
    (cell[1..].parse::<u32>().unwrap() - 1, u16::from(col))
}

/// Fills a return as a spreadsheet saves it: every sheet copied cell by cell (dates as serial
/// numbers with a date format), with `typed` written over it.
fn fill(from: &Path, to: &Path, typed: &[(&str, Typed)]) {
    let mut book = calamine::open_workbook_auto(from).unwrap();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let mut out = Workbook::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).unwrap();
        let ws = out.add_worksheet();
        ws.set_name(&name).unwrap();
        if name == "probity" {
            ws.set_hidden(true);
        }
        let (top, left) = range.start().unwrap_or_default();
        for (r, c, data) in range.used_cells() {
            let (row, col) = (top + r as u32, (left + c as u32) as u16);
            match data {
                Data::String(s) => ws.write_string(row, col, s),
                Data::Float(f) => ws.write_number(row, col, *f),
                Data::Int(i) => ws.write_number(row, col, *i as f64),
                Data::DateTime(d) => ws.write_number_with_format(row, col, d.as_f64(), &date),
                _ => continue,
            }
            .unwrap();
        }
        for (cell, value) in typed {
            // "E4" is on the questions sheet; "probity!B6" names its sheet.
            let (sheet, cell) = cell.split_once('!').unwrap_or(("Questions", cell));
            if sheet == name {
                let (row, col) = at(cell);
                match value {
                    Typed::Text(s) => ws.write_string(row, col, *s),
                    Typed::Number(n) => ws.write_number(row, col, *n),
                    Typed::Date(n) => ws.write_number_with_format(row, col, *n, &date),
                    Typed::Blank => ws.write_blank(row, col, &Format::new()),
                }
                .unwrap();
            }
        }
    }
    out.save(to).unwrap();
}

/// The file without its pointer to the history's last entry, which moves with every change
/// recorded (a conflict kept, or one set aside).
fn without_pointer(file: &Path) -> String {
    std::fs::read_to_string(file)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with("recorded = "))
        .map(|l| format!("{l}\n"))
        .collect()
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

fn history(file: &Path) -> Vec<u8> {
    std::fs::read(probity_core::history::path_for(file)).unwrap_or_default()
}

/// Imports a return that must be refused: returns what was said on stderr, having checked the
/// assessment and its history are byte for byte as they were.
fn refused(home: &Path, file: &Path, workbook: &Path) -> String {
    let (before, log) = (read(file), history(file));
    let out = run(
        home,
        &["import", file.to_str().unwrap(), workbook.to_str().unwrap()],
    );
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(read(file) == before, "the file is unchanged: {stderr}");
    assert!(history(file) == log, "the history is unchanged: {stderr}");
    stderr
}

// Rows of the procurement return: the header is row 3, then one row per item in order.
const GIFTS_CROSSREF: &str = "E4";
const LOW_VALUE: &str = "E6";
const CARDS_POLICY: &str = "E7";
const CARDS_COUNT: &str = "E9";
const PSD_ROLE: &str = "E10";
const AUDIT: &str = "E13";

#[test]
fn a_return_is_made_with_its_questions_current_answers_and_hidden_details() {
    let home = tempfile::tempdir().unwrap();
    let file = assessment(home.path(), "Dorset Police");
    let out = home.path().join("procurement.xlsx");
    let said = make_return(home.path(), &file, &out);
    assert!(
        said.contains("10 questions for Head of Procurement, to return by 31 January 2013"),
        "{said}"
    );
    let mut book = calamine::open_workbook_auto(&out).unwrap();
    assert_eq!(
        book.sheet_names(),
        ["About this return", "Questions", "probity"]
    );
    let cover = book.worksheet_range("About this return").unwrap();
    let words: Vec<String> = cover.cells().map(|(_, _, d)| d.to_string()).collect();
    for expected in [
        "Return for Head of Procurement",
        "31 January 2013",
        "OFFICIAL-SENSITIVE",
    ] {
        assert!(words.iter().any(|w| w.contains(expected)), "{expected}");
    }
    assert!(
        words.iter().any(|w| w.contains("not a security measure")),
        "the cover says protection is no security measure"
    );
    let questions = book.worksheet_range("Questions").unwrap();
    let cell = |name: &str| {
        let (row, col) = at(name);
        questions
            .get_value((row, u32::from(col)))
            .cloned()
            .unwrap_or(Data::Empty)
    };
    assert_eq!(cell(GIFTS_CROSSREF), Data::String("No".into()));
    assert_eq!(cell(AUDIT), Data::String("Yes".into()));
    assert_eq!(cell(LOW_VALUE), Data::Empty);
    assert!(cell("C4").to_string().starts_with("Are contract awards"));
    // Card count is asked only once the card policy is answered: shown grey, with the reason.
    assert!(
        cell("F9").to_string().contains("Not asked at present"),
        "{}",
        cell("F9")
    );
    let hidden = book
        .sheets_metadata()
        .iter()
        .find(|s| s.name == "probity")
        .map(|s| s.visible);
    assert_eq!(hidden, Some(calamine::SheetVisible::Hidden));
    let data = book.worksheet_range("probity").unwrap();
    let hidden: Vec<String> = data.cells().map(|(_, _, d)| d.to_string()).collect();
    for expected in [
        "Dorset Police",
        "2012",
        "wfof-2011",
        "procurement.gifts_crossref",
    ] {
        assert!(hidden.iter().any(|h| h == expected), "{expected}");
    }
}

#[test]
fn a_filled_return_brings_new_answers_under_the_contributors_name_and_keeps_conflicts() {
    let (home, file, made) = procurement();
    let filled = home.path().join("procurement-filled.xlsx");
    fill(
        &made,
        &filled,
        &[
            (GIFTS_CROSSREF, Typed::Text("yes ")),
            (LOW_VALUE, Typed::Text("partly")),
            (CARDS_POLICY, Typed::Text("YES")),
            ("H7", Typed::Text("Card policy 2012; Card register")),
            ("I7", Typed::Text("Head of Procurement ")),
            (CARDS_COUNT, Typed::Number(12.0)),
            (
                PSD_ROLE,
                Typed::Text("planned checks and regular liaison with procurement"),
            ),
            (
                "G10",
                Typed::Text("Quarterly meetings with professional standards"),
            ),
            ("J10", Typed::Date(41364.0)),
            (AUDIT, Typed::Text("Yes")),
        ],
    );
    let f = file.to_str().unwrap();
    let before = read(&file);

    // A dry run says exactly what would change and writes nothing.
    let dry = ok(&run(
        home.path(),
        &["import", f, filled.to_str().unwrap(), "--dry-run"],
    ));
    assert_eq!(read(&file), before, "a dry run writes nothing");
    let summary = "procurement-filled.xlsx, from Head of Procurement: 4 new answers, 1 conflict; 0 as held, 5 left blank or as sent.";
    assert!(dry.contains(summary), "{dry}");
    assert!(dry.contains("Dry run: nothing was written."), "{dry}");

    let done = ok(&run(home.path(), &["import", f, filled.to_str().unwrap()]));
    assert!(done.contains(summary), "{done}");
    assert_eq!(
        done.replace("Dry run: nothing was written.\n", ""),
        dry.replace("Dry run: nothing was written.\n", "")
            + "1 conflict to resolve: see them with `probity conflicts "
            + f
            + "`.\n",
        "the dry run printed exactly what the import did"
    );
    let saved = std::fs::read_to_string(&file).unwrap();
    for expected in [
        "[answers.\"procurement.low_value_controls\"]\nvalue = \"partial\"",
        "[answers.\"procurement.cards.count\"]\nvalue = 12",
        "value = \"proactive\"\nnote = \"Quarterly meetings with professional standards\"",
        "due = 2013-03-31",
        "evidence = [\"Card policy 2012\", \"Card register\"]",
        "owner = \"Head of Procurement\"",
    ] {
        assert!(saved.contains(expected), "{expected}\n{saved}");
    }
    // The answer held is kept, the return's waits beside it.
    assert!(
        saved.contains("[answers.\"procurement.gifts_crossref\"]\nvalue = \"no\""),
        "{saved}"
    );
    assert!(
        saved.contains("[answers.\"procurement.gifts_crossref\".incoming]\nvalue = \"yes\"\nfrom = \"Head of Procurement\"\nreturn = \"procurement-filled.xlsx\"\nreceived = 2012-12-01"),
        "{saved}"
    );
    let log = ok(&run(
        home.path(),
        &["history", f, "--item", "procurement.cards.count"],
    ));
    assert!(
        log.contains("Head of Procurement") && log.contains("(given in a return)"),
        "{log}"
    );

    // The conflict is listed with both answers and who gave each.
    let listed = ok(&run(home.path(), &["conflicts", f]));
    assert!(listed.contains("1 conflict to resolve"), "{listed}");
    assert!(
        listed.contains("Held: answer \"No\" (given by Integrity Lead, "),
        "{listed}"
    );
    assert!(
        listed.contains("From the return: answer \"Yes\" (given by Head of Procurement, procurement-filled.xlsx, received 1 December 2012)"),
        "{listed}"
    );

    // Importing the same return again changes nothing.
    let again = ok(&run(home.path(), &["import", f, filled.to_str().unwrap()]));
    assert!(again.contains("0 new answers, 0 conflicts"), "{again}");

    // Sign-off is refused while the conflict waits.
    let sign = run(
        home.path(),
        &[
            "sign",
            f,
            "--by",
            "Chief Constable",
            "--role",
            "Chief Constable",
        ],
    );
    assert_eq!(sign.status.code(), Some(1));
    assert!(
        text(&sign.stderr).contains("waiting to be resolved"),
        "{}",
        text(&sign.stderr)
    );

    // Taking it applies the return's answer as the contributor's.
    let took = ok(&run(
        home.path(),
        &["conflicts", f, "--take", "procurement.gifts_crossref"],
    ));
    assert!(took.contains("0 conflicts left to resolve."), "{took}");
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(
        saved.contains("[answers.\"procurement.gifts_crossref\"]\nvalue = \"yes\"")
            && !saved.contains(".incoming]"),
        "{saved}"
    );
    let log = ok(&run(
        home.path(),
        &["history", f, "--item", "procurement.gifts_crossref"],
    ));
    assert!(log.contains("Head of Procurement"), "{log}");
}

#[test]
fn keeping_the_answer_held_sets_the_returns_aside() {
    let (home, file, made) = procurement();
    let filled = home.path().join("filled.xlsx");
    fill(&made, &filled, &[(GIFTS_CROSSREF, Typed::Text("Yes"))]);
    let f = file.to_str().unwrap();
    let before = without_pointer(&file);
    ok(&run(home.path(), &["import", f, filled.to_str().unwrap()]));
    let after = without_pointer(&file);
    // Nothing changes but the conflict kept beside the answer.
    let incoming = "\n[answers.\"procurement.gifts_crossref\".incoming]\nvalue = \"yes\"\nfrom = \"Head of Procurement\"\nreturn = \"filled.xlsx\"\nreceived = 2012-12-01\n";
    assert!(after.contains(incoming), "{after}");
    assert_eq!(after.replacen(incoming, "", 1), before);

    let kept = ok(&run(
        home.path(),
        &["conflicts", f, "--keep", "procurement.gifts_crossref"],
    ));
    assert!(kept.contains("kept the answer held"), "{kept}");
    assert_eq!(without_pointer(&file), before);
    let none = run(
        home.path(),
        &["conflicts", f, "--keep", "procurement.gifts_crossref"],
    );
    assert_eq!(none.status.code(), Some(1));
    assert!(
        text(&none.stderr).contains("has no answer from a return waiting"),
        "{}",
        text(&none.stderr)
    );
}

#[test]
fn a_return_for_another_assessment_is_refused_and_changes_nothing() {
    let home = tempfile::tempdir().unwrap();
    let dorset = assessment(home.path(), "Dorset Police");
    let other = tempfile::tempdir().unwrap();
    let durham = assessment(other.path(), "Durham Constabulary");
    let made = home.path().join("durham.xlsx");
    make_return(other.path(), &durham, &made);
    let filled = home.path().join("durham-filled.xlsx");
    fill(&made, &filled, &[(LOW_VALUE, Typed::Text("Yes"))]);
    let stderr = refused(home.path(), &dorset, &filled);
    assert!(
        stderr.contains("durham-filled.xlsx belongs to another assessment: it is a return for Durham Constabulary, 2012, and this assessment is Dorset Police, 2012"),
        "{stderr}"
    );
}

/// Each bad cell: what is typed, and the message naming workbook, sheet, cell, item and value.
const BAD_CELLS: [(&str, Typed, &str); 6] = [
    (
        LOW_VALUE,
        Typed::Text("Maybe"),
        "bad.xlsx, sheet \"Questions\", cell E6, procurement.low_value_controls",
    ),
    (
        CARDS_COUNT,
        Typed::Number(-3.0),
        "bad.xlsx, sheet \"Questions\", cell E9, procurement.cards.count",
    ),
    (
        CARDS_COUNT,
        Typed::Text("twelve"),
        "bad.xlsx, sheet \"Questions\", cell E9, procurement.cards.count",
    ),
    (
        PSD_ROLE,
        Typed::Text("Sometimes"),
        "bad.xlsx, sheet \"Questions\", cell E10, procurement.psd_role",
    ),
    (
        "J6",
        Typed::Text("next week"),
        "bad.xlsx, sheet \"Questions\", cell J6, procurement.low_value_controls",
    ),
    (
        "C6",
        Typed::Text("A question pasted over"),
        "bad.xlsx, sheet \"Questions\", cell C6, procurement.low_value_controls",
    ),
];

#[test]
fn a_bad_cell_is_named_and_nothing_from_its_return_applies() {
    let (home, file, made) = procurement();
    let bad = home.path().join("bad.xlsx");
    let messages = [
        "\"Maybe\" is not one of",
        "\"-3\" is not a whole number of zero or more",
        "\"twelve\" is not a whole number of zero or more",
        "\"Sometimes\" is not one of",
        "the due date \"next week\" is not a date such as 31/03/2013",
        "this row no longer holds the question it was made with",
    ];
    for ((cell, typed, place), message) in BAD_CELLS.iter().zip(messages) {
        // A good answer beside the bad cell is not applied either.
        fill(
            &made,
            &bad,
            &[
                (AUDIT, Typed::Text("No")),
                (CARDS_POLICY, Typed::Text("Yes")),
                (cell, *typed),
            ],
        );
        let stderr = refused(home.path(), &file, &bad);
        assert!(
            stderr.contains(
                "bad.xlsx has 1 cell that cannot be used, so nothing from it was applied"
            ),
            "{cell}: {stderr}"
        );
        let line = stderr
            .lines()
            .find(|l| l.contains(place))
            .unwrap_or_else(|| panic!("{cell}: {place}\n{stderr}"));
        assert!(line.contains(message), "{cell}: {message}\n{line}");
    }
}

#[test]
fn a_good_return_still_applies_beside_a_bad_one() {
    let (home, file, made) = procurement();
    let bad = home.path().join("bad.xlsx");
    fill(&made, &bad, &[(LOW_VALUE, Typed::Text("Maybe"))]);
    let good = home.path().join("good.xlsx");
    fill(
        &made,
        &good,
        &[
            (LOW_VALUE, Typed::Text("Yes")),
            (CARDS_POLICY, Typed::Blank),
        ],
    );
    let out = run(
        home.path(),
        &[
            "import",
            file.to_str().unwrap(),
            bad.to_str().unwrap(),
            good.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1), "one return was refused");
    assert!(text(&out.stdout).contains("good.xlsx, from Head of Procurement: 1 new answer"));
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(
        saved.contains("[answers.\"procurement.low_value_controls\"]\nvalue = \"yes\""),
        "{saved}"
    );
}

#[test]
fn a_second_different_conflict_waits_until_the_first_is_resolved() {
    let (home, file, made) = procurement();
    let (first, second) = (
        home.path().join("first.xlsx"),
        home.path().join("second.xlsx"),
    );
    fill(&made, &first, &[(GIFTS_CROSSREF, Typed::Text("Yes"))]);
    fill(&made, &second, &[(GIFTS_CROSSREF, Typed::Text("Partly"))]);
    let f = file.to_str().unwrap();
    ok(&run(home.path(), &["import", f, first.to_str().unwrap()]));
    let stderr = refused(home.path(), &file, &second);
    assert!(
        stderr.contains("second.xlsx, sheet \"Questions\", cell E4, procurement.gifts_crossref")
            && stderr.contains("a different answer from Head of Procurement (first.xlsx, received 1 December 2012) is still waiting to be resolved"),
        "{stderr}"
    );
}

#[test]
fn a_return_made_from_another_version_of_the_checklist_is_refused() {
    let (home, file, made) = procurement();
    let old = home.path().join("old.xlsx");
    // The hidden sheet's sixth row holds the checklist's fingerprint.
    fill(
        &made,
        &old,
        &[
            ("probity!B6", Typed::Text("0123abcd")),
            (LOW_VALUE, Typed::Text("Yes")),
        ],
    );
    let stderr = refused(home.path(), &file, &old);
    assert!(
        stderr.contains("old.xlsx belongs to another assessment: it was made from a different version of the checklist \"wfof-2011\""),
        "{stderr}"
    );
}

#[test]
fn a_changed_hidden_sheet_is_named_by_its_cell() {
    let (home, file, made) = procurement();
    let changed = home.path().join("changed.xlsx");
    // The hidden sheet: its keys in column A (the third is the period), then from row 13 each
    // question's row and item id.
    for (cell, typed, said) in [
        (
            "probity!A3",
            Typed::Text("year"),
            "changed.xlsx is not a probity return, or its hidden sheet was changed: cell A3 of the sheet \"probity\" should say \"period\" but says \"year\"",
        ),
        (
            "probity!B13",
            Typed::Text("procurement.unknown"),
            "changed.xlsx was refused, and nothing from it was applied: cell B13 of the sheet \"probity\" names \"procurement.unknown\", a question the return was not sent",
        ),
        (
            "probity!A14",
            Typed::Text("4"),
            "cell A14 of the sheet \"probity\" does not hold the row of \"procurement.interests_crossref\"",
        ),
    ] {
        fill(
            &made,
            &changed,
            &[(cell, typed), (LOW_VALUE, Typed::Text("Yes"))],
        );
        let stderr = refused(home.path(), &file, &changed);
        assert!(stderr.contains(said), "{cell}: {stderr}");
    }
}

/// The validation a spreadsheet applies as someone types, read from the sheet's own XML: each
/// kind of answer cell gets the check its item's kind calls for, and the sheet is protected.
#[test]
fn answer_cells_check_what_is_typed_by_the_items_kind() {
    let home = tempfile::tempdir().unwrap();
    let file = assessment(home.path(), "Dorset Police");
    let out = home.path().join("media.xlsx");
    ok(&run(
        home.path(),
        &[
            "return",
            file.to_str().unwrap(),
            "--area",
            "media",
            "--to",
            "Press office",
            "--out",
            out.to_str().unwrap(),
        ],
    ));
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet2.xml").unwrap(),
        &mut xml,
    )
    .unwrap();
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let protected = doc
        .descendants()
        .any(|n| n.has_tag_name("sheetProtection") && n.attribute("sheet") == Some("1"));
    assert!(protected, "the questions sheet is protected");
    // (question's short label, validation type, first formula)
    let checks: Vec<(String, String, String)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("dataValidation"))
        .map(|n| {
            let formula = n
                .children()
                .find(|c| c.has_tag_name("formula1"))
                .and_then(|c| c.text())
                .unwrap_or_default();
            (
                n.attribute("promptTitle").unwrap_or_default().to_string(),
                n.attribute("type").unwrap_or("any").to_string(),
                formula.to_string(),
            )
        })
        .collect();
    let check = |label: &str| {
        checks
            .iter()
            .find(|(l, _, _)| l == label)
            .unwrap_or_else(|| panic!("no validation for {label}: {checks:?}"))
    };
    let status = check("Media policy");
    assert_eq!(
        (status.1.as_str(), status.2.as_str()),
        ("list", "\"Yes,Partly,No,Not applicable\"")
    );
    let count = check("Social media misuse cases");
    assert_eq!((count.1.as_str(), count.2.as_str()), ("whole", "0"));
    assert_eq!(check("Media policy last reviewed").1, "date");
    let choice = check("Social media monitoring");
    assert_eq!(choice.1, "list");
    assert!(choice.2.starts_with("probity!"), "{choice:?}");
}

/// A small file whose zip directory says its parts inflate to gigabytes is refused before
/// anything is inflated, and changes nothing.
#[test]
fn a_workbook_that_would_inflate_without_bound_is_refused() {
    let (home, file, _) = procurement();
    let mut packed = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut packed);
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("xl/workbook.xml", stored).unwrap();
    std::io::Write::write_all(&mut zip, b"x").unwrap();
    zip.finish().unwrap();
    let mut bytes = packed.into_inner();
    // Claim 4 GB uncompressed in the central directory entry (signature PK\x01\x02, size at +24).
    let at = bytes.windows(4).position(|w| w == b"PK\x01\x02").unwrap();
    bytes[at + 24..at + 28].copy_from_slice(&0xFFFF_FFF0u32.to_le_bytes());
    let bomb = home.path().join("bomb.xlsx");
    std::fs::write(&bomb, bytes).unwrap();
    let said = refused(home.path(), &file, &bomb);
    assert!(
        said.contains("bomb.xlsx cannot be read as a workbook")
            && said.contains("would inflate to more than 256 MB"),
        "{said}"
    );
}

/// A hidden sheet that lists one item twice would apply two answers to it, the last silently
/// winning, and a sheet listing it thousands of times would swell the history past what
/// probity reads back: a return asks each question once, and is refused otherwise.
#[test]
fn a_return_listing_an_item_twice_is_refused() {
    let (home, file, made) = procurement();
    let twice = home.path().join("twice.xlsx");
    fill(
        &made,
        &twice,
        &[
            ("probity!B14", Typed::Text("procurement.gifts_crossref")),
            (GIFTS_CROSSREF, Typed::Text("Yes")),
        ],
    );
    let stderr = refused(home.path(), &file, &twice);
    assert!(
        stderr.contains(
            "cells B13 and B14 of the sheet \"probity\" both name \"procurement.gifts_crossref\", but a return asks each question once"
        ),
        "{stderr}"
    );
}

/// A small workbook can carry a note of megabytes; it is refused where it enters, naming the
/// field and its limit, and neither a dry run nor the import takes it.
#[test]
fn a_note_over_its_limit_in_a_return_is_refused_naming_field_and_limit() {
    let (home, file, made) = procurement();
    let long = home.path().join("long.xlsx");
    // A cell holds at most 32,767 characters; of two bytes each, they pass 32 KB.
    let note: &'static str = Box::leak("é".repeat(20_000).into_boxed_str());
    fill(
        &made,
        &long,
        &[(LOW_VALUE, Typed::Text("Yes")), ("G6", Typed::Text(note))],
    );
    let stderr = refused(home.path(), &file, &long);
    assert!(
        stderr.contains("the note is 40,000 bytes long, over its limit of 32 KB (32,768 bytes)"),
        "{stderr}"
    );
    let out = run(
        home.path(),
        &[
            "import",
            file.to_str().unwrap(),
            long.to_str().unwrap(),
            "--dry-run",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
}

/// Whom a return was for is checked against what the history recorded when it was made; a
/// name with escape or bidirectional controls is refused like any other that differs, and the
/// message shows it cleaned, so no control reaches the terminal or the history.
#[test]
fn a_contributor_name_with_control_characters_is_refused_cleaned() {
    let (home, file, made) = procurement();
    let dirty = home.path().join("dirty.xlsx");
    fill(
        &made,
        &dirty,
        &[
            (
                "probity!B7",
                Typed::Text("Head\u{202e} of Comms\u{1b}]0;pwn\u{7}"),
            ),
            (LOW_VALUE, Typed::Text("Yes")),
            (GIFTS_CROSSREF, Typed::Text("Yes")),
        ],
    );
    let stderr = refused(home.path(), &file, &dirty);
    assert!(
        stderr.contains("cell B7 of the sheet \"probity\" says it is for \"Head of Comms]0;pwn\", but the history records that this return (procurement.xlsx, made on "),
        "{stderr}"
    );
    for c in ['\u{1b}', '\u{202e}', '\u{7}'] {
        assert!(!stderr.contains(c), "{c:?} reached the terminal");
    }
    ok(&run(home.path(), &["verify", file.to_str().unwrap()]));
}

/// The return's token, as written into its hidden sheet (D1).
fn token_of(made: &Path) -> String {
    let mut book = calamine::open_workbook_auto(made).unwrap();
    let data = book.worksheet_range("probity").unwrap();
    assert_eq!(
        data.get_value((0, 2)).map(ToString::to_string).as_deref(),
        Some("return token")
    );
    data.get_value((0, 3)).unwrap().to_string()
}

/// Making a return records it in the history: its file, its token (also in the workbook), whom
/// it is for and the items it asks; and a return made, filled and imported still applies.
#[test]
fn a_return_made_is_recorded_and_imports_as_its_contributors() {
    let (home, file, made) = procurement();
    let token = token_of(&made);
    assert_eq!(token.len(), 32, "{token}");
    let log = String::from_utf8(history(&file)).unwrap();
    let entry: serde_json::Value = log
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|e| e["kind"] == "return_made")
        .expect("a return_made entry");
    assert_eq!(entry["file"], "procurement.xlsx");
    assert_eq!(entry["token"], token.as_str());
    assert_eq!(entry["to"], "Head of Procurement");
    assert_eq!(entry["by"], "Integrity Lead");
    assert_eq!(entry["items"].as_array().unwrap().len(), 10);
    assert!(
        entry["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i == "procurement.low_value_controls")
    );
    let f = file.to_str().unwrap();
    ok(&run(home.path(), &["verify", f]));
    let filled = home.path().join("filled.xlsx");
    fill(&made, &filled, &[(LOW_VALUE, Typed::Text("Yes"))]);
    let said = ok(&run(home.path(), &["import", f, filled.to_str().unwrap()]));
    assert!(
        said.contains("filled.xlsx, from Head of Procurement: 1 new answer"),
        "{said}"
    );
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(
        saved.contains("[answers.\"procurement.low_value_controls\"]"),
        "{saved}"
    );
    ok(&run(home.path(), &["verify", f]));
}

/// A workbook that claims another contributor than the one it was made for is refused, naming
/// the cell, what it claims and what was recorded; nothing is imported, even in a dry run.
#[test]
fn a_return_claiming_another_contributor_is_refused() {
    let (home, file, made) = procurement();
    let forged = home.path().join("forged.xlsx");
    fill(
        &made,
        &forged,
        &[
            ("probity!B7", Typed::Text("Chief Constable (signed off)")),
            (LOW_VALUE, Typed::Text("Yes")),
        ],
    );
    let stderr = refused(home.path(), &file, &forged);
    assert!(
        stderr.contains(
            "forged.xlsx was refused, and nothing from it was applied: cell B7 of the sheet \"probity\" says it is for \"Chief Constable (signed off)\", but the history records that this return (procurement.xlsx, made on "
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("was made for \"Head of Procurement\""),
        "{stderr}"
    );
    let out = run(
        home.path(),
        &[
            "import",
            file.to_str().unwrap(),
            forged.to_str().unwrap(),
            "--dry-run",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    assert!(text(&out.stderr).contains("says it is for"));
}

/// Who made it (B8) is checked too.
#[test]
fn a_return_claiming_another_maker_is_refused() {
    let (home, file, made) = procurement();
    let forged = home.path().join("forged.xlsx");
    fill(
        &made,
        &forged,
        &[
            ("probity!B8", Typed::Text("Chief Constable")),
            (LOW_VALUE, Typed::Text("Yes")),
        ],
    );
    let stderr = refused(home.path(), &file, &forged);
    assert!(
        stderr.contains("cell B8 of the sheet \"probity\" says it is from \"Chief Constable\", but the history records that this return (procurement.xlsx, made on "),
        "{stderr}"
    );
    assert!(
        stderr.contains("was made by \"Integrity Lead\""),
        "{stderr}"
    );
}

/// A token no return made from this assessment has (one from another assessment's return, or
/// typed), or a token cell that does not hold one, is refused.
#[test]
fn a_return_whose_token_the_history_does_not_know_is_refused() {
    let (home, file, made) = procurement();
    let unknown = home.path().join("unknown.xlsx");
    for (typed, said) in [
        (
            Typed::Text("0123456789abcdef0123456789abcdef"),
            "unknown.xlsx was refused, and nothing from it was applied: cell D1 of the sheet \"probity\" holds the return token \"0123456789abcdef0123456789abcdef\", and no return made from this assessment has it (the history records 1 return made)",
        ),
        (
            Typed::Text("not a token"),
            "unknown.xlsx is not a probity return, or its hidden sheet was changed: cell D1 of the sheet \"probity\" should hold the return's token, as probity wrote it, but says \"not a token\"",
        ),
    ] {
        fill(
            &made,
            &unknown,
            &[("probity!D1", typed), (LOW_VALUE, Typed::Text("Yes"))],
        );
        let stderr = refused(home.path(), &file, &unknown);
        assert!(stderr.contains(said), "{stderr}");
    }
    // A return made from another assessment of the same force and period carries a token
    // this one's history never recorded.
    let other = tempfile::tempdir().unwrap();
    let twin = assessment(other.path(), "Dorset Police");
    let elsewhere = other.path().join("elsewhere.xlsx");
    make_return(other.path(), &twin, &elsewhere);
    let filled = home.path().join("elsewhere.xlsx");
    fill(&elsewhere, &filled, &[(LOW_VALUE, Typed::Text("Yes"))]);
    let stderr = refused(home.path(), &file, &filled);
    assert!(
        stderr.contains("and no return made from this assessment has it"),
        "{stderr}"
    );
}

/// A return made before probity wrote tokens (no token on its hidden sheet) still imports,
/// with a warning that whom it is from could not be checked.
#[test]
fn a_return_made_before_tokens_imports_with_a_warning() {
    let (home, file, made) = procurement();
    let old = home.path().join("old.xlsx");
    fill(
        &made,
        &old,
        &[
            ("probity!C1", Typed::Blank),
            ("probity!D1", Typed::Blank),
            (LOW_VALUE, Typed::Text("Yes")),
        ],
    );
    let out = run(
        home.path(),
        &["import", file.to_str().unwrap(), old.to_str().unwrap()],
    );
    let said = ok(&out);
    assert!(
        said.contains("old.xlsx, from Head of Procurement: 1 new answer"),
        "{said}"
    );
    assert!(
        text(&out.stderr).contains("Warning: old.xlsx was made before probity recorded the returns it makes, so whom it is from (\"Head of Procurement\") could not be checked"),
        "{}",
        text(&out.stderr)
    );
}

/// A return lists only the items it was sent: one naming another item, or more rows than it
/// was sent, is refused naming the row.
#[test]
fn a_return_listing_an_item_it_was_not_sent_is_refused() {
    let (home, file, made) = procurement();
    let more = home.path().join("more.xlsx");
    // Row 14 of the hidden sheet is the procurement return's second item; gifts.policy is
    // in the checklist but not in this return.
    fill(
        &made,
        &more,
        &[
            ("probity!B14", Typed::Text("gifts.policy")),
            (LOW_VALUE, Typed::Text("Yes")),
        ],
    );
    let stderr = refused(home.path(), &file, &more);
    assert!(
        stderr.contains("more.xlsx was refused, and nothing from it was applied: cell B14 of the sheet \"probity\" names \"gifts.policy\", a question the return was not sent: the history records that procurement.xlsx was made on "),
        "{stderr}"
    );
    assert!(
        stderr.contains("asking 10 questions, and not that one"),
        "{stderr}"
    );
    // Ten items sent, on hidden rows 13 to 22: an eleventh row is more than it was sent.
    fill(
        &made,
        &more,
        &[
            ("probity!A23", Typed::Text("14")),
            ("probity!B23", Typed::Text("gifts.policy")),
            (LOW_VALUE, Typed::Text("Yes")),
        ],
    );
    let stderr = refused(home.path(), &file, &more);
    assert!(
        stderr.contains("cell B23 of the sheet \"probity\" lists row 11 (\"gifts.policy\"), more rows than the return was sent: the history records that procurement.xlsx was made on "),
        "{stderr}"
    );
}

/// Copies a return with its questions sheet's XML changed by `edit`.
fn with_questions_xml(made: &Path, out: &Path, edit: impl Fn(&mut Vec<u8>)) {
    let mut from = zip::ZipArchive::new(std::fs::File::open(made).unwrap()).unwrap();
    let mut to = zip::ZipWriter::new(std::fs::File::create(out).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    for i in 0..from.len() {
        let mut part = from.by_index(i).unwrap();
        let name = part.name().to_string();
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut part, &mut bytes).unwrap();
        if name == "xl/worksheets/sheet2.xml" {
            edit(&mut bytes);
        }
        to.start_file(name, options).unwrap();
        std::io::Write::write_all(&mut to, &bytes).unwrap();
    }
    to.finish().unwrap();
}

/// A sheet that is there but cannot be parsed (here a character reference to no character) is
/// named as such, not taken for a missing or renamed sheet.
#[test]
fn a_sheet_that_cannot_be_parsed_says_so() {
    let (home, file, made) = procurement();
    let broken = home.path().join("broken.xlsx");
    with_questions_xml(&made, &broken, |bytes| {
        let at = bytes.windows(3).position(|w| w == b"<v>").unwrap() + 3;
        bytes.splice(at..at, b"&#0;".iter().copied());
    });
    let stderr = refused(home.path(), &file, &broken);
    assert!(
        stderr.contains("its sheet \"Questions\" cannot be read"),
        "{stderr}"
    );
    assert!(!stderr.contains("was it renamed"), "{stderr}");
}

/// Found by the stable fuzzer (tests/it/fuzz.rs): a cell naming a shared string the workbook
/// does not hold made the workbook reader index past its end and panic. It is refused.
#[test]
fn a_cell_naming_a_shared_string_that_is_not_there_is_refused_not_a_panic() {
    let (home, file, made) = procurement();
    let broken = home.path().join("dangling.xlsx");
    with_questions_xml(&made, &broken, |bytes| {
        let at = bytes.windows(9).position(|w| w == b"t=\"s\"><v>").unwrap() + 9;
        bytes.splice(at..at, b"999999".iter().copied());
    });
    let stderr = refused(home.path(), &file, &broken);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        stderr.contains("a sheet refers to something the workbook does not hold"),
        "{stderr}"
    );
}

/// Nothing can be imported into a signed-off assessment, so no return is made from one: the
/// command is refused, no workbook is written, and the file and history are as they were.
#[test]
fn no_return_is_made_from_a_signed_off_assessment() {
    let home = tempfile::tempdir().unwrap();
    let file = assessment(home.path(), "Dorset Police");
    let f = file.to_str().unwrap();
    // Its one finding, on the gifts register, is put right so it can be signed off.
    ok(&run(
        home.path(),
        &["answer", f, "procurement.gifts_crossref", "yes"],
    ));
    ok(&run(
        home.path(),
        &["sign", f, "--by", "A. Chief", "--role", "DCC"],
    ));
    let (before, log) = (read(&file), history(&file));
    let out_path = home.path().join("late.xlsx");
    let out = run(
        home.path(),
        &[
            "return",
            f,
            "--area",
            "procurement",
            "--to",
            "Head of Procurement",
            "--out",
            out_path.to_str().unwrap(),
        ],
    );
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("is signed off and final, so a return made from it could not be imported; reopen it first"),
        "{stderr}"
    );
    assert!(!out_path.exists());
    assert!(read(&file) == before && history(&file) == log);
    ok(&run(home.path(), &["verify", f]));
}
