//! `probity show`: the questions, guidance, answers and findings as plain text, for reading,
//! for a screen reader, or for a script.

use std::path::PathBuf;

use probity_core::checklist::{Area, Item};
use probity_core::scoring;
use probity_core::workspace::Workspace;

use super::plain::{Plain, emit};
use super::{DataDir, Outcome, find_area, find_item, load, written};

#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// The assessment file; a bare name is also looked for in the data folder.
    pub file: PathBuf,
    /// One item: its id, or an unambiguous part of its question.
    #[arg(conflicts_with = "area")]
    pub item: Option<String>,
    /// One area: its id, or an unambiguous part of its title.
    #[arg(long, value_name = "ID")]
    pub area: Option<String>,
    #[command(flatten)]
    pub data: DataDir,
}

pub fn run(ws: &Workspace, args: &ShowArgs) -> Outcome {
    let (assessment, checklist) = match load(ws, &ws.locate(&args.file)) {
        Ok(loaded) => loaded,
        Err(outcome) => return outcome,
    };
    let evaluation = scoring::evaluate(&checklist, &assessment, ws.today);
    let plain = Plain {
        checklist: &checklist,
        assessment: &assessment,
        evaluation: &evaluation,
    };
    let lines = match (&args.item, &args.area) {
        (Some(query), _) => match find_item(&checklist, query) {
            Ok(item) => item_lines(&plain, item),
            Err(outcome) => return outcome,
        },
        (None, Some(query)) => match find_area(&checklist, query) {
            Ok(area) => area_lines(&plain, area),
            Err(outcome) => return outcome,
        },
        (None, None) => whole(&plain),
    };
    written(emit(&mut std::io::stdout().lock(), &lines))
}

/// The heading, every area with its items, then every finding.
fn whole(plain: &Plain) -> Vec<String> {
    let mut lines = plain.heading();
    for area in &plain.checklist.areas {
        lines.push(String::new());
        lines.extend(area_lines(plain, area));
    }
    lines.push(String::new());
    lines.extend(plain.findings());
    lines
}

fn area_lines(plain: &Plain, area: &Area) -> Vec<String> {
    let mut lines = vec![format!("Area: {}", plain.area(area))];
    for item in &area.items {
        lines.push(String::new());
        lines.extend(item_lines(plain, item));
    }
    lines
}

/// An item: its id and question, then its record, concerns and guidance, indented.
pub fn item_lines(plain: &Plain, item: &Item) -> Vec<String> {
    let body = plain
        .record(item)
        .into_iter()
        .chain(plain.concerns(item))
        .chain(plain.guidance(item));
    std::iter::once(format!("{}: {}", item.id, item.prompt))
        .chain(body.map(|l| format!("  {l}")))
        .collect()
}
