//! The sign-off as every document states it: who signed, in what role, when, and the short
//! seal; or that the assessment is a draft, or marked final without a seal that verifies.

use jiff::civil::Date;
use serde::Serialize;

use super::{Finality, Signature, Stage};
use crate::text::long_date;

/// The sign-off as a reader sees it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct SignOff {
    pub by: String,
    pub role: String,
    /// The day it was signed (UTC).
    pub date: Date,
    /// The full seal: SHA-256 of the canonical content and the history (docs/src/sign-off.md).
    pub seal: String,
    /// Its first sixteen hex digits, as printed on a cover, e.g. `a1b2-c3d4-e5f6-a7b8`.
    pub short_seal: String,
}

impl SignOff {
    /// The sign-off of a signed assessment, with the signer's name as the document may show it.
    pub fn of(signature: &Signature, by: Option<String>) -> SignOff {
        SignOff {
            by: by.unwrap_or_default(),
            role: crate::text::sanitize_line(&signature.role),
            date: signature.at.to_zoned(jiff::tz::TimeZone::UTC).date(),
            seal: signature.seal.clone(),
            short_seal: signature.short_seal(),
        }
    }
}

/// The sign-off in a sentence. `finality` is `None` when the seal was not checked for this
/// document, which then says so rather than calling the assessment final.
pub fn words(signature: Option<&SignOff>, stage: Stage, finality: Option<Finality>) -> String {
    let signed = |s: &SignOff| {
        format!(
            "signed off by {}, {}, on {}",
            s.by,
            s.role,
            long_date(s.date)
        )
    };
    match (signature, finality) {
        (Some(s), Some(Finality::Sealed)) => {
            format!("S{}. Seal {}", &signed(s)[1..], s.short_seal)
        }
        (Some(s), None) => format!(
            "S{}, with seal {}, not checked for this document (probity verify checks it).",
            &signed(s)[1..],
            s.short_seal
        ),
        (Some(s), Some(_)) => format!(
            "{} It names a sign-off by {}, {}, on {}, whose seal {} does not verify.",
            Finality::UNSEALED,
            s.by,
            s.role,
            long_date(s.date),
            s.short_seal
        ),
        (None, _) if stage == Stage::Draft => "DRAFT: not signed off".into(),
        (None, _) => Finality::UNSEALED.into(),
    }
}

/// The sign-off of an assessment whose seal is not checked for this document, with the
/// signer's name withheld under redaction.
pub fn unchecked(assessment: &super::Assessment, redact: bool) -> String {
    let signature = assessment.signature.as_ref().map(|s| {
        let by = crate::text::sanitize_line(&s.by);
        let by = if redact {
            crate::redaction::person(&by)
        } else {
            by
        };
        SignOff::of(s, Some(by))
    });
    words(signature.as_ref(), assessment.stage, None)
}
