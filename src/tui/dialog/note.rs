//! The note editor: free text, typed or pasted, kept when the editor closes.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use probity_core::text::sanitize;

use super::{Step, frame_box};
use crate::tui::action::Action;
use crate::tui::fields::{draw_field, real_cursor};
use crate::tui::keymap::{self, Context};
use crate::tui::session::Session;
use crate::tui::theme::Theme;

pub struct Note {
    pub editor: TextArea<'static>,
}

impl Note {
    /// The editor holding `note`, cursor at its end.
    pub fn new(note: Option<&str>) -> Note {
        let mut editor = TextArea::from(note.unwrap_or_default().lines());
        editor.set_wrap_mode(WrapMode::WordOrGlyph);
        editor.move_cursor(CursorMove::Bottom);
        editor.move_cursor(CursorMove::End);
        real_cursor(&mut editor);
        Note { editor }
    }

    pub fn update(&mut self, action: Action, s: &mut Session) -> Step {
        match action {
            Action::Type(key) => {
                self.editor.input(key);
            }
            Action::Paste(text) => {
                self.editor
                    .insert_str(sanitize(&text.replace("\r\n", "\n").replace('\r', "\n")));
            }
            Action::Close => {
                self.keep(s);
                return Step::Close;
            }
            _ => {}
        }
        Step::Stay
    }

    /// Writes the note to the selected item, if it changed.
    pub fn keep(&self, s: &mut Session) {
        let text = self.editor.lines().join("\n");
        if let Some(item) = s.item().map(|i| i.id.clone()) {
            let _ = s.change(&item, |a| a.set_note(&text));
        }
    }

    pub fn render(&self, theme: Theme, s: &Session, frame: &mut Frame, area: Rect) {
        let title = s
            .item()
            .map_or("Note".to_string(), |i| format!("Note: {}", i.prompt));
        let inner = frame_box(
            frame,
            area,
            area.width.saturating_sub(8),
            area.height.saturating_sub(4),
            &title,
            theme,
        );
        let [text, hint] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
        draw_field(frame, &self.editor, text);
        frame.render_widget(
            Line::styled(
                format!(
                    "Type or paste freely. {} keeps the note and closes the editor.",
                    keymap::key_name(Context::Note, &Action::Close)
                ),
                theme.dim(),
            ),
            hint,
        );
    }
}
