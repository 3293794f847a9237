//! Two copies of probity on one assessment: each takes the lock before it reads, a command
//! that finds the lock held waits its turn and says whom it waits for, and no answer
//! acknowledged as saved is lost.

use std::path::{Path, PathBuf};
use std::time::Duration;

use probity_core::storage::Lock;

use crate::support::{Setting, built_in, catalog, probity, text};

/// A blank Dorset 2012 assessment on the wfof-2011 checklist in `home`.
fn blank(home: &Path) -> PathBuf {
    let out = probity()
        .home(home)
        .today("2012-12-01")
        .args(["--as", "Jo Bloggs"])
        .args([
            "new",
            "--force",
            "Dorset Police",
            "--period",
            "2012",
            "--no-tui",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    home.join("dorset-police-2012.toml")
}

fn answer(home: &Path, wait: &str) -> std::process::Command {
    let mut cmd = std::process::Command::new(crate::support::binary());
    cmd.env_remove("PROBITY_HOME")
        .home(home)
        .today("2012-12-01")
        .env("PROBITY_WAIT", wait)
        .arg("answer");
    cmd
}

#[test]
fn two_processes_answering_different_items_lose_nothing_and_wait_their_turn() {
    const EACH: usize = 40;
    let home = tempfile::tempdir().unwrap();
    let path = blank(home.path());
    let items: Vec<String> = built_in("wfof-2011")
        .items()
        .map(|i| i.id.clone())
        .take(2 * EACH)
        .collect();
    assert_eq!(items.len(), 2 * EACH, "the checklist has enough items");

    let runs: Vec<_> = (0..2)
        .map(|p| {
            let home = home.path().to_path_buf();
            let path = path.clone();
            let mine: Vec<String> = items.iter().skip(p).step_by(2).cloned().collect();
            std::thread::spawn(move || {
                mine.into_iter()
                    .map(|item| {
                        let note = format!("note from process {p} on {item}");
                        let out = answer(&home, "60")
                            .args(["--as", &format!("Writer {p}")])
                            .arg(&path)
                            .args([item.as_str(), "--note", note.as_str()])
                            .output()
                            .unwrap();
                        (item, note, out)
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let results: Vec<_> = runs.into_iter().flat_map(|r| r.join().unwrap()).collect();

    let (assessment, _) = probity_core::assessment::load(&path, catalog()).unwrap();
    let mut waited = 0;
    for (item, note, out) in &results {
        let stderr = text(&out.stderr);
        assert!(out.status.success(), "{item} refused: {stderr}");
        assert!(stderr.contains("Saved "), "{item}: {stderr}");
        waited += usize::from(stderr.contains("Waiting up to 60 s for"));
        assert_eq!(
            assessment.answer(item).and_then(|a| a.note.as_deref()),
            Some(note.as_str()),
            "{item} was acknowledged as saved but is not in the file"
        );
    }
    eprintln!("{} answers, {waited} waited for the lock", results.len());

    // Nothing was interrupted, so nothing is recorded as undone, and the record holds.
    let history = std::fs::read_to_string(probity_core::history::path_for(&path)).unwrap();
    assert!(
        !history.contains("\"unsaved\""),
        "a change recorded as undone"
    );
    assert!(
        !history.contains("\"outside\""),
        "a change recorded as made outside"
    );
    let out = probity()
        .home(home.path())
        .arg("verify")
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stdout));
}

#[test]
fn a_command_waits_for_the_lock_and_names_who_holds_it() {
    let home = tempfile::tempdir().unwrap();
    let path = blank(home.path());
    let lock = Lock::acquire(&path).unwrap();
    lock.describe_holder("A. Colleague (process 4242)");
    let child = answer(home.path(), "30")
        .arg(&path)
        .args(["media.policy", "yes"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(700));
    let before = std::fs::read_to_string(&path).unwrap();
    assert!(
        !before.contains("media.policy"),
        "it wrote while the lock was held"
    );
    drop(lock);
    let out = child.wait_with_output().unwrap();
    let stderr = text(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains(
            "Waiting up to 30 s for another probity window (A. Colleague (process 4242)), which has "
        ),
        "{stderr}"
    );
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("media.policy")
    );
}

#[test]
fn a_command_gives_up_when_the_lock_is_not_let_go_in_time() {
    let home = tempfile::tempdir().unwrap();
    let path = blank(home.path());
    let before = std::fs::read(&path).unwrap();
    let _lock = Lock::acquire(&path).unwrap();
    let out = answer(home.path(), "0")
        .arg(&path)
        .args(["media.policy", "yes"])
        .output()
        .unwrap();
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("is still open in another probity window after waiting 0 s; close it there and try again"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn opening_a_missing_file_leaves_no_lock_behind() {
    let home = tempfile::tempdir().unwrap();
    let missing = home.path().join("nowhere-2012.toml");
    let out = answer(home.path(), "0")
        .arg(&missing)
        .args(["media.policy", "yes"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(!Lock::path_for(&missing).exists());
}
