use clap::Parser;

use probity::cli::{self, Cli, Next, Outcome, Screen};
use probity::tui;
use probity_core::workspace::OpenError;

/// mimalloc: large checklists allocate hundreds of thousands of small strings, and the system
/// allocator's cost grew faster than the checklist (README, "Measured").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Runs the command line, then the interface when the command asks for it. This is the one
/// place that knows both front ends.
fn main() {
    quiet_on_a_closed_pipe();
    let cli = Cli::parse();
    let outcome = match cli::run(&cli) {
        Next::Exit(outcome) => outcome,
        Next::Interface(ws, screen) => {
            let result = match &screen {
                Screen::Home => tui::home(*ws),
                Screen::Open(path) => tui::open(*ws, path),
                Screen::Started(started) => tui::open_started(*ws, started),
            };
            match result {
                Ok(()) => Outcome::Ok,
                Err(tui::Error::Open(OpenError::Load(e))) => cli::shown_load_error(&e),
                Err(e) => cli::fail(&e.to_string()),
            }
        }
    };
    std::process::exit(outcome.code());
}

/// A reader that goes away (`probity checklists | head`) ends probity as it ends any Unix
/// tool: quietly, by SIGPIPE (status 141 in a shell), instead of a panic at the next print.
/// Rust ignores SIGPIPE by default; this puts the default back. probity writes its own files
/// to regular files, never pipes, so no save is cut short by it.
fn quiet_on_a_closed_pipe() {
    #[cfg(unix)]
    // SAFETY: at the start of main, before any thread exists, setting a signal's disposition
    // to its default touches no memory of ours.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
