//! How long the interface takes to draw: a full assessment frame at two sizes, a keystroke
//! through update to the next frame, a frame with a very long note, and the real binary from
//! start to its first frame in a pseudo-terminal. Target: under 2 ms a frame, under 20 ms to
//! the first frame.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a benchmark whose setup fails has nothing to measure"
)]

use std::path::{Path, PathBuf};

use probity::tui::app::Screen;
use probity::tui::{Action, App, update::update, view::render};
use probity_core::workspace::Workspace;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn main() {
    divan::main();
}

/// The fully answered fixture, copied into a private folder and opened.
fn open_full(dir: &Path) -> App {
    let path = dir.join("full-2013.toml");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/full-2013.toml"),
        &path,
    )
    .unwrap();
    let ws = Workspace::new(Some(dir), jiff::civil::date(2013, 12, 1)).unwrap();
    App::open(ws, &path).unwrap()
}

#[divan::bench(args = [(80, 24), (200, 60)])]
fn assessment_frame(bencher: divan::Bencher, (w, h): (u16, u16)) {
    let dir = tempfile::tempdir().unwrap();
    let app = open_full(dir.path());
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    bencher.bench_local(|| {
        terminal.draw(|f| render(&app, f)).unwrap();
    });
}

/// One key moving the selection, the update it causes, and the frame after it.
#[divan::bench(args = [(80, 24), (200, 60)])]
fn keystroke_to_frame(bencher: divan::Bencher, (w, h): (u16, u16)) {
    let dir = tempfile::tempdir().unwrap();
    let mut app = open_full(dir.path());
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    let mut down = true;
    bencher.bench_local(|| {
        update(&mut app, if down { Action::Down } else { Action::Up });
        down = !down;
        terminal.draw(|f| render(&app, f)).unwrap();
    });
}

/// One answer key: update, re-score, the atomic save (with its fsyncs) and the next frame.
/// It asserts the save happened, so the figure cannot come from a key that changed nothing.
#[divan::bench(sample_count = 30)]
fn answer_save_and_frame(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let mut app = open_full(dir.path());
    update(&mut app, Action::ToggleAdvance);
    if let Screen::Assessment(session) = &mut app.screen {
        session.select("media.policy");
    }
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut yes = true;
    bencher.bench_local(|| {
        let status = if yes {
            probity_core::answer::Status::Yes
        } else {
            probity_core::answer::Status::No
        };
        update(&mut app, Action::Answer(status));
        yes = !yes;
        terminal.draw(|f| render(&app, f)).unwrap();
    });
    let saved = std::fs::read_to_string(dir.path().join("full-2013.toml")).unwrap();
    assert!(saved.contains("[answers.\"media.policy\"]"));
}

/// A frame showing an item whose note is 1 MB of text.
#[divan::bench(args = [(80, 24), (200, 60)])]
fn huge_note_frame(bencher: divan::Bencher, (w, h): (u16, u16)) {
    let dir = tempfile::tempdir().unwrap();
    let mut app = open_full(dir.path());
    update(&mut app, Action::EditNote);
    update(
        &mut app,
        Action::Paste("A long interview record, line after line. ".repeat(25_000)),
    );
    update(&mut app, Action::Close);
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    bencher.bench_local(|| {
        terminal.draw(|f| render(&app, f)).unwrap();
    });
}

/// The note editor open on the same 1 MB note (it draws only what is in view).
#[divan::bench]
fn huge_note_editor_frame(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let mut app = open_full(dir.path());
    update(&mut app, Action::EditNote);
    let long: String = "A long interview record, line after line.\n".repeat(25_000);
    update(&mut app, Action::Paste(long));
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    bencher.bench_local(|| {
        terminal.draw(|f| render(&app, f)).unwrap();
    });
}

/// The real release binary, from spawning in a pseudo-terminal to its first complete frame.
#[cfg(unix)]
#[divan::bench(sample_count = 40)]
fn start_to_first_frame(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let app = open_full(dir.path());
    drop(app);
    let path: PathBuf = dir.path().join("full-2013.toml");
    bencher.bench_local(|| {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_probity"));
        cmd.arg("open")
            .arg(&path)
            .env("PROBITY_TODAY", "2013-12-01")
            .env("TERM", "xterm-256color");
        let mut session = expectrl::Session::spawn(cmd).unwrap();
        let mut parser = vt100::Parser::new(
            std::num::NonZeroU16::new(24).unwrap(),
            std::num::NonZeroU16::new(80).unwrap(),
            0,
        );
        let mut buf = [0u8; 16384];
        while !parser.screen().contents().contains("Saved │") {
            let n = std::io::Read::read(&mut session, &mut buf).unwrap();
            parser.process(&buf[..n]);
        }
        session
    });
}
