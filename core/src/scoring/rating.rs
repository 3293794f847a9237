//! How a score reads: the one definition of the rating bands, used by the interface and by
//! every document, and the rule that a score resting on too little is provisional.

use serde::Serialize;

/// What a score rests on: the scored items that earned credit, out of those that could have.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Basis {
    /// Scored items answered with something other than "not applicable".
    pub rests_on: usize,
    /// Scored items that are asked and not answered "not applicable".
    pub out_of: usize,
}

impl Basis {
    /// A score is provisional when it rests on fewer than half the scored items it could.
    pub fn provisional(self) -> bool {
        self.rests_on * 2 < self.out_of
    }
}

/// The rating of an area or of the whole assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    /// 80 and over.
    Green,
    /// 50 to under 80.
    Amber,
    /// Under 50.
    Red,
    /// A score that rests on fewer than half the scored items: shown, but not rated.
    Provisional,
    /// Nothing scored is answered.
    NotScored,
}

/// The lowest score that rates green, and the lowest that rates amber.
pub const GREEN_FROM: f64 = 80.0;
pub const AMBER_FROM: f64 = 50.0;

impl Rating {
    pub fn of(score: Option<f64>, basis: Basis) -> Rating {
        match score {
            None => Rating::NotScored,
            Some(_) if basis.provisional() => Rating::Provisional,
            Some(s) if s >= GREEN_FROM => Rating::Green,
            Some(s) if s >= AMBER_FROM => Rating::Amber,
            Some(_) => Rating::Red,
        }
    }

    /// The rating in words.
    pub fn label(self) -> &'static str {
        match self {
            Rating::Green => "Green",
            Rating::Amber => "Amber",
            Rating::Red => "Red",
            Rating::Provisional => "Provisional",
            Rating::NotScored => "Not scored",
        }
    }

    /// True for the three colours of a real rating.
    pub fn is_rated(self) -> bool {
        matches!(self, Rating::Green | Rating::Amber | Rating::Red)
    }

    /// How the bands are drawn, in words, for readers.
    pub fn bands() -> String {
        format!(
            "Green is {GREEN_FROM} and over, Amber {AMBER_FROM} to under {GREEN_FROM}, Red under {AMBER_FROM}. \
             A score that rests on fewer than half of the applicable scored items is provisional and is not rated."
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_and_provisional_scores() {
        let firm = Basis {
            rests_on: 5,
            out_of: 8,
        };
        assert_eq!(Rating::of(Some(80.0), firm), Rating::Green);
        assert_eq!(Rating::of(Some(79.9), firm), Rating::Amber);
        assert_eq!(Rating::of(Some(49.9), firm), Rating::Red);
        assert_eq!(Rating::of(None, firm), Rating::NotScored);
        let thin = Basis {
            rests_on: 1,
            out_of: 8,
        };
        assert_eq!(Rating::of(Some(100.0), thin), Rating::Provisional);
        assert!(!Rating::Provisional.is_rated());
        assert!(
            !Basis {
                rests_on: 4,
                out_of: 8
            }
            .provisional()
        );
    }
}
