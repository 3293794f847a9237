//! Carrying last period's answers into a new assessment, following the crosswalk when the
//! checklist has changed. Every carried answer is marked unconfirmed; nothing is dropped:
//! an answer with no place in the new checklist is kept in the file and reported.

use serde::Serialize;

use super::crosswalk::{Briefing, Crosswalk, Fate};
use crate::answer::{Kind, Status, Value, check_value};
use crate::assessment::{Answer, AnswerDoc, Assessment, Orphan};
use crate::checklist::{Catalog, Checklist, ChecklistSource, Header, Item, Origin};
use crate::scoring;
use crate::text;

/// A new assessment started from last period's, and what happened on the way.
#[derive(Debug, Clone)]
pub struct Carried {
    pub assessment: Assessment,
    pub report: CarryReport,
}

#[derive(Debug, Clone, Serialize)]
pub struct CarryReport {
    /// The period the answers came from.
    pub from_period: String,
    /// Which checklist the new period uses and why, when last period's was not simply kept.
    pub checklist_choice: Option<String>,
    /// Items of the new checklist that received an answer.
    pub carried: usize,
    /// What changed in the checklist, when it did.
    pub briefing: Option<Briefing>,
    /// Merged items whose earlier answers disagreed: the weakest was taken.
    pub conflicts: Vec<String>,
    /// Answers kept in the file but not used, each with the reason.
    pub not_comparable: Vec<NotCarried>,
    /// The period being started.
    pub to_period: String,
    /// Years between the two periods, when both name a year.
    pub gap_years: Option<i32>,
    /// Last period's figures and dates: shown as a baseline, never carried as this period's.
    pub baselines: Vec<Baseline>,
    /// Answers that hold only for a time and whose time has passed: not carried.
    pub expired: Vec<Expired>,
    /// Merged items with a part unanswered or weaker: carried at most "partly", for review.
    pub merged_for_review: Vec<String>,
}

/// A figure or date from last period, for comparison only.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Baseline {
    /// The earlier item it came from, and the item of the new checklist it belongs to.
    pub from: String,
    pub item: String,
    /// The item's short label, for readers.
    pub label: String,
    /// Last period's answer as readers see it.
    pub value: String,
    /// How the figure is now counted differently, when it is: it is then not comparable.
    pub redefined: Option<String>,
}

/// An answer not carried because it holds only for a time.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Expired {
    pub from: String,
    pub item: String,
    pub label: String,
    pub months: u32,
}

/// More years than this between periods, and every carried answer is flagged for review.
pub const LONG_GAP_YEARS: i32 = 2;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NotCarried {
    pub id: String,
    pub reason: String,
}

/// Starts `period` for the same force from `previous`, answered against `before`, using the
/// checklist `after` (which may be `before` itself).
pub fn carry_forward(
    previous: &Assessment,
    before: &Checklist,
    after: &Checklist,
    period: &str,
) -> Carried {
    let walk = Crosswalk::between(before, after);
    let mut next = Assessment::new(after, &previous.force, period);
    next.assessor = previous.assessor.clone();
    next.carried_from = Some(previous.period.clone());
    let gap_years = match (text::first_year(&previous.period), text::first_year(period)) {
        (Some(a), Some(b)) => Some(b - a),
        _ => None,
    };
    let long_gap = gap_years.is_some_and(|g| g > LONG_GAP_YEARS);
    let mut report = CarryReport {
        from_period: previous.period.clone(),
        to_period: period.to_string(),
        gap_years,
        baselines: Vec::new(),
        expired: Vec::new(),
        merged_for_review: Vec::new(),
        checklist_choice: None,
        carried: 0,
        briefing: Briefing::between(before, after),
        conflicts: Vec::new(),
        not_comparable: Vec::new(),
    };
    for item in after.items() {
        let sources: Vec<(&str, &Answer)> = walk
            .sources(&item.id)
            .iter()
            .filter_map(|s| previous.answer(s).map(|a| (s.as_str(), a)))
            .collect();
        if sources.is_empty() {
            continue;
        }
        // A figure or a date describes the period it was given for: last period's is a
        // baseline to compare with, never this period's answer.
        if is_figure(item) {
            report.baselines.extend(baselines_of(item, &sources));
            continue;
        }
        // An answer that holds only for a time is not carried past it.
        if let (Some(months), Some(gap)) = (item.carry_within_months, gap_years)
            && i64::from(gap) * 12 > i64::from(months)
        {
            for (id, a) in &sources {
                if a.value.is_some() {
                    report.expired.push(Expired {
                        from: id.to_string(),
                        item: item.id.clone(),
                        label: item.short_label().to_string(),
                        months,
                    });
                }
            }
            continue;
        }
        let mut combined = combine(item, &sources);
        // A merged item asserts every part: with a part unanswered or weaker it carries at
        // most "partly", and someone must look at it.
        let parts = walk.sources(&item.id).len();
        let answered = sources.iter().filter(|(_, a)| a.value.is_some()).count();
        if parts > 1 && combined.answer.value.is_some() && (answered < parts || combined.conflict) {
            if answered < parts && combined.answer.value == Some(Value::Status(Status::Yes)) {
                combined.answer.value = Some(Value::Status(Status::Partial));
            }
            combined.answer.review = true;
            report
                .merged_for_review
                .push(item.short_label().to_string());
        }
        if long_gap {
            combined.answer.review = true;
        }
        for (id, answer) in combined.misfits {
            let reason = format!(
                "its answer does not fit \"{}\", which now takes {}",
                item.id,
                item.kind.allowed()
            );
            keep(id, answer, reason, &mut report, &mut next);
        }
        if combined.conflict {
            report.conflicts.push(item.id.clone());
        }
        if !combined.answer.is_empty() {
            // Only an answer is carried for confirming; a note, evidence or owner on their own
            // come across as they were, with nothing to confirm.
            let answered = combined.answer.value.is_some();
            report.carried += usize::from(answered);
            next.answers.insert(
                item.id.clone(),
                Answer {
                    carried: answered,
                    ..combined.answer
                },
            );
        }
    }

    for (id, fate) in walk.fates() {
        let Some(answer) = previous.answer(id) else {
            continue;
        };
        let reason = match fate {
            Fate::Retired { reason } => format!("retired from the checklist: {reason}"),
            Fate::Dropped => format!(
                "checklist {} has no such item and none takes it over",
                after.id
            ),
            _ => continue,
        };
        keep(id, answer, reason, &mut report, &mut next);
    }
    for orphan in &previous.orphans {
        next.orphans.push(orphan.clone());
        let retired = [after, before]
            .into_iter()
            .find_map(|c| c.retired.iter().find(|r| r.id == orphan.id));
        report.not_comparable.push(NotCarried {
            id: orphan.id.clone(),
            reason: match retired {
                Some(r) => format!("retired from the checklist: {}", r.reason),
                None => format!(
                    "already kept without a matching item in {}",
                    previous.period
                ),
            },
        });
    }
    Carried {
        assessment: next,
        report,
    }
}

/// Whether an item's answers describe only the period they were given for.
fn is_figure(item: &Item) -> bool {
    item.kind.is_numeric() || item.kind == Kind::Date
}

/// Last period's figures for `item`, from the answers to the earlier items it takes over.
fn baselines_of(item: &Item, sources: &[(&str, &Answer)]) -> Vec<Baseline> {
    sources
        .iter()
        .filter_map(|(id, a)| {
            a.value.as_ref().map(|v| Baseline {
                from: id.to_string(),
                item: item.id.clone(),
                label: item.short_label().to_string(),
                value: item.kind.display(v),
                // Only against another item's figures: its own stay comparable.
                redefined: item.definition_changed.clone().filter(|_| *id != item.id),
            })
        })
        .collect()
}

/// Every figure and date of `previous` (answered against `before`) as a baseline for the
/// items of `after` that take them over: what the interface shows beside this period's answer.
pub fn baselines(previous: &Assessment, before: &Checklist, after: &Checklist) -> Vec<Baseline> {
    let walk = Crosswalk::between(before, after);
    after
        .items()
        .filter(|i| is_figure(i))
        .flat_map(|item| {
            let sources: Vec<(&str, &Answer)> = walk
                .sources(&item.id)
                .iter()
                .filter_map(|s| previous.answer(s).map(|a| (s.as_str(), a)))
                .collect();
            baselines_of(item, &sources)
        })
        .collect()
}

/// The checklist a new period uses when none is chosen, and why, for the briefing.
#[derive(Debug, Clone)]
pub struct FollowOn {
    pub checklist: Checklist,
    /// Why this one: a sentence for the briefing. `None` when nothing supersedes last
    /// period's checklist, so there was nothing to decide.
    pub why: Option<String>,
}

/// The checklist a new period `period` should use after `before`: `before` itself (its
/// family), unless a checklist in the catalog supersedes it, directly or through others, and
/// declares that it applies from a period no later than this one. When both a user's own
/// checklist and a built-in one follow the same checklist, the user's own is taken: a force
/// that wrote its own successor meant to use it.
pub fn follow_on(catalog: &Catalog, before: &Checklist, period: &str) -> FollowOn {
    let own_first = |e: &&ChecklistSource| e.origin == Origin::BuiltIn;
    let mut entries: Vec<&ChecklistSource> = catalog.entries.iter().collect();
    entries.sort_by_key(own_first);
    let year = text::first_year(period);
    let mut current: Option<(&ChecklistSource, Header)> = None;
    let mut seen = vec![before.id.clone()];
    let mut why = None;
    while let Some((next, header)) = entries.iter().find_map(|e| {
        let h = e.header().ok()?;
        (h.supersedes.as_deref() == seen.last().map(String::as_str)
            && !seen.contains(&h.id)
            && e.checklist().is_ok())
        .then(|| (*e, h.clone()))
    }) {
        let from = header.applies_from.as_deref();
        let applies = match (from.and_then(text::first_year), year) {
            (Some(from), Some(year)) => year >= from,
            _ => false,
        };
        let kept = current.as_ref().map_or(&before.id, |(_, h)| &h.id);
        if !applies {
            why = Some(match (from, year) {
                (None, _) => format!(
                    "This period stays on {kept}, as last period's did: {} replaces it but does not say from which period, so it is used only when chosen.",
                    header.id
                ),
                (Some(from), None) => format!(
                    "This period stays on {kept}, as last period's did: {} replaces it for periods from {from}, and the period \"{period}\" names no year.",
                    header.id
                ),
                (Some(from), Some(_)) => format!(
                    "This period ({period}) stays on {kept}, as last period's did: {} replaces it only for periods from {from}.",
                    header.id
                ),
            });
            break;
        }
        why = Some(format!(
            "This period ({period}) moves from {} to {}, which replaces it for periods from {}.",
            before.id,
            header.id,
            from.unwrap_or_default()
        ));
        seen.push(header.id.clone());
        current = Some((next, header));
    }
    FollowOn {
        checklist: current
            .and_then(|(e, _)| e.checklist().ok())
            .unwrap_or(before)
            .clone(),
        why,
    }
}

/// Why a checklist chosen for the new period differs from last period's, for the briefing:
/// `None` when it is the same one.
pub fn chosen(before: &Checklist, after: &Checklist, period: &str) -> Option<String> {
    if before.id == after.id {
        return None;
    }
    let early = match (
        after.applies_from.as_deref(),
        after.applies_from.as_deref().and_then(text::first_year),
        text::first_year(period),
    ) {
        (Some(from), Some(f), Some(y)) if y < f => {
            format!(" It is meant for periods from {from}, later than this one.")
        }
        _ => String::new(),
    };
    Some(format!(
        "This period ({period}) uses {}, as chosen; last period used {}.{early}",
        after.id, before.id
    ))
}

/// Keeps an answer that has no place in the new checklist, once, and says why.
fn keep(
    id: &str,
    answer: &Answer,
    reason: String,
    report: &mut CarryReport,
    next: &mut Assessment,
) {
    if !next.orphans.iter().any(|o| o.id == id) {
        next.orphans.push(Orphan {
            id: id.to_string(),
            answer: AnswerDoc::from_answer(&Answer {
                carried: true,
                ..answer.clone()
            }),
        });
        report.not_comparable.push(NotCarried {
            id: id.to_string(),
            reason,
        });
    }
}

/// The weakest of several answers to one item: the one earning least credit, so combining
/// answers never makes a force look better than any of them did.
pub(super) fn weakest<'a>(item: &Item, values: &[&'a Value]) -> Option<&'a Value> {
    values.iter().copied().min_by(|x, y| {
        let c = |v| scoring::credit(item, v).unwrap_or(f64::INFINITY);
        c(x).total_cmp(&c(y))
    })
}

struct Combined<'a> {
    answer: Answer,
    /// Sources whose value does not fit the new item.
    misfits: Vec<(&'a str, &'a Answer)>,
    /// True when merged sources gave different values.
    conflict: bool,
}

/// One answer from the earlier answers an item takes over. A merged item takes the weakest of
/// differing values, so carrying forward can never make a force look better than it was.
fn combine<'a>(item: &Item, sources: &[(&'a str, &'a Answer)]) -> Combined<'a> {
    let mut misfits = Vec::new();
    let mut values = Vec::new();
    for (id, a) in sources {
        match &a.value {
            Some(v) if check_value(&item.kind, v).is_ok() => values.push(v.clone()),
            Some(_) => misfits.push((*id, *a)),
            None => {}
        }
    }
    let conflict = values.windows(2).any(|w| w[0] != w[1]);
    let value = weakest(item, &values.iter().collect::<Vec<_>>()).cloned();
    let notes: Vec<(&str, &String)> = sources
        .iter()
        .filter_map(|(id, a)| a.note.as_ref().map(|n| (*id, n)))
        .collect();
    let note = match notes.as_slice() {
        [] => None,
        [(_, n)] => Some((*n).clone()),
        many => Some(
            many.iter()
                .map(|(id, n)| format!("[{id}] {n}"))
                .collect::<Vec<_>>()
                .join("\n"),
        ),
    };
    let mut evidence: Vec<String> = Vec::new();
    for e in sources.iter().flat_map(|(_, a)| &a.evidence) {
        if !evidence.contains(e) {
            evidence.push(e.clone());
        }
    }
    let answer = Answer {
        value,
        note,
        evidence,
        owner: sources.iter().find_map(|(_, a)| a.owner.clone()),
        due: sources.iter().filter_map(|(_, a)| a.due).min(),
        review: sources.iter().any(|(_, a)| a.review),
        carried: false,
        // Merged answers that were checked differently are only as assured as a fresh claim.
        assurance: match sources {
            [(_, first), rest @ ..] if rest.iter().all(|(_, a)| a.assurance == first.assurance) => {
                first.assurance.clone()
            }
            _ => Default::default(),
        },
        // A conflict still waiting is carried with its answer rather than dropped.
        incoming: sources.iter().find_map(|(_, a)| a.incoming.clone()),
    };
    Combined {
        answer,
        misfits,
        conflict,
    }
}

impl CarryReport {
    /// The report as plain sentences for the terminal. Ids and reasons come from files:
    /// callers escape them.
    pub fn lines(&self) -> Vec<String> {
        let mut out = vec![format!(
            "{} answer{} carried from {}. Each is marked \"carried, unconfirmed\" until you confirm or change it; the assessment cannot be marked final before then.",
            self.carried,
            if self.carried == 1 { "" } else { "s" },
            self.from_period
        )];
        if let Some(years) = self.gap_years.filter(|g| *g > LONG_GAP_YEARS) {
            out.push(String::new());
            out.push(format!(
                "{years} years separate {} and {}, more than {LONG_GAP_YEARS}: every answer carried is also flagged for review, and none stands until someone has checked it.",
                self.from_period, self.to_period
            ));
        }
        if let Some(why) = &self.checklist_choice {
            out.push(String::new());
            out.push(why.clone());
        }
        let (redefined, baselines): (Vec<&Baseline>, Vec<&Baseline>) =
            self.baselines.iter().partition(|b| b.redefined.is_some());
        if !baselines.is_empty() {
            out.push(String::new());
            out.push(format!(
                "Not carried: {} figures and dates from {} describe that period, so they are kept as last period's baseline for comparison, not as this period's answers:",
                baselines.len(),
                self.from_period
            ));
            out.extend(baselines.iter().map(|b| {
                format!(
                    "  \u{201c}{}\u{201d}: {} in {}",
                    b.label, b.value, self.from_period
                )
            }));
        }
        for b in redefined {
            out.push(format!(
                "Not comparable: \u{201c}{}\u{201d} ({} in {}) is now counted differently: {}",
                b.label,
                b.value,
                self.from_period,
                b.redefined.as_deref().unwrap_or_default()
            ));
        }
        for e in &self.expired {
            out.push(format!(
                "Not carried: \u{201c}{}\u{201d} holds for {} months, and {} is further from {} than that; answer it afresh.",
                e.label, e.months, self.to_period, self.from_period
            ));
        }
        for label in &self.merged_for_review {
            out.push(format!(
                "Check \u{201c}{label}\u{201d}: it combines earlier questions, one of them unanswered or answered less well, so at most \u{201c}partly\u{201d} was carried and it is flagged for review."
            ));
        }
        if let Some(b) = &self.briefing {
            out.push(String::new());
            out.push("What changed in the checklist:".into());
            out.extend(b.lines().into_iter().map(|l| format!("  {l}")));
        }
        // Conflicting merged answers are among those named above, by their labels.
        if !self.not_comparable.is_empty() {
            out.push(String::new());
            out.push("Not comparable (kept in the file, not used):".into());
            out.extend(
                self.not_comparable
                    .iter()
                    .map(|n| format!("  {}: {}", n.id, n.reason)),
            );
        }
        out
    }
}
