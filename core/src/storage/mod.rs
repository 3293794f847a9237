//! Files on disk: where they live, how they are written without ever leaving a half-written
//! file, and how two copies of probity are kept from writing the same assessment.

mod atomic;
mod error;
mod lock;
mod paths;

pub use atomic::{remove_stale_temporaries, write_atomic, write_new};
pub use error::{Error, Op, SaveStep, describe};
pub use lock::{Lock, LockError};
pub use paths::{Dirs, NoHome, ensure_private_dir};

use std::io::Read;
use std::path::Path;

/// Reads a text file, refusing files over `limit` bytes and files that are not UTF-8.
pub fn read_capped(path: &Path, limit: usize) -> Result<String, Error> {
    let file = std::fs::File::open(path).map_err(|e| Error::io(Op::Open, path, e))?;
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
    String::from_utf8(bytes).map_err(|e| Error::NotText {
        path: path.to_path_buf(),
        offset: e.utf8_error().valid_up_to(),
    })
}
