//! The details pane: everything about the selected item. The same text is measured by update,
//! so scrolling stops where it ends.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use probity_core::answer::{Kind, Status, Value};
use probity_core::assessment::{Answer, Incoming, in_one_line};
use probity_core::checklist::Item;
use probity_core::condition::Answers;
use probity_core::crosscheck::evidence::describe;
use probity_core::text::long_date;

use super::view::{pane_block, panes};
use crate::tui::action::Action;
use crate::tui::keymap::{self, Context};
use crate::tui::session::{Pane, Session};
use crate::tui::theme::{Theme, severity_word};
use crate::tui::view::clip;

/// Both answers to an item in conflict, who gave each, and the keys that resolve it.
fn conflict(
    s: &Session,
    item: &Item,
    held: &Answer,
    incoming: &Incoming,
    theme: Theme,
) -> Vec<Line<'static>> {
    let by = s
        .history()
        .provenance(&item.id)
        .map_or_else(String::new, |by| format!(" ({by})"));
    vec![
        Line::styled(
            format!(
                "⇄ A return gave a different answer: press {} to take it, or {} to keep the one held.",
                keymap::key_name(Context::Assessment, &Action::TakeIncoming),
                keymap::key_name(Context::Assessment, &Action::KeepHeld)
            ),
            theme.amber(),
        ),
        Line::raw(format!(
            "  Held: {}{by}",
            in_one_line(&held.words(&item.kind))
        )),
        Line::raw(format!(
            "  Return: {} (given by {}, {}, received {})",
            in_one_line(&incoming.words(&item.kind)),
            incoming.from,
            incoming.source,
            Kind::Date.display(&Value::Date(incoming.received))
        )),
    ]
}

/// The text of the details pane, `budget` characters of each long text at most: enough to fill
/// the pane at its scroll position and a page beyond, cheap to wrap.
fn lines<'a>(s: &'a Session, item: &'a Item, theme: Theme, budget: usize) -> Vec<Line<'a>> {
    let answer = s.assessment.answer(&item.id);
    let mut lines = if s.pane == Pane::Areas {
        judgement(s, theme, budget)
    } else {
        Vec::new()
    };
    lines.push(Line::styled(item.prompt.as_str(), theme.bold()));
    not_asked(s, item, theme, &mut lines);
    lines.push(Line::from(""));
    let shown = answer
        .and_then(|a| a.value.as_ref())
        .map(|v| item.kind.display(v));
    let refused = s.opened.refusal();
    lines.push(Line::from(vec![
        Span::styled("Answer: ", theme.bold()),
        match (shown, &refused) {
            (Some(v), _) => Span::raw(v),
            (None, Some(_)) => Span::styled("not answered", theme.dim()),
            (None, None) => {
                Span::styled(format!("not answered ({})", hint(&item.kind)), theme.dim())
            }
        },
    ]));
    for b in s.baselines.iter().filter(|b| b.item == item.id) {
        let from = s.assessment.carried_from.as_deref().unwrap_or_default();
        lines.push(Line::from(vec![
            Span::styled(format!("Last period ({from}): "), theme.bold()),
            Span::raw(match &b.redefined {
                Some(how) => format!("{}, not comparable: {how}", b.value),
                None => format!("{}, a baseline, not this period's answer", b.value),
            }),
        ]));
    }
    // Why no key here changes anything: signed off, or open in another window.
    if let Some(why) = refused {
        lines.push(Line::styled(
            format!("Answering is off: {why}."),
            theme.amber(),
        ));
    }
    if let Some(a) = answer.filter(|a| a.value.is_some()) {
        lines.push(Line::from(vec![
            Span::styled("Assurance: ", theme.bold()),
            Span::raw(a.assurance.describe()),
        ]));
    }
    if let Some(a) = answer {
        if a.is_unconfirmed() {
            lines.push(Line::styled(
                format!(
                    "Carried from last period and not yet confirmed: press {} to confirm.",
                    keymap::key_name(Context::Assessment, &Action::Confirm)
                ),
                theme.amber(),
            ));
        }
        if let Some(incoming) = &a.incoming {
            lines.extend(conflict(s, item, a, incoming, theme));
        }
        if a.owner.is_some() || a.due.is_some() {
            let owner = a.owner.as_deref().unwrap_or("no owner");
            let due = a.due.map_or("no due date".to_string(), |d| {
                format!("due {}", long_date(d))
            });
            lines.push(Line::from(vec![
                Span::styled("Action: ", theme.bold()),
                Span::raw(format!("{owner}, {due}")),
            ]));
        }
        if a.review {
            lines.push(Line::styled("⚑ Flagged for review", theme.bold()));
        }
    }
    for f in s.evaluation.findings_for(&item.id) {
        lines.push(Line::from(vec![
            Span::styled(
                format!("{} finding: ", severity_word(f.severity)),
                theme.severity(f.severity),
            ),
            Span::raw(f.title.as_str()),
        ]));
    }
    // Gaps in the record itself, such as a yes with no evidence, that a reader would query.
    for w in s
        .evaluation
        .warnings
        .iter()
        .filter(|w| w.item.as_deref() == Some(item.id.as_str()))
    {
        lines.push(Line::from(vec![
            Span::styled("To check: ", theme.amber()),
            Span::raw(w.message.as_str()),
        ]));
    }
    if let Some(note) = answer.and_then(|a| a.note.as_deref()) {
        lines.push(Line::from(""));
        lines.push(Line::styled("Note", theme.bold()));
        let clipped = clip(note, budget);
        lines.extend(clipped.lines().map(Line::raw));
        if clipped.len() < note.len() {
            lines.push(Line::styled(
                format!(
                    "… the note continues: press {} to read or edit all of it.",
                    keymap::key_name(Context::Assessment, &Action::EditNote)
                ),
                theme.dim(),
            ));
        }
    }
    if let Some(a) = answer.filter(|a| !a.evidence.is_empty()) {
        lines.push(Line::from(""));
        lines.push(Line::styled("Evidence", theme.bold()));
        lines.extend(
            a.evidence
                .iter()
                .map(|e| Line::raw(format!("• {}", clip(&describe(e), budget)))),
        );
    }
    for (title, text) in [
        ("What good looks like", item.guidance.as_str()),
        (
            "How to record it",
            item.recording.as_deref().unwrap_or_default(),
        ),
        ("Basis", item.basis.as_str()),
    ] {
        if !text.is_empty() {
            lines.push(Line::from(""));
            lines.push(Line::styled(title, theme.bold()));
            lines.extend(
                clip(text, budget)
                    .lines()
                    .map(|l| Line::styled(l, theme.dim())),
            );
        }
    }
    lines
}

/// While the areas pane has the focus on a graded checklist: the selected area's judgement as
/// the core derives it, the assessor's in its place with the rationale, and why the derived
/// one is what it is; then a blank line before the item.
fn judgement(s: &Session, theme: Theme, budget: usize) -> Vec<Line<'static>> {
    let Some(j) = s.judgement(s.area) else {
        return Vec::new();
    };
    let title = &s.checklist.areas[s.area].title;
    let derived = j
        .derived
        .map_or("no judgement yet".to_string(), |g| g.label().to_lowercase());
    let mut lines = vec![Line::from(vec![
        Span::styled(format!("{title}: "), theme.bold()),
        match j.overridden {
            Some(g) => Span::styled(
                format!(
                    "{}*, the assessor's judgement; derived {derived}",
                    g.label()
                ),
                theme.grade(Some(g)),
            ),
            None => Span::styled(
                match j.derived {
                    Some(g) => format!("{}, derived from the answers", g.label()),
                    None => "no judgement yet".to_string(),
                },
                theme.grade(j.derived),
            ),
        },
    ])];
    if let Some(why) = &j.rationale {
        lines.push(Line::from(vec![
            Span::styled("Rationale: ", theme.bold()),
            Span::raw(clip(why, budget).to_string()),
        ]));
    }
    let (rows, _) = probity_core::report::judgement_rows(&s.checklist, &s.evaluation, false);
    if let Some(row) = rows.iter().find(|r| r.area == j.area) {
        lines.push(Line::styled(format!("Derived: {}", row.why), theme.dim()));
    }
    if s.opened.refusal().is_none() {
        let key = keymap::key_name(Context::Assessment, &Action::Judge);
        lines.push(Line::styled(
            if j.overridden.is_some() {
                format!("Press {key} to change or clear the assessor's judgement.")
            } else {
                format!("Press {key} to record the assessor's judgement in its place, with why.")
            },
            theme.dim(),
        ));
    }
    lines.push(Line::from(""));
    lines
}

/// Why an item is not asked: the earlier answers its condition depends on.
fn not_asked<'a>(s: &'a Session, item: &'a Item, theme: Theme, lines: &mut Vec<Line<'a>>) {
    let Some(condition) = item
        .ask_if
        .as_ref()
        .filter(|_| !s.evaluation.is_asked(&item.id))
    else {
        return;
    };
    lines.push(Line::styled(
        "Not asked here, because of an earlier answer:",
        theme.dim(),
    ));
    let steps = condition.trace(&Answers::new(
        |id: &str| s.assessment.value(id),
        s.evaluation.as_at,
    ));
    for step in steps.iter().filter(|step| !step.holds) {
        let item = s.checklist.item(&step.item);
        let prompt = item.map_or(step.item.as_str(), |i| i.prompt.as_str());
        let now = match (item, step.value.as_deref()) {
            (_, None) => "unanswered".to_string(),
            (Some(i), Some(raw)) => i.kind.display_stored(raw),
            (None, Some(raw)) => raw.to_string(),
        };
        lines.push(Line::styled(
            format!(
                "• {prompt} It is asked when that answer {}; it is {now}.",
                step.test
            ),
            theme.dim(),
        ));
    }
}

/// How to answer an item of this kind, with the keys the table binds.
fn hint(kind: &Kind) -> String {
    let key = |a: Action| keymap::key_name(Context::Assessment, &a);
    let enter = key(Action::EditAnswer);
    match kind {
        Kind::Status => format!(
            "press {}, {}, {} or {}",
            key(Action::Answer(Status::Yes)),
            key(Action::Answer(Status::Partial)),
            key(Action::Answer(Status::No)),
            key(Action::Answer(Status::Na))
        ),
        Kind::Choice(_) => format!("press {enter} to choose"),
        Kind::Text => format!("press {enter} to type it"),
        Kind::Date => format!("press {enter} to type a date"),
        _ => format!("press {enter} to type a number"),
    }
}

/// The pane's text as drawn: wrapped to the pane, with a budget reaching a page past the
/// scroll position.
fn paragraph<'a>(s: &'a Session, item: &'a Item, theme: Theme, inner: Rect) -> Paragraph<'a> {
    let budget = (usize::from(s.scroll.top()) + 2 * usize::from(inner.height) + 1)
        * usize::from(inner.width.max(1));
    Paragraph::new(lines(s, item, theme, budget)).wrap(Wrap { trim: false })
}

/// How many lines the details of the selected item take in a window of `size`, and how many
/// the pane shows at once.
pub fn measure(s: &Session, theme: Theme, size: Rect) -> (usize, u16) {
    let inner = pane_block(String::new(), false, theme).inner(panes(size).detail);
    let lines = s.item().map_or(0, |item| {
        paragraph(s, item, theme, inner).line_count(inner.width)
    });
    (lines, inner.height)
}

pub fn render(s: &Session, theme: Theme, frame: &mut Frame, area: Rect) {
    let block = pane_block(" Details ".into(), s.pane == Pane::Detail, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if let Some(item) = s.item() {
        let text = paragraph(s, item, theme, inner);
        let lines = text.line_count(inner.width);
        frame.render_widget(text.scroll((s.scroll.top(), 0)), inner);
        crate::tui::widgets::scroll_marks(frame, inner, s.scroll.top(), lines);
    }
}
