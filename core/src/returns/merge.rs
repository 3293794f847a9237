//! What a return changes. Each row is compared with what its cells held when the return was
//! made and with what the assessment holds now:
//!
//! * a cell left as it was sent, left blank, or the same as the answer held, changes nothing;
//! * what is left fills fields the assessment does not hold yet: a **new** answer, applied and
//!   recorded as given by the contributor (new evidence is always added this way);
//! * where a field the assessment holds would change, nothing on that item is applied: the
//!   return's answer is kept beside the one held as a **conflict**, until someone takes it or
//!   keeps the current answer. Nothing held is ever replaced by a return.

use super::layout;
use super::read::{CellError, Received, Row};
use crate::assessment::{Answer, Assessment, Incoming};
use crate::checklist::Checklist;

/// What importing one return does.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// The workbook's file name.
    pub source: String,
    /// Whom it was made for: changes are recorded as theirs.
    pub from: String,
    pub changes: Vec<Change>,
    /// Rows whose answers are already held, or already waiting as a conflict.
    pub same: usize,
    /// Rows the contributor left blank or as they were sent.
    pub blank: usize,
    /// Said beside what it changes: see [`Received::warning`].
    pub warning: Option<String>,
}

/// One item a return changes.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub item: String,
    /// The record before the return.
    pub before: Answer,
    pub effect: Effect,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Fields the assessment did not hold, filled from the return: the record becomes `after`.
    New { after: Answer },
    /// The assessment holds something different: the return's answer waits beside it.
    Conflict { incoming: Incoming },
}

impl Change {
    /// The record once the change is made.
    pub fn after(&self) -> Answer {
        match &self.effect {
            Effect::New { after } => after.clone(),
            Effect::Conflict { incoming } => Answer {
                incoming: Some(incoming.clone()),
                ..self.before.clone()
            },
        }
    }
}

/// Works out what a return would change in an assessment. A row that would add a second,
/// different conflict to an item still waiting on one is an error: the first must be resolved
/// before the return is imported again.
pub fn plan(
    assessment: &Assessment,
    checklist: &Checklist,
    received: &Received,
) -> Result<Plan, Vec<CellError>> {
    let mut plan = Plan {
        source: received.name.clone(),
        from: received.meta.to.clone(),
        changes: Vec::new(),
        same: 0,
        blank: 0,
        warning: received.warning.clone(),
    };
    let mut errors = Vec::new();
    for row in &received.rows {
        let held = assessment.answer(&row.item).cloned().unwrap_or_default();
        let fresh = unsent(row);
        if fresh.is_blank() {
            plan.blank += 1;
            continue;
        }
        let news = beyond(&fresh, &held);
        if news.is_blank() {
            plan.same += 1;
            continue;
        }
        if let Some(waiting) = &held.incoming {
            if waiting.same_as(&news) {
                plan.same += 1;
            } else {
                errors.push(waiting_error(received, row, checklist, waiting));
            }
            continue;
        }
        let effect = if clashes(&news, &held) {
            Effect::Conflict { incoming: news }
        } else {
            let mut after = held.clone();
            news.apply_to(&mut after);
            Effect::New { after }
        };
        plan.changes.push(Change {
            item: row.item.clone(),
            before: held,
            effect,
        });
    }
    if errors.is_empty() {
        Ok(plan)
    } else {
        Err(errors)
    }
}

impl Plan {
    /// Makes the changes in an assessment in memory, for a preview.
    pub fn apply_to(&self, assessment: &mut Assessment) {
        for change in &self.changes {
            *assessment.answer_mut(&change.item) = change.after();
        }
    }

    /// The number of new answers and of conflicts.
    pub fn counts(&self) -> (usize, usize) {
        let conflicts = self
            .changes
            .iter()
            .filter(|c| matches!(c.effect, Effect::Conflict { .. }))
            .count();
        (self.changes.len() - conflicts, conflicts)
    }
}

/// What the contributor changed: the fields that differ from what the return was sent with.
fn unsent(row: &Row) -> Incoming {
    keep_new(&row.given, &row.sent)
}

/// What the return gives that the assessment does not already hold.
fn beyond(given: &Incoming, held: &Answer) -> Incoming {
    keep_new(given, &Incoming::held(held))
}

/// The fields of `given` that differ from `old`, and the evidence `old` does not have.
fn keep_new(given: &Incoming, old: &Incoming) -> Incoming {
    fn differs<T: PartialEq + Clone>(new: &Option<T>, old: &Option<T>) -> Option<T> {
        new.clone().filter(|n| Some(n) != old.as_ref())
    }
    Incoming {
        value: differs(&given.value, &old.value),
        note: differs(&given.note, &old.note),
        evidence: given
            .evidence
            .iter()
            .filter(|e| !old.evidence.contains(e))
            .cloned()
            .collect(),
        owner: differs(&given.owner, &old.owner),
        due: differs(&given.due, &old.due),
        ..given.clone()
    }
}

/// Whether taking `news` would replace anything held (added evidence replaces nothing).
fn clashes(news: &Incoming, held: &Answer) -> bool {
    (news.value.is_some() && held.value.is_some())
        || (news.note.is_some() && held.note.is_some())
        || (news.owner.is_some() && held.owner.is_some())
        || (news.due.is_some() && held.due.is_some())
}

fn waiting_error(
    received: &Received,
    row: &Row,
    checklist: &Checklist,
    waiting: &Incoming,
) -> CellError {
    CellError {
        workbook: received.name.clone(),
        sheet: layout::QUESTIONS.to_string(),
        cell: layout::cell_name(row.row, layout::ANSWER),
        item: row.item.clone(),
        prompt: checklist
            .item(&row.item)
            .map_or_else(String::new, |i| i.prompt.clone()),
        message: format!(
            "a different answer from {} ({}, received {}) is still waiting to be resolved beside the one held; resolve that conflict first, then import this return again",
            waiting.from,
            waiting.source,
            crate::document::long_date(waiting.received)
        ),
    }
}
