//! Any bytes as a checklist: loading never panics or overflows, an error always renders, and a
//! checklist that loads scores a blank assessment and one answering every item.

#![no_main]

use libfuzzer_sys::fuzz_target;
use probity_core::answer::{Status, Value};
use probity_core::assessment::Assessment;
use probity_core::checklist;
use probity_core::scoring;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let c = match checklist::load_str("fuzz.toml", text) {
        Ok(c) => c,
        Err(e) => {
            let _ = e.render();
            return;
        }
    };
    let today = jiff::civil::date(2013, 6, 1);
    let mut a = Assessment::new(&c, "F", "2013");
    scoring::evaluate(&c, &a, today);
    for item in c.items() {
        a.answer_mut(&item.id).value = Some(Value::Status(Status::No));
    }
    scoring::evaluate(&c, &a, today);
});
