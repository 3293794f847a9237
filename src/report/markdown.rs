//! The gap report as Markdown. Everything taken from the assessment is escaped, so a note can
//! never become a link, a heading, a table cell break or raw HTML when the file is rendered.

use std::fmt::Write;

use super::Report;
use crate::assessment::format_number;
use crate::text;

/// Escapes text for Markdown: punctuation that carries meaning is backslash-escaped, `<`, `>`
/// and `&` become entities, and line breaks become spaces so a value stays in its table cell.
pub fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in text::sanitize(s).chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' | '\t' => out.push(' '),
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '#' | '+' | '-' | '.'
            | '!' | '|' | '~' | '=' | ':' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

fn score(s: Option<f64>) -> String {
    s.map_or("not scored".into(), format_number)
}

pub fn render(r: &Report) -> String {
    let mut o = String::new();
    let e = md_escape;
    let _ = writeln!(o, "**{}**\n", e(&r.marking));
    let _ = writeln!(
        o,
        "# Integrity self-assessment: {}, {}\n",
        e(&r.force),
        e(&r.period)
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
    let _ = writeln!(o, "| Status | {} |", r.stage.name());
    if r.redacted {
        let _ = writeln!(
            o,
            "| Redaction | names and notes removed for sharing outside the force |"
        );
    }

    let _ = writeln!(o, "\n## Summary\n");
    let (h, m, l) = severity_counts(r);
    let _ = writeln!(
        o,
        "Overall score **{}** out of 100, with {} of {} applicable items answered ({}% complete). \
         {} finding{}: {h} high, {m} medium, {l} low.\n",
        score(r.score.overall),
        r.score.answered,
        r.score.applicable,
        format_number(r.score.completeness),
        r.findings.len(),
        if r.findings.len() == 1 { "" } else { "s" },
    );
    let _ = writeln!(o, "| Area | Score | Answered |\n|---|---:|---:|");
    for a in &r.score.areas {
        let _ = writeln!(
            o,
            "| {} | {} | {} of {} |",
            e(&a.title),
            score(a.score),
            a.answered,
            a.applicable
        );
    }

    let _ = writeln!(o, "\n## Findings\n");
    if r.findings.is_empty() {
        let _ = writeln!(o, "No findings.");
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
            if f.kind == crate::scoring::FindingKind::Rule {
                "rule"
            } else {
                "item"
            },
            e(r.area_title(&f.area))
        );
        if !f.explanation.is_empty() {
            let _ = writeln!(o, "- Why it matters: {}", e(&f.explanation));
        }
        if !f.action.is_empty() {
            let _ = writeln!(o, "- Recommended action: {}", e(&f.action));
        }
        let _ = writeln!(
            o,
            "- Owner: {}",
            e(f.owner.as_deref().unwrap_or("not assigned"))
        );
        let _ = writeln!(
            o,
            "- Due: {}",
            f.due.map_or("not set".into(), |d| d.to_string())
        );
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
        o.push('\n');
    }

    if !r.metrics.is_empty() {
        let _ = writeln!(
            o,
            "## Metrics\n\n| Measure | Item | Value |\n|---|---|---:|"
        );
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

    let _ = writeln!(o, "## Answers by area\n");
    for area in &r.areas {
        let _ = writeln!(o, "### {}\n\n_{}_\n", e(&area.title), e(&area.question));
        let _ = writeln!(
            o,
            "| Item | Question | Answer | Note | Evidence |\n|---|---|---|---|---|"
        );
        for i in &area.items {
            let answer = match (&i.answer, i.asked) {
                (_, false) => "not asked".to_string(),
                (Some(a), _) => e(a),
                (None, _) => "unanswered".to_string(),
            };
            let _ = writeln!(
                o,
                "| `{}` | {} | {}{} | {} | {} |",
                i.id,
                e(&i.prompt),
                answer,
                if i.carried {
                    " (carried, unconfirmed)"
                } else {
                    ""
                },
                e(i.note.as_deref().unwrap_or("")),
                i.evidence
                    .iter()
                    .map(|x| e(x))
                    .collect::<Vec<_>>()
                    .join("; ")
            );
        }
        o.push('\n');
    }

    let missing: Vec<_> = r.not_assessed().collect();
    if !missing.is_empty() {
        let _ = writeln!(o, "## Not assessed\n");
        for (area, i) in missing {
            let _ = writeln!(o, "- `{}` ({}): {}", i.id, e(&area.title), e(&i.prompt));
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
    let _ = writeln!(o, "Checklist provenance: {}\n", e(&r.provenance));
    let _ = writeln!(o, "**{}**", e(&r.marking));
    o
}

fn severity_counts(r: &Report) -> (usize, usize, usize) {
    use crate::checklist::Severity::*;
    let n = |s| r.findings.iter().filter(|f| f.severity == s).count();
    (n(High), n(Medium), n(Low))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn live_markup_is_escaped() {
        assert_eq!(
            md_escape("<script>alert(1)</script>"),
            "&lt;script&gt;alert\\(1\\)&lt;/script&gt;"
        );
        assert_eq!(
            md_escape("[x](javascript:alert(1))"),
            "\\[x\\]\\(javascript\\:alert\\(1\\)\\)"
        );
        assert_eq!(md_escape("# a | b\nc"), "\\# a \\| b c");
    }

    proptest! {
        #[test]
        fn escaped_text_has_no_raw_markup(s in any::<String>()) {
            let out = md_escape(&s);
            prop_assert!(!out.contains('<') && !out.contains('>') && !out.contains('\n'));
            let unescaped_pipe = out.match_indices('|').any(|(i, _)| !out[..i].ends_with('\\'));
            prop_assert!(!unescaped_pipe);
        }
    }
}
