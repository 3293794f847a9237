//! Tests of the interface: the update function, whole flows from keys to the saved file, and
//! snapshots of every screen.

mod conflicts;
mod cursor;
mod flow;
mod judgements;
mod keys_page;
mod moving;
mod outside;
mod screens;
mod sign_off;
mod undo;
mod update;
mod year;

use std::path::{Path, PathBuf};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::civil::date;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use probity_core::workspace::{Start, Workspace};

use super::app::App;
use super::keymap::action_for;
use super::session::Session;
use super::update::{context, update};

/// A private data folder with a short, filterable name.
pub fn data_dir() -> tempfile::TempDir {
    let mut builder = tempfile::Builder::new();
    builder.prefix("pd").rand_bytes(6);
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700));
    builder.tempdir().unwrap()
}

/// A workspace on `dir` whose changes are recorded as made by "Jo Bloggs".
pub fn ws(dir: &Path) -> Workspace {
    let mut ws = Workspace::new(Some(dir), date(2012, 12, 1)).unwrap();
    ws.actor = "Jo Bloggs".into();
    ws
}

/// A new, empty Dorset 2012 assessment in `dir`, open in the interface.
pub fn dorset(dir: &Path) -> (App, PathBuf) {
    let ws = ws(dir);
    let request = Start {
        force: Some("Dorset Police".into()),
        period: "2012".into(),
        ..Start::default()
    };
    let path = ws.start(&request).unwrap().path;
    let mut app = App::open(ws, &path).unwrap();
    app.theme.colour = false;
    app.start_dir = dir.to_path_buf();
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
        "Home" => KeyCode::Home,
        "PgUp" => KeyCode::PageUp,
        "Space" => KeyCode::Char(' '),
        ctrl if ctrl.starts_with("C-") => {
            let c = ctrl[2..].chars().next().expect("a letter after C-");
            return KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
        }
        other => panic!("unknown key name {other}"),
    };
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// Selects an item by id, as a user would reach it.
/// What the bottom line says; a test that asks expects something said.
pub fn notice(app: &App) -> &str {
    app.notice.as_deref().expect("a notice")
}

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
