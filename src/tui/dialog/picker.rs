//! Choosing from a list: the options of a choice item, the four status answers, how far an
//! answer is assured, or the assessor's judgement of an area.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{List, ListItem, ListState};

use probity_core::answer::{Kind, Status, Value};
use probity_core::assessment::{Assurance, Level};
use probity_core::checklist::{Grade, Item};

use super::{Dialog, Entry, Purpose, Step, frame_box};
use crate::tui::action::Action;
use crate::tui::keymap::{self, Context};
use crate::tui::session::Session;
use crate::tui::theme::Theme;
use crate::tui::widgets::Cursor;

pub struct Picker {
    /// (id as stored, label as shown)
    pub options: Vec<(String, String)>,
    pub selected: Cursor,
    pub choosing: Choosing,
    /// The title, when it names what is chosen for.
    pub title: Option<String>,
}

/// What the choice sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choosing {
    Answer,
    Assurance,
    /// The assessor's grade for the area at this position in the checklist, or none.
    Judgement(usize),
}

/// The picker's title for the area judged, e.g. "The assessor's judgement of Vetting".
fn judging(s: &Session, area: usize) -> String {
    s.checklist.areas.get(area).map_or_else(
        || "The assessor's judgement".to_string(),
        |a| format!("The assessor's judgement of {}", a.title),
    )
}

/// The option that takes the assessor's grade away, so the derived one stands.
const CLEAR: &str = "clear";

impl Picker {
    /// The answers an item offers, with its current one selected.
    pub fn for_item(item: &Item, current: Option<&Value>) -> Picker {
        let options: Vec<(String, String)> = match &item.kind {
            Kind::Choice(options) => options
                .iter()
                .map(|o| (o.id.clone(), o.label.clone()))
                .collect(),
            _ => Status::ALL
                .iter()
                .map(|st| (st.name().to_string(), st.label().to_string()))
                .collect(),
        };
        let current = current.and_then(Value::choice_key);
        let selected = current
            .and_then(|c| options.iter().position(|o| o.0 == c))
            .unwrap_or(0);
        Picker {
            options,
            selected: Cursor(selected),
            choosing: Choosing::Answer,
            title: None,
        }
    }

    /// The three levels of assurance, with the answer's current one selected.
    pub fn for_assurance(current: &Assurance) -> Picker {
        Picker {
            options: Level::ALL
                .iter()
                .map(|l| {
                    (
                        l.name().to_string(),
                        format!("{}: {}", l.name(), l.meaning()),
                    )
                })
                .collect(),
            selected: Cursor(
                Level::ALL
                    .iter()
                    .position(|l| *l == current.level())
                    .unwrap_or(0),
            ),
            choosing: Choosing::Assurance,
            title: None,
        }
    }

    /// The five grades for the area at `area`, the derived one said, with the grade that
    /// stands selected; and, when the assessor has recorded one, a last option to clear it.
    pub fn for_judgement(s: &Session, area: usize) -> Option<Picker> {
        let j = s.judgement(area)?;
        let mut options: Vec<(String, String)> = Grade::ALL
            .iter()
            .map(|g| {
                let label = match (Some(*g) == j.derived, Some(*g) == j.overridden) {
                    (true, _) => format!("{} (derived from the answers)", g.label()),
                    (false, true) => format!("{} (the assessor's, as recorded)", g.label()),
                    _ => g.label().to_string(),
                };
                (g.id().to_string(), label)
            })
            .collect();
        if j.overridden.is_some() {
            options.push((
                CLEAR.into(),
                "Clear the assessor's judgement: the derived one stands".into(),
            ));
        }
        let selected = j
            .standing()
            .and_then(|g| Grade::ALL.iter().position(|x| *x == g))
            .unwrap_or(0);
        Some(Picker {
            options,
            selected: Cursor(selected),
            choosing: Choosing::Judgement(area),
            title: Some(judging(s, area)),
        })
    }

    /// A grade chosen asks for the rationale next; clearing takes the override away at once.
    fn choose_judgement(&self, s: &mut Session) -> Step {
        let Choosing::Judgement(area) = self.choosing else {
            return Step::Close;
        };
        let (Some(def), Some((chosen, _))) = (
            s.checklist.areas.get(area).cloned(),
            self.options.get(self.selected.at()),
        ) else {
            return Step::Close;
        };
        if chosen == CLEAR {
            let undo = keymap::key_name(Context::Assessment, &Action::Undo);
            s.notice = Some(match s.judge(&def.id, None) {
                Ok(_) => format!(
                    "The assessor's judgement of {} is cleared; the derived one stands. {undo} undoes it.",
                    def.title
                ),
                Err(e) => e.to_string(),
            });
            return Step::Close;
        }
        let Some(grade) = Grade::parse(chosen) else {
            return Step::Close;
        };
        let rationale = s
            .judgement(area)
            .and_then(|j| j.rationale.clone())
            .unwrap_or_default();
        Step::Open(Box::new(Dialog::Entry(Entry::new(
            Purpose::Rationale {
                area: def.id,
                grade,
            },
            &rationale,
        ))))
    }

    /// Sets the chosen assurance; verified asks who verified it next.
    fn choose_assurance(&self, s: &mut Session) -> Step {
        let (Some(item), Some(level)) = (s.item().cloned(), Level::ALL.get(self.selected.at()))
        else {
            return Step::Close;
        };
        let current = s.assessment.answer(&item.id).map(|a| a.assurance.clone());
        let assurance = match level {
            Level::Asserted => Assurance::Asserted,
            Level::Evidenced => Assurance::Evidenced,
            Level::Verified => {
                let by = match current {
                    Some(Assurance::Verified { by, .. }) => by,
                    _ => String::new(),
                };
                return Step::Open(Box::new(Dialog::Entry(Entry::new(
                    Purpose::VerifiedBy,
                    &by,
                ))));
            }
        };
        let _ = s.change(&item.id, |a| a.assurance = assurance);
        Step::Close
    }
    pub fn update(&mut self, action: Action, s: &mut Session) -> Step {
        match action {
            Action::Submit if self.choosing == Choosing::Assurance => {
                return self.choose_assurance(s);
            }
            Action::Submit if matches!(self.choosing, Choosing::Judgement(_)) => {
                return self.choose_judgement(s);
            }
            Action::Submit => {
                let (Some(item), Some((chosen, _))) =
                    (s.item().cloned(), self.options.get(self.selected.at()))
                else {
                    return Step::Close;
                };
                let value = match item.kind {
                    Kind::Status => Status::parse(chosen).map(Value::Status),
                    _ => Some(Value::Choice(chosen.clone())),
                };
                if let Some(value) = value {
                    let _ = s.answer(&item.id, value);
                }
                return Step::Close;
            }
            Action::Close => return Step::Close,
            other => {
                self.selected.apply(&other, self.options.len());
            }
        }
        Step::Stay
    }

    pub fn render(&self, theme: Theme, frame: &mut Frame, area: Rect) {
        let height = self.options.len() as u16 + 3;
        let (width, title) = match self.choosing {
            Choosing::Answer => (50, "Choose the answer"),
            Choosing::Assurance => (70, "How far is this answer assured?"),
            Choosing::Judgement(_) => (64, "The assessor's judgement"),
        };
        let title = self.title.as_deref().unwrap_or(title);
        let inner = frame_box(frame, area, width, height, title, theme);
        let items: Vec<ListItem> = self
            .options
            .iter()
            .map(|(_, label)| ListItem::new(label.as_str()))
            .collect();
        let [list, hint] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
        frame.render_stateful_widget(
            List::new(items).highlight_style(theme.selected()),
            list,
            &mut ListState::default().with_selected(Some(self.selected.at())),
        );
        frame.render_widget(
            Line::styled(
                keymap::hint(
                    Context::Picker,
                    &[
                        (&[Action::Submit], "choose"),
                        (&[Action::Close], "leave as it was"),
                    ],
                ),
                theme.dim(),
            ),
            hint,
        );
    }
}
