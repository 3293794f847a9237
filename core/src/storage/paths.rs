use std::path::{Path, PathBuf};

/// The folders probity uses: assessments in the data folder, the user's own checklists in
/// the config folder.
#[derive(Debug, Clone)]
pub struct Dirs {
    pub data: PathBuf,
    pub checklists: Option<PathBuf>,
    /// probity's settings file, `config.toml`, beside the user's checklists.
    pub config: Option<PathBuf>,
}

impl Dirs {
    /// `--data-dir` first, then `PROBITY_HOME`, then the platform's data folder. With an
    /// explicit data folder, user checklists live in its `checklists/` subfolder so a test or
    /// a shared drive is self-contained.
    pub fn resolve(data_dir: Option<&Path>) -> Result<Dirs, NoHome> {
        let explicit = data_dir.map(Path::to_path_buf).or_else(|| {
            std::env::var_os("PROBITY_HOME")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        });
        if let Some(data) = explicit {
            return Ok(Dirs {
                checklists: Some(data.join("checklists")),
                config: Some(data.join(CONFIG)),
                data,
            });
        }
        let project = directories::ProjectDirs::from("uk", "", "probity").ok_or(NoHome)?;
        Ok(Dirs {
            data: project.data_dir().to_path_buf(),
            checklists: Some(project.config_dir().join("checklists")),
            config: Some(project.config_dir().join(CONFIG)),
        })
    }
}

/// The name of probity's settings file.
const CONFIG: &str = "config.toml";

/// There is no home folder to put probity's data folder in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("no home folder was found to keep assessments in")]
pub struct NoHome;

/// Creates a folder, and any missing parents, readable only by its owner.
pub fn ensure_private_dir(dir: &Path) -> Result<(), super::Error> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder
        .create(dir)
        .map_err(|e| super::Error::io(super::Op::CreateFolder, dir, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_explicit_data_dir_wins() {
        let d = Dirs::resolve(Some(Path::new("/tmp/x"))).unwrap();
        assert_eq!(d.data, Path::new("/tmp/x"));
        assert_eq!(
            d.checklists.as_deref(),
            Some(Path::new("/tmp/x/checklists"))
        );
        assert_eq!(d.config.as_deref(), Some(Path::new("/tmp/x/config.toml")));
    }

    #[cfg(unix)]
    #[test]
    fn private_dirs_are_0700() {
        use std::os::unix::fs::PermissionsExt;
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("a/b");
        ensure_private_dir(&dir).unwrap();
        assert_eq!(
            std::fs::metadata(&dir).unwrap().permissions().mode() & 0o777,
            0o700
        );
    }
}
