//! The findings panel: every gap by severity, with the answers behind it; Enter goes to the
//! item that holds its action.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph, Wrap};

use super::{Step, frame_box};
use crate::tui::action::Action;
use crate::tui::keymap::{self, Context};
use crate::tui::session::{Pane, Session};
use crate::tui::theme::{Theme, severity_word};
use crate::tui::widgets::Cursor;

#[derive(Default)]
pub struct Findings {
    pub selected: Cursor,
}

impl Findings {
    pub fn update(&mut self, action: Action, s: &mut Session) -> Step {
        let count = s.evaluation.findings.len();
        match action {
            Action::Up => self.selected.step(-1, count),
            Action::Down => self.selected.step(1, count),
            Action::Submit => {
                // A rule's anchor holds its owner and due date, so that is where to go.
                let target = s.evaluation.findings.get(self.selected.at()).map(|f| {
                    let anchor = s.checklist.rule(&f.id).and_then(|r| r.anchor.as_ref());
                    anchor
                        .or_else(|| f.items.iter().find(|i| s.evaluation.is_asked(i)))
                        .unwrap_or(&f.id)
                        .clone()
                });
                if let Some(id) = target {
                    s.select(&id);
                    s.pane = Pane::Items;
                }
                return Step::Close;
            }
            Action::Close => return Step::Close,
            _ => {}
        }
        Step::Stay
    }

    pub fn render(&self, theme: Theme, s: &Session, frame: &mut Frame, area: Rect) {
        let e = &s.evaluation;
        let inner = frame_box(
            frame,
            area,
            area.width.saturating_sub(4),
            area.height.saturating_sub(2),
            "Findings",
            theme,
        );
        // The list takes what it needs up to a third of the panel; the rest explains the selection.
        let listed = (e.findings.len() as u16).clamp(1, inner.height / 3);
        let [list_area, _, detail_area, hint] = Layout::vertical([
            Constraint::Length(listed),
            Constraint::Length(1),
            Constraint::Min(3),
            Constraint::Length(1),
        ])
        .areas(inner);
        frame.render_widget(
            Line::styled(
                keymap::hint(
                    Context::Findings,
                    &[
                        (&[Action::Up, Action::Down], "choose"),
                        (&[Action::Submit], "go to the item"),
                        (&[Action::Close], "close"),
                    ],
                ),
                theme.dim(),
            ),
            hint,
        );
        if e.findings.is_empty() {
            frame.render_widget(
                Paragraph::new("No findings: nothing answered so far shows a gap."),
                list_area,
            );
            return;
        }
        let items: Vec<ListItem> = e
            .findings
            .iter()
            .map(|f| {
                ListItem::new(Line::from(vec![
                    Span::styled(
                        format!("{:<7}", severity_word(f.severity)),
                        theme.severity(f.severity),
                    ),
                    Span::raw(f.title.as_str()),
                ]))
            })
            .collect();
        frame.render_stateful_widget(
            List::new(items).highlight_style(theme.selected()),
            list_area,
            &mut ListState::default().with_selected(Some(self.selected.at())),
        );
        let Some(f) = e.findings.get(self.selected.at()) else {
            return;
        };
        let mut lines = vec![Line::styled(
            format!(
                "Why \"{}\" was flagged (✓ marks a part that holds):",
                f.title
            ),
            theme.bold(),
        )];
        for step in &f.trace {
            let prompt = s
                .checklist
                .item(&step.item)
                .map_or(step.item.as_str(), |i| i.prompt.as_str());
            let answer = step.value.as_deref().unwrap_or("unanswered");
            let mark = if step.holds { "✓" } else { "✗" };
            lines.push(Line::from(format!("  {mark} {prompt}")));
            lines.push(Line::styled(
                format!("      Answer: {answer}. This counts when it {}.", step.test),
                theme.dim(),
            ));
        }
        let owner = match (&f.owner, f.due) {
            (None, None) => "no owner or due date yet".to_string(),
            (owner, due) => format!(
                "{}, {}",
                owner.as_deref().unwrap_or("no owner"),
                due.map_or("no due date".into(), |d| format!("due {d}"))
            ),
        };
        lines.push(Line::from(vec![
            Span::styled("Action owner: ", theme.bold()),
            Span::raw(owner),
        ]));
        lines.push(Line::from(f.explanation.as_str()));
        if !f.action.is_empty() {
            lines.push(Line::from(vec![
                Span::styled("Recommended: ", theme.bold()),
                Span::raw(f.action.as_str()),
            ]));
        }
        frame.render_widget(
            Paragraph::new(lines).wrap(Wrap { trim: false }),
            detail_area,
        );
    }
}
