use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use super::{Context, Outcome, fail};
use crate::assessment;
use crate::report::{self, Format, Options};
use crate::scoring;

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// The assessment file.
    pub file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "md")]
    pub format: Format,
    /// Write to this file instead of standard output.
    #[arg(long, value_name = "PATH")]
    pub out: Option<PathBuf>,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
    /// Protective marking printed on every page and sheet.
    #[arg(long, default_value = report::DEFAULT_MARKING)]
    pub marking: String,
    /// Remove personal names and notes, for sharing outside the force.
    #[arg(long)]
    pub redact: bool,
}

pub fn run(ctx: &Context, args: &ReportArgs) -> Outcome {
    let (a, c) = match assessment::load(&args.file, &ctx.catalog) {
        Ok(loaded) => loaded,
        Err(assessment::LoadError::Invalid(e)) => {
            eprint!("{}", e.render());
            return Outcome::Invalid;
        }
        Err(e) => return fail(&e.to_string()),
    };
    let evaluation = scoring::evaluate(&c, &a, ctx.today);
    let options = Options {
        marking: crate::text::sanitize_line(&args.marking),
        redact: args.redact,
        today: ctx.today,
    };
    let bytes = args
        .format
        .render(&report::Report::new(&c, &a, &evaluation, &options));
    match &args.out {
        Some(path) => match crate::storage::write_new(path, &bytes, args.force) {
            Ok(()) => {
                eprintln!("Wrote {}", path.display());
                Outcome::Ok
            }
            Err(e) => fail(&e),
        },
        None if args.format == Format::Xlsx && std::io::stdout().is_terminal() => fail(
            "a workbook cannot be shown in the terminal: give a file name with --out, e.g. --out report.xlsx",
        ),
        None => {
            let _ = std::io::stdout().write_all(&bytes);
            Outcome::Ok
        }
    }
}
