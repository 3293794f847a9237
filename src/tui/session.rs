//! One open assessment: its answers, their evaluation, the lock, where the user is, and the
//! one path by which a change reaches the disk.

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use super::app::{Filter, Pane, SaveState};
use crate::assessment::{self, Answer, Assessment, Value};
use crate::checklist::{Catalog, Checklist, Item};
use crate::scoring::{self, Evaluation};
use crate::storage::{Lock, LockError};

/// One open assessment.
pub struct Session {
    pub path: PathBuf,
    pub checklist: Checklist,
    pub assessment: Assessment,
    /// Recomputed after every change, never while drawing.
    pub evaluation: Evaluation,
    /// Held while the file is open; `None` when another window has it (read-only).
    pub lock: Option<Lock>,
    pub save: SaveState,
    pub pane: Pane,
    pub area: usize,
    /// Position in `visible`.
    pub cursor: usize,
    /// Indices into the selected area's items that pass the filter.
    pub visible: Vec<usize>,
    /// For each area, how many of its items pass the filter.
    pub matches: Vec<usize>,
    pub filter: Filter,
    pub search: Option<String>,
    /// Move to the next unanswered item after answering.
    pub advance: bool,
    /// Lines scrolled in the detail pane.
    pub scroll: u16,
    /// Overall scores of this force's other periods in the same folder, oldest first, for the
    /// trend sparkline; read once when the file opens.
    pub history: Vec<(String, Option<f64>)>,
}

impl Session {
    /// Opens an assessment, taking its lock; if another window holds it, opens read-only.
    pub fn open(path: &Path, catalog: &Catalog, today: Date) -> Result<Session, String> {
        let (assessment, checklist) = assessment::load(path, catalog).map_err(|e| e.render())?;
        let (lock, save) = match Lock::acquire(path) {
            Ok(lock) => (Some(lock), SaveState::Saved),
            Err(LockError::Held(_)) => (None, SaveState::ReadOnly),
            Err(e) => return Err(e.to_string()),
        };
        let history = history(path, &assessment, catalog, today);
        let mut session =
            Session::new(path.to_path_buf(), checklist, assessment, lock, save, today);
        session.history = history;
        session.resume();
        Ok(session)
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

    pub fn new(
        path: PathBuf,
        checklist: Checklist,
        assessment: Assessment,
        lock: Option<Lock>,
        save: SaveState,
        today: Date,
    ) -> Session {
        let evaluation = scoring::evaluate(&checklist, &assessment, today);
        let mut session = Session {
            path,
            checklist,
            assessment,
            evaluation,
            lock,
            save,
            pane: Pane::Items,
            area: 0,
            cursor: 0,
            visible: Vec::new(),
            matches: Vec::new(),
            filter: Filter::All,
            search: None,
            advance: true,
            scroll: 0,
            history: Vec::new(),
        };
        session.refilter();
        session
    }

    pub fn read_only(&self) -> bool {
        self.save == SaveState::ReadOnly
    }

    /// The selected item, if the list is not empty.
    pub fn item(&self) -> Option<&Item> {
        let index = *self.visible.get(self.cursor)?;
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
            Filter::Unconfirmed => answer.is_some_and(|a| a.carried),
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
        let keep = self.visible.get(self.cursor).copied();
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
        self.cursor = keep
            .and_then(|k| self.visible.iter().position(|&i| i == k))
            .unwrap_or(0)
            .min(self.visible.len().saturating_sub(1));
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
        self.cursor = self.visible.iter().position(|&i| i == index).unwrap_or(0);
        self.scroll = 0;
    }

    /// Changes one item's record, then re-scores and saves.
    pub fn change(&mut self, id: &str, today: Date, edit: impl FnOnce(&mut Answer)) {
        // A read-only window never changes what it shows, so it cannot mislead.
        if self.read_only() {
            return;
        }
        edit(self.assessment.answer_mut(id));
        self.assessment.prune();
        self.evaluation = scoring::evaluate(&self.checklist, &self.assessment, today);
        self.refilter();
        self.save_now();
    }

    /// Sets or clears a value. A changed answer is no longer "carried": the user has seen it.
    pub(super) fn set_value(&mut self, id: &str, value: Option<Value>, today: Date) {
        self.change(id, today, |a| {
            a.value = value;
            a.carried = false;
        });
    }

    /// Writes the file; a failure is kept on screen and the next change tries again.
    pub fn save_now(&mut self) {
        if self.read_only() {
            return;
        }
        self.save = match assessment::save(&self.path, &self.assessment, &self.checklist) {
            Ok(()) => SaveState::Saved,
            Err(e) => SaveState::Failed(e),
        };
    }

    /// Moves the selection in the focused pane by `delta`, clamped to the ends.
    pub(super) fn step(&mut self, delta: isize) {
        let clamp = |at: usize, len: usize| {
            (at as isize)
                .saturating_add(delta)
                .clamp(0, len.saturating_sub(1) as isize) as usize
        };
        match self.pane {
            Pane::Areas => {
                let area = clamp(self.area, self.checklist.areas.len());
                if area != self.area {
                    self.area = area;
                    self.visible.clear();
                    self.refilter();
                    self.scroll = 0;
                }
            }
            Pane::Items => {
                let cursor = clamp(self.cursor, self.visible.len());
                if cursor != self.cursor {
                    self.cursor = cursor;
                    self.scroll = 0;
                }
            }
            Pane::Detail => self.scroll = clamp(self.scroll as usize, u16::MAX as usize) as u16,
        }
    }

    /// After a filter or search changes, shows the first area with something in it.
    pub(super) fn jump_to_match(&mut self) {
        if self.visible.is_empty()
            && let Some(area) = self.matches.iter().position(|&n| n > 0)
        {
            self.area = area;
            self.refilter();
        }
    }

    /// Moves to the next unanswered, asked item the filter shows, after `id` in checklist order.
    pub(super) fn advance_from(&mut self, id: &str) {
        if !self.advance {
            return;
        }
        let order: Vec<&crate::checklist::Item> = self.checklist.items().collect();
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

/// The overall score of each other period of the same force found beside `path`. A folder
/// that cannot be read simply gives no history: the trend is a convenience, not a record.
fn history(
    path: &Path,
    assessment: &Assessment,
    catalog: &Catalog,
    today: Date,
) -> Vec<(String, Option<f64>)> {
    let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) else {
        return Vec::new();
    };
    let Ok(paths) = crate::progress::expand(&[folder.to_path_buf()]) else {
        return Vec::new();
    };
    let batch = crate::progress::load_batch(&paths, catalog, today, || {});
    crate::progress::trend::Trend::of(&batch, &assessment.force)
        .series(None)
        .into_iter()
        .filter(|(period, _)| *period != assessment.period)
        .collect()
}
