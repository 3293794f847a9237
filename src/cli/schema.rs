use std::path::Path;

use super::{Outcome, fail};

/// The published schemas: file name and JSON text.
pub fn schemas() -> Vec<(&'static str, String)> {
    let settings = schemars::generate::SchemaSettings::draft07();
    let pretty =
        |s: schemars::Schema| serde_json::to_string_pretty(&s).expect("schemas serialise") + "\n";
    vec![
        (
            "checklist.schema.json",
            pretty(
                settings
                    .clone()
                    .into_generator()
                    .into_root_schema_for::<crate::checklist::ChecklistFile>(),
            ),
        ),
        (
            "assessment.schema.json",
            pretty(
                settings
                    .clone()
                    .into_generator()
                    .into_root_schema_for::<crate::assessment::AssessmentDoc>(),
            ),
        ),
        (
            "report.schema.json",
            pretty(
                settings
                    .into_generator()
                    .into_root_schema_for::<crate::report::Report>(),
            ),
        ),
    ]
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
