//! Year on year: carrying answers into a new period, comparing two periods, following one
//! force over several, and summarising many forces at once. Checklist versions are bridged by
//! the [`crosswalk`]. Everything here is pure core; the command line and the interface call it.

pub mod carry;
pub mod compare;
pub mod crosswalk;
pub mod render;
pub mod summary;
#[cfg(test)]
mod tests;
pub mod trend;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::assessment::{self, Assessment, LoadError};
use crate::checklist::{Catalog, Checklist, ResolveError};
use crate::diagnostic::Invalid;
use crate::scoring::{self, Evaluation};
use crate::storage;

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

#[derive(Debug, Clone, PartialEq, serde::Serialize, schemars::JsonSchema)]
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
pub fn expand(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, storage::Error> {
    let mut out = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let read = std::fs::read_dir(input)
                .map_err(|e| storage::Error::io(storage::Op::ReadFolder, input, e))?;
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

/// Where a checklist was named from: the folder (for a path) and the name.
type ChecklistKey = (Option<PathBuf>, String);

/// A checklist loaded once per key, or why it could not be.
type Cached = Result<usize, Unusable>;

/// Why the checklist a file names cannot be used, kept to be said of every file naming it.
#[derive(Debug, Clone)]
enum Unusable {
    /// The checklist has problems of its own, already located in it.
    Broken(String),
    /// It cannot be found or may not be read.
    Refused(Vec<String>),
}

/// Reads and scores every file, calling `tick` after each. The files are shared among the
/// machine's cores; checklists are resolved once per name and folder, so a thousand files
/// against one checklist load it once per core. The batch keeps the order the files were given.
pub fn load_batch(
    paths: &[PathBuf],
    catalog: &Catalog,
    today: Date,
    tick: impl Fn() + Sync,
) -> Batch {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = paths.len().div_ceil(workers).max(1);
    let parts: Vec<(Vec<ChecklistKey>, Batch)> = std::thread::scope(|scope| {
        let handles: Vec<_> = paths
            .chunks(chunk)
            .map(|part| scope.spawn(|| load_part(part, catalog, today, &tick)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    let mut batch = Batch::default();
    let mut keys: Vec<ChecklistKey> = Vec::new();
    for (part_keys, part) in parts {
        let mut local = Vec::new();
        for (key, checklist) in part_keys.into_iter().zip(part.checklists) {
            local.push(keys.iter().position(|k| *k == key).unwrap_or_else(|| {
                keys.push(key);
                batch.checklists.push(checklist);
                keys.len() - 1
            }));
        }
        batch.loaded.extend(part.loaded.into_iter().map(|l| Loaded {
            checklist: local[l.checklist],
            ..l
        }));
        batch.bad.extend(part.bad);
    }
    batch
}

/// One core's share of a batch, with the key of each checklist it loaded.
fn load_part(
    paths: &[PathBuf],
    catalog: &Catalog,
    today: Date,
    tick: &impl Fn(),
) -> (Vec<ChecklistKey>, Batch) {
    let mut batch = Batch::default();
    let mut cache: HashMap<ChecklistKey, Cached> = HashMap::new();
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
                path: crate::text::shown_path(path),
                problems,
            }),
        }
        tick();
    }
    let mut keys: Vec<(ChecklistKey, usize)> = cache
        .into_iter()
        .filter_map(|(k, v)| v.ok().map(|i| (k, i)))
        .collect();
    keys.sort_by_key(|(_, i)| *i);
    (keys.into_iter().map(|(k, _)| k).collect(), batch)
}

fn load_one(
    path: &Path,
    catalog: &Catalog,
    cache: &mut HashMap<ChecklistKey, Cached>,
    checklists: &mut Vec<Checklist>,
) -> Result<(usize, Assessment), Vec<String>> {
    let name = path.display().to_string();
    let lines = |e: Invalid| e.problems.iter().map(|p| p.summary()).collect::<Vec<_>>();
    let text = crate::storage::read_capped(path, 8 * 1024 * 1024)
        .map_err(|e| vec![crate::text::sanitize_line(&e.to_string())])?;
    let parsed = assessment::parse(&name, &text).map_err(lines)?;
    let id = parsed.checklist().to_string();
    let is_path = crate::checklist::names_a_file(&id);
    let key = (
        is_path.then(|| path.parent().map(Path::to_path_buf).unwrap_or_default()),
        id.clone(),
    );
    let index = cache
        .entry(key)
        .or_insert_with(|| match parsed.resolve(catalog, path) {
            Ok(c) => {
                checklists.push(c);
                Ok(checklists.len() - 1)
            }
            Err(LoadError::Checklist(_, ResolveError::Invalid(e))) => Err(Unusable::Broken(
                e.problems
                    .iter()
                    .map(|p| p.summary())
                    .collect::<Vec<_>>()
                    .join("; "),
            )),
            Err(LoadError::Invalid(e)) => Err(Unusable::Refused(
                e.problems.iter().map(|p| p.message.clone()).collect(),
            )),
            Err(LoadError::Checklist(_, other)) => Err(Unusable::Refused(vec![other.to_string()])),
        })
        .clone()
        .map_err(|e| match e {
            Unusable::Broken(problems) => vec![format!(
                "{}: its checklist cannot be used: {problems}",
                crate::text::sanitize_line(&name)
            )],
            // Said again at this file's own `checklist` line.
            Unusable::Refused(messages) => messages
                .into_iter()
                .map(|m| parsed.checklist_problem(m).summary())
                .collect(),
        })?;
    let assessment = parsed.bind(&checklists[index]).map_err(lines)?;
    Ok((index, assessment))
}
