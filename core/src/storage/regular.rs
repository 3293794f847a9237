//! Opening files to read: only regular files, never a FIFO, device, socket or folder, and
//! never more than a set number of bytes. A file is looked at before it is opened, and opened
//! without blocking, so nothing a path names can make probity hang.

use std::fs::{File, Metadata, OpenOptions};
use std::io::Read;
use std::path::Path;

use super::{Error, Op};

/// What a path names, in words, when it is not a regular file.
pub fn kind_of(meta: &Metadata) -> &'static str {
    let t = meta.file_type();
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
    }
    if t.is_dir() {
        "a folder"
    } else if t.is_symlink() {
        "a symbolic link"
    } else {
        "not a regular file"
    }
}

/// Refuses anything but a regular file, from metadata already read.
pub fn ensure_regular(path: &Path, meta: &Metadata) -> Result<(), Error> {
    if meta.is_file() {
        Ok(())
    } else {
        Err(Error::NotAFile {
            path: path.to_path_buf(),
            kind: kind_of(meta),
        })
    }
}

/// Opens a regular file to read. The path is checked before it is opened (so a FIFO or device
/// is never opened at all), opened without blocking, and checked again once open, so a file
/// swapped in between is caught too. A symlink to a regular file is followed.
pub fn open_regular(path: &Path) -> Result<File, Error> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(Op::Open, path, e))?;
    ensure_regular(path, &meta)?;
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let file = options
        .open(path)
        .map_err(|e| Error::io(Op::Open, path, e))?;
    let meta = file.metadata().map_err(|e| Error::io(Op::Open, path, e))?;
    ensure_regular(path, &meta)?;
    Ok(file)
}

/// Reads a file, refusing anything but a regular file and files over `limit` bytes.
pub fn read_bytes(path: &Path, limit: usize) -> Result<Vec<u8>, Error> {
    let file = open_regular(path)?;
    let mut bytes = Vec::new();
    file.take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(Op::Read, path, e))?;
    if bytes.len() > limit {
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            limit,
        });
    }
    Ok(bytes)
}

/// Reads a text file, refusing anything but a regular file, files over `limit` bytes and
/// files that are not UTF-8.
pub fn read_capped(path: &Path, limit: usize) -> Result<String, Error> {
    String::from_utf8(read_bytes(path, limit)?).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        // Valid UTF-8 up to here, so this cannot fail.
        let before = std::str::from_utf8(valid).unwrap_or_default();
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Error::NotText {
            path: path.to_path_buf(),
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_is_refused_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let err = read_capped(dir.path(), 10).unwrap_err();
        assert!(
            err.to_string().ends_with("is a folder, not a regular file"),
            "{err}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_waiting_for_a_writer() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("a.toml");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let err = read_capped(&fifo, 10).unwrap_err();
        assert!(err.to_string().contains("a named pipe (FIFO)"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_refused() {
        let err = read_capped(Path::new("/dev/zero"), 10).unwrap_err();
        assert!(err.to_string().contains("is a device"), "{err}");
    }

    #[test]
    fn text_that_is_not_utf8_is_refused_at_its_line_and_column() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        std::fs::write(&path, b"a = 1\nb = \"caf\xc3\xa9 \xff\"\n").unwrap();
        let err = read_capped(&path, 100).unwrap_err().to_string();
        assert!(
            err.ends_with("a.toml:2:11: the file is not UTF-8 text from here on"),
            "{err}"
        );
    }

    #[test]
    fn reading_stops_at_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.toml");
        std::fs::write(&path, "x".repeat(11)).unwrap();
        assert!(matches!(
            read_capped(&path, 10),
            Err(Error::TooLarge { .. })
        ));
        assert_eq!(read_capped(&path, 11).unwrap().len(), 11);
    }
}
