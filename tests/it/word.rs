//! The Word documents, read back as a word processor reads them: marking in every header and
//! footer, real heading styles, findings and figures in tables, charts with alt text, and no
//! internal ids where a reader would see them.

use crate::support::word::{self, WordDoc};
use crate::support::{catalog, fixture, in_fixtures};
use jiff::civil::date;
use probity_core::assessment;
use probity_core::document::{Document, Format};
use probity_core::report::{Options, Report};

fn dorset(options: &Options) -> Report {
    let (a, c) =
        assessment::load(&fixture("dorset-2012.toml"), catalog()).expect("the Dorset fixture");
    Report::new(&c, &a, options)
}

fn options() -> Options {
    Options::new("OFFICIAL-SENSITIVE", date(2012, 12, 1))
}

/// Every header and footer carries the marking, the footer "Page n of N" from Word's own page
/// fields, and nothing else is a field.
pub fn assert_marked(doc: &WordDoc, marking: &str) {
    let (headers, footers) = doc.headers_and_footers();
    assert!(!headers.is_empty() && !footers.is_empty());
    for h in &headers {
        assert!(h.starts_with(marking), "header: {h:?}");
    }
    for f in &footers {
        assert!(
            f.starts_with(marking) && f.contains("Page "),
            "footer: {f:?}"
        );
    }
    let footer_parts: Vec<String> = doc
        .parts()
        .into_iter()
        .filter(|p| p.starts_with("word/footer"))
        .collect();
    assert!(!footer_parts.is_empty());
    for part in footer_parts {
        assert_eq!(doc.fields(&part), ["PAGE", "NUMPAGES"], "{part}");
    }
    assert!(
        doc.fields("word/document.xml").is_empty(),
        "no field in the body"
    );
}

#[test]
fn the_dorset_gap_report_is_a_word_document_with_real_styles() {
    let r = dorset(&options());
    let doc = WordDoc::read(r.render(Format::Docx).unwrap());
    assert_marked(&doc, "OFFICIAL-SENSITIVE");
    let (headers, _) = doc.headers_and_footers();
    assert!(headers[0].contains("Dorset Police · integrity self-assessment · 2012"));

    assert_eq!(doc.style_name("Title").as_deref(), Some("Title"));
    assert_eq!(doc.style_name("Heading1").as_deref(), Some("heading 1"));
    assert_eq!(doc.style_name("Heading2").as_deref(), Some("heading 2"));
    assert_eq!(
        doc.styled("Title"),
        ["Integrity self-assessment: Dorset Police, 2012"]
    );
    assert_eq!(
        doc.styled("Heading1"),
        [
            "Executive summary",
            "Progress verdicts",
            "Scores at a glance",
            "Findings and actions",
            "Answers by area",
            "Figures",
            "Quality of the record",
            "Method",
            "Annex: questions not yet answered"
        ]
    );
    let h2 = doc.styled("Heading2");
    for area in r.areas.iter().filter(|a| a.items.iter().any(|i| i.asked)) {
        assert!(h2.contains(&area.title), "{} in {h2:?}", area.title);
    }
    for (n, f) in r.findings.iter().enumerate() {
        let heading = format!("{}. {} ", n + 1, f.finding.title);
        assert!(
            h2.iter().any(|h| h.starts_with(&heading)),
            "{heading} in {h2:?}"
        );
    }
}

#[test]
fn findings_and_figures_are_tables() {
    let r = dorset(&options());
    let doc = WordDoc::read(r.render(Format::Docx).unwrap());
    let plan = doc.table("No.");
    assert_eq!(
        plan[0],
        ["No.", "Finding", "Severity", "Owner", "Due", "Status"]
    );
    assert_eq!(plan.len(), 1 + r.findings.len(), "a row per finding");
    for (row, f) in plan[1..].iter().zip(&r.findings) {
        assert!(row[1].starts_with(&f.finding.title), "{row:?}");
        assert_eq!(row[5], f.status.name());
    }
    let gifts = &plan[1];
    assert_eq!(gifts[0], "1");
    assert!(gifts[1].starts_with("Procurement not cross-referenced with the gifts register"));
    assert_eq!(gifts[2], "High");
    assert_eq!(gifts[3..], ["Head of Procurement", "31 March 2013", "open"]);
    // Every finding's action is given in full under its heading.
    let body = doc.body_text();
    for f in &r.findings {
        assert!(body.contains(&f.finding.action), "{}", f.finding.title);
    }

    let areas = doc.table("Area");
    assert_eq!(
        areas[0],
        ["Area", "Rating", "Score", "What the score rests on"]
    );
    assert!(areas.iter().any(|row| row[..3]
        == [
            "Relationships with the media and other parties",
            "Amber",
            "77.8"
        ]));
    assert!(
        areas.iter().any(|row| row[1] == "Provisional"),
        "provisional scores are not rated"
    );

    let figures = doc.table("Measure");
    assert!(figures.iter().any(|row| row[1] == "49"), "{figures:?}");

    let charts = doc.picture_descriptions();
    assert_eq!(charts.len(), 2, "two charts");
    assert!(charts[0].starts_with("Bar chart of the score in each area"));
    assert!(
        charts[0].contains("Procurement and contracts 0"),
        "{}",
        charts[0]
    );
    assert!(
        charts[1].contains("1 high, 0 medium, 4 low"),
        "{}",
        charts[1]
    );
}

#[test]
fn readers_see_questions_not_ids() {
    let r = dorset(&options());
    let doc = WordDoc::read(r.render(Format::Docx).unwrap());
    let body = doc.body_text();
    let ids = r
        .areas
        .iter()
        .flat_map(|a| a.items.iter().map(|i| i.id.as_str()))
        .chain(r.findings.iter().map(|f| f.finding.id.as_str()));
    for id in ids {
        assert!(!body.contains(id), "the body shows the id {id}");
    }
    assert!(body.contains("Are contract awards and purchases compared with entries in the gifts and hospitality register"));
}

#[test]
fn the_document_is_editable_text() {
    let doc = WordDoc::read(dorset(&options()).render(Format::Docx).unwrap());
    let elements = doc.elements("word/document.xml");
    for locked in [
        "txbxContent",
        "pict",
        "object",
        "sdt",
        "fldSimple",
        "hyperlink",
    ] {
        assert!(
            !elements.iter().any(|e| e == locked),
            "the body holds a {locked}"
        );
    }
    assert_eq!(
        elements.iter().filter(|e| *e == "drawing").count(),
        2,
        "the only pictures are the two charts"
    );
}

#[test]
fn marking_and_redaction_reach_the_word_document() {
    let r = dorset(&Options {
        marking: "OFFICIAL".into(),
        redact: true,
        ..options()
    });
    let doc = WordDoc::read(r.render(Format::Docx).unwrap());
    assert_marked(&doc, "OFFICIAL");
    let (headers, footers) = doc.headers_and_footers();
    assert!(!headers[0].contains("SENSITIVE") && !footers[0].contains("SENSITIVE"));
    let body = doc.body_text();
    assert!(!body.contains("are not compared with the gifts"), "a note");
    assert!(
        body.contains("Head of Procurement"),
        "an owner's role title stays"
    );
    assert!(body.contains("Personal names, notes and text answers have been removed"));
}

#[test]
fn the_progress_report_is_a_word_document() {
    let doc = WordDoc::read(in_fixtures(&[
        "compare",
        "dorset-2012.toml",
        "dorset-2013.toml",
        "--format",
        "docx",
        "--marking",
        "OFFICIAL",
    ]));
    assert_marked(&doc, "OFFICIAL");
    assert_eq!(
        doc.styled("Title"),
        ["Progress since 2012: Dorset Police, 2013"]
    );
    let h1 = doc.styled("Heading1");
    for section in [
        "Scores",
        "Commitments from 2012",
        "Findings",
        "Answers that moved",
        "Figures",
    ] {
        assert!(h1.iter().any(|h| h == section), "{section} in {h1:?}");
    }
    let scores = doc.table("");
    assert_eq!(scores[0], ["", "2012", "2013", "Change", "Note"]);
    assert_eq!(
        scores[1],
        [
            "Overall",
            "80",
            "89.7",
            "+9.7",
            "provisional in 2012 and 2013"
        ]
    );
    let ledger = doc.table("Finding");
    let gifts = ledger
        .iter()
        .find(|row| row[0] == "Procurement not cross-referenced with the gifts register")
        .expect("the gifts commitment");
    assert_eq!(
        gifts[1..],
        ["high", "Head of Procurement", "31 March 2013", "delivered"]
    );
    let moved = doc.table("Question");
    assert!(
        moved.iter().all(|row| !row[0].contains("procurement.")),
        "questions, not ids"
    );
}

#[test]
fn the_summary_is_a_word_document() {
    let doc = WordDoc::read(in_fixtures(&[
        "summary",
        "dorset-2012.toml",
        "durham-2012.toml",
        "--format",
        "docx",
    ]));
    assert_marked(&doc, "OFFICIAL-SENSITIVE");
    assert_eq!(doc.styled("Title"), ["Summary across 2 forces"]);
    let forces = doc.table("Force");
    assert_eq!(forces[0][..4], ["Force", "Period", "Score", "Rating"]);
    assert_eq!(
        forces[1],
        [
            "Dorset Police",
            "2012",
            "80",
            "Provisional",
            "32.1%",
            "1",
            "0",
            "4",
            // Overdue at Dorset's own as-at date, the end of its period (31 May 2012).
            "0",
            "95.9%\n47 of 49"
        ]
    );
    assert_eq!(forces[2][..2], ["Durham Constabulary", "2012"]);
    let gaps = doc.table("Gap");
    let gifts = gaps
        .iter()
        .find(|row| row[0] == "Procurement not cross-referenced with the gifts register")
        .expect("the gifts gap");
    assert_eq!(gifts[1..6], ["high", "1", "0", "2", "Dorset Police"]);
    assert!(
        gaps.iter().any(|row| row[7] != "none"),
        "gaps that could not be judged say for which forces"
    );
    let figures = doc.table("Measure");
    assert!(figures.len() > 1);
    let body = doc.body_text();
    assert!(
        !body.contains("business.applications"),
        "questions, not ids"
    );
}

#[test]
fn lists_are_bulleted_and_numbering_ids_unique() {
    let doc = WordDoc::read(dorset(&options()).render(Format::Docx).unwrap());
    let xml = doc.part("word/numbering.xml");
    let numbering = roxmltree::Document::parse(&xml).unwrap();
    let attr = |n: roxmltree::Node, name: &str| n.attribute((word::W, name)).map(str::to_string);
    let ids = |tag: &str, name: &str| -> Vec<String> {
        numbering
            .descendants()
            .filter(|n| n.has_tag_name((word::W, tag)))
            .filter_map(|n| attr(n, name))
            .collect()
    };
    for (tag, name) in [("abstractNum", "abstractNumId"), ("num", "numId")] {
        let mut all = ids(tag, name);
        let n = all.len();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), n, "each {tag} id is used once");
    }
    // The list under "Quality of the record" uses a numbering whose first level is a bullet.
    let bulleted = doc
        .docx
        .document
        .children
        .iter()
        .find_map(|c| match c {
            docx_rs::DocumentChild::Paragraph(p) => p.property.numbering_property.clone(),
            _ => None,
        })
        .and_then(|n| n.id)
        .expect("a bulleted paragraph")
        .id
        .to_string();
    let abstract_id = numbering
        .descendants()
        .find(|n| {
            n.has_tag_name((word::W, "num")) && attr(*n, "numId").as_deref() == Some(&bulleted)
        })
        .and_then(|n| {
            n.children()
                .find(|c| c.has_tag_name((word::W, "abstractNumId")))
        })
        .and_then(|n| attr(n, "val"))
        .expect("the list's numbering");
    let format = numbering
        .descendants()
        .find(|n| {
            n.has_tag_name((word::W, "abstractNum"))
                && attr(*n, "abstractNumId").as_deref() == Some(&abstract_id)
        })
        .and_then(|n| {
            n.descendants()
                .find(|c| c.has_tag_name((word::W, "numFmt")))
        })
        .and_then(|n| attr(n, "val"));
    assert_eq!(format.as_deref(), Some("bullet"));
}

/// The elements named `name` in a part, parsed as XML.
fn each<'a>(doc: &'a roxmltree::Document<'a>, name: &str) -> Vec<roxmltree::Node<'a, 'a>> {
    doc.descendants()
        .filter(|n| n.has_tag_name((word::W, name)))
        .collect()
}

/// A row's properties (`w:trPr`).
fn properties<'a>(row: roxmltree::Node<'a, 'a>) -> roxmltree::Node<'a, 'a> {
    row.children()
        .find(|c| c.has_tag_name((word::W, "trPr")))
        .expect("row properties")
}

fn on(node: roxmltree::Node, name: &str) -> bool {
    node.children().any(|c| c.has_tag_name((word::W, name)))
}

#[test]
fn tables_repeat_their_header_rows_and_keep_rows_whole() {
    let doc = WordDoc::read(dorset(&options()).render(Format::Docx).unwrap());
    let xml = doc.part("word/document.xml");
    let parsed = roxmltree::Document::parse(&xml).unwrap();
    let tables = each(&parsed, "tbl");
    assert!(tables.len() > 5);
    let mut headed = 0;
    for table in tables {
        let rows: Vec<_> = table
            .children()
            .filter(|n| n.has_tag_name((word::W, "tr")))
            .collect();
        for row in &rows {
            assert!(on(properties(*row), "cantSplit"), "every row stays whole");
        }
        // A header row is the first and only the first; the facts table has none.
        let first = on(properties(rows[0]), "tblHeader");
        headed += usize::from(first);
        assert!(rows[1..].iter().all(|r| !on(properties(*r), "tblHeader")));
    }
    assert!(
        headed > 3,
        "the findings and figures tables have header rows"
    );
    let cover = doc.table("Force");
    assert_eq!(
        cover[0][0], "Force",
        "the facts table's first row is a fact"
    );
}

#[test]
fn headings_keep_with_the_next_paragraph_and_normal_is_the_default_style() {
    let doc = WordDoc::read(dorset(&options()).render(Format::Docx).unwrap());
    let xml = doc.part("word/styles.xml");
    let parsed = roxmltree::Document::parse(&xml).unwrap();
    let style = |id: &str| {
        each(&parsed, "style")
            .into_iter()
            .find(|s| s.attribute((word::W, "styleId")) == Some(id))
            .unwrap_or_else(|| panic!("no style {id}"))
    };
    assert_eq!(style("Normal").attribute((word::W, "default")), Some("1"));
    assert_eq!(
        style("Normal").attribute((word::W, "type")),
        Some("paragraph")
    );
    let defaults: Vec<_> = each(&parsed, "style")
        .into_iter()
        .filter(|s| s.attribute((word::W, "default")).is_some())
        .collect();
    assert_eq!(defaults.len(), 1, "one default paragraph style");
    for heading in ["Heading1", "Heading2"] {
        let ppr = style(heading)
            .children()
            .find(|c| c.has_tag_name((word::W, "pPr")))
            .expect("paragraph properties");
        assert!(on(ppr, "keepNext"), "{heading} keeps with the next");
    }
}

/// The package's core properties: (title, creator, last modified by, created, modified).
fn core_properties(doc: &WordDoc) -> [String; 5] {
    let xml = doc.part("docProps/core.xml");
    let parsed = roxmltree::Document::parse(&xml).unwrap();
    let text = |ns: &str, name: &str| {
        parsed
            .descendants()
            .find(|n| n.has_tag_name((ns, name)))
            .and_then(|n| n.text())
            .unwrap_or_else(|| panic!("no {name} in {xml}"))
            .to_string()
    };
    let dc = "http://purl.org/dc/elements/1.1/";
    let cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
    let terms = "http://purl.org/dc/terms/";
    [
        text(dc, "title"),
        text(dc, "creator"),
        text(cp, "lastModifiedBy"),
        text(terms, "created"),
        text(terms, "modified"),
    ]
}

#[test]
fn the_file_says_what_it_is_who_wrote_it_and_when() {
    // Produced as of another day: created at the start of that day.
    let doc = WordDoc::read(dorset(&options()).render(Format::Docx).unwrap());
    assert_eq!(
        core_properties(&doc),
        [
            "Integrity self-assessment: Dorset Police, 2012",
            "Head of Professional Standards",
            "Head of Professional Standards",
            "2012-12-01T00:00:00Z",
            "2012-12-01T00:00:00Z",
        ]
    );
    // Redacted, the assessor is not named even here.
    let redacted = dorset(&Options {
        redact: true,
        ..options()
    });
    let doc = WordDoc::read(redacted.render(Format::Docx).unwrap());
    assert_eq!(core_properties(&doc)[1], "probity");
    // Produced today: created now, to the second.
    let before = jiff::Timestamp::now();
    let today = before.to_zoned(jiff::tz::TimeZone::UTC).date();
    let doc = WordDoc::read(
        dorset(&Options::new("OFFICIAL", today))
            .render(Format::Docx)
            .unwrap(),
    );
    let created: jiff::Timestamp = core_properties(&doc)[3].parse().unwrap();
    assert!(
        created.as_second() >= before.as_second() && created <= jiff::Timestamp::now(),
        "{created} is now"
    );
    // A document across forces has no one author.
    let summary = WordDoc::read(in_fixtures(&[
        "summary",
        "dorset-2012.toml",
        "durham-2012.toml",
        "--format",
        "docx",
    ]));
    let [title, author, ..] = core_properties(&summary);
    assert_eq!(
        (title.as_str(), author.as_str()),
        ("Summary across 2 forces", "probity")
    );
}
