//! The command line: argument definitions and one handler per subcommand, each a thin layer
//! over [`probity_core::workspace`]. Handlers return an [`Outcome`]; `main` turns it into an
//! exit code (0 ok, 1 invalid input, 2 usage error). Commands that open the interface say so
//! with [`Next::Interface`] and leave it to `main`, so this module never names the interface.

mod answer;
mod check;
mod crosscheck;
mod examples;
mod format;
mod judge;
mod new;
mod plain;
mod progress;
mod record;
mod report;
mod returns;
mod schema;
mod shell;
mod show;
mod walk;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{CommandFactory, Parser, Subcommand};
use jiff::civil::Date;

use probity_core::assessment::{Assessment, LoadError};
use probity_core::checklist::{Area, Checklist, Item, LookupError};
use probity_core::document::{DEFAULT_MARKING, Document, Format};
use probity_core::storage;
use probity_core::text::{escape_for_terminal, shown_path};
use probity_core::workspace::{
    ExportError, OpenError, Opened, Overwrite, ReadOnly, Started, Workspace, export,
};

#[derive(Debug, Parser)]
#[command(
    name = "probity",
    version,
    about = "Integrity self-assessment for police forces",
    long_about = None,
    after_help = examples::PROBITY
)]
pub struct Cli {
    /// Folder holding assessments, for the home screen (default: the platform's data folder,
    /// or PROBITY_HOME).
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Record changes as made by NAME (default: `name` in probity's config.toml, else your
    /// system user name).
    #[arg(long = "as", global = true, value_name = "NAME")]
    pub actor: Option<String>,

    /// Treat this date as today (for reproducible reports).
    #[arg(long, global = true, hide = true, env = "PROBITY_TODAY")]
    pub today: Option<Date>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The data folder, for the commands that read or write it.
#[derive(Debug, Default, clap::Args)]
pub struct DataDir {
    /// Folder holding assessments and your own checklists (default: the platform's data
    /// folder, or PROBITY_HOME).
    #[arg(long = "data-dir", value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

/// An assessment file, found in the data folder when only its name is given.
#[derive(Debug, clap::Args)]
pub struct FileArgs {
    /// The assessment file; a bare name is also looked for in the data folder.
    pub file: PathBuf,
    #[command(flatten)]
    pub data: DataDir,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a checklist or an assessment file and report every problem with its place.
    #[command(after_help = examples::CHECK)]
    Check {
        /// The file to check.
        file: PathBuf,
        #[command(flatten)]
        data: DataDir,
    },
    /// Create a new assessment and open it.
    #[command(after_help = examples::NEW)]
    New(new::NewArgs),
    /// Open an assessment in the interface (line by line with --plain, or without a full
    /// terminal).
    #[command(after_help = examples::OPEN)]
    Open(walk::OpenArgs),
    /// Ask an assessment's questions one at a time as plain lines of text, for screen readers,
    /// simple terminals and pipes.
    #[command(after_help = examples::WALK)]
    Walk(walk::WalkArgs),
    /// Record one answer, with its note, evidence, owner and due date.
    #[command(after_help = examples::ANSWER)]
    Answer(answer::AnswerArgs),
    /// Override an area's derived judgement with a recorded rationale, or clear the override.
    #[command(after_help = examples::JUDGE)]
    Judge(judge::JudgeArgs),
    /// Confirm answers carried from last period.
    #[command(after_help = examples::CONFIRM)]
    Confirm(answer::ConfirmArgs),
    /// Print questions, guidance, answers and findings as plain text.
    #[command(after_help = examples::SHOW)]
    Show(show::ShowArgs),
    /// Write the gap report for an assessment.
    #[command(after_help = examples::REPORT)]
    Report(report::ReportArgs),
    /// Match the gifts and business-interest registers against the force's suppliers.
    #[command(after_help = examples::CROSSCHECK)]
    Crosscheck(crosscheck::CrosscheckArgs),
    /// List the checklists probity can use.
    #[command(after_help = examples::CHECKLISTS)]
    Checklists {
        #[command(flatten)]
        data: DataDir,
    },
    /// Compare two periods of one force: what moved, what closed, what is still open.
    #[command(after_help = examples::COMPARE)]
    Compare(progress::CompareArgs),
    /// Chart one force's scores over several periods.
    #[command(after_help = examples::TREND)]
    Trend(progress::TrendArgs),
    /// Summarise many forces' assessments: answers, gaps flagged and figures.
    #[command(after_help = examples::SUMMARY)]
    Summary(progress::SummaryArgs),
    /// Sign an assessment off: mark it final and seal it, once every carried answer is
    /// confirmed and every high finding has an owner and a due date.
    #[command(after_help = examples::SIGN)]
    Sign(record::SignArgs),
    /// Take a signed assessment back to draft, saying why.
    #[command(after_help = examples::REOPEN)]
    Reopen(record::ReopenArgs),
    /// Check an assessment against its history and its seal (exit 1 names what does not hold).
    #[command(after_help = examples::VERIFY)]
    Verify(record::VerifyArgs),
    /// List every recorded change to an assessment, oldest first.
    #[command(after_help = examples::HISTORY)]
    History(record::HistoryArgs),
    /// Make a workbook asking one contributor some questions, to fill in Excel or LibreOffice.
    #[command(after_help = examples::RETURN)]
    Return(returns::ReturnArgs),
    /// Merge filled returns into an assessment: new answers are applied under the
    /// contributor's name, and answers that differ from those held are kept as conflicts.
    #[command(after_help = examples::IMPORT)]
    Import(returns::ImportArgs),
    /// List the conflicts returns left, or resolve them by taking or keeping answers.
    #[command(after_help = examples::CONFLICTS)]
    Conflicts(returns::ConflictsArgs),
    /// Replaced by `sign`.
    #[command(hide = true, after_help = examples::FINALISE)]
    Finalise(FileArgs),
    /// Write the JSON Schemas of probity's file formats.
    #[command(after_help = examples::SCHEMA)]
    Schema(schema::SchemaArgs),
    /// Print a completion script for your shell.
    #[command(after_help = examples::COMPLETIONS)]
    Completions(shell::CompletionsArgs),
    /// Write manual pages for probity and each of its commands.
    #[command(after_help = examples::MAN)]
    Man(shell::ManArgs),
}

/// What a command concluded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Ok,
    /// The input was invalid; the problems have been printed.
    Invalid,
    /// The command line itself was wrong; the usage error has been printed.
    Usage,
}

impl Outcome {
    pub fn code(self) -> i32 {
        match self {
            Outcome::Ok => 0,
            Outcome::Invalid => 1,
            Outcome::Usage => 2,
        }
    }
}

/// What happens after the command line has done its part.
#[derive(Debug)]
pub enum Next {
    /// Nothing more: exit with this outcome.
    Exit(Outcome),
    /// Open the interface on this screen.
    Interface(Box<Workspace>, Screen),
}

/// Where the interface opens.
#[derive(Debug)]
pub enum Screen {
    /// The list of assessments.
    Home,
    /// One assessment.
    Open(PathBuf),
    /// An assessment just created, with its carry-forward briefing.
    Started(Box<Started>),
}

/// Runs the command line: a subcommand, or the interface when none is given.
pub fn run(cli: &Cli) -> Next {
    let today = cli.today.unwrap_or_else(|| jiff::Zoned::now().date());
    let with = |data: &DataDir, go: &dyn Fn(Workspace) -> Next| match workspace(
        data.dir.as_deref().or(cli.data_dir.as_deref()),
        today,
        cli.actor.as_deref(),
    ) {
        Ok(ws) => go(ws),
        Err(outcome) => Next::Exit(outcome),
    };
    let exit = Next::Exit;
    match &cli.command {
        None => home(cli, today),
        Some(Command::Check { file, data }) => with(data, &|ws| exit(check::run(&ws, file))),
        Some(Command::New(a)) => with(&a.data, &|ws| new::run(ws, a)),
        Some(Command::Open(a)) => with(&a.data, &|ws| walk::open(ws, a)),
        Some(Command::Walk(a)) => with(&a.data, &|ws| exit(walk::run(&ws, a))),
        Some(Command::Answer(a)) => with(&a.data, &|ws| exit(answer::answer(&ws, a))),
        Some(Command::Judge(a)) => with(&a.data, &|ws| exit(judge::run(&ws, a))),
        Some(Command::Confirm(a)) => with(&a.data, &|ws| exit(answer::confirm(&ws, a))),
        Some(Command::Show(a)) => with(&a.data, &|ws| exit(show::run(&ws, a))),
        Some(Command::Report(a)) => with(&a.data, &|ws| exit(report::run(&ws, a))),
        Some(Command::Crosscheck(a)) => with(&a.data, &|ws| exit(crosscheck::run(&ws, a))),
        Some(Command::Checklists { data }) => with(data, &|ws| exit(list_checklists(&ws))),
        Some(Command::Compare(a)) => with(&a.data, &|ws| exit(progress::compare(&ws, a))),
        Some(Command::Trend(a)) => with(&a.data, &|ws| exit(progress::trend(&ws, a))),
        Some(Command::Summary(a)) => with(&a.data, &|ws| exit(progress::summary(&ws, a))),
        Some(Command::Sign(a)) => with(&a.data, &|ws| exit(record::sign(&ws, a))),
        Some(Command::Reopen(a)) => with(&a.data, &|ws| exit(record::reopen(&ws, a))),
        Some(Command::Verify(a)) => with(&a.data, &|ws| exit(record::verify(&ws, a))),
        Some(Command::History(a)) => with(&a.data, &|ws| exit(record::history(&ws, a))),
        Some(Command::Return(a)) => with(&a.data, &|ws| exit(returns::make(&ws, a))),
        Some(Command::Import(a)) => with(&a.data, &|ws| exit(returns::import(&ws, a))),
        Some(Command::Conflicts(a)) => with(&a.data, &|ws| exit(returns::conflicts(&ws, a))),
        Some(Command::Finalise(a)) => exit(fail(&format!(
            "`finalise` has been replaced by `sign`, which records who signs it off and seals it: probity sign {} --by NAME --role ROLE",
            a.file.display()
        ))),
        Some(Command::Schema(a)) => standalone(cli, "schema", || schema::run(a)),
        Some(Command::Completions(a)) => standalone(cli, "completions", || shell::completions(a)),
        Some(Command::Man(a)) => standalone(cli, "man", || shell::man(a)),
    }
}

/// The home screen, which needs a terminal that can address the cursor.
fn home(cli: &Cli, today: Date) -> Next {
    if !full_screen() {
        return Next::Exit(fail(
            "the home screen needs a full terminal; answer an assessment line by line with `probity walk FILE`, or see `probity --help` for the other commands",
        ));
    }
    // The home screen notes an exposed data folder itself.
    match quiet_workspace(cli.data_dir.as_deref(), today, cli.actor.as_deref()) {
        Ok(ws) => Next::Interface(Box::new(ws), Screen::Home),
        Err(outcome) => Next::Exit(outcome),
    }
}

/// A command that uses no data folder, refusing a `--data-dir` given before it.
fn standalone(cli: &Cli, name: &str, run: impl FnOnce() -> Outcome) -> Next {
    Next::Exit(if cli.data_dir.is_some() {
        usage(&format!("--data-dir has no effect on `probity {name}`"))
    } else {
        run()
    })
}

/// The workspace for a command, which says once, before its own output, when other users can
/// write in the data folder.
fn workspace(dir: Option<&Path>, today: Date, actor: Option<&str>) -> Result<Workspace, Outcome> {
    let ws = quiet_workspace(dir, today, actor)?;
    if let Some(e) = &ws.exposed {
        let dir = shown_path(&e.path);
        let _ = writeln!(
            std::io::stderr(),
            "warning: other users can write in {dir}, where your assessments are (permissions {:o}); to keep them private: chmod 700 '{dir}'",
            e.mode
        );
    }
    Ok(ws)
}

/// The workspace for a data folder, acting as `actor` (`--as`), else the name in probity's
/// config file, else the system user.
fn quiet_workspace(
    dir: Option<&Path>,
    today: Date,
    actor: Option<&str>,
) -> Result<Workspace, Outcome> {
    let mut ws = Workspace::new(dir, today).map_err(|e| {
        fail(&format!(
            "{e}; name a data folder with --data-dir or PROBITY_HOME"
        ))
    })?;
    if actor.is_some_and(|a| a.trim().is_empty()) {
        return Err(usage("--as needs a name"));
    }
    ws.identify(actor).map_err(|e| {
        let _ = write!(std::io::stderr(), "{}", e.render());
        if !matches!(e, probity_core::workspace::ConfigError::TooLong(_)) {
            let _ = writeln!(
                std::io::stderr(),
                "Correct probity's config file: it may set name = \"…\" and after_answer = \"wait\", \"go-on\" or \"stay\"."
            );
        }
        Outcome::Invalid
    })?;
    Ok(ws)
}

/// Whether a person is at a terminal, rather than a script or a pipe.
fn interactive() -> bool {
    std::io::stdout().is_terminal() && std::io::stdin().is_terminal()
}

/// Whether the full-screen interface can run: a person at a terminal that can address the
/// cursor (`TERM=dumb` cannot).
fn full_screen() -> bool {
    interactive() && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
}

/// Says why a person at a terminal gets the questions as plain lines rather than the
/// interface they asked for.
fn say_plain_mode() {
    eprintln!(
        "probity: this terminal (TERM=dumb) cannot draw the full-screen interface, so the questions come one at a time as plain lines. Set TERM to your terminal's type for the interface; --plain chooses plain lines on purpose."
    );
}

/// Prints a usage error in clap's own style.
pub(super) fn usage(message: &str) -> Outcome {
    let _ = Cli::command()
        .error(clap::error::ErrorKind::ArgumentConflict, message)
        .print();
    Outcome::Usage
}

/// How long a command waits for another copy of probity to let go of an assessment: 10
/// seconds, or `PROBITY_WAIT` seconds when that is set to a whole number.
fn patience() -> std::time::Duration {
    let seconds = std::env::var("PROBITY_WAIT")
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .unwrap_or(10);
    std::time::Duration::from_secs(seconds)
}

/// Opens an assessment under its lock to change it. If another copy of probity has it, the
/// command says whom it waits for on stderr and waits its turn (see [`patience`]); it refuses
/// only when the other has not let go by then.
fn open_to_change(ws: &Workspace, file: &Path) -> Result<Opened, Outcome> {
    let path = ws.locate(file);
    let patience = patience();
    let waiting = |holder: Option<String>| {
        let who = holder.map_or_else(
            || "another probity window".to_string(),
            |h| format!("another probity window ({})", escape_for_terminal(&h)),
        );
        let _ = writeln!(
            std::io::stderr(),
            "Waiting up to {} s for {who}, which has {} open…",
            patience.as_secs(),
            shown_path(&path)
        );
    };
    match ws.open_waiting(&path, patience, waiting) {
        Ok(opened) => match opened.read_only_because() {
            Some(ReadOnly::OpenElsewhere) => Err(fail(&format!(
                "{} is still open in another probity window after waiting {} s; close it there and try again",
                shown_path(&path),
                patience.as_secs()
            ))),
            Some(why @ ReadOnly::FolderNotWritable) => {
                Err(fail(&format!("{}: {why}", shown_path(&path))))
            }
            None => {
                // Whatever opening found changed outside probity, or left unsaved, is said.
                record::report_found(&opened);
                Ok(opened)
            }
        },
        Err(OpenError::Load(e)) => Err(shown_load_error(&e)),
        Err(e) => Err(fail(&e.to_string())),
    }
}

/// The item a user means, or why there is not exactly one, with the nearest ids.
fn find_item<'c>(checklist: &'c Checklist, query: &str) -> Result<&'c Item, Outcome> {
    checklist.find_item(query).map_err(|e| {
        not_found(&e, "`probity show FILE` lists every item", |id| {
            checklist.item(id).map(|i| i.prompt.clone())
        })
    })
}

/// The area a user means, or why there is not exactly one, with the nearest ids.
fn find_area<'c>(checklist: &'c Checklist, query: &str) -> Result<&'c Area, Outcome> {
    checklist.find_area(query).map_err(|e| {
        let ids: Vec<&str> = checklist.areas.iter().map(|a| a.id.as_str()).collect();
        not_found(&e, &format!("the areas are {}", ids.join(", ")), |id| {
            checklist.area(id).map(|a| a.title.clone())
        })
    })
}

/// Says why a name matched no item or area, or several, listing the candidates in words.
fn not_found(e: &LookupError, advice: &str, words: impl Fn(&str) -> Option<String>) -> Outcome {
    let outcome = fail(&format!("{e}; give an id or more of the words ({advice})"));
    let candidates = match e {
        LookupError::Unknown { nearest, .. } => nearest,
        LookupError::Ambiguous { matches, .. } => matches,
    };
    for id in candidates {
        let text = words(id).unwrap_or_default();
        let _ = writeln!(std::io::stderr(), "  {id}: {}", escape_for_terminal(&text));
    }
    outcome
}

/// What became of writing a command's output: a reader that has gone away (`| head`) is no
/// error, any other failure is.
fn written(result: std::io::Result<()>) -> Outcome {
    match result {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            fail(&format!("could not write the output: {e}"))
        }
        _ => Outcome::Ok,
    }
}

/// Prints an error to stderr, escaped so no file content can drive the terminal.
pub fn fail(message: &str) -> Outcome {
    // Not eprintln!: it panics if stderr has gone, and this may be the last word of a session
    // whose terminal was closed.
    let _ = writeln!(std::io::stderr(), "error: {}", escape_for_terminal(message));
    Outcome::Invalid
}

/// Prints an error that already carries its own located rendering (file, line, column).
pub fn fail_rendered(rendered: &str) -> Outcome {
    let _ = write!(std::io::stderr(), "{rendered}");
    Outcome::Invalid
}

fn list_checklists(ws: &Workspace) -> Outcome {
    use probity_core::checklist::Origin;
    let mut outcome = Outcome::Ok;
    for entry in &ws.catalog.entries {
        let origin = match &entry.origin {
            Origin::BuiltIn => "built in".to_string(),
            Origin::File(p) => shown_path(p),
        };
        match entry.checklist() {
            Ok(c) => {
                println!(
                    "{}\t{} (version {}; {} areas, {} items, {} rules; {})",
                    c.id,
                    c.title,
                    c.version,
                    c.areas.len(),
                    c.item_count(),
                    c.rules.len(),
                    origin
                );
                for line in checklist_facts(c) {
                    println!("\t{line}");
                }
            }
            Err(e) => outcome = fail_rendered(&e.render()),
        }
    }
    if let Some(dir) = &ws.dirs.checklists {
        println!("\nYour own checklists go in {}", shown_path(dir));
    }
    outcome
}

/// What a user choosing a checklist needs besides its name: where it comes from, what it
/// follows and what it grades.
fn checklist_facts(c: &probity_core::checklist::Checklist) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(first) = c.provenance.split("\n\n").next() {
        out.push(format!("Provenance: {}", first.replace('\n', " ")));
    }
    if let Some(before) = &c.supersedes {
        out.push(format!(
            "Follows {before}: `probity new --from` carries its answers across."
        ));
    }
    if let Some(g) = &c.grading {
        let titles: Vec<&str> = g.headlines.iter().map(|h| h.title.as_str()).collect();
        out.push(format!("Graded judgements: {}.", titles.join(", ")));
    }
    out
}

/// Where a document goes and how it is marked.
#[derive(Debug, clap::Args)]
pub struct Output {
    /// Write to this file instead of standard output.
    #[arg(long, value_name = "PATH")]
    pub out: Option<PathBuf>,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub overwrite: bool,
    /// Protective marking printed on every page and sheet.
    #[arg(long, default_value = DEFAULT_MARKING)]
    pub marking: String,
    /// The date the document is as at, and "overdue" is judged against (default: the date the
    /// assessment was completed, if recorded, else the end of a period that has ended, else
    /// today).
    #[arg(long, value_name = "DATE")]
    pub as_at: Option<jiff::civil::Date>,
}

impl Output {
    /// The page furniture: marking, today, and the as-at date given or else `recorded`
    /// ([`probity_core::document::recorded_as_at`]).
    pub fn page(
        &self,
        today: Date,
        recorded: Option<(Date, probity_core::document::AsAt)>,
    ) -> probity_core::document::Page {
        probity_core::document::Page::new(&self.marking, today).as_at(self.as_at, recorded)
    }

    /// Writes a document to the file named, never replacing one unless asked, or to standard
    /// output.
    pub fn emit<D: Document>(&self, document: &D, format: Format) -> Outcome {
        let Some(path) = &self.out else {
            if format.is_binary() && std::io::IsTerminal::is_terminal(&std::io::stdout()) {
                return fail(&format!(
                    "a {} cannot be shown in the terminal: give a file name with --out, e.g. --out report.{}",
                    format.describe().to_lowercase(),
                    format.extension()
                ));
            }
            return match document.render(format) {
                Ok(bytes) => {
                    let _ = std::io::stdout().write_all(&bytes);
                    Outcome::Ok
                }
                Err(e) => fail(&e.to_string()),
            };
        };
        let overwrite = if self.overwrite {
            Overwrite::Replace
        } else {
            Overwrite::Never
        };
        match export(document, format, path, overwrite) {
            Ok(()) => {
                eprintln!("Wrote {}", shown_path(path));
                Outcome::Ok
            }
            Err(ExportError::Storage(storage::Error::Exists(path))) => fail(&format!(
                "{} already exists; choose another name, or replace it with --overwrite",
                path.display()
            )),
            Err(e) => fail(&e.to_string()),
        }
    }
}

/// Loads one assessment, printing its problems when it cannot be read.
pub fn load(ws: &Workspace, path: &Path) -> Result<(Assessment, Checklist), Outcome> {
    ws.load(path).map_err(|e| shown_load_error(&e))
}

/// Prints why an assessment could not be read, with every located problem.
pub fn shown_load_error(e: &LoadError) -> Outcome {
    fail_rendered(&e.render())
}
