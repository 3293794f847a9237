//! The export dialog: the gap report in any format it can be written in, to a file in the
//! folder probity was started from unless the user names another, optionally without names
//! and notes. It shows the whole path it will write and asks before replacing a file.

use std::path::{Path, PathBuf};

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{List, ListItem, ListState, Paragraph, Wrap};
use ratatui_textarea::TextArea;

use probity_core::document::{DEFAULT_MARKING, Document, Format};
use probity_core::report::Report;
use probity_core::storage;
use probity_core::text::shown_path;
use probity_core::workspace::{
    ExportError, Overwrite, ReportChoices, ReportError, Workspace, export,
};

use super::{Step, frame_box};
use crate::tui::action::Action;
use crate::tui::fields::{draw_field, edit, line_field, paste_line, text_of, type_into};
use crate::tui::keymap::{self, Context};
use crate::tui::session::Session;
use crate::tui::theme::Theme;
use crate::tui::widgets::Cursor;

pub struct Export {
    /// Position in the report's formats.
    pub format: Cursor,
    pub path: TextArea<'static>,
    /// Leave out personal names and notes, for sharing outside the force.
    pub redact: bool,
    /// Where a path that is not absolute is written: the folder probity was started from.
    pub folder: PathBuf,
    /// The assessment's file name without its extension, for the default report name.
    stem: String,
    pub result: Option<Result<String, String>>,
    /// An existing file the user is being asked whether to replace.
    pub replacing: Option<PathBuf>,
}

const FORMATS: &[Format] = Report::FORMATS;

/// Why a report was not written.
#[derive(Debug, thiserror::Error)]
enum Failure {
    #[error(transparent)]
    Report(Box<ReportError>),
    #[error(transparent)]
    Export(ExportError),
}

/// What the dialog says about a write.
fn said(done: Result<(), Failure>, target: &Path) -> Result<String, String> {
    done.map(|()| format!("Wrote {}", shown_path(target)))
        .map_err(|e| e.to_string())
}

/// `~` and `~/…` name the home folder, as in a shell.
fn expand_home(typed: &str) -> PathBuf {
    let home = std::env::var_os("HOME").map(PathBuf::from);
    match (typed.strip_prefix('~'), home) {
        (Some(""), Some(home)) => home,
        (Some(rest), Some(home)) if rest.starts_with('/') => home.join(&rest[1..]),
        _ => PathBuf::from(typed),
    }
}

/// A path with `.` and `..` taken out as written, so "Writes" names the file plainly:
/// `/work/../exports/r.md` is `/exports/r.md`. Links are not followed; this only tidies.
fn tidy(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push(part);
                }
            }
            other => out.push(other),
        }
    }
    out
}

impl Export {
    /// The dialog for a session, proposing a file named after the assessment in `folder`.
    pub fn new(s: &Session, folder: &Path) -> Export {
        let stem = s
            .path
            .file_stem()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "assessment".into());
        let mut dialog = Export {
            // The format last written this session, so a second export is one key.
            format: Cursor(s.export_format.min(FORMATS.len().saturating_sub(1))),
            path: line_field(""),
            redact: false,
            folder: folder.to_path_buf(),
            stem,
            result: None,
            replacing: None,
        };
        dialog.path = line_field(&dialog.default_name(false));
        dialog
    }

    /// The report's default file name: `-redacted` marks one without names and notes.
    fn default_name(&self, redact: bool) -> String {
        let tag = if redact { "-redacted" } else { "" };
        let ext = FORMATS[self.format.at()].extension();
        format!("{}-report{tag}.{ext}", self.stem)
    }

    /// Typing, or answering whether to replace a file.
    pub fn context(&self) -> Context {
        if self.replacing.is_some() {
            Context::Ask
        } else {
            Context::Export
        }
    }

    /// The file the path typed names: `~` expanded, and a relative path under the folder
    /// probity was started from.
    pub fn target(&self) -> PathBuf {
        let typed = expand_home(text_of(&self.path).trim());
        tidy(&if typed.is_absolute() {
            typed
        } else {
            self.folder.join(typed)
        })
    }

    pub fn update(&mut self, action: Action, s: &mut Session, ws: &Workspace) -> Step {
        if self.replacing.is_some() {
            return self.answer(action, s, ws);
        }
        match action {
            Action::Up | Action::Down => self.next_format(action == Action::Down),
            Action::Type(key) => type_into(&mut self.path, key),
            Action::Edit(e) => edit(&mut self.path, e),
            Action::Paste(text) => paste_line(&mut self.path, &text),
            Action::ToggleRedact => {
                // The default name follows, unless the user has typed their own.
                let (old, new) = (
                    self.default_name(self.redact),
                    self.default_name(!self.redact),
                );
                if text_of(&self.path) == old {
                    self.path = line_field(&new);
                }
                self.redact = !self.redact;
                self.result = None;
            }
            Action::Submit => {
                // Writing never replaces; a file already there is a question for the user.
                let target = self.target();
                self.result = match self.write(s, ws, &target, Overwrite::Never) {
                    Err(Failure::Export(ExportError::Storage(storage::Error::Exists(_)))) => {
                        self.replacing = Some(target);
                        None
                    }
                    done => {
                        if done.is_ok() {
                            s.export_format = self.format.at();
                        }
                        Some(said(done, &target))
                    }
                };
            }
            Action::Close => return Step::Close,
            _ => {}
        }
        Step::Stay
    }

    /// The answer to "replace it?".
    fn answer(&mut self, action: Action, s: &mut Session, ws: &Workspace) -> Step {
        let Some(target) = self.replacing.take() else {
            return Step::Stay;
        };
        self.result = match action {
            Action::Yes => {
                let done = self.write(s, ws, &target, Overwrite::Replace);
                if done.is_ok() {
                    s.export_format = self.format.at();
                }
                Some(said(done, &target))
            }
            Action::No | Action::Close => Some(Err(
                "The existing file is kept. Change the name to write a new one.".into(),
            )),
            _ => {
                self.replacing = Some(target);
                return Step::Stay;
            }
        };
        Step::Stay
    }

    /// The list wraps round, and the file's extension follows the format.
    fn next_format(&mut self, down: bool) {
        let n = FORMATS.len();
        let old = FORMATS[self.format.at()].extension();
        let at = self.format.at();
        let next = if down { (at + 1) % n } else { (at + n - 1) % n };
        let new = FORMATS[next].extension();
        let text = text_of(&self.path).to_string();
        let path = match text.strip_suffix(&format!(".{old}")) {
            Some(stem) => format!("{stem}.{new}"),
            None => text,
        };
        self.format = Cursor(next);
        self.path = line_field(&path);
        self.result = None;
    }

    /// The report as the command line would write it for the same file: built by the one
    /// use case, with the previous period it measures verdicts against.
    fn write(
        &self,
        s: &Session,
        ws: &Workspace,
        target: &Path,
        overwrite: Overwrite,
    ) -> Result<(), Failure> {
        let choices = ReportChoices {
            redact: self.redact,
            ..ReportChoices::new(DEFAULT_MARKING)
        };
        let report = s
            .report(ws, &choices)
            .map_err(|e| Failure::Report(Box::new(e)))?;
        let format = FORMATS[self.format.at()];
        export(&report, format, target, overwrite).map_err(Failure::Export)
    }

    pub fn render(&self, theme: Theme, frame: &mut Frame, area: Rect) {
        let inner = frame_box(
            frame,
            area,
            76,
            FORMATS.len() as u16 + 12,
            "Export the report",
            theme,
        );
        let [intro, list, label, field, target, redact, result, hint] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(FORMATS.len() as u16),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(2),
            Constraint::Length(1),
            Constraint::Length(2),
            Constraint::Length(1),
        ])
        .areas(inner);
        frame.render_widget(
            Line::from(format!(
                "Format ({} {}):",
                keymap::key_name(Context::Export, &Action::Up),
                keymap::key_name(Context::Export, &Action::Down)
            )),
            intro,
        );
        let items: Vec<ListItem> = FORMATS
            .iter()
            .map(|f| ListItem::new(format!("{} (.{})", f.describe(), f.extension())))
            .collect();
        frame.render_stateful_widget(
            List::new(items)
                .highlight_style(theme.selected())
                .highlight_symbol("▸ "),
            list,
            &mut ListState::default().with_selected(Some(self.format.at())),
        );
        frame.render_widget(
            Line::from("File (type to change; ~ is your home folder):"),
            label,
        );
        draw_field(frame, &self.path, field);
        frame.render_widget(
            Paragraph::new(format!("Writes {}", shown_path(&self.target())))
                .style(theme.dim())
                .wrap(Wrap { trim: false }),
            target,
        );
        let tick = if self.redact { "[x]" } else { "[ ]" };
        frame.render_widget(
            Line::from(format!(
                "{tick} Leave out names and notes, for sharing outside the force ({})",
                keymap::key_name(Context::Export, &Action::ToggleRedact)
            )),
            redact,
        );
        let message = match (&self.replacing, &self.result) {
            (Some(path), _) => Some((
                format!("{} already exists. Replace it?", shown_path(path)),
                theme.bold(),
            )),
            (None, Some(Ok(done))) => Some((done.clone(), theme.bold())),
            (None, Some(Err(e))) => Some((e.clone(), theme.error())),
            (None, None) => None,
        };
        if let Some((text, style)) = message {
            frame.render_widget(
                Paragraph::new(text).style(style).wrap(Wrap { trim: true }),
                result,
            );
        }
        // While the question is open only its answers work, so only they are shown.
        let keys = match self.replacing {
            Some(_) => keymap::hint(
                Context::Ask,
                &[
                    (&[Action::Yes], "replace"),
                    (&[Action::No, Action::Close], "keep it"),
                ],
            ),
            None => keymap::hint(
                Context::Export,
                &[(&[Action::Submit], "write"), (&[Action::Close], "close")],
            ),
        };
        frame.render_widget(Line::styled(keys, theme.dim()), hint);
    }
}
