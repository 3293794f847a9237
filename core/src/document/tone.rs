//! The colours documents share for a judgement: a severity, a score band or where an action
//! stands. Each tone has a strong colour for chart bars, a pale fill for table cells and a dark
//! ink that reads on that fill, so Word tables, workbooks and charts colour things alike.

use crate::checklist::Severity;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// High severity, a red score, an overdue action.
    Bad,
    /// Medium severity, an amber score, an open action.
    Warn,
    /// Low severity, a green score, a delivered action.
    Good,
    /// Nothing to judge: not scored, not comparable.
    Neutral,
}

impl Tone {
    /// The band of a 0–100 score: red under 50, amber from 50 to 79, green from 80.
    pub fn of_score(score: Option<f64>) -> Tone {
        match score {
            Some(s) if s >= 80.0 => Tone::Good,
            Some(s) if s >= 50.0 => Tone::Warn,
            Some(_) => Tone::Bad,
            None => Tone::Neutral,
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
    fn scores_fall_in_bands() {
        assert_eq!(Tone::of_score(Some(49.9)), Tone::Bad);
        assert_eq!(Tone::of_score(Some(50.0)), Tone::Warn);
        assert_eq!(Tone::of_score(Some(80.0)), Tone::Good);
        assert_eq!(Tone::of_score(None), Tone::Neutral);
        assert_eq!(Tone::of_severity(Severity::High), Tone::Bad);
    }
}
