//! Recording a cross-check as evidence on the items its checklist says it answers.

use std::path::{Path, PathBuf};

use super::{OpenError, Refused, Workspace};
use crate::assessment::Assurance;
use crate::crosscheck::{CrossCheck, Register, evidence};
use crate::storage;

/// What recording changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Recorded {
    /// The items given the evidence, by id.
    pub items: Vec<String>,
    /// The evidence line added to each.
    pub line: String,
}

/// Why a cross-check could not be recorded. Nothing is changed.
#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    #[error(transparent)]
    Open(#[from] OpenError),
    #[error(transparent)]
    Refused(#[from] Refused),
    #[error(
        "the checklist {checklist} marks no item as answered by a cross-check of the registers given, so there is nowhere to record it"
    )]
    NoItems { checklist: String },
    #[error(transparent)]
    Save(#[from] storage::Error),
}

/// How a file is named in the evidence: relative to the assessment's folder when it is in it,
/// else its full path.
pub fn recorded_name(folder: &Path, file: &Path) -> String {
    let full = std::fs::canonicalize(file).unwrap_or_else(|_| file.to_path_buf());
    let folder = std::fs::canonicalize(folder).unwrap_or_else(|_| folder.to_path_buf());
    match full.strip_prefix(&folder) {
        Ok(inside) => inside.display().to_string(),
        Err(_) => full.display().to_string(),
    }
}

/// The folder an assessment's relative names are taken from.
pub fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

impl Workspace {
    /// Adds the cross-check's evidence line to every item the checklist marks as answered by a
    /// cross-check of a register that was given, sets their assurance to evidenced (a verified
    /// answer stays verified), and saves, recording the change in the history.
    pub fn record_crosscheck(
        &self,
        path: &Path,
        result: &CrossCheck,
    ) -> Result<Recorded, RecordError> {
        let mut opened = self.open(path)?;
        if let Some(refused) = opened.refusal() {
            return Err(refused.into());
        }
        let folder = folder_of(path);
        let line = evidence::line(result, self.today, |i| {
            recorded_name(&folder, Path::new(&i.name))
        });
        let given = |r: Register| {
            let role = r.role();
            result.inputs.iter().any(|i| i.role == role)
        };
        let items: Vec<String> = opened
            .checklist
            .items()
            .filter(|i| i.crosscheck.is_some_and(given))
            .map(|i| i.id.clone())
            .collect();
        if items.is_empty() {
            return Err(RecordError::NoItems {
                checklist: opened.checklist.id.clone(),
            });
        }
        for id in &items {
            opened.edit(id, |answer| {
                if !answer.evidence.contains(&line) {
                    answer.evidence.push(line.clone());
                }
                if !matches!(answer.assurance, Assurance::Verified { .. }) {
                    answer.assurance = Assurance::Evidenced;
                }
            })?;
        }
        opened.save()?;
        Ok(Recorded { items, line })
    }
}
