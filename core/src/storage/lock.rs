use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

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

    /// Takes the lock, waiting up to `patience` for whoever holds it to let go. Before the
    /// first wait, `waiting` is told who holds it, as they described themselves (see
    /// [`Lock::describe_holder`]), if that can be read. Once `patience` has passed, it is
    /// [`LockError::Held`] as without waiting; any other error comes back at once.
    pub fn wait(
        target: &Path,
        patience: Duration,
        waiting: impl FnOnce(Option<String>),
    ) -> Result<Lock, LockError> {
        let start = Instant::now();
        let mut waiting = Some(waiting);
        loop {
            match Lock::acquire(target) {
                Err(LockError::Held(p)) => {
                    if start.elapsed() >= patience {
                        return Err(LockError::Held(p));
                    }
                    if let Some(tell) = waiting.take() {
                        tell(Lock::holder(target));
                    }
                    std::thread::sleep(Duration::from_millis(15));
                }
                other => return other,
            }
        }
    }

    /// Writes who holds the lock into the lock file, for anyone waiting to name (a user and a
    /// process number, say). Best effort: a lock that cannot say who holds it still holds.
    pub fn describe_holder(&self, holder: &str) {
        let mut file = &self._file;
        let _ = file.set_len(0);
        let _ = file.write_all(holder.as_bytes());
    }

    /// Who holds the lock on `target`, as they described themselves, cleaned of anything that
    /// could drive a terminal and cut to 200 characters; `None` when nothing can be read.
    pub fn holder(target: &Path) -> Option<String> {
        let path = Lock::path_for(target);
        let mut options = OpenOptions::new();
        options.read(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
        }
        let file = options.open(&path).ok()?;
        if !file.metadata().ok()?.is_file() {
            return None;
        }
        let mut bytes = Vec::new();
        file.take(1024).read_to_end(&mut bytes).ok()?;
        let text: String = crate::text::clean_name(&String::from_utf8_lossy(&bytes))
            .chars()
            .take(200)
            .collect();
        (!text.is_empty()).then_some(text)
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

    #[test]
    fn a_waiting_writer_is_told_who_holds_the_lock_and_gets_it_when_let_go() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("dorset-2012.toml");
        let first = Lock::acquire(&target).unwrap();
        first.describe_holder("Jo Bloggs (process 42)\u{1b}[2J");
        let told = std::cell::RefCell::new(None);
        let err = Lock::wait(&target, Duration::from_millis(50), |who| {
            *told.borrow_mut() = who
        })
        .unwrap_err();
        assert!(matches!(err, LockError::Held(_)));
        assert_eq!(
            told.into_inner().as_deref(),
            Some("Jo Bloggs (process 42)[2J")
        );
        let releaser = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(100));
            drop(first);
        });
        let second = Lock::wait(&target, Duration::from_secs(10), |_| {});
        assert!(second.is_ok());
        releaser.join().unwrap();
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
