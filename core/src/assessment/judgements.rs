//! The `[judgements.AREA]` tables of an assessment file: the assessor's override of an area's
//! derived grade, the rationale for it, and any notable practice. Each is checked against the
//! checklist's grading: an unknown area or grade, or an override without a rationale, is refused
//! with its place in the file.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::Judgement;
use crate::checklist::{Checklist, Grade};
use crate::diagnostic::{Problem, Source};
use crate::text;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct JudgementIn {
    #[serde(default, rename = "override")]
    grade: Option<Spanned<String>>,
    #[serde(default)]
    rationale: Option<String>,
    #[serde(default)]
    notable: Option<String>,
}

/// One area's judgement as written.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct JudgementDoc {
    /// The grade the assessor gives instead of the derived one: "outstanding", "good",
    /// "adequate", "requires_improvement" or "inadequate".
    #[serde(rename = "override", skip_serializing_if = "Option::is_none")]
    pub grade: Option<String>,
    /// Why the assessor overrides the derived grade; required with `override`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rationale: Option<String>,
    /// Evidenced notable practice; an area is derived outstanding only with one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notable: Option<String>,
}

impl JudgementDoc {
    pub fn from_judgement(j: &Judgement) -> JudgementDoc {
        JudgementDoc {
            grade: j.grade.map(|g| g.id().to_string()),
            rationale: j.rationale.clone(),
            notable: j.notable.clone(),
        }
    }
}

/// Checks every judgement against the checklist, adding a located problem for each fault.
pub(super) fn bind(
    source: &Source,
    checklist: &Checklist,
    raw: BTreeMap<Spanned<String>, JudgementIn>,
    problems: &mut Vec<Problem>,
) -> BTreeMap<String, Judgement> {
    let mut out = BTreeMap::new();
    for (area, j) in raw {
        let at = Some(area.span());
        if checklist.grading.is_none() {
            problems.push(Problem::new(
                source,
                at,
                format!(
                    "checklist {} defines no graded judgements, so it cannot take `judgements`",
                    checklist.id
                ),
            ));
            continue;
        }
        if checklist.area(area.get_ref()).is_none() {
            let known: Vec<&str> = checklist.areas.iter().map(|a| a.id.as_str()).collect();
            problems.push(
                Problem::new(
                    source,
                    at,
                    format!("unknown area \"{}\" in `judgements`", area.get_ref()),
                )
                .help(match crate::checklist::closest(area.get_ref(), &known) {
                    Some(near) => format!("did you mean \"{near}\"?"),
                    None => format!("the areas are {}", known.join(", ")),
                }),
            );
            continue;
        }
        let clean = |t: Option<String>| {
            t.map(|t| text::sanitize(t.trim()).into_owned())
                .filter(|t| !t.is_empty())
        };
        let (rationale, notable) = (clean(j.rationale), clean(j.notable));
        let grade = match &j.grade {
            None => None,
            Some(g) => match Grade::parse(g.get_ref()) {
                Some(grade) if rationale.is_some() => Some(grade),
                Some(_) => {
                    problems.push(
                        Problem::new(
                            source,
                            Some(g.span()),
                            format!("the override of \"{}\" has no rationale", area.get_ref()),
                        )
                        .help("add rationale = \"...\" saying why the derived grade is set aside"),
                    );
                    continue;
                }
                None => {
                    problems.push(
                        Problem::new(
                            source,
                            Some(g.span()),
                            format!("\"{}\" is not a grade", g.get_ref()),
                        )
                        .help(format!("a grade is one of {}", Grade::allowed())),
                    );
                    continue;
                }
            },
        };
        out.insert(
            area.into_inner(),
            Judgement {
                grade,
                rationale,
                notable,
            },
        );
    }
    out
}
