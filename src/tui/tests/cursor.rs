//! Where text is typed, the terminal's real cursor stands at the insertion point, so screen
//! magnifiers and readers that follow it can track the typing; no fake block is drawn instead.

use ratatui::style::Modifier;

use super::*;

/// The cursor after drawing: `None` when hidden, else the text left of it on its row and the
/// cell under it.
fn cursor(app: &App) -> Option<(String, String)> {
    let backend = draw(app, 100, 30);
    if !backend.cursor_visible() {
        return None;
    }
    let at = backend.cursor_position();
    let buffer = backend.buffer();
    let left: String = (0..at.x)
        .map(|x| buffer[(x, at.y)].symbol().to_string())
        .collect();
    let cell = &buffer[(at.x, at.y)];
    assert!(
        !cell.modifier.contains(Modifier::REVERSED),
        "a fake cursor block is drawn at the real cursor"
    );
    Some((left, cell.symbol().to_string()))
}

/// The text just left of the cursor ends with `before`, and the cell under it holds `under`.
fn assert_at(app: &App, before: &str, under: &str) {
    let (left, cell) = cursor(app).expect("the cursor is shown while typing");
    assert!(
        left.ends_with(before),
        "left of the cursor: {left:?}, wanted it to end with {before:?}"
    );
    assert_eq!(cell, under, "under the cursor, left of it {left:?}");
}

#[test]
fn typing_an_entry_puts_the_cursor_at_the_insertion_point() {
    let dir = data_dir();
    let (mut app, _) = dorset(dir.path());
    assert_eq!(cursor(&app), None, "no cursor while moving around");
    go(&mut app, "procurement.gifts_crossref");
    press(&mut app, "oHead of Procurement");
    assert_at(&app, "Head of Procurement", " ");
    press(&mut app, "<Left><Left>");
    assert_at(&app, "Head of Procureme", "n");
    press(&mut app, "<Esc>");
    assert_eq!(cursor(&app), None);
    press(&mut app, "/gifts");
    assert_at(&app, "gifts", " ");
}

#[test]
fn the_note_editor_puts_the_cursor_on_the_line_being_written() {
    let dir = data_dir();
    let (mut app, _) = dorset(dir.path());
    press(&mut app, "NFirst line<Enter>second");
    assert_at(&app, "second", " ");
    press(&mut app, "<Up>");
    assert_at(&app, "First ", "l");
}

#[test]
fn the_new_assessment_form_and_export_path_show_the_cursor() {
    let dir = data_dir();
    let mut app = App::home(ws(dir.path()));
    press(&mut app, "cDorset");
    assert_at(&app, "Dorset", " ");
    press(&mut app, "<Tab>20");
    assert_at(&app, "20", " ");
    press(&mut app, "<Tab>Head of PSD");
    assert_at(&app, "Head of PSD", " ");
    press(&mut app, "<Tab>");
    assert_eq!(cursor(&app), None, "a choice field takes no typing");

    let (mut app, _) = dorset(dir.path());
    press(&mut app, "x");
    assert_at(&app, ".md", " ");
}
