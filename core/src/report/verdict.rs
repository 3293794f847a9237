//! The revisit style of the report: the narrative verdicts of HMIC's 2012 revisit (good, some or
//! limited progress), for each area and for the force as a whole. A verdict follows from the
//! comparison with the earlier period when one is given, and from where the area stands when
//! not; [`METHOD`] states the rule for readers.

use std::collections::HashMap;

use jiff::civil::Date;
use serde::Serialize;

use super::narrative::in_words;
use crate::assessment::Assessment;
use crate::checklist::{Checklist, Severity};
use crate::document::Page;
use crate::progress::compare::{Comparison, Delivery, Side, compare};
use crate::scoring::{self, Evaluation, Rating};

/// How the revisit verdicts are reached, in words, for the method section.
pub const METHOD: &str = "Progress verdicts use the narrative scale of HMIC's 2012 revisit: good \
progress, some progress or limited progress. Progress means change since a baseline, so a verdict \
is given only against an earlier assessment of the same force (the period the answers were carried \
from, or else the force's latest earlier assessment). Each area's verdict then follows from \
last period's findings that fall in it: good progress when at least two thirds of them have closed \
and no new high-severity finding has opened, some progress when at least one has closed, limited \
progress when none has. An area with no earlier finding to measure is judged on where it stands: \
good progress when rated Green with no high-severity finding open, limited progress when rated Red, \
some progress otherwise. Without an earlier assessment no progress verdict is given: the report \
gives where each area stands instead, its rating and the high-severity findings open. An area \
whose score is provisional or not scored gets neither. The overall verdict applies the same rule \
to the whole assessment.";

/// A 2012-style progress verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    GoodProgress,
    SomeProgress,
    LimitedProgress,
}

impl Verdict {
    pub fn label(self) -> &'static str {
        match self {
            Verdict::GoodProgress => "Good progress",
            Verdict::SomeProgress => "Some progress",
            Verdict::LimitedProgress => "Limited progress",
        }
    }
}

/// What a verdict was reached from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum VerdictBasis {
    /// Last period's findings: how many have closed.
    Comparison,
    /// Where the area stands now: its rating and high-severity findings.
    Standing,
}

/// The verdict on one area, or on the whole assessment.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct VerdictRow {
    /// The area's id; null for the overall verdict.
    pub area: Option<String>,
    pub title: String,
    /// Null when too little is answered to judge, or when there is no earlier assessment to
    /// measure progress against.
    pub verdict: Option<Verdict>,
    /// Without an earlier assessment: the rating it stands at instead of a verdict; null
    /// otherwise, and when provisional or not scored.
    pub standing: Option<Rating>,
    pub basis: VerdictBasis,
    /// Why, in a sentence.
    pub why: String,
}

/// Every verdict of a revisit-style report.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Verdicts {
    /// The earlier period compared with, when one was found.
    pub compared_with: Option<String>,
    pub overall: VerdictRow,
    pub areas: Vec<VerdictRow>,
}

/// An earlier period's assessment, to measure progress against.
#[derive(Debug, Clone)]
pub struct Previous {
    pub assessment: Assessment,
    pub checklist: Checklist,
}

/// The findings that decide a verdict: last period's that can be traced, and this period's.
#[derive(Default)]
struct Scope {
    delivered: usize,
    /// Closed or still open: last period's findings that can be judged.
    traced: usize,
    new_high: usize,
    /// High-severity findings open now.
    high: usize,
}

pub(super) fn verdicts(
    checklist: &Checklist,
    assessment: &Assessment,
    e: &Evaluation,
    previous: Option<&Previous>,
    as_at: Date,
) -> Verdicts {
    let comparison = previous.map(|p| {
        let before = scoring::evaluate(&p.checklist, &p.assessment, as_at);
        compare(
            &Side::new(&p.checklist, &p.assessment, &before),
            &Side::new(checklist, assessment, e),
            &Page::new("", as_at),
            false,
        )
    });
    let c = comparison.as_ref();
    let (whole, by_area) = scopes(e, c);
    let none = Scope::default();
    let overall = row(
        None,
        "The force as a whole".into(),
        e.rating(),
        e.overall,
        &whole,
        c,
    );
    let areas = checklist
        .areas
        .iter()
        .filter(|a| a.items.iter().any(|i| i.kind.is_scored()))
        .map(|a| {
            let score = e.area(&a.id);
            row(
                Some(a.id.clone()),
                a.title.clone(),
                score.map_or(Rating::NotScored, |s| s.rating()),
                score.and_then(|s| s.score),
                by_area.get(a.id.as_str()).unwrap_or(&none),
                c,
            )
        })
        .collect();
    Verdicts {
        compared_with: c.map(|c| c.before_period.clone()),
        overall,
        areas,
    }
}

/// The whole force's scope and each area's, in one pass over the findings and the ledger.
fn scopes<'a>(e: &'a Evaluation, c: Option<&'a Comparison>) -> (Scope, HashMap<&'a str, Scope>) {
    let mut overall = Scope::default();
    let mut areas: HashMap<&str, Scope> = HashMap::new();
    let mut high_in: HashMap<&str, Vec<&str>> = HashMap::new();
    for f in e
        .findings
        .iter()
        .filter(|f| f.severity == Severity::High && !f.unconfirmed)
    {
        overall.high += 1;
        areas.entry(&f.area).or_default().high += 1;
        high_in.entry(&f.id).or_default().push(&f.area);
    }
    let Some(c) = c else {
        return (overall, areas);
    };
    for l in c
        .ledger
        .iter()
        .filter(|l| l.status != Delivery::NotComparable)
    {
        let Some(area) = l.area.as_deref() else {
            continue;
        };
        let delivered = usize::from(l.status == Delivery::Delivered);
        for s in [&mut overall, areas.entry(area).or_default()] {
            s.traced += 1;
            s.delivered += delivered;
        }
    }
    for in_areas in c
        .findings
        .opened
        .iter()
        .filter_map(|id| high_in.get(id.as_str()))
    {
        overall.new_high += 1;
        let mut once: Vec<&str> = in_areas.clone();
        once.sort_unstable();
        once.dedup();
        for area in once {
            areas.entry(area).or_default().new_high += 1;
        }
    }
    (overall, areas)
}

fn row(
    area: Option<String>,
    title: String,
    rating: Rating,
    score: Option<f64>,
    s: &Scope,
    c: Option<&Comparison>,
) -> VerdictRow {
    let (verdict, basis, why) = match c {
        Some(c) if s.traced > 0 => by_progress(s, &c.before_period),
        Some(_) => by_standing(rating, score, s.high),
        None => {
            let standing = without_baseline(rating, score, s.high);
            return VerdictRow {
                area,
                title,
                verdict: None,
                standing: standing.0,
                basis: VerdictBasis::Standing,
                why: standing.1,
            };
        }
    };
    VerdictRow {
        area,
        title,
        verdict,
        standing: None,
        basis,
        why,
    }
}

fn by_progress(s: &Scope, period: &str) -> (Option<Verdict>, VerdictBasis, String) {
    let n = |x: usize| in_words(x as f64);
    let closed = match (s.delivered, s.traced) {
        (1, 1) => format!("the one finding from {period} has closed"),
        (0, 1) => format!("the one finding from {period} has not closed"),
        (0, t) => format!("none of the {} findings from {period} has closed", n(t)),
        (d, t) if d == t => format!("all {} findings from {period} have closed", n(t)),
        (d, t) => format!(
            "{} of the {} findings from {period} {} closed",
            n(d),
            n(t),
            if d == 1 { "has" } else { "have" }
        ),
    };
    let opened = match s.new_high {
        0 => "no new high-severity finding has opened".to_string(),
        1 => "one new high-severity finding has opened".to_string(),
        n => format!(
            "{} new high-severity findings have opened",
            in_words(n as f64)
        ),
    };
    let verdict = if s.delivered * 3 >= s.traced * 2 && s.new_high == 0 {
        Verdict::GoodProgress
    } else if s.delivered > 0 {
        Verdict::SomeProgress
    } else {
        Verdict::LimitedProgress
    };
    let why = format!("{}: {closed}, and {opened}.", verdict.label());
    (Some(verdict), VerdictBasis::Comparison, why)
}

/// Where an area stands, in words that claim no progress: "rated Green (score 87.5) with no
/// high-severity finding open"; the reason there is none when provisional or not scored.
fn stands(rating: Rating, score: Option<f64>, high: usize) -> Result<String, &'static str> {
    let shown = score
        .map(|s| crate::answer::format_number(crate::document::figures::round1(s)))
        .unwrap_or_default();
    let open = match high {
        0 => "no high-severity finding open".to_string(),
        1 => "one high-severity finding open".to_string(),
        n => format!("{} high-severity findings open", in_words(n as f64)),
    };
    match rating {
        Rating::Green | Rating::Amber | Rating::Red => Ok(format!(
            "rated {} (score {shown}) with {open}",
            rating.label()
        )),
        Rating::Provisional => Err("its score is provisional"),
        Rating::NotScored => Err("nothing scored is answered"),
    }
}

/// No earlier assessment to measure against: no progress verdict, and where it stands instead.
fn without_baseline(rating: Rating, score: Option<f64>, high: usize) -> (Option<Rating>, String) {
    match stands(rating, score, high) {
        Ok(words) => (
            Some(rating),
            format!(
                "No progress verdict, as there is no earlier assessment of the force to measure against; it stands {words}."
            ),
        ),
        Err(why) => (None, format!("No verdict: {why}.")),
    }
}

fn by_standing(
    rating: Rating,
    score: Option<f64>,
    high: usize,
) -> (Option<Verdict>, VerdictBasis, String) {
    let verdict = match rating {
        Rating::Green if high == 0 => Some(Verdict::GoodProgress),
        Rating::Green | Rating::Amber => Some(Verdict::SomeProgress),
        Rating::Red => Some(Verdict::LimitedProgress),
        Rating::Provisional | Rating::NotScored => None,
    };
    let why = match (verdict, stands(rating, score, high)) {
        (Some(v), Ok(words)) => format!("{}: {words}.", v.label()),
        (_, Err(why)) => format!("No verdict: {why}."),
        (None, Ok(words)) => format!("No verdict: {words}."),
    };
    (verdict, VerdictBasis::Standing, why)
}
