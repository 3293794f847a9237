//! The injection corpus through every error path and every year-on-year format, as a user
//! meets them on the command line: whatever a file holds, and whatever it is named, nothing
//! that reaches the terminal or a document can carry a control, bidi or invisible character.

use std::path::Path;

use crate::support::corpus::{CORPUS, is_inert};
use crate::support::{Setting, probity, text};

fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// `probity ARGS`: its exit code, standard output and standard error.
fn run(home: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let out = probity()
        .args(args)
        .home(home)
        .today("2013-06-01")
        .output()
        .unwrap();
    (out.status.code(), text(&out.stdout), text(&out.stderr))
}

/// An assessment of `force` for `period` with the payload in every free-text place, in an
/// answer to no item, and as that answer's id.
fn hostile(force: &str, period: &str) -> String {
    let p = toml_string(&CORPUS.join(" "));
    let id = toml_string(&format!("orphan {} {}", CORPUS[12], CORPUS[13]));
    format!(
        "format = 1\nchecklist = \"wfof-2011\"\nforce = {force}\nperiod = {period:?}\nassessor = {p}\n\
         [answers.\"gifts.policy\"]\nvalue = \"no\"\nnote = {p}\nevidence = [{p}]\nowner = {p}\n\
         [answers.\"media.social.cases_outcome\"]\nvalue = {p}\n\
         [answers.{id}]\nvalue = {p}\nnote = {p}\n",
        force = toml_string(force),
    )
}

#[test]
fn every_error_path_keeps_the_payload_off_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let p = toml_string(&CORPUS.join(" "));
    let mut files = Vec::new();
    let mut write = |name: String, text: String| {
        let path = d.join(name);
        std::fs::write(&path, text).unwrap();
        files.push(path);
    };
    // A value that does not fit, shown in the message.
    write(
        "unfit.toml".into(),
        format!(
            "format = 1\nchecklist = \"wfof-2011\"\nforce = \"F\"\nperiod = \"1\"\n[answers.\"gifts.policy\"]\nvalue = {p}\n"
        ),
    );
    // A checklist that is not there, named by the payload.
    write(
        "missing.toml".into(),
        format!(
            "format = 1\nchecklist = {}\nforce = \"F\"\nperiod = \"1\"\n",
            toml_string(CORPUS[13])
        ),
    );
    // An unknown field whose name is the payload.
    write(
        "field.toml".into(),
        format!(
            "format = 1\nchecklist = \"wfof-2011\"\nforce = \"F\"\nperiod = \"1\"\n{} = 1\n",
            toml_string(CORPUS[12])
        ),
    );
    // A file whose very name is the payload, and whose content is broken.
    write(
        format!("evil{}.toml", CORPUS[12]),
        "format = 1\nforce = [\n".into(),
    );
    // A checklist with the payload written as escapes in its strings.
    write(
        "checklist.toml".into(),
        format!(
            "id = \"x\"\ntitle = {p}\nversion = \"1\"\nprovenance = \"p\"\n[[areas]]\nid = \"a\"\ntitle = \"A\"\nquestion = \"Q\"\n[[areas.items]]\nid = \"i\"\nprompt = {p}\nkind = \"status\"\n"
        ),
    );
    // A sound assessment: its warnings name the payload's orphan.
    write("sound.toml".into(), hostile(CORPUS[17], "2012"));
    for file in &files {
        for command in ["check", "report", "sign"] {
            let mut args = vec![command, file.to_str().unwrap()];
            if command == "sign" {
                args.extend(["--by", "A", "--role", "B"]);
            }
            let (code, stdout, stderr) = run(d, &args);
            assert!(is_inert(&stderr), "{command} {file:?}: {stderr:?}");
            if command != "report" {
                assert!(is_inert(&stdout), "{command} {file:?}: {stdout:?}");
            }
            if !file.ends_with("sound.toml") {
                assert_eq!(code, Some(1), "{command} {file:?}: {stderr}");
            }
        }
    }
    let (_, _, stderr) = run(d, &["check", d.join("checklist.toml").to_str().unwrap()]);
    assert!(stderr.contains("written as an escape"), "{stderr}");
    // A batch: every bad file is listed, and the summary of the rest is clean.
    for format in ["md", "html", "json", "csv"] {
        let (code, stdout, stderr) = run(d, &["summary", d.to_str().unwrap(), "--format", format]);
        assert_eq!(code, Some(1));
        assert!(is_inert(&stdout), "summary {format}: {stdout:?}");
        assert!(is_inert(&stderr), "summary {format}: {stderr:?}");
    }
}

#[test]
fn compare_trend_and_summary_of_hostile_files_are_inert_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (old, new) = (d.join("2012.toml"), d.join("2013.toml"));
    std::fs::write(&old, hostile(CORPUS[17], "2012")).unwrap();
    std::fs::write(&new, hostile(CORPUS[17], "2013")).unwrap();
    let (old, new, folder) = (
        old.to_str().unwrap(),
        new.to_str().unwrap(),
        d.to_str().unwrap(),
    );
    let mut runs = Vec::new();
    for format in ["md", "html", "json"] {
        runs.push(vec!["compare", old, new, "--format", format]);
        runs.push(vec!["trend", folder, "--format", format]);
    }
    for format in ["md", "html", "json", "csv"] {
        runs.push(vec!["summary", folder, "--format", format]);
    }
    for args in runs {
        let (code, stdout, stderr) = run(d, &args);
        assert_eq!(code, Some(0), "{args:?}: {stderr}");
        assert!(is_inert(&stdout), "{args:?}: {stdout:?}");
        assert!(is_inert(&stderr), "{args:?}: {stderr:?}");
        // The zero-width characters are gone from the force's name, so it is one force. (The
        // summary's CSV names forces only beside the rules that flag them.)
        assert!(
            stdout.contains("Dorset Police") || args.contains(&"csv"),
            "{args:?}: {stdout}"
        );
    }
}
