//! What probity leaves on disk when things go wrong: a disk that fills up mid-write leaves the
//! complete file or none, leftovers of a killed save are cleared, and no file probity opens can
//! be anything but a regular file.

use std::path::Path;
use std::process::Command as Process;

use assert_cmd::cargo::cargo_bin;

const DORSET: &str = "tests/fixtures/dorset-2012.toml";

/// Runs probity with files limited to `kib` KiB, as a full disk would: the write that crosses
/// the limit fails with "file too large" (the signal that would kill the process is ignored).
fn probity_on_a_small_disk(home: &Path, kib: u32, args: &[&str]) -> std::process::Output {
    let script = format!("trap '' XFSZ; ulimit -f {kib}; exec \"$0\" \"$@\"");
    Process::new("sh")
        .arg("-c")
        .arg(script)
        .arg(cargo_bin("probity"))
        .args(args)
        .env("PROBITY_HOME", home)
        .env("PROBITY_TODAY", "2012-12-01")
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
    // Nothing but the lock: no empty assessment to trip over on the next try.
    assert_eq!(
        names(dir.path()),
        ["dorset-police-2013.toml.lock"],
        "{run:?}"
    );
    let run = probity_on_a_small_disk(
        dir.path(),
        1024,
        &["new", "--from", DORSET, "--period", "2013", "--no-tui"],
    );
    assert!(run.status.success(), "{run:?}");
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
