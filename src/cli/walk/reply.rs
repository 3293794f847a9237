//! What the walk does with each reply: answers, commands, and the short prompts for a note,
//! evidence, an owner or a due date.

use std::io::{BufRead, Write};

use probity_core::answer::{Kind, Unfit, Value, parse_date, parse_value};
use probity_core::checklist::Item;

use super::{Io, Step, Walk};
use crate::cli::plain::Plain;

const HELP: [&str; 14] = [
    "y, p, n, a    answer yes, partly, no or not applicable",
    "a value       type a number, amount, percentage, date (such as 31/03/2013) or text",
    "1, 2, ...     choose one of the options listed",
    "Enter or s    leave this question as it is and go to the next",
    "b             go back to the previous question",
    "?             guidance: what good looks like, and what the question rests on",
    "f             the findings so far",
    "note          write a note for this question, ending with an empty line",
    "e, o, d       add evidence, set the owner, set the due date",
    "r             flag the answer for review, or take the flag off",
    "c             confirm an answer carried from last period",
    "clear         remove the answer; its note and evidence stay",
    "h             this help",
    "q             stop; every answer is already saved",
];

impl<R: BufRead, W: Write> Walk<'_, R, W> {
    /// Acts on one reply; `None` stays on the question.
    pub(super) fn reply(&mut self, item: &Item, reply: &str) -> Io<Option<Step>> {
        let plain = Plain::of(self.opened);
        match reply.to_lowercase().as_str() {
            "q" | "quit" => return Ok(Some(Step::Quit)),
            "" | "s" | "skip" => return Ok(Some(Step::Next)),
            "b" | "back" => return Ok(Some(Step::Back)),
            "?" => {
                let mut lines = plain.guidance(item);
                if lines.is_empty() {
                    lines.push("There is no guidance for this question.".into());
                }
                lines.extend(how(&item.kind, false));
                self.say(&lines)?;
            }
            "h" | "help" => self.say(&HELP.map(String::from))?,
            "f" | "findings" => self.say(&plain.findings())?,
            "note" => self.note(item)?,
            "e" => self.evidence(item)?,
            "o" => self.owner(item)?,
            "d" => self.due(item)?,
            "r" => {
                let flagged = self
                    .opened
                    .assessment
                    .answer(&item.id)
                    .is_some_and(|a| a.review);
                let said = if flagged {
                    "Review flag taken off."
                } else {
                    "Flagged for review."
                };
                self.change(item, said, |a| a.review = !flagged)?
            }
            "c" if self
                .opened
                .assessment
                .answer(&item.id)
                .is_some_and(|a| a.carried) =>
            {
                self.change(item, "Confirmed.", |a| a.carried = false)?
            }
            "c" => self.say(&[
                "Nothing to confirm: this answer was not carried from last period.".into(),
            ])?,
            "clear" => self.change(item, "Answer removed; its note and evidence stay.", |a| {
                a.set_value(None)
            })?,
            _ => return self.answer(item, reply),
        }
        Ok(None)
    }

    /// Records a typed answer and moves on, or explains why it does not fit and stays.
    fn answer(&mut self, item: &Item, reply: &str) -> Io<Option<Step>> {
        match typed(&item.kind, reply) {
            Ok(value) => {
                let said = format!("Saved: {}.", item.kind.display(&value));
                self.change(item, &said, |a| a.set_value(Some(value)))?;
                Ok(Some(Step::Next))
            }
            Err(e) => {
                self.say(&[format!("{e}. Type h for help.")])?;
                Ok(None)
            }
        }
    }

    /// Reads a note of one or more lines, ending with an empty line.
    fn note(&mut self, item: &Item) -> Io<()> {
        self.say(&["Type the note, then an empty line to end it. An empty line alone keeps the note as it is; - alone removes it.".into()])?;
        let mut lines: Vec<String> = Vec::new();
        while let Some(line) = self.read("> ")? {
            if line.trim().is_empty() {
                break;
            }
            lines.push(line);
        }
        match lines.as_slice() {
            [] => self.say(&["The note is as it was.".into()]),
            [only] if only.trim() == "-" => self.change(item, "Note removed.", |a| a.set_note("")),
            _ => self.change(item, "Note saved.", |a| a.set_note(&lines.join("\n"))),
        }
    }

    fn evidence(&mut self, item: &Item) -> Io<()> {
        let Some(reference) =
            self.line("Type a reference to a document or record that supports the answer.")?
        else {
            return Ok(());
        };
        let reference = probity_core::text::sanitize_line(&reference);
        self.change(item, "Evidence added.", |a| {
            if !a.evidence.contains(&reference) {
                a.evidence.push(reference);
            }
        })
    }

    fn owner(&mut self, item: &Item) -> Io<()> {
        let Some(owner) =
            self.line("Type who owns the action on this question; - alone removes the owner.")?
        else {
            return Ok(());
        };
        let owner = if owner == "-" { String::new() } else { owner };
        self.change(item, "Owner saved.", |a| a.set_owner(&owner))
    }

    fn due(&mut self, item: &Item) -> Io<()> {
        let Some(text) =
            self.line("Type the date the action is due, such as 31/03/2013; - alone removes it.")?
        else {
            return Ok(());
        };
        let due = match text.as_str() {
            "-" => None,
            typed => match parse_date(typed) {
                Ok(date) => Some(date),
                Err(e) => return self.say(&[format!("{e}. The due date is as it was.")]),
            },
        };
        self.change(item, "Due date saved.", |a| a.due = due)
    }

    /// Asks for one line; `None` when it is left empty, which changes nothing.
    fn line(&mut self, question: &str) -> Io<Option<String>> {
        self.say(&[format!("{question} An empty line changes nothing.")])?;
        let reply = self
            .read("> ")?
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty());
        if reply.is_none() {
            self.say(&["Nothing changed.".into()])?;
        }
        Ok(reply)
    }
}

/// Reads a reply as an answer to an item of `kind`: an option's number, or anything the core's
/// parser takes (the status letters among them), with its message when it does not fit.
fn typed(kind: &Kind, reply: &str) -> Result<Value, Unfit> {
    let numbered = match kind {
        Kind::Choice(options) => reply
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|i| options.get(i)),
        _ => None,
    };
    match numbered {
        Some(option) => Ok(Value::Choice(option.id.clone())),
        None => parse_value(kind, reply),
    }
}

/// How to answer an item of this kind, with its options listed.
pub(super) fn how(kind: &Kind, answered: bool) -> Vec<String> {
    let keep = if answered {
        " Enter keeps the answer."
    } else {
        ""
    };
    match kind {
        Kind::Status => vec![format!("Type y, p, n or a.{keep}")],
        Kind::Choice(options) => options
            .iter()
            .enumerate()
            .map(|(i, o)| format!("{}: {}", i + 1, o.label))
            .chain([format!("Type a number from 1 to {}.{keep}", options.len())])
            .collect(),
        Kind::Text => vec![format!("Type your answer.{keep}")],
        other => vec![format!("Type {}.{keep}", other.allowed_typed())],
    }
}
