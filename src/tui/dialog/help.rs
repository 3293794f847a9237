//! Every key, by where it works, printed from the key table itself.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use probity_core::answer::Status;
use probity_core::scoring::{AMBER_FROM, GREEN_FROM};

use super::{Step, frame_box};
use crate::tui::action::Action;
use crate::tui::keymap::{self, Context};
use crate::tui::theme::Theme;
use crate::tui::widgets::Scroll;

/// Lines of explanation before the keys, naming the keys the table binds.
fn intro() -> Vec<String> {
    let key = |a: Action| keymap::key_name(Context::Assessment, &a);
    vec![
        "Pick an area on the left and an item in the middle; its details are on the".into(),
        format!(
            "right. Answer with {}, {}, {} or {}, or press {} to type or choose an answer.",
            key(Action::Answer(Status::Yes)),
            key(Action::Answer(Status::Partial)),
            key(Action::Answer(Status::No)),
            key(Action::Answer(Status::Na)),
            key(Action::EditAnswer),
        ),
        "Every change is saved the moment you make it.".into(),
        String::new(),
        format!(
            "Areas are rated Red (under {AMBER_FROM}), Amber ({AMBER_FROM} to under {GREEN_FROM}) or Green ({GREEN_FROM} and over);"
        ),
        "Prov. marks a score resting on under half its scored questions: not yet rated.".into(),
        "Item marks: ✓ met  ◐ partly met  ✗ not met  ∅ not applicable  · unanswered".into(),
        "            ● answered  - not asked  ⚑ flagged for review".into(),
        "            ↻ carried from last period, not yet confirmed".into(),
    ]
}

#[derive(Default)]
pub struct Help {
    pub scroll: Scroll,
}

impl Help {
    pub fn update(&mut self, action: Action) -> Step {
        // Far enough to bring the last key into view, no further.
        let last = keymap::help_lines().len();
        match action {
            Action::Up => self.scroll.step(-1, last),
            Action::Down => self.scroll.step(1, last),
            Action::PageUp => self.scroll.step(-(crate::tui::update::PAGE as isize), last),
            Action::PageDown => self.scroll.step(crate::tui::update::PAGE as isize, last),
            Action::Close => return Step::Close,
            _ => {}
        }
        Step::Stay
    }

    pub fn render(&self, theme: Theme, frame: &mut Frame, area: Rect) {
        let inner = frame_box(
            frame,
            area,
            area.width,
            area.height.saturating_sub(2),
            "Help: every key",
            theme,
        );
        let mut lines: Vec<Line> = intro().into_iter().map(Line::from).collect();
        for (heading, keys, what) in keymap::help_lines() {
            match heading {
                Some(h) => {
                    lines.push(Line::from(""));
                    lines.push(Line::styled(h, theme.heading()));
                }
                None => lines.push(Line::from(vec![
                    Span::styled(format!("  {keys:<22}"), theme.bold()),
                    Span::raw(what),
                ])),
            }
        }
        let [body, hint] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
        frame.render_widget(Paragraph::new(lines).scroll((self.scroll.top(), 0)), body);
        frame.render_widget(
            Line::styled(
                keymap::hint(
                    Context::Help,
                    &[
                        (
                            &[Action::Up, Action::Down, Action::PageUp, Action::PageDown],
                            "scroll",
                        ),
                        (&[Action::Close], "close"),
                    ],
                ),
                theme.dim(),
            ),
            hint,
        );
    }
}
