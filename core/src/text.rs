//! Text hygiene: what comes in from files is cleaned once, and anything printed outside the
//! terminal interface is escaped, so a crafted file can never drive the user's terminal.

use std::borrow::Cow;

/// True for characters that must never reach a terminal or a report: C0/C1 controls (except
/// newline and tab) and the Unicode bidirectional overrides used in "Trojan Source" spoofing.
pub fn is_unsafe_char(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Removes unsafe characters from text a user or file supplied. Newlines and tabs survive.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if text.chars().any(is_unsafe_char) {
        Cow::Owned(text.chars().filter(|c| !is_unsafe_char(*c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// Sanitises a one-line field (force name, owner): also folds newlines and tabs into spaces.
pub fn sanitize_line(text: &str) -> String {
    sanitize(text)
        .chars()
        .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_string()
}

/// The first non-empty line of a message, cleaned for a one-line display.
pub fn first_line(text: &str) -> String {
    sanitize_line(text.lines().find(|l| !l.trim().is_empty()).unwrap_or(text))
}

/// Makes text safe to print on a terminal outside ratatui: unsafe characters become visible
/// escapes such as `\u{1b}` instead of being interpreted.
pub fn escape_for_terminal(text: &str) -> Cow<'_, str> {
    if text.chars().any(is_unsafe_char) {
        Cow::Owned(
            text.chars()
                .map(|c| {
                    if is_unsafe_char(c) {
                        c.escape_unicode().to_string()
                    } else {
                        c.to_string()
                    }
                })
                .collect(),
        )
    } else {
        Cow::Borrowed(text)
    }
}

/// A path as shown to a person, in a message or a list: any unsafe character in a file name
/// becomes a visible escape, so a crafted name cannot act on a terminal or a report.
pub fn shown_path(path: &std::path::Path) -> String {
    escape_for_terminal(&path.display().to_string()).into_owned()
}

/// Replaces unsafe characters with printable ones of the same UTF-8 length, so byte spans into
/// the text stay valid when it is shown as a diagnostic snippet.
pub fn mask_for_snippet(text: &str) -> String {
    text.chars()
        .map(|c| {
            if is_unsafe_char(c) {
                match c.len_utf8() {
                    1 => '?',
                    2 => '\u{00BF}',
                    3 => '\u{FFFD}',
                    _ => '\u{1F5F5}',
                }
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sanitize_drops_escape_sequences_but_keeps_lines() {
        assert_eq!(sanitize("a\u{1b}[31mb\nc\td\u{202E}"), "a[31mb\nc\td");
        assert!(matches!(sanitize("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn escape_makes_controls_visible() {
        assert_eq!(
            escape_for_terminal("x\u{1b}]0;t\u{7}"),
            "x\\u{1b}]0;t\\u{7}"
        );
    }

    proptest! {
        #[test]
        fn masking_keeps_byte_length(s in any::<String>()) {
            let masked = mask_for_snippet(&s);
            prop_assert_eq!(masked.len(), s.len());
            prop_assert!(!masked.chars().any(is_unsafe_char));
        }

        #[test]
        fn sanitized_text_is_safe(s in any::<String>()) {
            prop_assert!(!sanitize(&s).chars().any(is_unsafe_char));
            prop_assert!(!escape_for_terminal(&s).chars().any(is_unsafe_char));
        }
    }
}
