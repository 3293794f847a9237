//! The one place the interface changes state: an action goes to the open dialog if there is
//! one, otherwise to the screen. Changes to answers reach the disk through the session.

use crossterm::event::{KeyCode, KeyModifiers};
use ratatui::layout::Rect;

use super::action::Action;
use super::app::{App, Leave, Screen};
use super::dialog::{self, Dialog, Help};
use super::keymap::{self, Context};
use super::{assessment, form, home, view};

/// How far PgUp and PgDn move in a list.
pub const PAGE: usize = 10;

/// Which key table applies now.
pub fn context(app: &App) -> Context {
    match (&app.dialog, &app.screen) {
        (Some(d), _) => d.context(),
        (None, Screen::Home(_)) => Context::Assessments,
        (None, Screen::NewForm(_)) => Context::NewForm,
        (None, Screen::Assessment(_)) => Context::Assessment,
    }
}

/// Applies one action.
pub fn update(app: &mut App, action: Action) {
    match action {
        Action::Resize(width, height) => {
            app.size = Rect::new(0, 0, width, height);
            if view::fits(app.size) && app.notice.as_deref() == Some(TOO_SMALL) {
                app.notice = None;
            }
            return;
        }
        Action::Tick => return assessment::watch(app),
        _ => {}
    }
    if !view::fits(app.size) && !ends_session(&action) {
        app.notice = Some(TOO_SMALL.into());
        return;
    }
    if let Some(said) = app.notice.take() {
        app.last_notice = Some(said);
    }
    match action {
        Action::Quit => return quit(app),
        Action::ShowMessage => {
            app.dialog = Some(Dialog::Reading(dialog::Reading::message(
                app.last_notice.as_deref(),
            )));
            return;
        }
        Action::Help => {
            app.dialog = Some(Dialog::Help(Help::new(context(app))));
            return;
        }
        Action::Unbound(key) => {
            app.notice = Some(format!(
                "{key} does nothing here. Press {} for the keys you can use.",
                keymap::key_name(context(app), &Action::Help)
            ));
            return;
        }
        _ => {}
    }
    match app.dialog.take() {
        Some(d) => app.dialog = dialog::update(app, d, action),
        None => match &app.screen {
            Screen::Home(_) => home::update(app, action),
            Screen::NewForm(_) => form::update(app, action),
            Screen::Assessment(_) => assessment::update(app, action),
        },
    }
    if let Some(notice) = app.session_mut().and_then(|s| s.notice.take()) {
        app.notice = Some(notice);
    }
    outside(app);
}

/// Tells what a save found changed outside probity, which matters more than anything the key
/// itself said, and asks about a change here that met one there.
fn outside(app: &mut App) {
    let Some(s) = app.session_mut() else {
        return;
    };
    let Some(outside) = s.outside.take() else {
        return;
    };
    let said = s.outside_notice(&outside);
    let ask = (!outside.held_back.is_empty()).then(|| dialog::KeepMine::new(outside.held_back, s));
    app.notice = Some(said);
    if let Some(ask) = ask {
        app.dialog = Some(Dialog::KeepMine(ask));
    }
}

/// What a key says while the window is too small to show what it would do.
const TOO_SMALL: &str = "Keys do nothing while the window is too small to show what they \
would do. Make it larger, or press Q to quit.";

/// Quitting is the one thing a key may do unseen: `Q`, or Ctrl-C, even while typing.
fn ends_session(action: &Action) -> bool {
    match action {
        Action::Quit => true,
        Action::Type(key) => {
            key.code == KeyCode::Char('Q')
                && !key
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        }
        _ => false,
    }
}

fn quit(app: &mut App) {
    // A note being written is kept, not dropped, when quitting from the editor.
    if let Some(Dialog::Note(note)) = app.dialog.take()
        && let Some(s) = app.session_mut()
    {
        note.keep(s);
    }
    app.leave(Leave::Quit);
}
