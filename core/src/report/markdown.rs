//! The gap report as Markdown. Everything taken from the assessment is escaped, so a note can
//! never become a link, a heading, a table cell break or raw HTML when the file is rendered.

use std::fmt::Write;

use super::{Report, kind_name};
use crate::document::escape::md_escape;
use crate::document::figures::{paragraphs, score_phrase, score_text};

use crate::answer::format_number;
use crate::scoring::FindingKind;

/// A bar of ten blocks for a 0–100 score, so the summary table reads like the web page's chart.
fn bar(score: Option<f64>) -> String {
    let filled = score.map_or(0, |s| ((s / 10.0).round() as usize).min(10));
    format!("{}{}", "█".repeat(filled), "░".repeat(10 - filled))
}

pub fn render(r: &Report) -> String {
    let mut o = String::new();
    let e = md_escape;
    let _ = writeln!(o, "**{}**\n", e(&r.marking));
    let _ = writeln!(
        o,
        "# Integrity self-assessment: {}, {} ({})\n",
        e(&r.force),
        e(&r.period),
        r.stage.name()
    );
    let _ = writeln!(o, "| | |\n|---|---|");
    let _ = writeln!(o, "| Force | {} |", e(&r.force));
    let _ = writeln!(o, "| Period | {} |", e(&r.period));
    let _ = writeln!(
        o,
        "| Checklist | {} (version {}) |",
        e(&r.checklist_title),
        e(&r.checklist_version)
    );
    let _ = writeln!(
        o,
        "| Assessor | {} |",
        e(r.assessor.as_deref().unwrap_or("not recorded"))
    );
    let _ = writeln!(o, "| Produced | {} |", r.generated);
    let _ = writeln!(
        o,
        "| Status | {} |",
        match r.stage {
            crate::assessment::Stage::Final => "final: signed off",
            crate::assessment::Stage::Draft => "draft: still being worked on",
        }
    );
    if r.redacted {
        let _ = writeln!(
            o,
            "| Redaction | names, notes and text answers removed for sharing outside the force |"
        );
    }

    let _ = writeln!(o, "\n## Summary\n");
    let (h, m, l) = r.severity_counts();
    let _ = writeln!(
        o,
        "Overall score **{}** out of 100, with {} of {} applicable items answered ({}% complete). \
         {} finding{}: {h} high, {m} medium, {l} low.\n",
        score_text(r.score.overall),
        r.score.answered,
        r.score.applicable,
        format_number(r.score.completeness),
        r.findings.len(),
        if r.findings.len() == 1 { "" } else { "s" },
    );
    let _ = writeln!(o, "| Area | Score | | Answered |\n|---|---:|---|---:|");
    for a in &r.score.areas {
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} of {} |",
            e(&a.title),
            score_text(a.score),
            bar(a.score),
            a.answered,
            a.applicable
        );
    }
    let _ = writeln!(
        o,
        "\n| Findings by severity | Number |\n|---|---:|\n| High | {h} |\n| Medium | {m} |\n| Low | {l} |"
    );

    let _ = writeln!(o, "\n## Findings and actions\n");
    if r.findings.is_empty() {
        let _ = writeln!(
            o,
            "No findings: every answered item is met and no gap rule applies.\n"
        );
    }
    for (n, f) in r.findings.iter().enumerate() {
        let _ = writeln!(
            o,
            "### {}. {} ({})\n",
            n + 1,
            e(&f.title),
            f.severity.name()
        );
        let _ = writeln!(
            o,
            "- Reference: `{}` ({}), {}",
            f.id,
            kind_name(f.kind),
            e(r.area_title(&f.area))
        );
        if !f.explanation.is_empty() {
            let label = if f.kind == FindingKind::Rule {
                "Why it matters"
            } else {
                "Shortfall"
            };
            let _ = writeln!(o, "- {label}: {}", e(&f.explanation));
        }
        let _ = writeln!(o, "- Why this was flagged:");
        for step in &f.trace {
            let _ = writeln!(
                o,
                "  - `{}` = {} ({}{})",
                step.item,
                e(step.value.as_deref().unwrap_or("unanswered")),
                e(&step.test),
                if step.holds { "" } else { "; does not hold" }
            );
        }
        if !f.action.is_empty() {
            let _ = writeln!(o, "- Recommended action: {}", e(&f.action));
        }
        let good = r.good_practice(f);
        if !good.is_empty() {
            let _ = writeln!(o, "- What good looks like: {}", e(good));
        }
        let _ = writeln!(
            o,
            "- Owner: {}",
            e(f.owner.as_deref().unwrap_or("not assigned"))
        );
        let overdue = if r.status(f) == "overdue" {
            " (**overdue**)"
        } else {
            ""
        };
        let _ = writeln!(
            o,
            "- Due: {}{overdue}",
            f.due.map_or("not set".into(), |d| d.to_string())
        );
        if !f.recommendations.is_empty() {
            let _ = writeln!(
                o,
                "- Recommendation themes: {}",
                f.recommendations
                    .iter()
                    .map(|x| e(&r.recommendation(x)))
                    .collect::<Vec<_>>()
                    .join("; ")
            );
        }
        o.push('\n');
    }

    let _ = writeln!(o, "## Answers by area\n");
    for (area, score) in r.areas.iter().zip(&r.score.areas) {
        let _ = writeln!(o, "### {}\n\n_{}_\n", e(&area.title), e(&area.question));
        let _ = writeln!(
            o,
            "{}; {} of {} applicable items answered.\n",
            score_phrase(score.score),
            score.answered,
            score.applicable
        );
        let _ = writeln!(
            o,
            "| Item | Question | Answer | Note | Evidence | Owner and due date |\n|---|---|---|---|---|---|"
        );
        for i in &area.items {
            let answer = match (&i.answer, i.asked) {
                (_, false) => "_not asked_".to_string(),
                (Some(a), _) => e(a),
                (None, _) => "_unanswered_".to_string(),
            };
            let flags: String = [
                (i.carried, " (carried, unconfirmed)"),
                (i.review, " (marked for review)"),
            ]
            .into_iter()
            .filter_map(|(on, f)| on.then_some(f))
            .collect();
            let owner = [i.owner.as_deref().map(e), i.due.map(|d| format!("due {d}"))]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ");
            let _ = writeln!(
                o,
                "| `{}` | {} | {answer}{flags} | {} | {} | {owner} |",
                i.id,
                e(&i.prompt),
                e(i.note.as_deref().unwrap_or("")),
                i.evidence
                    .iter()
                    .map(|x| e(x))
                    .collect::<Vec<_>>()
                    .join("; "),
            );
        }
        o.push('\n');
    }

    let _ = writeln!(o, "## Metrics\n");
    if r.metrics.is_empty() {
        let _ = writeln!(o, "No counts, amounts or percentages are recorded.\n");
    } else {
        let _ = writeln!(o, "| Measure | Item | Value |\n|---|---|---:|");
        for m in &r.metrics {
            let _ = writeln!(
                o,
                "| {} | `{}` | {} |",
                e(&m.label),
                m.id,
                format_number(m.value)
            );
        }
        o.push('\n');
    }

    let _ = writeln!(o, "## Not assessed\n");
    let missing: Vec<_> = r.not_assessed().collect();
    if missing.is_empty() {
        let _ = writeln!(o, "Every applicable item has an answer.\n");
    } else {
        let _ = writeln!(
            o,
            "These {} applicable items have no answer yet. They do not lower the score, but the report cannot speak to them.\n",
            missing.len()
        );
        for (area, i) in missing {
            let _ = writeln!(o, "- `{}` ({}): {}", i.id, e(&area.title), e(&i.prompt));
        }
        o.push('\n');
    }

    let carried: Vec<_> = r.carried().collect();
    if !carried.is_empty() {
        let _ = writeln!(
            o,
            "## Carried forward, not yet confirmed\n\nThese {} answers were copied from the previous period and have not been checked again this period. The assessment cannot be marked final until each is confirmed or changed.\n",
            carried.len()
        );
        for (area, i) in carried {
            let answer = i.answer.as_deref().unwrap_or("no answer");
            let _ = writeln!(
                o,
                "- `{}` ({}): {} Carried answer: {}",
                i.id,
                e(&area.title),
                e(&i.prompt),
                e(answer)
            );
        }
        o.push('\n');
    }

    if !r.warnings.is_empty() {
        let _ = writeln!(o, "## Quality of the record\n");
        for w in &r.warnings {
            let _ = writeln!(o, "- {}", e(&w.message));
        }
        o.push('\n');
    }

    let _ = writeln!(o, "## Method\n\n{}\n", e(r.method));
    let _ = writeln!(o, "### Checklist provenance\n");
    for p in paragraphs(&r.provenance) {
        let _ = writeln!(o, "{}\n", e(p));
    }
    let _ = writeln!(o, "**{}**", e(&r.marking));
    o
}
