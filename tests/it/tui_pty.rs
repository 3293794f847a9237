//! The real binary in a pseudo-terminal: keys in, screen and saved file out.
#![cfg(unix)]

use std::io::{ErrorKind, Write};
use std::os::fd::AsRawFd;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::support::{Setting, binary};

use expectrl::session::OsSession;

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).unwrap()
}

struct Pty {
    session: OsSession,
    parser: vt100::Parser,
    /// Every byte probity wrote, as written.
    raw: Vec<u8>,
}

impl Pty {
    fn spawn(data: &Path, args: &[&str]) -> Pty {
        Pty::spawn_with(data, args, &[])
    }

    fn spawn_with(data: &Path, args: &[&str], env: &[(&str, &str)]) -> Pty {
        let mut cmd = Command::new(binary());
        cmd.arg("--data-dir").arg(data).args(args);
        cmd.today("2012-12-01")
            .env("TERM", "xterm-256color")
            .env_remove("NO_COLOR");
        cmd.envs(env.iter().copied());
        let mut session = expectrl::Session::spawn(cmd).expect("spawn probity");
        session.get_process_mut().set_window_size(80, 24).unwrap();
        Pty {
            session,
            parser: vt100::Parser::new(nz(24), nz(80), 0),
            raw: Vec::new(),
        }
    }

    fn pump(&mut self) {
        let mut buf = [0u8; 16384];
        loop {
            match self.session.try_read(&mut buf) {
                Ok(0) => break,
                Ok(n) => {
                    self.parser.process(&buf[..n]);
                    self.raw.extend_from_slice(&buf[..n]);
                }
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
    // The force was filled in from the command; the first question left is the assessor's.
    pty.keys("\r", "Leave empty to clear");
    pty.keys("Head of PSD\r", "Saved │ 3/");
    // Move to the gifts area and answer its first item.
    pty.keys("h", "Areas");
    pty.keys("jjj", "Gifts and");
    pty.keys("l", "Gifts and");
    pty.keys("y", "Saved │ 4/");
    pty.keys("Q", "");
    assert!(pty.finish(), "probity exits with 0");
    assert!(
        !pty.parser.screen().alternate_screen(),
        "the terminal is back on the main screen"
    );
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(
        saved.contains("[answers.\"ctx.assessor\"]\nvalue = \"Head of PSD\""),
        "{saved}"
    );
    assert!(
        saved.contains("[answers.\"gifts.policy\"]\nvalue = \"yes\""),
        "{saved}"
    );

    // Reopening shows the answers.
    let mut pty = Pty::spawn(data.path(), &["open", path.to_str().unwrap()]);
    pty.wait_for("Saved │ 4/");
    pty.keys("Q", "");
    assert!(pty.finish());
}

#[test]
fn answers_and_a_note_undone_leave_the_file_as_it_was() {
    let data = tempfile::tempdir().unwrap();
    let (mut pty, path) = new_dorset(data.path());
    // The answers as written, without the file's pointer into the history, which every change
    // (an undo too) moves on.
    let answers = |path: &Path| -> String {
        std::fs::read_to_string(path)
            .unwrap()
            .lines()
            .filter(|l| !l.starts_with("recorded = "))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let before = answers(&path);
    pty.keys("hj", "Relationships");
    pty.keys("l", "Relationships");
    pty.keys("y", "Saved │ 3/");
    pty.keys("jn", "Saved │ 4/");
    pty.keys("N", "closes the editor, asking");
    pty.keys("Put on the wrong item", "Put on the wrong item");
    // Esc must arrive on its own, or it is read as Alt with the next key.
    pty.keys("\x1b", "Keep your changes");
    pty.keys("y", "");
    pty.wait_gone("Keep your changes");
    pty.keys("u", "Undone: the note");
    pty.keys("u", "Saved │ 3/");
    pty.keys("u", "Saved │ 2/");
    pty.keys("u", "Nothing to undo");
    pty.keys("Q", "");
    assert!(pty.finish(), "probity exits with 0");
    assert_eq!(answers(&path), before, "the answers are as they were");
    let (holds, said) = verify(data.path(), &path);
    assert!(
        holds,
        "the history, undos and all, agrees with the file: {said}"
    );
}

#[test]
fn a_paste_goes_into_the_note_as_text() {
    let data = tempfile::tempdir().unwrap();
    let (mut pty, path) = new_dorset(data.path());
    pty.keys("N", "closes the editor, asking");
    pty.keys(
        "\x1b[200~line one\r\nline two q y\x07\x1b[201~",
        "line two q y",
    );
    // Esc must arrive on its own, or it is read as Alt with the next key.
    pty.keys("\x1b", "Keep your changes");
    pty.keys("y", "");
    pty.wait_gone("Keep your changes");
    pty.keys("Q", "");
    assert!(pty.finish());
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(
        saved.contains("note = \"\"\"\nline one\nline two q y\"\"\""),
        "{saved}"
    );
}

/// Runs `probity verify` on a file: whether it exits 0, and what it says.
fn verify(data: &Path, path: &Path) -> (bool, String) {
    let out = Command::new(binary())
        .arg("--data-dir")
        .arg(data)
        .arg("verify")
        .arg(path)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn sigkill_after_answers_loses_nothing_already_answered() {
    let data = tempfile::tempdir().unwrap();
    let (mut pty, path) = new_dorset(data.path());
    pty.keys("hj", "Relationships");
    pty.keys("l", "Relationships");
    pty.keys("y", "Saved │ 3/");
    pty.keys("jn", "Saved │ 4/");
    signal(&pty, "KILL");
    let _ = pty.session.get_process().wait();
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(
        saved.contains("[answers.\"media.policy\"]\nvalue = \"yes\""),
        "{saved}"
    );
    assert!(saved.contains("value = \"no\""), "{saved}");
    // The file and its history agree about every answer acknowledged on screen.
    let (holds, said) = verify(data.path(), &path);
    assert!(holds, "{said}");
}

#[test]
fn sigkill_in_the_middle_of_saving_leaves_file_and_history_agreeing() {
    let data = tempfile::tempdir().unwrap();
    let (mut pty, path) = new_dorset(data.path());
    pty.keys("hj", "Relationships");
    pty.keys("lAA", "stays on the same item");
    pty.keys("y", "Saved │ 3/");
    // A burst of changes, killed while some are still being saved.
    pty.session.write_all(b"npnpnpnpnpnpnpnpnp").unwrap();
    pty.session.flush().unwrap();
    std::thread::sleep(Duration::from_millis(15));
    signal(&pty, "KILL");
    let _ = pty.session.get_process().wait();
    // The acknowledged answer is in the file; whatever was in flight is either written or,
    // recorded but never written, is recorded as undone when the file is next opened.
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(
        saved.contains("[answers.\"media.policy\"]\nvalue = "),
        "{saved}"
    );
    let mut pty = Pty::spawn(data.path(), &["open", path.to_str().unwrap()]);
    pty.wait_for("Saved │ 3/");
    pty.keys("Q", "");
    assert!(pty.finish());
    let (holds, said) = verify(data.path(), &path);
    assert!(holds, "{said}");
}

#[test]
fn an_answer_given_on_screen_is_in_the_history_with_who_and_a_hand_edit_is_found() {
    let data = tempfile::tempdir().unwrap();
    let mut pty = Pty::spawn(
        data.path(),
        &[
            "--as",
            "Jo Bloggs",
            "new",
            "--force",
            "Dorset Police",
            "--period",
            "2012",
        ],
    );
    pty.wait_for("Dorset Police · 2012");
    pty.keys("hj", "Relationships");
    pty.keys("lAA", "stays on the same item");
    pty.keys("y", "Saved │ 3/");
    pty.keys("H", "Jo Bloggs  answer none → \"yes\"");
    pty.keys("\x1b", "");
    pty.wait_gone("Every recorded change");
    pty.keys("Q", "");
    assert!(pty.finish());
    let path = data.path().join("dorset-police-2012.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("value = \"yes\"", "value = \"no\"")).unwrap();
    let (holds, said) = verify(data.path(), &path);
    assert!(!holds && said.contains("media.policy"), "{said}");
    let mut pty = Pty::spawn(data.path(), &["open", path.to_str().unwrap()]);
    pty.wait_for("1 change made outside probity");
    pty.keys("hj", "Relationships");
    pty.keys("lg", "Relationships");
    pty.keys("H", "(changed outside");
    pty.keys("\x1b", "");
    pty.wait_gone("Every recorded change");
    pty.keys("Q", "");
    assert!(pty.finish());
    assert!(verify(data.path(), &path).0);
}

#[test]
fn sigterm_and_sighup_keep_the_note_being_written_and_restore_the_terminal() {
    for name in ["TERM", "HUP"] {
        let data = tempfile::tempdir().unwrap();
        let (mut pty, path) = new_dorset(data.path());
        pty.keys("N", "closes the editor, asking");
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
    second.keys("Q", "");
    assert!(second.finish());
    first.keys("Q", "");
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
    pty.keys("Q", "");
    assert!(pty.finish());
}

#[test]
fn the_home_screen_creates_and_opens_an_assessment() {
    let data = tempfile::tempdir().unwrap();
    let mut pty = Pty::spawn(data.path(), &[]);
    pty.wait_for("no assessments here yet");
    pty.keys("c", "New assessment");
    pty.keys("Durham Constabulary\t2012\r", "Durham Constabulary · 2012");
    pty.keys("Q", "");
    assert!(pty.finish());
    assert!(data.path().join("durham-constabulary-2012.toml").exists());
}

/// A terminal window we own outright, so the test can close it as a window manager would:
/// probity runs on the pseudo-terminal's far side, as the leader of its own session.
struct Window {
    master: Option<std::fs::File>,
    child: std::process::Child,
    parser: vt100::Parser,
}

impl Window {
    fn open(data: &Path, args: &[&str]) -> Window {
        use std::os::fd::{FromRawFd, OwnedFd};
        use std::os::unix::process::CommandExt;
        let (mut master, mut slave) = (0, 0);
        let size = libc::winsize {
            ws_row: 24,
            ws_col: 80,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        // SAFETY: openpty writes two new descriptors, which are owned from here on.
        let rc = unsafe {
            libc::openpty(
                &mut master,
                &mut slave,
                std::ptr::null_mut(),
                std::ptr::null(),
                &size,
            )
        };
        assert_eq!(rc, 0, "openpty");
        let (master, slave) = unsafe {
            (
                std::fs::File::from_raw_fd(master),
                OwnedFd::from_raw_fd(slave),
            )
        };
        // SAFETY: fcntl on a descriptor we own: reads never block the test, and probity does not
        // inherit the near side, so closing ours really closes the window.
        unsafe {
            libc::fcntl(master.as_raw_fd(), libc::F_SETFL, libc::O_NONBLOCK);
            libc::fcntl(master.as_raw_fd(), libc::F_SETFD, libc::FD_CLOEXEC);
        }
        let mut cmd = Command::new(binary());
        cmd.arg("--data-dir").arg(data).args(args);
        cmd.today("2012-12-01").env("TERM", "xterm-256color");
        cmd.stdin(slave.try_clone().unwrap())
            .stdout(slave.try_clone().unwrap())
            .stderr(slave);
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            cmd.pre_exec(|| {
                libc::setsid();
                libc::ioctl(0, libc::TIOCSCTTY as _, 0);
                Ok(())
            });
        }
        let child = cmd.spawn().expect("spawn probity");
        Window {
            master: Some(master),
            child,
            parser: vt100::Parser::new(nz(24), nz(80), 0),
        }
    }

    fn wait_for(&mut self, text: &str) {
        use std::io::Read;
        let deadline = Instant::now() + Duration::from_secs(10);
        let mut buf = [0u8; 16384];
        while !self.parser.screen().contents().contains(text) {
            assert!(
                Instant::now() < deadline,
                "\"{text}\" never appeared:\n{}",
                self.parser.screen().contents()
            );
            match self.master.as_mut().unwrap().read(&mut buf) {
                Ok(n) if n > 0 => self.parser.process(&buf[..n]),
                _ => std::thread::sleep(Duration::from_millis(20)),
            }
        }
    }

    fn keys(&mut self, keys: &str, then: &str) {
        self.master
            .as_mut()
            .unwrap()
            .write_all(keys.as_bytes())
            .unwrap();
        self.wait_for(then);
    }

    /// Closes the window: the only descriptor of the terminal's near side goes away.
    fn close(&mut self) {
        self.master = None;
    }

    /// Whether probity ends, cleanly, within a few seconds.
    fn ends(&mut self) -> bool {
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.success();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        false
    }
}

#[test]
fn a_window_that_closes_saves_the_note_and_ends_probity() {
    let data = tempfile::tempdir().unwrap();
    let mut window = Window::open(
        data.path(),
        &["new", "--force", "Dorset Police", "--period", "2012"],
    );
    window.wait_for("Dorset Police · 2012");
    window.keys("N", "closes the editor, asking");
    window.keys("Window closed mid-note", "Window closed mid-note");
    window.close();
    assert!(window.ends(), "probity ends once its terminal has gone");
    let saved = std::fs::read_to_string(data.path().join("dorset-police-2012.toml")).unwrap();
    assert!(
        saved.contains("note = \"Window closed mid-note\""),
        "{saved}"
    );
}

#[test]
fn a_panic_gives_the_terminal_back() {
    let data = tempfile::tempdir().unwrap();
    let mut pty = Pty::spawn_with(
        data.path(),
        &["new", "--force", "Dorset Police", "--period", "2012"],
        &[("PROBITY_TEST_PANIC", "1")],
    );
    pty.wait_for("deliberate panic");
    assert!(!pty.finish(), "a panic is not a clean exit");
    assert!(
        !pty.parser.screen().alternate_screen(),
        "the main screen is back"
    );
    assert!(
        data.path().join("dorset-police-2012.toml").exists(),
        "the new file was kept"
    );
}

#[test]
fn the_real_cursor_stands_where_text_is_typed() {
    let data = tempfile::tempdir().unwrap();
    let (mut pty, _) = new_dorset(data.path());
    assert!(
        pty.parser.screen().hide_cursor(),
        "no cursor while moving around"
    );
    pty.keys("o", "Leave empty to clear");
    pty.keys("Xyzzy", "Xyzzy");
    let screen = pty.parser.screen();
    assert!(!screen.hide_cursor(), "the cursor is shown while typing");
    let (row, col) = screen.cursor_position();
    let left = screen.contents_between(row, 0, row, col);
    assert!(left.ends_with("Xyzzy"), "left of the cursor: {left:?}");
    pty.keys("\x1b", "");
    pty.wait_gone("Leave empty to clear");
    pty.keys("Q", "");
    assert!(pty.finish());
}

#[test]
fn a_dumb_terminal_gets_the_questions_as_plain_lines() {
    let data = tempfile::tempdir().unwrap();
    let dumb = [("TERM", "dumb")];
    let new = ["new", "--force", "Dorset Police", "--period", "2012"];
    let mut pty = Pty::spawn_with(data.path(), &new, &dumb);
    pty.wait_for("cannot draw the full-screen interface");
    pty.wait_for("Question 2 of 86");
    pty.keys("q\r", "Stopped.");
    assert!(pty.finish());
    let mut pty = Pty::spawn_with(data.path(), &["open", "dorset-police-2012.toml"], &dumb);
    pty.wait_for("Question 2 of 86");
    pty.keys("Head of PSD\r", "Saved: Head of PSD.");
    pty.keys("q\r", "Stopped.");
    assert!(pty.finish());
    let controls: Vec<u8> = pty
        .raw
        .iter()
        .copied()
        .filter(|&b| b < 0x20 && !b"\r\n\t".contains(&b))
        .collect();
    assert_eq!(
        controls,
        Vec::<u8>::new(),
        "no escape or other control bytes"
    );
    let saved = std::fs::read_to_string(data.path().join("dorset-police-2012.toml")).unwrap();
    assert!(saved.contains("value = \"Dorset Police\""), "{saved}");
}
