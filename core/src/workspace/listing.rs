use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::Workspace;
use crate::assessment::Assessment;
use crate::report::Previous;
use crate::scoring;

/// One assessment file in the data folder.
#[derive(Debug)]
pub struct Listed {
    pub path: PathBuf,
    /// The file's name, as shown in a list.
    pub file: String,
    /// What the file holds, or why it could not be read (one line).
    pub summary: Result<Summary, String>,
    /// When the file was last saved.
    pub saved: Option<jiff::Timestamp>,
}

/// The facts a list of assessments shows about each one.
#[derive(Debug)]
pub struct Summary {
    pub force: String,
    pub period: String,
    pub checklist: String,
    /// Answered ÷ applicable, as a percentage.
    pub completeness: f64,
    /// Draft, FINAL (signed and its seal verifies), or marked final but not sealed.
    pub finality: crate::assessment::Finality,
}

impl Workspace {
    /// Every assessment in the data folder, most recently saved first. A folder that does not
    /// exist yet simply holds none.
    pub fn list(&self) -> Vec<Listed> {
        let mut found: Vec<(SystemTime, Listed)> = std::fs::read_dir(&self.dirs.data)
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file())
            .map(|path| {
                let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
                let listed = Listed {
                    summary: self.summarise(&path),
                    saved: modified.and_then(|m| jiff::Timestamp::try_from(m).ok()),
                    file: path
                        .file_name()
                        .map(|n| crate::text::shown_path(Path::new(n)))
                        .unwrap_or_default(),
                    path,
                };
                (modified.unwrap_or(SystemTime::UNIX_EPOCH), listed)
            })
            .collect();
        found.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.file.cmp(&b.1.file)));
        found.into_iter().map(|(_, l)| l).collect()
    }

    fn summarise(&self, path: &Path) -> Result<Summary, String> {
        let (a, c) = self
            .load(path)
            .map_err(|e| crate::text::first_line(&e.to_string()))?;
        let completeness = scoring::evaluate(&c, &a, self.today).completeness.percent();
        // The seal is checked only for a file marked final: a draft has none.
        let finality =
            crate::assessment::Finality::of(&a, a.is_final() && self.seal_verifies(path));
        Ok(Summary {
            finality,
            force: a.force,
            period: a.period,
            checklist: a.checklist,
            completeness,
        })
    }

    /// Every other period of `force` found in `folder` (not the file at `open`), oldest first,
    /// with its file and overall score: for a sparkline, and to move between periods. A folder
    /// that cannot be read gives none: this is a convenience, not a record. Only the force's
    /// own files are read in full.
    pub fn other_periods(&self, folder: &Path, force: &str, open: &Path) -> Vec<Period> {
        let paths: Vec<PathBuf> = heads_in(folder)
            .into_iter()
            .filter(|(p, h)| p != open && h.force.eq_ignore_ascii_case(force))
            .map(|(p, _)| p)
            .collect();
        let batch = crate::progress::load_batch(&paths, &self.catalog, self.today, || {});
        let mut found: Vec<Period> = batch
            .loaded
            .into_iter()
            .filter(|l| l.assessment.force.eq_ignore_ascii_case(force))
            .map(|l| Period {
                period: l.assessment.period,
                path: l.path,
                score: l.evaluation.overall,
            })
            .collect();
        found.sort_by(|a, b| a.period.cmp(&b.period).then(a.path.cmp(&b.path)));
        found.dedup_by(|a, b| a.period == b.period);
        found
    }

    /// The same force's earlier assessment in the folder holding `path`: the period its answers
    /// were carried from when that file is there, otherwise the latest period before its own.
    /// Only the files' heads are read to choose; files that cannot be read are passed over:
    /// progress is measured against what can be. A bare file name is beside the others in
    /// the current folder, as a relative or absolute path to the same file is.
    pub fn previous_beside(&self, path: &Path, assessment: &Assessment) -> Option<Previous> {
        let path = std::path::absolute(path).ok()?;
        let folder = path.parent()?;
        let carried_from = assessment.carried_from.as_deref();
        let mut earlier: Vec<(PathBuf, crate::assessment::Head)> = heads_in(folder)
            .into_iter()
            .filter(|(_, h)| {
                h.force.eq_ignore_ascii_case(&assessment.force) && h.period < assessment.period
            })
            .collect();
        // Most wanted first: the period carried from, then the latest.
        let key = |(file, h): &(PathBuf, crate::assessment::Head)| {
            (
                Some(h.period.as_str()) == carried_from,
                h.period.clone(),
                file.clone(),
            )
        };
        earlier.sort_by_key(|e| std::cmp::Reverse(key(e)));
        earlier.into_iter().find_map(|(file, head)| {
            let (previous, checklist) = self.load(&file).ok()?;
            (previous.force == head.force && previous.period == head.period).then_some(Previous {
                assessment: previous,
                checklist,
            })
        })
    }
}

/// Why an assessment named as the earlier one cannot be measured against.
#[derive(Debug, thiserror::Error)]
pub enum PreviousError {
    #[error(transparent)]
    Load(crate::assessment::LoadError),
    #[error(
        "{file} is an assessment of {force}, not of {wanted}: progress is measured only against the same force"
    )]
    OtherForce {
        file: String,
        force: String,
        wanted: String,
    },
    #[error("{file} is for {period}, which is not earlier than {this}")]
    NotEarlier {
        file: String,
        period: String,
        this: String,
    },
}

impl Workspace {
    /// The earlier assessment named with `--previous`: it must be of the same force and an
    /// earlier period, as only then can a verdict speak of progress.
    pub fn previous_named(
        &self,
        file: &Path,
        assessment: &Assessment,
    ) -> Result<Previous, PreviousError> {
        let (previous, checklist) = self.load(file).map_err(PreviousError::Load)?;
        let name = file.display().to_string();
        if !previous.force.eq_ignore_ascii_case(&assessment.force) {
            return Err(PreviousError::OtherForce {
                file: name,
                force: previous.force,
                wanted: assessment.force.clone(),
            });
        }
        if previous.period >= assessment.period {
            return Err(PreviousError::NotEarlier {
                file: name,
                period: previous.period,
                this: assessment.period.clone(),
            });
        }
        Ok(Previous {
            assessment: previous,
            checklist,
        })
    }
}

/// The assessments in `folder` whose heads read, with their heads.
fn heads_in(folder: &Path) -> Vec<(PathBuf, crate::assessment::Head)> {
    crate::progress::expand(&[folder.to_path_buf()])
        .unwrap_or_default()
        .into_iter()
        .filter_map(|p| crate::assessment::head(&p).map(|h| (p, h)))
        .collect()
}

/// Another period of the same force, beside an open assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct Period {
    pub period: String,
    pub path: PathBuf,
    /// Its overall score, if anything is scored.
    pub score: Option<f64>,
}
