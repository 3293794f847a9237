//! Where checklists come from: those built into the binary, the user's own in the config
//! directory, and any file named explicitly.

use std::path::{Path, PathBuf};

use super::{Checklist, load, load_str};
use crate::diagnostic::Invalid;

/// Checklists compiled into the binary, so probity works from any directory.
const BUILT_IN: &[(&str, &str)] = &[(
    "wfof-2011.toml",
    include_str!("../../../checklists/wfof-2011.toml"),
)];

/// Whether an assessment's `checklist` value names a file rather than a checklist id.
pub fn names_a_file(name: &str) -> bool {
    name.ends_with(".toml") || name.contains('/') || name.contains('\\')
}

/// Where a checklist was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    BuiltIn,
    File(PathBuf),
}

/// A checklist found in the catalog: loaded, or the problems that stopped it loading.
#[derive(Debug)]
pub struct ChecklistSource {
    pub origin: Origin,
    pub checklist: Result<Checklist, Invalid>,
}

/// Every checklist probity can see: built in first, then the user's directory.
#[derive(Debug)]
pub struct Catalog {
    pub entries: Vec<ChecklistSource>,
}

impl Catalog {
    /// Built-in checklists plus every `*.toml` in `user_dir`, if it exists.
    pub fn discover(user_dir: Option<&Path>) -> Catalog {
        let mut entries: Vec<ChecklistSource> = BUILT_IN
            .iter()
            .map(|(name, text)| ChecklistSource {
                origin: Origin::BuiltIn,
                checklist: load_str(&format!("(built in) {name}"), text),
            })
            .collect();
        if let Some(dir) = user_dir
            && let Ok(read) = std::fs::read_dir(dir)
        {
            let mut paths: Vec<PathBuf> = read
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                .collect();
            paths.sort();
            entries.extend(paths.into_iter().map(|p| ChecklistSource {
                checklist: load(&p),
                origin: Origin::File(p),
            }));
        }
        Catalog { entries }
    }

    /// Finds a checklist by id, or loads it from a path when `name` looks like one.
    /// Built-in checklists win over a user's file with the same id.
    pub fn resolve(
        &self,
        name: &str,
        relative_to: Option<&Path>,
    ) -> Result<Checklist, ResolveError> {
        if names_a_file(name) {
            let path = match relative_to {
                Some(base) if Path::new(name).is_relative() => base.join(name),
                _ => PathBuf::from(name),
            };
            return load(&path).map_err(ResolveError::Invalid);
        }
        let mut broken = None;
        for entry in &self.entries {
            match &entry.checklist {
                Ok(c) if c.id == name => return Ok(c.clone()),
                Err(e) if broken.is_none() => broken = Some(e.clone()),
                _ => {}
            }
        }
        Err(ResolveError::NotFound {
            id: name.to_string(),
            known: self
                .entries
                .iter()
                .filter_map(|e| e.checklist.as_ref().ok().map(|c| c.id.clone()))
                .collect(),
            broken,
        })
    }

    /// The built-in checklist probity uses when none is named.
    pub fn default_id() -> &'static str {
        "wfof-2011"
    }
}

impl ResolveError {
    /// The error as a user should read it: a broken checklist with its located snippets.
    pub fn render(&self) -> String {
        match self {
            ResolveError::Invalid(inner) => inner.render(),
            other => format!(
                "error: {}\n",
                crate::text::escape_for_terminal(&other.to_string())
            ),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ResolveError {
    #[error("no checklist with id \"{id}\" (known: {})", known.join(", "))]
    NotFound {
        id: String,
        known: Vec<String>,
        broken: Option<Invalid>,
    },
    #[error(transparent)]
    Invalid(Invalid),
}
