//! `probity answer` and `probity confirm`: changing answers from a script, through the same
//! core path as the interface (open under the lock, edit, save atomically). Everything typed
//! is checked before anything changes, so bad input leaves the file exactly as it was.

use super::record::count;
use std::path::PathBuf;

use probity_core::answer::{Value, parse_date, parse_value};
use probity_core::assessment::{Answer, Assurance, Level};
use probity_core::checklist::Item;
use probity_core::workspace::{Opened, Refused, Workspace};

use super::plain::{Plain, emit, finding_changes};
use super::{DataDir, Outcome, fail, find_area, find_item, open_to_change};

#[derive(Debug, clap::Args)]
pub struct AnswerArgs {
    /// The assessment file; a bare name is also looked for in the data folder.
    pub file: PathBuf,
    /// The item: its id, or an unambiguous part of its question.
    pub item: String,
    /// The answer: yes, partial, no or na; a number, amount or percentage; a date such as
    /// 31/03/2013; one of the item's options; or text.
    #[arg(
        required_unless_present_any = ["clear", "note", "evidence", "owner", "due", "review", "no_review", "assurance"],
        conflicts_with = "clear"
    )]
    pub value: Option<String>,
    /// Remove the answer; its note, evidence, owner and due date stay.
    #[arg(long)]
    pub clear: bool,
    /// The note, replacing any there is; an empty note removes it.
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// A document or record that supports the answer, added to its evidence (repeatable).
    #[arg(long, value_name = "REFERENCE")]
    pub evidence: Vec<String>,
    /// Who owns the action on this item; empty removes the owner.
    #[arg(long, value_name = "NAME")]
    pub owner: Option<String>,
    /// When the action is due, such as 31/03/2013; empty removes the date.
    #[arg(long, value_name = "DATE")]
    pub due: Option<String>,
    /// Flag the answer for a second look.
    #[arg(long, conflicts_with = "no_review")]
    pub review: bool,
    /// Take the review flag off.
    #[arg(long)]
    pub no_review: bool,
    /// How far the answer is assured: asserted, evidenced or verified (with --verified-by).
    #[arg(long, value_name = "LEVEL", value_parser = level)]
    pub assurance: Option<Level>,
    /// Who verified the answer, with --assurance verified.
    #[arg(long, value_name = "NAME", requires = "assurance")]
    pub verified_by: Option<String>,
    /// When it was verified, such as 10/01/2013 (default: today).
    #[arg(long, value_name = "DATE", requires = "verified_by")]
    pub verified_on: Option<String>,
    #[command(flatten)]
    pub data: DataDir,
}

fn level(text: &str) -> Result<Level, String> {
    Level::ALL
        .into_iter()
        .find(|l| l.name() == text)
        .ok_or_else(|| "the assurance is asserted, evidenced or verified".into())
}

#[derive(Debug, clap::Args)]
#[command(group(
    clap::ArgGroup::new("which").required(true).args(["items", "area", "all"])
))]
pub struct ConfirmArgs {
    /// The assessment file; a bare name is also looked for in the data folder.
    pub file: PathBuf,
    /// The items to confirm: ids, or unambiguous parts of their questions.
    pub items: Vec<String>,
    /// Confirm every carried answer in this area.
    #[arg(long, value_name = "ID")]
    pub area: Option<String>,
    /// Confirm every carried answer.
    #[arg(long)]
    pub all: bool,
    #[command(flatten)]
    pub data: DataDir,
}

/// What `answer` will do to the record, checked in full before anything changes.
struct Change {
    value: Option<Option<Value>>,
    due: Option<Option<jiff::civil::Date>>,
    assurance: Option<Assurance>,
}

pub fn answer(ws: &Workspace, args: &AnswerArgs) -> Outcome {
    let mut opened = match open_to_change(ws, &args.file) {
        Ok(o) => o,
        Err(outcome) => return outcome,
    };
    let item = match find_item(&opened.checklist, &args.item) {
        Ok(item) => item.clone(),
        Err(outcome) => return outcome,
    };
    let change = match check(&item, args, ws.today) {
        Ok(change) => change,
        Err(refused) => return fail(&format!("{} ({}): {refused}", item.id, item.prompt)),
    };
    let before = opened.evaluation.clone();
    let edited =
        opened
            .edit(&item.id, |a| apply(a, &change, args))
            .map_err(|refused| match refused {
                // Named with its item, as a value that does not fit is.
                Refused::TooLong(e) => format!("{} ({}): {e}", item.id, item.prompt),
                other => other.to_string(),
            });
    let outcome = save_if_changed(&mut opened, edited.map(|e| e.is_some()));
    if outcome == Outcome::Ok {
        let plain = Plain::of(&opened);
        let mut lines = vec![format!("{}: {}", item.id, item.prompt)];
        lines.extend(plain.record(&item).into_iter().map(|l| format!("  {l}")));
        lines.extend(finding_changes(&before, &opened.evaluation));
        if !opened.evaluation.is_asked(&item.id) {
            lines.push(
                "This item is not asked because of an earlier answer, so its answer is kept but neither scored nor flagged."
                    .into(),
            );
        }
        let _ = emit(&mut std::io::stdout().lock(), &lines);
    }
    outcome
}

/// Reads the typed value and due date as the interface does, with its messages.
fn check(item: &Item, args: &AnswerArgs, today: jiff::civil::Date) -> Result<Change, String> {
    let value = match (&args.value, args.clear) {
        (Some(text), _) => Some(Some(
            parse_value(&item.kind, text).map_err(|e| e.to_string())?,
        )),
        (None, true) => Some(None),
        (None, false) => None,
    };
    let due = match args.due.as_deref().map(str::trim) {
        None => None,
        Some("") => Some(None),
        Some(text) => Some(Some(
            parse_date(text).map_err(|e| format!("the due date {e}"))?,
        )),
    };
    let assurance = match (args.assurance, &args.verified_by) {
        (None, _) => None,
        (Some(Level::Verified), Some(by)) if !by.trim().is_empty() => Some(Assurance::Verified {
            by: probity_core::text::sanitize_line(by),
            on: match args.verified_on.as_deref() {
                Some(text) => parse_date(text).map_err(|e| format!("the verification date {e}"))?,
                None => today,
            },
        }),
        (Some(Level::Verified), _) => {
            return Err("a verified answer needs --verified-by NAME: who tested it".into());
        }
        (Some(_), Some(_)) => {
            return Err("--verified-by goes only with --assurance verified".into());
        }
        (Some(Level::Evidenced), None) => Some(Assurance::Evidenced),
        (Some(Level::Asserted), None) => Some(Assurance::Asserted),
    };
    Ok(Change {
        value,
        due,
        assurance,
    })
}

fn apply(a: &mut Answer, change: &Change, args: &AnswerArgs) {
    if let Some(value) = &change.value {
        a.set_value(value.clone());
    }
    if let Some(note) = &args.note {
        a.set_note(note);
    }
    for reference in &args.evidence {
        let reference = probity_core::text::sanitize_line(reference);
        if !reference.is_empty() && !a.evidence.contains(&reference) {
            a.evidence.push(reference);
        }
    }
    if let Some(owner) = &args.owner {
        a.set_owner(owner);
    }
    if let Some(due) = change.due {
        a.due = due;
    }
    if args.review || args.no_review {
        a.review = args.review;
    }
    if let Some(assurance) = &change.assurance {
        a.assurance = assurance.clone();
    }
}

/// Confirms carried answers: the ones named, an area's, or all of them.
pub fn confirm(ws: &Workspace, args: &ConfirmArgs) -> Outcome {
    let mut opened = match open_to_change(ws, &args.file) {
        Ok(o) => o,
        Err(outcome) => return outcome,
    };
    let chosen: Vec<String> = match chosen(&opened, args) {
        Ok(ids) => ids,
        Err(outcome) => return outcome,
    };
    let carried: Vec<String> = chosen
        .iter()
        .filter(|id| {
            opened
                .assessment
                .answer(id)
                .is_some_and(|a| a.is_unconfirmed())
        })
        .cloned()
        .collect();
    let mut lines: Vec<String> = chosen
        .iter()
        .filter(|id| !carried.contains(id) && !args.items.is_empty())
        .map(|id| format!("{id} was not carried from last period; there is nothing to confirm."))
        .collect();
    if carried.is_empty() {
        lines.push("No answer needed confirming.".into());
        let _ = emit(&mut std::io::stdout().lock(), &lines);
        return Outcome::Ok;
    }
    let changed: Result<bool, Refused> = carried.iter().try_fold(false, |any, id| {
        let edit = opened.edit(id, |a| a.carried = false)?;
        Ok(any || edit.is_some())
    });
    let outcome = save_if_changed(&mut opened, changed);
    if outcome == Outcome::Ok {
        lines.push(format!(
            "Confirmed {}: {}.",
            count(carried.len(), "answer", "answers"),
            carried.join(", ")
        ));
        let left = opened.assessment.unconfirmed().count();
        if left > 0 {
            lines.push(format!(
                "{} still to confirm.",
                count(left, "answer", "answers")
            ));
        }
        let _ = emit(&mut std::io::stdout().lock(), &lines);
    }
    outcome
}

/// The ids `confirm` acts on, in checklist order.
fn chosen(opened: &Opened, args: &ConfirmArgs) -> Result<Vec<String>, Outcome> {
    let checklist = &opened.checklist;
    if let Some(query) = &args.area {
        let area = find_area(checklist, query)?;
        return Ok(area.items.iter().map(|i| i.id.clone()).collect());
    }
    if args.all {
        return Ok(checklist.items().map(|i| i.id.clone()).collect());
    }
    let mut ids = Vec::new();
    for query in &args.items {
        let id = find_item(checklist, query)?.id.clone();
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    Ok(ids)
}

/// Saves when something changed; says so when nothing did, leaving the file untouched.
pub(super) fn save_if_changed(
    opened: &mut Opened,
    changed: Result<bool, impl std::fmt::Display>,
) -> Outcome {
    match changed {
        Err(e) => fail(&e.to_string()),
        Ok(false) => {
            println!("Nothing changed; {} is as it was.", opened.path.display());
            Outcome::Ok
        }
        Ok(true) => match opened.save_or_refuse() {
            Ok(()) => {
                eprintln!("Saved {}", opened.path.display());
                Outcome::Ok
            }
            Err(e) => fail(&e.to_string()),
        },
    }
}
