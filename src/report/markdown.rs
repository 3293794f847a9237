//! The gap report as Markdown. Everything taken from the assessment is escaped, so a note can
//! never become a link, a heading, a table cell break or raw HTML when the file is rendered.

use std::fmt::Write;

use super::{Report, kind_name, paragraphs, score_phrase, score_text};
use crate::assessment::format_number;
use crate::scoring::FindingKind;
use crate::text;

/// Escapes text for Markdown so it is always read as plain text: characters that start
/// emphasis, code, links, strikethrough or table cells are backslash-escaped, `<`, `>` and `&`
/// become entities, and line breaks become spaces so a value stays in its table cell. Block
/// markers (`-`, `+`, `=`, `#`, a numbered-list `1.`) are escaped only at the start, the one place
/// they act, so ordinary text such as "OFFICIAL-SENSITIVE" stays readable.
pub fn md_escape(s: &str) -> String {
    let sanitized = text::sanitize(s);
    // Leading spaces would make an indented code block; they carry no meaning in a value.
    let clean = sanitized.trim();
    let mut out = String::with_capacity(clean.len() + 8);
    let digits = clean.chars().take_while(char::is_ascii_digit).count();
    for (i, c) in clean.chars().enumerate() {
        let leading = i == 0 && matches!(c, '-' | '+' | '=' | '#')
            || (i == digits && digits > 0 && matches!(c, '.' | ')'));
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' | '\t' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '$' | '^' => {
                out.push('\\');
                out.push(c);
            }
            c if leading => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn live_markup_is_escaped() {
        assert_eq!(
            md_escape("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(
            md_escape("[x](javascript:alert(1))"),
            "\\[x\\](javascript:alert(1))"
        );
        assert_eq!(md_escape("# a | b\nc"), "\\# a \\| b c");
        assert_eq!(md_escape("OFFICIAL-SENSITIVE"), "OFFICIAL-SENSITIVE");
        assert_eq!(md_escape("- item"), "\\- item");
        assert_eq!(md_escape("2012. A year"), "2012\\. A year");
        assert_eq!(
            md_escape("*bold* _it_ `code` ~~x~~"),
            "\\*bold\\* \\_it\\_ \\`code\\` \\~\\~x\\~\\~"
        );
    }

    /// What a Markdown renderer makes of escaped text: it must be one paragraph of plain text,
    /// reading exactly as the original (less control characters, with line breaks as spaces).
    fn rendered_text(escaped: &str) -> Result<String, String> {
        use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
        let mut text = String::new();
        let options = Options::all().difference(Options::ENABLE_SMART_PUNCTUATION);
        for event in Parser::new_ext(escaped, options) {
            match event {
                Event::Text(t) => text.push_str(&t),
                Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => {}
                other => return Err(format!("{other:?}")),
            }
        }
        Ok(text)
    }

    #[test]
    fn awkward_text_stays_plain() {
        for s in [
            "    indented like code",
            "1) item",
            "12. item",
            "> quote",
            "<!-- hidden -->",
            "&amp; &lt;",
            "\\",
            "***",
            "---",
            "===",
            "[^1]",
            "- [ ] task",
            "| a | b |",
            "# heading",
            "a  \nb",
            "x <https://evil.example> y",
            "![img](x.png)",
            "$$maths$$",
            "~~gone~~",
            "a\\*b",
        ] {
            let rendered = rendered_text(&md_escape(s));
            let expected = s.replace('\n', " ");
            assert_eq!(
                rendered.map(|t| t.trim().to_string()),
                Ok(expected.trim().to_string()),
                "{s:?}"
            );
        }
    }

    proptest! {
        #[test]
        fn a_markdown_renderer_reads_escaped_text_as_plain_text(s in "\\PC{0,40}") {
            let expected: String = text::sanitize(&s).chars().map(|c| if matches!(c, '\n' | '\r' | '\t') { ' ' } else { c }).collect();
            let rendered = rendered_text(&md_escape(&s));
            // Leading and trailing spaces are not text to a Markdown renderer.
            prop_assert_eq!(rendered.map(|t| t.trim().to_string()), Ok(expected.trim().to_string()));
        }

        #[test]
        fn escaped_text_has_no_raw_markup(s in any::<String>()) {
            let out = md_escape(&s);
            prop_assert!(!out.contains('<') && !out.contains('>') && !out.contains('\n'));
            let unescaped_pipe = out.match_indices('|').any(|(i, _)| !out[..i].ends_with('\\'));
            prop_assert!(!unescaped_pipe);
        }
    }
}
