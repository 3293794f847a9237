//! The gap report as a Word document, section by section as the web page words it
//! ([`View`]), in real Word styles: the executive summary first, the charts as pictures with
//! alt text, the findings and actions as a table and then each in full, the answers by area,
//! the figures, the record's own gaps, the method, and the annex of questions not yet
//! answered. Readers see questions and titles; ids appear only in the annex's reference column.

use super::Report;
use super::html::{BAR_MAX, Chart};
use super::view::{AnswerLine, FindingView, Judged, View};
use crate::document::chart::{BarChart, Row};
use crate::document::docx::{Cell, Grid, Span, Word, WordError, created_on};
use crate::document::tone::Tone;

pub fn render(r: &Report) -> Result<Vec<u8>, WordError> {
    let v = View::of(r);
    let mut w = Word::new(
        r.marking(),
        &format!("{} · integrity self-assessment · {}", r.force, r.period),
    );
    w.properties(
        &v.title,
        r.assessor.as_deref().filter(|_| !r.redacted),
        created_on(r.page.generated),
    );
    cover(&mut w, &v);
    summary(&mut w, &v);
    judged(&mut w, &v);
    findings(&mut w, &v);
    answers(&mut w, &v);
    rest(&mut w, &v);
    annex(&mut w, &v);
    w.finish()
}

fn cover(w: &mut Word, v: &View) {
    w.title(&v.title);
    w.subtitle(&format!("Gap report · {}", v.stage));
    w.text(&v.as_at);
    let facts: Vec<(&str, String)> = v.facts.iter().map(|(l, x)| (*l, x.clone())).collect();
    w.facts(&facts);
}

fn summary(w: &mut Word, v: &View) {
    w.h1("Executive summary", false);
    w.spans(&[Span::bold(&v.position)]);
    w.text(&v.completeness);
    if let Some(judged) = &v.judged.summary {
        w.spans(&[Span::bold(judged)]);
    }
    let mut table = Grid::new(&[
        ("Area", 9),
        ("Rating", 3),
        ("Score", 2),
        ("What the score rests on", 6),
    ]);
    for a in &v.areas {
        table.row(vec![
            Cell::text(&a.title),
            Cell::text(a.rating.label()).toned(Tone::of_rating(a.rating)),
            Cell::number(&a.score),
            Cell::text(&a.basis),
        ]);
    }
    w.table(table);
    w.h2("High findings");
    if v.high.is_empty() {
        w.text("There are no high findings.");
    }
    w.bullets(v.high.iter().map(|&n| {
        let f = &v.findings[n - 1];
        format!(
            "{} (finding {n}; owner: {}; due: {})",
            f.row.finding.title, f.owner, f.due
        )
    }));
    w.h2("Actions overdue");
    if v.overdue.is_empty() {
        w.text("No action is past its due date.");
    }
    w.bullets(v.overdue.iter().map(|&n| {
        let f = &v.findings[n - 1];
        format!(
            "{} (due {}; finding {n}; owner: {})",
            f.row.finding.title, f.due, f.owner
        )
    }));
    w.h1("Scores at a glance", false);
    charts(w, v.r);
}

/// The web page's two charts, as pictures: the same bars, labels and colours. They are drawn
/// while the rest of the document is written.
fn charts(w: &mut Word, r: &Report) {
    let rows = |chart: Chart| -> Vec<Row> {
        chart
            .bars
            .into_iter()
            .map(|b| Row {
                fraction: (b.width > 0.0).then_some(b.width / BAR_MAX),
                tone: tone(b.class),
                label: b.label,
                text: b.value,
            })
            .collect()
    };
    let areas = Chart::areas(r);
    // The bars' labels may be shortened; the description names each area in full.
    let described: Vec<String> = r
        .score
        .areas
        .iter()
        .filter(|a| a.has_scored_questions())
        .zip(&areas.bars)
        .map(|(a, b)| format!("{} {}", a.title, b.value))
        .collect();
    let ticks = [0.0, 25.0, 50.0, 75.0, 100.0].map(|t| (t / 100.0, t.to_string()));
    let ticks: Vec<(f64, &str)> = ticks.iter().map(|(at, l)| (*at, l.as_str())).collect();
    w.chart(
        BarChart::new(rows(areas), &ticks),
        "Figure 1. Score by area (out of 100)",
        &format!(
            "Bar chart of the score in each area, out of 100; provisional and unscored areas are grey: {}.",
            described.join("; ")
        ),
    );
    let (h, m, l) = r.severity_counts();
    w.chart(
        BarChart::new(rows(Chart::severities(r)), &[]),
        "Figure 2. Findings by severity",
        &format!(
            "Bar chart of the number of findings at each severity: {h} high, {m} medium, {l} low."
        ),
    );
}

/// The colour of a chart bar, from the web page's class for it.
fn tone(class: &str) -> Tone {
    match class {
        "green" | "low" => Tone::Good,
        "amber" | "medium" => Tone::Warn,
        "red" | "high" => Tone::Bad,
        _ => Tone::Neutral,
    }
}

/// Graded judgements, derived and overridden side by side with their reasons, or the progress
/// verdicts: as the web page gives them.
fn judged(w: &mut Word, v: &View) {
    let j: &Judged = &v.judged;
    w.h1(j.heading, false);
    w.text(&j.intro);
    if !j.headlines.is_empty() {
        let mut table = Grid::new(&[
            ("Headline judgement", 5),
            ("Grade", 4),
            ("How it follows", 10),
        ]);
        for h in &j.headlines {
            table.row(vec![
                Cell::text(h.title),
                grade_cell(h.grade, h.class),
                Cell::text(h.why),
            ]);
        }
        w.table(table);
    }
    if !j.areas.is_empty() {
        let mut table = Grid::new(&[
            ("Area", 7),
            ("Derived", 4),
            ("Assessor's judgement", 4),
            ("Stands at", 4),
        ]);
        for a in &j.areas {
            table.row(vec![
                Cell::text(a.title),
                Cell::text(a.derived),
                Cell::text(a.overridden.unwrap_or("none recorded")),
                grade_cell(a.standing, a.class),
            ]);
        }
        w.table(table);
    }
    for a in &j.areas {
        w.h2(&format!("{}: {}", a.title, a.standing.to_lowercase()));
        let notable = a.notable.map(|n| format!("Notable practice recorded: {n}"));
        w.bullets(
            std::iter::once(a.why)
                .chain(a.reasons.iter().map(String::as_str))
                .chain(a.assessor.as_deref())
                .chain(notable.as_deref()),
        );
    }
    if !j.verdicts.is_empty() {
        let mut table = Grid::new(&[("", 6), ("Verdict", 4), ("Why", 9)]);
        for l in &j.verdicts {
            table.row(vec![
                Cell::text(l.title),
                grade_cell(l.verdict, l.class),
                Cell::text(l.why),
            ]);
        }
        w.table(table);
    }
    for said in &j.unjudged {
        w.text(said);
    }
}

/// A grade or verdict in its colour, from the web page's class for it. Adequate stays plain:
/// the page gives it a colour of its own, which Word's four tones do not have.
fn grade_cell(text: &str, class: &str) -> Cell {
    let cell = Cell::text(text);
    match class {
        "good" => cell.toned(Tone::Good),
        "weak" => cell.toned(Tone::Warn),
        "poor" => cell.toned(Tone::Bad),
        "none" => cell.toned(Tone::Neutral),
        _ => cell,
    }
}

fn findings(w: &mut Word, v: &View) {
    w.h1("Findings and actions", true);
    if v.findings.is_empty() {
        w.text("No findings: every answered question is met and no gap rule applies.");
        return;
    }
    let mut plan = Grid::new(&[
        ("No.", 3),
        ("Finding", 10),
        ("Severity", 5),
        ("Recommended action", 11),
        ("Owner", 6),
        ("Due", 5),
        ("Status", 5),
    ]);
    for f in &v.findings {
        let finding = &f.row.finding;
        plan.row(vec![
            Cell::number(&f.number.to_string()),
            Cell::bold(&finding.title).then(vec![Span::muted(&f.row.area_title)]),
            Cell::text(f.severity).toned(Tone::of_severity(finding.severity)),
            Cell::text(&finding.action),
            Cell::text(f.owner),
            Cell::text(&f.due),
            Cell::text(f.row.status.name()).toned(if f.overdue { Tone::Bad } else { Tone::Warn }),
        ]);
    }
    w.table(plan);
    for f in &v.findings {
        finding(w, f);
    }
}

/// One finding in full, each part a paragraph led by its label.
fn finding(w: &mut Word, f: &FindingView) {
    let finding = &f.row.finding;
    w.h2(&format!("{}. {}", f.number, finding.title));
    let mut parts = vec![
        ("Severity", f.severity.to_string()),
        (
            "Area",
            match f.label {
                Some(label) => format!("{} · {label}", f.row.area_title),
                None => f.row.area_title.clone(),
            },
        ),
    ];
    if !finding.explanation.is_empty() {
        parts.push((f.why_heading, finding.explanation.clone()));
    }
    let mut flagged = f.row.because.join(" · ");
    for caveat in &f.row.caveats {
        flagged.push_str(&format!(" ({caveat})"));
    }
    parts.push(("Why it was flagged", flagged));
    parts.push(("Recommended action", finding.action.clone()));
    if !f.good.is_empty() {
        parts.push(("What good looks like", f.good.to_string()));
    }
    parts.push(("Owner", f.owner.to_string()));
    let due = if f.overdue {
        format!("{} (overdue)", f.due)
    } else {
        f.due.clone()
    };
    parts.push(("Due", due));
    if !f.themes.is_empty() {
        parts.push(("Recommendation themes", f.themes.join("; ")));
    }
    for (label, text) in parts {
        w.spans(&[Span::bold(&format!("{label}: ")), Span::plain(&text)]);
    }
}

fn answers(w: &mut Word, v: &View) {
    w.h1("Answers by area", true);
    w.text("Each area's answers as recorded. Questions not yet answered are listed once, in the annex.");
    for a in v
        .answers
        .iter()
        .filter(|a| !a.rows.is_empty() || a.unanswered > 0)
    {
        w.h2(a.title);
        w.spans(&[Span::muted(a.question)]);
        w.text(&a.standing_in_full());
        if a.rows.is_empty() {
            continue;
        }
        let mut table = Grid::new(&[("Question", 7), ("Answer", 3)]);
        for line in &a.rows {
            table.row(answer_row(line));
        }
        w.table(table);
    }
}

fn answer_row(i: &AnswerLine) -> Vec<Cell> {
    let row = i.row;
    let mut question = Cell::text(&row.prompt);
    if let Some(note) = &row.note {
        question = question.then(vec![Span::muted(note)]);
    }
    if !row.evidence.is_empty() {
        let evidence = format!("Evidence: {}", row.evidence.join("; "));
        question = question.then(vec![Span::muted(&evidence)]);
    }
    if !i.action.is_empty() {
        question = question.then(vec![Span::muted(&format!("Action: {}", i.action))]);
    }
    let answer = Cell::text(i.answer);
    let mut answer = match i.state {
        "met" => answer.toned(Tone::Good),
        "partly" => answer.toned(Tone::Warn),
        "not-met" => answer.toned(Tone::Bad),
        _ => answer,
    };
    for flag in &i.flags {
        answer = answer.then(vec![Span::muted(flag)]);
    }
    vec![question, answer]
}

fn rest(w: &mut Word, v: &View) {
    w.h1("Figures", false);
    if v.metrics.is_empty() {
        w.text("No counts, amounts or percentages are recorded.");
    } else {
        let mut table = Grid::new(&[("Measure", 8), ("Figure", 2)]);
        for (label, value) in &v.metrics {
            table.row(vec![Cell::text(label), Cell::number(value)]);
        }
        w.table(table);
    }
    if !v.carried.is_empty() {
        w.h1("Carried forward, not yet confirmed", false);
        w.text(&format!(
            "These {} answers were copied from the previous period and have not been checked again this period. They are not reported as this period's position, and the assessment cannot be signed off until each is confirmed or changed.",
            v.carried.len()
        ));
        let mut table = Grid::new(&[("Area", 3), ("Question", 5), ("Answer carried", 2)]);
        for (area, question, answer) in &v.carried {
            table.row(vec![
                Cell::text(area),
                Cell::text(question),
                Cell::text(answer),
            ]);
        }
        w.table(table);
    }
    if !v.conflicts.is_empty() {
        w.h1("Answers in conflict, not yet resolved", false);
        w.text(super::view::CONFLICTS);
        let mut table = Grid::new(&[
            ("Area", 2),
            ("Question", 4),
            ("Answer recorded", 2),
            ("A return gives", 3),
        ]);
        for (area, question, held, says) in &v.conflicts {
            table.row(vec![
                Cell::text(area),
                Cell::text(question),
                Cell::text(held),
                Cell::text(says),
            ]);
        }
        w.table(table);
    }
    if !v.warnings.is_empty() {
        w.h1("Quality of the record", false);
        w.text("Points a reader would query in the record itself, rather than gaps in the force's arrangements.");
        w.bullets(&v.warnings);
    }
    w.h1("Method", false);
    for p in &v.method {
        w.text(p);
    }
    w.h2("Checklist provenance");
    for p in &v.provenance {
        w.text(p);
    }
}

fn annex(w: &mut Word, v: &View) {
    w.h1("Annex: questions not yet answered", true);
    if v.annex.is_empty() {
        w.text("Every applicable question has an answer.");
        return;
    }
    w.text("These applicable questions have no answer yet, named by their short labels. They do not lower the score, but the report cannot speak to them.");
    for (area, items) in &v.annex {
        w.h2(area);
        w.bullets(items);
    }
}
