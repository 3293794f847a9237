use std::path::{Path, PathBuf};

use probity_core::storage;
use probity_core::text::shown_path;

use super::{Outcome, fail};

#[derive(Debug, clap::Args)]
pub struct SchemaArgs {
    /// Folder to write the schemas into.
    #[arg(long, default_value = "schemas")]
    pub out: PathBuf,
    /// Replace schema files that already exist there.
    #[arg(long)]
    pub overwrite: bool,
}

/// Writes every published schema. A file that already holds the same schema is left alone; one
/// that differs is replaced only with `--overwrite`.
pub fn run(args: &SchemaArgs) -> Outcome {
    let files: Vec<(String, Vec<u8>)> = probity_core::schema::published()
        .into_iter()
        .map(|(name, text)| (name.to_string(), text.into_bytes()))
        .collect();
    write_all(&args.out, &files, args.overwrite)
}

/// Writes generated files into a folder, saying what became of each. A file that already holds
/// the same bytes is left alone; one that differs is replaced only when `overwrite` allows.
pub fn write_all(out: &Path, files: &[(String, Vec<u8>)], overwrite: bool) -> Outcome {
    if let Err(e) = storage::ensure_private_dir(out) {
        return fail(&e.to_string());
    }
    for (name, bytes) in files {
        let path = out.join(name);
        if std::fs::read(&path).is_ok_and(|old| old == *bytes) {
            println!("{} is up to date", shown_path(&path));
            continue;
        }
        match storage::write_new(&path, bytes, overwrite) {
            Ok(()) => println!("Wrote {}", shown_path(&path)),
            Err(storage::Error::Exists(path)) => {
                return fail(&format!(
                    "{} already exists and differs; replace it with --overwrite",
                    path.display()
                ));
            }
            Err(e) => return fail(&e.to_string()),
        }
    }
    Outcome::Ok
}
