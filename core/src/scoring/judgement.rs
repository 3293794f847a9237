//! Graded judgements: each area's grade on the five-tier scale, derived from its answers and
//! findings by the thresholds its checklist sets, beside any override the assessor records;
//! then the headline judgements, each the lowest grade of the areas that feed it.
//!
//! The derivation, in order (also printed in every graded report):
//! 1. too few scored questions answered: no judgement (insufficient evidence);
//! 2. a critical rule, or two or more causes of concern: inadequate; one: requires improvement;
//! 3. high-severity areas for improvement at the checklist's limit or above: requires
//!    improvement;
//! 4. met at least `good` with no high-severity area for improvement: good, or outstanding when
//!    everything is met, nothing is found and the assessor records a notable practice;
//! 5. met at least `adequate`: adequate; otherwise requires improvement.

use crate::assessment::Assessment;
use crate::checklist::{Checklist, Grade, Grading, Label, Severity};

use super::{AreaScore, Finding, FindingKind};

/// The judgements of one assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct Judgements {
    pub areas: Vec<AreaJudgement>,
    pub headlines: Vec<HeadlineJudgement>,
}

/// One area's judgement, with what it rests on.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaJudgement {
    pub area: String,
    /// The grade the answers give; `None` when too little is answered for one.
    pub derived: Option<Grade>,
    /// The step of the derivation that decided it.
    pub ground: Ground,
    pub reasons: Reasons,
    /// The assessor's grade, recorded with its rationale.
    pub overridden: Option<Grade>,
    pub rationale: Option<String>,
    /// The notable practice the assessor records, if any.
    pub notable: Option<String>,
}

/// The step of the derivation that decided an area's grade.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ground {
    /// Too little answered: no judgement.
    Evidence,
    /// A critical rule fired: inadequate.
    Critical,
    /// Two or more causes of concern: inadequate.
    Causes,
    /// One cause of concern: requires improvement.
    Cause,
    /// High-severity areas for improvement at the limit: requires improvement.
    HighAfis,
    /// The share met, against the thresholds.
    Met,
}

/// What a derived grade rests on.
#[derive(Debug, Clone, PartialEq)]
pub struct Reasons {
    /// Scored questions answered (other than "not applicable"), and how many could be.
    pub answered: usize,
    pub out_of: usize,
    /// The area's score: how far its answered scored questions are met, 0 to 100.
    pub met: Option<f64>,
    /// Findings labelled causes of concern, by id.
    pub causes: Vec<String>,
    /// Those of them from rules the checklist marks critical.
    pub critical: Vec<String>,
    /// High-severity findings labelled areas for improvement, by id.
    pub high_afis: Vec<String>,
    /// Every finding in the area, labelled or not.
    pub findings: usize,
}

/// A headline judgement: the lowest grade of its areas as they stand (overrides included).
#[derive(Debug, Clone, PartialEq)]
pub struct HeadlineJudgement {
    pub id: String,
    pub title: String,
    pub areas: Vec<String>,
    /// `None` when any of its areas has no grade.
    pub grade: Option<Grade>,
    /// The areas that set it: those at its grade, or those without one.
    pub set_by: Vec<String>,
}

impl AreaJudgement {
    /// The grade that stands: the assessor's override, or the derived grade.
    pub fn standing(&self) -> Option<Grade> {
        self.overridden.or(self.derived)
    }
}

/// Judges every area that asks scored questions, when the checklist defines grading.
pub(super) fn judge(
    checklist: &Checklist,
    assessment: &Assessment,
    scores: &[AreaScore],
    findings: &[Finding],
) -> Option<Judgements> {
    let grading = checklist.grading.as_ref()?;
    let areas: Vec<AreaJudgement> = checklist
        .areas
        .iter()
        .zip(scores)
        .filter(|(area, _)| area.is_graded())
        .map(|(area, score)| {
            let recorded = assessment.judgements.get(&area.id);
            let notable = recorded.and_then(|j| j.notable.clone());
            let reasons = reasons(checklist, score, findings);
            let (derived, ground) = derive(grading, &reasons, notable.is_some());
            AreaJudgement {
                area: area.id.clone(),
                derived,
                ground,
                reasons,
                overridden: recorded.and_then(|j| j.grade),
                rationale: recorded.and_then(|j| j.rationale.clone()),
                notable,
            }
        })
        .collect();
    let headlines = grading
        .headlines
        .iter()
        .map(|h| headline(h, &areas))
        .collect();
    Some(Judgements { areas, headlines })
}

fn reasons(checklist: &Checklist, score: &AreaScore, findings: &[Finding]) -> Reasons {
    // A finding resting on an unconfirmed carried answer is not this period's position.
    let mine: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.area == score.id && !f.unconfirmed)
        .collect();
    let ids = |keep: &dyn Fn(&Finding) -> bool| -> Vec<String> {
        mine.iter()
            .filter(|f| keep(f))
            .map(|f| f.id.clone())
            .collect()
    };
    let critical = |f: &Finding| {
        f.kind == FindingKind::Rule && checklist.rule(&f.id).is_some_and(|r| r.critical)
    };
    Reasons {
        answered: score.basis.rests_on,
        out_of: score.basis.out_of,
        met: score.score,
        causes: ids(&|f| f.label == Some(Label::CauseOfConcern) || critical(f)),
        critical: ids(&critical),
        high_afis: ids(&|f| {
            f.label == Some(Label::AreaForImprovement) && f.severity == Severity::High
        }),
        findings: mine.len(),
    }
}

/// The grade the answers give (`None` below the evidence gate), and the step that decided it.
fn derive(g: &Grading, r: &Reasons, notable: bool) -> (Option<Grade>, Ground) {
    let evidenced = r.out_of > 0 && r.answered as f64 * 100.0 >= g.evidence * r.out_of as f64;
    let Some(met) = r.met.filter(|_| evidenced) else {
        return (None, Ground::Evidence);
    };
    let (grade, ground) = if !r.critical.is_empty() {
        (Grade::Inadequate, Ground::Critical)
    } else if r.causes.len() >= 2 {
        (Grade::Inadequate, Ground::Causes)
    } else if !r.causes.is_empty() {
        (Grade::RequiresImprovement, Ground::Cause)
    } else if r.high_afis.len() >= g.high_afi_limit {
        (Grade::RequiresImprovement, Ground::HighAfis)
    } else if met >= g.good && r.high_afis.is_empty() {
        let outstanding = met >= 100.0 && r.findings == 0 && notable;
        let grade = if outstanding {
            Grade::Outstanding
        } else {
            Grade::Good
        };
        (grade, Ground::Met)
    } else if met >= g.adequate {
        (Grade::Adequate, Ground::Met)
    } else {
        (Grade::RequiresImprovement, Ground::Met)
    };
    (Some(grade), ground)
}

fn headline(h: &crate::checklist::Headline, areas: &[AreaJudgement]) -> HeadlineJudgement {
    let mine: Vec<&AreaJudgement> = areas.iter().filter(|a| h.areas.contains(&a.area)).collect();
    let ungraded: Vec<String> = mine
        .iter()
        .filter(|a| a.standing().is_none())
        .map(|a| a.area.clone())
        .collect();
    let grade = if ungraded.is_empty() {
        mine.iter().filter_map(|a| a.standing()).max()
    } else {
        None
    };
    let set_by = match grade {
        None => ungraded,
        Some(g) => mine
            .iter()
            .filter(|a| a.standing() == Some(g))
            .map(|a| a.area.clone())
            .collect(),
    };
    HeadlineJudgement {
        id: h.id.clone(),
        title: h.title.clone(),
        areas: h.areas.clone(),
        grade,
        set_by,
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::answer::{Status, Value};
    use crate::assessment::Judgement;
    use crate::checklist::load_str;

    fn grading() -> Grading {
        Grading {
            evidence: 80.0,
            good: 90.0,
            adequate: 65.0,
            high_afi_limit: 3,
            headlines: Vec::new(),
        }
    }

    fn reasons(met: f64, causes: usize, critical: usize, high_afis: usize) -> Reasons {
        let ids = |n: usize| (0..n).map(|i| format!("f{i}")).collect::<Vec<_>>();
        Reasons {
            answered: 10,
            out_of: 10,
            met: Some(met),
            causes: ids(causes),
            critical: ids(critical),
            high_afis: ids(high_afis),
            findings: causes + high_afis,
        }
    }

    #[test]
    fn each_step_of_the_derivation() {
        let g = grading();
        let d = |r: Reasons| derive(&g, &r, false).0;
        assert_eq!(d(reasons(95.0, 0, 0, 0)), Some(Grade::Good));
        assert_eq!(d(reasons(95.0, 0, 0, 1)), Some(Grade::Adequate), "high AFI");
        assert_eq!(d(reasons(95.0, 0, 0, 3)), Some(Grade::RequiresImprovement));
        assert_eq!(d(reasons(70.0, 0, 0, 0)), Some(Grade::Adequate));
        assert_eq!(d(reasons(64.9, 0, 0, 0)), Some(Grade::RequiresImprovement));
        assert_eq!(d(reasons(100.0, 1, 0, 0)), Some(Grade::RequiresImprovement));
        assert_eq!(d(reasons(100.0, 2, 0, 0)), Some(Grade::Inadequate));
        assert_eq!(
            d(reasons(100.0, 1, 1, 0)),
            Some(Grade::Inadequate),
            "critical"
        );
        // Outstanding needs everything met, nothing found and a notable practice.
        assert_eq!(d(reasons(100.0, 0, 0, 0)), Some(Grade::Good));
        assert_eq!(
            derive(&g, &reasons(100.0, 0, 0, 0), true),
            (Some(Grade::Outstanding), Ground::Met)
        );
        let mut found = reasons(100.0, 0, 0, 0);
        found.findings = 1;
        assert_eq!(derive(&g, &found, true).0, Some(Grade::Good));
        // Below the evidence gate there is no judgement, however good the answers.
        let mut thin = reasons(100.0, 0, 0, 0);
        thin.answered = 7;
        assert_eq!(d(thin), None);
        let mut none = reasons(100.0, 0, 0, 0);
        none.met = None;
        assert_eq!(d(none), None);
    }

    const GRADED: &str = r#"
id = "g"
title = "G"
version = "1"
provenance = "test"

[[areas]]
id = "vetting"
title = "Vetting"
question = "?"

[[areas.items]]
id = "vetting.plan"
prompt = "Plan?"
kind = "status"
severity = "high"
label = "cause_of_concern"

[[areas.items]]
id = "vetting.records"
prompt = "Records?"
kind = "status"
label = "area_for_improvement"

[[areas]]
id = "gifts"
title = "Gifts"
question = "?"

[[areas.items]]
id = "gifts.policy"
prompt = "Policy?"
kind = "status"
label = "area_for_improvement"

[grading]
evidence = 80
good = 90
adequate = 65
high_afi_limit = 3

[[grading.headlines]]
id = "all"
title = "All"
areas = ["vetting", "gifts"]
"#;

    fn judged(answers: &[(&str, Status)], judgements: &[(&str, Judgement)]) -> Judgements {
        let c = load_str("g.toml", GRADED).unwrap();
        let mut a = Assessment::new(&c, "F", "2026");
        for (id, s) in answers {
            a.answer_mut(id).value = Some(Value::Status(*s));
        }
        for (area, j) in judgements {
            a.judgements.insert(area.to_string(), j.clone());
        }
        super::super::evaluate(&c, &a, date(2026, 3, 31))
            .judgements
            .unwrap()
    }

    #[test]
    fn a_cause_of_concern_caps_its_area_and_the_headline_takes_the_lowest() {
        let j = judged(
            &[
                ("vetting.plan", Status::No),
                ("vetting.records", Status::Yes),
                ("gifts.policy", Status::Yes),
            ],
            &[],
        );
        assert_eq!(j.areas[0].derived, Some(Grade::RequiresImprovement));
        assert_eq!(j.areas[0].reasons.causes, ["vetting.plan"]);
        assert_eq!(j.areas[1].derived, Some(Grade::Good));
        assert_eq!(j.headlines[0].grade, Some(Grade::RequiresImprovement));
        assert_eq!(j.headlines[0].set_by, ["vetting"]);
    }

    #[test]
    fn an_override_stands_beside_the_derived_grade_and_feeds_the_headline() {
        let over = Judgement {
            grade: Some(Grade::Adequate),
            rationale: Some("The plan was approved after the cut-off.".into()),
            notable: None,
        };
        let j = judged(
            &[
                ("vetting.plan", Status::No),
                ("vetting.records", Status::Yes),
            ],
            &[("vetting", over)],
        );
        assert_eq!(j.areas[0].derived, Some(Grade::RequiresImprovement));
        assert_eq!(j.areas[0].standing(), Some(Grade::Adequate));
        // Gifts is unanswered: no judgement, so none for the headline either.
        assert_eq!(j.areas[1].derived, None);
        assert_eq!(j.headlines[0].grade, None);
        assert_eq!(j.headlines[0].set_by, ["gifts"]);
    }

    #[test]
    fn a_recorded_notable_practice_makes_a_flawless_area_outstanding() {
        let notable = Judgement {
            notable: Some("Vetting decisions are peer reviewed across the region.".into()),
            ..Judgement::default()
        };
        let j = judged(
            &[
                ("vetting.plan", Status::Yes),
                ("vetting.records", Status::Yes),
                ("gifts.policy", Status::Yes),
            ],
            &[("vetting", notable)],
        );
        assert_eq!(j.areas[0].derived, Some(Grade::Outstanding));
        assert_eq!(j.areas[1].derived, Some(Grade::Good));
        assert_eq!(j.headlines[0].grade, Some(Grade::Good));
    }
}
