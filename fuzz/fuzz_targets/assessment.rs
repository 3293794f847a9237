//! Any bytes as an assessment of the built-in checklist: reading never panics, an error always
//! renders, and what reads without error scores, renders in every format, saves and reads
//! back the same.

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use probity_core::assessment;
use probity_core::checklist::{Catalog, Checklist};
use probity_core::document::Document;
use probity_core::report::{Options, Report};
use probity_core::scoring;

fn checklist() -> &'static Checklist {
    static CHECKLIST: OnceLock<Checklist> = OnceLock::new();
    CHECKLIST.get_or_init(|| {
        Catalog::discover(None)
            .resolve(Catalog::default_id(), None)
            .expect("the built-in checklist loads")
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let c = checklist();
    let a = match assessment::load_str("fuzz.toml", text, c) {
        Ok(a) => a,
        Err(e) => {
            let _ = e.render();
            return;
        }
    };
    let today = jiff::civil::date(2013, 6, 1);
    scoring::evaluate(c, &a, today);
    let report = Report::new(c, &a, &Options::new("OFFICIAL", today));
    for format in Report::FORMATS {
        report.render(*format).expect("a report renders");
    }
    let saved = assessment::to_toml(&a, c).expect("what was read can be saved");
    let back = assessment::load_str("fuzz.toml", &saved, c).expect("what was saved reads back");
    assert_eq!(back, a, "saving and reading back changes nothing");
});
