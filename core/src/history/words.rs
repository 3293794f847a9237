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
        "incoming" => "answer from a return, waiting",
        "override" => "judgement override",
        "rationale" => "rationale for the judgement",
        "notable" => "notable practice",
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
        Json::Object(fields) => incoming_words(fields),
        other => other.to_string(),
    }
}

/// An incoming answer in words: `answer "no", note "…" from Head of Procurement (procurement.xlsx)`.
fn incoming_words(fields: &serde_json::Map<String, Json>) -> String {
    let given: Vec<String> = ["value", "note", "evidence", "owner", "due"]
        .iter()
        .filter_map(|f| {
            fields
                .get(*f)
                .map(|v| format!("{} {}", field_name(f), value_words(v)))
        })
        .collect();
    let text = |f: &str| fields.get(f).and_then(Json::as_str).unwrap_or("?");
    format!(
        "{} from {} ({})",
        given.join(", "),
        text("from"),
        text("return")
    )
}

/// An entry as one sentence, without its time or author: "gifts.policy: answer "no" → "yes"".
pub fn describe(entry: &Entry) -> String {
    match &entry.event {
        Event::Created {
            force,
            period,
            carried_from,
            ..
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
                Cause::Returned => " (given in a return)",
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
        Event::ReturnMade {
            file, to, items, ..
        } => format!(
            "return {file} made for {to}, asking {} question{}",
            items.len(),
            if items.len() == 1 { "" } else { "s" }
        ),
        Event::Restarted { missing } => format!(
            "history restarted: the entries up to {}… were missing (deleted or cut short outside probity), so what the file held was recorded afresh",
            &missing[..12.min(missing.len())]
        ),
        Event::Adopted { hash, answered, .. } => format!(
            "history begun: probity adopted the file as it stood ({answered} answered, file SHA-256 {}…); changes made before this are unrecorded",
            &hash[..12.min(hash.len())]
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_incoming_answer_reads_as_what_it_gives_and_who_gave_it() {
        let incoming = serde_json::json!({
            "value": "no", "note": "Not checked", "from": "Head of Procurement",
            "return": "procurement.xlsx", "received": "2013-01-15"
        });
        assert_eq!(
            value_words(&incoming),
            "answer \"no\", note \"Not checked\" from Head of Procurement (procurement.xlsx)"
        );
    }
}
