//! Files on disk: where they live, how they are written without ever leaving a half-written
//! file, and how two copies of probity are kept from writing the same assessment.

mod atomic;
mod error;
mod lock;
mod paths;
mod regular;

pub use atomic::{remove_stale_temporaries, write_atomic, write_new};
pub use error::{Error, Op, SaveStep, describe};
pub use lock::{Lock, LockError};
pub use paths::{Dirs, Exposed, NoHome, ensure_private_dir};
pub use regular::{ensure_regular, kind_of, open_regular, read_bytes, read_capped};

/// SHA-256 of `bytes`, as 64 lower-case hex digits: how probity fingerprints what it stores.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    format!("{:x}", Sha256::digest(bytes))
}
