//! Finding the suppliers a declared name may be: by Companies House number, by the same name
//! once normalised, or by a similar name. Candidates for a similar name come only from blocks
//! keyed on the name's rarer words (the word itself, its first three and its last three
//! letters, so one typo in a word of five letters or more leaves a key intact), never from every supplier.

use std::collections::HashMap;

use serde::Serialize;

use super::normalise::{self, Normalised};

/// The least similarity that makes a similar-name match. Chosen on the training seed of the
/// generated labelled set (`testkit/src/crosscheck.rs`): a one-letter typo or transposition
/// in one word of a two- or three-word name scores about 0.95 to 0.99, and one in a lone
/// word of five letters or more at least 0.91, while names sharing only a surname or the
/// common words score 0.5 to 0.8. 0.90 sits between. A held-out seed is measured by a test
/// (`tests/it/crosscheck.rs`: precision 0.98, recall 0.99).
pub const THRESHOLD: f64 = 0.90;

/// Two words this alike count as the same word with a typo (Jaro-Winkler).
const WORD_ALIKE: f64 = 0.88;

/// Words so common in suppliers' names that they never make a match alone, whatever the
/// supplier file holds. A word shared by many suppliers in the file is treated alike.
const GENERIC: &[&str] = &[
    "services",
    "service",
    "solutions",
    "group",
    "holdings",
    "systems",
    "consulting",
    "consultancy",
    "consultants",
    "management",
    "international",
    "associates",
    "partners",
    "partnership",
    "enterprises",
    "trading",
    "technologies",
    "technology",
    "supplies",
    "supply",
    "products",
    "industries",
    "global",
    "national",
    "british",
    "england",
    "wales",
    "of",
    "for",
    "in",
    "at",
    "on",
    "a",
    "engineering",
    "security",
    "training",
    "support",
    "care",
    "media",
    "design",
    "digital",
    "network",
    "networks",
    "centre",
    "center",
    "trust",
    "council",
    "county",
    "police",
    "hotel",
    "restaurant",
    "bakery",
    "cafe",
    "club",
    "ventures",
    "logistics",
    "property",
    "properties",
    "construction",
    "contractors",
    "electrical",
    "mechanical",
    "facilities",
    "fleet",
    "vehicles",
    "motors",
    "software",
    "data",
    "communications",
    "energy",
    "environmental",
    "medical",
    "health",
    "healthcare",
];

/// Why a declared name and a supplier were matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// They share a Companies House number.
    CompanyNumber,
    /// The same name once case, punctuation, accents, "&"/"and", "The" and legal suffixes are
    /// set aside.
    SameName,
    /// A similar name.
    SimilarName,
}

impl Basis {
    pub fn describe(self) -> &'static str {
        match self {
            Basis::CompanyNumber => "company number",
            Basis::SameName => "same name",
            Basis::SimilarName => "similar name",
        }
    }
}

/// A supplier: one name (or one company number), with every award or payment to it.
#[derive(Debug)]
pub struct Supplier {
    pub normalised: Normalised,
    pub key: String,
    /// The rows (input, row) naming it.
    pub rows: Vec<(usize, usize)>,
    /// Each word's weight and whether it may anchor a match, worked out once.
    weights: Vec<(f64, bool)>,
}

/// The suppliers, indexed for matching.
pub struct Index {
    pub suppliers: Vec<Supplier>,
    by_key: HashMap<String, usize>,
    by_number: HashMap<String, Vec<usize>>,
    blocks: HashMap<String, Vec<usize>>,
    frequency: HashMap<String, usize>,
    /// A block larger than this (2% of suppliers, at least 100) yields no candidates.
    largest_block: usize,
    /// A word in more suppliers than this (2%, at least 50) is common.
    common: usize,
}

/// One candidate found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Found {
    pub supplier: usize,
    pub basis: Basis,
    pub similarity: f64,
}

fn block_keys(token: &str) -> Vec<String> {
    let chars: Vec<char> = token.chars().collect();
    let mut keys = vec![format!("w:{token}")];
    if chars.len() >= 5 {
        keys.push(format!("p:{}", chars[..3].iter().collect::<String>()));
        keys.push(format!(
            "s:{}",
            chars[chars.len() - 3..].iter().collect::<String>()
        ));
    }
    keys
}

impl Index {
    /// Indexes supplier names, each given with its row and Companies House number.
    pub fn new<'a>(
        rows: impl Iterator<Item = ((usize, usize), &'a str, Option<&'a str>)>,
    ) -> Index {
        let mut suppliers: Vec<Supplier> = Vec::new();
        let mut by_key: HashMap<String, usize> = HashMap::new();
        let mut by_number: HashMap<String, Vec<usize>> = HashMap::new();
        for (at, name, number) in rows {
            let normalised = normalise::name(name);
            let key = normalised.tokens.concat();
            let id = *by_key.entry(key.clone()).or_insert_with(|| {
                suppliers.push(Supplier {
                    normalised,
                    key,
                    rows: Vec::new(),
                    weights: Vec::new(),
                });
                suppliers.len() - 1
            });
            suppliers[id].rows.push(at);
            if let Some(number) = number {
                let ids = by_number.entry(number.to_string()).or_default();
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
        let mut frequency: HashMap<String, usize> = HashMap::new();
        let mut blocks: HashMap<String, Vec<usize>> = HashMap::new();
        for (id, s) in suppliers.iter().enumerate() {
            let mut tokens = s.normalised.tokens.clone();
            tokens.sort();
            tokens.dedup();
            for t in tokens {
                for k in block_keys(&t) {
                    let ids = blocks.entry(k).or_default();
                    if ids.last() != Some(&id) {
                        ids.push(id);
                    }
                }
                *frequency.entry(t).or_default() += 1;
            }
        }
        let n = suppliers.len();
        let mut index = Index {
            suppliers,
            by_key,
            by_number,
            blocks,
            frequency,
            largest_block: (n / 50).max(100),
            common: (n / 50).max(50),
        };
        let weights: Vec<Vec<(f64, bool)>> = index
            .suppliers
            .iter()
            .map(|s| {
                index
                    .weighed(&s.normalised.tokens)
                    .into_iter()
                    .map(|(_, w, rare)| (w, rare))
                    .collect()
            })
            .collect();
        for (s, w) in index.suppliers.iter_mut().zip(weights) {
            s.weights = w;
        }
        index
    }

    fn is_common(&self, token: &str) -> bool {
        GENERIC.contains(&token) || self.frequency.get(token).copied().unwrap_or(0) > self.common
    }

    /// How much a word tells: rare words much, common ones little.
    fn weight(&self, token: &str) -> f64 {
        if self.is_common(token) {
            return 1.0;
        }
        let n = self.suppliers.len() as f64;
        let df = self.frequency.get(token).copied().unwrap_or(0) as f64;
        (1.0 + n / (1.0 + df)).ln().max(1.5)
    }

    /// Suppliers sharing the Companies House number.
    pub fn by_number(&self, number: &str) -> &[usize] {
        self.by_number.get(number).map_or(&[], Vec::as_slice)
    }

    /// Suppliers the name (already normalised) may be, by the same or a similar name.
    pub fn by_name(&self, name: &Normalised) -> Vec<Found> {
        let key = name.tokens.concat();
        if key.is_empty() {
            return Vec::new();
        }
        if let Some(&id) = self.by_key.get(&key) {
            return vec![Found {
                supplier: id,
                basis: Basis::SameName,
                similarity: 1.0,
            }];
        }
        let mut candidates: Vec<usize> = Vec::new();
        for token in &name.tokens {
            if self.is_common(token) {
                continue;
            }
            // A word some supplier's name holds finds its candidates by itself; only a word no
            // supplier uses, perhaps misspelt, is looked for by its first and last letters.
            let keys = block_keys(token);
            let known = self.blocks.get(&keys[0]);
            let keys = if known.is_some() {
                &keys[..1]
            } else {
                &keys[1..]
            };
            for k in keys {
                if let Some(ids) = self.blocks.get(k)
                    && ids.len() <= self.largest_block
                {
                    candidates.extend_from_slice(ids);
                }
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        let ours = self.weighed(&name.tokens);
        let mut found: Vec<Found> = candidates
            .into_iter()
            .filter_map(|id| {
                let supplier = &self.suppliers[id];
                let theirs: Vec<(&str, f64, bool)> = supplier
                    .normalised
                    .tokens
                    .iter()
                    .zip(&supplier.weights)
                    .map(|(t, &(w, rare))| (t.as_str(), w, rare))
                    .collect();
                let similarity = self.similarity_weighed(&ours, &theirs)?;
                (similarity >= THRESHOLD).then_some(Found {
                    supplier: id,
                    basis: Basis::SimilarName,
                    similarity,
                })
            })
            .collect();
        found.sort_by(|a, b| b.similarity.total_cmp(&a.similarity));
        // The best match, and any exactly as good: a tie between suppliers is worth a look at both.
        if let Some(best) = found.first().map(|f| f.similarity) {
            found.retain(|f| f.similarity >= best - 1e-9);
        }
        found
    }

    /// A token-aware similarity between two names' words, from 0 to 1: each word is paired
    /// with its most alike word in the other name (Jaro-Winkler, counted only when at least
    /// [`WORD_ALIKE`]), weighted by how rare it is among suppliers, averaged both ways. `None`
    /// when no rare word is shared: common words never make a match alone.
    pub fn similarity(&self, a: &[String], b: &[String]) -> Option<f64> {
        self.similarity_weighed(&self.weighed(a), &self.weighed(b))
    }

    /// Each word with its weight and whether it is rare enough to anchor a match.
    fn weighed<'a>(&self, words: &'a [String]) -> Vec<(&'a str, f64, bool)> {
        words
            .iter()
            .map(|w| {
                (
                    w.as_str(),
                    self.weight(w),
                    !self.is_common(w) && w.len() > 1,
                )
            })
            .collect()
    }

    fn similarity_weighed(&self, a: &[(&str, f64, bool)], b: &[(&str, f64, bool)]) -> Option<f64> {
        let mut anchored = false;
        let mut one_way = |from: &[(&str, f64, bool)], to: &[(&str, f64, bool)]| {
            let mut total = 0.0;
            let mut got = 0.0;
            for &(x, w, rare) in from {
                total += w;
                let best = to
                    .iter()
                    .map(|(y, ..)| word_alike(x, y))
                    .fold(0.0_f64, f64::max);
                if best >= WORD_ALIKE {
                    got += w * best;
                    anchored |= rare;
                }
            }
            if total > 0.0 { got / total } else { 0.0 }
        };
        let there = one_way(a, b);
        let back = one_way(b, a);
        anchored.then_some((there + back) / 2.0)
    }
}

/// Jaro-Winkler between two words, except that words of three letters or fewer must be equal,
/// and words whose lengths differ by more than two are not alike.
fn word_alike(x: &str, y: &str) -> f64 {
    if x == y {
        return 1.0;
    }
    // A slip of one letter changes a word's length by one at most.
    if x.len() <= 3 || y.len() <= 3 || x.len().abs_diff(y.len()) > 2 {
        return 0.0;
    }
    strsim::jaro_winkler(x, y)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(names: &[&str]) -> Index {
        Index::new(names.iter().enumerate().map(|(i, n)| ((0, i), *n, None)))
    }

    #[test]
    fn suffixes_case_and_the_make_the_same_name() {
        let ix = index(&["Northgate Public Services (UK) Ltd", "Acme Widgets PLC"]);
        let f = ix.by_name(&normalise::name("NORTHGATE PUBLIC SERVICES LIMITED"));
        assert_eq!(f[0].basis, Basis::SameName);
        let f = ix.by_name(&normalise::name("The Acme-Widgets plc."));
        assert_eq!((f[0].supplier, f[0].basis), (1, Basis::SameName));
    }

    #[test]
    fn a_typo_is_a_similar_name_but_a_shared_surname_or_common_word_is_not() {
        let ix = index(&[
            "Hargreaves Security Solutions Ltd",
            "Brightwater Services Ltd",
        ]);
        let f = ix.by_name(&normalise::name("Hargreaves Secuirty Solutions"));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].basis, Basis::SimilarName);
        assert!(ix.by_name(&normalise::name("Hargreaves Bakery")).is_empty());
        assert!(
            ix.by_name(&normalise::name("Security Solutions Ltd"))
                .is_empty()
        );
        assert!(
            ix.by_name(&normalise::name("Blackwater Services"))
                .is_empty()
        );
    }
}
