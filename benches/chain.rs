//! A checklist with a 45,000-item ask-if chain (item i asked only when item i+1 is unanswered),
//! the longest a 4 MB file holds: loading and validating it, and scoring an assessment against
//! it. Target: well under a second each. Run with `cargo bench --bench chain`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a benchmark whose setup fails has nothing to measure"
)]

use probity_core::assessment::Assessment;
use probity_core::checklist;
use probity_core::scoring;
use probity_testkit::chain_checklist;

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 10)]
fn load_45000(bencher: divan::Bencher) {
    let text = chain_checklist(45_000);
    bencher.bench(|| checklist::load_str("chain.toml", &text).unwrap());
}

#[divan::bench(sample_count = 10)]
fn score_45000(bencher: divan::Bencher) {
    let c = checklist::load_str("chain.toml", &chain_checklist(45_000)).unwrap();
    let a = Assessment::new(&c, "F", "2012");
    bencher.bench(|| scoring::evaluate(&c, &a, jiff::civil::date(2012, 1, 1)));
}
