//! What probity leaves on disk when things go wrong: a disk that fills up mid-write leaves the
//! complete file or none, leftovers of a killed save are cleared, and no file probity opens can
//! be anything but a regular file.

use std::path::Path;
use std::process::Command as Process;

use crate::support::{Setting, binary, mkfifo, probity};

const DORSET: &str = "tests/fixtures/dorset-2012.toml";

/// Runs probity with files limited to `kib` KiB, as a full disk would: the write that crosses
/// the limit fails with "file too large" (the signal that would kill the process is ignored).
fn probity_on_a_small_disk(home: &Path, kib: u32, args: &[&str]) -> std::process::Output {
    let script = format!("trap '' XFSZ; ulimit -f {kib}; exec \"$0\" \"$@\"");
    Process::new("sh")
        .arg("-c")
        .arg(script)
        .arg(binary())
        .args(args)
        .home(home)
        .today("2012-12-01")
        .output()
        .unwrap()
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[cfg(unix)]
#[test]
fn a_full_disk_leaves_no_half_written_report_or_assessment() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("dorset.html");
    let run = probity_on_a_small_disk(
        dir.path(),
        4,
        &[
            "report",
            DORSET,
            "--format",
            "html",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(run.status.code(), Some(1), "{run:?}");
    assert!(
        String::from_utf8_lossy(&run.stderr).contains("could not save"),
        "{run:?}"
    );
    assert!(names(dir.path()).is_empty(), "{:?}", names(dir.path()));

    let run = probity_on_a_small_disk(
        dir.path(),
        2,
        &["new", "--from", DORSET, "--period", "2013", "--no-tui"],
    );
    assert_eq!(run.status.code(), Some(1), "{run:?}");
    // A failed start leaves nothing behind: no assessment, empty or part-written, to trip over
    // on the next try, no temporary file, no lock, and no history of an assessment that was
    // never made.
    assert!(names(dir.path()).is_empty(), "{:?}", names(dir.path()));
    let run = probity_on_a_small_disk(
        dir.path(),
        1024,
        &["new", "--from", DORSET, "--period", "2013", "--no-tui"],
    );
    assert!(run.status.success(), "{run:?}");
    // The retry records one creation, not a second.
    let history =
        std::fs::read_to_string(dir.path().join("dorset-police-2013.history.jsonl")).unwrap();
    assert_eq!(history.matches("\"created\"").count(), 1, "{history}");
}

#[test]
fn opening_an_assessment_clears_what_a_killed_save_left_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dorset.toml");
    std::fs::copy(DORSET, &path).unwrap();
    let stale = dir.path().join(".probity-dorset.toml.k1LLed.tmp");
    let other = dir.path().join(".probity-durham.toml.k1LLed.tmp");
    std::fs::write(&stale, "a full copy of the assessment").unwrap();
    std::fs::write(&other, "another file's save, perhaps under way").unwrap();
    let ws =
        probity_core::workspace::Workspace::new(Some(dir.path()), jiff::civil::date(2012, 12, 1))
            .unwrap();
    let opened = ws.open(&path).unwrap();
    assert!(!opened.read_only());
    assert!(!stale.exists());
    assert!(other.exists());
}

/// Runs `script` as root of its own user and mount namespaces, where it may mount a folder
/// read-only; `None` where the system does not allow that.
#[cfg(target_os = "linux")]
fn in_own_mount_namespace(script: &str, args: &[&Path]) -> Option<std::process::Output> {
    let usable = Process::new("unshare")
        .args(["-rm", "true"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !usable {
        eprintln!("skipped: unshare -rm is not permitted here");
        return None;
    }
    Some(
        Process::new("unshare")
            .args(["-rm", "sh", "-c", script, "sh"])
            .args(args)
            .today("2012-12-01")
            .output()
            .unwrap(),
    )
}

#[cfg(target_os = "linux")]
#[test]
fn an_assessment_on_a_read_only_mount_is_read_not_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dorset.toml");
    std::fs::copy(DORSET, &path).unwrap();
    let before = std::fs::read(&path).unwrap();
    let script = "mount --bind \"$1\" \"$1\" && mount -o remount,bind,ro \"$1\" \
        && PROBITY_HOME=\"$1\" \"$2\" check \"$3\" && PROBITY_HOME=\"$1\" exec \"$2\" sign \"$3\" --by A --role B";
    let Some(run) = in_own_mount_namespace(script, &[dir.path(), binary(), &path]) else {
        return;
    };
    let stderr = String::from_utf8_lossy(&run.stderr);
    // Read (check succeeds), then opened read-only rather than refused for want of a lock.
    assert!(
        String::from_utf8_lossy(&run.stdout).contains("is valid"),
        "{run:?}"
    );
    assert_eq!(run.status.code(), Some(1), "{run:?}");
    assert!(
        stderr.contains("folder cannot be written to, so it is read-only here"),
        "{stderr}"
    );
    assert!(!stderr.contains("could not lock"), "{stderr}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(names(dir.path()), ["dorset.toml"]);
}

/// `probity ARGS` with a deadline, so a hang fails the test instead of stalling it.
fn run(home: &Path, args: &[&str]) -> std::process::Output {
    probity()
        .args(args)
        .home(home)
        .today("2012-12-01")
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap()
}

/// An assessment in `dir` naming `checklist`.
fn naming(dir: &Path, checklist: &str) -> std::path::PathBuf {
    let path = dir.join("a.toml");
    std::fs::write(
        &path,
        format!("format = 1\nchecklist = {checklist:?}\nforce = \"F\"\nperiod = \"2012\"\n"),
    )
    .unwrap();
    path
}

#[cfg(unix)]
#[test]
fn a_checklist_path_reaches_only_regular_files_in_probitys_places() {
    let root = tempfile::tempdir().unwrap();
    let home = root.path().join("home");
    std::fs::create_dir_all(home.join("checklists")).unwrap();
    let dir = root.path().join("returns");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(
        root.path().join("secret.toml"),
        "id = \"password: hunter2\"\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(root.path().join("secret.toml"), dir.join("link.toml")).unwrap();
    mkfifo(&dir.join("pipe.toml"));
    let _socket = std::os::unix::net::UnixListener::bind(dir.join("socket.toml")).unwrap();
    let outside = "is outside the folders a checklist may be read from";
    for (checklist, message) in [
        ("/etc/passwd", outside),
        ("../../../../../../../../etc/passwd", outside),
        ("../secret.toml", outside),
        ("link.toml", outside),
        ("/dev/zero", outside),
        ("pipe.toml", "is a named pipe (FIFO), not a regular file"),
        ("socket.toml", "is a socket, not a regular file"),
        ("sub/", "is a folder, not a regular file"),
        ("missing.toml", "no such file or directory"),
    ] {
        let file = naming(&dir, checklist);
        for command in ["check", "report"] {
            let run = run(&home, &[command, file.to_str().unwrap()]);
            let stderr = String::from_utf8_lossy(&run.stderr).replace("\n  │ ", " ");
            assert_eq!(run.status.code(), Some(1), "{checklist}: {stderr}");
            assert!(stderr.contains(message), "{checklist}: {stderr}");
            assert!(stderr.contains("a.toml:2:13"), "{checklist}: {stderr}");
            assert!(
                !stderr.contains("root:") && !stderr.contains("hunter2"),
                "nothing is read from it: {stderr}"
            );
        }
    }
    // Inside the assessment's folder, or probity's checklist folder by absolute path: read.
    let checklist = std::fs::read_to_string("tests/fixtures/checklists/wfof-2013.toml").unwrap();
    std::fs::write(dir.join("sub/mine.toml"), &checklist).unwrap();
    std::fs::write(home.join("checklists/ours.toml"), &checklist).unwrap();
    for name in [
        "sub/mine.toml".to_string(),
        "./sub/../sub/mine.toml".to_string(),
        home.join("checklists/ours.toml").display().to_string(),
    ] {
        let file = naming(&dir, &name);
        let run = run(&home, &["check", file.to_str().unwrap()]);
        assert!(run.status.success(), "{name}: {run:?}");
    }
}

#[cfg(unix)]
#[test]
fn a_fifo_in_place_of_an_assessment_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("a.toml");
    mkfifo(&fifo);
    let out = dir.path().join("r.html");
    for args in [
        vec!["check", fifo.to_str().unwrap()],
        vec![
            "report",
            fifo.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
        vec!["sign", fifo.to_str().unwrap(), "--by", "A", "--role", "B"],
        vec!["summary", fifo.to_str().unwrap()],
        vec![
            "new",
            "--from",
            fifo.to_str().unwrap(),
            "--period",
            "2013",
            "--no-tui",
        ],
    ] {
        let run = run(dir.path(), &args);
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(
            stderr.contains("is a named pipe (FIFO), not a regular file"),
            "{args:?}: {stderr}"
        );
    }
}
