use std::io::Write;
use std::path::Path;

use super::{Error, Op, SaveStep};

/// Replaces `path` with `bytes` atomically: a temporary file in the same directory is written,
/// flushed to disk and renamed over the target, then the directory itself is flushed. A crash
/// at any point leaves either the old file or the new one, never a mixture. The result is
/// readable only by its owner.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let fail = |step| move |e| Error::io(Op::Save(step), path, e);
    let mut tmp = tempfile::Builder::new()
        .prefix(".probity-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(fail(SaveStep::CreateTemporary))?;
    tmp.write_all(bytes).map_err(fail(SaveStep::Write))?;
    tmp.as_file().sync_all().map_err(fail(SaveStep::Flush))?;
    tmp.persist(path)
        .map_err(|e| fail(SaveStep::Replace)(e.error))?;
    #[cfg(unix)]
    {
        std::fs::File::open(dir)
            .and_then(|d| d.sync_all())
            .map_err(fail(SaveStep::FlushFolder))?;
    }
    Ok(())
}

/// Writes a new file, readable only by its owner, refusing to replace an existing one unless
/// `overwrite` is set. Used for exports, where the path is the user's choice.
pub fn write_new(path: &Path, bytes: &[u8], overwrite: bool) -> Result<(), Error> {
    if overwrite {
        return write_atomic(path, bytes);
    }
    // create_new fails on any existing entry, symlinks included, so nothing is clobbered.
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => Error::Exists(path.to_path_buf()),
        _ => Error::io(Op::Write, path, e),
    })?;
    file.write_all(bytes)
        .and_then(|()| file.sync_all())
        .map_err(|e| Error::io(Op::Write, path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_and_is_private() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "two");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary files left behind");
    }

    #[cfg(unix)]
    #[test]
    fn atomic_write_replaces_a_planted_symlink_instead_of_following_it() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "keep").unwrap();
        let path = dir.path().join("a.toml");
        std::os::unix::fs::symlink(&victim, &path).unwrap();
        write_atomic(&path, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep");
        assert!(
            !std::fs::symlink_metadata(&path)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }

    #[test]
    fn write_new_never_clobbers_without_permission() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.md");
        write_new(&path, b"first", false).unwrap();
        let err = write_new(&path, b"second", false).unwrap_err();
        assert!(matches!(err, Error::Exists(_)), "{err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "first");
        write_new(&path, b"second", true).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "second");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let fresh = dir.path().join("fresh.md");
            write_new(&fresh, b"x", false).unwrap();
            assert_eq!(
                std::fs::metadata(&fresh).unwrap().permissions().mode() & 0o777,
                0o600
            );
        }
    }

    #[test]
    fn a_folder_that_cannot_hold_the_file_gives_a_clear_error_and_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        // A plain file where a folder should be: refused even for root, unlike permissions.
        let not_a_folder = dir.path().join("notes.txt");
        std::fs::write(&not_a_folder, "keep").unwrap();
        let err = write_atomic(&not_a_folder.join("a.toml"), b"x")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("could not save"), "{err}");
        assert!(err.contains("a.toml"), "{err}");
        assert_eq!(std::fs::read_to_string(&not_a_folder).unwrap(), "keep");
    }
}
