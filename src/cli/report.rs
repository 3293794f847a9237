use std::path::PathBuf;

use probity_core::document::Format;
use probity_core::report::{Options, Report, Style};
use probity_core::workspace::{PreviousError, Workspace};

use super::{DataDir, Outcome, Output, format, load, shown_load_error, usage};

/// How the report judges the force.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StyleArg {
    /// Each area on HMICFRS's five-tier scale, with the headline judgements.
    Graded,
    /// The 2012 revisit's verdicts: good, some or limited progress.
    Revisit,
}

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
    /// Graded judgements or the 2012 revisit's progress verdicts (default: graded when the
    /// checklist defines grading). Revisit verdicts measure progress against the same force's
    /// earlier assessment in the same folder, when there is one.
    #[arg(long, value_enum)]
    pub style: Option<StyleArg>,
    /// The same force's earlier assessment to measure progress against (revisit style), when
    /// it is not beside the file.
    #[arg(long, value_name = "FILE")]
    pub previous: Option<PathBuf>,
    #[command(flatten)]
    pub data: DataDir,
}

pub fn run(ws: &Workspace, args: &ReportArgs) -> Outcome {
    let path = ws.locate(&args.file);
    let (a, c) = match load(ws, &path) {
        Ok(loaded) => loaded,
        Err(outcome) => return outcome,
    };
    let style = args.style.map(|s| match s {
        StyleArg::Graded => Style::Graded,
        StyleArg::Revisit => Style::Revisit,
    });
    if style == Some(Style::Graded) && c.grading.is_none() {
        return usage(&format!(
            "checklist {} defines no graded judgements; use --style revisit",
            c.id
        ));
    }
    let previous = match &args.previous {
        Some(file) => match ws.previous_named(&ws.locate(file), &a) {
            Ok(previous) => Some(previous),
            Err(PreviousError::Load(e)) => return shown_load_error(&e),
            Err(e) => return usage(&e.to_string()),
        },
        None => (style.unwrap_or(Style::of(&c)) == Style::Revisit)
            .then(|| ws.previous_beside(&path, &a))
            .flatten(),
    };
    let options = Options {
        redact: args.redact,
        as_at: args.output.as_at,
        style,
        previous,
        seal_verified: ws.seal_verifies(&path),
        ..Options::new(&args.output.marking, ws.today)
    };
    let report = Report::new(&c, &a, &options);
    args.output.emit(&report, args.format)
}
