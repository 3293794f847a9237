//! Year-on-year features against the seed fixtures: carry forward, compare, trend, summary.

use std::sync::LazyLock;

use assert_cmd::Command;
use jiff::civil::date;
use probity_core::assessment;
use probity_core::checklist::Catalog;
use probity_core::document::Page;
use probity_core::progress::compare::{Change, Delivery, Side, compare};
use probity_core::progress::crosswalk::Crosswalk;
use probity_core::progress::{carry, load_batch, summary, trend::Trend};
use probity_core::scoring::evaluate;

use crate::support::{Setting, fixture, probity, stdout};

const TODAY: &str = "2013-09-30";

/// The built-in checklists and the fixtures' own, read once.
fn catalog() -> &'static Catalog {
    static CATALOG: LazyLock<Catalog> =
        LazyLock::new(|| Catalog::discover(Some(&fixture("checklists"))));
    &CATALOG
}

/// probity on 30 September 2013.
fn at_today() -> Command {
    let mut cmd = probity();
    cmd.today(TODAY);
    cmd
}

fn json(out: &[u8]) -> serde_json::Value {
    serde_json::from_slice(out).expect("the output is JSON")
}

/// The entry of a JSON list whose `id` is `id`.
fn by_id<'a>(list: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    list.as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == id)
        .unwrap_or_else(|| panic!("no {id} in {list}"))
}

fn numbers<const N: usize>(v: &serde_json::Value, keys: [&str; N]) -> [Option<f64>; N] {
    keys.map(|k| v[k].as_f64())
}

fn ids(v: &serde_json::Value) -> Vec<&str> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect()
}

#[test]
fn dorset_closes_the_cross_referencing_gap_in_2013() {
    let out = at_today()
        .args(["compare", "--format", "json"])
        .arg(fixture("dorset-2012.toml"))
        .arg(fixture("dorset-2013.toml"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let c = json(&out.stdout);
    let findings = &c["findings"];
    assert!(
        ids(&findings["closed"]).contains(&"gifts_register_not_crossreferenced"),
        "{findings}"
    );
    assert!(!ids(&findings["persisting"]).contains(&"gifts_register_not_crossreferenced"));
    assert_eq!(
        ids(&findings["persisting"]),
        ["social_media_monitoring_reactive"]
    );
    assert_eq!(ids(&findings["opened"]), ["supplier_interests_not_checked"]);
    let item = by_id(&c["items"], "procurement.gifts_crossref");
    assert_eq!(
        (
            item["before"].as_str(),
            item["after"].as_str(),
            item["change"].as_str()
        ),
        (Some("no"), Some("yes"), Some("improved"))
    );
    let metric = by_id(&c["metrics"], "business.applications");
    assert_eq!(
        numbers(metric, ["before", "after", "delta"]),
        [Some(49.0), Some(58.0), Some(9.0)]
    );
    let ledger = by_id(&c["ledger"], "gifts_register_not_crossreferenced");
    assert_eq!(ledger["status"], "delivered");
    assert_eq!(ledger["owner"], "Head of Procurement");
    assert_eq!(ledger["due"], "2013-03-31");
    let area = by_id(&c["areas"], "procurement");
    assert_eq!(
        numbers(area, ["before", "after", "delta"]),
        [Some(0.0), Some(50.0), Some(50.0)]
    );
}

#[test]
fn the_progress_report_reads_as_a_narrative() {
    let out = at_today()
        .arg("compare")
        .arg(fixture("dorset-2012.toml"))
        .arg(fixture("dorset-2013.toml"))
        .output()
        .unwrap();
    assert!(out.status.success());
    insta::assert_snapshot!("dorset_compare_md", String::from_utf8(out.stdout).unwrap());
}

#[test]
fn compare_html_is_self_contained_and_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(fixture("dorset-2013.toml")).unwrap();
    let evil = dir.path().join("evil.toml");
    std::fs::write(
        &evil,
        text.replace(
            "force = \"Dorset Police\"",
            "force = \"<script>alert(1)</script>\"",
        ),
    )
    .unwrap();
    let out = at_today()
        .args(["compare", "--format", "html"])
        .arg(fixture("dorset-2012.toml"))
        .arg(&evil)
        .output()
        .unwrap();
    assert!(out.status.success());
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.contains("default-src 'none'; style-src 'unsafe-inline'"));
    assert!(
        !html.contains("<script>"),
        "markup from a file must be escaped"
    );
    assert!(html.contains("&#60;script&#62;") || html.contains("&lt;script&gt;"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("different forces"));
}

#[test]
fn the_version_two_checklist_is_carried_and_compared_without_losing_an_answer() {
    let catalog = catalog();
    let (prev, v1) = assessment::load(&fixture("dorset-2012.toml"), catalog).unwrap();
    let v2 = catalog.resolve("wfof-2013", None).unwrap();
    let carried = carry::carry_forward(&prev, &v1, &v2, "2013");
    let next = &carried.assessment;
    let walk = Crosswalk::between(&v1, &v2);
    for (id, answer) in &prev.answers {
        let targets = walk.fate(id).unwrap().targets(id);
        // A figure or a date is last period's baseline, named in the briefing, not an answer.
        let baseline = carried.report.baselines.iter().any(|b| b.from == *id);
        let kept = targets.iter().any(|t| next.answer(t).is_some())
            || next.orphans.iter().any(|o| o.id == *id)
            || baseline;
        assert!(kept, "the answer to {id} was lost");
        if baseline {
            continue;
        }
        for t in targets {
            let now = next.answer(t).unwrap();
            // Only an answer is carried for confirming; a note on its own comes across as it was.
            assert_eq!(now.carried, now.value.is_some(), "{t} must be unconfirmed");
            assert!(
                answer.evidence.iter().all(|e| now.evidence.contains(e)),
                "evidence of {id} lost in {t}"
            );
        }
    }
    assert_eq!(
        next.value("training.integrity_refresher"),
        prev.value("training.refresher")
    );
    assert_eq!(
        next.answer("training.integrity_refresher").unwrap().due,
        Some(date(2012, 10, 31))
    );
    assert_eq!(
        next.value("media.training.staff"),
        prev.value("media.training")
    );
    assert_eq!(
        next.value("media.training.social"),
        prev.value("media.training")
    );
    // Merged with a question Dorset left unanswered: at most "partly", and flagged for review.
    assert_eq!(
        prev.value("values.statement"),
        Some(&probity_core::answer::Value::Status(
            probity_core::answer::Status::Yes
        ))
    );
    let merged = next.answer("values.standards").unwrap();
    assert_eq!(
        merged.value,
        Some(probity_core::answer::Value::Status(
            probity_core::answer::Status::Partial
        ))
    );
    assert!(merged.review);
    assert_eq!(carried.report.not_comparable.len(), 1);
    assert_eq!(
        carried.report.not_comparable[0].id,
        "media.social.cases_outcome"
    );

    let today = date(2013, 9, 30);
    // Confirmed as this period's, so the comparison has scores to set side by side.
    let next = &confirmed(next);
    let (e1, e2) = (evaluate(&v1, &prev, today), evaluate(&v2, next, today));
    let c = compare(
        &Side::new(&v1, &prev, &e1),
        &Side::new(&v2, next, &e2),
        &Page::new("OFFICIAL", today),
        false,
    );
    // Every answered item; one left unanswered with a note has nothing to compare.
    for (id, _) in prev.answers.iter().filter(|(_, a)| a.value.is_some()) {
        let shown = c.items.iter().any(|i| i.id == *id || i.from.contains(id));
        assert!(shown, "{id} missing from the comparison");
    }
    let narrative = probity_core::progress::render::narrative::progress(&c);
    assert!(
        narrative
            .iter()
            .any(|p| p.contains("may come from the new questions")),
        "{narrative:?}"
    );
    let retired = c
        .items
        .iter()
        .find(|i| i.id == "media.social.cases_outcome")
        .unwrap();
    assert_eq!(retired.change, Change::NotComparable);
    assert!(retired.reason.as_deref().unwrap().starts_with("retired"));
    // Carried as they were, but for the merge capped at "partly" above.
    assert!(
        c.items
            .iter()
            .filter(|i| i.change != Change::NotComparable && i.id != "values.standards")
            .all(|i| i.change == Change::Unchanged)
    );
    // The only new finding is the merged item's "partly".
    assert!(c.findings.closed.is_empty(), "{:?}", c.findings.closed);
    assert_eq!(c.findings.opened, ["values.standards"]);
    let crossref = c
        .ledger
        .iter()
        .find(|l| l.id == "gifts_register_not_crossreferenced")
        .unwrap();
    assert_eq!(
        crossref.status,
        Delivery::Overdue,
        "due 2013-03-31 and still open on {today}"
    );
}

#[test]
fn new_from_carries_forward_and_sign_off_waits_for_confirmation() {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir(home.path().join("checklists")).unwrap();
    std::fs::copy(
        fixture("checklists/wfof-2013.toml"),
        home.path().join("checklists/wfof-2013.toml"),
    )
    .unwrap();
    let out = at_today()
        .arg("--data-dir")
        .arg(home.path())
        .args(["new", "--no-tui", "--period", "2013", "--from"])
        .arg(fixture("dorset-2012.toml"))
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("answers carried from 2012"), "{stdout}");
    // Items are named by their labels, never their ids.
    assert!(
        stdout.contains("Renamed: \u{201c}Refresher training on integrity\u{201d} is now asked as"),
        "{stdout}"
    );
    assert!(stdout.contains("Retired: \u{201c}"), "{stdout}");
    assert!(!stdout.contains("training.refresher"), "{stdout}");
    let file = home.path().join("dorset-police-2013.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.contains("force = \"Dorset Police\"") && text.contains("checklist = \"wfof-2013\""),
        "{text}"
    );
    assert!(text.contains("carried_from = \"2012\""));

    let sign = |command: &str| {
        at_today()
            .arg("--data-dir")
            .arg(home.path())
            .arg(command)
            .arg(&file)
            .args(["--by", "A. Chief", "--role", "DCC"])
            .output()
            .unwrap()
    };
    let refused = sign("sign");
    assert_eq!(refused.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("cannot be signed off yet"), "{stderr}");
    assert!(
        stderr.contains("was carried from last period and has not been confirmed"),
        "{stderr}"
    );
    assert!(
        !std::fs::read_to_string(&file)
            .unwrap()
            .contains("stage = \"final\"")
    );
}

#[test]
fn finalise_points_to_sign() {
    let home = tempfile::tempdir().unwrap();
    let out = at_today()
        .arg("--data-dir")
        .arg(home.path())
        .args(["finalise", "x.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("`finalise` has been replaced by `sign`")
            && stderr.contains("probity sign x.toml --by NAME --role ROLE"),
        "{stderr}"
    );
}

#[test]
fn the_two_seed_forces_sum_to_the_published_totals() {
    let batch = load_batch(
        &[fixture("dorset-2012.toml"), fixture("durham-2012.toml")],
        catalog(),
        date(2013, 1, 1),
        || {},
    );
    assert!(batch.bad.is_empty());
    let s = summary::summarise(&batch, None, &page());
    assert_eq!(s.forces, 2);
    let total = |id: &str| {
        s.metrics
            .iter()
            .find(|m| m.id == id)
            .map(|m| (m.total, m.reported))
    };
    assert_eq!(total("business.applications"), Some((125.0, 2)));
    assert_eq!(total("business.approved"), Some((119.0, 2)));
    assert_eq!(total("proactive.investigations"), Some((50.0, 2)));
    let apps = s
        .metrics
        .iter()
        .find(|m| m.id == "business.applications")
        .unwrap();
    assert_eq!((apps.min, apps.median, apps.max), (49.0, 62.5, 76.0));
    let crossref = s
        .rules
        .iter()
        .find(|r| r.id == "gifts_register_not_crossreferenced")
        .unwrap();
    assert_eq!(crossref.forces, ["Dorset Police"]);
    assert_eq!(
        crossref.sentence(),
        "1 of 2 forces: Procurement not cross-referenced with the gifts register"
    );
    for item in &s.items {
        let counted: usize = item.yes
            + item.partial
            + item.no
            + item.na
            + item.unanswered
            + item.not_asked
            + item.options.values().sum::<usize>();
        assert_eq!(counted, 2, "{} is counted once per force", item.id);
    }
}

#[test]
fn the_summary_uses_each_forces_latest_period() {
    let batch = load_batch(
        &[
            fixture("dorset-2013.toml"),
            fixture("dorset-2012.toml"),
            fixture("durham-2012.toml"),
        ],
        catalog(),
        date(2013, 9, 30),
        || {},
    );
    let s = summary::summarise(&batch, None, &page());
    assert_eq!(s.forces, 2);
    assert_eq!(s.left_out, 1);
    assert!(
        s.assessments
            .contains(&("Dorset Police".into(), "2013".into()))
    );
    let apps = s
        .metrics
        .iter()
        .find(|m| m.id == "business.applications")
        .unwrap();
    assert_eq!(apps.total, 58.0 + 76.0);
    let of_2012 = summary::summarise(&batch, Some("2012"), &page());
    assert_eq!(of_2012.forces, 2);
    assert!(
        of_2012
            .assessments
            .contains(&("Dorset Police".into(), "2012".into()))
    );
    let apps = of_2012
        .metrics
        .iter()
        .find(|m| m.id == "business.applications")
        .unwrap();
    assert_eq!(apps.total, 125.0);
    assert_eq!(summary::summarise(&batch, Some("2011"), &page()).forces, 0);
}

#[test]
fn folding_files_as_they_are_read_gives_the_summary_of_the_whole_batch() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("broken.toml"), "format = 1\n").unwrap();
    let mut paths = vec![dir.path().join("broken.toml")];
    // Many copies of each force and period, in an order that spreads them over the cores.
    for n in 0..40 {
        for name in ["dorset-2013.toml", "durham-2012.toml", "dorset-2012.toml"] {
            let copy = dir.path().join(format!("{n:02}-{name}"));
            std::fs::copy(fixture(name), &copy).unwrap();
            paths.push(copy);
        }
    }
    let today = date(2013, 9, 30);
    let batch = load_batch(&paths, catalog(), today, || {});
    for period in [None, Some("2012"), Some("2011")] {
        let whole = summary::summarise(&batch, period, &page());
        let folded = summary::summarise_files(&paths, catalog(), period, &page(), || {});
        assert_eq!(
            serde_json::to_value(&folded).unwrap(),
            serde_json::to_value(&whole).unwrap(),
            "{period:?}"
        );
        assert_eq!(folded.bad.len(), 1);
    }
    let all = summary::summarise_files(&paths, catalog(), None, &page(), || {});
    assert_eq!((all.forces, all.left_out), (2, 118));
}

#[test]
fn a_bad_file_is_listed_and_the_rest_summarised() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["dorset-2012.toml", "durham-2012.toml"] {
        std::fs::copy(fixture(name), dir.path().join(name)).unwrap();
    }
    std::fs::write(
        dir.path().join("broken.toml"),
        "format = 1\nchecklist = \"wfof-2011\"\nforce = [\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("misfit.toml"),
        "format = 1\nchecklist = \"wfof-2011\"\nforce = \"X\"\nperiod = \"2012\"\n[answers.\"business.applications\"]\nvalue = \"many\"\n",
    )
    .unwrap();
    let out = at_today()
        .args(["summary", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("broken.toml:3:"), "{stderr}");
    assert!(stderr.contains("misfit.toml:6:9"), "{stderr}");
    assert!(stderr.contains("2 files could not be read"), "{stderr}");
    let s = json(&out.stdout);
    assert_eq!(s["forces"], 2);
    assert_eq!(s["bad"].as_array().unwrap().len(), 2);
    let apps = by_id(&s["metrics"], "business.applications");
    assert_eq!(apps["total"].as_f64(), Some(125.0));
    let item = by_id(&s["items"], "procurement.gifts_crossref");
    assert_eq!(
        (item["yes"].as_u64(), item["no"].as_u64()),
        (Some(1), Some(1))
    );
    let rule = by_id(&s["rules"], "gifts_register_not_crossreferenced");
    assert_eq!(rule["flagged"], 1);
    assert_eq!(ids(&rule["forces"]), ["Dorset Police"]);
}

#[test]
fn summary_formats_agree() {
    let run = |format: &str| {
        let out = at_today()
            .args(["summary", "--format", format])
            .arg(fixture("dorset-2012.toml"))
            .arg(fixture("durham-2012.toml"))
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let md = run("md");
    assert!(
        md.contains("| Procurement not cross-referenced with the gifts register | high | 1 | 0 | 2 | Dorset Police | Durham Constabulary | none |"),
        "{md}"
    );
    let html = run("html");
    let doc = scraper::Html::parse_document(&html);
    let row = scraper::Selector::parse("tr").unwrap();
    let gap = doc
        .select(&row)
        .map(|r| r.text().collect::<Vec<_>>().join("|"))
        .find(|r| r.contains("Procurement not cross-referenced with the gifts register"))
        .expect("the gap has a row");
    assert!(
        gap.contains("|Dorset Police|Durham Constabulary|none"),
        "{gap}"
    );
    let csv = run("csv");
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let apps = rows
        .iter()
        .find(|r| &r[0] == "metric" && &r[1] == "business.applications")
        .unwrap();
    assert_eq!((&apps[12], &apps[16]), ("125", "2"));
}

#[test]
fn a_trend_follows_one_force_over_four_periods() {
    let paths = probity_core::progress::expand(&[
        fixture("trend"),
        fixture("dorset-2012.toml"),
        fixture("dorset-2013.toml"),
        fixture("durham-2012.toml"),
    ])
    .unwrap();
    let batch = load_batch(&paths, catalog(), date(2014, 9, 30), || {});
    let t = Trend::of(&batch, "dorset police", &page());
    let periods: Vec<&str> = t.points.iter().map(|p| p.period.as_str()).collect();
    assert_eq!(periods, ["2011", "2012", "2013", "2014"]);
    let overall: Vec<f64> = t
        .series(None)
        .into_iter()
        .map(|(_, v)| v.unwrap())
        .collect();
    assert!(
        overall.windows(2).all(|w| w[1] > w[0]),
        "Dorset improves every year: {overall:?}"
    );
    let procurement = t.series(Some("procurement"));
    assert_eq!(procurement[1], ("2012".to_string(), Some(0.0)));
    assert_eq!(t.series(Some("no-such-area"))[0].1, None);

    let html = stdout(
        at_today()
            .args(["trend", "--format", "html", "--force", "Dorset Police"])
            .args(&paths),
    );
    assert!(html.contains("<svg") && html.contains("<polyline"));
    let many = at_today().arg("trend").args(&paths).output().unwrap();
    assert_eq!(many.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&many.stderr).contains("choose one with --force"));
}

#[test]
fn a_batch_keeps_file_order_and_each_files_checklist() {
    let catalog = catalog();
    let dir = tempfile::tempdir().unwrap();
    let (prev, v1) = assessment::load(&fixture("dorset-2012.toml"), catalog).unwrap();
    let v2 = catalog.resolve("wfof-2013", None).unwrap();
    let mut paths = Vec::new();
    for n in 0..9 {
        let path = dir.path().join(format!("{n}.toml"));
        let text = if n % 3 == 0 {
            let mut next = carry::carry_forward(&prev, &v1, &v2, "2013").assessment;
            next.force = format!("Force {n}");
            assessment::to_toml(&next, &v2).unwrap()
        } else {
            std::fs::read_to_string(fixture("durham-2012.toml"))
                .unwrap()
                .replace("Durham Constabulary", &format!("Force {n}"))
        };
        std::fs::write(&path, text).unwrap();
        paths.push(path);
    }
    std::fs::write(dir.path().join("bad.toml"), "not toml").unwrap();
    paths.insert(4, dir.path().join("bad.toml"));
    let batch = load_batch(&paths, catalog, date(2013, 9, 30), || {});
    assert_eq!(batch.bad.len(), 1);
    assert_eq!(batch.checklists.len(), 2);
    let forces: Vec<&str> = batch
        .loaded
        .iter()
        .map(|l| l.assessment.force.as_str())
        .collect();
    assert_eq!(
        forces,
        (0..9).map(|n| format!("Force {n}")).collect::<Vec<_>>()
    );
    for l in &batch.loaded {
        assert_eq!(batch.checklist(l).id, l.assessment.checklist);
    }
}

#[test]
fn summary_csv_defuses_formulas_from_files() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(fixture("durham-2012.toml")).unwrap();
    let evil = dir.path().join("evil.toml");
    // A gap of its own, so that the summary names the force beside a finding.
    let gap = "[answers.\"procurement.gifts_crossref\"]\nvalue = \"no\"";
    let text = text.replace(
        "[answers.\"procurement.gifts_crossref\"]\nvalue = \"yes\"",
        gap,
    );
    assert!(text.contains(gap));
    std::fs::write(
        &evil,
        text.replace("Durham Constabulary", "=HYPERLINK(\\\"http://x\\\")"),
    )
    .unwrap();
    let csv = stdout(
        at_today()
            .args(["summary", "--format", "csv"])
            .arg(fixture("dorset-2012.toml"))
            .arg(&evil),
    );
    assert!(csv.contains("'=HYPERLINK"), "{csv}");
    assert!(
        !csv.contains(",=HYPERLINK") && !csv.contains("\"=HYPERLINK"),
        "{csv}"
    );
}

#[test]
fn the_summary_of_the_seed_forces_reads_plainly() {
    let md = stdout(
        at_today()
            .arg("summary")
            .arg(fixture("dorset-2012.toml"))
            .arg(fixture("durham-2012.toml")),
    );
    insta::assert_snapshot!("seed_summary_md", md);
}

#[test]
fn commands_explain_what_they_cannot_do() {
    let reversed = at_today()
        .arg("compare")
        .arg(fixture("dorset-2013.toml"))
        .arg(fixture("dorset-2012.toml"))
        .output()
        .unwrap();
    assert!(reversed.status.success());
    assert!(String::from_utf8_lossy(&reversed.stderr).contains("earlier period than the first"));

    let missing = at_today()
        .arg("compare")
        .arg(fixture("dorset-2012.toml"))
        .arg(fixture("no-such-file.toml"))
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no-such-file.toml"));

    let one = at_today()
        .arg("trend")
        .arg(fixture("durham-2012.toml"))
        .output()
        .unwrap();
    assert_eq!(one.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&one.stderr)
            .contains("a trend needs at least two periods of Durham Constabulary, and 1 found")
    );

    let empty = tempfile::tempdir().unwrap();
    let none = at_today()
        .arg("summary")
        .arg(empty.path())
        .output()
        .unwrap();
    assert_eq!(none.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&none.stderr).contains("no assessment files"));
}

#[test]
fn every_html_page_is_well_formed() {
    let trend_inputs = [
        fixture("trend"),
        fixture("dorset-2012.toml"),
        fixture("dorset-2013.toml"),
    ];
    let pages = [
        stdout(
            at_today()
                .args(["compare", "--format", "html"])
                .arg(fixture("dorset-2012.toml"))
                .arg(fixture("dorset-2013.toml")),
        ),
        stdout(
            at_today()
                .args(["trend", "--format", "html"])
                .args(trend_inputs),
        ),
        stdout(
            at_today()
                .args(["summary", "--format", "html"])
                .arg(fixture("dorset-2012.toml"))
                .arg(fixture("durham-2012.toml")),
        ),
    ];
    for page in pages {
        let doc = scraper::Html::parse_document(&page);
        assert!(doc.errors.is_empty(), "HTML parse errors: {:?}", doc.errors);
        let marking = scraper::Selector::parse(".marking").unwrap();
        assert!(
            doc.select(&marking)
                .all(|m| m.text().collect::<String>() == "OFFICIAL-SENSITIVE")
        );
        assert!(
            doc.select(&marking).count() >= 3,
            "the marking heads and closes every page"
        );
    }
}

#[test]
fn reports_list_the_answers_still_carried_and_unconfirmed() {
    let dir = tempfile::tempdir().unwrap();
    let next = dir.path().join("dorset-2013.toml");
    stdout(
        at_today()
            .args([
                "--data-dir",
                dir.path().to_str().unwrap(),
                "new",
                "--no-tui",
                "--period",
                "2013",
                "--out",
            ])
            .arg(&next)
            .arg("--from")
            .arg(fixture("dorset-2012.toml")),
    );
    let md = stdout(at_today().arg("report").arg(&next));
    let section = md
        .split("## Carried forward, not yet confirmed")
        .nth(1)
        .expect("a section lists them");
    assert!(
        section.contains("Are contract awards and purchases compared with entries in the gifts and hospitality register"),
        "{section}"
    );
    assert!(section.contains("| No |"), "{section}");
    assert!(!section.contains("procurement.gifts_crossref"), "{section}");
    let html = stdout(
        at_today()
            .arg("report")
            .arg(&next)
            .args(["--format", "html"]),
    );
    assert!(html.contains("<section id=\"carried\">"));
    // Once every carried answer is confirmed, the section goes.
    let text = std::fs::read_to_string(&next)
        .unwrap()
        .replace("carried = true\n", "");
    std::fs::write(&next, text).unwrap();
    let md = stdout(at_today().arg("report").arg(&next));
    assert!(!md.contains("Carried forward, not yet confirmed"));
}

/// A carried assessment with every carried answer confirmed: unconfirmed ones are not scored.
fn confirmed(carried: &assessment::Assessment) -> assessment::Assessment {
    let mut a = carried.clone();
    for answer in a.answers.values_mut() {
        answer.carried = false;
    }
    a
}

/// The marking and date every document in these tests is produced with.
fn page() -> Page {
    Page::new("OFFICIAL", date(2013, 9, 30))
}

/// Dorset's 2013 file (wfof-2011) carried into integrity-2026 and compared with it: every 2013
/// answer is in the comparison, the retired ones as not comparable with their reason, and the
/// prose warns that the new questions may move the score.
#[test]
fn a_comparison_across_the_two_built_in_checklists_reads_sensibly() {
    let catalog = catalog();
    let (prev, before) = assessment::load(&fixture("dorset-2013.toml"), catalog).unwrap();
    let after = catalog.resolve("integrity-2026", None).unwrap();
    let carried = carry::carry_forward(&prev, &before, &after, "2026");
    // Confirmed as this period's, so the comparison has scores to set side by side.
    let next = &confirmed(&carried.assessment);
    let today = date(2026, 3, 31);
    let (e1, e2) = (
        evaluate(&before, &prev, today),
        evaluate(&after, next, today),
    );
    let c = compare(
        &Side::new(&before, &prev, &e1),
        &Side::new(&after, next, &e2),
        &Page::new("OFFICIAL", today),
        false,
    );
    assert_eq!(
        (c.before_checklist.as_str(), c.after_checklist.as_str()),
        ("wfof-2011", "integrity-2026")
    );
    // Every answered item; one left unanswered with a note has nothing to compare.
    for (id, _) in prev.answers.iter().filter(|(_, a)| a.value.is_some()) {
        let shown = c.items.iter().any(|i| i.id == *id || i.from.contains(id));
        assert!(shown, "{id} missing from the comparison");
    }
    for i in c.items.iter().filter(|i| i.change == Change::NotComparable) {
        let reason = i.reason.as_deref().unwrap_or_default();
        assert!(!reason.is_empty(), "{} has no reason", i.id);
    }
    let narrative = probity_core::progress::render::narrative::progress(&c);
    assert!(
        narrative
            .iter()
            .any(|p| p.contains("changed from wfof-2011 to integrity-2026")),
        "{narrative:?}"
    );
    assert!(
        narrative
            .iter()
            .any(|p| p.contains("may come from the new questions")),
        "{narrative:?}"
    );
}

/// Carrying Dorset's 2012 file into 2013 keeps it on the 2011 checklist, because the 2026 one
/// applies only from 2025; asked for by name, the 2026 checklist is used and the briefing says
/// so. Both briefings say which checklist is used and why.
#[test]
fn the_checklist_follows_the_period() {
    let home = tempfile::tempdir().unwrap();
    let new = |extra: &[&str], out: &str| {
        let run = at_today()
            .arg("--data-dir")
            .arg(home.path())
            .args(["new", "--no-tui", "--period", "2013", "--from"])
            .arg(fixture("dorset-2012.toml"))
            .args(extra)
            .arg("--out")
            .arg(home.path().join(out))
            .output()
            .unwrap();
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        let path = home.path().join(out);
        let text = std::fs::read_to_string(&path).unwrap();
        (String::from_utf8(run.stdout).unwrap(), text)
    };
    let (said, text) = new(&[], "kept.toml");
    assert!(text.contains("checklist = \"wfof-2011\""), "{text}");
    assert!(
        said.contains("This period (2013) stays on wfof-2011")
            && said.contains("integrity-2026 replaces it only for periods from 2025"),
        "{said}"
    );
    assert!(!said.contains("What changed in the checklist"), "{said}");

    let (said, text) = new(&["--checklist", "integrity-2026"], "moved.toml");
    assert!(text.contains("checklist = \"integrity-2026\""), "{text}");
    assert!(
        said.contains("uses integrity-2026, as chosen; last period used wfof-2011")
            && said.contains("meant for periods from 2025"),
        "{said}"
    );
    assert!(said.contains("What changed in the checklist"), "{said}");
}
