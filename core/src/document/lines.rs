//! Line charts of scores from 0 to 100 over periods. Every coordinate is computed and rounded
//! here, so the template (`templates/chart/lines.svg`, which escapes every label) only places
//! what it is given.

use askama::Template;

#[derive(Template)]
#[template(path = "chart/lines.svg")]
struct Svg<'a> {
    c: &'a LineChart,
    ink: &'static str,
}

/// A line chart of one or more series over the same periods.
#[derive(Debug, Clone)]
pub struct LineChart {
    pub width: f64,
    pub height: f64,
    pub left: f64,
    pub right: f64,
    /// A label under each period.
    pub ticks: Vec<Mark>,
    /// A grid line and label at 0, 25, 50, 75 and 100; none on a sparkline.
    pub grid: Vec<Mark>,
    pub lines: Vec<Line>,
}

/// A labelled position: the point itself and where its label goes.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub x: f64,
    pub y: f64,
    pub label_x: f64,
    pub label_y: f64,
    pub label: String,
}

#[derive(Debug, Clone)]
pub struct Line {
    /// The SVG `points` attribute; periods without a score are stepped over.
    pub points: String,
    pub dots: Vec<Mark>,
}

/// Space around the plot: left, right, top, bottom.
struct Margins(f64, f64, f64, f64);

/// Room for the axis labels of a full chart.
const AXES: Margins = Margins(36.0, 16.0, 12.0, 28.0);

fn round(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

fn mark(x: f64, y: f64, dx: f64, dy: f64, label: String) -> Mark {
    Mark {
        x: round(x),
        y: round(y),
        label_x: round(x + dx),
        label_y: round(y + dy),
        label,
    }
}

impl LineChart {
    /// A full chart with a grid and labelled axes.
    pub fn new(
        width: f64,
        height: f64,
        periods: &[String],
        series: &[Vec<Option<f64>>],
    ) -> LineChart {
        LineChart::within(&AXES, width, height, periods, series)
    }

    /// The chart as a standalone SVG document.
    pub fn svg(&self) -> String {
        // Rendering only fails if writing to the string fails, which it cannot.
        Svg {
            c: self,
            ink: super::tone::ACCENT,
        }
        .render()
        .unwrap_or_default()
    }

    fn within(
        m: &Margins,
        width: f64,
        height: f64,
        periods: &[String],
        series: &[Vec<Option<f64>>],
    ) -> LineChart {
        let plot_w = width - m.0 - m.1;
        let plot_h = height - m.2 - m.3;
        let x = |i: usize| {
            if periods.len() < 2 {
                m.0 + plot_w / 2.0
            } else {
                m.0 + plot_w * i as f64 / (periods.len() - 1) as f64
            }
        };
        let y = |v: f64| m.2 + plot_h * (1.0 - v.clamp(0.0, 100.0) / 100.0);
        let label_y = height - 8.0;
        LineChart {
            width,
            height,
            left: m.0,
            right: width - m.1,
            ticks: periods
                .iter()
                .enumerate()
                .map(|(i, p)| mark(x(i), label_y, -12.0, 0.0, p.clone()))
                .collect(),
            grid: [0.0, 25.0, 50.0, 75.0, 100.0]
                .iter()
                .map(|v| mark(0.0, y(*v), 4.0, 4.0, format!("{v}")))
                .collect(),
            lines: series
                .iter()
                .map(|s| {
                    let dots: Vec<Mark> = s
                        .iter()
                        .enumerate()
                        .filter_map(|(i, v)| {
                            v.map(|v| mark(x(i), y(v), -8.0, -7.0, crate::answer::format_number(v)))
                        })
                        .collect();
                    Line {
                        points: dots
                            .iter()
                            .map(|d| format!("{},{}", d.x, d.y))
                            .collect::<Vec<_>>()
                            .join(" "),
                        dots,
                    }
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_map_onto_the_plot_and_gaps_are_stepped_over() {
        let periods = vec!["2011".to_string(), "2012".into(), "2013".into()];
        let c = LineChart::new(
            236.0,
            140.0,
            &periods,
            &[vec![Some(0.0), None, Some(100.0)]],
        );
        assert_eq!((c.ticks[0].x, c.ticks[2].x), (36.0, 220.0));
        assert_eq!(c.lines[0].points, "36,112 220,12");
        assert_eq!(
            (c.lines[0].dots[1].label_x, c.lines[0].dots[1].label_y),
            (212.0, 5.0)
        );
        assert_eq!((c.grid[4].y, c.grid[4].label.as_str()), (12.0, "100"));
    }
}
