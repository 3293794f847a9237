//! Numbers as documents print them: scores to one decimal place, signed changes, and text
//! split into paragraphs.

use crate::answer::format_number;

/// Rounds to one decimal place, as every score and percentage is reported.
pub fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// A score in words: a whole or one-decimal number, or "not scored".
pub fn score_text(score: Option<f64>) -> String {
    score.map_or("not scored".into(), format_number)
}

/// A score as a phrase: "Score 77.8 out of 100", or "Not scored" when nothing scored is answered.
pub fn score_phrase(score: Option<f64>) -> String {
    score.map_or("Not scored".into(), |s| {
        format!("Score {} out of 100", format_number(s))
    })
}

/// A signed change for display, e.g. "+4.5", "−2", "0", or a dash when there is none.
pub fn signed(x: Option<f64>) -> String {
    match x {
        Some(d) if d > 0.0 => format!("+{}", format_number(d)),
        Some(d) if d < 0.0 => format!("−{}", format_number(-d)),
        Some(_) => "0".into(),
        None => "—".into(),
    }
}

/// Text split at blank lines into paragraphs.
pub fn paragraphs(text: &str) -> Vec<&str> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_read_plainly() {
        assert_eq!(round1(77.777), 77.8);
        assert_eq!(score_text(None), "not scored");
        assert_eq!(score_phrase(Some(50.0)), "Score 50 out of 100");
        assert_eq!(signed(Some(-2.0)), "−2");
        assert_eq!(signed(Some(4.5)), "+4.5");
        assert_eq!(paragraphs("a\n\n\n b \n\n"), vec!["a", "b"]);
    }
}
