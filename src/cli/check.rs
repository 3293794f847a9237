use std::path::Path;

use super::{Context, Outcome, fail, load};
use crate::checklist;
use crate::scoring;

/// Checks a checklist or an assessment, telling them apart by the assessment's `format` line.
pub fn run(ctx: &Context, file: &Path) -> Outcome {
    let text = match crate::storage::read_capped(file, 8 * 1024 * 1024) {
        Ok(t) => t,
        Err(e) => return fail(&e),
    };
    let is_assessment =
        toml::from_str::<toml::Table>(&text).is_ok_and(|t| t.contains_key("format"));
    if !is_assessment {
        return match checklist::load_str(&file.display().to_string(), &text) {
            Ok(c) => {
                println!(
                    "{}: checklist \"{}\" is valid ({} areas, {} items, {} rules)",
                    file.display(),
                    c.id,
                    c.areas.len(),
                    c.item_count(),
                    c.rules.len()
                );
                Outcome::Ok
            }
            Err(e) => {
                eprint!("{}", e.render());
                Outcome::Invalid
            }
        };
    }
    let Ok((a, c)) = load(ctx, file) else {
        return Outcome::Invalid;
    };
    let evaluation = scoring::evaluate(&c, &a, ctx.today);
    println!(
        "{}: assessment of {} for {} is valid ({} of {} applicable items answered)",
        file.display(),
        crate::text::escape_for_terminal(&a.force),
        crate::text::escape_for_terminal(&a.period),
        evaluation.completeness.answered,
        evaluation.completeness.applicable
    );
    for w in &evaluation.warnings {
        eprintln!("warning: {}", crate::text::escape_for_terminal(&w.message));
    }
    Outcome::Ok
}
