//! How long each field of an answer may be. Every change, whether typed in the interface,
//! given to `answer` or `walk`, or read from a return, reaches the assessment through
//! [`crate::workspace::Opened`]'s one edit path, which checks it here; so no way in can make a
//! file larger than probity reads back.

use super::{Answer, Assurance, Incoming};
use crate::answer::Value;

/// A note, a text answer, a judgement's rationale or notable practice: 32 KB.
pub const TEXT_BYTES: usize = 32 * 1024;
/// One evidence reference: 2 KB.
pub const EVIDENCE_BYTES: usize = 2 * 1024;
/// A name (an owner, who verified an answer, a contributor): 200 characters.
pub const NAME_CHARS: usize = 200;

/// A field longer than it may be, in words: which field, how long, and the limit.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the {field} is {found}, over its limit of {cap}")]
pub struct TooLong {
    pub field: &'static str,
    pub found: String,
    pub cap: String,
}

/// Refuses free text over [`TEXT_BYTES`].
pub fn text(field: &'static str, text: &str) -> Result<(), TooLong> {
    bytes(field, text, TEXT_BYTES)
}

/// Refuses an evidence reference over [`EVIDENCE_BYTES`].
pub fn evidence(text: &str) -> Result<(), TooLong> {
    bytes("evidence reference", text, EVIDENCE_BYTES)
}

/// Refuses a name over [`NAME_CHARS`] characters.
pub fn name(field: &'static str, text: &str) -> Result<(), TooLong> {
    let chars = text.chars().count();
    if chars > NAME_CHARS {
        return Err(TooLong {
            field,
            found: format!("{chars} characters long"),
            cap: format!("{NAME_CHARS} characters"),
        });
    }
    Ok(())
}

fn bytes(field: &'static str, text: &str, cap: usize) -> Result<(), TooLong> {
    if text.len() > cap {
        return Err(TooLong {
            field,
            found: format!("{} bytes long", thousands(text.len())),
            cap: format!("{} KB ({} bytes)", cap / 1024, thousands(cap)),
        });
    }
    Ok(())
}

fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Checks what a change to one answer sets, field by field. Only what changed is checked, so
/// a long note already in a file (written by hand) does not stop a change to its value.
pub fn check_change(before: &Answer, after: &Answer) -> Result<(), TooLong> {
    if after.note != before.note
        && let Some(note) = &after.note
    {
        text("note", note)?;
    }
    if after.value != before.value
        && let Some(Value::Text(answer)) = &after.value
    {
        text("answer", answer)?;
    }
    for reference in after
        .evidence
        .iter()
        .filter(|e| !before.evidence.contains(e))
    {
        evidence(reference)?;
    }
    if after.owner != before.owner
        && let Some(owner) = &after.owner
    {
        name("owner", owner)?;
    }
    if after.assurance != before.assurance
        && let Assurance::Verified { by, .. } = &after.assurance
    {
        name("name of who verified it", by)?;
    }
    if after.incoming != before.incoming
        && let Some(incoming) = &after.incoming
    {
        check_incoming(incoming)?;
    }
    Ok(())
}

/// Checks every field of an answer received in a return.
pub fn check_incoming(incoming: &Incoming) -> Result<(), TooLong> {
    name("contributor's name", &incoming.from)?;
    if let Some(note) = &incoming.note {
        text("note", note)?;
    }
    if let Some(Value::Text(answer)) = &incoming.value {
        text("answer", answer)?;
    }
    for reference in &incoming.evidence {
        evidence(reference)?;
    }
    if let Some(owner) = &incoming.owner {
        name("owner", owner)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_field_is_refused_over_its_limit_naming_field_and_limit() {
        let before = Answer::default();
        let long_note = Answer {
            note: Some("N".repeat(TEXT_BYTES + 1)),
            ..Answer::default()
        };
        assert_eq!(
            check_change(&before, &long_note).unwrap_err().to_string(),
            "the note is 32,769 bytes long, over its limit of 32 KB (32,768 bytes)"
        );
        let at_the_limit = Answer {
            note: Some("N".repeat(TEXT_BYTES)),
            evidence: vec!["E".repeat(EVIDENCE_BYTES)],
            owner: Some("é".repeat(NAME_CHARS)),
            ..Answer::default()
        };
        assert!(check_change(&before, &at_the_limit).is_ok());
        let evidence = Answer {
            evidence: vec!["E".repeat(EVIDENCE_BYTES + 1)],
            ..Answer::default()
        };
        assert!(
            check_change(&before, &evidence)
                .unwrap_err()
                .to_string()
                .starts_with("the evidence reference is 2,049 bytes long, over its limit of 2 KB")
        );
        let owner = Answer {
            owner: Some("O".repeat(NAME_CHARS + 1)),
            ..Answer::default()
        };
        assert_eq!(
            check_change(&before, &owner).unwrap_err().to_string(),
            "the owner is 201 characters long, over its limit of 200 characters"
        );
        let text = Answer {
            value: Some(Value::Text("T".repeat(TEXT_BYTES + 1))),
            ..Answer::default()
        };
        assert_eq!(check_change(&before, &text).unwrap_err().field, "answer");
        // What was there already is not checked again.
        assert!(check_change(&long_note, &long_note).is_ok());
    }
}
