use std::path::{Path, PathBuf};

use super::Context;
use crate::assessment::{self, Assessment};
use crate::storage;

#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// The force being assessed, e.g. "Dorset Police".
    #[arg(long = "force", value_name = "NAME")]
    pub force_name: String,
    /// The period assessed, e.g. 2013.
    #[arg(long)]
    pub period: String,
    /// Checklist id or path to a checklist file.
    #[arg(long, default_value = crate::checklist::Catalog::default_id())]
    pub checklist: String,
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
    let checklist = ctx
        .catalog
        .resolve(&args.checklist, None)
        .map_err(|e| match e {
            crate::checklist::ResolveError::Invalid(inner) => inner.render(),
            other => other.to_string(),
        })?;
    let force = crate::text::sanitize_line(&args.force_name);
    let period = crate::text::sanitize_line(&args.period);
    if force.is_empty() || period.is_empty() {
        return Err("the force and the period must not be empty".into());
    }
    let mut assessment = Assessment::new(&checklist, &force, &period);
    assessment.assessor = args
        .assessor
        .as_deref()
        .map(crate::text::sanitize_line)
        .filter(|a| !a.is_empty());
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
    if args.no_tui {
        println!("Created {}", path.display());
    }
    Ok(path)
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
