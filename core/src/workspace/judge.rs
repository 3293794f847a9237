//! Setting or clearing the assessor's override of an area's derived judgement, with the
//! rationale for it: checked as the file's `[judgements.AREA]` table is checked on loading,
//! recorded in the history like any change to an answer.

use super::{Opened, Refused};
use crate::assessment::Judgement;
use crate::checklist::Grade;
use crate::history::{self, Cause};
use crate::text;

/// Why an override was not set or cleared.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JudgeError {
    #[error(transparent)]
    Refused(#[from] Refused),
    #[error("checklist {0} defines no graded judgements, so no judgement can be overridden")]
    Ungraded(String),
    #[error("the checklist has no area \"{0}\"")]
    NoSuchArea(String),
    #[error("this area asks no scored questions, so it has no judgement to override")]
    NotGraded(String),
    #[error("\"{0}\" is not a grade; a grade is {grades}", grades = Grade::in_words())]
    NoSuchGrade(String),
    #[error("an override needs a rationale saying why the derived judgement is set aside")]
    NoRationale,
    /// A rationale longer than probity keeps (see [`crate::assessment::limits`]).
    #[error(transparent)]
    TooLong(#[from] crate::assessment::limits::TooLong),
}

/// One change to one area's judgement: what it was and what it became.
#[derive(Debug, Clone, PartialEq)]
pub struct JudgementEdit {
    pub area: String,
    pub before: Judgement,
    pub after: Judgement,
}

impl Opened {
    /// Overrides the derived judgement of `area` (its id) with `grade`, typed as words in any
    /// case ("requires improvement"), for the reason `rationale`. Returns the change, or
    /// `None` when the same override and rationale were already recorded. The caller saves.
    pub fn override_judgement(
        &mut self,
        area: &str,
        grade: &str,
        rationale: &str,
    ) -> Result<Option<JudgementEdit>, JudgeError> {
        self.judgeable(area)?;
        let grade =
            Grade::from_words(grade).ok_or_else(|| JudgeError::NoSuchGrade(grade.into()))?;
        let rationale = text::sanitize(rationale.trim()).into_owned();
        if rationale.is_empty() {
            return Err(JudgeError::NoRationale);
        }
        crate::assessment::limits::text("rationale for the judgement", &rationale)?;
        Ok(self.judge(area, |j| {
            j.grade = Some(grade);
            j.rationale = Some(rationale);
        }))
    }

    /// Takes the override of `area` (its id) and its rationale away, leaving the derived
    /// judgement to stand; any notable practice stays. `None` when there was no override.
    pub fn clear_override(&mut self, area: &str) -> Result<Option<JudgementEdit>, JudgeError> {
        self.judgeable(area)?;
        Ok(self.judge(area, |j| {
            j.grade = None;
            j.rationale = None;
        }))
    }

    /// Why the judgement of `area` cannot be changed, if anything stops it.
    fn judgeable(&self, area: &str) -> Result<(), JudgeError> {
        if let Some(refused) = self.refusal() {
            return Err(refused.into());
        }
        if self.checklist.grading.is_none() {
            return Err(JudgeError::Ungraded(self.checklist.id.clone()));
        }
        match self.checklist.area(area) {
            None => return Err(JudgeError::NoSuchArea(area.into())),
            Some(a) if !a.is_graded() => return Err(JudgeError::NotGraded(area.into())),
            Some(_) => {}
        }
        Ok(())
    }

    /// Changes one area's judgement in memory, records the change and re-scores.
    fn judge(&mut self, area: &str, change: impl FnOnce(&mut Judgement)) -> Option<JudgementEdit> {
        let before = self
            .assessment
            .judgements
            .get(area)
            .cloned()
            .unwrap_or_default();
        let mut after = before.clone();
        change(&mut after);
        if after == before {
            return None;
        }
        let actor = self.actor.clone();
        self.note_changes(
            &actor,
            area,
            Cause::Edit,
            history::judgement_changes(&before, &after),
        );
        if after.is_empty() {
            self.assessment.judgements.remove(area);
        } else {
            self.assessment
                .judgements
                .insert(area.into(), after.clone());
        }
        self.rescore();
        Some(JudgementEdit {
            area: area.into(),
            before,
            after,
        })
    }
}
