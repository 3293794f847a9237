use crate::assessment::{Assessment, AssessmentDoc};
use crate::storage::sha256_hex;

/// The content a seal covers: the assessment as probity writes it, with its answers in
/// item-id order and without the `[signature]` table or the `recorded` line. Formatting,
/// comments and the order of a hand-written file do not change it; any change to a value does.
pub fn canonical(assessment: &Assessment) -> String {
    // Only an assessment that could not be saved fails to serialise, and then the save that
    // would store this seal is refused too, so the seal is never kept.
    AssessmentDoc::canonical(assessment)
        .to_toml()
        .unwrap_or_else(|e| e.to_string())
}

/// The seal: SHA-256, in hex, of the canonical content followed directly by the hash of the
/// last history entry before the sign-off (64 hex digits; nothing when there is no history).
pub fn seal(assessment: &Assessment, head: Option<&str>) -> String {
    let mut content = canonical(assessment);
    content.push_str(head.unwrap_or_default());
    sha256_hex(content.as_bytes())
}
