//! Building the report from a checklist and an assessment: scores with their ratings, findings
//! with their reasons in words, answers with redaction applied, and the prose.

use jiff::civil::Date;

use super::{
    ActionStatus, AnswerRow, AreaDetail, AreaScoreRow, AssuranceMix, ConflictRow, FindingRow,
    MetricRow, REDACTED, RecommendationRow, Report, ScoreSummary, SignOff,
};
use crate::answer::{Kind, Value};
use crate::assessment::{Assessment, Assurance, Finality, Incoming, Level};
use crate::checklist::Checklist;
use crate::condition::Step;
use crate::document::Page;
use crate::document::figures::round1;
use crate::redaction;
use crate::scoring::{self, Evaluation, Finding, METHOD, Warning};
use serde::Serialize;

use super::verdict::Previous;
use crate::text;

/// How a report judges the force: on HMICFRS's five-tier scale, or in the narrative verdicts of
/// HMIC's 2012 revisit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Style {
    Graded,
    Revisit,
}

impl Style {
    /// A checklist's own style: graded when it defines grading, otherwise the revisit's verdicts.
    pub fn of(checklist: &Checklist) -> Style {
        if checklist.grading.is_some() {
            Style::Graded
        } else {
            Style::Revisit
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Style::Graded => "graded",
            Style::Revisit => "revisit",
        }
    }
}

/// Choices that shape a report for its audience.
#[derive(Debug, Clone)]
pub struct Options {
    /// The protective marking printed on every page, e.g. `OFFICIAL-SENSITIVE`.
    pub marking: String,
    /// Removes personal names and free-text notes for sharing outside the force.
    pub redact: bool,
    /// The date the report is produced.
    pub today: Date,
    /// The date the report is as at, when given; otherwise the assessment's completion date,
    /// else the end of a period that has ended, else the date it is produced
    /// ([`crate::document::recorded_as_at`]).
    pub as_at: Option<Date>,
    /// Graded judgements or revisit verdicts; by default the checklist's own style.
    pub style: Option<Style>,
    /// The same force's earlier period, which revisit verdicts measure progress against.
    pub previous: Option<Previous>,
    /// True only when the file's seal was checked against its history and verifies
    /// ([`crate::workspace::verify::check`]). A final file is shown as FINAL only then;
    /// otherwise it is "marked final but not sealed".
    pub seal_verified: bool,
}

impl Options {
    /// A report marked `marking` and produced `today`, with names left in.
    pub fn new(marking: &str, today: Date) -> Self {
        Options {
            marking: text::sanitize_line(marking),
            redact: false,
            today,
            as_at: None,
            style: None,
            previous: None,
            seal_verified: false,
        }
    }
}

impl Report {
    /// The report on an assessment, scored as at the report's as-at date.
    pub fn new(checklist: &Checklist, assessment: &Assessment, options: &Options) -> Report {
        let page = Page::new(&options.marking, options.today).as_at(
            options.as_at,
            crate::document::recorded_as_at(checklist, assessment, options.today),
        );
        let evaluation = scoring::evaluate(checklist, assessment, page.as_at);
        let redactor = Redactor {
            redact: options.redact,
        };
        let style = options.style.unwrap_or(Style::of(checklist));
        let (judgements, headlines) = match style {
            Style::Graded => super::judged::rows(checklist, &evaluation, options.redact),
            Style::Revisit => Default::default(),
        };
        let verdicts = (style == Style::Revisit).then(|| {
            super::verdict::verdicts(
                checklist,
                assessment,
                &evaluation,
                options.previous.as_ref(),
                page.as_at,
            )
        });
        let method = match (style, &checklist.grading) {
            (Style::Graded, Some(g)) => super::judged::method(g),
            (Style::Graded, None) => "This checklist defines no graded judgements.".into(),
            (Style::Revisit, _) => super::verdict::METHOD.into(),
        };
        let areas = areas(checklist, assessment, &evaluation, &redactor);
        let mut report = Report {
            force: clean(&assessment.force),
            period: clean(&assessment.period),
            checklist: checklist.id.clone(),
            checklist_title: checklist.title.clone(),
            checklist_version: checklist.version.clone(),
            checklist_described: checklist.described_as.clone(),
            provenance: checklist.provenance.clone(),
            assessor: redactor.name(&assessment.assessor_named(checklist)),
            stage: assessment.stage,
            finality: Finality::of(assessment, options.seal_verified),
            signature: assessment
                .signature
                .as_ref()
                .map(|s| SignOff::of(s, redactor.name(&Some(s.by.clone())))),
            carried_from: assessment.carried_from.as_deref().map(clean),
            redacted: options.redact,
            method: format!("{METHOD} {}\n\n{method}", scoring::Rating::bands()),
            judged_method: method,
            style,
            judgements,
            headlines,
            verdicts,
            score: score_summary(checklist, assessment, &evaluation),
            findings: evaluation
                .findings
                .iter()
                .map(|f| finding_row(checklist, assessment, f, &redactor, page.as_at))
                .collect(),
            metrics: metrics(checklist, &evaluation),
            rows: super::RowIndex::of(&areas),
            areas,
            warnings: evaluation
                .warnings
                .iter()
                .map(|w| Warning {
                    message: clean(&w.message),
                    ..w.clone()
                })
                .collect(),
            unconfirmed: assessment.unconfirmed().map(str::to_string).collect(),
            orphans: assessment.orphans.iter().map(|o| o.id.clone()).collect(),
            recommendations: recommendations(checklist, &evaluation),
            page,
            prose: Default::default(),
        };
        report.prose = super::narrative::compose(checklist, &report);
        report
    }
}

fn clean(s: &str) -> String {
    text::sanitize(s).into_owned()
}

/// Applies redaction: personal names, notes and free text give way to a marker; role titles stay.
struct Redactor {
    redact: bool,
}

impl Redactor {
    /// A name field, with personal names withheld and role titles kept when redacting.
    fn name(&self, s: &Option<String>) -> Option<String> {
        let s = s.as_deref().map(clean);
        if self.redact {
            s.map(|s| redaction::person(&s))
        } else {
            s
        }
    }

    /// Free text from the record, withheld when redacting.
    fn text(&self, s: &str) -> String {
        if self.redact {
            REDACTED.into()
        } else {
            clean(s)
        }
    }

    /// A return's different answer, with who gave it withheld when redacting.
    fn conflict(&self, kind: &Kind, incoming: &Incoming) -> ConflictRow {
        ConflictRow {
            answer: incoming.value.as_ref().map(|v| self.value(kind, v)),
            changes: incoming.words(kind).into_iter().map(|(f, _)| f).collect(),
            from: self.name(&Some(incoming.from.clone())).unwrap_or_default(),
            received: incoming.received,
        }
    }

    /// An answer in words; a text answer is withheld when redacting.
    fn value(&self, kind: &Kind, value: &Value) -> String {
        match value {
            Value::Text(_) if self.redact => REDACTED.into(),
            v => clean(&kind.display(v)),
        }
    }
}

fn score_summary(checklist: &Checklist, assessment: &Assessment, e: &Evaluation) -> ScoreSummary {
    ScoreSummary {
        overall: e.overall.map(round1),
        completeness: round1(e.completeness.percent()),
        answered: e.completeness.answered,
        applicable: e.completeness.applicable,
        basis: e.basis,
        provisional: e.basis.provisional(),
        rating: e.rating(),
        areas: e
            .areas
            .iter()
            .zip(&checklist.areas)
            .map(|(s, a)| AreaScoreRow {
                id: s.id.clone(),
                title: a.title.clone(),
                score: s.score.map(round1),
                answered: s.answered,
                applicable: s.applicable,
                basis: s.basis,
                provisional: s.basis.provisional(),
                rating: s.rating(),
                assurance: AssuranceMix::of(a, assessment, e),
            })
            .collect(),
    }
}

fn finding_row(
    checklist: &Checklist,
    assessment: &Assessment,
    f: &Finding,
    redactor: &Redactor,
    as_at: Date,
) -> FindingRow {
    let status = match f.due {
        Some(due) if due < as_at => ActionStatus::Overdue,
        _ => ActionStatus::Open,
    };
    // A rule may test a text item; neither its trace nor its reasons may leak the text.
    let trace: Vec<Step> = f
        .trace
        .iter()
        .map(|step| Step {
            value: step
                .value
                .as_ref()
                .map(|v| match checklist.item(&step.item) {
                    Some(i) if redactor.redact && i.kind == Kind::Text => REDACTED.into(),
                    _ => clean(v),
                }),
            ..step.clone()
        })
        .collect();
    FindingRow {
        area_title: checklist
            .area(&f.area)
            .map_or(f.area.clone(), |a| a.title.clone()),
        because: because(checklist, &trace),
        caveats: caveats(checklist, assessment, f),
        finding: Finding {
            owner: redactor.name(&f.owner),
            trace,
            ..f.clone()
        },
        status,
    }
}

/// What a reader should know about the answers a finding rests on.
fn caveats(checklist: &Checklist, assessment: &Assessment, f: &Finding) -> Vec<String> {
    let answers: Vec<_> = f
        .items
        .iter()
        .filter_map(|i| assessment.answer(i))
        .collect();
    let mut out = Vec::new();
    if answers.iter().any(|a| a.review && a.value.is_some()) {
        out.push("It rests on an answer recorded provisionally, to be confirmed.".to_string());
    }
    if answers.iter().any(|a| a.carried && a.value.is_some()) {
        out.push(format!(
            "It rests on an answer carried from {} and not yet confirmed for this period.",
            assessment
                .carried_from
                .as_deref()
                .map_or("the previous period".into(), clean)
        ));
    }
    // A rule that shows an answer to be wrong says so: the record holds both, and the
    // report gives neither as settled.
    if let Some(c) = checklist.rule(&f.id).and_then(|r| r.contradicts.as_ref())
        && let Some(item) = checklist.item(&c.item)
        && let Some(stored) = assessment.value(&c.item).and_then(|v| v.choice_key())
        && c.answers.iter().any(|a| a == stored)
    {
        out.push(format!(
            "It contradicts the answer given for \u{201c}{}\u{201d} ({}), so one of the two needs correcting.",
            item.short_label(),
            item.kind.display_stored(stored)
        ));
    }
    out
}

/// A finding's trace in words: each answer that made it fire, by the item's short label and the
/// answer as a reader sees it.
fn because(checklist: &Checklist, trace: &[Step]) -> Vec<String> {
    let holding: Vec<&Step> = trace.iter().filter(|s| s.holds).collect();
    let shown = if holding.is_empty() {
        trace.iter().collect()
    } else {
        holding
    };
    let mut out: Vec<String> = Vec::new();
    for step in shown {
        let Some(item) = checklist.item(&step.item) else {
            continue;
        };
        let answer = match &step.value {
            None => "not answered".to_string(),
            Some(raw) => item.kind.display_stored(raw),
        };
        let part = format!("{}: {answer}", item.short_label());
        if !out.contains(&part) {
            out.push(part);
        }
    }
    out
}

fn metrics(checklist: &Checklist, e: &Evaluation) -> Vec<MetricRow> {
    e.metrics
        .iter()
        .map(|m| {
            let item = checklist.item(&m.id);
            MetricRow {
                id: m.id.clone(),
                label: item.map(|i| i.prompt.clone()).unwrap_or_default(),
                kind: item.map_or("number", |i| i.kind.name()),
                value: m.value,
                shown: item.map_or(crate::answer::format_number(m.value), |i| {
                    i.kind.display(&Value::Number(m.value))
                }),
            }
        })
        .collect()
}

fn areas(
    checklist: &Checklist,
    assessment: &Assessment,
    evaluation: &Evaluation,
    redactor: &Redactor,
) -> Vec<AreaDetail> {
    checklist
        .areas
        .iter()
        .map(|area| AreaDetail {
            id: area.id.clone(),
            title: area.title.clone(),
            question: area.question.clone(),
            items: area
                .items
                .iter()
                .map(|item| {
                    let answer = assessment.answer(&item.id);
                    let value = answer.and_then(|a| a.value.as_ref());
                    AnswerRow {
                        id: item.id.clone(),
                        prompt: item.prompt.clone(),
                        short: item.short_label().to_string(),
                        guidance: item.guidance.clone(),
                        kind: item.kind.name(),
                        asked: evaluation.is_asked(&item.id),
                        answer: value.map(|v| redactor.value(&item.kind, v)),
                        value: value.map(|v| match v {
                            Value::Text(_) if redactor.redact => REDACTED.into(),
                            v => clean(&v.to_string()),
                        }),
                        note: answer.and_then(|a| a.note.as_deref().map(|n| redactor.text(n))),
                        // An evidence reference may name a person, so it goes with the names.
                        evidence: answer
                            .map(|a| a.evidence.iter().map(|e| redactor.text(e)).collect())
                            .unwrap_or_default(),
                        owner: answer.and_then(|a| redactor.name(&a.owner)),
                        due: answer.and_then(|a| a.due),
                        review: answer.is_some_and(|a| a.review),
                        carried: answer.is_some_and(|a| a.is_unconfirmed()),
                        conflict: answer
                            .and_then(|a| a.incoming.as_ref())
                            .map(|i| redactor.conflict(&item.kind, i)),
                        assurance: answer.map_or(Level::Asserted, |a| a.assurance.level()),
                        verified_by: match answer.map(|a| &a.assurance) {
                            Some(Assurance::Verified { by, .. }) => {
                                redactor.name(&Some(by.clone()))
                            }
                            _ => None,
                        },
                        verified_on: match answer.map(|a| &a.assurance) {
                            Some(Assurance::Verified { on, .. }) => Some(*on),
                            _ => None,
                        },
                    }
                })
                .collect(),
        })
        .collect()
}

fn recommendations(checklist: &Checklist, e: &Evaluation) -> Vec<RecommendationRow> {
    checklist
        .recommendations
        .iter()
        .filter(|rec| {
            e.findings
                .iter()
                .any(|f| f.recommendations.contains(&rec.id))
        })
        .map(|rec| RecommendationRow {
            id: rec.id.clone(),
            title: rec.title.clone(),
            text: rec.text.clone(),
        })
        .collect()
}
