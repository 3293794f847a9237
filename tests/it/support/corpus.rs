//! Strings that would be live somewhere: markup, script links, spreadsheet formulas, terminal
//! escapes (the window title and the clipboard among them), Markdown structure, CSS, bidi
//! overrides and characters that do not show. Tests put them everywhere a file can hold text.

pub const CORPUS: &[&str] = &[
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "<a href=\"javascript:alert(1)\">x</a>",
    "=HYPERLINK(\"http://evil.example\",\"x\")",
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A2)",
    "\u{1b}[31mred\u{1b}[0m \u{1b}]0;title\u{7}",
    "| a | b |\n# Heading\n## Sub",
    "</style><style>body{display:none}</style>",
    "\"; } body { display: none } /*",
    // From the reliability campaign: set the window title, write the clipboard (OSC 52).
    "\u{1b}]2;pwned\u{7}",
    "\u{1b}]52;c;cHduZWQ=\u{7}",
    "\u{9b}31m C1 CSI",
    "\u{202E}fdp.exe",
    "\u{2066}isolated\u{2069} \u{200F}marked",
    "Dor\u{200B}set\u{FEFF} Pol\u{2060}ice",
    "line\u{2028}separated",
];

/// True when `text` holds nothing that could act on a terminal or mislead a reader: no control
/// or bidi character, and none of the invisible ones the corpus plants (the joiners, which free
/// text keeps, are not planted).
pub fn is_inert(text: &str) -> bool {
    !text.chars().any(|c| {
        (probity_core::text::is_unsafe_char(c) && c != '\r')
            || matches!(c, '\u{200B}' | '\u{FEFF}' | '\u{2060}')
    })
}
