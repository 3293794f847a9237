use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use super::{Cause, Draft, Entry, Event};
use crate::storage::{self, Op, sha256_hex};

/// No history probity writes comes near this; a larger file is not read into memory.
const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// The history file as read: every line with its hash, and whatever breaks the chain.
#[derive(Debug, Clone)]
pub struct History {
    path: PathBuf,
    lines: Vec<Line>,
    /// Where the last complete line ends; bytes after it are an append that never finished.
    complete: u64,
    pub broken: Vec<Broken>,
}

#[derive(Debug, Clone)]
struct Line {
    hash: String,
    /// `None` when the line cannot be read as an entry.
    entry: Option<Entry>,
}

/// Something in the history that does not hold.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Broken {
    #[error("line {line} of the history cannot be read: {why}")]
    Unreadable { line: usize, why: String },
    #[error(
        "line {line} of the history does not follow the entry before it: an entry was changed, removed or inserted at or before line {line}"
    )]
    Link { line: usize },
    #[error(
        "the history ends in an incomplete line {line}: a change was being recorded when probity stopped"
    )]
    Torn { line: usize },
}

impl History {
    /// Reads the history beside an assessment; a file that does not exist yet holds nothing.
    pub fn load(path: &Path) -> Result<History, storage::Error> {
        let mut history = History {
            path: path.to_path_buf(),
            lines: Vec::new(),
            complete: 0,
            broken: Vec::new(),
        };
        let file = match std::fs::File::open(path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(history),
            Err(e) => return Err(storage::Error::io(Op::Open, path, e)),
        };
        let mut bytes = Vec::new();
        file.take(MAX_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| storage::Error::io(Op::Read, path, e))?;
        if bytes.len() as u64 > MAX_BYTES {
            return Err(storage::Error::TooLarge {
                path: path.to_path_buf(),
                limit: MAX_BYTES as usize,
            });
        }
        let mut rest = bytes.as_slice();
        while let Some(end) = rest.iter().position(|&b| b == b'\n') {
            history.push_read(&rest[..end]);
            history.complete += end as u64 + 1;
            rest = &rest[end + 1..];
        }
        if !rest.is_empty() {
            history.broken.push(Broken::Torn {
                line: history.lines.len() + 1,
            });
        }
        Ok(history)
    }

    fn push_read(&mut self, bytes: &[u8]) {
        let number = self.lines.len() + 1;
        let entry = std::str::from_utf8(bytes)
            .map_err(|e| e.to_string())
            .and_then(|text| serde_json::from_str::<Entry>(text).map_err(|e| e.to_string()));
        let entry = match entry {
            Ok(entry) => {
                if entry.prev.as_deref() != self.head() {
                    self.broken.push(Broken::Link { line: number });
                }
                Some(entry)
            }
            Err(why) => {
                self.broken.push(Broken::Unreadable { line: number, why });
                None
            }
        };
        self.lines.push(Line {
            hash: sha256_hex(bytes),
            entry,
        });
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The hash of the last entry: what the next entry links to.
    pub fn head(&self) -> Option<&str> {
        self.lines.last().map(|l| l.hash.as_str())
    }

    /// Every readable entry, oldest first.
    pub fn entries(&self) -> impl DoubleEndedIterator<Item = &Entry> {
        self.lines.iter().filter_map(|l| l.entry.as_ref())
    }

    /// Every readable entry with the hash of the line before it (what a seal made at that
    /// entry covers), oldest first.
    pub fn linked(&self) -> impl DoubleEndedIterator<Item = (Option<&str>, &Entry)> {
        self.lines.iter().enumerate().filter_map(|(i, l)| {
            let before = i.checked_sub(1).map(|b| self.lines[b].hash.as_str());
            l.entry.as_ref().map(|e| (before, e))
        })
    }

    /// The entries after the one whose hash is `hash`, or `None` when no entry has it.
    pub fn after(&self, hash: &str) -> Option<impl Iterator<Item = &Entry>> {
        let at = self.lines.iter().position(|l| l.hash == hash)?;
        Some(self.lines[at + 1..].iter().filter_map(|l| l.entry.as_ref()))
    }

    /// The last change to an item's answer itself (not to a conflict waiting beside it): who
    /// gave the record as it stands.
    pub fn last_changed(&self, item: &str) -> Option<&Entry> {
        self.entries().rev().find(|e| {
            matches!(&e.event, Event::Changed { item: i, field, .. } if i == item && field != "incoming")
        })
    }

    /// Who gave an item's answer as it stands, in words: "given by" the person who last set its
    /// answer (or, failing that, any part of its record); "carried from 2012" for an answer carried
    /// forward when the file was created, whoever carried the file; "already in the file when
    /// its history began" for one adopted with the file. `None` when nothing is recorded.
    pub fn provenance(&self, item: &str) -> Option<String> {
        let value = self.entries().rev().find(|e| {
            matches!(&e.event, Event::Changed { item: i, field, .. } if i == item && field == "value")
        });
        match value.or_else(|| self.last_changed(item)) {
            Some(Entry {
                event: Event::Changed {
                    cause: Cause::Carried,
                    ..
                },
                ..
            }) => {
                let from = self.entries().rev().find_map(|e| match &e.event {
                    Event::Created { carried_from, .. } => Some(carried_from.clone()),
                    _ => None,
                });
                Some(match from.flatten() {
                    Some(period) => format!("carried from {period}"),
                    None => "carried from last period".to_string(),
                })
            }
            Some(e) => Some(format!("given by {}", e.by)),
            None => self
                .entries()
                .any(|e| matches!(&e.event, Event::Adopted { answers, .. } if answers.contains_key(item)))
                .then(|| "already in the file when its history began".to_string()),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// Appends entries, each linked to the one before, and flushes them to disk before
    /// returning. The file is created readable only by its owner. An incomplete last line,
    /// left by an append that never finished, is cut off first: it was never acknowledged. If
    /// the write fails, the file is cut back to where it was, so a retry cannot tear it.
    pub fn append(&mut self, drafts: &[Draft]) -> Result<(), storage::Error> {
        if drafts.is_empty() {
            return Ok(());
        }
        let mut text = String::new();
        let mut lines = Vec::new();
        let mut prev = self.head().map(str::to_string);
        for draft in drafts {
            let entry = Entry {
                prev: prev.take(),
                at: draft.at,
                by: draft.by.clone(),
                event: draft.event.clone(),
            };
            let line = serde_json::to_string(&entry).map_err(|e| {
                storage::Error::io(Op::Append, &self.path, std::io::Error::other(e))
            })?;
            let hash = sha256_hex(line.as_bytes());
            text.push_str(&line);
            text.push('\n');
            prev = Some(hash.clone());
            lines.push(Line {
                hash,
                entry: Some(entry),
            });
        }
        // Never more than probity reads back: a history over its limit would lock every
        // command out of the assessment.
        if self.complete + text.len() as u64 > MAX_BYTES {
            return Err(storage::Error::WouldBeTooLarge {
                path: self.path.clone(),
                limit: MAX_BYTES as usize,
            });
        }
        let fail = |e| storage::Error::io(Op::Append, &self.path, e);
        let (mut file, created) = open_for_append(&self.path).map_err(fail)?;
        let written = file
            .set_len(self.complete)
            .and_then(|()| file.write_all(text.as_bytes()))
            .and_then(|()| file.sync_all());
        if let Err(e) = written {
            let _ = file.set_len(self.complete);
            return Err(fail(e));
        }
        if created {
            sync_folder(&self.path).map_err(fail)?;
        }
        self.broken.retain(|b| !matches!(b, Broken::Torn { .. }));
        self.complete += text.len() as u64;
        self.lines.extend(lines);
        Ok(())
    }
}

/// Opens the history to append to, creating it private; a link planted in its place is
/// refused rather than followed.
fn open_for_append(path: &Path) -> std::io::Result<(std::fs::File, bool)> {
    let created = match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            return Err(std::io::Error::other(
                "it is a link, and probity does not follow links for its own files",
            ));
        }
        Ok(_) => false,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => true,
        Err(e) => return Err(e),
    };
    let mut options = std::fs::OpenOptions::new();
    options.append(true).create(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    Ok((options.open(path)?, created))
}

fn sync_folder(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::File::open(dir)?.sync_all()?;
    }
    let _ = path;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::{Cause, Event};
    use super::*;

    fn change(item: &str, after: &str) -> Draft {
        Draft {
            at: "2012-12-01T10:00:00Z".parse().unwrap(),
            by: "Jo".into(),
            event: Event::Changed {
                item: item.into(),
                field: "value".into(),
                before: serde_json::Value::Null,
                after: after.into(),
                cause: Cause::Edit,
            },
        }
    }

    #[test]
    fn appended_entries_chain_and_read_back_private() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.history.jsonl");
        let mut h = History::load(&path).unwrap();
        h.append(&[change("a", "yes"), change("b", "no")]).unwrap();
        h.append(&[change("c", "yes")]).unwrap();
        let read = History::load(&path).unwrap();
        assert!(read.broken.is_empty(), "{:?}", read.broken);
        assert_eq!(read.entries().count(), 3);
        assert_eq!(read.head(), h.head());
        let first = read.entries().next().unwrap();
        assert_eq!(first.prev, None);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
    }

    #[test]
    fn an_edited_or_removed_entry_breaks_the_chain_where_it_was_touched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.history.jsonl");
        let mut h = History::load(&path).unwrap();
        h.append(&[change("a", "yes"), change("b", "no"), change("c", "yes")])
            .unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.replacen("\"no\"", "\"yes\"", 1)).unwrap();
        assert_eq!(
            History::load(&path).unwrap().broken,
            [Broken::Link { line: 3 }]
        );
        let lines: Vec<&str> = text.lines().collect();
        std::fs::write(&path, format!("{}\n{}\n", lines[0], lines[2])).unwrap();
        assert_eq!(
            History::load(&path).unwrap().broken,
            [Broken::Link { line: 2 }]
        );
    }

    #[test]
    fn a_torn_last_line_is_reported_and_cut_off_by_the_next_append() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.history.jsonl");
        let mut h = History::load(&path).unwrap();
        h.append(&[change("a", "yes")]).unwrap();
        let mut file = std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap();
        file.write_all(b"{\"at\":\"2012").unwrap();
        let mut torn = History::load(&path).unwrap();
        assert_eq!(torn.broken, [Broken::Torn { line: 2 }]);
        torn.append(&[change("b", "no")]).unwrap();
        let read = History::load(&path).unwrap();
        assert!(read.broken.is_empty(), "{:?}", read.broken);
        assert_eq!(read.entries().count(), 2);
    }

    #[cfg(unix)]
    #[test]
    fn a_planted_link_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "keep").unwrap();
        let path = dir.path().join("a.history.jsonl");
        std::os::unix::fs::symlink(&victim, &path).unwrap();
        let mut h = History::load(&path).unwrap();
        assert!(h.append(&[change("a", "yes")]).is_err());
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep");
    }
}
