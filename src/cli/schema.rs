use std::path::PathBuf;

use probity_core::storage;

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
    if let Err(e) = storage::ensure_private_dir(&args.out) {
        return fail(&e.to_string());
    }
    for (name, text) in probity_core::schema::published() {
        let path = args.out.join(name);
        if std::fs::read_to_string(&path).is_ok_and(|old| old == text) {
            println!("{} is up to date", path.display());
            continue;
        }
        match storage::write_new(&path, text.as_bytes(), args.overwrite) {
            Ok(()) => println!("Wrote {}", path.display()),
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
