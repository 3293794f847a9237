//! Asked before quitting when the last change could not be saved.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::{Step, frame_box};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{self, Context};
use crate::tui::session::{SaveState, Session};
use crate::tui::theme::Theme;

pub fn update(app: &mut App, action: Action) -> Step {
    match action {
        Action::QuitAnyway => app.quit = true,
        Action::RetrySave => {
            if let Some(s) = app.session_mut() {
                s.save_now();
                app.quit = s.save == SaveState::Saved;
            }
        }
        _ => {}
    }
    Step::Close
}

pub fn render(theme: Theme, s: &Session, frame: &mut Frame, area: Rect) {
    let why = match &s.save {
        SaveState::Failed(why) => why.as_str(),
        _ => "",
    };
    let inner = frame_box(frame, area, 70, 9, "Your last change is not saved", theme);
    frame.render_widget(
        Paragraph::new(vec![
            Line::styled(why, theme.error()),
            Line::from(""),
            Line::from(
                "If you quit now, the change is lost. Free some space or fix the folder, then try again.",
            ),
            Line::from(""),
            Line::from(keymap::hint(
                Context::ConfirmQuit,
                &[
                    (&[Action::RetrySave], "try saving again"),
                    (&[Action::QuitAnyway], "quit and lose it"),
                    (&[Action::Close], "stay"),
                ],
            )),
        ])
        .wrap(Wrap { trim: true }),
        inner,
    );
}
