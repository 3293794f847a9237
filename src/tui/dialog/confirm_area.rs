//! Confirming every carried answer of an area at once, after saying how many there are.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::{Step, frame_box};
use crate::tui::action::Action;
use crate::tui::keymap::{self, Context};
use crate::tui::session::Session;
use crate::tui::theme::Theme;

pub struct ConfirmArea {
    /// The area's title.
    pub area: String,
    /// Its items whose answers were carried and are not yet confirmed.
    pub items: Vec<String>,
}

impl ConfirmArea {
    fn count(&self) -> String {
        match self.items.len() {
            1 => "the 1 answer".to_string(),
            n => format!("all {n} answers"),
        }
    }

    pub fn update(&mut self, action: Action, s: &mut Session) -> Step {
        match action {
            Action::Yes => {
                s.notice = Some(match s.change_each(&self.items, |a| a.carried = false) {
                    Ok(()) => format!(
                        "Confirmed {} carried in {}. {} undoes it.",
                        self.count(),
                        self.area,
                        keymap::key_name(Context::Assessment, &Action::Undo)
                    ),
                    Err(e) => e.to_string(),
                });
                if let Some(moved) = s.follow_filter() {
                    s.notice = Some(format!("{} {moved}", s.notice.take().unwrap_or_default()));
                }
                Step::Close
            }
            Action::No | Action::Close => Step::Close,
            _ => Step::Stay,
        }
    }

    pub fn render(&self, theme: Theme, frame: &mut Frame, area: Rect) {
        let inner = frame_box(frame, area, 64, 10, "Confirm carried answers", theme);
        frame.render_widget(
            Paragraph::new(vec![
                Line::from(format!(
                    "Confirm {} carried from last period in {}?",
                    self.count(),
                    self.area
                )),
                Line::from(""),
                Line::styled(
                    "Do this only when each has been checked and still holds; the answers stay as they are.",
                    theme.dim(),
                ),
                Line::from(""),
                Line::from(keymap::hint(
                    Context::Ask,
                    &[
                        (&[Action::Yes], "confirm them"),
                        (&[Action::Close], "leave them to confirm one by one"),
                    ],
                )),
            ])
            .wrap(Wrap { trim: true }),
            inner,
        );
    }
}
