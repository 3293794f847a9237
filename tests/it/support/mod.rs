//! What the integration tests share: the real binary, the fixtures, the built-in checklists
//! read once per test process, and readers for the files probity writes.

pub mod corpus;
pub mod word;

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::LazyLock;

use assert_cmd::Command;
use probity_core::checklist::{Catalog, Checklist};

/// The real binary, with no data folder taken from the environment. Each test says which day
/// it is ([`Setting::today`]) and which data folder it uses ([`Setting::home`]).
pub fn probity() -> Command {
    let mut cmd = Command::new(binary());
    cmd.env_remove("PROBITY_HOME").env_remove("PROBITY_TODAY");
    cmd
}

/// The probity binary cargo built for these tests.
pub fn binary() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_probity"))
}

/// The settings a test gives the binary, as `assert_cmd` or the standard library runs it.
pub trait Setting {
    /// The data folder, as `PROBITY_HOME`.
    fn home(&mut self, folder: impl AsRef<OsStr>) -> &mut Self;
    /// The day probity takes as today, as `PROBITY_TODAY` (`YYYY-MM-DD`).
    fn today(&mut self, date: &str) -> &mut Self;
}

impl Setting for Command {
    fn home(&mut self, folder: impl AsRef<OsStr>) -> &mut Self {
        self.env("PROBITY_HOME", folder)
    }

    fn today(&mut self, date: &str) -> &mut Self {
        self.env("PROBITY_TODAY", date)
    }
}

impl Setting for std::process::Command {
    fn home(&mut self, folder: impl AsRef<OsStr>) -> &mut Self {
        self.env("PROBITY_HOME", folder)
    }

    fn today(&mut self, date: &str) -> &mut Self {
        self.env("PROBITY_TODAY", date)
    }
}

/// A file in `tests/fixtures`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The built-in checklists (and no user's), each read once for the whole test process.
pub fn catalog() -> &'static Catalog {
    static CATALOG: LazyLock<Catalog> = LazyLock::new(|| Catalog::discover(None));
    &CATALOG
}

/// A built-in checklist by id.
pub fn built_in(id: &str) -> Checklist {
    catalog()
        .resolve(id, None)
        .unwrap_or_else(|e| panic!("{id}: {e}"))
}

/// What probity writes to standard output (a pipe here) when run in `tests/fixtures` with
/// these arguments on 30 September 2013; fails the test if it does not succeed.
pub fn in_fixtures(args: &[&str]) -> Vec<u8> {
    let out = probity()
        .today("2013-09-30")
        .current_dir(fixture(""))
        .args(args)
        .output()
        .unwrap();
    succeeded(&out);
    out.stdout
}

/// What `cmd` prints to standard output; fails the test unless it succeeds.
pub fn stdout(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    succeeded(&out);
    String::from_utf8(out.stdout).unwrap()
}

/// Fails the test, showing what probity said, unless it exited 0.
pub fn succeeded(out: &Output) {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Output as text, whatever bytes it holds.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Standard error with miette's wrapped lines joined back up, for matching whole messages.
pub fn joined_stderr(out: &Output) -> String {
    text(&out.stderr).replace("\n  │ ", " ")
}

/// Makes a named pipe at `path`.
#[cfg(unix)]
pub fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
}

/// One test per case of a table, so the runner can spread them: `case_tests!(run; a_b, c)`
/// makes `#[test] fn a_b() { run("a-b") }` for each case, and `NAMES`, the cases it covers,
/// for a test that the table and the tests agree.
macro_rules! case_tests {
    ($run:path; $($case:ident),+ $(,)?) => {
        $(
            #[test]
            fn $case() {
                $run(&stringify!($case).replace('_', "-"));
            }
        )+
        const NAMES: &[&str] = &[$(stringify!($case)),+];
    };
}
pub(crate) use case_tests;
