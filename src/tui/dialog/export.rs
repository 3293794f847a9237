//! The export dialog: the gap report in any format it can be written in, to a path the user
//! chooses, optionally without names and notes.

use std::path::PathBuf;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{List, ListItem, ListState, Paragraph, Wrap};
use ratatui_textarea::TextArea;

use probity_core::document::{DEFAULT_MARKING, Document, Format};
use probity_core::report::{Options, Report};
use probity_core::storage;
use probity_core::text::shown_path;
use probity_core::workspace::{ExportError, Overwrite, export};

use super::{Step, frame_box};
use crate::tui::action::Action;
use crate::tui::fields::{draw_field, line_field, paste_line, text_of, type_into};
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
    pub result: Option<Result<String, String>>,
}

const FORMATS: &[Format] = Report::FORMATS;

impl Export {
    /// The dialog for a session, proposing a file beside the assessment.
    pub fn new(s: &Session) -> Export {
        let stem = s
            .path
            .file_stem()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "assessment".into());
        let ext = FORMATS[0].extension();
        let path = s.path.with_file_name(format!("{stem}-report.{ext}"));
        Export {
            format: Cursor::default(),
            path: line_field(&path.display().to_string()),
            redact: false,
            result: None,
        }
    }

    pub fn update(&mut self, action: Action, s: &mut Session) -> Step {
        match action {
            Action::Up | Action::Down => {
                // The list wraps round, and the file's extension follows the format.
                let n = FORMATS.len();
                let old = FORMATS[self.format.at()].extension();
                let at = self.format.at();
                let next = if action == Action::Up {
                    (at + n - 1) % n
                } else {
                    (at + 1) % n
                };
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
            Action::Type(key) => type_into(&mut self.path, key),
            Action::Paste(text) => paste_line(&mut self.path, &text),
            Action::ToggleRedact => {
                self.redact = !self.redact;
                self.result = None;
            }
            Action::Submit => self.result = Some(self.write(s)),
            Action::Close => return Step::Close,
            _ => {}
        }
        Step::Stay
    }

    fn write(&self, s: &Session) -> Result<String, String> {
        let options = Options {
            redact: self.redact,
            ..Options::new(DEFAULT_MARKING, s.today())
        };
        let report = Report::new(&s.checklist, &s.assessment, &options);
        let path = PathBuf::from(text_of(&self.path).trim());
        let format = FORMATS[self.format.at()];
        match export(&report, format, &path, Overwrite::Never) {
            Ok(()) => Ok(format!("Wrote {}", shown_path(&path))),
            Err(ExportError::Storage(storage::Error::Exists(path))) => Err(format!(
                "{} already exists; edit the path to write elsewhere",
                shown_path(&path)
            )),
            Err(e) => Err(e.to_string()),
        }
    }

    pub fn render(&self, theme: Theme, frame: &mut Frame, area: Rect) {
        let inner = frame_box(
            frame,
            area,
            74,
            FORMATS.len() as u16 + 10,
            "Export the report",
            theme,
        );
        let [intro, list, label, field, redact, result, hint] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(FORMATS.len() as u16),
            Constraint::Length(1),
            Constraint::Length(1),
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
        frame.render_widget(Line::from("Write to (type to change):"), label);
        draw_field(frame, &self.path, field);
        let tick = if self.redact { "[x]" } else { "[ ]" };
        frame.render_widget(
            Line::from(format!(
                "{tick} Leave out names and notes, for sharing outside the force ({})",
                keymap::key_name(Context::Export, &Action::ToggleRedact)
            )),
            redact,
        );
        match &self.result {
            Some(Ok(done)) => frame.render_widget(
                Paragraph::new(done.as_str()).wrap(Wrap { trim: true }),
                result,
            ),
            Some(Err(e)) => frame.render_widget(
                Paragraph::new(e.as_str())
                    .style(theme.error())
                    .wrap(Wrap { trim: true }),
                result,
            ),
            None => {}
        }
        frame.render_widget(
            Line::styled(
                format!(
                    "{}   an existing file is never replaced",
                    keymap::hint(
                        Context::Export,
                        &[(&[Action::Submit], "write"), (&[Action::Close], "close")]
                    )
                ),
                theme.dim(),
            ),
            hint,
        );
    }
}
