//! Checking an assessment against its history and its seal, without changing either.

use std::path::Path;

use super::Workspace;
use crate::assessment::{Assessment, Finality, LoadError, Signature};
use crate::crosscheck::evidence::{self, Standing};
use crate::history::{self, Broken, Cause, Difference, Entry, Event, History, State};
use crate::storage;

/// Everything `verify` found.
#[derive(Debug)]
pub struct Verification {
    /// How many entries the history holds.
    pub entries: usize,
    /// The sign-off in the file, if it is signed.
    pub signature: Option<Signature>,
    /// The file's seal is one probity made before seals covered the signer, role and time:
    /// it was checked for the content, and the signer against the history's sign-off.
    pub older_seal: bool,
    pub problems: Vec<Problem>,
    /// Files a recorded cross-check names that are no longer where it recorded them, so cannot
    /// be re-hashed: (item, file). Not a problem: the evidence may have been archived.
    pub unavailable: Vec<(String, String)>,
    /// How many recorded cross-check files were re-hashed and found unchanged.
    pub evidence_checked: usize,
    /// When the history began by adopting a file it had no record of, and who opened it:
    /// the chain is checked from there, and what changed before then is unrecorded.
    pub adopted: Option<(jiff::Timestamp, String)>,
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
    /// The file's header (force, period, assessor, checklist, the period it was carried from)
    /// is not what the history's `created` entry recorded; probity never changes it.
    HeaderDiffers {
        field: &'static str,
        file: String,
        history: String,
    },
    /// The file is signed, but the history records no sign-off with its seal.
    SignatureNotRecorded,
    /// The history says the assessment was signed and not reopened, but the file is unsigned.
    SignatureMissing { signer: String },
    /// The file is marked final but nobody signed it (an older probity's `finalise`).
    FinalUnsigned,
    /// The seal no longer matches the content and history it sealed. The differences are the
    /// answers changed since signing (empty when something other than an answer changed).
    SealBroken { changed: Vec<Difference> },
    /// Who signed, their role or when, as the file's `[signature]` says, is not what the
    /// history's sign-off recorded. `field` is "signer", "role" or "time".
    SignerDiffers {
        field: &'static str,
        file: String,
        history: String,
    },
    /// probity once found the history without the entry the file reflected (deleted, cut short
    /// or replaced outside probity) and recorded it afresh: what came before cannot be checked.
    HistoryRestarted {
        at: jiff::Timestamp,
        by: String,
        missing: String,
    },
    /// Entries were recorded after the sign-off without reopening.
    AfterSigning(Vec<Entry>),
    /// The seal given (from a paper copy) does not match the file.
    PaperSeal {
        given: String,
        computed: Option<String>,
    },
    /// A file a recorded cross-check names has changed since it was checked: its SHA-256 is
    /// not the one recorded.
    EvidenceChanged {
        item: String,
        file: String,
        recorded: String,
        now: String,
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
        let mut verification = check(&assessment, &history, paper);
        evidence_files(&assessment, &super::folder_of(path), &mut verification);
        Ok(verification)
    }

    /// True when the file at `path` is signed off and its seal verifies against its history,
    /// so a document may present it as FINAL. False when it cannot be checked.
    pub fn seal_verifies(&self, path: &Path) -> bool {
        self.verify(path, None)
            .is_ok_and(|v| v.finality == Finality::Sealed)
    }
}

/// Re-hashes every file a recorded cross-check names that is still where it was recorded
/// (relative to the assessment's folder); a changed one is a problem, a missing one is listed
/// as not available to check.
fn evidence_files(assessment: &Assessment, folder: &Path, v: &mut Verification) {
    let mut items: Vec<(&String, &crate::assessment::Answer)> = assessment.answers.iter().collect();
    items.sort_by(|a, b| a.0.cmp(b.0));
    for (item, answer) in items {
        for line in &answer.evidence {
            let Some(run) = evidence::parse(line) else {
                continue;
            };
            for file in &run.files {
                match evidence::recheck(folder, file) {
                    Standing::Unchanged => v.evidence_checked += 1,
                    Standing::Changed { now } => v.problems.push(Problem::EvidenceChanged {
                        item: item.clone(),
                        file: file.name.clone(),
                        recorded: file.sha256.clone(),
                        now,
                    }),
                    Standing::Missing => v.unavailable.push((item.clone(), file.name.clone())),
                }
            }
        }
    }
    v.finality = Finality::of(assessment, v.problems.is_empty());
}

/// The checks themselves, on an assessment and history already read.
pub fn check(assessment: &Assessment, history: &History, paper: Option<&str>) -> Verification {
    let mut problems: Vec<Problem> = history.broken.iter().cloned().map(Problem::Chain).collect();
    // A restart is named for good: a deleted history never verifies clean again.
    problems.extend(history.entries().filter_map(|e| match &e.event {
        Event::Restarted { missing } => Some(Problem::HistoryRestarted {
            at: e.at,
            by: e.by.clone(),
            missing: missing.clone(),
        }),
        _ => None,
    }));
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
                                cause: Cause::Edit | Cause::Returned,
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
    problems.extend(header_problems(assessment, history));
    let resealed = sealed_at(assessment, history);
    let older_seal = resealed.as_ref().is_some_and(|r| r.older);
    let computed = resealed.map(|r| r.seal);
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
    let adopted = history.entries().rev().find_map(|e| match e.event {
        Event::Adopted { .. } => Some((e.at, e.by.clone())),
        _ => None,
    });
    Verification {
        unavailable: Vec::new(),
        evidence_checked: 0,
        adopted,
        entries: history.entries().count(),
        signature: assessment.signature.clone(),
        older_seal,
        finality: Finality::of(assessment, problems.is_empty()),
        problems,
    }
}

/// Where the file's header differs from the history's last `created` entry. Force, period and
/// the period carried from are compared always; checklist and assessor when the entry records
/// them (histories begun by this release on).
fn header_problems(assessment: &Assessment, history: &History) -> Vec<Problem> {
    let Some(Event::Created {
        force,
        period,
        carried_from,
        checklist,
        assessor,
    }) = history
        .entries()
        .rev()
        .map(|e| &e.event)
        .find(|e| matches!(e, Event::Created { .. }))
    else {
        return Vec::new();
    };
    let words = |v: Option<&String>| v.map_or_else(|| "none".to_string(), |s| format!("{s:?}"));
    let mut pairs = vec![
        ("force", Some(&assessment.force), Some(force)),
        ("period", Some(&assessment.period), Some(period)),
        (
            "period carried from",
            assessment.carried_from.as_ref(),
            carried_from.as_ref(),
        ),
    ];
    if let Some(checklist) = checklist {
        pairs.push(("checklist", Some(&assessment.checklist), Some(checklist)));
        pairs.push(("assessor", assessment.assessor.as_ref(), assessor.as_ref()));
    }
    pairs
        .into_iter()
        .filter(|(_, file, recorded)| file != recorded)
        .map(|(field, file, recorded)| Problem::HeaderDiffers {
            field,
            file: words(file),
            history: words(recorded),
        })
        .collect()
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

/// The file's seal computed again from its content, its signer and the history.
struct Resealed {
    seal: String,
    /// The index of the last sign-off among the history's entries.
    index: usize,
    /// The seal matched only as probity made seals before they covered the signer.
    older: bool,
}

/// The seal this file's content and signer give with the history as it stood at the last
/// sign-off. A seal that matches only the older form, which covered the content alone, is
/// taken as that form (see [`history::content_seal`]).
fn sealed_at(assessment: &Assessment, history: &History) -> Option<Resealed> {
    let signature = assessment.signature.as_ref()?;
    let (before, _) = last_signing(history)?;
    let entries: Vec<&Entry> = history.entries().collect();
    let index = entries
        .iter()
        .rposition(|e| matches!(e.event, Event::Signed { .. }))?;
    let signer = history::Signer {
        by: &signature.by,
        role: &signature.role,
        at: signature.at,
    };
    let seal = history::seal(assessment, before, &signer);
    if seal != signature.seal {
        let older = history::content_seal(assessment, before);
        if older == signature.seal {
            return Some(Resealed {
                seal: older,
                index,
                older: true,
            });
        }
    }
    Some(Resealed {
        seal,
        index,
        older: false,
    })
}

/// A time as the file and the seal keep it: UTC, to the second.
fn to_the_second(at: jiff::Timestamp) -> String {
    jiff::Timestamp::from_second(at.as_second())
        .unwrap_or(at)
        .to_string()
}

/// Where the file's `[signature]` says other than the history's sign-off entry.
fn signer_problems(signature: &Signature, signing: &Entry) -> Vec<Problem> {
    let Event::Signed { signer, role, .. } = &signing.event else {
        return Vec::new();
    };
    let pairs = [
        ("signer", signature.by.clone(), signer.clone()),
        ("role", signature.role.clone(), role.clone()),
        (
            "time",
            to_the_second(signature.at),
            to_the_second(signing.at),
        ),
    ];
    pairs
        .into_iter()
        .filter(|(_, file, recorded)| file != recorded)
        .map(|(field, file, history)| Problem::SignerDiffers {
            field,
            file,
            history,
        })
        .collect()
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
    let Some(resealed) = sealed_at(assessment, history) else {
        return vec![Problem::SignatureNotRecorded];
    };
    let mut problems = signer_problems(signature, signing);
    if resealed.seal != signature.seal {
        let at_signing = State::replay(history.entries().take(resealed.index));
        problems.push(Problem::SealBroken {
            changed: at_signing.differences(&State::of(assessment)),
        });
    }
    let after: Vec<Entry> = history
        .entries()
        .skip(resealed.index + 1)
        .cloned()
        .collect();
    if !after.is_empty() {
        problems.push(Problem::AfterSigning(after));
    }
    problems
}
