//! The accountability use cases end to end, on real files: history, outside changes, crash
//! recovery, sign-off, reopening and verification.

use std::path::{Path, PathBuf};

use jiff::civil::date;

use super::*;
use crate::answer::{Status, Value};
use crate::history::{Cause, Event, History};

fn ws(dir: &Path) -> Workspace {
    let mut ws = Workspace::new(Some(dir), date(2012, 12, 1)).unwrap();
    ws.actor = "Jo Bloggs".into();
    ws
}

fn dorset(ws: &Workspace) -> PathBuf {
    ws.start(&Start {
        force: Some("Dorset Police".into()),
        period: "2012".into(),
        ..Start::default()
    })
    .unwrap()
    .path
}

fn answer(opened: &mut Opened, item: &str, status: Status) {
    opened
        .edit(item, |a| a.value = Some(Value::Status(status)))
        .unwrap();
    opened.save().unwrap();
}

fn history(path: &Path) -> History {
    History::load(&crate::history::path_for(path)).unwrap()
}

/// Rewrites one line of the file by hand, as an editor would.
fn hand_edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{text}");
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn every_change_is_recorded_with_who_when_before_and_after() {
    let dir = tempfile::tempdir().unwrap();
    let ws = ws(dir.path());
    let path = dorset(&ws);
    let mut opened = ws.open(&path).unwrap();
    answer(&mut opened, "media.policy", Status::No);
    answer(&mut opened, "media.policy", Status::Yes);
    opened
        .edit_as("Import: 2012 workbook", "media.policy", |a| {
            a.note = Some("Policy seen".into())
        })
        .unwrap();
    opened.save().unwrap();
    let h = history(&path);
    assert!(h.broken.is_empty(), "{:?}", h.broken);
    let told: Vec<String> = h
        .entries()
        .map(|e| format!("{}: {}", e.by, crate::history::describe(e)))
        .collect();
    assert_eq!(
        told,
        [
            "Jo Bloggs: created Dorset Police 2012",
            // What the start was told answers the questions about the assessment itself.
            "Jo Bloggs: ctx.force: answer none → \"Dorset Police\"",
            "Jo Bloggs: ctx.previous_run: answer none → \"Not applicable: started blank, not carried forward from an earlier assessment.\"",
            "Jo Bloggs: media.policy: answer none → \"no\"",
            "Jo Bloggs: media.policy: answer \"no\" → \"yes\"",
            "Import: 2012 workbook: media.policy: note none → \"Policy seen\"",
        ]
    );
    let v = ws.verify(&path, None).unwrap();
    assert!(v.holds(), "{:?}", v.problems);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(crate::history::path_for(&path))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn a_hand_edit_fails_verify_naming_the_item_and_is_recorded_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let ws = ws(dir.path());
    let path = dorset(&ws);
    let mut opened = ws.open(&path).unwrap();
    answer(&mut opened, "media.policy", Status::No);
    drop(opened);
    hand_edit(&path, "value = \"no\"", "value = \"yes\"");
    let v = ws.verify(&path, None).unwrap();
    assert!(!v.holds());
    assert!(
        v.problems.iter().any(
            |p| matches!(p, Problem::Differs(d) if d.item == "media.policy" && d.field == "value")
        ),
        "{:?}",
        v.problems
    );
    let opened = ws.open(&path).unwrap();
    assert_eq!(opened.found.len(), 1);
    let last = history(&path).entries().last().cloned().unwrap();
    assert!(
        matches!(&last.event, Event::Changed { item, cause: Cause::Outside, before, after, .. }
            if item == "media.policy" && before == "no" && after == "yes"),
        "{last:?}"
    );
    drop(opened);
    assert!(ws.verify(&path, None).unwrap().holds());
    assert!(ws.open(&path).unwrap().found.is_empty(), "recorded once");
}

#[test]
fn a_change_recorded_but_never_written_is_recorded_as_undone() {
    let dir = tempfile::tempdir().unwrap();
    let ws = ws(dir.path());
    let path = dorset(&ws);
    let mut opened = ws.open(&path).unwrap();
    answer(&mut opened, "media.policy", Status::No);
    let written = std::fs::read(&path).unwrap();
    answer(&mut opened, "media.policy", Status::Yes);
    drop(opened);
    // As if probity stopped after the history was flushed and before the file was renamed.
    std::fs::write(&path, written).unwrap();
    let opened = ws.open(&path).unwrap();
    assert_eq!(
        opened.assessment.value("media.policy"),
        Some(&Value::Status(Status::No))
    );
    assert!(
        matches!(&opened.found[..], [d] if matches!(&d.event, Event::Changed { cause: Cause::Unsaved, .. })),
        "{:?}",
        opened.found
    );
    drop(opened);
    assert!(ws.verify(&path, None).unwrap().holds());
}

#[test]
fn sign_off_is_refused_while_an_answer_is_flagged_for_review() {
    let dir = tempfile::tempdir().unwrap();
    let ws = ws(dir.path());
    let path = dorset(&ws);
    let mut opened = ws.open(&path).unwrap();
    answer(&mut opened, "media.policy", Status::Yes);
    opened
        .edit("gifts.policy", |a| {
            a.value = Some(Value::Status(Status::Yes));
            a.review = true;
        })
        .unwrap();
    // A flag on a question not yet answered doubts nothing the seal would certify.
    opened
        .edit("gifts.register.form", |a| a.review = true)
        .unwrap();
    let Err(SignError::Blocked(blockers)) = opened.sign("A. Chief", "Deputy Chief Constable")
    else {
        panic!("signing should be refused")
    };
    assert_eq!(
        blockers,
        [Blocker::Review {
            item: "Gifts and hospitality guidance".into(),
            prompt: opened
                .checklist
                .item("gifts.policy")
                .unwrap()
                .prompt
                .clone(),
            id: "gifts.policy".into(),
        }]
    );
    assert!(!opened.assessment.is_final());
    opened.edit("gifts.policy", |a| a.review = false).unwrap();
    assert!(opened.sign("A. Chief", "Deputy Chief Constable").is_ok());
}

#[test]
fn sign_off_is_refused_with_every_reason() {
    let dir = tempfile::tempdir().unwrap();
    let ws = ws(dir.path());
    let path = dorset(&ws);
    let mut opened = ws.open(&path).unwrap();
    answer(&mut opened, "media.policy", Status::No);
    opened
        .edit("gifts.policy", |a| {
            a.value = Some(Value::Status(Status::Yes));
            a.carried = true;
        })
        .unwrap();
    let Err(SignError::Blocked(blockers)) = opened.sign("A. Chief", "Deputy Chief Constable")
    else {
        panic!("signing should be refused")
    };
    let words: Vec<String> = blockers.iter().map(ToString::to_string).collect();
    // In checklist order: the media policy's finding comes before the gifts guidance.
    assert!(words[0].contains("has no owner or due date"), "{words:?}");
    assert_eq!(blockers[0].item_id(), Some("media.policy"));
    assert!(
        words[1].starts_with("\"Gifts and hospitality guidance\" was carried from last period"),
        "{words:?}"
    );
    assert!(!opened.assessment.is_final());
}

#[test]
fn a_signed_assessment_is_sealed_read_only_and_verifiable_until_edited() {
    let dir = tempfile::tempdir().unwrap();
    let ws = ws(dir.path());
    let path = dorset(&ws);
    let mut opened = ws.open(&path).unwrap();
    answer(&mut opened, "media.policy", Status::Yes);
    let signature = opened.sign("A. Chief", "Deputy Chief Constable").unwrap();
    assert_eq!(
        opened.edit("media.policy", |a| a.value = None),
        Err(Refused::Final)
    );
    drop(opened);
    let paper = signature.short_seal();
    let v = ws.verify(&path, Some(&paper)).unwrap();
    assert!(v.holds(), "{:?}", v.problems);
    assert!(
        !ws.verify(&path, Some("0000-0000-0000-0000"))
            .unwrap()
            .holds()
    );
    // Reopened here, the assessment stays final and read-only.
    let opened = ws.open(&path).unwrap();
    assert_eq!(opened.refusal(), Some(Refused::Final));
    drop(opened);

    hand_edit(&path, "value = \"yes\"", "value = \"partial\"");
    let v = ws.verify(&path, Some(&paper)).unwrap();
    let seal_broken = v.problems.iter().any(|p| {
        matches!(p, Problem::SealBroken { changed } if changed.iter().any(|d| d.item == "media.policy"))
    });
    assert!(seal_broken, "{:?}", v.problems);
    assert!(
        v.problems
            .iter()
            .any(|p| matches!(p, Problem::PaperSeal { .. }))
    );
}

#[test]
fn reopening_records_why_and_a_removed_signature_is_found() {
    let dir = tempfile::tempdir().unwrap();
    let ws = ws(dir.path());
    let path = dorset(&ws);
    let mut opened = ws.open(&path).unwrap();
    answer(&mut opened, "media.policy", Status::Yes);
    opened.sign("A. Chief", "DCC").unwrap();
    opened.reopen("Inspector found a gap").unwrap();
    assert!(!opened.assessment.is_final());
    answer(&mut opened, "media.policy", Status::Partial);
    opened.sign("A. Chief", "DCC").unwrap();
    drop(opened);
    assert!(ws.verify(&path, None).unwrap().holds());
    let reasons: Vec<String> = history(&path)
        .entries()
        .filter(|e| matches!(e.event, Event::Reopened { .. }))
        .map(crate::history::describe)
        .collect();
    assert_eq!(reasons, ["reopened as a draft: Inspector found a gap"]);

    // Unlocking by hand: remove the signature and set the stage back to draft.
    let text = std::fs::read_to_string(&path).unwrap();
    let start = text.find("[signature]").unwrap();
    let end = start + text[start..].find("\n\n").unwrap() + 2;
    let unlocked = format!("{}{}", &text[..start], &text[end..]).replace("stage = \"final\"\n", "");
    std::fs::write(&path, unlocked).unwrap();
    let v = ws.verify(&path, None).unwrap();
    assert!(
        v.problems
            .iter()
            .any(|p| matches!(p, Problem::SignatureMissing { .. })),
        "{:?}",
        v.problems
    );
    let opened = ws.open(&path).unwrap();
    assert!(opened.found.iter().any(|d| matches!(&d.event, Event::Reopened { reason } if reason.contains("removed outside probity"))));
}

#[test]
fn a_broken_link_is_named_by_verify() {
    let dir = tempfile::tempdir().unwrap();
    let ws = ws(dir.path());
    let path = dorset(&ws);
    let mut opened = ws.open(&path).unwrap();
    answer(&mut opened, "media.policy", Status::No);
    answer(&mut opened, "gifts.policy", Status::No);
    drop(opened);
    let h = crate::history::path_for(&path);
    hand_edit(&h, "\"after\":\"no\"", "\"after\":\"yes\"");
    let v = ws.verify(&path, None).unwrap();
    assert!(
        v.problems
            .contains(&Problem::Chain(crate::history::Broken::Link { line: 5 })),
        "{:?}",
        v.problems
    );
}

#[test]
fn carried_answers_start_the_history() {
    let dir = tempfile::tempdir().unwrap();
    let ws = ws(dir.path());
    let path = dorset(&ws);
    let mut opened = ws.open(&path).unwrap();
    answer(&mut opened, "media.policy", Status::Yes);
    drop(opened);
    let next = ws
        .start(&Start {
            period: "2013".into(),
            from: Some(path),
            ..Start::default()
        })
        .unwrap()
        .path;
    let told: Vec<String> = history(&next)
        .entries()
        .map(crate::history::describe)
        .collect();
    assert_eq!(
        told[0],
        "created Dorset Police 2013, carried forward from 2012"
    );
    assert!(
        told.contains(
            &"media.policy: answer none → \"yes\" (carried from last period)".to_string()
        ),
        "{told:?}"
    );
    assert!(ws.verify(&next, None).unwrap().holds());
    // The carried answer's author is the period it came from, not whoever carried the file,
    // even once it is confirmed; an answer changed since is the changer's.
    let mut opened = ws.open(&next).unwrap();
    let by = |o: &Opened, id: &str| o.history().provenance(id);
    assert_eq!(
        by(&opened, "media.policy").as_deref(),
        Some("carried from 2012")
    );
    opened.edit("media.policy", |a| a.carried = false).unwrap();
    opened.save().unwrap();
    assert_eq!(
        by(&opened, "media.policy").as_deref(),
        Some("carried from 2012")
    );
    answer(&mut opened, "media.policy", Status::No);
    assert_eq!(
        by(&opened, "media.policy").as_deref(),
        Some("given by Jo Bloggs")
    );
    assert_eq!(by(&opened, "media.training"), None);
}

#[test]
fn a_file_without_a_history_is_recorded_as_changed_outside_probity() {
    let dir = tempfile::tempdir().unwrap();
    let ws = ws(dir.path());
    let path = dir.path().join("dorset.toml");
    std::fs::write(
        &path,
        "format = 1\nchecklist = \"wfof-2011\"\nforce = \"Dorset Police\"\nperiod = \"2012\"\n\n[answers.\"media.policy\"]\nvalue = \"yes\"\n",
    )
    .unwrap();
    assert!(!ws.verify(&path, None).unwrap().holds());
    let opened = ws.open(&path).unwrap();
    assert_eq!(opened.found.len(), 1);
    drop(opened);
    assert!(ws.verify(&path, None).unwrap().holds());
}

fn testshire_2026(ws: &Workspace) -> PathBuf {
    ws.start(&Start {
        force: Some("Testshire Police".into()),
        period: "2026".into(),
        checklist: Some("integrity-2026".into()),
        ..Start::default()
    })
    .unwrap()
    .path
}

#[test]
fn an_override_is_checked_scored_and_recorded_field_by_field() {
    let dir = tempfile::tempdir().unwrap();
    let ws = ws(dir.path());
    let path = testshire_2026(&ws);
    let mut opened = ws.open(&path).unwrap();
    assert_eq!(
        opened.override_judgement("vetingg", "good", "x"),
        Err(JudgeError::NoSuchArea("vetingg".into()))
    );
    assert_eq!(
        opened.override_judgement("context", "good", "x"),
        Err(JudgeError::NotGraded("context".into()))
    );
    assert_eq!(
        opened.override_judgement("vetting", "very good", "x"),
        Err(JudgeError::NoSuchGrade("very good".into()))
    );
    assert_eq!(
        opened.override_judgement("vetting", "good", " \n "),
        Err(JudgeError::NoRationale)
    );
    let edit = opened
        .override_judgement("vetting", "Requires Improvement", "  Backlog rising ")
        .unwrap()
        .unwrap();
    assert_eq!(
        edit.after.grade,
        Some(crate::checklist::Grade::RequiresImprovement)
    );
    assert_eq!(edit.after.rationale.as_deref(), Some("Backlog rising"));
    let scored = opened.evaluation.judgements.as_ref().unwrap();
    let vetting = scored.areas.iter().find(|a| a.area == "vetting").unwrap();
    assert_eq!(vetting.overridden, edit.after.grade);
    // The same override again changes nothing.
    assert_eq!(
        opened.override_judgement("vetting", "requires_improvement", "Backlog rising"),
        Ok(None)
    );
    opened.save().unwrap();
    let fields: Vec<_> = history(&path)
        .entries()
        .filter_map(|e| match &e.event {
            // Starting fills in some About items; only the area's entries matter here.
            Event::Changed {
                item, field, after, ..
            } if item == "vetting" => Some(format!("{item} {field} {after}")),
            _ => None,
        })
        .collect();
    assert_eq!(
        fields,
        [
            "vetting override \"requires_improvement\"",
            "vetting rationale \"Backlog rising\""
        ]
    );
    assert!(ws.verify(&path, None).unwrap().holds());

    // A crash between the history and the file is found and recorded as undone.
    let written = std::fs::read(&path).unwrap();
    opened.clear_override("vetting").unwrap().unwrap();
    opened.save().unwrap();
    drop(opened);
    std::fs::write(&path, written).unwrap();
    let opened = ws.open(&path).unwrap();
    assert!(opened.assessment.judgements.contains_key("vetting"));
    assert!(
        opened.found.iter().all(|d| matches!(
            &d.event,
            Event::Changed { item, cause: Cause::Unsaved, .. } if item == "vetting"
        )) && opened.found.len() == 2,
        "{:?}",
        opened.found
    );
    drop(opened);
    assert!(ws.verify(&path, None).unwrap().holds());
}

#[test]
fn no_override_is_taken_on_a_signed_or_ungraded_assessment() {
    let dir = tempfile::tempdir().unwrap();
    let ws = ws(dir.path());
    let mut opened = ws.open(&dorset(&ws)).unwrap();
    assert_eq!(
        opened.override_judgement("gifts", "good", "x"),
        Err(JudgeError::Ungraded("wfof-2011".into()))
    );
    let path = testshire_2026(&ws);
    let mut opened = ws.open(&path).unwrap();
    opened.sign("A. Chief", "DCC").unwrap();
    assert_eq!(
        opened.override_judgement("vetting", "good", "x"),
        Err(JudgeError::Refused(Refused::Final))
    );
    assert_eq!(
        opened.clear_override("vetting"),
        Err(JudgeError::Refused(Refused::Final))
    );
}

/// An edit that would leave "na" where the checklist does not allow it is refused, so no save
/// writes a file that could not be read back: "na" on a universal control, and a change to a
/// count that would make an allowed "na" disallowed.
#[test]
fn an_edit_leaving_a_disallowed_na_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let ws = ws(dir.path());
    let path = testshire_2026(&ws);
    let mut opened = ws.open(&path).unwrap();
    let na = |a: &mut crate::assessment::Answer| a.value = Some(Value::Status(Status::Na));
    assert!(matches!(
        opened.edit("vetting.adverse_info_review", na),
        Err(Refused::NaNotAllowed(_))
    ));
    // Transferee checks may be "na" only while nobody transferred.
    opened
        .edit("ctx.transferees_in_period", |a| {
            a.value = Some(Value::Number(0.0))
        })
        .unwrap();
    opened.edit("vetting.transferee_checks", na).unwrap();
    let refused = opened
        .edit("ctx.transferees_in_period", |a| {
            a.value = Some(Value::Number(4.0))
        })
        .unwrap_err();
    assert!(
        refused.to_string().contains("cannot be not applicable"),
        "{refused}"
    );
    opened.save().unwrap();
    ws.open(&path).unwrap();
}

#[test]
fn a_start_that_fails_to_write_leaves_nothing_and_a_retry_records_one_creation() {
    let dir = tempfile::tempdir().unwrap();
    let ws = ws(dir.path());
    let request = Start {
        force: Some("Dorset Police".into()),
        period: "2012".into(),
        ..Start::default()
    };
    let full = |path: &Path, _: &[u8]| {
        Err(crate::storage::Error::io(
            crate::storage::Op::Write,
            path,
            std::io::Error::from(std::io::ErrorKind::StorageFull),
        ))
    };
    assert!(matches!(
        ws.start_writing(&request, full),
        Err(StartError::Storage(_))
    ));
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("dorset") || n.starts_with(".probity"))
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
    let path = ws.start(&request).unwrap().path;
    let created = history(&path)
        .entries()
        .filter(|e| matches!(e.event, Event::Created { .. }))
        .count();
    assert_eq!(created, 1);
    assert!(ws.verify(&path, None).unwrap().holds());
}

/// A signed Dorset assessment and the short seal printed on its cover.
fn signed(ws: &Workspace) -> (PathBuf, String) {
    let path = dorset(ws);
    let mut opened = ws.open(&path).unwrap();
    answer(&mut opened, "media.policy", Status::Yes);
    let signature = opened.sign("A. Chief", "Deputy Chief Constable").unwrap();
    (path, signature.short_seal())
}

#[test]
fn a_forged_signer_role_or_time_fails_verify_and_the_paper_seal() {
    for (from, to, field) in [
        ("by = \"A. Chief\"", "by = \"Somebody Else\"", "signer"),
        (
            "role = \"Deputy Chief Constable\"",
            "role = \"Chief Constable\"",
            "role",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let ws = ws(dir.path());
        let (path, paper) = signed(&ws);
        assert!(ws.verify(&path, Some(&paper)).unwrap().holds());
        hand_edit(&path, from, to);
        let v = ws.verify(&path, None).unwrap();
        assert!(
            v.problems
                .iter()
                .any(|p| matches!(p, Problem::SignerDiffers { field: f, .. } if *f == field)),
            "{field}: {:?}",
            v.problems
        );
        assert!(
            v.problems
                .iter()
                .any(|p| matches!(p, Problem::SealBroken { .. })),
            "{:?}",
            v.problems
        );
        let v = ws.verify(&path, Some(&paper)).unwrap();
        assert!(
            v.problems
                .iter()
                .any(|p| matches!(p, Problem::PaperSeal { .. })),
            "{:?}",
            v.problems
        );
    }
    // The time, moved back a year.
    let dir = tempfile::tempdir().unwrap();
    let ws = ws(dir.path());
    let (path, paper) = signed(&ws);
    let text = std::fs::read_to_string(&path).unwrap();
    let at = text.lines().find(|l| l.starts_with("at = ")).unwrap();
    hand_edit(&path, at, "at = 2011-04-02T10:15:00Z");
    let v = ws.verify(&path, Some(&paper)).unwrap();
    assert!(
        v.problems
            .iter()
            .any(|p| matches!(p, Problem::SignerDiffers { field: "time", .. })),
        "{:?}",
        v.problems
    );
    assert!(
        v.problems
            .iter()
            .any(|p| matches!(p, Problem::PaperSeal { .. }))
    );
}

#[test]
fn a_seal_made_before_seals_covered_the_signer_still_verifies_and_its_signer_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    let ws = ws(dir.path());
    let (path, _) = signed(&ws);
    // Rewrite the seal, in the file and the history, as an older probity made it: over the
    // content and the history hash only.
    let (assessment, _) = ws.load(&path).unwrap();
    let log = history(&path);
    let before_signing = log
        .linked()
        .rev()
        .find(|(_, e)| matches!(e.event, Event::Signed { .. }))
        .and_then(|(prev, _)| prev.map(str::to_string));
    let older = crate::history::content_seal(&assessment, before_signing.as_deref());
    let current = assessment.signature.as_ref().unwrap().seal.clone();
    let history_path = crate::history::path_for(&path);
    let lines = std::fs::read_to_string(&history_path).unwrap();
    // The sign-off is the last line, so no later line links to it; only the file's pointer.
    let last = lines.lines().last().unwrap();
    let rewritten = last.replace(&current, &older);
    std::fs::write(&history_path, lines.replace(last, &rewritten)).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text.replace(&current, &older).replace(
        &crate::storage::sha256_hex(last.as_bytes()),
        &crate::storage::sha256_hex(rewritten.as_bytes()),
    );
    std::fs::write(&path, text).unwrap();

    let v = ws.verify(&path, Some(&older[..16])).unwrap();
    assert!(v.holds(), "{:?}", v.problems);
    assert!(v.older_seal);
    // Its signer is compared with the history's sign-off instead.
    hand_edit(&path, "by = \"A. Chief\"", "by = \"Somebody Else\"");
    let v = ws.verify(&path, Some(&older[..16])).unwrap();
    assert!(
        v.problems.iter().any(|p| matches!(
            p,
            Problem::SignerDiffers {
                field: "signer",
                ..
            }
        )),
        "{:?}",
        v.problems
    );
}

#[test]
fn a_save_that_would_make_the_file_too_large_to_read_back_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let ws = ws(dir.path());
    let path = dorset(&ws);
    let history_path = crate::history::path_for(&path);
    let (file, log) = (
        std::fs::read(&path).unwrap(),
        std::fs::read(&history_path).unwrap(),
    );
    let mut opened = ws.open(&path).unwrap();
    // Each reference within its limit, but 4,200 of them would make a file over 8 MB.
    let references: Vec<String> = (0..4_200)
        .map(|i| format!("{i:04} {}", "E".repeat(2_000)))
        .collect();
    opened
        .edit("media.policy", |a| a.evidence = references)
        .unwrap();
    let err = opened.save().unwrap_err();
    assert!(
        matches!(err, crate::storage::Error::WouldBeTooLarge { .. }),
        "{err}"
    );
    assert!(
        err.to_string()
            .contains("it would be larger than 8 MB, more than probity reads back"),
        "{err}"
    );
    drop(opened);
    assert_eq!(std::fs::read(&path).unwrap(), file);
    assert_eq!(std::fs::read(&history_path).unwrap(), log);
    assert!(ws.verify(&path, None).unwrap().holds());
}

/// As a kill during `import` leaves it: the answers from a return recorded, the file not
/// written. They are undone, not taken for a hand edit.
#[test]
fn answers_from_a_return_recorded_but_never_written_are_recorded_as_undone() {
    let dir = tempfile::tempdir().unwrap();
    let ws = ws(dir.path());
    let path = dorset(&ws);
    let written = std::fs::read(&path).unwrap();
    let mut opened = ws.open(&path).unwrap();
    opened
        .record(
            "Head of Procurement",
            Cause::Returned,
            "media.policy",
            |a| a.value = Some(Value::Status(Status::Yes)),
        )
        .unwrap();
    opened.save().unwrap();
    drop(opened);
    std::fs::write(&path, written).unwrap();
    let v = ws.verify(&path, None).unwrap();
    assert!(
        v.problems
            .iter()
            .any(|p| matches!(p, Problem::Behind { entries: 1 })),
        "{:?}",
        v.problems
    );
    let opened = ws.open(&path).unwrap();
    assert!(
        matches!(&opened.found[..], [d] if matches!(&d.event, Event::Changed { cause: Cause::Unsaved, .. })),
        "{:?}",
        opened.found
    );
}

#[test]
fn a_hand_edit_to_a_drafts_force_period_or_assessor_fails_verify() {
    for (from, to, field) in [
        (
            "force = \"Dorset Police\"",
            "force = \"Other Police\"",
            "force",
        ),
        ("period = \"2012\"", "period = \"2099\"", "period"),
        (
            "period = \"2012\"\n",
            "period = \"2012\"\nassessor = \"Mallory\"\n",
            "assessor",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let ws = ws(dir.path());
        let path = dorset(&ws);
        assert!(ws.verify(&path, None).unwrap().holds());
        hand_edit(&path, from, to);
        let v = ws.verify(&path, None).unwrap();
        assert!(
            v.problems
                .iter()
                .any(|p| matches!(p, Problem::HeaderDiffers { field: f, .. } if *f == field)),
            "{field}: {:?}",
            v.problems
        );
    }
}

/// The file as another writer leaves it while it is open here: a text editor, say, that does
/// not know probity's lock.
#[test]
fn a_save_keeps_and_records_what_another_writer_changed_meanwhile() {
    let dir = tempfile::tempdir().unwrap();
    let ws = ws(dir.path());
    let path = dorset(&ws);
    let mut opened = ws.open(&path).unwrap();
    answer(&mut opened, "media.policy", Status::No);
    opened
        .edit("media.policy", |a| a.note = Some("Seen in draft".into()))
        .unwrap();
    opened.save().unwrap();
    assert_eq!(opened.outside, None, "nothing changed outside yet");

    hand_edit(
        &path,
        "note = \"Seen in draft\"",
        "note = \"Seen, signed by the DCC\"",
    );
    answer(&mut opened, "media.training", Status::Yes);

    // The outside edit is kept, recorded, and the change made here went on top of it.
    let outside = opened
        .outside
        .clone()
        .expect("the outside change was found");
    assert_eq!(outside.changes.len(), 1);
    assert!(outside.held_back.is_empty());
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("Seen, signed by the DCC"), "{text}");
    assert!(text.contains("[answers.\"media.training\"]"), "{text}");
    assert_eq!(
        opened
            .assessment
            .answer("media.policy")
            .unwrap()
            .note
            .as_deref(),
        Some("Seen, signed by the DCC")
    );
    let told: Vec<String> = history(&path)
        .entries()
        .map(crate::history::describe)
        .collect();
    assert!(
        told.iter().any(|t| t
            == "media.policy: note \"Seen in draft\" → \"Seen, signed by the DCC\" (changed outside probity)"),
        "{told:?}"
    );
    assert!(ws.verify(&path, None).unwrap().holds());
    drop(opened);
    // Opening again finds nothing more to record.
    let again = ws.open(&path).unwrap();
    assert!(again.found.is_empty(), "{:?}", again.found);
}

/// Dorset open here with "no" saved for the media policy, then changed to "partial" in a text
/// editor meanwhile.
fn changed_meanwhile() -> (tempfile::TempDir, Workspace, PathBuf, Opened) {
    let dir = tempfile::tempdir().unwrap();
    let ws = ws(dir.path());
    let path = dorset(&ws);
    let mut opened = ws.open(&path).unwrap();
    answer(&mut opened, "media.policy", Status::No);
    hand_edit(&path, "value = \"no\"", "value = \"partial\"");
    (dir, ws, path, opened)
}

#[test]
fn a_change_here_to_a_record_changed_outside_is_held_back_not_written_over_it() {
    let (_dir, ws, path, mut opened) = changed_meanwhile();
    answer(&mut opened, "media.policy", Status::Yes);

    let outside = opened
        .outside
        .clone()
        .expect("the outside change was found");
    assert_eq!(outside.held_back.len(), 1);
    let held = &outside.held_back[0];
    assert_eq!(held.before.value, Some(Value::Status(Status::Partial)));
    assert_eq!(held.after.value, Some(Value::Status(Status::Yes)));
    // The other writer's answer stands, in the file and here, until the user chooses.
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("value = \"partial\"")
    );
    assert_eq!(
        opened.assessment.value("media.policy"),
        Some(&Value::Status(Status::Partial))
    );
    assert!(ws.verify(&path, None).unwrap().holds());
    // Keeping the change made here is an ordinary change on top, recorded as such.
    let after = held.after.clone();
    opened.edit("media.policy", |a| *a = after).unwrap();
    opened.save().unwrap();
    assert_eq!(opened.outside, None);
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("value = \"yes\"")
    );
    let told: Vec<String> = history(&path)
        .entries()
        .map(crate::history::describe)
        .collect();
    assert_eq!(
        &told[told.len() - 2..],
        [
            "media.policy: answer \"no\" → \"partial\" (changed outside probity)",
            "media.policy: answer \"partial\" → \"yes\"",
        ]
    );
}

#[test]
fn a_file_left_unreadable_by_another_writer_is_not_written_over() {
    let dir = tempfile::tempdir().unwrap();
    let ws = ws(dir.path());
    let path = dorset(&ws);
    let mut opened = ws.open(&path).unwrap();
    answer(&mut opened, "media.policy", Status::No);
    hand_edit(&path, "value = \"no\"", "value = \"no");
    let broken = std::fs::read_to_string(&path).unwrap();
    opened
        .edit("media.training", |a| {
            a.value = Some(Value::Status(Status::Yes))
        })
        .unwrap();
    let e = opened.save().unwrap_err().to_string();
    assert!(e.contains("changed outside probity while open here"), "{e}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), broken);
}

#[test]
fn a_file_without_a_history_is_adopted_in_one_entry() {
    let dir = tempfile::tempdir().unwrap();
    let ws = ws(dir.path());
    let path = dorset(&ws);
    answer(&mut ws.open(&path).unwrap(), "media.policy", Status::No);
    std::fs::remove_file(crate::history::path_for(&path)).unwrap();
    // The file now also says it reflects an entry no history holds: recorded as a restart.
    let opened = ws.open(&path).unwrap();
    let kinds: Vec<String> = history(&path)
        .entries()
        .map(crate::history::describe)
        .collect();
    assert_eq!(kinds.len(), 2, "{kinds:?}");
    assert!(kinds[0].starts_with("history restarted"), "{kinds:?}");
    assert!(
        kinds[1].starts_with("history begun: probity adopted the file as it stood (3 answered"),
        "{kinds:?}"
    );
    assert_eq!(opened.found.len(), 2);
    drop(opened);
    assert!(ws.open(&path).unwrap().found.is_empty());
}

/// "Still open" is judged at the assessment's as-at date, as the report judges it: an action
/// due after the completion date is not overdue, whatever the date today.
#[test]
fn an_action_is_overdue_only_as_at_the_completion_date() {
    let dir = tempfile::tempdir().unwrap();
    let ws = ws(dir.path());
    let path = dorset(&ws);
    let mut opened = ws.open(&path).unwrap();
    opened
        .edit("media.policy", |a| {
            a.value = Some(Value::Status(Status::No));
            a.due = Some(date(2012, 9, 30));
        })
        .unwrap();
    let overdue = |o: &Opened| {
        o.evaluation
            .warnings
            .iter()
            .any(|w| w.code == "finding-overdue")
    };
    // Today (1 December 2012) is after the due date, and nothing says when it was completed.
    assert!(overdue(&opened));
    opened
        .edit("ctx.completed_on", |a| {
            a.value = Some(Value::Date(date(2012, 6, 30)))
        })
        .unwrap();
    assert_eq!(opened.as_at(), date(2012, 6, 30));
    assert!(!overdue(&opened), "{:?}", opened.evaluation.warnings);
}

/// A command, with nobody to ask, says its change was not saved over another writer's.
#[test]
fn a_command_refuses_to_save_over_a_record_changed_outside_meanwhile() {
    let (_dir, _ws, path, mut opened) = changed_meanwhile();
    opened
        .edit("media.policy", |a| {
            a.value = Some(Value::Status(Status::Yes))
        })
        .unwrap();
    let e = opened.save_or_refuse().unwrap_err().to_string();
    assert!(
        e.contains("“Media policy” was changed outside probity while this ran"),
        "{e}"
    );
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("value = \"partial\"")
    );
    // Nothing changed outside: an ordinary save.
    answer(&mut opened, "media.training", Status::Yes);
    opened.save_or_refuse().unwrap();
}
