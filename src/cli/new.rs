use std::path::{Path, PathBuf};

use super::Context;
use crate::assessment::{self, Assessment};
use crate::storage;

#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// The force being assessed, e.g. "Dorset Police" (with --from: the previous file's force).
    #[arg(long = "force", value_name = "NAME", required_unless_present = "from")]
    pub force_name: Option<String>,
    /// The period assessed, e.g. 2013.
    #[arg(long)]
    pub period: String,
    /// Checklist id or path to a checklist file (default: wfof-2011; with --from, the previous
    /// file's checklist, or the newest built-in or user checklist that supersedes it).
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
}

/// A file name from a force and period: "Dorset Police", "2012" → `dorset-police-2012.toml`.
pub fn file_name(force: &str, period: &str) -> String {
    let slug: String = format!("{force} {period}")
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let slug = slug
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    format!(
        "{}.toml",
        if slug.is_empty() { "assessment" } else { &slug }
    )
}

/// Creates the assessment file and returns its path. An existing file is never replaced.
pub fn run(ctx: &Context, args: &NewArgs) -> Result<PathBuf, String> {
    start(ctx, args).map(|started| started.path)
}

/// Says on the terminal what `new` did: the file created and, when answers were carried, the
/// carry-forward report with the checklist briefing.
pub fn print(started: &Started) {
    println!("Created {}", started.path.display());
    for line in started.carried.iter().flat_map(|r| r.lines()) {
        println!("{}", crate::text::escape_for_terminal(&line));
    }
}

/// A new assessment on disk and, when it was started from last period's, what was carried.
#[derive(Debug)]
pub struct Started {
    pub path: PathBuf,
    /// The carry-forward report; its `briefing` says what changed in the checklist.
    pub carried: Option<crate::progress::carry::CarryReport>,
}

/// Creates the assessment file, printing nothing, and returns what was carried so the
/// interface can show the briefing before the first question.
pub fn start(ctx: &Context, args: &NewArgs) -> Result<Started, String> {
    let resolve = |name: &str| ctx.catalog.resolve(name, None).map_err(|e| e.render());
    let previous = match &args.from {
        Some(path) => Some(assessment::load(path, &ctx.catalog).map_err(|e| e.render())?),
        None => None,
    };
    let checklist = match (&args.checklist, &previous) {
        (Some(name), _) => resolve(name)?,
        (None, Some((_, before))) => crate::progress::carry::successor(&ctx.catalog, before),
        (None, None) => resolve(crate::checklist::Catalog::default_id())?,
    };
    let period = crate::text::sanitize_line(&args.period);
    let (mut assessment, carried) = match &previous {
        Some((prev, before)) => {
            let c = crate::progress::carry::carry_forward(prev, before, &checklist, &period);
            (c.assessment, Some(c.report))
        }
        None => (Assessment::new(&checklist, "", &period), None),
    };
    if let Some(name) = &args.force_name {
        assessment.force = crate::text::sanitize_line(name);
    }
    let force = assessment.force.clone();
    if force.is_empty() || period.is_empty() {
        return Err("the force and the period must not be empty".into());
    }
    if let Some(a) = args
        .assessor
        .as_deref()
        .map(crate::text::sanitize_line)
        .filter(|a| !a.is_empty())
    {
        assessment.assessor = Some(a);
    }
    let path = match &args.out {
        Some(p) => p.clone(),
        None => {
            storage::ensure_private_dir(&ctx.dirs.data)?;
            ctx.dirs.data.join(file_name(&force, &period))
        }
    };
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        storage::ensure_private_dir(parent)?;
    }
    create(&path, &assessment, &checklist)?;
    Ok(Started { path, carried })
}

/// Writes a new assessment file, refusing to replace one that exists.
pub fn create(
    path: &Path,
    assessment: &Assessment,
    checklist: &crate::checklist::Checklist,
) -> Result<(), String> {
    let _lock = storage::Lock::acquire(path).map_err(|e| e.to_string())?;
    storage::write_new(
        path,
        assessment::to_toml(assessment, checklist).as_bytes(),
        false,
    )
    .map_err(|e| e.replace("overwrite it with --force", "pick another --out"))
}

#[cfg(test)]
mod tests {
    use super::file_name;

    #[test]
    fn file_names_are_tidy() {
        assert_eq!(
            file_name("Dorset Police", "2012"),
            "dorset-police-2012.toml"
        );
        assert_eq!(
            file_name("Avon & Somerset", "2012/13"),
            "avon-somerset-2012-13.toml"
        );
        assert_eq!(file_name("", ""), "assessment.toml");
    }
}
