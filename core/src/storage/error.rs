use std::io;
use std::path::PathBuf;

/// Something went wrong with a file or folder. Each variant names the path; none gives advice,
/// because what the user should do next depends on the front end they are using.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file probity was asked not to replace is already there.
    #[error("{} already exists", crate::text::shown_path(.0))]
    Exists(PathBuf),
    #[error("{}: {}", op.describe(path), describe(source))]
    Io {
        op: Op,
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("{} is larger than {} MB and was not read", crate::text::shown_path(path), limit / 1024 / 1024)]
    TooLarge { path: PathBuf, limit: usize },
    /// Not UTF-8: where the first byte that is not, as `file:line:column`.
    #[error(
        "{}:{line}:{column}: the file is not UTF-8 text from here on",
        crate::text::shown_path(path)
    )]
    NotText {
        path: PathBuf,
        line: usize,
        column: usize,
    },
    /// What was to be written would make the file larger than probity reads back (`limit`
    /// bytes), so nothing was written.
    #[error(
        "{} was not saved: it would be larger than {} MB, more than probity reads back; nothing was changed",
        crate::text::shown_path(path),
        limit / 1024 / 1024
    )]
    WouldBeTooLarge { path: PathBuf, limit: usize },
    /// A path that names a folder, FIFO, device or socket where a file was expected.
    #[error("{} is {kind}, not a regular file", crate::text::shown_path(path))]
    NotAFile { path: PathBuf, kind: &'static str },
    /// What was to be saved cannot be written in the file's format; nothing was written.
    #[error("could not save {}: {reason}", crate::text::shown_path(path))]
    Unwritable { path: PathBuf, reason: String },
}

/// What probity was doing when an I/O error struck.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Open,
    Read,
    ReadFolder,
    CreateFolder,
    /// Writing a new file in place.
    Write,
    /// Adding to the end of a file that is only ever appended to.
    Append,
    /// A step of an atomic save.
    Save(SaveStep),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveStep {
    CreateTemporary,
    Write,
    Flush,
    Replace,
    FlushFolder,
}

impl Op {
    fn describe(self, path: &std::path::Path) -> String {
        let path = crate::text::shown_path(path);
        match self {
            Op::Open => format!("cannot open {path}"),
            Op::Read => format!("cannot read {path}"),
            Op::ReadFolder => format!("cannot read the folder {path}"),
            Op::CreateFolder => format!("could not create the folder {path}"),
            Op::Write => format!("could not write {path}"),
            Op::Append => format!("could not add to {path}"),
            Op::Save(step) => format!(
                "could not save {path}: {}",
                match step {
                    SaveStep::CreateTemporary => "cannot create a file in its folder",
                    SaveStep::Write => "writing",
                    SaveStep::Flush => "flushing to disk",
                    SaveStep::Replace => "replacing the old file",
                    SaveStep::FlushFolder => "flushing the folder",
                }
            ),
        }
    }
}

impl Error {
    pub fn io(op: Op, path: impl Into<PathBuf>, source: io::Error) -> Error {
        Error::Io {
            op,
            path: path.into(),
            source,
        }
    }

    /// True when the disk or the folder refused the write: full, read-only or not permitted.
    pub fn is_io(&self) -> bool {
        matches!(self, Error::Io { .. })
    }
}

/// An I/O error in words a user can act on.
pub fn describe(e: &io::Error) -> String {
    use io::ErrorKind::*;
    match e.kind() {
        NotFound => "no such file or directory".into(),
        PermissionDenied => "permission denied".into(),
        AlreadyExists => "the file already exists".into(),
        ReadOnlyFilesystem => "the file system is read-only".into(),
        StorageFull => "the disk is full".into(),
        IsADirectory => "it is a directory".into(),
        _ => e.to_string(),
    }
}
