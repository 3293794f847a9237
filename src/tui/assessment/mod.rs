//! The assessment screen: answering, moving, filtering and opening dialogs.

pub mod view;

use probity_core::answer::{Kind, Value};

use super::action::Action;
use super::app::App;
use probity_core::workspace::{ReadOnly, Refused};

use super::dialog::{
    Dialog, Entry, Evidence, Export, Findings, Note, Picker, Purpose, Reading, Search,
};
use super::keymap::{self, Context};
use super::session::{Filter, Pane, Session};
use super::update::PAGE;

/// What the screen hands back to [`update`]: a dialog to open, and a notice for the bottom line.
type Outcome = (Option<Dialog>, Option<String>);

pub fn update(app: &mut App, action: Action) {
    let Some(s) = app.session_mut() else {
        return;
    };
    let (dialog, notice) = act(s, action);
    app.dialog = dialog;
    app.notice = notice;
}

fn act(s: &mut Session, action: Action) -> Outcome {
    let say = |m: String| (None, Some(m));
    match action {
        Action::Up => s.step(-1),
        Action::Down => s.step(1),
        Action::PageUp => s.step(-(PAGE as isize)),
        Action::PageDown => s.step(PAGE as isize),
        Action::First => s.step(isize::MIN / 2),
        Action::Last => s.step(isize::MAX / 2),
        Action::NextPane => {
            s.pane = match s.pane {
                Pane::Areas => Pane::Items,
                Pane::Items => Pane::Detail,
                Pane::Detail => Pane::Areas,
            }
        }
        Action::PrevPane => {
            s.pane = match s.pane {
                Pane::Areas => Pane::Detail,
                Pane::Items => Pane::Areas,
                Pane::Detail => Pane::Items,
            }
        }
        Action::NextFilter => {
            let i = Filter::ALL.iter().position(|f| *f == s.filter).unwrap_or(0);
            s.filter = Filter::ALL[(i + 1) % Filter::ALL.len()];
            s.refilter();
            s.jump_to_match();
        }
        Action::ClearFilter => {
            s.filter = Filter::All;
            s.search = None;
            s.refilter();
        }
        Action::Search => return (Some(Dialog::Search(Search::new(s.search.as_deref()))), None),
        Action::ToggleFindings => return (Some(Dialog::Findings(Findings::default())), None),
        Action::OpenExport => return (Some(Dialog::Export(Box::new(Export::new(s)))), None),
        Action::ShowHistory => {
            return match s.item().cloned() {
                Some(item) => (Some(Dialog::Reading(Reading::history(s, &item))), None),
                None => say("There is no item selected.".into()),
            };
        }
        Action::Sign | Action::Reopen => return sign_off(s, action),
        Action::ToggleAdvance => {
            s.advance = !s.advance;
            return say(if s.advance {
                "After an answer, probity moves to the next unanswered item."
            } else {
                "After an answer, probity stays on the same item."
            }
            .into());
        }
        edit if edits(&edit) => return answer(s, edit),
        _ => {}
    }
    (None, None)
}

/// Acts on the selected item's record, or opens the dialog that will.
fn answer(s: &mut Session, action: Action) -> Outcome {
    let say = |m: String| (None, Some(m));
    let Some(item) = s.item().cloned() else {
        return say("There is no item selected.".into());
    };
    if let Some(refused) = s.refusal() {
        return say(why_not(&refused));
    }
    let answer = s.assessment.answer(&item.id).cloned().unwrap_or_default();
    let open = |d: Dialog| (Some(d), None);
    let done = |r: Result<(), probity_core::workspace::Refused>| match r {
        Ok(()) => (None, None),
        Err(e) => (None, Some(e.to_string())),
    };
    match action {
        Action::Answer(status) if item.kind == Kind::Status => {
            let r = s.set_value(&item.id, Some(Value::Status(status)));
            s.advance_from(&item.id);
            done(r)
        }
        Action::Answer(_) => say(format!(
            "This item takes {}: press {} to answer it.",
            item.kind.allowed(),
            keymap::key_name(Context::Assessment, &Action::EditAnswer)
        )),
        Action::ClearAnswer => done(s.set_value(&item.id, None)),
        Action::EditAnswer => open(match &item.kind {
            Kind::Status | Kind::Choice(_) => {
                Dialog::Picker(Picker::for_item(&item, answer.value.as_ref()))
            }
            _ => Dialog::Entry(Entry::new(
                Purpose::Value,
                &answer
                    .value
                    .as_ref()
                    .map(Value::to_string)
                    .unwrap_or_default(),
            )),
        }),
        Action::EditNote => open(Dialog::Note(Box::new(Note::new(answer.note.as_deref())))),
        Action::EditEvidence => open(Dialog::Evidence(Evidence::default())),
        Action::EditOwner => open(Dialog::Entry(Entry::new(
            Purpose::Owner,
            answer.owner.as_deref().unwrap_or_default(),
        ))),
        Action::EditDue => open(Dialog::Entry(Entry::new(
            Purpose::Due,
            &answer.due.map(|d| d.to_string()).unwrap_or_default(),
        ))),
        Action::ToggleReview => done(s.change(&item.id, |a| a.review = !a.review)),
        Action::Confirm if answer.carried => done(s.change(&item.id, |a| a.carried = false)),
        Action::Confirm => {
            say("Nothing to confirm: this answer was not carried from last period.".into())
        }
        Action::SetAssurance => open(Dialog::Picker(Picker::for_assurance(&answer.assurance))),
        _ => (None, None),
    }
}

/// Why a key that would change an answer does nothing here, naming the way out.
fn why_not(refused: &Refused) -> String {
    match refused {
        Refused::ReadOnly(ReadOnly::OpenElsewhere) => {
            "This assessment is open in another probity window, so it is read-only here.".into()
        }
        Refused::ReadOnly(ReadOnly::FolderNotWritable) => {
            "This assessment's folder cannot be written to, so it is read-only here.".into()
        }
        Refused::Final => format!(
            "This assessment is signed off and final, so its answers cannot change. Press {} to reopen it as a draft.",
            keymap::key_name(Context::Assessment, &Action::Reopen)
        ),
        other => other.to_string(),
    }
}

/// Signing off (after checking nothing stands in the way) or reopening: each asks for what it
/// records first.
fn sign_off(s: &mut Session, action: Action) -> Outcome {
    let say = |m: String| (None, Some(m));
    let entry = |purpose, text: &str| (Some(Dialog::Entry(Entry::new(purpose, text))), None);
    if let Some(why) = s.read_only_because() {
        return say(why_not(&Refused::ReadOnly(why)));
    }
    match (action, s.assessment.is_final()) {
        (Action::Sign, true) => say(format!(
            "This assessment is signed off already. Press {} to reopen it as a draft.",
            keymap::key_name(Context::Assessment, &Action::Reopen)
        )),
        (Action::Sign, false) => {
            let blockers = s.blockers();
            if blockers.is_empty() {
                entry(Purpose::Signer, &s.actor.clone())
            } else {
                (Some(Dialog::Reading(Reading::refusals(&blockers))), None)
            }
        }
        (_, true) => entry(Purpose::ReopenReason, ""),
        (_, false) => say(format!(
            "This assessment is a draft; there is nothing to reopen. Press {} to sign it off.",
            keymap::key_name(Context::Assessment, &Action::Sign)
        )),
    }
}

/// Actions that change the selected item's record (or open a dialog that will).
fn edits(action: &Action) -> bool {
    matches!(
        action,
        Action::Answer(_)
            | Action::ClearAnswer
            | Action::EditAnswer
            | Action::EditNote
            | Action::EditEvidence
            | Action::EditOwner
            | Action::EditDue
            | Action::ToggleReview
            | Action::Confirm
            | Action::SetAssurance
    )
}
