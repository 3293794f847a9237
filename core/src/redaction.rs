//! Redaction for sharing outside the force: personal names go, role titles stay.
//!
//! A committee needs to know that the Head of Procurement owns an action, not who holds the
//! post. A name field holds either, or both ("Jane Smith, Head of Vetting"), so it is read
//! phrase by phrase: a phrase made only of the words in `data/role-titles.toml`, one of them a
//! post or a body, is a role title and is kept; any other phrase is taken for a name and
//! removed. An unknown word only ever removes more.

use std::collections::HashSet;
use std::sync::OnceLock;

/// What stands where something was removed.
pub const MARK: &str = "[redacted]";

/// Where phrases in a name field divide.
const DIVIDERS: &[char] = &[',', ';', '(', ')', '/', '–', '—', ':'];

#[derive(serde::Deserialize)]
struct Vocabulary {
    heads: HashSet<String>,
    words: HashSet<String>,
    /// Ranks and honorifics written before a name ("PC Smith").
    prefixes: HashSet<String>,
    /// Words of a title that are also surnames, a title only before "of" ("Head of …").
    before_of: HashSet<String>,
}

fn vocabulary() -> &'static Vocabulary {
    static WORDS: OnceLock<Vocabulary> = OnceLock::new();
    WORDS.get_or_init(|| {
        // An unreadable list keeps nothing: every phrase is then taken for a name.
        toml::from_str(include_str!("../data/role-titles.toml")).unwrap_or_else(|_| Vocabulary {
            heads: HashSet::new(),
            words: HashSet::new(),
            prefixes: HashSet::new(),
            before_of: HashSet::new(),
        })
    })
}

/// A name field with every personal name removed and every role title kept.
pub fn person(field: &str) -> String {
    let mut out = String::new();
    let mut phrase = String::new();
    // A spaced hyphen divides as a dash does ("Head of Procurement - Jane Smith").
    for c in field.replace(" - ", " – ").chars() {
        if DIVIDERS.contains(&c) {
            out.push_str(&kept(&phrase));
            out.push(c);
            phrase.clear();
        } else {
            phrase.push(c);
        }
    }
    out.push_str(&kept(&phrase));
    out
}

/// The phrase itself when it is a role title, or blank space, or else the mark in its place.
fn kept(phrase: &str) -> String {
    let words: Vec<String> = phrase
        .split_whitespace()
        .map(|w| w.trim_matches(['.', '\'', '"']).to_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return phrase.to_string();
    }
    let v = vocabulary();
    let known = |w: &String| v.heads.contains(w) || v.words.contains(w);
    let titled = words.iter().all(known)
        && words.iter().any(|w| v.heads.contains(w))
        && !names_someone(v, &words);
    let lead = &phrase[..phrase.len() - phrase.trim_start().len()];
    let tail = &phrase[phrase.trim_end().len()..];
    if titled {
        phrase.to_string()
    } else {
        format!("{lead}{MARK}{tail}")
    }
}

/// Whether a phrase of known words still reads as a name: a rank before another word
/// ("PC Constable"), or a title word that is also a surname not followed by "of" ("DI Head").
fn names_someone(v: &Vocabulary, words: &[String]) -> bool {
    words.iter().enumerate().any(|(i, w)| {
        let next = words.get(i + 1).map(String::as_str);
        (v.prefixes.contains(w) && next.is_some())
            || (v.before_of.contains(w) && next != Some("of"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_titles_are_kept() {
        for title in [
            "Head of Procurement",
            "Professional Standards Department",
            "Head of Counter-Corruption",
            "Head of HR",
            "ACC",
            "Head of Procurement, Commercial Services and Contract Management (joint with the neighbouring force)",
        ] {
            assert_eq!(person(title), title);
        }
    }

    #[test]
    fn personal_names_are_removed_and_roles_beside_them_kept() {
        assert_eq!(person("Jane Smith"), MARK);
        assert_eq!(person("ACC Robert Gray"), MARK);
        assert_eq!(
            person("Jane Smith, Head of Vetting"),
            "[redacted], Head of Vetting"
        );
        assert_eq!(person("Robert Gray (ACC)"), "[redacted] (ACC)");
        assert_eq!(person("Owner 1"), MARK);
        assert_eq!(person("Standards"), MARK, "a title needs a post or a body");
        // Title words that are also surnames, and ranks before a name.
        assert_eq!(
            person("Sgt Head (Press Office)"),
            "[redacted] (Press Office)"
        );
        assert_eq!(person("PC Constable"), MARK);
        assert_eq!(person("DI Head"), MARK);
        assert_eq!(
            person("Head of Procurement - Jane Smith"),
            "Head of Procurement – [redacted]"
        );
        assert_eq!(
            person("Detective Superintendent Alan Crowther, Head of PSLSD"),
            "[redacted], Head of PSLSD"
        );
        assert_eq!(person("Chief Constable"), "Chief Constable");
        assert_eq!(person("Head of Media Relations"), "Head of Media Relations");
    }

    #[test]
    fn the_vocabulary_reads() {
        let v = vocabulary();
        assert!(v.heads.contains("head") && v.words.contains("procurement"));
        assert!(v.heads.is_disjoint(&v.words));
        assert!(v.prefixes.contains("pc") && v.before_of.contains("head"));
    }
}
