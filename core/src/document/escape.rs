//! Escaping for each medium a document is written in, so that nothing taken from a file can
//! act as markup, a formula or a style rule when the document is opened.

use std::borrow::Cow;

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

/// Neutralises spreadsheet formulas as OWASP advises: text starting with `=`, `+`, `-`, `@`,
/// a tab or a carriage return gets a leading apostrophe, so it is shown as typed. Control
/// characters are removed first.
pub fn guard_formula(s: &str) -> Cow<'_, str> {
    let clean = text::sanitize(s);
    if clean.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{clean}"))
    } else {
        clean
    }
}

/// Quotes text as a CSS string. Everything but letters, digits and spaces becomes a hex escape,
/// so the result cannot end the string, the rule or the style element it is placed in.
pub fn css_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        if c.is_ascii_alphanumeric() || c == ' ' {
            out.push(c);
        } else {
            out.push_str(&format!("\\{:x} ", c as u32));
        }
    }
    out.push('"');
    out
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

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(
            guard_formula("=HYPERLINK(\"http://x\",\"y\")"),
            "'=HYPERLINK(\"http://x\",\"y\")"
        );
        assert_eq!(guard_formula("+1"), "'+1");
        assert_eq!(guard_formula("-1"), "'-1");
        assert_eq!(guard_formula("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(guard_formula("\tx"), "'\tx");
        assert_eq!(guard_formula("Head of PSD"), "Head of PSD");
        assert_eq!(guard_formula("\u{1b}=1"), "'=1");
    }

    proptest! {
        #[test]
        fn guarded_text_never_starts_a_formula(s in any::<String>()) {
            let g = guard_formula(&s);
            prop_assert!(!g.starts_with(['=', '+', '-', '@', '\t', '\r']));
        }
    }

    proptest! {
        #[test]
        fn css_strings_hold_only_safe_characters(s in any::<String>()) {
            let quoted = css_string(&s);
            let inner = &quoted[1..quoted.len() - 1];
            prop_assert!(inner.chars().all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '\\'));
        }
    }

    #[test]
    fn css_strings_cannot_break_out() {
        assert_eq!(
            css_string("OFFICIAL-SENSITIVE"),
            r#""OFFICIAL\2d SENSITIVE""#
        );
        assert_eq!(css_string("\"}</style>"), r#""\22 \7d \3c \2f style\3e ""#);
    }
}
