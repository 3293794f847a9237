use std::collections::BTreeMap;

use serde_json::Value as Json;

use super::{Entry, Event, Snapshot};
use crate::assessment::{Answer, AnswerDoc, Assessment, IncomingDoc, Judgement, JudgementDoc};

/// The fields the history follows: the keys of an answer's table in the assessment file.
pub const FIELDS: [&str; 11] = [
    "value",
    "note",
    "evidence",
    "owner",
    "due",
    "review",
    "carried",
    "assurance",
    "verified_by",
    "verified_on",
    "incoming",
];

/// The fields of an area's judgement the history follows: the keys of its `[judgements.AREA]`
/// table. An entry changing one names the area where an answer's entry names the item; the two
/// sets of fields share no name, so the field says which it is.
pub const JUDGEMENT_FIELDS: [&str; 3] = ["override", "rationale", "notable"];

/// Item (or area) → field → value; fields that are absent are left out.
type Records = BTreeMap<String, BTreeMap<&'static str, Json>>;

/// What every answer and every area's judgement holds, field by field, as the history tells it
/// or as a file has it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct State {
    /// Item → field → value; fields that are absent are left out.
    pub answers: Records,
    /// Area → judgement field → value, as [`State::answers`].
    pub judgements: Records,
    /// The seal of the sign-off in force, if the assessment is signed.
    pub sealed: Option<String>,
}

/// One field where the history and the file disagree.
#[derive(Debug, Clone, PartialEq)]
pub struct Difference {
    /// The item, or for a judgement field (see [`JUDGEMENT_FIELDS`]) the area.
    pub item: String,
    pub field: &'static str,
    /// What the history says; null when it says the field is absent.
    pub recorded: Json,
    /// What the file holds; null when absent.
    pub found: Json,
}

impl State {
    /// The state the history's entries lead to, oldest first.
    pub fn replay<'a>(entries: impl IntoIterator<Item = &'a Entry>) -> State {
        let mut state = State::default();
        for entry in entries {
            match &entry.event {
                Event::Created { .. } => state = State::default(),
                Event::Changed {
                    item, field, after, ..
                } => {
                    if let Some(field) = FIELDS.into_iter().find(|f| *f == field.as_str()) {
                        put(&mut state.answers, item, field, after);
                    } else if let Some(field) =
                        JUDGEMENT_FIELDS.into_iter().find(|f| *f == field.as_str())
                    {
                        put(&mut state.judgements, item, field, after);
                    }
                }
                Event::Signed { seal, .. } => state.sealed = Some(seal.clone()),
                Event::Reopened { .. } => state.sealed = None,
                Event::Restarted { .. } | Event::ReturnMade { .. } => {}
                Event::Adopted {
                    answers,
                    judgements,
                    sealed,
                    ..
                } => {
                    state = State {
                        answers: unsnap(answers, &FIELDS),
                        judgements: unsnap(judgements, &JUDGEMENT_FIELDS),
                        sealed: sealed.clone(),
                    }
                }
            }
        }
        state
    }

    /// The state of an assessment as read from its file, orphaned answers included.
    pub fn of(assessment: &Assessment) -> State {
        let bound = assessment
            .answers
            .iter()
            .map(|(id, a)| (id.clone(), fields(&AnswerDoc::from_answer(a))));
        let orphans = assessment
            .orphans
            .iter()
            .map(|o| (o.id.clone(), fields(&o.answer)));
        State {
            answers: bound
                .chain(orphans)
                .filter(|(_, f)| !f.is_empty())
                .collect(),
            judgements: assessment
                .judgements
                .iter()
                .map(|(area, j)| (area.clone(), judgement_fields(j)))
                .filter(|(_, f)| !f.is_empty())
                .collect(),
            sealed: assessment.signature.as_ref().map(|s| s.seal.clone()),
        }
    }

    /// Answers and judgements as an [`Event::Adopted`] entry keeps them.
    pub fn snapshot(&self) -> (Snapshot, Snapshot) {
        (snap(&self.answers), snap(&self.judgements))
    }

    /// Every field where `found` differs from this state: answers in item and field order,
    /// then judgements in area and field order.
    pub fn differences(&self, found: &State) -> Vec<Difference> {
        let mut out = differ(&self.answers, &found.answers, &FIELDS);
        out.extend(differ(
            &self.judgements,
            &found.judgements,
            &JUDGEMENT_FIELDS,
        ));
        out
    }
}

fn snap(records: &Records) -> Snapshot {
    records
        .iter()
        .map(|(k, f)| {
            let fields = f.iter().map(|(f, v)| (f.to_string(), v.clone())).collect();
            (k.clone(), fields)
        })
        .collect()
}

/// A snapshot's records, keeping only the fields the history follows.
fn unsnap(snapshot: &Snapshot, fields: &[&'static str]) -> Records {
    snapshot
        .iter()
        .map(|(k, f)| {
            let kept = f
                .iter()
                .filter_map(|(name, v)| {
                    let field = fields.iter().find(|known| **known == name.as_str())?;
                    (!v.is_null()).then(|| (*field, v.clone()))
                })
                .collect::<BTreeMap<_, _>>();
            (k.clone(), kept)
        })
        .filter(|(_, f)| !f.is_empty())
        .collect()
}

/// Sets one field of one record, or removes it when `value` is null, dropping a record left
/// empty.
fn put(records: &mut Records, key: &str, field: &'static str, value: &Json) {
    let record = records.entry(key.to_string()).or_default();
    if value.is_null() {
        record.remove(field);
    } else {
        record.insert(field, value.clone());
    }
    if record.is_empty() {
        records.remove(key);
    }
}

/// Every field of `fields` where the records `found` differ from those `recorded`.
fn differ(recorded: &Records, found: &Records, fields: &[&'static str]) -> Vec<Difference> {
    let empty = BTreeMap::new();
    let mut keys: Vec<&String> = recorded.keys().chain(found.keys()).collect();
    keys.sort();
    keys.dedup();
    let mut out = Vec::new();
    for key in keys {
        let was = recorded.get(key).unwrap_or(&empty);
        let now = found.get(key).unwrap_or(&empty);
        for &field in fields {
            let (r, f) = (was.get(field), now.get(field));
            if r != f {
                out.push(Difference {
                    item: key.clone(),
                    field,
                    recorded: r.cloned().unwrap_or(Json::Null),
                    found: f.cloned().unwrap_or(Json::Null),
                });
            }
        }
    }
    out
}

/// An answer's fields as the file writes them, in JSON; absent fields are left out.
pub fn fields(doc: &AnswerDoc) -> BTreeMap<&'static str, Json> {
    let toml = |v: &Option<toml::Value>| v.as_ref().map(json);
    let text = |v: &Option<String>| v.clone().map(Json::String);
    let flag = |b: bool| b.then_some(Json::Bool(true));
    let values = [
        toml(&doc.value),
        text(&doc.note),
        (!doc.evidence.is_empty()).then(|| doc.evidence.clone().into()),
        text(&doc.owner),
        toml(&doc.due),
        flag(doc.review),
        flag(doc.carried),
        doc.assurance.map(|l| Json::String(l.name().into())),
        text(&doc.verified_by),
        toml(&doc.verified_on),
        doc.incoming.as_ref().map(incoming),
    ];
    FIELDS
        .into_iter()
        .zip(values)
        .filter_map(|(f, v)| v.map(|v| (f, v)))
        .collect()
}

/// An incoming answer as one JSON object of the keys its table has in the file.
fn incoming(doc: &IncomingDoc) -> Json {
    let given = [
        ("value", doc.value.as_ref().map(json)),
        ("note", doc.note.clone().map(Json::String)),
        (
            "evidence",
            (!doc.evidence.is_empty()).then(|| doc.evidence.clone().into()),
        ),
        ("owner", doc.owner.clone().map(Json::String)),
        ("due", doc.due.as_ref().map(json)),
        ("from", Some(Json::String(doc.from.clone()))),
        ("return", Some(Json::String(doc.source.clone()))),
        ("received", Some(json(&doc.received))),
    ];
    Json::Object(
        given
            .into_iter()
            .filter_map(|(k, v)| v.map(|v| (k.to_string(), v)))
            .collect(),
    )
}

/// An area's judgement fields as the file writes them, in JSON; absent fields are left out.
pub fn judgement_fields(judgement: &Judgement) -> BTreeMap<&'static str, Json> {
    let doc = JudgementDoc::from_judgement(judgement);
    let values = [doc.grade, doc.rationale, doc.notable];
    JUDGEMENT_FIELDS
        .into_iter()
        .zip(values)
        .filter_map(|(f, v)| v.map(|v| (f, Json::String(v))))
        .collect()
}

/// The fields an edit changed, each with its value before and after.
pub fn changes(before: &Answer, after: &Answer) -> Vec<(&'static str, Json, Json)> {
    changed(
        &fields(&AnswerDoc::from_answer(before)),
        &fields(&AnswerDoc::from_answer(after)),
        &FIELDS,
    )
}

/// The fields a change to an area's judgement changed, each with its value before and after.
pub fn judgement_changes(before: &Judgement, after: &Judgement) -> Vec<(&'static str, Json, Json)> {
    changed(
        &judgement_fields(before),
        &judgement_fields(after),
        &JUDGEMENT_FIELDS,
    )
}

fn changed(
    b: &BTreeMap<&'static str, Json>,
    a: &BTreeMap<&'static str, Json>,
    fields: &[&'static str],
) -> Vec<(&'static str, Json, Json)> {
    fields
        .iter()
        .filter(|f| b.get(*f) != a.get(*f))
        .map(|&f| {
            let get = |m: &BTreeMap<&str, Json>| m.get(f).cloned().unwrap_or(Json::Null);
            (f, get(b), get(a))
        })
        .collect()
}

/// A TOML value as JSON: dates become their text, `2013-03-31`.
fn json(value: &toml::Value) -> Json {
    match value {
        toml::Value::String(s) => Json::String(s.clone()),
        toml::Value::Integer(i) => Json::from(*i),
        toml::Value::Float(f) => serde_json::Number::from_f64(*f).map_or(Json::Null, Json::Number),
        toml::Value::Boolean(b) => Json::Bool(*b),
        toml::Value::Datetime(d) => Json::String(d.to_string()),
        toml::Value::Array(a) => Json::Array(a.iter().map(json).collect()),
        toml::Value::Table(t) => {
            Json::Object(t.iter().map(|(k, v)| (k.clone(), json(v))).collect())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::{Status, Value};
    use crate::assessment::{Assurance, Incoming};

    #[test]
    fn an_edit_is_told_field_by_field() {
        let before = Answer {
            value: Some(Value::Status(Status::No)),
            carried: true,
            ..Answer::default()
        };
        let after = Answer {
            value: Some(Value::Status(Status::Yes)),
            assurance: Assurance::Verified {
                by: "Audit".into(),
                on: jiff::civil::date(2013, 1, 10),
            },
            incoming: Some(Incoming {
                value: Some(Value::Status(Status::Partial)),
                from: "Head of HR".into(),
                source: "hr.xlsx".into(),
                received: jiff::civil::date(2013, 1, 15),
                ..Incoming::default()
            }),
            ..Answer::default()
        };
        let fields: Vec<_> = changes(&before, &after)
            .into_iter()
            .map(|(f, b, a)| format!("{f}: {b} → {a}"))
            .collect();
        assert_eq!(
            fields,
            [
                "value: \"no\" → \"yes\"",
                "carried: true → null",
                "assurance: null → \"verified\"",
                "verified_by: null → \"Audit\"",
                "verified_on: null → \"2013-01-10\"",
                "incoming: null → {\"from\":\"Head of HR\",\"received\":\"2013-01-15\",\"return\":\"hr.xlsx\",\"value\":\"partial\"}",
            ]
        );
    }
}
