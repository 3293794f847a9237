//! Built-in checklists ship already read: each one's validated form as JSON in `core/index/`,
//! so a command that uses one skips parsing and validating thousands of lines of TOML. The JSON
//! carries the fingerprint of the TOML it was made from, and one that does not match (a
//! checklist edited since, or a model that changed shape) is passed over for the TOML: a stale
//! index costs time, never correctness. The test `checklists::the_index_matches` keeps it in step
//! (`PROBITY_UPDATE_INDEX=1` rewrites it).

use super::Checklist;

/// The checklist as its index holds it.
pub fn to_json(checklist: &Checklist) -> String {
    // A checklist is plain data: strings, numbers and lists, which always serialise.
    serde_json::to_string_pretty(checklist).unwrap_or_default() + "\n"
}

/// The indexed checklist, when the index was made from the TOML whose fingerprint is given.
pub(super) fn read(json: &str, fingerprint: &str) -> Option<Checklist> {
    let mut checklist: Checklist = serde_json::from_str(json).ok()?;
    if checklist.fingerprint != fingerprint {
        return None;
    }
    checklist.locate();
    Some(checklist)
}
