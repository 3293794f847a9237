//! Markdown renderings of the comparison, the trend and the summary. Everything from a file goes
//! through [`md_escape`](e); items are named by their questions, never by their ids.

use std::fmt::Write;

use super::{
    finding_lists, force_cells, forces_or_none, moved_rows, narrative, rate_labels, score_rows,
    windows_words,
};
use crate::answer::format_number;
use crate::document::escape::md_escape as e;
use crate::document::figures::{score_text as score, signed};
use crate::document::{Page, long_date};
use crate::progress::compare::{Change, Comparison};
use crate::progress::summary::Summary;
use crate::progress::trend::Trend;

fn header(o: &mut String, page: &Page, title: &str) {
    let _ = writeln!(o, "**{}**\n", e(&page.marking));
    let _ = writeln!(o, "# {}\n", e(title));
    let _ = writeln!(o, "{}\n", e(&page.as_at_sentence()));
}

fn footer(o: &mut String, page: &Page) {
    let _ = writeln!(
        o,
        "Produced {} by probity.\n\n**{}**",
        long_date(page.generated),
        e(&page.marking)
    );
}

fn row(o: &mut String, cells: &[String]) {
    let _ = writeln!(o, "| {} |", cells.join(" | "));
}

pub fn comparison(c: &Comparison) -> String {
    let mut o = String::new();
    header(
        &mut o,
        &c.page,
        &format!(
            "Progress since {}: {}, {}",
            c.before_period, c.force, c.after_period
        ),
    );
    if c.redacted {
        let _ = writeln!(
            o,
            "**Names and text answers have been removed for sharing outside the force.**\n"
        );
    }
    for p in &narrative::progress(c) {
        let _ = writeln!(o, "{}\n", e(p));
    }
    if let Some(b) = &c.briefing {
        let _ = writeln!(o, "## What changed in the checklist\n");
        for line in b.lines() {
            let _ = writeln!(o, "- {}", e(&line));
        }
        o.push('\n');
    }
    scores(&mut o, c);
    ledger(&mut o, c);
    let _ = writeln!(o, "\n## Findings\n");
    for (label, titles) in finding_lists(c) {
        let listed: Vec<String> = titles.iter().map(|t| e(t)).collect();
        let _ = writeln!(
            o,
            "- **{label}** ({}): {}",
            titles.len(),
            if listed.is_empty() {
                "none".into()
            } else {
                listed.join("; ")
            }
        );
    }
    moved(&mut o, c);
    figures(&mut o, c);
    if !c.unconfirmed.is_empty() {
        let _ = writeln!(o, "\n## Carried answers not yet confirmed\n");
        for u in &c.unconfirmed {
            let _ = writeln!(o, "- {}", e(&u.label));
        }
    }
    o.push('\n');
    footer(&mut o, &c.page);
    o
}

fn scores(o: &mut String, c: &Comparison) {
    let _ = writeln!(
        o,
        "## Scores\n\n| | {} | {} | Change |\n|---|---:|---:|---:|",
        e(&c.before_period),
        e(&c.after_period)
    );
    for r in score_rows(c) {
        row(o, &r.map(|cell| e(&cell)));
    }
}

fn ledger(o: &mut String, c: &Comparison) {
    let _ = writeln!(o, "\n## Commitments from {}\n", e(&c.before_period));
    if c.ledger.is_empty() {
        let _ = writeln!(o, "No findings were recorded in {}.", e(&c.before_period));
        return;
    }
    let _ = writeln!(
        o,
        "| Finding | Severity | Owner | Due | Now |\n|---|---|---|---|---|"
    );
    for l in &c.ledger {
        row(
            o,
            &[
                e(&l.title),
                l.severity.name().to_string(),
                e(l.owner.as_deref().unwrap_or("not assigned")),
                l.due.map_or("not set".into(), long_date),
                format!("**{}**", l.status.name()),
            ],
        );
    }
}

fn moved(o: &mut String, c: &Comparison) {
    let _ = writeln!(o, "\n## Answers that moved\n");
    let rows = moved_rows(c);
    if rows.is_empty() {
        let _ = writeln!(o, "Every answer given in both periods is the same.");
    } else {
        let _ = writeln!(
            o,
            "| Question | {} | {} | Change |\n|---|---|---|---|",
            e(&c.before_period),
            e(&c.after_period)
        );
        for r in rows {
            row(o, &r.map(|cell| e(&cell)));
        }
    }
    let unchanged = c
        .items
        .iter()
        .filter(|i| i.change == Change::Unchanged)
        .count();
    let _ = writeln!(o, "\n{unchanged} other answers are unchanged.");
}

fn figures(o: &mut String, c: &Comparison) {
    if c.metrics.is_empty() {
        return;
    }
    let _ = writeln!(o, "\n## Figures\n");
    for p in windows_words(c) {
        let _ = writeln!(o, "{}\n", e(&p));
    }
    let _ = writeln!(
        o,
        "| Measure | {} | {} | Change | % | A month |\n|---|---:|---:|---:|---:|---:|",
        e(&c.before_period),
        e(&c.after_period)
    );
    let n = |x: Option<f64>| x.map_or("—".into(), format_number);
    for m in &c.metrics {
        row(
            o,
            &[
                e(&m.label),
                n(m.before),
                n(m.after),
                signed(m.delta),
                signed(m.percent),
                m.per_month.map_or(String::new(), |p| {
                    format!("{} → {}", n(p.before), n(p.after))
                }),
            ],
        );
    }
}

pub fn trend(t: &Trend) -> String {
    let mut o = String::new();
    header(&mut o, &t.page, &format!("Trend: {}", t.force));
    let periods: Vec<String> = t.points.iter().map(|p| e(&p.period)).collect();
    let _ = writeln!(
        o,
        "| | {} |\n|---|{}",
        periods.join(" | "),
        "---:|".repeat(periods.len())
    );
    let mut line = |label: &str, cells: Vec<String>| {
        let mut all = vec![label.to_string()];
        all.extend(cells);
        row(&mut o, &all);
    };
    line(
        "**Overall**",
        t.points.iter().map(|p| score(p.overall)).collect(),
    );
    line(
        "Completeness (%)",
        t.points
            .iter()
            .map(|p| score(Some(p.completeness)))
            .collect(),
    );
    line(
        "Findings (high)",
        t.points
            .iter()
            .map(|p| format!("{} ({})", p.findings, p.high))
            .collect(),
    );
    for (i, (_, title)) in t.areas.iter().enumerate() {
        line(
            &e(title),
            t.points.iter().map(|p| score(p.areas[i])).collect(),
        );
    }
    o.push('\n');
    footer(&mut o, &t.page);
    o
}

pub fn summary(s: &Summary) -> String {
    let mut o = String::new();
    header(
        &mut o,
        &s.page,
        &format!(
            "Summary across {} force{}",
            s.forces,
            if s.forces == 1 { "" } else { "s" }
        ),
    );
    for line in s.scope() {
        let _ = writeln!(o, "{}\n", e(&line));
    }
    if !s.bad.is_empty() {
        let _ = writeln!(o, "\n## Files that could not be read\n");
        for b in &s.bad {
            for p in &b.problems {
                let _ = writeln!(o, "- {}", e(p));
            }
        }
    }
    by_force(&mut o, s);
    gaps(&mut o, s);
    answers(&mut o, s);
    if !s.metrics.is_empty() {
        let _ = writeln!(
            o,
            "\n## Figures\n\n| Measure | Total | Lowest | Median | Highest | Forces reporting |\n|---|---:|---:|---:|---:|---:|"
        );
        for m in &s.metrics {
            let n = format_number;
            row(
                &mut o,
                &[
                    e(&m.label),
                    n(m.total),
                    n(m.min),
                    n(m.median),
                    n(m.max),
                    m.reported.to_string(),
                ],
            );
        }
    }
    o.push('\n');
    footer(&mut o, &s.page);
    o
}

fn by_force(o: &mut String, s: &Summary) {
    let labels = rate_labels(s);
    let mut head = vec![
        "Force", "Period", "Score", "Rating", "Complete", "High", "Medium", "Low", "Overdue",
    ];
    head.extend(labels.iter().copied());
    let _ = writeln!(o, "\n## By force\n");
    row(o, &head.iter().map(|h| e(h)).collect::<Vec<_>>());
    let _ = writeln!(o, "|---|---|{}", "---:|".repeat(head.len() - 2));
    for f in &s.by_force {
        row(
            o,
            &force_cells(f, &labels)
                .iter()
                .map(|c| e(c))
                .collect::<Vec<_>>(),
        );
    }
}

fn gaps(o: &mut String, s: &Summary) {
    let _ = writeln!(o, "\n## Gaps flagged\n");
    for r in &s.rules {
        let _ = writeln!(
            o,
            "- {} [{}]. Flagged: {}. Not flagged: {}. Could not be judged: {}.",
            e(&r.sentence()),
            r.severity.name(),
            e(&forces_or_none(&r.forces)),
            e(&forces_or_none(&r.not_flagged)),
            e(&forces_or_none(&r.not_judged_forces)),
        );
    }
}

fn answers(o: &mut String, s: &Summary) {
    let _ = writeln!(
        o,
        "\n## Answers\n\n| Question | Yes | Partly | No | N/A | Unanswered | Not asked | Other answers |\n|---|---:|---:|---:|---:|---:|---:|---|"
    );
    for i in &s.items {
        let options: Vec<String> = i.other_answers().iter().map(|o| e(o)).collect();
        let mut cells = vec![e(&i.prompt)];
        cells.extend(i.status_counts());
        cells.extend([
            i.unanswered.to_string(),
            i.not_asked.to_string(),
            options.join("; "),
        ]);
        row(o, &cells);
    }
}
