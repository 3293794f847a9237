use jiff::Timestamp;

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

/// Who signed, as a seal covers them: their name, role and the time, to the second.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Signer<'a> {
    pub by: &'a str,
    pub role: &'a str,
    pub at: Timestamp,
}

/// The signer as a seal covers them: one line of JSON with the keys in this order,
/// `{"at":"2013-04-02T10:15:00Z","by":"A. Chief","role":"Deputy Chief Constable"}`, the time
/// in UTC to the second.
pub fn signer_line(signer: &Signer<'_>) -> String {
    let quoted = |s: &str| serde_json::Value::String(s.to_string()).to_string();
    let at = Timestamp::from_second(signer.at.as_second()).unwrap_or(signer.at);
    format!(
        "{{\"at\":{},\"by\":{},\"role\":{}}}",
        quoted(&at.to_string()),
        quoted(signer.by),
        quoted(signer.role)
    )
}

/// The seal: SHA-256, in hex, of the canonical content, followed directly by the hash of the
/// last history entry before the sign-off (64 hex digits; nothing when there is no history),
/// a newline and the [`signer_line`]. Changing who signed, their role or when breaks it.
pub fn seal(assessment: &Assessment, head: Option<&str>, signer: &Signer<'_>) -> String {
    let mut content = canonical(assessment);
    content.push_str(head.unwrap_or_default());
    content.push('\n');
    content.push_str(&signer_line(signer));
    sha256_hex(content.as_bytes())
}

/// The seal as probity made it before seals covered the signer: the canonical content and
/// the history hash only. `verify` still accepts such a seal for the content, and checks the
/// signer against the history's `signed` entry instead.
pub fn content_seal(assessment: &Assessment, head: Option<&str>) -> String {
    let mut content = canonical(assessment);
    content.push_str(head.unwrap_or_default());
    sha256_hex(content.as_bytes())
}
