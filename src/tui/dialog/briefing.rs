//! The briefing on a new assessment carried forward: what was carried and what changed in the
//! checklist, shown once before the first question.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use probity_core::text::sanitize_line;
use probity_core::workspace::Started;

use super::{Step, frame_box};
use crate::tui::action::Action;
use crate::tui::keymap::{self, Context};
use crate::tui::theme::Theme;
use crate::tui::widgets::Scroll;

pub struct Briefing {
    pub lines: Vec<String>,
    pub scroll: Scroll,
}

impl Briefing {
    /// The briefing for a new assessment, when it was carried from last period's.
    pub fn of(started: &Started) -> Option<Briefing> {
        let report = started.carried.as_ref()?;
        Some(Briefing {
            lines: report.lines().iter().map(|l| sanitize_line(l)).collect(),
            scroll: Scroll::default(),
        })
    }

    pub fn update(&mut self, action: Action) -> Step {
        let last = self.lines.len();
        let page = crate::tui::update::PAGE as isize;
        match action {
            Action::Close | Action::Submit => return Step::Close,
            Action::Down => self.scroll.step(1, last),
            Action::PageDown => self.scroll.step(page, last),
            Action::Up => self.scroll.step(-1, last),
            Action::PageUp => self.scroll.step(-page, last),
            _ => {}
        }
        Step::Stay
    }

    pub fn render(&self, theme: Theme, frame: &mut Frame, area: Rect) {
        let inner = frame_box(
            frame,
            area,
            area.width.saturating_sub(4),
            area.height.saturating_sub(2),
            "Before you start",
            theme,
        );
        let [intro, body, hint] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Min(1),
            Constraint::Length(1),
        ])
        .areas(inner);
        frame.render_widget(
            Paragraph::new(format!(
                "Carried answers are marked ↻. Press {} on an item to confirm it; {} lists \
                 those still to confirm.",
                keymap::key_name(Context::Assessment, &Action::Confirm),
                keymap::key_name(Context::Assessment, &Action::NextFilter),
            ))
            .style(theme.bold())
            .wrap(Wrap { trim: true }),
            intro,
        );
        let text: Vec<Line> = self.lines.iter().map(|l| Line::raw(l.as_str())).collect();
        frame.render_widget(
            Paragraph::new(text)
                .wrap(Wrap { trim: false })
                .scroll((self.scroll.top(), 0)),
            body,
        );
        frame.render_widget(
            Line::styled(
                keymap::hint(
                    Context::Briefing,
                    &[
                        (&[Action::Up, Action::Down], "scroll"),
                        (&[Action::Close], "start on the questions"),
                    ],
                ),
                theme.dim(),
            ),
            hint,
        );
    }
}
