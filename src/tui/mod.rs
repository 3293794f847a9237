//! The terminal interface: a thin Elm-style layer over the core's use cases.
//!
//! * [`app`] is the one state; [`session`] is the open assessment and the user's place in it;
//! * [`action`] lists what the user can do and [`keymap`] binds keys to it (and prints help);
//! * [`update`](update::update) is the only code that changes state, routing each action to
//!   the open [`dialog`] or to the screen ([`home`], [`form`], [`assessment`]);
//! * [`view`] draws, reading state only;
//! * [`terminal`] takes over the terminal and always restores it.
//!
//! The loop blocks on terminal events and draws after each one. It wakes every 100 ms to
//! check for signals, and only a read-only window (watching its file) is updated then.

pub mod action;
pub mod app;
pub mod assessment;
pub mod dialog;
pub mod fields;
pub mod form;
pub mod home;
pub mod keymap;
pub mod session;
mod terminal;
#[cfg(test)]
mod tests;
pub mod theme;
pub mod undo;
pub mod update;
pub mod view;
pub mod watch;
pub mod widgets;

use std::io::IsTerminal;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crossterm::event::{self, Event, KeyEventKind};

use probity_core::workspace::{OpenError, Started, Workspace};

pub use action::Action;
pub use app::App;

/// How often the loop looks up from waiting to check for SIGTERM, SIGHUP and a terminal that
/// has gone away, and for a read-only window, whether its file has changed. Nothing else is
/// drawn on these wake-ups.
const SIGNAL_CHECK: Duration = Duration::from_millis(100);

/// Set only by the end-to-end tests, to prove that a panic gives the terminal back.
const PANIC_FOR_TEST: &str = "PROBITY_TEST_PANIC";

/// Why the interface could not run or stopped.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("the interface needs a terminal; for scripts use the subcommands in `probity --help`")]
    NoTerminal,
    #[error(transparent)]
    Open(#[from] OpenError),
    #[error("could not watch for shutdown signals: {0}")]
    Signals(std::io::Error),
    #[error("could not take over the terminal: {0}")]
    Terminal(std::io::Error),
    #[error("the terminal stopped responding: {0}")]
    Lost(std::io::Error),
}

/// Opens the home screen.
pub fn home(ws: Workspace) -> Result<(), Error> {
    run(App::home(ws))
}

/// Opens one assessment.
pub fn open(ws: Workspace, path: &Path) -> Result<(), Error> {
    run(App::open(ws, path)?)
}

/// Opens an assessment just created, with its carry-forward briefing if it has one.
pub fn open_started(ws: Workspace, started: &Started) -> Result<(), Error> {
    run(App::started(ws, started)?)
}

/// Whether probity is talking to a person at a terminal, not a script or a pipe.
pub fn has_terminal() -> bool {
    std::io::stdout().is_terminal() && std::io::stdin().is_terminal()
}

fn run(mut app: App) -> Result<(), Error> {
    if !has_terminal() {
        return Err(Error::NoTerminal);
    }
    let stop = terminal::stop_signal().map_err(Error::Signals)?;
    let mut screen = terminal::init().map_err(Error::Terminal)?;
    let result = event_loop(&mut app, &mut screen, &stop);
    // ratatui reports a cursor it cannot show on stderr when dropped, which aborts the process
    // if the terminal has gone away; then there is nothing left to restore.
    if screen.show_cursor().is_err() {
        std::mem::forget(screen);
    }
    terminal::restore();
    result.map_err(Error::Lost)
}

/// The test seam that shows a panic gives the terminal back; debug builds only.
#[expect(clippy::panic, reason = "the pseudo-terminal test needs a real panic")]
fn deliberate_panic() {
    panic!("deliberate panic ({PANIC_FOR_TEST} is set)");
}

fn event_loop(
    app: &mut App,
    screen: &mut terminal::Screen,
    stop: &AtomicBool,
) -> std::io::Result<()> {
    // Start listening before the first frame, so a resize while it is drawn is not missed.
    event::poll(Duration::ZERO)?;
    let size = screen.size()?;
    update::update(app, Action::Resize(size.width, size.height));
    let panic_for_test = cfg!(debug_assertions) && std::env::var_os(PANIC_FOR_TEST).is_some();
    loop {
        screen.draw(|frame| view::render(app, frame))?;
        if panic_for_test {
            deliberate_panic();
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
                if app.watching() {
                    break Some(Action::Tick);
                }
                continue;
            }
            match event::read()? {
                Event::Key(key) if key.kind != KeyEventKind::Release => {
                    break keymap::action_for(update::context(app), key);
                }
                Event::Paste(text) => break Some(Action::Paste(text)),
                Event::Resize(width, height) => break Some(Action::Resize(width, height)),
                _ => {}
            }
        };
        if let Some(action) = action {
            update::update(app, action);
        }
    }
}
