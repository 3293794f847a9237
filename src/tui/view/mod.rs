//! Drawing. Everything here only reads the [`App`]; nothing is computed that `update` could
//! have stored, and long text is clipped to what fits before it is wrapped.

mod assessment;
mod dialogs;
mod home;

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Flex, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::app::{App, Overlay, Screen};
use super::theme::Theme;

/// The smallest window probity draws into.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// Draws the whole interface.
pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return too_small(frame, area);
    }
    match &app.screen {
        Screen::Home(home) => home::render_home(app, home, frame, area),
        Screen::NewForm(form) => home::render_form(app, form, frame, area),
        Screen::Assessment(session) => assessment::render(app, session, frame, area),
    }
    if let Some(overlay) = &app.overlay {
        match overlay {
            Overlay::Help { scroll } => dialogs::help(app.theme, *scroll, frame, area),
            other => {
                if let Some(session) = app.session() {
                    dialogs::render(app.theme, session, other, frame, area);
                }
            }
        }
    }
}

fn too_small(frame: &mut Frame, area: Rect) {
    let text = vec![
        Line::from("probity needs a window of at least 80 × 24 characters."),
        Line::from(format!(
            "This one is {} × {}. Please make it larger.",
            area.width, area.height
        )),
    ];
    frame.render_widget(
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .alignment(Alignment::Center),
        area,
    );
}

/// A bordered box centred in `area`, cleared and titled, returning its inside.
fn dialog(
    frame: &mut Frame,
    area: Rect,
    width: u16,
    height: u16,
    title: &str,
    theme: Theme,
) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [rect] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    frame.render_widget(Clear, rect);
    let block = Block::bordered()
        .title(format!(" {title} "))
        .border_style(theme.focus_border());
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    inner
}

/// The first `budget` characters of `text`: enough to fill a window, cheap to wrap.
fn clip(text: &str, budget: usize) -> &str {
    match text.char_indices().nth(budget) {
        Some((at, _)) => &text[..at],
        None => text,
    }
}
