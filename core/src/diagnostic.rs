//! Problems found in a file, each tied to the place it was found, rendered with miette so the
//! user sees the file, line, column and the offending snippet.

use std::fmt;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

use miette::{
    Diagnostic, LabeledSpan, MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};

use crate::text;

/// One file's text as shown in diagnostics. Unsafe characters are masked so a crafted file
/// cannot drive the terminal through an error message.
#[derive(Debug, Clone)]
pub struct Source {
    name: String,
    named: Arc<Snippet>,
}

/// A file's text as miette reads it, masked when first a problem is shown. A snippet around a
/// problem on a very long line (a 10,000-deep nested value, a megabyte string) is cut to a
/// window around the problem, so an error is a few lines, not the whole line.
#[derive(Debug)]
struct Snippet {
    name: String,
    raw: String,
    masked: OnceLock<Masked>,
}

/// The masked text, made only when a problem is shown: a sound file never pays for it.
#[derive(Debug)]
struct Masked {
    text: String,
    /// Byte offset where each line starts, so finding a line is a search, not a scan: a file
    /// with tens of thousands of warnings is not quadratic to report.
    line_starts: Vec<usize>,
}

impl Snippet {
    fn masked(&self) -> &Masked {
        self.masked.get_or_init(|| {
            let text = text::mask_for_snippet(&self.raw);
            let line_starts = std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect();
            Masked { text, line_starts }
        })
    }
}

impl Masked {
    /// Zero-based line holding `offset`, and that line's start.
    fn line_of(&self, offset: usize) -> (usize, usize) {
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        (line, self.line_starts[line])
    }
}

/// Snippets longer than this are cut to the problem's own line, and that to a window.
const SNIPPET_BYTES: usize = 2048;
/// The window of a long line shown around a problem.
const WINDOW_BYTES: usize = 120;

impl SourceCode for Snippet {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let masked = self.masked();
        let text = &masked.text;
        // A parser may point inside a character (`force é= "T"`); miette slices the text, so
        // the span is widened to whole characters first.
        let whole = char_span(text, span.offset(), span.offset() + span.len());
        let span: &SourceSpan = &(whole.start, whole.end - whole.start).into();
        let full = masked.text.read_span(span, before, after)?;
        let (from, to, line, column) = if full.data().len() <= SNIPPET_BYTES {
            let from = full.span().offset();
            (from, from + full.span().len(), full.line(), full.column())
        } else {
            let at = span.offset().min(text.len());
            let (line, line_start) = masked.line_of(at);
            let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
            // A header asks for the problem's own place; a snippet for a window around it.
            let from = if before == 0 && after == 0 {
                at
            } else {
                floor_char_boundary(text, at.saturating_sub(WINDOW_BYTES / 2).max(line_start))
            };
            let to = floor_char_boundary(text, (from + WINDOW_BYTES).min(line_end)).max(at);
            (from, to, line, from - line_start)
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            &text.as_bytes()[from..to],
            (from, to - from).into(),
            line,
            column,
            text[from..to].matches('\n').count() + 1,
        )))
    }
}

impl Source {
    pub fn new(name: impl Into<String>, text: &str) -> Self {
        let name = text::sanitize_line(&name.into());
        let named = Arc::new(Snippet {
            name: name.clone(),
            raw: text.to_string(),
            masked: OnceLock::new(),
        });
        Source { name, named }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// One-based line and column of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let masked = self.named.masked();
        let text = &masked.text;
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let (line, start) = masked.line_of(offset);
        (line + 1, text[start..offset].chars().count() + 1)
    }
}

/// `start..end` widened to whole characters of `text`, and kept within it.
fn char_span(text: &str, start: usize, end: usize) -> Range<usize> {
    let start = floor_char_boundary(text, start.min(text.len()));
    let mut end = end.clamp(start, text.len());
    while end < text.len() && !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A single problem: what is wrong, where, and what to do about it.
#[derive(Debug, Clone)]
pub struct Problem {
    pub source: Source,
    pub span: Option<Range<usize>>,
    pub message: String,
    pub label: Option<String>,
    pub help: Option<String>,
}

impl Problem {
    pub fn new(source: &Source, span: Option<Range<usize>>, message: impl Into<String>) -> Self {
        let raw = &source.named.raw;
        Problem {
            source: source.clone(),
            span: span.map(|s| char_span(raw, s.start, s.end)),
            message: text::escape_for_terminal(&message.into()).into_owned(),
            label: None,
            help: None,
        }
    }

    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// `(line, column)`, one-based, when the problem has a place in the file.
    pub fn location(&self) -> Option<(usize, usize)> {
        self.span.as_ref().map(|s| self.source.line_col(s.start))
    }

    /// A one-line summary, `file:line:col: message`, for status bars and logs.
    pub fn summary(&self) -> String {
        match self.location() {
            Some((line, col)) => format!("{}:{line}:{col}: {}", self.source.name, self.message),
            None => format!("{}: {}", self.source.name, self.message),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.location() {
            Some((line, col)) => write!(
                f,
                "{} (line {line}, column {col} of {})",
                self.message, self.source.name
            ),
            None => write!(f, "{} ({})", self.message, self.source.name),
        }
    }
}

impl std::error::Error for Problem {}

impl Diagnostic for Problem {
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.span
            .as_ref()
            .map(|_| &*self.source.named as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = self.span.clone()?;
        // Underlined no further than a snippet's window shows.
        let len = span
            .end
            .saturating_sub(span.start)
            .clamp(1, WINDOW_BYTES / 2);
        // Whole characters only: one byte of "é" is no place miette can underline.
        let whole = char_span(&self.source.named.raw, span.start, span.start + len);
        Some(Box::new(std::iter::once(LabeledSpan::new(
            self.label.clone().or_else(|| Some("here".into())),
            whole.start,
            whole.end - whole.start,
        ))))
    }
}

/// Every problem found in one file. Loading never stops at the first problem, so the user can
/// fix them all in one pass.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{} has {} problem{}", name, problems.len(), if problems.len() == 1 { "" } else { "s" })]
pub struct Invalid {
    pub name: String,
    pub problems: Vec<Problem>,
}

impl Invalid {
    pub fn new(source: &Source, problems: Vec<Problem>) -> Self {
        Invalid {
            name: source.name().to_string(),
            problems,
        }
    }

    pub fn one(problem: Problem) -> Self {
        Invalid {
            name: problem.source.name().to_string(),
            problems: vec![problem],
        }
    }

    /// Renders every problem as a miette report with its snippet, without colour so the text is
    /// the same on every terminal and in tests. Each starts `error:`, like every other error
    /// probity prints.
    pub fn render(&self) -> String {
        let mut theme = miette::GraphicalTheme::unicode_nocolor();
        theme.characters.error = "error:".into();
        let handler = miette::GraphicalReportHandler::new_themed(theme).with_width(100);
        let mut out = String::new();
        for problem in &self.problems {
            let mut one = String::new();
            let _ = handler.render_report(&mut one, problem);
            // miette indents the first line; flush left it reads like every other error.
            out.push_str(one.strip_prefix("  ").unwrap_or(&one));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_are_one_based() {
        let src = Source::new("x.toml", "a = 1\nbb = \"é\" x\n");
        assert_eq!(src.line_col(0), (1, 1));
        assert_eq!(src.line_col(6), (2, 1));
        assert_eq!(src.line_col(15), (2, 9));
    }

    #[test]
    fn a_span_inside_a_character_is_widened_to_it_not_a_panic() {
        for text in [
            "force é= \"T\"\n",
            "period = \"2012\"€\n",
            "value = €\"yes\"\n",
            "\u{feff}fovmat = 1\n",
        ] {
            let src = Source::new("m.toml", text);
            for start in 0..text.len() {
                for end in start..=text.len() + 1 {
                    let p = Problem::new(&src, Some(start..end), "bad");
                    let rendered = Invalid::one(p.clone()).render();
                    assert!(rendered.contains("m.toml"), "{rendered}");
                    let _ = p.summary();
                }
            }
        }
    }

    #[test]
    fn rendering_names_file_line_column_and_snippet() {
        let src = Source::new("bad.toml", "id = \"x\"\ntitle = 3\n");
        let p = Problem::new(&src, Some(17..18), "title must be text").label("a number");
        let text = Invalid::one(p).render();
        assert!(text.contains("bad.toml:2:9"), "{text}");
        assert!(text.contains("title = 3"), "{text}");
        assert!(text.contains("title must be text"), "{text}");
        assert!(text.starts_with("error: title must be text"), "{text}");
    }

    #[test]
    fn a_problem_on_a_very_long_line_shows_a_window_of_it() {
        let line = format!("x = {}{}", "[".repeat(10_000), "]".repeat(10_000));
        let src = Source::new("deep.toml", &format!("a = 1\n{line}\nb = 2\n"));
        let p = Problem::new(&src, Some(6 + 5_000..6 + 5_001), "too deep");
        let text = Invalid::one(p).render();
        assert!(text.len() < 1_000, "{} bytes:\n{text}", text.len());
        assert!(text.contains("deep.toml:2:5001"), "{text}");
        assert!(text.contains("[[[[") && text.contains("too deep"), "{text}");
    }

    #[test]
    fn control_characters_never_reach_the_rendering() {
        let src = Source::new("evil\u{1b}.toml", "x = \"\u{1b}]0;pwned\u{7}\"\n");
        let p = Problem::new(&src, Some(5..8), "bad \u{1b}[2J value");
        let text = Invalid::one(p).render();
        assert!(!text.contains('\u{1b}'), "{text:?}");
        assert!(!text.contains('\u{7}'), "{text:?}");
    }
}
