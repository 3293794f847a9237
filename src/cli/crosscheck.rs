//! `probity crosscheck`: the gifts and business-interest registers matched against the
//! force's suppliers. Everything is read and checked before anything is written.

use std::path::PathBuf;

use probity_core::crosscheck::{self, Files, Named, Options, render::Review};
use probity_core::document::{Format, Page};
use probity_core::workspace::{RecordError, Workspace};

use super::{DataDir, Outcome, Output, fail, format, usage};

#[derive(Debug, clap::Args)]
pub struct CrosscheckArgs {
    /// Gifts and hospitality registers (CSV or workbook).
    #[arg(long, value_name = "FILE", num_args = 1.., required = true)]
    pub gifts: Vec<PathBuf>,
    /// Business-interest or secondary-employment registers (CSV or workbook).
    #[arg(long, value_name = "FILE", num_args = 1..)]
    pub interests: Vec<PathBuf>,
    /// Suppliers: OCDS release or record packages (JSON), or contract registers and
    /// spend-over-£500 files (CSV or workbook).
    #[arg(long, value_name = "FILE", num_args = 1.., required = true)]
    pub suppliers: Vec<PathBuf>,
    /// A gift within this many months of an award or payment to the same supplier is listed
    /// first.
    #[arg(long, value_name = "MONTHS", default_value_t = 12)]
    pub window: u32,
    /// Name a column whose header probity does not recognise: KIND=HEADER or
    /// ROLE.KIND=HEADER, e.g. suppliers.name="Payee Name" (kinds: name, person, date, value,
    /// number, description, status). Repeatable.
    #[arg(long, value_name = "KIND=HEADER")]
    pub columns: Vec<String>,
    /// Output format.
    #[arg(long, value_parser = format::of::<Review>(), default_value = "md")]
    pub format: Format,
    #[command(flatten)]
    pub output: Output,
    /// Remove staff names, for sharing outside the force.
    #[arg(long)]
    pub redact: bool,
    /// Add the result as evidence to the items of this assessment that the cross-check
    /// answers, and set their assurance to evidenced.
    #[arg(long, value_name = "ASSESSMENT")]
    pub record: Option<PathBuf>,
    #[command(flatten)]
    pub data: DataDir,
}

pub fn run(ws: &Workspace, args: &CrosscheckArgs) -> Outcome {
    let mut named = Vec::new();
    for given in &args.columns {
        match Named::parse(given) {
            Ok(n) => named.push(n),
            Err(e) => return usage(&e.to_string()),
        }
    }
    let files = Files {
        gifts: args.gifts.clone(),
        interests: args.interests.clone(),
        suppliers: args.suppliers.clone(),
    };
    let options = Options {
        window_months: args.window,
        named,
    };
    let result = match crosscheck::run(&files, &options) {
        Ok(result) => result,
        Err(e) => {
            let hint = match &e {
                crosscheck::InputError::MissingColumn { role, .. } => format!(
                    "\nName the column with --columns {}.name=HEADER if it has another header.",
                    role.name()
                ),
                _ => String::new(),
            };
            return fail(&format!("{e}{hint}"));
        }
    };
    // An output that would be refused is refused before the evidence is recorded, so a
    // recorded cross-check always has its review list.
    if let Some(out) = &args.output.out
        && !args.output.overwrite
        && std::fs::symlink_metadata(out).is_ok()
    {
        return fail(&format!(
            "{} already exists; choose another name, or replace it with --overwrite",
            out.display()
        ));
    }
    if let Some(assessment) = &args.record {
        let path = ws.locate(assessment);
        match ws.record_crosscheck(&path, &result) {
            Ok(recorded) => eprintln!(
                "Recorded as evidence on {} in {}.",
                recorded.items.join(", "),
                path.display()
            ),
            Err(RecordError::Open(probity_core::workspace::OpenError::Load(e))) => {
                return super::shown_load_error(&e);
            }
            Err(e) => return fail(&e.to_string()),
        }
    }
    let page = Page::new(&args.output.marking, ws.today).as_at(args.output.as_at, None);
    let review = Review::new(result, page, args.redact);
    args.output.emit(&review, args.format)
}
