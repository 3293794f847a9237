//! The thematic view across forces: how many answered each item which way, which forces each
//! rule flags, and the spread of each figure. By default each force counts once, with its
//! latest period.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use jiff::civil::Date;
use serde::Serialize;

use super::{BadFile, Batch, Checklists, Loaded, Reader, in_parts};
use crate::answer::{Kind, Status, Value};
use crate::assessment::Assessment;
use crate::checklist::{Catalog, Checklist, Rule, Severity};
use crate::condition::Answers;
use crate::document::Page;
use crate::document::figures::round1;
use crate::scoring::FindingKind;
use crate::scoring::{self, Rating};

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Summary {
    #[serde(flatten)]
    pub page: Page,
    /// Forces summarised (one assessment each).
    pub forces: usize,
    /// The assessment used for each force: (force, period), in force order.
    pub assessments: Vec<(String, String)>,
    /// The one period summarised, when asked for; otherwise each force's latest.
    pub period: Option<String>,
    /// Assessments left out: earlier periods of the same forces, or other periods than the one
    /// asked for.
    pub left_out: usize,
    /// One row per force: where it stands, in the assessment used.
    pub by_force: Vec<ForceRow>,
    /// Each checklist the forces answered, with the forces that answered it, in first-seen
    /// order; more than one means the forces were not asked the same questions.
    pub checklists: Vec<ChecklistUse>,
    pub items: Vec<ItemTally>,
    pub rules: Vec<RuleTally>,
    pub metrics: Vec<MetricStats>,
    /// Files that could not be read; the summary covers the rest.
    pub bad: Vec<BadFile>,
}

#[derive(Debug, Clone, Default, Serialize, schemars::JsonSchema)]
pub struct ItemTally {
    pub id: String,
    pub prompt: String,
    pub kind: &'static str,
    pub yes: usize,
    pub partial: usize,
    pub no: usize,
    pub na: usize,
    /// Asked but not answered.
    pub unanswered: usize,
    /// Not asked, because the item's condition did not hold.
    pub not_asked: usize,
    /// For choice items: forces per option id; empty for status items.
    pub options: BTreeMap<String, usize>,
    /// For choice items: option id → label, for readers.
    #[serde(skip)]
    pub option_labels: BTreeMap<String, String>,
}

impl ItemTally {
    /// Yes, partly, no and not applicable as shown to readers: a dash for choice items, which
    /// are counted by option instead.
    pub fn status_counts(&self) -> [String; 4] {
        [self.yes, self.partial, self.no, self.na].map(|n| {
            if self.kind == "status" {
                n.to_string()
            } else {
                "—".into()
            }
        })
    }

    /// The choice answers given, in words: "Relies on reports from staff or the public: 1".
    pub fn other_answers(&self) -> Vec<String> {
        self.options
            .iter()
            .map(|(id, n)| format!("{}: {n}", self.option_labels.get(id).unwrap_or(id)))
            .collect()
    }
}

/// One force's standing, for the table by force.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ForceRow {
    pub force: String,
    pub period: String,
    /// The overall score, 0–100, or null when nothing scored is answered.
    pub score: Option<f64>,
    /// Answered ÷ applicable, as a percentage.
    pub completeness: f64,
    /// True when the score rests on fewer than half the applicable scored items.
    pub provisional: bool,
    /// The sign-off in a sentence, or DRAFT.
    pub sign_off: String,
    pub rating: Rating,
    pub findings: SeverityCounts,
    /// Findings whose action was due before the force's own as-at date (its completion date,
    /// or the end of a period that has ended; the summary's when one is given).
    pub overdue: usize,
    /// The checklist's key rates for this force.
    pub rates: Vec<RateValue>,
}

/// A checklist and the forces whose assessment answered it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ChecklistUse {
    /// The checklist id.
    pub id: String,
    /// How the reports name it in a sentence.
    pub described: String,
    pub forces: Vec<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct SeverityCounts {
    pub high: usize,
    pub medium: usize,
    pub low: usize,
}

/// A key rate for one force: one count as a share of another.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct RateValue {
    pub label: String,
    pub part: Option<f64>,
    pub whole: Option<f64>,
    /// `part` as a percentage of `whole`, to one decimal place; null when either is missing
    /// or the whole is zero.
    pub percent: Option<f64>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct RuleTally {
    pub id: String,
    pub title: String,
    pub severity: Severity,
    pub flagged: usize,
    /// The forces it flags.
    pub forces: Vec<String>,
    /// The forces whose answers show it does not apply.
    pub not_flagged: Vec<String>,
    /// How many forces it could not be judged on, because the items behind it are unanswered.
    pub not_judged: usize,
    pub not_judged_forces: Vec<String>,
    /// How many forces' checklists have the rule: it is counted over these alone.
    pub asked: usize,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct MetricStats {
    pub id: String,
    pub label: String,
    pub total: f64,
    pub min: f64,
    pub median: f64,
    pub max: f64,
    /// Forces that gave a figure.
    pub reported: usize,
}

/// The latest period of each force seen so far, or only `period` when given, in force-name
/// order. Periods compare as text, which orders "2012", "2012-13" and "2013" correctly; of two
/// files for the same force and period the later one given wins.
#[derive(Debug)]
struct Latest<T> {
    period: Option<String>,
    by_force: BTreeMap<String, T>,
    /// Assessments read, kept or not.
    read: usize,
}

/// An assessment a summary may keep: it knows its force and period.
trait Dated {
    fn assessment(&self) -> &Assessment;
}

impl Dated for &Loaded {
    fn assessment(&self) -> &Assessment {
        &self.assessment
    }
}

/// A file read for a summary, kept without its evaluation until it is known to be used.
#[derive(Debug)]
struct Kept {
    path: PathBuf,
    checklist: usize,
    assessment: Assessment,
}

impl Dated for Kept {
    fn assessment(&self) -> &Assessment {
        &self.assessment
    }
}

impl<T: Dated> Latest<T> {
    fn new(period: Option<&str>) -> Self {
        Latest {
            period: period.map(str::to_string),
            by_force: BTreeMap::new(),
            read: 0,
        }
    }

    fn add(&mut self, entry: T) {
        self.read += 1;
        self.keep(entry);
    }

    fn keep(&mut self, entry: T) {
        let a = entry.assessment();
        if self.period.as_ref().is_some_and(|p| *p != a.period) {
            return;
        }
        let key = a.force.to_lowercase();
        match self.by_force.get(&key) {
            Some(kept) if kept.assessment().period > a.period => {}
            _ => {
                self.by_force.insert(key, entry);
            }
        }
    }
}

/// Summarises the batch: each force's latest period, or only `period` when given.
pub fn summarise(batch: &Batch, period: Option<&str>, page: &Page) -> Summary {
    let mut latest = Latest::new(period);
    batch.loaded.iter().for_each(|l| latest.add(l));
    let chosen: Vec<&Loaded> = latest.by_force.into_values().collect();
    let read = Read {
        checklists: &batch.checklists,
        count: latest.read,
        bad: batch.bad.clone(),
    };
    tally(&chosen, read, period, page)
}

/// Reads and summarises the files, calling `tick` after each. A file is kept only while it is
/// its force's latest, and scored only once the latest is known, so memory grows with the
/// number of forces, not of files, and each force is scored once.
pub fn summarise_files(
    paths: &[PathBuf],
    catalog: &Catalog,
    period: Option<&str>,
    page: &Page,
    tick: impl Fn() + Sync,
) -> Summary {
    let parts = in_parts(paths, |part| {
        let mut reader = Reader::new(catalog);
        let mut latest = Latest::new(period);
        let mut bad = Vec::new();
        for path in part {
            match reader.read(path) {
                Ok((checklist, assessment)) => latest.add(Kept {
                    path: path.clone(),
                    checklist,
                    assessment,
                }),
                Err(b) => bad.push(b),
            }
            tick();
        }
        (reader.into_checklists(), latest, bad)
    });
    let mut checklists = Checklists::default();
    let mut latest = Latest::new(period);
    let mut bad = Vec::new();
    for (loaded, part, part_bad) in parts {
        let place = checklists.absorb(loaded);
        latest.read += part.read;
        for mut kept in part.by_force.into_values() {
            kept.checklist = place[kept.checklist];
            latest.keep(kept);
        }
        bad.extend(part_bad);
    }
    let chosen: Vec<Loaded> = latest
        .by_force
        .into_values()
        .map(|k| Loaded {
            evaluation: scoring::evaluate(
                &checklists.lists[k.checklist],
                &k.assessment,
                page.as_at,
            ),
            path: k.path,
            checklist: k.checklist,
            assessment: k.assessment,
        })
        .collect();
    let read = Read {
        checklists: &checklists.lists,
        count: latest.read,
        bad,
    };
    tally(&chosen.iter().collect::<Vec<_>>(), read, period, page)
}

/// What was read for a summary besides the assessments chosen.
struct Read<'a> {
    checklists: &'a [Checklist],
    /// Assessments read without problems, chosen or not.
    count: usize,
    bad: Vec<BadFile>,
}

/// Counts the answers, flags and figures of the assessments chosen.
fn tally(chosen: &[&Loaded], read: Read, period: Option<&str>, page: &Page) -> Summary {
    let checklist_of = |l: &Loaded| &read.checklists[l.checklist];
    let mut items: Vec<ItemTally> = Vec::new();
    let mut item_at: HashMap<String, usize> = HashMap::new();
    let mut rules: Vec<RuleTally> = Vec::new();
    let mut figures: Vec<(String, String, Vec<f64>)> = Vec::new();
    let mut figure_at: HashMap<String, usize> = HashMap::new();

    for checklist in chosen.iter().map(|l| checklist_of(l)) {
        for item in checklist.items() {
            if item_at.contains_key(&item.id) {
                continue;
            }
            if item.kind.is_numeric() {
                figure_at.entry(item.id.clone()).or_insert_with(|| {
                    figures.push((item.id.clone(), item.prompt.clone(), Vec::new()));
                    figures.len() - 1
                });
            } else if matches!(item.kind, Kind::Status | Kind::Choice(_)) {
                item_at.insert(item.id.clone(), items.len());
                let option_labels = match &item.kind {
                    Kind::Choice(options) => options
                        .iter()
                        .map(|o| (o.id.clone(), o.label.clone()))
                        .collect(),
                    _ => BTreeMap::new(),
                };
                items.push(ItemTally {
                    id: item.id.clone(),
                    prompt: item.prompt.clone(),
                    kind: item.kind.name(),
                    option_labels,
                    ..Default::default()
                });
            }
        }
        for rule in &checklist.rules {
            if !rules.iter().any(|r| r.id == rule.id) {
                rules.push(RuleTally {
                    id: rule.id.clone(),
                    title: rule.title.clone(),
                    severity: rule.severity,
                    flagged: 0,
                    forces: Vec::new(),
                    not_flagged: Vec::new(),
                    not_judged: 0,
                    not_judged_forces: Vec::new(),
                    asked: 0,
                });
            }
        }
    }

    for l in chosen {
        let checklist = checklist_of(l);
        for item in checklist.items() {
            let Some(&at) = item_at.get(&item.id) else {
                continue;
            };
            let t = &mut items[at];
            if !l.evaluation.is_asked(&item.id) {
                t.not_asked += 1;
                continue;
            }
            match l.assessment.value(&item.id) {
                None => t.unanswered += 1,
                Some(Value::Status(s)) => match s {
                    Status::Yes => t.yes += 1,
                    Status::Partial => t.partial += 1,
                    Status::No => t.no += 1,
                    Status::Na => t.na += 1,
                },
                Some(Value::Choice(c)) => *t.options.entry(c.clone()).or_default() += 1,
                Some(_) => {}
            }
        }
        for rule in &checklist.rules {
            if let Some(r) = rules.iter_mut().find(|r| r.id == rule.id) {
                r.asked += 1;
                r.tally(rule, l);
            }
        }
        for m in &l.evaluation.metrics {
            if let Some(&at) = figure_at.get(&m.id) {
                figures[at].2.push(m.value);
            }
        }
    }

    let metrics = figures
        .into_iter()
        .filter(|(_, _, v)| !v.is_empty())
        .map(|(id, label, mut values)| {
            values.sort_by(f64::total_cmp);
            let n = values.len();
            let median = if n % 2 == 1 {
                values[n / 2]
            } else {
                (values[n / 2 - 1] + values[n / 2]) / 2.0
            };
            MetricStats {
                id,
                label,
                total: values.iter().sum(),
                min: values[0],
                median,
                max: values[n - 1],
                reported: n,
            }
        })
        .collect();

    let mut checklists: Vec<ChecklistUse> = Vec::new();
    for l in chosen {
        let c = checklist_of(l);
        let force = l.assessment.force.clone();
        match checklists.iter_mut().find(|u| u.id == c.id) {
            Some(used) => used.forces.push(force),
            None => checklists.push(ChecklistUse {
                id: c.id.clone(),
                described: c.described_as.clone(),
                forces: vec![force],
            }),
        }
    }
    Summary {
        page: page.clone(),
        checklists,
        by_force: chosen
            .iter()
            .map(|l| ForceRow::of(checklist_of(l), l, force_as_at(page, checklist_of(l), l)))
            .collect(),
        forces: chosen.len(),
        assessments: chosen
            .iter()
            .map(|l| (l.assessment.force.clone(), l.assessment.period.clone()))
            .collect(),
        period: period.map(str::to_string),
        left_out: read.count - chosen.len(),
        items,
        rules,
        metrics,
        bad: read.bad,
    }
}

impl Summary {
    /// What the summary covers, as sentences for readers.
    pub fn scope(&self) -> Vec<String> {
        let used: Vec<String> = self
            .assessments
            .iter()
            .map(|(f, p)| format!("{f} ({p})"))
            .collect();
        let which = match &self.period {
            Some(p) => format!("for {p}"),
            None => "the latest for each force".into(),
        };
        let mut out = vec![format!(
            "Assessments used, {which}: {}.",
            if used.is_empty() {
                "none".into()
            } else {
                used.join(", ")
            }
        )];
        if self.page.as_at_basis != crate::document::AsAt::Given && !self.by_force.is_empty() {
            out.push(
                "Each force's overdue actions are counted at the date its own report is as at: its completion date, or the end of its period once that has passed, otherwise the date above."
                    .into(),
            );
        }
        if self.checklists.len() > 1 {
            let each: Vec<String> = self
                .checklists
                .iter()
                .map(|u| format!("{} ({})", u.described, u.forces.join(", ")))
                .collect();
            out.push(format!(
                "The forces answered different checklists, so they were not all asked the same questions: {}. A force is counted for a question or rule only where its own checklist asks it.",
                each.join("; ")
            ));
        }
        if self.left_out > 0 {
            let n = self.left_out;
            out.push(format!(
                "{n} other assessment{} of {} left out.",
                if n == 1 { "" } else { "s" },
                if n == 1 {
                    "these forces was"
                } else {
                    "these forces were"
                }
            ));
        }
        out
    }
}

/// The date a force's actions are judged overdue at: the date given for the summary, or else
/// the date the force's own report is as at (its completion date, or the end of a period that
/// has ended), so its overdue count matches its own report.
fn force_as_at(page: &Page, checklist: &Checklist, l: &Loaded) -> Date {
    if page.as_at_basis == crate::document::AsAt::Given {
        return page.as_at;
    }
    crate::document::recorded_as_at(checklist, &l.assessment, page.as_at)
        .map_or(page.as_at, |(d, _)| d)
}

impl ForceRow {
    fn of(checklist: &Checklist, l: &Loaded, as_at: Date) -> ForceRow {
        let e = &l.evaluation;
        let (high, medium, low) = e.counts();
        let figure = |id: &str| e.metrics.iter().find(|m| m.id == id).map(|m| m.value);
        ForceRow {
            force: l.assessment.force.clone(),
            period: l.assessment.period.clone(),
            score: e.overall.map(round1),
            completeness: round1(e.completeness.percent()),
            provisional: e.basis.provisional(),
            sign_off: crate::assessment::sign_off::unchecked(&l.assessment, false),
            rating: e.rating(),
            findings: SeverityCounts { high, medium, low },
            overdue: e
                .findings
                .iter()
                .filter(|f| f.due.is_some_and(|d| d < as_at))
                .count(),
            rates: checklist
                .rates
                .iter()
                .map(|rate| {
                    let (part, whole) = (figure(&rate.part), figure(&rate.whole));
                    RateValue {
                        label: rate.label.clone(),
                        part,
                        whole,
                        percent: part
                            .zip(whole)
                            .filter(|(_, w)| *w > 0.0)
                            .map(|(p, w)| round1(p / w * 100.0)),
                    }
                })
                .collect(),
        }
    }
}

impl RuleTally {
    /// Counts one force: flagged when the rule fired, not judged when unanswered items could
    /// still make it fire, otherwise not flagged.
    fn tally(&mut self, rule: &Rule, l: &Loaded) {
        let force = l.assessment.force.clone();
        if l.evaluation
            .findings
            .iter()
            .any(|f| f.kind == FindingKind::Rule && f.id == rule.id)
        {
            self.flagged += 1;
            self.forces.push(force);
            return;
        }
        let answer = |id: &str| {
            l.evaluation
                .is_asked(id)
                .then(|| l.assessment.value(id))
                .flatten()
        };
        match rule.when.decided(&Answers::new(answer, l.evaluation.as_at)) {
            None => {
                self.not_judged += 1;
                self.not_judged_forces.push(force);
            }
            Some(_) => self.not_flagged.push(force),
        }
    }

    /// "23 of 44 forces: Suppliers not checked against staff business interests", counted over
    /// the forces whose checklist has the rule, with the
    /// forces it could not be judged on when there are any, so "not assessed" never reads as
    /// "no gap".
    pub fn sentence(&self) -> String {
        let forces = self.asked;
        let mut s = format!(
            "{} of {} force{}: {}",
            self.flagged,
            forces,
            if forces == 1 { "" } else { "s" },
            self.title
        );
        if self.not_judged > 0 {
            s.push_str(&format!(
                " (could not be judged for {}: the answers behind it are missing)",
                self.not_judged
            ));
        }
        s
    }
}
