//! What the report says about how far answers are assured and who signed the assessment off.

use serde::Serialize;

use super::{AnswerRow, Report};
pub use crate::assessment::sign_off::SignOff;
use crate::assessment::{Assessment, Level};
use crate::checklist::{Area, Checklist};
use crate::scoring::Evaluation;

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
        crate::assessment::sign_off::words(self.signature.as_ref(), self.stage, Some(self.finality))
    }
}
