//! Plain text for people and pipes: an item with its answer, the findings, and what an answer
//! changed. Lines only: no colour, no cursor movement, and every text from a file escaped, so
//! nothing below 0x20 but newlines and tabs ever reaches the output. `show`, `answer` and
//! `walk` all print through here.

use probity_core::assessment::Assessment;
use std::io::Write;

use probity_core::checklist::{Area, Checklist, Item};
use probity_core::scoring::{Evaluation, Finding};
use probity_core::text::escape_for_terminal;
use probity_core::workspace::Opened;

/// What the plain text is made from: a checklist, the answers and their evaluation.
pub struct Plain<'a> {
    pub checklist: &'a Checklist,
    pub assessment: &'a Assessment,
    pub evaluation: &'a Evaluation,
}

/// Writes lines, escaping any unsafe character in them so that no text from a file can drive
/// the terminal or reach a pipe as a control byte.
pub fn emit(out: &mut impl Write, lines: &[String]) -> std::io::Result<()> {
    for line in lines {
        writeln!(out, "{}", escape_for_terminal(line))?;
    }
    Ok(())
}

impl<'a> Plain<'a> {
    /// The plain text of an assessment open for work.
    pub fn of(opened: &'a Opened) -> Plain<'a> {
        Plain {
            checklist: &opened.checklist,
            assessment: &opened.assessment,
            evaluation: &opened.evaluation,
        }
    }

    /// Force, period, checklist, how much is answered, the score and the findings.
    pub fn heading(&self) -> Vec<String> {
        let a = self.assessment;
        let mut lines = vec![format!(
            "{}, {}: {} ({})",
            a.force, a.period, self.checklist.title, self.checklist.id
        )];
        lines.push(format!("{}.", self.progress()));
        if a.unconfirmed().next().is_some() {
            lines.push(format!(
                "{} answers carried from last period are not yet confirmed.",
                a.unconfirmed().count()
            ));
        }
        lines
    }

    /// How much is answered, the score and the findings, in one sentence.
    pub fn progress(&self) -> String {
        let e = self.evaluation;
        let (high, medium, low) = e.counts();
        let score = e
            .overall
            .map_or("no score yet".to_string(), |s| format!("score {s:.0}"));
        format!(
            "{} of {} questions that apply are answered; {score}; findings: {high} high, {medium} medium, {low} low",
            e.completeness.answered, e.completeness.applicable
        )
    }

    /// An area's title with its score and how much of it is answered.
    pub fn area(&self, area: &Area) -> String {
        let score = self.evaluation.area(&area.id);
        let answered = score.map_or(0, |s| s.answered);
        let applicable = score.map_or(0, |s| s.applicable);
        let rated = score
            .and_then(|s| s.score)
            .map_or(String::new(), |s| format!(", score {s:.0}"));
        format!(
            "{} ({}): {answered} of {applicable} answered{rated}",
            area.title, area.id
        )
    }

    /// The answer and everything recorded with it, one fact a line.
    pub fn record(&self, item: &Item) -> Vec<String> {
        let answer = self.assessment.answer(&item.id);
        let mut lines = Vec::new();
        if !self.evaluation.is_asked(&item.id) {
            lines.push(format!(
                "Not asked, because of an earlier answer to: {}",
                self.deciding(item)
            ));
        }
        lines.push(match answer.and_then(|a| a.value.as_ref()) {
            Some(v) => format!("Answer: {}", item.kind.display(v)),
            None => "Answer: not answered yet".to_string(),
        });
        let Some(a) = answer else {
            return lines;
        };
        if a.value.is_some() {
            lines.push(format!("Assurance: {}", a.assurance.describe()));
        }
        if a.carried {
            lines.push("Carried from last period, not yet confirmed.".into());
        }
        if a.review {
            lines.push("Flagged for review.".into());
        }
        if let Some(owner) = &a.owner {
            lines.push(format!("Owner: {}", owner));
        }
        if let Some(due) = a.due {
            lines.push(format!("Due: {due}"));
        }
        if let Some(note) = &a.note {
            lines.extend(labelled("Note", note));
        }
        for e in &a.evidence {
            lines.push(format!("Evidence: {}", e));
        }
        lines
    }

    /// The findings an item is part of and what a reader would query about its record.
    pub fn concerns(&self, item: &Item) -> Vec<String> {
        let findings = self
            .evaluation
            .findings_for(&item.id)
            .map(|f| format!("Finding ({}): {}", f.severity.name(), f.title));
        let warnings = self
            .evaluation
            .warnings
            .iter()
            .filter(|w| w.item.as_deref() == Some(item.id.as_str()))
            .map(|w| format!("To check: {}", w.message));
        findings.chain(warnings).collect()
    }

    /// What good looks like and what the item rests on; nothing when the checklist gives
    /// neither.
    pub fn guidance(&self, item: &Item) -> Vec<String> {
        let mut lines = Vec::new();
        for (title, text) in [
            ("What good looks like", item.guidance.as_str()),
            (
                "How to record it",
                item.recording.as_deref().unwrap_or_default(),
            ),
            ("Basis", item.basis.as_str()),
        ] {
            if !text.trim().is_empty() {
                lines.extend(labelled(title, text));
            }
        }
        lines
    }

    /// The questions whose answers decided that an item is not asked, in words.
    fn deciding(&self, item: &Item) -> String {
        probity_core::scoring::deciding(
            self.checklist,
            self.assessment,
            item,
            self.evaluation.as_at,
        )
        .join("; ")
    }

    /// Every finding, most severe first, each with why it matters.
    pub fn findings(&self) -> Vec<String> {
        let (high, medium, low) = self.evaluation.counts();
        if self.evaluation.findings.is_empty() {
            return vec!["No findings so far.".into()];
        }
        let mut lines = vec![format!(
            "Findings: {high} high, {medium} medium, {low} low."
        )];
        for f in &self.evaluation.findings {
            lines.push(self.finding(f));
            lines.push(format!("  {}", f.explanation));
            if !f.action.is_empty() {
                lines.push(format!("  Action: {}", f.action));
            }
        }
        lines
    }

    fn finding(&self, f: &Finding) -> String {
        let area = self
            .checklist
            .area(&f.area)
            .map_or(String::new(), |a| format!(" ({})", a.title));
        format!("Finding ({}): {}{area}", f.severity.name(), f.title)
    }
}

/// The findings an answer opened and closed, comparing the evaluation before and after.
pub fn finding_changes(before: &Evaluation, after: &Evaluation) -> Vec<String> {
    let opened = after
        .findings
        .iter()
        .filter(|f| !before.findings.iter().any(|b| b.id == f.id))
        .map(|f| format!("New finding ({}): {}", f.severity.name(), f.title));
    let closed = before
        .findings
        .iter()
        .filter(|f| !after.findings.iter().any(|a| a.id == f.id))
        .map(|f| format!("Finding closed: {}", f.title));
    opened.chain(closed).collect()
}

/// A titled block of text: the title and first line together, later lines indented.
fn labelled(title: &str, text: &str) -> Vec<String> {
    let mut lines = text.trim().lines().map(|l| l.trim_end().to_string());
    let first = lines.next().unwrap_or_default();
    std::iter::once(format!("{title}: {first}"))
        .chain(lines.map(|l| format!("  {l}")))
        .collect()
}
