//! The one key table. Input handling looks keys up here and the help screen is printed from
//! it, so the two can never disagree.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use probity_core::answer::Status;

/// Where the keys are being read: each screen and dialog has its own set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Everywhere,
    Assessments,
    NewForm,
    Assessment,
    Findings,
    Evidence,
    Picker,
    /// A page of text to read: an item's history, or why sign-off is refused.
    Reading,
    /// One-line fields: answers, owner, due date, evidence, search.
    Input,
    Note,
    Export,
    Help,
    /// What was carried from last period, shown before the first question.
    Briefing,
    ConfirmQuit,
}

impl Context {
    pub fn title(self) -> &'static str {
        match self {
            Context::Everywhere => "Everywhere",
            Context::Assessments => "Home: your assessments",
            Context::NewForm => "New assessment form",
            Context::Assessment => "Assessment",
            Context::Findings => "Findings panel",
            Context::Evidence => "Evidence list",
            Context::Picker => "Choosing an answer or an assurance",
            Context::Reading => "Reading a history or a list of reasons",
            Context::Input => "Typing an answer, owner, date or search",
            Context::Note => "Note editor",
            Context::Export => "Export dialog",
            Context::Help => "This help",
            Context::Briefing => "Briefing on a carried-forward assessment",
            Context::ConfirmQuit => "Quitting with unsaved changes",
        }
    }

    /// Contexts where unbound keys are typed text rather than ignored.
    pub fn takes_text(self) -> bool {
        matches!(
            self,
            Context::NewForm | Context::Input | Context::Note | Context::Export
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

const fn key(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::NONE,
    }
}

const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::CONTROL,
    }
}

pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    pub help: &'static str,
}

const fn bind(
    context: Context,
    keys: &'static [Key],
    action: Action,
    help: &'static str,
) -> Binding {
    Binding {
        context,
        keys,
        action,
        help,
    }
}

use Context::*;
use KeyCode::*;

const UP: &[Key] = &[key(Up), ch('k')];
const DOWN: &[Key] = &[key(Down), ch('j')];

/// Every key probity understands, by context, in the order help lists them.
pub static BINDINGS: &[Binding] = &[
    bind(
        Everywhere,
        &[ctrl('c')],
        Action::Quit,
        "quit (asks first if a change could not be saved)",
    ),
    bind(Everywhere, &[key(F(1))], Action::Help, "open this help"),
    // Assessment screen.
    bind(Assessment, UP, Action::Up, "previous area, item or line"),
    bind(Assessment, DOWN, Action::Down, "next area, item or line"),
    bind(Assessment, &[key(PageUp)], Action::PageUp, "up a page"),
    bind(
        Assessment,
        &[key(PageDown)],
        Action::PageDown,
        "down a page",
    ),
    bind(
        Assessment,
        &[key(Home), ch('g')],
        Action::First,
        "first in the list",
    ),
    bind(
        Assessment,
        &[key(End), ch('G')],
        Action::Last,
        "last in the list",
    ),
    bind(
        Assessment,
        &[key(Tab), key(Right), ch('l')],
        Action::NextPane,
        "next pane (areas, items, details)",
    ),
    bind(
        Assessment,
        &[key(BackTab), key(Left), ch('h')],
        Action::PrevPane,
        "previous pane",
    ),
    bind(
        Assessment,
        &[ch('y')],
        Action::Answer(Status::Yes),
        "answer yes",
    ),
    bind(
        Assessment,
        &[ch('p')],
        Action::Answer(Status::Partial),
        "answer partly",
    ),
    bind(
        Assessment,
        &[ch('n')],
        Action::Answer(Status::No),
        "answer no",
    ),
    bind(
        Assessment,
        &[ch('a')],
        Action::Answer(Status::Na),
        "answer not applicable",
    ),
    bind(
        Assessment,
        &[key(Enter)],
        Action::EditAnswer,
        "type or choose the answer",
    ),
    bind(
        Assessment,
        &[key(Delete), key(Backspace)],
        Action::ClearAnswer,
        "clear the answer (note and evidence stay)",
    ),
    bind(
        Assessment,
        &[ch('N')],
        Action::EditNote,
        "write or edit the note",
    ),
    bind(
        Assessment,
        &[ch('e')],
        Action::EditEvidence,
        "add, edit or remove evidence",
    ),
    bind(
        Assessment,
        &[ch('o')],
        Action::EditOwner,
        "set who owns the action",
    ),
    bind(Assessment, &[ch('d')], Action::EditDue, "set the due date"),
    bind(
        Assessment,
        &[ch('r')],
        Action::ToggleReview,
        "flag or unflag for review",
    ),
    bind(
        Assessment,
        &[ch('c')],
        Action::Confirm,
        "confirm an answer carried from last period",
    ),
    bind(
        Assessment,
        &[ch('s')],
        Action::SetAssurance,
        "set the assurance: asserted, evidenced or verified",
    ),
    bind(
        Assessment,
        &[ch('H')],
        Action::ShowHistory,
        "show the selected item's history: who changed what, and when",
    ),
    bind(
        Assessment,
        &[ch('S')],
        Action::Sign,
        "sign the assessment off and seal it",
    ),
    bind(
        Assessment,
        &[ch('R')],
        Action::Reopen,
        "reopen a signed assessment as a draft, saying why",
    ),
    bind(
        Assessment,
        &[ch('A')],
        Action::ToggleAdvance,
        "turn moving to the next unanswered item on or off",
    ),
    bind(
        Assessment,
        &[ch('/')],
        Action::Search,
        "search prompts, guidance and notes",
    ),
    bind(
        Assessment,
        &[ch('v')],
        Action::NextFilter,
        "show all, unanswered, with findings, flagged, or carried items",
    ),
    bind(
        Assessment,
        &[key(Esc)],
        Action::ClearFilter,
        "show all items again",
    ),
    bind(
        Assessment,
        &[ch('f')],
        Action::ToggleFindings,
        "show the findings panel",
    ),
    bind(
        Assessment,
        &[ch('x')],
        Action::OpenExport,
        "export the report",
    ),
    bind(Assessment, &[ch('?')], Action::Help, "open this help"),
    bind(Assessment, &[ch('q')], Action::Quit, "save and quit"),
    // Findings panel.
    bind(Findings, UP, Action::Up, "previous finding"),
    bind(Findings, DOWN, Action::Down, "next finding"),
    bind(
        Findings,
        &[key(Enter)],
        Action::Submit,
        "go to the item behind the finding",
    ),
    bind(
        Findings,
        &[key(Esc), ch('f'), ch('q')],
        Action::Close,
        "close the panel",
    ),
    // Evidence list.
    bind(Evidence, UP, Action::Up, "previous reference"),
    bind(Evidence, DOWN, Action::Down, "next reference"),
    bind(
        Evidence,
        &[ch('a'), ch('+')],
        Action::AddEvidence,
        "add a reference",
    ),
    bind(
        Evidence,
        &[key(Enter)],
        Action::Submit,
        "edit the selected reference",
    ),
    bind(
        Evidence,
        &[key(Delete), ch('d')],
        Action::RemoveEvidence,
        "remove the selected reference",
    ),
    bind(
        Evidence,
        &[key(Esc), ch('q')],
        Action::Close,
        "close the list",
    ),
    // Picker.
    bind(Picker, UP, Action::Up, "previous option"),
    bind(Picker, DOWN, Action::Down, "next option"),
    bind(Picker, &[key(Enter)], Action::Submit, "choose the option"),
    bind(
        Picker,
        &[key(Esc), ch('q')],
        Action::Close,
        "leave the answer as it was",
    ),
    // Reading.
    bind(Reading, UP, Action::Up, "scroll up"),
    bind(Reading, DOWN, Action::Down, "scroll down"),
    bind(Reading, &[key(PageUp)], Action::PageUp, "up a page"),
    bind(Reading, &[key(PageDown)], Action::PageDown, "down a page"),
    bind(
        Reading,
        &[key(Esc), key(Enter), ch('q')],
        Action::Close,
        "close",
    ),
    // One-line fields.
    bind(
        Input,
        &[key(Enter)],
        Action::Submit,
        "accept (a bad entry is explained and the old value stays)",
    ),
    bind(Input, &[key(Esc)], Action::Close, "cancel"),
    // Note editor.
    bind(
        Note,
        &[key(Esc)],
        Action::Close,
        "keep the note and close the editor",
    ),
    // Export dialog.
    bind(Export, &[key(Up)], Action::Up, "previous format"),
    bind(Export, &[key(Down)], Action::Down, "next format"),
    bind(
        Export,
        &[key(Enter)],
        Action::Submit,
        "write the report to the path shown",
    ),
    bind(
        Export,
        &[key(Tab)],
        Action::ToggleRedact,
        "leave out names and notes, for sharing outside the force",
    ),
    bind(Export, &[key(Esc)], Action::Close, "close the dialog"),
    // Home.
    bind(Assessments, UP, Action::Up, "previous assessment"),
    bind(Assessments, DOWN, Action::Down, "next assessment"),
    bind(
        Assessments,
        &[key(Enter), ch('o')],
        Action::Submit,
        "open the selected assessment",
    ),
    bind(
        Assessments,
        &[ch('c')],
        Action::NewAssessment,
        "create a new assessment",
    ),
    bind(Assessments, &[ch('?')], Action::Help, "open this help"),
    bind(Assessments, &[ch('q')], Action::Quit, "quit"),
    // New assessment form.
    bind(
        NewForm,
        &[key(Tab), key(Down)],
        Action::NextPane,
        "next field",
    ),
    bind(
        NewForm,
        &[key(BackTab), key(Up)],
        Action::PrevPane,
        "previous field",
    ),
    bind(
        NewForm,
        &[key(Left)],
        Action::PrevChoice,
        "previous choice (checklist, or where to start from)",
    ),
    bind(
        NewForm,
        &[key(Right)],
        Action::NextChoice,
        "next choice (checklist, or where to start from)",
    ),
    bind(
        NewForm,
        &[key(Enter)],
        Action::Submit,
        "create the assessment and open it",
    ),
    bind(
        NewForm,
        &[key(Esc)],
        Action::Close,
        "back to the list without creating anything",
    ),
    // Help.
    bind(Help, UP, Action::Up, "scroll up"),
    bind(Help, DOWN, Action::Down, "scroll down"),
    bind(Help, &[key(PageUp)], Action::PageUp, "up a page"),
    bind(Help, &[key(PageDown)], Action::PageDown, "down a page"),
    bind(
        Help,
        &[key(Esc), ch('?'), ch('q')],
        Action::Close,
        "close the help",
    ),
    // Briefing.
    bind(Briefing, UP, Action::Up, "scroll up"),
    bind(Briefing, DOWN, Action::Down, "scroll down"),
    bind(Briefing, &[key(PageUp)], Action::PageUp, "up a page"),
    bind(Briefing, &[key(PageDown)], Action::PageDown, "down a page"),
    bind(
        Briefing,
        &[key(Enter), key(Esc)],
        Action::Close,
        "start on the questions",
    ),
    // Quitting with unsaved changes.
    bind(
        ConfirmQuit,
        &[ch('s')],
        Action::RetrySave,
        "try saving again",
    ),
    bind(
        ConfirmQuit,
        &[ch('y')],
        Action::QuitAnyway,
        "quit and lose the unsaved change",
    ),
    bind(
        ConfirmQuit,
        &[key(Esc), ch('n')],
        Action::Close,
        "stay in probity",
    ),
];

/// The action for a key in a context. In text fields, keys with no binding are typed.
pub fn action_for(context: Context, event: KeyEvent) -> Option<Action> {
    let pressed = normalise(event);
    BINDINGS
        .iter()
        .filter(|b| b.context == context || b.context == Everywhere)
        .find(|b| b.keys.contains(&pressed))
        .map(|b| b.action.clone())
        .or_else(|| context.takes_text().then_some(Action::Type(event)))
}

/// Shift is part of an upper-case letter, so it is not compared separately.
fn normalise(event: KeyEvent) -> Key {
    let mut modifiers =
        event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
    if matches!(event.code, Char(_) | BackTab) {
        modifiers.remove(KeyModifiers::SHIFT);
    }
    Key {
        code: event.code,
        modifiers,
    }
}

/// A key as help shows it: `Ctrl-C`, `Enter`, `y`.
pub fn label(key: &Key) -> String {
    let name = match key.code {
        Char(' ') => "Space".to_string(),
        Char(c) => c.to_string(),
        Enter => "Enter".into(),
        Esc => "Esc".into(),
        Tab => "Tab".into(),
        BackTab => "Shift-Tab".into(),
        Up => "↑".into(),
        Down => "↓".into(),
        Left => "←".into(),
        Right => "→".into(),
        PageUp => "PgUp".into(),
        PageDown => "PgDn".into(),
        Home => "Home".into(),
        End => "End".into(),
        Delete => "Del".into(),
        Backspace => "Backspace".into(),
        F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{}", name.to_uppercase())
    } else {
        name
    }
}

/// A hint line for the foot of a screen or dialog, e.g. `y p n a answer  N note`: each group of
/// actions is shown by the first key the table binds to it here (or everywhere), so a hint can
/// never name a key that does something else. Groups with no key in this context are left out.
pub fn hint(context: Context, groups: &[(&[Action], &str)]) -> String {
    groups
        .iter()
        .filter_map(|(actions, words)| {
            let keys: Vec<String> = actions
                .iter()
                .filter_map(|a| first_key(context, a))
                .collect();
            (!keys.is_empty()).then(|| format!("{} {words}", keys.join(" ")))
        })
        .collect::<Vec<_>>()
        .join("   ")
}

/// The first key the table binds to `action` here (or everywhere), as help shows it.
fn first_key(context: Context, action: &Action) -> Option<String> {
    BINDINGS
        .iter()
        .filter(|b| b.context == context)
        .chain(BINDINGS.iter().filter(|b| b.context == Everywhere))
        .find(|b| &b.action == action)
        .and_then(|b| b.keys.first())
        .map(label)
}

/// The key for `action` here, for sentences such as "press c to create one", so prose can never
/// name a key the table does not bind.
pub fn key_name(context: Context, action: &Action) -> String {
    first_key(context, action).unwrap_or_else(|| "?".into())
}

/// The help text: every context with its keys, generated from [`BINDINGS`].
pub fn help_lines() -> Vec<(Option<&'static str>, String, &'static str)> {
    let mut out = Vec::new();
    let mut last = None;
    for b in BINDINGS {
        if last != Some(b.context) {
            out.push((Some(b.context.title()), String::new(), ""));
            last = Some(b.context);
        }
        let keys = b.keys.iter().map(label).collect::<Vec<_>>().join(" ");
        out.push((None, keys, b.help));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn hints_name_the_keys_the_table_binds() {
        let answers: &[Action] = &[
            Action::Answer(Status::Yes),
            Action::Answer(Status::Partial),
            Action::Answer(Status::No),
            Action::Answer(Status::Na),
        ];
        assert_eq!(
            hint(
                Assessment,
                &[(answers, "answer"), (&[Action::Help], "help")]
            ),
            "y p n a answer   ? help"
        );
        assert_eq!(
            hint(NewForm, &[(&[Action::Help], "help")]),
            "F1 help",
            "falls back to everywhere"
        );
        assert_eq!(
            hint(Note, &[(&[Action::AddEvidence], "add")]),
            "",
            "unbound groups are left out"
        );
    }

    #[test]
    fn status_keys_answer_on_the_assessment_screen() {
        assert_eq!(
            action_for(Assessment, press(Char('y'), KeyModifiers::NONE)),
            Some(Action::Answer(Status::Yes))
        );
        assert_eq!(
            action_for(Assessment, press(Char('N'), KeyModifiers::SHIFT)),
            Some(Action::EditNote)
        );
        assert_eq!(
            action_for(Assessment, press(Char('z'), KeyModifiers::NONE)),
            None
        );
    }

    #[test]
    fn text_fields_type_letters_but_ctrl_c_still_quits() {
        let y = press(Char('y'), KeyModifiers::NONE);
        assert_eq!(action_for(Input, y), Some(Action::Type(y)));
        assert_eq!(
            action_for(Note, press(Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                let overlap =
                    a.context == b.context || a.context == Everywhere || b.context == Everywhere;
                for k in a.keys {
                    assert!(
                        !(overlap && b.keys.contains(k)),
                        "{} is bound twice in {:?}",
                        label(k),
                        b.context
                    );
                }
            }
        }
    }

    #[test]
    fn where_text_is_typed_no_letter_is_a_command() {
        for b in BINDINGS.iter().filter(|b| b.context.takes_text()) {
            for k in b.keys {
                let printable = matches!(k.code, Char(_)) && k.modifiers.is_empty();
                assert!(
                    !printable,
                    "{} in {:?} could never be typed",
                    label(k),
                    b.context
                );
            }
        }
    }

    #[test]
    fn help_lists_every_binding_under_its_context() {
        let lines = help_lines();
        assert_eq!(
            lines.iter().filter(|l| l.0.is_none()).count(),
            BINDINGS.len()
        );
        assert!(lines.iter().any(|l| l.1 == "y" && l.2 == "answer yes"));
    }
}
