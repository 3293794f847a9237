//! Markdown renderings. Everything from a file goes through [`md_escape`]; ids are shown as
//! code only when they hold nothing but id characters.

use std::fmt::Write;

use crate::document::Page;
use crate::document::figures::{score_text as score, signed};

use crate::answer::format_number;
use crate::document::escape::md_escape as e;
use crate::progress::compare::Comparison;
use crate::progress::summary::Summary;
use crate::progress::trend::Trend;

fn id(s: &str) -> String {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "._-".contains(c))
    {
        format!("`{s}`")
    } else {
        e(s)
    }
}

fn footer(o: &mut String, page: &Page) {
    let _ = writeln!(
        o,
        "Produced {} by probity.\n\n**{}**",
        page.generated,
        e(&page.marking)
    );
}

pub fn comparison(c: &Comparison) -> String {
    let page = &c.page;
    let mut o = String::new();
    let _ = writeln!(o, "**{}**\n", e(&page.marking));
    let _ = writeln!(
        o,
        "# Progress since {}: {}, {}\n",
        e(&c.before_period),
        e(&c.force),
        e(&c.after_period)
    );
    for p in &super::narrative::progress(c) {
        let _ = writeln!(o, "{}\n", e(p));
    }
    if let Some(b) = &c.briefing {
        let _ = writeln!(o, "## What changed in the checklist\n");
        for line in b.lines() {
            let _ = writeln!(o, "- {}", e(&line));
        }
        o.push('\n');
    }

    let _ = writeln!(
        o,
        "## Scores\n\n| | {} | {} | Change |\n|---|---:|---:|---:|",
        e(&c.before_period),
        e(&c.after_period)
    );
    let _ = writeln!(
        o,
        "| **Overall** | {} | {} | {} |",
        score(c.overall.before),
        score(c.overall.after),
        signed(c.overall.delta)
    );
    let _ = writeln!(
        o,
        "| Completeness (%) | {} | {} | {} |",
        score(c.completeness.before),
        score(c.completeness.after),
        signed(c.completeness.delta)
    );
    for a in &c.areas {
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} |",
            e(&a.title),
            score(a.score.before),
            score(a.score.after),
            signed(a.score.delta)
        );
    }

    let _ = writeln!(o, "\n## Commitments from {}\n", e(&c.before_period));
    if c.ledger.is_empty() {
        let _ = writeln!(o, "No findings were recorded in {}.", e(&c.before_period));
    } else {
        let _ = writeln!(
            o,
            "| Finding | Severity | Owner | Due | Now |\n|---|---|---|---|---|"
        );
        for l in &c.ledger {
            let _ = writeln!(
                o,
                "| {} ({}) | {} | {} | {} | **{}** |",
                e(&l.title),
                id(&l.id),
                l.severity.name(),
                e(l.owner.as_deref().unwrap_or("not assigned")),
                l.due.map_or("not set".into(), |d| d.to_string()),
                l.status.name()
            );
        }
    }

    let f = &c.findings;
    let _ = writeln!(o, "\n## Findings\n");
    for (label, ids) in [
        ("Closed", &f.closed),
        ("Still open", &f.persisting),
        ("New", &f.opened),
        ("Cannot be judged", &f.not_comparable),
    ] {
        let titles: Vec<String> = ids
            .iter()
            .map(|i| {
                let t = f
                    .details
                    .iter()
                    .find(|d| &d.id == i)
                    .map_or(String::new(), |d| {
                        format!("{} ({})", e(&d.title), d.severity.name())
                    });
                format!("{t} {}", id(i))
            })
            .collect();
        let _ = writeln!(
            o,
            "- **{label}** ({}): {}",
            ids.len(),
            if titles.is_empty() {
                "none".into()
            } else {
                titles.join("; ")
            }
        );
    }

    let _ = writeln!(o, "\n## Answers that moved\n");
    let moved: Vec<_> = c
        .items
        .iter()
        .filter(|i| i.change != crate::progress::compare::Change::Unchanged)
        .collect();
    if moved.is_empty() {
        let _ = writeln!(o, "Every answer given in both periods is the same.");
    } else {
        let _ = writeln!(
            o,
            "| Item | Question | {} | {} | Change |\n|---|---|---|---|---|",
            e(&c.before_period),
            e(&c.after_period)
        );
        for i in moved {
            let from = if i.from.is_empty() {
                String::new()
            } else {
                format!(
                    " (was {})",
                    i.from.iter().map(|f| id(f)).collect::<Vec<_>>().join(", ")
                )
            };
            let change = match &i.reason {
                Some(r) => format!("{}: {}", i.change.name(), e(r)),
                None => i.change.name().to_string(),
            };
            let _ = writeln!(
                o,
                "| {}{from} | {} | {} | {} | {change} |",
                id(&i.id),
                e(&i.prompt),
                e(i.before_label.as_deref().unwrap_or("—")),
                e(i.after_label.as_deref().unwrap_or("—")),
            );
        }
    }
    let unchanged = c
        .items
        .iter()
        .filter(|i| i.change == crate::progress::compare::Change::Unchanged)
        .count();
    let _ = writeln!(o, "\n{unchanged} other answers are unchanged.");

    if !c.metrics.is_empty() {
        let _ = writeln!(
            o,
            "\n## Figures\n\n| Measure | Item | {} | {} | Change | % |\n|---|---|---:|---:|---:|---:|",
            e(&c.before_period),
            e(&c.after_period)
        );
        for m in &c.metrics {
            let n = |x: Option<f64>| x.map_or("—".into(), format_number);
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} | {} | {} |",
                e(&m.label),
                id(&m.id),
                n(m.before),
                n(m.after),
                signed(m.delta),
                signed(m.percent)
            );
        }
    }
    if !c.unconfirmed.is_empty() {
        let _ = writeln!(o, "\n## Carried answers not yet confirmed\n");
        for u in &c.unconfirmed {
            let _ = writeln!(o, "- {}", id(u));
        }
    }
    o.push('\n');
    footer(&mut o, page);
    o
}

pub fn trend(t: &Trend) -> String {
    let page = &t.page;
    let mut o = String::new();
    let _ = writeln!(o, "**{}**\n", e(&page.marking));
    let _ = writeln!(o, "# Trend: {}\n", e(&t.force));
    let periods: Vec<String> = t.points.iter().map(|p| e(&p.period)).collect();
    let _ = writeln!(
        o,
        "| | {} |\n|---|{}",
        periods.join(" | "),
        "---:|".repeat(periods.len())
    );
    let row = |label: &str, cells: Vec<String>| format!("| {label} | {} |", cells.join(" | "));
    let _ = writeln!(
        o,
        "{}",
        row(
            "**Overall**",
            t.points.iter().map(|p| score(p.overall)).collect()
        )
    );
    let _ = writeln!(
        o,
        "{}",
        row(
            "Completeness (%)",
            t.points
                .iter()
                .map(|p| score(Some(p.completeness)))
                .collect()
        )
    );
    let _ = writeln!(
        o,
        "{}",
        row(
            "Findings (high)",
            t.points
                .iter()
                .map(|p| format!("{} ({})", p.findings, p.high))
                .collect()
        )
    );
    for (i, (_, title)) in t.areas.iter().enumerate() {
        let _ = writeln!(
            o,
            "{}",
            row(
                &e(title),
                t.points.iter().map(|p| score(p.areas[i])).collect()
            )
        );
    }
    o.push('\n');
    footer(&mut o, page);
    o
}

pub fn summary(s: &Summary) -> String {
    let page = &s.page;
    let mut o = String::new();
    let _ = writeln!(o, "**{}**\n", e(&page.marking));
    let _ = writeln!(
        o,
        "# Summary across {} force{}\n",
        s.forces,
        if s.forces == 1 { "" } else { "s" }
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
    let _ = writeln!(o, "\n## Gaps flagged\n");
    for r in &s.rules {
        let forces = if r.forces.is_empty() {
            String::new()
        } else {
            format!(
                " ({})",
                r.forces.iter().map(|f| e(f)).collect::<Vec<_>>().join(", ")
            )
        };
        let _ = writeln!(
            o,
            "- {} [{}]{forces}",
            e(&r.sentence(s.forces)),
            r.severity.name()
        );
    }
    let _ = writeln!(
        o,
        "\n## Answers\n\n| Item | Question | Yes | Partly | No | N/A | Unanswered | Not asked | Other answers |\n|---|---|---:|---:|---:|---:|---:|---:|---|"
    );
    for i in &s.items {
        let options: Vec<String> = i.other_answers().iter().map(|o| e(o)).collect();
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} | {} | {} |",
            id(&i.id),
            e(&i.prompt),
            i.status_counts().join(" | "),
            i.unanswered,
            i.not_asked,
            options.join("; ")
        );
    }
    if !s.metrics.is_empty() {
        let _ = writeln!(
            o,
            "\n## Figures\n\n| Measure | Item | Total | Lowest | Median | Highest | Forces reporting |\n|---|---|---:|---:|---:|---:|---:|"
        );
        for m in &s.metrics {
            let n = format_number;
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} | {} | {} | {} |",
                e(&m.label),
                id(&m.id),
                n(m.total),
                n(m.min),
                n(m.median),
                n(m.max),
                m.reported
            );
        }
    }
    o.push('\n');
    footer(&mut o, page);
    o
}
