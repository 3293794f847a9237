//! What the report says about how far answers are assured and who signed the assessment off.

use jiff::civil::Date;
use serde::Serialize;

use super::{AnswerRow, Report};
use crate::assessment::{Assessment, Finality, Level, Signature};
use crate::checklist::{Area, Checklist};
use crate::scoring::Evaluation;

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
    /// The sign-off of a signed assessment, with the signer's name as the report may show it.
    pub(super) fn of(signature: &Signature, by: Option<String>) -> SignOff {
        SignOff {
            by: by.unwrap_or_default(),
            role: crate::text::sanitize_line(&signature.role),
            date: signature.at.to_zoned(jiff::tz::TimeZone::UTC).date(),
            seal: signature.seal.clone(),
            short_seal: signature.short_seal(),
        }
    }
}

/// How many of an area's answers are asserted, evidenced and verified.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct AssuranceMix {
    pub asserted: usize,
    pub evidenced: usize,
    pub verified: usize,
}

impl AssuranceMix {
    /// The mix over an area's answered, applicable items.
    pub(super) fn of(area: &Area, assessment: &Assessment, evaluation: &Evaluation) -> Self {
        let mut mix = AssuranceMix::default();
        for item in area.items.iter().filter(|i| evaluation.is_asked(&i.id)) {
            if let Some(a) = assessment.answer(&item.id).filter(|a| a.value.is_some()) {
                match a.assurance.level() {
                    Level::Asserted => mix.asserted += 1,
                    Level::Evidenced => mix.evidenced += 1,
                    Level::Verified => mix.verified += 1,
                }
            }
        }
        mix
    }

    /// The mix over the whole assessment.
    pub fn over(checklist: &Checklist, assessment: &Assessment, evaluation: &Evaluation) -> Self {
        checklist
            .areas
            .iter()
            .map(|a| Self::of(a, assessment, evaluation))
            .fold(Self::default(), |sum, m| AssuranceMix {
                asserted: sum.asserted + m.asserted,
                evidenced: sum.evidenced + m.evidenced,
                verified: sum.verified + m.verified,
            })
    }

    /// The mix in words, e.g. "3 asserted, 2 evidenced, 1 verified"; "none answered" when empty.
    pub fn words(&self) -> String {
        if *self == AssuranceMix::default() {
            return "none answered".into();
        }
        format!(
            "{} asserted, {} evidenced, {} verified",
            self.asserted, self.evidenced, self.verified
        )
    }
}

impl AnswerRow {
    /// The answer's assurance in words when it is more than asserted: "evidenced", "verified
    /// by Internal Audit on 2013-01-10".
    pub fn assurance_words(&self) -> Option<String> {
        match (self.assurance, &self.verified_by, self.verified_on) {
            (Level::Asserted, ..) => None,
            (Level::Verified, Some(by), Some(on)) => Some(format!("verified by {by} on {on}")),
            (level, ..) => Some(level.name().to_string()),
        }
    }
}

impl Report {
    /// The sign-off for a cover: signer, role, date and short seal, or DRAFT when unsigned.
    pub fn sign_off_line(&self) -> String {
        match (&self.signature, self.finality) {
            (Some(s), Finality::Sealed) => format!(
                "Signed off by {}, {}, on {}. Seal {}",
                s.by, s.role, s.date, s.short_seal
            ),
            (Some(s), _) => format!(
                "{} It names a sign-off by {}, {}, on {}, whose seal {} does not verify.",
                Finality::UNSEALED,
                s.by,
                s.role,
                s.date,
                s.short_seal
            ),
            (None, Finality::Draft) => "DRAFT: not signed off".into(),
            (None, _) => Finality::UNSEALED.into(),
        }
    }
}
