//! The one palette every document and format uses. A judgement (a severity, a rating, a
//! grade, where an action stands) has a [`Tone`]; each tone has a strong colour for bars and
//! edges, a pale fill for cells and badges and a dark ink that reads on that fill. The web
//! page's CSS variables, Word's colours and the workbook's formats all derive from here.

use crate::checklist::Severity;
use crate::scoring::Rating;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tone {
    /// High severity, a red rating, an overdue action.
    Bad,
    /// Medium severity, an amber rating, an open action.
    Warn,
    /// Low severity, an "adequate" grade: worth noting, not alarming.
    Fair,
    /// A green rating, a good grade, a delivered action.
    Good,
    /// Nothing to judge: provisional or not scored, not comparable.
    #[default]
    Neutral,
}

impl Tone {
    /// A rating's colour; a provisional or missing score has none.
    pub fn of_rating(rating: Rating) -> Tone {
        match rating {
            Rating::Green => Tone::Good,
            Rating::Amber => Tone::Warn,
            Rating::Red => Tone::Bad,
            Rating::Provisional | Rating::NotScored => Tone::Neutral,
        }
    }

    pub fn of_severity(severity: Severity) -> Tone {
        match severity {
            Severity::High => Tone::Bad,
            Severity::Medium => Tone::Warn,
            Severity::Low => Tone::Fair,
        }
    }

    /// A strong colour, as RGB hex, for a bar.
    pub fn strong(self) -> &'static str {
        match self {
            Tone::Bad => "B3261E",
            Tone::Warn => "C98A00",
            Tone::Fair => "3A5A78",
            Tone::Good => "3D7A2A",
            Tone::Neutral => "9AA4AE",
        }
    }

    /// A pale colour, as RGB hex, for the background of a cell.
    pub fn fill(self) -> &'static str {
        match self {
            Tone::Bad => "F4C7C3",
            Tone::Warn => "FCE8B2",
            Tone::Fair => "E3EBF3",
            Tone::Good => "E2EFDA",
            Tone::Neutral => "EEF2F6",
        }
    }

    /// A dark colour, as RGB hex, for text on [`Tone::fill`].
    pub fn ink(self) -> &'static str {
        match self {
            Tone::Bad => "7A0000",
            Tone::Warn => "6B4E00",
            Tone::Fair => "1F3A5F",
            Tone::Good => "274E13",
            Tone::Neutral => "1B1F24",
        }
    }
}

/// Every tone, for backends that make a style per tone.
pub const ALL: [Tone; 5] = [Tone::Bad, Tone::Warn, Tone::Fair, Tone::Good, Tone::Neutral];

/// Body text.
pub const INK: &str = "1B1F24";
/// Secondary text: labels, running headers, page numbers.
pub const MUTED: &str = "59636E";
/// Headings, table headers and chart lines.
pub const ACCENT: &str = "1F3A5F";
/// Rules between rows.
pub const RULE: &str = "D0D7DE";
/// The protective marking, in every format.
pub const MARKING: &str = "B3261E";

impl Tone {
    /// The name a web page's classes and CSS variables use.
    pub fn name(self) -> &'static str {
        match self {
            Tone::Bad => "bad",
            Tone::Warn => "warn",
            Tone::Fair => "fair",
            Tone::Good => "good",
            Tone::Neutral => "neutral",
        }
    }
}

/// The palette as CSS custom properties, for the web page's style sheet.
pub fn css_variables() -> String {
    let mut css = format!(
        "--ink: #{INK}; --muted: #{MUTED}; --accent: #{ACCENT}; --rule: #{RULE}; --marking: #{MARKING};"
    );
    for t in ALL {
        let n = t.name();
        css.push_str(&format!(
            " --{n}: #{}; --{n}-fill: #{}; --{n}-ink: #{};",
            t.strong(),
            t.fill(),
            t.ink()
        ));
    }
    css
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_real_ratings_are_coloured() {
        assert_eq!(Tone::of_rating(Rating::Red), Tone::Bad);
        assert_eq!(Tone::of_rating(Rating::Green), Tone::Good);
        assert_eq!(Tone::of_rating(Rating::Provisional), Tone::Neutral);
        assert_eq!(Tone::of_severity(Severity::High), Tone::Bad);
        assert_eq!(Tone::of_severity(Severity::Low), Tone::Fair);
        assert!(css_variables().contains("--fair-fill: #E3EBF3;"));
    }
}
