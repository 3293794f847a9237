//! Text hygiene: what comes in from files is cleaned once, and anything printed outside the
//! terminal interface is escaped, so a crafted file can never drive the user's terminal.

use std::borrow::Cow;

/// True for characters that must never reach a terminal or a report: C0/C1 controls (except
/// newline and tab), the Unicode bidirectional overrides, isolates and marks used in "Trojan
/// Source" spoofing, and the line and paragraph separators.
pub fn is_unsafe_char(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(
            c,
            '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{061C}'
                | '\u{2028}'
                | '\u{2029}'
        )
}

/// True for characters that take no space: zero-width spaces and joiners, the word joiner and
/// invisible operators, the byte-order mark, soft hyphen and the fillers that render as
/// nothing. In a name they make "Dor\u{200B}set Police" pass for "Dorset Police".
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200D}'
            | '\u{2060}'..='\u{2064}'
            | '\u{3164}'
            | '\u{FEFF}'
            | '\u{FFA0}'
    )
}

/// The joiners free text keeps: they shape letters in scripts such as Persian and the Indic
/// scripts, and build emoji, and hide nothing that matters in prose.
fn is_joiner(c: char) -> bool {
    matches!(c, '\u{200C}' | '\u{200D}')
}

/// What free text (a note, a prompt) drops: unsafe characters, and invisible ones other than
/// the joiners.
fn dropped_from_text(c: char) -> bool {
    is_unsafe_char(c) || (is_invisible(c) && !is_joiner(c))
}

/// Cleans free text a user or file supplied: unsafe characters and invisible ones (but the
/// joiners) are removed. Newlines and tabs survive.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if text.chars().any(dropped_from_text) {
        Cow::Owned(text.chars().filter(|c| !dropped_from_text(*c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// [`sanitize`] for text already owned: clean text is kept as it is, not copied.
pub fn sanitize_owned(text: String) -> String {
    match sanitize(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(clean) => clean,
    }
}

/// Sanitises a one-line field (an evidence reference, a message): also folds newlines and tabs
/// into spaces.
pub fn sanitize_line(text: &str) -> String {
    let plain = |c: char| !dropped_from_text(c) && c != '\n' && c != '\t';
    if text.chars().all(plain) && text.trim().len() == text.len() {
        return text.to_string();
    }
    sanitize(text)
        .chars()
        .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_string()
}

/// Cleans an id, a name (force, owner, assessor) or a period: one line, with every invisible
/// character removed, so two names that look the same are the same.
pub fn clean_name(text: &str) -> String {
    let line = sanitize_line(text);
    if line.chars().any(is_invisible) {
        line.chars()
            .filter(|c| !is_invisible(*c))
            .collect::<String>()
            .trim()
            .to_string()
    } else {
        line
    }
}

/// The first year a period names: four digits on their own, from 1000 to 2999, as in "2012",
/// "2012/13" or "FY 2025-26" (2012, 2012, 2025). `None` when it names none.
pub fn first_year(period: &str) -> Option<i32> {
    let chars: Vec<char> = period.chars().collect();
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    (0..chars.len().saturating_sub(3))
        .filter(|&i| (i == 0 || !digit(i - 1)) && (i..i + 4).all(digit) && !digit(i + 4))
        .filter(|&i| matches!(chars[i], '1' | '2'))
        .find_map(|i| chars[i..i + 4].iter().collect::<String>().parse().ok())
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

/// Replaces unsafe and invisible characters with printable ones of the same UTF-8 length, so
/// byte spans into the text stay valid when it is shown as a diagnostic snippet, and a hidden
/// character shows where it is.
pub fn mask_for_snippet(text: &str) -> String {
    text.chars()
        .map(|c| {
            if is_unsafe_char(c) || is_invisible(c) {
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

/// A date as a reader writes it: "30 November 2012".
pub fn long_date(d: jiff::civil::Date) -> String {
    d.strftime("%-d %B %Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_period_names_its_first_year() {
        assert_eq!(first_year("2012"), Some(2012));
        assert_eq!(first_year("2012/13"), Some(2012));
        assert_eq!(first_year("FY 2025-26"), Some(2025));
        assert_eq!(first_year("Q3"), None);
        assert_eq!(first_year("20123"), None);
        assert_eq!(first_year(""), None);
    }

    #[test]
    fn sanitize_drops_escape_sequences_but_keeps_lines() {
        assert_eq!(sanitize("a\u{1b}[31mb\nc\td\u{202E}"), "a[31mb\nc\td");
        assert!(matches!(sanitize("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn names_lose_every_invisible_character_and_text_keeps_only_the_joiners() {
        assert_eq!(
            clean_name("Dor\u{200B}set\u{FEFF} Pol\u{2060}ice\u{200D}"),
            "Dorset Police"
        );
        assert_eq!(clean_name("\u{200E}2012\u{202E}"), "2012");
        // A Persian word that needs its non-joiner, and a family emoji joined by ZWJs.
        let persian = "\u{0645}\u{06CC}\u{200C}\u{062E}\u{0648}\u{0627}\u{0647}\u{0645}";
        assert_eq!(sanitize(persian), persian);
        assert_eq!(
            sanitize("\u{1F468}\u{200D}\u{1F469}"),
            "\u{1F468}\u{200D}\u{1F469}"
        );
        assert_eq!(sanitize("a\u{200B}b\u{FEFF}c\u{2028}d"), "abcd");
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
            prop_assert!(!masked.chars().any(|c| is_unsafe_char(c) || is_invisible(c)));
        }

        #[test]
        fn sanitized_text_is_safe(s in any::<String>()) {
            prop_assert!(!sanitize(&s).chars().any(is_unsafe_char));
            prop_assert!(!escape_for_terminal(&s).chars().any(is_unsafe_char));
            let name = clean_name(&s);
            prop_assert!(!name.chars().any(|c| is_unsafe_char(c) || is_invisible(c) || c == '\n'));
        }
    }
}
