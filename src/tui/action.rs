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
    NextPane,
    PrevPane,
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
    /// Choose how far the answer is assured: asserted, evidenced or verified.
    SetAssurance,
    ToggleAdvance,
    // Evidence list.
    AddEvidence,
    RemoveEvidence,
    // Views and dialogs.
    Search,
    NextFilter,
    ClearFilter,
    ToggleFindings,
    /// The selected item's recorded changes.
    ShowHistory,
    /// Sign the assessment off, sealing it.
    Sign,
    /// Take a signed assessment back to draft.
    Reopen,
    OpenExport,
    Help,
    /// Accept the dialog or open the selection.
    Submit,
    /// Leave the dialog without changing anything (notes and typed text are kept on leaving).
    Close,
    NewAssessment,
    /// Leave names and notes out of the export, or put them back.
    ToggleRedact,
    PrevChoice,
    NextChoice,
    Quit,
    /// Quit even though the last change could not be saved.
    QuitAnyway,
    RetrySave,
    // Input that is not a command.
    /// A key typed into a text field.
    Type(KeyEvent),
    /// Text pasted into the terminal (bracketed paste).
    Paste(String),
}
