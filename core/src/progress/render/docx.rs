//! The progress report and the summary as Word documents: the sections of their web pages, worded
//! by the same helpers, in Word's heading styles, with every list of figures as a table.
//! Readers see questions and titles, not ids.

use super::{
    finding_lists, force_cells, forces_or_none, moved_rows, narrative, rate_labels, score_rows,
    windows_words,
};
use crate::answer::format_number;
use crate::document::docx::{Cell, Grid, Span, Word, WordError, created_on};
use crate::document::figures::signed;
use crate::document::long_date;
use crate::document::tone::Tone;
use crate::progress::compare::{Change, Comparison};
use crate::progress::summary::Summary;

pub fn comparison(c: &Comparison) -> Result<Vec<u8>, WordError> {
    let mut w = Word::new(
        &c.page.marking,
        &format!("{} · progress since {}", c.force, c.before_period),
    );
    let title = format!(
        "Progress since {}: {}, {}",
        c.before_period, c.force, c.after_period
    );
    w.properties(&title, None, created_on(c.page.generated));
    w.title(&title);
    w.subtitle(&format!("Produced {}", long_date(c.page.generated)));
    w.text(&c.page.as_at_sentence());
    if c.redacted {
        w.spans(&[Span::bold(
            "Names and text answers have been removed for sharing outside the force.",
        )]);
    }
    for p in narrative::progress(c) {
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
        w.bullets(c.unconfirmed.iter().map(|u| &u.label));
    }
    w.finish()
}

fn scores(w: &mut Word, c: &Comparison) {
    w.h1("Scores", false);
    let mut table = Grid::new(&[
        ("", 6),
        (&c.before_period, 3),
        (&c.after_period, 3),
        ("Change", 2),
    ]);
    for (i, [label, before, after, change]) in score_rows(c).into_iter().enumerate() {
        table.row(vec![
            if i == 0 {
                Cell::bold(&label)
            } else {
                Cell::text(&label)
            },
            Cell::number(&before),
            Cell::number(&after),
            Cell::number(&change),
        ]);
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
            Cell::text(&l.due.map_or("not set".into(), long_date)),
            Cell::text(l.status.name()).toned(l.status.tone()),
        ]);
    }
    w.table(table);
}

fn findings(w: &mut Word, c: &Comparison) {
    w.h1("Findings", false);
    let mut table = Grid::new(&[("", 3), ("Number", 2), ("Findings", 10)]);
    for (label, titles) in finding_lists(c) {
        let listed = if titles.is_empty() {
            "none".to_string()
        } else {
            titles.join("\n")
        };
        table.row(vec![
            Cell::bold(label),
            Cell::number(&titles.len().to_string()),
            Cell::text(&listed),
        ]);
    }
    w.table(table);
}

fn moved(w: &mut Word, c: &Comparison) {
    w.h1("Answers that moved", false);
    let rows = moved_rows(c);
    if rows.is_empty() {
        w.text("Every answer given in both periods is the same.");
    } else {
        let mut table = Grid::new(&[
            ("Question", 8),
            (&c.before_period, 3),
            (&c.after_period, 3),
            ("Change", 4),
        ]);
        let changes = c.items.iter().filter(|i| i.change != Change::Unchanged);
        for ([question, before, after, change], item) in rows.into_iter().zip(changes) {
            let change = Cell::text(&change);
            table.row(vec![
                Cell::text(&question),
                Cell::text(&before),
                Cell::text(&after),
                match item.change {
                    Change::Improved => change.toned(Tone::Good),
                    Change::Regressed => change.toned(Tone::Bad),
                    _ => change,
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
    for p in windows_words(c) {
        w.text(&p);
    }
    let n = |x: Option<f64>| x.map_or("—".into(), format_number);
    let mut table = Grid::new(&[
        ("Measure", 8),
        (&c.before_period, 2),
        (&c.after_period, 2),
        ("Change", 2),
        ("%", 2),
        ("A month", 3),
    ]);
    for m in &c.metrics {
        let month = m.per_month.map_or(String::new(), |p| {
            format!("{} → {}", n(p.before), n(p.after))
        });
        table.row(vec![
            Cell::text(&m.label),
            Cell::number(&n(m.before)),
            Cell::number(&n(m.after)),
            Cell::number(&signed(m.delta)),
            Cell::number(&signed(m.percent)),
            Cell::number(&month),
        ]);
    }
    w.table(table);
}

pub fn summary(s: &Summary) -> Result<Vec<u8>, WordError> {
    let mut w = Word::new(&s.page.marking, "Summary across forces");
    let title = format!(
        "Summary across {} force{}",
        s.forces,
        if s.forces == 1 { "" } else { "s" }
    );
    w.properties(&title, None, created_on(s.page.generated));
    w.title(&title);
    w.subtitle(&format!("Produced {}", long_date(s.page.generated)));
    w.text(&s.page.as_at_sentence());
    for line in s.scope() {
        w.text(&line);
    }
    if !s.bad.is_empty() {
        w.h1("Files that could not be read", false);
        w.bullets(s.bad.iter().flat_map(|b| &b.problems));
    }
    by_force(&mut w, s);
    gaps(&mut w, s);
    tallies(&mut w, s);
    spread(&mut w, s);
    w.finish()
}

fn by_force(w: &mut Word, s: &Summary) {
    w.h1("By force", false);
    let mut columns = vec![
        ("Force", 5),
        ("Period", 3),
        ("Score", 3),
        ("Rating", 5),
        ("Complete", 4),
        ("High", 3),
        ("Medium", 4),
        ("Low", 3),
        ("Overdue", 4),
    ];
    let rates = rate_labels(s);
    columns.extend(rates.iter().map(|label| (*label, 6)));
    let mut table = Grid::new(&columns);
    for f in &s.by_force {
        let cells = force_cells(f, &rates)
            .into_iter()
            .enumerate()
            .map(|(i, cell)| match i {
                0 | 1 => Cell::text(&cell),
                3 => Cell::text(&cell).toned(Tone::of_rating(f.rating)),
                _ => Cell::number(&cell),
            })
            .collect();
        table.row(cells);
    }
    w.table(table);
}

fn gaps(w: &mut Word, s: &Summary) {
    w.h1("Gaps flagged", false);
    let mut table = Grid::new(&[
        ("Gap", 7),
        ("Severity", 3),
        ("Flagged", 4),
        ("Not flagged", 4),
        ("Could not be judged", 4),
    ]);
    for r in &s.rules {
        let severity = Cell::text(r.severity.name());
        let flagged = format!(
            "{} of {}: {}",
            r.flagged,
            r.asked,
            forces_or_none(&r.forces)
        );
        table.row(vec![
            Cell::text(&r.title),
            // Only a gap some force has is coloured, so the eye goes to what was found.
            if r.flagged > 0 {
                severity.toned(Tone::of_severity(r.severity))
            } else {
                severity
            },
            Cell::text(&flagged),
            Cell::text(&forces_or_none(&r.not_flagged)),
            Cell::text(&forces_or_none(&r.not_judged_forces)),
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
