//! The short form that creates an assessment: force, period, assessor, checklist, and
//! optionally last period's assessment to carry forward. What it asks is filled into the
//! checklist's questions about the assessment, so none of it is asked again.

use std::path::PathBuf;

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};
use ratatui_textarea::TextArea;

use probity_core::checklist::Catalog;
use probity_core::progress::carry;
use probity_core::text::{first_line, shown_path};
use probity_core::workspace::{Start, StartError, Workspace};

use super::action::Action;
use super::app::{App, Screen};
use super::dialog::{Dialog, Reading};
use super::fields::{draw_field, edit, line_field, paste_line, text_of, type_into};
use super::home::{self, Home};
use super::keymap::{self, Context};

pub struct NewForm {
    pub force: TextArea<'static>,
    pub period: TextArea<'static>,
    pub assessor: TextArea<'static>,
    /// Ids of the checklists the catalog loaded, and the one shown.
    pub checklists: Vec<String>,
    pub checklist: usize,
    /// True once ← → has chosen a checklist; until then, starting from an earlier file uses
    /// the one that follows its checklist for this period.
    pub checklist_chosen: bool,
    /// Last period's assessments to start from (path and "force, period"); `from` 0 is none.
    pub previous: Vec<(PathBuf, String)>,
    /// The checklist id each of `previous` was answered on.
    pub previous_checklists: Vec<String>,
    pub from: usize,
    pub field: FormField,
    pub error: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormField {
    Force,
    Period,
    Assessor,
    Checklist,
    From,
}

const ORDER: [FormField; 5] = [
    FormField::Force,
    FormField::Period,
    FormField::Assessor,
    FormField::Checklist,
    FormField::From,
];

impl NewForm {
    /// The form, offering the assessments in `home` as starting points.
    pub fn new(ws: &Workspace, home: &Home) -> NewForm {
        let (previous, previous_checklists) = home
            .entries
            .iter()
            .filter_map(|e| {
                let s = e.summary.as_ref().ok()?;
                Some((
                    (e.path.clone(), format!("{}, {}", s.force, s.period)),
                    s.checklist.clone(),
                ))
            })
            .unzip();
        let checklists: Vec<String> = ws
            .catalog
            .entries
            .iter()
            .filter_map(|e| e.header().ok().map(|h| h.id.clone()))
            .collect();
        let checklist = checklists
            .iter()
            .position(|c| c == Catalog::default_id())
            .unwrap_or(0);
        NewForm {
            force: line_field(""),
            period: line_field(""),
            assessor: line_field(""),
            checklists,
            checklist,
            checklist_chosen: false,
            previous,
            previous_checklists,
            from: 0,
            field: FormField::Force,
            error: None,
        }
    }

    fn text(&mut self) -> Option<&mut TextArea<'static>> {
        match self.field {
            FormField::Force => Some(&mut self.force),
            FormField::Period => Some(&mut self.period),
            FormField::Assessor => Some(&mut self.assessor),
            _ => None,
        }
    }

    /// The earlier assessment chosen to carry forward, if any.
    fn carried_from(&self) -> Option<&(PathBuf, String)> {
        self.from.checked_sub(1).and_then(|i| self.previous.get(i))
    }

    /// Moves a choice field (checklist or starting point) one way or the other. The first
    /// move on the checklist starts from the one that would be used.
    fn choose(&mut self, ws: &Workspace, forward: bool) {
        if self.field == FormField::Checklist && !self.checklist_chosen {
            let (id, _) = self.to_use(ws);
            if let Some(at) = self.checklists.iter().position(|c| *c == id) {
                self.checklist = at;
            }
            self.checklist_chosen = true;
        }
        let (len, choice) = match self.field {
            FormField::Checklist => (self.checklists.len(), &mut self.checklist),
            _ => (self.previous.len() + 1, &mut self.from),
        };
        if len > 0 {
            *choice = (*choice + if forward { 1 } else { len - 1 }) % len;
        }
    }

    /// The checklist the new assessment will use, and why, as the form stands.
    pub fn to_use(&self, ws: &Workspace) -> (String, String) {
        let shown = self.checklists.get(self.checklist).cloned();
        let before = self
            .from
            .checked_sub(1)
            .and_then(|i| self.previous_checklists.get(i))
            .and_then(|id| ws.catalog.resolve(id, None).ok());
        let period = text_of(&self.period).trim().to_string();
        let period = if period.is_empty() {
            "not yet given".to_string()
        } else {
            period
        };
        match (before, shown) {
            (Some(before), Some(id)) if self.checklist_chosen => {
                let why = match ws.catalog.resolve(&id, None) {
                    Ok(after) => carry::chosen(&before, &after, &period).unwrap_or_else(|| {
                        "The checklist last period used, as chosen.".to_string()
                    }),
                    Err(_) => "This checklist cannot be loaded.".to_string(),
                };
                (id, why)
            }
            (Some(before), _) => {
                let f = carry::follow_on(&ws.catalog, &before, &period);
                let why = f
                    .why
                    .unwrap_or_else(|| "The checklist last period used.".to_string());
                (f.checklist.id, why)
            }
            (None, Some(id)) if self.checklist_chosen => (id, "As chosen.".to_string()),
            (None, Some(id)) => (
                id,
                "probity's default checklist for a new assessment.".into(),
            ),
            (None, None) => (String::new(), String::new()),
        }
    }

    /// What the form asks probity to create.
    fn request(&self) -> Start {
        let from = self.carried_from();
        Start {
            force: Some(text_of(&self.force).to_string()),
            period: text_of(&self.period).to_string(),
            // Starting from last period and nothing chosen: its checklist, or the one that
            // replaces it from this period.
            checklist: if from.is_some() && !self.checklist_chosen {
                None
            } else {
                self.checklists.get(self.checklist).cloned()
            },
            from: from.map(|(path, _)| path.clone()),
            assessor: Some(text_of(&self.assessor).to_string()),
            ..Start::default()
        }
    }
}

pub fn update(app: &mut App, action: Action) {
    let Screen::NewForm(form) = &mut app.screen else {
        return;
    };
    let at = ORDER.iter().position(|f| *f == form.field).unwrap_or(0);
    match action {
        Action::NextPane => form.field = ORDER[(at + 1) % ORDER.len()],
        Action::PrevPane => form.field = ORDER[(at + ORDER.len() - 1) % ORDER.len()],
        Action::PrevChoice | Action::NextChoice => {
            let forward = action == Action::NextChoice;
            match form.text() {
                Some(field) => {
                    let code = if forward {
                        KeyCode::Right
                    } else {
                        KeyCode::Left
                    };
                    type_into(field, KeyEvent::from(code));
                }
                None => form.choose(&app.ws, forward),
            }
        }
        Action::Type(key) => {
            if let Some(field) = form.text() {
                type_into(field, key);
            }
        }
        Action::Paste(text) => {
            if let Some(field) = form.text() {
                paste_line(field, &text);
            }
        }
        Action::Edit(e) => {
            if let Some(field) = form.text() {
                edit(field, e);
            }
        }
        Action::Close => app.screen = Screen::Home(Home::new(&app.ws)),
        Action::Submit => match app.ws.start(&form.request()) {
            Ok(started) => match app.ws.open(&started.path) {
                Ok(opened) => {
                    app.enter(opened);
                    app.dialog = Reading::briefing(&started).map(Dialog::Reading);
                }
                Err(e) => form.error = Some(first_line(&e.to_string())),
            },
            Err(e) => form.error = Some(refused(&e)),
        },
        _ => {}
    }
}

/// Why the form could not create the assessment, in the form's own words.
fn refused(e: &StartError) -> String {
    match e {
        StartError::Exists(path) => format!(
            "{} already exists: change the force or the period, or open it from the list",
            shown_path(path)
        ),
        other => first_line(&other.to_string()),
    }
}

pub fn render(app: &App, form: &NewForm, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let [top, body, foot] = home::page(area);
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
        Constraint::Length(3),
        Constraint::Min(1),
    ])
    .split(inner);
    frame.render_widget(
        Line::from(format!(
            "Fill in the fields, then press {}. Nothing is written until you do.",
            keymap::key_name(Context::NewForm, &Action::Submit)
        )),
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
        (
            rows[3],
            FormField::Assessor,
            "Assessor: who is completing it, and their role",
            &form.assessor,
        ),
    ] {
        let block = field(title, which);
        let inside = block.inner(slot);
        frame.render_widget(block, slot);
        if form.field == which {
            draw_field(frame, text, inside);
        } else {
            frame.render_widget(text, inside);
        }
    }
    let (chosen, why) = form.to_use(&app.ws);
    let chosen = if chosen.is_empty() {
        "(no checklist could be loaded)".to_string()
    } else {
        chosen
    };
    let title = app
        .ws
        .catalog
        .entries
        .iter()
        .filter_map(|e| e.header().ok())
        .find(|h| h.id == chosen)
        .map(|h| h.title.as_str())
        .unwrap_or_default();
    let arrows = format!(
        "{} {}",
        keymap::key_name(Context::NewForm, &Action::PrevChoice),
        keymap::key_name(Context::NewForm, &Action::NextChoice)
    );
    let block = field(
        &format!("Checklist ({arrows} to change)"),
        FormField::Checklist,
    );
    let inside = block.inner(rows[4]);
    frame.render_widget(block, rows[4]);
    frame.render_widget(
        Line::from(vec![
            Span::styled(format!("‹ {chosen} › "), theme.bold()),
            Span::raw(title),
        ]),
        inside,
    );
    let from_line = match form.carried_from() {
        Some((_, label)) => Line::from(vec![
            Span::styled(format!("‹ {label} › "), theme.bold()),
            Span::raw("answers carried forward, each to be confirmed"),
        ]),
        None => Line::from(vec![
            Span::styled("‹ a blank assessment › ", theme.bold()),
            Span::raw(format!("or {arrows} to carry forward an earlier one")),
        ]),
    };
    frame.render_widget(
        Paragraph::new(from_line).block(field(
            &format!("Start from ({arrows} to change)"),
            FormField::From,
        )),
        rows[5],
    );
    // Below the fields: why the checklist shown is the one used, after any error.
    let mut below: Vec<Line> = Vec::new();
    if let Some(error) = &form.error {
        below.push(Line::styled(error.as_str(), theme.error()));
    }
    if !why.is_empty() {
        below.push(Line::styled(format!("Checklist: {why}"), theme.dim()));
    }
    frame.render_widget(Paragraph::new(below).wrap(Wrap { trim: true }), rows[6]);
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
