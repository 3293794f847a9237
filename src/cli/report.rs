use std::path::PathBuf;

use probity_core::document::Format;
use probity_core::report::{Options, Report};
use probity_core::workspace::Workspace;

use super::{DataDir, Outcome, Output, format, load};

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// The assessment file; a bare name is also looked for in the data folder.
    pub file: PathBuf,
    /// Output format.
    #[arg(long, value_parser = format::of::<Report>(), default_value = "md")]
    pub format: Format,
    #[command(flatten)]
    pub output: Output,
    /// Remove personal names and notes, for sharing outside the force.
    #[arg(long)]
    pub redact: bool,
    #[command(flatten)]
    pub data: DataDir,
}

pub fn run(ws: &Workspace, args: &ReportArgs) -> Outcome {
    let (a, c) = match load(ws, &ws.locate(&args.file)) {
        Ok(loaded) => loaded,
        Err(outcome) => return outcome,
    };
    let options = Options {
        redact: args.redact,
        as_at: args.output.as_at,
        ..Options::new(&args.output.marking, ws.today)
    };
    let report = Report::new(&c, &a, &options);
    args.output.emit(&report, args.format)
}
