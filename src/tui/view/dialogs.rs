use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph, Wrap};

use super::super::action::Action;
use super::super::app::{Overlay, SaveState, Session};
use super::super::keymap::{self, Context::*};
use super::super::theme::{Theme, severity_word};
use super::{clip, dialog};
use crate::report::Format;

pub fn render(theme: Theme, s: &Session, overlay: &Overlay, frame: &mut Frame, area: Rect) {
    match overlay {
        Overlay::Findings { selected } => findings(theme, s, *selected, frame, area),
        Overlay::Picker(picker) => {
            let height = picker.options.len() as u16 + 3;
            let inner = dialog(frame, area, 50, height, "Choose the answer", theme);
            let items: Vec<ListItem> = picker
                .options
                .iter()
                .map(|(_, label)| ListItem::new(label.as_str()))
                .collect();
            let [list, hint] =
                Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
            frame.render_stateful_widget(
                List::new(items).highlight_style(theme.selected()),
                list,
                &mut ListState::default().with_selected(Some(picker.selected)),
            );
            frame.render_widget(
                Line::styled(
                    keymap::hint(
                        Picker,
                        &[
                            (&[Action::Submit], "choose"),
                            (&[Action::Close], "leave as it was"),
                        ],
                    ),
                    theme.dim(),
                ),
                hint,
            );
        }
        Overlay::Input(input) => {
            let allowed = match (input.purpose, s.item()) {
                (super::super::app::Purpose::Value, Some(item)) => {
                    format!("Type {}. Leave empty to clear.", item.kind.allowed())
                }
                (super::super::app::Purpose::Search, _) => {
                    "Leave empty to stop searching.".to_string()
                }
                _ => "Leave empty to clear.".to_string(),
            };
            let inner = dialog(frame, area, 70, 7, input.purpose.title(), theme);
            let [help, field, error, hint] = Layout::vertical([
                Constraint::Length(1),
                Constraint::Length(2),
                Constraint::Length(1),
                Constraint::Length(1),
            ])
            .areas(inner);
            frame.render_widget(Line::styled(allowed, theme.dim()), help);
            frame.render_widget(&input.text, field);
            if let Some(e) = &input.error {
                frame.render_widget(Line::styled(e.as_str(), theme.error()), error);
            }
            frame.render_widget(
                Line::styled(
                    keymap::hint(
                        Input,
                        &[(&[Action::Submit], "accept"), (&[Action::Close], "cancel")],
                    ),
                    theme.dim(),
                ),
                hint,
            );
        }
        Overlay::Note(editor) => {
            let title = s
                .item()
                .map_or("Note".to_string(), |i| format!("Note: {}", i.prompt));
            let inner = dialog(
                frame,
                area,
                area.width.saturating_sub(8),
                area.height.saturating_sub(4),
                &title,
                theme,
            );
            let [text, hint] =
                Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
            frame.render_widget(editor, text);
            frame.render_widget(
                Line::styled(
                    "Type or paste freely. Esc keeps the note and closes the editor.",
                    theme.dim(),
                ),
                hint,
            );
        }
        Overlay::Evidence { selected } => {
            let evidence = s
                .item()
                .and_then(|i| s.assessment.answer(&i.id))
                .map(|a| a.evidence.as_slice())
                .unwrap_or_default();
            let inner = dialog(frame, area, 70, 14, "Evidence", theme);
            let [list, hint] =
                Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
            if evidence.is_empty() {
                frame.render_widget(
                    Paragraph::new(
                        "No evidence recorded yet. Press a to add a document or record.",
                    )
                    .wrap(Wrap { trim: true }),
                    list,
                );
            } else {
                let items: Vec<ListItem> = evidence
                    .iter()
                    .map(|e| ListItem::new(clip(e, 200)))
                    .collect();
                frame.render_stateful_widget(
                    List::new(items).highlight_style(theme.selected()),
                    list,
                    &mut ListState::default().with_selected(Some(*selected)),
                );
            }
            frame.render_widget(
                Line::styled(
                    keymap::hint(
                        Evidence,
                        &[
                            (&[Action::AddEvidence], "add"),
                            (&[Action::Submit], "edit"),
                            (&[Action::RemoveEvidence], "remove"),
                            (&[Action::Close], "close"),
                        ],
                    ),
                    theme.dim(),
                ),
                hint,
            );
        }
        Overlay::Export(export) => {
            let formats = Format::all();
            let inner = dialog(
                frame,
                area,
                74,
                formats.len() as u16 + 10,
                "Export the report",
                theme,
            );
            let [intro, list, label, field, redact, result, hint] = Layout::vertical([
                Constraint::Length(1),
                Constraint::Length(formats.len() as u16),
                Constraint::Length(1),
                Constraint::Length(1),
                Constraint::Length(1),
                Constraint::Length(2),
                Constraint::Length(1),
            ])
            .spacing(0)
            .areas(inner);
            frame.render_widget(Line::from("Format (↑ ↓):"), intro);
            let items: Vec<ListItem> = formats
                .iter()
                .map(|f| ListItem::new(format!("{} (.{})", format_name(*f), f.extension())))
                .collect();
            frame.render_stateful_widget(
                List::new(items)
                    .highlight_style(theme.selected())
                    .highlight_symbol("▸ "),
                list,
                &mut ListState::default().with_selected(Some(export.format)),
            );
            frame.render_widget(Line::from("Write to (type to change):"), label);
            frame.render_widget(&export.path, field);
            let tick = if export.redact { "[x]" } else { "[ ]" };
            frame.render_widget(
                Line::from(format!(
                    "{tick} Leave out names and notes, for sharing outside the force (Tab)"
                )),
                redact,
            );
            match &export.result {
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
                            Export,
                            &[(&[Action::Submit], "write"), (&[Action::Close], "close")]
                        )
                    ),
                    theme.dim(),
                ),
                hint,
            );
        }
        Overlay::ConfirmQuit => {
            let why = match &s.save {
                SaveState::Failed(why) => why.as_str(),
                _ => "",
            };
            let inner = dialog(frame, area, 70, 9, "Your last change is not saved", theme);
            frame.render_widget(
                Paragraph::new(vec![
                    Line::styled(why, theme.error()),
                    Line::from(""),
                    Line::from("If you quit now, the change is lost. Free some space or fix the folder, then try again."),
                    Line::from(""),
                    Line::from(keymap::hint(
                        ConfirmQuit,
                        &[
                            (&[Action::RetrySave], "try saving again"),
                            (&[Action::QuitAnyway], "quit and lose it"),
                            (&[Action::Close], "stay"),
                        ],
                    )),
                ])
                .wrap(Wrap { trim: true }),
                inner,
            );
        }
        Overlay::Briefing { lines, scroll } => {
            let inner = dialog(
                frame,
                area,
                area.width.saturating_sub(4),
                area.height.saturating_sub(2),
                "Before you start",
                theme,
            );
            let [intro, body, hint] = Layout::vertical([
                Constraint::Length(2),
                Constraint::Min(1),
                Constraint::Length(1),
            ])
            .areas(inner);
            frame.render_widget(
                Paragraph::new(
                    "Carried answers are marked ↻. Press c on an item to confirm it; v lists \
                     those still to confirm.",
                )
                .style(theme.bold())
                .wrap(Wrap { trim: true }),
                intro,
            );
            let text: Vec<Line> = lines.iter().map(|l| Line::raw(l.as_str())).collect();
            frame.render_widget(
                Paragraph::new(text)
                    .wrap(Wrap { trim: false })
                    .scroll((*scroll, 0)),
                body,
            );
            frame.render_widget(
                Line::styled(
                    keymap::hint(
                        Briefing,
                        &[
                            (&[Action::Up, Action::Down], "scroll"),
                            (&[Action::Close], "start on the questions"),
                        ],
                    ),
                    theme.dim(),
                ),
                hint,
            );
        }
        Overlay::Help { .. } => {}
    }
}

/// A format's name in words, from its file extension.
fn format_name(format: Format) -> &'static str {
    match format.extension() {
        "md" => "Markdown report",
        "json" => "JSON data",
        "html" => "Web page (prints to PDF)",
        "csv" => "Spreadsheet rows (CSV)",
        "xlsx" => "Excel workbook",
        "txt" => "Plain-text narrative",
        _ => "Report",
    }
}

fn findings(theme: Theme, s: &Session, selected: usize, frame: &mut Frame, area: Rect) {
    let e = &s.evaluation;
    let inner = dialog(
        frame,
        area,
        area.width.saturating_sub(4),
        area.height.saturating_sub(2),
        "Findings",
        theme,
    );
    // The list takes what it needs up to a third of the panel; the rest explains the selection.
    let listed = (e.findings.len() as u16).clamp(1, inner.height / 3);
    let [list_area, _, detail_area, hint] = Layout::vertical([
        Constraint::Length(listed),
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(inner);
    frame.render_widget(
        Line::styled(
            keymap::hint(
                Findings,
                &[
                    (&[Action::Up, Action::Down], "choose"),
                    (&[Action::Submit], "go to the item"),
                    (&[Action::Close], "close"),
                ],
            ),
            theme.dim(),
        ),
        hint,
    );
    if e.findings.is_empty() {
        frame.render_widget(
            Paragraph::new("No findings: nothing answered so far shows a gap."),
            list_area,
        );
        return;
    }
    let items: Vec<ListItem> = e
        .findings
        .iter()
        .map(|f| {
            ListItem::new(Line::from(vec![
                Span::styled(
                    format!("{:<7}", severity_word(f.severity)),
                    theme.severity(f.severity),
                ),
                Span::raw(f.title.as_str()),
            ]))
        })
        .collect();
    frame.render_stateful_widget(
        List::new(items).highlight_style(theme.selected()),
        list_area,
        &mut ListState::default().with_selected(Some(selected)),
    );
    let Some(f) = e.findings.get(selected) else {
        return;
    };
    let mut lines = vec![Line::styled(
        format!(
            "Why \"{}\" was flagged (✓ marks a part that holds):",
            f.title
        ),
        theme.bold(),
    )];
    for step in &f.trace {
        let prompt = s
            .checklist
            .item(&step.item)
            .map_or(step.item.as_str(), |i| i.prompt.as_str());
        let answer = step.value.as_deref().unwrap_or("unanswered");
        let mark = if step.holds { "✓" } else { "✗" };
        lines.push(Line::from(format!("  {mark} {prompt}")));
        lines.push(Line::styled(
            format!("      Answer: {answer}. This counts when it {}.", step.test),
            theme.dim(),
        ));
    }
    let owner = match (&f.owner, f.due) {
        (None, None) => "no owner or due date yet".to_string(),
        (owner, due) => format!(
            "{}, {}",
            owner.as_deref().unwrap_or("no owner"),
            due.map_or("no due date".into(), |d| format!("due {d}"))
        ),
    };
    lines.push(Line::from(vec![
        Span::styled("Action owner: ", theme.bold()),
        Span::raw(owner),
    ]));
    lines.push(Line::from(f.explanation.as_str()));
    if !f.action.is_empty() {
        lines.push(Line::from(vec![
            Span::styled("Recommended: ", theme.bold()),
            Span::raw(f.action.as_str()),
        ]));
    }
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }),
        detail_area,
    );
}

pub fn help(theme: Theme, scroll: u16, frame: &mut Frame, area: Rect) {
    let inner = dialog(
        frame,
        area,
        area.width,
        area.height.saturating_sub(2),
        "Help: every key",
        theme,
    );
    let mut lines: Vec<Line> = [
        "Pick an area on the left and an item in the middle; its details are on the",
        "right. Answer with y, p, n or a, or press Enter to type or choose an answer.",
        "Every change is saved the moment you make it.",
        "",
        "Areas are rated Red (under 50), Amber (50 to 79) or Green (80 and over).",
        "Item marks: ✓ met  ◐ partly met  ✗ not met  ∅ not applicable  · unanswered",
        "            ● answered  - not asked  ⚑ flagged for review",
        "            ↻ carried from last period, not yet confirmed",
    ]
    .into_iter()
    .map(Line::from)
    .collect();
    for (heading, keys, what) in keymap::help_lines() {
        match heading {
            Some(h) => {
                lines.push(Line::from(""));
                lines.push(Line::styled(h, theme.heading()));
            }
            None => lines.push(Line::from(vec![
                Span::styled(format!("  {keys:<22}"), theme.bold()),
                Span::raw(what),
            ])),
        }
    }
    let [body, hint] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), body);
    frame.render_widget(
        Line::styled(
            keymap::hint(
                Help,
                &[
                    (
                        &[Action::Up, Action::Down, Action::PageUp, Action::PageDown],
                        "scroll",
                    ),
                    (&[Action::Close], "close"),
                ],
            ),
            theme.dim(),
        ),
        hint,
    );
}
