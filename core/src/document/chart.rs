//! Horizontal bar charts for documents that carry pictures. A chart is laid out here, drawn as
//! SVG by a template (which escapes every label), and rasterised to PNG with resvg. The font is
//! shipped inside probity, so no system font and no external program is needed, and the picture
//! is the same on every machine.

use std::sync::{Arc, OnceLock};

use askama::Template;
use resvg::{tiny_skia, usvg};

use super::tone::Tone;

/// One bar: what it measures, its length as a share of the plot (none draws no bar, so a
/// missing value is never read as zero), and the value in words beside it.
#[derive(Clone)]
pub struct Row {
    pub label: String,
    pub fraction: Option<f64>,
    pub text: String,
    pub tone: Tone,
}

#[derive(Template)]
#[template(path = "chart/bars.svg")]
struct Svg<'a> {
    c: &'a BarChart,
}

/// A laid-out chart: every coordinate is computed here, so the template only places shapes.
pub struct BarChart {
    width: f64,
    height: f64,
    /// Where the bars start, after the labels.
    left: f64,
    /// The foot of the plot, above the axis labels.
    plot_bottom: f64,
    ticks: Vec<Tick>,
    bars: Vec<Bar>,
}

struct Tick {
    x: f64,
    label: String,
}

struct Bar {
    label: String,
    value: String,
    y: f64,
    width: f64,
    fill: &'static str,
}

const ROW: f64 = 22.0;
/// Room for a label of 40 characters, as long as the documents' chart labels run.
const LABEL: f64 = 280.0;
const SPAN: f64 = 250.0;
/// Room after the longest bar for its value in words.
const VALUE: f64 = 150.0;
const AXIS: f64 = 18.0;
/// Pixels drawn per CSS pixel: 120 dots to the inch, sharp on screen and legible in print,
/// while drawing the text (most of the work) stays quick.
const SCALE: f32 = 1.25;

impl BarChart {
    /// Bars laid out one to a row, with a labelled grid line at each of `ticks` (a share of the
    /// plot and its label).
    pub fn new(rows: Vec<Row>, ticks: &[(f64, &str)]) -> BarChart {
        let bars: Vec<Bar> = rows
            .into_iter()
            .enumerate()
            .map(|(i, row)| Bar {
                label: row.label,
                value: row.text,
                y: i as f64 * ROW,
                // A zero keeps a sliver of bar, so it reads as zero rather than missing.
                width: row
                    .fraction
                    .map_or(0.0, |f| (f.clamp(0.0, 1.0) * SPAN).max(2.0)),
                fill: row.tone.strong(),
            })
            .collect();
        let plot_bottom = bars.len() as f64 * ROW;
        BarChart {
            width: LABEL + SPAN + VALUE,
            height: plot_bottom + if ticks.is_empty() { 0.0 } else { AXIS },
            left: LABEL,
            plot_bottom,
            ticks: ticks
                .iter()
                .map(|(at, label)| Tick {
                    x: LABEL + at * SPAN,
                    label: label.to_string(),
                })
                .collect(),
            bars,
        }
    }

    /// The size the chart is drawn at, in CSS pixels (96 to the inch).
    pub fn size(&self) -> (u32, u32) {
        (self.width.ceil() as u32, self.height.ceil() as u32)
    }

    /// The chart as a standalone SVG document.
    pub fn svg(&self) -> String {
        // Rendering only fails if writing to the string fails, which it cannot.
        Svg { c: self }.render().unwrap_or_default()
    }
}

/// The size of a line chart, in CSS pixels.
const LINES: (u32, u32) = (640, 260);

/// A chart as every format draws it: inline SVG on the web page, a picture in Word and a
/// native chart in a workbook. Markdown, which has no pictures, gives its figures in words.
#[derive(Clone)]
pub struct Chart {
    /// The web page's anchor, e.g. "chart-areas".
    pub id: &'static str,
    pub caption: String,
    /// What the chart shows, for a reader who cannot see it.
    pub alt: String,
    pub plot: Plot,
}

#[derive(Clone)]
pub enum Plot {
    /// Horizontal bars, one a row; a full bar stands for `scale`.
    Bars {
        rows: Vec<Row>,
        ticks: Vec<(f64, String)>,
        scale: f64,
    },
    /// Scores from 0 to 100 over periods, one line per series.
    Lines {
        periods: Vec<String>,
        series: Vec<Vec<Option<f64>>>,
    },
}

impl Chart {
    /// The chart as a standalone SVG document.
    pub fn svg(&self) -> String {
        match (&self.plot, self.bars()) {
            (_, Some(bars)) => bars.svg(),
            (Plot::Lines { periods, series }, None) => {
                let (w, h) = LINES;
                super::lines::LineChart::new(w.into(), h.into(), periods, series).svg()
            }
            (Plot::Bars { .. }, None) => String::new(),
        }
    }

    /// The bars laid out, for a bar chart.
    fn bars(&self) -> Option<BarChart> {
        match &self.plot {
            Plot::Bars { rows, ticks, .. } => {
                let ticks: Vec<(f64, &str)> =
                    ticks.iter().map(|(at, l)| (*at, l.as_str())).collect();
                Some(BarChart::new(rows.clone(), &ticks))
            }
            Plot::Lines { .. } => None,
        }
    }

    /// The size the chart is drawn at, in CSS pixels (96 to the inch).
    pub fn size(&self) -> (u32, u32) {
        self.bars().map_or(LINES, |b| b.size())
    }

    /// The chart as a picture.
    pub fn png(&self) -> Result<Png, ChartError> {
        rasterise(&self.svg(), SCALE)
    }

    /// Each bar or point with its value in words, for media without pictures.
    pub fn labelled(&self) -> Vec<(String, String)> {
        match &self.plot {
            Plot::Bars { rows, .. } => rows
                .iter()
                .map(|r| (r.label.clone(), r.text.clone()))
                .collect(),
            Plot::Lines { .. } => self
                .line()
                .into_iter()
                .map(|(p, v)| (p, super::figures::score_text(v)))
                .collect(),
        }
    }

    /// The first line's score in each period, for a line chart.
    fn line(&self) -> Vec<(String, Option<f64>)> {
        match &self.plot {
            Plot::Lines { periods, series } => series.first().map_or(Vec::new(), |s| {
                periods.iter().cloned().zip(s.iter().copied()).collect()
            }),
            Plot::Bars { .. } => Vec::new(),
        }
    }

    /// The chart's figures as (category, value) pairs, for a native chart or a table; a
    /// missing value is left out rather than read as zero.
    pub fn points(&self) -> Vec<(String, f64)> {
        match &self.plot {
            Plot::Bars { rows, scale, .. } => rows
                .iter()
                .filter_map(|r| {
                    r.fraction
                        .map(|f| (r.label.clone(), super::figures::round1(f * scale)))
                })
                .collect(),
            Plot::Lines { .. } => self
                .line()
                .into_iter()
                .filter_map(|(p, v)| v.map(|v| (p, v)))
                .collect(),
        }
    }
}

/// A picture and the size it is shown at, in CSS pixels (96 to the inch).
#[derive(Debug, Clone)]
pub struct Png {
    pub bytes: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// Why a chart could not be drawn; the SVG is probity's own, so this is a bug, not bad input.
#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    #[error("the chart is not valid SVG: {0}")]
    Svg(#[from] usvg::Error),
    #[error("the chart could not be drawn")]
    Draw,
    #[error("the chart could not be encoded: {0}")]
    Encode(#[from] png::EncodingError),
}

/// The shipped font, loaded once per process.
fn fonts() -> Arc<usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut db = usvg::fontdb::Database::new();
            db.load_font_source(usvg::fontdb::Source::Binary(Arc::new(
                dejavu::sans::regular(),
            )));
            Arc::new(db)
        })
        .clone()
}

fn rasterise(svg: &str, scale: f32) -> Result<Png, ChartError> {
    let options = usvg::Options {
        font_family: "DejaVu Sans".into(),
        fontdb: fonts(),
        // The SVG names no image, and none may be fetched if one ever appeared.
        image_href_resolver: usvg::ImageHrefResolver {
            resolve_data: Box::new(|_, _, _| None),
            resolve_string: Box::new(|_, _| None),
        },
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options)?;
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(
        (size.width() as f32 * scale).ceil() as u32,
        (size.height() as f32 * scale).ceil() as u32,
    )
    .ok_or(ChartError::Draw)?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    Ok(Png {
        bytes: encode(&pixmap)?,
        width: size.width(),
        height: size.height(),
    })
}

/// The picture as an RGB PNG with fast compression, which suits a chart's flat colours: a
/// chart has an opaque white background, so its premultiplied pixels are its colours.
fn encode(pixmap: &tiny_skia::Pixmap) -> Result<Vec<u8>, png::EncodingError> {
    let rgb: Vec<u8> = pixmap
        .data()
        .chunks_exact(4)
        .flat_map(|p| [p[0], p[1], p[2]])
        .collect();
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&rgb)?;
    writer.finish()?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(label: &str, fraction: Option<f64>) -> Row {
        Row {
            label: label.into(),
            fraction,
            text: fraction.map_or("not scored".into(), |f| format!("{}", f * 100.0)),
            tone: Tone::Good,
        }
    }

    #[test]
    fn bars_scale_and_rows_without_a_value_have_none() {
        let chart = BarChart::new(
            vec![row("a", Some(0.5)), row("b", None)],
            &[(0.0, "0"), (0.5, "50"), (1.0, "100")],
        );
        assert_eq!(chart.bars[0].width, SPAN / 2.0);
        assert_eq!(chart.bars[1].width, 0.0);
        assert_eq!(chart.ticks[2].x, LABEL + SPAN);
        assert_eq!(chart.height, 2.0 * ROW + AXIS);
    }

    #[test]
    fn labels_are_text_not_markup() {
        let label = "<image href=\"/etc/passwd\"/>";
        let svg = BarChart::new(vec![row(label, Some(1.0))], &[]).svg();
        let doc = usvg::roxmltree::Document::parse(&svg).expect("well-formed SVG");
        assert!(doc.descendants().all(|n| n.tag_name().name() != "image"));
        assert!(doc.descendants().any(|n| n.text() == Some(label)), "{svg}");
    }

    #[test]
    fn charts_rasterise_with_the_shipped_font() {
        let chart = Chart {
            id: "chart",
            caption: "Scores".into(),
            alt: "Two bars".into(),
            plot: Plot::Bars {
                rows: vec![row("Training", Some(0.8)), row("Vetting", None)],
                ticks: vec![(0.0, "0".into()), (1.0, "100".into())],
                scale: 100.0,
            },
        };
        assert_eq!(chart.points(), [("Training".to_string(), 80.0)]);
        let png = chart.png().expect("a picture");
        assert_eq!(
            (png.width, png.height),
            ((LABEL + SPAN + VALUE) as u32, (2.0 * ROW + AXIS) as u32)
        );
        // The labels are drawn: resvg leaves out text whose font it cannot find.
        let pixmap = tiny_skia::Pixmap::decode_png(&png.bytes).expect("a PNG");
        let (w, h) = ((LABEL as f32 * SCALE) as u32, (ROW as f32 * SCALE) as u32);
        let label_ink = (0..w)
            .flat_map(|x| (0..h).map(move |y| (x, y)))
            .filter(|&(x, y)| pixmap.pixel(x, y).is_some_and(|p| p.red() < 128))
            .count();
        assert!(label_ink > 50, "the label has {label_ink} dark pixels");
    }
}
