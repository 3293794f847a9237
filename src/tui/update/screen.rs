//! The assessment screen: answering, moving, filtering and opening dialogs.

use super::*;

pub(super) fn assessment_update(
    s: &mut Session,
    action: Action,
    today: jiff::civil::Date,
) -> Outcome {
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
pub(super) fn edits(action: &Action) -> bool {
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

pub(super) fn picker(options: Vec<(String, String)>, current: Option<&str>) -> Overlay {
    let selected = current
        .and_then(|c| options.iter().position(|o| o.0 == c))
        .unwrap_or(0);
    Overlay::Picker(Picker { options, selected })
}

pub(super) fn input(purpose: Purpose, text: &str) -> Overlay {
    Overlay::Input(Input {
        purpose,
        text: line_field(text),
        error: None,
    })
}

pub(super) fn export_dialog(s: &Session, format: usize) -> Export {
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
