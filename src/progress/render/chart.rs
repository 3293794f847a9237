//! Geometry for the inline SVG charts: scores from 0 to 100 mapped onto a plot area.

/// A line chart of one or more series over the same periods.
#[derive(Debug, Clone)]
pub struct LineChart {
    pub width: f64,
    pub height: f64,
    /// (x, label) for each period.
    pub ticks: Vec<(f64, String)>,
    /// (y, label) for 0, 25, 50, 75 and 100.
    pub grid: Vec<(f64, String)>,
    /// SVG `points` attribute for each series; gaps are stepped over.
    pub lines: Vec<Line>,
}

#[derive(Debug, Clone)]
pub struct Line {
    pub points: String,
    pub dots: Vec<(f64, f64, String)>,
}

const LEFT: f64 = 36.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 28.0;

impl LineChart {
    pub fn new(
        width: f64,
        height: f64,
        periods: &[String],
        series: &[Vec<Option<f64>>],
    ) -> LineChart {
        let plot_w = width - LEFT - RIGHT;
        let plot_h = height - TOP - BOTTOM;
        let x = |i: usize| {
            if periods.len() < 2 {
                LEFT + plot_w / 2.0
            } else {
                LEFT + plot_w * i as f64 / (periods.len() - 1) as f64
            }
        };
        let y = |v: f64| TOP + plot_h * (1.0 - v.clamp(0.0, 100.0) / 100.0);
        let round = |v: f64| (v * 10.0).round() / 10.0;
        LineChart {
            width,
            height,
            ticks: periods
                .iter()
                .enumerate()
                .map(|(i, p)| (round(x(i)), p.clone()))
                .collect(),
            grid: [0.0, 25.0, 50.0, 75.0, 100.0]
                .iter()
                .map(|v| (round(y(*v)), format!("{v}")))
                .collect(),
            lines: series
                .iter()
                .map(|s| {
                    let dots: Vec<(f64, f64, String)> = s
                        .iter()
                        .enumerate()
                        .filter_map(|(i, v)| {
                            v.map(|v| {
                                (
                                    round(x(i)),
                                    round(y(v)),
                                    crate::assessment::format_number(v),
                                )
                            })
                        })
                        .collect();
                    Line {
                        points: dots
                            .iter()
                            .map(|(x, y, _)| format!("{x},{y}"))
                            .collect::<Vec<_>>()
                            .join(" "),
                        dots,
                    }
                })
                .collect(),
        }
    }

    pub fn label_y(&self) -> f64 {
        self.height - 8.0
    }

    pub fn left(&self) -> f64 {
        LEFT
    }

    pub fn right(&self) -> f64 {
        self.width - RIGHT
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
        assert_eq!(c.ticks[0].0, 36.0);
        assert_eq!(c.ticks[2].0, 220.0);
        assert_eq!(c.lines[0].points, "36,112 220,12");
        assert_eq!(c.grid[4], (12.0, "100".into()));
    }
}
