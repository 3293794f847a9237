//! Text fields: typing and pasting into a one-line field never lets a line break in (pasted
//! lines are joined with "; "), every field has a shell's line-editing keys, and every field
//! being typed into shows the terminal's own cursor at the insertion point.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui_textarea::CursorMove;
use ratatui_textarea::TextArea;

use super::action::LineEdit;

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

/// Pastes text into a one-line field: its lines are joined with "; " (blank ones dropped), so
/// two pasted lines stay two things rather than running together.
pub fn paste_line(field: &mut TextArea<'static>, text: &str) {
    field.insert_str(probity_core::text::sanitize_line(&one_line(text)));
}

/// Several lines as one: trimmed, blank ones dropped, joined with "; ". A line may end with a
/// lone carriage return too: many terminals paste line breaks as one.
fn one_line(text: &str) -> String {
    text.split(['\r', '\n'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("; ")
}

/// Applies a line-editing key to any field, one line or many.
pub fn edit(field: &mut TextArea<'static>, edit: LineEdit) {
    match edit {
        LineEdit::Start => field.move_cursor(CursorMove::Head),
        LineEdit::End => field.move_cursor(CursorMove::End),
        LineEdit::DeleteToStart => {
            field.delete_line_by_head();
        }
        LineEdit::DeleteToEnd => {
            field.delete_line_by_end();
        }
        LineEdit::DeleteWord => {
            field.delete_word();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pasted_lines_are_joined_with_semicolons() {
        let mut field = line_field("");
        paste_line(&mut field, "Head of PSD\r\n\nDeputy Chief Constable\n");
        assert_eq!(text_of(&field), "Head of PSD; Deputy Chief Constable");
        let mut field = line_field("");
        paste_line(&mut field, "Head of PSD\rDeputy Chief Constable");
        assert_eq!(text_of(&field), "Head of PSD; Deputy Chief Constable");
    }

    #[test]
    fn line_editing_keys_work_as_in_a_shell() {
        let mut field = line_field("Head of Professional Standards");
        edit(&mut field, LineEdit::DeleteWord);
        assert_eq!(text_of(&field), "Head of Professional ");
        edit(&mut field, LineEdit::Start);
        edit(&mut field, LineEdit::DeleteToEnd);
        assert_eq!(text_of(&field), "");
        let mut field = line_field("abc def");
        edit(&mut field, LineEdit::DeleteToStart);
        assert_eq!(text_of(&field), "");
        let mut field = line_field("abc");
        edit(&mut field, LineEdit::Start);
        field.insert_str("x");
        edit(&mut field, LineEdit::End);
        field.insert_str("y");
        assert_eq!(text_of(&field), "xabcy");
    }
}
