//! The command line: argument definitions and one handler per subcommand. Handlers return an
//! [`Outcome`]; `main` turns it into an exit code (0 ok, 1 invalid input, 2 usage error).

mod check;
pub mod new;
mod progress;
mod report;
mod schema;

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};
use jiff::civil::Date;

use crate::assessment::{self, Assessment};
use crate::checklist::{Catalog, Checklist};
use crate::storage::{self, Dirs};

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
    Schema {
        /// Folder to write the schemas into.
        #[arg(long, default_value = "schemas")]
        out: PathBuf,
    },
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

/// Shared context for commands: the folders and the checklist catalog.
pub struct Context {
    pub dirs: Dirs,
    pub catalog: Catalog,
    pub today: Date,
}

impl Context {
    pub fn new(cli: &Cli) -> Result<Context, String> {
        let dirs = Dirs::resolve(cli.data_dir.as_deref())?;
        let catalog = Catalog::discover(dirs.checklists.as_deref());
        let today = cli.today.unwrap_or_else(|| jiff::Zoned::now().date());
        Ok(Context {
            dirs,
            catalog,
            today,
        })
    }
}

/// Runs a subcommand. `None` (no subcommand) is left to the caller, which opens the interface.
pub fn run(cli: &Cli, command: &Command) -> Outcome {
    let ctx = match Context::new(cli) {
        Ok(ctx) => ctx,
        Err(e) => return fail(&e),
    };
    match command {
        Command::Check { file } => check::run(&ctx, file),
        Command::New(args) => match new::start(&ctx, args) {
            Ok(started) if !args.no_tui && crate::tui::has_terminal() => {
                crate::tui::open_new(ctx, &started)
            }
            Ok(started) => {
                new::print(&started);
                Outcome::Ok
            }
            Err(e) => fail(&e),
        },
        Command::Open { file } => crate::tui::open(ctx, file),
        Command::Report(args) => report::run(&ctx, args),
        Command::Checklists => list_checklists(&ctx),
        Command::Compare(args) => progress::compare(&ctx, args),
        Command::Trend(args) => progress::trend(&ctx, args),
        Command::Summary(args) => progress::summary(&ctx, args),
        Command::Finalise { file } => progress::finalise(&ctx, file),
        Command::Schema { out } => schema::run(out),
    }
}

/// Opens the interface's home screen (no subcommand given).
pub fn home(cli: &Cli) -> Outcome {
    match Context::new(cli) {
        Ok(ctx) => crate::tui::home(ctx),
        Err(e) => fail(&e),
    }
}

/// Prints an error to stderr, escaped so no file content can drive the terminal.
pub fn fail(message: &str) -> Outcome {
    // Not eprintln!: it panics if stderr has gone, and this may be the last word of a session
    // whose terminal was closed.
    let _ = writeln!(
        std::io::stderr(),
        "error: {}",
        crate::text::escape_for_terminal(message)
    );
    Outcome::Invalid
}

fn list_checklists(ctx: &Context) -> Outcome {
    use crate::checklist::Origin;
    let mut outcome = Outcome::Ok;
    for entry in &ctx.catalog.entries {
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
                crate::text::escape_for_terminal(&origin)
            ),
            Err(e) => {
                eprint!("{}", e.render());
                outcome = Outcome::Invalid;
            }
        }
    }
    if let Some(dir) = &ctx.dirs.checklists {
        println!("\nYour own checklists go in {}", dir.display());
    }
    outcome
}

/// Where output goes and how it is marked.
#[derive(Debug, clap::Args)]
pub struct Output {
    /// Write to this file instead of standard output.
    #[arg(long, value_name = "PATH")]
    pub out: Option<PathBuf>,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
    /// Protective marking printed on every page and sheet.
    #[arg(long, default_value = crate::report::DEFAULT_MARKING)]
    pub marking: String,
}

/// Writes output to a file (never replacing one unless asked) or to standard output.
pub fn emit(bytes: &[u8], out: Option<&Path>, overwrite: bool) -> Outcome {
    match out {
        Some(path) => match storage::write_new(path, bytes, overwrite) {
            Ok(()) => {
                eprintln!("Wrote {}", path.display());
                Outcome::Ok
            }
            Err(e) => fail(&e),
        },
        None => {
            let _ = std::io::stdout().write_all(bytes);
            Outcome::Ok
        }
    }
}

/// Loads one assessment, printing its problems when it cannot be read.
pub fn load(ctx: &Context, path: &Path) -> Result<(Assessment, Checklist), Outcome> {
    assessment::load(path, &ctx.catalog).map_err(|e| {
        let _ = write!(std::io::stderr(), "{}", e.render());
        Outcome::Invalid
    })
}
