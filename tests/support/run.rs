//! Running the real binary on the fixtures, for tests that read what it writes.

use std::path::Path;

/// What probity writes to standard output (a pipe here) when run in `tests/fixtures` with
/// these arguments on 30 September 2013; fails the test if it does not succeed.
pub fn probity(args: &[&str]) -> Vec<u8> {
    let out = assert_cmd::Command::cargo_bin("probity")
        .unwrap()
        .env("PROBITY_TODAY", "2013-09-30")
        .env_remove("PROBITY_HOME")
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}
