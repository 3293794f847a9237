//! The gap report as one self-contained web page: inline CSS and SVG, no scripts, no external
//! resources, and a Content-Security-Policy that forbids loading any. It prints to A4 with the
//! marking at the top and foot of every page and "Page n of N".
//!
//! The page is an askama template (`templates/report.html`), which escapes every value; this
//! module only lays out the charts.

use askama::Template;

use super::Report;
use super::view::View;
use crate::answer::format_number;
use crate::document::escape::css_string;
use crate::scoring::Rating;

#[derive(Template)]
#[template(path = "report.html")]
struct Page<'a> {
    v: View<'a>,
    /// The marking and the running header as CSS strings, for the printed page margins.
    marking_css: String,
    running_css: String,
    area_chart: Chart,
    severity_chart: Chart,
}

impl Page<'_> {
    fn class_of(&self, rating: &Rating) -> &'static str {
        rating_class(*rating)
    }
}

/// A horizontal bar chart, laid out here so the template only places shapes.
pub struct Chart {
    pub height: u32,
    pub bars: Vec<Bar>,
}

pub struct Bar {
    pub label: String,
    pub value: String,
    /// The top of the bar's row.
    pub y: u32,
    pub width: f64,
    pub class: &'static str,
}

const ROW: u32 = 22;
/// The length of a full bar; the Word report scales its pictures of these charts by it.
pub(super) const BAR_MAX: f64 = 300.0;

impl Chart {
    /// Bars of `(label, value, maximum, class)`; a missing value draws no bar.
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

    /// The score of each area, coloured by its rating; provisional scores are grey and say so.
    pub fn areas(r: &Report) -> Chart {
        let mut chart = Chart::new(
            r.score
                .areas
                .iter()
                .filter(|a| a.has_scored_questions())
                .map(|a| (a.title.clone(), a.score, 100.0, rating_class(a.rating))),
        );
        for (bar, a) in chart
            .bars
            .iter_mut()
            .zip(r.score.areas.iter().filter(|a| a.has_scored_questions()))
        {
            if a.rating == Rating::Provisional {
                bar.value.push_str(" (provisional)");
            }
        }
        chart
    }

    /// The number of findings at each severity.
    pub fn severities(r: &Report) -> Chart {
        let (h, m, l) = r.severity_counts();
        let most = h.max(m).max(l) as f64;
        Chart::new(
            [
                ("High", h, "high"),
                ("Medium", m, "medium"),
                ("Low", l, "low"),
            ]
            .into_iter()
            .map(|(label, n, class)| (label.to_string(), Some(n as f64), most, class)),
        )
    }
}

/// The colour class of a rating: a colour only for a real rating.
pub fn rating_class(rating: Rating) -> &'static str {
    match rating {
        Rating::Green => "green",
        Rating::Amber => "amber",
        Rating::Red => "red",
        Rating::Provisional | Rating::NotScored => "unrated",
    }
}

pub fn render(r: &Report) -> String {
    let page = Page {
        marking_css: css_string(r.marking()),
        running_css: css_string(&format!(
            "{} · integrity self-assessment · {}",
            r.force, r.period
        )),
        area_chart: Chart::areas(r),
        severity_chart: Chart::severities(r),
        v: View::of(r),
    };
    // Rendering only fails if writing to the string fails, which it cannot.
    page.render().unwrap_or_default()
}

/// The longest chart label that fits beside its bar.
const LABEL_MAX: usize = 40;

/// Shortens a chart label to fit, marking the cut with an ellipsis.
fn short(label: &str) -> String {
    if label.chars().count() <= LABEL_MAX {
        label.to_string()
    } else {
        label.chars().take(LABEL_MAX - 1).chain(['…']).collect()
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
                ("a".to_string(), Some(50.0), 100.0, "amber"),
                ("b".to_string(), None, 100.0, "unrated"),
            ]
            .into_iter(),
        );
        assert_eq!(chart.bars[0].width, BAR_MAX / 2.0);
        assert_eq!(chart.bars[1].width, 0.0);
        assert_eq!(chart.bars[1].value, "not scored");
        assert_eq!(chart.height, 2 * ROW);
    }

    #[test]
    fn only_real_ratings_are_coloured() {
        assert_eq!(rating_class(Rating::Provisional), "unrated");
        assert_eq!(rating_class(Rating::NotScored), "unrated");
        assert_eq!(rating_class(Rating::Green), "green");
    }
}
