//! One open assessment in the interface: the core's [`Opened`] assessment, plus where the
//! user is in it. Every change goes through [`Session::change`], which re-scores, saves at
//! once and records the change for undo, so nothing typed is ever only in memory for longer
//! than it takes to write the file.

use std::collections::HashSet;
use std::ops::Deref;

use probity_core::answer::Value;
use probity_core::assessment::{Answer, Finality};
use probity_core::checklist::{Grade, Item};
use probity_core::history::{Cause, Event};
use probity_core::progress::carry::{self, Baseline};
use probity_core::scoring::AreaJudgement;
use probity_core::workspace::{
    AfterAnswer, Edit, JudgeError, JudgementEdit, Opened, Outside, Period, Refused, Resolution,
    ResolveError, SignError, Workspace, check,
};

use super::theme::severity_word;
use super::undo::{self, Undo};
use super::watch::Watch;
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
    /// Where to go after an answer.
    pub advance: Advance,
    /// Lines scrolled in the detail pane.
    pub scroll: Scroll,
    /// This force's other periods in the same folder, oldest first, for the trend sparkline
    /// and for moving between periods; read when the file opens.
    pub periods: Vec<Period>,
    /// Last period's figures and dates, from the file this one was carried from when it is in
    /// the same folder: shown beside each item, never as its answer.
    pub baselines: Vec<Baseline>,
    /// Every change made here, to undo and redo.
    pub undo: Undo,
    /// For a read-only view: what the other window last did to the file.
    pub watch: Option<Watch>,
    /// Something to tell the user after the current action, such as a finding just raised.
    pub notice: Option<String>,
    /// For a signed assessment, whether its seal still matches its content and history.
    pub seal_holds: Option<bool>,
    /// What the last save found another writer had changed meanwhile, to tell and ask about.
    pub outside: Option<Outside>,
    /// The export format last written, which the export dialog opens on.
    pub export_format: usize,
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

/// Where the selection goes after an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Advance {
    /// On to the next unanswered item, except after an answer that raises a finding: then it
    /// stays, with the finding in view, until the user goes on.
    Wait,
    /// On to the next unanswered item every time.
    Always,
    /// Stay on the item just answered.
    Stay,
}

impl From<AfterAnswer> for Advance {
    fn from(set: AfterAnswer) -> Advance {
        match set {
            AfterAnswer::Wait => Advance::Wait,
            AfterAnswer::GoOn => Advance::Always,
            AfterAnswer::Stay => Advance::Stay,
        }
    }
}

impl Advance {
    pub fn next(self) -> Advance {
        match self {
            Advance::Wait => Advance::Always,
            Advance::Always => Advance::Stay,
            Advance::Stay => Advance::Wait,
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            Advance::Wait => {
                "After an answer, probity moves to the next unanswered item, but waits at a new finding."
            }
            Advance::Always => "After an answer, probity always moves to the next unanswered item.",
            Advance::Stay => "After an answer, probity stays on the same item.",
        }
    }
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
    /// A return gave a different answer, waiting to be taken or set aside.
    Conflicts,
}

impl Filter {
    pub const ALL: [Filter; 6] = [
        Filter::All,
        Filter::Unanswered,
        Filter::Findings,
        Filter::Flagged,
        Filter::Unconfirmed,
        Filter::Conflicts,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Filter::All => "all items",
            Filter::Unanswered => "unanswered",
            Filter::Findings => "with findings",
            Filter::Flagged => "flagged for review",
            Filter::Unconfirmed => "carried, unconfirmed",
            Filter::Conflicts => "in conflict with a return",
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
        let periods = match opened.path.parent().filter(|p| !p.as_os_str().is_empty()) {
            Some(folder) => ws
                .other_periods(folder, &opened.assessment.force, &opened.path)
                .into_iter()
                .filter(|p| p.period != opened.assessment.period)
                .collect(),
            None => Vec::new(),
        };
        let baselines = opened
            .assessment
            .carried_from
            .as_deref()
            .and_then(|from| periods.iter().find(|p| p.period == from))
            .and_then(|p| ws.load(&p.path).ok())
            .map(|(before, checklist)| carry::baselines(&before, &checklist, &opened.checklist))
            .unwrap_or_default();
        let watch = opened.read_only().then(|| Watch::new(&opened));
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
            advance: Advance::from(ws.after_answer),
            scroll: Scroll::default(),
            periods,
            baselines,
            undo: Undo::default(),
            watch,
            notice: None,
            seal_holds: None,
            outside: None,
            export_format: 0,
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

    /// What the header may call the assessment: FINAL only when its seal verifies.
    pub fn finality(&self) -> Finality {
        Finality::of(&self.assessment, self.seal_holds == Some(true))
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
        if let Some(answered) = found.iter().find_map(|d| match d.event {
            Event::Adopted { answered, .. } => Some(answered),
            _ => None,
        }) {
            said.push(format!(
                "this file had no history, so probity began one with the file as it stands ({answered} answered) as its starting point"
            ));
        }
        let key = |action| super::keymap::key_name(super::keymap::Context::Assessment, &action);
        let found = (!said.is_empty()).then(|| {
            format!(
                "Found and recorded in the history: {}. {} shows an item's history.",
                said.join("; "),
                key(super::action::Action::ShowHistory)
            )
        });
        let conflicts = self.assessment.conflicts().count();
        let waiting = (conflicts > 0).then(|| {
            format!(
                "{conflicts} answer{} from returns contradict{} the one held: {} shows {}.",
                plural(conflicts),
                if conflicts == 1 { "s" } else { "" },
                key(super::action::Action::ShowConflicts),
                if conflicts == 1 { "it" } else { "them" }
            )
        });
        // Conflicts first: they stop a sign-off, and the line may be cut.
        match (waiting, found) {
            (Some(w), Some(f)) => Some(format!("{w} {f}")),
            (w, f) => w.or(f),
        }
    }

    /// Signs the assessment off and seals it; a refusal is told in words.
    pub fn sign(&mut self, signer: &str, role: &str) -> Result<(), String> {
        let signed = self.opened.sign(signer, role);
        self.take_outside();
        match signed {
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
        let reopened = self.opened.reopen(reason);
        self.take_outside();
        reopened.map_err(|e| e.to_string())?;
        self.check_seal();
        Ok(())
    }

    /// Every period's overall score, this one live from the current answers, oldest first.
    pub fn trend(&self) -> Vec<(&str, Option<f64>)> {
        let mut points: Vec<(&str, Option<f64>)> = self
            .periods
            .iter()
            .map(|p| (p.period.as_str(), p.score))
            .chain([(self.assessment.period.as_str(), self.evaluation.overall)])
            .collect();
        points.sort_by(|a, b| a.0.cmp(b.0));
        points
    }

    /// The period just before (`later` false) or after this one, if the folder has it.
    pub fn neighbour(&self, later: bool) -> Option<&Period> {
        let here = self.assessment.period.as_str();
        if later {
            self.periods.iter().find(|p| p.period.as_str() > here)
        } else {
            self.periods.iter().rev().find(|p| p.period.as_str() < here)
        }
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
            Filter::Conflicts => answer.is_some_and(|a| a.incoming.is_some()),
        };
        passes
            && self.search.as_deref().is_none_or(|q| {
                let q = q.to_lowercase();
                let note = answer.and_then(|a| a.note.as_deref()).unwrap_or_default();
                let recording = item.recording.as_deref().unwrap_or_default();
                [item.prompt.as_str(), &item.guidance, recording, note]
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
        if let Some(id) = self.next_unanswered(None) {
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

    /// Changes one item's record, then re-scores and saves; the change can be undone.
    pub fn change(&mut self, id: &str, edit: impl FnOnce(&mut Answer)) -> Result<(), Refused> {
        let step = self.opened.edit(id, edit)?.into_iter().collect();
        self.settle(step);
        Ok(())
    }

    /// Makes the same change to several items, saved once and undone as one step.
    pub fn change_each(
        &mut self,
        ids: &[String],
        edit: impl Fn(&mut Answer),
    ) -> Result<(), Refused> {
        let mut step = Vec::new();
        for id in ids {
            step.extend(self.opened.edit(id, &edit)?);
        }
        self.settle(step);
        Ok(())
    }

    /// After a change: refilter, save, and remember it for undo.
    fn settle(&mut self, step: undo::Step) {
        let changed = !step.is_empty();
        if changed {
            self.refilter();
        }
        // A save that failed before is tried again with every change, even one that changes
        // nothing, so the user can retry by answering again.
        if changed || matches!(self.save, SaveState::Failed(_)) {
            self.save_now();
        }
        self.undo.record(step);
    }

    /// Takes or sets aside the answer a return gave beside the one held, then re-scores and
    /// saves.
    pub fn resolve(&mut self, id: &str, how: Resolution) -> Result<(), ResolveError> {
        let step = self.opened.resolve(id, how)?;
        self.settle(step);
        Ok(())
    }

    /// Sets or clears a value. A changed answer is no longer "carried": the user has seen it.
    pub fn set_value(&mut self, id: &str, value: Option<Value>) -> Result<(), Refused> {
        self.change(id, |a| a.set_value(value))
    }

    /// Records an answer and moves on as [`Advance`] says: a finding the answer raises is
    /// told at once, and by default the selection waits on it. Correcting an answer stays on
    /// the item, since the rows near it often need the same correction.
    pub fn answer(&mut self, id: &str, value: Value) -> Result<(), Refused> {
        let correcting = self.assessment.value(id).is_some();
        let before: HashSet<String> = self
            .evaluation
            .findings
            .iter()
            .map(|f| f.id.clone())
            .collect();
        self.set_value(id, Some(value))?;
        let raised = self
            .evaluation
            .findings
            .iter()
            .find(|f| !before.contains(&f.id))
            .map(|f| (severity_word(f.severity).to_lowercase(), f.title.clone()));
        let said =
            |(severity, title): &(String, String)| format!("New {severity} finding: {title}.");
        let continue_key =
            super::keymap::key_name(super::keymap::Context::Assessment, &super::Action::Continue);
        let advance = if correcting {
            Advance::Stay
        } else {
            self.advance
        };
        match (advance, raised) {
            (Advance::Stay, None) if correcting => {
                self.notice = Some(format!(
                    "This item was answered already, so probity stays on it ({continue_key} goes on)."
                ))
            }
            (Advance::Stay, raised) => self.notice = raised.as_ref().map(said),
            // The key comes before the title, which may be too long for the line.
            (Advance::Wait, Some((severity, title))) => {
                self.notice = Some(format!(
                    "New {severity} finding, in the details ({continue_key} goes on to the next question): {title}."
                ))
            }
            (_, raised) => {
                let raised = raised.as_ref().map(said);
                self.go_on();
                if let Some(raised) = raised {
                    self.notice = Some(raised);
                }
            }
        }
        Ok(())
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
        self.take_outside();
    }

    /// Takes what the last save found changed outside probity, to tell the user.
    fn take_outside(&mut self) {
        if let Some(outside) = self.opened.outside.take() {
            // The file now holds what the other writer left, with the change made here on top.
            self.refilter();
            self.check_seal();
            self.outside = Some(outside);
        }
    }

    /// What a save found changed outside probity, in a sentence for the status line.
    pub fn outside_notice(&self, outside: &Outside) -> String {
        let mut items: Vec<String> = Vec::new();
        for d in &outside.changes {
            if let Event::Changed { item, .. } = &d.event {
                let label = self.checklist.item(item).map_or_else(
                    || item.clone(),
                    |i| format!("\u{201c}{}\u{201d}", i.short_label()),
                );
                if !items.contains(&label) {
                    items.push(label);
                }
            }
        }
        let what = if items.is_empty() {
            "nothing an answer holds".to_string()
        } else {
            items.join(", ")
        };
        let mine = if outside.held_back.is_empty() {
            "Your change is saved on top of it."
        } else {
            "Your change to the same record is held back until you choose."
        };
        format!(
            "The file was changed outside probity while open here ({what}): kept, and recorded in the history ({} shows an item's). {mine}",
            super::keymap::key_name(
                super::keymap::Context::Assessment,
                &super::action::Action::ShowHistory
            )
        )
    }

    /// Undoes the latest change still done, or redoes the latest undone (`redo`), saving at
    /// once; a record changed since (which only another window could do) is left alone.
    pub fn undo(&mut self, redo: bool) -> Result<String, String> {
        let (from, verb) = if redo {
            (&mut self.undo.undone, "Redone")
        } else {
            (&mut self.undo.done, "Undone")
        };
        let Some(change) = from.pop() else {
            return Err(format!(
                "Nothing to {} in this session.",
                if redo { "redo" } else { "undo" }
            ));
        };
        let what = match &change {
            undo::Change::Answers(step) => self.replay(step, redo)?,
            undo::Change::Judgement(edit) => self.rejudge(edit, redo)?,
        };
        self.refilter();
        self.save_now();
        if redo {
            self.undo.done.push(change);
        } else {
            self.undo.undone.push(change);
        }
        Ok(format!("{verb}: {what}."))
    }

    /// Puts the records of one step back as they were before it (or after it, to redo),
    /// saying what it changed.
    fn replay(&mut self, step: &[Edit], redo: bool) -> Result<String, String> {
        let what = undo::describe(step, |id| {
            self.checklist
                .item(id)
                .map_or(id.to_string(), |i| i.short_label().to_string())
        });
        let now = |id: &str| self.assessment.answer(id).cloned().unwrap_or_default();
        if let Some(moved) = step
            .iter()
            .find(|e| now(&e.item) != *if redo { &e.before } else { &e.after })
        {
            let label = self
                .checklist
                .item(&moved.item)
                .map_or("an item", |i| i.short_label());
            return Err(format!(
                "\u{201c}{label}\u{201d} has changed since, so nothing was changed."
            ));
        }
        for edit in step.iter().rev() {
            let done = if redo {
                let after = edit.after.clone();
                self.opened.edit(&edit.item, |a| *a = after)
            } else {
                self.opened.revert(edit)
            };
            done.map_err(|e| e.to_string())?;
        }
        if let Some(first) = step.first() {
            let id = first.item.clone();
            self.select(&id);
        }
        Ok(what)
    }

    /// Puts an area's judgement back as it was before a change (or after it, to redo),
    /// through the same use case as recording it, and shows that area.
    fn rejudge(&mut self, edit: &JudgementEdit, redo: bool) -> Result<String, String> {
        let (from, to) = if redo {
            (&edit.before, &edit.after)
        } else {
            (&edit.after, &edit.before)
        };
        let title = self
            .checklist
            .area(&edit.area)
            .map_or(edit.area.clone(), |a| a.title.clone());
        let now = self
            .assessment
            .judgements
            .get(&edit.area)
            .cloned()
            .unwrap_or_default();
        if now != *from {
            return Err(format!(
                "The judgement of \u{201c}{title}\u{201d} has changed since, so nothing was changed."
            ));
        }
        let done = match (to.grade, &to.rationale) {
            (Some(grade), Some(why)) => self.opened.override_judgement(&edit.area, grade.id(), why),
            _ => self.opened.clear_override(&edit.area),
        };
        done.map_err(|e| e.to_string())?;
        if let Some(at) = self.checklist.areas.iter().position(|a| a.id == edit.area) {
            self.show_area(at);
            self.cursor = Cursor(0);
        }
        Ok(format!("the judgement of \u{201c}{title}\u{201d}"))
    }

    /// The judgement of the area at `area` in the checklist, when the checklist is graded and
    /// the area asks scored questions: as the core's evaluation derives it, with any override.
    pub fn judgement(&self, area: usize) -> Option<&AreaJudgement> {
        let id = &self.checklist.areas.get(area)?.id;
        self.evaluation
            .judgements
            .as_ref()?
            .areas
            .iter()
            .find(|j| j.area == *id)
    }

    /// Records the assessor's grade for an area (its id) with the rationale, or clears it
    /// (`None`), through the same use case as `probity judge`; saved at once and undoable.
    /// True when anything changed.
    pub fn judge(&mut self, area: &str, grade: Option<(Grade, &str)>) -> Result<bool, JudgeError> {
        let edit = match grade {
            Some((grade, rationale)) => self.opened.override_judgement(area, grade.id(), rationale),
            None => self.opened.clear_override(area),
        }?;
        let Some(edit) = edit else {
            return Ok(false);
        };
        self.refilter();
        self.save_now();
        self.undo.record_judgement(edit);
        Ok(true)
    }

    /// Moves the selection in the areas or items pane by `delta`, stopping at the ends. One
    /// step past either end of the items goes on into the next area that shows any.
    pub fn step(&mut self, delta: isize) {
        match self.pane {
            Pane::Areas => {
                let mut area = Cursor(self.area);
                area.step(delta, self.checklist.areas.len());
                if area.at() != self.area {
                    self.show_area(area.at());
                } else {
                    self.notice = Some(at_end("area", delta));
                }
            }
            Pane::Items | Pane::Detail => {
                let at = self.cursor.at();
                let past_end = delta == 1 && at + 1 >= self.visible.len();
                let before_start = delta == -1 && at == 0;
                if past_end || before_start {
                    if !self.flow(delta) {
                        self.notice = Some(at_end("item", delta));
                    }
                } else {
                    let before = self.cursor;
                    self.cursor.step(delta, self.visible.len());
                    if self.cursor != before {
                        self.scroll.reset();
                    }
                }
            }
        }
    }

    fn show_area(&mut self, area: usize) {
        self.area = area;
        self.visible.clear();
        self.refilter();
        self.scroll.reset();
    }

    /// Goes on into the next (or previous) area that shows anything, at its near end; false
    /// when there is none.
    fn flow(&mut self, direction: isize) -> bool {
        let areas = 0..self.checklist.areas.len() as isize;
        let mut next = self.area as isize + direction;
        while areas.contains(&next) {
            if self.matches[next as usize] > 0 {
                self.show_area(next as usize);
                if direction < 0 {
                    self.cursor = Cursor(self.visible.len() - 1);
                }
                return true;
            }
            next += direction;
        }
        false
    }

    /// After a change empties the area's list under a filter (the last carried answer here
    /// confirmed, say), goes on to the next area the filter shows anything in, and says where;
    /// `None` when nothing moved.
    pub fn follow_filter(&mut self) -> Option<String> {
        if self.filter == Filter::All || !self.visible.is_empty() {
            return None;
        }
        if self.flow(1) || self.flow(-1) {
            Some(format!(
                "Nothing more here; on to {}.",
                self.checklist.areas[self.area].title
            ))
        } else {
            Some("Nothing left anywhere for this filter.".into())
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

    /// The next unanswered, asked item the filter shows, after `after` in checklist order
    /// (from the start when `None`), coming round to the start.
    fn next_unanswered(&self, after: Option<&str>) -> Option<String> {
        let order: Vec<&Item> = self.checklist.items().collect();
        let start = after
            .and_then(|id| order.iter().position(|i| i.id == id))
            .map_or(0, |at| at + 1);
        order[start..]
            .iter()
            .chain(order[..start].iter())
            .find(|i| {
                self.evaluation.is_asked(&i.id)
                    && self.assessment.value(&i.id).is_none()
                    && self.shows(i)
            })
            .map(|i| i.id.clone())
    }

    /// Goes on to the next unanswered question, saying so when it is in another area.
    pub fn go_on(&mut self) {
        let here = self.item().map(|i| i.id.clone());
        let Some(next) = self.next_unanswered(here.as_deref()) else {
            self.notice = Some("Every question that applies here is answered.".into());
            return;
        };
        let area = self.area;
        self.select(&next);
        if self.area != area {
            self.notice = Some(format!("On to {}.", self.checklist.areas[self.area].title));
        }
    }
}

/// What `j` or `k` says when there is nothing further that way.
fn at_end(what: &str, delta: isize) -> String {
    if delta > 0 {
        format!("This is the last {what}; there is nothing below it.")
    } else {
        format!("This is the first {what}; there is nothing above it.")
    }
}
