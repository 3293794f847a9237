use std::path::{Path, PathBuf};

use jiff::civil::Date;

use super::Workspace;
use crate::assessment::{self, Answer, Assessment, LoadError, Unconfirmed};
use crate::checklist::Checklist;
use crate::scoring::{self, Evaluation};
use crate::storage::{self, Lock, LockError};

/// An assessment open for work: its answers, their evaluation and, unless another window has
/// it, its lock. Every change goes through [`Opened::edit`] and reaches the disk through
/// [`Opened::save`].
#[derive(Debug)]
pub struct Opened {
    pub path: PathBuf,
    pub checklist: Checklist,
    pub assessment: Assessment,
    /// Recomputed after every change.
    pub evaluation: Evaluation,
    /// Held while the file is open; `None` when another window has it (read-only).
    lock: Option<Lock>,
    today: Date,
}

/// Why an assessment could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error(transparent)]
    Load(LoadError),
    #[error(transparent)]
    Lock(LockError),
}

/// Why a change was not made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    #[error("the assessment is open in another probity window, so it is read-only here")]
    ReadOnly,
    #[error("the checklist has no item \"{0}\"")]
    NoSuchItem(String),
}

/// One change to one item's record: what it was and what it became.
#[derive(Debug, Clone, PartialEq)]
pub struct Edit {
    pub item: String,
    pub before: Answer,
    pub after: Answer,
}

/// Why an assessment could not be marked final.
#[derive(Debug, thiserror::Error)]
pub enum FinaliseError {
    #[error(transparent)]
    Refused(Refused),
    #[error(transparent)]
    Unconfirmed(Unconfirmed),
    #[error(transparent)]
    Save(storage::Error),
}

impl Workspace {
    /// Opens an assessment and takes its lock; if another window holds it, opens read-only.
    pub fn open(&self, path: &Path) -> Result<Opened, OpenError> {
        let (assessment, checklist) = self.load(path).map_err(OpenError::Load)?;
        let lock = match Lock::acquire(path) {
            Ok(lock) => Some(lock),
            Err(LockError::Held(_)) => None,
            Err(e) => return Err(OpenError::Lock(e)),
        };
        Ok(Opened::new(
            path.to_path_buf(),
            checklist,
            assessment,
            lock,
            self.today,
        ))
    }
}

impl Opened {
    /// An assessment in memory; `lock` is `None` for a read-only view.
    pub fn new(
        path: PathBuf,
        checklist: Checklist,
        assessment: Assessment,
        lock: Option<Lock>,
        today: Date,
    ) -> Opened {
        let evaluation = scoring::evaluate(&checklist, &assessment, today);
        Opened {
            path,
            checklist,
            assessment,
            evaluation,
            lock,
            today,
        }
    }

    /// True when another window holds the lock, so nothing here may change.
    pub fn read_only(&self) -> bool {
        self.lock.is_none()
    }

    /// The date this session takes as today.
    pub fn today(&self) -> Date {
        self.today
    }

    /// Changes one item's record in memory and re-scores. Returns the change, or `None` when
    /// it changed nothing. The caller saves.
    pub fn edit(
        &mut self,
        item: &str,
        change: impl FnOnce(&mut Answer),
    ) -> Result<Option<Edit>, Refused> {
        if self.read_only() {
            return Err(Refused::ReadOnly);
        }
        if self.checklist.item(item).is_none() {
            return Err(Refused::NoSuchItem(item.to_string()));
        }
        let before = self.assessment.answer(item).cloned().unwrap_or_default();
        let mut after = before.clone();
        change(&mut after);
        if after == before {
            return Ok(None);
        }
        self.put(item, &after);
        Ok(Some(Edit {
            item: item.to_string(),
            before,
            after,
        }))
    }

    /// Puts a record back as it was before `edit`; the reversal is itself a change.
    pub fn revert(&mut self, edit: &Edit) -> Result<Option<Edit>, Refused> {
        let before = edit.before.clone();
        self.edit(&edit.item, |a| *a = before)
    }

    fn put(&mut self, item: &str, answer: &Answer) {
        *self.assessment.answer_mut(item) = answer.clone();
        self.assessment.prune();
        self.evaluation = scoring::evaluate(&self.checklist, &self.assessment, self.today);
    }

    /// Writes the file atomically. A failure leaves the changes in memory, so the next save
    /// can try again.
    pub fn save(&self) -> Result<(), storage::Error> {
        assessment::save(&self.path, &self.assessment, &self.checklist)
    }

    /// Marks the assessment final and saves it. Refused while any carried answer is
    /// unconfirmed.
    pub fn finalise(&mut self) -> Result<(), FinaliseError> {
        if self.read_only() {
            return Err(FinaliseError::Refused(Refused::ReadOnly));
        }
        self.assessment
            .finalise()
            .map_err(FinaliseError::Unconfirmed)?;
        self.save().map_err(FinaliseError::Save)
    }
}
