//! What the documents may and may not say: no internal ids or condition syntax for readers, no
//! provisional score dressed as a rating, no unconfirmed answer stated as this year's position,
//! and every finding stated with an action.

use std::io::Cursor;

use assert_cmd::Command;
use calamine::{Reader, Xlsx};
use jiff::civil::date;
use probity_core::answer::Kind;
use probity_core::checklist::Checklist;
use probity_core::document::{Document, Format};
use probity_core::report::{Options, Report};
use scraper::{Html, Selector};

use crate::support::{Setting, built_in, catalog, fixture, probity, stdout};

fn wfof() -> Checklist {
    built_in("wfof-2011")
}

fn report(name: &str) -> Report {
    let (a, c) = probity_core::assessment::load(&fixture(name), catalog()).unwrap();
    Report::new(
        &c,
        &a,
        &Options::new("OFFICIAL-SENSITIVE", date(2012, 12, 1)),
    )
}

/// Every id a reader must never see: items, rules, and options that are not ordinary words.
fn ids(c: &Checklist) -> Vec<String> {
    let mut out: Vec<String> = c.items().map(|i| i.id.clone()).collect();
    out.extend(c.rules.iter().map(|r| r.id.clone()));
    for item in c.items() {
        if let Kind::Choice(options) = &item.kind {
            out.extend(
                options
                    .iter()
                    .map(|o| o.id.clone())
                    .filter(|id| id.contains('_')),
            );
        }
    }
    out
}

/// The text a reader sees in a web page.
pub(crate) fn html_text(html: &str) -> String {
    let doc = Html::parse_document(html);
    let body = Selector::parse("body").unwrap();
    doc.select(&body)
        .flat_map(|b| b.text())
        .collect::<Vec<_>>()
        .join(" ")
}

pub(crate) fn xlsx_text(bytes: Vec<u8>) -> String {
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    let mut out = String::new();
    for name in wb.sheet_names() {
        for cell in wb.worksheet_range(&name).unwrap().used_cells() {
            out.push_str(&cell.2.to_string());
            out.push('\n');
        }
    }
    out
}

fn assert_no_ids(what: &str, text: &str, ids: &[String]) {
    for id in ids {
        assert!(!text.contains(id.as_str()), "{what} shows the id {id}");
    }
    for syntax in [" = yes", "is \"", "in = [", "(ratio "] {
        assert!(
            !text.contains(syntax),
            "{what} shows condition syntax {syntax:?}"
        );
    }
}

#[test]
fn no_reader_facing_format_shows_an_id() {
    let ids = ids(&wfof());
    // The seed forces' own answers and notes name no ids, so any id is the report's doing.
    for name in ["dorset-2012.toml", "durham-2012.toml"] {
        let r = report(name);
        let text = |f| String::from_utf8(r.render(f).unwrap()).unwrap();
        assert_no_ids(
            &format!("{name} html"),
            &html_text(&text(Format::Html)),
            &ids,
        );
        assert_no_ids(&format!("{name} md"), &text(Format::Md), &ids);
        assert_no_ids(&format!("{name} narrative"), &text(Format::Narrative), &ids);
        assert_no_ids(&format!("{name} csv"), &text(Format::Csv), &ids);
        assert_no_ids(
            &format!("{name} xlsx"),
            &xlsx_text(r.render(Format::Xlsx).unwrap()),
            &ids,
        );
    }
    // The annex names unanswered questions by their short labels.
    let html = String::from_utf8(report("dorset-2012.toml").render(Format::Html).unwrap()).unwrap();
    assert!(!html.contains("ctx.assessor"));
}

/// What `cmd` prints, run on 30 September 2013; fails the test unless it succeeds.
fn run(cmd: &mut Command) -> String {
    stdout(cmd.today("2013-09-30"))
}

#[test]
fn compare_trend_and_summary_name_items_in_words() {
    let ids = ids(&wfof());
    for format in ["md", "html"] {
        let compare = run(probity()
            .args(["compare", "--format", format])
            .arg(fixture("dorset-2012.toml"))
            .arg(fixture("dorset-2013.toml")));
        let summary = run(probity()
            .args(["summary", "--format", format])
            .arg(fixture("dorset-2012.toml"))
            .arg(fixture("durham-2012.toml")));
        let trend = run(probity()
            .args(["trend", "--format", format])
            .arg(fixture("trend"))
            .arg(fixture("dorset-2012.toml"))
            .arg(fixture("dorset-2013.toml")));
        for (what, out) in [("compare", compare), ("summary", summary), ("trend", trend)] {
            let text = if format == "html" {
                html_text(&out)
            } else {
                out.clone()
            };
            assert_no_ids(&format!("{what} {format}"), &text, &ids);
            if format == "html" {
                // Every printed page carries the marking at the top and the foot, and its number.
                for margin in [
                    "@top-left",
                    "@top-right",
                    "@bottom-center",
                    "counter(pages)",
                ] {
                    assert!(out.contains(margin), "{what} lacks {margin}");
                }
            }
        }
    }
}

#[test]
fn a_score_resting_on_too_little_is_provisional_everywhere_and_never_rated() {
    let r = report("thames-valley-2012.toml");
    assert!(r.score.provisional);
    let json: serde_json::Value = serde_json::from_slice(&r.render(Format::Json).unwrap()).unwrap();
    assert_eq!(json["score"]["provisional"], true);
    assert_eq!(json["score"]["overall"], 100.0);
    assert!(
        json["score"]["areas"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["provisional"].is_boolean())
    );
    let media = json["score"]["areas"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "media")
        .unwrap();
    assert_eq!(
        (media["provisional"].as_bool(), media["rating"].as_str()),
        (Some(true), Some("provisional"))
    );

    let html = String::from_utf8(r.render(Format::Html).unwrap()).unwrap();
    let doc = Html::parse_document(&html);
    let chips: Vec<(String, String)> = doc
        .select(&Selector::parse("#summary .badge").unwrap())
        .map(|e| {
            (
                e.text().collect(),
                e.value().attr("class").unwrap().to_string(),
            )
        })
        .collect();
    assert!(!chips.is_empty());
    for (word, class) in &chips {
        assert!(word == "Provisional" || word == "Not scored", "{word}");
        assert!(class == "badge neutral", "{word} coloured as {class}");
    }
    // The first figure a reader meets is how much is answered, not the provisional score.
    let paragraphs: Vec<String> = doc
        .select(&Selector::parse("#summary p").unwrap())
        .map(|p| p.text().collect::<String>())
        .collect();
    assert!(
        paragraphs[0].contains("applicable questions answered"),
        "{paragraphs:?}"
    );
    assert!(
        paragraphs[1].contains("provisional and not rated"),
        "{paragraphs:?}"
    );
    let bars: Vec<String> = doc
        .select(&Selector::parse("#chart-areas rect").unwrap())
        .map(|e| e.value().attr("fill").unwrap().to_string())
        .collect();
    assert!(!bars.is_empty());
    assert!(bars.iter().all(|c| c == "#9AA4AE"), "{bars:?}");

    let md = String::from_utf8(r.render(Format::Md).unwrap()).unwrap();
    assert!(
        md.contains("| Relationships with the media and other parties | Provisional | 100 |"),
        "{md}"
    );
    for rated in ["| Green |", "| Amber |", "| Red |"] {
        assert!(!md.contains(rated), "{md}");
    }
    let narrative = String::from_utf8(r.render(Format::Narrative).unwrap()).unwrap();
    // The narrative gives no score that rests on so little, and does not read silence as
    // assurance: it says how much is unanswered.
    assert!(!narrative.contains("100 out of 100"), "{narrative}");
    assert!(
        narrative.contains(
            "No overall score is given: one would rest on only one of the 56 scored questions that apply."
        ),
        "{narrative}"
    );
    assert!(
        narrative.contains("The answers given so far raise no findings; 72 of the questions that apply are not yet answered."),
        "{narrative}"
    );
    assert!(
        !narrative.contains("The assessment gives no findings"),
        "{narrative}"
    );
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(r.render(Format::Xlsx).unwrap())).unwrap();
    let summary = wb.worksheet_range("Areas").unwrap();
    let ratings: Vec<String> = summary
        .rows()
        .filter_map(|row| row.get(1))
        .map(|c| c.to_string())
        .collect();
    assert!(ratings.contains(&"Provisional".to_string()), "{ratings:?}");
    assert!(
        !ratings
            .iter()
            .any(|r| ["Green", "Amber", "Red"].contains(&r.as_str())),
        "{ratings:?}"
    );
}

#[test]
fn an_area_with_nothing_scored_is_not_scored_never_zero() {
    let r = report("thames-valley-2012.toml");
    let gifts = r.score.areas.iter().find(|a| a.id == "gifts").unwrap();
    assert_eq!((gifts.score, gifts.rating.label()), (None, "Not scored"));
    let md = String::from_utf8(r.render(Format::Md).unwrap()).unwrap();
    assert!(
        md.contains("| Gifts and hospitality | Not scored | not scored |"),
        "{md}"
    );
}

#[test]
fn every_finding_states_the_gap_and_an_action() {
    for name in ["dorset-2012.toml", "durham-2012.toml", "full-2013.toml"] {
        let r = report(name);
        let items: Vec<_> = wfof().items().map(|i| i.prompt.clone()).collect();
        for f in &r.findings {
            assert!(
                !f.finding.action.is_empty(),
                "{name}: {} has no action",
                f.finding.id
            );
            assert!(
                !items.contains(&f.finding.title),
                "{name}: {} is titled by its question",
                f.finding.id
            );
            assert!(
                !f.because.is_empty(),
                "{name}: {} has no reasons",
                f.finding.id
            );
        }
        let json: serde_json::Value =
            serde_json::from_slice(&r.render(Format::Json).unwrap()).unwrap();
        assert!(
            json["findings"]
                .as_array()
                .unwrap()
                .iter()
                .all(|f| f["action"].as_str().is_some_and(|a| !a.is_empty()))
        );
    }
}

#[test]
fn the_shipped_checklist_has_every_statement_and_action() {
    for entry in &catalog().entries {
        let c = entry.checklist().unwrap();
        assert!(
            c.warnings.is_empty(),
            "{}: {:?}",
            c.id,
            c.warnings.iter().map(|w| w.summary()).collect::<Vec<_>>()
        );
        for item in c.items().filter(|i| i.kind.is_scored()) {
            assert!(
                item.short.is_some()
                    && item.gap.is_some()
                    && item.partial_gap.is_some()
                    && item.action.is_some(),
                "{}: {}",
                c.id,
                item.id
            );
        }
    }
}

#[test]
fn a_checklist_without_wording_is_warned_about_with_its_place() {
    let out = probity()
        .args(["check"])
        .arg(fixture("checklists/wfof-2013.toml"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("warning: ") && err.contains("wfof-2013.toml:144:6: scored item \"media.policy\" has no short, gap, partial_gap, action"),
        "{err}"
    );
}

#[test]
fn a_carried_forward_year_never_states_last_years_answers_as_this_years() {
    let dir = tempfile::tempdir().unwrap();
    let next = dir.path().join("dorset-2013.toml");
    run(probity()
        .args(["new", "--no-tui", "--period", "2013", "--out"])
        .arg(&next)
        .arg("--from")
        .arg(fixture("dorset-2012.toml")));
    let narrative = run(probity()
        .args(["report", "--format", "narrative"])
        .arg(&next));
    assert!(
        narrative.contains("answers carried from 2012 are not yet confirmed and are not counted"),
        "{narrative}"
    );
    for fact in [
        "The force has a current written policy",
        "No monitoring compares contract and procurement records",
        "Of the 49 applications",
        "Media guidelines updated since 2011",
    ] {
        assert!(
            !narrative.contains(fact),
            "states a 2012 answer as 2013's: {fact}\n{narrative}"
        );
    }
}

#[test]
fn an_answer_flagged_for_review_is_never_stated_as_settled_fact() {
    let narrative = String::from_utf8(
        report("durham-2012.toml")
            .render(Format::Narrative)
            .unwrap(),
    )
    .unwrap();
    for assumed in [
        "The register is reviewed at least once a quarter.",
        "does not check staff's own public accounts.",
    ] {
        let phrase = assumed.trim_end_matches('.');
        // Every time it is said, the sentence ends by saying it is provisional.
        let hedged = format!("{phrase} (recorded provisionally, to be confirmed).");
        let inside = narrative.matches(hedged.as_str()).count();
        assert!(
            inside >= 1,
            "not given as provisional: {assumed}\n{narrative}"
        );
        assert_eq!(
            narrative.matches(phrase).count(),
            inside,
            "stated without saying it is provisional: {assumed}"
        );
    }
}

#[test]
fn overdue_is_judged_at_the_as_at_date() {
    let status = |as_at: &str| {
        let csv = run(probity()
            .args(["report", "--format", "csv", "--as-at", as_at])
            .arg(fixture("dorset-2012.toml")));
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        reader
            .records()
            .map(Result::unwrap)
            .find(|r| r[3].starts_with("Awareness training on dealing with the media"))
            .map(|r| r[9].to_string())
            .unwrap()
    };
    assert_eq!(status("2012-10-01"), "open");
    assert_eq!(status("2012-12-01"), "overdue");
    let md = run(probity()
        .args(["report", "--as-at", "2012-10-01"])
        .arg(fixture("dorset-2012.toml")));
    assert!(
        md.contains("This document is as at 1 October 2012, the date given when it was produced"),
        "{md}"
    );
}

#[test]
fn compare_can_be_redacted_and_counts_compare_per_month_when_windows_differ() {
    let json = run(probity()
        .args(["compare", "--redact", "--format", "json"])
        .arg(fixture("dorset-2012.toml"))
        .arg(fixture("dorset-2013.toml")));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["redacted"], true);
    // Owners are named by post in Dorset's file, and a post is kept.
    assert!(json.contains("\"Head of Procurement\""), "{json}");
    let apps = v["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == "business.applications")
        .unwrap();
    assert!(apps["per_month"]["before"].as_f64().is_some(), "{apps}");
    let md = run(probity()
        .args(["compare"])
        .arg(fixture("dorset-2012.toml"))
        .arg(fixture("dorset-2013.toml")));
    assert!(md.contains("The two windows differ in length"), "{md}");
}

#[test]
fn the_summary_gives_a_table_by_force_and_says_what_could_not_be_judged() {
    let json = run(probity()
        .args(["summary", "--format", "json"])
        .arg(fixture("dorset-2012.toml"))
        .arg(fixture("durham-2012.toml")));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let dorset = v["by_force"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["force"] == "Dorset Police")
        .unwrap();
    for field in ["period", "score", "completeness", "provisional", "overdue"] {
        assert!(!dorset[field].is_null(), "{field}");
    }
    assert_eq!(dorset["findings"]["high"], 1);
    let rule = v["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "supplier_interests_not_checked")
        .unwrap();
    assert_eq!(rule["not_judged"], 2, "{rule}");
    let md = run(probity()
        .args(["summary"])
        .arg(fixture("dorset-2012.toml"))
        .arg(fixture("durham-2012.toml")));
    assert!(md.contains("| Dorset Police | 2012 |"), "{md}");
    assert!(
        !md.contains("0 of 2 forces: Suppliers not checked against staff business interests ["),
        "not judged must not read as no gap: {md}"
    );
}

#[test]
fn a_finding_resting_on_a_provisional_or_carried_answer_says_so() {
    let r = report("dorset-2012.toml");
    let review = r
        .findings
        .iter()
        .find(|f| f.finding.id == "gifts.register.monitoring")
        .unwrap();
    assert_eq!(
        review.caveats,
        ["It rests on an answer recorded provisionally, to be confirmed."]
    );
    let settled = r
        .findings
        .iter()
        .find(|f| f.finding.id == "gifts_register_not_crossreferenced")
        .unwrap();
    assert!(settled.caveats.is_empty());

    let dir = tempfile::tempdir().unwrap();
    let next = dir.path().join("dorset-2013.toml");
    run(probity()
        .args(["new", "--no-tui", "--period", "2013", "--out"])
        .arg(&next)
        .arg("--from")
        .arg(fixture("dorset-2012.toml")));
    let csv = run(probity().args(["report", "--format", "csv"]).arg(&next));
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(!rows.is_empty());
    for row in &rows {
        assert!(
            row[5].contains("carried from 2012 and not yet confirmed"),
            "{:?}",
            row
        );
    }
}
