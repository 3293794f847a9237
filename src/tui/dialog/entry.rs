//! Typed entry on one line: an answer, the owner, the due date, or an evidence reference. A
//! bad entry is explained on the spot and the old value stays.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};
use ratatui_textarea::TextArea;

use probity_core::answer::{Kind, Value, parse_date, parse_value};
use probity_core::assessment::Assurance;
use probity_core::checklist::Grade;
use probity_core::text::sanitize_line;
use probity_core::workspace::JudgeError;

use super::{ConfirmSign, Dialog, Evidence, Step, frame_box};
use crate::tui::action::Action;
use crate::tui::fields::{draw_field, edit, line_field, paste_line, text_of, type_into};
use crate::tui::keymap::{self, Context};
use crate::tui::session::Session;
use crate::tui::theme::Theme;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    Value,
    Owner,
    Due,
    AddEvidence,
    EditEvidence(usize),
    /// Who verified the answer; the date is today.
    VerifiedBy,
    /// The name of the person signing the assessment off.
    Signer,
    /// Their role, once the name is given.
    Role {
        signer: String,
    },
    /// Why a signed assessment is being reopened.
    ReopenReason,
    /// Why the assessor sets an area's derived judgement aside for `grade`.
    Rationale {
        area: String,
        grade: Grade,
    },
}

impl Purpose {
    pub fn title(&self) -> &'static str {
        match self {
            Purpose::Value => "Answer",
            Purpose::Owner => "Owner",
            Purpose::Due => "Due date, e.g. 31/03/2013",
            Purpose::AddEvidence => "Add evidence",
            Purpose::EditEvidence(_) => "Edit evidence",
            Purpose::VerifiedBy => "Verified by",
            Purpose::Signer => "Sign off: your name, as it should appear on every document",
            Purpose::Role { .. } => "Sign off: your role",
            Purpose::ReopenReason => "Reopen as a draft: why?",
            Purpose::Rationale { .. } => "The assessor's judgement: why?",
        }
    }
}

pub struct Entry {
    pub purpose: Purpose,
    pub text: TextArea<'static>,
    /// Why the last entry was refused; the old value stays until a good one is entered.
    pub error: Option<String>,
    /// Whether a date is being typed, so the date it reads as can be shown before it is saved.
    pub dated: bool,
    /// What the date typed so far reads as ("Reads as Sunday 31 March 2013."), or why it is
    /// no date at all when its day is past the month's end.
    pub reads_as: Option<String>,
}

impl Entry {
    pub fn new(purpose: Purpose, text: &str) -> Entry {
        let mut entry = Entry {
            dated: purpose == Purpose::Due,
            purpose,
            text: line_field(text),
            error: None,
            reads_as: None,
        };
        entry.read();
        entry
    }

    /// The field for typing an answer of `kind`, holding the current one.
    pub fn for_value(kind: &Kind, value: Option<&Value>) -> Entry {
        let text = value.map(Value::to_string).unwrap_or_default();
        let mut entry = Entry::new(Purpose::Value, &text);
        entry.dated = *kind == Kind::Date;
        entry.read();
        entry
    }

    /// Reads the date typed so far, if a date is being typed.
    fn read(&mut self) {
        self.reads_as = self
            .dated
            .then(|| match parse_date(text_of(&self.text)) {
                Ok(d) => Some(format!("Reads as {}.", d.strftime("%A %-d %B %Y"))),
                // A day past the month's end is said while typing, not only on Enter.
                Err(e) => e
                    .allowed
                    .strip_prefix("a date: ")
                    .map(|why| format!("No such date: {why}.")),
            })
            .flatten();
    }

    pub fn update(&mut self, action: Action, s: &mut Session) -> Step {
        let typing = matches!(action, Action::Type(_) | Action::Edit(_) | Action::Paste(_));
        match action {
            Action::Type(key) => type_into(&mut self.text, key),
            Action::Edit(e) => edit(&mut self.text, e),
            Action::Paste(text) => paste_line(&mut self.text, &text),
            Action::Close => return self.back(),
            Action::Submit => match self.submit(s) {
                Ok(Some(next)) => return next,
                Ok(None) => return self.back(),
                Err(e) => self.error = Some(e),
            },
            _ => {}
        }
        if typing {
            self.error = None;
            self.read();
        }
        Step::Stay
    }

    /// Where the field returns to: the evidence list for evidence, the screen otherwise.
    fn back(&self) -> Step {
        match &self.purpose {
            Purpose::AddEvidence | Purpose::EditEvidence(_) => {
                Step::Open(Box::new(Dialog::Evidence(Evidence::default())))
            }
            _ => Step::Close,
        }
    }

    fn submit(&self, s: &mut Session) -> Result<Option<Step>, String> {
        let text = sanitize_line(text_of(&self.text));
        match &self.purpose {
            Purpose::Signer if text.is_empty() => {
                Err("Type the name of the person signing.".into())
            }
            Purpose::Signer => Ok(Some(Step::Open(Box::new(Dialog::Entry(Entry::new(
                Purpose::Role { signer: text },
                "",
            )))))),
            Purpose::Role { .. } if text.is_empty() => Err("Type the signer's role.".into()),
            Purpose::Role { signer } => Ok(Some(Step::Open(Box::new(Dialog::ConfirmSign(
                ConfirmSign::new(s, signer.clone(), text),
            ))))),
            Purpose::ReopenReason if text.is_empty() => {
                Err("Say why it is being reopened: the history keeps the reason.".into())
            }
            Purpose::ReopenReason => s.reopen(&text).map(|()| {
                s.notice = Some("Reopened as a draft; the history records who and why.".into());
                None
            }),
            Purpose::Rationale { area, grade } => judge(s, area, *grade, &text).map(|()| None),
            _ => self.change(s, text).map(|()| None),
        }
    }

    /// Changes the selected item's record with the text typed.
    fn change(&self, s: &mut Session, text: String) -> Result<(), String> {
        let item = s.item().cloned().ok_or("There is no item selected.")?;
        let id = item.id.as_str();
        let changed = match &self.purpose {
            Purpose::Value if text.is_empty() => s.set_value(id, None),
            Purpose::Value => {
                let value = parse_value(&item.kind, &text).map_err(|e| e.to_string())?;
                s.answer(id, value)
            }
            Purpose::Owner => s.change(id, |a| a.set_owner(&text)),
            Purpose::Due => {
                let due = if text.is_empty() {
                    None
                } else {
                    Some(parse_date(&text).map_err(|e| e.to_string())?)
                };
                s.change(id, |a| a.due = due)
            }
            Purpose::AddEvidence if text.is_empty() => Ok(()),
            Purpose::AddEvidence => s.change(id, |a| a.evidence.push(text)),
            Purpose::EditEvidence(i) => {
                let i = *i;
                s.change(id, |a| {
                    if text.is_empty() && i < a.evidence.len() {
                        a.evidence.remove(i);
                    } else if let Some(reference) = a.evidence.get_mut(i) {
                        *reference = text;
                    }
                })
            }
            Purpose::VerifiedBy if text.is_empty() => {
                return Err("Type who verified it: a person or a team.".into());
            }
            Purpose::VerifiedBy => {
                let on = s.today();
                s.change(id, |a| a.assurance = Assurance::Verified { by: text, on })
            }
            Purpose::Signer
            | Purpose::Role { .. }
            | Purpose::ReopenReason
            | Purpose::Rationale { .. } => Ok(()),
        };
        changed.map_err(|e| e.to_string())
    }

    pub fn render(&self, theme: Theme, s: &Session, frame: &mut Frame, area: Rect) {
        let allowed = match (&self.purpose, s.item()) {
            (Purpose::Value, Some(item)) => {
                format!("Type {}. Leave empty to clear.", item.kind.allowed_typed())
            }
            (Purpose::VerifiedBy, _) => format!(
                "Who tested this answer independently? It is recorded as verified today, {}.",
                probity_core::text::long_date(s.today())
            ),
            (Purpose::AddEvidence, _) => {
                "One reference: a document's title and date, or where it is kept. Enter adds it; Esc adds nothing."
                    .to_string()
            }
            (Purpose::Signer | Purpose::Role { .. }, _) => {
                "Signing marks the assessment final and seals it; it can then only be reopened."
                    .to_string()
            }
            (Purpose::ReopenReason, _) => {
                "The history keeps who reopened it, when and why.".to_string()
            }
            (Purpose::Rationale { area, grade }, _) => {
                let derived = s
                    .checklist
                    .areas
                    .iter()
                    .position(|a| a.id == *area)
                    .and_then(|at| s.judgement(at))
                    .and_then(|j| j.derived)
                    .map_or("no judgement yet".to_string(), |g| {
                        format!("derived {}", g.label().to_lowercase())
                    });
                let title = s.checklist.area(area).map_or(area.as_str(), |a| a.title.as_str());
                format!(
                    "{title}: {} in place of the grade the answers give ({derived}). Say why; every report shows it beside the derived one.",
                    grade.label()
                )
            }
            _ => "Leave empty to clear.".to_string(),
        };
        let note = match (&self.error, &self.reads_as) {
            (Some(e), _) => Some((e.as_str(), theme.error())),
            (None, Some(d)) => Some((d.as_str(), theme.bold())),
            (None, None) => None,
        };
        one_line(
            theme,
            frame,
            area,
            self.purpose.title(),
            &allowed,
            &self.text,
            note,
        );
    }
}

/// Records the assessor's grade for an area with the rationale typed, saying what now stands.
fn judge(s: &mut Session, area: &str, grade: Grade, rationale: &str) -> Result<(), String> {
    match s.judge(area, Some((grade, rationale))) {
        Ok(_) => {
            let title = s.checklist.area(area).map_or(area, |a| a.title.as_str());
            s.notice = Some(format!(
                "{title}: {}, the assessor's judgement, recorded with its rationale. {} undoes it.",
                grade.label(),
                keymap::key_name(Context::Assessment, &Action::Undo)
            ));
            Ok(())
        }
        Err(JudgeError::NoRationale) => Err(
            "Say why the derived judgement is set aside: an override needs its rationale.".into(),
        ),
        Err(e) => Err(e.to_string()),
    }
}

/// A one-line field in a box: what to type, the field, any error and the keys.
pub(super) fn one_line(
    theme: Theme,
    frame: &mut Frame,
    area: Rect,
    title: &str,
    explain: &str,
    text: &TextArea<'static>,
    note: Option<(&str, Style)>,
) {
    let inner = frame_box(frame, area, 74, 9, title, theme);
    let [help, field, error_line, hint] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(2),
        Constraint::Length(2),
        Constraint::Length(1),
    ])
    .areas(inner);
    let wrapped = |text, style| Paragraph::new(Line::styled(text, style)).wrap(Wrap { trim: true });
    frame.render_widget(wrapped(explain, theme.dim()), help);
    draw_field(frame, text, field);
    if let Some((text, style)) = note {
        frame.render_widget(wrapped(text, style), error_line);
    }
    frame.render_widget(
        Line::styled(
            keymap::hint(
                Context::Input,
                &[(&[Action::Submit], "accept"), (&[Action::Close], "cancel")],
            ),
            theme.dim(),
        ),
        hint,
    );
}
