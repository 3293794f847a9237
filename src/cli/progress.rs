//! The year-on-year commands: `compare`, `trend`, `summary` and `finalise`.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use super::{Context, Outcome, Output, emit, fail, load};
use crate::assessment;
use crate::progress::compare::{self, Side};
use crate::progress::render::{self, Format, Page, SummaryFormat};
use crate::progress::{self as core, summary, trend::Trend};
use crate::{report, scoring, storage};

#[derive(Debug, clap::Args)]
pub struct CompareArgs {
    /// Last period's assessment.
    pub old: PathBuf,
    /// This period's assessment.
    pub new: PathBuf,
    #[arg(long, value_enum, default_value = "md")]
    pub format: Format,
    #[command(flatten)]
    pub output: Output,
}

#[derive(Debug, clap::Args)]
pub struct TrendArgs {
    /// Assessment files, or folders of them.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// The force to chart, when the files cover more than one.
    #[arg(long = "force", value_name = "NAME")]
    pub force_name: Option<String>,
    #[arg(long, value_enum, default_value = "md")]
    pub format: Format,
    /// Write to this file instead of standard output.
    #[arg(long, value_name = "PATH")]
    pub out: Option<PathBuf>,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub overwrite: bool,
    /// Protective marking printed at the top and foot.
    #[arg(long, default_value = report::DEFAULT_MARKING)]
    pub marking: String,
}

#[derive(Debug, clap::Args)]
pub struct SummaryArgs {
    /// Assessment files, or folders of them.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "md")]
    pub format: SummaryFormat,
    /// Summarise this period only, instead of each force's latest.
    #[arg(long)]
    pub period: Option<String>,
    #[command(flatten)]
    pub output: Output,
}

fn page(ctx: &Context, marking: &str) -> Page {
    Page {
        marking: crate::text::sanitize_line(marking),
        generated: ctx.today,
    }
}

pub fn compare(ctx: &Context, args: &CompareArgs) -> Outcome {
    let ((old, old_c), (new, new_c)) = match (load(ctx, &args.old), load(ctx, &args.new)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(o), _) | (_, Err(o)) => return o,
    };
    let (old_e, new_e) = (
        scoring::evaluate(&old_c, &old, ctx.today),
        scoring::evaluate(&new_c, &new, ctx.today),
    );
    let c = compare::compare(
        &Side::new(&old_c, &old, &old_e),
        &Side::new(&new_c, &new, &new_e),
        ctx.today,
    );
    if new.period < old.period {
        eprintln!(
            "warning: the second file ({}) is for an earlier period than the first ({}); give last period's file first",
            crate::text::escape_for_terminal(&new.period),
            crate::text::escape_for_terminal(&old.period)
        );
    }
    if let Some((a, b)) = &c.different_forces {
        eprintln!(
            "warning: the files are for different forces ({} and {})",
            crate::text::escape_for_terminal(a),
            crate::text::escape_for_terminal(b)
        );
    }
    emit(
        &render::comparison(&c, args.format, &page(ctx, &args.output.marking)),
        args.output.out.as_deref(),
        args.output.force,
    )
}

/// Reads a batch, with a progress bar when there are many files and someone is watching.
fn batch(ctx: &Context, inputs: &[PathBuf]) -> Result<core::Batch, Outcome> {
    let paths = core::expand(inputs).map_err(|e| fail(&e))?;
    if paths.is_empty() {
        return Err(fail("no assessment files (*.toml) were found"));
    }
    let bar = (paths.len() >= 50 && std::io::stderr().is_terminal()).then(|| {
        let bar = indicatif::ProgressBar::new(paths.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("Reading assessments {bar:30} {pos} of {len}")
                .expect("the template is valid"),
        );
        bar
    });
    let batch = core::load_batch(&paths, &ctx.catalog, ctx.today, || {
        if let Some(b) = &bar {
            b.inc(1);
        }
    });
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    for bad in &batch.bad {
        for p in &bad.problems {
            eprintln!("error: {}", crate::text::escape_for_terminal(p));
        }
    }
    Ok(batch)
}

fn with_bad_files(batch: &core::Batch, outcome: Outcome) -> Outcome {
    if batch.bad.is_empty() {
        return outcome;
    }
    eprintln!(
        "{} file{} could not be read and {} left out.",
        batch.bad.len(),
        if batch.bad.len() == 1 { "" } else { "s" },
        if batch.bad.len() == 1 { "was" } else { "were" }
    );
    Outcome::Invalid
}

pub fn summary(ctx: &Context, args: &SummaryArgs) -> Outcome {
    let batch = match batch(ctx, &args.inputs) {
        Ok(b) => b,
        Err(o) => return o,
    };
    let s = summary::summarise(&batch, args.period.as_deref());
    let outcome = emit(
        &render::summary(&s, args.format, &page(ctx, &args.output.marking)),
        args.output.out.as_deref(),
        args.output.force,
    );
    with_bad_files(&batch, outcome)
}

pub fn trend(ctx: &Context, args: &TrendArgs) -> Outcome {
    let batch = match batch(ctx, &args.inputs) {
        Ok(b) => b,
        Err(o) => return o,
    };
    let forces = crate::progress::trend::forces(&batch);
    let force = match (&args.force_name, forces.as_slice()) {
        (Some(name), _) => crate::text::sanitize_line(name),
        (None, [one]) => one.clone(),
        (None, []) => return with_bad_files(&batch, fail("no assessment could be read")),
        (None, many) => {
            return fail(&format!(
                "the files cover {} forces; choose one with --force NAME: {}",
                many.len(),
                many.join(", ")
            ));
        }
    };
    let t = Trend::of(&batch, &force);
    if t.points.len() < 2 {
        let known = if forces.is_empty() {
            String::new()
        } else {
            format!(" (forces found: {})", forces.join(", "))
        };
        return with_bad_files(
            &batch,
            fail(&format!(
                "a trend needs at least two periods of {force}, and {} found{known}",
                t.points.len()
            )),
        );
    }
    let outcome = emit(
        &render::trend(&t, args.format, &page(ctx, &args.marking)),
        args.out.as_deref(),
        args.overwrite,
    );
    with_bad_files(&batch, outcome)
}

/// Marks an assessment final, refusing while carried answers are unconfirmed.
pub fn finalise(ctx: &Context, file: &Path) -> Outcome {
    let _lock = match storage::Lock::acquire(file) {
        Ok(l) => l,
        Err(e) => return fail(&e.to_string()),
    };
    let (mut a, c) = match load(ctx, file) {
        Ok(loaded) => loaded,
        Err(o) => return o,
    };
    if let Err(refused) = a.finalise() {
        eprintln!(
            "error: {} cannot be marked final: {}",
            file.display(),
            crate::text::escape_for_terminal(&refused.to_string())
        );
        eprintln!("Confirm or change each of them in probity, then try again.");
        return Outcome::Invalid;
    }
    match assessment::save(file, &a, &c) {
        Ok(()) => {
            println!(
                "{} for {} is now marked final.",
                crate::text::escape_for_terminal(&a.period),
                crate::text::escape_for_terminal(&a.force)
            );
            Outcome::Ok
        }
        Err(e) => fail(&e),
    }
}
