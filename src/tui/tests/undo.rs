//! Undo and redo: every kind of change, each saved at once, taken back and put again.

use super::*;
use crate::tui::dialog::Dialog;
use probity_core::assessment::Answer;

/// The file without its pointer into the history, which every change (an undo too) moves on.
fn answers(path: &Path) -> String {
    file(path)
        .lines()
        .filter(|l| !l.starts_with("recorded = "))
        .collect::<Vec<_>>()
        .join("\n")
}

/// How many changes to one item the history records.
fn recorded(path: &Path, id: &str) -> usize {
    use probity_core::history::{self, History};
    let h = History::load(&history::path_for(path)).unwrap();
    h.entries()
        .filter(|e| history::describe(e).starts_with(&format!("{id}:")))
        .count()
}

/// The record of one item as the file on disk holds it.
fn on_disk(dir: &Path, path: &Path, id: &str) -> Answer {
    let (saved, _) = ws(dir).load(path).unwrap();
    saved.answer(id).cloned().unwrap_or_default()
}

#[test]
fn every_kind_of_change_is_undone_and_redone_and_saved_each_time() {
    let dir = data_dir();
    let (mut app, path) = dorset(dir.path());
    let id = "procurement.gifts_crossref";
    go(&mut app, id);
    press(&mut app, "AA");
    let before = answers(&path);
    // Answer, note, evidence (added, edited, removed), owner, due date, review flag.
    let keys = [
        "n",
        "NNo cross-check yet.<Esc>y",
        "eaRegister extract<Enter><Esc>",
        "e<Enter><C-u>Register extract, Q3<Enter><Esc>",
        "oHead of Procurement<Enter>",
        "d31/03/2013<Enter>",
        "r",
        "e<Del><Esc>",
        "<Del>",
    ];
    let mut states = vec![on_disk(dir.path(), &path, id)];
    for k in keys {
        press(&mut app, k);
        assert!(app.dialog.is_none(), "{k} left a dialog open");
        states.push(on_disk(dir.path(), &path, id));
        assert_ne!(
            states[states.len() - 2],
            states[states.len() - 1],
            "{k} changed nothing"
        );
    }
    let changes = recorded(&path, id);
    // Each undo puts the file back one step, all the way to the start...
    for expected in states.iter().rev().skip(1) {
        press(&mut app, "u");
        assert_eq!(
            &on_disk(dir.path(), &path, id),
            expected,
            "{:?}",
            app.notice
        );
    }
    assert_eq!(answers(&path), before, "back to the answers as they were");
    assert_eq!(
        recorded(&path, id),
        2 * changes,
        "each undo is in the history too"
    );
    press(&mut app, "u");
    assert!(notice(&app).contains("Nothing to undo"));
    // ...and each redo forward again.
    for expected in states.iter().skip(1) {
        press(&mut app, "<C-r>");
        assert_eq!(
            &on_disk(dir.path(), &path, id),
            expected,
            "{:?}",
            app.notice
        );
    }
    press(&mut app, "<C-r>");
    assert!(notice(&app).contains("Nothing to redo"));
}

#[test]
fn a_wrong_answer_and_note_are_undone_in_two_keys_and_said() {
    let dir = data_dir();
    let (mut app, path) = dorset(dir.path());
    let before = answers(&path);
    go(&mut app, "media.policy");
    press(&mut app, "AAnNWrong item.<Esc>y");
    go(&mut app, "training.leaders");
    press(&mut app, "u");
    let said = notice(&app);
    assert!(said.starts_with("Undone: the note of"), "{said}");
    assert_eq!(
        session(&app).item().unwrap().id,
        "media.policy",
        "undo shows the item it changed"
    );
    press(&mut app, "u");
    assert!(notice(&app).starts_with("Undone: the answer of"));
    assert_eq!(answers(&path), before);
}

#[test]
fn confirmations_are_undone_and_a_new_change_ends_redo() {
    let dir = data_dir();
    let (app, path) = dorset(dir.path());
    drop(app);
    let text = file(&path)
        + "\n[answers.\"media.policy\"]\nvalue = \"yes\"\ncarried = true\n\n[answers.\"media.contact.recorded\"]\nvalue = \"no\"\ncarried = true\n";
    std::fs::write(&path, text).unwrap();
    let mut app = App::open(ws(dir.path()), &path).unwrap();
    go(&mut app, "media.policy");
    press(&mut app, "C");
    assert!(matches!(app.dialog, Some(Dialog::ConfirmArea(_))));
    press(&mut app, "y");
    assert!(
        !file(&path).contains("carried = true"),
        "both confirmed, saved"
    );
    press(&mut app, "u");
    assert_eq!(
        file(&path).matches("carried = true").count(),
        2,
        "one key undoes both"
    );
    press(&mut app, "c");
    press(&mut app, "<C-r>");
    assert!(notice(&app).contains("Nothing to redo"));
}

#[test]
fn undo_carries_on_after_leaving_and_coming_back_but_not_past_a_change_made_elsewhere() {
    let dir = data_dir();
    let (mut app, path) = dorset(dir.path());
    go(&mut app, "media.policy");
    press(&mut app, "y");
    press(&mut app, "q");
    assert!(app.session().is_none(), "q goes back to the list");
    press(&mut app, "<Enter>u");
    assert_eq!(session(&app).assessment.value("media.policy"), None);
    press(&mut app, "<C-r>q");
    // Another tool changes the file while it is not open: the old steps are not replayed.
    let text = file(&path).replace("value = \"yes\"", "value = \"no\"");
    std::fs::write(&path, text).unwrap();
    press(&mut app, "<Enter>u");
    assert!(notice(&app).contains("Nothing to undo"));
}

#[test]
fn the_note_editor_asks_before_keeping_or_discarding() {
    let dir = data_dir();
    let (mut app, path) = dorset(dir.path());
    go(&mut app, "media.policy");
    press(&mut app, "Nfirst<Esc>y");
    press(&mut app, "N second<Esc>");
    assert!(matches!(&app.dialog, Some(Dialog::Note(n)) if n.asking));
    press(&mut app, "<Esc>");
    assert!(
        matches!(&app.dialog, Some(Dialog::Note(n)) if !n.asking),
        "back to writing"
    );
    press(&mut app, " third<Esc>n");
    assert!(app.dialog.is_none());
    assert!(file(&path).contains("note = \"first\""), "discarded");
    press(&mut app, "N<Esc>");
    assert!(app.dialog.is_none(), "nothing changed: nothing to ask");
}
