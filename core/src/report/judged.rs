//! The graded style of the report: each area's judgement on the five-tier scale, derived and
//! overridden side by side with the reasons in words, and the headline judgements.

use serde::Serialize;

use super::REDACTED;
use super::narrative::{capitalise, in_words};
use crate::answer::format_number;
use crate::checklist::{Checklist, Grade, Grading};
use crate::document::figures::round1;
use crate::scoring::{AreaJudgement, Evaluation, Ground, HeadlineJudgement};
use crate::text;

/// One area's judgement as the report gives it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct JudgementRow {
    /// The area's id.
    pub area: String,
    pub title: String,
    /// The headline judgement it feeds, by id, if any.
    pub headline: Option<String>,
    /// The grade the answers give; null when there is insufficient evidence for one.
    pub derived: Option<Grade>,
    /// The grade the assessor records instead, with its rationale.
    #[serde(rename = "override")]
    pub overridden: Option<Grade>,
    pub rationale: Option<String>,
    /// Notable practice the assessor records.
    pub notable: Option<String>,
    /// The grade that stands: the override, or the derived grade.
    pub standing: Option<Grade>,
    /// The share of the area met (its score), 0 to 100.
    pub met: Option<f64>,
    /// Scored questions answered, and how many could be.
    pub answered: usize,
    pub out_of: usize,
    /// Findings labelled causes of concern, by id.
    pub causes_of_concern: Vec<String>,
    /// High-severity findings labelled areas for improvement, by id.
    pub high_areas_for_improvement: Vec<String>,
    /// Recommendation themes of this area whose high-severity areas for improvement, wherever
    /// they are found, reach the checklist's limit and weigh as a cause of concern.
    pub themes_of_concern: Vec<ThemeOfConcern>,
    /// Why the derived grade is what it is, in a sentence.
    pub why: String,
    /// The facts it rests on, one sentence each.
    pub reasons: Vec<String>,
}

/// A recommendation theme whose high-severity areas for improvement weigh as a cause of
/// concern in an area.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ThemeOfConcern {
    /// The recommendation's id.
    pub theme: String,
    /// The recommendation's title.
    pub title: String,
    /// The findings on it, by id (items or rules, in any area).
    pub findings: Vec<String>,
    /// What it is, in a sentence without its full stop: "three high-severity areas for
    /// improvement on the theme “…” weigh as a cause of concern".
    pub sentence: String,
}

/// A headline judgement as the report gives it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct HeadlineRow {
    pub id: String,
    pub title: String,
    /// The areas that feed it, by id.
    pub areas: Vec<String>,
    /// The lowest standing grade of its areas; null while one of them has none.
    pub grade: Option<Grade>,
    /// How it follows from its areas, in a sentence.
    pub why: String,
}

/// The rows of the graded style, or none when the checklist defines no grading: each area's
/// judgement with why it is what it is in words, and the headlines. The report and the
/// interface both show these.
pub fn rows(
    checklist: &Checklist,
    e: &Evaluation,
    redact: bool,
) -> (Vec<JudgementRow>, Vec<HeadlineRow>) {
    let (Some(grading), Some(j)) = (&checklist.grading, &e.judgements) else {
        return (Vec::new(), Vec::new());
    };
    let area_rows = j
        .areas
        .iter()
        .map(|a| row(checklist, grading, e, a, redact))
        .collect();
    let headlines = j.headlines.iter().map(|h| headline(checklist, h)).collect();
    (area_rows, headlines)
}

fn row(
    checklist: &Checklist,
    grading: &Grading,
    e: &Evaluation,
    a: &AreaJudgement,
    redact: bool,
) -> JudgementRow {
    let free = |t: &Option<String>| match t {
        Some(_) if redact => Some(REDACTED.to_string()),
        t => t.as_deref().map(|t| text::sanitize(t).into_owned()),
    };
    JudgementRow {
        area: a.area.clone(),
        title: area_title(checklist, &a.area).to_string(),
        headline: grading.headline_of(&a.area).map(|h| h.id.clone()),
        derived: a.derived,
        overridden: a.overridden,
        rationale: free(&a.rationale),
        notable: free(&a.notable),
        standing: a.standing(),
        met: a.reasons.met.map(round1),
        answered: a.reasons.answered,
        out_of: a.reasons.out_of,
        causes_of_concern: a.reasons.causes.clone(),
        high_areas_for_improvement: a.reasons.high_afis.clone(),
        themes_of_concern: a
            .reasons
            .themes
            .iter()
            .map(|t| ThemeOfConcern {
                theme: t.theme.clone(),
                title: checklist
                    .recommendation(&t.theme)
                    .map_or_else(|| t.theme.clone(), |r| text::sanitize_line(&r.title)),
                findings: t.findings.clone(),
                sentence: format!(
                    "{} weigh as a cause of concern",
                    capitalise(&theme_in_words(checklist, t))
                ),
            })
            .collect(),
        why: why(checklist, grading, a),
        reasons: reasons(checklist, grading, e, a),
    }
}

/// Questions named as a reader knows them, joined in words.
fn questions(checklist: &Checklist, ids: &[String]) -> String {
    let names: Vec<String> = ids
        .iter()
        .map(|id| {
            checklist.item(id).map_or_else(
                || id.clone(),
                |i| format!("\u{201c}{}\u{201d}", text::sanitize_line(i.short_label())),
            )
        })
        .collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

fn area_title<'c>(checklist: &'c Checklist, id: &'c str) -> &'c str {
    checklist.area(id).map_or(id, |a| a.title.as_str())
}

fn percent(x: f64) -> String {
    format!("{}%", format_number(round1(x)))
}

/// Dated evidence too old to judge on, named with its date, joined in words.
fn stale_evidence(checklist: &Checklist, stale: &[(String, jiff::civil::Date)]) -> String {
    let names: Vec<String> = stale
        .iter()
        .map(|(id, d)| {
            format!(
                "{}, {}",
                questions(checklist, std::slice::from_ref(id)),
                text::long_date(*d)
            )
        })
        .collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join("; ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

/// The sentence for an area whose evidence is too old.
fn stale_text(checklist: &Checklist, g: &Grading, a: &AreaJudgement) -> String {
    let months = g.freshness_of(&a.area).map_or(0, |f| f.months);
    g.stale_text(months, &stale_evidence(checklist, &a.reasons.stale))
}

/// A recommendation theme named as a reader knows it: its title, quoted.
fn theme_title(checklist: &Checklist, theme: &str) -> String {
    checklist.recommendation(theme).map_or_else(
        || theme.to_string(),
        |r| format!("\u{201c}{}\u{201d}", text::sanitize_line(&r.title)),
    )
}

/// "three high-severity areas for improvement on the theme “…”".
fn theme_in_words(checklist: &Checklist, t: &crate::scoring::ThemeCause) -> String {
    format!(
        "{} high-severity areas for improvement on the theme {}",
        count_words(t.findings.len()),
        theme_title(checklist, &t.theme)
    )
}

/// Each theme weighing as a cause of concern in words, joined.
fn themes_in_words(checklist: &Checklist, r: &crate::scoring::Reasons) -> String {
    let parts: Vec<String> = r
        .themes
        .iter()
        .map(|t| theme_in_words(checklist, t))
        .collect();
    parts.join(" and ")
}

/// The decisive step of the derivation, in a sentence.
fn why(checklist: &Checklist, g: &Grading, a: &AreaJudgement) -> String {
    let r = &a.reasons;
    let met = r.met.map(percent).unwrap_or_default();
    let highs = r.high_afis.len();
    match (a.ground, a.derived) {
        (Ground::Stale, _) => stale_text(checklist, g, a),
        (Ground::Undecided, _) => g.undecided_text(&questions(checklist, &r.pending)),
        (Ground::Evidence, _) | (_, None) => format!(
            "No judgement: too little is answered ({} of {} scored questions; a judgement needs {}).",
            r.answered,
            r.out_of,
            percent(g.evidence)
        ),
        (Ground::Critical, _) => {
            "Inadequate: a finding the checklist marks critical makes the area inadequate on its own."
                .into()
        }
        (Ground::Causes, _) if !r.themes.is_empty() => format!(
            "Inadequate: {} causes of concern. {} weigh as {}.",
            count_words(r.causes.len() + r.themes.len()),
            capitalise(&themes_in_words(checklist, r)),
            if r.themes.len() == 1 {
                "a cause of concern"
            } else {
                "a cause of concern each"
            }
        ),
        (Ground::Causes, _) => format!(
            "Inadequate: {} causes of concern.",
            count_words(r.causes.len())
        ),
        (Ground::Statutory, _) => format!(
            "Inadequate: a duty the law places on the force is not met ({}).",
            questions(checklist, &r.statutory)
        ),
        (Ground::Systemic, _) => {
            let floor = format!(
                "Inadequate: {met} met, counting unanswered questions as unmet, below the {} floor.",
                percent(g.inadequate)
            );
            match g.route_of(&a.area) {
                Some(route) => format!("{floor} {route}"),
                None => floor,
            }
        }
        (Ground::Cause, _) if !r.themes.is_empty() => format!(
            "Requires improvement: {} weigh as a cause of concern, which holds the area at requires improvement at best.",
            themes_in_words(checklist, r)
        ),
        (Ground::Cause, _) => {
            "Requires improvement: a cause of concern holds the area at requires improvement at best."
                .into()
        }
        (Ground::HighAfis, _) => format!(
            "Requires improvement: {} high-severity areas for improvement, at or above the limit of {}.",
            count_words(highs),
            g.high_afi_limit
        ),
        (Ground::Assurance, Some(Grade::Adequate)) => format!(
            "Adequate: {met} met, enough for good, but good needs the area's high-severity answers evidenced, and {} {} not: {}.",
            count_words(r.unevidenced.len()),
            if r.unevidenced.len() == 1 { "is" } else { "are" },
            questions(checklist, &r.unevidenced)
        ),
        (Ground::Assurance, _) => format!(
            "Good: {met} met with no findings and notable practice recorded, but outstanding needs the area's high-severity answers verified, and {} {} not: {}.",
            count_words(r.unverified.len()),
            if r.unverified.len() == 1 { "is" } else { "are" },
            questions(checklist, &r.unverified)
        ),
        (Ground::Met, Some(Grade::Outstanding)) => format!(
            "Outstanding: {met} met, no findings, and notable practice recorded."
        ),
        (Ground::Met, Some(Grade::Good)) => format!(
            "Good: {met} met (good needs {}) with no high-severity area for improvement.",
            percent(g.good)
        ),
        (Ground::Met, Some(Grade::Adequate)) if highs > 0 => format!(
            "Adequate: {met} met, but {} high-severity area{} for improvement keep{} it from good.",
            count_words(highs),
            if highs == 1 { "" } else { "s" },
            if highs == 1 { "s" } else { "" }
        ),
        (Ground::Met, Some(Grade::Adequate)) => format!(
            "Adequate: {met} met (adequate needs {}, good {}).",
            percent(g.adequate),
            percent(g.good)
        ),
        (Ground::Met, Some(_)) => format!(
            "Requires improvement: {met} met, below the {} adequate needs.",
            percent(g.adequate)
        ),
    }
}

/// The facts a judgement rests on, one sentence each, naming findings by their titles.
fn reasons(checklist: &Checklist, g: &Grading, e: &Evaluation, a: &AreaJudgement) -> Vec<String> {
    let r = &a.reasons;
    // A finding counted for grading without being found (a question unanswered or lapsed, or a
    // rule that a stronger answer would make fire) is named by its gap or rule title, marked.
    // Each title without its closing full stop, as they are joined into one sentence.
    let bare = |t: &str| text::sanitize_line(t).trim_end_matches('.').to_string();
    let titles = |ids: &[String]| -> String {
        ids.iter()
            .filter_map(|id| match e.findings.iter().find(|f| f.id == *id) {
                Some(f) => Some(bare(&f.title)),
                None => checklist
                    .item(id)
                    .map(|i| i.gap.clone().unwrap_or_else(|| i.prompt.clone()))
                    .or_else(|| checklist.rule(id).map(|r| r.title.clone()))
                    .map(|t| {
                        format!(
                            "{} (counted for grading: not answered, or not ruled out by the answers)",
                            bare(&t)
                        )
                    }),
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    let mut out = vec![format!(
        "{} of {} scored questions answered{}.",
        r.answered,
        r.out_of,
        if r.out_of > 0 {
            format!(
                " ({})",
                percent(r.answered as f64 * 100.0 / r.out_of as f64)
            )
        } else {
            String::new()
        }
    )];
    if let Some(met) = r.met {
        out.push(format!(
            "{} met, counting unanswered questions as unmet (good needs {}, adequate {}).",
            percent(met),
            percent(g.good),
            percent(g.adequate)
        ));
    }
    match r.causes.len() {
        0 if r.themes.is_empty() => out.push("No cause of concern.".to_string()),
        0 => {}
        n => out.push(format!(
            "{} of concern: {}.",
            capitalise(&count_words(n)) + if n == 1 { " cause" } else { " causes" },
            titles(&r.causes)
        )),
    }
    for t in &r.themes {
        out.push(format!(
            "{} high-severity areas for improvement on the theme {}, at or above the limit of {}, weigh as a cause of concern: {}.",
            capitalise(&count_words(t.findings.len())),
            theme_title(checklist, &t.theme),
            count_words(g.high_afi_limit),
            titles(&t.findings)
        ));
    }
    out.push(match r.high_afis.len() {
        0 => "No high-severity area for improvement.".to_string(),
        n => format!(
            "{} high-severity area{} for improvement: {}.",
            capitalise(&count_words(n)),
            if n == 1 { "" } else { "s" },
            titles(&r.high_afis)
        ),
    });
    if !r.carried.is_empty() {
        let n = r.carried.len();
        out.push(format!(
            "{} carried from the last assessment and not yet confirmed {} as unanswered for grading: {}.",
            capitalise(&count_words(n)) + if n == 1 { " answer" } else { " answers" },
            if n == 1 { "counts" } else { "count" },
            questions(checklist, &r.carried)
        ));
    }
    if !r.verified_too_long_ago.is_empty() {
        let months = g.freshness_of(&a.area).map_or(0, |f| f.months);
        out.push(format!(
            "Verified more than {months} months before the as-at date, so counted as evidenced only: {}.",
            questions(checklist, &r.verified_too_long_ago)
        ));
    }
    // Both gates withhold; the one the derivation stops at is the decisive sentence, and the
    // other is said here.
    if !r.stale.is_empty() && a.ground != Ground::Stale {
        out.push(stale_text(checklist, g, a));
    }
    if !r.pending.is_empty() && a.ground != Ground::Undecided {
        out.push(g.undecided_text(&questions(checklist, &r.pending)));
    }
    if a.derived == Some(Grade::Good)
        && a.ground == Ground::Met
        && r.met.is_some_and(|m| m >= 100.0)
        && r.findings == 0
    {
        out.push(
            "Everything asked is met; outstanding also needs a recorded notable practice.".into(),
        );
    }
    out
}

fn headline(checklist: &Checklist, h: &HeadlineJudgement) -> HeadlineRow {
    let names: Vec<String> = h
        .set_by
        .iter()
        .map(|a| format!("\u{201c}{}\u{201d}", area_title(checklist, a)))
        .collect();
    let why = match h.grade {
        None if names.is_empty() => {
            "No judgement: none of its areas asks a scored question.".into()
        }
        None => format!(
            "No judgement while {} {} none.",
            names.join(" and "),
            if names.len() == 1 { "has" } else { "have" }
        ),
        Some(g) if h.areas.len() == 1 => format!("{}, as its one area stands.", g.label()),
        Some(g) => format!(
            "{}, the lowest of its areas, set by {}.",
            g.label(),
            names.join(" and ")
        ),
    };
    HeadlineRow {
        id: h.id.clone(),
        title: h.title.clone(),
        areas: h.areas.clone(),
        grade: h.grade,
        why,
    }
}

fn count_words(n: usize) -> String {
    in_words(n as f64)
}

/// How graded judgements are derived, in words, for the method section.
pub(super) fn method(g: &Grading) -> String {
    let floor = if g.inadequate > 0.0 {
        format!(
            " Less than {} met is inadequate whatever else is found: most of the controls are missing.",
            percent(g.inadequate)
        )
    } else {
        String::new()
    };
    let fresh = if g.freshness.is_empty() {
        String::new()
    } else {
        " Nor does it when its evidence is older than the window the checklist sets for the area: \
a date the checklist names as dating the area's key evidence (when a threat assessment was approved, \
say) older than the window withholds the judgement, and one asked but not given keeps the area \
waiting. An answer carried from an earlier period and not yet confirmed is not this period's \
evidence and counts as unanswered, and a verification older than the window counts as evidenced only."
            .to_string()
    };
    let themes = if g.themes.is_empty() {
        String::new()
    } else {
        format!(
            " {} or more high-severity areas for improvement on one recommendation theme, wherever they \
are found, are a systemic weakness that weighs as one cause of concern in the area the theme \
belongs to.",
            capitalise(&count_words(g.high_afi_limit))
        )
    };
    format!(
        "Graded judgements are probity's estimate on HMICFRS's five-tier scale, not an inspectorate's \
judgement. Each area that asks scored questions is judged in these steps. If fewer than {evidence} of \
its applicable scored questions are answered, it gets no judgement (insufficient evidence). Nor does it \
while any question that could raise a cause of concern or a critical finding, any statutory duty, or \
any figure such a finding rests on, is unanswered.{fresh} For grading, the share met counts every unanswered scored question, \
and every control that lapses because one it depends on is missing, as unmet; \u{201c}not \
applicable\u{201d} counts only where the checklist allows it; and a high-severity area for improvement \
that unanswered figures could still raise counts as raised. So no blank, weaker answer or \
not-applicable answer can improve a grade. A finding from a rule the checklist marks critical, a \
statutory duty answered no, or two or more findings labelled causes of concern, make the area \
inadequate.{floor}{themes} One cause of concern \
holds it at requires improvement, and so do {limit} or more high-severity findings labelled areas for \
improvement in the area. Otherwise the share met decides: {good} or more with no high-severity area for \
improvement is good; {adequate} or more is adequate; less is requires improvement. Outstanding needs \
everything met, no finding, and a notable practice the assessor records. A cause of concern is always \
of high severity; a partial answer on its own is an area for improvement. The assessor may override \
any judgement with a recorded rationale; both are shown. Each headline judgement is the lowest grade \
of its areas as they stand, overrides included, and has none while any of its areas has none.",
        evidence = percent(g.evidence),
        limit = count_words(g.high_afi_limit),
        good = percent(g.good),
        adequate = percent(g.adequate),
    )
}
