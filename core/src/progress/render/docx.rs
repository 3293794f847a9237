//! The progress report and the summary as Word documents: the same sections as their web
//! pages, in Word's heading styles, with every list of figures as a table. Readers see
//! questions and titles, not ids.

use crate::answer::format_number;
use crate::document::docx::{Cell, Grid, Span, Word, WordError};
use crate::document::figures::{score_text as score, signed};
use crate::document::tone::Tone;
use crate::progress::compare::{Change, Comparison};
use crate::progress::summary::Summary;

pub fn comparison(c: &Comparison) -> Result<Vec<u8>, WordError> {
    let mut w = Word::new(
        &c.page.marking,
        &format!("{} · progress since {}", c.force, c.before_period),
    );
    w.title(&format!(
        "Progress since {}: {}, {}",
        c.before_period, c.force, c.after_period
    ));
    w.subtitle(&format!("Produced {}", c.page.generated));
    for p in super::narrative::progress(c) {
        w.text(&p);
    }
    if let Some(b) = &c.briefing {
        w.h1("What changed in the checklist", false);
        w.bullets(b.lines());
    }
    scores(&mut w, c);
    commitments(&mut w, c);
    findings(&mut w, c);
    moved(&mut w, c);
    figures(&mut w, c);
    if !c.unconfirmed.is_empty() {
        w.h1("Carried answers not yet confirmed", false);
        w.bullets(c.unconfirmed.iter().map(|id| question(c, id)));
    }
    w.finish()
}

/// An item's question, from the items compared; its id only if the comparison has no question.
fn question<'a>(c: &'a Comparison, id: &'a str) -> &'a str {
    c.items
        .iter()
        .find(|i| i.id == id)
        .map_or(id, |i| i.prompt.as_str())
}

fn scores(w: &mut Word, c: &Comparison) {
    w.h1("Scores", false);
    let mut table = Grid::new(&[
        ("", 6),
        (&c.before_period, 2),
        (&c.after_period, 2),
        ("Change", 2),
    ]);
    let mut row = |label: &str, d: &crate::progress::compare::Delta, bold: bool| {
        let label = if bold {
            Cell::bold(label)
        } else {
            Cell::text(label)
        };
        table.row(vec![
            label,
            Cell::number(&score(d.before)),
            Cell::number(&score(d.after)),
            Cell::number(&signed(d.delta)),
        ]);
    };
    row("Overall", &c.overall, true);
    row("Completeness (%)", &c.completeness, false);
    for a in &c.areas {
        row(&a.title, &a.score, false);
    }
    w.table(table);
}

fn commitments(w: &mut Word, c: &Comparison) {
    w.h1(&format!("Commitments from {}", c.before_period), false);
    if c.ledger.is_empty() {
        w.text(&format!(
            "No findings were recorded in {}.",
            c.before_period
        ));
        return;
    }
    let mut table = Grid::new(&[
        ("Finding", 8),
        ("Severity", 3),
        ("Owner", 4),
        ("Due", 3),
        ("Now", 3),
    ]);
    for l in &c.ledger {
        table.row(vec![
            Cell::text(&l.title),
            Cell::text(l.severity.name()).toned(Tone::of_severity(l.severity)),
            Cell::text(l.owner.as_deref().unwrap_or("not assigned")),
            Cell::text(&l.due.map_or("not set".into(), |d| d.to_string())),
            Cell::text(l.status.name()).toned(l.status.tone()),
        ]);
    }
    w.table(table);
}

fn findings(w: &mut Word, c: &Comparison) {
    w.h1("Findings", false);
    let f = &c.findings;
    let titled = |ids: &[String]| -> Vec<Span> {
        let names: Vec<String> = ids
            .iter()
            .map(|id| {
                f.details.iter().find(|d| &d.id == id).map_or_else(
                    || "a finding no longer in the checklist".to_string(),
                    |d| format!("{} ({})", d.title, d.severity.name()),
                )
            })
            .collect();
        vec![Span::plain(&if names.is_empty() {
            "none".to_string()
        } else {
            names.join("\n")
        })]
    };
    let mut table = Grid::new(&[("", 3), ("Number", 2), ("Findings", 10)]);
    for (label, ids) in [
        ("Closed", &f.closed),
        ("Still open", &f.persisting),
        ("New", &f.opened),
        ("Cannot be judged", &f.not_comparable),
    ] {
        table.row(vec![
            Cell::bold(label),
            Cell::number(&ids.len().to_string()),
            Cell::spans(titled(ids)),
        ]);
    }
    w.table(table);
}

fn moved(w: &mut Word, c: &Comparison) {
    w.h1("Answers that moved", false);
    let moved: Vec<_> = c
        .items
        .iter()
        .filter(|i| i.change != Change::Unchanged)
        .collect();
    if moved.is_empty() {
        w.text("Every answer given in both periods is the same.");
    } else {
        let mut table = Grid::new(&[
            ("Question", 8),
            (&c.before_period, 3),
            (&c.after_period, 3),
            ("Change", 4),
        ]);
        for i in moved {
            let change = match &i.reason {
                Some(r) => format!("{}: {r}", i.change.name()),
                None => i.change.name().to_string(),
            };
            let tone = match i.change {
                Change::Improved => Some(Tone::Good),
                Change::Regressed => Some(Tone::Bad),
                _ => None,
            };
            let change = Cell::text(&change);
            table.row(vec![
                Cell::text(&i.prompt),
                Cell::text(i.before_label.as_deref().unwrap_or("—")),
                Cell::text(i.after_label.as_deref().unwrap_or("—")),
                match tone {
                    Some(t) => change.toned(t),
                    None => change,
                },
            ]);
        }
        w.table(table);
    }
    let unchanged = c
        .items
        .iter()
        .filter(|i| i.change == Change::Unchanged)
        .count();
    w.text(&format!("{unchanged} other answers are unchanged."));
}

fn figures(w: &mut Word, c: &Comparison) {
    if c.metrics.is_empty() {
        return;
    }
    w.h1("Figures", false);
    let n = |x: Option<f64>| x.map_or("—".into(), format_number);
    let mut table = Grid::new(&[
        ("Measure", 8),
        (&c.before_period, 2),
        (&c.after_period, 2),
        ("Change", 2),
        ("%", 2),
    ]);
    for m in &c.metrics {
        table.row(vec![
            Cell::text(&m.label),
            Cell::number(&n(m.before)),
            Cell::number(&n(m.after)),
            Cell::number(&signed(m.delta)),
            Cell::number(&signed(m.percent)),
        ]);
    }
    w.table(table);
}

pub fn summary(s: &Summary) -> Result<Vec<u8>, WordError> {
    let mut w = Word::new(
        &s.page.marking,
        "integrity self-assessment · summary across forces",
    );
    w.title(&format!(
        "Summary across {} force{}",
        s.forces,
        if s.forces == 1 { "" } else { "s" }
    ));
    w.subtitle(&format!("Produced {}", s.page.generated));
    for line in s.scope() {
        w.text(&line);
    }
    forces(&mut w, s);
    if !s.bad.is_empty() {
        w.h1("Files that could not be read", false);
        w.bullets(s.bad.iter().flat_map(|b| &b.problems));
    }
    gaps(&mut w, s);
    tallies(&mut w, s);
    spread(&mut w, s);
    w.finish()
}

fn forces(w: &mut Word, s: &Summary) {
    w.h1("Forces", false);
    let mut table = Grid::new(&[("Force", 7), ("Period", 3)]);
    for (force, period) in &s.assessments {
        table.row(vec![Cell::text(force), Cell::text(period)]);
    }
    w.table(table);
}

fn gaps(w: &mut Word, s: &Summary) {
    w.h1("Gaps flagged", false);
    let mut table = Grid::new(&[
        ("Gap", 7),
        ("Severity", 2),
        ("Forces flagged", 2),
        ("Which forces", 5),
    ]);
    for r in &s.rules {
        let severity = Cell::text(r.severity.name());
        table.row(vec![
            Cell::text(&r.title),
            // Only a gap some force has is coloured, so the eye goes to what was found.
            if r.flagged > 0 {
                severity.toned(Tone::of_severity(r.severity))
            } else {
                severity
            },
            Cell::number(&format!("{} of {}", r.flagged, s.forces)),
            Cell::text(&r.forces.join(", ")),
        ]);
    }
    w.table(table);
}

fn tallies(w: &mut Word, s: &Summary) {
    w.h1("Answers", true);
    let mut table = Grid::new(&[
        ("Question", 9),
        ("Yes", 2),
        ("Partly", 2),
        ("No", 2),
        ("N/A", 2),
        ("Unanswered", 3),
        ("Not asked", 2),
        ("Other answers", 5),
    ]);
    for i in &s.items {
        let mut cells = vec![Cell::text(&i.prompt)];
        cells.extend(i.status_counts().iter().map(|n| Cell::number(n)));
        cells.push(Cell::number(&i.unanswered.to_string()));
        cells.push(Cell::number(&i.not_asked.to_string()));
        cells.push(Cell::text(&i.other_answers().join("\n")));
        table.row(cells);
    }
    w.table(table);
}

fn spread(w: &mut Word, s: &Summary) {
    if s.metrics.is_empty() {
        return;
    }
    w.h1("Figures", false);
    let mut table = Grid::new(&[
        ("Measure", 8),
        ("Total", 2),
        ("Lowest", 2),
        ("Median", 2),
        ("Highest", 2),
        ("Forces reporting", 2),
    ]);
    let n = format_number;
    for m in &s.metrics {
        table.row(vec![
            Cell::text(&m.label),
            Cell::number(&n(m.total)),
            Cell::number(&n(m.min)),
            Cell::number(&n(m.median)),
            Cell::number(&n(m.max)),
            Cell::number(&m.reported.to_string()),
        ]);
    }
    w.table(table);
}
