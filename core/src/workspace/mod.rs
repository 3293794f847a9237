//! The use cases both front ends share: finding the assessments in a data folder, starting
//! one, opening it under its lock, changing and saving it with its history (answers, and the
//! assessor's override of an area's judgement), signing it off and reopening it, verifying it
//! against its history and seal, building the gap report, and writing any document to a file. The command line and the
//! terminal interface only turn input into these calls and show what comes back.

mod actor;
mod crosscheck;
mod export;
mod judge;
mod listing;
mod open;
mod report;
mod returns;
mod sealing;
mod sign;
mod start;
mod verify;

#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};

use jiff::civil::Date;

pub use actor::{AfterAnswer, ConfigError, system_user};
pub use crosscheck::{RecordError, Recorded, folder_of, recorded_name};
pub use export::{ExportError, Overwrite, export};
pub use judge::{JudgeError, JudgementEdit};
pub use listing::{Listed, Period, PreviousError, Summary};
pub use open::{Edit, OpenError, Opened, Outside, ReadOnly, Refused};
pub use report::{ReportChoices, ReportError};
pub use returns::{Imported, MakeError, Resolution, ResolveError};
pub use sign::{Blocker, ReopenError, SignError};
pub use start::{Start, StartError, Started, file_name};
pub use verify::{Problem, Verification, VerifyError, check, normalise_seal};

use crate::assessment::{self, Assessment, LoadError};
use crate::checklist::{Catalog, Checklist};
use crate::storage::{Dirs, Exposed, NoHome};

/// Where probity keeps its files, the checklists it can see, and the date it takes as today.
#[derive(Debug)]
pub struct Workspace {
    pub dirs: Dirs,
    pub catalog: Catalog,
    pub today: Date,
    /// Who changes are recorded as in the history; see [`Workspace::identify`].
    pub actor: String,
    /// Where an interface goes after an answer, as the user's config file sets it.
    pub after_answer: AfterAnswer,
    /// The data folder, when other users can reach into it and it was left so (see
    /// [`Dirs::keep_private`]); each front end warns once, with the fix.
    pub exposed: Option<Exposed>,
}

impl Workspace {
    /// The workspace for an explicit data folder, or the default one, acting as the
    /// operating-system user until [`Workspace::identify`] says otherwise.
    pub fn new(data_dir: Option<&Path>, today: Date) -> Result<Workspace, NoHome> {
        let dirs = Dirs::resolve(data_dir)?;
        let catalog = Catalog::discover(dirs.checklists.as_deref());
        let exposed = dirs.keep_private();
        Ok(Workspace {
            dirs,
            catalog,
            today,
            actor: system_user().unwrap_or_else(|| actor::UNKNOWN.into()),
            after_answer: AfterAnswer::default(),
            exposed,
        })
    }

    /// Reads an assessment and the checklist it names.
    pub fn load(&self, path: &Path) -> Result<(Assessment, Checklist), LoadError> {
        assessment::load(path, &self.catalog)
    }

    /// The file a user means by `name`: the path as given when it exists or names a folder,
    /// otherwise a file of that name in the data folder when one is there.
    pub fn locate(&self, name: &Path) -> PathBuf {
        let bare = name.components().count() == 1;
        let in_data = self.dirs.data.join(name);
        if bare && !name.exists() && in_data.is_file() {
            in_data
        } else {
            name.to_path_buf()
        }
    }
}
