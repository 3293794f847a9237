//! Checking an assessment against its history and its seal, without changing either.

use std::path::Path;

use super::Workspace;
use crate::assessment::{Assessment, Finality, LoadError, Signature};
use crate::history::{self, Broken, Cause, Difference, Entry, Event, History, State};
use crate::storage;

/// Everything `verify` found.
#[derive(Debug)]
pub struct Verification {
    /// How many entries the history holds.
    pub entries: usize,
    /// The sign-off in the file, if it is signed.
    pub signature: Option<Signature>,
    pub problems: Vec<Problem>,
    /// What documents may call the file: FINAL only when it is signed and everything here
    /// holds (the seal verifies); "marked final but not sealed" when it is marked final
    /// otherwise.
    pub finality: Finality,
}

/// One thing that does not hold.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// A line of the history is unreadable or does not link to the one before it.
    Chain(Broken),
    /// An answer in the file differs from what the history says it should be.
    Differs(Difference),
    /// The file differs from its history, which holds changes made in probity after the entry
    /// the file says it reflects: probity stopped while saving, or an older copy was put back.
    Behind { entries: usize },
    /// The file names a last entry that the history does not hold.
    UnknownEntry(String),
    /// The file is signed, but the history records no sign-off with its seal.
    SignatureNotRecorded,
    /// The history says the assessment was signed and not reopened, but the file is unsigned.
    SignatureMissing { signer: String },
    /// The file is marked final but nobody signed it (an older probity's `finalise`).
    FinalUnsigned,
    /// The seal no longer matches the content and history it sealed. The differences are the
    /// answers changed since signing (empty when something other than an answer changed).
    SealBroken { changed: Vec<Difference> },
    /// Entries were recorded after the sign-off without reopening.
    AfterSigning(Vec<Entry>),
    /// The seal given (from a paper copy) does not match the file.
    PaperSeal {
        given: String,
        computed: Option<String>,
    },
}

impl Verification {
    /// True when everything holds.
    pub fn holds(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Why a file could not be verified at all.
#[derive(Debug, thiserror::Error)]
pub enum VerifyError {
    #[error(transparent)]
    Load(LoadError),
    #[error(transparent)]
    History(storage::Error),
}

impl Workspace {
    /// Recomputes the history's chain and, for a signed file, its seal, and compares every
    /// answer with what the history says. With `paper`, also checks a seal printed on a copy
    /// (the full seal, or at least its first twelve hex digits). Nothing is written.
    pub fn verify(&self, path: &Path, paper: Option<&str>) -> Result<Verification, VerifyError> {
        let (assessment, _) = self.load(path).map_err(VerifyError::Load)?;
        let history = History::load(&history::path_for(path)).map_err(VerifyError::History)?;
        Ok(check(&assessment, &history, paper))
    }

    /// True when the file at `path` is signed off and its seal verifies against its history,
    /// so a document may present it as FINAL. False when it cannot be checked.
    pub fn seal_verifies(&self, path: &Path) -> bool {
        self.verify(path, None)
            .is_ok_and(|v| v.finality == Finality::Sealed)
    }
}

/// The checks themselves, on an assessment and history already read.
pub fn check(assessment: &Assessment, history: &History, paper: Option<&str>) -> Verification {
    let mut problems: Vec<Problem> = history.broken.iter().cloned().map(Problem::Chain).collect();
    let recorded = State::replay(history.entries());
    let found = State::of(assessment);
    let differences = recorded.differences(&found);
    if let Some(pointer) = &assessment.recorded {
        match history.after(pointer) {
            None => problems.push(Problem::UnknownEntry(pointer.clone())),
            // Changes made in probity after the entry the file reflects explain differences.
            Some(after) if !differences.is_empty() && assessment.signature.is_none() => {
                let entries = after
                    .filter(|e| {
                        matches!(
                            e.event,
                            Event::Changed {
                                cause: Cause::Edit,
                                ..
                            }
                        )
                    })
                    .count();
                if entries > 0 {
                    problems.push(Problem::Behind { entries });
                }
            }
            Some(_) => {}
        }
    }
    problems.extend(differences.into_iter().map(Problem::Differs));
    let computed = sealed_at(assessment, history).map(|(seal, _)| seal);
    match &assessment.signature {
        Some(signature) => problems.extend(seal_problems(assessment, signature, history)),
        None if assessment.is_final() => problems.push(Problem::FinalUnsigned),
        None => {}
    }
    if assessment.signature.is_none()
        && recorded.sealed.is_some()
        && let Some((_, entry)) = last_signing(history)
        && let Event::Signed { signer, .. } = &entry.event
    {
        problems.push(Problem::SignatureMissing {
            signer: signer.clone(),
        });
    }
    if let Some(given) = paper {
        let digits = normalise_seal(given);
        let matches = computed
            .as_deref()
            .is_some_and(|c| digits.len() >= 12 && c.starts_with(&digits));
        if !matches {
            problems.push(Problem::PaperSeal {
                given: given.to_string(),
                computed,
            });
        }
    }
    Verification {
        entries: history.entries().count(),
        signature: assessment.signature.clone(),
        finality: Finality::of(assessment, problems.is_empty()),
        problems,
    }
}

/// A seal as typed from paper: hex digits only, lower case, with dashes and spaces dropped.
pub fn normalise_seal(given: &str) -> String {
    given
        .chars()
        .filter(|c| !matches!(c, '-' | ' '))
        .collect::<String>()
        .to_ascii_lowercase()
}

/// The last sign-off in the history, with the hash of the entry before it.
fn last_signing(history: &History) -> Option<(Option<&str>, &Entry)> {
    history
        .linked()
        .rev()
        .find(|(_, e)| matches!(e.event, Event::Signed { .. }))
}

/// The seal this file's content gives with the history as it stood at the last sign-off, and
/// the index of that sign-off among the entries.
fn sealed_at(assessment: &Assessment, history: &History) -> Option<(String, usize)> {
    assessment.signature.as_ref()?;
    let (before, _) = last_signing(history)?;
    let entries: Vec<&Entry> = history.entries().collect();
    let index = entries
        .iter()
        .rposition(|e| matches!(e.event, Event::Signed { .. }))?;
    Some((history::seal(assessment, before), index))
}

fn seal_problems(
    assessment: &Assessment,
    signature: &Signature,
    history: &History,
) -> Vec<Problem> {
    let Some((_, signing)) = last_signing(history) else {
        return vec![Problem::SignatureNotRecorded];
    };
    if !matches!(&signing.event, Event::Signed { seal, .. } if *seal == signature.seal) {
        return vec![Problem::SignatureNotRecorded];
    }
    let Some((computed, index)) = sealed_at(assessment, history) else {
        return vec![Problem::SignatureNotRecorded];
    };
    let mut problems = Vec::new();
    if computed != signature.seal {
        let at_signing = State::replay(history.entries().take(index));
        problems.push(Problem::SealBroken {
            changed: at_signing.differences(&State::of(assessment)),
        });
    }
    let after: Vec<Entry> = history.entries().skip(index + 1).cloned().collect();
    if !after.is_empty() {
        problems.push(Problem::AfterSigning(after));
    }
    problems
}
