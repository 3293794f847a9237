use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

/// An advisory lock on an assessment, held on a sibling `.lock` file. The lock is on a
/// separate file because saving renames a new file over the assessment, which would leave a
/// lock on the old file protecting nothing. It is released when dropped.
#[derive(Debug)]
pub struct Lock {
    _file: File,
    path: PathBuf,
}

#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error("{} is open in another probity window", .0.display())]
    Held(PathBuf),
    #[error("could not lock {}: {}", path.display(), super::describe(source))]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl Lock {
    /// The lock file for an assessment: `dorset-2012.toml` → `dorset-2012.toml.lock`.
    pub fn path_for(target: &Path) -> PathBuf {
        let mut name = target
            .file_name()
            .map(|n| n.to_os_string())
            .unwrap_or_default();
        name.push(".lock");
        target.with_file_name(name)
    }

    /// Takes the lock without waiting.
    pub fn acquire(target: &Path) -> Result<Lock, LockError> {
        let path = Lock::path_for(target);
        let mut options = OpenOptions::new();
        options.create(true).truncate(false).write(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let io = |source| LockError::Io {
            path: target.to_path_buf(),
            source,
        };
        let file = options.open(&path).map_err(io)?;
        match file.try_lock() {
            Ok(()) => Ok(Lock { _file: file, path }),
            Err(TryLockError::WouldBlock) => Err(LockError::Held(target.to_path_buf())),
            Err(TryLockError::Error(e)) => Err(io(e)),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_writer_is_refused_until_the_first_lets_go() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("dorset-2012.toml");
        let first = Lock::acquire(&target).unwrap();
        assert!(first.path().ends_with("dorset-2012.toml.lock"));
        assert!(matches!(Lock::acquire(&target), Err(LockError::Held(_))));
        drop(first);
        assert!(Lock::acquire(&target).is_ok());
    }
}
