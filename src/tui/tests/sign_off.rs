//! Assurance, an item's history, sign-off and reopening, from the keys.

use super::screens::snap;
use super::*;
use crate::tui::dialog::Dialog;
use probity_core::answer::{Status, Value};
use probity_core::assessment::Assurance;

#[test]
fn assurance_is_set_with_one_key_and_a_choice() {
    let dir = data_dir();
    let (mut app, path) = dorset(dir.path());
    go(&mut app, "media.policy");
    press(&mut app, "AAy");
    press(&mut app, "s");
    snap("assurance_picker", &app);
    press(&mut app, "<Down><Enter>");
    let answer = |app: &App| {
        session(app)
            .assessment
            .answer("media.policy")
            .unwrap()
            .clone()
    };
    assert_eq!(answer(&app).assurance, Assurance::Evidenced);
    press(&mut app, "s<Down><Enter>");
    assert!(
        matches!(&app.dialog, Some(Dialog::Entry(_))),
        "verified asks who"
    );
    press(&mut app, "<Enter>");
    assert!(matches!(&app.dialog, Some(Dialog::Entry(e)) if e.error.is_some()));
    press(&mut app, "Internal Audit<Enter>");
    assert_eq!(
        answer(&app).assurance,
        Assurance::Verified {
            by: "Internal Audit".into(),
            on: date(2012, 12, 1)
        }
    );
    let saved = file(&path);
    assert!(
        saved.contains(
            "assurance = \"verified\"\nverified_by = \"Internal Audit\"\nverified_on = 2012-12-01"
        ),
        "{saved}"
    );
}

#[test]
fn the_selected_items_history_shows_who_changed_what() {
    let dir = data_dir();
    let (mut app, _) = dorset(dir.path());
    go(&mut app, "media.policy");
    press(&mut app, "AAynNSeen by the PSD<Esc>y");
    press(&mut app, "H");
    let Some(Dialog::Reading(history)) = &app.dialog else {
        panic!("H opens the history")
    };
    // Each line starts with when, in words and with its zone: "7 December 2026, 14:19 UTC".
    let (when, _) = history.lines[0].split_once("  ").unwrap();
    assert!(
        when.contains(", ") && when.rsplit(' ').next().is_some_and(|z| !z.contains(':')),
        "{when}"
    );
    let lines: Vec<&str> = history
        .lines
        .iter()
        .filter_map(|l| l.split_once("  ").map(|(_, rest)| rest))
        .collect();
    assert_eq!(
        lines,
        [
            "Jo Bloggs  answer none → \"yes\"",
            "Jo Bloggs  answer \"yes\" → \"no\"",
            "Jo Bloggs  note none → \"Seen by the PSD\"",
        ]
    );
    snap("item_history", &app);
}

#[test]
fn sign_off_is_refused_in_the_interface_with_the_reasons() {
    let dir = data_dir();
    let (mut app, _) = dorset(dir.path());
    go(&mut app, "media.policy");
    press(&mut app, "AAn");
    press(&mut app, "S");
    let Some(Dialog::Reading(refusal)) = &app.dialog else {
        panic!("S shows why it cannot be signed")
    };
    assert!(
        refusal.lines[0].contains("has no owner or due date"),
        "{:?}",
        refusal.lines
    );
    snap("sign_refused", &app);
}

#[test]
fn a_signed_assessment_cannot_be_changed_from_the_interface() {
    let dir = data_dir();
    let (mut app, path) = dorset(dir.path());
    go(&mut app, "media.policy");
    press(&mut app, "AAy");
    press(&mut app, "S");
    assert!(
        matches!(&app.dialog, Some(Dialog::Entry(_))),
        "asks for the name"
    );
    press(&mut app, "<Enter>Deputy Chief Constable<Enter>");
    assert!(
        matches!(&app.dialog, Some(Dialog::ConfirmSign(_))),
        "asks before sealing"
    );
    press(&mut app, "y");
    assert!(app.dialog.is_none());
    assert!(session(&app).assessment.is_final());
    let saved = file(&path);
    assert!(
        saved.contains("[signature]\nby = \"Jo Bloggs\"\nrole = \"Deputy Chief Constable\""),
        "{saved}"
    );
    snap("signed", &app);

    for keys in [
        "n", "<Del>", "N", "e", "o", "d", "r", "s", "<Enter>", "u", "<C-r>", "C",
    ] {
        press(&mut app, keys);
        assert!(app.dialog.is_none(), "{keys} opened a dialog");
        let notice = app.notice.clone().unwrap_or_default();
        assert!(
            notice.contains("signed off and final") && notice.contains("Press R to reopen"),
            "{keys}: {notice}"
        );
    }
    assert_eq!(
        session(&app).assessment.value("media.policy"),
        Some(&Value::Status(Status::Yes))
    );
    assert_eq!(file(&path), saved, "nothing was written");

    // Reopening asks why, and records it.
    press(&mut app, "R<Enter>");
    assert!(
        matches!(&app.dialog, Some(Dialog::Entry(e)) if e.error.is_some()),
        "a reason is needed"
    );
    press(&mut app, "Found a gap<Enter>");
    assert!(!session(&app).assessment.is_final());
    press(&mut app, "n");
    assert_eq!(
        session(&app).assessment.value("media.policy"),
        Some(&Value::Status(Status::No))
    );
}

#[test]
fn a_change_made_outside_probity_is_said_on_opening() {
    let dir = data_dir();
    let (mut app, path) = dorset(dir.path());
    go(&mut app, "media.policy");
    press(&mut app, "y");
    drop(app);
    let text = file(&path);
    std::fs::write(&path, text.replace("value = \"yes\"", "value = \"no\"")).unwrap();
    let app = App::open(ws(dir.path()), &path).unwrap();
    let notice = app.notice.clone().unwrap_or_default();
    assert!(
        notice.contains("1 change made outside probity") && notice.contains("H shows"),
        "{notice}"
    );
}

#[test]
fn sign_off_shows_what_it_will_seal_and_esc_leaves_it_unsigned() {
    let dir = data_dir();
    let (mut app, path) = dorset(dir.path());
    go(&mut app, "media.policy");
    press(&mut app, "AAy");
    let before = file(&path);
    press(&mut app, "S<Enter>Deputy Chief Constable<Enter>");
    let Some(Dialog::ConfirmSign(confirm)) = &app.dialog else {
        panic!("asks before sealing");
    };
    let sealing = confirm.sealing.join("\n");
    assert!(
        sealing.contains("Answered: 3 of the 74 questions that apply (71 unanswered)."),
        "{sealing}"
    );
    assert!(sealing.contains("unanswered"), "{sealing}");
    assert!(sealing.contains("provisional"), "{sealing}");
    assert!(sealing.contains("Open findings: "), "{sealing}");
    assert!(
        sealing.contains("Assurance: 3 asserted, 0 evidenced, 0 verified."),
        "{sealing}"
    );
    snap("confirm-sign", &app);
    press(&mut app, "<Esc>");
    assert!(app.dialog.is_none());
    assert!(notice(&app).contains("Not signed"));
    assert!(!session(&app).assessment.is_final());
    assert_eq!(file(&path), before, "nothing was sealed or written");
}

/// The header's first row, as text.
fn header(app: &App) -> String {
    let screen = draw(app, 120, 40);
    let buffer = screen.buffer();
    (0..120).map(|x| buffer[(x, 0)].symbol()).collect()
}

#[test]
fn a_file_marked_final_by_hand_is_not_final_in_the_header() {
    let dir = data_dir();
    let path = dir.path().join("dorset-2013.toml");
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/dorset-2013.toml"
        ),
        &path,
    )
    .unwrap();
    let mut app = App::open(ws(dir.path()), &path).unwrap();
    app.theme.colour = false;
    let shown = header(&app);
    assert!(
        shown.starts_with(" MARKED FINAL, NOT SEALED · no sign-off "),
        "{shown}"
    );
}

#[test]
fn the_header_says_final_only_while_the_seal_verifies() {
    let dir = data_dir();
    let (mut app, _) = dorset(dir.path());
    go(&mut app, "media.policy");
    press(&mut app, "AAy");
    press(&mut app, "S");
    press(&mut app, "<Enter>Deputy Chief Constable<Enter>y");
    assert!(session(&app).assessment.is_final());
    assert!(header(&app).starts_with(" FINAL · signed by Jo Bloggs"));
    // The home list says which assessments are signed.
    press(&mut app, "q");
    let screen = draw(&app, 80, 24).to_string();
    let row = screen
        .lines()
        .find(|l| l.contains("Dorset Police"))
        .unwrap_or_default();
    assert!(row.contains("FINAL"), "{screen}");
}

#[test]
fn sign_off_is_refused_in_the_interface_while_an_answer_is_flagged_for_review() {
    let dir = data_dir();
    let (mut app, _) = dorset(dir.path());
    go(&mut app, "media.policy");
    press(&mut app, "AAy");
    press(&mut app, "r");
    press(&mut app, "S");
    let Some(Dialog::Reading(refusal)) = &app.dialog else {
        panic!("S shows why it cannot be signed")
    };
    assert!(
        refusal
            .lines
            .iter()
            .any(|l| l.contains("is flagged for review") && !l.contains("media.policy")),
        "{:?}",
        refusal.lines
    );
    assert!(!session(&app).assessment.is_final());
}

/// The refusal lists what to put right in the order the checklist asks it, and Enter on a line
/// goes to its question.
#[test]
fn enter_on_a_refusal_goes_to_the_question() {
    let dir = data_dir();
    let (mut app, _) = dorset(dir.path());
    for id in ["procurement.gifts_crossref", "media.policy"] {
        go(&mut app, id);
        press(&mut app, "AAy");
        go(&mut app, id);
        press(&mut app, "r");
    }
    go(&mut app, "ctx.force");
    press(&mut app, "S");
    let Some(Dialog::Reading(refusal)) = &app.dialog else {
        panic!("S shows why it cannot be signed")
    };
    assert_eq!(refusal.targets.len(), refusal.lines.len());
    assert_eq!(
        refusal.targets.first().cloned().flatten().as_deref(),
        Some("media.policy"),
        "checklist order, media before procurement: {:?}",
        refusal.lines
    );
    let screen = draw(&app, 80, 24).to_string();
    assert!(screen.contains("Enter go to it"), "{screen}");
    press(&mut app, "j");
    let Some(Dialog::Reading(refusal)) = &app.dialog else {
        panic!()
    };
    let second = refusal.target().map(str::to_string);
    press(&mut app, "<Enter>");
    assert!(app.dialog.is_none());
    assert_eq!(
        session(&app).item().map(|i| i.id.clone()),
        second,
        "Enter went to the chosen line's question"
    );
}
