//! A corpus of malformed input: every case is refused by `probity check` (and, for an
//! assessment, by `sign`, which would write it) with exit code 1, a message saying what is
//! wrong, where (file, line and column, or the file alone when the fault is the whole file),
//! in a few lines, with nothing that could drive the terminal, and the file left untouched.

use std::path::{Path, PathBuf};

use probity_testkit::chain_checklist;

use crate::support::{Setting, case_tests, joined_stderr, mkfifo, probity};

/// The head every assessment case starts from: four lines.
const HEAD: &str = "format = 1\nchecklist = \"wfof-2011\"\nforce = \"F\"\nperiod = \"2012\"\n";

/// A minimal checklist of one area and one item: ten lines.
const LIST: &str = "id = \"c\"\ntitle = \"C\"\nversion = \"1\"\nprovenance = \"p\"\n[[areas]]\nid = \"a\"\ntitle = \"A\"\nquestion = \"Q\"\n[[areas.items]]\nid = \"i\"\nprompt = \"P\"\nkind = \"status\"\n";

enum Body {
    Text(String),
    Bytes(Vec<u8>),
    Folder,
    #[cfg(unix)]
    Fifo,
}

struct Case {
    name: &'static str,
    assessment: bool,
    body: Body,
    /// Files or folders the case needs beside it.
    setup: fn(&Path),
    message: &'static str,
    /// `line:column`, or `None` when the fault is the file as a whole.
    at: Option<&'static str>,
}

fn nothing(_: &Path) {}

fn a(name: &'static str, text: String, message: &'static str, at: &'static str) -> Case {
    Case {
        name,
        assessment: true,
        body: Body::Text(text),
        setup: nothing,
        message,
        at: Some(at),
    }
}

fn c(name: &'static str, text: String, message: &'static str, at: &'static str) -> Case {
    Case {
        assessment: false,
        ..a(name, text, message, at)
    }
}

/// An assessment answering `item` with the TOML `value` (line 6, column 9).
fn answer(item: &str, value: &str) -> String {
    format!("{HEAD}[answers.\"{item}\"]\nvalue = {value}\n")
}

/// An assessment giving `gifts.policy` the TOML due date `due` (line 6, column 7).
fn due(due: &str) -> String {
    format!("{HEAD}[answers.\"gifts.policy\"]\ndue = {due}\n")
}

/// An assessment naming `checklist` (line 2, column 13).
fn naming(checklist: &str) -> String {
    HEAD.replace(
        "\"wfof-2011\"",
        &toml::Value::String(checklist.into()).to_string(),
    )
}

fn cases() -> Vec<Case> {
    let deep = format!("{HEAD}x = {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
    let mut cycle = chain_checklist(45_000);
    cycle.push_str("ask_if={item=\"i0\",answered=false}\n");
    let mut v = vec![
        // The file as a whole.
        a("empty", String::new(), "the file is empty", "1:1"),
        a("blank", " \n\t\n".into(), "the file is empty", "1:1"),
        a(
            "no-format",
            HEAD.replace("format = 1\n", ""),
            "has no `format = 1` line",
            "1:1",
        ),
        a(
            "newer-format",
            HEAD.replace("format = 1", "format = 99"),
            "written in file format 99 by a newer version",
            "1:10",
        ),
        a(
            "format-zero",
            HEAD.replace("format = 1", "format = 0"),
            "`format` must be 1, not 0",
            "1:10",
        ),
        a(
            "format-text",
            HEAD.replace("format = 1", "format = \"1\""),
            "`format` must be 1",
            "1:10",
        ),
        a(
            "missing-force",
            HEAD.replace("force = \"F\"\n", ""),
            "missing field `force`",
            "1:1",
        ),
        a(
            "empty-force",
            HEAD.replace("force = \"F\"", "force = \" \""),
            "`force` must not be empty",
            "3:9",
        ),
        a(
            "invisible-force",
            HEAD.replace("force = \"F\"", "force = \"\\u200B\\uFEFF\""),
            "`force` must not be empty",
            "3:9",
        ),
        a(
            "empty-period",
            HEAD.replace("period = \"2012\"", "period = \"\""),
            "`period` must not be empty",
            "4:10",
        ),
        a(
            "unknown-field",
            format!("{HEAD}colour = \"red\"\n"),
            "unknown field `colour`",
            "5:1",
        ),
        a(
            "unknown-answer-field",
            format!("{HEAD}[answers.\"gifts.policy\"]\ncomment = \"x\"\n"),
            "unknown field `comment`",
            "6:1",
        ),
        a(
            "unknown-stage",
            format!("{HEAD}stage = \"signed\"\n"),
            "unknown variant `signed`",
            "5:9",
        ),
        a(
            "answers-not-a-table",
            format!("{HEAD}answers = 3\n"),
            "invalid type: integer `3`",
            "5:11",
        ),
        a(
            "review-not-a-flag",
            format!("{HEAD}[answers.\"gifts.policy\"]\nreview = \"yes\"\n"),
            "invalid type: string \"yes\", expected a boolean",
            "6:10",
        ),
        a(
            "evidence-not-a-list",
            format!("{HEAD}[answers.\"gifts.policy\"]\nevidence = \"x\"\n"),
            "invalid type: string \"x\", expected a sequence",
            "6:12",
        ),
        a(
            "syntax",
            format!("{HEAD}assessor = \"unterminated\n"),
            "invalid basic string, expected `\"`",
            "5:25",
        ),
        a(
            "duplicate-key",
            format!(
                "{HEAD}[answers.\"gifts.policy\"]\nvalue = \"yes\"\n[answers.\"gifts.policy\"]\n"
            ),
            "duplicate key",
            "7:10",
        ),
        a(
            "answered-twice-once-hidden",
            format!(
                "{HEAD}[answers.\"gifts.policy\"]\nvalue = \"yes\"\n[answers.\"gifts.pol\\u200Bicy\"]\nvalue = \"no\"\n"
            ),
            "\"gifts.policy\" is answered twice, once with characters that do not show",
            "7:10",
        ),
        // Values that do not fit their item.
        a(
            "status-maybe",
            answer("gifts.policy", "\"maybe\""),
            "takes one of \"yes\", \"partial\", \"no\" or \"na\"",
            "6:9",
        ),
        a(
            "status-table",
            answer("gifts.policy", "{ a = 1 }"),
            "which does not fit",
            "6:9",
        ),
        a(
            "negative-count",
            answer("business.applications", "-3"),
            "takes a whole number of zero or more",
            "6:9",
        ),
        a(
            "fractional-count",
            answer("business.applications", "4.5"),
            "takes a whole number of zero or more",
            "6:9",
        ),
        a(
            "count-nan",
            answer("business.applications", "nan"),
            "takes a whole number of zero or more",
            "6:9",
        ),
        a(
            "huge-integer",
            answer("business.applications", "99999999999999999999"),
            "invalid type: integer `99999999999999999999`",
            "6:9",
        ),
        a(
            "number-infinite",
            answer("business.applications", "inf"),
            "takes a whole number of zero or more",
            "6:9",
        ),
        a(
            "percent-over",
            answer("training.coverage", "120"),
            "a percentage from 0 to 100",
            "6:9",
        ),
        a(
            "money-negative",
            answer("gifts.threshold", "-5"),
            "an amount in pounds and pence of zero or more",
            "6:9",
        ),
        a(
            "choice-unknown",
            answer("media.social.monitoring", "\"sometimes\""),
            "\"sometimes\", which does not fit",
            "6:9",
        ),
        a("text-number", answer("ctx.force", "3"), "takes text", "6:9"),
        a(
            "date-year-negative",
            answer("ctx.period_start", "\"-002012-09-01\""),
            "takes a date such as 2013-03-31",
            "6:9",
        ),
        a(
            "date-february-30-text",
            answer("ctx.period_start", "\"2013-02-30\""),
            "takes a date such as 2013-03-31",
            "6:9",
        ),
        a("due-february-30", due("2013-02-30"), "invalid", "6:7"),
        a(
            "due-february-30-text",
            due("\"2013-02-30\""),
            "is not a date such as 2013-03-31",
            "6:7",
        ),
        a(
            "due-year-negative",
            due("\"-000001-03-31\""),
            "is not a date such as 2013-03-31",
            "6:7",
        ),
        a(
            "due-year-zero",
            due("0000-03-31"),
            "is not a date such as 2013-03-31",
            "6:7",
        ),
        a(
            "due-with-time",
            due("2013-03-31T10:00:00"),
            "is 2013-03-31T10:00:00, which is not a date",
            "6:7",
        ),
        a(
            "due-number",
            due("20130331"),
            "is not a date such as 2013-03-31",
            "6:7",
        ),
        // Bytes a file should not hold.
        a(
            "nul-in-string",
            format!("{HEAD}assessor = \"a\0b\"\n"),
            "invalid basic string",
            "5:14",
        ),
        a(
            "bom-then-bad-value",
            format!("\u{FEFF}{}", answer("gifts.policy", "\"maybe\"")),
            "which does not fit",
            "6:9",
        ),
        a(
            "crlf-then-bad-value",
            answer("gifts.policy", "\"maybe\"").replace('\n', "\r\n"),
            "which does not fit",
            "6:9",
        ),
        a("deep-nesting", deep, "max recursion depth met", "5:85"),
        // The checklist an assessment names.
        a(
            "checklist-unknown-id",
            naming("nosuch"),
            "no checklist with id \"nosuch\"",
            "2:13",
        ),
        a(
            "checklist-absolute-elsewhere",
            naming("/etc/passwd"),
            "is outside the folders a checklist may be read from",
            "2:13",
        ),
        a(
            "checklist-escapes-upwards",
            naming("../../../../etc/passwd"),
            "is outside the folders a checklist may be read from",
            "2:13",
        ),
        a(
            "checklist-device",
            naming("/dev/zero"),
            "is outside the folders a checklist may be read from",
            "2:13",
        ),
        a(
            "checklist-missing",
            naming("missing.toml"),
            "no such file or directory",
            "2:13",
        ),
        Case {
            setup: |d| std::fs::create_dir(d.join("sub")).unwrap(),
            ..a(
                "checklist-folder",
                naming("sub/"),
                "is a folder, not a regular file",
                "2:13",
            )
        },
        Case {
            setup: |d| std::fs::write(d.join("broken.toml"), "id = [\n").unwrap(),
            // Located in the checklist itself; the assessment is named with it.
            at: None,
            ..a(
                "checklist-broken",
                naming("broken.toml"),
                "its checklist cannot be used",
                "1:",
            )
        },
        Case {
            setup: nothing,
            ..a(
                "checklist-named-with-hidden-characters",
                naming("no\u{200B}such"),
                "no checklist with id \"nosuch\"",
                "2:13",
            )
        },
        // Checklists.
        c("checklist-empty", String::new(), "the file is empty", "1:1"),
        c(
            "checklist-escape-raw",
            LIST.replace("title = \"C\"", "title = \"C\u{1b}[2J\""),
            "control character \\u{1b} in the file",
            "2:11",
        ),
        c(
            "checklist-escape-written",
            LIST.replace("title = \"C\"", "title = \"C\\u001b]2;pwned\\u0007\""),
            "control character \\u{1b} in a string, written as an escape",
            "2:9",
        ),
        c(
            "checklist-bidi-written",
            LIST.replace("prompt = \"P\"", "prompt = \"\\u202Efdp.exe\""),
            "control character \\u{202e} in a string, written as an escape",
            "11:10",
        ),
        c(
            "checklist-nul",
            LIST.replace("title = \"C\"", "title = \"C\0\""),
            "control character \\u{0} in the file",
            "2:11",
        ),
        c(
            "checklist-hidden-id",
            LIST.replace("id = \"i\"", "id = \"i\u{200B}\""),
            "item id \"i\u{200B}\" is not a valid id",
            "10:6",
        ),
        c(
            "checklist-hidden-option-id",
            LIST.replace(
                "kind = \"status\"",
                "kind = \"choice\"\noptions = [{ id = \"a\u{2060}\", label = \"A\" }]",
            ),
            "option id",
            "13:19",
        ),
        c(
            "checklist-duplicate-item",
            format!("{LIST}[[areas.items]]\nid = \"i\"\nprompt = \"P\"\nkind = \"status\"\n"),
            "duplicate item id \"i\"",
            "14:6",
        ),
        c(
            "checklist-credit-over",
            LIST.replace(
                "kind = \"status\"",
                "kind = \"choice\"\noptions = [{ id = \"a\", label = \"A\", credit = 2.0 }]",
            ),
            "credit must be between 0 and 1",
            "13:46",
        ),
        c(
            "checklist-weight-infinite",
            LIST.replace("kind = \"status\"", "kind = \"status\"\nweight = inf"),
            "weight must be a number greater than zero",
            "13:10",
        ),
        c(
            "checklist-deep-condition",
            LIST.replace(
                "kind = \"status\"",
                &format!(
                    "kind = \"status\"\nask_if = {}{{ item = \"i\", answered = true }}{}",
                    "{ not = ".repeat(200),
                    " }".repeat(200)
                ),
            ),
            "max recursion depth met",
            "13:650",
        ),
        c(
            "checklist-crlf-unknown-field",
            LIST.replace("kind = \"status\"", "kind = \"status\"\ncolour = 1")
                .replace('\n', "\r\n"),
            "unknown field `colour`",
            "13:1",
        ),
        c(
            "checklist-bom-unknown-field",
            format!(
                "\u{FEFF}{}",
                LIST.replace("kind = \"status\"", "kind = \"status\"\ncolour = 1")
            ),
            "unknown field `colour`",
            "13:1",
        ),
        c(
            "checklist-cycle-of-45000",
            cycle,
            "ask_if conditions form a cycle: i0 → i1 → i2 → i3 → i4 → i5 → … → i44999 → i0 (45000 items)",
            "14:8",
        ),
    ];
    v.push(Case {
        body: Body::Bytes(
            format!("{HEAD}assessor = \"caf\u{e9}\"\nnote = \"")
                .into_bytes()
                .into_iter()
                .chain(*b"\xff\xfe\"\n")
                .collect(),
        ),
        ..a(
            "invalid-utf8",
            String::new(),
            "the file is not UTF-8 text from here on",
            "6:9",
        )
    });
    v.push(Case {
        body: Body::Bytes(b"id = \"c\"\n\xc3\x28\n".to_vec()),
        ..c(
            "checklist-invalid-utf8",
            String::new(),
            "the file is not UTF-8 text from here on",
            "2:1",
        )
    });
    let big = format!("{HEAD}assessor = \"{}\"\n", "x".repeat(10 * 1024 * 1024));
    v.push(Case {
        at: None,
        ..a(
            "ten-megabyte-string",
            big,
            "is larger than 8 MB and was not read",
            "",
        )
    });
    let big = format!(
        "{LIST}[[areas.items]]\nid = \"j\"\nprompt = \"{}\"\nkind = \"status\"\n",
        "x".repeat(5 * 1024 * 1024)
    );
    v.push(Case {
        at: None,
        ..c("checklist-five-megabytes", big, "is larger than 4 MB", "")
    });
    v.push(Case {
        body: Body::Folder,
        at: None,
        ..a(
            "folder-for-a-file",
            String::new(),
            "is a folder, not a regular file",
            "",
        )
    });
    #[cfg(unix)]
    {
        v.push(Case {
            body: Body::Fifo,
            at: None,
            ..a(
                "fifo-for-a-file",
                String::new(),
                "is a named pipe (FIFO), not a regular file",
                "",
            )
        });
        v.push(Case {
            setup: |d| mkfifo(&d.join("pipe.toml")),
            ..a(
                "checklist-fifo",
                naming("pipe.toml"),
                "is a named pipe (FIFO), not a regular file",
                "2:13",
            )
        });
        v.push(Case {
            setup: |d| std::os::unix::fs::symlink("/etc/passwd", d.join("link.toml")).unwrap(),
            ..a(
                "checklist-link-out",
                naming("link.toml"),
                "is outside the folders a checklist may be read from",
                "2:13",
            )
        });
    }
    v
}

/// Every file and folder under `dir` with its bytes (a FIFO or folder as its kind), to show
/// nothing was created, changed or removed.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            let meta = std::fs::symlink_metadata(&path).unwrap();
            let bytes = if meta.is_file() {
                std::fs::read(&path).unwrap()
            } else {
                format!("{:?}", meta.file_type()).into_bytes()
            };
            (path, bytes)
        })
        .collect();
    out.sort();
    out
}

fn run(home: &Path, args: &[&str]) -> (Option<i32>, String) {
    let out = probity()
        .args(args)
        .home(home)
        .today("2013-06-01")
        .timeout(std::time::Duration::from_secs(30))
        .output()
        .unwrap();
    (out.status.code(), joined_stderr(&out))
}

/// The case named `name` is refused by `check` (and `sign`, for an assessment) with exit 1,
/// its message and place, in few lines with nothing that could drive the terminal, and its
/// folder is left as it was.
fn refused(name: &str) {
    let cases = cases();
    let case = cases
        .iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no case {name}"));
    let root = tempfile::tempdir().unwrap();
    let home = root.path().join("home");
    std::fs::create_dir(&home).unwrap();
    #[cfg(unix)]
    std::fs::set_permissions(&home, std::os::unix::fs::PermissionsExt::from_mode(0o700)).unwrap();
    let dir = root.path().join(case.name);
    std::fs::create_dir(&dir).unwrap();
    let file = dir.join("case.toml");
    match &case.body {
        Body::Text(t) => std::fs::write(&file, t).unwrap(),
        Body::Bytes(b) => std::fs::write(&file, b).unwrap(),
        Body::Folder => std::fs::create_dir(&file).unwrap(),
        #[cfg(unix)]
        Body::Fifo => mkfifo(&file),
    }
    (case.setup)(&dir);
    let before = snapshot(&dir);
    let path = file.to_str().unwrap();
    let commands: &[&str] = if case.assessment {
        &["check", "sign"]
    } else {
        &["check"]
    };
    for command in commands {
        let mut args = vec![*command, path];
        if *command == "sign" {
            args.extend(["--by", "A", "--role", "B"]);
        }
        let (code, stderr) = run(&home, &args);
        let place = match case.at {
            Some(at) => format!("{path}:{at}"),
            None => path.to_string(),
        };
        let safe = !stderr.chars().any(|c| c.is_control() && c != '\n');
        assert!(
            code == Some(1)
                && stderr.contains(case.message)
                && stderr.contains(&place)
                && safe
                && stderr.len() <= 4000,
            "{name} ({command}): exit {code:?}, wanted {:?} at {place}, {} bytes\n{}",
            case.message,
            stderr.len(),
            stderr.chars().take(1500).collect::<String>()
        );
        assert!(
            snapshot(&dir) == before,
            "{name} ({command}): the folder changed"
        );
    }
}

case_tests!(refused;
    empty,
    blank,
    no_format,
    newer_format,
    format_zero,
    format_text,
    missing_force,
    empty_force,
    invisible_force,
    empty_period,
    unknown_field,
    unknown_answer_field,
    unknown_stage,
    answers_not_a_table,
    review_not_a_flag,
    evidence_not_a_list,
    syntax,
    duplicate_key,
    answered_twice_once_hidden,
    status_maybe,
    status_table,
    negative_count,
    fractional_count,
    count_nan,
    huge_integer,
    number_infinite,
    percent_over,
    money_negative,
    choice_unknown,
    text_number,
    date_year_negative,
    date_february_30_text,
    due_february_30,
    due_february_30_text,
    due_year_negative,
    due_year_zero,
    due_with_time,
    due_number,
    nul_in_string,
    bom_then_bad_value,
    crlf_then_bad_value,
    deep_nesting,
    checklist_unknown_id,
    checklist_absolute_elsewhere,
    checklist_escapes_upwards,
    checklist_device,
    checklist_missing,
    checklist_folder,
    checklist_broken,
    checklist_named_with_hidden_characters,
    checklist_empty,
    checklist_escape_raw,
    checklist_escape_written,
    checklist_bidi_written,
    checklist_nul,
    checklist_hidden_id,
    checklist_hidden_option_id,
    checklist_duplicate_item,
    checklist_credit_over,
    checklist_weight_infinite,
    checklist_deep_condition,
    checklist_crlf_unknown_field,
    checklist_bom_unknown_field,
    checklist_cycle_of_45000,
    invalid_utf8,
    checklist_invalid_utf8,
    ten_megabyte_string,
    checklist_five_megabytes,
    folder_for_a_file,
    fifo_for_a_file,
    checklist_fifo,
    checklist_link_out,
);

#[test]
fn every_case_has_its_test() {
    let mut tested: Vec<String> = NAMES.iter().map(|n| n.replace('_', "-")).collect();
    let mut cases: Vec<String> = cases().iter().map(|c| c.name.to_string()).collect();
    tested.sort();
    cases.sort();
    assert_eq!(tested, cases);
    assert!(cases.len() >= 60, "{} cases", cases.len());
}
