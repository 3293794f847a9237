//! Year on year: carrying answers into a new period, comparing two periods, following one
//! force over several, and summarising many forces at once. Checklist versions are bridged by
//! the [`crosswalk`]. Everything here is pure core; the command line and the interface call it.

pub mod carry;
pub mod compare;
pub mod crosswalk;
mod narrative;
pub mod render;
pub mod summary;
#[cfg(test)]
mod tests;
pub mod trend;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::assessment::{self, Assessment};
use crate::checklist::{Catalog, Checklist, ResolveError};
use crate::diagnostic::Invalid;
use crate::scoring::{self, Evaluation};

/// Assessment files read together, for a summary or a trend.
#[derive(Debug, Default)]
pub struct Batch {
    /// Each distinct checklist the files use, loaded once.
    pub checklists: Vec<Checklist>,
    pub loaded: Vec<Loaded>,
    /// Files that could not be read, each with its problems; the rest are still used.
    pub bad: Vec<BadFile>,
}

#[derive(Debug)]
pub struct Loaded {
    pub path: PathBuf,
    /// Index into [`Batch::checklists`].
    pub checklist: usize,
    pub assessment: Assessment,
    pub evaluation: Evaluation,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct BadFile {
    pub path: String,
    /// One line per problem: `file:line:col: message`.
    pub problems: Vec<String>,
}

impl Batch {
    pub fn checklist(&self, loaded: &Loaded) -> &Checklist {
        &self.checklists[loaded.checklist]
    }
}

/// The assessment files named: files as given, folders as the `*.toml` files directly in them,
/// in name order.
pub fn expand(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let read = std::fs::read_dir(input).map_err(|e| {
                format!(
                    "cannot read the folder {}: {}",
                    input.display(),
                    crate::storage::describe(&e)
                )
            })?;
            let mut files: Vec<PathBuf> = read
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "toml"))
                .collect();
            files.sort();
            out.extend(files);
        } else {
            out.push(input.clone());
        }
    }
    Ok(out)
}

/// Reads and scores every file, calling `tick` after each. Checklists are resolved once per
/// name and folder, so a thousand files against one checklist load it once.
pub fn load_batch(paths: &[PathBuf], catalog: &Catalog, today: Date, tick: impl Fn()) -> Batch {
    let mut batch = Batch::default();
    let mut cache: HashMap<(Option<PathBuf>, String), Result<usize, String>> = HashMap::new();
    for path in paths {
        match load_one(path, catalog, &mut cache, &mut batch.checklists) {
            Ok((checklist, assessment)) => {
                let evaluation =
                    scoring::evaluate(&batch.checklists[checklist], &assessment, today);
                batch.loaded.push(Loaded {
                    path: path.clone(),
                    checklist,
                    assessment,
                    evaluation,
                });
            }
            Err(problems) => batch.bad.push(BadFile {
                path: path.display().to_string(),
                problems,
            }),
        }
        tick();
    }
    batch
}

fn load_one(
    path: &Path,
    catalog: &Catalog,
    cache: &mut HashMap<(Option<PathBuf>, String), Result<usize, String>>,
    checklists: &mut Vec<Checklist>,
) -> Result<(usize, Assessment), Vec<String>> {
    let name = path.display().to_string();
    let lines = |e: Invalid| e.problems.iter().map(|p| p.summary()).collect::<Vec<_>>();
    let text = crate::storage::read_capped(path, 8 * 1024 * 1024)
        .map_err(|e| vec![crate::text::sanitize_line(&e)])?;
    let parsed = assessment::parse(&name, &text).map_err(lines)?;
    let id = parsed.checklist().to_string();
    let is_path = id.ends_with(".toml") || id.contains('/') || id.contains('\\');
    let key = (
        is_path.then(|| path.parent().map(Path::to_path_buf).unwrap_or_default()),
        id.clone(),
    );
    let index = cache
        .entry(key)
        .or_insert_with(|| match catalog.resolve(&id, path.parent()) {
            Ok(c) => {
                checklists.push(c);
                Ok(checklists.len() - 1)
            }
            Err(ResolveError::Invalid(e)) => Err(e
                .problems
                .iter()
                .map(|p| p.summary())
                .collect::<Vec<_>>()
                .join("; ")),
            Err(e) => Err(crate::text::sanitize_line(&e.to_string())),
        })
        .clone()
        .map_err(|e| vec![format!("{name}: {e}")])?;
    let assessment = parsed.bind(&checklists[index]).map_err(lines)?;
    Ok((index, assessment))
}
