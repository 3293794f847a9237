//! Names as the matcher compares them: case, accents, punctuation, "&"/"and", a leading "The"
//! and legal suffixes set aside; and Companies House numbers in their one written form.

use unicode_normalization::UnicodeNormalization;

/// Legal forms and the like, set aside at the end of a name ("Ltd", "Limited", "PLC", "(UK)").
const SUFFIXES: &[&str] = &[
    "ltd",
    "limited",
    "plc",
    "llp",
    "lp",
    "uk",
    "gb",
    "co",
    "company",
    "inc",
    "incorporated",
    "llc",
    "cic",
    "cio",
    "corp",
    "corporation",
];

/// A name made comparable, with what was set aside to make it so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalised {
    /// The words that remain, lower case, without accents or punctuation.
    pub tokens: Vec<String>,
    /// The words set aside, as written ("Ltd", "The"), for saying why two names are the same.
    pub set_aside: Vec<String>,
}

impl Normalised {
    /// The words joined by single spaces: the key for "the same name".
    pub fn key(&self) -> String {
        self.tokens.join(" ")
    }
}

/// Normalises a name as written in a register or a supplier file.
pub fn name(written: &str) -> Normalised {
    // Words as written, split on anything that is not a letter, digit or apostrophe; "&" and "+"
    // become "and".
    let mut words: Vec<(String, String)> = Vec::new();
    let mut raw = String::new();
    let mut folded = String::new();
    let flush = |raw: &mut String, folded: &mut String, words: &mut Vec<(String, String)>| {
        if !folded.is_empty() {
            words.push((std::mem::take(raw), std::mem::take(folded)));
        } else {
            raw.clear();
        }
    };
    for c in written.chars() {
        if c == '&' || c == '+' {
            flush(&mut raw, &mut folded, &mut words);
            words.push(("&".to_string(), "and".to_string()));
        } else if c == '\'' || c == '\u{2019}' {
            // O'Brien is one word.
            raw.push(c);
        } else if c.is_alphanumeric() {
            raw.push(c);
            for d in c.to_lowercase().nfkd() {
                if d.is_alphanumeric() {
                    folded.push(d);
                }
            }
        } else {
            flush(&mut raw, &mut folded, &mut words);
        }
    }
    flush(&mut raw, &mut folded, &mut words);

    // Runs of single letters are one word: "A.B.C. Ltd" is "ABC Ltd".
    let mut merged: Vec<(String, String)> = Vec::with_capacity(words.len());
    let mut in_run = false;
    for (raw, folded) in words {
        let single = folded.chars().count() == 1 && folded.chars().all(char::is_alphabetic);
        match merged.last_mut() {
            Some(last) if single && in_run => {
                last.0.push_str(&raw);
                last.1.push_str(&folded);
            }
            _ => merged.push((raw, folded)),
        }
        in_run = single;
    }

    let mut set_aside = Vec::new();
    let mut kept: Vec<(String, String)> = Vec::with_capacity(merged.len());
    for (raw, folded) in merged {
        if folded == "and" {
            set_aside.push(raw);
        } else {
            kept.push((raw, folded));
        }
    }
    if kept.len() > 1 && kept[0].1 == "the" {
        set_aside.push(kept.remove(0).0);
    }
    while kept.len() > 1 && kept.last().is_some_and(|(_, f)| is_suffix(f)) {
        if let Some((raw, _)) = kept.pop() {
            set_aside.push(raw);
        }
    }
    Normalised {
        tokens: kept.into_iter().map(|(_, f)| f).collect(),
        set_aside,
    }
}

/// A legal suffix, or "Limited" with a typo ("Limtied", "Limitd").
fn is_suffix(word: &str) -> bool {
    SUFFIXES.contains(&word)
        || word.len() >= 6 && word.starts_with('l') && strsim::jaro_winkler(word, "limited") >= 0.88
}

/// A Companies House number in its written form: eight characters, upper case, numbers padded
/// with leading zeros ("1234567" is "01234567", "sc 123456" is "SC123456"). `None` when the
/// text is not one.
pub fn company_number(text: &str) -> Option<String> {
    let compact: String = text
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_uppercase();
    if compact.is_empty() || compact.len() > 8 {
        return None;
    }
    let letters = compact
        .chars()
        .take_while(char::is_ascii_alphabetic)
        .count();
    let digits = &compact[letters..];
    if letters > 2 || digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    if digits.chars().all(|c| c == '0') {
        return None;
    }
    let width = 8 - letters;
    Some(format!("{}{digits:0>width$}", &compact[..letters]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn names_lose_case_accents_punctuation_the_and_suffixes() {
        assert_eq!(
            name("The Société Générale (UK) Ltd.").key(),
            "societe generale"
        );
        assert_eq!(
            name("Smith & Jones").key(),
            name("SMITH AND JONES LIMITED").key()
        );
        assert_eq!(name("A.B.C. Cleaning Ltd").key(), "abc cleaning");
        assert_eq!(name("O'Brien Limtied").key(), "obrien");
        // A name that is only a suffix keeps it.
        assert_eq!(name("Limited").key(), "limited");
    }

    #[test]
    fn company_numbers_take_one_written_form() {
        assert_eq!(company_number("4567891").as_deref(), Some("04567891"));
        assert_eq!(company_number("sc 123456").as_deref(), Some("SC123456"));
        assert_eq!(company_number("00000000"), None);
        assert_eq!(company_number("ABC12345"), None);
        assert_eq!(company_number("123456789"), None);
    }

    proptest! {
        #[test]
        fn any_text_normalises_without_panicking(text in any::<String>()) {
            let n = name(&text);
            prop_assert!(n.tokens.iter().all(|t| !t.is_empty()));
            let _ = company_number(&text);
        }
    }
}
