//! The built-in checklists as content: every question a reader meets has what the reports need
//! to speak about it, and the 2026 checklist accounts for every item of the one it follows.

use probity_core::answer::Kind;
use probity_core::checklist::{Catalog, Checklist, Item};
use probity_core::progress::crosswalk::{Crosswalk, Fate};

fn built_in(id: &str) -> Checklist {
    Catalog::discover(None)
        .resolve(id, None)
        .unwrap_or_else(|e| panic!("{id}: {e}"))
}

fn scored(item: &Item) -> bool {
    item.kind.is_scored()
}

#[test]
fn every_built_in_checklist_loads_cleanly() {
    let catalog = Catalog::discover(None);
    let ids: Vec<String> = catalog
        .entries
        .iter()
        .map(|e| match &e.checklist {
            Ok(c) => c.id.clone(),
            Err(e) => panic!("{}", e.render()),
        })
        .collect();
    assert_eq!(ids, ["wfof-2011", "integrity-2026"]);
}

#[test]
fn every_integrity_2026_item_has_basis_guidance_gap_and_action() {
    let c = built_in("integrity-2026");
    let mut missing = Vec::new();
    for item in c.items() {
        let mut need = vec![
            ("short", item.short.is_some()),
            ("basis", !item.basis.is_empty()),
            ("guidance", !item.guidance.is_empty()),
        ];
        if scored(item) {
            need.extend([
                ("gap", item.gap.is_some()),
                ("partial_gap", item.partial_gap.is_some()),
                ("action", item.action.is_some()),
                ("label", item.label.is_some()),
            ]);
        }
        missing.extend(
            need.into_iter()
                .filter(|(_, ok)| !ok)
                .map(|(what, _)| format!("{}: no {what}", item.id)),
        );
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn every_integrity_2026_basis_names_its_source_and_year() {
    let c = built_in("integrity-2026");
    let undated: Vec<&str> = c
        .items()
        .filter(|i| !i.basis.starts_with("I:") && !i.basis.starts_with("I "))
        .filter(|i| !i.basis.chars().collect::<Vec<_>>().windows(4).any(is_year))
        .map(|i| i.id.as_str())
        .collect();
    assert!(undated.is_empty(), "no year in the basis of {undated:?}");
}

fn is_year(w: &[char]) -> bool {
    w.iter().all(char::is_ascii_digit) && matches!(w[0], '1' | '2')
}

#[test]
fn integrity_2026_labels_every_gap_rule_and_grades_every_scored_area() {
    let c = built_in("integrity-2026");
    for rule in &c.rules {
        // Data checks are errors in the record, not inspection findings, so carry no label.
        let data_check = rule.title.starts_with("Data error:");
        assert_eq!(rule.label.is_none(), data_check, "{}", rule.id);
    }
    let grading = c.grading.as_ref().expect("integrity-2026 defines grading");
    let headlines: Vec<&str> = grading.headlines.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(
        headlines,
        ["vetting", "professional_standards", "counter_corruption"]
    );
    for area in c.areas.iter().filter(|a| a.items.iter().any(scored)) {
        let feeds = grading.headline_of(&area.id).map(|h| h.id.as_str());
        // Governance is graded and reported beside the three, as HMICFRS does not grade it.
        assert!(
            feeds.is_some() || area.id == "governance",
            "{} feeds no headline",
            area.id
        );
    }
}

#[test]
fn no_reader_facing_text_names_an_item_id() {
    for id in ["wfof-2011", "integrity-2026"] {
        let c = built_in(id);
        let ids: Vec<&str> = c.items().map(|i| i.id.as_str()).collect();
        let mut texts: Vec<(&str, &str)> = Vec::new();
        for item in c.items() {
            for t in [&item.prompt, &item.guidance].into_iter().chain(
                [&item.gap, &item.partial_gap, &item.action, &item.short]
                    .into_iter()
                    .flatten(),
            ) {
                texts.push((&item.id, t));
            }
        }
        for rule in &c.rules {
            for t in [&rule.title, &rule.explanation, &rule.action] {
                texts.push((&rule.id, t));
            }
        }
        let named: Vec<String> = texts
            .iter()
            .flat_map(|(owner, text)| {
                ids.iter()
                    .filter(|i| text.contains(*i))
                    .map(move |i| format!("{owner} names {i}"))
            })
            .collect();
        assert!(named.is_empty(), "{id}: {named:?}");
    }
}

#[test]
fn integrity_2026_accounts_for_every_wfof_2011_item() {
    let (before, after) = (built_in("wfof-2011"), built_in("integrity-2026"));
    let walk = Crosswalk::between(&before, &after);
    let dropped: Vec<&str> = walk
        .fates()
        .filter(|(_, f)| **f == Fate::Dropped)
        .map(|(id, _)| id)
        .collect();
    assert!(dropped.is_empty(), "dropped without a word: {dropped:?}");
    // Every answer that is carried lands on an item of the same kind, so none is refused.
    for item in after.items() {
        for source in walk.sources(&item.id) {
            let old = before.item(source).unwrap();
            let same = match (&old.kind, &item.kind) {
                (Kind::Choice(a), Kind::Choice(b)) => {
                    a.iter().all(|o| b.iter().any(|n| n.id == o.id))
                }
                (a, b) => a == b,
            };
            assert!(same, "{source} → {}: kinds differ", item.id);
        }
    }
}
