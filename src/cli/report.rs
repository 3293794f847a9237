use std::path::PathBuf;

use probity_core::document::Format;
use probity_core::report::{Report, Style};
use probity_core::workspace::{PreviousError, ReportChoices, ReportError, Workspace};

use super::{DataDir, Outcome, Output, format, shown_load_error, usage};

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
    /// Remove personal names, notes and evidence references for sharing outside the force;
    /// role titles such as "Head of Procurement" stay.
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
    let choices = ReportChoices {
        redact: args.redact,
        as_at: args.output.as_at,
        style: args.style.map(|s| match s {
            StyleArg::Graded => Style::Graded,
            StyleArg::Revisit => Style::Revisit,
        }),
        previous: args.previous.as_deref().map(|file| ws.locate(file)),
        ..ReportChoices::new(&args.output.marking)
    };
    match ws.report(&ws.locate(&args.file), &choices) {
        Ok(report) => args.output.emit(&report, args.format),
        Err(ReportError::Load(e) | ReportError::Previous(PreviousError::Load(e))) => {
            shown_load_error(&e)
        }
        Err(ReportError::NoGrading { checklist }) => usage(&format!(
            "checklist {checklist} defines no graded judgements; use --style revisit"
        )),
        Err(e) => usage(&e.to_string()),
    }
}
