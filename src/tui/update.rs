//! The one place the interface changes state. Every change to an answer goes through
//! [`Session::commit`], which re-scores and saves at once, so nothing typed is ever only in
//! memory for longer than it takes to write the file.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;

use super::action::Action;
use super::app::*;
use super::keymap::Context;
use crate::assessment::{self, Status, Value};
use crate::checklist::Kind;
use crate::report::{self, Format, Report};

/// How far PgUp and PgDn move.
const PAGE: usize = 10;

const READ_ONLY: &str =
    "This assessment is open in another probity window, so it is read-only here.";

/// Which key table applies now.
pub fn context(app: &App) -> Context {
    match &app.overlay {
        Some(Overlay::Help { .. }) => Context::Help,
        Some(Overlay::Briefing { .. }) => Context::Briefing,
        Some(Overlay::Findings { .. }) => Context::Findings,
        Some(Overlay::Export(_)) => Context::Export,
        Some(Overlay::Picker(_)) => Context::Picker,
        Some(Overlay::Input(_)) => Context::Input,
        Some(Overlay::Note(_)) => Context::Note,
        Some(Overlay::Evidence { .. }) => Context::Evidence,
        Some(Overlay::ConfirmQuit) => Context::ConfirmQuit,
        None => match &app.screen {
            Screen::Home(_) => Context::Assessments,
            Screen::NewForm(_) => Context::NewForm,
            Screen::Assessment(_) => Context::Assessment,
        },
    }
}

/// Applies one action.
pub fn update(app: &mut App, action: Action) {
    app.notice = None;
    match action {
        Action::Quit => return quit(app),
        Action::Help => {
            app.overlay = Some(Overlay::Help { scroll: 0 });
            return;
        }
        _ => {}
    }
    let today = app.ctx.today;
    match app.overlay.take() {
        Some(overlay) => app.overlay = overlay_update(app, overlay, action),
        None => match &mut app.screen {
            Screen::Home(_) => home_update(app, action),
            Screen::NewForm(_) => form_update(app, action),
            Screen::Assessment(session) => {
                let (overlay, notice) = assessment_update(session, action, today);
                app.overlay = overlay;
                app.notice = notice;
            }
        },
    }
}

fn quit(app: &mut App) {
    // A note being written is kept, not dropped, when quitting from the editor.
    if let Some(Overlay::Note(_)) = app.overlay {
        let overlay = app.overlay.take();
        app.overlay = overlay.and_then(|o| overlay_update(app, o, Action::Close));
    }
    match app.session() {
        Some(s) if matches!(s.save, SaveState::Failed(_)) => {
            app.overlay = Some(Overlay::ConfirmQuit)
        }
        _ => app.quit = true,
    }
}

fn home_update(app: &mut App, action: Action) {
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

fn first_line(text: &str) -> String {
    crate::text::sanitize_line(text.lines().find(|l| !l.trim().is_empty()).unwrap_or(text))
}

fn form_update(app: &mut App, action: Action) {
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

fn form_field(form: &mut NewForm) -> &mut TextArea<'static> {
    if form.field == FormField::Period {
        &mut form.period
    } else {
        &mut form.force
    }
}

/// Types a key into a one-line field; a line break never gets in.
fn type_into(field: &mut TextArea<'static>, key: KeyEvent) {
    if key.code != KeyCode::Enter {
        field.input(key);
    }
    if field.lines().len() > 1 {
        let joined = field.lines().join(" ");
        *field = line_field(&joined);
    }
}

fn paste_line(field: &mut TextArea<'static>, text: &str) {
    field.insert_str(crate::text::sanitize_line(text));
}

type Outcome = (Option<Overlay>, Option<String>);

fn assessment_update(s: &mut Session, action: Action, today: jiff::civil::Date) -> Outcome {
    let none = (None, None);
    let say = |m: &str| (None, Some(m.to_string()));
    match action {
        Action::Up => s.step(-1),
        Action::Down => s.step(1),
        Action::PageUp => s.step(-(PAGE as isize)),
        Action::PageDown => s.step(PAGE as isize),
        Action::First => s.step(isize::MIN / 2),
        Action::Last => s.step(isize::MAX / 2),
        Action::NextPane => {
            s.pane = match s.pane {
                Pane::Areas => Pane::Items,
                Pane::Items => Pane::Detail,
                Pane::Detail => Pane::Areas,
            }
        }
        Action::PrevPane => {
            s.pane = match s.pane {
                Pane::Areas => Pane::Detail,
                Pane::Items => Pane::Areas,
                Pane::Detail => Pane::Items,
            }
        }
        Action::NextFilter => {
            let i = Filter::ALL.iter().position(|f| *f == s.filter).unwrap_or(0);
            s.filter = Filter::ALL[(i + 1) % Filter::ALL.len()];
            s.refilter();
            s.jump_to_match();
        }
        Action::ClearFilter => {
            s.filter = Filter::All;
            s.search = None;
            s.refilter();
        }
        Action::Search => {
            return (
                Some(input(
                    Purpose::Search,
                    s.search.as_deref().unwrap_or_default(),
                )),
                None,
            );
        }
        Action::ToggleFindings => return (Some(Overlay::Findings { selected: 0 }), None),
        Action::OpenExport => return (Some(Overlay::Export(export_dialog(s, 0))), None),
        Action::ToggleAdvance => {
            s.advance = !s.advance;
            return say(if s.advance {
                "After an answer, probity moves to the next unanswered item."
            } else {
                "After an answer, probity stays on the same item."
            });
        }
        _ => {}
    }
    if !edits(&action) {
        return none;
    }
    let Some(item) = s.item().cloned() else {
        return say("There is no item selected.");
    };
    if s.read_only() {
        return say(READ_ONLY);
    }
    let answer = s.assessment.answer(&item.id).cloned().unwrap_or_default();
    match action {
        Action::Answer(status) if item.kind == Kind::Status => {
            s.set_value(&item.id, Some(Value::Status(status)), today);
            s.advance_from(&item.id);
        }
        Action::Answer(_) => {
            return say(&format!(
                "This item takes {}: press Enter to answer it.",
                item.kind.allowed()
            ));
        }
        Action::ClearAnswer => s.set_value(&item.id, None, today),
        Action::EditAnswer => {
            return (
                Some(match &item.kind {
                    Kind::Status => picker(
                        Status::ALL
                            .iter()
                            .map(|st| (st.name().to_string(), status_label(*st).to_string()))
                            .collect(),
                        answer.value.as_ref().and_then(Value::choice_key),
                    ),
                    Kind::Choice(options) => picker(
                        options
                            .iter()
                            .map(|o| (o.id.clone(), o.label.clone()))
                            .collect(),
                        answer.value.as_ref().and_then(Value::choice_key),
                    ),
                    _ => input(
                        Purpose::Value,
                        &answer
                            .value
                            .as_ref()
                            .map(Value::to_string)
                            .unwrap_or_default(),
                    ),
                }),
                None,
            );
        }
        Action::EditNote => {
            let mut editor = TextArea::from(answer.note.as_deref().unwrap_or_default().lines());
            editor.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
            editor.move_cursor(ratatui_textarea::CursorMove::Bottom);
            editor.move_cursor(ratatui_textarea::CursorMove::End);
            return (Some(Overlay::Note(editor)), None);
        }
        Action::EditEvidence => return (Some(Overlay::Evidence { selected: 0 }), None),
        Action::EditOwner => {
            return (
                Some(input(
                    Purpose::Owner,
                    answer.owner.as_deref().unwrap_or_default(),
                )),
                None,
            );
        }
        Action::EditDue => {
            return (
                Some(input(
                    Purpose::Due,
                    &answer.due.map(|d| d.to_string()).unwrap_or_default(),
                )),
                None,
            );
        }
        Action::ToggleReview => s.change(&item.id, today, |a| a.review = !a.review),
        Action::Confirm if answer.carried => s.change(&item.id, today, |a| a.carried = false),
        Action::Confirm => {
            return say("Nothing to confirm: this answer was not carried from last period.");
        }
        _ => {}
    }
    none
}

/// Actions that change the selected item's record (or open a dialog that will).
fn edits(action: &Action) -> bool {
    matches!(
        action,
        Action::Answer(_)
            | Action::ClearAnswer
            | Action::EditAnswer
            | Action::EditNote
            | Action::EditEvidence
            | Action::EditOwner
            | Action::EditDue
            | Action::ToggleReview
            | Action::Confirm
    )
}

pub fn status_label(status: Status) -> &'static str {
    match status {
        Status::Yes => "Yes",
        Status::Partial => "Partly",
        Status::No => "No",
        Status::Na => "Not applicable",
    }
}

fn picker(options: Vec<(String, String)>, current: Option<&str>) -> Overlay {
    let selected = current
        .and_then(|c| options.iter().position(|o| o.0 == c))
        .unwrap_or(0);
    Overlay::Picker(Picker { options, selected })
}

fn input(purpose: Purpose, text: &str) -> Overlay {
    Overlay::Input(Input {
        purpose,
        text: line_field(text),
        error: None,
    })
}

fn export_dialog(s: &Session, format: usize) -> Export {
    let stem = s
        .path
        .file_stem()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "assessment".into());
    let ext = Format::all()[format].extension();
    let path = s.path.with_file_name(format!("{stem}-report.{ext}"));
    Export {
        format,
        path: line_field(&path.display().to_string()),
        redact: false,
        result: None,
    }
}

fn overlay_update(app: &mut App, overlay: Overlay, action: Action) -> Option<Overlay> {
    let today = app.ctx.today;
    let Screen::Assessment(s) = &mut app.screen else {
        // Only help is drawn over the home screen and the form.
        return match (overlay, action) {
            (Overlay::Help { scroll }, a) => help_update(scroll, a),
            _ => None,
        };
    };
    match overlay {
        Overlay::Help { scroll } => help_update(scroll, action),
        Overlay::Briefing { lines, scroll } => match action {
            Action::Close | Action::Submit => None,
            Action::Down | Action::PageDown => {
                let by = if action == Action::Down {
                    1
                } else {
                    PAGE as u16
                };
                let scroll = scroll.saturating_add(by).min(lines.len() as u16);
                Some(Overlay::Briefing { lines, scroll })
            }
            Action::Up | Action::PageUp => {
                let by = if action == Action::Up { 1 } else { PAGE as u16 };
                Some(Overlay::Briefing {
                    scroll: scroll.saturating_sub(by),
                    lines,
                })
            }
            _ => Some(Overlay::Briefing { lines, scroll }),
        },
        Overlay::Findings { selected } => {
            let last = s.evaluation.findings.len().saturating_sub(1);
            match action {
                Action::Up => Some(Overlay::Findings {
                    selected: selected.saturating_sub(1),
                }),
                Action::Down => Some(Overlay::Findings {
                    selected: (selected + 1).min(last),
                }),
                Action::Submit => {
                    // A rule's anchor holds its owner and due date, so that is where to go.
                    let target = s.evaluation.findings.get(selected).map(|f| {
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
                    None
                }
                Action::Close => None,
                _ => Some(Overlay::Findings { selected }),
            }
        }
        Overlay::Picker(mut picker) => match action {
            Action::Up => {
                picker.selected = picker.selected.saturating_sub(1);
                Some(Overlay::Picker(picker))
            }
            Action::Down => {
                picker.selected = (picker.selected + 1).min(picker.options.len().saturating_sub(1));
                Some(Overlay::Picker(picker))
            }
            Action::Submit => {
                let item = s.item().cloned()?;
                let chosen = picker.options.get(picker.selected)?.0.clone();
                let value = if item.kind == Kind::Status {
                    Status::parse(&chosen).map(Value::Status)
                } else {
                    Some(Value::Choice(chosen))
                };
                s.set_value(&item.id, value, today);
                s.advance_from(&item.id);
                None
            }
            Action::Close => None,
            _ => Some(Overlay::Picker(picker)),
        },
        Overlay::Input(mut field) => match action {
            Action::Type(key) => {
                type_into(&mut field.text, key);
                field.error = None;
                Some(Overlay::Input(field))
            }
            Action::Paste(text) => {
                paste_line(&mut field.text, &text);
                Some(Overlay::Input(field))
            }
            Action::Close => back_from_input(field.purpose),
            Action::Submit => match submit_input(s, &field, today) {
                Ok(()) => back_from_input(field.purpose),
                Err(e) => {
                    field.error = Some(e);
                    Some(Overlay::Input(field))
                }
            },
            _ => Some(Overlay::Input(field)),
        },
        Overlay::Note(mut editor) => match action {
            Action::Type(key) => {
                editor.input(key);
                Some(Overlay::Note(editor))
            }
            Action::Paste(text) => {
                editor.insert_str(crate::text::sanitize(
                    &text.replace("\r\n", "\n").replace('\r', "\n"),
                ));
                Some(Overlay::Note(editor))
            }
            Action::Close => {
                let text = crate::text::sanitize(&editor.lines().join("\n"))
                    .trim_end()
                    .to_string();
                let note = (!text.trim().is_empty()).then_some(text);
                if let Some(item) = s.item().cloned()
                    && s.assessment.answer(&item.id).and_then(|a| a.note.clone()) != note
                {
                    s.change(&item.id, today, |a| a.note = note);
                }
                None
            }
            _ => Some(Overlay::Note(editor)),
        },
        Overlay::Evidence { selected } => {
            let item = s.item().cloned()?;
            let count = s
                .assessment
                .answer(&item.id)
                .map_or(0, |a| a.evidence.len());
            match action {
                Action::Up => Some(Overlay::Evidence {
                    selected: selected.saturating_sub(1),
                }),
                Action::Down => Some(Overlay::Evidence {
                    selected: (selected + 1).min(count.saturating_sub(1)),
                }),
                Action::AddEvidence => Some(input(Purpose::AddEvidence, "")),
                Action::Submit if selected < count => {
                    let current = s
                        .assessment
                        .answer(&item.id)
                        .map(|a| a.evidence[selected].clone())
                        .unwrap_or_default();
                    Some(input(Purpose::EditEvidence(selected), &current))
                }
                Action::RemoveEvidence if selected < count => {
                    s.change(&item.id, today, |a| {
                        a.evidence.remove(selected);
                    });
                    Some(Overlay::Evidence {
                        selected: selected.min(count.saturating_sub(2)),
                    })
                }
                Action::Close => None,
                _ => Some(Overlay::Evidence { selected }),
            }
        }
        Overlay::Export(mut export) => match action {
            Action::Up | Action::Down => {
                let n = Format::all().len();
                let next = if action == Action::Up {
                    (export.format + n - 1) % n
                } else {
                    (export.format + 1) % n
                };
                let old = Format::all()[export.format].extension();
                let text = export.path.lines()[0].clone();
                let new = Format::all()[next].extension();
                let path = match text.strip_suffix(&format!(".{old}")) {
                    Some(stem) => format!("{stem}.{new}"),
                    None => text,
                };
                export.format = next;
                export.path = line_field(&path);
                export.result = None;
                Some(Overlay::Export(export))
            }
            Action::Type(key) => {
                type_into(&mut export.path, key);
                Some(Overlay::Export(export))
            }
            Action::Paste(text) => {
                paste_line(&mut export.path, &text);
                Some(Overlay::Export(export))
            }
            Action::ToggleRedact => {
                export.redact = !export.redact;
                export.result = None;
                Some(Overlay::Export(export))
            }
            Action::Submit => {
                let format = Format::all()[export.format];
                let options = report::Options {
                    redact: export.redact,
                    ..report::Options::new(today)
                };
                let path = std::path::PathBuf::from(export.path.lines()[0].trim());
                let report = Report::new(&s.checklist, &s.assessment, &s.evaluation, &options);
                export.result = Some(
                    crate::storage::write_new(&path, &format.render(&report), false)
                        .map(|()| format!("Wrote {}", path.display()))
                        .map_err(|e| {
                            e.replace(
                                "overwrite it with --force",
                                "edit the path to write elsewhere",
                            )
                        }),
                );
                Some(Overlay::Export(export))
            }
            Action::Close => None,
            _ => Some(Overlay::Export(export)),
        },
        Overlay::ConfirmQuit => match action {
            Action::QuitAnyway => {
                app.quit = true;
                None
            }
            Action::RetrySave => {
                s.save_now();
                if s.save == SaveState::Saved {
                    app.quit = true;
                }
                None
            }
            _ => None,
        },
    }
}

fn help_update(scroll: u16, action: Action) -> Option<Overlay> {
    let scroll = match action {
        Action::Up => scroll.saturating_sub(1),
        Action::Down => scroll.saturating_add(1),
        Action::PageUp => scroll.saturating_sub(PAGE as u16),
        Action::PageDown => scroll.saturating_add(PAGE as u16),
        Action::Close => return None,
        _ => scroll,
    };
    // Far enough to bring the last key into view, no further.
    let last = super::keymap::help_lines().len() as u16;
    Some(Overlay::Help {
        scroll: scroll.min(last),
    })
}

/// Where a one-line field returns to: the evidence list for evidence, the screen otherwise.
fn back_from_input(purpose: Purpose) -> Option<Overlay> {
    match purpose {
        Purpose::AddEvidence | Purpose::EditEvidence(_) => Some(Overlay::Evidence { selected: 0 }),
        _ => None,
    }
}

fn submit_input(s: &mut Session, field: &Input, today: jiff::civil::Date) -> Result<(), String> {
    let text = crate::text::sanitize_line(&field.text.lines()[0]);
    if field.purpose == Purpose::Search {
        s.search = (!text.is_empty()).then_some(text);
        s.refilter();
        s.jump_to_match();
        return Ok(());
    }
    let item = s.item().cloned().ok_or("There is no item selected.")?;
    match field.purpose {
        Purpose::Value if text.is_empty() => s.set_value(&item.id, None, today),
        Purpose::Value => {
            let value = assessment::parse_value(&item.kind, &text)?;
            s.set_value(&item.id, Some(value), today);
            s.advance_from(&item.id);
        }
        Purpose::Owner => s.change(&item.id, today, |a| {
            a.owner = (!text.is_empty()).then_some(text)
        }),
        Purpose::Due => {
            let due = if text.is_empty() {
                None
            } else {
                Some(
                    text.parse::<jiff::civil::Date>()
                        .map_err(|_| format!("\"{text}\" is not a date such as 2013-03-31"))?,
                )
            };
            s.change(&item.id, today, |a| a.due = due);
        }
        Purpose::AddEvidence if !text.is_empty() => {
            s.change(&item.id, today, |a| a.evidence.push(text))
        }
        Purpose::EditEvidence(i) => s.change(&item.id, today, |a| {
            if text.is_empty() && i < a.evidence.len() {
                a.evidence.remove(i);
            } else if let Some(reference) = a.evidence.get_mut(i) {
                *reference = text;
            }
        }),
        _ => {}
    }
    Ok(())
}
