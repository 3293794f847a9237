use std::path::{Path, PathBuf};

/// The folders probity uses: assessments in the data folder, the user's own checklists in
/// the config folder.
#[derive(Debug, Clone)]
pub struct Dirs {
    pub data: PathBuf,
    pub checklists: Option<PathBuf>,
    /// probity's settings file, `config.toml`, beside the user's checklists.
    pub config: Option<PathBuf>,
    /// True when the data folder is probity's own choice (the platform's data folder), false
    /// when the user named it.
    pub own: bool,
}

/// A data folder that other users can reach into: its path and permission bits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exposed {
    pub path: PathBuf,
    pub mode: u32,
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
                own: false,
            });
        }
        let project = directories::ProjectDirs::from("uk", "", "probity").ok_or(NoHome)?;
        Ok(Dirs {
            data: project.data_dir().to_path_buf(),
            checklists: Some(project.config_dir().join("checklists")),
            config: Some(project.config_dir().join(CONFIG)),
            own: true,
        })
    }

    /// Keeps the data folder private. probity's own folder is tightened to 0700 when group or
    /// others can reach into it. A folder the user named is left as it is, since sharing it may
    /// be meant, and returned so the front end can say so when others can write in it (and so
    /// plant or remove files); one they can only list, as `mkdir` makes it, holds files only
    /// their owner can read, so it is not worth a warning on every command.
    pub fn keep_private(&self) -> Option<Exposed> {
        keep_private(&self.data, self.own)
    }
}

#[cfg(unix)]
fn keep_private(dir: &Path, tighten: bool) -> Option<Exposed> {
    use std::os::unix::fs::PermissionsExt;
    // A symlink is judged by the folder it leads to, which is where the files go.
    let meta = std::fs::metadata(dir).ok().filter(|m| m.is_dir())?;
    let mode = meta.permissions().mode() & 0o7777;
    if mode & 0o077 == 0 {
        return None;
    }
    let private = std::fs::Permissions::from_mode(0o700);
    if tighten && std::fs::set_permissions(dir, private).is_ok() || !tighten && mode & 0o022 == 0 {
        return None;
    }
    Some(Exposed {
        path: dir.to_path_buf(),
        mode,
    })
}

#[cfg(not(unix))]
fn keep_private(_: &Path, _: bool) -> Option<Exposed> {
    None
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
    fn an_open_data_folder_is_tightened_when_probity_chose_it_and_reported_otherwise() {
        use std::os::unix::fs::PermissionsExt;
        let root = tempfile::tempdir().unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let open =
            |p: &Path| std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o777)).unwrap();
        let dirs = |own| Dirs {
            data: root.path().to_path_buf(),
            checklists: None,
            config: None,
            own,
        };
        open(root.path());
        assert_eq!(
            dirs(false).keep_private(),
            Some(Exposed {
                path: root.path().to_path_buf(),
                mode: 0o777
            })
        );
        assert_eq!(
            mode(root.path()),
            0o777,
            "a folder the user named is theirs"
        );
        assert_eq!(dirs(true).keep_private(), None);
        assert_eq!(mode(root.path()), 0o700);
        assert_eq!(dirs(false).keep_private(), None);
        // Named by the user and only listable by others, as mkdir makes it: left, and quiet.
        std::fs::set_permissions(root.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        assert_eq!(dirs(false).keep_private(), None);
        assert_eq!(mode(root.path()), 0o755);
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
