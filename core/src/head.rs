//! The head of a TOML file: the keys before its first table. Checklists and assessments both
//! say what they are there (id and title; force and period), so a listing or a search of a
//! folder reads that much and no more.

use serde::de::DeserializeOwned;

/// The head of `text`, read on its own, when it reads as a `T`. A cut that falls inside a
/// multi-line string leaves that string unterminated, so it fails to parse rather than
/// misreads; `None` then sends the caller to the whole file.
pub fn of<T: DeserializeOwned>(text: &str) -> Option<T> {
    let end = text
        .match_indices('\n')
        .map(|(i, _)| i + 1)
        .find(|&i| text[i..].trim_start_matches([' ', '\t']).starts_with('['))
        .unwrap_or(text.len());
    toml::from_str(&text[..end]).ok()
}

#[cfg(test)]
mod tests {
    use super::of;

    #[derive(serde::Deserialize, Debug, PartialEq)]
    struct Head {
        id: String,
    }

    #[test]
    fn the_head_is_the_keys_before_the_first_table() {
        let text = "id = \"a\"\n\n[[areas]]\nid = \"b\"\n";
        assert_eq!(of::<Head>(text), Some(Head { id: "a".into() }));
    }

    #[test]
    fn a_table_line_inside_a_string_is_not_the_end_of_the_head() {
        let text = "note = \"\"\"\n[not a table]\n\"\"\"\nid = \"a\"\n[x]\n";
        assert_eq!(of::<Head>(text), None, "the cut string must not read");
    }

    #[test]
    fn a_file_without_tables_is_all_head() {
        assert_eq!(of::<Head>("id = \"a\"\n"), Some(Head { id: "a".into() }));
    }
}
