use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use jiff::Timestamp;
use jiff::civil::Date;

use super::Workspace;
use crate::answer::{Status, Value};
use crate::assessment::{self, Answer, Assessment, LoadError};
use crate::checklist::Checklist;
use crate::history::{self, Cause, Draft, Event, History, State};
use crate::scoring::{self, Evaluation};
use crate::storage::{self, Lock, LockError};

/// An assessment open for work: its answers, their evaluation, its history and, unless
/// another window has it, its lock. Every change goes through [`Opened::edit`] and reaches the
/// disk through [`Opened::save`], which records it in the history first.
#[derive(Debug)]
pub struct Opened {
    pub path: PathBuf,
    pub checklist: Checklist,
    pub assessment: Assessment,
    /// Recomputed after every change.
    pub evaluation: Evaluation,
    /// Who changes made here are recorded as, unless an edit names someone else.
    pub actor: String,
    /// What opening found and recorded: changes made outside probity since the last recorded
    /// state, and changes recorded but never written because probity stopped.
    pub found: Vec<Draft>,
    /// Held while the file is open; otherwise why the file is read-only.
    lock: Result<Lock, ReadOnly>,
    today: Date,
    pub(super) history: History,
    /// History entries for the changes made since the last save.
    pending: Vec<Draft>,
    /// The file's [`assessment::fingerprint`] as this session last read or wrote it: a save
    /// that finds another, merges what changed outside first (see [`Opened::save`]).
    disk: Option<String>,
    /// What the last save found changed outside probity since the file was read, and how it
    /// was merged; a front end takes it to tell the user.
    pub outside: Option<Outside>,
}

/// What a save found another writer had changed in the file since this session read it. Those
/// changes are recorded in the history (cause "outside") and kept; the changes made here go on
/// top, except where the same item (or area's judgement) was changed there too.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Outside {
    /// The outside changes, field by field, as the history records them.
    pub changes: Vec<Draft>,
    /// Changes made here to a record the outside change also changed: not saved, so the other
    /// writer's version stands until the user chooses. `before` is the record as the file now
    /// has it, `after` as it was made here; [`Opened::edit`] with `after` keeps it.
    pub held_back: Vec<Edit>,
}

/// Why an assessment could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error(transparent)]
    Load(LoadError),
    #[error(transparent)]
    Lock(LockError),
    /// The history could not be read, or what was found on opening could not be recorded.
    #[error(transparent)]
    History(storage::Error),
}

/// Why a change was not made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    #[error(transparent)]
    ReadOnly(ReadOnly),
    #[error("the assessment is signed off and final, so it cannot be changed; reopen it first")]
    Final,
    #[error("the checklist has no item \"{0}\"")]
    NoSuchItem(String),
    /// The change would leave an item answered "not applicable" where its checklist does not
    /// allow it (the file could not be read back).
    #[error(
        "\u{201c}{0}\u{201d} cannot be not applicable here: the checklist applies it to every force, or only in circumstances the other answers do not show; answer yes, partly or no"
    )]
    NaNotAllowed(String),
    /// A field longer than probity keeps (see [`assessment::limits`]).
    #[error(transparent)]
    TooLong(#[from] assessment::limits::TooLong),
}

/// Why an assessment is open only to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ReadOnly {
    #[error("the assessment is open in another probity window, so it is read-only here")]
    OpenElsewhere,
    /// Its folder or mount cannot be written, so no save could succeed.
    #[error("the assessment's folder cannot be written to, so it is read-only here")]
    FolderNotWritable,
}

/// One change to one item's record: what it was and what it became.
#[derive(Debug, Clone, PartialEq)]
pub struct Edit {
    pub item: String,
    pub before: Answer,
    pub after: Answer,
}

impl Workspace {
    /// Opens an assessment and takes its lock. If another window holds the lock, or the
    /// folder cannot be written so no lock can be taken, it opens read-only.
    /// The lock is taken before anything is read, so what is read is what the last save left,
    /// and no save can start until this one lets go. With the lock, whatever changed since the
    /// history last recorded the file is recorded now (see [`Opened::found`]).
    pub fn open(&self, path: &Path) -> Result<Opened, OpenError> {
        self.open_locked(path, Lock::acquire)
    }

    /// As [`Workspace::open`], but if another copy of probity holds the lock it waits up to
    /// `patience` for it to let go, telling `waiting` once who holds it (when that can be
    /// read). Only after that does it open read-only. For commands, which do one change and
    /// let go, so two of them take turns instead of one being refused.
    pub fn open_waiting(
        &self,
        path: &Path,
        patience: Duration,
        waiting: impl FnOnce(Option<String>),
    ) -> Result<Opened, OpenError> {
        self.open_locked(path, |path| Lock::wait(path, patience, waiting))
    }

    fn open_locked(
        &self,
        path: &Path,
        take: impl FnOnce(&Path) -> Result<Lock, LockError>,
    ) -> Result<Opened, OpenError> {
        // What is not a regular file is read first, so a missing or wrong path gets its own
        // message and no lock file is left beside something that is not an assessment.
        if !std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file()) {
            self.load(path).map_err(OpenError::Load)?;
        }
        let lock_was_there = std::fs::symlink_metadata(Lock::path_for(path)).is_ok();
        let lock = match take(path) {
            Ok(lock) => {
                lock.describe_holder(&format!("{} (process {})", self.actor, std::process::id()));
                // With the lock held no save of this file is under way, so any temporary file
                // named for it is what a killed save left behind.
                storage::remove_stale_temporaries(path);
                Ok(lock)
            }
            Err(LockError::Held(_)) => Err(ReadOnly::OpenElsewhere),
            Err(LockError::NotWritable { .. }) => Err(ReadOnly::FolderNotWritable),
            Err(e) => return Err(OpenError::Lock(e)),
        };
        // Read only now: a copy read before the lock could be older than a save finishing
        // meanwhile, and writing it back would lose that save.
        let (assessment, checklist) = match self.load(path) {
            Ok(loaded) => loaded,
            Err(e) => {
                // A file that cannot be read is left with its folder as it was: no lock file
                // of this opening's making stays beside it.
                if let Ok(lock) = lock
                    && !lock_was_there
                {
                    let _ = std::fs::remove_file(lock.path());
                }
                return Err(OpenError::Load(e));
            }
        };
        let history = History::load(&history::path_for(path)).map_err(OpenError::History)?;
        let evaluation = scoring::evaluate(
            &checklist,
            &assessment,
            as_at(&checklist, &assessment, self.today),
        );
        let mut opened = Opened {
            path: path.to_path_buf(),
            checklist,
            assessment,
            evaluation,
            actor: self.actor.clone(),
            found: Vec::new(),
            lock,
            today: self.today,
            history,
            pending: Vec::new(),
            disk: assessment::fingerprint(path).ok(),
            outside: None,
        };
        if !opened.read_only() {
            opened.reconcile().map_err(OpenError::History)?;
        }
        Ok(opened)
    }
}

/// The date the assessment is judged at, as a report on it is by default: the completion date
/// when recorded, else the end of a period already over, else today. Whether an action is
/// overdue, or a review recent enough, is judged then.
fn as_at(checklist: &Checklist, assessment: &Assessment, today: Date) -> Date {
    crate::document::recorded_as_at(checklist, assessment, today).map_or(today, |(d, _)| d)
}

impl Opened {
    /// The date the assessment is judged at: see [`as_at`].
    pub fn as_at(&self) -> Date {
        as_at(&self.checklist, &self.assessment, self.today)
    }

    /// True when nothing here may change: another window holds the lock, or the folder
    /// cannot be written.
    pub fn read_only(&self) -> bool {
        self.lock.is_err()
    }

    /// Lets go of the lock, leaving the assessment open only to read, for `why`.
    pub fn release(&mut self, why: ReadOnly) {
        self.lock = Err(why);
    }

    /// Why the assessment is read-only, if it is.
    pub fn read_only_because(&self) -> Option<ReadOnly> {
        self.lock.as_ref().err().copied()
    }

    /// The date this session takes as today.
    pub fn today(&self) -> Date {
        self.today
    }

    /// The history as recorded so far (changes not yet saved are not in it).
    pub fn history(&self) -> &History {
        &self.history
    }

    /// Why nothing may change here, if anything stops it.
    pub fn refusal(&self) -> Option<Refused> {
        if let Some(why) = self.read_only_because() {
            Some(Refused::ReadOnly(why))
        } else if self.assessment.is_final() {
            Some(Refused::Final)
        } else {
            None
        }
    }

    /// Changes one item's record in memory and re-scores, recording the change as made by
    /// this session's actor. Returns the change, or `None` when it changed nothing. The caller
    /// saves.
    pub fn edit(
        &mut self,
        item: &str,
        change: impl FnOnce(&mut Answer),
    ) -> Result<Option<Edit>, Refused> {
        let actor = self.actor.clone();
        self.edit_as(&actor, item, change)
    }

    /// As [`Opened::edit`], recording the change as made by `actor` (for imports that carry
    /// each change's author).
    pub fn edit_as(
        &mut self,
        actor: &str,
        item: &str,
        change: impl FnOnce(&mut Answer),
    ) -> Result<Option<Edit>, Refused> {
        self.record(actor, Cause::Edit, item, change)
    }

    /// As [`Opened::edit_as`], recording how the change came about.
    pub(super) fn record(
        &mut self,
        actor: &str,
        cause: Cause,
        item: &str,
        change: impl FnOnce(&mut Answer),
    ) -> Result<Option<Edit>, Refused> {
        if let Some(refused) = self.refusal() {
            return Err(refused);
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
        if let Some(refused) = self.na_refused(item, &after) {
            return Err(refused);
        }
        if cause == Cause::Returned {
            assessment::limits::name("contributor's name", actor)?;
        }
        assessment::limits::check_change(&before, &after)?;
        self.note_changes(actor, item, cause, history::changes(&before, &after));
        self.put(item, &after);
        Ok(Some(Edit {
            item: item.to_string(),
            before,
            after,
        }))
    }

    /// The refusal when `after` would leave an item answered "na" where the checklist does not
    /// allow it and it was allowed before: the item itself, or one whose `na_if` reads it.
    fn na_refused(&self, item: &str, after: &Answer) -> Option<Refused> {
        let disallowed = |changed: Option<&Answer>| -> Vec<String> {
            let value = |id: &str| match changed {
                Some(a) if id == item => a.value.as_ref(),
                _ => self.assessment.value(id),
            };
            // `na_if` conditions test no ages (the loader refuses them), so the date is not read.
            let answers = crate::condition::Answers::new(value, Date::MIN);
            self.checklist
                .items()
                .filter(|i| matches!(value(&i.id), Some(Value::Status(Status::Na))))
                .filter(|i| !i.allows_na(&answers))
                .map(|i| i.id.clone())
                .collect()
        };
        let was = disallowed(None);
        disallowed(Some(after))
            .into_iter()
            .find(|id| !was.contains(id))
            .map(|id| {
                let shown = self
                    .checklist
                    .item(&id)
                    .map_or(id.clone(), |i| i.short_label().to_string());
                Refused::NaNotAllowed(shown)
            })
    }

    /// Notes changed fields of one item's answer (or one area's judgement) as made now by
    /// `actor`, to be written to the history on the next save.
    pub(super) fn note_changes(
        &mut self,
        actor: &str,
        item: &str,
        cause: Cause,
        changes: Vec<(&'static str, serde_json::Value, serde_json::Value)>,
    ) {
        let at = Timestamp::now();
        self.pending
            .extend(changes.into_iter().map(|(field, before, after)| Draft {
                at,
                by: actor.to_string(),
                event: Event::Changed {
                    item: item.to_string(),
                    field: field.to_string(),
                    before,
                    after,
                    cause,
                },
            }));
    }

    /// Puts a record back as it was before `edit`; the reversal is itself a change.
    pub fn revert(&mut self, edit: &Edit) -> Result<Option<Edit>, Refused> {
        let before = edit.before.clone();
        self.edit(&edit.item, |a| *a = before)
    }

    /// Re-reads the file into a read-only view, as another window last saved it. The view
    /// stays read-only: taking over editing is opening it again once [`Opened::lock_free`].
    pub fn reload(&mut self, ws: &Workspace) -> Result<(), OpenError> {
        let (assessment, checklist) = ws.load(&self.path).map_err(OpenError::Load)?;
        let history = History::load(&history::path_for(&self.path)).map_err(OpenError::History)?;
        self.assessment = assessment;
        self.checklist = checklist;
        self.history = history;
        self.disk = assessment::fingerprint(&self.path).ok();
        self.rescore();
        Ok(())
    }

    /// For a view read-only because another window had the file: whether it has let it go.
    pub fn lock_free(&self) -> bool {
        self.read_only_because() == Some(ReadOnly::OpenElsewhere) && Lock::is_free(&self.path)
    }

    fn put(&mut self, item: &str, answer: &Answer) {
        *self.assessment.answer_mut(item) = answer.clone();
        self.assessment.prune();
        self.rescore();
    }

    pub(super) fn rescore(&mut self) {
        let at = as_at(&self.checklist, &self.assessment, self.today);
        self.evaluation = scoring::evaluate(&self.checklist, &self.assessment, at);
    }

    /// Records the changes made since the last save in the history, flushed to disk, then
    /// writes the file atomically. The history always leads: if probity stops between the two,
    /// the next open finds the change recorded but not written and records it as undone. A
    /// failure keeps what was not yet written, so the next save can try again.
    pub fn save(&mut self) -> Result<(), storage::Error> {
        if self.read_only() {
            return Ok(());
        }
        self.outside = None;
        self.merge_outside()?;
        // Refused before the history records anything: a file probity could not read back.
        if !self.pending.is_empty() {
            assessment::check_writable(&self.path, &self.assessment, &self.checklist)?;
        }
        self.history.append(&self.pending)?;
        self.pending.clear();
        self.write()
    }

    /// As [`Opened::save`], for a command that makes its change and ends, with nobody to ask:
    /// a change held back because another writer changed the same record meanwhile (see
    /// [`Outside::held_back`]) is an error saying so, not a silent success. What the other
    /// writer changed is kept and recorded either way.
    pub fn save_or_refuse(&mut self) -> Result<(), storage::Error> {
        self.save()?;
        let Some(held) = self.outside.as_ref().filter(|o| !o.held_back.is_empty()) else {
            return Ok(());
        };
        let items: Vec<String> = held
            .held_back
            .iter()
            .map(|e| {
                self.checklist.item(&e.item).map_or_else(
                    || e.item.clone(),
                    |i| format!("\u{201c}{}\u{201d}", i.short_label()),
                )
            })
            .collect();
        Err(storage::Error::Unwritable {
            path: self.path.clone(),
            reason: format!(
                "{} was changed outside probity while this ran, so this change was not written over it (the other change is kept and recorded in the history); look at it, then run the command again",
                items.join(", ")
            ),
        })
    }

    /// Writes the file, pointing it at the last history entry.
    pub(super) fn write(&mut self) -> Result<(), storage::Error> {
        self.assessment.recorded = self.history.head().map(str::to_string);
        assessment::save(&self.path, &self.assessment, &self.checklist)?;
        self.disk = assessment::fingerprint(&self.path).ok();
        Ok(())
    }

    /// Before a save: if another writer changed the file since this session read or wrote it
    /// (a text editor, a script, anything that ignores the lock), reads it again, records what
    /// it changed in the history as changed outside probity, and puts the changes made here on
    /// top of it. A change here to a record the other writer also changed is held back (see
    /// [`Outside::held_back`]): the other writer's version is never overwritten unasked. A file
    /// the other writer left unreadable is not written over at all.
    fn merge_outside(&mut self) -> Result<(), storage::Error> {
        let Some(known) = self.disk.clone() else {
            return Ok(());
        };
        let Ok((text, now)) = assessment::read_fingerprinted(&self.path) else {
            // Gone or unreadable as a file: the save that follows says so or writes it anew.
            return Ok(());
        };
        if now == known {
            return Ok(());
        }
        let name = self.path.display().to_string();
        let theirs = assessment::load_str(&name, &text, &self.checklist).map_err(|e| {
            storage::Error::Unwritable {
                path: self.path.clone(),
                reason: format!(
                    "it was changed outside probity while open here and can no longer be read, so it was not written over (fix the file, then change anything again to save): {e}"
                ),
            }
        })?;
        let recorded = State::replay(self.history.entries());
        let found = State::of(&theirs);
        // Found now, but made before the changes waiting here: recorded ahead of them in time
        // as in order.
        let at = self
            .pending
            .iter()
            .map(|d| d.at)
            .min()
            .unwrap_or_else(Timestamp::now);
        let changes: Vec<Draft> = recorded
            .differences(&found)
            .into_iter()
            .map(|d| Draft {
                at,
                by: self.actor.clone(),
                event: Event::Changed {
                    item: d.item,
                    field: d.field.to_string(),
                    before: d.recorded,
                    after: d.found,
                    cause: Cause::Outside,
                },
            })
            .collect();
        let touched: BTreeSet<&str> = changes
            .iter()
            .filter_map(|d| match &d.event {
                Event::Changed { item, .. } => Some(item.as_str()),
                _ => None,
            })
            .collect();
        let mut merged = theirs;
        let mut kept = Vec::new();
        let mut held_back: Vec<Edit> = Vec::new();
        for draft in std::mem::take(&mut self.pending) {
            let Event::Changed { item, field, .. } = &draft.event else {
                kept.push(draft);
                continue;
            };
            let judgement = history::JUDGEMENT_FIELDS.contains(&field.as_str());
            if touched.contains(item.as_str()) {
                if !judgement && !held_back.iter().any(|e| e.item == *item) {
                    held_back.push(Edit {
                        item: item.clone(),
                        before: merged.answer(item).cloned().unwrap_or_default(),
                        after: self.assessment.answer(item).cloned().unwrap_or_default(),
                    });
                }
                continue;
            }
            if judgement {
                match self.assessment.judgements.get(item) {
                    Some(j) => {
                        merged.judgements.insert(item.clone(), j.clone());
                    }
                    None => {
                        merged.judgements.remove(item);
                    }
                }
            } else if self.checklist.item(item).is_some() {
                *merged.answer_mut(item) =
                    self.assessment.answer(item).cloned().unwrap_or_default();
            }
            kept.push(draft);
        }
        merged.prune();
        self.pending = changes.iter().cloned().chain(kept).collect();
        self.assessment = merged;
        self.rescore();
        self.disk = Some(now);
        self.outside = Some(Outside { changes, held_back });
        Ok(())
    }

    /// Records whatever the file holds that its history does not: changes made by hand or by
    /// another tool (cause "outside"), and changes probity recorded but stopped before writing
    /// (cause "unsaved", told as undone). Only the history is written: opening never rewrites
    /// the file, so a command refused later leaves it byte for byte as it was.
    fn reconcile(&mut self) -> Result<(), storage::Error> {
        let recorded = State::replay(self.history.entries());
        let found = State::of(&self.assessment);
        // Changes made in probity after the entry the file says it reflects never reached it.
        let mut unsaved = BTreeSet::new();
        let mut unsaved_signing = false;
        if let Some(after) = self
            .assessment
            .recorded
            .as_deref()
            .and_then(|h| self.history.after(h))
        {
            for entry in after {
                match &entry.event {
                    // Made in probity, typed or from a return, and never written.
                    Event::Changed {
                        item,
                        field,
                        cause: Cause::Edit | Cause::Returned,
                        ..
                    } => {
                        unsaved.insert((item.clone(), field.clone()));
                    }
                    Event::Signed { .. } => unsaved_signing = true,
                    _ => {}
                }
            }
        }
        // The file reflects an entry the history no longer holds: it was deleted, cut short or
        // replaced. That is recorded as a break before anything found is.
        let lost = self
            .assessment
            .recorded
            .as_deref()
            .filter(|h| self.history.after(h).is_none())
            // Once: an opening that saved nothing leaves the file's pointer as it was.
            .filter(|h| {
                !self
                    .history
                    .entries()
                    .any(|e| matches!(&e.event, Event::Restarted { missing } if missing == h))
            })
            .map(str::to_string);
        let at = Timestamp::now();
        let draft = |event| Draft {
            at,
            by: self.actor.clone(),
            event,
        };
        let restarted = lost.map(|missing| draft(Event::Restarted { missing }));
        // A file without a history is adopted as it stands, in one entry: its answers were
        // given before anything recorded them, by people and at times nobody can now say.
        if self.history.is_empty() {
            let (answers, judgements) = found.snapshot();
            let adopted = draft(Event::Adopted {
                hash: assessment::fingerprint(&self.path)?,
                answered: self
                    .assessment
                    .answers
                    .values()
                    .filter(|a| a.value.is_some())
                    .count(),
                answers,
                judgements,
                sealed: found.sealed.clone(),
            });
            let drafts: Vec<Draft> = restarted.into_iter().chain([adopted]).collect();
            self.history.append(&drafts)?;
            self.found = drafts;
            return Ok(());
        }
        let mut drafts: Vec<Draft> = restarted
            .into_iter()
            .chain(recorded.differences(&found).into_iter().map(|d| {
                let key = (d.item.clone(), d.field.to_string());
                draft(Event::Changed {
                    item: d.item,
                    field: d.field.to_string(),
                    before: d.recorded,
                    after: d.found,
                    cause: if unsaved.contains(&key) {
                        Cause::Unsaved
                    } else {
                        Cause::Outside
                    },
                })
            }))
            .collect();
        if recorded.sealed.is_some() && found.sealed.is_none() {
            drafts.push(draft(Event::Reopened {
                reason: if unsaved_signing {
                    "probity stopped before the signed file was written".into()
                } else {
                    "the signature was removed outside probity".into()
                },
            }));
        }
        self.history.append(&drafts)?;
        self.found = drafts;
        Ok(())
    }
}
