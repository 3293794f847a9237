//! Searching the questions, guidance and notes.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui_textarea::TextArea;

use probity_core::text::sanitize_line;

use super::Step;
use super::entry::one_line;
use crate::tui::action::Action;
use crate::tui::fields::{line_field, paste_line, text_of, type_into};
use crate::tui::session::Session;
use crate::tui::theme::Theme;

pub struct Search {
    pub text: TextArea<'static>,
}

impl Search {
    /// The search field, holding the current search if there is one.
    pub fn new(current: Option<&str>) -> Search {
        Search {
            text: line_field(current.unwrap_or_default()),
        }
    }

    pub fn update(&mut self, action: Action, s: &mut Session) -> Step {
        match action {
            Action::Type(key) => type_into(&mut self.text, key),
            Action::Paste(text) => paste_line(&mut self.text, &text),
            Action::Close => return Step::Close,
            Action::Submit => {
                let text = sanitize_line(text_of(&self.text));
                s.search = (!text.is_empty()).then_some(text);
                s.refilter();
                s.jump_to_match();
                return Step::Close;
            }
            _ => {}
        }
        Step::Stay
    }

    pub fn render(&self, theme: Theme, frame: &mut Frame, area: Rect) {
        one_line(
            theme,
            frame,
            area,
            "Search prompts, guidance and notes",
            "Leave empty to stop searching.",
            &self.text,
            None,
        );
    }
}
