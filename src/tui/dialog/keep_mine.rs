//! Asked when a save found that another writer changed, meanwhile, a record just changed here:
//! their version stands until the user chooses to put theirs or this session's on top.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use probity_core::assessment::{Answer, in_one_line};
use probity_core::workspace::Edit;

use super::{Step, frame_box};
use crate::tui::action::Action;
use crate::tui::keymap::{self, Context};
use crate::tui::session::Session;
use crate::tui::theme::Theme;

pub struct KeepMine {
    /// The changes held back: `before` as the other writer left the record, `after` as it
    /// was made here.
    pub held: Vec<Edit>,
    /// Each record's item, as a reader names it, with both versions in words.
    shown: Vec<(String, String, String)>,
}

impl KeepMine {
    pub fn new(held: Vec<Edit>, s: &Session) -> KeepMine {
        let words = |id: &str, a: &Answer| match s.checklist.item(id) {
            Some(item) => {
                let w = in_one_line(&a.words(&item.kind));
                // Enough to tell the two apart; the details pane and the history hold the rest.
                match w.char_indices().nth(140) {
                    _ if w.is_empty() => "nothing".into(),
                    Some((at, _)) => format!("{}…", &w[..at]),
                    None => w,
                }
            }
            None => String::new(),
        };
        let shown = held
            .iter()
            .map(|e| {
                let label = s
                    .checklist
                    .item(&e.item)
                    .map_or(e.item.clone(), |i| i.short_label().to_string());
                (label, words(&e.item, &e.before), words(&e.item, &e.after))
            })
            .collect();
        KeepMine { held, shown }
    }

    pub fn update(&mut self, action: Action, s: &mut Session) -> Step {
        match action {
            Action::Yes => {
                let mut result = Ok(());
                for edit in &self.held {
                    let after = edit.after.clone();
                    result = result.and_then(|()| s.change(&edit.item, |a| *a = after));
                }
                s.notice = Some(match result {
                    Ok(()) => format!(
                        "Kept your change; the other version stays in the history. {} undoes it.",
                        keymap::key_name(Context::Assessment, &Action::Undo)
                    ),
                    Err(e) => e.to_string(),
                });
                Step::Close
            }
            Action::No | Action::Close => {
                s.notice =
                    Some("Kept the version changed outside probity; yours was not saved.".into());
                Step::Close
            }
            _ => Step::Stay,
        }
    }

    pub fn render(&self, theme: Theme, frame: &mut Frame, area: Rect) {
        let mut lines = vec![
            Line::from(
                "While this file was open here, it was changed outside probity, and so was what you just changed:",
            ),
            Line::from(""),
        ];
        for (label, theirs, yours) in &self.shown {
            lines.push(Line::styled(
                format!("\u{201c}{label}\u{201d}"),
                theme.bold(),
            ));
            lines.push(Line::from(format!("  Outside probity: {theirs}")));
            lines.push(Line::from(format!("  Yours: {yours}")));
        }
        lines.push(Line::from(""));
        lines.push(Line::styled(
            "The outside version is in the file and the history now. Either way both stay in the history.",
            theme.dim(),
        ));
        lines.push(Line::from(""));
        lines.push(Line::from(keymap::hint(
            Context::Ask,
            &[
                (&[Action::Yes], "keep yours"),
                (&[Action::No, Action::Close], "keep the outside version"),
            ],
        )));
        let text = Paragraph::new(lines).wrap(Wrap { trim: true });
        // As tall as the wrapped text, so the keys at its foot always show.
        let width = 76.min(area.width);
        let height =
            u16::try_from(text.line_count(width.saturating_sub(2)) + 2).unwrap_or(u16::MAX);
        let inner = frame_box(frame, area, width, height, "Changed in two places", theme);
        frame.render_widget(text, inner);
    }
}
