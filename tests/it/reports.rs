//! The gap report in every export format, for the seed fixtures and for hostile input.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use jiff::civil::date;
use probity_core::assessment::{self, Assessment};
use probity_core::checklist::Checklist;
use probity_core::document::{Document, Format};
use probity_core::report::{Options, Report, Style};
use scraper::{Html, Selector};

use crate::support::corpus::{self, CORPUS};
use crate::support::{Setting, built_in, catalog, probity, word};

fn options() -> Options {
    Options::new("OFFICIAL-SENSITIVE", date(2012, 12, 1))
}

fn load(fixture: &str) -> (Assessment, Checklist) {
    assessment::load(&crate::support::fixture(fixture), catalog())
        .unwrap_or_else(|e| panic!("{fixture}: {e}"))
}

fn report_with(a: &Assessment, c: &Checklist, options: &Options) -> Report {
    Report::new(c, a, options)
}

fn report(fixture: &str) -> Report {
    let (a, c) = load(fixture);
    report_with(&a, &c, &options())
}

fn render(r: &Report, format: Format) -> String {
    String::from_utf8(r.render(format).unwrap()).expect("text formats are UTF-8")
}

fn select<'a>(doc: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    doc.select(&Selector::parse(css).expect("valid selector"))
        .collect()
}

fn text_of(e: &scraper::ElementRef) -> String {
    e.text().collect::<String>()
}

/// Every cell of every sheet, as (sheet, row, column, text).
fn workbook_cells(bytes: Vec<u8>) -> Vec<(String, usize, usize, String)> {
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).expect("a readable workbook");
    let mut out = Vec::new();
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name).expect("a readable sheet");
        assert_eq!(
            range.start(),
            Some((0, 0)),
            "{name} starts with its marking in A1"
        );
        for (r, row) in range.rows().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let text = match cell {
                    Data::Empty => continue,
                    Data::String(s) => s.clone(),
                    other => other.to_string(),
                };
                out.push((name.clone(), r, c, text));
            }
        }
    }
    out
}

#[test]
fn markdown_snapshots() {
    for name in ["dorset-2012", "durham-2012"] {
        insta::assert_snapshot!(
            format!("{name}.md"),
            render(&report(&format!("{name}.toml")), Format::Md)
        );
    }
}

#[test]
fn narrative_snapshots() {
    for name in ["dorset-2012", "durham-2012"] {
        insta::assert_snapshot!(
            format!("{name}.narrative"),
            render(&report(&format!("{name}.toml")), Format::Narrative)
        );
    }
}

/// An invented force's 2026 assessment, answered across every area, as the graded report with
/// the assessor's override and notable practice, and as the revisit's verdicts.
fn northmoor(style: Style) -> Report {
    let (a, c) = load("northmoor-2026.toml");
    let mut o = Options::new("OFFICIAL-SENSITIVE", date(2026, 4, 15));
    o.style = Some(style);
    report_with(&a, &c, &o)
}

#[test]
fn a_2026_assessment_in_both_styles() {
    for style in [Style::Graded, Style::Revisit] {
        insta::assert_snapshot!(
            format!("northmoor-2026.{}.md", style.name()),
            render(&northmoor(style), Format::Md)
        );
    }
}

/// The graded judgements as a reader and a program see them: every area's grade in the web
/// page and the Word document, the override beside the derived grade with its rationale, and
/// in the JSON each judgement and each finding's label.
#[test]
fn graded_judgements_in_html_word_and_json() {
    let r = northmoor(Style::Graded);
    let doc = Html::parse_document(&render(&r, Format::Html));
    let rows: Vec<String> = select(&doc, "#judgements table tr")
        .iter()
        .map(text_of)
        .collect();
    assert!(
        rows.iter()
            .any(|t| t == "VettingInadequateRequires improvementRequires improvement"),
        "{rows:?}"
    );
    assert!(
        rows.iter()
            .any(|t| t == "Governance and oversightNo judgementnone recordedNo judgement")
    );
    // The first page opens with the headline judgements, each saying whose it is, and shows
    // no rating on another scale.
    let headlines: Vec<String> = select(&doc, "#summary table tr")
        .iter()
        .map(text_of)
        .collect();
    assert!(
        headlines
            .iter()
            .any(|t| t.starts_with("Counter-corruptionAdequatederived")),
        "{headlines:?}"
    );
    assert!(
        headlines.iter().any(|t| t.starts_with(
            "VettingRequires improvementthe assessor's judgement; derived inadequateRationale: Vetting: The chief officer group"
        )),
        "{headlines:?}"
    );
    let page_one: Vec<String> = select(&doc, "#summary .badge")
        .iter()
        .map(text_of)
        .collect();
    assert!(
        page_one
            .iter()
            .all(|b| !["Green", "Amber", "Red", "Provisional", "Not scored"].contains(&b.as_str())),
        "{page_one:?}"
    );
    let section = text_of(&select(&doc, "#judgements")[0]);
    assert!(section.contains("Rationale: The chief officer group funded the recovery plan"));
    assert!(section.contains("Notable practice recorded: Every ethics committee case study"));

    let word = word::WordDoc::read(r.render(Format::Docx).unwrap()).body_text();
    for text in [
        "Graded judgements",
        "Headline judgements: Vetting requires improvement (the assessor's judgement; derived inadequate); Professional standards requires improvement (derived); Counter-corruption adequate (derived).",
        "Ethics, standards and learning: Good",
        "but outstanding needs the area's high-severity answers verified",
        "The assessor judges it requires improvement (derived: inadequate).",
    ] {
        assert!(word.contains(text), "{text}");
    }

    let prose = render(&r, Format::Narrative);
    // One scale: the graded narrative's opening gives no rated score.
    assert!(!prose.contains("rated Green"), "{prose}");
    assert!(
        prose.contains(
            "- Vetting (headline judgement, the assessor's judgement; derived inadequate): Requires improvement, as its one area stands."
        )
    );
    assert!(prose.contains("- Vetting: Inadequate: a finding the checklist marks critical"));
    assert!(prose.contains("Rationale: The chief officer group funded the recovery plan"));

    let cells = workbook_cells(r.render(Format::Xlsx).unwrap());
    assert!(
        cells
            .iter()
            .any(|(sheet, _, _, t)| sheet == "Summary" && t == "Graded judgements"),
        "a graded judgements heading on the summary sheet"
    );
    assert!(cells.iter().any(|(sheet, _, _, t)| sheet == "Summary"
        && t.starts_with(
            "Headline judgements: Vetting requires improvement (the assessor's judgement"
        )));
    assert!(
        cells
            .iter()
            .any(|(sheet, _, _, t)| sheet == "Action plan" && t == "Cause of concern"),
        "the action plan labels its findings"
    );

    let json: serde_json::Value = serde_json::from_slice(&r.render(Format::Json).unwrap()).unwrap();
    assert_eq!(json["style"], "graded");
    let vetting = &json["judgements"][0];
    assert_eq!(
        (&vetting["area"], &vetting["derived"], &vetting["override"]),
        (
            &"vetting".into(),
            &"inadequate".into(),
            &"requires_improvement".into()
        )
    );
    assert!(
        vetting["rationale"]
            .as_str()
            .unwrap()
            .starts_with("The chief officer group")
    );
    let governance = json["judgements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|j| j["area"] == "governance")
        .unwrap();
    assert!(
        governance["derived"].is_null(),
        "below the evidence threshold: no judgement"
    );
    for f in json["findings"].as_array().unwrap() {
        assert!(
            ["cause_of_concern", "area_for_improvement"].contains(&f["label"].as_str().unwrap()),
            "{}",
            f["id"]
        );
    }
}

#[test]
fn narrative_states_the_seed_reports_facts() {
    let dorset = render(&report("dorset-2012.toml"), Format::Narrative);
    for fact in [
        "No monitoring compares contract and procurement records with the gifts and hospitality register",
        "Of the 49 applications for second jobs received since September 2011, 47 were approved.",
        "investigated one case of inappropriate disclosure to the media between September 2011 and May 2012",
        "Two possible cases of officers or staff misusing social media came to light.",
        "relying on staff or the public to report concerns",
        "started 39 investigations into the conduct of its officers and staff",
        "All offers go into one central electronic register.",
        "Offers that were turned down are recorded as well as those accepted.",
        "High priority: Procurement not cross-referenced with the gifts register.",
    ] {
        assert!(
            dorset.contains(fact),
            "Dorset narrative lacks: {fact}\n{dorset}"
        );
    }
    assert!(!dorset.contains("Monitoring is in place to compare contract"));

    let durham = render(&report("durham-2012.toml"), Format::Narrative);
    for fact in [
        "Monitoring is in place to compare contract and procurement records with the gifts and hospitality register",
        "Of the 76 applications for second jobs received since September 2011, 72 were approved.",
        "did not investigate any case of inappropriate disclosure to the media",
        "Four possible cases of officers or staff misusing social media came to light.",
        "started 11 investigations into the conduct of its officers and staff",
        "All offers go into one central electronic register.",
    ] {
        assert!(
            durham.contains(fact),
            "Durham narrative lacks: {fact}\n{durham}"
        );
    }
    assert!(!durham.contains("No monitoring compares"));
    assert!(!durham.contains("Procurement not cross-referenced"));
}

#[test]
fn html_has_every_section() {
    let r = report("dorset-2012.toml");
    let doc = Html::parse_document(&render(&r, Format::Html));
    assert!(doc.errors.is_empty(), "HTML parse errors: {:?}", doc.errors);

    let csp = select(&doc, r#"meta[http-equiv="Content-Security-Policy"]"#);
    assert_eq!(csp.len(), 1);
    assert_eq!(
        csp[0].value().attr("content"),
        Some("default-src 'none'; style-src 'unsafe-inline'")
    );
    assert!(
        select(
            &doc,
            "script, link, img, iframe, object, embed, a, [src], [href]"
        )
        .is_empty(),
        "nothing loads or links"
    );

    // The executive summary comes first and reads alone.
    let summary = text_of(&select(&doc, "#summary")[0]);
    for field in [
        "Dorset Police",
        "2012",
        "Head of Professional Standards",
        "1 December 2012",
        "DRAFT: not signed off",
        "Without fear or favour",
        "Executive summary",
        "provisional and not rated",
        "27 of 84 applicable questions answered (32.1%)",
        "Procurement not cross-referenced with the gifts register",
        "Actions overdue",
    ] {
        assert!(summary.contains(field), "summary lacks {field}: {summary}");
    }
    let ratings: Vec<String> = select(&doc, "#summary .badge")
        .iter()
        .map(text_of)
        .collect();
    assert!(
        ratings
            .iter()
            .all(|r| ["Green", "Amber", "Red", "Provisional", "Not scored"].contains(&r.as_str())),
        "{ratings:?}"
    );

    // Charts: one bar per scored area, one bar per severity.
    let scored = r
        .score
        .areas
        .iter()
        .filter(|a| a.has_scored_questions())
        .count();
    assert_eq!(select(&doc, "#chart-areas svg rect").len(), scored);
    assert_eq!(select(&doc, "#chart-severity svg rect").len(), 3);

    let findings = select(&doc, "#findings article.card");
    assert_eq!(findings.len(), r.findings.len());
    assert!(findings[0].value().classes().any(|c| c == "bad"));
    let first = text_of(&findings[0]);
    for part in [
        "Procurement not cross-referenced with the gifts register",
        "Contract awards checked against the gifts register: No",
        "Head of Procurement",
        "31 March 2013",
        "Recommended action",
        "R5 Procurement integrity",
    ] {
        assert!(first.contains(part), "first finding lacks {part}: {first}");
    }
    assert!(!first.contains("procurement.gifts_crossref"), "{first}");

    let procurement = select(&doc, "section.group")
        .iter()
        .map(text_of)
        .find(|t| t.contains("Procurement and contracts"))
        .expect("procurement area");
    assert!(
        procurement.contains("Contract and procurement records are not compared"),
        "notes are shown"
    );

    assert_eq!(select(&doc, "#metrics tbody tr").len(), r.metrics.len());
    assert_eq!(select(&doc, "#annex li").len(), r.not_assessed().count());
    let method = text_of(&select(&doc, "#method")[0]);
    assert!(
        method.contains("Status items score 1 for yes")
            && method.contains("not HMIC's own questionnaire text")
            && method.contains("Green is 80 and over")
    );

    // The marking heads the screen view, closes it, and runs in every printed page's margins.
    assert_eq!(select(&doc, "header.running .marking").len(), 2);
    assert_eq!(
        text_of(&select(&doc, "footer.closing")[0]),
        "OFFICIAL-SENSITIVE"
    );
    let style = text_of(&select(&doc, "style")[0]);
    for margin in [
        "@top-left",
        "@top-right",
        "@bottom-center",
        "counter(pages)",
    ] {
        assert!(style.contains(margin), "{margin}");
    }
    assert!(
        style.contains(r#""OFFICIAL\2d SENSITIVE""#),
        "marking in the page margins: {style}"
    );
}

#[test]
fn every_fixture_gives_well_formed_html() {
    for name in ["dorset-2012.toml", "durham-2012.toml", "full-2013.toml"] {
        let r = report(name);
        let doc = Html::parse_document(&render(&r, Format::Html));
        assert!(doc.errors.is_empty(), "{name}: {:?}", doc.errors);
    }
}

#[test]
fn csv_action_plan_has_one_row_per_finding() {
    // As at the day given: without it the report is as at the end of the period, 31 May 2012.
    let (a, c) = load("dorset-2012.toml");
    let r = report_with(
        &a,
        &c,
        &Options {
            as_at: Some(date(2012, 12, 1)),
            ..options()
        },
    );
    let bytes = r.render(Format::Csv).unwrap();
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "No.",
            "Area",
            "Severity",
            "Finding",
            "Why it matters",
            "Why it was flagged",
            "Recommended action",
            "Owner",
            "Due",
            "Status",
            "As at",
            "Marking"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), r.findings.len());
    let first = &rows[0];
    assert_eq!(&first[0], "1");
    assert_eq!(&first[1], "Procurement and contracts");
    assert_eq!(&first[2], "high");
    assert_eq!(
        &first[3],
        "Procurement not cross-referenced with the gifts register"
    );
    assert!(
        first[5].contains("Contract awards checked against the gifts register: No"),
        "{}",
        &first[5]
    );
    assert!(!first[6].is_empty(), "every finding has an action");
    assert_eq!(
        (&first[7], &first[8], &first[9], &first[10], &first[11]),
        (
            "Head of Procurement",
            "31 March 2013",
            "open",
            "1 December 2012",
            "OFFICIAL-SENSITIVE"
        )
    );
    let overdue = rows
        .iter()
        .find(|row| row[3].starts_with("Awareness training on dealing with the media"))
        .expect("media training finding");
    assert_eq!(
        &overdue[9], "overdue",
        "due 31 October 2012, as at 1 December 2012"
    );
    assert!(
        rows.iter().all(|row| !row[6].is_empty()),
        "every row has an action"
    );
}

#[test]
fn workbook_reads_back() {
    let r = report("dorset-2012.toml");
    let bytes = r.render(Format::Xlsx).unwrap();
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes.clone())).unwrap();
    assert_eq!(
        wb.sheet_names(),
        [
            "Summary",
            "Areas",
            "Verdicts",
            "Action plan",
            "Findings in full",
            "All answers",
            "Figures"
        ]
    );
    let cells = workbook_cells(bytes);
    let cell = |sheet: &str, row: usize, col: usize| {
        cells
            .iter()
            .find(|(s, r, c, _)| s == sheet && *r == row && *c == col)
            .map(|(.., t)| t.as_str())
    };
    for sheet in wb.sheet_names() {
        assert_eq!(
            cell(&sheet, 0, 0),
            Some("OFFICIAL-SENSITIVE"),
            "marking on {sheet}"
        );
    }
    assert_eq!(
        cell("Summary", 1, 0),
        Some("Integrity self-assessment: Dorset Police, 2012")
    );
    // The as-at date is a real date cell, and the sign-off is stated.
    let summary = wb.worksheet_range("Summary").unwrap();
    assert!(
        summary
            .rows()
            .any(|row| row.first().is_some_and(|c| *c == "As at")
                && matches!(row.get(1), Some(Data::DateTime(_))))
    );
    assert!(
        summary
            .rows()
            .any(|row| row.get(1).is_some_and(|c| *c == "DRAFT: not signed off"))
    );
    // Real numbers, so they sort and filter as such.
    let areas = wb.worksheet_range("Areas").unwrap();
    assert!(
        areas
            .rows()
            .skip(2)
            .any(|row| matches!(row[2], Data::Float(_)))
    );
    let plan = wb.worksheet_range("Action plan").unwrap();
    assert_eq!(plan.rows().count() - 2, r.findings.len());
    let first = plan.rows().nth(2).expect("the first finding");
    assert!(matches!(first[0], Data::Float(_)), "{:?}", first[0]);
    assert!(
        first[1]
            .to_string()
            .starts_with("Procurement not cross-referenced with the gifts register")
    );
    assert_eq!(plan.get((1, 4)).map(|c| c.to_string()), Some("Due".into()));
    assert!(matches!(first[4], Data::DateTime(_)), "{:?}", first[4]);
    let answers = wb.worksheet_range("All answers").unwrap();
    assert_eq!(
        answers.rows().count() - 2,
        r.areas
            .iter()
            .flat_map(|a| &a.items)
            .filter(|i| i.asked && i.answer.is_some())
            .count(),
        "a row per answer after the marking and the header"
    );
    let figures = wb.worksheet_range("Figures").unwrap();
    assert!(
        figures
            .rows()
            .skip(2)
            .all(|row| matches!(row[1], Data::Float(_)))
    );
    // No internal ids anywhere a reader looks.
    for (sheet, row, col, text) in &cells {
        assert!(
            !text.contains("gifts.register") && !text.contains("_not_"),
            "{sheet} {row},{col}: {text}"
        );
    }
}

/// Dorset 2012 with personal names where a force would write them: an owner who is a
/// person with a post, and an evidence reference that names someone.
fn dorset_with_names() -> (Assessment, Checklist) {
    let text = std::fs::read_to_string(crate::support::fixture("dorset-2012.toml")).unwrap();
    let text = text
        .replacen(
            "owner = \"Head of Procurement\"",
            "owner = \"Jane Whitlock, Head of Procurement\"",
            1,
        )
        .replacen(
            "evidence = [\"Gifts, Hospitality",
            "evidence = [\"Email from ACC Robert Gray\", \"Gifts, Hospitality",
            1,
        );
    let c = built_in("wfof-2011");
    let a = assessment::load_str("dorset-2012.toml", &text, &c).unwrap();
    (a, c)
}

#[test]
fn redaction_removes_names_and_notes_but_keeps_role_titles_and_findings() {
    let (a, c) = dorset_with_names();
    let r = report_with(
        &a,
        &c,
        &Options {
            redact: true,
            ..options()
        },
    );
    let personal = [
        "Jane Whitlock",
        "Robert Gray",
        "are not compared with the gifts",
        "Their outcomes were not reported",
        // An evidence reference.
        "Force media guidelines (updated since 2011)",
    ];
    for format in Report::FORMATS.iter().copied() {
        let out = match format {
            Format::Xlsx => workbook_cells(r.render(format).unwrap())
                .into_iter()
                .map(|(.., t)| t)
                .collect::<Vec<_>>()
                .join("\n"),
            Format::Docx => word::WordDoc::read(r.render(format).unwrap()).body_text(),
            _ => render(&r, format),
        };
        for p in personal {
            assert!(!out.contains(p), "{format:?} still shows {p:?}");
        }
        assert!(
            out.contains("Procurement not cross-referenced with the gifts register"),
            "{format:?} keeps findings"
        );
        assert!(
            out.contains("49") || format == Format::Csv,
            "{format:?} keeps metrics"
        );
        if format != Format::Narrative {
            assert!(
                out.contains("Head of Procurement")
                    && out.contains("Professional Standards Department"),
                "{format:?} keeps the owners' role titles"
            );
        }
    }
    let narrative = render(&r, Format::Narrative);
    assert!(narrative.contains(
        "Of the 49 applications for second jobs received since September 2011, 47 were approved."
    ));
    assert!(narrative.contains("Procurement not cross-referenced with the gifts register"));
}

#[test]
fn marking_appears_in_every_format() {
    let (a, c) = load("durham-2012.toml");
    let r = report_with(
        &a,
        &c,
        &Options {
            marking: "OFFICIAL".into(),
            ..options()
        },
    );
    for format in [
        Format::Html,
        Format::Md,
        Format::Narrative,
        Format::Csv,
        Format::Json,
    ] {
        let out = render(&r, format);
        assert!(
            out.contains("OFFICIAL") && !out.contains("OFFICIAL-SENSITIVE"),
            "{format:?}"
        );
    }
    let md = render(&r, Format::Md);
    assert!(md.starts_with("**OFFICIAL**") && md.trim_end().ends_with("**OFFICIAL**"));
    let narrative = render(&r, Format::Narrative);
    assert!(narrative.starts_with("OFFICIAL\n") && narrative.trim_end().ends_with("OFFICIAL"));
}

fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

fn hostile() -> (Assessment, Checklist) {
    let payload = CORPUS.join(" ");
    let p = toml_string(&payload);
    let items = [
        "media.policy",
        "procurement.gifts_crossref",
        "gifts.register.exists",
        "gifts.register.monitoring",
    ];
    let values = ["\"yes\"", "\"no\"", "\"yes\"", "\"never\""];
    let mut text = format!(
        "format = 1\nchecklist = \"wfof-2011\"\nforce = {p}\nperiod = {p}\nassessor = {p}\n"
    );
    for (item, value) in items.iter().zip(values) {
        text += &format!(
            "[answers.\"{item}\"]\nvalue = {value}\nnote = {p}\nevidence = [{p}, {f}]\nowner = {f}\ndue = 2013-01-31\n",
            f = toml_string(CORPUS[4])
        );
    }
    text += &format!("[answers.\"media.social.cases_identified\"]\nvalue = 3\nnote = {p}\n");
    text += &format!("[answers.\"media.social.cases_outcome\"]\nvalue = {p}\n");
    text += &format!(
        "[answers.\"ctx.force\"]\nvalue = {}\n",
        toml_string(CORPUS[4])
    );
    // An answer to no item, whose id is the payload: kept, and named in the warnings.
    let id = toml_string(&format!("orphan {} {}", CORPUS[12], CORPUS[13]));
    text += &format!("[answers.{id}]\nvalue = {p}\nnote = {p}\n");
    let checklist = built_in("wfof-2011");
    let a = assessment::load_str("hostile.toml", &text, &checklist)
        .unwrap_or_else(|e| panic!("{}", e.render()));
    (a, checklist)
}

fn assert_no_controls(format: Format, out: &str) {
    assert!(
        corpus::is_inert(out),
        "{format:?} carries a control, bidi or invisible character"
    );
}

fn starts_formula(s: &str) -> bool {
    s.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

#[test]
fn injected_text_is_inert_in_every_format() {
    let (a, c) = hostile();
    let options = Options {
        marking: CORPUS.join(" "),
        ..options()
    };
    let r = report_with(&a, &c, &options);
    for format in Report::FORMATS.iter().copied() {
        match format {
            Format::Html => {
                let out = render(&r, format);
                assert_no_controls(format, &out);
                let doc = Html::parse_document(&out);
                assert!(doc.errors.is_empty(), "HTML parse errors: {:?}", doc.errors);
                assert!(
                    select(
                        &doc,
                        "script, img, a, iframe, object, embed, link, [onerror], [href], [src]"
                    )
                    .is_empty(),
                    "live HTML element"
                );
                let styles = select(&doc, "style");
                assert_eq!(styles.len(), 1, "no injected style element");
                let css = text_of(&styles[0]);
                assert!(
                    !css.contains("body{display") && !css.contains("body { display"),
                    "no injected CSS rule"
                );
                // The payload is shown as text, not dropped.
                let body = text_of(&select(&doc, "body")[0]);
                assert!(body.contains("<script>alert(1)</script>") && body.contains("=HYPERLINK("));
            }
            Format::Md => {
                let out = render(&r, format);
                assert_no_controls(format, &out);
                assert!(
                    !out.contains("<script")
                        && !out.contains("<img")
                        && !out.contains("<a ")
                        && !out.contains("</style")
                );
                // A real Markdown renderer finds no link and no raw HTML in the output.
                for event in pulldown_cmark::Parser::new_ext(&out, pulldown_cmark::Options::all()) {
                    use pulldown_cmark::{Event, Tag};
                    assert!(
                        !matches!(
                            event,
                            Event::Start(Tag::Link { .. } | Tag::Image { .. })
                                | Event::Html(_)
                                | Event::InlineHtml(_)
                        ),
                        "live markup in Markdown: {event:?}"
                    );
                }
                for line in out.lines() {
                    assert!(
                        !line.starts_with("# Heading")
                            && !line.starts_with("## Sub")
                            && !line.starts_with("| a |"),
                        "injected structure: {line}"
                    );
                    if line.starts_with("| Are contract awards") {
                        let unescaped = line
                            .match_indices('|')
                            .filter(|(i, _)| !line[..*i].ends_with('\\'))
                            .count();
                        assert_eq!(unescaped, 3, "answer row keeps its two cells: {line}");
                    }
                }
            }
            Format::Json => {
                let out = render(&r, format);
                assert_no_controls(format, &out);
                let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
                assert_eq!(
                    v["force"].as_str().map(|s| s.contains("<script>")),
                    Some(true),
                    "kept as a plain string"
                );
                // The orphan's id reaches the warnings cleaned, and the force name has lost
                // the characters that would make it pass for another.
                let warnings = v["warnings"].to_string();
                assert!(
                    warnings.contains("orphan ]2;pwned ]52;c;cHduZWQ="),
                    "{warnings}"
                );
                assert!(v["force"].as_str().unwrap().contains("Dorset Police"));
            }
            Format::Csv => {
                let out = render(&r, format);
                assert_no_controls(format, &out);
                let mut reader = csv::Reader::from_reader(out.as_bytes());
                let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
                assert!(!rows.is_empty());
                for field in rows.iter().flat_map(|r| r.iter()) {
                    assert!(
                        !starts_formula(field),
                        "CSV field starts a formula: {field:?}"
                    );
                }
                assert!(
                    rows.iter()
                        .any(|r| r.iter().any(|f| f.starts_with("'=HYPERLINK"))),
                    "formula neutralised, not dropped"
                );
            }
            Format::Xlsx => {
                let bytes = r.render(format).unwrap();
                let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes.clone())).unwrap();
                for name in wb.sheet_names() {
                    let formulas = wb.worksheet_formula(&name).unwrap();
                    assert!(
                        formulas.used_cells().all(|(.., f)| f.is_empty()),
                        "{name} holds a formula"
                    );
                }
                let cells = workbook_cells(bytes);
                for (sheet, row, col, text) in &cells {
                    assert_no_controls(format, text);
                    assert!(
                        !starts_formula(text),
                        "{sheet} {row},{col} starts a formula: {text:?}"
                    );
                }
                assert!(cells.iter().any(|(.., t)| t.starts_with("'=HYPERLINK")));
            }
            Format::Docx => {
                let doc = word::WordDoc::read(r.render(format).unwrap());
                for part in doc.parts().iter().filter(|p| p.ends_with(".xml")) {
                    let elements = doc.elements(part);
                    for live in [
                        "fldSimple",
                        "hyperlink",
                        "txbxContent",
                        "object",
                        "altChunk",
                    ] {
                        assert!(!elements.iter().any(|e| e == live), "{part} holds a {live}");
                    }
                    // The only fields are the page numbers probity puts in the footer.
                    for field in doc.fields(part) {
                        assert!(
                            part.starts_with("word/footer")
                                && ["PAGE", "NUMPAGES"].contains(&field.as_str()),
                            "{part} holds the field {field:?}"
                        );
                    }
                }
                let body = doc.body_text();
                assert_no_controls(format, &body);
                assert!(
                    body.contains("<script>alert(1)</script>") && body.contains("=HYPERLINK("),
                    "shown as plain text"
                );
                let (headers, footers) = doc.headers_and_footers();
                assert!(
                    headers[0].contains("<script>alert(1)</script>"),
                    "marking as text"
                );
                assert_no_controls(format, &headers[0]);
                assert_no_controls(format, &footers[0]);
            }
            Format::Narrative => {
                let out = render(&r, format);
                assert_no_controls(format, &out);
                // The first and last lines are the marking, which the user gives on the command line.
                let lines: Vec<&str> = out.lines().collect();
                for line in &lines[1..lines.len() - 1] {
                    assert!(
                        !line.starts_with(['#', '|', '<', '=', '+', '@']),
                        "injected text starts a line: {line}"
                    );
                }
                assert!(
                    out.contains("<script>alert(1)</script>"),
                    "shown as plain text"
                );
            }
        }
    }
}

#[test]
fn narrative_of_another_checklist_speaks_per_area() {
    let checklist = probity_core::checklist::load_str(
        "vetting.toml",
        r#"
id = "vetting-local"
title = "Local vetting check"
version = "1"
provenance = "Written for this test."

[[areas]]
id = "vetting"
title = "Vetting"
question = "Is everyone vetted to the level their post needs?"

[[areas.items]]
id = "vetting.current"
prompt = "Is every officer's vetting in date?"
kind = "status"
severity = "high"

[[areas.items]]
id = "vetting.renewals"
prompt = "Are renewals chased before they lapse?"
kind = "status"
"#,
    )
    .unwrap_or_else(|e| panic!("{}", e.render()));
    let text = "format = 1\nchecklist = \"vetting-local\"\nforce = \"Testshire Police\"\nperiod = \"2013\"\n\
                [answers.\"vetting.current\"]\nvalue = \"no\"\n[answers.\"vetting.renewals\"]\nvalue = \"yes\"\n";
    let a = assessment::load_str("a.toml", text, &checklist)
        .unwrap_or_else(|e| panic!("{}", e.render()));
    let out = render(&report_with(&a, &checklist, &options()), Format::Narrative);
    assert!(out.contains("on each area of the checklist"), "{out}");
    assert!(
        out.contains("Is everyone vetted to the level their post needs?\n"),
        "{out}"
    );
    assert!(out.contains("Two of the questions in this area have been answered. Of the yes-or-no questions, one is met in full, no in part and one not at all."), "{out}");
    // Without a gap statement of its own, a finding is named by its question, and the action
    // tells the reader to agree one.
    assert!(
        out.contains("- High priority: Is every officer's vetting in date? The checklist gives no action for this gap"),
        "{out}"
    );
}

#[test]
fn every_format_is_written_by_the_command_line_and_never_overwritten_without_asking() {
    let home = tempfile::tempdir().unwrap();
    for format in Report::FORMATS.iter().copied() {
        let name = format!("{format:?}").to_lowercase();
        let out = home.path().join(format!("dorset.{}", format.extension()));
        let run = || {
            let mut cmd = probity();
            cmd.home(home.path()).today("2012-12-01").args([
                "report",
                "tests/fixtures/dorset-2012.toml",
                "--format",
                &name,
                "--marking",
                "OFFICIAL",
                "--redact",
                "--out",
                out.to_str().unwrap(),
            ]);
            cmd
        };
        run().assert().success();
        let bytes = std::fs::read(&out).unwrap();
        assert!(!bytes.is_empty(), "{name}");
        let head = match format {
            Format::Html => "<!DOCTYPE html>",
            Format::Xlsx | Format::Docx => "PK",
            Format::Json => "{",
            Format::Csv => "No.,",
            Format::Md => "**OFFICIAL**",
            Format::Narrative => "OFFICIAL\n",
        };
        assert!(
            bytes.starts_with(head.as_bytes()),
            "{name} starts with {head:?}"
        );
        if !format.is_binary() {
            assert!(
                !String::from_utf8(bytes)
                    .unwrap()
                    .contains("are not compared with the gifts"),
                "{name} is redacted"
            );
        }
        run()
            .assert()
            .code(1)
            .stderr(predicates::str::contains("already exists"));
        run().arg("--overwrite").assert().success();
    }
}

#[test]
fn narrative_does_not_state_impossible_figures_as_fact() {
    let (mut a, c) = load("dorset-2012.toml");
    a.answer_mut("business.approved").value = Some(probity_core::answer::Value::Number(50.0));
    let out = render(&report_with(&a, &c, &options()), Format::Narrative);
    assert!(!out.contains("50 were approved"), "{out}");
    assert!(out.contains("The figures give 50 approvals against 49 applications for second jobs since September 2011, which cannot both be right"), "{out}");
}

#[test]
fn unresolved_conflicts_are_listed_in_every_document() {
    let (_, c) = load("dorset-2012.toml");
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dorset-2012.toml");
    let text = std::fs::read_to_string(path).unwrap()
        + "\n[answers.\"procurement.gifts_crossref\".incoming]\nvalue = \"yes\"\nfrom = \"Deputy Head of Procurement\"\nreturn = \"procurement.xlsx\"\nreceived = 2012-11-30\n";
    let a = assessment::load_str("dorset-2012.toml", &text, &c).unwrap();
    let says = "Yes, from Deputy Head of Procurement (received 30 November 2012)";
    let r = report_with(&a, &c, &options());
    let md = render(&r, Format::Md);
    assert!(
        md.contains("## Answers in conflict, not yet resolved"),
        "{md}"
    );
    assert!(
        md.contains("| No | Yes, from Deputy Head of Procurement (received 30 November 2012) |"),
        "{md}"
    );
    let html = Html::parse_document(&render(&r, Format::Html));
    let rows: Vec<String> = select(&html, "#conflicts tbody tr")
        .iter()
        .map(text_of)
        .collect();
    assert_eq!(rows.len(), 1);
    assert!(rows[0].contains(says), "{rows:?}");
    let flagged = workbook_cells(r.render(Format::Xlsx).unwrap())
        .into_iter()
        .any(|(sheet, .., t)| sheet == "Conflicts" && t.contains(says));
    assert!(flagged, "the workbook lists the conflict");
    let word = word::WordDoc::read(r.render(Format::Docx).unwrap());
    assert!(
        word.styled("Heading1")
            .contains(&"Answers in conflict, not yet resolved".to_string())
    );
    assert!(
        word.body_text().contains(says),
        "the Word document lists it"
    );

    let redacted = report_with(
        &a,
        &c,
        &Options {
            redact: true,
            ..options()
        },
    );
    let md = render(&redacted, Format::Md);
    // The colleague is named by post, and a post is kept.
    assert!(md.contains("Yes, from Deputy Head of Procurement"), "{md}");
}

#[test]
fn readers_read_thousands_with_separators_and_data_stays_plain() {
    let r = report("northmoor-2026.toml");
    let md = render(&r, Format::Md);
    assert!(md.contains("| 3,710 |") && md.contains("| 1,900 |"), "{md}");
    assert!(md.contains("People needing force vetting: 3,710"));
    assert!(!md.contains("3710") && !md.contains("1900"), "{md}");
    let prose = render(&r, Format::Narrative);
    assert!(
        prose.contains("The force had 1,900 police officers"),
        "{prose}"
    );
    // The data keeps the figure as a number, with the reader's words beside it.
    let json: serde_json::Value = serde_json::from_str(&render(&r, Format::Json)).unwrap();
    let metric = json["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == "vetting.workforce_requiring")
        .unwrap();
    assert_eq!(
        (metric["value"].as_f64(), metric["shown"].as_str()),
        (Some(3710.0), Some("3,710"))
    );
    let answer = json["areas"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| a["items"].as_array().unwrap())
        .find(|i| i["id"] == "vetting.workforce_requiring")
        .unwrap();
    assert_eq!(
        (answer["value"].as_str(), answer["answer"].as_str()),
        (Some("3710"), Some("3,710"))
    );
    // Scores stay as they were: out of 100, never grouped.
    assert!(!md.contains(",0 out of 100"));
}
