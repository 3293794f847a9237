//! The home screen: the assessments in the data folder, to open one or create another.

use std::path::Path;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, TableState, Wrap};

use probity_core::assessment::Finality;
use probity_core::text::shown_path;
use probity_core::workspace::{Listed, Workspace};

use super::action::Action;
use super::app::{App, Screen};
use super::form::NewForm;
use super::keymap::{self, Context};
use super::widgets::Cursor;

/// The list of assessments in the data folder.
#[derive(Default)]
pub struct Home {
    pub entries: Vec<Listed>,
    pub selected: Cursor,
}

impl Home {
    pub fn new(ws: &Workspace) -> Home {
        Home {
            entries: ws.list(),
            selected: Cursor::default(),
        }
    }

    /// Selects the assessment at `path`, such as the one just left.
    pub fn select(&mut self, path: &Path) {
        if let Some(at) = self.entries.iter().position(|e| e.path == path) {
            self.selected = Cursor(at);
        }
    }
}

pub fn update(app: &mut App, action: Action) {
    let Screen::Home(home) = &mut app.screen else {
        return;
    };
    if home.selected.apply(&action, home.entries.len()) {
        return;
    }
    match action {
        Action::NewAssessment => {
            app.screen = Screen::NewForm(Box::new(NewForm::new(&app.ws, home)))
        }
        Action::Submit => {
            let Some(entry) = home.entries.get(home.selected.at()) else {
                app.notice = Some(format!(
                    "There is nothing to open yet: press {} to create an assessment.",
                    keymap::key_name(Context::Assessments, &Action::NewAssessment)
                ));
                return;
            };
            let path = entry.path.clone();
            app.open_here(&path);
        }
        _ => {}
    }
}

/// A two-line heading, the body, and a line of key hints: the layout of the home screen and
/// the form alike.
pub fn page(area: Rect) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area)
}

pub fn render(app: &App, home: &Home, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let [top, body, foot] = page(area);
    frame.render_widget(
        Paragraph::new(vec![
            Line::styled("probity · integrity self-assessment", theme.heading()),
            Line::styled(
                format!("Assessments in {}", shown_path(&app.ws.dirs.data)),
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
                Line::from(format!(
                    "Press {} to create one: you will be asked for the force, the period, the assessor and the checklist.",
                    keymap::key_name(Context::Assessments, &Action::NewAssessment)
                )),
            ])
            .wrap(Wrap { trim: true })
            .block(Block::bordered()),
            body,
        );
    } else {
        let rows = home.entries.iter().map(|e| match &e.summary {
            Ok(s) => Row::new(vec![
                Cell::from(s.force.as_str()),
                Cell::from(s.period.as_str()),
                Cell::from(s.checklist.as_str()),
                match s.finality {
                    Finality::Draft => Cell::from(format!("{:.0}%", s.completeness)),
                    Finality::Sealed => Cell::from(Span::styled("FINAL", theme.bold())),
                    // Marked final, but its seal does not verify.
                    Finality::Unsealed => Cell::from(Span::styled("UNSEALED", theme.error())),
                },
                Cell::from(e.saved.map_or("-".to_string(), local_time)),
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
                Constraint::Length(8),
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
            &mut TableState::default().with_selected(Some(home.selected.at())),
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
    let hint = match app.notice.as_deref() {
        Some(notice) => super::view::fit_notice(notice, foot.width),
        None => keys.as_str().into(),
    };
    frame.render_widget(Line::styled(hint, theme.dim()), foot);
}

/// A moment in the local time zone, to the minute.
fn local_time(t: jiff::Timestamp) -> String {
    t.to_zoned(jiff::tz::TimeZone::system())
        .strftime("%Y-%m-%d %H:%M")
        .to_string()
}
