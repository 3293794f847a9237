//! Undo and redo for the whole session. Each step holds the changes one action made, with
//! each record as it was before and after, so undoing puts records back through the same core
//! use case as any other change, and it is saved at once like any other.

use probity_core::assessment::Answer;
use probity_core::workspace::{Edit, JudgementEdit};

/// The changes one action made to answers: one item's, or several for "confirm the area".
pub type Step = Vec<Edit>;

/// One thing to undo or redo: the answers one action changed, or the assessor's judgement of
/// one area (recorded or cleared with its rationale).
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    Answers(Step),
    Judgement(JudgementEdit),
}

#[derive(Debug, Clone, Default)]
pub struct Undo {
    /// Changes that can be undone, the latest last.
    pub done: Vec<Change>,
    /// Changes undone that can be redone, the latest undone last.
    pub undone: Vec<Change>,
}

impl Undo {
    /// Records a new step; what was undone can no longer be redone after it.
    pub fn record(&mut self, step: Step) {
        if !step.is_empty() {
            self.push(Change::Answers(merged(step)));
        }
    }

    /// Records a change to an area's judgement, as [`Undo::record`] does a step.
    pub fn record_judgement(&mut self, edit: JudgementEdit) {
        self.push(Change::Judgement(edit));
    }

    fn push(&mut self, change: Change) {
        self.done.push(change);
        self.undone.clear();
    }
}

/// One edit per item: an action that changed an item twice (taking a return's answer, then
/// clearing the conflict) is undone from its first state and redone to its last.
fn merged(step: Step) -> Step {
    let mut out: Step = Vec::with_capacity(step.len());
    for edit in step {
        match out.iter_mut().find(|e| e.item == edit.item) {
            Some(earlier) => earlier.after = edit.after,
            None => out.push(edit),
        }
    }
    out
}

/// What a step changed, in words: `the answer and note of “Gifts register”`, or
/// `the confirmation of 7 items`. `label` names an item for a reader.
pub fn describe(step: &[Edit], label: impl Fn(&str) -> String) -> String {
    let mut fields: Vec<&str> = Vec::new();
    for edit in step {
        for field in changed(&edit.before, &edit.after) {
            if !fields.contains(&field) {
                fields.push(field);
            }
        }
    }
    let what = match fields.as_slice() {
        [] => "nothing".to_string(),
        [one] => format!("the {one}"),
        [rest @ .., last] => format!("the {} and {last}", rest.join(", ")),
    };
    match step {
        [one] => format!("{what} of \u{201c}{}\u{201d}", label(&one.item)),
        many => format!("{what} of {} items", many.len()),
    }
}

/// The parts of a record that differ, as a reader names them.
fn changed(before: &Answer, after: &Answer) -> Vec<&'static str> {
    let value = before.value != after.value;
    [
        (value, "answer"),
        (before.note != after.note, "note"),
        (before.evidence != after.evidence, "evidence"),
        (before.owner != after.owner, "owner"),
        (before.due != after.due, "due date"),
        (before.review != after.review, "review flag"),
        // A changed answer is no longer carried; only a bare confirmation is named.
        (before.carried != after.carried && !value, "confirmation"),
        (before.incoming != after.incoming, "conflict with a return"),
    ]
    .into_iter()
    .filter_map(|(differs, name)| differs.then_some(name))
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use probity_core::answer::{Status, Value};

    fn edit(item: &str, change: impl FnOnce(&mut Answer)) -> Edit {
        let before = Answer {
            carried: true,
            ..Answer::default()
        };
        let mut after = before.clone();
        change(&mut after);
        Edit {
            item: item.into(),
            before,
            after,
        }
    }

    #[test]
    fn steps_are_described_by_what_they_changed() {
        let label = |id: &str| id.to_uppercase();
        let answered = edit("x", |a| {
            a.set_value(Some(Value::Status(Status::Yes)));
            a.note = Some("n".into());
        });
        assert_eq!(
            describe(std::slice::from_ref(&answered), label),
            "the answer and note of \u{201c}X\u{201d}"
        );
        let confirm = |id| edit(id, |a| a.carried = false);
        assert_eq!(
            describe(&[confirm("a"), confirm("b")], label),
            "the confirmation of 2 items"
        );
        let mut undo = Undo::default();
        undo.undone.push(Change::Answers(vec![confirm("a")]));
        undo.record(Vec::new());
        assert_eq!(undo.undone.len(), 1, "an empty step changes nothing");
        undo.record(vec![answered]);
        assert!(undo.undone.is_empty() && undo.done.len() == 1);
    }

    #[test]
    fn two_edits_of_one_item_become_one_from_the_first_state_to_the_last() {
        let taken = edit("x", |a| a.set_value(Some(Value::Status(Status::Yes))));
        let cleared = Edit {
            item: "x".into(),
            before: taken.after.clone(),
            after: Answer::default(),
        };
        let other = edit("y", |a| a.carried = false);
        let step = merged(vec![taken.clone(), other.clone(), cleared]);
        assert_eq!(step.len(), 2);
        assert_eq!(step[0].before, taken.before);
        assert_eq!(step[0].after, Answer::default());
        assert_eq!(step[1], other);
    }
}
