use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph, Wrap};

use probity_core::answer::{Kind, Status, Value};
use probity_core::assessment::Answer;
use probity_core::checklist::{Item, Severity};
use probity_core::condition::Answers;
use probity_core::workspace::ReadOnly;

use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{self, Context};
use crate::tui::session::{Filter, Pane, SaveState, Session};

use crate::tui::theme::{Theme, rating_word, severity_word};
use crate::tui::view::clip;

pub fn render(app: &App, s: &Session, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let [top, body, status, hints] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(5),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    header(s, theme, frame, top);
    let [areas, items, detail] = Layout::horizontal([
        Constraint::Length(body.width * 3 / 10),
        Constraint::Length(body.width * 3 / 10),
        Constraint::Fill(1),
    ])
    .areas(body);
    area_pane(s, theme, frame, areas);
    item_pane(s, theme, frame, items);
    detail_pane(s, theme, frame, detail);
    status_bar(s, theme, frame, status);
    let keys = keymap::hint(
        Context::Assessment,
        &[
            (
                &[
                    Action::Answer(Status::Yes),
                    Action::Answer(Status::Partial),
                    Action::Answer(Status::No),
                    Action::Answer(Status::Na),
                ],
                "answer",
            ),
            (&[Action::EditNote], "note"),
            (&[Action::EditEvidence], "evidence"),
            (&[Action::ToggleFindings], "findings"),
            (&[Action::OpenExport], "export"),
            (&[Action::Help], "help"),
            (&[Action::Quit], "quit"),
        ],
    );
    let hint = app.notice.as_deref().unwrap_or(&keys);
    frame.render_widget(
        Line::styled(
            hint,
            if app.notice.is_some() {
                theme.bold()
            } else {
                theme.dim()
            },
        ),
        hints,
    );
}

fn header(s: &Session, theme: Theme, frame: &mut Frame, area: Rect) {
    let a = &s.assessment;
    if let Some(why) = s.read_only_because() {
        let text = match why {
            ReadOnly::OpenElsewhere => {
                " READ-ONLY: this assessment is open in another probity window. Changes here are switched off. "
            }
            ReadOnly::FolderNotWritable => {
                " READ-ONLY: this assessment's folder cannot be written to. Changes here are switched off. "
            }
        };
        frame.render_widget(Line::styled(text, theme.banner()), area);
        return;
    }
    let mut spans = vec![];
    if a.is_final() {
        spans.push(Span::styled(final_badge(s), theme.banner()));
        spans.push(Span::raw(" "));
    }
    spans.push(Span::styled(
        format!("{} · {}", a.force, a.period),
        theme.heading(),
    ));
    if !s.history.is_empty() {
        spans.push(Span::raw(format!("  {}", sparkline(&s.trend()))));
    }
    spans.push(Span::styled(
        format!("  {}", s.checklist.title),
        theme.dim(),
    ));
    frame.render_widget(Line::from(spans), area);
}

/// The badge of a final assessment: who signed it, and whether its seal still holds.
fn final_badge(s: &Session) -> String {
    match (&s.assessment.signature, s.seal_holds) {
        (Some(sig), Some(false)) => format!(
            " FINAL · signed by {} · SEAL BROKEN: changed since signing ",
            sig.by
        ),
        (Some(sig), _) => format!(
            " FINAL · signed by {}, {} · seal {} ",
            sig.by,
            sig.role,
            sig.short_seal()
        ),
        (None, _) => " FINAL · not signed ".into(),
    }
}

/// The overall score by period as one line, e.g. `2011–2013 ▄▆█ 52→79→90`; a period with
/// nothing scored shows as `·` and `–`.
fn sparkline(points: &[(&str, Option<f64>)]) -> String {
    const BARS: [char; 9] = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let bars: String = points
        .iter()
        .map(|(_, s)| {
            s.map_or('·', |s| {
                BARS[((s / 100.0 * 8.0).round() as usize).clamp(1, 8)]
            })
        })
        .collect();
    let scores: Vec<String> = points
        .iter()
        .map(|(_, s)| s.map_or("–".into(), |s| format!("{s:.0}")))
        .collect();
    let first = points.first().map_or("", |p| p.0);
    let last = points.last().map_or("", |p| p.0);
    format!("{first}–{last} {bars} {}", scores.join("→"))
}

fn pane_block(title: String, focused: bool, theme: Theme) -> Block<'static> {
    let style = if focused {
        theme.focus_border()
    } else {
        Style::new()
    };
    Block::bordered().title(title).border_style(style)
}

fn area_pane(s: &Session, theme: Theme, frame: &mut Frame, area: Rect) {
    let filtered = s.filter != Filter::All || s.search.is_some();
    let rows: Vec<ListItem> = s
        .checklist
        .areas
        .iter()
        .zip(&s.evaluation.areas)
        .zip(&s.matches)
        .map(|((a, score), &matches)| {
            let rating = score.rating();
            let style = if filtered && matches == 0 {
                theme.dim()
            } else {
                Style::new()
            };
            let lead = if filtered {
                Span::styled(format!("{matches:>2} "), style)
            } else {
                Span::styled(format!("{:<6}", rating_word(rating)), theme.rating(rating))
            };
            ListItem::new(Line::from(vec![
                lead,
                Span::styled(a.title.as_str(), style),
            ]))
        })
        .collect();
    let list = List::new(rows)
        .highlight_style(theme.selected())
        .block(pane_block(" Areas ".into(), s.pane == Pane::Areas, theme));
    frame.render_stateful_widget(
        list,
        area,
        &mut ListState::default().with_selected(Some(s.area)),
    );
}

/// A one-character picture of where an item stands.
fn glyph(item: &Item, answer: Option<&Answer>, asked: bool) -> &'static str {
    if !asked {
        return "-";
    }
    match answer.and_then(|a| a.value.as_ref()) {
        None => "·",
        Some(Value::Status(Status::Yes)) => "✓",
        Some(Value::Status(Status::Partial)) => "◐",
        Some(Value::Status(Status::No)) => "✗",
        Some(Value::Status(Status::Na)) => "∅",
        Some(v) => match (&item.kind, probity_core::scoring::credit(item, v)) {
            (_, Some(c)) if c >= 1.0 => "✓",
            (_, Some(c)) if c > 0.0 => "◐",
            (_, Some(_)) => "✗",
            _ => "●",
        },
    }
}

fn item_pane(s: &Session, theme: Theme, frame: &mut Frame, area: Rect) {
    let area_def = &s.checklist.areas[s.area];
    let rows: Vec<ListItem> = s
        .visible
        .iter()
        .map(|&i| {
            let item = &area_def.items[i];
            let answer = s.assessment.answer(&item.id);
            let asked = s.evaluation.is_asked(&item.id);
            let mut marks = String::new();
            if answer.is_some_and(|a| a.review) {
                marks.push_str(" ⚑");
            }
            if answer.is_some_and(|a| a.carried) {
                marks.push_str(" ↻");
            }
            let finding = s
                .evaluation
                .findings_for(&item.id)
                .map(|f| f.severity)
                .max();
            let glyph_style = finding.map_or(Style::new(), |sev| theme.severity(sev));
            let text_style = if asked { Style::new() } else { theme.dim() };
            ListItem::new(Line::from(vec![
                Span::styled(format!("{} ", glyph(item, answer, asked)), glyph_style),
                Span::styled(item.prompt.as_str(), text_style),
                Span::styled(marks, theme.bold()),
            ]))
        })
        .collect();
    let title = match (&s.search, s.filter) {
        (Some(q), _) => format!(" Matching \"{q}\" "),
        (None, Filter::All) => {
            let score = &s.evaluation.areas[s.area];
            format!(
                " {}/{} {} ",
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
                keymap::key_name(Context::Assessment, &Action::ClearFilter)
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
    let list = List::new(rows)
        .highlight_style(theme.selected())
        .block(block);
    frame.render_stateful_widget(
        list,
        area,
        &mut ListState::default().with_selected(Some(s.cursor.at())),
    );
}

fn detail_pane(s: &Session, theme: Theme, frame: &mut Frame, area: Rect) {
    let block = pane_block(" Details ".into(), s.pane == Pane::Detail, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(item) = s.item() else { return };
    let answer = s.assessment.answer(&item.id);
    // Enough text to fill the pane at its scroll position; the rest is never wrapped.
    let budget = (usize::from(s.scroll.top()) + usize::from(inner.height) + 1)
        * usize::from(inner.width.max(1));
    let mut lines = vec![Line::styled(item.prompt.as_str(), theme.bold())];
    if let Some(condition) = item
        .ask_if
        .as_ref()
        .filter(|_| !s.evaluation.is_asked(&item.id))
    {
        lines.push(Line::styled(
            "Not asked here, because of an earlier answer:",
            theme.dim(),
        ));
        let steps = condition.trace(&Answers::new(
            |id: &str| s.assessment.value(id),
            s.evaluation.as_at,
        ));
        for step in steps.iter().filter(|step| !step.holds) {
            let prompt = s
                .checklist
                .item(&step.item)
                .map_or(step.item.as_str(), |i| i.prompt.as_str());
            let now = step.value.as_deref().unwrap_or("unanswered");
            lines.push(Line::styled(
                format!(
                    "• {prompt} It is asked when that answer {}; it is {now}.",
                    step.test
                ),
                theme.dim(),
            ));
        }
    }
    lines.push(Line::from(""));
    let shown = answer
        .and_then(|a| a.value.as_ref())
        .map(|v| item.kind.display(v));
    lines.push(Line::from(vec![
        Span::styled("Answer: ", theme.bold()),
        match shown {
            Some(v) => Span::raw(v),
            None => Span::styled(format!("not answered ({})", hint(&item.kind)), theme.dim()),
        },
    ]));
    if let Some(a) = answer.filter(|a| a.value.is_some()) {
        lines.push(Line::from(vec![
            Span::styled("Assurance: ", theme.bold()),
            Span::raw(a.assurance.describe()),
        ]));
    }
    if let Some(a) = answer {
        if a.carried {
            lines.push(Line::styled(
                format!(
                    "Carried from last period and not yet confirmed: press {} to confirm.",
                    keymap::key_name(Context::Assessment, &Action::Confirm)
                ),
                theme.amber(),
            ));
        }
        if a.owner.is_some() || a.due.is_some() {
            let owner = a.owner.as_deref().unwrap_or("no owner");
            let due = a
                .due
                .map_or("no due date".to_string(), |d| format!("due {d}"));
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
                .map(|e| Line::raw(format!("• {}", clip(e, budget)))),
        );
    }
    for (title, text) in [
        ("What good looks like", &item.guidance),
        ("Basis", &item.basis),
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
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((s.scroll.top(), 0)),
        inner,
    );
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

fn status_bar(s: &Session, theme: Theme, frame: &mut Frame, area: Rect) {
    let e = &s.evaluation;
    let (high, medium, low) = e.counts();
    let rating = e.rating();
    // The save state comes first so it is never cut off on a narrow window.
    let mut spans = vec![match &s.save {
        SaveState::Saved => Span::styled("Saved", theme.dim()),
        SaveState::ReadOnly => Span::styled("Read-only", theme.banner()),
        SaveState::Failed(why) => Span::styled(format!("NOT SAVED: {why}"), theme.error()),
    }];
    let c = e.completeness;
    spans.push(Span::raw(format!(
        " │ {}/{} answered ({:.0}%) │ ",
        c.answered,
        c.applicable,
        c.percent()
    )));
    match e.overall {
        Some(o) => {
            spans.push(Span::raw(format!("Score {o:.0} ")));
            spans.push(Span::styled(rating.label(), theme.rating(rating)));
        }
        None => spans.push(Span::raw("No score yet")),
    }
    spans.push(Span::raw(" │ Findings: "));
    let high_style = if high > 0 {
        theme.severity(Severity::High)
    } else {
        Style::new()
    };
    spans.push(Span::styled(format!("{high} high"), high_style));
    spans.push(Span::raw(format!(", {medium} medium, {low} low")));
    if !s.advance {
        spans.push(Span::raw(" │ stays after answering"));
    }
    frame.render_widget(Line::from(spans), area);
}
