//! Files on disk: where they live, how they are written without ever leaving a half-written
//! file, and how two copies of probity are kept from writing the same assessment.

mod atomic;
mod lock;
mod paths;

pub use atomic::{write_atomic, write_new};
pub use lock::{Lock, LockError};
pub use paths::{Dirs, ensure_private_dir};

use std::io::Read;
use std::path::Path;

/// Reads a text file, refusing files over `limit` bytes and files that are not UTF-8.
pub fn read_capped(path: &Path, limit: usize) -> Result<String, String> {
    let file = std::fs::File::open(path)
        .map_err(|e| format!("cannot open {}: {}", path.display(), describe(&e)))?;
    let mut bytes = Vec::new();
    file.take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read {}: {}", path.display(), describe(&e)))?;
    if bytes.len() > limit {
        return Err(format!(
            "{} is larger than {} MB and was not read",
            path.display(),
            limit / 1024 / 1024
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{} is not UTF-8 text (first bad byte at offset {})",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })
}

/// An I/O error in words a user can act on.
pub fn describe(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
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
