//! The assessment file: a public, documented TOML format (docs/src/reference/assessment-format.md). Reading checks
//! every answer against the checklist; writing keeps answers to unknown items untouched.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use jiff::civil::Date;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize, Serializer, ser::SerializeMap};
use toml::Spanned;

use super::incoming::{self, IncomingDoc, IncomingIn};
use super::judgements::{self, JudgementDoc, JudgementIn};
use super::{Answer, Assessment, Assurance, Level, Orphan, Signature, Stage};
use crate::answer::{Kind, Status, Value, check_value};
use crate::checklist::{Checklist, Item};
use crate::diagnostic::{Invalid, Problem, Source};
use crate::text;

/// The newest file format this build reads and writes.
pub const FORMAT: i64 = 1;

const MAX_FILE_BYTES: usize = 8 * 1024 * 1024;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileIn {
    format: i64,
    checklist: Spanned<String>,
    force: Spanned<String>,
    period: Spanned<String>,
    #[serde(default)]
    assessor: Option<String>,
    #[serde(default)]
    stage: Option<Stage>,
    #[serde(default)]
    carried_from: Option<String>,
    #[serde(default)]
    recorded: Option<Spanned<String>>,
    #[serde(default)]
    signature: Option<Spanned<SignatureIn>>,
    #[serde(default)]
    answers: BTreeMap<Spanned<String>, AnswerIn>,
    #[serde(default)]
    judgements: BTreeMap<Spanned<String>, JudgementIn>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SignatureIn {
    by: String,
    role: String,
    at: Spanned<toml::Value>,
    seal: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AnswerIn {
    value: Option<Spanned<toml::Value>>,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    evidence: Vec<String>,
    #[serde(default)]
    owner: Option<String>,
    #[serde(default)]
    due: Option<Spanned<toml::Value>>,
    #[serde(default)]
    review: bool,
    #[serde(default)]
    carried: bool,
    #[serde(default)]
    assurance: Option<Spanned<Level>>,
    #[serde(default)]
    verified_by: Option<Spanned<String>>,
    #[serde(default)]
    verified_on: Option<Spanned<toml::Value>>,
    #[serde(default)]
    incoming: Option<Spanned<IncomingIn>>,
}

/// An assessment file whose structure is sound, waiting to be checked against its checklist.
#[derive(Debug)]
pub struct Parsed {
    source: Source,
    file: FileIn,
}

/// Whether a file's text is meant as an assessment rather than a checklist: it has a field only
/// an assessment has, even when it is broken or lacks its `format` line.
pub fn looks_like_assessment(text: &str) -> bool {
    const ONLY_IN_ASSESSMENTS: [&str; 5] = ["format", "answers", "force", "period", "checklist"];
    match toml::from_str::<toml::Table>(text) {
        Ok(table) => ONLY_IN_ASSESSMENTS.iter().any(|k| table.contains_key(*k)),
        // Broken TOML: judged by the start of its lines.
        Err(_) => text.lines().map(str::trim_start).any(|l| {
            l.starts_with("[answers")
                || ONLY_IN_ASSESSMENTS.iter().any(|k| {
                    l.strip_prefix(k)
                        .is_some_and(|r| r.trim_start().starts_with('='))
                })
        }),
    }
}

/// What an assessment file says of itself, read from its head alone: enough to find a force's
/// other periods in a folder without reading every answer of every file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    pub force: String,
    pub period: String,
    /// The period its answers were carried forward from.
    pub carried_from: Option<String>,
}

/// The head of the assessment at `path`, when the file is one and its head reads.
pub fn head(path: &Path) -> Option<Head> {
    #[derive(Deserialize)]
    struct HeadIn {
        force: String,
        period: String,
        #[serde(default)]
        carried_from: Option<String>,
    }
    let text = crate::storage::read_capped(path, MAX_FILE_BYTES).ok()?;
    let head: HeadIn = crate::head::of(&text)?;
    Some(Head {
        force: text::clean_name(&head.force),
        period: text::clean_name(&head.period),
        carried_from: head
            .carried_from
            .map(|s| text::clean_name(&s))
            .filter(|s| !s.is_empty()),
    })
}

/// Reads an assessment's structure. A file written by a newer probity is refused here, before
/// anything else, so it is never misread or rewritten.
pub fn parse(name: &str, text: &str) -> Result<Parsed, Invalid> {
    let source = Source::new(name, text);
    let fail = |span, msg: String| Err(Invalid::one(Problem::new(&source, span, msg)));
    if text.trim().is_empty() {
        return fail(Some(0..0), "the file is empty".into());
    }
    if text.len() > MAX_FILE_BYTES {
        return fail(
            None,
            format!(
                "the file is larger than {} MB",
                MAX_FILE_BYTES / 1024 / 1024
            ),
        );
    }
    // Most files are sound and are read once. Only when that fails is the version line read on
    // its own, so a file from a newer probity is refused for being newer, not for its fields.
    let full = toml::from_str::<FileIn>(text);
    let sound = matches!(&full, Ok(file) if (1..=FORMAT).contains(&file.format));
    if !sound && let Some((span, message)) = version_problem(text) {
        return fail(span, message);
    }
    match full {
        Ok(mut file) => {
            let span = file.checklist.span();
            file.checklist = Spanned::new(span, text::clean_name(file.checklist.get_ref()));
            Ok(Parsed { source, file })
        }
        Err(e) => fail(e.span(), e.message().trim().to_string()),
    }
}

/// What is wrong with a file's `format` line, if anything: missing, not a number, or newer
/// than this build reads.
fn version_problem(text: &str) -> Option<(Option<std::ops::Range<usize>>, String)> {
    /// Only the version line.
    #[derive(Deserialize)]
    struct Version {
        format: Option<Spanned<toml::Value>>,
    }
    let version: Version = match toml::from_str(text) {
        Ok(v) => v,
        Err(e) => return Some((e.span(), e.message().trim().to_string())),
    };
    let span = version.format.as_ref().map(Spanned::span);
    match version.format.as_ref().map(Spanned::get_ref) {
        None => Some((
            Some(0..0),
            "this is not a probity assessment: it has no `format = 1` line".into(),
        )),
        Some(toml::Value::Integer(n)) if *n > FORMAT => Some((
            span,
            format!(
                "this assessment was written in file format {n} by a newer version of probity; this version reads format {FORMAT}. Update probity to open it. The file has not been changed."
            ),
        )),
        Some(toml::Value::Integer(n)) if *n >= 1 => None,
        Some(other) => Some((span, format!("`format` must be {FORMAT}, not {other}"))),
    }
}

impl Parsed {
    /// The checklist id or path the file names.
    pub fn checklist(&self) -> &str {
        self.file.checklist.get_ref()
    }

    /// Finds the checklist the file at `path` names. A checklist that cannot be found or may
    /// not be read is a problem at the `checklist` line; one that is broken carries its own
    /// problems.
    pub fn resolve(
        &self,
        catalog: &crate::checklist::Catalog,
        path: &Path,
    ) -> Result<Checklist, LoadError> {
        use crate::checklist::ResolveError;
        catalog
            .resolve(self.checklist(), path.parent())
            .map_err(|e| match e {
                ResolveError::Invalid(_) => LoadError::Checklist(self.source.name().to_string(), e),
                other => {
                    LoadError::Invalid(Invalid::one(self.checklist_problem(other.to_string())))
                }
            })
    }

    /// A problem with the checklist the file names, at its `checklist` line.
    pub fn checklist_problem(&self, message: String) -> Problem {
        Problem::new(&self.source, Some(self.file.checklist.span()), message)
    }

    /// Checks every answer against the checklist. Answers to items the checklist does not have
    /// are kept as orphans; answers that do not fit their item are errors. Every string is
    /// cleaned here, where it enters: control and bidi characters go from all of them, and
    /// invisible ones from ids, names and periods.
    pub fn bind(self, checklist: &Checklist) -> Result<Assessment, Invalid> {
        let Parsed { source, file } = self;
        let mut problems = Vec::new();
        for (field, value) in [("force", &file.force), ("period", &file.period)] {
            if text::clean_name(value.get_ref()).is_empty() {
                problems.push(Problem::new(
                    &source,
                    Some(value.span()),
                    format!("`{field}` must not be empty"),
                ));
            }
        }
        let mut answers = BTreeMap::new();
        let mut orphans = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut na_answers = Vec::new();
        for (id, raw) in file.answers {
            let id_span = id.span();
            let id = text::clean_name(id.get_ref());
            if let Some(first) = seen.insert(id.clone(), id_span.start) {
                let (line, _) = source.line_col(first);
                problems.push(
                    Problem::new(
                        &source,
                        Some(id_span),
                        format!(
                            "\"{id}\" is answered twice, once with characters that do not show"
                        ),
                    )
                    .label(format!("also answered on line {line}")),
                );
                continue;
            }
            let Some(item) = checklist.item(&id) else {
                // Kept as read, but cleaned like any other answer.
                orphans.push(Orphan {
                    answer: cleaned(raw),
                    id,
                });
                continue;
            };
            if matches!(item.kind, Kind::Status)
                && let Some(v) = &raw.value
                && v.get_ref().as_str() == Some(Status::Na.name())
            {
                na_answers.push((id.clone(), v.span()));
            }
            match answer(&source, &id, id_span, item, raw) {
                Ok(answer) => {
                    answers.insert(id, answer);
                }
                Err(problem) => problems.push(*problem),
            }
        }
        refuse_na(&source, checklist, &answers, &na_answers, &mut problems);
        let stage = file.stage.unwrap_or_default();
        let signature = match &file.signature {
            None => None,
            Some(raw) => match signature(raw, stage) {
                Ok(s) => Some(s),
                Err((span, message)) => {
                    problems.push(Problem::new(&source, Some(span), message));
                    None
                }
            },
        };
        let recorded = match &file.recorded {
            Some(r) if !is_hash(r.get_ref()) => {
                problems.push(Problem::new(
                    &source,
                    Some(r.span()),
                    "`recorded` must be a SHA-256 hash: 64 hex digits",
                ));
                None
            }
            r => r.as_ref().map(|r| r.get_ref().clone()),
        };
        let judgements = judgements::bind(&source, checklist, file.judgements, &mut problems);
        if !problems.is_empty() {
            return Err(Invalid::new(&source, problems));
        }
        let name = |s: Option<String>| s.map(|s| text::clean_name(&s)).filter(|s| !s.is_empty());
        Ok(Assessment {
            checklist: file.checklist.into_inner(),
            force: text::clean_name(file.force.get_ref()),
            period: text::clean_name(file.period.get_ref()),
            assessor: name(file.assessor),
            stage,
            carried_from: name(file.carried_from),
            answers,
            orphans,
            signature,
            recorded,
            judgements,
        })
    }
}

/// Refuses every "na" given to an item whose checklist does not allow it, or does not allow
/// it with the answers as they are, naming the item and where the answer is.
fn refuse_na(
    source: &Source,
    checklist: &Checklist,
    answers: &BTreeMap<String, Answer>,
    na_answers: &[(String, std::ops::Range<usize>)],
    problems: &mut Vec<Problem>,
) {
    // `na_if` conditions test no ages (the loader refuses them), so the date is not read.
    let given = crate::condition::Answers::new(
        |id: &str| answers.get(id).and_then(|a| a.value.as_ref()),
        Date::MIN,
    );
    for (id, span) in na_answers {
        let Some(item) = checklist.item(id) else {
            continue;
        };
        if item.allows_na(&given) {
            continue;
        }
        let when = match &item.na {
            crate::checklist::Na::When(_) => {
                "the checklist allows \"na\" here only in circumstances the other answers do not show"
            }
            _ => "the checklist applies this control to every force",
        };
        problems.push(
            Problem::new(
                source,
                Some(span.clone()),
                format!(
                    "\"{id}\" ({}) is answered \"na\", but {when}",
                    text::sanitize_line(item.short_label())
                ),
            )
            .label("answer \"yes\", \"partial\" or \"no\""),
        );
    }
}

/// One answer to a known item, cleaned, or the problem with its value or due date.
fn answer(
    source: &Source,
    id: &str,
    id_span: std::ops::Range<usize>,
    item: &Item,
    raw: AnswerIn,
) -> Result<Answer, Box<Problem>> {
    let kind = &item.kind;
    let value = match &raw.value {
        None => None,
        Some(v) => Some(typed(kind, v.get_ref()).map_err(|allowed| {
            Box::new(Problem::new(
                source,
                Some(v.span()),
                format!(
                    "the answer to \"{id}\" is {}, which does not fit: \"{id}\" takes {allowed}",
                    show(v.get_ref())
                ),
            )
            .label(format!("a {} item", kind.name())))
        })?),
    };
    let due = match &raw.due {
        None => None,
        Some(d) => Some(date(d.get_ref()).ok_or_else(|| {
            Box::new(Problem::new(
                source,
                Some(d.span()),
                format!(
                    "the due date of \"{id}\" is {}, which is not a date such as 2013-03-31",
                    show(d.get_ref())
                ),
            ))
        })?),
    };
    let assurance = assurance(id, id_span, &raw)
        .map_err(|(span, message)| Box::new(Problem::new(source, Some(span), message)))?;
    let incoming = raw
        .incoming
        .as_ref()
        .map(|i| incoming::bind(id, item, i))
        .transpose()
        .map_err(|(span, message)| Box::new(Problem::new(source, Some(span), message)))?;
    let doc = cleaned(raw);
    Ok(Answer {
        value,
        note: doc.note,
        evidence: doc.evidence,
        owner: doc.owner,
        due,
        review: doc.review,
        carried: doc.carried,
        assurance,
        incoming,
    })
}

/// The free-text parts of an answer as read, cleaned: the note keeps its lines, evidence and
/// owner become single lines, and the owner, a name, loses invisible characters too. Text that
/// is already clean is kept as it is, not copied.
fn cleaned(raw: AnswerIn) -> AnswerDoc {
    let text_value = |v: Spanned<toml::Value>| match v.into_inner() {
        toml::Value::String(s) => toml::Value::String(text::sanitize_owned(s)),
        other => other,
    };
    AnswerDoc {
        value: raw.value.map(text_value),
        note: note_in(raw.note.as_deref()),
        evidence: evidence_in(&raw.evidence),
        owner: name_in(raw.owner.as_deref()),
        due: raw.due.map(text_value),
        review: raw.review,
        carried: raw.carried,
        assurance: raw.assurance.map(Spanned::into_inner),
        verified_by: raw
            .verified_by
            .as_ref()
            .map(|b| text::clean_name(b.get_ref())),
        verified_on: raw.verified_on.map(text_value),
        incoming: raw.incoming.as_ref().map(|i| IncomingDoc::raw(i.get_ref())),
    }
}

/// A note as read: control characters removed; blank is absent.
pub(super) fn note_in(note: Option<&str>) -> Option<String> {
    note.map(|n| text::sanitize(n).into_owned())
        .filter(|n| !n.trim().is_empty())
}

/// Evidence references as read, one line each; blank ones are dropped.
pub(super) fn evidence_in(evidence: &[String]) -> Vec<String> {
    evidence
        .iter()
        .map(|e| text::sanitize_line(e))
        .filter(|e| !e.is_empty())
        .collect()
}

/// A name (an owner) as read: one line, nothing invisible; blank is absent.
pub(super) fn name_in(name: Option<&str>) -> Option<String> {
    name.map(text::clean_name).filter(|n| !n.is_empty())
}

/// Reads and checks an assessment from text against a known checklist.
pub fn load_str(name: &str, text: &str, checklist: &Checklist) -> Result<Assessment, Invalid> {
    parse(name, text)?.bind(checklist)
}

/// The SHA-256, in hex, of an assessment file's bytes as they are on disk now: what a session
/// compares before saving to learn whether something else wrote the file meanwhile.
pub fn fingerprint(path: &Path) -> Result<String, crate::storage::Error> {
    read_fingerprinted(path).map(|(_, hash)| hash)
}

/// An assessment file's text as it is on disk now, with its [`fingerprint`] from the same read.
pub fn read_fingerprinted(path: &Path) -> Result<(String, String), crate::storage::Error> {
    let text = crate::storage::read_capped(path, MAX_FILE_BYTES)?;
    let hash = crate::storage::sha256_hex(text.as_bytes());
    Ok((text, hash))
}

/// Reads an assessment file and the checklist it names, found through the catalog (a path is
/// taken relative to the assessment's folder).
pub fn load(
    path: &Path,
    catalog: &crate::checklist::Catalog,
) -> Result<(Assessment, Checklist), LoadError> {
    let name = path.display().to_string();
    let text = crate::storage::read_capped(path, MAX_FILE_BYTES).map_err(|e| {
        LoadError::Invalid(Invalid::one(Problem::new(
            &Source::new(&name, ""),
            None,
            e.to_string(),
        )))
    })?;
    let parsed = parse(&name, &text).map_err(LoadError::Invalid)?;
    let checklist = parsed.resolve(catalog, path)?;
    let assessment = parsed.bind(&checklist).map_err(LoadError::Invalid)?;
    Ok((assessment, checklist))
}

impl LoadError {
    /// The error as a user should read it: every problem with its file, line, column and
    /// snippet, including those of a broken checklist the assessment names.
    pub fn render(&self) -> String {
        match self {
            LoadError::Invalid(inner) => inner.render(),
            LoadError::Checklist(name, e @ crate::checklist::ResolveError::Invalid(_)) => {
                format!(
                    "error: {}: its checklist cannot be used\n{}",
                    text::escape_for_terminal(name),
                    e.render()
                )
            }
            other => format!(
                "error: {}\n",
                crate::text::escape_for_terminal(&other.to_string())
            ),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error(transparent)]
    Invalid(Invalid),
    #[error("{0}: {1}")]
    Checklist(String, crate::checklist::ResolveError),
}

/// The sign-off table, which only a final assessment may carry.
fn signature(
    raw: &Spanned<SignatureIn>,
    stage: Stage,
) -> Result<Signature, (std::ops::Range<usize>, String)> {
    let table = raw.get_ref();
    if stage != Stage::Final {
        return Err((
            raw.span(),
            "the assessment is signed but its stage is not \"final\": a signed assessment is final until it is reopened with `probity reopen`".into(),
        ));
    }
    let at = match table.at.get_ref() {
        toml::Value::Datetime(dt) => dt.to_string().parse::<jiff::Timestamp>().ok(),
        toml::Value::String(s) => s.parse::<jiff::Timestamp>().ok(),
        _ => None,
    }
    .ok_or_else(|| {
        (
            table.at.span(),
            "the signature's time must be a date and time with its offset, such as 2013-04-02T10:15:00Z".into(),
        )
    })?;
    if !is_hash(table.seal.get_ref()) {
        return Err((
            table.seal.span(),
            "the seal must be a SHA-256 hash: 64 hex digits".into(),
        ));
    }
    Ok(Signature {
        by: text::sanitize_line(&table.by),
        role: text::sanitize_line(&table.role),
        at,
        seal: table.seal.get_ref().to_ascii_lowercase(),
    })
}

/// True for 64 hex digits, the form of every hash probity writes.
pub fn is_hash(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| b.is_ascii_hexdigit())
}

/// An answer's assurance from its three fields: `verified` needs `verified_by` and
/// `verified_on`, and those two belong only to a verified answer.
fn assurance(
    id: &str,
    id_span: std::ops::Range<usize>,
    raw: &AnswerIn,
) -> Result<Assurance, (std::ops::Range<usize>, String)> {
    let level = raw.assurance.as_ref().map(|l| *l.get_ref());
    let by = raw
        .verified_by
        .as_ref()
        .map(|b| text::sanitize_line(b.get_ref()))
        .filter(|b| !b.is_empty());
    let on = match &raw.verified_on {
        None => None,
        Some(d) => Some(date(d.get_ref()).ok_or_else(|| {
            (
                d.span(),
                format!(
                    "the verification date of \"{id}\" is {}, which is not a date such as 2013-01-10",
                    show(d.get_ref())
                ),
            )
        })?),
    };
    match (level, by, on) {
        (Some(Level::Verified), Some(by), Some(on)) => Ok(Assurance::Verified { by, on }),
        (Some(Level::Verified), by, _) => Err((
            raw.assurance.as_ref().map_or(id_span, Spanned::span),
            format!(
                "\"{id}\" is verified but does not say {}: add `{}`",
                if by.is_none() { "by whom" } else { "when" },
                if by.is_none() {
                    "verified_by = \"NAME\""
                } else {
                    "verified_on = 2013-01-10"
                }
            ),
        )),
        (level, by, on) if by.is_some() || on.is_some() => Err((
            raw.verified_by
                .as_ref()
                .map(Spanned::span)
                .or(raw.verified_on.as_ref().map(Spanned::span))
                .unwrap_or(id_span),
            format!(
                "\"{id}\" names who verified it, or when, but its assurance is {}: set `assurance = \"verified\"` or remove them",
                level.unwrap_or(Level::Asserted).name()
            ),
        )),
        (Some(Level::Evidenced), ..) => Ok(Assurance::Evidenced),
        _ => Ok(Assurance::Asserted),
    }
}

pub(super) fn typed(kind: &Kind, raw: &toml::Value) -> Result<Value, String> {
    let value = match (kind, raw) {
        (Kind::Status, toml::Value::String(s)) => Status::parse(s).map(Value::Status),
        (k, toml::Value::Integer(i)) if k.is_numeric() => Some(Value::Number(*i as f64)),
        (k, toml::Value::Float(f)) if k.is_numeric() => Some(Value::Number(*f)),
        (Kind::Date, v) => date(v).map(Value::Date),
        (Kind::Choice(_), toml::Value::String(s)) => Some(Value::Choice(s.clone())),
        (Kind::Text, toml::Value::String(s)) => Some(Value::Text(text::sanitize(s).into_owned())),
        _ => None,
    };
    let value = value.ok_or_else(|| kind.allowed())?;
    check_value(kind, &value).map_err(|e| e.allowed)?;
    Ok(value)
}

/// A TOML date, or a string holding one, with a year from 1 to 9999.
pub(super) fn date(raw: &toml::Value) -> Option<Date> {
    match raw {
        toml::Value::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => {
            let d = dt.date?;
            Date::new(i16::try_from(d.year).ok()?, d.month as i8, d.day as i8)
                .ok()
                .filter(|d| crate::answer::date_fits(*d))
        }
        toml::Value::String(s) => s.parse().ok().filter(|d| crate::answer::date_fits(*d)),
        _ => None,
    }
}

pub(super) fn show(raw: &toml::Value) -> String {
    let shown = raw.to_string();
    let shown = if shown.chars().count() > 60 {
        format!("{}…", shown.chars().take(60).collect::<String>())
    } else {
        shown
    };
    text::escape_for_terminal(&shown).into_owned()
}

/// The assessment file as written.
// Also the source of the published JSON Schema, which must say what `FileIn` accepts: fields
// written only when set are optional (`default`), and unknown fields are refused.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AssessmentDoc {
    /// File format version; this build reads and writes 1.
    #[schemars(range(min = 1, max = FORMAT))]
    pub format: i64,
    /// Id of the checklist (or a path to it, relative to this file).
    pub checklist: String,
    pub force: String,
    /// The period assessed, e.g. "2012" or "2012-13".
    pub period: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assessor: Option<String>,
    /// "draft" (the default) or "final".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stage: Option<Stage>,
    /// The period the answers were carried forward from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub carried_from: Option<String>,
    /// The SHA-256 of the last entry in the history file (`NAME.history.jsonl`) that this file
    /// reflects. Written by probity on every save; other tools may leave it out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recorded: Option<String>,
    /// The sign-off; present only when `stage` is "final".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signature: Option<SignatureDoc>,
    /// Answers by item id. Unanswered items are absent.
    #[schemars(with = "BTreeMap<String, AnswerDoc>")]
    #[serde(serialize_with = "ordered", default)]
    pub answers: Vec<(String, AnswerDoc)>,
    /// The assessor's judgement of each area, by area id: an override of the derived grade with
    /// its rationale, and any notable practice. Only for checklists that define grading.
    #[serde(skip_serializing_if = "BTreeMap::is_empty", default)]
    pub judgements: BTreeMap<String, JudgementDoc>,
}

/// The sign-off as written.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct SignatureDoc {
    /// Who signed the assessment off.
    pub by: String,
    /// Their role, e.g. "Deputy Chief Constable".
    pub role: String,
    /// When, as a TOML date and time with offset.
    #[schemars(with = "String")]
    pub at: toml::value::Datetime,
    /// SHA-256 (hex) of the canonical content, the last history hash and the signer, role and time; see docs/src/sign-off.md.
    pub seal: String,
}

impl SignatureDoc {
    fn new(s: &Signature) -> SignatureDoc {
        SignatureDoc {
            by: s.by.clone(),
            role: s.role.clone(),
            at: toml_time(s.at),
            seal: s.seal.clone(),
        }
    }
}

/// One answer as written.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswerDoc {
    /// status: "yes" | "partial" | "no" | "na"; count, number, money, percent: a number;
    /// date: a TOML date; choice: one of the item's option ids; text: a string.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<ValueSchema>")]
    pub value: Option<toml::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub evidence: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Date>")]
    pub due: Option<toml::Value>,
    /// Flagged for a second look.
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub review: bool,
    /// Carried from the previous period and not yet confirmed.
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub carried: bool,
    /// "asserted" (the default when absent), "evidenced" (backed by a document or record that
    /// has been seen) or "verified" (tested by someone independent).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assurance: Option<Level>,
    /// Who verified the answer; required with, and only with, `assurance = "verified"`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verified_by: Option<String>,
    /// When the answer was verified; required with, and only with, `assurance = "verified"`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Date>")]
    pub verified_on: Option<toml::Value>,
    /// An answer received in a return that differs from this one, waiting for someone to take
    /// it or keep this one (a conflict).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub incoming: Option<IncomingDoc>,
}

impl AnswerDoc {
    /// An answer as it is written to the file.
    pub fn from_answer(a: &Answer) -> AnswerDoc {
        AnswerDoc {
            value: a.value.as_ref().map(toml_value),
            note: a.note.clone(),
            evidence: a.evidence.clone(),
            owner: a.owner.clone(),
            due: a.due.map(toml_date),
            review: a.review,
            carried: a.carried,
            assurance: (a.assurance != Assurance::Asserted).then(|| a.assurance.level()),
            verified_by: match &a.assurance {
                Assurance::Verified { by, .. } => Some(by.clone()),
                _ => None,
            },
            verified_on: match &a.assurance {
                Assurance::Verified { on, .. } => Some(toml_date(*on)),
                _ => None,
            },
            incoming: a.incoming.as_ref().map(IncomingDoc::new),
        }
    }
}

#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
pub(super) enum ValueSchema {
    Text(String),
    Number(f64),
}

fn ordered<S: Serializer>(answers: &[(String, AnswerDoc)], s: S) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(Some(answers.len()))?;
    for (id, a) in answers {
        map.serialize_entry(id, a)?;
    }
    map.end()
}

pub(super) fn toml_value(value: &Value) -> toml::Value {
    match value {
        Value::Status(s) => toml::Value::String(s.name().into()),
        Value::Number(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => toml::Value::Integer(*n as i64),
        Value::Number(n) => toml::Value::Float(*n),
        Value::Date(d) => toml_date(*d),
        Value::Choice(c) | Value::Text(c) => toml::Value::String(c.clone()),
    }
}

/// A date as TOML. A year outside 1–9999 is never read or accepted, but should one be made in
/// code it becomes year 0, which TOML can write and [`to_toml`] then refuses.
pub(super) fn toml_date(d: Date) -> toml::Value {
    toml::Value::Datetime(toml::value::Datetime {
        date: Some(civil_date(d)),
        time: None,
        offset: None,
    })
}

fn civil_date(d: Date) -> toml::value::Date {
    toml::value::Date {
        year: u16::try_from(d.year()).unwrap_or(0),
        month: d.month() as u8,
        day: d.day() as u8,
    }
}

/// A moment as a TOML datetime in UTC, to the second.
fn toml_time(at: jiff::Timestamp) -> toml::value::Datetime {
    let utc = at.to_zoned(jiff::tz::TimeZone::UTC);
    toml::value::Datetime {
        date: Some(civil_date(utc.date())),
        time: Some(toml::value::Time {
            hour: utc.hour() as u8,
            minute: utc.minute() as u8,
            second: Some(utc.second() as u8),
            nanosecond: None,
        }),
        offset: Some(toml::value::Offset::Z),
    }
}

impl AssessmentDoc {
    /// The file form of an assessment: answers in checklist order, then orphans as read.
    pub fn new(assessment: &Assessment, checklist: &Checklist) -> Self {
        let answers: Vec<(String, AnswerDoc)> = checklist
            .items()
            .filter_map(|item| {
                assessment
                    .answers
                    .get(&item.id)
                    .map(|a| (item.id.clone(), a))
            })
            .chain(
                assessment
                    .answers
                    .iter()
                    .filter(|(id, _)| checklist.item(id).is_none())
                    .map(|(id, a)| (id.clone(), a)),
            )
            .filter(|(_, a)| !a.is_empty())
            .map(|(id, a)| (id, AnswerDoc::from_answer(a)))
            .collect();
        AssessmentDoc::with_answers(assessment, answers)
    }

    /// The canonical form that a seal covers: every answer in item-id order (so it does not
    /// depend on the checklist's order), without the signature or the history pointer.
    pub fn canonical(assessment: &Assessment) -> Self {
        let answers = assessment
            .answers
            .iter()
            .filter(|(_, a)| !a.is_empty())
            .map(|(id, a)| (id.clone(), AnswerDoc::from_answer(a)))
            .collect();
        let mut doc = AssessmentDoc::with_answers(assessment, answers);
        doc.answers.sort_by(|a, b| a.0.cmp(&b.0));
        doc.signature = None;
        doc.recorded = None;
        doc
    }

    /// The document with `answers` followed by the orphans as read.
    fn with_answers(assessment: &Assessment, mut answers: Vec<(String, AnswerDoc)>) -> Self {
        answers.extend(
            assessment
                .orphans
                .iter()
                .map(|o| (o.id.clone(), o.answer.clone())),
        );
        AssessmentDoc {
            format: FORMAT,
            checklist: assessment.checklist.clone(),
            force: assessment.force.clone(),
            period: assessment.period.clone(),
            assessor: assessment.assessor.clone(),
            stage: (assessment.stage != Stage::Draft).then_some(assessment.stage),
            carried_from: assessment.carried_from.clone(),
            recorded: assessment.recorded.clone(),
            signature: assessment.signature.as_ref().map(SignatureDoc::new),
            answers,
            judgements: assessment
                .judgements
                .iter()
                .filter(|(_, j)| !j.is_empty())
                .map(|(area, j)| (area.clone(), JudgementDoc::from_judgement(j)))
                .collect(),
        }
    }

    /// The document as TOML text, or why it cannot be written.
    pub fn to_toml(&self) -> Result<String, Unwritable> {
        toml::to_string(self).map_err(|e| Unwritable::Toml(e.to_string()))
    }
}

/// Saves an assessment atomically (see [`crate::storage::write_atomic`]). The caller holds the
/// assessment's [`crate::storage::Lock`]. An assessment that cannot be written as a file this
/// build reads back is refused, and the file on disk is left as it was.
pub fn save(
    path: &Path,
    assessment: &Assessment,
    checklist: &Checklist,
) -> Result<(), crate::storage::Error> {
    let text = writable(path, assessment, checklist)?;
    crate::storage::write_atomic(path, text.as_bytes())
}

/// The file as it would be saved, or why it cannot be: it cannot be written as TOML, or it
/// would be larger than probity reads back (8 MB).
fn writable(
    path: &Path,
    assessment: &Assessment,
    checklist: &Checklist,
) -> Result<String, crate::storage::Error> {
    let text = to_toml(assessment, checklist).map_err(|e| crate::storage::Error::Unwritable {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })?;
    if text.len() > MAX_FILE_BYTES {
        return Err(crate::storage::Error::WouldBeTooLarge {
            path: path.to_path_buf(),
            limit: MAX_FILE_BYTES,
        });
    }
    Ok(text)
}

/// Whether the assessment, with a `recorded` line still to be set, could be saved and read
/// back; checked before its history is written, so a save refused leaves both as they were.
pub fn check_writable(
    path: &Path,
    assessment: &Assessment,
    checklist: &Checklist,
) -> Result<(), crate::storage::Error> {
    let mut pointed = assessment.clone();
    pointed.recorded = Some("0".repeat(64));
    writable(path, &pointed, checklist).map(|_| ())
}

/// Why an assessment cannot be written as a file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unwritable {
    #[error("the {what} of \"{item}\" is {date}, and a file holds only years 1 to 9999")]
    Date {
        item: String,
        what: &'static str,
        date: String,
    },
    #[error("it cannot be written as TOML: {0}")]
    Toml(String),
}

/// The assessment as TOML text, ready to save.
pub fn to_toml(assessment: &Assessment, checklist: &Checklist) -> Result<String, Unwritable> {
    for (id, a) in &assessment.answers {
        let value = match &a.value {
            Some(Value::Date(d)) => Some(("answer", *d)),
            _ => None,
        };
        let due = a.due.map(|d| ("due date", d));
        if let Some((what, date)) = value
            .into_iter()
            .chain(due)
            .find(|(_, d)| !crate::answer::date_fits(*d))
        {
            return Err(Unwritable::Date {
                item: id.clone(),
                what,
                date: date.to_string(),
            });
        }
    }
    AssessmentDoc::new(assessment, checklist).to_toml()
}
