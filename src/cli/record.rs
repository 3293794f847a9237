//! The accountability commands: `sign`, `reopen`, `verify` and `history`.

use std::path::{Path, PathBuf};

use probity_core::assessment::{Finality, short_seal};
use probity_core::history::{self, Entry, Event};
use probity_core::text::escape_for_terminal;
use probity_core::workspace::{
    Opened, Problem, ReopenError, SignError, Verification, VerifyError, Workspace,
};

use super::{DataDir, Outcome, fail, open_to_change, shown_load_error};

#[derive(Debug, clap::Args)]
pub struct SignArgs {
    /// The assessment file; a bare name is also looked for in the data folder.
    pub file: PathBuf,
    #[command(flatten)]
    pub data: DataDir,
    /// Who signs it off, as it should appear on every document.
    #[arg(long, value_name = "NAME")]
    pub by: String,
    /// Their role, e.g. "Deputy Chief Constable".
    #[arg(long, value_name = "ROLE")]
    pub role: String,
}

#[derive(Debug, clap::Args)]
pub struct ReopenArgs {
    /// The assessment file; a bare name is also looked for in the data folder.
    pub file: PathBuf,
    #[command(flatten)]
    pub data: DataDir,
    /// Why it is being taken back to draft; kept in the history.
    #[arg(long, value_name = "TEXT")]
    pub reason: String,
}

#[derive(Debug, clap::Args)]
pub struct VerifyArgs {
    /// The assessment file; a bare name is also looked for in the data folder.
    pub file: PathBuf,
    #[command(flatten)]
    pub data: DataDir,
    /// A seal printed on a paper copy (at least its first 12 hex digits; dashes are ignored),
    /// to check against the file.
    #[arg(long, value_name = "HASH", value_parser = paper_seal)]
    pub seal: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct HistoryArgs {
    /// The assessment file; a bare name is also looked for in the data folder.
    pub file: PathBuf,
    #[command(flatten)]
    pub data: DataDir,
    /// Show only the changes to this item, or to this area's judgement.
    #[arg(long, value_name = "ID")]
    pub item: Option<String>,
}

fn paper_seal(given: &str) -> Result<String, String> {
    let digits = probity_core::workspace::normalise_seal(given);
    if digits.len() >= 12 && digits.len() <= 64 && digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        Ok(given.to_string())
    } else {
        Err("a seal is hex digits (0-9, a-f), at least the first 12 of them, as printed".into())
    }
}

/// Says what opening recorded: changes made outside probity, or left unsaved. Every command
/// that opens an assessment to change it says so (see [`open_to_change`]).
pub(super) fn report_found(opened: &Opened) {
    if opened.found.is_empty() {
        return;
    }
    if opened
        .found
        .iter()
        .any(|d| matches!(d.event, Event::Adopted { .. }))
    {
        eprintln!("The file had no history; probity began one:");
    } else {
        eprintln!(
            "The file had changed since probity last recorded it; the history now records {}:",
            count(opened.found.len(), "change", "changes")
        );
    }
    for draft in &opened.found {
        let entry = Entry {
            prev: None,
            at: draft.at,
            by: draft.by.clone(),
            event: draft.event.clone(),
        };
        eprintln!("  {}", escape_for_terminal(&history::describe(&entry)));
    }
}

/// "1 entry", "89 entries".
pub(super) fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Signs an assessment off and seals it.
pub fn sign(ws: &Workspace, args: &SignArgs) -> Outcome {
    let mut opened = match open_to_change(ws, &args.file) {
        Ok(o) => o,
        Err(outcome) => return outcome,
    };
    let a = &opened.assessment;
    let what = format!("{} {}", a.force, a.period);
    let sealing = opened.sealing();
    match opened.sign(&args.by, &args.role) {
        Ok(signature) => {
            println!(
                "{} is signed off by {}, {}, and sealed as it stands:",
                escape_for_terminal(&what),
                escape_for_terminal(&signature.by),
                escape_for_terminal(&signature.role)
            );
            for line in &sealing {
                println!("  {line}");
            }
            println!("Seal: {}", signature.seal);
            println!(
                "Reports show it as {}. Check a copy with: probity verify {} --seal {}",
                signature.short_seal(),
                opened.path.display(),
                signature.short_seal()
            );
            Outcome::Ok
        }
        Err(SignError::Blocked(blockers)) => {
            eprintln!(
                "error: {} cannot be signed off yet:",
                escape_for_terminal(&what)
            );
            for b in &blockers {
                eprintln!("  - {}", escape_for_terminal(&b.to_string()));
            }
            eprintln!(
                "Confirm each carried answer and each answer flagged for review (probity answer FILE ITEM --no-review once it is confirmed), and give every high finding's action an owner and a due date, then sign again."
            );
            Outcome::Invalid
        }
        Err(SignError::Missing(what)) => fail(&format!(
            "the signer's {what} must not be empty: give it with --{}",
            if what == "name" { "by" } else { "role" }
        )),
        Err(SignError::Refused(probity_core::workspace::Refused::Final)) => fail(&format!(
            "{} is already signed off; to change it, reopen it with: probity reopen {} --reason TEXT",
            escape_for_terminal(&what),
            opened.path.display()
        )),
        Err(e) => fail(&e.to_string()),
    }
}

/// Takes a signed assessment back to draft.
pub fn reopen(ws: &Workspace, args: &ReopenArgs) -> Outcome {
    let mut opened = match open_to_change(ws, &args.file) {
        Ok(o) => o,
        Err(outcome) => return outcome,
    };
    match opened.reopen(&args.reason) {
        Ok(()) => {
            println!(
                "{} {} is a draft again; the history records who reopened it and why.",
                escape_for_terminal(&opened.assessment.force),
                escape_for_terminal(&opened.assessment.period)
            );
            Outcome::Ok
        }
        Err(ReopenError::NoReason) => fail("say why it is being reopened with --reason TEXT"),
        Err(ReopenError::NotFinal) => fail(&format!(
            "{} is a draft already; there is nothing to reopen",
            opened.path.display()
        )),
        Err(e) => fail(&e.to_string()),
    }
}

/// Checks the history's chain, every answer and the seal; exit 1 names everything that fails.
pub fn verify(ws: &Workspace, args: &VerifyArgs) -> Outcome {
    let file = ws.locate(&args.file);
    let verification = match ws.verify(&file, args.seal.as_deref()) {
        Ok(v) => v,
        Err(VerifyError::Load(e)) => return shown_load_error(&e),
        Err(e) => return fail(&e.to_string()),
    };
    print_verification(&file, &verification, args.seal.is_some());
    if verification.evidence_checked > 0 {
        println!(
            "{} named by recorded cross-checks re-hashed: unchanged.",
            count(verification.evidence_checked, "file", "files")
        );
    }
    for (item, name) in &verification.unavailable {
        println!(
            "{}",
            escape_for_terminal(&format!(
                "{name} (a cross-check's evidence on {item}) is not where it was recorded, so it was not available to check."
            ))
        );
    }
    if verification.holds() {
        Outcome::Ok
    } else {
        Outcome::Invalid
    }
}

fn print_verification(file: &Path, v: &Verification, paper: bool) {
    let name = escape_for_terminal(&file.display().to_string()).into_owned();
    if v.holds() {
        println!(
            "{name}: everything holds. The history's {} chain, and every answer matches it.",
            count(v.entries, "entry", "entries")
        );
        match &v.signature {
            Some(s) => {
                println!(
                    "Signed off by {}, {}, on {}; the seal {} matches the file{}.",
                    escape_for_terminal(&s.by),
                    escape_for_terminal(&s.role),
                    s.at.strftime("%Y-%m-%d"),
                    s.short_seal(),
                    if paper { " and the seal given" } else { "" }
                );
                if v.older_seal {
                    println!(
                        "The seal was made by an older probity and covers the content only; who signed, their role and when were checked against the history's sign-off."
                    );
                }
            }
            None => println!("The assessment is a draft: it has no seal."),
        }
        print_adopted(v);
        return;
    }
    println!(
        "{name}: {} found. The history holds {}.",
        count(v.problems.len(), "problem", "problems"),
        count(v.entries, "entry", "entries")
    );
    for problem in &v.problems {
        for line in problem_lines(problem) {
            println!("{}", escape_for_terminal(&line));
        }
    }
    if v.finality == Finality::Unsealed {
        println!("{}", Finality::UNSEALED);
    }
    print_adopted(v);
}

/// Where the history begins with a file it adopted: earlier changes are not in it.
fn print_adopted(v: &Verification) {
    if let Some((at, by)) = &v.adopted {
        println!(
            "The history begins on {} UTC, when {} opened the file in probity and it was adopted as it stood; changes made before then are unrecorded.",
            at.strftime("%Y-%m-%d %H:%M"),
            escape_for_terminal(by)
        );
    }
}

/// A problem in words, with what to do where the command line can help.
fn problem_lines(problem: &Problem) -> Vec<String> {
    let differs = |d: &history::Difference| {
        format!(
            "  - {}: the {} is {} in the file, but the history says {}",
            d.item,
            history::field_name(d.field),
            history::value_words(&d.found),
            history::value_words(&d.recorded)
        )
    };
    match problem {
        Problem::Chain(broken) => vec![format!("- {broken}")],
        Problem::Differs(d) => vec![differs(d).replacen("  - ", "- ", 1)],
        Problem::Behind { entries } => vec![format!(
            "- the history holds {} made in probity after the state the file reflects: probity may have stopped while saving, or an older copy of the file was put back; opening it in probity records the difference",
            count(*entries, "change", "changes")
        )],
        Problem::UnknownEntry(hash) => vec![format!(
            "- the file says it reflects history entry {}…, which the history does not hold",
            &hash[..12.min(hash.len())]
        )],
        Problem::HistoryRestarted { at, by, missing } => vec![format!(
            "- the history restarted on {} ({by} opened it): the entries up to {}… were missing, deleted or cut short outside probity, so what came before cannot be checked",
            at.strftime("%Y-%m-%d"),
            &missing[..12.min(missing.len())]
        )],
        Problem::HeaderDiffers { field, file, history } => vec![format!(
            "- the {field} is {file} in the file, but the history's creation says {history}; probity never changes it, so it was edited outside probity"
        )],
        Problem::SignatureNotRecorded => vec![
            "- the file is signed, but the history records no sign-off with its seal".into(),
        ],
        Problem::SignatureMissing { signer } => vec![format!(
            "- the history says {signer} signed it off and nobody reopened it, but the file has no signature"
        )],
        Problem::FinalUnsigned => vec![
            "- the file is marked final but is not signed: sign it off with probity sign, or reopen it".into(),
        ],
        Problem::SealBroken { changed } if changed.is_empty() => vec![
            "- the seal does not match the file: something other than an answer (who signed, their role or when, force, period, assessor, checklist or stage) changed after it was signed".into(),
        ],
        Problem::SignerDiffers { field, file, history } => vec![format!(
            "- the sign-off's {field} is {file:?} in the file, but the history's sign-off says {history:?}"
        )],
        Problem::SealBroken { changed } => {
            let mut lines =
                vec!["- the seal does not match the file: these answers changed after it was signed:".into()];
            lines.extend(changed.iter().map(differs));
            lines
        }
        Problem::AfterSigning(entries) => {
            let mut lines = vec![format!(
                "- {} recorded after the sign-off without reopening it:",
                match entries.len() {
                    1 => "1 change was".to_string(),
                    n => format!("{n} changes were"),
                }
            )];
            lines.extend(entries.iter().map(|e| format!("  - {}", entry_line(e))));
            lines
        }
        Problem::EvidenceChanged {
            item,
            file,
            recorded,
            now,
        } => vec![format!(
            "- {item}: the cross-check's file {file} has changed since it was recorded (SHA-256 was {}…, is now {}…); run the cross-check again on the files as they are, or put the recorded file back",
            recorded.get(..12).unwrap_or(recorded),
            now.get(..12).unwrap_or(now)
        )],
        Problem::PaperSeal { given, computed: None } => vec![format!(
            "- the seal given, {given}, cannot match: the file is not signed"
        )],
        Problem::PaperSeal { given, computed: Some(c) } => vec![format!(
            "- the seal given, {given}, does not match the file, whose seal is now {}",
            short_seal(c)
        )],
    }
}

/// An entry as one line: local time, who, and what.
fn entry_line(entry: &Entry) -> String {
    let when = entry
        .at
        .to_zoned(jiff::tz::TimeZone::system())
        .strftime("%Y-%m-%d %H:%M %Z");
    format!("{when}  {}  {}", entry.by, history::describe(entry))
}

/// Lists the history in words, oldest first.
pub fn history(ws: &Workspace, args: &HistoryArgs) -> Outcome {
    let file = ws.locate(&args.file);
    let (assessment, checklist) = match ws.load(&file) {
        Ok(loaded) => loaded,
        Err(e) => return shown_load_error(&e),
    };
    if let Some(item) = &args.item
        && checklist.item(item).is_none()
        && !assessment.orphans.iter().any(|o| &o.id == item)
        && !checklist.areas.iter().any(|a| &a.id == item)
    {
        return fail(&format!(
            "checklist {} has no item or area \"{item}\"",
            checklist.id
        ));
    }
    let path = history::path_for(&file);
    let log = match history::History::load(&path) {
        Ok(h) => h,
        Err(e) => return fail(&e.to_string()),
    };
    let shown: Vec<&Entry> = log
        .entries()
        .filter(|e| match (&args.item, &e.event) {
            (None, _) => true,
            (Some(item), Event::Changed { item: i, .. }) => i == item,
            (Some(_), _) => false,
        })
        .collect();
    if shown.is_empty() {
        println!(
            "No changes are recorded{}.",
            args.item
                .as_ref()
                .map(|i| format!(" for \"{}\"", escape_for_terminal(i)))
                .unwrap_or_default()
        );
    }
    for entry in shown {
        println!("{}", escape_for_terminal(&entry_line(entry)));
    }
    let check = probity_core::workspace::check(&assessment, &log, None);
    if !check.holds() {
        println!(
            "\nThe file and its history do not agree ({}): run probity verify {} for the details.",
            count(check.problems.len(), "problem", "problems"),
            file.display()
        );
    }
    Outcome::Ok
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_use_the_irregular_plural() {
        assert_eq!(super::count(1, "entry", "entries"), "1 entry");
        assert_eq!(super::count(89, "entry", "entries"), "89 entries");
        assert_eq!(super::count(0, "problem", "problems"), "0 problems");
    }
}
