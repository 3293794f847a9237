//! The assessment screen's frame: the header with the force's trend, the three panes, the
//! status bar and the line of keys.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

use probity_core::answer::Status;
use probity_core::assessment::Finality;
use probity_core::checklist::Severity;
use probity_core::workspace::{ReadOnly, Refused};

use super::{detail, rows};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{self, Context};
use crate::tui::session::{Advance, SaveState, Session};
use crate::tui::theme::Theme;

/// Where each part of the screen goes.
pub struct Panes {
    pub top: Rect,
    pub areas: Rect,
    pub items: Rect,
    pub detail: Rect,
    pub status: Rect,
    pub hints: Rect,
}

/// The screen's layout, shared by drawing and by update (which stops scrolling at the end of
/// what the details pane can show). The items pane is the widest, so questions read whole.
pub fn panes(area: Rect) -> Panes {
    let [top, body, status, hints] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(5),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let [areas, items, detail] = Layout::horizontal([
        // Wide enough at 80 columns for the longest word of a built-in area name.
        Constraint::Length((body.width / 4).clamp(22, 34)),
        Constraint::Length(body.width * 2 / 5),
        Constraint::Fill(1),
    ])
    .areas(body);
    Panes {
        top,
        areas,
        items,
        detail,
        status,
        hints,
    }
}

pub fn render(app: &App, s: &Session, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let p = panes(area);
    header(s, theme, frame, p.top);
    rows::area_pane(s, theme, frame, p.areas);
    rows::item_pane(s, theme, frame, p.items);
    detail::render(s, theme, frame, p.detail);
    status_bar(s, theme, frame, p.status);
    // A dialog has its own keys; the screen's would only mislead.
    let keys = if app.dialog.is_some() {
        String::new()
    } else {
        keys(s)
    };
    let (hint, style) = match &app.notice {
        Some(notice) => (
            crate::tui::view::fit_notice(notice, p.hints.width),
            theme.bold(),
        ),
        None => (keys.as_str().into(), theme.dim()),
    };
    frame.render_widget(Line::styled(hint, style), p.hints);
}

/// The keys worth showing under the screen: answering ones only where answers can change.
fn keys(s: &Session) -> String {
    let answers: &[Action] = &[
        Action::Answer(Status::Yes),
        Action::Answer(Status::Partial),
        Action::Answer(Status::No),
        Action::Answer(Status::Na),
    ];
    let take_over: &[(&[Action], &str)] = match &s.watch {
        Some(w) if w.free => &[(&[Action::TakeOver], "edit here")],
        _ => &[],
    };
    let mut groups: Vec<(&[Action], &str)> = match s.refusal() {
        Some(Refused::ReadOnly(_)) => take_over.to_vec(),
        Some(_) => vec![(&[Action::Reopen], "reopen")],
        None => vec![
            (answers, "answer"),
            (&[Action::EditNote], "note"),
            (&[Action::Undo], "undo"),
        ],
    };
    groups.extend_from_slice(&[
        (&[Action::ToggleFindings], "findings"),
        (&[Action::Overview], "overview"),
        (&[Action::Help], "help"),
        (&[Action::Back], "back"),
    ]);
    keymap::hint(Context::Assessment, &groups)
}

fn header(s: &Session, theme: Theme, frame: &mut Frame, area: Rect) {
    let a = &s.assessment;
    let mut spans = vec![];
    // A badge first, short enough to leave the force and period in view beside it.
    if let Some(why) = s.read_only_because() {
        let text = match (why, &s.watch) {
            (ReadOnly::OpenElsewhere, Some(w)) if w.free => format!(
                " READ-ONLY: the other window has closed; {} edits here ",
                keymap::key_name(Context::Assessment, &Action::TakeOver)
            ),
            (ReadOnly::OpenElsewhere, _) => " READ-ONLY: open in another window ".into(),
            (ReadOnly::FolderNotWritable, _) => " READ-ONLY: its folder cannot be written ".into(),
        };
        spans.push(Span::styled(text, theme.banner()));
        spans.push(Span::raw(" "));
    } else if a.is_final() {
        spans.push(Span::styled(final_badge(s), theme.banner()));
        spans.push(Span::raw(" "));
    }
    spans.push(Span::styled(
        format!("{} · {}", a.force, a.period),
        theme.heading(),
    ));
    if !s.periods.is_empty() {
        spans.push(Span::raw(format!("  {}", sparkline(&s.trend()))));
        spans.push(Span::styled(
            format!(
                " ({} {} other years)",
                keymap::key_name(Context::Assessment, &Action::PrevPeriod),
                keymap::key_name(Context::Assessment, &Action::NextPeriod)
            ),
            theme.dim(),
        ));
    }
    // The checklist's title takes what room is left, ending in "…" when it is cut.
    let used: usize = spans.iter().map(|sp| sp.content.chars().count()).sum();
    let room = usize::from(area.width).saturating_sub(used + 2);
    let title = &s.checklist.title;
    let shown = if title.chars().count() <= room {
        title.clone()
    } else if room > 1 {
        format!("{}…", crate::tui::view::clip(title, room - 1).trim_end())
    } else {
        String::new()
    };
    if !shown.is_empty() {
        spans.push(Span::styled(format!("  {shown}"), theme.dim()));
    }
    frame.render_widget(Line::from(spans), area);
}

/// The badge of a final assessment: FINAL with who signed it when the seal verifies,
/// otherwise the shared "marked final, not sealed" badge and why.
fn final_badge(s: &Session) -> String {
    match (&s.assessment.signature, s.finality()) {
        (Some(sig), Finality::Sealed) => format!(
            " {} · signed by {}, {} · seal {} ",
            Finality::Sealed.badge(),
            sig.by,
            sig.role,
            sig.short_seal()
        ),
        (Some(sig), f) => format!(
            " {} · signed by {} · SEAL DOES NOT VERIFY: changed since signing ",
            f.badge(),
            sig.by
        ),
        (None, f) => format!(" {} · no sign-off ", f.badge()),
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

pub fn pane_block(title: String, focused: bool, theme: Theme) -> Block<'static> {
    let style = if focused {
        theme.focus_border()
    } else {
        Style::new()
    };
    Block::bordered().title(title).border_style(style)
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
    // At 80 columns the word goes, so that the findings' counts all fit.
    let answered = if area.width < 90 { "" } else { " answered" };
    spans.push(Span::raw(format!(
        " │ {}/{}{answered} ({:.0}%) │ ",
        c.answered,
        c.applicable,
        c.percent()
    )));
    // A graded checklist speaks in grades (the areas pane); a score rated on another scale
    // beside them would be a second verdict.
    match (e.overall, e.judgements.is_some()) {
        (_, true) => {}
        (Some(o), false) => {
            spans.push(Span::raw(format!("Score {o:.0} ")));
            spans.push(Span::styled(rating.label(), theme.rating(rating)));
            spans.push(Span::raw(" │ "));
        }
        (None, false) => spans.push(Span::raw("No score yet │ ")),
    }
    spans.push(Span::raw("Findings: "));
    let high_style = if high > 0 {
        theme.severity(Severity::High)
    } else {
        Style::new()
    };
    spans.push(Span::styled(format!("{high} high"), high_style));
    spans.push(Span::raw(format!(", {medium} medium, {low} low")));
    match s.advance {
        Advance::Wait => {}
        Advance::Always => spans.push(Span::raw(" │ always moves on")),
        Advance::Stay => spans.push(Span::raw(" │ stays after answering")),
    }
    frame.render_widget(Line::from(spans), area);
}
