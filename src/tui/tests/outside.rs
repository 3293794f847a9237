//! The file as others leave it: adopted into the history in one entry when it has none, and
//! changed outside probity while open here (kept, recorded, and never written over unasked).

use super::screens::snap;
use super::*;
use crate::tui::dialog::Dialog;
use probity_core::answer::{Status, Value};
use probity_core::history::History;

/// Durham 2012 as HMIC's figures were typed in by hand: a file with no history.
fn durham(dir: &Path) -> (App, PathBuf) {
    let path = dir.join("durham-2012.toml");
    std::fs::copy("tests/fixtures/durham-2012.toml", &path).unwrap();
    let mut app = App::open(ws(dir), &path).unwrap();
    app.theme.colour = false;
    (app, path)
}

fn entries(path: &Path) -> Vec<String> {
    let h = History::load(&probity_core::history::path_for(path)).unwrap();
    h.entries().map(probity_core::history::describe).collect()
}

#[test]
fn a_file_without_a_history_is_adopted_in_one_entry_and_said_so() {
    let dir = data_dir();
    let (mut app, path) = durham(dir.path());
    let told = entries(&path);
    assert_eq!(told.len(), 1, "{told:?}");
    assert!(told[0].starts_with("history begun: probity adopted the file as it stood"));
    assert!(
        notice(&app)
            .contains("this file had no history, so probity began one with the file as it stands"),
        "{}",
        notice(&app)
    );
    // An answer's history says where its record begins, not that the opener gave it.
    go(&mut app, "media.policy");
    press(&mut app, "H");
    let screen = draw(&app, 120, 40).to_string();
    assert!(
        screen.contains("Jo Bloggs  held as it stands when the history began"),
        "{screen}"
    );
    assert!(!screen.contains("changed outside probity"), "{screen}");
    drop(app);
    // Opening again records nothing more.
    let app = App::open(ws(dir.path()), &path).unwrap();
    assert_eq!(entries(&path).len(), 1);
    assert!(app.notice.is_none(), "{:?}", app.notice);
}

#[test]
fn a_note_edited_outside_while_open_is_kept_recorded_and_said() {
    let dir = data_dir();
    let (mut app, path) = dorset(dir.path());
    go(&mut app, "media.policy");
    press(&mut app, "An");
    std::fs::write(
        &path,
        file(&path).replace(
            "[answers.\"media.policy\"]\n",
            "[answers.\"media.policy\"]\nnote = \"Written in a text editor\"\n",
        ),
    )
    .unwrap();
    go(&mut app, "media.training");
    press(&mut app, "y");
    let saved = file(&path);
    assert!(saved.contains("Written in a text editor"), "{saved}");
    assert!(saved.contains("[answers.\"media.training\"]"), "{saved}");
    assert!(
        notice(&app).starts_with("The file was changed outside probity while open here (“"),
        "{}",
        notice(&app)
    );
    assert!(notice(&app).contains("Your change is saved on top of it."));
    assert!(
        entries(&path)
            .iter()
            .any(|e| e.ends_with("→ \"Written in a text editor\" (changed outside probity)")),
        "{:?}",
        entries(&path)
    );
    assert_eq!(
        session(&app)
            .assessment
            .answer("media.policy")
            .unwrap()
            .note
            .as_deref(),
        Some("Written in a text editor")
    );
}

/// The same answer changed in a text editor and here: the editor's stands until asked.
fn both_changed(dir: &Path) -> (App, PathBuf) {
    let (mut app, path) = dorset(dir);
    go(&mut app, "media.policy");
    press(&mut app, "An");
    std::fs::write(
        &path,
        file(&path).replace("value = \"no\"", "value = \"partial\""),
    )
    .unwrap();
    go(&mut app, "media.policy");
    press(&mut app, "y");
    (app, path)
}

#[test]
fn a_change_meeting_one_made_outside_asks_which_to_keep() {
    let dir = data_dir();
    let (mut app, path) = both_changed(dir.path());
    assert!(matches!(app.dialog, Some(Dialog::KeepMine(_))));
    assert!(file(&path).contains("value = \"partial\""));
    snap("keep_mine", &app);
    press(&mut app, "y");
    assert!(file(&path).contains("value = \"yes\""));
    assert!(notice(&app).starts_with("Kept your change"));

    let dir = data_dir();
    let (mut app, path) = both_changed(dir.path());
    press(&mut app, "n");
    assert!(app.dialog.is_none());
    assert!(file(&path).contains("value = \"partial\""));
    assert_eq!(
        session(&app).assessment.value("media.policy"),
        Some(&Value::Status(Status::Partial))
    );
    assert!(notice(&app).starts_with("Kept the version changed outside probity"));
}

/// A message too long for the bottom line ends with the key that reads it whole, and that key
/// shows it in full after the next key has cleared the line.
#[test]
fn a_message_cut_short_can_be_read_whole() {
    let dir = data_dir();
    let (mut app, _) = durham(dir.path());
    let said = notice(&app).to_string();
    let line = draw(&app, 80, 24).to_string();
    let bottom = line.lines().last().unwrap().to_string();
    assert!(bottom.contains("… M reads it all"), "{bottom}");
    press(&mut app, "j");
    press(&mut app, "M");
    let Some(Dialog::Reading(page)) = &app.dialog else {
        panic!("M shows the last message")
    };
    assert_eq!(page.lines, [said]);
    let screen = draw(&app, 80, 24).to_string();
    assert!(
        screen.contains("began one with the file as it stands"),
        "{screen}"
    );
}
