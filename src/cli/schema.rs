use std::path::Path;

use super::{Outcome, fail};

/// The published schemas: file name and JSON text.
pub fn schemas() -> Vec<(&'static str, String)> {
    vec![
        (
            "checklist.schema.json",
            schema_of::<crate::checklist::ChecklistFile>(),
        ),
        (
            "assessment.schema.json",
            schema_of::<crate::assessment::AssessmentDoc>(),
        ),
        ("report.schema.json", schema_of::<crate::report::Report>()),
        (
            "comparison.schema.json",
            schema_of::<crate::progress::compare::Comparison>(),
        ),
        (
            "trend.schema.json",
            schema_of::<crate::progress::trend::Trend>(),
        ),
        (
            "summary.schema.json",
            schema_of::<crate::progress::summary::Summary>(),
        ),
    ]
}

/// One type's schema as pretty JSON, in draft 7 for the widest tool support.
fn schema_of<T: schemars::JsonSchema>() -> String {
    let schema = schemars::generate::SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<T>();
    serde_json::to_string_pretty(&schema).expect("schemas serialise") + "\n"
}

pub fn run(out: &Path) -> Outcome {
    if let Err(e) = crate::storage::ensure_private_dir(out) {
        return fail(&e);
    }
    for (name, text) in schemas() {
        if let Err(e) = crate::storage::write_atomic(&out.join(name), text.as_bytes()) {
            return fail(&e);
        }
        println!("Wrote {}", out.join(name).display());
    }
    Outcome::Ok
}
