//! The terminal interface: a thin Elm-style layer over the core.
//!
//! * [`app`] is the one state, with the open assessment in [`session`];
//! * [`action`] lists what the user can do and [`keymap`] binds keys to it (and prints help);
//! * [`update`](update::update) is the only code that changes state, saving through the core;
//! * [`view`] draws, reading state only;
//! * [`terminal`] takes over the terminal and always restores it.
//!
//! The loop blocks on terminal events and draws after each one; there is no timer.

pub mod action;
pub mod app;
pub mod keymap;
pub mod session;
mod terminal;
#[cfg(test)]
mod tests;
pub mod theme;
pub mod update;
pub mod view;

use std::io::IsTerminal;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crossterm::event::{self, Event, KeyEventKind};

pub use action::Action;
pub use app::App;

use crate::cli::{Context, Outcome, fail};

/// How often the loop looks up from waiting to check for SIGTERM, SIGHUP and a terminal that
/// has gone away. Nothing is drawn on these wake-ups.
const SIGNAL_CHECK: Duration = Duration::from_millis(100);

/// Set only by the end-to-end tests, to prove that a panic gives the terminal back.
const PANIC_FOR_TEST: &str = "PROBITY_TEST_PANIC";

/// Opens the home screen.
pub fn home(ctx: Context) -> Outcome {
    run(App::home(ctx))
}

/// Opens an assessment just created, with its carry-forward briefing if it has one.
pub fn open_new(ctx: Context, started: &crate::cli::new::Started) -> Outcome {
    match App::started(started, ctx) {
        Ok(app) => run(app),
        Err(e) => fail(&e),
    }
}

/// Opens one assessment.
pub fn open(ctx: Context, path: &Path) -> Outcome {
    match App::open(path, ctx) {
        Ok(app) => run(app),
        Err(e) => fail(&e),
    }
}

/// Whether probity is talking to a person at a terminal, not a script or a pipe.
pub fn has_terminal() -> bool {
    std::io::stdout().is_terminal() && std::io::stdin().is_terminal()
}

fn run(mut app: App) -> Outcome {
    if !has_terminal() {
        return fail(
            "the interface needs a terminal; for scripts use the subcommands in `probity --help`",
        );
    }
    let stop = match terminal::stop_signal() {
        Ok(stop) => stop,
        Err(e) => return fail(&format!("could not watch for shutdown signals: {e}")),
    };
    let mut screen = match terminal::init() {
        Ok(screen) => screen,
        Err(e) => return fail(&format!("could not take over the terminal: {e}")),
    };
    let result = event_loop(&mut app, &mut screen, &stop);
    // ratatui reports a cursor it cannot show on stderr when dropped, which aborts the process
    // if the terminal has gone away; then there is nothing left to restore.
    if screen.show_cursor().is_err() {
        std::mem::forget(screen);
    }
    terminal::restore();
    match result {
        Ok(()) => Outcome::Ok,
        Err(e) => fail(&format!("the terminal stopped responding: {e}")),
    }
}

fn event_loop(
    app: &mut App,
    screen: &mut terminal::Screen,
    stop: &AtomicBool,
) -> std::io::Result<()> {
    // Start listening before the first frame, so a resize while it is drawn is not missed.
    event::poll(Duration::ZERO)?;
    let panic_for_test = std::env::var_os(PANIC_FOR_TEST).is_some();
    loop {
        screen.draw(|frame| view::render(app, frame))?;
        if panic_for_test {
            panic!("deliberate panic ({PANIC_FOR_TEST} is set)");
        }
        if app.quit {
            return Ok(());
        }
        let action = loop {
            // A hung-up terminal reads as endless end-of-file, which crossterm treats as "no
            // event", so a vanished terminal is noticed here, like SIGHUP, rather than spun on.
            if stop.load(Ordering::Relaxed) || !has_terminal() {
                // Keep whatever is being typed into a note, save, and leave.
                update::update(app, Action::Quit);
                return Ok(());
            }
            if !event::poll(SIGNAL_CHECK)? {
                continue;
            }
            match event::read()? {
                Event::Key(key) if key.kind != KeyEventKind::Release => {
                    break keymap::action_for(update::context(app), key);
                }
                Event::Paste(text) => break Some(Action::Paste(text)),
                Event::Resize(..) => break None,
                _ => {}
            }
        };
        if let Some(action) = action {
            update::update(app, action);
        }
    }
}
