//! `probity judge`: the assessor's override of an area's derived judgement, with the rationale
//! for it, through the same core path as an answer (open under the lock, change, save
//! atomically). Everything typed is checked first, so bad input leaves the file as it was.

use std::path::PathBuf;

use probity_core::checklist::Grade;
use probity_core::workspace::{JudgeError, Opened, Workspace};

use super::answer::save_if_changed;
use super::plain::emit;
use super::{DataDir, Outcome, find_area, open_to_change};

#[derive(Debug, clap::Args)]
pub struct JudgeArgs {
    /// The assessment file; a bare name is also looked for in the data folder.
    pub file: PathBuf,
    /// The area: its id, or an unambiguous part of its title.
    pub area: String,
    /// The judgement to give instead of the derived one: outstanding, good, adequate,
    /// "requires improvement" or inadequate.
    #[arg(required_unless_present = "clear", conflicts_with = "clear")]
    pub grade: Option<String>,
    /// Why the derived judgement is set aside; needed with a grade.
    #[arg(long, value_name = "TEXT", conflicts_with = "clear")]
    pub rationale: Option<String>,
    /// Take the override and its rationale away, so the derived judgement stands.
    #[arg(long)]
    pub clear: bool,
    #[command(flatten)]
    pub data: DataDir,
}

pub fn run(ws: &Workspace, args: &JudgeArgs) -> Outcome {
    let mut opened = match open_to_change(ws, &args.file) {
        Ok(o) => o,
        Err(outcome) => return outcome,
    };
    let area = match find_area(&opened.checklist, &args.area) {
        Ok(area) => area.clone(),
        Err(outcome) => return outcome,
    };
    let judged = match &args.grade {
        Some(grade) => opened.override_judgement(
            &area.id,
            grade,
            args.rationale.as_deref().unwrap_or_default(),
        ),
        None => opened.clear_override(&area.id),
    };
    let changed = judged
        .map(|edit| edit.is_some())
        .map_err(|e| format!("{} ({}): {}", area.id, area.title, advice(&e)));
    let outcome = save_if_changed(&mut opened, changed);
    if outcome == Outcome::Ok {
        let _ = emit(
            &mut std::io::stdout().lock(),
            &stands(&opened, &area.id, &area.title),
        );
    }
    outcome
}

/// The error in words, with the flag that puts it right.
fn advice(e: &JudgeError) -> String {
    match e {
        JudgeError::NoRationale => format!("{e}; give it with --rationale TEXT"),
        _ => e.to_string(),
    }
}

/// How the area's judgement stands now: derived, and any override with its rationale.
fn stands(opened: &Opened, id: &str, title: &str) -> Vec<String> {
    let Some(j) = opened
        .evaluation
        .judgements
        .iter()
        .flat_map(|j| &j.areas)
        .find(|j| j.area == id)
    else {
        return Vec::new();
    };
    let derived = j
        .derived
        .map_or("no judgement (too little answered)", Grade::label);
    let mut lines = vec![format!("{id}: {title}"), format!("  Derived: {derived}")];
    match (j.overridden, &j.rationale) {
        (Some(grade), Some(why)) => {
            lines.push(format!("  Overridden: {}", grade.label()));
            lines.push(format!("  Rationale: {why}"));
        }
        _ => lines.push("  No override: the derived judgement stands.".into()),
    }
    lines
}
