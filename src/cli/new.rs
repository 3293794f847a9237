use std::path::PathBuf;

use probity_core::text::{escape_for_terminal, shown_path};
use probity_core::workspace::{Start, StartError, Started, Workspace};

use super::{
    DataDir, Next, Outcome, Screen, fail, fail_rendered, full_screen, interactive, say_plain_mode,
    shown_load_error, walk,
};

#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// The force being assessed, e.g. "Dorset Police" (with --from: the previous file's force).
    #[arg(long = "force", value_name = "NAME", required_unless_present = "from")]
    pub force_name: Option<String>,
    /// The period assessed, e.g. 2013.
    #[arg(long)]
    pub period: String,
    /// Checklist id or path to a checklist file (default: wfof-2011; with --from, the previous
    /// file's checklist, or the newest built-in or user checklist that supersedes it and
    /// applies from this period).
    #[arg(long)]
    pub checklist: Option<String>,
    /// Start from last period's assessment: its answers, notes, evidence, owners and due dates
    /// are copied and marked "carried, unconfirmed" until you confirm them.
    #[arg(long, value_name = "PREV.toml")]
    pub from: Option<PathBuf>,
    /// Who is completing the assessment.
    #[arg(long)]
    pub assessor: Option<String>,
    /// Where to write the assessment (default: the data folder).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Create the file without opening the interface.
    #[arg(long)]
    pub no_tui: bool,
    #[command(flatten)]
    pub data: DataDir,
}

/// Creates the assessment, then opens it when a person is at a terminal: in the interface, or
/// line by line when the terminal cannot show it.
pub fn run(ws: Workspace, args: &NewArgs) -> Next {
    let request = Start {
        force: args.force_name.clone(),
        period: args.period.clone(),
        checklist: args.checklist.clone(),
        from: args.from.as_ref().map(|f| ws.locate(f)),
        assessor: args.assessor.clone(),
        out: args.out.clone(),
    };
    match ws.start(&request) {
        Ok(started) if !args.no_tui && full_screen() => {
            Next::Interface(Box::new(ws), Screen::Started(Box::new(started)))
        }
        // A terminal that cannot address the cursor gets the questions line by line.
        Ok(started) if !args.no_tui && interactive() => {
            say_plain_mode();
            print(&started);
            Next::Exit(walk::walk_path(&ws, &started.path, None))
        }
        Ok(started) => {
            print(&started);
            Next::Exit(Outcome::Ok)
        }
        Err(e) => Next::Exit(refused(&e)),
    }
}

/// Says on the terminal what `new` did: the file created and, when answers were carried, the
/// carry-forward report with the checklist briefing.
fn print(started: &Started) {
    println!("Created {}", shown_path(&started.path));
    for line in started.carried.iter().flat_map(|r| r.lines()) {
        println!("{}", escape_for_terminal(&line));
    }
}

/// Why `new` could not start the assessment, with what to do about it on the command line.
fn refused(e: &StartError) -> Outcome {
    match e {
        StartError::Previous(load) => shown_load_error(load),
        StartError::Checklist(resolve) => fail_rendered(&resolve.render()),
        StartError::Exists(path) => fail(&format!(
            "{} already exists, and an assessment is never replaced; choose another name with --out",
            path.display()
        )),
        other => fail(&other.to_string()),
    }
}
