//! Returns as use cases: making one for a contributor, importing filled ones (or previewing
//! what importing would do), and resolving the conflicts they leave.

use std::path::Path;

use super::{Edit, Opened, Overwrite, Refused, Workspace};
use crate::assessment::{Answer, Assessment, LoadError};
use crate::checklist::Checklist;
use crate::history::{Cause, Draft, Event, History};
use crate::returns::{self, Made, Plan, Request, ReturnError, Source};
use crate::scoring;
use crate::storage;

/// No return probity makes comes near this; a larger file is not read.
const MAX_RETURN_BYTES: usize = 32 * 1024 * 1024;

/// Why a return was not made.
#[derive(Debug, thiserror::Error)]
pub enum MakeError {
    #[error(transparent)]
    Load(LoadError),
    #[error(transparent)]
    Refused(#[from] Refused),
    #[error("a return must ask at least one question")]
    NothingAsked,
    #[error("the return could not be written: {0}")]
    Render(#[from] rust_xlsxwriter::XlsxError),
    #[error(transparent)]
    Storage(#[from] storage::Error),
}

/// Why a conflict was not resolved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ResolveError {
    #[error(transparent)]
    Refused(#[from] Refused),
    #[error("\"{0}\" has no answer from a return waiting to be resolved")]
    NoConflict(String),
}

/// How a conflict is resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    /// Take the answer the return gave, recorded as the contributor's.
    Take,
    /// Keep the answer held, and set the return's aside.
    Keep,
}

/// One return's part in an import: what it changes, or why nothing from it is used.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The workbook's file name.
    pub name: String,
    pub result: Result<Plan, ReturnError>,
}

impl Workspace {
    /// What importing `files` into an assessment would do, worked out on a copy: nothing is
    /// written, and the assessment need not be opened for change.
    /// Each workbook is checked against the returns `history` records as made.
    pub fn preview_import(
        &self,
        assessment: &Assessment,
        checklist: &Checklist,
        history: &History,
        files: &[impl AsRef<Path>],
    ) -> Vec<Imported> {
        let mut copy = assessment.clone();
        let mut target = Preview {
            assessment: &mut copy,
            checklist,
        };
        import_each(&mut target, &returns::made(history), files, self.today)
    }
}

impl Opened {
    /// Makes a return workbook asking `request.items` of one contributor, writes it to `out`
    /// (an existing file is replaced only when `overwrite` allows), and records in the history
    /// that it was made: its file name, its token (also written into the workbook), whom it is
    /// for and what it asks, which an import of it is checked against. Returns how many
    /// questions it asks. No answer changes; the file is only pointed at the new entry.
    pub fn make_return(
        &mut self,
        request: &Request,
        out: &Path,
        overwrite: Overwrite,
    ) -> Result<usize, MakeError> {
        if let Some(refused) = self.refusal() {
            return Err(refused.into());
        }
        let items: Vec<String> = self
            .checklist
            .items()
            .filter(|i| request.items.contains(&i.id))
            .map(|i| i.id.clone())
            .collect();
        if items.is_empty() {
            return Err(MakeError::NothingAsked);
        }
        let file = out.file_name().map_or_else(
            || out.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let token = returns::new_token(&format!("{}\n{file}\n{}", self.path.display(), request.to));
        let evaluation = scoring::evaluate(&self.checklist, &self.assessment, self.today());
        let bytes = returns::write(
            request,
            &Source {
                checklist: &self.checklist,
                assessment: &self.assessment,
                evaluation: &evaluation,
            },
            &token,
        )?;
        storage::write_new(out, &bytes, overwrite == Overwrite::Replace)?;
        let made = Draft {
            at: jiff::Timestamp::now(),
            by: self.actor.clone(),
            event: Event::ReturnMade {
                file,
                token,
                to: request.to.clone(),
                items: items.clone(),
            },
        };
        // A workbook the history does not record could never be imported: it is removed.
        if let Err(e) = self.history.append(&[made]) {
            let _ = std::fs::remove_file(out);
            return Err(e.into());
        }
        // The file is pointed at the history's new last entry; no answer in it changes.
        self.write()?;
        Ok(items.len())
    }

    /// Reads each return and applies what it changes: new answers recorded as given by its
    /// contributor, and conflicts kept beside the answers they differ from. A return with any
    /// error applies nothing; the others still apply, in order. The caller saves.
    pub fn import(&mut self, files: &[impl AsRef<Path>]) -> Result<Vec<Imported>, Refused> {
        if let Some(refused) = self.refusal() {
            return Err(refused);
        }
        let today = self.today();
        let made = returns::made(&self.history);
        Ok(import_each(self, &made, files, today))
    }

    /// Resolves a conflict: takes the return's answer (recorded as its contributor's, with the
    /// resolution as this session's actor's), or keeps the answer held. Returns the changes
    /// made, in order, so they can be undone. The caller saves.
    pub fn resolve(&mut self, item: &str, how: Resolution) -> Result<Vec<Edit>, ResolveError> {
        if let Some(refused) = self.refusal() {
            return Err(refused.into());
        }
        let Some(incoming) = self
            .assessment
            .answer(item)
            .and_then(|a| a.incoming.clone())
        else {
            return Err(ResolveError::NoConflict(item.to_string()));
        };
        let mut edits = Vec::new();
        if how == Resolution::Take {
            edits.extend(self.record(&incoming.from, Cause::Returned, item, |a| {
                incoming.apply_to(a)
            })?);
        }
        edits.extend(self.edit(item, |a| a.incoming = None)?);
        Ok(edits)
    }
}

/// Where an import's changes go: an opened assessment, or a copy in memory for a preview.
trait Target {
    fn assessment(&self) -> &Assessment;
    fn checklist(&self) -> &Checklist;
    fn take(&mut self, plan: &Plan) -> Result<(), Refused>;
}

impl Target for Opened {
    fn assessment(&self) -> &Assessment {
        &self.assessment
    }

    fn checklist(&self) -> &Checklist {
        &self.checklist
    }

    fn take(&mut self, plan: &Plan) -> Result<(), Refused> {
        // Every change is checked before any is made: a return is applied whole or not at all.
        within_limits(&self.assessment, plan)?;
        for change in &plan.changes {
            let after = change.after();
            self.record(
                &plan.from,
                Cause::Returned,
                &change.item,
                |a: &mut Answer| *a = after,
            )?;
        }
        Ok(())
    }
}

struct Preview<'a> {
    assessment: &'a mut Assessment,
    checklist: &'a Checklist,
}

impl Target for Preview<'_> {
    fn assessment(&self) -> &Assessment {
        self.assessment
    }

    fn checklist(&self) -> &Checklist {
        self.checklist
    }

    fn take(&mut self, plan: &Plan) -> Result<(), Refused> {
        // A dry run refuses what the import would: the same limits, checked the same way.
        within_limits(self.assessment, plan)?;
        plan.apply_to(self.assessment);
        Ok(())
    }
}

/// Reads, plans and takes each return in turn, so a later return sees what an earlier one did.
/// Refuses a return whose contributor's name or any field it gives is over its limit.
fn within_limits(assessment: &Assessment, plan: &Plan) -> Result<(), Refused> {
    crate::assessment::limits::name("contributor's name", &plan.from)?;
    for change in &plan.changes {
        let before = assessment.answer(&change.item).cloned().unwrap_or_default();
        crate::assessment::limits::check_change(&before, &change.after())?;
    }
    Ok(())
}

fn import_each(
    target: &mut impl Target,
    made: &[Made],
    files: &[impl AsRef<Path>],
    today: jiff::civil::Date,
) -> Vec<Imported> {
    files
        .iter()
        .map(|file| {
            let path = file.as_ref();
            let name = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            let result = one(target, made, path, &name, today);
            Imported { name, result }
        })
        .collect()
}

fn one(
    target: &mut impl Target,
    made: &[Made],
    path: &Path,
    name: &str,
    today: jiff::civil::Date,
) -> Result<Plan, ReturnError> {
    let bytes =
        storage::read_bytes(path, MAX_RETURN_BYTES).map_err(|e| ReturnError::Unreadable {
            name: name.to_string(),
            why: e.to_string(),
        })?;
    let received = returns::read(
        name,
        &bytes,
        target.assessment(),
        target.checklist(),
        made,
        today,
    )?;
    let plan = returns::plan(target.assessment(), target.checklist(), &received)
        .map_err(ReturnError::Cells)?;
    target.take(&plan).map_err(|e| ReturnError::NotApplied {
        name: name.to_string(),
        why: e.to_string(),
    })?;
    Ok(plan)
}
