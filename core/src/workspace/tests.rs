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
    assert!(
        words[0].starts_with("\"Gifts and hospitality guidance\" was carried from last period"),
        "{words:?}"
    );
    assert!(
        words.iter().any(|w| w.contains("has no owner or due date")),
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
