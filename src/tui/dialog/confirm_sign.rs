//! The last step of a sign-off: what will be sealed, and a question before it is.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::{Step, frame_box};
use crate::tui::action::Action;
use crate::tui::keymap::{self, Context};
use crate::tui::session::Session;
use crate::tui::theme::Theme;

pub struct ConfirmSign {
    pub signer: String,
    pub role: String,
    /// What signing now would seal, in words (the core's `Opened::sealing`).
    pub sealing: Vec<String>,
}

impl ConfirmSign {
    pub fn new(s: &Session, signer: String, role: String) -> ConfirmSign {
        ConfirmSign {
            signer,
            role,
            sealing: s.sealing(),
        }
    }

    pub fn update(&mut self, action: Action, s: &mut Session) -> Step {
        match action {
            Action::Yes => {
                s.notice = Some(match s.sign(&self.signer, &self.role) {
                    Ok(()) => format!("Signed off by {}, {}, and sealed.", self.signer, self.role),
                    Err(e) => e,
                });
                Step::Close
            }
            Action::No | Action::Close => {
                s.notice = Some("Not signed: the assessment is still a draft.".into());
                Step::Close
            }
            _ => Step::Stay,
        }
    }

    pub fn render(&self, theme: Theme, frame: &mut Frame, area: Rect) {
        // Room for each line to wrap once at 80 columns.
        let height = 2 * self.sealing.len() as u16 + 10;
        let inner = frame_box(frame, area, 72, height, "Sign off and seal?", theme);
        let mut lines = vec![
            Line::from(format!(
                "Signing as {}, {}, marks the assessment final and seals it as it stands:",
                self.signer, self.role
            )),
            Line::from(""),
        ];
        lines.extend(self.sealing.iter().map(|l| Line::from(format!("  {l}"))));
        lines.extend([
            Line::from(""),
            Line::styled(
                "After this it can only be changed by reopening it, which the history records.",
                theme.dim(),
            ),
            Line::from(""),
            Line::from(keymap::hint(
                Context::Ask,
                &[
                    (&[Action::Yes], "sign and seal"),
                    (&[Action::Close], "leave it unsigned"),
                ],
            )),
        ]);
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
    }
}
