//! The gap report as Markdown, with the same sections as the web page. Everything taken from
//! the assessment is escaped, so a note can never become a link, a heading, a table cell break
//! or raw HTML when the file is rendered.

use std::fmt::Write;

use super::Report;
use super::view::View;
use crate::document::escape::md_escape as e;

/// A bar of ten blocks for a 0–100 score, so the summary table reads like the web page's chart.
fn bar(score: &str) -> String {
    let filled = score
        .parse::<f64>()
        .map_or(0, |s| ((s / 10.0).round() as usize).min(10));
    format!("{}{}", "█".repeat(filled), "░".repeat(10 - filled))
}

pub fn render(r: &Report) -> String {
    let v = View::of(r);
    let mut o = String::new();
    let _ = writeln!(o, "**{}**\n", e(r.marking()));
    let _ = writeln!(o, "# {} ({})\n", e(&v.title), v.stage);
    let _ = writeln!(o, "{}\n", e(&v.as_at));
    let _ = writeln!(o, "| | |\n|---|---|");
    for (label, value) in &v.facts {
        let _ = writeln!(o, "| {label} | {} |", e(value));
    }
    summary(&mut o, &v);
    judged(&mut o, &v);
    findings(&mut o, &v);
    answers(&mut o, &v);
    rest(&mut o, &v);
    let _ = writeln!(o, "**{}**", e(r.marking()));
    o
}

fn summary(o: &mut String, v: &View) {
    let _ = writeln!(o, "\n## Executive summary\n");
    let _ = writeln!(o, "**{}**\n\n{}\n", e(&v.position), e(&v.completeness));
    if let Some(summary) = &v.judged.summary {
        let _ = writeln!(o, "**{}**\n", e(summary));
    }
    let _ = writeln!(
        o,
        "| Area | Rating | Score | | What the score rests on |\n|---|---|---:|---|---|"
    );
    for a in &v.areas {
        let shown = if a.rating.is_rated() {
            bar(&a.score)
        } else {
            String::new()
        };
        let _ = writeln!(
            o,
            "| {} | {} | {} | {shown} | {} |",
            e(&a.title),
            a.rating.label(),
            a.score,
            a.basis
        );
    }
    let _ = writeln!(o, "\n### High findings\n");
    if v.high.is_empty() {
        let _ = writeln!(o, "There are no high findings.");
    }
    for &n in &v.high {
        let f = &v.findings[n - 1];
        let _ = writeln!(
            o,
            "- {} (finding {n}; owner: {}; due: {})",
            e(&f.row.finding.title),
            e(f.owner),
            f.due
        );
    }
    let _ = writeln!(o, "\n### Actions overdue\n");
    if v.overdue.is_empty() {
        let _ = writeln!(o, "No action is past its due date.");
    }
    for &n in &v.overdue {
        let f = &v.findings[n - 1];
        let _ = writeln!(
            o,
            "- {} (due {}; finding {n}; owner: {})",
            e(&f.row.finding.title),
            f.due,
            e(f.owner)
        );
    }
}

/// Graded judgements, derived and overridden side by side, or the progress verdicts.
fn judged(o: &mut String, v: &View) {
    let j = &v.judged;
    let _ = writeln!(o, "\n## {}\n\n{}\n", j.heading, e(&j.intro));
    if !j.headlines.is_empty() {
        let _ = writeln!(
            o,
            "| Headline judgement | Grade | How it follows |\n|---|---|---|"
        );
        for h in &j.headlines {
            let _ = writeln!(o, "| {} | {} | {} |", e(h.title), h.grade, e(h.why));
        }
        o.push('\n');
    }
    if !j.areas.is_empty() {
        let _ = writeln!(
            o,
            "| Area | Derived | Assessor's judgement | Stands at |\n|---|---|---|---|"
        );
        for a in &j.areas {
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} |",
                e(a.title),
                a.derived,
                a.overridden.unwrap_or("none recorded"),
                a.standing
            );
        }
    }
    for a in &j.areas {
        let _ = writeln!(o, "\n### {}: {}\n", e(a.title), a.standing.to_lowercase());
        let _ = writeln!(o, "- {}", e(a.why));
        for reason in a.reasons {
            let _ = writeln!(o, "- {}", e(reason));
        }
        if let Some(assessor) = &a.assessor {
            let _ = writeln!(o, "- {}", e(assessor));
        }
        if let Some(notable) = a.notable {
            let _ = writeln!(o, "- Notable practice recorded: {}", e(notable));
        }
    }
    if !j.verdicts.is_empty() {
        let _ = writeln!(o, "| | Verdict | Why |\n|---|---|---|");
        for l in &j.verdicts {
            let _ = writeln!(o, "| {} | {} | {} |", e(l.title), l.verdict, e(l.why));
        }
    }
    for sentence in &j.unjudged {
        let _ = writeln!(o, "\n{}", e(sentence));
    }
}

fn findings(o: &mut String, v: &View) {
    let _ = writeln!(o, "\n## Findings and actions\n");
    if v.findings.is_empty() {
        let _ = writeln!(
            o,
            "No findings: every answered question is met and no gap rule applies.\n"
        );
    }
    for f in &v.findings {
        let finding = &f.row.finding;
        let _ = writeln!(
            o,
            "### {}. {} ({})\n",
            f.number,
            e(&finding.title),
            f.severity.to_lowercase()
        );
        let label = f.label.map(|l| format!(" · {l}")).unwrap_or_default();
        let _ = writeln!(o, "- Area: {}{label}", e(&f.row.area_title));
        if !finding.explanation.is_empty() {
            let _ = writeln!(o, "- {}: {}", f.why_heading, e(&finding.explanation));
        }
        let because: Vec<String> = f.row.because.iter().map(|b| e(b)).collect();
        let caveats: String = f
            .row
            .caveats
            .iter()
            .map(|c| format!(" _{}_", e(c)))
            .collect();
        let _ = writeln!(o, "- Why it was flagged: {}{caveats}", because.join(" · "));
        let _ = writeln!(o, "- Recommended action: {}", e(&finding.action));
        if !f.good.is_empty() {
            let _ = writeln!(o, "- What good looks like: {}", e(f.good));
        }
        let _ = writeln!(o, "- Owner: {}", e(f.owner));
        let overdue = if f.overdue { " (**overdue**)" } else { "" };
        let _ = writeln!(o, "- Due: {}{overdue}", f.due);
        if !f.themes.is_empty() {
            let themes: Vec<String> = f.themes.iter().map(|t| e(t)).collect();
            let _ = writeln!(o, "- Recommendation themes: {}", themes.join("; "));
        }
        o.push('\n');
    }
}

fn answers(o: &mut String, v: &View) {
    let _ = writeln!(
        o,
        "## Answers by area\n\nEach area's answers as recorded. Questions not yet answered are listed once, in the annex.\n"
    );
    for a in v
        .answers
        .iter()
        .filter(|a| !a.rows.is_empty() || a.unanswered > 0)
    {
        let _ = writeln!(o, "### {}\n\n_{}_\n", e(a.title), e(a.question));
        let mut standing = a.standing.clone();
        if a.unanswered > 0 {
            standing.push_str(&format!(" {} in the annex.", a.unanswered));
        }
        if a.not_asked > 0 {
            standing.push_str(&format!(
                " {} not asked because of an earlier answer.",
                a.not_asked
            ));
        }
        let _ = writeln!(o, "{standing}\n");
        if a.rows.is_empty() {
            continue;
        }
        let _ = writeln!(
            o,
            "| Question | Answer | Note | Evidence | Owner and due date |\n|---|---|---|---|---|"
        );
        for i in &a.rows {
            let flags: String = i.flags.iter().map(|f| format!(" ({f})")).collect();
            let evidence: Vec<String> = i.row.evidence.iter().map(|x| e(x)).collect();
            let _ = writeln!(
                o,
                "| {} | {}{flags} | {} | {} | {} |",
                e(&i.row.prompt),
                e(i.answer),
                e(i.row.note.as_deref().unwrap_or("")),
                evidence.join("; "),
                e(&i.action),
            );
        }
        o.push('\n');
    }
}

fn rest(o: &mut String, v: &View) {
    let _ = writeln!(o, "## Figures\n");
    if v.metrics.is_empty() {
        let _ = writeln!(o, "No counts, amounts or percentages are recorded.\n");
    } else {
        let _ = writeln!(o, "| Measure | Figure |\n|---|---:|");
        for (label, value) in &v.metrics {
            let _ = writeln!(o, "| {} | {} |", e(label), e(value));
        }
        o.push('\n');
    }
    if !v.carried.is_empty() {
        let _ = writeln!(
            o,
            "## Carried forward, not yet confirmed\n\nThese {} answers were copied from the previous period and have not been checked again this period. They are not reported as this period's position, and the assessment cannot be signed off until each is confirmed or changed.\n",
            v.carried.len()
        );
        for (area, question, answer) in &v.carried {
            let _ = writeln!(
                o,
                "- {} ({}): carried answer {}",
                e(question),
                e(area),
                e(answer)
            );
        }
        o.push('\n');
    }
    if !v.conflicts.is_empty() {
        let _ = writeln!(
            o,
            "## Answers in conflict, not yet resolved\n\n{}\n",
            super::view::CONFLICTS
        );
        for (area, question, held, says) in &v.conflicts {
            let _ = writeln!(
                o,
                "- {} ({}): recorded {}; a return gives {}",
                e(question),
                e(area),
                e(held),
                e(says)
            );
        }
        o.push('\n');
    }
    if !v.warnings.is_empty() {
        let _ = writeln!(o, "## Quality of the record\n");
        for w in &v.warnings {
            let _ = writeln!(o, "- {}", e(w));
        }
        o.push('\n');
    }
    let _ = writeln!(o, "## Method\n");
    for p in &v.method {
        let _ = writeln!(o, "{}\n", e(p));
    }
    let _ = writeln!(o, "### Checklist provenance\n");
    for p in &v.provenance {
        let _ = writeln!(o, "{}\n", e(p));
    }
    let _ = writeln!(o, "## Annex: questions not yet answered\n");
    if v.annex.is_empty() {
        let _ = writeln!(o, "Every applicable question has an answer.\n");
        return;
    }
    let _ = writeln!(
        o,
        "These applicable questions have no answer yet, named by their short labels. They do not lower the score, but the report cannot speak to them.\n"
    );
    for (area, items) in &v.annex {
        let _ = writeln!(o, "**{}**\n", e(area));
        for question in items {
            let _ = writeln!(o, "- {}", e(question));
        }
        o.push('\n');
    }
}
