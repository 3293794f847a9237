use crossterm::event::KeyEvent;

use probity_core::answer::Status;

/// Everything the user can ask the interface to do. Keys become actions through the
/// [`keymap`](super::keymap); [`update`](super::update::update) is the only place they act.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    // Moving around.
    Up,
    Down,
    PageUp,
    PageDown,
    First,
    Last,
    /// Tab and Shift-Tab: round the panes, or the form's fields.
    NextPane,
    PrevPane,
    /// `l` and `h`: the next pane that way, stopping at the outer panes.
    PaneRight,
    PaneLeft,
    /// Back one level: a filter or search first, then the assessment to the home screen.
    Back,
    /// On to the next unanswered question.
    Continue,
    /// The same force's previous or next period, from the header's chart.
    PrevPeriod,
    NextPeriod,
    // Answering the selected item.
    Answer(Status),
    ClearAnswer,
    EditAnswer,
    EditNote,
    EditEvidence,
    EditOwner,
    EditDue,
    ToggleReview,
    Confirm,
    /// Take the answer a return gave, where it differs from the one held.
    TakeIncoming,
    /// Keep the answer held, setting aside the different one a return gave.
    KeepHeld,
    /// Choose how far the answer is assured: asserted, evidenced or verified.
    SetAssurance,
    /// Confirm every carried answer of the selected area, after a prompt that counts them.
    ConfirmArea,
    /// On a graded checklist: record the assessor's grade for the selected area in place of
    /// the derived one, with the rationale, or clear it.
    Judge,
    ToggleAdvance,
    Undo,
    Redo,
    /// In a read-only window whose other window has closed: start editing here.
    TakeOver,
    // Evidence list.
    AddEvidence,
    RemoveEvidence,
    // Views and dialogs.
    Search,
    NextFilter,
    /// Straight to the answers a return contradicts.
    ShowConflicts,
    ToggleFindings,
    /// The selected item's recorded changes.
    ShowHistory,
    /// Sign the assessment off, sealing it.
    Sign,
    /// Take a signed assessment back to draft.
    Reopen,
    Overview,
    OpenExport,
    Help,
    /// Read the last message on the bottom line in full.
    ShowMessage,
    /// Accept the dialog or open the selection.
    Submit,
    /// Leave the dialog without changing anything.
    Close,
    NewAssessment,
    /// Leave names and notes out of the export, or put them back.
    ToggleRedact,
    PrevChoice,
    NextChoice,
    /// The answers to a yes-or-no question.
    Yes,
    No,
    Quit,
    /// Quit even though the last change could not be saved.
    QuitAnyway,
    RetrySave,
    // Input that is not a command.
    /// A key typed into a text field.
    Type(KeyEvent),
    /// A line-editing key in a text field.
    Edit(LineEdit),
    /// Text pasted into the terminal (bracketed paste).
    Paste(String),
    /// A key with no meaning here, as help names it, so it can be said rather than ignored.
    Unbound(String),
    /// The terminal's size, at the start and whenever it changes.
    Resize(u16, u16),
    /// The loop's regular wake-up, while something outside is being watched.
    Tick,
}

/// The line-editing keys of a shell, in every text field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineEdit {
    Start,
    End,
    DeleteToStart,
    DeleteToEnd,
    DeleteWord,
}
