//! One open assessment in the interface: the core's [`Opened`] assessment, plus where the
//! user is in it. Every change goes through [`Session::change`], which re-scores and saves at
//! once, so nothing typed is ever only in memory for longer than it takes to write the file.

use std::ops::Deref;

use probity_core::answer::Value;
use probity_core::assessment::Answer;
use probity_core::checklist::Item;
use probity_core::history::{Cause, Event};
use probity_core::workspace::{Opened, Refused, SignError, Workspace, check};

use super::widgets::{Cursor, Scroll};

/// One open assessment and the user's place in it.
pub struct Session {
    pub opened: Opened,
    pub save: SaveState,
    pub pane: Pane,
    pub area: usize,
    /// Position in `visible`.
    pub cursor: Cursor,
    /// Indices into the selected area's items that pass the filter.
    pub visible: Vec<usize>,
    /// For each area, how many of its items pass the filter.
    pub matches: Vec<usize>,
    pub filter: Filter,
    pub search: Option<String>,
    /// Move to the next unanswered item after answering.
    pub advance: bool,
    /// Lines scrolled in the detail pane.
    pub scroll: Scroll,
    /// Overall scores of this force's other periods in the same folder, oldest first, for the
    /// trend sparkline; read once when the file opens.
    pub history: Vec<(String, Option<f64>)>,
    /// For a signed assessment, whether its seal still matches its content and history.
    pub seal_holds: Option<bool>,
}

/// The assessment, its checklist and evaluation are read straight through the session.
impl Deref for Session {
    type Target = Opened;

    fn deref(&self) -> &Opened {
        &self.opened
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    ReadOnly,
    /// The last save failed; the change is kept in memory and saving is retried on the next one.
    Failed(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Areas,
    Items,
    Detail,
}

/// Which items the item list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    All,
    Unanswered,
    Findings,
    Flagged,
    /// Carried from the previous period and not yet confirmed.
    Unconfirmed,
}

impl Filter {
    pub const ALL: [Filter; 5] = [
        Filter::All,
        Filter::Unanswered,
        Filter::Findings,
        Filter::Flagged,
        Filter::Unconfirmed,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Filter::All => "all items",
            Filter::Unanswered => "unanswered",
            Filter::Findings => "with findings",
            Filter::Flagged => "flagged for review",
            Filter::Unconfirmed => "carried, unconfirmed",
        }
    }
}

impl Session {
    /// A session on an opened assessment, where the last sitting left off.
    pub fn new(opened: Opened, ws: &Workspace) -> Session {
        let save = if opened.read_only() {
            SaveState::ReadOnly
        } else {
            SaveState::Saved
        };
        let history = match opened.path.parent().filter(|p| !p.as_os_str().is_empty()) {
            Some(folder) => {
                ws.scores_by_period(folder, &opened.assessment.force, &opened.assessment.period)
            }
            None => Vec::new(),
        };
        let mut session = Session {
            opened,
            save,
            pane: Pane::Items,
            area: 0,
            cursor: Cursor::default(),
            visible: Vec::new(),
            matches: Vec::new(),
            filter: Filter::All,
            search: None,
            advance: true,
            scroll: Scroll::default(),
            history,
            seal_holds: None,
        };
        session.check_seal();
        session.refilter();
        session.resume();
        session
    }

    /// Rechecks the seal of a signed assessment against its content and history.
    fn check_seal(&mut self) {
        self.seal_holds = self
            .assessment
            .signature
            .as_ref()
            .map(|_| check(&self.assessment, self.opened.history(), None).holds());
    }

    /// What opening found and recorded, in a sentence for the status line.
    pub fn opening_notice(&self) -> Option<String> {
        let found = &self.opened.found;
        let count = |cause: Cause| {
            found
                .iter()
                .filter(|d| matches!(&d.event, Event::Changed { cause: c, .. } if *c == cause))
                .count()
        };
        let (outside, unsaved) = (count(Cause::Outside), count(Cause::Unsaved));
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        let mut said = Vec::new();
        if outside > 0 {
            said.push(format!(
                "{outside} change{} made outside probity since it last recorded this file",
                plural(outside)
            ));
        }
        if unsaved > 0 {
            said.push(format!(
                "{unsaved} change{} probity had not finished saving (now undone)",
                plural(unsaved)
            ));
        }
        if found
            .iter()
            .any(|d| matches!(d.event, Event::Reopened { .. }))
        {
            said.push("a signature removed outside probity".into());
        }
        (!said.is_empty()).then(|| {
            format!(
                "Found and recorded in the history: {}. {} shows an item's history.",
                said.join("; "),
                super::keymap::key_name(
                    super::keymap::Context::Assessment,
                    &super::action::Action::ShowHistory
                )
            )
        })
    }

    /// Signs the assessment off and seals it; a refusal is told in words.
    pub fn sign(&mut self, signer: &str, role: &str) -> Result<(), String> {
        match self.opened.sign(signer, role) {
            Ok(_) => {
                self.save = SaveState::Saved;
                self.check_seal();
                Ok(())
            }
            Err(SignError::Save(e)) => {
                self.save = SaveState::Failed(e.to_string());
                Err(e.to_string())
            }
            Err(e) => Err(e.to_string()),
        }
    }

    /// Takes a signed assessment back to draft.
    pub fn reopen(&mut self, reason: &str) -> Result<(), String> {
        self.opened.reopen(reason).map_err(|e| e.to_string())?;
        self.check_seal();
        Ok(())
    }

    /// Every period's overall score, this one live from the current answers, oldest first.
    pub fn trend(&self) -> Vec<(&str, Option<f64>)> {
        let mut points: Vec<(&str, Option<f64>)> = self
            .history
            .iter()
            .map(|(period, score)| (period.as_str(), *score))
            .chain([(self.assessment.period.as_str(), self.evaluation.overall)])
            .collect();
        points.sort_by(|a, b| a.0.cmp(b.0));
        points
    }

    pub fn read_only(&self) -> bool {
        self.save == SaveState::ReadOnly
    }

    /// The selected item, if the list is not empty.
    pub fn item(&self) -> Option<&Item> {
        let index = *self.visible.get(self.cursor.at())?;
        self.checklist.areas.get(self.area)?.items.get(index)
    }

    /// Whether an item passes the current filter and search.
    pub fn shows(&self, item: &Item) -> bool {
        let answer = self.assessment.answer(&item.id);
        let passes = match self.filter {
            Filter::All => true,
            Filter::Unanswered => {
                self.evaluation.is_asked(&item.id) && answer.is_none_or(|a| a.value.is_none())
            }
            Filter::Findings => self.evaluation.findings_for(&item.id).next().is_some(),
            Filter::Flagged => answer.is_some_and(|a| a.review),
            Filter::Unconfirmed => answer.is_some_and(|a| a.is_unconfirmed()),
        };
        passes
            && self.search.as_deref().is_none_or(|q| {
                let q = q.to_lowercase();
                let note = answer.and_then(|a| a.note.as_deref()).unwrap_or_default();
                [item.prompt.as_str(), &item.guidance, note]
                    .iter()
                    .any(|t| t.to_lowercase().contains(&q))
            })
    }

    /// Recomputes which items pass the filter, keeping the selected item where possible.
    pub fn refilter(&mut self) {
        let keep = self.visible.get(self.cursor.at()).copied();
        self.matches = self
            .checklist
            .areas
            .iter()
            .map(|a| a.items.iter().filter(|i| self.shows(i)).count())
            .collect();
        let area = &self.checklist.areas[self.area];
        self.visible = (0..area.items.len())
            .filter(|&i| self.shows(&area.items[i]))
            .collect();
        self.cursor = Cursor(
            keep.and_then(|k| self.visible.iter().position(|&i| i == k))
                .unwrap_or(0),
        );
        self.cursor.clamp(self.visible.len());
    }

    /// Selects the first asked item still unanswered, where the last sitting left off.
    pub fn resume(&mut self) {
        let next = self
            .checklist
            .items()
            .find(|i| self.evaluation.is_asked(&i.id) && self.assessment.value(&i.id).is_none())
            .map(|i| i.id.clone());
        if let Some(id) = next {
            self.select(&id);
        }
    }

    /// Selects an item by id, clearing a filter that hides it.
    pub fn select(&mut self, id: &str) {
        let Some(area) = self
            .checklist
            .areas
            .iter()
            .position(|a| a.items.iter().any(|i| i.id == id))
        else {
            return;
        };
        let index = self.checklist.areas[area]
            .items
            .iter()
            .position(|i| i.id == id)
            .unwrap_or(0);
        if !self.shows(&self.checklist.areas[area].items[index]) {
            self.filter = Filter::All;
            self.search = None;
        }
        self.area = area;
        self.visible.clear();
        self.refilter();
        self.cursor = Cursor(self.visible.iter().position(|&i| i == index).unwrap_or(0));
        self.scroll.reset();
    }

    /// Changes one item's record, then re-scores and saves.
    pub fn change(&mut self, id: &str, edit: impl FnOnce(&mut Answer)) -> Result<(), Refused> {
        let changed = self.opened.edit(id, edit)?.is_some();
        if changed {
            self.refilter();
        }
        // A save that failed before is tried again with every change, even one that changes
        // nothing, so the user can retry by answering again.
        if changed || matches!(self.save, SaveState::Failed(_)) {
            self.save_now();
        }
        Ok(())
    }

    /// Sets or clears a value. A changed answer is no longer "carried": the user has seen it.
    pub fn set_value(&mut self, id: &str, value: Option<Value>) -> Result<(), Refused> {
        self.change(id, |a| a.set_value(value))
    }

    /// Writes the file; a failure is kept on screen and the next change tries again.
    pub fn save_now(&mut self) {
        if self.read_only() {
            return;
        }
        self.save = match self.opened.save() {
            Ok(()) => SaveState::Saved,
            Err(e) => SaveState::Failed(e.to_string()),
        };
    }

    /// Moves the selection in the focused pane by `delta`, stopping at the ends.
    pub fn step(&mut self, delta: isize) {
        match self.pane {
            Pane::Areas => {
                let mut area = Cursor(self.area);
                area.step(delta, self.checklist.areas.len());
                if area.at() != self.area {
                    self.area = area.at();
                    self.visible.clear();
                    self.refilter();
                    self.scroll.reset();
                }
            }
            Pane::Items => {
                let before = self.cursor;
                self.cursor.step(delta, self.visible.len());
                if self.cursor != before {
                    self.scroll.reset();
                }
            }
            Pane::Detail => self.scroll.step(delta, u16::MAX as usize),
        }
    }

    /// After a filter or search changes, shows the first area with something in it.
    pub fn jump_to_match(&mut self) {
        if self.visible.is_empty()
            && let Some(area) = self.matches.iter().position(|&n| n > 0)
        {
            self.area = area;
            self.refilter();
        }
    }

    /// Moves to the next unanswered, asked item the filter shows, after `id` in checklist order.
    pub fn advance_from(&mut self, id: &str) {
        if !self.advance {
            return;
        }
        let order: Vec<&Item> = self.checklist.items().collect();
        let start = order.iter().position(|i| i.id == id).unwrap_or(0);
        let next = order[start + 1..]
            .iter()
            .chain(order[..start].iter())
            .find(|i| {
                self.evaluation.is_asked(&i.id)
                    && self.assessment.value(&i.id).is_none()
                    && self.shows(i)
            })
            .map(|i| i.id.clone());
        if let Some(next) = next {
            self.select(&next);
        }
    }
}
