//! The assessment screen: answering, moving, filtering and opening dialogs.

pub mod detail;
pub mod rows;
pub mod view;

use ratatui::layout::Rect;

use probity_core::answer::{Kind, Value};

use super::action::Action;
use super::app::{App, Leave, Screen};
use probity_core::workspace::{ReadOnly, Refused, Resolution, ResolveError};

use super::dialog::{
    ConfirmArea, Dialog, Entry, Evidence, Export, Findings, Note, Overview, Picker, Purpose,
    Reading, Search,
};
use super::keymap::{self, Context};
use super::session::{Filter, Pane, SaveState, Session};
use super::theme::Theme;
use super::update::PAGE;
use super::watch::Seen;

/// What the screen hands back to [`update`]: a dialog to open, and a notice for the bottom line.
type Outcome = (Option<Dialog>, Option<String>);

pub fn update(app: &mut App, action: Action) {
    match action {
        Action::Back => return back(app),
        Action::PrevPeriod | Action::NextPeriod => {
            return other_period(app, action == Action::NextPeriod);
        }
        Action::TakeOver => return take_over(app),
        _ => {}
    }
    let (size, theme, start) = (app.size, app.theme, app.start_dir.clone());
    let Some(s) = app.session_mut() else {
        return;
    };
    let (dialog, notice) = match action {
        Action::OpenExport => (Some(Dialog::Export(Box::new(Export::new(s, &start)))), None),
        action => act(s, action, size, theme),
    };
    app.dialog = dialog;
    app.notice = notice;
}

/// Back one level: a filter or search is cleared first, then the assessment gives way to the
/// home screen.
fn back(app: &mut App) {
    let Some(s) = app.session_mut() else {
        return;
    };
    if s.filter != Filter::All || s.search.is_some() {
        s.filter = Filter::All;
        s.search = None;
        s.refilter();
    } else {
        app.leave(Leave::Home);
    }
}

/// Opens the same force's previous or next period in place of this one.
fn other_period(app: &mut App, later: bool) {
    let Some(s) = app.session() else {
        return;
    };
    match s.neighbour(later) {
        Some(p) => {
            let (path, period) = (p.path.clone(), p.period.clone());
            app.leave(Leave::Open(path));
            if app.session().is_some_and(|s| s.assessment.period == period) {
                app.notice = Some(format!(
                    "Now on {period}. {} and {} move between periods; everything is saved as you go.",
                    keymap::key_name(Context::Assessment, &Action::PrevPeriod),
                    keymap::key_name(Context::Assessment, &Action::NextPeriod)
                ));
            }
        }
        None => {
            app.notice = Some(format!(
                "There is no {} period of {} in this folder.",
                if later { "later" } else { "earlier" },
                s.assessment.force
            ))
        }
    }
}

/// In a read-only window whose other window has closed: opens the file again for editing here,
/// keeping the user's place.
fn take_over(app: &mut App) {
    let App {
        screen, ws, notice, ..
    } = app;
    let Screen::Assessment(s) = screen else {
        return;
    };
    *notice = Some(if !s.read_only() {
        "This window is already the one editing the assessment.".to_string()
    } else {
        match ws.open(&s.path) {
            Ok(opened) if !opened.read_only() => {
                s.opened = opened;
                s.save = SaveState::Saved;
                s.watch = None;
                s.refilter();
                "You are editing here now; every change is saved as you make it.".into()
            }
            Ok(_) => "The other window still has this assessment open.".into(),
            Err(e) => format!("Could not open it for editing: {e}"),
        }
    });
}

/// The regular check a read-only window makes on its file.
pub fn watch(app: &mut App) {
    let App {
        screen, ws, notice, ..
    } = app;
    let Screen::Assessment(s) = screen else {
        return;
    };
    let Session { watch, opened, .. } = &mut **s;
    let Some(watch) = watch else {
        return;
    };
    let seen = watch.check(opened, ws);
    if seen != Seen::Nothing {
        s.refilter();
    }
    match seen {
        Seen::Nothing => {}
        Seen::Saved => {
            *notice = Some("The other window saved a change; this view now shows it.".into())
        }
        Seen::Closed => {
            *notice = Some(format!(
                "The other window has closed. Press {} to edit here.",
                keymap::key_name(Context::Assessment, &Action::TakeOver)
            ))
        }
    }
}

fn act(s: &mut Session, action: Action, size: Rect, theme: Theme) -> Outcome {
    let say = |m: String| (None, Some(m));
    match action {
        Action::Up
        | Action::Down
        | Action::PageUp
        | Action::PageDown
        | Action::First
        | Action::Last
            if s.pane == Pane::Detail =>
        {
            let (lines, height) = detail::measure(s, theme, size);
            s.scroll.apply(&action, lines, height);
        }
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
        Action::PaneRight => match s.pane {
            Pane::Areas => s.pane = Pane::Items,
            Pane::Items => s.pane = Pane::Detail,
            Pane::Detail => {
                return say(
                    "The details are the rightmost pane; Tab goes round to the areas.".into(),
                );
            }
        },
        Action::PaneLeft => match s.pane {
            Pane::Areas => {
                return say(
                    "The areas are the leftmost pane; Shift-Tab goes round to the details.".into(),
                );
            }
            Pane::Items => s.pane = Pane::Areas,
            Pane::Detail => s.pane = Pane::Items,
        },
        Action::Continue => s.go_on(),
        Action::NextFilter => {
            let i = Filter::ALL.iter().position(|f| *f == s.filter).unwrap_or(0);
            s.filter = Filter::ALL[(i + 1) % Filter::ALL.len()];
            s.refilter();
            s.jump_to_match();
        }
        Action::ShowConflicts => {
            if s.assessment.conflicts().next().is_none() {
                return say("No return contradicts an answer held.".into());
            }
            s.filter = Filter::Conflicts;
            s.refilter();
            s.jump_to_match();
        }
        Action::Search => return (Some(Dialog::Search(Search::new(s))), None),
        Action::ToggleFindings => return (Some(Dialog::Findings(Findings::default())), None),
        Action::ShowHistory => {
            return match s.item().cloned() {
                Some(item) => (Some(Dialog::Reading(Reading::history(s, &item))), None),
                None => say("There is no item selected.".into()),
            };
        }
        Action::Sign | Action::Reopen => return sign_off(s, action),
        Action::Overview => return (Some(Dialog::Overview(Overview::new(s))), None),
        Action::Judge => return judge(s),
        Action::ToggleAdvance => {
            s.advance = s.advance.next();
            return say(s.advance.describe().into());
        }
        Action::Undo | Action::Redo => {
            if let Some(refused) = s.refusal() {
                return say(why_not(&refused));
            }
            return say(match s.undo(action == Action::Redo) {
                Ok(done) => format!(
                    "{done} {} undoes, {} redoes.",
                    keymap::key_name(Context::Assessment, &Action::Undo),
                    keymap::key_name(Context::Assessment, &Action::Redo)
                ),
                Err(why) => why,
            });
        }
        edit if edits(&edit) => {
            let (dialog, said) = answer(s, edit);
            let moved = s.follow_filter();
            return (dialog, moved.or(said));
        }
        _ => {}
    }
    (None, None)
}

/// Acts on the selected item's record, or opens the dialog that will.
fn answer(s: &mut Session, action: Action) -> Outcome {
    let say = |m: String| (None, Some(m));
    if let Some(refused) = s.refusal() {
        return say(why_not(&refused));
    }
    if action == Action::ConfirmArea {
        return confirm_area(s);
    }
    let Some(item) = s.item().cloned() else {
        return say("There is no item selected.".into());
    };
    let answer = s.assessment.answer(&item.id).cloned().unwrap_or_default();
    let open = |d: Dialog| (Some(d), None);
    let done = |r: Result<(), probity_core::workspace::Refused>| match r {
        Ok(()) => (None, None),
        Err(e) => (None, Some(e.to_string())),
    };
    let undo_key = keymap::key_name(Context::Assessment, &Action::Undo);
    // A change with nothing else to show says what it did.
    let done_saying = |r: Result<(), probity_core::workspace::Refused>, what: &str| match r {
        Ok(()) => (None, Some(format!("{what} {undo_key} undoes it."))),
        Err(e) => (None, Some(e.to_string())),
    };
    match action {
        Action::Answer(status) if item.kind == Kind::Status => {
            done(s.answer(&item.id, Value::Status(status)))
        }
        Action::Answer(_) => say(format!(
            "This item takes {}: press {} to answer it.",
            item.kind.allowed_typed(),
            keymap::key_name(Context::Assessment, &Action::EditAnswer)
        )),
        Action::ClearAnswer if answer.value.is_none() => say("There is no answer to clear.".into()),
        Action::ClearAnswer => done_saying(
            s.set_value(&item.id, None),
            "Answer cleared; its note and evidence are kept.",
        ),
        Action::EditAnswer => open(match &item.kind {
            Kind::Status | Kind::Choice(_) => {
                Dialog::Picker(Picker::for_item(&item, answer.value.as_ref()))
            }
            kind => Dialog::Entry(Entry::for_value(kind, answer.value.as_ref())),
        }),
        Action::EditNote => open(Dialog::Note(Box::new(Note::new(answer.note.as_deref())))),
        Action::EditEvidence => open(Dialog::Evidence(Evidence::default())),
        Action::EditOwner => open(Dialog::Entry(Entry::new(
            Purpose::Owner,
            answer.owner.as_deref().unwrap_or_default(),
        ))),
        Action::EditDue => open(Dialog::Entry(Entry::new(
            Purpose::Due,
            // As the field asks for it: day, month, year.
            &answer
                .due
                .map(|d| d.strftime("%d/%m/%Y").to_string())
                .unwrap_or_default(),
        ))),
        Action::ToggleReview => done_saying(
            s.change(&item.id, |a| a.review = !a.review),
            if answer.review {
                "No longer flagged for review."
            } else {
                "Flagged for review."
            },
        ),
        Action::Confirm if answer.is_unconfirmed() => done_saying(
            s.change(&item.id, |a| a.carried = false),
            "Confirmed: the answer carried from last period stands for this one.",
        ),
        Action::Confirm => {
            say("Nothing to confirm: this answer was not carried from last period.".into())
        }
        Action::SetAssurance => open(Dialog::Picker(Picker::for_assurance(&answer.assurance))),
        Action::TakeIncoming | Action::KeepHeld => resolve(s, &item.id, &action),
        _ => (None, None),
    }
}

/// Opens the choice of the assessor's grade for the selected area, or says why there is none.
fn judge(s: &Session) -> Outcome {
    let say = |m: String| (None, Some(m));
    if s.evaluation.judgements.is_none() {
        return say(
            "This checklist defines no graded judgements, so there is no judgement to record."
                .into(),
        );
    }
    if let Some(refused) = s.refusal() {
        return say(why_not(&refused));
    }
    match Picker::for_judgement(s, s.area) {
        Some(picker) => (Some(Dialog::Picker(picker)), None),
        None => say(format!(
            "{} asks no scored questions, so it has no judgement to record.",
            s.checklist.areas[s.area].title
        )),
    }
}

/// Takes the answer a return gave, or keeps the one held, saying which was done.
fn resolve(s: &mut Session, id: &str, action: &Action) -> Outcome {
    let (how, done) = match action {
        Action::TakeIncoming => (Resolution::Take, "Took the answer the return gave."),
        _ => (
            Resolution::Keep,
            "Kept the answer held; the return's is set aside.",
        ),
    };
    let said = match s.resolve(id, how) {
        Ok(()) => done.to_string(),
        Err(ResolveError::NoConflict(_)) => {
            "Nothing to resolve: no return gave a different answer to this item.".into()
        }
        Err(ResolveError::Refused(refused)) => why_not(&refused),
    };
    (None, Some(said))
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

/// Asks before confirming every carried answer of the selected area, counting them.
fn confirm_area(s: &Session) -> Outcome {
    let area = &s.checklist.areas[s.area];
    let items: Vec<String> = area
        .items
        .iter()
        .filter(|i| {
            s.assessment
                .answer(&i.id)
                .is_some_and(|a| a.is_unconfirmed())
        })
        .map(|i| i.id.clone())
        .collect();
    if items.is_empty() {
        return (
            None,
            Some(format!(
                "Nothing in {} is waiting to be confirmed.",
                area.title
            )),
        );
    }
    (
        Some(Dialog::ConfirmArea(ConfirmArea {
            area: area.title.clone(),
            items,
        })),
        None,
    )
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
            | Action::TakeIncoming
            | Action::KeepHeld
            | Action::SetAssurance
            | Action::ConfirmArea
    )
}
