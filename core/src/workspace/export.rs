use std::path::Path;

use crate::document::{Document, Format, RenderError};
use crate::storage;

/// Whether writing a document may replace a file already at its path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overwrite {
    /// Refuse, leaving the existing file as it was.
    Never,
    /// Replace it, atomically.
    Replace,
}

/// Why a document could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Render(#[from] RenderError),
    #[error(transparent)]
    Storage(#[from] storage::Error),
}

/// Renders `document` in `format` and writes it to `path`. The file is private to its owner,
/// and an existing one is replaced only when `overwrite` allows.
pub fn export<D: Document>(
    document: &D,
    format: Format,
    path: &Path,
    overwrite: Overwrite,
) -> Result<(), ExportError> {
    let bytes = document.render(format)?;
    storage::write_new(path, &bytes, overwrite == Overwrite::Replace)?;
    Ok(())
}
