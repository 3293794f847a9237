use std::io::IsTerminal;
use std::path::PathBuf;

use super::{Context, Outcome, Output, emit, fail, load};
use crate::report::{self, Format, Options};
use crate::scoring;

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// The assessment file.
    pub file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "md")]
    pub format: Format,
    #[command(flatten)]
    pub output: Output,
    /// Remove personal names and notes, for sharing outside the force.
    #[arg(long)]
    pub redact: bool,
}

pub fn run(ctx: &Context, args: &ReportArgs) -> Outcome {
    let (a, c) = match load(ctx, &args.file) {
        Ok(loaded) => loaded,
        Err(outcome) => return outcome,
    };
    let evaluation = scoring::evaluate(&c, &a, ctx.today);
    let options = Options {
        marking: crate::text::sanitize_line(&args.output.marking),
        redact: args.redact,
        today: ctx.today,
    };
    let bytes = args
        .format
        .render(&report::Report::new(&c, &a, &evaluation, &options));
    if args.output.out.is_none() && args.format == Format::Xlsx && std::io::stdout().is_terminal() {
        return fail(
            "a workbook cannot be shown in the terminal: give a file name with --out, e.g. --out report.xlsx",
        );
    }
    emit(&bytes, args.output.out.as_deref(), args.output.force)
}
