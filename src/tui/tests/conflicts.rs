//! Conflicts left by returns: marked, filtered, shown with both answers, and resolved by key.

use super::screens::snap;
use super::*;
use crate::tui::dialog::Dialog;
use crate::tui::session::Filter;
use probity_core::answer::{Status, Value};
use probity_core::history::Event;

/// A different answer from the press office, kept beside the one held as a return leaves it.
const INCOMING: &str = "\n[answers.\"media.policy\".incoming]\nvalue = \"yes\"\nfrom = \"Head of Communications\"\nreturn = \"press-office.xlsx\"\nreceived = 2012-11-30\n";

/// Dorset with "no" held for the media policy, and the press office's "yes" waiting beside it.
fn in_conflict(dir: &Path) -> (App, PathBuf) {
    let (mut app, path) = dorset(dir);
    go(&mut app, "media.policy");
    press(&mut app, "An");
    drop(app);
    std::fs::write(&path, file(&path) + INCOMING).unwrap();
    let mut app = App::open(ws(dir), &path).unwrap();
    app.theme.colour = false;
    app.dialog = None;
    go(&mut app, "media.policy");
    (app, path)
}

fn value(app: &App) -> Option<Value> {
    session(app).assessment.value("media.policy").cloned()
}

#[test]
fn a_conflict_is_marked_shown_with_both_answers_and_filtered() {
    let dir = data_dir();
    let (mut app, _) = in_conflict(dir.path());
    snap("conflict", &app);
    let screen = format!("{:?}", draw(&app, 120, 40));
    assert!(screen.contains("⇄"), "the item is marked");
    assert!(
        screen.contains("Held: answer \"No\" (given by Jo Bloggs)"),
        "{screen}"
    );
    assert!(
        screen.contains("Return: answer \"Yes\" (given by Head of"),
        "{screen}"
    );
    while session(&app).filter != Filter::Conflicts {
        press(&mut app, "v");
    }
    let s = session(&app);
    let shown: Vec<&str> = s
        .visible
        .iter()
        .map(|&i| s.checklist.areas[s.area].items[i].id.as_str())
        .collect();
    assert_eq!(shown, ["media.policy"]);
    press(&mut app, "S");
    let Some(Dialog::Reading(refusal)) = &app.dialog else {
        panic!("S shows why it cannot be signed")
    };
    assert!(
        refusal
            .lines
            .iter()
            .any(|l| l.contains("Head of Communications") && l.contains("waiting to be resolved")),
        "{:?}",
        refusal.lines
    );
}

#[test]
fn one_key_keeps_the_answer_held_and_another_takes_the_returns() {
    let dir = data_dir();
    let (mut app, path) = in_conflict(dir.path());
    press(&mut app, "K");
    assert_eq!(value(&app), Some(Value::Status(Status::No)));
    assert!(session(&app).assessment.conflicts().next().is_none());
    assert!(!file(&path).contains(".incoming]"), "set aside, and saved");
    press(&mut app, "u");
    assert!(
        session(&app).assessment.conflicts().next().is_some(),
        "undo brings the conflict back"
    );
    press(&mut app, "K");
    assert!(session(&app).assessment.conflicts().next().is_none());
    press(&mut app, "K");
    assert!(
        app.notice
            .as_deref()
            .unwrap_or_default()
            .contains("Nothing to resolve"),
        "{:?}",
        app.notice
    );
    drop(app);

    std::fs::write(&path, file(&path) + INCOMING).unwrap();
    let mut app = App::open(ws(dir.path()), &path).unwrap();
    go(&mut app, "media.policy");
    press(&mut app, "i");
    assert_eq!(value(&app), Some(Value::Status(Status::Yes)));
    assert!(file(&path).contains("[answers.\"media.policy\"]\nvalue = \"yes\""));
    let by_contributor = session(&app).history().entries().any(|e| {
        e.by == "Head of Communications"
            && matches!(&e.event, Event::Changed { item, field, .. } if item == "media.policy" && field == "value")
    });
    assert!(
        by_contributor,
        "the answer taken is recorded as the contributor's"
    );
}

#[test]
fn taking_a_returns_answer_is_undone_exactly_and_redone() {
    let dir = data_dir();
    let (mut app, path) = in_conflict(dir.path());
    press(&mut app, "NHeld for a reason<Esc>y");
    assert!(app.dialog.is_none());
    let held = session(&app).assessment.answer("media.policy").cloned();
    let saved = file(&path);
    press(&mut app, "i");
    assert_eq!(value(&app), Some(Value::Status(Status::Yes)));
    press(&mut app, "u");
    assert!(notice(&app).starts_with("Undone"), "{}", notice(&app));
    assert_eq!(
        session(&app).assessment.answer("media.policy").cloned(),
        held,
        "the held answer, note and conflict restored exactly"
    );
    let answers = |text: &str| -> String {
        text.lines()
            .filter(|l| !l.starts_with("recorded = "))
            .collect()
    };
    assert_eq!(answers(&file(&path)), answers(&saved), "and saved so");
    press(&mut app, "<C-r>");
    assert!(notice(&app).starts_with("Redone"), "{}", notice(&app));
    assert_eq!(value(&app), Some(Value::Status(Status::Yes)));
    assert!(session(&app).assessment.conflicts().next().is_none());
}

#[test]
fn opening_says_when_conflicts_are_waiting_and_capital_v_shows_them() {
    let dir = data_dir();
    let (mut app, _) = in_conflict(dir.path());
    let said = notice(&app);
    assert!(
        said.starts_with("1 answer from returns contradicts the one held: V shows it."),
        "{said}"
    );
    go(&mut app, "gifts.register.exists");
    press(&mut app, "V");
    let s = session(&app);
    assert_eq!(s.filter, crate::tui::session::Filter::Conflicts);
    assert_eq!(s.item().unwrap().id, "media.policy");
    press(&mut app, "K");
    press(&mut app, "V");
    assert!(notice(&app).contains("No return contradicts"));
}
