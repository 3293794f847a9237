//! `probity return`, `probity import` and `probity conflicts`: asking contributors questions in
//! a workbook, merging their answers back, and resolving where they disagree with what is held.

use std::io::Write;
use std::path::PathBuf;

use probity_core::answer::parse_date;
use probity_core::assessment::{Answer, Assessment, Incoming, in_one_line};
use probity_core::checklist::Checklist;
use probity_core::document::{DEFAULT_MARKING, long_date};
use probity_core::history::{self, History};
use probity_core::returns::{Effect, Plan, Request, ReturnError};
use probity_core::storage;
use probity_core::text::escape_for_terminal;
use probity_core::workspace::{
    Imported, MakeError, Overwrite, Resolution, ResolveError, Workspace,
};

use super::{
    DataDir, Outcome, fail, find_area, find_item, load, open_to_change, shown_load_error, usage,
};

#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("asked").required(true).multiple(true).args(["areas", "items"])))]
pub struct ReturnArgs {
    /// The assessment file; a bare name is also looked for in the data folder.
    pub file: PathBuf,
    /// Ask every question of this area (repeatable): its id, or part of its title.
    #[arg(long = "area", value_name = "ID")]
    pub areas: Vec<String>,
    /// Ask this question too (repeatable): its id, or part of its question.
    #[arg(long = "item", value_name = "ID")]
    pub items: Vec<String>,
    /// Whom the return is for; their answers are recorded under this name.
    #[arg(long, value_name = "NAME")]
    pub to: String,
    /// The workbook to write (.xlsx).
    #[arg(long, value_name = "RETURN.xlsx")]
    pub out: PathBuf,
    /// The date to return it by, such as 31/01/2013, printed on its cover.
    #[arg(long, value_name = "DATE")]
    pub due: Option<String>,
    /// Protective marking printed on every sheet.
    #[arg(long, default_value = DEFAULT_MARKING)]
    pub marking: String,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub overwrite: bool,
    #[command(flatten)]
    pub data: DataDir,
}

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The assessment file; a bare name is also looked for in the data folder.
    pub file: PathBuf,
    /// Filled returns (.xlsx, or .ods from LibreOffice), applied in the order given.
    #[arg(required = true, value_name = "RETURN.xlsx")]
    pub returns: Vec<PathBuf>,
    /// Print what would change, and change nothing.
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub data: DataDir,
}

#[derive(Debug, clap::Args)]
pub struct ConflictsArgs {
    /// The assessment file; a bare name is also looked for in the data folder.
    pub file: PathBuf,
    /// Take the return's answer for this item (repeatable), recorded as its contributor's.
    #[arg(long, value_name = "ID")]
    pub take: Vec<String>,
    /// Keep the answer held for this item (repeatable), setting the return's aside.
    #[arg(long, value_name = "ID")]
    pub keep: Vec<String>,
    #[command(flatten)]
    pub data: DataDir,
}

/// Makes a return workbook for one contributor.
pub fn make(ws: &Workspace, args: &ReturnArgs) -> Outcome {
    let path = ws.locate(&args.file);
    let (assessment, checklist) = match load(ws, &path) {
        Ok(loaded) => loaded,
        Err(outcome) => return outcome,
    };
    if assessment.is_final() {
        return fail(&format!(
            "{} is signed off and final, so a return made from it could not be imported; reopen it first",
            path.display()
        ));
    }
    let items = match asked(&checklist, args) {
        Ok(items) => items,
        Err(outcome) => return outcome,
    };
    let due = match args.due.as_deref().map(parse_date).transpose() {
        Ok(due) => due,
        Err(e) => return fail(&format!("the date to return it by {e} (--due)")),
    };
    let to = probity_core::text::sanitize_line(&args.to);
    if to.is_empty() {
        return usage("--to needs the name of the person the return is for");
    }
    let request = Request {
        to,
        from: ws.actor.clone(),
        items,
        due,
        marking: args.marking.clone(),
        made: ws.today,
    };
    let overwrite = if args.overwrite {
        Overwrite::Replace
    } else {
        Overwrite::Never
    };
    let mut opened = match open_to_change(ws, &path) {
        Ok(o) => o,
        Err(outcome) => return outcome,
    };
    match opened.make_return(&request, &args.out, overwrite) {
        Ok(count) => {
            let by = due.map_or_else(String::new, |d| format!(", to return by {}", long_date(d)));
            println!(
                "Wrote {}: {} for {}{by}.",
                args.out.display(),
                plural(count, "question"),
                escape_for_terminal(&request.to)
            );
            println!(
                "When it comes back, import it with: probity import {} {}",
                path.display(),
                args.out.display()
            );
            Outcome::Ok
        }
        Err(MakeError::Load(e)) => shown_load_error(&e),
        Err(MakeError::Storage(storage::Error::Exists(p))) => fail(&format!(
            "{} already exists; choose another name, or replace it with --overwrite",
            p.display()
        )),
        Err(e) => fail(&e.to_string()),
    }
}

/// The items a return asks: every item of each area named, and each item named, by id.
fn asked(checklist: &Checklist, args: &ReturnArgs) -> Result<Vec<String>, Outcome> {
    let mut ids = Vec::new();
    for query in &args.areas {
        ids.extend(
            find_area(checklist, query)?
                .items
                .iter()
                .map(|i| i.id.clone()),
        );
    }
    for query in &args.items {
        ids.push(find_item(checklist, query)?.id.clone());
    }
    Ok(ids)
}

/// Imports filled returns, or with --dry-run says what importing would do.
pub fn import(ws: &Workspace, args: &ImportArgs) -> Outcome {
    let path = ws.locate(&args.file);
    if args.dry_run {
        let (assessment, checklist) = match load(ws, &path) {
            Ok(loaded) => loaded,
            Err(outcome) => return outcome,
        };
        if assessment.is_final() {
            return fail(&format!(
                "{} is signed off and final, so nothing can be imported into it; reopen it first",
                path.display()
            ));
        }
        let history = match History::load(&history::path_for(&path)) {
            Ok(h) => h,
            Err(e) => return fail(&e.to_string()),
        };
        let outcome = tell(
            &ws.preview_import(&assessment, &checklist, &history, &args.returns),
            &checklist,
        );
        println!("Dry run: nothing was written.");
        return outcome;
    }
    let mut opened = match open_to_change(ws, &path) {
        Ok(o) => o,
        Err(outcome) => return outcome,
    };
    let imported = match opened.import(&args.returns) {
        Ok(imported) => imported,
        Err(refused) => return fail(&format!("{}: {refused}", path.display())),
    };
    if let Err(e) = opened.save_or_refuse() {
        return fail(&e.to_string());
    }
    let outcome = tell(&imported, &opened.checklist);
    let waiting = opened.assessment.conflicts().count();
    if waiting > 0 {
        println!(
            "{} to resolve: see them with `probity conflicts {}`.",
            plural(waiting, "conflict"),
            path.display()
        );
    }
    outcome
}

/// Says what each return changed (or would change), and why any was not used.
fn tell(imported: &[Imported], checklist: &Checklist) -> Outcome {
    let mut outcome = Outcome::Ok;
    for one in imported {
        match &one.result {
            Ok(plan) => print_plan(plan, checklist),
            Err(e) => outcome = refused(e),
        }
    }
    outcome
}

fn print_plan(plan: &Plan, checklist: &Checklist) {
    if let Some(warning) = &plan.warning {
        eprintln!("Warning: {}", escape_for_terminal(warning));
    }
    let (new, conflicts) = plan.counts();
    println!(
        "{}, from {}: {}, {}; {} as held, {} left blank or as sent.",
        escape_for_terminal(&plan.source),
        escape_for_terminal(&plan.from),
        plural(new, "new answer"),
        plural(conflicts, "conflict"),
        plan.same,
        plan.blank
    );
    for change in &plan.changes {
        let Some(item) = checklist.item(&change.item) else {
            continue;
        };
        let heading = format!("{} ({})", item.id, item.prompt);
        let line = match &change.effect {
            Effect::New { after } => format!(
                "  New: {heading}: {}",
                in_one_line(&new_fields(&change.before, after, &item.kind))
            ),
            Effect::Conflict { incoming } => format!(
                "  Conflict: {heading}: held {}; the return says {}",
                in_one_line(&change.before.words(&item.kind)),
                in_one_line(&incoming.words(&item.kind))
            ),
        };
        println!("{}", escape_for_terminal(&line));
    }
}

/// The fields a new answer filled, in words.
fn new_fields(
    before: &Answer,
    after: &Answer,
    kind: &probity_core::answer::Kind,
) -> Vec<(&'static str, String)> {
    let held = before.words(kind);
    after
        .words(kind)
        .into_iter()
        .filter(|f| !held.contains(f))
        .collect()
}

/// Prints why a return was not used, with every bad cell.
fn refused(e: &ReturnError) -> Outcome {
    let outcome = fail(&e.to_string());
    if let ReturnError::Cells(cells) = e {
        for cell in cells {
            let _ = writeln!(
                std::io::stderr(),
                "  {}",
                escape_for_terminal(&cell.to_string())
            );
        }
        let _ = writeln!(
            std::io::stderr(),
            "Correct these cells in the workbook (or ask its contributor to), then import it again."
        );
    }
    outcome
}

/// Lists the conflicts waiting, or resolves those named.
pub fn conflicts(ws: &Workspace, args: &ConflictsArgs) -> Outcome {
    let path = ws.locate(&args.file);
    if args.take.is_empty() && args.keep.is_empty() {
        let (assessment, checklist) = match load(ws, &path) {
            Ok(loaded) => loaded,
            Err(outcome) => return outcome,
        };
        return match History::load(&history::path_for(&path)) {
            Ok(history) => {
                list(&assessment, &checklist, &history);
                Outcome::Ok
            }
            Err(e) => fail(&e.to_string()),
        };
    }
    let mut opened = match open_to_change(ws, &path) {
        Ok(o) => o,
        Err(outcome) => return outcome,
    };
    let chosen = args
        .take
        .iter()
        .map(|q| (q, Resolution::Take))
        .chain(args.keep.iter().map(|q| (q, Resolution::Keep)));
    for (query, how) in chosen {
        let id = match find_item(&opened.checklist, query) {
            Ok(item) => item.id.clone(),
            Err(outcome) => return outcome,
        };
        match opened.resolve(&id, how) {
            Ok(_) => println!(
                "{id}: {}",
                match how {
                    Resolution::Take => "took the return's answer",
                    Resolution::Keep => "kept the answer held",
                }
            ),
            Err(ResolveError::NoConflict(id)) => {
                return fail(&format!(
                    "\"{id}\" has no answer from a return waiting; `probity conflicts {}` lists those that have",
                    path.display()
                ));
            }
            Err(e) => return fail(&e.to_string()),
        }
    }
    match opened.save_or_refuse() {
        Ok(()) => {
            let left = opened.assessment.conflicts().count();
            println!("{} left to resolve.", plural(left, "conflict"));
            Outcome::Ok
        }
        Err(e) => fail(&e.to_string()),
    }
}

/// Every conflict, with both answers and who gave each.
fn list(a: &Assessment, checklist: &Checklist, history: &History) {
    let conflicts: Vec<(&str, &Incoming)> = a.conflicts().collect();
    println!(
        "{} {}: {}.",
        escape_for_terminal(&a.force),
        escape_for_terminal(&a.period),
        match conflicts.len() {
            0 => "no conflicts to resolve".to_string(),
            n => format!("{} to resolve", plural(n, "conflict")),
        }
    );
    for (id, incoming) in &conflicts {
        let Some(item) = checklist.item(id) else {
            continue;
        };
        let held = a.answer(id).cloned().unwrap_or_default();
        let given = match (history.provenance(id), history.last_changed(id)) {
            (Some(by), Some(e)) if by == format!("given by {}", e.by) => format!(
                " ({by}, {})",
                long_date(e.at.to_zoned(jiff::tz::TimeZone::UTC).date())
            ),
            (Some(by), _) => format!(" ({by})"),
            (None, _) => String::new(),
        };
        let lines = [
            String::new(),
            format!("{id}: {}", item.prompt),
            format!("  Held: {}{given}", in_one_line(&held.words(&item.kind))),
            format!(
                "  From the return: {} (given by {}, {}, received {})",
                in_one_line(&incoming.words(&item.kind)),
                incoming.from,
                incoming.source,
                long_date(incoming.received)
            ),
        ];
        for line in lines {
            println!("{}", escape_for_terminal(&line));
        }
    }
    if !conflicts.is_empty() {
        println!(
            "\nTake a return's answer with --take ID, or keep the one held with --keep ID; the assessment cannot be signed off while any conflict remains."
        );
    }
}

fn plural(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}
