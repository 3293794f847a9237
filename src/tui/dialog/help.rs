//! Every key, by where it works, printed from the key table itself; it opens on the keys of
//! the screen or dialog it was opened from.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use probity_core::answer::Status;
use probity_core::scoring::{AMBER_FROM, GREEN_FROM};

use super::{Step, frame_box, inside};
use crate::tui::action::Action;
use crate::tui::keymap::{self, Context};
use crate::tui::theme::Theme;
use crate::tui::widgets::Scroll;

/// Lines of explanation before the assessment's keys, naming the keys the table binds.
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
        format!(
            "Every change is saved the moment you make it, and {} takes it back.",
            key(Action::Undo)
        ),
        String::new(),
        format!(
            "Areas are rated Red (under {AMBER_FROM}), Amber ({AMBER_FROM} to under {GREEN_FROM}) or Green ({GREEN_FROM} and over);"
        ),
        "Prov. marks a score resting on under half its scored questions: not yet rated.".into(),
        "Item marks: ✓ met  ◐ partly met  ✗ not met  ∅ not applicable  · unanswered".into(),
        "            ● answered  - not asked  ⚑ flagged for review".into(),
        "            ⇄ a return gave a different answer, waiting to be taken or kept".into(),
        "            ↻ carried from last period, not yet confirmed".into(),
    ]
}

pub struct Help {
    /// Whose keys come first.
    pub from: Context,
    pub scroll: Scroll,
}

impl Help {
    pub fn new(from: Context) -> Help {
        Help {
            from,
            scroll: Scroll::default(),
        }
    }

    /// The box the help is drawn in, and the part of it the keys scroll in.
    fn body(area: Rect) -> Rect {
        let inner = inside(area, area.width, area.height.saturating_sub(2));
        let [body, _] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
        body
    }

    fn text(&self, theme: Theme) -> Paragraph<'static> {
        let mut lines: Vec<Line> = Vec::new();
        for section in keymap::help_sections(self.from) {
            if section.context == Context::Assessment {
                if !lines.is_empty() {
                    lines.push(Line::from(""));
                }
                lines.extend(intro().into_iter().map(Line::from));
            }
            if !lines.is_empty() {
                lines.push(Line::from(""));
            }
            lines.push(Line::styled(section.context.title(), theme.heading()));
            for (keys, what) in section.keys {
                lines.push(Line::from(vec![
                    Span::styled(format!("  {keys:<22}"), theme.bold()),
                    Span::raw(what),
                ]));
            }
        }
        Paragraph::new(lines).wrap(Wrap { trim: false })
    }

    pub fn update(&mut self, action: Action, size: Rect) -> Step {
        if action == Action::Close {
            return Step::Close;
        }
        let body = Help::body(size);
        let lines = self.text(Theme { colour: false }).line_count(body.width);
        self.scroll.apply(&action, lines, body.height);
        Step::Stay
    }

    pub fn render(&self, theme: Theme, frame: &mut Frame, area: Rect) {
        let inner = frame_box(
            frame,
            area,
            area.width,
            area.height.saturating_sub(2),
            &format!(
                "Help: the keys of {} first, then every other",
                self.from.title()
            ),
            theme,
        );
        let [body, hint] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
        let text = self.text(theme);
        let lines = text.line_count(body.width);
        frame.render_widget(text.scroll((self.scroll.top(), 0)), body);
        crate::tui::widgets::scroll_marks(frame, body, self.scroll.top(), lines);
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
