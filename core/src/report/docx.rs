//! The gap report as a Word document, with the same content as the web page, section by
//! section, in real Word styles: a table for the findings and actions, one for each area's
//! answers and one for each set of figures, and the charts as pictures with alt text. Readers
//! see questions, not item ids.

use super::{AnswerRow, Report};
use crate::answer::format_number;
use crate::assessment::Stage;
use crate::document::chart::{BarChart, Row};
use crate::document::docx::{Cell, Grid, Span, Word, WordError};
use crate::document::figures::{paragraphs, score_phrase, score_text};
use crate::document::tone::Tone;
use crate::scoring::{Finding, FindingKind};

pub fn render(r: &Report) -> Result<Vec<u8>, WordError> {
    let mut w = Word::new(
        &r.marking,
        &format!("{} · integrity self-assessment · {}", r.force, r.period),
    );
    cover(&mut w, r);
    summary(&mut w, r);
    findings(&mut w, r);
    answers(&mut w, r);
    metrics(&mut w, r);
    not_assessed(&mut w, r);
    carried(&mut w, r);
    quality(&mut w, r);
    method(&mut w, r);
    w.finish()
}

fn cover(w: &mut Word, r: &Report) {
    w.title(&format!("Integrity self-assessment: {}", r.force));
    let stage = match r.stage {
        Stage::Final => "Final",
        Stage::Draft => "Draft",
    };
    w.subtitle(&format!(
        "Gap report for {}, produced {} ({})",
        r.period,
        r.generated,
        stage.to_lowercase()
    ));
    let mut facts = vec![
        ("Force", r.force.clone()),
        ("Period", r.period.clone()),
        (
            "Checklist",
            format!("{} (version {})", r.checklist_title, r.checklist_version),
        ),
        (
            "Assessor",
            r.assessor.clone().unwrap_or("not recorded".into()),
        ),
        ("Produced", r.generated.to_string()),
        (
            "Status",
            match r.stage {
                Stage::Final => "Final: signed off".into(),
                Stage::Draft => "Draft: still being worked on".into(),
            },
        ),
    ];
    if r.redacted {
        facts.push((
            "Redaction",
            "Names, notes and text answers have been removed for sharing outside the force.".into(),
        ));
    }
    w.facts(&facts);
}

fn summary(w: &mut Word, r: &Report) {
    let (h, m, l) = r.severity_counts();
    w.h1("Summary", false);
    w.spans(&[
        Span::plain("Overall score "),
        Span::bold(&score_text(r.score.overall)),
        Span::plain(&format!(
            " out of 100, with {} of {} applicable items answered ({}% complete). {} finding{}: {h} high, {m} medium, {l} low.",
            r.score.answered,
            r.score.applicable,
            format_number(r.score.completeness),
            r.findings.len(),
            if r.findings.len() == 1 { "" } else { "s" },
        )),
    ]);
    let areas = BarChart::new(
        r.score
            .areas
            .iter()
            .map(|a| Row {
                label: a.title.clone(),
                value: a.score,
                // The table under the chart gives how many items each area has answered.
                note: if a.score.is_some() {
                    String::new()
                } else {
                    "not scored".into()
                },
                tone: Tone::of_score(a.score),
            })
            .collect(),
        100.0,
        &[0.0, 25.0, 50.0, 75.0, 100.0],
    );
    let described: Vec<String> = r
        .score
        .areas
        .iter()
        .map(|a| format!("{} {}", a.title, score_text(a.score)))
        .collect();
    w.chart(
        areas,
        "Figure 1. Score by area (out of 100)",
        &format!(
            "Bar chart of the score in each area, out of 100: {}.",
            described.join("; ")
        ),
    );
    let mut table = Grid::new(&[("Area", 6), ("Score (out of 100)", 2), ("Answered", 2)]);
    for a in &r.score.areas {
        table.row(vec![
            Cell::text(&a.title),
            Cell::number(&score_text(a.score)).toned(Tone::of_score(a.score)),
            Cell::number(&format!("{} of {}", a.answered, a.applicable)),
        ]);
    }
    w.table(table);
    let most = h.max(m).max(l) as f64;
    let severity = BarChart::new(
        [
            ("High", h, Tone::Bad),
            ("Medium", m, Tone::Warn),
            ("Low", l, Tone::Good),
        ]
        .into_iter()
        .map(|(label, n, tone)| Row {
            label: label.into(),
            value: Some(n as f64),
            note: String::new(),
            tone,
        })
        .collect(),
        most,
        &[],
    );
    w.chart(
        severity,
        "Figure 2. Findings by severity",
        &format!(
            "Bar chart of the number of findings at each severity: {h} high, {m} medium, {l} low."
        ),
    );
}

fn findings(w: &mut Word, r: &Report) {
    w.h1("Findings and actions", true);
    if r.findings.is_empty() {
        w.text("No findings: every answered item is met and no gap rule applies.");
        return;
    }
    let mut plan = Grid::new(&[
        ("No.", 2),
        ("Finding", 10),
        ("Severity", 4),
        ("Recommended action", 12),
        ("Owner", 6),
        ("Due", 5),
        ("Status", 4),
    ]);
    for (n, f) in r.findings.iter().enumerate() {
        let status = r.status(f);
        let status_tone = if status == "overdue" {
            Tone::Bad
        } else {
            Tone::Warn
        };
        plan.row(vec![
            Cell::number(&(n + 1).to_string()),
            Cell::bold(&f.title).then(vec![Span::muted(r.area_title(&f.area))]),
            Cell::text(f.severity.name()).toned(Tone::of_severity(f.severity)),
            Cell::text(&f.action),
            Cell::text(f.owner.as_deref().unwrap_or("not assigned")),
            Cell::text(&f.due.map_or("not set".into(), |d| d.to_string())),
            Cell::text(status).toned(status_tone),
        ]);
    }
    w.table(plan);
    for (n, f) in r.findings.iter().enumerate() {
        finding(w, r, n + 1, f);
    }
}

/// One finding in full: why it matters, what was answered, and what good looks like, each as a
/// paragraph led by its label.
fn finding(w: &mut Word, r: &Report, number: usize, f: &Finding) {
    w.h2(&format!("{number}. {}", f.title));
    let mut facts = vec![(
        "Severity",
        format!("{} ({})", f.severity.name(), r.area_title(&f.area)),
    )];
    if !f.explanation.is_empty() {
        let label = match f.kind {
            FindingKind::Rule => "Why it matters",
            FindingKind::Item => "Shortfall",
        };
        facts.push((label, f.explanation.clone()));
    }
    facts.push(("Why this was flagged", flagged(r, f)));
    if !f.action.is_empty() {
        facts.push(("Recommended action", f.action.clone()));
    }
    let good = r.good_practice(f);
    if !good.is_empty() {
        facts.push(("What good looks like", good.to_string()));
    }
    if !f.recommendations.is_empty() {
        let themes: Vec<String> = f
            .recommendations
            .iter()
            .map(|id| r.recommendation(id))
            .collect();
        facts.push(("Recommendation themes", themes.join("\n")));
    }
    for (label, text) in facts {
        w.spans(&[Span::bold(&format!("{label}: ")), Span::plain(&text)]);
    }
}

/// The answers that raised a finding, each as its question and the answer given.
fn flagged(r: &Report, f: &Finding) -> String {
    f.trace
        .iter()
        .filter(|s| s.holds)
        .map(|s| {
            let row = r.answer(&s.item);
            let question = row.map_or("A question", |a| a.prompt.as_str());
            let answer = row
                .and_then(|a| a.answer.as_deref())
                .or(s.value.as_deref())
                .unwrap_or("unanswered");
            format!("{question} Answer: {answer}.")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn answers(w: &mut Word, r: &Report) {
    w.h1("Answers by area", true);
    for (area, score) in r.areas.iter().zip(&r.score.areas) {
        w.h2(&area.title);
        w.spans(&[Span::muted(&area.question)]);
        w.text(&format!(
            "{}; {} of {} applicable items answered.",
            score_phrase(score.score),
            score.answered,
            score.applicable
        ));
        let mut table = Grid::new(&[("Question", 7), ("Answer", 3)]);
        for item in &area.items {
            table.row(answer_row(item));
        }
        w.table(table);
    }
}

fn answer_row(i: &AnswerRow) -> Vec<Cell> {
    let mut question = Cell::text(&i.prompt);
    if let Some(note) = &i.note {
        question = question.then(vec![Span::muted(note)]);
    }
    if !i.evidence.is_empty() {
        question = question.then(vec![Span::muted(&format!(
            "Evidence: {}",
            i.evidence.join("; ")
        ))]);
    }
    let (text, tone) = match (&i.answer, i.asked, i.value.as_deref()) {
        (_, false, _) => ("not asked", None),
        (None, true, _) => ("unanswered", None),
        (Some(a), true, Some("yes")) => (a.as_str(), Some(Tone::Good)),
        (Some(a), true, Some("partial")) => (a.as_str(), Some(Tone::Warn)),
        (Some(a), true, Some("no")) => (a.as_str(), Some(Tone::Bad)),
        (Some(a), true, _) => (a.as_str(), None),
    };
    let mut answer = match tone {
        Some(t) => Cell::text(text).toned(t),
        None if i.answer.is_none() => Cell::spans(vec![Span::muted(text)]),
        None => Cell::text(text),
    };
    if let Some(owner) = &i.owner {
        answer = answer.then(vec![Span::plain(&format!("Owner: {owner}"))]);
    }
    if let Some(due) = i.due {
        answer = answer.then(vec![Span::plain(&format!("Due: {due}"))]);
    }
    for (on, flag) in [
        (i.carried, "carried from last period, not yet confirmed"),
        (i.review, "marked for review"),
    ] {
        if on {
            answer = answer.then(vec![Span::muted(flag)]);
        }
    }
    vec![question, answer]
}

fn metrics(w: &mut Word, r: &Report) {
    w.h1("Metrics", true);
    if r.metrics.is_empty() {
        w.text("No counts, amounts or percentages are recorded.");
        return;
    }
    let mut table = Grid::new(&[("Measure", 8), ("Value", 2)]);
    for m in &r.metrics {
        table.row(vec![
            Cell::text(&m.label),
            Cell::number(&format_number(m.value)),
        ]);
    }
    w.table(table);
}

fn not_assessed(w: &mut Word, r: &Report) {
    w.h1("Not assessed", false);
    let missing: Vec<_> = r.not_assessed().collect();
    if missing.is_empty() {
        w.text("Every applicable item has an answer.");
        return;
    }
    w.text(&format!(
        "These {} applicable items have no answer yet. They do not lower the score, but the report cannot speak to them.",
        missing.len()
    ));
    let mut table = Grid::new(&[("Area", 3), ("Question", 7)]);
    for (area, i) in missing {
        table.row(vec![Cell::text(&area.title), Cell::text(&i.prompt)]);
    }
    w.table(table);
}

fn carried(w: &mut Word, r: &Report) {
    let carried: Vec<_> = r.carried().collect();
    if carried.is_empty() {
        return;
    }
    w.h1("Carried forward, not yet confirmed", false);
    w.text(&format!(
        "These {} answers were copied from the previous period and have not been checked again this period. The assessment cannot be marked final until each is confirmed or changed.",
        carried.len()
    ));
    let mut table = Grid::new(&[("Area", 3), ("Question", 5), ("Answer carried", 2)]);
    for (area, i) in carried {
        table.row(vec![
            Cell::text(&area.title),
            Cell::text(&i.prompt),
            Cell::text(i.answer.as_deref().unwrap_or("no answer")),
        ]);
    }
    w.table(table);
}

fn quality(w: &mut Word, r: &Report) {
    if r.warnings.is_empty() {
        return;
    }
    w.h1("Quality of the record", false);
    w.bullets(r.warnings.iter().map(|x| readable(r, x)));
}

/// A warning with the item or finding it names given by its question or title, not its id.
fn readable(r: &Report, warning: &crate::scoring::Warning) -> String {
    let Some(id) = &warning.item else {
        return warning.message.clone();
    };
    let name = r.answer(id).map(|a| a.prompt.as_str()).or_else(|| {
        r.findings
            .iter()
            .find(|f| &f.id == id)
            .map(|f| f.title.as_str())
    });
    match name {
        Some(name) => warning.message.replace(id, name),
        None => warning.message.clone(),
    }
}

fn method(w: &mut Word, r: &Report) {
    w.h1("Method", true);
    w.text(r.method);
    w.h2("Checklist provenance");
    for p in paragraphs(&r.provenance) {
        w.text(p);
    }
}
