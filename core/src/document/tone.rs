//! The colours documents share for a judgement: a severity, a rating or where an action
//! stands. Each tone has a strong colour for chart bars, a pale fill for table cells and a dark
//! ink that reads on that fill, so Word tables, workbooks and charts colour things alike.

use crate::checklist::Severity;
use crate::scoring::Rating;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// High severity, a red rating, an overdue action.
    Bad,
    /// Medium severity, an amber rating, an open action.
    Warn,
    /// Low severity, a green rating, a delivered action.
    Good,
    /// Nothing to judge: provisional or not scored, not comparable.
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
            Severity::Low => Tone::Good,
        }
    }

    /// A strong colour, as RGB hex, for a bar.
    pub fn strong(self) -> &'static str {
        match self {
            Tone::Bad => "B3261E",
            Tone::Warn => "C98A00",
            Tone::Good => "3D7A2A",
            Tone::Neutral => "9AA4AE",
        }
    }

    /// A pale colour, as RGB hex, for the background of a cell.
    pub fn fill(self) -> &'static str {
        match self {
            Tone::Bad => "F4C7C3",
            Tone::Warn => "FCE8B2",
            Tone::Good => "E2EFDA",
            Tone::Neutral => "EEF2F6",
        }
    }

    /// A dark colour, as RGB hex, for text on [`Tone::fill`].
    pub fn ink(self) -> &'static str {
        match self {
            Tone::Bad => "7A0000",
            Tone::Warn => "6B4E00",
            Tone::Good => "274E13",
            Tone::Neutral => "1B1F24",
        }
    }
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
    }
}
