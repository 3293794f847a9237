//! The gap report as a reader meets it, section by section, worded once for every document
//! format (web page, Markdown, Word): the executive summary first, then the findings as gaps
//! with their actions, the answers, the figures, the record's own gaps, the method, and an
//! annex of the questions not yet answered. Renderers only lay these out and escape them.

use super::{ActionStatus, AnswerRow, FindingRow, Report, Style, Verdict, VerdictRow, Verdicts};
use crate::checklist::Grade;
use crate::document::figures::paragraphs;
use crate::document::long_date;
use crate::scoring::{FindingKind, Rating};

/// What the section on conflicts says before listing them.
pub const CONFLICTS: &str = "A colleague's return gave these answers, which differ from those recorded. The report rests on the answers recorded; the assessment cannot be signed off until each is taken or set aside.";

pub struct View<'r> {
    pub r: &'r Report,
    /// "Integrity self-assessment: Dorset Police, 2012".
    pub title: String,
    /// "DRAFT", "FINAL" or "MARKED FINAL, NOT SEALED" ([`crate::assessment::Finality`]).
    pub stage: &'static str,
    /// "draft", "final" or "unsealed", for colour.
    pub stage_class: &'static str,
    pub facts: Vec<(&'static str, String)>,
    /// The overall position in a sentence, with the score and its rating or why it has none.
    pub position: String,
    pub completeness: String,
    pub areas: Vec<AreaLine>,
    pub high: Vec<usize>,
    pub overdue: Vec<usize>,
    pub findings: Vec<FindingView<'r>>,
    pub answers: Vec<AreaAnswers<'r>>,
    /// (area, question, carried answer)
    pub carried: Vec<(&'r str, &'r str, &'r str)>,
    /// (area, question, answer recorded, what a return gives instead)
    pub conflicts: Vec<(&'r str, &'r str, &'r str, String)>,
    /// The record's own gaps, with every question met on assertion alone named in one line.
    pub warnings: Vec<String>,
    pub method: Vec<&'r str>,
    pub provenance: Vec<&'r str>,
    /// Questions not yet answered, by area: (area, [(reference, short label)]).
    pub annex: Vec<(&'r str, Vec<&'r str>)>,
    /// Graded judgements or progress verdicts, by the report's style.
    pub judged: Judged<'r>,
}

/// The report's judgement of the force: graded, or the revisit's progress verdicts.
pub struct Judged<'r> {
    /// "Graded judgements" or "Progress verdicts".
    pub heading: &'static str,
    /// What the judgements are and what they rest on.
    pub intro: String,
    /// The headline judgements (or the overall verdict) in one sentence, for the summary.
    pub summary: Option<String>,
    pub headlines: Vec<HeadlineLine<'r>>,
    pub areas: Vec<GradeLine<'r>>,
    pub verdicts: Vec<VerdictLine<'r>>,
    /// Areas without a verdict for the same reason, named together in one sentence each, so
    /// a table of "No verdict" rows does not crowd out the verdicts there are.
    pub unjudged: Vec<String>,
    /// Causes of concern that are no single finding: recommendation themes whose high-severity
    /// areas for improvement reach the checklist's limit, each with its sentence and the title
    /// of the area it weighs in.
    pub systemic: Vec<(&'r str, &'r str)>,
}

pub struct HeadlineLine<'r> {
    pub title: &'r str,
    /// "Requires improvement", or "No judgement".
    pub grade: &'static str,
    /// A class for colour: "good", "adequate", "weak", "poor" or "none".
    pub class: &'static str,
    pub why: &'r str,
    /// Whose judgement it is: "derived", or "the assessor's judgement; derived inadequate"
    /// when an assessor's grade for one of its areas sets it.
    pub whose: String,
    /// The assessor's rationale for each overridden area it rests on.
    pub rationale: Vec<String>,
}

/// One area's judgement: derived and overridden side by side, with the reasons.
pub struct GradeLine<'r> {
    pub title: &'r str,
    pub derived: &'static str,
    /// The assessor's grade, when it differs from nothing: shown beside the derived one.
    pub overridden: Option<&'static str>,
    /// The grade that stands, and its colour class.
    pub standing: &'static str,
    pub class: &'static str,
    pub why: &'r str,
    pub reasons: &'r [String],
    /// The assessor's judgement in a sentence, with the rationale, when one is recorded.
    pub assessor: Option<String>,
    pub notable: Option<&'r str>,
}

pub struct VerdictLine<'r> {
    pub title: &'r str,
    /// "Some progress", or "No verdict".
    pub verdict: &'static str,
    /// "good", "adequate", "poor" or "none".
    pub class: &'static str,
    pub why: &'r str,
}

/// One area's standing for the executive summary.
pub struct AreaLine {
    pub title: String,
    pub rating: Rating,
    /// "79" or "not scored".
    pub score: String,
    /// "rests on 6 of 8 scored questions".
    pub basis: String,
}

pub struct FindingView<'r> {
    pub number: usize,
    pub row: &'r FindingRow,
    /// "High", "Medium" or "Low".
    pub severity: &'static str,
    /// "Cause of concern" or "Area for improvement", when the checklist labels it.
    pub label: Option<&'static str>,
    /// "Why it matters" for a rule, "What was answered" for an item.
    pub why_heading: &'static str,
    pub good: &'r str,
    pub owner: &'r str,
    /// "31 March 2013", or "not set".
    pub due: String,
    pub overdue: bool,
    pub themes: Vec<String>,
}

pub struct AreaAnswers<'r> {
    pub title: &'r str,
    pub question: &'r str,
    /// "Score 79 out of 100 (Amber); 12 of 14 applicable questions answered."
    pub standing: String,
    pub rows: Vec<AnswerLine<'r>>,
    /// Applicable questions not yet answered, listed in the annex.
    pub unanswered: usize,
    /// Questions not asked because of an earlier answer.
    pub not_asked: usize,
}

impl AreaAnswers<'_> {
    /// The standing, then where the area's other questions are: "… 3 in the annex. 1 not
    /// asked because of an earlier answer."
    pub fn standing_in_full(&self) -> String {
        let mut standing = self.standing.clone();
        if self.unanswered > 0 {
            standing.push_str(&format!(" {} in the annex.", self.unanswered));
        }
        if self.not_asked > 0 {
            standing.push_str(&format!(
                " {} not asked because of an earlier answer.",
                self.not_asked
            ));
        }
        standing
    }
}

pub struct AnswerLine<'r> {
    pub row: &'r AnswerRow,
    pub answer: &'r str,
    /// "met", "partly", "not-met" or "other", for colour; the words carry the meaning.
    pub state: &'static str,
    pub flags: Vec<String>,
    /// "Head of Procurement, due 31 March 2013".
    pub action: String,
}

impl<'r> View<'r> {
    pub fn of(r: &'r Report) -> View<'r> {
        View {
            r,
            title: format!("Integrity self-assessment: {}, {}", r.force, r.period),
            stage: r.finality.badge(),
            stage_class: r.finality.class(),
            facts: facts(r),
            position: position(r),
            completeness: format!(
                "{} of {} applicable questions answered ({}%).",
                r.score.answered,
                r.score.applicable,
                crate::answer::format_number(r.score.completeness)
            ),
            areas: r
                .score
                .areas
                .iter()
                .filter(|a| a.has_scored_questions())
                .map(|a| AreaLine {
                    title: a.title.clone(),
                    rating: a.rating,
                    score: a
                        .score
                        .map_or("not scored".into(), crate::answer::format_number),
                    basis: format!(
                        "rests on {} of {} scored questions",
                        a.basis.rests_on, a.basis.out_of
                    ),
                })
                .collect(),
            high: numbered(r, |f| {
                f.finding.severity == crate::checklist::Severity::High
            }),
            overdue: numbered(r, |f| f.status == ActionStatus::Overdue),
            findings: r
                .findings
                .iter()
                .enumerate()
                .map(|(i, row)| finding(r, i + 1, row))
                .collect(),
            answers: r
                .areas
                .iter()
                .zip(&r.score.areas)
                .map(|(a, s)| answers(a, s))
                .collect(),
            carried: r
                .carried()
                .map(|(a, i)| {
                    (
                        a.title.as_str(),
                        i.prompt.as_str(),
                        i.answer.as_deref().unwrap_or("no answer"),
                    )
                })
                .collect(),
            conflicts: r
                .conflicts()
                .map(|(a, i, c)| {
                    (
                        a.title.as_str(),
                        i.prompt.as_str(),
                        i.answer.as_deref().unwrap_or("no answer"),
                        c.says(),
                    )
                })
                .collect(),
            warnings: warnings(r),
            method: paragraphs(&r.method),
            provenance: paragraphs(&r.provenance),
            annex: annex(r),
            judged: judged(r),
        }
    }
}

/// Per-question warnings of the same kind read as a list; one sentence naming them reads
/// faster and keeps the paper copy short.
fn warnings(r: &Report) -> Vec<String> {
    let asserted = |w: &&crate::scoring::Warning| w.code == "high-asserted-only";
    let subjects: Vec<&str> = r
        .warnings
        .iter()
        .filter(asserted)
        .filter_map(|w| w.subject.as_deref())
        .collect();
    let mut out: Vec<String> = Vec::new();
    if subjects.len() > 1 {
        out.push(format!(
            "{} high-severity questions are answered as met or partly met on assertion alone, \
             with nothing recorded to show they were evidenced or verified: {}.",
            subjects.len(),
            subjects.join("; ")
        ));
    }
    let grouped = !out.is_empty();
    out.extend(
        r.warnings
            .iter()
            .filter(|w| !(grouped && asserted(w)))
            .map(|w| w.message.clone()),
    );
    out
}

const NO_GRADE: &str = "No judgement";

fn grade_label(g: Option<Grade>) -> &'static str {
    g.map_or(NO_GRADE, Grade::label)
}

/// A colour class for a grade: the two best share one, as do the two worst.
fn grade_class(g: Option<Grade>) -> &'static str {
    match g {
        Some(Grade::Outstanding | Grade::Good) => "good",
        Some(Grade::Adequate) => "adequate",
        Some(Grade::RequiresImprovement) => "weak",
        Some(Grade::Inadequate) => "poor",
        None => "none",
    }
}

pub(super) fn judged(r: &Report) -> Judged<'_> {
    match (&r.verdicts, r.style) {
        (Some(v), _) => verdicts(v),
        (None, Style::Graded) if r.judgements.is_empty() => Judged {
            heading: "Graded judgements",
            intro: "The checklist defines no graded judgements.".into(),
            summary: None,
            headlines: Vec::new(),
            areas: Vec::new(),
            verdicts: Vec::new(),
            unjudged: Vec::new(),
            systemic: Vec::new(),
        },
        (None, _) => graded(r),
    }
}

/// A headline with whose judgement it is: the assessor's when an overridden area of it sets
/// the grade, with the grade its areas derive beside it.
fn headline_line<'r>(r: &'r Report, h: &'r super::HeadlineRow) -> HeadlineLine<'r> {
    let rows: Vec<&super::JudgementRow> = r
        .judgements
        .iter()
        .filter(|j| h.areas.contains(&j.area))
        .collect();
    // The lowest grade is the greatest, as grades run from outstanding to inadequate.
    let derived = rows
        .iter()
        .map(|j| j.derived)
        .collect::<Option<Vec<Grade>>>()
        .and_then(|grades| grades.into_iter().max());
    let overridden: Vec<&&super::JudgementRow> =
        rows.iter().filter(|j| j.overridden.is_some()).collect();
    let whose = if h.grade.is_none() {
        "withheld until each of its areas is judged".to_string()
    } else if overridden.is_empty() || derived == h.grade {
        "derived".to_string()
    } else {
        format!(
            "the assessor's judgement; derived {}",
            grade_label(derived).to_lowercase()
        )
    };
    HeadlineLine {
        title: &h.title,
        grade: grade_label(h.grade),
        class: grade_class(h.grade),
        why: &h.why,
        whose,
        rationale: overridden
            .iter()
            .filter_map(|j| {
                j.rationale
                    .as_ref()
                    .map(|why| format!("{}: {why}", j.title))
            })
            .collect(),
    }
}

fn graded(r: &Report) -> Judged<'_> {
    let headlines: Vec<HeadlineLine> = r.headlines.iter().map(|h| headline_line(r, h)).collect();
    let summary = (!headlines.is_empty()).then(|| {
        let parts: Vec<String> = headlines
            .iter()
            .zip(&r.headlines)
            .map(|(h, row)| match row.grade {
                None => format!("{} not judged ({})", h.title, h.whose),
                Some(_) => format!("{} {} ({})", h.title, h.grade.to_lowercase(), h.whose),
            })
            .collect();
        format!("Headline judgements: {}.", parts.join("; "))
    });
    let overridden = r
        .judgements
        .iter()
        .filter(|j| j.overridden.is_some())
        .count();
    let mut intro = "probity's estimate of the judgements an HMICFRS integrity inspection gives, \
derived from the answers and findings by the thresholds the checklist sets. It is not an \
inspectorate's judgement."
        .to_string();
    if overridden > 0 {
        intro.push_str(&format!(
            " The assessor has recorded a different judgement for {}; both are shown, and the \
headlines take the assessor's.",
            crate::report::narrative::plural(overridden, "area", "areas")
        ));
    }
    Judged {
        heading: "Graded judgements",
        intro,
        summary,
        headlines,
        areas: r
            .judgements
            .iter()
            .map(|j| GradeLine {
                title: &j.title,
                derived: grade_label(j.derived),
                overridden: j.overridden.map(Grade::label),
                standing: grade_label(j.standing),
                class: grade_class(j.standing),
                why: &j.why,
                reasons: &j.reasons,
                assessor: j.overridden.map(|o| {
                    format!(
                        "The assessor judges it {} (derived: {}). Rationale: {}",
                        o.label().to_lowercase(),
                        grade_label(j.derived).to_lowercase(),
                        j.rationale.as_deref().unwrap_or("")
                    )
                }),
                notable: j.notable.as_deref(),
            })
            .collect(),
        verdicts: Vec::new(),
        unjudged: Vec::new(),
        systemic: r
            .judgements
            .iter()
            .flat_map(|j| {
                j.themes_of_concern
                    .iter()
                    .map(move |t| (t.sentence.as_str(), j.title.as_str()))
            })
            .collect(),
    }
}

fn verdict_line(row: &VerdictRow) -> VerdictLine<'_> {
    VerdictLine {
        title: &row.title,
        verdict: match (row.verdict, row.standing) {
            (Some(v), _) => v.label(),
            (None, Some(Rating::Green)) => "Rated Green",
            (None, Some(Rating::Amber)) => "Rated Amber",
            (None, Some(Rating::Red)) => "Rated Red",
            (None, _) => "No verdict",
        },
        class: match (row.verdict, row.standing) {
            (Some(Verdict::GoodProgress), _) | (None, Some(Rating::Green)) => "good",
            (Some(Verdict::SomeProgress), _) | (None, Some(Rating::Amber)) => "adequate",
            (Some(Verdict::LimitedProgress), _) | (None, Some(Rating::Red)) => "poor",
            (None, _) => "none",
        },
        why: &row.why,
    }
}

fn verdicts(v: &Verdicts) -> Judged<'_> {
    let intro = match &v.compared_with {
        Some(period) => format!(
            "Verdicts in the style of HMIC's 2012 revisit, measured against the force's assessment \
for {period}: how many of its findings have closed since."
        ),
        None => "Progress verdicts in the style of HMIC's 2012 revisit measure change since an \
earlier assessment of the same force. There is none to measure against, so no progress verdict \
is given: where the force and each area stand is given instead."
            .into(),
    };
    let summary = match (v.overall.verdict, v.overall.standing) {
        (Some(verdict), _) => format!("Overall: {}.", verdict.label().to_lowercase()),
        (None, Some(_)) => format!("Overall: {}", lower_first(&v.overall.why)),
        (None, None) => "Overall: no verdict.".into(),
    };
    Judged {
        heading: "Progress verdicts",
        intro,
        summary: Some(summary),
        headlines: Vec::new(),
        areas: Vec::new(),
        verdicts: std::iter::once(&v.overall)
            .chain(
                v.areas
                    .iter()
                    .filter(|row| row.verdict.is_some() || row.standing.is_some()),
            )
            .map(verdict_line)
            .collect(),
        unjudged: unjudged(&v.areas),
        systemic: Vec::new(),
    }
}

/// "No progress verdict, …" as it reads after "Overall: ".
fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_lowercase().chain(c).collect())
        .unwrap_or_default()
}

/// The areas without a verdict, one sentence per reason in the areas' order: "No verdict (its
/// score is provisional): Gifts and hospitality; Training."
fn unjudged(rows: &[VerdictRow]) -> Vec<String> {
    let mut reasons: Vec<(&str, Vec<&str>)> = Vec::new();
    for row in rows
        .iter()
        .filter(|r| r.verdict.is_none() && r.standing.is_none())
    {
        let reason = row
            .why
            .trim_start_matches("No verdict: ")
            .trim_end_matches('.');
        match reasons.iter_mut().find(|(r, _)| *r == reason) {
            Some((_, titles)) => titles.push(&row.title),
            None => reasons.push((reason, vec![&row.title])),
        }
    }
    reasons
        .into_iter()
        .map(|(reason, titles)| format!("No verdict ({reason}): {}.", titles.join("; ")))
        .collect()
}

fn facts(r: &Report) -> Vec<(&'static str, String)> {
    let mut facts = vec![
        ("Force", r.force.clone()),
        ("Period", r.period.clone()),
        (
            "Checklist",
            format!("{} (version {})", r.checklist_title, r.checklist_version),
        ),
        (
            "Assessor",
            r.assessor.clone().unwrap_or_else(|| "not recorded".into()),
        ),
        ("Produced", long_date(r.page.generated)),
        ("As at", long_date(r.as_at())),
        ("Sign-off", r.sign_off_line()),
    ];
    if let Some(from) = &r.carried_from {
        facts.push(("Carried forward from", from.clone()));
    }
    if r.redacted {
        facts.push(("Redaction", super::REDACTION.into()));
    }
    facts
}

/// The overall position: a rated score, a provisional one, or none.
fn position(r: &Report) -> String {
    let s = &r.score;
    let standing = match s.overall {
        None if r.carried().next().is_some() => {
            "No score can be given yet: no scored question has an answer confirmed for this period."
                .into()
        }
        None => "No score can be given yet: no scored question has been answered.".into(),
        Some(score) if s.provisional => format!(
            "The overall score of {} out of 100 is provisional and not rated: it rests on only {} of the {} scored questions that apply.",
            crate::answer::format_number(score),
            s.basis.rests_on,
            s.basis.out_of
        ),
        Some(score) => format!(
            "The overall score is {} out of 100, rated {}; it rests on {} of the {} scored questions that apply.",
            crate::answer::format_number(score),
            s.rating.label(),
            s.basis.rests_on,
            s.basis.out_of
        ),
    };
    match r.unconfirmed_sentence() {
        Some(unconfirmed) => format!("{standing} {unconfirmed}"),
        None => standing,
    }
}

/// The numbers (from 1) of the findings that pass a test, as the findings section numbers them.
fn numbered(r: &Report, keep: impl Fn(&FindingRow) -> bool) -> Vec<usize> {
    r.findings
        .iter()
        .enumerate()
        .filter(|(_, f)| keep(f))
        .map(|(i, _)| i + 1)
        .collect()
}

fn finding<'r>(r: &'r Report, number: usize, row: &'r FindingRow) -> FindingView<'r> {
    let f = &row.finding;
    FindingView {
        number,
        row,
        severity: match f.severity {
            crate::checklist::Severity::High => "High",
            crate::checklist::Severity::Medium => "Medium",
            crate::checklist::Severity::Low => "Low",
        },
        label: f.label.map(|l| match l {
            crate::checklist::Label::CauseOfConcern => "Cause of concern",
            crate::checklist::Label::AreaForImprovement => "Area for improvement",
        }),
        why_heading: match f.kind {
            FindingKind::Rule => "Why it matters",
            FindingKind::Item => "What was answered",
        },
        good: r.good_practice(f),
        owner: f.owner.as_deref().unwrap_or("not assigned"),
        due: f.due.map_or("not set".into(), long_date),
        overdue: row.status == ActionStatus::Overdue,
        themes: f
            .recommendations
            .iter()
            .map(|id| r.recommendation(id))
            .collect(),
    }
}

fn answers<'r>(a: &'r super::AreaDetail, s: &super::AreaScoreRow) -> AreaAnswers<'r> {
    let standing = match (s.score, s.rating) {
        (None, _) => "Not scored".to_string(),
        (Some(score), Rating::Provisional) => format!(
            "Provisional score {} out of 100 (not rated: it rests on {} of {} scored questions)",
            crate::answer::format_number(score),
            s.basis.rests_on,
            s.basis.out_of
        ),
        (Some(score), rating) => format!(
            "Score {} out of 100 ({})",
            crate::answer::format_number(score),
            rating.label()
        ),
    };
    AreaAnswers {
        title: &a.title,
        question: &a.question,
        standing: format!(
            "{standing}; {} of {} applicable questions answered. Assurance: {}.",
            s.answered,
            s.applicable,
            s.assurance.words()
        ),
        rows: a
            .items
            .iter()
            .filter(|i| i.asked)
            .filter_map(|i| i.answer.as_deref().map(|answer| answer_line(i, answer)))
            .collect(),
        unanswered: a
            .items
            .iter()
            .filter(|i| i.asked && i.answer.is_none())
            .count(),
        not_asked: a.items.iter().filter(|i| !i.asked).count(),
    }
}

fn answer_line<'r>(row: &'r AnswerRow, answer: &'r str) -> AnswerLine<'r> {
    let state = match row.value.as_deref() {
        Some("yes") => "met",
        Some("partial") => "partly",
        Some("no") => "not-met",
        _ => "other",
    };
    let flags = [
        (row.carried, "carried from last period, not yet confirmed"),
        (row.review, "recorded provisionally, to be confirmed"),
    ]
    .into_iter()
    .filter(|(on, _)| *on)
    .map(|(_, f)| f.to_string())
    .chain(row.assurance_words())
    .collect();
    let action = match (&row.owner, row.due) {
        (None, None) => String::new(),
        (Some(o), None) => o.clone(),
        (None, Some(d)) => format!("due {}", long_date(d)),
        (Some(o), Some(d)) => format!("{o}, due {}", long_date(d)),
    };
    AnswerLine {
        row,
        answer,
        state,
        flags,
        action,
    }
}

/// The questions not yet answered, by area, named by their short labels: readers never see
/// the checklist's internal ids.
fn annex(r: &Report) -> Vec<(&str, Vec<&str>)> {
    let mut out: Vec<(&str, Vec<&str>)> = Vec::new();
    for (area, item) in r.not_assessed() {
        match out.last_mut() {
            Some((title, items)) if *title == area.title => items.push(item.short.as_str()),
            _ => out.push((area.title.as_str(), vec![item.short.as_str()])),
        }
    }
    out
}
