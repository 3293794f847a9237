//! The built-in checklists as content: every question a reader meets has what the reports need
//! to speak about it, and the 2026 checklist accounts for every item of the one it follows.

use probity_core::answer::Kind;
use probity_core::checklist::{self, Item};
use probity_core::progress::crosswalk::{Crosswalk, Fate};

use crate::support::{built_in, catalog};

fn scored(item: &Item) -> bool {
    item.kind.is_scored()
}

#[test]
fn every_built_in_checklist_loads_cleanly() {
    let ids: Vec<String> = catalog()
        .entries
        .iter()
        .map(|e| match e.checklist() {
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
        // Governance is graded and reported beside the three, as HMICFRS does not grade it;
        // so are the areas carried from 2011 that HMICFRS's questions 5 and 6 do not cover.
        let beside = ["governance", "gifts", "procurement", "media"];
        assert_eq!(
            feeds.is_none(),
            beside.contains(&area.id.as_str()),
            "{} feeds {feeds:?}",
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

mod wfof_2011_loose_ends {
    use super::built_in;
    use jiff::civil::date;
    use probity_core::answer::{Status, Value};
    use probity_core::assessment::{self, Assessment};
    use probity_core::checklist::Checklist;
    use probity_core::progress::carry::carry_forward;
    use probity_core::scoring::{Evaluation, evaluate};

    fn answered(c: &Checklist, answers: &[(&str, Value)]) -> Assessment {
        let mut a = Assessment::new(c, "Test Police", "2013");
        for (id, v) in answers {
            a.answer_mut(id).value = Some(v.clone());
        }
        a
    }

    fn ids(e: &Evaluation) -> Vec<&str> {
        e.findings.iter().map(|f| f.id.as_str()).collect()
    }

    #[test]
    fn no_leaks_investigated_with_nothing_to_find_one_is_a_finding() {
        let c = built_in("wfof-2011");
        let status = |s| Value::Status(s);
        let mut answers = vec![
            ("disclosure.leaks_investigated", Value::Number(0.0)),
            ("disclosure.media_watch", status(Status::No)),
            ("disclosure.system_audit", Value::Choice("none".into())),
        ];
        let e = evaluate(&c, &answered(&c, &answers), date(2013, 6, 1));
        assert!(ids(&e).contains(&"leaks_unsought"), "{:?}", ids(&e));
        // The media-watch gap is folded in; the system-audit gap stays its own finding.
        assert!(!ids(&e).contains(&"disclosure.media_watch"));
        assert!(ids(&e).contains(&"disclosure.system_audit"));
        answers[2].1 = Value::Choice("sampled".into());
        let e = evaluate(&c, &answered(&c, &answers), date(2013, 6, 1));
        assert!(!ids(&e).contains(&"leaks_unsought"));
        answers[2].1 = Value::Choice("none".into());
        answers[0].1 = Value::Number(2.0);
        let e = evaluate(&c, &answered(&c, &answers), date(2013, 6, 1));
        assert!(!ids(&e).contains(&"leaks_unsought"));
    }

    #[test]
    fn a_unit_shared_with_other_forces_counts_as_dedicated() {
        for (id, item) in [
            ("wfof-2011", "proactive.acu"),
            ("integrity-2026", "corruption.ccu"),
        ] {
            let c = built_in(id);
            let acu = c.item(item).unwrap();
            assert!(acu.prompt.contains("shared with other forces"), "{id}");
            assert!(acu.guidance.contains("counts as yes"), "{id}");
            assert!(
                !acu.partial_gap.as_ref().unwrap().contains("another force"),
                "{id}"
            );
        }
    }

    #[test]
    fn a_guidance_with_no_value_limit_is_recorded_as_such() {
        let c = built_in("wfof-2011");
        let yes = Value::Status(Status::Yes);
        let none = answered(
            &c,
            &[
                ("gifts.policy", yes.clone()),
                ("gifts.threshold_set", Value::Choice("none".into())),
            ],
        );
        let e = evaluate(&c, &none, date(2013, 6, 1));
        assert!(!e.is_asked("gifts.threshold"));
        // A limit answered before the question existed still counts.
        let old = answered(
            &c,
            &[
                ("gifts.policy", yes),
                ("gifts.threshold", Value::Number(25.0)),
            ],
        );
        let e = evaluate(&c, &old, date(2013, 6, 1));
        assert!(e.is_asked("gifts.threshold"));
        assert!(e.metrics.iter().any(|m| m.id == "gifts.threshold"));
    }

    #[test]
    fn the_old_sanctions_total_is_kept_and_said_to_be_retired() {
        let c = built_in("wfof-2011");
        let text = "format = 1\nchecklist = \"wfof-2011\"\nforce = \"Test Police\"\nperiod = \"2013\"\n\
            [answers.\"enforcement.sanctions\"]\nvalue = 93\nnote = \"20 dismissals, 13 resignations, 60 warnings\"\n";
        let a = assessment::load_str("t.toml", text, &c).unwrap();
        assert_eq!(a.orphans.len(), 1);
        let saved = assessment::to_toml(&a, &c).unwrap();
        assert!(
            saved.contains("[answers.\"enforcement.sanctions\"]\nvalue = 93"),
            "{saved}"
        );
        let e = evaluate(&c, &a, date(2013, 6, 1));
        let warning = e
            .warnings
            .iter()
            .find(|w| w.code == "orphaned-answer")
            .unwrap();
        assert!(
            warning
                .message
                .contains("no longer asks it: Sanctions are now counted by type"),
            "{}",
            warning.message
        );
        let after = built_in("integrity-2026");
        let carried = carry_forward(&a, &c, &after, "2026");
        let kept = carried
            .report
            .not_comparable
            .iter()
            .find(|n| n.id == "enforcement.sanctions")
            .unwrap();
        assert!(
            kept.reason.starts_with("retired from the checklist"),
            "{}",
            kept.reason
        );
        assert!(
            carried
                .assessment
                .orphans
                .iter()
                .any(|o| o.id == "enforcement.sanctions")
        );
    }

    #[test]
    fn counts_by_type_reach_the_2026_checklist_as_figures_not_comparable() {
        let (before, after) = (built_in("wfof-2011"), built_in("integrity-2026"));
        let a = answered(
            &before,
            &[
                ("enforcement.dismissals", Value::Number(4.0)),
                ("enforcement.resignations", Value::Number(3.0)),
                ("enforcement.written_warnings", Value::Number(11.0)),
            ],
        );
        // Figures are never carried as this period's answers; these are also counted
        // differently now (any misconduct, not integrity matters), so they are not comparable.
        let carried = carry_forward(&a, &before, &after, "2026");
        for (id, n) in [
            ("misconduct.dismissals", "4"),
            ("misconduct.resignations", "3"),
            ("misconduct.written_warnings", "11"),
        ] {
            assert_eq!(carried.assessment.value(id), None, "{id}");
            let b = carried
                .report
                .baselines
                .iter()
                .find(|b| b.item == id)
                .unwrap();
            assert_eq!(b.value, n);
            assert!(b.redefined.is_some(), "{id}");
        }
    }
}

/// Dorset's 2013 file, on the 2011 checklist, with that checklist and the 2026 one.
fn dorset_2013() -> (
    probity_core::assessment::Assessment,
    probity_core::checklist::Checklist,
    probity_core::checklist::Checklist,
) {
    let (before, after) = (built_in("wfof-2011"), built_in("integrity-2026"));
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dorset-2013.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let previous = probity_core::assessment::load_str("dorset-2013.toml", &text, &before).unwrap();
    (previous, before, after)
}

/// Dorset's 2013 file, the last of the 2011 checklist, starts 2026: every answer it holds either
/// carries into an item that takes it over or is kept in the new file with the reason it is not
/// comparable. None is lost.
#[test]
fn dorset_2013_carries_into_integrity_2026_with_no_answer_lost() {
    use probity_core::assessment;
    use probity_core::progress::carry::carry_forward;
    let (previous, before, after) = dorset_2013();
    let carried = carry_forward(&previous, &before, &after, "2026");
    let (next, report) = (&carried.assessment, &carried.report);
    let walk = Crosswalk::between(&before, &after);
    let taken_over = |id: &str| {
        after
            .items()
            .any(|i| walk.sources(&i.id).iter().any(|s| s == id) && next.answer(&i.id).is_some())
    };
    // Kept in the file as not comparable, or shown as last period's baseline (a figure or a
    // date) or as out of its time: the 2013 file still holds it, and the briefing names it.
    let kept = |id: &str| {
        (next.orphans.iter().any(|o| o.id == id)
            && report.not_comparable.iter().any(|n| n.id == id))
            || report.baselines.iter().any(|b| b.from == id)
            || report.expired.iter().any(|e| e.from == id)
    };
    assert!(!previous.answers.is_empty());
    for (id, answer) in &previous.answers {
        if answer.is_empty() {
            continue;
        }
        assert!(taken_over(id) || kept(id), "the answer to {id} is lost");
    }
    for orphan in &previous.orphans {
        assert!(kept(&orphan.id), "{} is lost", orphan.id);
    }
    assert!(report.carried > 0);
    assert!(next.answers.values().all(|a| a.carried));
    let briefing = report
        .briefing
        .as_ref()
        .expect("a briefing of what changed");
    assert!(!briefing.is_empty());
    // The new file is one the 2026 checklist reads back as it was written.
    let saved = assessment::to_toml(next, &after).unwrap();
    let again = assessment::load_str("dorset-2026.toml", &saved, &after).unwrap();
    assert_eq!(again.answers, next.answers);
    assert_eq!(again.orphans.len(), next.orphans.len());
}

/// Each built-in checklist's index is its validated form, made from its TOML as it is now, and
/// the catalog reads it back whole. `PROBITY_UPDATE_INDEX=1` rewrites a stale index.
#[test]
fn the_index_matches_each_built_in_checklist() {
    for id in ["wfof-2011", "integrity-2026"] {
        let toml = std::fs::read_to_string(format!("checklists/{id}.toml")).unwrap();
        let fresh = checklist::index::to_json(&checklist::load_str(id, &toml).unwrap());
        let path = format!("core/index/{id}.json");
        if std::env::var_os("PROBITY_UPDATE_INDEX").is_some() {
            std::fs::write(&path, &fresh).unwrap();
        }
        let shipped = std::fs::read_to_string(&path).unwrap();
        assert!(
            shipped == fresh,
            "{path} is stale: run PROBITY_UPDATE_INDEX=1 cargo test --test it checklists::the_index"
        );
        let read = built_in(id);
        assert_eq!(checklist::index::to_json(&read), fresh, "{id} read back");
        assert_eq!(read.item_count(), read.items().count());
        for item in read.items() {
            assert_eq!(read.item(&item.id).map(|i| &i.id), Some(&item.id));
        }
    }
}

/// The controls the December 2026 domain review found missing from version 1.0, each with the
/// items of version 1.1 that ask about it. Every one must be a scored question (or, for a
/// figure, a count or percentage that a rule reads), so none is only mentioned in guidance.
const CONTROLS_NEW_IN_1_1: &[(&str, &[&str])] = &[
    (
        "public complaints handling: recording and timeliness, outside Schedule 3, updates, reviews",
        &[
            "complaints.timely_recording",
            "complaints.outside_schedule3",
            "complaints.complainant_updates",
            "complaints.reviews",
        ],
    ),
    (
        "pre-employment checks: references, verified history, assessment in person",
        &["vetting.pre_employment_checks"],
    ),
    (
        "misogynistic and predatory behaviour and sexual harassment inside the workforce",
        &["ethics.misogyny_defined", "ethics.harassment_reporting"],
    ),
    (
        "file review: dip-sampled decisions with their pass rates",
        &[
            "vetting.file_review",
            "vetting.file_review_pass_pct",
            "misconduct.file_review",
            "misconduct.file_review_pass_pct",
        ],
    ),
    (
        "checks on family, associates and open sources",
        &["vetting.family_associates_checks"],
    ),
    (
        "the vetting backlog and its risk prioritisation",
        &[
            "vetting.applications_waiting",
            "vetting.backlog_prioritised",
        ],
    ),
    (
        "continuous screening of the serving workforce between renewals",
        &["vetting.continuous_screening"],
    ),
    (
        "the annual integrity review as a scored control",
        &["vetting.annual_review_quality"],
    ),
    (
        "the policy on non-contact sexual offences",
        &["apsp.non_contact_offences"],
    ),
    (
        "discharge of unsuitable student officers",
        &["misconduct.student_officer_discharge"],
    ),
    (
        "corruption intelligence against the national categories",
        &["corruption.intel_categorised", "corruption.intel_awaiting"],
    ),
    (
        "audits of the national systems, breach logs and reporting to the ICO",
        &[
            "information.national_systems_audit",
            "information.breach_handling",
        ],
    ),
    (
        "lawful authority for monitoring and covert tactics",
        &["information.lawful_authority"],
    ),
    (
        "restriction of staff under investigation for sexual or domestic abuse offences",
        &["apsp.suspects_restricted"],
    ),
    ("reflective practice", &["misconduct.reflective_practice"]),
    ("parity for police staff", &["misconduct.staff_parity"]),
    (
        "designated volunteers and the advisory list",
        &["misconduct.volunteers_reported"],
    ),
    ("welfare support", &["corruption.welfare_support"]),
];

#[test]
fn every_control_new_in_1_1_is_asked_by_a_scored_item() {
    let c = built_in("integrity-2026");
    assert_eq!(c.version, "1.1");
    for (control, ids) in CONTROLS_NEW_IN_1_1 {
        let items: Vec<&Item> = ids
            .iter()
            .map(|id| {
                c.item(id)
                    .unwrap_or_else(|| panic!("{control}: no item {id}"))
            })
            .collect();
        assert!(
            items.iter().any(|i| scored(i)),
            "{control}: none of {ids:?} is scored"
        );
        for item in items {
            // A figure is asked only if a rule or a question's condition reads it.
            let read_by_condition = c.items().any(|i| {
                i.ask_if
                    .as_ref()
                    .is_some_and(|w| w.items().contains(&item.id.as_str()))
            });
            if !scored(item) && !read_by_condition && item.id != "corruption.intel_awaiting" {
                assert!(
                    c.rules
                        .iter()
                        .any(|r| r.when.items().contains(&item.id.as_str())),
                    "{control}: nothing reads {}",
                    item.id
                );
            }
        }
    }
}

#[test]
fn no_2026_item_asks_every_member_of_staff_to_record_media_contact() {
    let c = built_in("integrity-2026");
    assert!(c.item("media.contact.recorded").is_none());
    assert!(c.retired.iter().any(|r| r.id == "media.contact.recorded"));
    let chief = c.item("media.contact.chief_officers_public").unwrap();
    assert!(chief.prompt.contains("chief officers"));
    for item in c.items() {
        let p = item.prompt.to_lowercase();
        assert!(
            !(p.contains("every contact") && p.contains("journalist")),
            "{} asks for every contact to be recorded",
            item.id
        );
    }
}

#[test]
fn every_threshold_in_a_2026_rule_explanation_is_sourced_or_probitys_own() {
    let c = built_in("integrity-2026");
    // Claims the domain review found unverified or overstated.
    for rule in &c.rules {
        for claim in [
            "asked every force to have proactive monitoring in place by 2020",
            "keep the share below one in a hundred",
        ] {
            assert!(!rule.explanation.contains(claim), "{}: {claim}", rule.id);
        }
        // A rule that names a share or a number of days as its threshold says whose it is.
        let t = &rule.explanation;
        if [
            "nine in ten",
            "nine-in-ten",
            "four in five",
            "180 days",
            "one in a hundred",
        ]
        .iter()
        .any(|x| t.contains(x))
        {
            assert!(
                t.contains("probity's own"),
                "{}: threshold not marked as probity's own",
                rule.id
            );
        }
    }
}

/// Every rule new or changed in integrity-2026 1.1 fires: on the Northmoor fixture as it is, or
/// with the answers named here changed. Each also stays silent on the answers that should not
/// raise it.
#[test]
fn every_rule_new_in_1_1_fires_on_northmoor_or_a_variant() {
    use jiff::civil::date;
    use probity_core::answer::{Status, Value};
    use probity_core::assessment;
    use probity_core::scoring::evaluate;

    let (base, c) =
        assessment::load(&crate::support::fixture("northmoor-2026.toml"), catalog()).unwrap();
    let n = |x: f64| Value::Number(x);
    let s = |x: Status| Value::Status(x);
    let cases: Vec<(&str, Vec<(&str, Value)>)> = vec![
        ("clearances_overdue", vec![]),
        ("annual_reviews_incomplete", vec![]),
        ("vetting_file_review_failures", vec![]),
        ("complaints_logged_late", vec![]),
        ("psd_capacity_contradicted", vec![]),
        ("access_before_vetting", vec![]),
        ("vetting_gap_without_plan", vec![]),
        (
            // Only lapsed clearances, above one in a hundred, still make the shortfall.
            "vetting_gap_without_plan",
            vec![("vetting.below_required_level", n(410.0))],
        ),
        (
            "access_while_uncleared",
            vec![("vetting.access_control", s(Status::Yes))],
        ),
        (
            "conduct_file_review_failures",
            vec![("misconduct.file_review_pass_pct", n(70.0))],
        ),
        (
            "harassment_nil_without_routes",
            vec![
                ("ethics.harassment_reports", n(0.0)),
                ("ethics.harassment_reporting", s(Status::Partial)),
            ],
        ),
        (
            "corruption_intelligence_nil",
            vec![("corruption.intel_reports", n(0.0))],
        ),
        (
            "audits_nil_while_proactive",
            vec![("information.proactive_audits", n(0.0))],
        ),
        (
            "lapsed_clearances_not_counted",
            vec![("vetting.below_required_level", n(62.0))],
        ),
        (
            "apsp_referral_figures_inconsistent",
            vec![("apsp.iopc_required", n(20.0))],
        ),
        (
            "media_contact_not_recorded",
            vec![("media.contact.chief_officers_public", s(Status::No))],
        ),
    ];
    for (rule, changes) in &cases {
        assert!(c.rule(rule).is_some(), "{rule} is a rule of integrity-2026");
        let mut a = base.clone();
        for (item, value) in changes {
            assert!(c.item(item).is_some(), "{item}");
            a.answer_mut(item).value = Some(value.clone());
        }
        let e = evaluate(&c, &a, date(2026, 4, 30));
        assert!(
            e.findings.iter().any(|f| f.id == *rule),
            "{rule} does not fire with {changes:?}"
        );
    }
    // And the contradictions are silent when the answers agree.
    let e = evaluate(&c, &base, date(2026, 4, 30));
    for quiet in [
        "access_while_uncleared",
        "lapsed_clearances_not_counted",
        "corruption_intelligence_nil",
        "audits_nil_while_proactive",
        "harassment_nil_without_routes",
        "apsp_referral_figures_inconsistent",
        "media_contact_not_recorded",
        "conduct_file_review_failures",
    ] {
        assert!(
            !e.findings.iter().any(|f| f.id == quiet),
            "{quiet} fires on Northmoor"
        );
    }
}

/// Dorset 2013 carried into 2026 carries no figure or date as an answer, states the 13-year gap
/// and flags every carried answer for review, carries merged items with an unanswered part at
/// most "partly", does not carry a threat assessment past its year, and calls the changed
/// count of corruption investigations not comparable.
#[test]
fn dorset_2013_into_2026_carries_only_what_still_holds() {
    use probity_core::answer::{Kind, Status, Value};
    use probity_core::progress::carry::carry_forward;
    let (mut previous, before, after) = dorset_2013();
    previous.answer_mut("proactive.threat_assessment").value = Some(Value::Status(Status::Yes));
    let carried = carry_forward(&previous, &before, &after, "2026");
    let (next, report) = (&carried.assessment, &carried.report);
    for (id, answer) in &next.answers {
        let kind = &after.item(id).unwrap().kind;
        assert!(
            answer.value.is_none() || !(kind.is_numeric() || *kind == Kind::Date),
            "{id}: a figure or date was carried as this period's answer"
        );
        if answer.value.is_some() {
            assert!(
                answer.review,
                "{id}: 13 years on, every carried answer is for review"
            );
        }
    }
    let baseline = |item: &str| report.baselines.iter().find(|b| b.item == item);
    for item in [
        "ctx.period_start",
        "ctx.period_end",
        "declarations.business_applications",
    ] {
        assert!(
            baseline(item).is_some_and(|b| b.redefined.is_none()),
            "{item}"
        );
    }
    let investigations = baseline("corruption.investigations").unwrap();
    assert_eq!(investigations.value, "44");
    assert!(
        investigations.redefined.is_some(),
        "counted differently: not comparable"
    );
    assert!(
        report
            .expired
            .iter()
            .any(|e| e.item == "corruption.threat_assessment")
    );
    assert!(next.answer("corruption.threat_assessment").is_none());
    for merged in ["declarations.business_register", "ethics.training"] {
        let a = next.answer(merged).unwrap();
        assert_eq!(a.value, Some(Value::Status(Status::Partial)), "{merged}");
        assert!(a.review, "{merged}");
    }
    let lines = report.lines().join("\n");
    assert!(lines.contains("13 years separate 2013 and 2026"), "{lines}");
    assert!(
        lines.contains("Not comparable: \u{201c}Corruption investigations started\u{201d}"),
        "{lines}"
    );
    assert!(
        !lines.contains("ethics.training"),
        "readers never see ids: {lines}"
    );

    // One year on, on the same checklist, figures are still baselines but nothing else is
    // flagged, and the count of corruption investigations compares with itself.
    let carried = carry_forward(next, &after, &after, "2027");
    assert_eq!(carried.report.gap_years, Some(1));
    assert!(
        carried
            .report
            .baselines
            .iter()
            .all(|b| b.redefined.is_none())
    );
}
