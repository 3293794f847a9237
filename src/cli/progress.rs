//! The year-on-year commands: `compare`, `trend` and `summary`.

use std::io::IsTerminal;
use std::path::PathBuf;

use probity_core::document::Format;
use probity_core::progress::compare::{self, Comparison, Side};
use probity_core::progress::summary::{self, Summary};
use probity_core::progress::trend::{self, Trend};
use probity_core::progress::{self as core, BadFile, Batch};
use probity_core::scoring;
use probity_core::text::{clean_name, escape_for_terminal};
use probity_core::workspace::Workspace;

use super::{DataDir, Outcome, Output, fail, format, load};

#[derive(Debug, clap::Args)]
pub struct CompareArgs {
    /// Last period's assessment.
    pub old: PathBuf,
    /// This period's assessment.
    pub new: PathBuf,
    #[arg(long, value_parser = format::of::<Comparison>(), default_value = "md")]
    pub format: Format,
    #[command(flatten)]
    pub output: Output,
    /// Remove personal names and text answers, for sharing outside the force.
    #[arg(long)]
    pub redact: bool,
    #[command(flatten)]
    pub data: DataDir,
}

#[derive(Debug, clap::Args)]
pub struct TrendArgs {
    /// Assessment files, or folders of them.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// The force to chart, when the files cover more than one.
    #[arg(long = "force", value_name = "NAME")]
    pub force_name: Option<String>,
    #[arg(long, value_parser = format::of::<Trend>(), default_value = "md")]
    pub format: Format,
    #[command(flatten)]
    pub output: Output,
    #[command(flatten)]
    pub data: DataDir,
}

#[derive(Debug, clap::Args)]
pub struct SummaryArgs {
    /// Assessment files, or folders of them.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    #[arg(long, value_parser = format::of::<Summary>(), default_value = "md")]
    pub format: Format,
    /// Summarise this period only, instead of each force's latest.
    #[arg(long)]
    pub period: Option<String>,
    #[command(flatten)]
    pub output: Output,
    #[command(flatten)]
    pub data: DataDir,
}

pub fn compare(ws: &Workspace, args: &CompareArgs) -> Outcome {
    let ((old, old_c), (new, new_c)) = match (
        load(ws, &ws.locate(&args.old)),
        load(ws, &ws.locate(&args.new)),
    ) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(o), _) | (_, Err(o)) => return o,
    };
    let page = args.output.page(
        ws.today,
        probity_core::document::recorded_as_at(&new_c, &new, ws.today),
    );
    let (old_e, new_e) = (
        scoring::evaluate(&old_c, &old, page.as_at),
        scoring::evaluate(&new_c, &new, page.as_at),
    );
    let c = compare::compare(
        &Side::new(&old_c, &old, &old_e),
        &Side::new(&new_c, &new, &new_e),
        &page,
        args.redact,
    );
    if new.period < old.period {
        eprintln!(
            "warning: the second file ({}) is for an earlier period than the first ({}); give last period's file first",
            escape_for_terminal(&new.period),
            escape_for_terminal(&old.period)
        );
    }
    if let Some((a, b)) = &c.different_forces {
        eprintln!(
            "warning: the files are for different forces ({} and {})",
            escape_for_terminal(a),
            escape_for_terminal(b)
        );
    }
    args.output.emit(&c, args.format)
}

/// The assessment files named, or the outcome when there are none.
fn files(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, Outcome> {
    let paths = core::expand(inputs).map_err(|e| fail(&e.to_string()))?;
    if paths.is_empty() {
        return Err(fail("no assessment files (*.toml) were found"));
    }
    Ok(paths)
}

/// Runs `read` over the files with a progress bar when there are many and someone is watching,
/// then lists the files that could not be read.
fn reading<T>(
    paths: &[PathBuf],
    read: impl FnOnce(&(dyn Fn() + Sync)) -> T,
    bad: impl Fn(&T) -> &[BadFile],
) -> T {
    let bar = (paths.len() >= 50 && std::io::stderr().is_terminal()).then(|| {
        let bar = indicatif::ProgressBar::new(paths.len() as u64);
        if let Ok(style) =
            indicatif::ProgressStyle::with_template("Reading assessments {bar:30} {pos} of {len}")
        {
            bar.set_style(style);
        }
        bar
    });
    let result = read(&|| {
        if let Some(b) = &bar {
            b.inc(1);
        }
    });
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    for file in bad(&result) {
        for p in &file.problems {
            eprintln!("error: {}", escape_for_terminal(p));
        }
    }
    result
}

/// Reads a batch of files to keep, for a trend.
fn batch(ws: &Workspace, inputs: &[PathBuf]) -> Result<Batch, Outcome> {
    let paths = files(inputs)?;
    Ok(reading(
        &paths,
        |tick| core::load_batch(&paths, &ws.catalog, ws.today, tick),
        |b| &b.bad,
    ))
}

fn with_bad_files(bad: &[BadFile], outcome: Outcome) -> Outcome {
    if bad.is_empty() {
        return outcome;
    }
    eprintln!(
        "{} file{} could not be read and {} left out.",
        bad.len(),
        if bad.len() == 1 { "" } else { "s" },
        if bad.len() == 1 { "was" } else { "were" }
    );
    Outcome::Invalid
}

/// Summarises the files, folding each in as it is read.
pub fn summary(ws: &Workspace, args: &SummaryArgs) -> Outcome {
    let paths = match files(&args.inputs) {
        Ok(p) => p,
        Err(o) => return o,
    };
    let page = args.output.page(ws.today, None);
    let s = reading(
        &paths,
        |tick| summary::summarise_files(&paths, &ws.catalog, args.period.as_deref(), &page, tick),
        |s| &s.bad,
    );
    with_bad_files(&s.bad, args.output.emit(&s, args.format))
}

pub fn trend(ws: &Workspace, args: &TrendArgs) -> Outcome {
    let batch = match batch(ws, &args.inputs) {
        Ok(b) => b,
        Err(o) => return o,
    };
    let forces = trend::forces(&batch);
    let force = match (&args.force_name, forces.as_slice()) {
        (Some(name), _) => clean_name(name),
        (None, [one]) => one.clone(),
        (None, []) => return with_bad_files(&batch.bad, fail("no assessment could be read")),
        (None, many) => {
            return fail(&format!(
                "the files cover {} forces; choose one with --force NAME: {}",
                many.len(),
                many.join(", ")
            ));
        }
    };
    let t = Trend::of(&batch, &force, &args.output.page(ws.today, None));
    if t.points.len() < 2 {
        let known = if forces.is_empty() {
            String::new()
        } else {
            format!(" (forces found: {})", forces.join(", "))
        };
        return with_bad_files(
            &batch.bad,
            fail(&format!(
                "a trend needs at least two periods of {force}, and {} found{known}",
                t.points.len()
            )),
        );
    }
    with_bad_files(&batch.bad, args.output.emit(&t, args.format))
}
