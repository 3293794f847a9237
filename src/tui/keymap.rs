//! The one key table. Input handling looks keys up here, and the help screen, the hint lines
//! and the manual's key page (`docs/src/keys.md`) are printed from it, so none of them can
//! disagree.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::{Action, LineEdit};
use probity_core::answer::Status;

/// Where the keys are being read: each screen and dialog has its own set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Everywhere,
    /// Every text field, one line or many: the line-editing keys.
    Typing,
    Assessments,
    NewForm,
    Assessment,
    Overview,
    Findings,
    Evidence,
    Picker,
    /// A page of text to read: an item's history, or why sign-off is refused.
    Reading,
    /// One-line fields: answers, owner, due date, evidence, search.
    Input,
    Note,
    Export,
    /// A yes-or-no question: keep a note, replace a file, confirm an area's answers.
    Ask,
    Help,
    /// What was carried from last period, shown before the first question.
    Briefing,
    ConfirmQuit,
}

impl Context {
    pub fn title(self) -> &'static str {
        match self {
            Context::Everywhere => "Everywhere",
            Context::Typing => "In every text field",
            Context::Assessments => "Home: your assessments",
            Context::NewForm => "New assessment form",
            Context::Assessment => "Assessment",
            Context::Overview => "Overview of the whole checklist",
            Context::Findings => "Findings panel",
            Context::Evidence => "Evidence list",
            Context::Picker => "Choosing an answer, an assurance or a judgement",
            Context::Reading => "Reading a history or a list of reasons",
            Context::Input => "Typing an answer, owner, date or search",
            Context::Note => "Note editor",
            Context::Export => "Export dialog",
            Context::Ask => "Answering a question",
            Context::Help => "This help",
            Context::Briefing => "Briefing on a carried-forward assessment",
            Context::ConfirmQuit => "Leaving with unsaved changes",
        }
    }

    /// Contexts where unbound keys are typed text rather than ignored.
    pub fn takes_text(self) -> bool {
        matches!(
            self,
            Context::NewForm | Context::Input | Context::Note | Context::Export
        )
    }

    /// Whether a binding made in `self` works in `here`.
    fn reaches(self, here: Context) -> bool {
        self == here
            || self == Context::Everywhere
            || (self == Context::Typing && here.takes_text())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl Key {
    /// A letter, digit or sign with no Ctrl or Alt: typed text wherever text is typed.
    fn printable(self) -> bool {
        matches!(self.code, Char(_)) && self.modifiers.is_empty()
    }

    /// Whether pressing this key in `here` reaches a binding made in `made`: a printable key
    /// bound everywhere (such as `Q`) is typed, not obeyed, in a text field.
    fn works(self, made: Context, here: Context) -> bool {
        made.reaches(here) && !(made == Everywhere && here.takes_text() && self.printable())
    }
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
const FIRST: &[Key] = &[key(Home), ch('g')];
const LAST: &[Key] = &[key(End), ch('G')];

/// Every key probity understands, by context, in the order help lists them.
pub static BINDINGS: &[Binding] = &[
    bind(
        Everywhere,
        &[ch('Q'), ctrl('c')],
        Action::Quit,
        "quit probity (Ctrl-C while typing); asks first if a change could not be saved",
    ),
    bind(Everywhere, &[key(F(1))], Action::Help, "open this help"),
    // Line editing.
    bind(
        Typing,
        &[ctrl('a')],
        Action::Edit(LineEdit::Start),
        "to the start of the line",
    ),
    bind(
        Typing,
        &[ctrl('e')],
        Action::Edit(LineEdit::End),
        "to the end of the line",
    ),
    bind(
        Typing,
        &[ctrl('u')],
        Action::Edit(LineEdit::DeleteToStart),
        "delete to the start of the line",
    ),
    bind(
        Typing,
        &[ctrl('k')],
        Action::Edit(LineEdit::DeleteToEnd),
        "delete to the end of the line",
    ),
    bind(
        Typing,
        &[ctrl('w')],
        Action::Edit(LineEdit::DeleteWord),
        "delete the word before the cursor",
    ),
    // Assessment screen.
    bind(
        Assessment,
        UP,
        Action::Up,
        "previous item (on into the area before), area or line",
    ),
    bind(
        Assessment,
        DOWN,
        Action::Down,
        "next item (on into the next area), area or line",
    ),
    bind(Assessment, &[key(PageUp)], Action::PageUp, "up a page"),
    bind(
        Assessment,
        &[key(PageDown)],
        Action::PageDown,
        "down a page",
    ),
    bind(Assessment, FIRST, Action::First, "first in the list"),
    bind(Assessment, LAST, Action::Last, "last in the list"),
    bind(
        Assessment,
        &[key(Tab)],
        Action::NextPane,
        "next pane (areas, items, details, then round again)",
    ),
    bind(
        Assessment,
        &[key(BackTab)],
        Action::PrevPane,
        "previous pane, round again",
    ),
    bind(
        Assessment,
        &[key(Right), ch('l')],
        Action::PaneRight,
        "the pane to the right (stops at the details)",
    ),
    bind(
        Assessment,
        &[key(Left), ch('h')],
        Action::PaneLeft,
        "the pane to the left (stops at the areas)",
    ),
    bind(
        Assessment,
        &[ch(' ')],
        Action::Continue,
        "go on to the next unanswered question",
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
        &[ch('i')],
        Action::TakeIncoming,
        "take the incoming answer a return gave, in place of the one held",
    ),
    bind(
        Assessment,
        &[ch('K')],
        Action::KeepHeld,
        "keep the answer held, setting aside the return's",
    ),
    bind(
        Assessment,
        &[ch('s')],
        Action::SetAssurance,
        "set the assurance: asserted, evidenced or verified",
    ),
    bind(
        Assessment,
        &[ch('J')],
        Action::Judge,
        "graded checklists: record the assessor's judgement of the selected area, with why, or clear it",
    ),
    bind(
        Assessment,
        &[ch('H')],
        Action::ShowHistory,
        "show the selected item's history: who changed what, and when",
    ),
    bind(
        Assessments,
        &[ch('M')],
        Action::ShowMessage,
        "read the last message in full, when the bottom line cut it short",
    ),
    bind(
        Assessment,
        &[ch('M')],
        Action::ShowMessage,
        "read the last message in full, when the bottom line cut it short",
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
        &[ch('C')],
        Action::ConfirmArea,
        "confirm every carried answer in this area (asks first)",
    ),
    bind(
        Assessment,
        &[ch('u'), ctrl('z')],
        Action::Undo,
        "undo the last change, and the one before, back to the start",
    ),
    bind(
        Assessment,
        &[ctrl('r')],
        Action::Redo,
        "redo what was undone",
    ),
    bind(
        Assessment,
        &[ch('A')],
        Action::ToggleAdvance,
        "after an answer: go on (waiting at a new finding), always go on, or stay",
    ),
    bind(
        Assessment,
        &[ch('/')],
        Action::Search,
        "search prompts, guidance and notes as you type",
    ),
    bind(
        Assessment,
        &[ch('v')],
        Action::NextFilter,
        "show all, unanswered, with findings, flagged, carried, or conflicting items",
    ),
    bind(
        Assessment,
        &[ch('V')],
        Action::ShowConflicts,
        "show only the answers a return contradicts (⇄)",
    ),
    bind(
        Assessment,
        &[ch('f')],
        Action::ToggleFindings,
        "show the findings panel",
    ),
    bind(
        Assessment,
        &[ch('O')],
        Action::Overview,
        "overview: every area and item as a grid of marks",
    ),
    bind(
        Assessment,
        &[ch('[')],
        Action::PrevPeriod,
        "open the force's previous period (as in the header's chart)",
    ),
    bind(
        Assessment,
        &[ch(']')],
        Action::NextPeriod,
        "open the force's next period",
    ),
    bind(
        Assessment,
        &[ch('x')],
        Action::OpenExport,
        "export the report",
    ),
    bind(
        Assessment,
        &[ch('T')],
        Action::TakeOver,
        "in a read-only window whose other window has closed: edit here",
    ),
    bind(Assessment, &[ch('?')], Action::Help, "open this help"),
    bind(
        Assessment,
        &[ch('q'), key(Esc)],
        Action::Back,
        "clear the filter or search; else back to your assessments",
    ),
    // Overview.
    bind(Overview, UP, Action::Up, "previous area"),
    bind(Overview, DOWN, Action::Down, "next area"),
    bind(
        Overview,
        &[key(Left), ch('h')],
        Action::PrevChoice,
        "previous item",
    ),
    bind(
        Overview,
        &[key(Right), ch('l')],
        Action::NextChoice,
        "next item",
    ),
    bind(Overview, FIRST, Action::First, "first area"),
    bind(Overview, LAST, Action::Last, "last area"),
    bind(Overview, &[key(Enter)], Action::Submit, "go to the item"),
    bind(
        Overview,
        &[key(Esc), ch('O'), ch('q')],
        Action::Close,
        "close the overview",
    ),
    // Findings panel.
    bind(Findings, UP, Action::Up, "previous finding"),
    bind(Findings, DOWN, Action::Down, "next finding"),
    bind(Findings, FIRST, Action::First, "first finding"),
    bind(Findings, LAST, Action::Last, "last finding"),
    bind(
        Findings,
        &[key(PageUp)],
        Action::PageUp,
        "scroll the explanation up",
    ),
    bind(
        Findings,
        &[key(PageDown)],
        Action::PageDown,
        "scroll the explanation down",
    ),
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
    bind(Evidence, FIRST, Action::First, "first reference"),
    bind(Evidence, LAST, Action::Last, "last reference"),
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
    bind(Picker, FIRST, Action::First, "first option"),
    bind(Picker, LAST, Action::Last, "last option"),
    bind(Picker, &[key(Enter)], Action::Submit, "choose the option"),
    bind(
        Picker,
        &[key(Esc), ch('q')],
        Action::Close,
        "leave it as it was",
    ),
    // Reading.
    bind(Reading, UP, Action::Up, "scroll up"),
    bind(Reading, DOWN, Action::Down, "scroll down"),
    bind(Reading, &[key(PageUp)], Action::PageUp, "up a page"),
    bind(Reading, &[key(PageDown)], Action::PageDown, "down a page"),
    bind(Reading, FIRST, Action::First, "to the top"),
    bind(Reading, LAST, Action::Last, "to the end"),
    bind(Reading, &[key(Esc), ch('q')], Action::Close, "close"),
    bind(
        Reading,
        &[key(Enter)],
        Action::Submit,
        "in a list of things to put right, go to the chosen question; otherwise close",
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
        "close the editor, asking whether to keep your changes",
    ),
    // Export dialog.
    bind(Export, &[key(Up)], Action::Up, "previous format"),
    bind(Export, &[key(Down)], Action::Down, "next format"),
    bind(
        Export,
        &[key(Enter)],
        Action::Submit,
        "write the report to the path shown (asks before replacing a file)",
    ),
    bind(
        Export,
        &[key(Tab)],
        Action::ToggleRedact,
        "leave out names and notes, for sharing outside the force",
    ),
    bind(Export, &[key(Esc)], Action::Close, "close the dialog"),
    // A question.
    bind(Ask, &[ch('y')], Action::Yes, "yes"),
    bind(Ask, &[ch('n')], Action::No, "no"),
    bind(
        Ask,
        &[key(Esc)],
        Action::Close,
        "neither: go back to where you were",
    ),
    // Home.
    bind(Assessments, UP, Action::Up, "previous assessment"),
    bind(Assessments, DOWN, Action::Down, "next assessment"),
    bind(Assessments, FIRST, Action::First, "first assessment"),
    bind(Assessments, LAST, Action::Last, "last assessment"),
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
    bind(Help, FIRST, Action::First, "to the top"),
    bind(Help, LAST, Action::Last, "to the end"),
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
    bind(Briefing, FIRST, Action::First, "to the top"),
    bind(Briefing, LAST, Action::Last, "to the end"),
    bind(
        Briefing,
        &[key(Enter), key(Esc)],
        Action::Close,
        "start on the questions",
    ),
    // Leaving with unsaved changes.
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
        "leave and lose the unsaved change",
    ),
    bind(ConfirmQuit, &[key(Esc), ch('n')], Action::Close, "stay"),
];

/// The action for a key in a context. In text fields, keys with no binding are typed;
/// elsewhere they are named, so the user hears that the key does nothing here.
pub fn action_for(context: Context, event: KeyEvent) -> Option<Action> {
    let pressed = normalise(event);
    let bound = BINDINGS
        .iter()
        .filter(|b| b.context == context)
        .chain(BINDINGS.iter().filter(|b| b.context != context))
        .find(|b| b.keys.contains(&pressed) && pressed.works(b.context, context))
        .map(|b| b.action.clone());
    bound.or_else(|| {
        Some(if context.takes_text() {
            Action::Type(event)
        } else {
            Action::Unbound(label(&pressed))
        })
    })
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
    let name = if key.modifiers.contains(KeyModifiers::ALT) {
        format!("Alt-{name}")
    } else {
        name
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

/// The first key the table binds to `action` that works here, as help shows it.
fn first_key(context: Context, action: &Action) -> Option<String> {
    BINDINGS
        .iter()
        .filter(|b| b.context == context)
        .chain(BINDINGS.iter().filter(|b| b.context != context))
        .filter(|b| &b.action == action)
        .find_map(|b| b.keys.iter().find(|k| k.works(b.context, context)))
        .map(label)
}

/// The key for `action` here, for sentences such as "press c to create one", so prose can never
/// name a key the table does not bind.
pub fn key_name(context: Context, action: &Action) -> String {
    first_key(context, action).unwrap_or_else(|| "?".into())
}

/// One context's keys as help lists them: each binding's keys and what they do.
pub struct Section {
    pub context: Context,
    pub keys: Vec<(String, &'static str)>,
}

/// The help text, generated from [`BINDINGS`]: the keys of `from` first (with the line-editing
/// keys after them when it is a text field), then everywhere else in the table's order.
pub fn help_sections(from: Context) -> Vec<Section> {
    let mut order = vec![from];
    if from.takes_text() {
        order.push(Typing);
    }
    for b in BINDINGS {
        if !order.contains(&b.context) {
            order.push(b.context);
        }
    }
    order
        .into_iter()
        .map(|context| Section {
            context,
            keys: BINDINGS
                .iter()
                .filter(|b| b.context == context)
                .map(|b| {
                    let keys = b.keys.iter().map(label).collect::<Vec<_>>().join(" ");
                    (keys, b.help)
                })
                .collect(),
        })
        .collect()
}

/// Every key as Markdown tables, one for each context in the table's order: the manual's key
/// page, which a test keeps identical to this.
pub fn markdown() -> String {
    let mut out = String::new();
    for section in help_sections(Everywhere) {
        out.push_str(&format!(
            "**{}**\n\n| key | what it does |\n|---|---|\n",
            section.context.title()
        ));
        for (keys, what) in section.keys {
            let keys: Vec<String> = keys
                .split(' ')
                .map(|k| format!("`{}`", k.replace('|', "\\|")))
                .collect();
            out.push_str(&format!("| {} | {what} |\n", keys.join(" ")));
        }
        out.push('\n');
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
            Some(Action::Unbound("z".into())),
            "a key with no meaning is named, not ignored"
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
        let q = press(Char('Q'), KeyModifiers::SHIFT);
        assert_eq!(action_for(Input, q), Some(Action::Type(q)));
        assert_eq!(action_for(Assessment, q), Some(Action::Quit));
        assert_eq!(action_for(Findings, q), Some(Action::Quit));
        assert_eq!(key_name(Note, &Action::Quit), "Ctrl-C");
        assert_eq!(key_name(Assessment, &Action::Quit), "Q");
    }

    #[test]
    fn every_text_field_has_the_line_editing_keys() {
        for context in [Input, Note, Export, NewForm] {
            assert_eq!(
                action_for(context, press(Char('u'), KeyModifiers::CONTROL)),
                Some(Action::Edit(LineEdit::DeleteToStart)),
                "{context:?}"
            );
        }
        assert_eq!(
            action_for(Assessment, press(Char('u'), KeyModifiers::CONTROL)),
            Some(Action::Unbound("Ctrl-U".into()))
        );
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                let overlap = a.context.reaches(b.context)
                    || b.context.reaches(a.context)
                    || (a.context == Typing && b.context == Everywhere)
                    || (b.context == Typing && a.context == Everywhere);
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
    fn help_lists_every_binding_once_starting_where_it_was_opened() {
        for from in [Assessment, Note, Assessments, Help] {
            let sections = help_sections(from);
            assert_eq!(sections[0].context, from);
            let listed: usize = sections.iter().map(|s| s.keys.len()).sum();
            assert_eq!(listed, BINDINGS.len());
        }
        assert_eq!(help_sections(Input)[1].context, Typing);
        let markdown = markdown();
        assert!(markdown.contains("| `y` | answer yes |"), "{markdown}");
        assert!(markdown.contains("| `u` `Ctrl-Z` |"), "{markdown}");
    }
}
