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
    let parts = in_parts(paths, |part| {
        let mut reader = Reader::new(catalog);
        let mut batch = Batch::default();
        for path in part {
            match reader.read(path) {
                Ok((checklist, assessment)) => batch.loaded.push(Loaded {
                    path: path.clone(),
                    evaluation: scoring::evaluate(
                        &reader.loaded.lists[checklist],
                        &assessment,
                        today,
                    ),
                    checklist,
                    assessment,
                }),
                Err(bad) => batch.bad.push(bad),
            }
            tick();
        }
        (reader.into_checklists(), batch)
    });
    let mut batch = Batch::default();
    let mut checklists = Checklists::default();
    for (loaded, part) in parts {
        let place = checklists.absorb(loaded);
        batch.loaded.extend(part.loaded.into_iter().map(|l| Loaded {
            checklist: place[l.checklist],
            ..l
        }));
        batch.bad.extend(part.bad);
    }
    batch.checklists = checklists.lists;
    batch
}

/// Runs `work` over the files in one part per core, and gives back each part's result in the
/// order of the files.
pub(crate) fn in_parts<T: Send>(
    paths: &[PathBuf],
    work: impl Fn(&[PathBuf]) -> T + Sync,
) -> Vec<T> {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = paths.len().div_ceil(workers).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = paths
            .chunks(chunk)
            .map(|part| scope.spawn(|| work(part)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// The checklists several parts loaded, each once.
#[derive(Default)]
pub(crate) struct Checklists {
    keys: Vec<ChecklistKey>,
    pub(crate) lists: Vec<Checklist>,
}

impl Checklists {
    /// Takes in one part's checklists, and gives the place in this list of each of them.
    pub(crate) fn absorb(&mut self, part: Checklists) -> Vec<usize> {
        part.keys
            .into_iter()
            .zip(part.lists)
            .map(|(key, checklist)| {
                self.keys.iter().position(|k| *k == key).unwrap_or_else(|| {
                    self.keys.push(key);
                    self.lists.push(checklist);
                    self.keys.len() - 1
                })
            })
            .collect()
    }
}

/// Reads assessment files one after another, resolving each checklist they name once.
pub(crate) struct Reader<'a> {
    catalog: &'a Catalog,
    cache: HashMap<ChecklistKey, Cached>,
    pub(crate) loaded: Checklists,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(catalog: &'a Catalog) -> Self {
        Reader {
            catalog,
            cache: HashMap::new(),
            loaded: Checklists::default(),
        }
    }

    /// Reads and checks one file: the place of its checklist and its answers, or the file's
    /// problems, one line each.
    pub(crate) fn read(&mut self, path: &Path) -> Result<(usize, Assessment), BadFile> {
        load_one(path, self.catalog, &mut self.cache, &mut self.loaded).map_err(|problems| {
            BadFile {
                path: crate::text::shown_path(path),
                problems,
            }
        })
    }

    pub(crate) fn into_checklists(self) -> Checklists {
        self.loaded
    }
}

fn load_one(
    path: &Path,
    catalog: &Catalog,
    cache: &mut HashMap<ChecklistKey, Cached>,
    loaded: &mut Checklists,
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
    let pending = key.clone();
    let index = cache
        .entry(key)
        .or_insert_with(|| match parsed.resolve(catalog, path) {
            Ok(c) => {
                loaded.keys.push(pending);
                loaded.lists.push(c);
                Ok(loaded.lists.len() - 1)
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
    let assessment = parsed.bind(&loaded.lists[index]).map_err(lines)?;
    Ok((index, assessment))
}
