//! Signing an assessment off, which seals it, and reopening it as a draft.

use jiff::Timestamp;

use super::{Opened, Refused};
use crate::assessment::{Signature, Stage};
use crate::checklist::Severity;
use crate::history::{self, Draft, Event};
use crate::storage;
use crate::text::sanitize_line;

/// Something that must be put right before an assessment can be signed off.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Blocker {
    #[error("\"{item}\" was carried from last period and has not been confirmed ({prompt})")]
    Unconfirmed {
        item: String,
        prompt: String,
        /// The item's id, for a front end to go to it.
        id: String,
    },
    #[error(
        "\"{item}\" is flagged for review, to be confirmed: confirm it and take the flag off ({prompt})"
    )]
    Review {
        item: String,
        prompt: String,
        id: String,
    },
    #[error(
        "\"{item}\" has a different answer from {from} ({workbook}) waiting to be resolved: take it or keep the one held ({prompt})"
    )]
    Conflict {
        item: String,
        prompt: String,
        from: String,
        workbook: String,
        id: String,
    },
    #[error("the high finding \"{title}\" has no {missing}")]
    Unowned {
        title: String,
        /// "owner", "due date" or "owner or due date".
        missing: &'static str,
        /// The first item the finding names, for a front end to go to it.
        id: Option<String>,
    },
}

impl Blocker {
    /// The item to go to to put it right.
    pub fn item_id(&self) -> Option<&str> {
        match self {
            Blocker::Unconfirmed { id, .. }
            | Blocker::Review { id, .. }
            | Blocker::Conflict { id, .. } => Some(id),
            Blocker::Unowned { id, .. } => id.as_deref(),
        }
    }
}

/// Why an assessment was not signed.
#[derive(Debug, thiserror::Error)]
pub enum SignError {
    #[error(transparent)]
    Refused(Refused),
    #[error("the assessment cannot be signed off yet: {}", .0.len())]
    Blocked(Vec<Blocker>),
    #[error("the signer's {0} must not be empty")]
    Missing(&'static str),
    #[error(transparent)]
    Save(storage::Error),
    /// The file was changed outside probity since it was read: the changes are now recorded
    /// and in view, so nothing is sealed that the signer has not seen.
    #[error(
        "the file was changed outside probity while open here; the changes are recorded in its history and shown now, so check them and sign again"
    )]
    ChangedOutside,
}

/// Why an assessment was not reopened.
#[derive(Debug, thiserror::Error)]
pub enum ReopenError {
    #[error("the assessment is open in another probity window, so it is read-only here")]
    ReadOnly,
    #[error("the assessment is a draft already")]
    NotFinal,
    #[error("the reason for reopening must not be empty")]
    NoReason,
    #[error(transparent)]
    Save(storage::Error),
}

impl Opened {
    fn prompt(&self, item: &str) -> String {
        self.checklist
            .item(item)
            .map_or_else(String::new, |i| i.prompt.clone())
    }

    /// An item as a reader names it: its short label (its id only if the checklist lacks it).
    fn label(&self, item: &str) -> String {
        self.checklist
            .item(item)
            .map_or_else(|| item.to_string(), |i| i.short_label().to_string())
    }

    /// What stops a sign-off now: answers carried from last period and not confirmed, answers
    /// flagged for review, answers from returns waiting beside different ones (conflicts), and
    /// high findings whose action has no owner or due date. Each answer is named by its short
    /// label. Empty when it may be signed.
    pub fn blockers(&self) -> Vec<Blocker> {
        let unconfirmed = self
            .assessment
            .unconfirmed()
            .map(|id| Blocker::Unconfirmed {
                item: self.label(id),
                prompt: self.prompt(id),
                id: id.to_string(),
            });
        // A flag on an unanswered item doubts nothing the seal would certify.
        let review = self
            .assessment
            .answers
            .iter()
            .filter(|(_, a)| a.review && a.value.is_some())
            .map(|(id, _)| Blocker::Review {
                item: self.label(id),
                prompt: self.prompt(id),
                id: id.clone(),
            });
        let unowned = self
            .evaluation
            .findings
            .iter()
            .filter(|f| f.severity == Severity::High)
            .filter_map(|f| {
                let missing = match (f.owner.is_none(), f.due.is_none()) {
                    (true, true) => "owner or due date",
                    (true, false) => "owner",
                    (false, true) => "due date",
                    (false, false) => return None,
                };
                Some(Blocker::Unowned {
                    title: f.title.clone(),
                    missing,
                    id: f.items.first().cloned(),
                })
            });
        let conflicts = self
            .assessment
            .conflicts()
            .map(|(id, incoming)| Blocker::Conflict {
                item: self.label(id),
                prompt: self.prompt(id),
                from: incoming.from.clone(),
                workbook: incoming.source.clone(),
                id: id.to_string(),
            });
        let mut all: Vec<Blocker> = unconfirmed
            .chain(review)
            .chain(conflicts)
            .chain(unowned)
            .collect();
        // In the order the checklist asks the questions, as a reader works through them.
        let order: std::collections::HashMap<&str, usize> = self
            .checklist
            .items()
            .enumerate()
            .map(|(n, i)| (i.id.as_str(), n))
            .collect();
        all.sort_by_key(|b| {
            b.item_id()
                .and_then(|id| order.get(id))
                .copied()
                .unwrap_or(usize::MAX)
        });
        all
    }

    /// Signs the assessment off: marks it final, records the signer, their role, the time and
    /// the seal (see [`history::seal`], which covers all three) in the file, and the sign-off in the history. Refused,
    /// with every reason, while anything in [`Opened::blockers`] remains.
    pub fn sign(&mut self, signer: &str, role: &str) -> Result<Signature, SignError> {
        if let Some(refused) = self.refusal() {
            return Err(SignError::Refused(refused));
        }
        let (signer, role) = (sanitize_line(signer), sanitize_line(role));
        if signer.is_empty() {
            return Err(SignError::Missing("name"));
        }
        if role.is_empty() {
            return Err(SignError::Missing("role"));
        }
        let blockers = self.blockers();
        if !blockers.is_empty() {
            return Err(SignError::Blocked(blockers));
        }
        // Everything changed so far is recorded first, so the seal covers it.
        self.save().map_err(SignError::Save)?;
        if self.outside.is_some() {
            return Err(SignError::ChangedOutside);
        }
        let before = self.assessment.clone();
        self.assessment.stage = Stage::Final;
        // To the second, as the file keeps it, so the seal can be computed again from the file.
        let now = Timestamp::now();
        let at = Timestamp::from_second(now.as_second()).unwrap_or(now);
        let seal = history::seal(
            &self.assessment,
            self.history.head(),
            &history::Signer {
                by: &signer,
                role: &role,
                at,
            },
        );
        let signature = Signature {
            by: signer.clone(),
            role: role.clone(),
            at,
            seal: seal.clone(),
        };
        self.assessment.signature = Some(signature.clone());
        let signed = Draft {
            at: signature.at,
            by: self.actor.clone(),
            event: Event::Signed { signer, role, seal },
        };
        if let Err(e) = self.history.append(&[signed]) {
            // Nothing on screen may claim a sign-off the history does not hold.
            self.assessment = before;
            return Err(SignError::Save(e));
        }
        // Once recorded, a file that fails to write is retried by the next save.
        self.write().map_err(SignError::Save)?;
        self.rescore();
        Ok(signature)
    }

    /// Takes a signed assessment back to draft, recording who did it and why. The signature
    /// is removed from the file; the history keeps it.
    pub fn reopen(&mut self, reason: &str) -> Result<(), ReopenError> {
        if self.read_only() {
            return Err(ReopenError::ReadOnly);
        }
        if !self.assessment.is_final() {
            return Err(ReopenError::NotFinal);
        }
        let reason = sanitize_line(reason);
        if reason.is_empty() {
            return Err(ReopenError::NoReason);
        }
        // What another writer changed meanwhile is recorded and kept first.
        self.save().map_err(ReopenError::Save)?;
        let before = self.assessment.clone();
        self.assessment.stage = Stage::Draft;
        self.assessment.signature = None;
        let reopened = Draft {
            at: Timestamp::now(),
            by: self.actor.clone(),
            event: Event::Reopened { reason },
        };
        if let Err(e) = self.history.append(&[reopened]) {
            self.assessment = before;
            return Err(ReopenError::Save(e));
        }
        self.write().map_err(ReopenError::Save)?;
        self.rescore();
        Ok(())
    }
}
