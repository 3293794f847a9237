//! The note editor: free text, typed or pasted. Closing it with changes asks whether to keep
//! them; quitting from it keeps them.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use probity_core::text::sanitize;

use super::{Step, frame_box};
use crate::tui::action::Action;
use crate::tui::fields::{draw_field, edit, real_cursor};
use crate::tui::keymap::{self, Context};
use crate::tui::session::Session;
use crate::tui::theme::Theme;

pub struct Note {
    pub editor: TextArea<'static>,
    /// The note as it was when the editor opened.
    pub original: String,
    /// Closing with changes: waiting to hear whether to keep them.
    pub asking: bool,
}

impl Note {
    /// The editor holding `note`, cursor at its end.
    pub fn new(note: Option<&str>) -> Note {
        let original = note.unwrap_or_default().to_string();
        let mut editor = TextArea::from(original.lines());
        editor.set_wrap_mode(WrapMode::WordOrGlyph);
        editor.move_cursor(CursorMove::Bottom);
        editor.move_cursor(CursorMove::End);
        real_cursor(&mut editor);
        Note {
            editor,
            original,
            asking: false,
        }
    }

    /// Typing, or answering whether to keep the changes.
    pub fn context(&self) -> Context {
        if self.asking {
            Context::Ask
        } else {
            Context::Note
        }
    }

    fn text(&self) -> String {
        self.editor.lines().join("\n")
    }

    pub fn update(&mut self, action: Action, s: &mut Session) -> Step {
        match action {
            Action::Type(key) => {
                self.editor.input(key);
            }
            Action::Edit(e) => edit(&mut self.editor, e),
            Action::Paste(text) => {
                self.editor
                    .insert_str(sanitize(&text.replace("\r\n", "\n").replace('\r', "\n")));
            }
            Action::Close if self.asking => self.asking = false,
            Action::Close if self.text() == self.original => return Step::Close,
            Action::Close => self.asking = true,
            Action::Yes => {
                self.keep(s);
                return Step::Close;
            }
            Action::No => return Step::Close,
            _ => {}
        }
        Step::Stay
    }

    /// Writes the note to the selected item, if it changed.
    pub fn keep(&self, s: &mut Session) {
        let text = self.text();
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
        if self.asking {
            frame.render_widget(&self.editor, text);
            let ask = keymap::hint(
                Context::Ask,
                &[
                    (&[Action::Yes], "keep"),
                    (&[Action::No], "discard"),
                    (&[Action::Close], "go on writing"),
                ],
            );
            frame.render_widget(
                Line::styled(
                    format!("Keep your changes to the note?  {ask}"),
                    theme.bold(),
                ),
                hint,
            );
            return;
        }
        draw_field(frame, &self.editor, text);
        frame.render_widget(
            Line::styled(
                format!(
                    "Type or paste freely. {} closes the editor, asking whether to keep your changes.",
                    keymap::key_name(Context::Note, &Action::Close)
                ),
                theme.dim(),
            ),
            hint,
        );
    }
}
