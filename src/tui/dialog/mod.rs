//! Dialogs drawn over a screen. Each lives in its own module with its state, its update and
//! its render; this module only routes keys and drawing to the one that is open.

mod confirm_area;
mod confirm_quit;
mod confirm_sign;
mod entry;
mod evidence;
mod export;
mod findings;
mod help;
mod keep_mine;
mod note;
mod overview;
mod picker;
mod reading;
mod search;

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Margin, Rect};
use ratatui::widgets::{Block, Clear};

pub use confirm_area::ConfirmArea;
pub use confirm_sign::ConfirmSign;
pub use entry::{Entry, Purpose};
pub use evidence::Evidence;
pub use export::Export;
pub use findings::Findings;
pub use help::Help;
pub use keep_mine::KeepMine;
pub use note::Note;
pub use overview::Overview;
pub use picker::Picker;
pub use reading::Reading;
pub use search::Search;

use super::action::Action;
use super::app::{App, Leave, Screen};
use super::keymap::Context;
use super::theme::Theme;

pub enum Dialog {
    Help(Help),
    /// A page to read: the briefing on a carried-forward assessment, an item's history, or
    /// why a sign-off is refused.
    Reading(Reading),
    Findings(Findings),
    Export(Box<Export>),
    Picker(Picker),
    Entry(Entry),
    Search(Search),
    Note(Box<Note>),
    Evidence(Evidence),
    /// Every area and item as a grid of marks.
    Overview(Overview),
    /// Asked before confirming every carried answer of an area.
    ConfirmArea(ConfirmArea),
    /// The last step of a sign-off: what will be sealed, asked before it is.
    ConfirmSign(ConfirmSign),
    /// Asked when a change made here met a change made outside probity to the same record.
    KeepMine(KeepMine),
    /// Asked before leaving (an assessment, or probity) with a change that could not be saved.
    ConfirmQuit(Leave),
}

/// What a dialog does after a key: stays open, closes, or gives way to another dialog.
pub enum Step {
    Stay,
    Close,
    Open(Box<Dialog>),
}

impl Dialog {
    /// Which key table applies while this dialog is open.
    pub fn context(&self) -> Context {
        match self {
            Dialog::Help(_) => Context::Help,
            Dialog::Reading(d) => d.context,
            Dialog::Findings(_) => Context::Findings,
            Dialog::Picker(_) => Context::Picker,
            Dialog::Entry(_) | Dialog::Search(_) => Context::Input,
            Dialog::Note(d) => d.context(),
            Dialog::Export(d) => d.context(),
            Dialog::Evidence(_) => Context::Evidence,
            Dialog::Overview(_) => Context::Overview,
            Dialog::ConfirmArea(_) | Dialog::ConfirmSign(_) | Dialog::KeepMine(_) => Context::Ask,
            Dialog::ConfirmQuit(_) => Context::ConfirmQuit,
        }
    }
}

/// Applies one action to the open dialog, returning the dialog to show next, if any.
pub fn update(app: &mut App, mut dialog: Dialog, action: Action) -> Option<Dialog> {
    let (size, theme) = (app.size, app.theme);
    let step = match (&mut dialog, app.session_mut()) {
        (Dialog::Help(d), _) => d.update(action, size),
        (Dialog::Reading(d), Some(s)) if action == Action::Submit && d.target().is_some() => {
            if let Some(id) = d.target() {
                s.select(id);
                s.pane = super::session::Pane::Items;
            }
            Step::Close
        }
        (Dialog::Reading(d), _) => d.update(action, size),
        (Dialog::ConfirmQuit(to), _) => confirm_quit::update(app, to.clone(), action),
        (_, None) => Step::Close,
        // The export reads the workspace too, beside the session.
        (Dialog::Export(_), Some(_)) => export_step(app, &mut dialog, action),
        (Dialog::Findings(d), Some(s)) => d.update(action, s, size, theme),
        (Dialog::Picker(d), Some(s)) => d.update(action, s),
        (Dialog::Entry(d), Some(s)) => d.update(action, s),
        (Dialog::Search(d), Some(s)) => d.update(action, s),
        (Dialog::Note(d), Some(s)) => d.update(action, s),
        (Dialog::Evidence(d), Some(s)) => d.update(action, s),
        (Dialog::Overview(d), Some(s)) => d.update(action, s),
        (Dialog::ConfirmArea(d), Some(s)) => d.update(action, s),
        (Dialog::ConfirmSign(d), Some(s)) => d.update(action, s),
        (Dialog::KeepMine(d), Some(s)) => d.update(action, s),
    };
    match step {
        Step::Stay => Some(dialog),
        Step::Close => None,
        Step::Open(next) => Some(*next),
    }
}

/// The export's step: it builds the report through the workspace, beside the session.
fn export_step(app: &mut App, dialog: &mut Dialog, action: Action) -> Step {
    match (dialog, &mut app.screen) {
        (Dialog::Export(d), Screen::Assessment(s)) => d.update(action, s, &app.ws),
        _ => Step::Close,
    }
}

/// Draws the open dialog over the screen.
pub fn render(app: &App, dialog: &Dialog, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let Some(s) = app.session() else {
        if let Dialog::Help(d) = dialog {
            d.render(theme, frame, area);
        }
        return;
    };
    match dialog {
        Dialog::Help(d) => d.render(theme, frame, area),
        Dialog::Reading(d) => d.render(theme, frame, area),
        Dialog::Findings(d) => d.render(theme, s, frame, area),
        Dialog::Export(d) => d.render(theme, frame, area),
        Dialog::Picker(d) => d.render(theme, frame, area),
        Dialog::Entry(d) => d.render(theme, s, frame, area),
        Dialog::Search(d) => d.render(theme, frame, area),
        Dialog::Note(d) => d.render(theme, s, frame, area),
        Dialog::Evidence(d) => d.render(theme, s, frame, area),
        Dialog::Overview(d) => d.render(theme, s, frame, area),
        Dialog::ConfirmArea(d) => d.render(theme, frame, area),
        Dialog::ConfirmSign(d) => d.render(theme, frame, area),
        Dialog::KeepMine(d) => d.render(theme, frame, area),
        Dialog::ConfirmQuit(to) => confirm_quit::render(theme, s, to, frame, area),
    }
}

/// Where a box of `width` × `height` goes, centred in `area` and no larger than it.
fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [rect] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    rect
}

/// The inside of the box [`frame_box`] draws, for update to know how much a dialog shows.
fn inside(area: Rect, width: u16, height: u16) -> Rect {
    centred(area, width, height).inner(Margin::new(1, 1))
}

/// A bordered box centred in `area`, cleared and titled, returning its inside.
fn frame_box(
    frame: &mut Frame,
    area: Rect,
    width: u16,
    height: u16,
    title: &str,
    theme: Theme,
) -> Rect {
    let rect = centred(area, width, height);
    frame.render_widget(Clear, rect);
    let block = Block::bordered()
        .title(format!(" {title} "))
        .border_style(theme.focus_border());
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    inner
}
