//! The areas and items panes: each item's marks first, so they are never cut off, then its
//! whole question, wrapped.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{ListItem, Paragraph, Wrap};

use probity_core::answer::{Status, Value};
use probity_core::assessment::Answer;
use probity_core::checklist::Item;

use super::view::pane_block;
use crate::tui::action::Action;
use crate::tui::keymap::{self, Context};
use crate::tui::session::{Filter, Pane, Session};
use crate::tui::theme::{Theme, judgement_word, rating_word};
use crate::tui::widgets::marked_list;

/// Below this many columns for the question, rows other than the selected one stop at two
/// lines; the details pane shows the rest.
const FULL_WIDTH: usize = 40;

/// A one-character picture of where an item stands.
pub fn glyph(item: &Item, answer: Option<&Answer>, asked: bool) -> &'static str {
    if !asked {
        return "-";
    }
    match answer.and_then(|a| a.value.as_ref()) {
        None => "·",
        Some(Value::Status(Status::Yes)) => "✓",
        Some(Value::Status(Status::Partial)) => "◐",
        Some(Value::Status(Status::No)) => "✗",
        Some(Value::Status(Status::Na)) => "∅",
        Some(v) => match probity_core::scoring::credit(item, v) {
            Some(c) if c >= 1.0 => "✓",
            Some(c) if c > 0.0 => "◐",
            Some(_) => "✗",
            None => "●",
        },
    }
}

/// An item's marks: where it stands, then flagged (⚑), then in conflict with a return (⇄) or
/// else carried (↻), each in its own column. A conflict is shown before a carried answer: it
/// must be resolved first, and the details pane names both.
pub fn marks(s: &Session, item: &Item) -> [&'static str; 3] {
    let answer = s.assessment.answer(&item.id);
    [
        glyph(item, answer, s.evaluation.is_asked(&item.id)),
        if answer.is_some_and(|a| a.review) {
            "⚑"
        } else {
            " "
        },
        if answer.is_some_and(|a| a.incoming.is_some()) {
            "⇄"
        } else if answer.is_some_and(|a| a.is_unconfirmed()) {
            "↻"
        } else {
            " "
        },
    ]
}

/// The style of an item's mark: the colour of its worst finding.
pub fn mark_style(s: &Session, item: &Item, theme: Theme) -> Style {
    let worst = s
        .evaluation
        .findings_for(&item.id)
        .map(|f| f.severity)
        .max();
    worst.map_or(Style::new(), |sev| theme.severity(sev))
}

/// The areas, each name wrapped whole beside its rating (or, under a filter, its count of
/// matches), so no area is known only by its first words. On a graded checklist the grade
/// stands in place of the rating: the derived one, or the assessor's marked `*`.
pub fn area_pane(s: &Session, theme: Theme, frame: &mut Frame, area: Rect) {
    let filtered = s.filter != Filter::All || s.search.is_some();
    let graded = s.evaluation.judgements.is_some();
    let lead_width = if filtered { 3 } else { 6 };
    let name_width = usize::from(area.width.saturating_sub(2)).saturating_sub(lead_width);
    let rows: Vec<ListItem> = s
        .checklist
        .areas
        .iter()
        .zip(&s.evaluation.areas)
        .zip(&s.matches)
        .enumerate()
        .map(|(at, ((a, score), &matches))| {
            let rating = score.rating();
            let style = if filtered && matches == 0 {
                theme.dim()
            } else {
                Style::new()
            };
            let lead = if filtered {
                Span::styled(format!("{matches:>2} "), style)
            } else if graded {
                match s.judgement(at) {
                    Some(j) => Span::styled(
                        format!("{:<6}", judgement_word(j)),
                        theme.grade(j.standing()),
                    ),
                    None => Span::raw(" ".repeat(6)),
                }
            } else {
                Span::styled(format!("{:<6}", rating_word(rating)), theme.rating(rating))
            };
            let mut name = textwrap::wrap(&a.title, name_width.max(1)).into_iter();
            let first = name.next().unwrap_or_default();
            let mut lines = vec![Line::from(vec![lead, Span::styled(first, style)])];
            lines.extend(name.map(|part| {
                Line::from(vec![
                    Span::raw(" ".repeat(lead_width)),
                    Span::styled(part, style),
                ])
            }));
            ListItem::new(lines)
        })
        .collect();
    let mut block = pane_block(" Areas ".into(), s.pane == Pane::Areas, theme);
    if graded
        && !filtered
        && (0..s.checklist.areas.len())
            .any(|at| s.judgement(at).is_some_and(|j| j.overridden.is_some()))
    {
        block = block.title_bottom(" * the assessor's ");
    }
    marked_list(
        frame,
        area,
        rows,
        |l| l.highlight_style(theme.selected()),
        Some(block),
        s.area,
    );
}

/// One item's row: its marks, then its question wrapped to `width` columns, whole or in
/// `lines` lines at most (the last ending in "…" when cut).
fn item_row<'a>(
    s: &Session,
    item: &'a Item,
    width: usize,
    lines: usize,
    theme: Theme,
) -> ListItem<'a> {
    let [state, flag, carried] = marks(s, item);
    let text_style = if s.evaluation.is_asked(&item.id) {
        Style::new()
    } else {
        theme.dim()
    };
    let mut wrapped = textwrap::wrap(&item.prompt, width.max(1));
    if wrapped.len() > lines {
        wrapped.truncate(lines);
        if let Some(last) = wrapped.last_mut() {
            let kept: String = last.chars().take(width.saturating_sub(1)).collect();
            *last = format!("{}…", kept.trim_end()).into();
        }
    }
    let mut out = Vec::with_capacity(wrapped.len());
    for (i, part) in wrapped.into_iter().enumerate() {
        let lead = if i == 0 {
            vec![
                Span::styled(state, mark_style(s, item, theme)),
                Span::styled(flag, theme.bold()),
                Span::styled(carried, theme.amber()),
                Span::raw(" "),
            ]
        } else {
            vec![Span::raw("    ")]
        };
        let mut spans = lead;
        spans.push(Span::styled(part.into_owned(), text_style));
        out.push(Line::from(spans));
    }
    ListItem::new(Text::from(out))
}

pub fn item_pane(s: &Session, theme: Theme, frame: &mut Frame, area: Rect) {
    let area_def = &s.checklist.areas[s.area];
    let width = usize::from(area.width.saturating_sub(2)).saturating_sub(4);
    let rows: Vec<ListItem> = s
        .visible
        .iter()
        .enumerate()
        .map(|(at, &i)| {
            let whole = width >= FULL_WIDTH || at == s.cursor.at();
            let lines = if whole { usize::MAX } else { 2 };
            item_row(s, &area_def.items[i], width, lines, theme)
        })
        .collect();
    let title = match (&s.search, s.filter) {
        (Some(q), _) => format!(" Matching \"{q}\" "),
        (None, Filter::All) => {
            let score = &s.evaluation.areas[s.area];
            // Counts first, in words: "5/13" read as a position in the list.
            format!(
                " {} of {} answered · {} ",
                score.answered, score.applicable, area_def.title
            )
        }
        (None, f) => format!(" Showing {} ", f.label()),
    };
    let block = pane_block(title, s.pane == Pane::Items, theme);
    if rows.is_empty() {
        let text = if s.filter == Filter::All && s.search.is_none() {
            "This area has no items.".to_string()
        } else {
            format!(
                "Nothing here matches. {} shows all items.",
                keymap::key_name(Context::Assessment, &Action::Back)
            )
        };
        frame.render_widget(
            Paragraph::new(text)
                .style(theme.dim())
                .wrap(Wrap { trim: true })
                .block(block),
            area,
        );
        return;
    }
    marked_list(
        frame,
        area,
        rows,
        |l| l.highlight_style(theme.selected()),
        Some(block),
        s.cursor.at(),
    );
}
