//! The findings panel: every gap by severity, with the answers behind it; Enter goes to the
//! item that holds its action. The explanation scrolls, so it can be read whole at 80 × 24.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, Paragraph, Wrap};

use probity_core::scoring::{Finding, FindingKind};

use super::{Step, frame_box, inside};
use crate::tui::action::Action;
use crate::tui::keymap::{self, Context};
use crate::tui::session::{Pane, Session};
use crate::tui::theme::{Theme, severity_word};
use crate::tui::widgets::{Cursor, Scroll};

#[derive(Default)]
pub struct Findings {
    pub selected: Cursor,
    /// How far the selected finding's explanation is scrolled.
    pub scroll: Scroll,
}

/// The box's inside, by the screen's size.
fn boxed(area: Rect) -> Rect {
    inside(
        area,
        area.width.saturating_sub(4),
        area.height.saturating_sub(2),
    )
}

/// The list, the explanation and the line of keys. The list takes what it needs up to a third
/// of the panel.
fn layout(inner: Rect, findings: usize) -> [Rect; 3] {
    let listed = (findings as u16).clamp(1, inner.height / 3);
    let [list, _, detail, hint] = Layout::vertical([
        Constraint::Length(listed),
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(inner);
    [list, detail, hint]
}

/// How a finding is named in the list: a rule's title, or for an item the item's short label
/// (its gap, or its whole question, is a sentence), so the list stays one line a finding. The
/// explanation below gives the title in full.
fn name<'a>(s: &'a Session, f: &'a Finding) -> &'a str {
    match (f.kind, s.checklist.item(&f.id)) {
        (FindingKind::Item, Some(item)) => item.short_label(),
        _ => &f.title,
    }
}

/// An answer as a reader sees it: option labels, pounds, dates in words.
fn shown(s: &Session, item: &str, raw: Option<&str>) -> String {
    let Some(raw) = raw else {
        return "unanswered".into();
    };
    s.checklist
        .item(item)
        .map_or_else(|| raw.to_string(), |i| i.kind.display_stored(raw))
}

/// The selected finding in full: its title, why it was flagged, who owns the action, why it
/// matters and what to do.
fn explanation<'a>(s: &'a Session, f: &'a Finding, theme: Theme) -> Paragraph<'a> {
    let mut lines = vec![
        Line::styled(f.title.as_str(), theme.bold()),
        Line::from("Why it was flagged (✓ marks an answer that counts towards it):"),
    ];
    for step in &f.trace {
        let prompt = s
            .checklist
            .item(&step.item)
            .map_or(step.item.as_str(), |i| i.prompt.as_str());
        let mark = if step.holds { "✓" } else { "✗" };
        lines.push(Line::from(format!("  {mark} {prompt}")));
        lines.push(Line::styled(
            format!(
                "      Answer: {}",
                shown(s, &step.item, step.value.as_deref())
            ),
            theme.dim(),
        ));
    }
    let owner = match (&f.owner, f.due) {
        (None, None) => "no owner or due date yet".to_string(),
        (owner, due) => format!(
            "{}, {}",
            owner.as_deref().unwrap_or("no owner"),
            due.map_or("no due date".into(), |d| format!(
                "due {}",
                probity_core::text::long_date(d)
            ))
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
    Paragraph::new(lines).wrap(Wrap { trim: false })
}

impl Findings {
    pub fn update(&mut self, action: Action, s: &mut Session, size: Rect, theme: Theme) -> Step {
        let count = s.evaluation.findings.len();
        match action {
            Action::PageUp | Action::PageDown => {
                if let Some(f) = s.evaluation.findings.get(self.selected.at()) {
                    let [_, detail, _] = layout(boxed(size), count);
                    let lines = explanation(s, f, theme).line_count(detail.width);
                    self.scroll.apply(&action, lines, detail.height);
                }
            }
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
            other => {
                if self.selected.apply(&other, count) {
                    self.scroll.reset();
                }
            }
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
        let [list_area, detail_area, hint] = layout(inner, e.findings.len());
        frame.render_widget(
            Line::styled(
                keymap::hint(
                    Context::Findings,
                    &[
                        (&[Action::Up, Action::Down], "choose"),
                        (&[Action::PageUp, Action::PageDown], "scroll"),
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
                    Span::raw(name(s, f)),
                ]))
            })
            .collect();
        crate::tui::widgets::marked_list(
            frame,
            list_area,
            items,
            |l| l.highlight_style(theme.selected()),
            None,
            self.selected.at(),
        );
        if let Some(f) = e.findings.get(self.selected.at()) {
            let text = explanation(s, f, theme);
            let lines = text.line_count(detail_area.width);
            frame.render_widget(text.scroll((self.scroll.top(), 0)), detail_area);
            crate::tui::widgets::scroll_marks(frame, detail_area, self.scroll.top(), lines);
        }
    }
}
