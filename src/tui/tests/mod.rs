//! Tests of the interface: the update function, whole flows from keys to the saved file, and
//! snapshots of every screen.

mod flow;
mod screens;
mod update;

use std::path::{Path, PathBuf};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::civil::date;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::app::{App, Session};
use super::keymap::action_for;
use super::update::{context, update};
use crate::checklist::Catalog;
use crate::cli::Context;
use crate::storage::Dirs;

/// A data folder with a short, filterable name.
pub fn data_dir() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("pd")
        .rand_bytes(6)
        .tempdir()
        .unwrap()
}

pub fn ctx(dir: &Path) -> Context {
    Context {
        dirs: Dirs::resolve(Some(dir)).unwrap(),
        catalog: Catalog::discover(None),
        today: date(2012, 12, 1),
    }
}

/// A new, empty Dorset 2012 assessment in `dir`, open in the interface.
pub fn dorset(dir: &Path) -> (App, PathBuf) {
    let ctx = ctx(dir);
    let args = crate::cli::new::NewArgs {
        force_name: Some("Dorset Police".into()),
        period: "2012".into(),
        checklist: None,
        from: None,
        assessor: None,
        out: None,
        no_tui: false,
    };
    let path = crate::cli::new::run(&ctx, &args).unwrap();
    let mut app = App::open(&path, ctx).unwrap();
    app.theme.colour = false;
    (app, path)
}

pub fn session(app: &App) -> &Session {
    app.session().expect("an assessment is open")
}

/// Presses keys written as text: plain characters, or names in angle brackets such as
/// `<Enter>`, `<Esc>`, `<Tab>`, `<Down>`, `<Del>`, `<C-c>`.
pub fn press(app: &mut App, keys: &str) {
    let mut rest = keys;
    while let Some(c) = rest.chars().next() {
        let (event, len) = if c == '<'
            && let Some(end) = rest.find('>')
            && end > 1
        {
            (named(&rest[1..end]), end + 1)
        } else {
            let modifiers = if c.is_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            (KeyEvent::new(KeyCode::Char(c), modifiers), c.len_utf8())
        };
        rest = &rest[len..];
        if let Some(action) = action_for(context(app), event) {
            update(app, action);
        }
    }
}

fn named(name: &str) -> KeyEvent {
    let code = match name {
        "Enter" => KeyCode::Enter,
        "Esc" => KeyCode::Esc,
        "Tab" => KeyCode::Tab,
        "BackTab" => KeyCode::BackTab,
        "Up" => KeyCode::Up,
        "Down" => KeyCode::Down,
        "Left" => KeyCode::Left,
        "Right" => KeyCode::Right,
        "Del" => KeyCode::Delete,
        "BS" => KeyCode::Backspace,
        "PgDn" => KeyCode::PageDown,
        "End" => KeyCode::End,
        "C-c" => return KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
        other => panic!("unknown key name {other}"),
    };
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// Selects an item by id, as a user would reach it.
pub fn go(app: &mut App, id: &str) {
    if let super::app::Screen::Assessment(s) = &mut app.screen {
        s.select(id);
    }
}

/// The screen as text, one quoted line per row.
pub fn draw(app: &App, width: u16, height: u16) -> TestBackend {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| super::view::render(app, f)).unwrap();
    terminal.backend().clone()
}

pub fn file(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}
