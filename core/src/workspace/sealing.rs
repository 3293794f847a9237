//! What a sign-off seals, in words: shown before anyone confirms it, by both front ends.

use super::Opened;
use crate::report::AssuranceMix;

impl Opened {
    /// What signing now would seal: the questions answered and not, the score and whether it
    /// is provisional, the open findings, and how the answers are assured.
    pub fn sealing(&self) -> Vec<String> {
        let e = &self.evaluation;
        let c = e.completeness;
        let score = match e.overall {
            None => "No score: no scored question is answered.".to_string(),
            Some(s) if e.basis.provisional() => format!(
                "Score {s:.0}, provisional: it rests on fewer than half the scored questions."
            ),
            Some(s) => format!("Score {s:.0}."),
        };
        let (high, medium, low) = e.counts();
        let mix = AssuranceMix::over(&self.checklist, &self.assessment, e);
        vec![
            format!(
                "Answered: {} of the {} questions that apply ({} unanswered).",
                c.answered,
                c.applicable,
                c.applicable.saturating_sub(c.answered)
            ),
            score,
            format!("Open findings: {high} high, {medium} medium, {low} low."),
            format!("Assurance: {}.", mix.words()),
        ]
    }
}
