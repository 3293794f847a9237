//! HTML renderings through askama templates in `templates/progress/`, which escape every value.
//! Pages are self-contained: inline styles and SVG, and a policy that loads nothing else. Every
//! printed page carries the marking at the top and foot and "Page n of N".

use askama::Template;

use super::chart::LineChart;
use super::{moved_rows, narrative, windows_words};
use crate::answer::format_number;
use crate::document::escape::css_string;
use crate::document::figures::{score_text as score, signed};

use crate::document::{Page, long_date};
use crate::progress::compare::{Change, Comparison};
use crate::progress::summary::Summary;
use crate::progress::trend::Trend;

/// What every page prints around its content.
struct Furniture {
    marking_css: String,
    running: String,
    running_css: String,
    as_at: String,
    produced: String,
}

impl Furniture {
    fn new(page: &Page, running: String) -> Furniture {
        Furniture {
            marking_css: css_string(&page.marking),
            running_css: css_string(&running),
            running,
            as_at: page.as_at_sentence(),
            produced: long_date(page.generated),
        }
    }
}

#[derive(Template)]
#[template(path = "progress/compare.html")]
struct CompareView<'a> {
    page: &'a Page,
    furniture: Furniture,
    c: &'a Comparison,
    narrative: Vec<String>,
    briefing: Vec<String>,
    scores: Vec<[String; 4]>,
    ledger: Vec<[String; 5]>,
    moved: Vec<[String; 4]>,
    unchanged: usize,
    windows: Vec<String>,
    metrics: Vec<[String; 6]>,
    findings: Vec<(&'static str, Vec<String>)>,
}

pub fn comparison(c: &Comparison) -> String {
    let n = |x: Option<f64>| x.map_or("—".into(), format_number);
    let metrics = c
        .metrics
        .iter()
        .map(|m| {
            [
                m.label.clone(),
                n(m.before),
                n(m.after),
                signed(m.delta),
                signed(m.percent),
                m.per_month.map_or(String::new(), |p| {
                    format!("{} → {}", n(p.before), n(p.after))
                }),
            ]
        })
        .collect();
    let ledger = c
        .ledger
        .iter()
        .map(|l| {
            [
                l.title.clone(),
                l.severity.name().to_string(),
                l.owner.clone().unwrap_or_else(|| "not assigned".into()),
                l.due.map_or("not set".into(), long_date),
                l.status.name().to_string(),
            ]
        })
        .collect();
    CompareView {
        page: &c.page,
        furniture: Furniture::new(
            &c.page,
            format!("{} · progress since {}", c.force, c.before_period),
        ),
        c,
        narrative: narrative::progress(c),
        briefing: c.briefing.as_ref().map(|b| b.lines()).unwrap_or_default(),
        scores: super::score_rows(c),
        ledger,
        moved: moved_rows(c),
        unchanged: c
            .items
            .iter()
            .filter(|i| i.change == Change::Unchanged)
            .count(),
        windows: windows_words(c),
        metrics,
        findings: super::finding_lists(c),
    }
    .render()
    .unwrap_or_default()
}

#[derive(Template)]
#[template(path = "progress/trend.html")]
struct TrendView<'a> {
    page: &'a Page,
    furniture: Furniture,
    t: &'a Trend,
    chart: LineChart,
    /// (title, sparkline, scores by period)
    areas: Vec<(String, LineChart, Vec<String>)>,
}

pub fn trend(t: &Trend) -> String {
    let periods: Vec<String> = t.points.iter().map(|p| p.period.clone()).collect();
    let overall: Vec<Option<f64>> = t.points.iter().map(|p| p.overall).collect();
    let areas = t
        .areas
        .iter()
        .enumerate()
        .map(|(i, (_, title))| {
            let series: Vec<Option<f64>> = t.points.iter().map(|p| p.areas[i]).collect();
            let scores = series.iter().map(|v| score(*v)).collect();
            (
                title.clone(),
                LineChart::spark(120.0, 28.0, &periods, &[series]),
                scores,
            )
        })
        .collect();
    TrendView {
        page: &t.page,
        furniture: Furniture::new(&t.page, format!("{} · trend", t.force)),
        t,
        chart: LineChart::new(640.0, 260.0, &periods, &[overall]),
        areas,
    }
    .render()
    .unwrap_or_default()
}

#[derive(Template)]
#[template(path = "progress/summary.html")]
struct SummaryView<'a> {
    page: &'a Page,
    furniture: Furniture,
    s: &'a Summary,
    rate_labels: Vec<&'a str>,
    forces: Vec<Vec<String>>,
    rules: Vec<[String; 6]>,
    metrics: Vec<[String; 6]>,
}

pub fn summary(s: &Summary) -> String {
    let rules = s
        .rules
        .iter()
        .map(|r| {
            let share = (r.flagged * 100).checked_div(r.asked).unwrap_or(0);
            [
                r.title.clone(),
                r.severity.name().to_string(),
                share.to_string(),
                super::forces_or_none(&r.forces),
                super::forces_or_none(&r.not_flagged),
                super::forces_or_none(&r.not_judged_forces),
            ]
        })
        .collect();
    let n = format_number;
    let metrics = s
        .metrics
        .iter()
        .map(|m| {
            [
                m.label.clone(),
                n(m.total),
                n(m.min),
                n(m.median),
                n(m.max),
                m.reported.to_string(),
            ]
        })
        .collect();
    SummaryView {
        page: &s.page,
        furniture: Furniture::new(&s.page, "Summary across forces".into()),
        s,
        rate_labels: super::rate_labels(s),
        forces: s
            .by_force
            .iter()
            .map(|f| super::force_cells(f, &super::rate_labels(s)))
            .collect(),
        rules,
        metrics,
    }
    .render()
    .unwrap_or_default()
}
