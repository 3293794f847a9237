//! Finding an item or an area from what a person types: its id, or an unambiguous part of its
//! words. When nothing matches, the nearest ids are offered instead.

use super::{Area, Checklist, Item};

/// How many near ids an unknown name suggests, and how many matches an ambiguous one lists.
const SUGGEST: usize = 3;
const LIST: usize = 8;

/// Why a typed name did not lead to exactly one item or area.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LookupError {
    #[error("no {what} matches \"{query}\"{}", nearest_text(nearest))]
    Unknown {
        /// "item" or "area".
        what: &'static str,
        query: String,
        /// The nearest ids, nearest first.
        nearest: Vec<String>,
    },
    #[error(
        "\"{query}\" matches {count} {what}s: {}{}",
        matches.join(", "),
        if *count > matches.len() { ", …" } else { "" }
    )]
    Ambiguous {
        what: &'static str,
        query: String,
        /// How many matched.
        count: usize,
        /// The first few of them, in checklist order.
        matches: Vec<String>,
    },
}

fn nearest_text(nearest: &[String]) -> String {
    match nearest {
        [] => String::new(),
        [one] => format!("; the nearest id is {one}"),
        many => format!("; the nearest ids are {}", many.join(", ")),
    }
}

impl Checklist {
    /// The item a user means: its id, or an unambiguous part of its question or short label.
    pub fn find_item(&self, query: &str) -> Result<&Item, LookupError> {
        find(
            "item",
            query,
            self.items().map(|i| {
                (
                    i.id.as_str(),
                    [Some(i.prompt.as_str()), i.short.as_deref()],
                    i,
                )
            }),
        )
    }

    /// The area a user means: its id, or an unambiguous part of its title.
    pub fn find_area(&self, query: &str) -> Result<&Area, LookupError> {
        find(
            "area",
            query,
            self.areas
                .iter()
                .map(|a| (a.id.as_str(), [Some(a.title.as_str()), None], a)),
        )
    }
}

/// Lower case with runs of white space made one space, so typed words match however spaced.
fn fold(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// An exact id first; otherwise the one candidate whose id or words contain the query.
fn find<'a, T: Copy>(
    what: &'static str,
    query: &str,
    candidates: impl Iterator<Item = (&'a str, [Option<&'a str>; 2], T)>,
) -> Result<T, LookupError> {
    let candidates: Vec<_> = candidates.collect();
    let query = query.trim();
    if let Some((_, _, found)) = candidates.iter().find(|(id, _, _)| *id == query) {
        return Ok(*found);
    }
    let folded = fold(query);
    let matching: Vec<_> = candidates
        .iter()
        .filter(|(id, words, _)| {
            !folded.is_empty()
                && std::iter::once(Some(*id))
                    .chain(words.iter().copied())
                    .flatten()
                    .any(|text| fold(text).contains(&folded))
        })
        .collect();
    match matching.as_slice() {
        [(_, _, found)] => Ok(*found),
        [] => Err(LookupError::Unknown {
            what,
            query: query.to_string(),
            nearest: nearest(query, candidates.iter().map(|(id, _, _)| *id)),
        }),
        many => Err(LookupError::Ambiguous {
            what,
            query: query.to_string(),
            count: many.len(),
            matches: many
                .iter()
                .take(LIST)
                .map(|(id, _, _)| id.to_string())
                .collect(),
        }),
    }
}

/// The ids most like `query`, most alike first.
fn nearest<'a>(query: &str, ids: impl Iterator<Item = &'a str>) -> Vec<String> {
    let query = query.to_lowercase();
    let mut scored: Vec<(f64, &str)> = ids
        .map(|id| (strsim::jaro_winkler(&query, &id.to_lowercase()), id))
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    scored
        .into_iter()
        .take(SUGGEST)
        .map(|(_, id)| id.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn checklist() -> Checklist {
        super::super::load_str(
            "t.toml",
            r#"
id = "t"
title = "T"
version = "1"
provenance = "test"
[[areas]]
id = "gifts"
title = "Gifts and hospitality"
question = "?"
[[areas.items]]
id = "gifts.policy"
prompt = "Is there a gifts and hospitality policy?"
kind = "status"
[[areas.items]]
id = "gifts.register"
prompt = "Is a gifts register kept?"
short = "Register kept"
kind = "status"
[[areas]]
id = "media"
title = "Media relations"
question = "?"
[[areas.items]]
id = "media.policy"
prompt = "Is there a media  policy?"
kind = "status"
"#,
        )
        .unwrap()
    }

    #[test]
    fn an_item_is_found_by_id_or_by_words() {
        let c = checklist();
        assert_eq!(c.find_item("gifts.policy").unwrap().id, "gifts.policy");
        assert_eq!(
            c.find_item("HOSPITALITY policy").unwrap().id,
            "gifts.policy"
        );
        assert_eq!(c.find_item("register kept").unwrap().id, "gifts.register");
        assert_eq!(c.find_item("a media policy").unwrap().id, "media.policy");
        assert_eq!(c.find_area("media").unwrap().id, "media");
        assert_eq!(c.find_area("hospitality").unwrap().id, "gifts");
    }

    #[test]
    fn an_ambiguous_name_lists_what_it_matches() {
        let e = checklist().find_item("policy").unwrap_err();
        assert_eq!(
            e.to_string(),
            "\"policy\" matches 2 items: gifts.policy, media.policy"
        );
    }

    #[test]
    fn an_unknown_name_suggests_the_nearest_ids() {
        let e = checklist().find_item("gift.polcy").unwrap_err();
        let LookupError::Unknown { nearest, .. } = &e else {
            panic!("{e:?}")
        };
        assert_eq!(nearest[0], "gifts.policy");
        assert!(
            e.to_string()
                .starts_with("no item matches \"gift.polcy\"; the nearest ids are gifts.policy, "),
            "{e}"
        );
        assert!(checklist().find_item("  ").is_err());
    }
}
