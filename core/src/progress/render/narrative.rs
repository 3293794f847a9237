//! The progress narrative: a few paragraphs in the manner of an inspectorate's revisit, saying
//! what has changed since last time and what is still open. The wording is probity's own.

use crate::progress::compare::{Change, Comparison, Delivery};

use crate::answer::format_number;
use crate::checklist::Severity;

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn title<'a>(c: &'a Comparison, id: &'a str) -> &'a str {
    c.findings.note(id).map_or(id, |d| d.title.as_str())
}

fn high(c: &Comparison, ids: &[String]) -> Vec<String> {
    ids.iter()
        .filter(|id| {
            c.findings
                .note(id)
                .is_some_and(|d| d.severity == Severity::High)
        })
        .map(|id| title(c, id).to_string())
        .collect()
}

/// Paragraphs of plain text; callers escape them for their format.
pub fn progress(c: &Comparison) -> Vec<String> {
    let mut out = Vec::new();
    let mut opening = format!(
        "This report sets {}'s self-assessment for {} beside the one for {}.",
        c.force, c.after_period, c.before_period
    );
    if let Some((before, after)) = &c.different_forces {
        opening.push_str(&format!(
            " Note that the earlier file is for {before} and the later one for {after}."
        ));
    }
    if let Some(b) = &c.briefing {
        let unmatched = c
            .items
            .iter()
            .filter(|i| i.change == Change::NotComparable)
            .count();
        opening.push_str(&format!(
            " The checklist changed from {} to {}; answers are matched through the new checklist's list of replaced and retired items, and {} could not be compared.",
            b.from,
            b.to,
            plural(unmatched, "item", "items")
        ));
    }
    out.push(opening);

    let f = &c.findings;
    let total = f.closed.len() + f.persisting.len() + f.not_comparable.len();
    if total == 0 {
        out.push(format!("No findings were recorded in {}.", c.before_period));
    } else {
        let overdue = c
            .ledger
            .iter()
            .filter(|l| l.status == Delivery::Overdue)
            .count();
        let mut p = format!(
            "Of the {} recorded in {}, {} been closed and {} still open",
            plural(total, "finding", "findings"),
            c.before_period,
            plural(f.closed.len(), "has", "have"),
            plural(f.persisting.len(), "is", "are"),
        );
        if overdue > 0 {
            p.push_str(&format!(
                ", {} past {} due date",
                plural(overdue, "of them", "of them"),
                if overdue == 1 { "its" } else { "their" }
            ));
        }
        p.push('.');
        if !f.not_comparable.is_empty() {
            p.push_str(&format!(
                " {} cannot be judged because the items behind {} were not answered this time.",
                plural(f.not_comparable.len(), "finding", "findings"),
                if f.not_comparable.len() == 1 {
                    "it"
                } else {
                    "them"
                }
            ));
        }
        let closed = high(c, &f.closed);
        if !closed.is_empty() {
            p.push_str(&format!(
                " Progress on high-severity gaps: {}.",
                closed.join("; ")
            ));
        }
        let open = high(c, &f.persisting);
        if !open.is_empty() {
            p.push_str(&format!(
                " High-severity gaps that remain: {}.",
                open.join("; ")
            ));
        }
        out.push(p);
    }
    if !f.opened.is_empty() {
        let opened: Vec<&str> = f.opened.iter().map(|id| title(c, id)).collect();
        out.push(format!(
            "{} {} first recorded in {}: {}.",
            plural(f.opened.len(), "finding", "findings"),
            if f.opened.len() == 1 { "was" } else { "were" },
            c.after_period,
            opened.join("; ")
        ));
    }

    let count = |ch| c.items.iter().filter(|i| i.change == ch).count();
    let mut p = match (c.overall.before, c.overall.after) {
        (Some(b), Some(a)) if a > b => format!(
            "The overall score rose from {} to {} out of 100.",
            format_number(b),
            format_number(a)
        ),
        (Some(b), Some(a)) if a < b => format!(
            "The overall score fell from {} to {} out of 100.",
            format_number(b),
            format_number(a)
        ),
        (Some(b), Some(_)) => format!(
            "The overall score is unchanged at {} out of 100.",
            format_number(b)
        ),
        _ => "An overall score could not be given for both periods.".to_string(),
    };
    if c.overall_provisional.contains(&true) && c.overall.delta.is_some() {
        p.push_str(" Treat this with care: a score that rests on fewer than half of the scored questions is provisional, and at least one of these is.");
    }
    if c.briefing.is_some() && c.overall.delta.is_some() {
        p.push_str(" As the checklist changed, part of that movement may come from the new questions rather than from the force.");
    }
    p.push_str(&format!(
        " {} improved, {} went backwards and {} stayed the same; {} answered for the first time.",
        plural(count(Change::Improved), "answer", "answers"),
        count(Change::Regressed),
        count(Change::Unchanged),
        plural(count(Change::NewlyAnswered), "item was", "items were"),
    ));
    out.push(p);

    let moved: Vec<String> = c
        .metrics
        .iter()
        .filter(|m| m.delta.is_some_and(|d| d != 0.0))
        .map(|m| {
            let per_month = m.per_month.map_or(String::new(), |p| {
                let n = |x: Option<f64>| x.map_or("—".to_string(), format_number);
                format!(", or {} → {} a month", n(p.before), n(p.after))
            });
            format!(
                "{}: {}{per_month}",
                m.label.trim_end_matches('?'),
                m.describe()
            )
        })
        .collect();
    if !moved.is_empty() {
        let caution = if c.windows.differ() {
            " The two periods' figures cover windows of different lengths, so counts are compared per month."
        } else {
            ""
        };
        out.push(format!(
            "Figures that moved: {}.{caution}",
            moved.join("; ")
        ));
    }
    if !c.unconfirmed.is_empty() {
        out.push(format!(
            "{} carried from {} {} not yet been confirmed, so this comparison may show less change than there has been.",
            plural(c.unconfirmed.len(), "answer", "answers"),
            c.before_period,
            if c.unconfirmed.len() == 1 { "has" } else { "have" }
        ));
    }
    out
}
