//! The narrative force report: the findings written as prose, under the questions the
//! checklist sets (for `wfof-2011`, the three questions that HMIC's 2012 force reports answer).
//! Every sentence is the checklist's own, chosen by the state of an item (its status, option,
//! count or value); this module only chooses and fills them. Beside them stand the assessor's
//! notes, folded into the paragraph as plain sentences, and the findings; nothing else, so each
//! sentence traces to the record (the `narrative_trace` tests check it). An answer that a rule
//! of the checklist contradicts is not said: the rule's finding stands in its place. A
//! checklist without questions gets one section per area, in its own words.
//!
//! The output is plain text: every value from the assessment is folded onto one line and
//! stripped of control characters, so nothing in it can act as markup or drive a terminal.

use std::fmt::Write;

use jiff::civil::Date;

use super::{ActionStatus, AnswerRow, FindingRow, Report};
use crate::answer::{Kind, format_grouped, format_number};
use crate::checklist::{Checklist, Item, Label, Say};
use crate::document::long_date;
use crate::text;

/// The prose of one assessment, composed from its checklist's sentences.
#[derive(Debug, Clone, Default)]
pub struct Prose {
    pub sections: Vec<ProseSection>,
    /// True when the sections are the checklist's own questions, not one per area.
    pub by_question: bool,
}

/// One question with what the answers say about it.
#[derive(Debug, Clone)]
pub struct ProseSection {
    pub question: String,
    pub paragraphs: Vec<String>,
    /// Areas whose findings are listed under it.
    pub areas: Vec<String>,
}

/// How the assessment's period reads in a sentence.
struct Period {
    between: String,
    since: String,
}

impl Period {
    fn of(checklist: &Checklist, r: &Report) -> Period {
        let date = |id: &Option<String>| {
            id.as_deref()
                .and_then(|id| r.answer(id))
                .and_then(|a| a.value.as_deref())
                .and_then(|v| v.parse::<Date>().ok())
        };
        let month = |d: Date| d.strftime("%B %Y").to_string();
        let context = &checklist.context;
        match (date(&context.period_start), date(&context.period_end)) {
            (Some(s), Some(e)) => Period {
                between: format!("between {} and {}", month(s), month(e)),
                since: format!("since {}", month(s)),
            },
            (Some(s), None) => Period {
                between: format!("since {}", month(s)),
                since: format!("since {}", month(s)),
            },
            _ => Period {
                between: "in the period".into(),
                since: "in the period".into(),
            },
        }
    }

    fn fill(&self, template: &str) -> String {
        template
            .replace("{between}", &self.between)
            .replace("{since}", &self.since)
    }
}

/// Composes the prose from the checklist's questions and sentences.
pub(super) fn compose(checklist: &Checklist, r: &Report) -> Prose {
    if checklist.narrative.is_empty() {
        // A checklist without questions: one section per area, in its own words.
        let sections = r
            .areas
            .iter()
            .filter(|a| a.items.iter().any(|i| i.asked))
            .map(|a| ProseSection {
                question: a.question.clone(),
                paragraphs: vec![area_summary(a)],
                areas: vec![a.id.clone()],
            })
            .collect();
        return Prose {
            sections,
            by_question: false,
        };
    }
    let period = Period::of(checklist, r);
    let named: Vec<&str> = checklist
        .narrative
        .iter()
        .flat_map(|s| s.areas.iter().map(String::as_str))
        .collect();
    let sections = checklist
        .narrative
        .iter()
        .map(|section| ProseSection {
            question: section.question.clone(),
            paragraphs: section
                .paragraphs
                .iter()
                .map(|p| paragraph(checklist, r, &period, p))
                .collect(),
            areas: if section.areas.is_empty() {
                checklist
                    .areas
                    .iter()
                    .map(|a| a.id.clone())
                    .filter(|id| !named.contains(&id.as_str()))
                    .collect()
            } else {
                section.areas.clone()
            },
        })
        .collect();
    Prose {
        sections,
        by_question: true,
    }
}

/// Untrusted text on one line, ending as a sentence does.
fn sentence(s: &str) -> String {
    let mut s = text::sanitize_line(s);
    if !s.is_empty() && !s.ends_with(['.', '!', '?']) {
        s.push('.');
    }
    s
}

/// Small counts in words, as a report would write them; larger ones in figures.
pub(super) fn in_words(n: f64) -> String {
    const WORDS: [&str; 10] = [
        "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    match WORDS.get(n as usize) {
        Some(w) if n.fract() == 0.0 && n >= 0.0 => w.to_string(),
        _ => format_grouped(n),
    }
}

/// The answer the scorer used for an item, when it is asked and answered.
fn row<'r>(r: &'r Report, id: &str) -> Option<&'r AnswerRow> {
    r.answer(id).filter(|a| a.asked && a.value.is_some())
}

fn number(r: &Report, id: &str) -> Option<f64> {
    row(r, id)
        .and_then(|a| a.value.as_deref())
        .and_then(|v| v.parse().ok())
}

/// The sentence the checklist gives for an item's answer, before its placeholders are filled.
fn template<'c>(r: &Report, item: &'c Item, say: &'c Say) -> Option<String> {
    let answer = row(r, &item.id)?;
    let stored = answer.value.as_deref()?;
    match &item.kind {
        Kind::Status => match stored {
            "yes" => say.yes.clone(),
            "partial" => say.partial.clone(),
            "no" => say.no.clone(),
            _ => None,
        },
        Kind::Choice(_) => say
            .options
            .iter()
            .find(|(id, _)| id == stored)
            .map(|(_, t)| t.clone()),
        Kind::Count if say.of.is_some() => {
            let (part, whole) = (number(r, &item.id)?, number(r, say.of.as_deref()?)?);
            let t = if part > whole {
                &say.exceeds
            } else if part == whole && whole > 0.0 && say.all.is_some() {
                &say.all
            } else {
                &say.value
            };
            // Small figures in words, as the rest of the prose gives them; none is "none".
            let part_said = if part == 0.0 {
                "none".to_string()
            } else {
                in_words(part)
            };
            t.as_ref().map(|t| {
                t.replace("{value}", &part_said)
                    .replace("{of}", &in_words(whole))
            })
        }
        Kind::Count => {
            let n = number(r, &item.id)?;
            let t = match n {
                0.0 => &say.zero,
                1.0 => &say.one,
                _ => &say.many,
            };
            t.as_ref().map(|t| t.replace("{n}", &in_words(n)))
        }
        // A text answer is withheld when redacting, and its sentence with it.
        Kind::Text if r.redacted => None,
        _ => say
            .value
            .as_ref()
            .zip(answer.answer.as_deref())
            .map(|(t, shown)| t.replace("{value}", &text::sanitize_line(shown))),
    }
}

/// One paragraph: each item's sentence, with the assessor's note folded in after it as plain
/// prose, unless the paragraph's sentences already say what the note says.
fn paragraph(checklist: &Checklist, r: &Report, period: &Period, ids: &[String]) -> String {
    let said: Vec<(String, Option<String>)> = ids
        .iter()
        .filter_map(|id| checklist.item(id))
        .filter_map(|item| sentence_of(checklist, r, period, item))
        .collect();
    let all: String = said
        .iter()
        .map(|(s, _)| s.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let mut out: Vec<String> = Vec::new();
    for (s, note) in said {
        out.push(s);
        if let Some(n) = note.filter(|n| !restates(&all, n)) {
            let n = capitalise(&sentence(&n));
            if !out.contains(&n) {
                out.push(n);
            }
        }
    }
    out.join(" ")
}

/// What the report says of one item, with the note that may follow it. A question left open is
/// said to be open when the assessor has noted something about it. Only answers the record
/// stands behind are stated as fact: an answer flagged for review is given as recorded
/// provisionally, one carried from an earlier period and not yet confirmed is left out (the
/// opening counts them), and one that a rule of the checklist shows to be wrong is not said at
/// all: the rule's finding is given in its place.
fn sentence_of(
    checklist: &Checklist,
    r: &Report,
    period: &Period,
    item: &Item,
) -> Option<(String, Option<String>)> {
    let row = r.answer(&item.id).filter(|a| a.asked && !a.carried)?;
    let note = (!r.redacted && !matches!(item.kind, Kind::Text))
        .then(|| row.note.clone())
        .flatten()
        .filter(|n| !text::sanitize_line(n).is_empty());
    if row.value.is_none() {
        // A question still open, with what the assessor knows of it: said as open, not answered.
        return note.is_some().then(|| (unanswered(&row.short), note));
    }
    if let Some(stored) = row.value.as_deref()
        && let Some(f) = r.findings.iter().find(|f| {
            checklist
                .contradicting(&f.finding.id, &item.id, stored)
                .is_some()
        })
    {
        return Some((sentence(&f.finding.title), None));
    }
    let said = capitalise(&period.fill(&template(r, item, &item.say)?));
    let said = if row.review { provisional(&said) } else { said };
    Some((said, note))
}

/// The sentence for a question the record leaves open, named as the reader sees it elsewhere.
pub(super) fn unanswered(short: &str) -> String {
    format!(
        "The question \u{201c}{}\u{201d} is not yet answered.",
        text::sanitize_line(short)
    )
}

/// Marks a sentence as resting on an answer still to be confirmed, without putting the
/// checklist's words in quotation marks as though someone had said them.
pub(super) fn provisional(said: &str) -> String {
    let bare = said.trim_end_matches('.');
    format!("{bare} (recorded provisionally, to be confirmed).")
}

/// Whether a note mostly repeats the sentence it would follow, so that printing it would only
/// say the same thing twice: most of its words of five letters or more are already there.
fn restates(sentence: &str, note: &str) -> bool {
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 5)
            .map(|w| w.to_lowercase().chars().take(7).collect())
            .collect()
    };
    let said = words(sentence);
    let noted = words(note);
    let repeated = noted.iter().filter(|w| said.contains(w)).count();
    !noted.is_empty() && repeated * 10 >= noted.len() * 6
}

/// For checklists without templates: how many of an area's answered questions are met.
fn area_summary(area: &super::AreaDetail) -> String {
    let count = |v: &str| {
        area.items
            .iter()
            .filter(|i| i.asked && i.value.as_deref() == Some(v))
            .count()
    };
    let (yes, partial, no) = (count("yes"), count("partial"), count("no"));
    let answered = area
        .items
        .iter()
        .filter(|i| i.asked && i.value.is_some())
        .count();
    if answered == 0 {
        return String::new();
    }
    format!(
        "{} of the questions in this area {} been answered. Of the yes-or-no questions, {} {} met in full, {} in part and {} not at all.",
        capitalise(&in_words(answered as f64)),
        if answered == 1 { "has" } else { "have" },
        in_words(yes as f64),
        if yes == 1 { "is" } else { "are" },
        in_words(partial as f64),
        in_words(no as f64),
    )
}

pub(super) fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Writes one question, its paragraphs and the actions that fall under it.
fn write_section(
    o: &mut String,
    r: &Report,
    question: &str,
    paragraphs: &[String],
    findings: Vec<&FindingRow>,
) {
    let line = |s: &str| text::sanitize_line(s);
    let _ = writeln!(o, "{}\n", line(question));
    let paragraphs: Vec<&String> = paragraphs.iter().filter(|p| !p.is_empty()).collect();
    if paragraphs.is_empty() {
        let _ = writeln!(o, "The assessment records nothing on this question yet.\n");
    }
    for p in paragraphs {
        let _ = writeln!(o, "{p}\n");
    }
    if findings.is_empty() {
        return;
    }
    let _ = writeln!(o, "Where the force needs to act:\n");
    for row in findings {
        let f = &row.finding;
        let owner = f
            .owner
            .as_deref()
            .map(|w| format!(" Owner: {}.", line(w)))
            .unwrap_or_default();
        let overdue = if row.status == ActionStatus::Overdue {
            format!(", overdue at {}", long_date(r.as_at()))
        } else {
            String::new()
        };
        let due = f
            .due
            .map(|d| format!(" Due {}{overdue}.", long_date(d)))
            .unwrap_or_default();
        // A graded checklist labels its findings as an inspection does; others by priority.
        let priority = match f.label {
            Some(Label::CauseOfConcern) => "Cause of concern".to_string(),
            Some(Label::AreaForImprovement) => "Area for improvement".to_string(),
            None => format!("{} priority", capitalise(f.severity.name())),
        };
        let caveats: String = row.caveats.iter().map(|c| format!(" {c}")).collect();
        let _ = writeln!(
            o,
            "- {priority}: {}{caveats} {}{owner}{due}",
            sentence(&f.title),
            sentence(&f.action)
        );
    }
    o.push('\n');
}

/// The graded judgements or progress verdicts, one line each, after the questions.
fn write_judged(o: &mut String, r: &Report) {
    let j = super::view::judged(r);
    let line = |s: &str| text::sanitize_line(s);
    let _ = writeln!(o, "{}\n\n{}\n", j.heading, line(&j.intro));
    for h in &j.headlines {
        let _ = writeln!(
            o,
            "- {} (headline judgement, {}): {}",
            line(h.title),
            h.whose,
            sentence(h.why)
        );
    }
    for a in &j.areas {
        let mut said = format!("- {}: {}", line(a.title), sentence(a.why));
        if let Some(assessor) = &a.assessor {
            said.push(' ');
            said.push_str(&sentence(assessor));
        }
        if let Some(notable) = a.notable {
            said.push_str(&format!(
                " Notable practice recorded: {}",
                sentence(notable)
            ));
        }
        let _ = writeln!(o, "{said}");
    }
    for v in &j.verdicts {
        let _ = writeln!(o, "- {}: {}", line(v.title), sentence(v.why));
    }
    for said in &j.unjudged {
        let _ = writeln!(o, "- {}", line(said));
    }
    let _ = writeln!(o);
}

/// The opening paragraph: what was assessed, against what, how far, and with what result.
fn opening(r: &Report) -> String {
    let line = |s: &str| text::sanitize_line(s);
    let (h, m, l) = r.severity_counts();
    let unanswered = r.score.applicable.saturating_sub(r.score.answered);
    let findings = match r.findings.len() {
        // Silence on what is unanswered is not a finding of no gap: say how much is left.
        0 if unanswered > 0 => format!(
            "The answers given so far raise no findings; {} of the questions that apply {} not yet answered.",
            in_words(unanswered as f64),
            if unanswered == 1 { "is" } else { "are" }
        ),
        0 => "The assessment gives no findings.".to_string(),
        n => format!(
            "The assessment gives {} finding{}: {} high, {} medium and {} low.",
            in_words(n as f64),
            if n == 1 { "" } else { "s" },
            in_words(h as f64),
            in_words(m as f64),
            in_words(l as f64)
        ),
    };
    // A graded report speaks in grades: a score rated on another scale would be a second
    // verdict, so its opening gives none. Nor does it give a provisional score: resting on a
    // few answers, it would read as the force's position.
    let graded = !r.headlines.is_empty();
    let score = match (r.score.overall, r.score.provisional) {
        _ if graded => String::new(),
        (None, _) => "No score can be given yet. ".to_string(),
        (Some(_), true) => format!(
            "No overall score is given: one would rest on only {} of the {} scored questions that apply. ",
            in_words(r.score.basis.rests_on as f64),
            r.score.basis.out_of
        ),
        (Some(s), false) => format!(
            "The overall score is {} out of 100, rated {}. ",
            format_number(s),
            r.score.rating.label()
        ),
    };
    let scope = if r.prose.by_question {
        format!(
            "each of {} questions",
            in_words(r.prose.sections.len() as f64)
        )
    } else {
        "each area of the checklist".to_string()
    };
    // One figure once: "All 81 questions", not "81 of the 81 questions".
    let answered = match (r.score.answered, r.score.applicable) {
        (a, n) if a == n && n > 1 => format!(
            "All {} questions that apply have been answered",
            in_words(n as f64)
        ),
        (a, n) => format!(
            "{} of the {n} questions that apply {} been answered ({}%)",
            match a {
                0 => "None".to_string(),
                a => capitalise(&in_words(a as f64)),
            },
            if a == 1 { "has" } else { "have" },
            format_number(r.score.completeness)
        ),
    };
    let mut p = format!(
        "This is {}'s self-assessment for {}, made against {}. \
         {answered}. {score}{findings} \
         What follows sets out what the answers, notes and figures record on {scope}.",
        line(&r.force),
        line(&r.period),
        line(&r.checklist_described),
    );
    if let Some(unconfirmed) = r.unconfirmed_sentence() {
        p.push(' ');
        p.push_str(&line(&unconfirmed));
    }
    let provisional = r
        .areas
        .iter()
        .flat_map(|a| &a.items)
        .filter(|i| i.asked && i.review && !i.carried && i.answer.is_some())
        .count();
    if provisional > 0 {
        p.push_str(&format!(
            " {} recorded provisionally and still to be confirmed; {} given as such.",
            capitalise(&plural(provisional, "answer is", "answers are")),
            if provisional == 1 {
                "it is"
            } else {
                "they are"
            },
        ));
    }
    p
}

pub(super) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", in_words(n as f64), if n == 1 { one } else { many })
}

pub fn render(r: &Report) -> String {
    let mut o = String::new();
    let line = |s: &str| text::sanitize_line(s);
    let _ = writeln!(o, "{}\n", line(r.marking()));
    let _ = writeln!(
        o,
        "Integrity self-assessment: {}, {}",
        line(&r.force),
        line(&r.period)
    );
    let _ = writeln!(
        o,
        "Findings in prose, produced {}\n{}",
        long_date(r.page.generated),
        line(&r.sign_off_line())
    );
    let _ = writeln!(o, "{}\n", r.page.as_at_sentence());
    if r.redacted {
        let _ = writeln!(o, "{}\n", super::REDACTION);
    }
    let _ = writeln!(o, "{}\n", opening(r));
    // A graded report opens with its judgements, as the first page does; the method comes last.
    let graded = !r.headlines.is_empty();
    if graded {
        write_judged(&mut o, r);
    }
    for section in &r.prose.sections {
        let findings = r
            .findings
            .iter()
            .filter(|f| section.areas.contains(&f.finding.area))
            .collect();
        write_section(&mut o, r, &section.question, &section.paragraphs, findings);
    }
    if !graded {
        write_judged(&mut o, r);
    }
    // How the judgements are reached closes the document, after what they rest on.
    let _ = writeln!(o, "{}\n", r.judged_method);
    let _ = writeln!(o, "{}", line(r.marking()));
    o
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_note_that_only_restates_its_sentence_is_left_out() {
        let sentence = "No monitoring compares contract and procurement records with the gifts and hospitality register, so a company that offered hospitality and then won a contract would not be noticed.";
        assert!(restates(
            sentence,
            "Contract and procurement records are not compared with the gifts and hospitality register, so a company that gave hospitality and later won a contract would not be flagged."
        ));
        assert!(!restates(
            sentence,
            "Procurement and professional standards have agreed a quarterly check from April 2013."
        ));
        assert!(!restates(sentence, "n/a"));
    }

    use super::*;

    #[test]
    fn small_counts_are_words() {
        assert_eq!(in_words(0.0), "no");
        assert_eq!(in_words(4.0), "four");
        assert_eq!(in_words(39.0), "39");
        assert_eq!(in_words(2.5), "2.5");
    }

    #[test]
    fn untrusted_text_becomes_one_sentence() {
        assert_eq!(sentence("first\n# second\u{1b}[31m"), "first # second[31m.");
        assert_eq!(sentence("Done."), "Done.");
        assert_eq!(sentence(""), "");
    }
}
