//! The published schemas say what the loaders accept: every fixture, and every file probity
//! writes (new, carried forward, edited, signed off), validates against them with a third-party
//! JSON Schema validator, and what the loaders refuse, the schemas refuse too.

use std::path::{Path, PathBuf};

use jiff::civil::date;
use probity_core::answer::{Status, Value};
use probity_core::workspace::{Start, Workspace};

/// A TOML document as the JSON a schema validator reads: dates and times become the strings
/// they are written as, everything else maps across as it is.
fn to_json(value: toml::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match value {
        toml::Value::String(s) => J::String(s),
        toml::Value::Integer(i) => J::from(i),
        toml::Value::Float(f) => J::from(f),
        toml::Value::Boolean(b) => J::Bool(b),
        toml::Value::Datetime(d) => J::String(d.to_string()),
        toml::Value::Array(items) => J::Array(items.into_iter().map(to_json).collect()),
        toml::Value::Table(t) => J::Object(t.into_iter().map(|(k, v)| (k, to_json(v))).collect()),
    }
}

fn validator(schema: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(format!("schemas/{schema}")).unwrap();
    jsonschema::validator_for(&serde_json::from_str(&text).unwrap()).unwrap()
}

/// Every problem the schema finds in the TOML text.
fn errors(validator: &jsonschema::Validator, text: &str) -> Vec<String> {
    let json = to_json(toml::from_str::<toml::Value>(text).unwrap());
    validator
        .iter_errors(&json)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

fn toml_files(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    files
}

fn assert_valid(validator: &jsonschema::Validator, path: &Path) {
    let errors = errors(validator, &std::fs::read_to_string(path).unwrap());
    assert!(
        errors.is_empty(),
        "{}:\n{}",
        path.display(),
        errors.join("\n")
    );
}

#[test]
fn every_fixture_validates_against_its_schema() {
    let assessments = validator("assessment.schema.json");
    let checklists = validator("checklist.schema.json");
    for path in toml_files("tests/fixtures")
        .into_iter()
        .chain(toml_files("tests/fixtures/trend"))
    {
        assert_valid(&assessments, &path);
    }
    for path in toml_files("checklists")
        .into_iter()
        .chain(toml_files("tests/fixtures/checklists"))
    {
        assert_valid(&checklists, &path);
    }
}

#[test]
fn every_file_probity_writes_validates_against_the_assessment_schema() {
    let schema = validator("assessment.schema.json");
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::new(Some(dir.path()), date(2013, 6, 1)).unwrap();
    // A new, blank assessment.
    let blank = ws
        .start(&Start {
            force: Some("Dorset Police".into()),
            period: "2012".into(),
            assessor: Some("Head of Professional Standards".into()),
            ..Start::default()
        })
        .unwrap()
        .path;
    assert_valid(&schema, &blank);
    // Carried forward from last year, into the next checklist, with its unmappable answers.
    let fixture = dir.path().join("dorset-2012.toml");
    std::fs::copy("tests/fixtures/dorset-2012.toml", &fixture).unwrap();
    let carried = ws
        .start(&Start {
            period: "2013".into(),
            from: Some(fixture),
            ..Start::default()
        })
        .unwrap()
        .path;
    assert_valid(&schema, &carried);
    // Edited: every kind of value, a note, evidence, an owner, a due date, a flag; then signed.
    let mut opened = ws.open(&blank).unwrap();
    let values = [
        ("gifts.policy", Value::Status(Status::Yes)),
        ("business.applications", Value::Number(49.0)),
        ("ctx.period_start", Value::Date(date(2011, 9, 1))),
        ("ctx.force", Value::Text("Dorset Police".into())),
        (
            "media.social.monitoring",
            Value::Choice("staff_reports".into()),
        ),
    ];
    for (item, value) in values {
        opened
            .edit(item, |a| {
                a.value = Some(value);
                a.note = Some("A note\non two lines.".into());
                a.evidence = vec!["Policy 2012".into()];
                a.owner = Some("Head of Procurement".into());
                a.due = Some(date(2013, 3, 31));
                a.review = true;
            })
            .unwrap();
        opened.save().unwrap();
        assert_valid(&schema, &blank);
    }
    // Sign-off is refused while an answer is flagged for review: confirm them first.
    for (item, _) in opened.assessment.answers.clone() {
        opened.edit(&item, |a| a.review = false).unwrap();
    }
    opened
        .sign("A. Signer", "Head of Professional Standards")
        .unwrap();
    assert_valid(&schema, &blank);
}

#[test]
fn what_the_loader_refuses_the_schema_refuses() {
    let schema = validator("assessment.schema.json");
    let head = "format = 1\nchecklist = \"wfof-2011\"\nforce = \"F\"\nperiod = \"2012\"\n";
    for (text, why) in [
        (
            format!("{head}[answers.\"gifts.policy\"]\nvalue = \"yes\"\ncomment = \"x\"\n"),
            "an unknown per-answer field",
        ),
        (
            format!("{head}colour = \"red\"\n"),
            "an unknown top-level field",
        ),
        (
            head.replace("format = 1", "format = 99"),
            "a format this build cannot read",
        ),
        (
            head.replace("format = 1", "format = 0"),
            "a format that never existed",
        ),
        (head.replace("force = \"F\"\n", ""), "no force"),
        (format!("{head}stage = \"signed\"\n"), "an unknown stage"),
    ] {
        assert!(
            !errors(&schema, &text).is_empty(),
            "the schema accepts {why}"
        );
    }
}
