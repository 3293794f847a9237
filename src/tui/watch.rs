//! A read-only window keeps an eye on the file another window is editing: when that window
//! saves, the view is refreshed; when it closes, this one offers to take over editing. The
//! event loop's regular wake-up drives the checks, so nothing runs in the background.

use std::path::Path;
use std::time::SystemTime;

use probity_core::workspace::{Opened, Workspace};

/// What the file looked like when last read, and whether its lock was free.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Watch {
    stamp: Option<(SystemTime, u64)>,
    /// The other window has closed, so editing can move here.
    pub free: bool,
}

/// What a check found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seen {
    Nothing,
    /// The other window saved; the view was read again.
    Saved,
    /// The other window closed (and saved first, if the file changed).
    Closed,
}

/// When a file was last written, and its length: a save always changes one or the other in
/// practice, and a rename over the file (how probity saves) changes both.
fn stamp(path: &Path) -> Option<(SystemTime, u64)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

impl Watch {
    pub fn new(opened: &Opened) -> Watch {
        Watch {
            stamp: stamp(&opened.path),
            free: false,
        }
    }

    /// Looks at the file once: reads it again if it was saved since, and notices the lock
    /// being let go. A file that cannot be read is left as last shown.
    pub fn check(&mut self, opened: &mut Opened, ws: &Workspace) -> Seen {
        let now = stamp(&opened.path);
        let saved = now != self.stamp && opened.reload(ws).is_ok();
        if saved {
            self.stamp = now;
        }
        let free = opened.lock_free();
        let closed = free && !self.free;
        self.free = free;
        match (closed, saved) {
            (true, _) => Seen::Closed,
            (false, true) => Seen::Saved,
            (false, false) => Seen::Nothing,
        }
    }
}
