use jiff::civil::Date;
use serde::Serialize;

use super::Evaluation;
use crate::answer::{Status, Value};
use crate::assessment::{Assessment, Assurance};
use crate::checklist::{Checklist, Severity};
use crate::text::long_date;

/// Something about the assessment itself that a reader would challenge: not a gap in the
/// force's controls, but in the record of them.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Warning {
    /// A stable code, e.g. `yes-without-evidence`.
    pub code: &'static str,
    pub item: Option<String>,
    /// What a reader knows the item or finding by: its short label or title.
    pub subject: Option<String>,
    pub message: String,
}

fn warn(code: &'static str, item: Option<(&str, &str)>, message: String) -> Warning {
    Warning {
        code,
        item: item.map(|(id, _)| id.to_string()),
        subject: item.map(|(_, subject)| subject.to_string()),
        message,
    }
}

pub(super) fn check(
    checklist: &Checklist,
    assessment: &Assessment,
    evaluation: &Evaluation,
    today: Date,
) -> Vec<Warning> {
    let mut out = Vec::new();
    for item in checklist.items() {
        let about = Some((item.id.as_str(), item.short_label()));
        let Some(answer) = assessment.answer(&item.id) else {
            continue;
        };
        if !evaluation.is_asked(&item.id) {
            continue;
        }
        match &answer.value {
            Some(Value::Status(Status::Yes)) if answer.evidence.is_empty() => out.push(warn(
                "yes-without-evidence",
                about,
                format!(
                    "{}: answered yes, but no evidence is recorded",
                    item.short_label()
                ),
            )),
            Some(Value::Status(Status::Na)) if answer.note.is_none() => out.push(warn(
                "na-without-note",
                about,
                format!(
                    "{}: marked not applicable without a note saying why",
                    item.short_label()
                ),
            )),
            _ => {}
        }
        let credit = answer.value.as_ref().and_then(|v| super::credit(item, v));
        if let Some(c) = credit.filter(|c| *c > 0.0)
            && item.severity == Severity::High
            && answer.assurance == Assurance::Asserted
        {
            out.push(warn(
                "high-asserted-only",
                about,
                format!(
                    "{}: a high-severity question answered as {} on assertion alone; nothing records that it was evidenced or verified",
                    item.short_label(),
                    if c >= 1.0 { "met" } else { "partly met" }
                ),
            ));
        }
    }
    for f in &evaluation.findings {
        if f.severity == Severity::High && (f.owner.is_none() || f.due.is_none()) {
            let missing = match (f.owner.is_none(), f.due.is_none()) {
                (true, true) => "neither an owner nor a due date",
                (true, false) => "no owner",
                _ => "no due date",
            };
            out.push(warn(
                "high-finding-unowned",
                Some((&f.id, &f.title)),
                format!("High finding \u{201c}{}\u{201d} has {missing}", f.title),
            ));
        }
        if let Some(due) = f.due
            && due < today
        {
            out.push(warn(
                "finding-overdue",
                Some((&f.id, &f.title)),
                format!(
                    "Finding \u{201c}{}\u{201d} was due on {} and is still open",
                    f.title,
                    long_date(due)
                ),
            ));
        }
    }
    for orphan in &assessment.orphans {
        let why = match checklist.retired.iter().find(|r| r.id == orphan.id) {
            Some(r) => format!("no longer asks it: {}", r.reason),
            None => "has no such item".to_string(),
        };
        out.push(warn(
            "orphaned-answer",
            Some((&orphan.id, &orphan.id)),
            format!(
                "the answer to \"{}\" is kept, but checklist {} {why}",
                orphan.id, checklist.id
            ),
        ));
    }
    let unconfirmed = assessment.unconfirmed().count();
    if unconfirmed > 0 {
        let from = assessment
            .carried_from
            .as_deref()
            .unwrap_or("the previous period");
        out.push(warn(
            "carried-unconfirmed",
            None,
            format!(
                "{unconfirmed} answer{} carried from {from} not yet confirmed",
                if unconfirmed == 1 { " is" } else { "s are" }
            ),
        ));
    }
    out
}
