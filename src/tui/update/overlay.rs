//! Dialogs over a screen: help, findings, export, pickers, typed entry, notes and evidence.

use super::*;

pub(super) fn overlay_update(app: &mut App, overlay: Overlay, action: Action) -> Option<Overlay> {
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

pub(super) fn help_update(scroll: u16, action: Action) -> Option<Overlay> {
    let scroll = match action {
        Action::Up => scroll.saturating_sub(1),
        Action::Down => scroll.saturating_add(1),
        Action::PageUp => scroll.saturating_sub(PAGE as u16),
        Action::PageDown => scroll.saturating_add(PAGE as u16),
        Action::Close => return None,
        _ => scroll,
    };
    // Far enough to bring the last key into view, no further.
    let last = crate::tui::keymap::help_lines().len() as u16;
    Some(Overlay::Help {
        scroll: scroll.min(last),
    })
}

/// Where a one-line field returns to: the evidence list for evidence, the screen otherwise.
pub(super) fn back_from_input(purpose: Purpose) -> Option<Overlay> {
    match purpose {
        Purpose::AddEvidence | Purpose::EditEvidence(_) => Some(Overlay::Evidence { selected: 0 }),
        _ => None,
    }
}

pub(super) fn submit_input(
    s: &mut Session,
    field: &Input,
    today: jiff::civil::Date,
) -> Result<(), String> {
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
