//! One force's progress between two periods: answers that moved, findings closed, opened and
//! persisting, score and metric deltas, the ledger of last year's commitments and a narrative.
//! Items are matched through the [`Crosswalk`] when the checklist changed between periods.

use std::collections::{BTreeSet, HashMap};

use jiff::civil::Date;
use serde::Serialize;

use super::carry::weakest;
use super::crosswalk::{Briefing, Crosswalk, Fate};
use crate::answer::{Kind, Value, format_number};
use crate::assessment::Assessment;
use crate::checklist::{Checklist, Item, Severity};
use crate::document::Page;
use crate::document::figures::round1;
use crate::document::tone::Tone;
use crate::scoring::{self, Evaluation, Finding, FindingKind};

/// One assessment with its checklist and evaluation, as compared.
pub struct Side<'a> {
    pub checklist: &'a Checklist,
    pub assessment: &'a Assessment,
    pub evaluation: &'a Evaluation,
}

impl<'a> Side<'a> {
    pub fn new(
        checklist: &'a Checklist,
        assessment: &'a Assessment,
        evaluation: &'a Evaluation,
    ) -> Self {
        Side {
            checklist,
            assessment,
            evaluation,
        }
    }

    /// The answer the scorer used: none when the item is not asked.
    fn value(&self, id: &str) -> Option<&'a Value> {
        if self.evaluation.is_asked(id) {
            self.assessment.value(id)
        } else {
            None
        }
    }
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Comparison {
    pub force: String,
    pub before_period: String,
    pub after_period: String,
    pub before_checklist: String,
    pub after_checklist: String,
    #[serde(flatten)]
    pub page: Page,
    /// Set when the two assessments name different forces.
    pub different_forces: Option<(String, String)>,
    pub briefing: Option<Briefing>,
    pub overall: Delta,
    /// Whether each period's overall score is provisional: [before, after].
    pub overall_provisional: [bool; 2],
    /// Answered ÷ applicable, as percentages.
    pub completeness: Delta,
    pub areas: Vec<AreaDelta>,
    pub items: Vec<ItemChange>,
    pub findings: FindingChanges,
    pub metrics: Vec<MetricDelta>,
    pub ledger: Vec<Commitment>,
    /// Carried answers in the later assessment that nobody has confirmed yet.
    pub unconfirmed: Vec<ItemRef>,
    /// The windows the two periods' counts cover, when recorded.
    pub windows: Windows,
    /// True when names and free text have been left out, for sharing outside the force.
    pub redacted: bool,
    /// Each period's sign-off in a sentence, earlier first.
    pub sign_off: [String; 2],
}

/// An item, by id for tools and by its short label for readers.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct ItemRef {
    pub id: String,
    pub label: String,
}

/// The windows the counts of each period cover.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Windows {
    pub before: Option<Window>,
    pub after: Option<Window>,
}

/// The first and last day a period's counts cover.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Window {
    pub start: Date,
    pub end: Date,
    /// Its length in months, to one decimal place.
    pub months: f64,
}

impl Window {
    fn of(side: &Side) -> Option<Window> {
        let context = &side.checklist.context;
        let date = |id: &Option<String>| match side.value(id.as_deref()?)? {
            Value::Date(d) => Some(*d),
            _ => None,
        };
        let (start, end) = (date(&context.period_start)?, date(&context.period_end)?);
        let days = (end - start).get_days() as f64 + 1.0;
        (days > 0.0).then(|| Window {
            start,
            end,
            months: round1(days / DAYS_PER_MONTH),
        })
    }
}

/// The average length of a month, in days.
const DAYS_PER_MONTH: f64 = 30.4375;

impl Windows {
    /// True when both windows are known and differ in length by more than a week, so counts
    /// must be compared per month.
    pub fn differ(&self) -> bool {
        match (self.before, self.after) {
            (Some(b), Some(a)) => (b.months - a.months).abs() * DAYS_PER_MONTH > 7.0,
            _ => false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Delta {
    pub before: Option<f64>,
    pub after: Option<f64>,
    pub delta: Option<f64>,
}

impl Delta {
    pub fn new(before: Option<f64>, after: Option<f64>) -> Delta {
        let (before, after) = (before.map(round1), after.map(round1));
        Delta {
            before,
            after,
            delta: before.zip(after).map(|(b, a)| round1(a - b)),
        }
    }
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct AreaDelta {
    pub id: String,
    pub title: String,
    /// Whether each period's score for the area is provisional: [before, after].
    pub provisional: [bool; 2],
    #[serde(flatten)]
    pub score: Delta,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    Improved,
    Regressed,
    Unchanged,
    /// A fact (count, date, text) that differs, neither better nor worse.
    Changed,
    NewlyAnswered,
    NotComparable,
}

impl Change {
    pub fn name(self) -> &'static str {
        match self {
            Change::Improved => "improved",
            Change::Regressed => "regressed",
            Change::Unchanged => "unchanged",
            Change::Changed => "changed",
            Change::NewlyAnswered => "newly answered",
            Change::NotComparable => "not comparable",
        }
    }
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ItemChange {
    /// The item in the later checklist, or the earlier id when it has no successor.
    pub id: String,
    /// Its short label, for readers.
    pub label: String,
    /// Its kind of answer.
    pub kind: &'static str,
    /// The earlier ids it is compared with, when they differ from `id`; otherwise empty.
    pub from: Vec<String>,
    pub prompt: String,
    /// Answers as stored.
    pub before: Option<String>,
    pub after: Option<String>,
    /// Answers in words.
    pub before_label: Option<String>,
    pub after_label: Option<String>,
    pub change: Change,
    /// Why an item is not comparable.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, schemars::JsonSchema)]
pub struct FindingChanges {
    pub closed: Vec<String>,
    pub opened: Vec<String>,
    pub persisting: Vec<String>,
    /// Earlier findings whose items are no longer answered or asked, so nobody can yet say.
    pub not_comparable: Vec<String>,
    /// Every finding named above, with its title and severity.
    pub details: Vec<FindingNote>,
    /// Where each id's first note sits in `details`.
    #[serde(skip)]
    #[schemars(skip)]
    noted: HashMap<String, usize>,
}

impl FindingChanges {
    /// The title and severity of a finding named in these changes.
    pub fn note(&self, id: &str) -> Option<&FindingNote> {
        self.noted.get(id).map(|&n| &self.details[n])
    }
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct FindingNote {
    pub id: String,
    pub title: String,
    pub severity: Severity,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct MetricDelta {
    pub id: String,
    pub label: String,
    pub before: Option<f64>,
    pub after: Option<f64>,
    pub delta: Option<f64>,
    /// Change as a percentage of the earlier value; none when that was zero or missing.
    pub percent: Option<f64>,
    /// For counts, when the two periods' windows differ in length: each period's count per
    /// month, which can be compared where the totals cannot.
    pub per_month: Option<Delta>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Delivery {
    /// The finding has closed.
    Delivered,
    /// Still open and past its due date.
    Overdue,
    /// Still open, not yet due or with no due date.
    Open,
    /// The item is no longer answered or asked, so delivery cannot be judged.
    NotComparable,
}

impl Delivery {
    pub fn name(self) -> &'static str {
        match self {
            Delivery::Delivered => "delivered",
            Delivery::Overdue => "overdue",
            Delivery::Open => "open",
            Delivery::NotComparable => "not comparable",
        }
    }

    /// The colour documents give it: delivered green, open amber, overdue red.
    pub fn tone(self) -> Tone {
        match self {
            Delivery::Delivered => Tone::Good,
            Delivery::Overdue => Tone::Bad,
            Delivery::Open => Tone::Warn,
            Delivery::NotComparable => Tone::Neutral,
        }
    }
}

/// One of last period's findings and whether the action on it was delivered.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Commitment {
    pub id: String,
    pub title: String,
    pub severity: Severity,
    pub owner: Option<String>,
    pub due: Option<Date>,
    pub status: Delivery,
    /// The area of the later checklist the commitment now falls in, when it can be traced.
    pub area: Option<String>,
}

/// Compares `before` with `after`, printed on `page`, whose as-at date decides which
/// commitments are overdue. With `redact`, owners and text answers are left out.
pub fn compare(before: &Side, after: &Side, page: &Page, redact: bool) -> Comparison {
    let walk = Crosswalk::between(before.checklist, after.checklist);
    let mut items = item_changes(before, after, &walk);
    let (findings, mut ledger) = finding_changes(before, after, &walk, page.as_at);
    if redact {
        redact_names(&mut items, &mut ledger);
    }
    let windows = Windows {
        before: Window::of(before),
        after: Window::of(after),
    };
    let (b, a) = (before.assessment, after.assessment);
    Comparison {
        force: a.force.clone(),
        before_period: b.period.clone(),
        after_period: a.period.clone(),
        before_checklist: before.checklist.id.clone(),
        after_checklist: after.checklist.id.clone(),
        page: page.clone(),
        different_forces: (!b.force.eq_ignore_ascii_case(&a.force))
            .then(|| (b.force.clone(), a.force.clone())),
        briefing: Briefing::between(before.checklist, after.checklist),
        overall: Delta::new(before.evaluation.overall, after.evaluation.overall),
        overall_provisional: [
            before.evaluation.basis.provisional(),
            after.evaluation.basis.provisional(),
        ],
        completeness: Delta::new(
            Some(before.evaluation.completeness.percent()),
            Some(after.evaluation.completeness.percent()),
        ),
        areas: area_deltas(before, after),
        items,
        findings,
        metrics: metric_deltas(before, after, &walk, &windows),
        ledger,
        sign_off: [
            crate::assessment::sign_off::unchecked(b, redact),
            crate::assessment::sign_off::unchecked(a, redact),
        ],
        unconfirmed: a
            .unconfirmed()
            .map(|id| ItemRef {
                id: id.to_string(),
                label: after
                    .checklist
                    .item(id)
                    .map_or(id, |i| i.short_label())
                    .to_string(),
            })
            .collect(),
        windows,
        redacted: redact,
    }
}

/// Leaves out what names a person or quotes free text: owners' names (not their role
/// titles), and text answers.
fn redact_names(items: &mut [ItemChange], ledger: &mut [Commitment]) {
    for l in ledger.iter_mut() {
        l.owner = l.owner.as_deref().map(redaction::person);
    }
    for i in items.iter_mut().filter(|i| i.kind == "text") {
        for v in [
            &mut i.before,
            &mut i.after,
            &mut i.before_label,
            &mut i.after_label,
        ] {
            if v.is_some() {
                *v = Some(REDACTED.into());
            }
        }
    }
}

use crate::redaction::{self, MARK as REDACTED};

fn area_deltas(before: &Side, after: &Side) -> Vec<AreaDelta> {
    let score = |side: &Side, id: &str| side.evaluation.area(id).and_then(|a| a.score);
    let provisional = |side: &Side, id: &str| {
        side.evaluation
            .area(id)
            .is_some_and(|a| a.score.is_some() && a.basis.provisional())
    };
    let mut out: Vec<AreaDelta> = after
        .checklist
        .areas
        .iter()
        .map(|a| AreaDelta {
            id: a.id.clone(),
            title: a.title.clone(),
            provisional: [provisional(before, &a.id), provisional(after, &a.id)],
            score: Delta::new(score(before, &a.id), score(after, &a.id)),
        })
        .collect();
    out.extend(
        before
            .checklist
            .areas
            .iter()
            .filter(|a| after.checklist.area(&a.id).is_none())
            .map(|a| AreaDelta {
                id: a.id.clone(),
                title: a.title.clone(),
                provisional: [provisional(before, &a.id), false],
                score: Delta::new(score(before, &a.id), None),
            }),
    );
    out
}

fn item_changes(before: &Side, after: &Side, walk: &Crosswalk) -> Vec<ItemChange> {
    let mut out = Vec::new();
    for item in after.checklist.items() {
        let sources = walk.sources(&item.id);
        let old: Vec<&Value> = sources.iter().filter_map(|s| before.value(s)).collect();
        let was = weakest(item, &old);
        let now = after.value(&item.id);
        let was_kind = sources
            .first()
            .and_then(|s| before.checklist.item(s))
            .map_or(&item.kind, |i| &i.kind);
        let (change, reason) = match (was, now) {
            (None, None) => continue,
            (None, Some(_)) if sources.is_empty() => (
                Change::NotComparable,
                Some("new item: no earlier answer".into()),
            ),
            (None, Some(_)) => (Change::NewlyAnswered, None),
            (Some(_), None) => (
                Change::NotComparable,
                Some("not answered this period".into()),
            ),
            (Some(_), Some(_))
                if item.definition_changed.is_some() && sources.iter().any(|s| *s != item.id) =>
            {
                (
                    Change::NotComparable,
                    Some(format!(
                        "counted differently: {}",
                        item.definition_changed.as_deref().unwrap_or_default()
                    )),
                )
            }
            (Some(w), Some(n)) => (movement(item, w, n), None),
        };
        let from = if sources.len() == 1 && sources[0] == item.id {
            Vec::new()
        } else {
            sources.to_vec()
        };
        out.push(ItemChange {
            id: item.id.clone(),
            label: item.short_label().to_string(),
            kind: item.kind.name(),
            from,
            prompt: item.prompt.clone(),
            before: was.map(Value::to_string),
            after: now.map(Value::to_string),
            before_label: was.map(|v| was_kind.display(v)),
            after_label: now.map(|v| item.kind.display(v)),
            change,
            reason,
        });
    }
    for (id, fate) in walk.fates() {
        let (Some(was), Some(item)) = (before.value(id), before.checklist.item(id)) else {
            continue;
        };
        let reason = match fate {
            Fate::Retired { reason } => format!("retired: {reason}"),
            Fate::Dropped => "no longer in the checklist".into(),
            _ => continue,
        };
        out.push(ItemChange {
            id: id.to_string(),
            label: item.short_label().to_string(),
            kind: item.kind.name(),
            from: Vec::new(),
            prompt: item.prompt.clone(),
            before: Some(was.to_string()),
            after: None,
            before_label: Some(item.kind.display(was)),
            after_label: None,
            change: Change::NotComparable,
            reason: Some(reason),
        });
    }
    out
}

/// How an answered item moved: by credit for scored answers, otherwise changed or not.
fn movement(item: &Item, was: &Value, now: &Value) -> Change {
    match (scoring::credit(item, was), scoring::credit(item, now)) {
        (Some(w), Some(n)) if n > w => Change::Improved,
        (Some(w), Some(n)) if n < w => Change::Regressed,
        _ if was == now => Change::Unchanged,
        _ => Change::Changed,
    }
}

fn finding_changes(
    before: &Side,
    after: &Side,
    walk: &Crosswalk,
    today: Date,
) -> (FindingChanges, Vec<Commitment>) {
    let targets = |f: &Finding| -> BTreeSet<String> {
        let mut ids: Vec<&str> = vec![f.id.as_str()];
        if let Some(rule) = before.checklist.rule(&f.id) {
            ids.extend(rule.covers.iter().map(String::as_str));
        }
        ids.iter()
            .flat_map(|id| walk.fate(id).map_or(vec![*id], |fate| fate.targets(id)))
            .map(str::to_string)
            .collect()
    };
    // This period's findings by every id that matches them: their own, and for a rule the
    // items it covers. One lookup per target, where a scan per earlier finding was quadratic.
    let mut by_target: HashMap<&str, Vec<usize>> = HashMap::new();
    for (n, new) in after.evaluation.findings.iter().enumerate() {
        by_target.entry(&new.id).or_default().push(n);
        if new.kind == FindingKind::Rule
            && let Some(rule) = after.checklist.rule(&new.id)
        {
            for c in &rule.covers {
                by_target.entry(c).or_default().push(n);
            }
        }
    }
    let mut changes = FindingChanges::default();
    let mut matched: BTreeSet<&str> = BTreeSet::new();
    let mut ledger = Vec::new();
    for f in &before.evaluation.findings {
        let mut found: Vec<usize> = targets(f)
            .iter()
            .filter_map(|t| by_target.get(t.as_str()))
            .flatten()
            .copied()
            .collect();
        found.sort_unstable();
        found.dedup();
        let now: Vec<&Finding> = found
            .iter()
            .map(|&n| &after.evaluation.findings[n])
            .collect();
        matched.extend(now.iter().map(|n| n.id.as_str()));
        let answered = answered_anchor(before, after, walk, f);
        let (status, area) = if let Some(n) = now.first() {
            changes.persisting.push(f.id.clone());
            let overdue = f.due.is_some_and(|d| d < today);
            let status = if overdue {
                Delivery::Overdue
            } else {
                Delivery::Open
            };
            (status, Some(n.area.clone()))
        } else if let Some(item) = answered {
            changes.closed.push(f.id.clone());
            let area = after.checklist.area_of(&item).map(|a| a.id.clone());
            (Delivery::Delivered, area)
        } else {
            changes.not_comparable.push(f.id.clone());
            (Delivery::NotComparable, None)
        };
        ledger.push(Commitment {
            id: f.id.clone(),
            title: f.title.clone(),
            severity: f.severity,
            owner: f.owner.clone(),
            due: f.due,
            status,
            area,
        });
    }
    let opened: Vec<&Finding> = after
        .evaluation
        .findings
        .iter()
        .filter(|n| !matched.contains(n.id.as_str()))
        .collect();
    changes.opened = opened.iter().map(|n| n.id.clone()).collect();
    let note = |f: &Finding| FindingNote {
        id: f.id.clone(),
        title: f.title.clone(),
        severity: f.severity,
    };
    changes.details = before.evaluation.findings.iter().map(note).collect();
    changes.details.extend(opened.into_iter().map(note));
    for (n, d) in changes.details.iter().enumerate().rev() {
        changes.noted.insert(d.id.clone(), n);
    }
    (changes, ledger)
}

/// The item of the later period that carries a finding's action, when it is answered there, so
/// that the finding's absence means it was resolved rather than skipped.
fn answered_anchor(before: &Side, after: &Side, walk: &Crosswalk, f: &Finding) -> Option<String> {
    let anchor = match f.kind {
        FindingKind::Item => Some(f.id.as_str()),
        FindingKind::Rule => before
            .checklist
            .rule(&f.id)
            .and_then(|r| r.anchor.as_deref())
            .or(f.items.first().map(String::as_str)),
    };
    let anchor = anchor?;
    let targets = walk
        .fate(anchor)
        .map_or(vec![anchor], |fate| fate.targets(anchor));
    targets
        .into_iter()
        .find(|t| after.value(t).is_some())
        .map(str::to_string)
}

fn metric_deltas(
    before: &Side,
    after: &Side,
    walk: &Crosswalk,
    windows: &Windows,
) -> Vec<MetricDelta> {
    let metric = |side: &Side, id: &str| {
        side.evaluation
            .metrics
            .iter()
            .find(|m| m.id == id)
            .map(|m| m.value)
    };
    // Counts of things that happened in the period depend on its length; other figures do not.
    let per_month = |count: bool, was: Option<f64>, now: Option<f64>| {
        let (b, a) = (windows.before?, windows.after?);
        (count && windows.differ())
            .then(|| Delta::new(was.map(|w| w / b.months), now.map(|n| n / a.months)))
    };
    let row = |id: &str, label: &str, count: bool, was: Option<f64>, now: Option<f64>| {
        let delta = was.zip(now).map(|(w, n)| n - w);
        MetricDelta {
            id: id.to_string(),
            label: label.to_string(),
            before: was,
            after: now,
            delta,
            percent: was
                .zip(delta)
                .filter(|(w, _)| *w != 0.0)
                .map(|(w, d)| (d / w * 1000.0).round() / 10.0),
            per_month: per_month(count, was, now),
        }
    };
    let mut out = Vec::new();
    for item in after.checklist.items().filter(|i| i.kind.is_numeric()) {
        let sources = walk.sources(&item.id);
        let was = match sources {
            [one] => metric(before, one),
            _ => None,
        };
        let now = metric(after, &item.id);
        if was.is_some() || now.is_some() {
            out.push(row(
                &item.id,
                &item.prompt,
                item.kind == Kind::Count,
                was,
                now,
            ));
        }
    }
    for (id, fate) in walk.fates() {
        if matches!(fate, Fate::Retired { .. } | Fate::Dropped)
            && let Some(was) = metric(before, id)
        {
            let label = before.checklist.item(id).map_or(id, |i| i.short_label());
            out.push(row(id, label, false, Some(was), None));
        }
    }
    out
}

impl MetricDelta {
    /// "49 → 76 (+27, +55.1%)", or what is missing.
    pub fn describe(&self) -> String {
        let n = |x: Option<f64>| x.map_or("—".to_string(), format_number);
        let mut s = format!("{} → {}", n(self.before), n(self.after));
        if let Some(d) = self.delta {
            s.push_str(&format!(
                " ({}{}",
                if d > 0.0 { "+" } else { "" },
                format_number(d)
            ));
            if let Some(p) = self.percent {
                s.push_str(&format!(
                    ", {}{}%",
                    if p > 0.0 { "+" } else { "" },
                    format_number(p)
                ));
            }
            s.push(')');
        }
        s
    }
}
