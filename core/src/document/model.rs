//! The format-neutral document: what a reader reads, in order, with no format's syntax in it.
//! Each document (gap report, comparison, trend, summary) is laid out once as a [`Doc`], and
//! each format has one backend in [`super::backend`] that renders any `Doc`. A section added to
//! a layout therefore appears in every format, and a format added is one backend.

use super::Page;
use super::chart::Chart;
use super::tone::Tone;
pub use super::workbook::Value;

/// A document laid out for reading.
pub struct Doc {
    pub meta: Meta,
    pub blocks: Vec<Block>,
}

/// What every document says about itself, and every backend prints.
pub struct Meta {
    /// "Integrity self-assessment: Dorset Police, 2012".
    pub title: String,
    /// What kind of document this is, e.g. "Gap report"; the subtitle starts with it.
    pub kind: &'static str,
    /// The running header under the marking on every printed page.
    pub running: String,
    /// The marking, the date produced and the as-at date.
    pub page: Page,
    /// What the as-at date means for this document, when not what it means for a report
    /// (which judges actions overdue by it).
    pub as_at: Option<String>,
    /// The assessor, when one is recorded and may be named: the file's author.
    pub author: Option<String>,
    /// "DRAFT", "FINAL" and so on, with its colour, beside the title.
    pub badge: Option<(String, Tone)>,
    /// The name of the workbook's first sheet, which holds everything that is not a table.
    pub front_sheet: &'static str,
}

impl Meta {
    /// When and by what the document was produced, as every format closes.
    pub fn produced(&self) -> String {
        format!(
            "Produced {} by probity.",
            super::long_date(self.page.generated)
        )
    }

    /// The as-at date in a sentence, saying what it governs.
    pub fn as_at_sentence(&self) -> String {
        self.as_at
            .clone()
            .unwrap_or_else(|| self.page.as_at_sentence())
    }
}

/// One thing on the page.
pub enum Block {
    /// A group of blocks: a `<section>` on the web page, nothing of its own elsewhere.
    Section {
        id: &'static str,
        blocks: Vec<Block>,
    },
    /// A heading; level 2 is a main section, 3 a subsection, 4 a group in a list.
    Heading {
        level: u8,
        text: Vec<Span>,
        new_page: bool,
    },
    Para {
        spans: Vec<Span>,
        kind: Para,
    },
    /// Label and value pairs, e.g. the cover's facts.
    Facts(Vec<(String, Vec<Span>)>),
    Bullets(Vec<Vec<Span>>),
    Table(Table),
    /// Boxed entries of label and value, e.g. findings; a workbook makes them one sheet with
    /// a row per card.
    Cards {
        sheet: &'static str,
        cards: Vec<Card>,
    },
    Chart(Chart),
    /// Short lists under small headings, set in columns where the medium allows.
    Lists(Vec<(String, Vec<String>)>),
}

/// How a paragraph stands out.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Para {
    Body,
    /// Weightier than the body: the overall position.
    Lead,
    /// Quieter: a question's wording, an area's standing.
    Muted,
}

/// A run of text with its emphasis.
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    pub muted: bool,
    /// A colour for a judgement; with `badge`, a pale fill behind it as well.
    pub tone: Option<Tone>,
    pub badge: bool,
}

impl Span {
    pub fn plain(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            bold: false,
            italic: false,
            muted: false,
            tone: None,
            badge: false,
        }
    }

    pub fn bold(text: impl Into<String>) -> Span {
        Span {
            bold: true,
            ..Span::plain(text)
        }
    }

    pub fn italic(text: impl Into<String>) -> Span {
        Span {
            italic: true,
            ..Span::plain(text)
        }
    }

    pub fn muted(text: impl Into<String>) -> Span {
        Span {
            muted: true,
            ..Span::plain(text)
        }
    }

    /// A judgement on a pale fill of its tone, e.g. a rating or a severity.
    pub fn badge(text: impl Into<String>, tone: Tone) -> Span {
        Span {
            bold: true,
            tone: Some(tone),
            badge: true,
            ..Span::plain(text)
        }
    }

    /// Text in the strong colour of its tone, e.g. "overdue".
    pub fn toned(text: impl Into<String>, tone: Tone) -> Span {
        Span {
            bold: true,
            tone: Some(tone),
            ..Span::plain(text)
        }
    }
}

/// One plain span, for the many places that need no emphasis.
pub fn plain(text: impl Into<String>) -> Vec<Span> {
    vec![Span::plain(text)]
}

/// The spans' text joined, for media without emphasis.
pub fn text_of(spans: &[Span]) -> String {
    spans.iter().map(|s| s.text.as_str()).collect()
}

/// A table of typed cells; a workbook gives it a sheet of its own.
pub struct Table {
    /// The workbook sheet's name: short, and unique within the document.
    pub sheet: &'static str,
    /// What a group's heading names, e.g. "Area": a workbook's first column.
    pub group: &'static str,
    pub columns: Vec<Column>,
    /// Rows in groups, each under an optional heading (an area, say); a workbook puts the
    /// group's heading in a first column instead.
    pub groups: Vec<Group>,
}

pub struct Column {
    pub title: String,
    /// The share of the page's width, in percent.
    pub width: u8,
    /// Whether its cells are figures, set to the right.
    pub numeric: bool,
}

impl Column {
    pub fn text(title: impl Into<String>, width: u8) -> Column {
        Column {
            title: title.into(),
            width,
            numeric: false,
        }
    }

    pub fn figure(title: impl Into<String>, width: u8) -> Column {
        Column {
            numeric: true,
            ..Column::text(title, width)
        }
    }
}

/// Rows under a heading; the heading's lines say more about the group.
#[derive(Default)]
pub struct Group {
    pub heading: Option<String>,
    pub lines: Vec<(Para, String)>,
    pub rows: Vec<Vec<Cell>>,
}

impl Group {
    /// The group's heading and the lines under it, as blocks.
    pub fn intro(&self) -> Vec<Block> {
        let heading = self.heading.iter().map(|h| Block::Heading {
            level: 3,
            text: plain(h.as_str()),
            new_page: false,
        });
        let lines = self.lines.iter().map(|(kind, line)| Block::Para {
            spans: plain(line.as_str()),
            kind: *kind,
        });
        heading.chain(lines).collect()
    }
}

/// One cell: its value, shown as the medium shows that type, and lines beneath it (a note,
/// evidence, a flag).
pub struct Cell {
    pub value: Value,
    pub lines: Vec<Span>,
}

impl From<Value> for Cell {
    fn from(value: Value) -> Cell {
        Cell {
            value,
            lines: Vec::new(),
        }
    }
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Value::text(s).into()
    }

    /// A judgement shown as a badge of its tone.
    pub fn toned(s: impl Into<String>, tone: Tone) -> Cell {
        Value::Toned(s.into(), tone).into()
    }

    /// The cell with a line beneath its value.
    pub fn with(mut self, line: Span) -> Cell {
        self.lines.push(line);
        self
    }
}

/// One boxed entry: a heading, label and value pairs, and bullets.
pub struct Card {
    pub id: String,
    /// The colour of its edge, e.g. the severity.
    pub tone: Option<Tone>,
    pub heading: Vec<Span>,
    pub facts: Vec<(String, Vec<Span>)>,
    pub bullets: Vec<Vec<Span>>,
}

impl Table {
    /// A table of one group with no heading.
    pub fn new(sheet: &'static str, columns: Vec<Column>, rows: Vec<Vec<Cell>>) -> Table {
        Table {
            sheet,
            group: "",
            columns,
            groups: vec![Group {
                rows,
                ..Group::default()
            }],
        }
    }
}

impl Block {
    pub fn h2(text: impl Into<String>) -> Block {
        Block::Heading {
            level: 2,
            text: plain(text),
            new_page: false,
        }
    }

    pub fn h3(text: impl Into<String>) -> Block {
        Block::Heading {
            level: 3,
            text: plain(text),
            new_page: false,
        }
    }

    pub fn para(text: impl Into<String>) -> Block {
        Block::Para {
            spans: plain(text),
            kind: Para::Body,
        }
    }

    pub fn lead(text: impl Into<String>) -> Block {
        Block::Para {
            spans: plain(text),
            kind: Para::Lead,
        }
    }

    pub fn bullets<S: Into<String>>(items: impl IntoIterator<Item = S>) -> Block {
        Block::Bullets(items.into_iter().map(plain).collect())
    }
}
