//! The JSON Schemas probity publishes for its file formats and JSON outputs, generated from
//! the types that read and write them so they cannot drift apart.

/// Every published schema: its file name and JSON text.
pub fn published() -> Vec<(&'static str, String)> {
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
            schema_of::<crate::progress::render::ComparisonJson>(),
        ),
        (
            "trend.schema.json",
            schema_of::<crate::progress::trend::Trend>(),
        ),
        (
            "summary.schema.json",
            schema_of::<crate::progress::summary::Summary>(),
        ),
        (
            "crosscheck.schema.json",
            schema_of::<crate::crosscheck::render::Review>(),
        ),
    ]
}

/// One type's schema as pretty JSON, in draft 7 for the widest tool support.
fn schema_of<T: schemars::JsonSchema>() -> String {
    let schema = schemars::generate::SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<T>();
    // A generated schema is plain JSON values, which always serialise.
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}
