use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, TableState};

use super::super::action::Action;
use super::super::app::{App, FormField, Home, NewForm};
use super::super::keymap::{self, Context};

/// Both pages of the home screen: a two-line heading, the body, and a line of key hints.
fn page(area: Rect) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area)
}

pub fn render_home(app: &App, home: &Home, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let [top, body, foot] = page(area);
    frame.render_widget(
        Paragraph::new(vec![
            Line::styled("probity · integrity self-assessment", theme.heading()),
            Line::styled(
                format!("Assessments in {}", app.ctx.dirs.data.display()),
                theme.dim(),
            ),
        ]),
        top,
    );
    if home.entries.is_empty() {
        frame.render_widget(
            Paragraph::new(vec![
                Line::from(""),
                Line::from("There are no assessments here yet."),
                Line::from("Press c to create one: you will be asked for the force, the period and the checklist."),
            ])
            .block(Block::bordered()),
            body,
        );
    } else {
        let rows = home.entries.iter().map(|e| match &e.summary {
            Ok(s) => Row::new(vec![
                Cell::from(s.force.as_str()),
                Cell::from(s.period.as_str()),
                Cell::from(s.checklist.as_str()),
                Cell::from(format!("{:.0}%", s.completeness)),
                Cell::from(e.saved.as_deref().unwrap_or("-")),
            ]),
            Err(why) => Row::new(vec![
                Cell::from(e.file.as_str()),
                Cell::from(Span::styled(
                    format!("cannot be read: {why}"),
                    theme.error(),
                )),
            ]),
        });
        let table = Table::new(
            rows,
            [
                Constraint::Fill(3),
                Constraint::Length(8),
                Constraint::Fill(2),
                Constraint::Length(6),
                Constraint::Length(16),
            ],
        )
        .header(
            Row::new(["Force", "Period", "Checklist", "Done", "Last saved"]).style(theme.bold()),
        )
        .row_highlight_style(theme.selected())
        .block(Block::bordered().title(" Your assessments "));
        frame.render_stateful_widget(
            table,
            body,
            &mut TableState::default().with_selected(Some(home.selected)),
        );
    }
    let keys = keymap::hint(
        Context::Assessments,
        &[
            (&[Action::Submit], "open"),
            (&[Action::NewAssessment], "create a new assessment"),
            (&[Action::Help], "help"),
            (&[Action::Quit], "quit"),
        ],
    );
    let hint = app.notice.as_deref().unwrap_or(&keys);
    frame.render_widget(Line::styled(hint, theme.dim()), foot);
}

pub fn render_form(app: &App, form: &NewForm, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let [top, body, foot] = page(area);
    frame.render_widget(
        Line::styled("probity · new assessment", theme.heading()),
        top,
    );
    let block = Block::bordered().title(" New assessment ");
    let inner = block.inner(body);
    frame.render_widget(block, body);
    let rows = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(3),
        Constraint::Length(3),
        Constraint::Length(3),
        Constraint::Length(3),
        Constraint::Min(1),
    ])
    .split(inner);
    frame.render_widget(
        Line::from("Fill in the fields, then press Enter. Nothing is written until you do."),
        rows[0],
    );
    let field = |title: &str, which: FormField| {
        let style = if form.field == which {
            theme.focus_border()
        } else {
            theme.dim()
        };
        Block::bordered()
            .title(format!(" {title} "))
            .border_style(style)
    };
    for (slot, which, title, text) in [
        (
            rows[1],
            FormField::Force,
            "Force, e.g. Dorset Police",
            &form.force,
        ),
        (
            rows[2],
            FormField::Period,
            "Period, e.g. 2012",
            &form.period,
        ),
    ] {
        let block = field(title, which);
        let inside = block.inner(slot);
        frame.render_widget(block, slot);
        frame.render_widget(text, inside);
    }
    let chosen = form
        .checklists
        .get(form.checklist)
        .map(String::as_str)
        .unwrap_or("(no checklist could be loaded)");
    let title = app
        .ctx
        .catalog
        .entries
        .iter()
        .filter_map(|e| e.checklist.as_ref().ok())
        .find(|c| c.id == chosen)
        .map(|c| c.title.as_str())
        .unwrap_or_default();
    let from = form.from.checked_sub(1).and_then(|i| form.previous.get(i));
    let checklist_line = match from {
        Some(_) => Line::styled(
            "the one last period used, or the newer version that replaces it",
            theme.dim(),
        ),
        None => Line::from(vec![
            Span::styled(format!("‹ {chosen} › "), theme.bold()),
            Span::raw(title),
        ]),
    };
    frame.render_widget(
        Paragraph::new(checklist_line)
            .block(field("Checklist (← → to change)", FormField::Checklist)),
        rows[3],
    );
    let from_line = match from {
        Some((_, label)) => Line::from(vec![
            Span::styled(format!("‹ {label} › "), theme.bold()),
            Span::raw("answers carried forward, each to be confirmed"),
        ]),
        None => Line::from(vec![
            Span::styled("‹ a blank assessment › ", theme.bold()),
            Span::raw("or ← → to carry forward an earlier one"),
        ]),
    };
    frame.render_widget(
        Paragraph::new(from_line).block(field("Start from (← → to change)", FormField::From)),
        rows[4],
    );
    if let Some(error) = &form.error {
        frame.render_widget(
            Paragraph::new(Line::styled(error.as_str(), theme.error())),
            rows[5],
        );
    }
    frame.render_widget(
        Line::styled(
            keymap::hint(
                Context::NewForm,
                &[
                    (&[Action::NextPane], "next field"),
                    (&[Action::Submit], "create and open"),
                    (&[Action::Close], "back"),
                    (&[Action::Help], "help"),
                ],
            ),
            theme.dim(),
        ),
        foot,
    );
}
