use std::path::PathBuf;

use super::Workspace;
use crate::answer::Value;
use crate::assessment::{self, Assessment, LoadError};
use crate::checklist::{Catalog, Checklist, ResolveError};
use crate::history::{self, Cause, Draft, Event, History, State};
use crate::progress::carry::{self, CarryReport};
use crate::storage::{self, Lock, LockError};
use crate::text::clean_name;

/// What to start: a blank assessment, or one carried forward from last period's file.
#[derive(Debug, Clone, Default)]
pub struct Start {
    /// The force; when carrying forward, empty or `None` keeps the previous file's force.
    pub force: Option<String>,
    pub period: String,
    /// A checklist id or path; by default the built-in one, or when carrying forward the
    /// previous file's checklist, or the newest that supersedes it and applies from this
    /// period (see [`carry::follow_on`]).
    pub checklist: Option<String>,
    /// Last period's assessment, to carry forward.
    pub from: Option<PathBuf>,
    pub assessor: Option<String>,
    /// Where to write the file; by default the data folder, named after force and period.
    pub out: Option<PathBuf>,
}

/// A new assessment on disk and, when it was carried forward, what was carried.
#[derive(Debug)]
pub struct Started {
    pub path: PathBuf,
    /// The carry-forward report; its briefing says what changed in the checklist.
    pub carried: Option<CarryReport>,
}

/// Why an assessment could not be started.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("the earlier assessment cannot be read: {0}")]
    Previous(#[source] LoadError),
    #[error(transparent)]
    Checklist(ResolveError),
    #[error("the {0} must not be empty")]
    Missing(&'static str),
    #[error("{} already exists", crate::text::shown_path(.0))]
    Exists(PathBuf),
    #[error(transparent)]
    Lock(LockError),
    #[error(transparent)]
    Storage(storage::Error),
}

impl Workspace {
    /// Creates the assessment file. An existing file is never replaced, and a start that fails
    /// leaves nothing behind.
    pub fn start(&self, request: &Start) -> Result<Started, StartError> {
        self.start_writing(request, |path, bytes| {
            storage::write_new(path, bytes, false)
        })
    }

    /// [`Workspace::start`], writing the file with `write` (a test makes it fail).
    pub(super) fn start_writing(
        &self,
        request: &Start,
        write: impl FnOnce(&std::path::Path, &[u8]) -> Result<(), storage::Error>,
    ) -> Result<Started, StartError> {
        let previous = match &request.from {
            Some(path) => Some(self.load(path).map_err(StartError::Previous)?),
            None => None,
        };
        let resolve = |name: &str| {
            self.catalog
                .resolve(name, None)
                .map_err(StartError::Checklist)
        };
        let period = clean_name(&request.period);
        let (checklist, why) = match (&request.checklist, &previous) {
            (Some(name), Some((_, before))) => {
                let after = resolve(name)?;
                let why = carry::chosen(before, &after, &period);
                (after, why)
            }
            (Some(name), None) => (resolve(name)?, None),
            (None, Some((_, before))) => {
                let f = carry::follow_on(&self.catalog, before, &period);
                (f.checklist, f.why)
            }
            (None, None) => (resolve(Catalog::default_id())?, None),
        };
        let (mut assessment, mut carried) = match &previous {
            Some((prev, before)) => {
                let mut c = carry::carry_forward(prev, before, &checklist, &period);
                c.report.checklist_choice = why;
                (c.assessment, Some(c.report))
            }
            None => (Assessment::new(&checklist, "", &period), None),
        };
        if let Some(force) = request.force.as_deref().map(clean_name)
            && (!force.is_empty() || previous.is_none())
        {
            assessment.force = force;
        }
        if assessment.force.is_empty() {
            return Err(StartError::Missing("force"));
        }
        if period.is_empty() {
            return Err(StartError::Missing("period"));
        }
        if let Some(a) = request
            .assessor
            .as_deref()
            .map(clean_name)
            .filter(|a| !a.is_empty())
        {
            assessment.assessor = Some(a);
        }
        let carried_state = assessment.clone();
        fill_context(
            &mut assessment,
            &checklist,
            previous.as_ref().map(|(p, _)| p),
        );
        // An answer filled in afresh (the earlier assessment's) is no longer one carried.
        if let Some(report) = carried.as_mut() {
            report.carried = assessment.unconfirmed().count();
        }
        let path = match &request.out {
            Some(p) => p.clone(),
            None => {
                storage::ensure_private_dir(&self.dirs.data).map_err(StartError::Storage)?;
                self.dirs.data.join(file_name(&assessment.force, &period))
            }
        };
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            storage::ensure_private_dir(parent).map_err(StartError::Storage)?;
        }
        let lock_path = Lock::path_for(&path);
        let lock_was_there = std::fs::symlink_metadata(&lock_path).is_ok();
        let lock = Lock::acquire(&path).map_err(StartError::Lock)?;
        let history_path = history::path_for(&path);
        let history_len = || {
            std::fs::symlink_metadata(&history_path)
                .ok()
                .filter(|m| m.is_file())
                .map(|m| m.len())
        };
        let history_was = history_len();
        let made = self.record_and_write(&path, &carried_state, &mut assessment, &checklist, write);
        if made.is_err() {
            // A failed start leaves nothing behind: no history of an assessment that does not
            // exist (a retry would record a second creation), and no lock file of its own.
            // Only a regular file this start added to is touched, never a link's target.
            match (history_was, history_len()) {
                (None, Some(_)) => {
                    let _ = std::fs::remove_file(&history_path);
                }
                (Some(len), Some(now)) if now != len => {
                    let _ = std::fs::OpenOptions::new()
                        .write(true)
                        .open(&history_path)
                        .and_then(|f| f.set_len(len));
                }
                _ => {}
            }
            if !lock_was_there {
                let _ = std::fs::remove_file(&lock_path);
            }
        }
        drop(lock);
        made?;
        Ok(Started { path, carried })
    }
}

impl Workspace {
    /// Under the lock: refuses a file already there, records the creation in the history,
    /// then writes the file with `write`.
    fn record_and_write(
        &self,
        path: &std::path::Path,
        carried_state: &Assessment,
        assessment: &mut Assessment,
        checklist: &Checklist,
        write: impl FnOnce(&std::path::Path, &[u8]) -> Result<(), storage::Error>,
    ) -> Result<(), StartError> {
        if std::fs::symlink_metadata(path).is_ok() {
            return Err(StartError::Exists(path.to_path_buf()));
        }
        let mut history = History::load(&history::path_for(path)).map_err(StartError::Storage)?;
        let mut entries = self.creation(carried_state);
        entries.extend(self.filled(carried_state, assessment));
        history.append(&entries).map_err(StartError::Storage)?;
        assessment.recorded = history.head().map(str::to_string);
        let text = assessment::to_toml(assessment, checklist).map_err(|e| {
            StartError::Storage(storage::Error::Unwritable {
                path: path.to_path_buf(),
                reason: e.to_string(),
            })
        })?;
        write(path, text.as_bytes()).map_err(|e| match e {
            storage::Error::Exists(path) => StartError::Exists(path),
            other => StartError::Storage(other),
        })
    }

    /// The history's first entries for a new assessment: its creation, then every field of
    /// every answer carried forward into it.
    fn creation(&self, assessment: &Assessment) -> Vec<Draft> {
        let at = jiff::Timestamp::now();
        let draft = |event| Draft {
            at,
            by: self.actor.clone(),
            event,
        };
        let created = draft(Event::Created {
            force: assessment.force.clone(),
            period: assessment.period.clone(),
            carried_from: assessment.carried_from.clone(),
            checklist: Some(assessment.checklist.clone()),
            assessor: assessment.assessor.clone(),
        });
        let carried = State::of(assessment)
            .answers
            .into_iter()
            .flat_map(|(item, fields)| {
                fields
                    .into_iter()
                    .map(move |(field, after)| Event::Changed {
                        item: item.clone(),
                        field: field.to_string(),
                        before: serde_json::Value::Null,
                        after,
                        cause: Cause::Carried,
                    })
            })
            .map(draft);
        std::iter::once(created).chain(carried).collect()
    }

    /// The history entries for the answers filled in from what the start was given: changes
    /// made in probity, over what was carried.
    fn filled(&self, carried: &Assessment, filled: &Assessment) -> Vec<Draft> {
        let at = jiff::Timestamp::now();
        filled
            .answers
            .iter()
            .flat_map(|(item, after)| {
                let before = carried.answer(item).cloned().unwrap_or_default();
                history::changes(&before, after)
                    .into_iter()
                    .map(|(field, before, after)| Draft {
                        at,
                        by: self.actor.clone(),
                        event: Event::Changed {
                            item: item.clone(),
                            field: field.to_string(),
                            before,
                            after,
                            cause: Cause::Edit,
                        },
                    })
                    .collect::<Vec<_>>()
            })
            .collect()
    }
}

/// Recorded for the earlier-assessment item of an assessment started blank: there is none to
/// compare with, so the question does not apply rather than waiting for an answer.
pub const NO_PREVIOUS: &str =
    "Not applicable: started blank, not carried forward from an earlier assessment.";

/// Answers the checklist's "about this assessment" items from what the start was given, so
/// nothing typed when starting is asked again: the force and assessor when not already
/// answered, and the earlier assessment (the period carried from, or not applicable).
fn fill_context(assessment: &mut Assessment, checklist: &Checklist, previous: Option<&Assessment>) {
    let context = &checklist.context;
    let text = |s: &str| Some(Value::Text(s.to_string()));
    let fills = [
        (&context.force, text(&assessment.force), false),
        (
            &context.assessor,
            assessment.assessor.as_deref().and_then(text),
            false,
        ),
        (
            &context.previous,
            match previous {
                Some(p) => text(&format!("{}, {}", p.force, p.period)),
                None => text(NO_PREVIOUS),
            },
            // Last period's answer names the period before it: replace it.
            true,
        ),
    ];
    for (item, value, replace) in fills {
        let (Some(item), Some(value)) = (item, value) else {
            continue;
        };
        let answer = assessment.answer_mut(item);
        if replace || answer.value.is_none() {
            answer.set_value(Some(value));
        }
    }
}

/// A file name from a force and period: "Dorset Police", "2012" → `dorset-police-2012.toml`.
pub fn file_name(force: &str, period: &str) -> String {
    let slug: String = format!("{force} {period}")
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let slug = slug
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    format!(
        "{}.toml",
        if slug.is_empty() { "assessment" } else { &slug }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starting_answers_the_about_items_with_what_it_was_given() {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::new(Some(dir.path()), jiff::civil::date(2012, 12, 1)).unwrap();
        let first = ws
            .start(&Start {
                force: Some("Dorset Police".into()),
                period: "2012".into(),
                assessor: Some("Head of PSD".into()),
                ..Start::default()
            })
            .unwrap();
        let (a, c) = ws.load(&first.path).unwrap();
        let text = |s: &str| Some(Value::Text(s.into()));
        let ctx = |id: &Option<String>| id.clone().unwrap();
        assert_eq!(
            a.value(&ctx(&c.context.force)).cloned(),
            text("Dorset Police")
        );
        assert_eq!(
            a.value(&ctx(&c.context.assessor)).cloned(),
            text("Head of PSD")
        );
        assert_eq!(
            a.value(&ctx(&c.context.previous)).cloned(),
            text(NO_PREVIOUS)
        );
        assert!(a.unconfirmed().next().is_none());

        let next = ws
            .start(&Start {
                period: "2013".into(),
                from: Some(first.path),
                ..Start::default()
            })
            .unwrap();
        let (b, _) = ws.load(&next.path).unwrap();
        let previous = b.answer(&ctx(&c.context.previous)).unwrap();
        assert_eq!(previous.value, text("Dorset Police, 2012"));
        assert!(!previous.carried, "probity knows it: nothing to confirm");
        assert!(b.answer(&ctx(&c.context.force)).unwrap().carried);
        assert_eq!(b.assessor.as_deref(), Some("Head of PSD"));
        let report = next.carried.unwrap();
        assert_eq!(
            report.carried,
            b.unconfirmed().count(),
            "the briefing counts what is to confirm"
        );
    }

    #[test]
    fn file_names_are_tidy() {
        assert_eq!(
            file_name("Dorset Police", "2012"),
            "dorset-police-2012.toml"
        );
        assert_eq!(
            file_name("Avon & Somerset", "2012/13"),
            "avon-somerset-2012-13.toml"
        );
        assert_eq!(file_name("", ""), "assessment.toml");
    }
}
