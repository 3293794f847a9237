//! The home screen and the new-assessment form.

use super::*;

pub(super) fn home_update(app: &mut App, action: Action) {
    let Screen::Home(home) = &mut app.screen else {
        return;
    };
    let selected = home.selected;
    let last = home.entries.len().saturating_sub(1);
    match action {
        Action::Up => home.selected = selected.saturating_sub(1),
        Action::Down => home.selected = (selected + 1).min(last),
        Action::NewAssessment => {
            app.screen = Screen::NewForm(Box::new(NewForm::new(&app.ctx.catalog, home)))
        }
        Action::Submit => {
            let Some(entry) = home.entries.get(selected) else {
                app.notice =
                    Some("There is nothing to open yet: press c to create an assessment.".into());
                return;
            };
            match Session::open(&entry.path, &app.ctx.catalog, app.ctx.today) {
                Ok(session) => app.screen = Screen::Assessment(Box::new(session)),
                Err(e) => {
                    app.notice = Some(format!("Could not open {}: {}", entry.file, first_line(&e)))
                }
            }
        }
        _ => {}
    }
}

pub(super) fn first_line(text: &str) -> String {
    crate::text::sanitize_line(text.lines().find(|l| !l.trim().is_empty()).unwrap_or(text))
}

pub(super) fn form_update(app: &mut App, action: Action) {
    let Screen::NewForm(form) = &mut app.screen else {
        return;
    };
    use FormField::*;
    const ORDER: [FormField; 4] = [Force, Period, Checklist, From];
    let at = ORDER.iter().position(|f| *f == form.field).unwrap_or(0);
    let step = |n: usize, delta: usize, len: usize| if len == 0 { 0 } else { (n + delta) % len };
    match action {
        Action::NextPane => form.field = ORDER[step(at, 1, 4)],
        Action::PrevPane => form.field = ORDER[step(at, 3, 4)],
        Action::PrevChoice | Action::NextChoice if matches!(form.field, Checklist | From) => {
            let (len, choice) = match form.field {
                Checklist => (form.checklists.len(), &mut form.checklist),
                _ => (form.previous.len() + 1, &mut form.from),
            };
            *choice = step(
                *choice,
                if action == Action::NextChoice {
                    1
                } else {
                    len.max(1) - 1
                },
                len,
            );
        }
        Action::PrevChoice | Action::NextChoice => {
            let code = if action == Action::NextChoice {
                KeyCode::Right
            } else {
                KeyCode::Left
            };
            type_into(form_field(form), KeyEvent::from(code));
        }
        Action::Type(key) if matches!(form.field, Force | Period) => {
            type_into(form_field(form), key)
        }
        Action::Paste(text) if matches!(form.field, Force | Period) => {
            paste_line(form_field(form), &text)
        }
        Action::Close => {
            app.screen = Screen::Home(Home::scan(
                &app.ctx.dirs.data,
                &app.ctx.catalog,
                app.ctx.today,
            ))
        }
        Action::Submit => {
            let from = form.from.checked_sub(1).and_then(|i| form.previous.get(i));
            let force = form.force.lines()[0].trim().to_string();
            let args = crate::cli::new::NewArgs {
                // Starting from last period, an empty force means the same force.
                force_name: (!force.is_empty() || from.is_none()).then_some(force),
                period: form.period.lines()[0].clone(),
                // Starting from last period, its checklist (or the one that supersedes it).
                checklist: if from.is_some() {
                    None
                } else {
                    form.checklists.get(form.checklist).cloned()
                },
                from: from.map(|(path, _)| path.clone()),
                assessor: None,
                out: None,
                no_tui: false,
            };
            match crate::cli::new::start(&app.ctx, &args) {
                Ok(started) => {
                    match Session::open(&started.path, &app.ctx.catalog, app.ctx.today) {
                        Ok(session) => {
                            app.screen = Screen::Assessment(Box::new(session));
                            app.overlay = briefing(&started);
                        }
                        Err(e) => form.error = Some(first_line(&e)),
                    }
                }
                Err(e) => form.error = Some(first_line(&e)),
            }
        }
        _ => {}
    }
}

pub(super) fn form_field(form: &mut NewForm) -> &mut TextArea<'static> {
    if form.field == FormField::Period {
        &mut form.period
    } else {
        &mut form.force
    }
}

/// Types a key into a one-line field; a line break never gets in.
pub(super) fn type_into(field: &mut TextArea<'static>, key: KeyEvent) {
    if key.code != KeyCode::Enter {
        field.input(key);
    }
    if field.lines().len() > 1 {
        let joined = field.lines().join(" ");
        *field = line_field(&joined);
    }
}

pub(super) fn paste_line(field: &mut TextArea<'static>, text: &str) {
    field.insert_str(crate::text::sanitize_line(text));
}
