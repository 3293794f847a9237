//! The whole checklist at a glance: every area as a row of its items' marks, with counts, to
//! move around in and jump from.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{ListItem, Paragraph, Wrap};

use probity_core::checklist::Item;

use super::{Step, frame_box};
use crate::tui::action::Action;
use crate::tui::assessment::rows::{mark_style, marks};
use crate::tui::keymap::{self, Context};
use crate::tui::session::{Pane, Session};
use crate::tui::theme::{Theme, judgement_word, rating_word};
use crate::tui::widgets::Cursor;

/// The widest an area's title is shown; its marks follow.
/// The fewest columns an area's title gets; more, up to the longest title, when the window
/// leaves room beside the marks. A longer title wraps, never cut.
const TITLE: usize = 24;
/// The columns left for an area's marks, at least, before titles get more room.
const MARKS: usize = 24;

pub struct Overview {
    pub area: Cursor,
    /// Position among the area's items.
    pub item: Cursor,
}

impl Overview {
    /// The overview, on the item selected on the screen.
    pub fn new(s: &Session) -> Overview {
        Overview {
            area: Cursor(s.area),
            item: Cursor(s.visible.get(s.cursor.at()).copied().unwrap_or(0)),
        }
    }

    fn items(&self, s: &Session) -> usize {
        s.checklist
            .areas
            .get(self.area.at())
            .map_or(0, |a| a.items.len())
    }

    pub fn update(&mut self, action: Action, s: &mut Session) -> Step {
        match action {
            Action::PrevChoice => self.item.step(-1, self.items(s)),
            Action::NextChoice => self.item.step(1, self.items(s)),
            Action::Submit => {
                if let Some(item) = s.checklist.areas[self.area.at()].items.get(self.item.at()) {
                    let id = item.id.clone();
                    s.select(&id);
                    s.pane = Pane::Items;
                }
                return Step::Close;
            }
            Action::Close => return Step::Close,
            other => {
                self.area.apply(&other, s.checklist.areas.len());
                self.item.clamp(self.items(s));
            }
        }
        Step::Stay
    }

    /// One area: its rating and title, its items' marks (two columns each, wrapping), and how
    /// many are answered and found wanting.
    fn row<'a>(&self, s: &'a Session, at: usize, width: usize, theme: Theme) -> ListItem<'a> {
        let area = &s.checklist.areas[at];
        let score = &s.evaluation.areas[at];
        let findings = area
            .items
            .iter()
            .filter(|i| s.evaluation.findings_for(&i.id).next().is_some())
            .count();
        let counts = format!(
            " {:>2}/{:<2} {findings:>2}",
            score.answered, score.applicable
        );
        let tw = title_width(s, width);
        let titles = textwrap::wrap(&area.title, tw);
        let per_line = (width.saturating_sub(6 + tw + 1 + counts.chars().count()) / 2).max(1);
        let chunks: Vec<&[Item]> = area.items.chunks(per_line).collect();
        let mut lines = Vec::new();
        for chunk in 0..chunks.len().max(titles.len()) {
            let items = chunks.get(chunk).copied().unwrap_or(&[]);
            let title = titles.get(chunk).map_or("", |t| t.as_ref());
            let mut spans = if chunk == 0 && s.evaluation.judgements.is_some() {
                // On a graded checklist the grade stands in place of the rating.
                vec![match s.judgement(at) {
                    Some(j) => Span::styled(
                        format!("{:<6}", judgement_word(j)),
                        theme.grade(j.standing()),
                    ),
                    None => Span::raw(" ".repeat(6)),
                }]
            } else if chunk == 0 {
                let rating = score.rating();
                vec![Span::styled(
                    format!("{:<6}", rating_word(rating)),
                    theme.rating(rating),
                )]
            } else {
                vec![Span::raw(" ".repeat(6))]
            };
            spans.push(Span::raw(format!("{title:<tw$} ")));
            for (i, item) in items.iter().enumerate() {
                let [state, flag, carried] = marks(s, item);
                let second = if flag != " " { flag } else { carried };
                let mut style = mark_style(s, item, theme);
                if at == self.area.at() && chunk * per_line + i == self.item.at() {
                    style = theme.selected();
                }
                spans.push(Span::styled(format!("{state}{second}"), style));
            }
            if chunk == 0 {
                let pad = 2 * (per_line - items.len().min(per_line));
                spans.push(Span::raw(format!("{}{counts}", " ".repeat(pad))));
            }
            lines.push(Line::from(spans));
        }
        ListItem::new(Text::from(lines))
    }

    pub fn render(&self, theme: Theme, s: &Session, frame: &mut Frame, area: Rect) {
        let inner = frame_box(
            frame,
            area,
            area.width.saturating_sub(2),
            area.height.saturating_sub(2),
            "Overview: every area and item",
            theme,
        );
        let headlines = headlines(s, usize::from(inner.width));
        let [head, grid, chosen, hint] = Layout::vertical([
            Constraint::Length(2 + headlines.len() as u16),
            Constraint::Min(3),
            Constraint::Length(4),
            Constraint::Length(1),
        ])
        .areas(inner);
        let e = &s.evaluation;
        let (high, medium, low) = e.counts();
        let carried = s.assessment.unconfirmed().count();
        let flagged = s.assessment.answers.values().filter(|a| a.review).count();
        let mut top = vec![Line::from(format!(
            "{}/{} answered · {high} high, {medium} medium, {low} low · {carried} ↻ to confirm · {flagged} ⚑ flagged",
            e.completeness.answered, e.completeness.applicable
        ))];
        top.extend(headlines.into_iter().map(|l| Line::styled(l, theme.bold())));
        frame.render_widget(
            Paragraph::new(
                top.into_iter()
                    .chain([Line::styled(
                        format!(
                            "{:<6}{:<tw$} items · answered · with findings",
                            "",
                            "Area",
                            tw = title_width(s, usize::from(grid.width.saturating_sub(2)))
                        ),
                        theme.dim(),
                    )])
                    .collect::<Vec<_>>(),
            ),
            head,
        );
        let width = usize::from(grid.width.saturating_sub(2));
        let rows: Vec<ListItem> = (0..s.checklist.areas.len())
            .map(|at| self.row(s, at, width, theme))
            .collect();
        crate::tui::widgets::marked_list(
            frame,
            grid,
            rows,
            |l| l.highlight_symbol("▸ "),
            None,
            self.area.at(),
        );
        if let Some(item) = s.checklist.areas[self.area.at()].items.get(self.item.at()) {
            let answer = s
                .assessment
                .value(&item.id)
                .map_or("not answered".to_string(), |v| item.kind.display(v));
            frame.render_widget(
                Paragraph::new(vec![
                    Line::styled(item.prompt.as_str(), theme.bold()),
                    Line::from(format!("Answer: {answer}")),
                ])
                .wrap(Wrap { trim: true }),
                chosen,
            );
        }
        frame.render_widget(
            Line::styled(
                keymap::hint(
                    Context::Overview,
                    &[
                        (&[Action::Up, Action::Down], "area"),
                        (&[Action::PrevChoice, Action::NextChoice], "item"),
                        (&[Action::Submit], "go to it"),
                        (&[Action::Close], "close"),
                    ],
                ),
                theme.dim(),
            ),
            hint,
        );
    }
}

/// The headline judgements on a graded checklist, wrapped to `width`: each as it stands, marked
/// `*` when an area the assessor judged sets it, then what `*` means when one does.
fn headlines(s: &Session, width: usize) -> Vec<String> {
    let Some(j) = &s.evaluation.judgements else {
        return Vec::new();
    };
    let assessor = |area: &String| {
        j.areas
            .iter()
            .any(|a| a.area == *area && a.overridden.is_some())
    };
    let mut any = false;
    let parts: Vec<String> = j
        .headlines
        .iter()
        .map(|h| {
            let mark = if h.grade.is_some() && h.set_by.iter().any(assessor) {
                any = true;
                "*"
            } else {
                ""
            };
            let grade = h.grade.map_or("no judgement yet", |g| g.label());
            format!("{}: {grade}{mark}", h.title)
        })
        .collect();
    if parts.is_empty() {
        return Vec::new();
    }
    let mut text = format!("Headline judgements: {}.", parts.join(" · "));
    if any {
        text.push_str(" * the assessor's judgement of an area sets it.");
    }
    textwrap::wrap(&text, width.max(1))
        .into_iter()
        .map(|l| l.into_owned())
        .collect()
}

/// The columns area titles get in a grid `width` wide: the longest title's, when that leaves
/// [`MARKS`] columns for the marks, else what does, and never fewer than [`TITLE`].
fn title_width(s: &Session, width: usize) -> usize {
    let longest = s
        .checklist
        .areas
        .iter()
        .map(|a| a.title.chars().count())
        .max()
        .unwrap_or(TITLE);
    let room = width.saturating_sub(6 + 1 + 9 + MARKS);
    longest.min(room).max(TITLE)
}
