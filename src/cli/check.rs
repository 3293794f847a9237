use std::path::Path;

use probity_core::assessment;
use probity_core::checklist;
use probity_core::scoring;
use probity_core::storage;
use probity_core::text::{escape_for_terminal, shown_path};
use probity_core::workspace::Workspace;

use super::{Outcome, fail, fail_rendered, load};

/// Checks a checklist or an assessment, telling them apart by the fields only an assessment has.
pub fn run(ws: &Workspace, file: &Path) -> Outcome {
    let text = match storage::read_capped(file, 8 * 1024 * 1024) {
        Ok(t) => t,
        Err(e) => return fail(&e.to_string()),
    };
    if !assessment::looks_like_assessment(&text) {
        return match checklist::load_str(&file.display().to_string(), &text) {
            Ok(c) => {
                println!(
                    "{}: checklist \"{}\" is valid ({} areas, {} items, {} rules)",
                    shown_path(file),
                    c.id,
                    c.areas.len(),
                    c.item_count(),
                    c.rules.len()
                );
                for w in &c.warnings {
                    eprintln!("warning: {}", escape_for_terminal(&w.summary()));
                }
                Outcome::Ok
            }
            Err(e) => fail_rendered(&e.render()),
        };
    }
    let Ok((a, c)) = load(ws, file) else {
        return Outcome::Invalid;
    };
    let evaluation = scoring::evaluate(&c, &a, ws.today);
    println!(
        "{}: assessment of {} for {} is valid ({} of {} applicable items answered)",
        shown_path(file),
        escape_for_terminal(&a.force),
        escape_for_terminal(&a.period),
        evaluation.completeness.answered,
        evaluation.completeness.applicable
    );
    for w in &evaluation.warnings {
        eprintln!("warning: {}", escape_for_terminal(&w.message));
    }
    Outcome::Ok
}
