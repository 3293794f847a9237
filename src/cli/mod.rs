//! The command line: argument definitions and one handler per subcommand, each a thin layer
//! over [`probity_core::workspace`]. Handlers return an [`Outcome`]; `main` turns it into an
//! exit code (0 ok, 1 invalid input, 2 usage error). Commands that open the interface say so
//! with [`Next::Interface`] and leave it to `main`, so this module never names the interface.

mod check;
mod format;
mod new;
mod progress;
mod report;
mod schema;

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};
use jiff::civil::Date;

use probity_core::assessment::{Assessment, LoadError};
use probity_core::checklist::Checklist;
use probity_core::document::{DEFAULT_MARKING, Document, Format};
use probity_core::storage;
use probity_core::text::escape_for_terminal;
use probity_core::workspace::{ExportError, Overwrite, Started, Workspace, export};

#[derive(Debug, Parser)]
#[command(name = "probity", version, about = "Integrity self-assessment for police forces", long_about = None)]
pub struct Cli {
    /// Folder holding assessments (default: the platform's data folder, or PROBITY_HOME).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Treat this date as today (for reproducible reports).
    #[arg(long, global = true, hide = true, env = "PROBITY_TODAY")]
    pub today: Option<Date>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a checklist or an assessment file and report every problem with its place.
    Check {
        /// The file to check.
        file: PathBuf,
    },
    /// Create a new assessment and open it.
    New(new::NewArgs),
    /// Open an assessment in the interface.
    Open {
        /// The assessment file.
        file: PathBuf,
    },
    /// Write the gap report for an assessment.
    Report(report::ReportArgs),
    /// List the checklists probity can use.
    Checklists,
    /// Compare two periods of one force: what moved, what closed, what is still open.
    Compare(progress::CompareArgs),
    /// Chart one force's scores over several periods.
    Trend(progress::TrendArgs),
    /// Summarise many forces' assessments: answers, gaps flagged and figures.
    Summary(progress::SummaryArgs),
    /// Mark an assessment final, once every carried answer has been confirmed.
    Finalise {
        /// The assessment file.
        file: PathBuf,
    },
    /// Write the JSON Schemas of probity's file formats.
    Schema(schema::SchemaArgs),
}

/// What a command concluded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Ok,
    /// The input was invalid; the problems have been printed.
    Invalid,
}

impl Outcome {
    pub fn code(self) -> i32 {
        match self {
            Outcome::Ok => 0,
            Outcome::Invalid => 1,
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
    let ws = match Workspace::new(cli.data_dir.as_deref(), today) {
        Ok(ws) => ws,
        Err(e) => {
            return Next::Exit(fail(&format!(
                "{e}; name a data folder with --data-dir or PROBITY_HOME"
            )));
        }
    };
    let outcome = match &cli.command {
        None => return Next::Interface(Box::new(ws), Screen::Home),
        Some(Command::Open { file }) => {
            let path = ws.locate(file);
            return Next::Interface(Box::new(ws), Screen::Open(path));
        }
        Some(Command::New(args)) => return new::run(ws, args),
        Some(Command::Check { file }) => check::run(&ws, file),
        Some(Command::Report(args)) => report::run(&ws, args),
        Some(Command::Checklists) => list_checklists(&ws),
        Some(Command::Compare(args)) => progress::compare(&ws, args),
        Some(Command::Trend(args)) => progress::trend(&ws, args),
        Some(Command::Summary(args)) => progress::summary(&ws, args),
        Some(Command::Finalise { file }) => progress::finalise(&ws, file),
        Some(Command::Schema(args)) => schema::run(args),
    };
    Next::Exit(outcome)
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
            Origin::File(p) => p.display().to_string(),
        };
        match &entry.checklist {
            Ok(c) => println!(
                "{}\t{} (version {}; {} areas, {} items, {} rules; {})",
                c.id,
                c.title,
                c.version,
                c.areas.len(),
                c.item_count(),
                c.rules.len(),
                escape_for_terminal(&origin)
            ),
            Err(e) => outcome = fail_rendered(&e.render()),
        }
    }
    if let Some(dir) = &ws.dirs.checklists {
        println!("\nYour own checklists go in {}", dir.display());
    }
    outcome
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
    /// assessment was completed, if recorded, else today).
    #[arg(long, value_name = "DATE")]
    pub as_at: Option<jiff::civil::Date>,
}

impl Output {
    /// The page furniture: marking, today, and the as-at date given or else `completed`.
    pub fn page(&self, today: Date, completed: Option<Date>) -> probity_core::document::Page {
        probity_core::document::Page::new(&self.marking, today).as_at(self.as_at, completed)
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
                eprintln!("Wrote {}", path.display());
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
