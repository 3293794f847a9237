//! Text fields: typing and pasting into a one-line field never lets a line break in, and every
//! field being typed into shows the terminal's own cursor at the insertion point.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui_textarea::TextArea;

/// A one-line text field holding `text`, cursor at the end.
pub fn line_field(text: &str) -> TextArea<'static> {
    let mut area = TextArea::new(vec![text.to_string()]);
    area.move_cursor(ratatui_textarea::CursorMove::End);
    real_cursor(&mut area);
    area
}

/// Leaves marking the insertion point to the terminal's cursor (see [`draw_field`]) rather
/// than a reverse-video block that screen magnifiers and readers cannot follow.
pub fn real_cursor(field: &mut TextArea<'static>) {
    field.set_cursor_style(Style::new());
}

/// Draws the field being typed into and puts the terminal's real cursor at its insertion
/// point, so assistive technology that follows the cursor can track the typing.
pub fn draw_field(frame: &mut Frame, field: &TextArea<'static>, area: Rect) {
    frame.render_widget(field, area);
    if area.width == 0 || area.height == 0 {
        return;
    }
    let at = field.screen_cursor();
    let (top, left) = field.scroll_offset();
    let row = at.row.saturating_sub(usize::from(top));
    let col = at.col.saturating_sub(usize::from(left));
    let fit = |n: usize, size: u16| u16::try_from(n).unwrap_or(u16::MAX).min(size - 1);
    frame.set_cursor_position((
        area.x + fit(col, area.width),
        area.y + fit(row, area.height),
    ));
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
