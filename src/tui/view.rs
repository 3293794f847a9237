//! Drawing. Everything here only reads the [`App`]; nothing is computed that `update` could
//! have stored, and long text is clipped to what fits before it is wrapped.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::app::{App, Screen};
use super::{assessment, dialog, form, home};

/// The smallest window probity draws into.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// Whether a window of this size shows the interface; a smaller one shows only a request to
/// make it larger, and keys wait until it does.
pub fn fits(area: Rect) -> bool {
    area.width >= MIN_WIDTH && area.height >= MIN_HEIGHT
}

/// Draws the whole interface.
pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if !fits(area) {
        return too_small(app, frame, area);
    }
    match &app.screen {
        Screen::Home(h) => home::render(app, h, frame, area),
        Screen::NewForm(f) => form::render(app, f, frame, area),
        Screen::Assessment(s) => assessment::view::render(app, s, frame, area),
    }
    if let Some(d) = &app.dialog {
        dialog::render(app, d, frame, area);
    }
}

fn too_small(app: &App, frame: &mut Frame, area: Rect) {
    let mut text = vec![
        Line::from("probity needs a window of at least 80 × 24 characters."),
        Line::from(format!(
            "This one is {} × {}. Please make it larger.",
            area.width, area.height
        )),
    ];
    if let Some(notice) = &app.notice {
        text.extend([Line::from(""), Line::from(notice.as_str())]);
    }
    frame.render_widget(
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .alignment(Alignment::Center),
        area,
    );
}

/// A message for the bottom line, `width` columns wide: whole when it fits, otherwise cut
/// with the key that reads it whole.
pub fn fit_notice(text: &str, width: u16) -> std::borrow::Cow<'_, str> {
    let width = usize::from(width);
    if text.chars().count() <= width {
        return text.into();
    }
    let more = format!(
        "… {} reads it all",
        super::keymap::key_name(
            super::keymap::Context::Assessment,
            &super::action::Action::ShowMessage
        )
    );
    let keep = width.saturating_sub(more.chars().count());
    format!("{}{more}", clip(text, keep).trim_end()).into()
}

/// The first `budget` characters of `text`: enough to fill a window, cheap to wrap.
pub fn clip(text: &str, budget: usize) -> &str {
    match text.char_indices().nth(budget) {
        Some((at, _)) => &text[..at],
        None => text,
    }
}
