//! HTML renderings through askama templates in `templates/progress/`, which escape every value.
//! Pages are self-contained: inline styles and SVG, and a policy that loads nothing else.

use askama::Template;

use super::chart::LineChart;
use crate::document::Page;
use crate::document::figures::{score_text as score, signed};

use crate::answer::format_number;
use crate::progress::compare::{Change, Comparison};
use crate::progress::summary::Summary;
use crate::progress::trend::Trend;

#[derive(Template)]
#[template(path = "progress/compare.html")]
struct CompareView<'a> {
    page: &'a Page,
    c: &'a Comparison,
    narrative: Vec<String>,
    briefing: Vec<String>,
    scores: Vec<[String; 4]>,
    moved: Vec<[String; 5]>,
    unchanged: usize,
    metrics: Vec<[String; 6]>,
    findings: Vec<(&'static str, Vec<String>)>,
}

pub fn comparison(c: &Comparison) -> String {
    let mut scores = vec![
        [
            "Overall".to_string(),
            score(c.overall.before),
            score(c.overall.after),
            signed(c.overall.delta),
        ],
        [
            "Completeness (%)".to_string(),
            score(c.completeness.before),
            score(c.completeness.after),
            signed(c.completeness.delta),
        ],
    ];
    scores.extend(c.areas.iter().map(|a| {
        [
            a.title.clone(),
            score(a.score.before),
            score(a.score.after),
            signed(a.score.delta),
        ]
    }));
    let moved = c
        .items
        .iter()
        .filter(|i| i.change != Change::Unchanged)
        .map(|i| {
            let name = if i.from.is_empty() {
                i.id.clone()
            } else {
                format!("{} (was {})", i.id, i.from.join(", "))
            };
            let change = i.reason.as_ref().map_or(i.change.name().to_string(), |r| {
                format!("{}: {r}", i.change.name())
            });
            [
                name,
                i.prompt.clone(),
                i.before_label.clone().unwrap_or("—".into()),
                i.after_label.clone().unwrap_or("—".into()),
                change,
            ]
        })
        .collect();
    let n = |x: Option<f64>| x.map_or("—".into(), format_number);
    let metrics = c
        .metrics
        .iter()
        .map(|m| {
            [
                m.label.clone(),
                m.id.clone(),
                n(m.before),
                n(m.after),
                signed(m.delta),
                signed(m.percent),
            ]
        })
        .collect();
    let f = &c.findings;
    let titled = |ids: &Vec<String>| -> Vec<String> {
        ids.iter()
            .map(|id| {
                f.details
                    .iter()
                    .find(|d| &d.id == id)
                    .map_or(id.clone(), |d| {
                        format!("{} ({}, {})", d.title, d.severity.name(), id)
                    })
            })
            .collect()
    };
    let findings = vec![
        ("Closed", titled(&f.closed)),
        ("Still open", titled(&f.persisting)),
        ("New", titled(&f.opened)),
        ("Cannot be judged", titled(&f.not_comparable)),
    ];
    CompareView {
        page: &c.page,
        narrative: super::narrative::progress(c),
        c,
        briefing: c.briefing.as_ref().map(|b| b.lines()).unwrap_or_default(),
        scores,
        moved,
        unchanged: c
            .items
            .iter()
            .filter(|i| i.change == Change::Unchanged)
            .count(),
        metrics,
        findings,
    }
    .render()
    .expect("the comparison template renders")
}

#[derive(Template)]
#[template(path = "progress/trend.html")]
struct TrendView<'a> {
    page: &'a Page,
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
        t,
        chart: LineChart::new(640.0, 260.0, &periods, &[overall]),
        areas,
    }
    .render()
    .expect("the trend template renders")
}

#[derive(Template)]
#[template(path = "progress/summary.html")]
struct SummaryView<'a> {
    page: &'a Page,
    s: &'a Summary,
    rules: Vec<(String, &'static str, String, usize)>,
    metrics: Vec<[String; 7]>,
}

pub fn summary(s: &Summary) -> String {
    let rules = s
        .rules
        .iter()
        .map(|r| {
            let share = (r.flagged * 100).checked_div(s.forces).unwrap_or(0);
            (
                r.sentence(s.forces),
                r.severity.name(),
                r.forces.join(", "),
                share,
            )
        })
        .collect();
    let n = format_number;
    let metrics = s
        .metrics
        .iter()
        .map(|m| {
            [
                m.label.clone(),
                m.id.clone(),
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
        s,
        rules,
        metrics,
    }
    .render()
    .expect("the summary template renders")
}
