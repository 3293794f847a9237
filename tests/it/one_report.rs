//! One gap report per file: the command line and the interface's export build it through the
//! same use case, so the same file gives the same document from either front end, however it
//! is named, with its revisit verdicts measured against the earlier period beside it.

use std::path::{Path, PathBuf};

use probity::tui::{Action, App, update::update};
use probity_core::workspace::Workspace;

use crate::support::{Setting, fixture, probity, stdout};

const TODAY: &str = "2014-01-10";

/// Dorset 2012 and 2013 side by side in `folder`; the path of 2013.
fn two_years(folder: &Path) -> PathBuf {
    std::fs::create_dir_all(folder).unwrap();
    for name in ["dorset-2012.toml", "dorset-2013.toml"] {
        std::fs::copy(fixture(name), folder.join(name)).unwrap();
    }
    folder.join("dorset-2013.toml")
}

/// The Markdown report `probity report FILE` prints, run in `dir` with an empty data folder.
fn cli_report(dir: &Path, home: &Path, file: &Path) -> String {
    stdout(
        probity()
            .current_dir(dir)
            .home(home)
            .today(TODAY)
            .arg("report")
            .arg(file),
    )
}

const MEASURED: &str = "measured against the force's assessment for 2012";

#[test]
fn the_interface_exports_the_report_the_command_line_prints() {
    let root = tempfile::tempdir().unwrap();
    let home = root.path().join("home");
    let file = two_years(&root.path().join("folder"));
    let from_cli = cli_report(root.path(), &home, &file);
    assert!(from_cli.contains(MEASURED), "{from_cli}");

    let ws = Workspace::new(Some(&home), jiff::civil::date(2014, 1, 10)).unwrap();
    let mut app = App::open(ws, &file).unwrap();
    app.start_dir = root.path().to_path_buf();
    update(&mut app, Action::OpenExport);
    update(&mut app, Action::Submit);
    let exported = root.path().join("dorset-2013-report.md");
    let from_tui = std::fs::read_to_string(&exported).unwrap();
    assert_eq!(
        from_tui, from_cli,
        "the export and the command line differ for the same file"
    );
    assert!(
        from_tui.contains("**Overall: some progress.**"),
        "{from_tui}"
    );
}

#[test]
fn a_bare_relative_or_absolute_name_gives_the_same_report() {
    let root = tempfile::tempdir().unwrap();
    let home = root.path().join("home");
    let folder = root.path().join("folder");
    let file = two_years(&folder);
    let bare = cli_report(&folder, &home, Path::new("dorset-2013.toml"));
    let relative = cli_report(root.path(), &home, Path::new("folder/dorset-2013.toml"));
    let dotted = cli_report(&folder, &home, Path::new("./dorset-2013.toml"));
    let absolute = cli_report(Path::new("/"), &home, &file);
    assert!(bare.contains(MEASURED), "{bare}");
    assert_eq!(bare, relative);
    assert_eq!(bare, dotted);
    assert_eq!(bare, absolute);
}
