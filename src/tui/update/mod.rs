//! The one place the interface changes state. Every change to an answer goes through
//! [`Session::commit`], which re-scores and saves at once, so nothing typed is ever only in
//! memory for longer than it takes to write the file.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;

use super::action::Action;
use super::app::*;
use super::keymap::Context;
use crate::assessment::{self, Status, Value};
use crate::checklist::Kind;
use crate::report::{self, Format, Report};

mod home;
mod overlay;
mod screen;

use home::*;
use overlay::*;
use screen::*;

pub use screen::status_label;

/// How far PgUp and PgDn move.
const PAGE: usize = 10;

const READ_ONLY: &str =
    "This assessment is open in another probity window, so it is read-only here.";

/// Which key table applies now.
pub fn context(app: &App) -> Context {
    match &app.overlay {
        Some(Overlay::Help { .. }) => Context::Help,
        Some(Overlay::Briefing { .. }) => Context::Briefing,
        Some(Overlay::Findings { .. }) => Context::Findings,
        Some(Overlay::Export(_)) => Context::Export,
        Some(Overlay::Picker(_)) => Context::Picker,
        Some(Overlay::Input(_)) => Context::Input,
        Some(Overlay::Note(_)) => Context::Note,
        Some(Overlay::Evidence { .. }) => Context::Evidence,
        Some(Overlay::ConfirmQuit) => Context::ConfirmQuit,
        None => match &app.screen {
            Screen::Home(_) => Context::Assessments,
            Screen::NewForm(_) => Context::NewForm,
            Screen::Assessment(_) => Context::Assessment,
        },
    }
}

/// Applies one action.
pub fn update(app: &mut App, action: Action) {
    app.notice = None;
    match action {
        Action::Quit => return quit(app),
        Action::Help => {
            app.overlay = Some(Overlay::Help { scroll: 0 });
            return;
        }
        _ => {}
    }
    let today = app.ctx.today;
    match app.overlay.take() {
        Some(overlay) => app.overlay = overlay_update(app, overlay, action),
        None => match &mut app.screen {
            Screen::Home(_) => home_update(app, action),
            Screen::NewForm(_) => form_update(app, action),
            Screen::Assessment(session) => {
                let (overlay, notice) = assessment_update(session, action, today);
                app.overlay = overlay;
                app.notice = notice;
            }
        },
    }
}

fn quit(app: &mut App) {
    // A note being written is kept, not dropped, when quitting from the editor.
    if let Some(Overlay::Note(_)) = app.overlay {
        let overlay = app.overlay.take();
        app.overlay = overlay.and_then(|o| overlay_update(app, o, Action::Close));
    }
    match app.session() {
        Some(s) if matches!(s.save, SaveState::Failed(_)) => {
            app.overlay = Some(Overlay::ConfirmQuit)
        }
        _ => app.quit = true,
    }
}

/// What a screen hands back to [`update`]: a dialog to open, and a notice for the bottom line.
pub(super) type Outcome = (Option<Overlay>, Option<String>);
