//! `probity crosscheck`: each input kind, each refusal with nothing written, the labelled set's
//! precision and recall, `--record` and `verify`.

use std::path::PathBuf;

use probity_core::crosscheck::{self, Input, Role, Row};
use probity_testkit::crosscheck::{Labelled, labelled};

/// The generated set as inputs read, without files.
fn inputs(set: &Labelled) -> Vec<Input> {
    let input = |role: Role, rows: Vec<Row>| Input {
        path: PathBuf::from(role.name()),
        role,
        sha256: String::new(),
        read_as: String::new(),
        rows,
        skipped: 0,
        skipped_listed: Vec::new(),
    };
    let rows = |names: Vec<&String>| -> Vec<Row> {
        names
            .into_iter()
            .enumerate()
            .map(|(i, name)| Row {
                line: i + 2,
                name: name.clone(),
                ..Row::default()
            })
            .collect()
    };
    let suppliers = rows(set.suppliers.iter().map(|(n, _)| n).collect());
    let gifts = rows(set.declared.iter().map(|(n, _)| n).collect());
    vec![input(Role::Gifts, gifts), input(Role::Suppliers, suppliers)]
}

/// Precision (matches that are right) and recall (variants matched to their supplier).
fn measure(set: &Labelled) -> (f64, f64, usize, usize) {
    let result = crosscheck::check(&inputs(set), 12);
    let mut right = 0;
    let mut wrong = Vec::new();
    let mut found = std::collections::HashSet::new();
    for m in &result.matches {
        let row = m.entry.line - 2;
        let truth = set.declared[row].1;
        if truth.is_some_and(|s| set.suppliers[s].0 == m.supplier) {
            right += 1;
            found.insert(row);
        } else {
            wrong.push((m.declared.clone(), m.supplier.clone(), m.similarity));
        }
    }
    let positives = set.declared.iter().filter(|(_, t)| t.is_some()).count();
    let missed: Vec<_> = set
        .declared
        .iter()
        .enumerate()
        .filter(|(i, (_, t))| t.is_some() && !found.contains(i))
        .map(|(_, (n, t))| (n.clone(), set.suppliers[t.unwrap_or(0)].0.clone()))
        .take(15)
        .collect();
    eprintln!("wrong (first 15): {:#?}", &wrong[..wrong.len().min(15)]);
    eprintln!("missed (first 15): {missed:#?}");
    let precision = right as f64 / result.matches.len().max(1) as f64;
    let recall = found.len() as f64 / positives.max(1) as f64;
    (precision, recall, result.matches.len(), positives)
}

/// The threshold was chosen on seed 1 (the training half); this measures seed 2, held out,
/// and larger: 3,000 suppliers and 6,000 register names.
#[test]
fn held_out_labelled_set_has_precision_at_least_0_95_and_recall_at_least_0_97() {
    let set = labelled(2, 3_000, 6_000);
    let (precision, recall, matches, positives) = measure(&set);
    eprintln!(
        "held out: precision {precision:.4}, recall {recall:.4} ({matches} matches, {positives} variants)"
    );
    assert!(precision >= 0.95, "precision {precision}");
    assert!(recall >= 0.97, "recall {recall}");
}

/// The same measure on seed 1, the half the threshold was chosen on.
#[test]
fn training_labelled_set_meets_the_same_targets() {
    let (precision, recall, _, _) = measure(&labelled(1, 2_000, 4_000));
    eprintln!("training: precision {precision:.4}, recall {recall:.4}");
    assert!(precision >= 0.95 && recall >= 0.97, "{precision} {recall}");
}

mod command {
    use std::path::Path;

    use predicates::str::contains;

    use crate::support::{Setting, fixture, probity};

    fn at(home: &Path) -> assert_cmd::Command {
        let mut cmd = probity();
        cmd.home(home).today("2026-12-07");
        cmd
    }

    /// A new wfof-2011 assessment for Northmoor Police in `home`.
    fn started(home: &Path) -> std::path::PathBuf {
        at(home)
            .args(["new", "--force", "Northmoor Police", "--period", "2026"])
            .args(["--checklist", "wfof-2011", "--no-tui"])
            .assert()
            .success();
        home.join("northmoor-police-2026.toml")
    }

    fn f(name: &str) -> String {
        fixture(&format!("crosscheck/{name}")).display().to_string()
    }

    fn json(home: &Path, args: &[&str]) -> serde_json::Value {
        let out = at(home)
            .arg("crosscheck")
            .args(args)
            .args(["--format", "json"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
        let schema = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/crosscheck.schema.json"),
        )
        .unwrap();
        let validator = jsonschema::validator_for(&serde_json::from_str(&schema).unwrap()).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
        value
    }

    fn bases(v: &serde_json::Value) -> Vec<(String, String, String)> {
        v["matches"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| {
                (
                    m["declared"].as_str().unwrap().to_string(),
                    m["supplier"].as_str().unwrap().to_string(),
                    m["basis"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn ocds_release_package_and_a_register_with_title_rows() {
        let home = tempfile::tempdir().unwrap();
        let v = json(
            home.path(),
            &["--gifts", &f("gifts.csv"), "--suppliers", &f("awards.json")],
        );
        let b = bases(&v);
        assert!(
            b.contains(&(
                "The Hargreaves Security Solutions Limited".into(),
                "Hargreaves Security Solutions Ltd".into(),
                "same_name".into()
            )),
            "{b:?}"
        );
        assert!(
            b.contains(&(
                "Zentrix Forensics Ltd".into(),
                "Zentrix Forensic Ltd".into(),
                "similar_name".into()
            )),
            "{b:?}"
        );
        // A shared surname and common words alone are not matches.
        assert!(
            !b.iter()
                .any(|(d, ..)| d == "Hargreaves Bakery" || d == "Security Solutions Ltd")
        );
        // Gifts within 12 months of an award come first.
        let first = &v["matches"][0];
        assert_eq!(first["within_window"], true);
        assert_eq!(first["entry"]["person"], "PC Alan Ridley");
        let inputs = v["inputs"].as_array().unwrap();
        assert_eq!(inputs[0]["rows_read"], 5);
        assert_eq!(inputs[0]["rows_skipped"], 1);
        assert_eq!(inputs[0]["sha256"].as_str().unwrap().len(), 64);
        assert_eq!(inputs[1]["read_as"], "OCDS release package");
    }

    #[test]
    fn windows_1252_register_against_a_spend_csv_and_a_record_package() {
        let home = tempfile::tempdir().unwrap();
        let v = json(
            home.path(),
            &[
                "--gifts",
                &f("gifts-1252.csv"),
                "--suppliers",
                &f("spend.csv"),
                &f("records.json"),
            ],
        );
        assert_eq!(v["inputs"][0]["read_as"], "CSV (Windows-1252)");
        let b = bases(&v);
        assert!(
            b.contains(&(
                "Café Rosé Ltd".into(),
                "Cafe Rose Limited".into(),
                "same_name".into()
            )),
            "{b:?}"
        );
        assert!(
            b.contains(&(
                "Caledonia Radio Systems Limited".into(),
                "Caledonia Radio Systems plc".into(),
                "same_name".into()
            )),
            "{b:?}"
        );
        assert_eq!(v["inputs"][2]["read_as"], "OCDS record package");
    }

    #[test]
    fn a_workbook_register_matches_by_company_number() {
        let home = tempfile::tempdir().unwrap();
        let book = home.path().join("interests.xlsx");
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet();
        for (c, h) in [
            "Staff name",
            "Business or company",
            "Company number",
            "Nature of interest",
        ]
        .iter()
        .enumerate()
        {
            ws.write_string(0, c as u16, *h).unwrap();
        }
        for (c, v) in ["PS Kay Dunn", "HSS Holdings", "04567891", "Director"]
            .iter()
            .enumerate()
        {
            ws.write_string(1, c as u16, *v).unwrap();
        }
        wb.save(&book).unwrap();
        let v = json(
            home.path(),
            &[
                "--gifts",
                &f("gifts.csv"),
                "--interests",
                &book.display().to_string(),
                "--suppliers",
                &f("awards.json"),
            ],
        );
        let m = v["matches"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["register"] == "interests")
            .unwrap();
        assert_eq!(m["basis"], "company_number");
        assert_eq!(m["reason"], "company number 04567891");
        assert_eq!(v["inputs"][1]["read_as"], "workbook");
    }

    #[test]
    fn every_readable_format_is_written_marked_and_redacted_on_request() {
        let home = tempfile::tempdir().unwrap();
        for format in ["md", "html", "csv", "docx", "xlsx", "json"] {
            let out = home.path().join(format!("review.{format}"));
            at(home.path())
                .args([
                    "crosscheck",
                    "--gifts",
                    &f("gifts.csv"),
                    "--suppliers",
                    &f("awards.json"),
                ])
                .args([
                    "--format",
                    format,
                    "--redact",
                    "--out",
                    &out.display().to_string(),
                ])
                .assert()
                .success();
            assert!(std::fs::metadata(&out).unwrap().len() > 0);
        }
        let md = std::fs::read_to_string(home.path().join("review.md")).unwrap();
        assert!(md.contains("OFFICIAL-SENSITIVE"));
        assert!(md.contains("not a finding"));
        assert!(md.contains("Staff names, the registers' descriptions"));
        assert!(!md.contains("Alan Ridley"));
        // The files are named without the folders they were read from.
        assert!(md.contains("gifts.csv"), "{md}");
        assert!(!md.contains("tests/fixtures/crosscheck"), "{md}");
        assert!(md.contains("7 December 2026"));
        // The file is never replaced unless asked.
        at(home.path())
            .args([
                "crosscheck",
                "--gifts",
                &f("gifts.csv"),
                "--suppliers",
                &f("awards.json"),
            ])
            .args([
                "--out",
                &home.path().join("review.md").display().to_string(),
            ])
            .assert()
            .code(1)
            .stderr(contains("already exists"));
    }

    #[test]
    fn a_file_without_the_needed_column_is_refused_naming_its_headers_and_nothing_is_written() {
        let home = tempfile::tempdir().unwrap();
        let out = home.path().join("review.md");
        at(home.path())
            .args([
                "crosscheck",
                "--gifts",
                &f("no-name.csv"),
                "--suppliers",
                &f("awards.json"),
            ])
            .args(["--out", &out.display().to_string()])
            .assert()
            .code(1)
            .stderr(contains("no-name.csv"))
            .stderr(contains("\"Recipient\""))
            .stderr(contains("Offered by"));
        assert!(!out.exists());
        // Naming the column makes it readable.
        at(home.path())
            .args([
                "crosscheck",
                "--gifts",
                &f("no-name.csv"),
                "--suppliers",
                &f("awards.json"),
            ])
            .args(["--columns", "gifts.name=Description"])
            .assert()
            .success();
    }

    #[test]
    fn an_unreadable_file_is_refused_and_nothing_is_written() {
        let home = tempfile::tempdir().unwrap();
        let out = home.path().join("review.md");
        let missing = home.path().join("nowhere.csv");
        at(home.path())
            .args(["crosscheck", "--gifts", &missing.display().to_string()])
            .args([
                "--suppliers",
                &f("awards.json"),
                "--out",
                &out.display().to_string(),
            ])
            .assert()
            .code(1)
            .stderr(contains("nowhere.csv cannot be read"));
        // JSON that is not OCDS is refused too.
        let not_ocds = home.path().join("other.json");
        std::fs::write(&not_ocds, "{\"hello\": 1}").unwrap();
        at(home.path())
            .args(["crosscheck", "--gifts", &f("gifts.csv")])
            .args([
                "--suppliers",
                &not_ocds.display().to_string(),
                "--out",
                &out.display().to_string(),
            ])
            .assert()
            .code(1)
            .stderr(contains("is not an OCDS release or record package"));
        assert!(!out.exists());
    }

    #[test]
    fn recorded_evidence_verifies_until_a_register_changes_and_a_missing_one_is_only_noted() {
        let root = tempfile::tempdir().unwrap();
        let home = root.path();
        let assessment = started(home);
        let gifts = home.join("gifts.csv");
        std::fs::copy(fixture("crosscheck/gifts.csv"), &gifts).unwrap();
        let suppliers = home.join("awards.json");
        std::fs::copy(fixture("crosscheck/awards.json"), &suppliers).unwrap();
        at(home)
            .args(["crosscheck", "--gifts", &gifts.display().to_string()])
            .args(["--suppliers", &suppliers.display().to_string()])
            .args(["--record", &assessment.display().to_string()])
            .assert()
            .success()
            .stderr(contains("procurement.gifts_crossref"));
        let text = std::fs::read_to_string(&assessment).unwrap();
        assert!(text.contains("Cross-check on 2026-12-07"), "{text}");
        assert!(text.contains("assurance = \"evidenced\""), "{text}");
        // The interests item was not given a register, so it has no evidence.
        assert!(
            !text.contains("[answers.\"procurement.interests_crossref\"]"),
            "{text}"
        );
        at(home)
            .args(["verify", &assessment.display().to_string()])
            .assert()
            .success()
            .stdout(contains("2 files named by recorded cross-checks re-hashed"));
        std::fs::write(&gifts, "Offered by\nSomeone else\n").unwrap();
        at(home)
            .args(["verify", &assessment.display().to_string()])
            .assert()
            .code(1)
            .stdout(contains("gifts.csv has changed"));
        std::fs::remove_file(&gifts).unwrap();
        at(home)
            .args(["verify", &assessment.display().to_string()])
            .assert()
            .success()
            .stdout(contains("gifts.csv (a cross-check's evidence on procurement.gifts_crossref) is not where it was recorded"));
    }

    #[test]
    fn nothing_is_recorded_when_the_review_list_could_not_be_written() {
        let root = tempfile::tempdir().unwrap();
        let home = root.path();
        let assessment = started(home);
        let before = std::fs::read_to_string(&assessment).unwrap();
        let out = home.join("review.md");
        std::fs::write(&out, "keep me").unwrap();
        at(home)
            .args([
                "crosscheck",
                "--gifts",
                &f("gifts.csv"),
                "--suppliers",
                &f("awards.json"),
            ])
            .args(["--record", &assessment.display().to_string()])
            .args(["--out", &out.display().to_string()])
            .assert()
            .code(1)
            .stderr(contains("already exists"));
        assert_eq!(std::fs::read_to_string(&assessment).unwrap(), before);
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");
    }

    #[test]
    fn a_column_named_wrongly_is_a_usage_error() {
        let home = tempfile::tempdir().unwrap();
        at(home.path())
            .args([
                "crosscheck",
                "--gifts",
                &f("gifts.csv"),
                "--suppliers",
                &f("awards.json"),
            ])
            .args(["--columns", "colour=Red"])
            .assert()
            .code(2)
            .stderr(contains("KIND=HEADER"));
    }

    #[test]
    fn a_csv_with_a_byte_order_mark_reads_its_first_header_and_formulas_stay_inert() {
        let home = tempfile::tempdir().unwrap();
        let gifts = home.path().join("gifts.csv");
        std::fs::write(
            &gifts,
            "\u{feff}Donor,Recipient\n=Zentrix Forensic Ltd,PC One\n",
        )
        .unwrap();
        let out = home.path().join("review.csv");
        at(home.path())
            .args(["crosscheck", "--gifts", &gifts.display().to_string()])
            .args(["--suppliers", &f("awards.json"), "--format", "csv"])
            .args(["--out", &out.display().to_string()])
            .assert()
            .success();
        let text = std::fs::read_to_string(&out).unwrap();
        assert!(text.contains("'=Zentrix"), "{text}");
        let v = json(
            home.path(),
            &[
                "--gifts",
                &gifts.display().to_string(),
                "--suppliers",
                &f("awards.json"),
            ],
        );
        assert_eq!(
            v["inputs"][0]["read_as"],
            "CSV (UTF-8 with byte-order mark)"
        );
    }

    #[test]
    fn a_register_given_as_json_is_refused() {
        let home = tempfile::tempdir().unwrap();
        at(home.path())
            .args([
                "crosscheck",
                "--gifts",
                &f("awards.json"),
                "--suppliers",
                &f("awards.json"),
            ])
            .assert()
            .code(1)
            .stderr(contains("read from a CSV file or a workbook"));
    }

    /// The spend file saved by LibreOffice as OpenDocument and as Excel 97 (the same rows as
    /// spend.csv).
    #[test]
    fn ods_and_xls_supplier_files_read_as_workbooks() {
        let home = tempfile::tempdir().unwrap();
        for book in ["spend.ods", "spend.xls"] {
            let v = json(
                home.path(),
                &["--gifts", &f("gifts.csv"), "--suppliers", &f(book)],
            );
            assert_eq!(v["inputs"][1]["read_as"], "workbook", "{book}");
            assert_eq!(v["inputs"][1]["rows_read"], 3, "{book}");
            let m = v["matches"]
                .as_array()
                .unwrap()
                .iter()
                .find(|m| m["supplier"] == "BRIGHTWATER FLEET SERVICES LIMITED")
                .unwrap_or_else(|| panic!("{book}: {v}"));
            assert_eq!(m["basis"], "same_name");
            assert_eq!(m["award"]["date"], "2024-01-14", "{book}");
        }
    }
}
