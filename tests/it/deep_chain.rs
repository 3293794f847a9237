//! Checklists are input: however long an ask-if chain a file holds, checking and scoring it
//! neither recurse on its length nor take quadratic time.

use probity_core::assessment::Assessment;
use probity_core::checklist;
use probity_core::scoring;
use probity_testkit::chain_checklist;

use crate::support::{Setting, probity};

const ITEMS: usize = 45_000;

#[test]
fn a_45000_item_chain_loads_and_scores() {
    let text = chain_checklist(ITEMS);
    assert!(
        text.len() < 4 * 1024 * 1024,
        "under the 4 MB cap: {}",
        text.len()
    );
    let c = checklist::load_str("chain.toml", &text).unwrap();
    assert_eq!(c.item_count(), ITEMS);
    let mut a = Assessment::new(&c, "F", "2012");
    let e = scoring::evaluate(&c, &a, jiff::civil::date(2012, 1, 1));
    // The last item is always asked; with it unanswered, every other item is asked too.
    assert_eq!(e.completeness.applicable, ITEMS);
    a.answer_mut(&format!("i{}", ITEMS - 1)).value = Some(probity_core::answer::Value::Status(
        probity_core::answer::Status::Yes,
    ));
    let e = scoring::evaluate(&c, &a, jiff::civil::date(2012, 1, 1));
    // Answering it leaves its neighbour unasked, whose own neighbour is then asked again.
    assert_eq!(e.completeness.applicable, ITEMS - 1);
    assert!(!e.is_asked(&format!("i{}", ITEMS - 2)));
    assert!(e.is_asked(&format!("i{}", ITEMS - 3)));
}

#[test]
fn check_and_summary_take_a_45000_item_chain() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("chain.toml");
    std::fs::write(&list, chain_checklist(ITEMS)).unwrap();
    let file = dir.path().join("a.toml");
    std::fs::write(
        &file,
        "format = 1\nchecklist = \"chain.toml\"\nforce = \"F\"\nperiod = \"2012\"\n",
    )
    .unwrap();
    for args in [
        vec!["check", list.to_str().unwrap()],
        vec!["check", file.to_str().unwrap()],
        vec!["summary", file.to_str().unwrap(), "--format", "json"],
    ] {
        probity().args(&args).home(dir.path()).assert().success();
    }
}
