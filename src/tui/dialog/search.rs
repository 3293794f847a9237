//! Searching the questions, guidance and notes as you type: the lists follow every key, Enter
//! keeps the search and Esc puts back the one before.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui_textarea::TextArea;

use probity_core::text::sanitize_line;

use super::Step;
use super::entry::one_line;
use crate::tui::action::Action;
use crate::tui::fields::{edit, line_field, paste_line, text_of, type_into};
use crate::tui::session::Session;
use crate::tui::theme::Theme;

pub struct Search {
    pub text: TextArea<'static>,
    /// The search before this one began, and the item then selected, for Esc to go back to.
    before: (Option<String>, Option<String>),
    /// How many items match so far.
    matches: usize,
}

impl Search {
    /// The search field, holding the current search if there is one.
    pub fn new(s: &Session) -> Search {
        Search {
            text: line_field(s.search.as_deref().unwrap_or_default()),
            before: (s.search.clone(), s.item().map(|i| i.id.clone())),
            matches: s.matches.iter().sum(),
        }
    }

    /// Shows what the text typed so far matches.
    fn follow(&mut self, s: &mut Session) {
        let text = sanitize_line(text_of(&self.text));
        s.search = (!text.is_empty()).then_some(text);
        s.refilter();
        s.jump_to_match();
        self.matches = s.matches.iter().sum();
    }

    pub fn update(&mut self, action: Action, s: &mut Session) -> Step {
        match action {
            Action::Type(key) => type_into(&mut self.text, key),
            Action::Edit(e) => edit(&mut self.text, e),
            Action::Paste(text) => paste_line(&mut self.text, &text),
            Action::Close => {
                let (search, item) = self.before.clone();
                s.search = search;
                s.refilter();
                if let Some(id) = item {
                    s.select(&id);
                }
                return Step::Close;
            }
            Action::Submit => return Step::Close,
            _ => return Step::Stay,
        }
        self.follow(s);
        Step::Stay
    }

    pub fn render(&self, theme: Theme, frame: &mut Frame, area: Rect) {
        let found = match self.matches {
            1 => "1 item matches".to_string(),
            n => format!("{n} items match"),
        };
        one_line(
            theme,
            frame,
            area,
            "Search prompts, guidance and notes",
            &format!("{found}. Leave empty to stop searching."),
            &self.text,
            None,
        );
    }
}
