//! One-line text fields: typing and pasting into them never lets a line break in.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;

/// A one-line text field holding `text`, cursor at the end.
pub fn line_field(text: &str) -> TextArea<'static> {
    let mut area = TextArea::new(vec![text.to_string()]);
    area.move_cursor(ratatui_textarea::CursorMove::End);
    area
}

/// The field's text.
pub fn text_of<'a>(field: &'a TextArea<'static>) -> &'a str {
    field.lines().first().map_or("", String::as_str)
}

/// Types a key into a one-line field; a line break never gets in.
pub fn type_into(field: &mut TextArea<'static>, key: KeyEvent) {
    if key.code != KeyCode::Enter {
        field.input(key);
    }
    if field.lines().len() > 1 {
        let joined = field.lines().join(" ");
        *field = line_field(&joined);
    }
}

/// Pastes text into a one-line field, folding it onto one line.
pub fn paste_line(field: &mut TextArea<'static>, text: &str) {
    field.insert_str(probity_core::text::sanitize_line(text));
}
