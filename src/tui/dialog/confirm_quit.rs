//! Asked before leaving an assessment, or probity, when the last change could not be saved.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::{Step, frame_box};
use crate::tui::action::Action;
use crate::tui::app::{App, Leave};
use crate::tui::keymap::{self, Context};
use crate::tui::session::{SaveState, Session};
use crate::tui::theme::Theme;

pub fn update(app: &mut App, to: Leave, action: Action) -> Step {
    match action {
        Action::QuitAnyway => app.go(to),
        Action::RetrySave => {
            if let Some(s) = app.session_mut() {
                s.save_now();
                if s.save == SaveState::Saved {
                    app.go(to);
                }
            }
        }
        _ => {}
    }
    Step::Close
}

pub fn render(theme: Theme, s: &Session, to: &Leave, frame: &mut Frame, area: Rect) {
    let why = match &s.save {
        SaveState::Failed(why) => why.as_str(),
        _ => "",
    };
    let leaving = if *to == Leave::Quit {
        "quit"
    } else {
        "leave this assessment"
    };
    let inner = frame_box(frame, area, 70, 9, "Your last change is not saved", theme);
    frame.render_widget(
        Paragraph::new(vec![
            Line::styled(why, theme.error()),
            Line::from(""),
            Line::from(format!(
                "If you {leaving} now, the change is lost. Free some space or fix the folder, then try again."
            )),
            Line::from(""),
            Line::from(keymap::hint(
                Context::ConfirmQuit,
                &[
                    (&[Action::RetrySave], "try saving again"),
                    (&[Action::QuitAnyway], "leave and lose it"),
                    (&[Action::Close], "stay"),
                ],
            )),
        ])
        .wrap(Wrap { trim: true }),
        inner,
    );
}
