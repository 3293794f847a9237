//! Calibration against published outcomes: each fixture in `tests/fixtures/calibration` answers
//! `integrity-2026` as one published HMICFRS integrity inspection found the force, and
//! `outcomes.toml` beside them records the grades HMICFRS gave. The headline judgements derived
//! from each fixture, through the same evaluation every report uses, must equal HMICFRS's, or be
//! the one tier apart that the table records with its explanation; never two tiers apart. A
//! change that makes the grading harsher or softer by a tier beyond what is recorded fails here.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use probity_core::answer::Value;
use probity_core::assessment::{self, Assessment};
use probity_core::checklist::{Checklist, Grade};
use probity_core::scoring::{self, Evaluation};

use crate::support::{case_tests, catalog, fixture};

/// One published inspection and the grades it gave, from `outcomes.toml`.
#[derive(Debug)]
struct Inspection {
    /// The fixture's name without `.toml`.
    fixture: String,
    force: String,
    published: String,
    source: String,
    /// How the inspection's grades map onto the three headlines.
    mapping: String,
    /// HMICFRS's grade per headline id (2024 methodology: three graded judgments).
    grades: BTreeMap<String, Grade>,
    /// The one grade of the 2021–23 methodology for vetting, IT monitoring and
    /// counter-corruption together, and the headlines it covers: the derived grade compared
    /// with it is the lowest of theirs.
    combined: Option<(Grade, Vec<String>)>,
    /// Where the derived grade is one tier from HMICFRS's: what is compared (a headline id, or
    /// "combined"), the grade probity derives, and why.
    difference: Vec<Difference>,
}

#[derive(Debug)]
struct Difference {
    compared: String,
    derived: Grade,
    why: String,
}

fn dir() -> PathBuf {
    fixture("calibration")
}

/// `tests/fixtures/calibration/outcomes.toml`, read strictly: an unknown key or a misspelt
/// grade fails the test rather than being skipped.
fn outcomes() -> Vec<Inspection> {
    let path = dir().join("outcomes.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let table: toml::Table = toml::from_str(&text).unwrap();
    let text_of = |t: &toml::Table, key: &str| -> String {
        t.get(key)
            .and_then(toml::Value::as_str)
            .unwrap_or_else(|| panic!("outcomes.toml: {key} missing in {t:?}"))
            .to_string()
    };
    let grade_of = |v: &toml::Value| -> Grade {
        v.as_str()
            .and_then(Grade::parse)
            .unwrap_or_else(|| panic!("outcomes.toml: {v} is not a grade"))
    };
    let known = [
        "fixture",
        "force",
        "published",
        "source",
        "mapping",
        "grades",
        "combined",
        "difference",
    ];
    table["inspection"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            let t = i.as_table().unwrap();
            for key in t.keys() {
                assert!(
                    known.contains(&key.as_str()),
                    "outcomes.toml: unknown key {key}"
                );
            }
            let grades = t
                .get("grades")
                .and_then(toml::Value::as_table)
                .map(|g| g.iter().map(|(k, v)| (k.clone(), grade_of(v))).collect())
                .unwrap_or_default();
            let combined = t.get("combined").and_then(toml::Value::as_table).map(|c| {
                let headlines = c["headlines"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|h| h.as_str().unwrap().to_string())
                    .collect();
                (grade_of(&c["grade"]), headlines)
            });
            let difference = t
                .get("difference")
                .and_then(toml::Value::as_array)
                .map(|ds| {
                    ds.iter()
                        .map(|d| {
                            let d = d.as_table().unwrap();
                            Difference {
                                compared: text_of(d, "compared"),
                                derived: grade_of(&d["derived"]),
                                why: text_of(d, "why"),
                            }
                        })
                        .collect()
                })
                .unwrap_or_default();
            Inspection {
                fixture: text_of(t, "fixture"),
                force: text_of(t, "force"),
                published: text_of(t, "published"),
                source: text_of(t, "source"),
                mapping: text_of(t, "mapping"),
                grades,
                combined,
                difference,
            }
        })
        .collect()
}

/// How many tiers apart two grades are.
fn tiers(a: Grade, b: Grade) -> usize {
    let at = |g: Grade| Grade::ALL.iter().position(|x| *x == g).unwrap();
    at(a).abs_diff(at(b))
}

fn load(path: &Path) -> (Assessment, Checklist) {
    assessment::load(path, catalog()).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The evaluation as at the day the assessment was completed: the fixtures describe the force
/// at the inspection, so their evidence is current then.
fn evaluate(c: &Checklist, a: &Assessment) -> Evaluation {
    let completed: Date = match a.value("ctx.completed_on") {
        Some(Value::Date(d)) => *d,
        other => panic!("the fixture gives no completion date: {other:?}"),
    };
    scoring::evaluate(c, a, completed)
}

/// Every area's derived grade and what it rests on, for a failure message.
fn trace(e: &Evaluation) -> String {
    let j = e.judgements.as_ref().unwrap();
    let mut out = String::new();
    for a in &j.areas {
        let r = &a.reasons;
        out.push_str(&format!(
            "  {:13} {:22} {:?} met {:.1}% causes {:?} critical {:?} high {:?} statutory {:?} pending {:?} unevidenced {:?}\n",
            a.area,
            a.derived.map(Grade::label).unwrap_or("no judgement"),
            a.ground,
            r.met.unwrap_or(f64::NAN),
            r.causes,
            r.critical,
            r.high_afis,
            r.statutory,
            r.pending,
            r.unevidenced,
        ));
    }
    for h in &j.headlines {
        out.push_str(&format!(
            "  headline {:24} {}\n",
            h.id,
            h.grade.map(Grade::label).unwrap_or("no judgement")
        ));
    }
    out
}

/// The inspection recorded for a fixture.
fn inspection(all: &[Inspection], name: &str) -> usize {
    all.iter()
        .position(|i| i.fixture == name)
        .unwrap_or_else(|| panic!("outcomes.toml has no inspection for {name}"))
}

/// Checks one inspection: the fixture loads with the real loader, carries no override, and
/// each grade HMICFRS gave is matched, or missed by the one tier recorded.
fn calibrated(name: &str) {
    let all = outcomes();
    let inspection = &all[inspection(&all, name)];
    assert!(
        inspection.source.starts_with("https://")
            && !inspection.force.is_empty()
            && !inspection.published.is_empty()
            && !inspection.mapping.is_empty(),
        "{name}: the force, publication date, source and mapping are all recorded"
    );
    let (a, c) = load(&dir().join(format!("{name}.toml")));
    assert_eq!(c.id, "integrity-2026");
    assert!(
        a.judgements.values().all(|j| j.grade.is_none()),
        "{name}: a calibration fixture records no override; the derived grade is what is tested"
    );
    if let Err(failures) = compare(inspection, &c, &a) {
        panic!("{name} ({}):\n{failures}", inspection.force);
    }
}

/// Compares the headline judgements derived from `a` with what HMICFRS published: `Err` with
/// every comparison that is neither a match nor the one-tier difference recorded, and the trace
/// of every area's grade.
fn compare(inspection: &Inspection, c: &Checklist, a: &Assessment) -> Result<(), String> {
    let name = &inspection.fixture;
    let e = evaluate(c, a);
    let headlines = &e.judgements.as_ref().unwrap().headlines;
    let derived = |id: &str| -> Option<Grade> {
        headlines
            .iter()
            .find(|h| h.id == id)
            .unwrap_or_else(|| panic!("{name}: no headline {id}"))
            .grade
    };

    // What HMICFRS graded, and what probity derives for the same scope.
    let mut compared: Vec<(String, Grade, Option<Grade>)> = inspection
        .grades
        .iter()
        .map(|(id, g)| (id.clone(), *g, derived(id)))
        .collect();
    if let Some((combined, headlines)) = &inspection.combined {
        assert!(!headlines.is_empty());
        let grades: Vec<Option<Grade>> = headlines.iter().map(|h| derived(h)).collect();
        let lowest = if grades.iter().all(Option::is_some) {
            grades.into_iter().flatten().max()
        } else {
            None
        };
        compared.push(("combined".into(), *combined, lowest));
    }
    assert!(!compared.is_empty(), "{name}: no grade to compare");

    let mut failures = Vec::new();
    for (what, hmicfrs, ours) in &compared {
        let recorded = inspection.difference.iter().find(|d| &d.compared == what);
        let Some(ours) = ours else {
            failures.push(format!(
                "{what}: HMICFRS {hmicfrs:?}, probity gives no judgement"
            ));
            continue;
        };
        match (tiers(*hmicfrs, *ours), recorded) {
            (0, None) => {}
            (0, Some(_)) => failures.push(format!(
                "{what}: now matches HMICFRS ({hmicfrs:?}); remove the recorded difference"
            )),
            (1, Some(d)) if d.derived == *ours && d.why.trim().len() >= 80 => {}
            (1, Some(d)) if d.derived == *ours => failures.push(format!(
                "{what}: the one-tier difference is not explained in the table"
            )),
            (1, _) => failures.push(format!(
                "{what}: HMICFRS {hmicfrs:?}, probity {ours:?}: one tier apart without that \
                 difference recorded (recorded: {:?})",
                recorded.map(|d| d.derived)
            )),
            (n, _) => failures.push(format!(
                "{what}: HMICFRS {hmicfrs:?}, probity {ours:?}: {n} tiers apart"
            )),
        }
    }
    for d in &inspection.difference {
        assert!(
            compared.iter().any(|(what, _, _)| what == &d.compared),
            "{name}: a difference is recorded for {}, which HMICFRS did not grade",
            d.compared
        );
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(format!("{}\n{}", failures.join("\n"), trace(&e)))
    }
}

case_tests!(calibrated;
    thames_valley_2026,
    wiltshire_2025,
    warwickshire_2023,
    dorset_2022,
    cleveland_2023,
    essex_2023,
);

/// Every fixture in the folder has a published outcome and a test, and the other way round;
/// at least four inspections from at least four forces, from both methodologies.
#[test]
fn every_calibration_fixture_has_an_outcome_and_a_test() {
    let mut on_disk: Vec<String> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml") && n != "outcomes.toml")
        .map(|n| n.trim_end_matches(".toml").to_string())
        .collect();
    on_disk.sort();
    let all = outcomes();
    let mut listed: Vec<String> = all.iter().map(|i| i.fixture.clone()).collect();
    listed.sort();
    assert_eq!(on_disk, listed, "fixtures on disk and outcomes.toml");
    let mut tested: Vec<String> = NAMES.iter().map(|n| n.replace('_', "-")).collect();
    tested.sort();
    assert_eq!(tested, listed, "tests and outcomes.toml");

    let mut forces: Vec<&str> = all.iter().map(|i| i.force.as_str()).collect();
    forces.sort_unstable();
    forces.dedup();
    assert!(forces.len() >= 4, "{forces:?}");
    assert!(all.iter().any(|i| !i.grades.is_empty()));
    assert!(all.iter().any(|i| i.combined.is_some()));
}

/// The comparison is strict in both directions: grading made a tier harsher or a tier softer
/// than the table records fails it, and two tiers always do. Checked on copies of the Thames
/// Valley fixture with one fact changed each.
#[test]
fn grading_a_tier_harsher_or_softer_than_recorded_fails_the_calibration() {
    use probity_core::answer::Status;

    let all = outcomes();
    let tvp = &all[inspection(&all, "thames-valley-2026")];
    let (base, c) = load(&dir().join("thames-valley-2026.toml"));
    assert_eq!(compare(tvp, &c, &base), Ok(()));
    let changed = |changes: &[(&str, Value)]| {
        let mut a = base.clone();
        for (id, v) in changes {
            a.answer_mut(id).value = Some(v.clone());
        }
        compare(tvp, &c, &a).expect_err("the calibration should fail")
    };

    // Harsher by a tier: proven gross misconduct that never reaches vetting is a cause of
    // concern, so vetting is requires improvement where HMICFRS found it adequate.
    let err = changed(&[("vetting.adverse_info_review", Value::Status(Status::No))]);
    assert!(
        err.starts_with("vetting: HMICFRS Adequate, probity RequiresImprovement: one tier apart"),
        "{err}"
    );

    // Harsher by two tiers: a shortfall of two in a hundred with no plan is critical.
    let required = match base.value("vetting.workforce_requiring") {
        Some(Value::Number(n)) => *n,
        other => panic!("{other:?}"),
    };
    let err = changed(&[
        (
            "vetting.below_required_level",
            Value::Number((required * 0.02).ceil()),
        ),
        ("vetting.recovery_plan", Value::Status(Status::No)),
    ]);
    assert!(
        err.contains("vetting: HMICFRS Adequate, probity Inadequate: 2 tiers apart"),
        "{err}"
    );

    // Softer by a tier: without the two vetting shortfalls assumed for a force graded adequate,
    // vetting would be good.
    let err = changed(&[
        ("vetting.disproportionality", Value::Status(Status::Yes)),
        ("vetting.annual_review_pct", Value::Number(95.0)),
    ]);
    assert!(
        err.starts_with("vetting: HMICFRS Adequate, probity Good: one tier apart"),
        "{err}"
    );

    // Softer still: the missed IOPC referrals are what hold professional standards at requires
    // improvement; with every one made the comparison fails.
    let err = changed(&[("misconduct.iopc_referred", Value::Number(9.0))]);
    assert!(
        err.starts_with("professional_standards: HMICFRS RequiresImprovement, probity "),
        "{err}"
    );

    // A recorded difference that no longer holds fails too: counter-corruption made to match
    // HMICFRS's grade (a cause of concern in the unit) leaves its recorded explanation untrue.
    let err = changed(&[(
        "corruption.associate_risk_managed",
        Value::Status(Status::No),
    )]);
    assert!(
        err.starts_with("counter_corruption: now matches HMICFRS (RequiresImprovement)"),
        "{err}"
    );
}

/// The rule Cleveland's outcome recalibrated: a vetting shortfall above one in a hundred with a
/// plan that exists but is not yet resourced is a high-severity area for improvement (adequate,
/// as HMICFRS graded it) up to one in ten, and critical above; with no plan at all it is
/// critical from one in a hundred.
#[test]
fn a_vetting_shortfall_with_an_unresourced_plan_is_critical_only_above_one_in_ten() {
    use probity_core::answer::Status;
    use probity_core::scoring::Ground;

    let (base, c) = load(&dir().join("cleveland-2023.toml"));
    let vetting = |changes: &[(&str, Value)]| {
        let mut a = base.clone();
        for (id, v) in changes {
            a.answer_mut(id).value = Some(v.clone());
        }
        let e = evaluate(&c, &a);
        let j = e.judgements.unwrap();
        let v = j.areas.into_iter().find(|x| x.area == "vetting").unwrap();
        (v.derived, v.ground, v.reasons.critical, v.reasons.high_afis)
    };
    let (grade, _, critical, high) = vetting(&[]);
    assert_eq!(grade, Some(Grade::Adequate));
    assert!(critical.is_empty());
    assert_eq!(high, ["vetting_gap_plan_unresourced"]);

    // No plan at all: critical at the same shortfall.
    let (grade, ground, critical, _) =
        vetting(&[("vetting.recovery_plan", Value::Status(Status::No))]);
    assert_eq!((grade, ground), (Some(Grade::Inadequate), Ground::Critical));
    assert_eq!(critical, ["vetting_gap_without_plan"]);

    // More than one in ten lapsed, the plan still unresourced: critical.
    let (grade, ground, critical, high) = vetting(&[
        ("vetting.renewals_overdue", Value::Number(300.0)),
        ("vetting.below_required_level", Value::Number(300.0)),
    ]);
    assert_eq!((grade, ground), (Some(Grade::Inadequate), Ground::Critical));
    assert_eq!(critical, ["vetting_gap_without_plan"]);
    assert!(!high.contains(&"vetting_gap_plan_unresourced".to_string()));

    // A resourced plan that is on track: neither.
    let (_, _, critical, high) = vetting(&[("vetting.recovery_plan", Value::Status(Status::Yes))]);
    assert!(critical.is_empty());
    assert!(!high.contains(&"vetting_gap_plan_unresourced".to_string()));
}
