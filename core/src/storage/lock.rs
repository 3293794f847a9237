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
    #[error("{} is open in another probity window", crate::text::shown_path(.0))]
    Held(PathBuf),
    /// The folder or the mount does not let this user write there, so nobody can save the file
    /// from here: it can still be read.
    #[error(
        "{} cannot be changed here: {}",
        crate::text::shown_path(path),
        super::describe(source)
    )]
    NotWritable {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Something other than a regular file has the lock's name, perhaps planted.
    #[error(
        "the lock {} is {kind}, not a regular file",
        crate::text::shown_path(path)
    )]
    NotAFile { path: PathBuf, kind: &'static str },
    #[error(
        "could not lock {}: {}",
        crate::text::shown_path(path),
        super::describe(source)
    )]
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

    /// Takes the lock without waiting. The lock file is never reached through a symlink and
    /// must be a regular file, so a planted link cannot make probity create or truncate another
    /// file, nor a FIFO make it wait.
    pub fn acquire(target: &Path) -> Result<Lock, LockError> {
        let path = Lock::path_for(target);
        let mut options = OpenOptions::new();
        options.create(true).truncate(false).write(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
            options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
        }
        let io = |source| LockError::Io {
            path: target.to_path_buf(),
            source,
        };
        let not_a_file = |meta: &std::fs::Metadata| LockError::NotAFile {
            path: path.clone(),
            kind: super::kind_of(meta),
        };
        let file = options.open(&path).map_err(|e| {
            use std::io::ErrorKind::*;
            match std::fs::symlink_metadata(&path) {
                Ok(meta) if !meta.is_file() => not_a_file(&meta),
                _ if matches!(e.kind(), PermissionDenied | ReadOnlyFilesystem) => {
                    LockError::NotWritable {
                        path: target.to_path_buf(),
                        source: e,
                    }
                }
                _ => io(e),
            }
        })?;
        let meta = file.metadata().map_err(io)?;
        if !meta.is_file() {
            return Err(not_a_file(&meta));
        }
        match file.try_lock() {
            Ok(()) => Ok(Lock { _file: file, path }),
            Err(TryLockError::WouldBlock) => Err(LockError::Held(target.to_path_buf())),
            Err(TryLockError::Error(e)) => Err(io(e)),
        }
    }

    /// Whether no window holds the lock on `target` now. It is taken and let go at once, so a
    /// read-only window can notice the other one closing without keeping anyone out.
    pub fn is_free(target: &Path) -> bool {
        Lock::acquire(target).is_ok()
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
        assert!(!Lock::is_free(&target));
        drop(first);
        assert!(Lock::is_free(&target));
        assert!(Lock::acquire(&target).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn a_planted_symlink_is_never_followed() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("x.toml");
        let elsewhere = dir.path().join("elsewhere");
        std::fs::write(&elsewhere, "keep").unwrap();
        std::os::unix::fs::symlink(&elsewhere, Lock::path_for(&target)).unwrap();
        let err = Lock::acquire(&target).unwrap_err();
        assert!(
            err.to_string()
                .contains("is a symbolic link, not a regular file"),
            "{err}"
        );
        assert_eq!(std::fs::read_to_string(&elsewhere).unwrap(), "keep");
        // A dangling link is not followed to create its target either.
        let missing = dir.path().join("missing");
        std::fs::remove_file(Lock::path_for(&target)).unwrap();
        std::os::unix::fs::symlink(&missing, Lock::path_for(&target)).unwrap();
        assert!(matches!(
            Lock::acquire(&target),
            Err(LockError::NotAFile { .. })
        ));
        assert!(!missing.exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_as_the_lock_is_refused_without_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("x.toml");
        let c = std::ffi::CString::new(Lock::path_for(&target).to_str().unwrap()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let err = Lock::acquire(&target).unwrap_err();
        assert!(err.to_string().contains("a named pipe (FIFO)"), "{err}");
    }
}
