use std::io::Write;
use std::path::Path;
use std::time::{Duration, SystemTime};

use super::{Error, Op, SaveStep};

/// Replaces `path` with `bytes` atomically: a temporary file in the same directory is written,
/// flushed to disk and renamed over the target, then the directory itself is flushed. A crash
/// at any point leaves either the old file or the new one, never a mixture. The result is
/// readable only by its owner.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    write_via_temporary(path, bytes, true)
}

/// Writes a file, readable only by its owner, refusing to replace an existing one unless
/// `overwrite` is set. Used for new assessments and exports, where the path is the user's
/// choice. Either way the file appears complete or not at all: it is written to a temporary
/// file and flushed first, then given its name, which without `overwrite` fails if anything
/// (a file, a folder or a symlink) already has it.
/// With `overwrite`, only a regular file is replaced: a symbolic link, device, FIFO, socket or
/// folder at the path is refused before anything is written, so `--out /dev/null --overwrite`
/// can never put a file where a device was.
pub fn write_new(path: &Path, bytes: &[u8], overwrite: bool) -> Result<(), Error> {
    if overwrite && let Ok(meta) = std::fs::symlink_metadata(path) {
        super::ensure_regular(path, &meta)?;
    }
    write_via_temporary(path, bytes, overwrite)
}

fn write_via_temporary(path: &Path, bytes: &[u8], replace: bool) -> Result<(), Error> {
    let dir = folder_of(path);
    let fail = |step| move |e| Error::io(Op::Save(step), path, e);
    let mut tmp = tempfile::Builder::new()
        .prefix(&temporary_prefix(path))
        .suffix(TEMPORARY_SUFFIX)
        .rand_bytes(RANDOM_LEN)
        .tempfile_in(dir)
        .map_err(fail(SaveStep::CreateTemporary))?;
    tmp.write_all(bytes).map_err(fail(SaveStep::Write))?;
    tmp.as_file().sync_all().map_err(fail(SaveStep::Flush))?;
    let placed = if replace {
        tmp.persist(path)
    } else {
        tmp.persist_noclobber(path)
    };
    // On failure the temporary file is dropped, which removes it.
    placed.map_err(|e| match e.error.kind() {
        std::io::ErrorKind::AlreadyExists if !replace => Error::Exists(path.to_path_buf()),
        _ => fail(SaveStep::Replace)(e.error),
    })?;
    #[cfg(unix)]
    {
        std::fs::File::open(dir)
            .and_then(|d| d.sync_all())
            .map_err(fail(SaveStep::FlushFolder))?;
    }
    Ok(())
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

const TEMPORARY_SUFFIX: &str = ".tmp";
const RANDOM_LEN: usize = 6;
/// Long names are cut so the temporary name stays within a file system's 255-byte limit.
const NAME_BYTES: usize = 120;

/// `.probity-NAME.` for a target named NAME: a temporary file says which file it was for, so
/// whoever holds that file's lock knows any such file is a leftover of a save that died.
fn temporary_prefix(target: &Path) -> String {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let mut end = name.len().min(NAME_BYTES);
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    format!(".probity-{}.", &name[..end])
}

/// Removes the temporary files a killed save of `target` left beside it. Only the caller that
/// holds `target`'s lock may call this: no save of that file can then be under way. Temporary
/// files of earlier builds, which did not name their target, are removed once they are a day
/// old, long after any save that made them has ended. Returns how many were removed.
pub fn remove_stale_temporaries(target: &Path) -> usize {
    let prefix = temporary_prefix(target);
    let Ok(entries) = std::fs::read_dir(folder_of(target)) else {
        return 0;
    };
    let day_ago = SystemTime::now() - Duration::from_secs(24 * 60 * 60);
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let ours = random_part(&name, &prefix).is_some();
        let legacy = random_part(&name, ".probity-").is_some();
        // Never a symlink's target or a folder: only a plain file of our own naming.
        let Ok(meta) = entry.path().symlink_metadata() else {
            continue;
        };
        let old = meta.modified().is_ok_and(|m| m < day_ago);
        if meta.is_file() && (ours || (legacy && old)) && std::fs::remove_file(entry.path()).is_ok()
        {
            removed += 1;
        }
    }
    removed
}

/// The random part of a temporary file's name made with `prefix`, if it is one.
fn random_part<'a>(name: &'a str, prefix: &str) -> Option<&'a str> {
    let middle = name.strip_prefix(prefix)?.strip_suffix(TEMPORARY_SUFFIX)?;
    (middle.len() == RANDOM_LEN && middle.chars().all(|c| c.is_ascii_alphanumeric()))
        .then_some(middle)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(unix)]
    use std::os::unix::fs::FileTypeExt;
    use std::path::PathBuf;

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
    fn overwriting_replaces_only_a_regular_file() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "keep").unwrap();
        let link = dir.path().join("link.html");
        std::os::unix::fs::symlink(&victim, &link).unwrap();
        let folder = dir.path().join("folder.html");
        std::fs::create_dir(&folder).unwrap();
        let fifo = dir.path().join("fifo.html");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        for (path, kind) in [
            (&link, "a symbolic link"),
            (&folder, "a folder"),
            (&fifo, "a named pipe (FIFO)"),
            (&PathBuf::from("/dev/null"), "a device"),
        ] {
            let err = write_new(path, b"report", true).unwrap_err();
            assert!(
                err.to_string()
                    .contains(&format!("is {kind}, not a regular file")),
                "{err}"
            );
        }
        assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep");
        assert!(
            std::fs::metadata("/dev/null")
                .unwrap()
                .file_type()
                .is_char_device()
        );
        let plain = dir.path().join("plain.html");
        std::fs::write(&plain, "old").unwrap();
        write_new(&plain, b"new", true).unwrap();
        assert_eq!(std::fs::read_to_string(&plain).unwrap(), "new");
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }

    #[test]
    fn stale_temporaries_of_this_file_are_removed_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        let touch = |name: &str| std::fs::write(dir.path().join(name), "x").unwrap();
        touch(".probity-a.toml.Ab12Cd.tmp"); // ours, left by a killed save
        touch(".probity-b.toml.Ab12Cd.tmp"); // another file's: its save may be under way
        touch(".probity-a.toml.long-name.tmp"); // not of our naming
        touch(".probity-Xy34Zw.tmp"); // an earlier build's, but new: it may be in use
        touch("notes.tmp");
        std::fs::create_dir(dir.path().join(".probity-a.toml.Folder.tmp")).unwrap();
        assert_eq!(remove_stale_temporaries(&path), 1);
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                ".probity-Xy34Zw.tmp",
                ".probity-a.toml.Folder.tmp",
                ".probity-a.toml.long-name.tmp",
                ".probity-b.toml.Ab12Cd.tmp",
                "notes.tmp"
            ]
        );
    }

    #[test]
    fn a_temporary_name_stays_short_for_a_long_file_name() {
        let long = "é".repeat(200) + ".toml";
        let prefix = temporary_prefix(Path::new(&long));
        assert!(prefix.len() <= 9 + NAME_BYTES + 1, "{}", prefix.len());
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("é".repeat(100) + ".toml");
        write_atomic(&path, b"x").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"x");
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
    fn a_new_file_that_cannot_be_written_leaves_no_file_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.md");
        // A folder already has the name: refused, and nothing half-written is left anywhere.
        std::fs::create_dir(&path).unwrap();
        assert!(matches!(
            write_new(&path, b"x", false),
            Err(Error::Exists(_))
        ));
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        assert_eq!(std::fs::read_dir(&path).unwrap().count(), 0);
    }

    #[cfg(unix)]
    #[test]
    fn write_new_never_follows_a_planted_symlink() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "keep").unwrap();
        let path = dir.path().join("r.md");
        std::os::unix::fs::symlink(&victim, &path).unwrap();
        assert!(matches!(
            write_new(&path, b"x", false),
            Err(Error::Exists(_))
        ));
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep");
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
