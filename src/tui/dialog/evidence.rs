//! The evidence list of the selected item: references to the documents and records behind
//! its answer.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{List, ListItem, ListState, Paragraph, Wrap};

use super::{Dialog, Entry, Purpose, Step, frame_box};
use crate::tui::action::Action;
use crate::tui::keymap::{self, Context};
use crate::tui::session::Session;
use crate::tui::theme::Theme;
use crate::tui::view::clip;
use crate::tui::widgets::Cursor;

#[derive(Default)]
pub struct Evidence {
    pub selected: Cursor,
}

fn references(s: &Session) -> &[String] {
    s.item()
        .and_then(|i| s.assessment.answer(&i.id))
        .map(|a| a.evidence.as_slice())
        .unwrap_or_default()
}

impl Evidence {
    pub fn update(&mut self, action: Action, s: &mut Session) -> Step {
        let Some(item) = s.item().map(|i| i.id.clone()) else {
            return Step::Close;
        };
        let count = references(s).len();
        let at = self.selected.at();
        match action {
            Action::AddEvidence => {
                return Step::Open(Box::new(Dialog::Entry(Entry::new(
                    Purpose::AddEvidence,
                    "",
                ))));
            }
            Action::Submit if at < count => {
                let current = references(s)[at].clone();
                return Step::Open(Box::new(Dialog::Entry(Entry::new(
                    Purpose::EditEvidence(at),
                    &current,
                ))));
            }
            Action::RemoveEvidence if at < count => {
                let _ = s.change(&item, |a| {
                    a.evidence.remove(at);
                });
                self.selected.clamp(count - 1);
            }
            Action::Close => return Step::Close,
            other => {
                self.selected.apply(&other, count);
            }
        }
        Step::Stay
    }

    pub fn render(&self, theme: Theme, s: &Session, frame: &mut Frame, area: Rect) {
        let evidence = references(s);
        let inner = frame_box(frame, area, 70, 14, "Evidence", theme);
        let [list, hint] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
        if evidence.is_empty() {
            frame.render_widget(
                Paragraph::new(format!(
                    "No evidence recorded yet. Press {} to add a document or record.",
                    keymap::key_name(Context::Evidence, &Action::AddEvidence)
                ))
                .wrap(Wrap { trim: true }),
                list,
            );
        } else {
            let items: Vec<ListItem> = evidence
                .iter()
                .map(|e| ListItem::new(clip(e, 200)))
                .collect();
            frame.render_stateful_widget(
                List::new(items).highlight_style(theme.selected()),
                list,
                &mut ListState::default().with_selected(Some(self.selected.at())),
            );
        }
        frame.render_widget(
            Line::styled(
                keymap::hint(
                    Context::Evidence,
                    &[
                        (&[Action::AddEvidence], "add"),
                        (&[Action::Submit], "edit"),
                        (&[Action::RemoveEvidence], "remove"),
                        (&[Action::Close], "close"),
                    ],
                ),
                theme.dim(),
            ),
            hint,
        );
    }
}
