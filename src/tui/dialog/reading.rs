//! A page of text to read and close: the briefing on a new assessment carried forward, an
//! item's history, or the reasons a sign-off is refused.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use probity_core::checklist::Item;
use probity_core::history::{self, Event};
use probity_core::text::sanitize_line;
use probity_core::workspace::{Blocker, Started};

use super::{Step, frame_box, inside};
use crate::tui::action::Action;
use crate::tui::keymap::{self, Context};
use crate::tui::session::Session;
use crate::tui::theme::Theme;
use crate::tui::widgets::Scroll;

pub struct Reading {
    pub title: String,
    /// A bold line or two above the text.
    pub intro: String,
    pub lines: Vec<String>,
    pub scroll: Scroll,
    /// Whose keys apply, and so what closing it means.
    pub context: Context,
    /// For a list of things to put right: the item each line leads to, and the line chosen;
    /// Enter goes to its item. Empty for a page only to read.
    pub targets: Vec<Option<String>>,
    pub chosen: usize,
}

impl Reading {
    /// The briefing for a new assessment, when it was carried from last period's: what was
    /// carried and what changed in the checklist, shown once before the first question.
    pub fn briefing(started: &Started) -> Option<Reading> {
        let report = started.carried.as_ref()?;
        Some(Reading {
            title: "Before you start".into(),
            intro: format!(
                "Carried answers are marked ↻. Press {} on an item to confirm it, or {} to \
                 confirm a whole area; {} lists those still to confirm.",
                keymap::key_name(Context::Assessment, &Action::Confirm),
                keymap::key_name(Context::Assessment, &Action::ConfirmArea),
                keymap::key_name(Context::Assessment, &Action::NextFilter),
            ),
            lines: report.lines().iter().map(|l| sanitize_line(l)).collect(),
            scroll: Scroll::default(),
            context: Context::Briefing,
            targets: Vec::new(),
            chosen: 0,
        })
    }

    /// The last message the bottom line showed, whole.
    pub fn message(said: Option<&str>) -> Reading {
        Reading {
            title: "The last message".into(),
            intro: match said {
                Some(_) => "As the bottom line showed it, in full:".into(),
                None => "No message has been shown yet.".into(),
            },
            lines: said.map(|m| vec![sanitize_line(m)]).unwrap_or_default(),
            scroll: Scroll::default(),
            context: Context::Reading,
            targets: Vec::new(),
            chosen: 0,
        }
    }

    /// Every recorded change to one item, oldest first, with who made it and when.
    pub fn history(s: &Session, item: &Item) -> Reading {
        let lines: Vec<String> = s
            .history()
            .entries()
            .filter(|e| match &e.event {
                Event::Changed { item: i, .. } => *i == item.id,
                Event::Adopted { answers, .. } => answers.contains_key(&item.id),
                _ => false,
            })
            .map(|e| {
                let when =
                    e.at.to_zoned(jiff::tz::TimeZone::system())
                        .strftime("%-d %B %Y, %H:%M %Z");
                let what = match &e.event {
                    Event::Adopted { .. } => "held as it stands when the history began (adopted into the history); earlier changes are unrecorded".to_string(),
                    _ => history::describe(e),
                };
                let what = what
                    .strip_prefix(&format!("{}: ", item.id))
                    .unwrap_or(&what);
                sanitize_line(&format!("{when}  {}  {what}", e.by))
            })
            .collect();
        Reading {
            title: "History".into(),
            intro: if lines.is_empty() {
                format!("Nothing is recorded yet for: {}", item.prompt)
            } else {
                format!("Every recorded change to: {}", item.prompt)
            },
            lines,
            scroll: Scroll::default(),
            context: Context::Reading,
            targets: Vec::new(),
            chosen: 0,
        }
    }

    /// Why the assessment cannot be signed off yet.
    pub fn refusals(blockers: &[Blocker]) -> Reading {
        Reading {
            title: "Not ready to sign off".into(),
            intro: format!(
                "Confirm each carried answer and each answer flagged for review (unflag it with \
                 {}), take ({}) or keep ({}) each answer a return gave beside a different one, and \
                 give every high finding's action an owner and a due date, then sign again.",
                keymap::key_name(Context::Assessment, &Action::ToggleReview),
                keymap::key_name(Context::Assessment, &Action::TakeIncoming),
                keymap::key_name(Context::Assessment, &Action::KeepHeld),
            ),
            lines: blockers
                .iter()
                .map(|b| sanitize_line(&format!("• {b}")))
                .collect(),
            scroll: Scroll::default(),
            context: Context::Reading,
            targets: blockers
                .iter()
                .map(|b| b.item_id().map(str::to_string))
                .collect(),
            chosen: 0,
        }
    }

    pub fn update(&mut self, action: Action, size: Rect) -> Step {
        if matches!(action, Action::Close | Action::Submit) {
            return Step::Close;
        }
        let [_, body, _] = Reading::layout(inside(
            size,
            size.width.saturating_sub(4),
            size.height.saturating_sub(2),
        ));
        if !self.targets.is_empty() && matches!(action, Action::Up | Action::Down) {
            let last = self.lines.len().saturating_sub(1);
            self.chosen = match action {
                Action::Up => self.chosen.saturating_sub(1),
                _ => (self.chosen + 1).min(last),
            };
            // Keep the chosen line in view: scroll to where it starts, or so it ends in view.
            let height = |l: &String| {
                Paragraph::new(l.as_str())
                    .wrap(Wrap { trim: false })
                    .line_count(body.width)
            };
            let start: usize = self.lines[..self.chosen].iter().map(height).sum();
            let end = start + self.lines.get(self.chosen).map_or(1, height);
            let top = usize::from(self.scroll.top());
            let view = usize::from(body.height);
            let to = if start < top {
                start
            } else if end > top + view {
                end.saturating_sub(view)
            } else {
                top
            };
            self.scroll = Scroll(u16::try_from(to).unwrap_or(u16::MAX));
            return Step::Stay;
        }
        let lines = self.text().line_count(body.width);
        self.scroll.apply(&action, lines, body.height);
        Step::Stay
    }

    /// The item the chosen line leads to, if this is a list of things to put right.
    pub fn target(&self) -> Option<&str> {
        self.targets.get(self.chosen)?.as_deref()
    }

    /// The introduction, the scrolling text and the line of keys.
    fn layout(inner: Rect) -> [Rect; 3] {
        Layout::vertical([
            Constraint::Length(2),
            Constraint::Min(1),
            Constraint::Length(1),
        ])
        .areas(inner)
    }

    fn text(&self) -> Paragraph<'_> {
        self.styled(Theme { colour: false })
    }

    /// The text, with the chosen line marked in a list of things to put right.
    fn styled(&self, theme: Theme) -> Paragraph<'_> {
        let text: Vec<Line> = self
            .lines
            .iter()
            .enumerate()
            .map(|(n, l)| {
                if !self.targets.is_empty() && n == self.chosen {
                    Line::styled(l.as_str(), theme.selected())
                } else {
                    Line::raw(l.as_str())
                }
            })
            .collect();
        Paragraph::new(text).wrap(Wrap { trim: false })
    }

    pub fn render(&self, theme: Theme, frame: &mut Frame, area: Rect) {
        let inner = frame_box(
            frame,
            area,
            area.width.saturating_sub(4),
            area.height.saturating_sub(2),
            &self.title,
            theme,
        );
        let [intro, body, hint] = Reading::layout(inner);
        frame.render_widget(
            Paragraph::new(self.intro.as_str())
                .style(theme.bold())
                .wrap(Wrap { trim: true }),
            intro,
        );
        let lines = self.text().line_count(body.width);
        frame.render_widget(self.styled(theme).scroll((self.scroll.top(), 0)), body);
        crate::tui::widgets::scroll_marks(frame, body, self.scroll.top(), lines);
        let close = match self.context {
            Context::Briefing => "start on the questions",
            _ => "close",
        };
        frame.render_widget(
            Line::styled(
                keymap::hint(
                    self.context,
                    &if self.targets.is_empty() {
                        vec![
                            (&[Action::Up, Action::Down][..], "scroll"),
                            (&[Action::Close][..], close),
                        ]
                    } else {
                        vec![
                            (&[Action::Up, Action::Down][..], "choose"),
                            (&[Action::Submit][..], "go to it"),
                            (&[Action::Close][..], close),
                        ]
                    },
                ),
                theme.dim(),
            ),
            hint,
        );
    }
}
