//! The gap report as one self-contained web page: inline CSS and SVG, no scripts, no external
//! resources, and a Content-Security-Policy that forbids loading any. It prints to A4 with a
//! running header, and each area starts on a new page.
//!
//! The page is an askama template (`templates/report.html`), which escapes every value; this
//! module only shapes the report into what the template shows.

use askama::Template;

use super::{AnswerRow, Report, kind_name};
use crate::answer::format_number;
use crate::document::escape::css_string;
use crate::document::figures::{paragraphs, score_phrase, score_text};

#[derive(Template)]
#[template(path = "report.html")]
struct Page<'a> {
    r: &'a Report,
    /// The marking and the running header as CSS strings, for the printed page margins.
    marking_css: String,
    running_css: String,
    score: String,
    completeness: String,
    counts: (usize, usize, usize),
    area_chart: Chart,
    severity_chart: Chart,
    findings: Vec<FindingView<'a>>,
    areas: Vec<AreaView<'a>>,
    not_assessed: Vec<(&'a str, &'a AnswerRow)>,
    carried: Vec<(&'a str, &'a AnswerRow)>,
    metrics: Vec<(&'a str, &'a str, String)>,
    provenance: Vec<&'a str>,
}

/// A horizontal bar chart, laid out here so the template only places shapes.
struct Chart {
    height: u32,
    bars: Vec<Bar>,
}

struct Bar {
    label: String,
    value: String,
    /// The top of the bar's row.
    y: u32,
    width: f64,
    class: &'static str,
}

const ROW: u32 = 22;
const BAR_MAX: f64 = 300.0;

impl Chart {
    fn new(rows: impl Iterator<Item = (String, Option<f64>, f64, &'static str)>) -> Chart {
        let bars: Vec<Bar> = rows
            .enumerate()
            .map(|(i, (label, value, max, class))| Bar {
                label: short(&label),
                value: value.map_or("not scored".into(), format_number),
                y: i as u32 * ROW,
                // A scored zero keeps a sliver of bar, so it reads as zero rather than missing.
                width: value.map_or(0.0, |v| {
                    if max > 0.0 {
                        (v / max * BAR_MAX).clamp(2.0, BAR_MAX)
                    } else {
                        2.0
                    }
                }),
                class,
            })
            .collect();
        Chart {
            height: bars.len() as u32 * ROW,
            bars,
        }
    }

    /// Adds a note after each bar's value.
    fn with_notes(mut self, notes: impl Iterator<Item = String>) -> Chart {
        for (bar, note) in self.bars.iter_mut().zip(notes) {
            bar.value.push_str(&note);
        }
        self
    }
}

struct FindingView<'a> {
    number: usize,
    f: &'a crate::scoring::Finding,
    kind: &'static str,
    area: &'a str,
    owner: &'a str,
    due: String,
    status: &'static str,
    recommendations: Vec<String>,
    good: &'a str,
}

struct AreaView<'a> {
    title: &'a str,
    question: &'a str,
    score: String,
    answered: usize,
    applicable: usize,
    items: Vec<ItemView<'a>>,
}

struct ItemView<'a> {
    row: &'a AnswerRow,
    answer: &'a str,
    /// A CSS class for the answer: met, partly, not-met, other, missing or skipped.
    state: &'static str,
    flags: Vec<&'static str>,
}

pub fn render(r: &Report) -> String {
    let (h, m, l) = r.severity_counts();
    let most = h.max(m).max(l) as f64;
    let page = Page {
        r,
        marking_css: css_string(&r.marking),
        running_css: css_string(&format!(
            "{} · integrity self-assessment · {}",
            r.force, r.period
        )),
        score: score_text(r.score.overall),
        completeness: format_number(r.score.completeness),
        counts: (h, m, l),
        area_chart: Chart::new(
            r.score
                .areas
                .iter()
                .map(|a| (a.title.clone(), a.score, 100.0, score_class(a.score))),
        )
        .with_notes(
            r.score
                .areas
                .iter()
                .map(|a| format!(" ({} of {} answered)", a.answered, a.applicable)),
        ),
        severity_chart: Chart::new(
            [
                ("High", h, "high"),
                ("Medium", m, "medium"),
                ("Low", l, "low"),
            ]
            .into_iter()
            .map(|(label, n, class)| (label.to_string(), Some(n as f64), most, class)),
        ),
        findings: r
            .findings
            .iter()
            .enumerate()
            .map(|(i, f)| FindingView {
                number: i + 1,
                f,
                kind: kind_name(f.kind),
                area: r.area_title(&f.area),
                owner: f.owner.as_deref().unwrap_or("not assigned"),
                due: f.due.map_or("not set".into(), |d| d.to_string()),
                status: r.status(f),
                recommendations: f
                    .recommendations
                    .iter()
                    .map(|id| r.recommendation(id))
                    .collect(),
                good: r.good_practice(f),
            })
            .collect(),
        areas: r
            .areas
            .iter()
            .zip(&r.score.areas)
            .map(|(a, s)| AreaView {
                title: &a.title,
                question: &a.question,
                score: score_phrase(s.score),
                answered: s.answered,
                applicable: s.applicable,
                items: a.items.iter().map(item_view).collect(),
            })
            .collect(),
        not_assessed: r
            .not_assessed()
            .map(|(a, i)| (a.title.as_str(), i))
            .collect(),
        carried: r.carried().map(|(a, i)| (a.title.as_str(), i)).collect(),
        provenance: paragraphs(&r.provenance),
        metrics: r
            .metrics
            .iter()
            .map(|m| (m.label.as_str(), m.id.as_str(), format_number(m.value)))
            .collect(),
    };
    // Rendering only fails if writing to the string fails, which it cannot.
    page.render().unwrap_or_default()
}

/// The longest chart label that fits beside its bar.
const LABEL_MAX: usize = 48;

/// Shortens a chart label to fit, marking the cut with an ellipsis.
fn short(label: &str) -> String {
    if label.chars().count() <= LABEL_MAX {
        label.to_string()
    } else {
        label.chars().take(LABEL_MAX - 1).chain(['…']).collect()
    }
}

fn score_class(score: Option<f64>) -> &'static str {
    match score {
        Some(s) if s >= 75.0 => "good",
        Some(s) if s >= 50.0 => "fair",
        Some(_) => "poor",
        None => "none",
    }
}

fn item_view(row: &AnswerRow) -> ItemView<'_> {
    let (answer, state) = match (&row.answer, row.asked, row.value.as_deref()) {
        (_, false, _) => ("not asked", "skipped"),
        (None, true, _) => ("unanswered", "missing"),
        (Some(a), true, Some("yes")) => (a.as_str(), "met"),
        (Some(a), true, Some("partial")) => (a.as_str(), "partly"),
        (Some(a), true, Some("no")) => (a.as_str(), "not-met"),
        (Some(a), true, _) => (a.as_str(), "other"),
    };
    let flags = [
        (row.carried, "carried from last period, not yet confirmed"),
        (row.review, "marked for review"),
    ]
    .into_iter()
    .filter_map(|(on, f)| on.then_some(f))
    .collect();
    ItemView {
        row,
        answer,
        state,
        flags,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_labels_are_shortened() {
        assert_eq!(short("Training"), "Training");
        let long = short(&"x".repeat(60));
        assert_eq!(long.chars().count(), LABEL_MAX);
        assert!(long.ends_with('…'));
    }

    #[test]
    fn bars_scale_to_their_maximum() {
        let chart = Chart::new(
            [
                ("a".to_string(), Some(50.0), 100.0, "fair"),
                ("b".to_string(), None, 100.0, "none"),
            ]
            .into_iter(),
        );
        assert_eq!(chart.bars[0].width, BAR_MAX / 2.0);
        assert_eq!(chart.bars[1].width, 0.0);
        assert_eq!(chart.bars[1].value, "not scored");
        assert_eq!(chart.height, 2 * ROW);
    }
}
