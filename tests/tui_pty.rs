//! The real binary in a pseudo-terminal: keys in, screen and saved file out.
#![cfg(unix)]

use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::session::OsSession;

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).unwrap()
}

struct Pty {
    session: OsSession,
    parser: vt100::Parser,
}

impl Pty {
    fn spawn(data: &Path, args: &[&str]) -> Pty {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_probity"));
        cmd.arg("--data-dir").arg(data).args(args);
        cmd.env("PROBITY_TODAY", "2012-12-01")
            .env("TERM", "xterm-256color")
            .env_remove("NO_COLOR");
        let mut session = expectrl::Session::spawn(cmd).expect("spawn probity");
        session.get_process_mut().set_window_size(80, 24).unwrap();
        Pty {
            session,
            parser: vt100::Parser::new(nz(24), nz(80), 0),
        }
    }

    fn pump(&mut self) {
        let mut buf = [0u8; 16384];
        loop {
            match self.session.try_read(&mut buf) {
                Ok(0) => break,
                Ok(n) => self.parser.process(&buf[..n]),
                Err(e) if e.kind() == ErrorKind::WouldBlock => break,
                Err(_) => break,
            }
        }
    }

    fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    fn wait_for(&mut self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            self.pump();
            if self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "\"{text}\" never appeared; the screen shows:\n{}",
            self.screen()
        );
    }

    /// Types keys and waits for the screen to show `then`.
    fn keys(&mut self, keys: &str, then: &str) {
        self.session.write_all(keys.as_bytes()).unwrap();
        self.session.flush().unwrap();
        self.wait_for(then);
    }

    fn pid(&self) -> String {
        self.session.get_process().pid().to_string()
    }

    /// Waits until `text` has left the screen.
    fn wait_gone(&mut self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            self.pump();
            if !self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "\"{text}\" never went away; the screen shows:\n{}",
            self.screen()
        );
    }

    /// Waits for the process to end and returns whether it exited cleanly.
    fn finish(&mut self) -> bool {
        use expectrl::process::unix::WaitStatus;
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            self.pump();
            match self.session.get_process().status() {
                Ok(WaitStatus::StillAlive) => std::thread::sleep(Duration::from_millis(20)),
                Ok(status) => {
                    self.pump();
                    return matches!(status, WaitStatus::Exited(_, 0));
                }
                Err(e) => panic!("could not wait for probity: {e}"),
            }
        }
        let _ = Command::new("kill").arg("-KILL").arg(self.pid()).status();
        panic!("probity did not exit; the screen shows:\n{}", self.screen());
    }
}

fn new_dorset(data: &Path) -> (Pty, PathBuf) {
    let mut pty = Pty::spawn(
        data,
        &["new", "--force", "Dorset Police", "--period", "2012"],
    );
    pty.wait_for("Dorset Police · 2012");
    (pty, data.join("dorset-police-2012.toml"))
}

fn signal(pty: &Pty, name: &str) {
    let ok = Command::new("kill")
        .arg(format!("-{name}"))
        .arg(pty.pid())
        .status()
        .unwrap()
        .success();
    assert!(ok, "kill -{name} failed");
}

#[test]
fn answers_are_saved_and_the_terminal_is_restored_on_quit() {
    let data = tempfile::tempdir().unwrap();
    let (mut pty, path) = new_dorset(data.path());
    // The first item takes text: type the force's name.
    pty.keys("\r", "Leave empty to clear");
    pty.keys("Dorset Police and the PCC\r", "Saved │ 1/");
    // Move to the gifts area and answer its first item.
    pty.keys("h", "Areas");
    pty.keys("jjj", "Gifts and");
    pty.keys("l", "Gifts and");
    pty.keys("y", "Saved │ 2/");
    pty.keys("q", "");
    assert!(pty.finish(), "probity exits with 0");
    assert!(
        !pty.parser.screen().alternate_screen(),
        "the terminal is back on the main screen"
    );
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(
        saved.contains("[answers.\"ctx.force\"]\nvalue = \"Dorset Police and the PCC\""),
        "{saved}"
    );
    assert!(
        saved.contains("[answers.\"gifts.policy\"]\nvalue = \"yes\""),
        "{saved}"
    );

    // Reopening shows the answers.
    let mut pty = Pty::spawn(data.path(), &["open", path.to_str().unwrap()]);
    pty.wait_for("Saved │ 2/");
    pty.keys("q", "");
    assert!(pty.finish());
}

#[test]
fn a_paste_goes_into_the_note_as_text() {
    let data = tempfile::tempdir().unwrap();
    let (mut pty, path) = new_dorset(data.path());
    pty.keys("N", "Esc keeps the note");
    pty.keys(
        "\x1b[200~line one\r\nline two q y\x07\x1b[201~",
        "line two q y",
    );
    // Esc must arrive on its own, or it is read as Alt with the next key.
    pty.keys("\x1b", "");
    pty.wait_gone("Esc keeps the note");
    pty.keys("q", "");
    assert!(pty.finish());
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(
        saved.contains("note = \"\"\"\nline one\nline two q y\"\"\""),
        "{saved}"
    );
}

#[test]
fn sigkill_after_answers_loses_nothing_already_answered() {
    let data = tempfile::tempdir().unwrap();
    let (mut pty, path) = new_dorset(data.path());
    pty.keys("hj", "Relationships");
    pty.keys("l", "Relationships");
    pty.keys("y", "Saved │ 1/");
    pty.keys("jn", "Saved │ 2/");
    signal(&pty, "KILL");
    let _ = pty.session.get_process().wait();
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(
        saved.contains("[answers.\"media.policy\"]\nvalue = \"yes\""),
        "{saved}"
    );
    assert!(saved.contains("value = \"no\""), "{saved}");
}

#[test]
fn sigterm_and_sighup_keep_the_note_being_written_and_restore_the_terminal() {
    for name in ["TERM", "HUP"] {
        let data = tempfile::tempdir().unwrap();
        let (mut pty, path) = new_dorset(data.path());
        pty.keys("N", "Esc keeps the note");
        pty.keys("Interview notes", "Interview notes");
        signal(&pty, name);
        assert!(pty.finish(), "a clean exit after SIG{name}");
        assert!(!pty.parser.screen().alternate_screen());
        let saved = std::fs::read_to_string(&path).unwrap();
        assert!(
            saved.contains("note = \"Interview notes\""),
            "SIG{name}: {saved}"
        );
    }
}

#[test]
fn a_second_window_opens_read_only_with_a_banner() {
    let data = tempfile::tempdir().unwrap();
    let (mut first, path) = new_dorset(data.path());
    let mut second = Pty::spawn(data.path(), &["open", path.to_str().unwrap()]);
    second.wait_for("READ-ONLY");
    second.keys("y", "read-only here");
    second.keys("q", "");
    assert!(second.finish());
    first.keys("q", "");
    assert!(first.finish());
}

#[test]
fn a_small_window_shows_a_message_and_redraws_on_resize() {
    let data = tempfile::tempdir().unwrap();
    let (mut pty, _) = new_dorset(data.path());
    pty.session
        .get_process_mut()
        .set_window_size(60, 20)
        .unwrap();
    pty.parser.set_size(nz(20), nz(60));
    pty.wait_for("at least 80 × 24");
    pty.session
        .get_process_mut()
        .set_window_size(80, 24)
        .unwrap();
    pty.parser.set_size(nz(24), nz(80));
    pty.wait_for("Dorset Police · 2012");
    pty.keys("q", "");
    assert!(pty.finish());
}

#[test]
fn the_home_screen_creates_and_opens_an_assessment() {
    let data = tempfile::tempdir().unwrap();
    let mut pty = Pty::spawn(data.path(), &[]);
    pty.wait_for("no assessments here yet");
    pty.keys("c", "New assessment");
    pty.keys("Durham Constabulary\t2012\r", "Durham Constabulary · 2012");
    pty.keys("q", "");
    assert!(pty.finish());
    assert!(data.path().join("durham-constabulary-2012.toml").exists());
}

/// Runs a tmux command on a private server.
fn tmux(socket: &str, args: &[&str]) -> String {
    let out = Command::new("tmux")
        .arg("-L")
        .arg(socket)
        .args(args)
        .output()
        .expect("tmux is installed (.ci/run installs it)");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_terminal_that_goes_away_saves_the_note_and_ends_probity() {
    let data = tempfile::tempdir().unwrap();
    let socket = format!("probity-test-{}", std::process::id());
    let command = format!(
        "PROBITY_TODAY=2012-12-01 exec {} --data-dir {} new --force 'Dorset Police' --period 2012",
        env!("CARGO_BIN_EXE_probity"),
        data.path().display()
    );
    tmux(
        &socket,
        &["new-session", "-d", "-x", "80", "-y", "24", &command],
    );
    let wait_for = |text: &str| {
        let deadline = Instant::now() + Duration::from_secs(10);
        while !tmux(&socket, &["capture-pane", "-p"]).contains(text) {
            assert!(Instant::now() < deadline, "\"{text}\" never appeared");
            std::thread::sleep(Duration::from_millis(20));
        }
    };
    wait_for("Dorset Police · 2012");
    let pid = tmux(&socket, &["display-message", "-p", "#{pane_pid}"])
        .trim()
        .to_string();
    tmux(&socket, &["send-keys", "N"]);
    wait_for("Esc keeps the note");
    tmux(&socket, &["send-keys", "-l", "Window closed mid-note"]);
    wait_for("Window closed mid-note");
    // The window closes: no key, no signal from us; the terminal simply goes away.
    tmux(&socket, &["kill-server"]);
    let deadline = Instant::now() + Duration::from_secs(5);
    while Command::new("kill")
        .args(["-0", &pid])
        .status()
        .unwrap()
        .success()
    {
        if Instant::now() > deadline {
            let _ = Command::new("kill").args(["-KILL", &pid]).status();
            panic!("probity kept running after its terminal went away");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let saved = std::fs::read_to_string(data.path().join("dorset-police-2012.toml")).unwrap();
    assert!(
        saved.contains("note = \"Window closed mid-note\""),
        "{saved}"
    );
}
