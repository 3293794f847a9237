use serde_json::Value as Json;

use super::{Cause, Entry, Event};
use crate::assessment::short_seal;

/// A field of an answer in words.
pub fn field_name(field: &str) -> &str {
    match field {
        "value" => "answer",
        "note" => "note",
        "evidence" => "evidence",
        "owner" => "owner",
        "due" => "due date",
        "review" => "flag for review",
        "carried" => "carried, unconfirmed",
        "assurance" => "assurance",
        "verified_by" => "verified by",
        "verified_on" => "verified on",
        other => other,
    }
}

/// A field's value in words: "none" when absent, lists joined with semicolons.
pub fn value_words(value: &Json) -> String {
    match value {
        Json::Null => "none".into(),
        Json::Bool(true) => "yes".into(),
        Json::Bool(false) => "no".into(),
        Json::String(s) => format!("\"{s}\""),
        Json::Array(items) => items.iter().map(value_words).collect::<Vec<_>>().join("; "),
        other => other.to_string(),
    }
}

/// An entry as one sentence, without its time or author: "gifts.policy: answer "no" → "yes"".
pub fn describe(entry: &Entry) -> String {
    match &entry.event {
        Event::Created {
            force,
            period,
            carried_from,
        } => match carried_from {
            Some(from) => format!("created {force} {period}, carried forward from {from}"),
            None => format!("created {force} {period}"),
        },
        Event::Changed {
            item,
            field,
            before,
            after,
            cause,
        } => {
            let how = match cause {
                Cause::Edit => "",
                Cause::Carried => " (carried from last period)",
                Cause::Outside => " (changed outside probity)",
                Cause::Unsaved => " (undone: probity stopped before this change reached the file)",
            };
            format!(
                "{item}: {} {} → {}{how}",
                field_name(field),
                value_words(before),
                value_words(after)
            )
        }
        Event::Signed { signer, role, seal } => {
            format!("signed off by {signer}, {role}; seal {}", short_seal(seal))
        }
        Event::Reopened { reason } => format!("reopened as a draft: {reason}"),
    }
}
