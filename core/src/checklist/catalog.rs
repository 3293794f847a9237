//! Where checklists come from: those built into the binary, the user's own in the config
//! directory, and any file named explicitly.

use std::path::{Path, PathBuf};

use std::sync::OnceLock;

use super::{Checklist, load_str};
use crate::diagnostic::Invalid;
use crate::storage;

/// Checklists compiled into the binary, so probity works from any directory: each file's
/// name, its TOML and its index (see [`super::index`]).
const BUILT_IN: &[(&str, &str, &str)] = &[
    (
        "wfof-2011.toml",
        include_str!("../../../checklists/wfof-2011.toml"),
        include_str!("../../index/wfof-2011.json"),
    ),
    (
        "integrity-2026.toml",
        include_str!("../../../checklists/integrity-2026.toml"),
        include_str!("../../index/integrity-2026.json"),
    ),
];

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

/// What a checklist says of itself before its areas: enough to list it and to follow the
/// versions that supersede one another, without reading the rest.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct Header {
    pub id: String,
    pub title: String,
    pub version: String,
    pub provenance: String,
    /// The checklist this one succeeds, when answers are carried across versions.
    #[serde(default)]
    pub supersedes: Option<String>,
    /// The first period it applies to, when it says.
    #[serde(default)]
    pub applies_from: Option<String>,
}

/// A checklist the catalog can see. Its header is read when the catalog is made; the whole
/// checklist is read and validated only when something first asks for it, once.
#[derive(Debug)]
pub struct ChecklistSource {
    pub origin: Origin,
    text: Result<Text, Invalid>,
    header: Result<Header, Invalid>,
    loaded: OnceLock<Result<Checklist, Invalid>>,
}

#[derive(Debug)]
enum Text {
    /// A built-in checklist's name, TOML and index.
    BuiltIn(&'static str, &'static str, &'static str),
    Read(String, String),
}

impl Text {
    fn name_and_text(&self) -> (String, &str) {
        match self {
            Text::BuiltIn(name, text, _) => (format!("(built in) {name}"), text),
            Text::Read(name, text) => (name.clone(), text),
        }
    }
}

impl ChecklistSource {
    fn new(origin: Origin, text: Result<Text, Invalid>) -> ChecklistSource {
        let loaded = OnceLock::new();
        let header = match &text {
            Ok(t) => {
                let (name, body) = t.name_and_text();
                crate::head::of::<Header>(body).ok_or(()).or_else(|()| {
                    // A header that does not read on its own: the whole file says why.
                    let full = load_str(&name, body);
                    let header = full.as_ref().map(Header::of).map_err(Clone::clone);
                    let _ = loaded.set(full);
                    header
                })
            }
            Err(e) => Err(e.clone()),
        };
        ChecklistSource {
            origin,
            text,
            header,
            loaded,
        }
    }

    /// The checklist's header, or why it could not be read.
    pub fn header(&self) -> Result<&Header, &Invalid> {
        self.header.as_ref()
    }

    /// The whole checklist, read and validated on first use.
    pub fn checklist(&self) -> Result<&Checklist, &Invalid> {
        self.loaded
            .get_or_init(|| {
                let text = self.text.as_ref().map_err(Clone::clone)?;
                if let Text::BuiltIn(_, body, json) = text
                    && let Some(indexed) = super::index::read(json, &super::load::fingerprint(body))
                {
                    return Ok(indexed);
                }
                let (name, body) = text.name_and_text();
                load_str(&name, body)
            })
            .as_ref()
    }
}

impl Header {
    fn of(c: &Checklist) -> Header {
        Header {
            id: c.id.clone(),
            title: c.title.clone(),
            version: c.version.clone(),
            provenance: c.provenance.clone(),
            supersedes: c.supersedes.clone(),
            applies_from: c.applies_from.clone(),
        }
    }
}

/// Every checklist probity can see: built in first, then the user's directory.
#[derive(Debug)]
pub struct Catalog {
    pub entries: Vec<ChecklistSource>,
    /// probity's checklist folders, where an assessment may name a checklist file by path.
    pub folders: Vec<PathBuf>,
}

impl Catalog {
    /// Built-in checklists plus every `*.toml` in `user_dir`, if it exists. Only their headers
    /// are read here.
    pub fn discover(user_dir: Option<&Path>) -> Catalog {
        let mut entries: Vec<ChecklistSource> = BUILT_IN
            .iter()
            .map(|&(name, text, json)| {
                ChecklistSource::new(Origin::BuiltIn, Ok(Text::BuiltIn(name, text, json)))
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
            entries.extend(paths.into_iter().map(|p| {
                let text = super::load::read(&p).map(|t| Text::Read(p.display().to_string(), t));
                ChecklistSource::new(Origin::File(p), text)
            }));
        }
        Catalog {
            entries,
            folders: user_dir.map(Path::to_path_buf).into_iter().collect(),
        }
    }

    /// Finds a checklist by id, or loads it from a path when `name` looks like one.
    /// Built-in checklists win over a user's file with the same id.
    ///
    /// `relative_to` is the folder of the file that names the checklist. A path from a file
    /// must lead to a regular file in that folder (or below it) or in one of probity's
    /// checklist folders; anything else is refused without being opened. `None` is for a path
    /// the user gave directly, on the command line or in a form.
    pub fn resolve(
        &self,
        name: &str,
        relative_to: Option<&Path>,
    ) -> Result<Checklist, ResolveError> {
        if names_a_file(name) {
            let path = match relative_to {
                Some(base) => self.contained(name, base)?,
                None => PathBuf::from(name),
            };
            return super::load(&path).map_err(ResolveError::Invalid);
        }
        let mut broken = None;
        for entry in &self.entries {
            match entry.header() {
                Ok(h) if h.id == name => {
                    return entry
                        .checklist()
                        .cloned()
                        .map_err(|e| ResolveError::Invalid(e.clone()));
                }
                Err(e) if broken.is_none() => broken = Some(e.clone()),
                _ => {}
            }
        }
        Err(ResolveError::NotFound {
            id: name.to_string(),
            known: self
                .entries
                .iter()
                .filter_map(|e| e.header().ok().map(|h| h.id.clone()))
                .collect(),
            broken,
        })
    }

    /// The file a checklist path in a file leads to, when it is a regular file inside the
    /// assessment's folder or a checklist folder. Checked by name first, then with every
    /// symlink followed, then by its type, all without opening it.
    fn contained(&self, name: &str, base: &Path) -> Result<PathBuf, ResolveError> {
        let base = if base.as_os_str().is_empty() {
            Path::new(".")
        } else {
            base
        };
        let path = base.join(name);
        let outside = || ResolveError::Outside {
            name: name.to_string(),
            folders: std::iter::once(base)
                .chain(self.folders.iter().map(PathBuf::as_path))
                .map(crate::text::shown_path)
                .collect(),
        };
        let roots = std::iter::once(base).chain(self.folders.iter().map(PathBuf::as_path));
        let within = |p: &Path, canonical: bool| {
            roots.clone().any(|root| {
                let root = if canonical {
                    root.canonicalize().ok()
                } else {
                    Some(lexical(root))
                };
                root.is_some_and(|r| p.starts_with(r))
            })
        };
        if !within(&lexical(&path), false) {
            return Err(outside());
        }
        let file = |e| ResolveError::File(name.to_string(), e);
        let real = path
            .canonicalize()
            .map_err(|e| file(storage::Error::io(storage::Op::Open, &path, e)))?;
        if !within(&real, true) {
            return Err(outside());
        }
        let meta = std::fs::metadata(&real)
            .map_err(|e| file(storage::Error::io(storage::Op::Open, &path, e)))?;
        storage::ensure_regular(&path, &meta).map_err(file)?;
        Ok(path)
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

/// A path made absolute, with `.` and `..` worked out from the names alone.
fn lexical(path: &Path) -> PathBuf {
    use std::path::Component;
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for part in absolute.components() {
        match part {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[derive(Debug, thiserror::Error)]
pub enum ResolveError {
    /// A path in a file that leads outside the folders a checklist may be read from.
    #[error(
        "the checklist \"{name}\" is outside the folders a checklist may be read from ({}); name it by id, or by a path inside one of them",
        folders.join(", ")
    )]
    Outside { name: String, folders: Vec<String> },
    /// The checklist file is missing, not a regular file, or cannot be read.
    #[error("the checklist \"{0}\" cannot be read: {1}")]
    File(String, #[source] storage::Error),
    #[error("no checklist with id \"{id}\" (known: {})", known.join(", "))]
    NotFound {
        id: String,
        known: Vec<String>,
        broken: Option<Invalid>,
    },
    #[error(transparent)]
    Invalid(Invalid),
}
