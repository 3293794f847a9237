//! A conflict: an answer received in a return that differs from the one already held. It is
//! kept in the file beside the current answer, applied to nothing, until someone takes it or
//! keeps the current answer.

use std::ops::Range;

use jiff::civil::Date;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::Answer;
use super::file::{
    ValueSchema, date, evidence_in, name_in, note_in, show, toml_date, toml_value, typed,
};
use crate::answer::{Kind, Value};
use crate::checklist::Item;
use crate::text;

/// What a return said about an item, where the assessment already held something different.
/// Only the fields the return gave that differ from the answer held are kept.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Incoming {
    pub value: Option<Value>,
    pub note: Option<String>,
    /// References the return gives that the answer does not hold yet.
    pub evidence: Vec<String>,
    pub owner: Option<String>,
    pub due: Option<Date>,
    /// Who gave it: the person the return was made for.
    pub from: String,
    /// The workbook it came in, by file name.
    pub source: String,
    /// The date it was imported.
    pub received: Date,
}

impl Incoming {
    /// True when it holds nothing to take.
    pub fn is_blank(&self) -> bool {
        self.value.is_none()
            && self.note.is_none()
            && self.evidence.is_empty()
            && self.owner.is_none()
            && self.due.is_none()
    }

    /// Puts what it holds into an answer: each field it gives replaces the one held, and its
    /// evidence is added to the evidence held. A changed value is no longer "carried".
    pub fn apply_to(&self, answer: &mut Answer) {
        if let Some(value) = &self.value {
            answer.set_value(Some(value.clone()));
        }
        if let Some(note) = &self.note {
            answer.note = Some(note.clone());
        }
        for e in &self.evidence {
            if !answer.evidence.contains(e) {
                answer.evidence.push(e.clone());
            }
        }
        if let Some(owner) = &self.owner {
            answer.owner = Some(owner.clone());
        }
        if let Some(due) = self.due {
            answer.due = Some(due);
        }
    }

    /// The fields an answer holds, as an incoming answer would give them (from nobody).
    pub fn held(answer: &Answer) -> Incoming {
        Incoming {
            value: answer.value.clone(),
            note: answer.note.clone(),
            evidence: answer.evidence.clone(),
            owner: answer.owner.clone(),
            due: answer.due,
            ..Incoming::default()
        }
    }

    /// What it gives, field by field, in words a reader would use: ("answer", "No"),
    /// ("note", "…"), ("evidence", "A; B"), ("owner", "…"), ("due", "31 March 2013"); absent
    /// fields are left out.
    pub fn words(&self, kind: &Kind) -> Vec<(&'static str, String)> {
        [
            ("answer", self.value.as_ref().map(|v| kind.display(v))),
            ("note", self.note.clone()),
            (
                "evidence",
                (!self.evidence.is_empty()).then(|| self.evidence.join("; ")),
            ),
            ("owner", self.owner.clone()),
            ("due", self.due.map(|d| Kind::Date.display(&Value::Date(d)))),
        ]
        .into_iter()
        .filter_map(|(field, words)| words.map(|w| (field, w)))
        .collect()
    }

    /// The same incoming answer, ignoring when it was received.
    pub fn same_as(&self, other: &Incoming) -> bool {
        Incoming {
            received: other.received,
            ..self.clone()
        } == *other
    }
}

impl Answer {
    /// What the record holds, field by field, in words a reader would use.
    pub fn words(&self, kind: &Kind) -> Vec<(&'static str, String)> {
        Incoming::held(self).words(kind)
    }
}

/// Fields in words on one line: `answer "No", note "…"`, or "nothing".
pub fn in_one_line(words: &[(&str, String)]) -> String {
    if words.is_empty() {
        return "nothing".into();
    }
    words
        .iter()
        .map(|(field, w)| format!("{field} \"{}\"", text::sanitize_line(w)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// An incoming answer as read from the file, before it is checked.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct IncomingIn {
    #[serde(default)]
    value: Option<Spanned<toml::Value>>,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    evidence: Vec<String>,
    #[serde(default)]
    owner: Option<String>,
    #[serde(default)]
    due: Option<Spanned<toml::Value>>,
    from: Spanned<String>,
    #[serde(rename = "return")]
    source: Spanned<String>,
    received: Spanned<toml::Value>,
}

/// An incoming answer as written: `[answers."ID".incoming]`.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct IncomingDoc {
    /// As `value` in the answer, checked against the item in the same way.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<ValueSchema>")]
    pub value: Option<toml::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// References to add to the answer's evidence.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Date>")]
    pub due: Option<toml::Value>,
    /// Who gave it: the person the return was made for.
    pub from: String,
    /// The return workbook it came in, by file name.
    #[serde(rename = "return")]
    pub source: String,
    /// The date it was imported.
    #[schemars(with = "Date")]
    pub received: toml::Value,
}

impl IncomingDoc {
    pub fn new(i: &Incoming) -> IncomingDoc {
        IncomingDoc {
            value: i.value.as_ref().map(toml_value),
            note: i.note.clone(),
            evidence: i.evidence.clone(),
            owner: i.owner.clone(),
            due: i.due.map(toml_date),
            from: i.from.clone(),
            source: i.source.clone(),
            received: toml_date(i.received),
        }
    }

    /// As read, for an answer to an item the checklist does not have: kept, but cleaned like
    /// any other answer.
    pub(super) fn raw(raw: &IncomingIn) -> IncomingDoc {
        let text_value = |v: &toml::Value| match v {
            toml::Value::String(s) => toml::Value::String(text::sanitize(s).into_owned()),
            other => other.clone(),
        };
        IncomingDoc {
            value: raw.value.as_ref().map(|v| text_value(v.get_ref())),
            note: note_in(raw.note.as_deref()),
            evidence: evidence_in(&raw.evidence),
            owner: name_in(raw.owner.as_deref()),
            due: raw.due.as_ref().map(|d| text_value(d.get_ref())),
            from: text::clean_name(raw.from.get_ref()),
            source: text::clean_name(raw.source.get_ref()),
            received: text_value(raw.received.get_ref()),
        }
    }
}

/// Checks an incoming answer against its item, as the answer beside it is checked. An error
/// is the place in the file and what is wrong there.
pub(super) fn bind(
    id: &str,
    item: &Item,
    raw: &Spanned<IncomingIn>,
) -> Result<Incoming, (Range<usize>, String)> {
    let table = raw.get_ref();
    let value = match &table.value {
        None => None,
        Some(v) => Some(typed(&item.kind, v.get_ref()).map_err(|allowed| {
            (
                v.span(),
                format!(
                    "the incoming answer to \"{id}\" is {}, which does not fit: \"{id}\" takes {allowed}",
                    show(v.get_ref())
                ),
            )
        })?),
    };
    let a_date = |d: &Spanned<toml::Value>, what: &str| {
        date(d.get_ref()).ok_or_else(|| {
            (
                d.span(),
                format!(
                    "the {what} of the incoming answer to \"{id}\" is {}, which is not a date such as 2013-03-31",
                    show(d.get_ref())
                ),
            )
        })
    };
    let due = table
        .due
        .as_ref()
        .map(|d| a_date(d, "due date"))
        .transpose()?;
    let received = a_date(&table.received, "date received")?;
    let line = |s: &Spanned<String>, what: &str| {
        let clean = text::clean_name(s.get_ref());
        if clean.is_empty() {
            Err((
                s.span(),
                format!("the incoming answer to \"{id}\" must say {what}"),
            ))
        } else {
            Ok(clean)
        }
    };
    let incoming = Incoming {
        value,
        note: note_in(table.note.as_deref()),
        evidence: evidence_in(&table.evidence),
        owner: name_in(table.owner.as_deref()),
        due,
        from: line(&table.from, "who gave it (`from`)")?,
        source: line(&table.source, "which return it came in (`return`)")?,
        received,
    };
    if incoming.is_blank() {
        return Err((
            raw.span(),
            format!(
                "the incoming answer to \"{id}\" holds nothing to take: give a value, note, evidence, owner or due date, or remove the table"
            ),
        ));
    }
    Ok(incoming)
}
