//! The gap report as one use case: the command line and the interface's export both build it
//! here, so the same file gives the same document from either, however it is named.

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use super::{Opened, PreviousError, Workspace};
use crate::assessment::{Assessment, Finality, LoadError};
use crate::checklist::Checklist;
use crate::report::{Options, Report, Style};

/// What the reader chose about a gap report; everything else follows from the file.
#[derive(Debug, Clone)]
pub struct ReportChoices {
    /// The protective marking printed on every page.
    pub marking: String,
    /// Leave out personal names and notes, for sharing outside the force.
    pub redact: bool,
    /// The date the report is as at, when the reader names one.
    pub as_at: Option<Date>,
    /// Graded judgements or revisit verdicts; by default the checklist's own style.
    pub style: Option<Style>,
    /// The same force's earlier assessment to measure progress against, when it is not the
    /// one found beside the file.
    pub previous: Option<PathBuf>,
}

impl ReportChoices {
    /// A report marked `marking`, with names left in and everything else as the file says.
    pub fn new(marking: &str) -> ReportChoices {
        ReportChoices {
            marking: marking.to_string(),
            redact: false,
            as_at: None,
            style: None,
            previous: None,
        }
    }
}

/// Why a gap report could not be built.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error(transparent)]
    Load(LoadError),
    #[error("checklist {checklist} defines no graded judgements; use the revisit style")]
    NoGrading { checklist: String },
    #[error(transparent)]
    Previous(PreviousError),
}

impl Workspace {
    /// The gap report on the assessment at `path`. Revisit verdicts are measured against the
    /// same force's earlier period: the one named in `choices`, else the one beside the file.
    /// A final file is shown as FINAL only when its seal verifies.
    pub fn report(&self, path: &Path, choices: &ReportChoices) -> Result<Report, ReportError> {
        let (assessment, checklist) = self.load(path).map_err(ReportError::Load)?;
        let sealed = self.seal_verifies(path);
        self.report_on(path, &checklist, &assessment, sealed, choices)
    }

    /// The gap report on an assessment already read from `path`.
    fn report_on(
        &self,
        path: &Path,
        checklist: &Checklist,
        assessment: &Assessment,
        seal_verified: bool,
        choices: &ReportChoices,
    ) -> Result<Report, ReportError> {
        if choices.style == Some(Style::Graded) && checklist.grading.is_none() {
            return Err(ReportError::NoGrading {
                checklist: checklist.id.clone(),
            });
        }
        let style = choices.style.unwrap_or(Style::of(checklist));
        let previous = match &choices.previous {
            Some(file) => Some(
                self.previous_named(file, assessment)
                    .map_err(ReportError::Previous)?,
            ),
            None => (style == Style::Revisit)
                .then(|| self.previous_beside(path, assessment))
                .flatten(),
        };
        let options = Options {
            redact: choices.redact,
            as_at: choices.as_at,
            style: choices.style,
            previous,
            seal_verified,
            ..Options::new(&choices.marking, self.today)
        };
        Ok(Report::new(checklist, assessment, &options))
    }
}

impl Opened {
    /// The gap report on the assessment as it stands here, with the changes made in this
    /// session, built as [`Workspace::report`] builds it from the file.
    pub fn report(&self, ws: &Workspace, choices: &ReportChoices) -> Result<Report, ReportError> {
        let sealed =
            super::check(&self.assessment, self.history(), None).finality == Finality::Sealed;
        ws.report_on(
            &self.path,
            &self.checklist,
            &self.assessment,
            sealed,
            choices,
        )
    }
}
