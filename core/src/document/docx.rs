//! Word building blocks that every document written as DOCX shares: real Word styles (Title,
//! Heading 1 and 2, so the navigation pane and a table of contents work), A4 pages whose header
//! and footer carry the protective marking and "Page n of N", tables, bulleted lists, and charts
//! as pictures with alt text. Tables repeat their header row on every page and keep each row
//! whole, headings keep with what follows, and the file's properties carry its title, author
//! and creation time.
//!
//! Text from files only ever becomes the text of a run: never a field code, a hyperlink or a
//! style name, so nothing typed into an assessment can act when the document is opened. The
//! only fields are the page numbers this module puts in the footer.

use std::io::Cursor;

use docx_rs::{
    AbstractNumbering, AlignmentType, BreakType, Docx, DocxError, Footer, Header, IndentLevel,
    Level, LevelJc, LevelText, LineSpacing, LineSpacingType, NumPages, NumberFormat, Numbering,
    NumberingId, PageMargin, PageNum, Paragraph, Pic, Run, RunFonts, Shading, SpecialIndentType,
    Start, Style, StyleType, Table, TableCell, TableLayoutType, TableRow, WidthType,
};

use jiff::Timestamp;
use quick_xml::events::{BytesStart, Event};

use super::chart::{Chart, ChartError, Png};
use super::tone::Tone;
use crate::text;

/// A4 in twentieths of a point.
const PAGE: (u32, u32) = (11906, 16838);
/// 2 cm margins all round.
const MARGIN: i32 = 1134;
/// The width between the margins, which tables fill.
const TEXT_WIDTH: usize = PAGE.0 as usize - 2 * MARGIN as usize;
/// English Metric Units per CSS pixel (96 to the inch).
const EMU_PER_PX: u32 = 9525;

use super::tone::{ACCENT as NAVY, MARKING, MUTED};
/// The bullet list's numbering; docx-rs defines a numbered list of its own as 1.
const BULLETS: usize = 2;

/// Why a Word document could not be built. Every input is text, so these are bugs, not bad input.
#[derive(Debug, thiserror::Error)]
pub enum WordError {
    #[error(transparent)]
    Chart(#[from] ChartError),
    #[error("the document could not be packed: {0}")]
    Pack(#[from] DocxError),
    #[error("the charts could not be placed in the document")]
    Pictures,
    #[error("the document's XML could not be finished: {0}")]
    Xml(String),
}

/// A Word document being written, top to bottom.
pub struct Word {
    /// The package: styles, page, header and footer.
    docx: Docx,
    /// The body so far, added to the package once, when it is finished.
    body: Vec<Block>,
    /// The charts, drawn when the document is finished.
    charts: Vec<Pending>,
    /// Whether the body ends with a table, which the next paragraph must stand apart from.
    after_table: bool,
    /// For each table in the body, in order, whether its first row is a header row.
    headed: Vec<bool>,
    /// What the file says about itself.
    properties: Properties,
}

/// What a Word file says about itself (File > Properties, and a file manager's columns).
struct Properties {
    title: String,
    author: String,
    created: Timestamp,
}

/// The author a document names when no person is recorded as its author.
pub const AUTHOR: &str = "probity";

enum Block {
    Paragraph(Box<Paragraph>),
    Table(Box<Table>),
}

/// A chart being drawn on a thread of its own while the rest of the document is written; its
/// picture stands in the body with placeholder bytes until then.
struct Pending {
    id: String,
    alt: String,
    drawing: std::thread::JoinHandle<Result<Png, ChartError>>,
}

impl Word {
    /// An empty A4 document whose every page carries `marking` at its top and foot, `running`
    /// (what the document is) under the top marking, and "Page n of N" at the foot.
    pub fn new(marking: &str, running: &str) -> Word {
        let marking = text::sanitize_line(marking);
        let marked = || {
            Paragraph::new()
                .style("Header")
                .align(AlignmentType::Center)
                .add_run(Run::new().add_text(marking.as_str()).bold().color(MARKING))
        };
        let header = Header::new().add_paragraph(marked()).add_paragraph(
            Paragraph::new()
                .style("Header")
                .align(AlignmentType::Center)
                .add_run(
                    Run::new()
                        .add_text(text::sanitize_line(running))
                        .color(MUTED),
                ),
        );
        let footer = Footer::new().add_paragraph(marked()).add_paragraph(
            Paragraph::new()
                .style("Footer")
                .align(AlignmentType::Center)
                .add_run(Run::new().add_text("Page ").color(MUTED))
                .add_page_num(PageNum::new())
                .add_run(Run::new().add_text(" of ").color(MUTED))
                .add_num_pages(NumPages::new()),
        );
        let mut docx = Docx::new()
            .page_size(PAGE.0, PAGE.1)
            .page_margin(PageMargin {
                top: MARGIN,
                left: MARGIN,
                bottom: MARGIN,
                right: MARGIN,
                header: 567,
                footer: 567,
                gutter: 0,
            })
            .header(header)
            .footer(footer)
            .default_fonts(
                RunFonts::new()
                    .ascii("Arial")
                    .hi_ansi("Arial")
                    .cs("Arial")
                    .east_asia("Arial"),
            )
            .default_size(20)
            .default_line_spacing(
                LineSpacing::new()
                    .after(100)
                    .line(264)
                    .line_rule(LineSpacingType::Auto),
            )
            .add_abstract_numbering(
                AbstractNumbering::new(BULLETS).add_level(
                    Level::new(
                        0,
                        Start::new(1),
                        NumberFormat::new("bullet"),
                        LevelText::new("•"),
                        LevelJc::new("left"),
                    )
                    .indent(
                        Some(360),
                        Some(SpecialIndentType::Hanging(240)),
                        None,
                        None,
                    ),
                ),
            )
            .add_numbering(Numbering::new(BULLETS, BULLETS));
        for style in styles() {
            docx = docx.add_style(style);
        }
        Word {
            docx,
            body: Vec::new(),
            charts: Vec::new(),
            after_table: false,
            headed: Vec::new(),
            properties: Properties {
                title: text::sanitize_line(running),
                author: AUTHOR.into(),
                created: Timestamp::now(),
            },
        }
    }

    /// The file's title, its author (the assessor; probity when none is named) and when it
    /// was created. Without this the title is the running title, the author probity and the
    /// time the document was begun.
    pub fn properties(&mut self, title: &str, author: Option<&str>, created: Timestamp) {
        let author = author.map(text::sanitize_line).unwrap_or_default();
        self.properties = Properties {
            title: text::sanitize_line(title),
            author: if author.trim().is_empty() {
                AUTHOR.into()
            } else {
                author
            },
            created,
        };
    }

    fn add(&mut self, p: Paragraph) {
        self.close_table("Gap");
        self.body.push(Block::Paragraph(Box::new(p)));
    }

    /// Word joins two tables that touch, and a document cannot end with one, so a table is
    /// followed by a paragraph of `style`: a small gap, or at the end a hairline that cannot
    /// spill onto a page of its own.
    fn close_table(&mut self, style: &str) {
        if std::mem::take(&mut self.after_table) {
            self.body
                .push(Block::Paragraph(Box::new(Paragraph::new().style(style))));
        }
    }

    /// The document's title, in the Title style.
    pub fn title(&mut self, text: &str) {
        self.add(Paragraph::new().style("Title").add_run(run(text)));
    }

    /// A line under the title, in the Subtitle style.
    pub fn subtitle(&mut self, text: &str) {
        self.add(Paragraph::new().style("Subtitle").add_run(run(text)));
    }

    /// A Heading 1; `new_page` starts it on a fresh page.
    pub fn h1(&mut self, text: &str, new_page: bool) {
        self.add(
            Paragraph::new()
                .style("Heading1")
                .keep_next(true)
                .page_break_before(new_page)
                .add_run(run(text)),
        );
    }

    /// A Heading 2.
    pub fn h2(&mut self, text: &str) {
        self.add(
            Paragraph::new()
                .style("Heading2")
                .keep_next(true)
                .add_run(run(text)),
        );
    }

    /// Text in paragraphs: a blank line starts a new one, a single line break stays a break.
    pub fn text(&mut self, text: &str) {
        for p in super::figures::paragraphs(text) {
            self.add(paragraph(&[Span::plain(p)]));
        }
    }

    /// One paragraph made of spans of differing emphasis.
    pub fn spans(&mut self, spans: &[Span]) {
        self.add(paragraph(spans));
    }

    /// A bulleted list, one paragraph per entry.
    pub fn bullets(&mut self, items: &[Vec<Span>]) {
        for item in items {
            self.add(
                paragraph(item)
                    .style("ListBullet")
                    .numbering(NumberingId::new(BULLETS), IndentLevel::new(0)),
            );
        }
    }

    /// Label and value pairs as a two-column table without a header row.
    pub fn facts(&mut self, rows: &[(String, Vec<Span>)]) {
        let mut grid = Grid::new(&[("", 3), ("", 7)]).headless();
        for (label, value) in rows {
            grid.row(vec![Cell::bold(label), Cell::spans(value.clone())]);
        }
        self.table(grid);
    }

    pub fn table(&mut self, grid: Grid) {
        self.close_table("Gap");
        self.headed.push(!grid.headless);
        self.body.push(Block::Table(Box::new(grid.build())));
        self.after_table = true;
    }

    /// A chart as a picture, fitted to the page width, described by `alt` for readers who
    /// cannot see it, and captioned. It is drawn on another thread, starting now.
    pub fn chart(&mut self, chart: Chart) {
        let (caption, alt) = (chart.caption.clone(), chart.alt.clone());
        let (w, h) = chart.size();
        let width = w.min(TEXT_WIDTH as u32 / 15);
        let height = h * width / w.max(1);
        // Placeholder bytes unique to the picture, so the package keeps one file for each.
        let n = self.charts.len();
        let pic = Pic::new_with_dimensions(n.to_le_bytes().to_vec(), w, h)
            .size(width * EMU_PER_PX, height * EMU_PER_PX);
        self.charts.push(Pending {
            id: pic.id.clone(),
            alt: text::sanitize_line(&alt),
            drawing: std::thread::spawn(move || chart.png()),
        });
        self.add(
            Paragraph::new()
                .style("Caption")
                .keep_next(true)
                .add_run(run(&caption)),
        );
        self.add(Paragraph::new().add_run(Run::new().add_image(pic)));
    }

    /// The finished document's bytes, once the charts are drawn and put in place.
    pub fn finish(mut self) -> Result<Vec<u8>, WordError> {
        self.close_table("End");
        let docx = self
            .body
            .into_iter()
            .fold(self.docx, |d, block| match block {
                Block::Paragraph(p) => d.add_paragraph(*p),
                Block::Table(t) => d.add_table(*t),
            });
        let mut xml = docx.build();
        let mut alt = Vec::new();
        for chart in self.charts {
            let png = chart
                .drawing
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e))?;
            let slot = xml
                .media
                .iter_mut()
                .find(|(id, _)| *id == chart.id)
                .ok_or(WordError::Pictures)?;
            slot.1 = png.bytes;
            alt.push(chart.alt);
        }
        let alt: Vec<&str> = alt.iter().map(String::as_str).collect();
        xml.document = describe_pictures(&xml.document, &alt)?;
        xml.document = repeat_header_rows(&xml.document, &self.headed)?;
        xml.styles = mark_default_style(&xml.styles)?;
        xml.doc_props.core = core_properties(&self.properties)?;
        let mut out = Cursor::new(Vec::new());
        xml.pack(&mut out).map_err(DocxError::from)?;
        Ok(out.into_inner())
    }
}

/// The picture properties docx-rs writes for every picture, with no description.
const DOC_PR: &str = r#"<wp:docPr id="1" name="Figure" />"#;

/// Gives each picture its own id, a name and its alt text (`descr`), which docx-rs has no way
/// to set. Fails if the pictures written are not exactly the charts added.
fn describe_pictures(document: &[u8], alt: &[&str]) -> Result<Vec<u8>, WordError> {
    let xml = std::str::from_utf8(document).map_err(|_| WordError::Pictures)?;
    let parts: Vec<&str> = xml.split(DOC_PR).collect();
    if parts.len() != alt.len() + 1 {
        return Err(WordError::Pictures);
    }
    let mut out = String::with_capacity(xml.len() + alt.iter().map(|a| a.len()).sum::<usize>());
    out.push_str(parts[0]);
    for (n, (descr, rest)) in alt.iter().zip(&parts[1..]).enumerate() {
        out.push_str(&format!(
            r#"<wp:docPr id="{id}" name="Chart {id}" descr="{}" />"#,
            quick_xml::escape::escape(*descr),
            id = n + 1
        ));
        out.push_str(rest);
    }
    Ok(out.into_bytes())
}

pub use super::model::Span;

/// A run of cleaned text; line breaks inside it become breaks in the run.
fn run(text: &str) -> Run {
    let clean = text::sanitize(text);
    let mut r = Run::new();
    for (i, line) in clean.split('\n').enumerate() {
        if i > 0 {
            r = r.add_break(BreakType::TextWrapping);
        }
        r = r.add_text(line);
    }
    r
}

fn paragraph(spans: &[Span]) -> Paragraph {
    add_spans(Paragraph::new(), spans)
}

fn add_spans(p: Paragraph, spans: &[Span]) -> Paragraph {
    spans.iter().fold(p, |p, s| {
        let mut r = run(&s.text);
        if s.bold {
            r = r.bold();
        }
        if s.italic {
            r = r.italic();
        }
        match (s.tone, s.badge) {
            (Some(tone), true) => {
                r = r
                    .color(tone.ink())
                    .shading(Shading::new().fill(tone.fill()));
            }
            (Some(tone), false) => r = r.color(tone.ink()),
            (None, _) if s.muted => r = r.color(MUTED),
            (None, _) => {}
        }
        p.add_run(r)
    })
}

/// One table cell: lines of spans, optionally shaded in a tone.
#[derive(Debug, Clone, Default)]
pub struct Cell {
    lines: Vec<Vec<Span>>,
    tone: Option<Tone>,
    right: bool,
}

impl Cell {
    pub fn text(text: &str) -> Cell {
        Cell::spans(vec![Span::plain(text)])
    }

    pub fn bold(text: &str) -> Cell {
        Cell::spans(vec![Span::bold(text)])
    }

    /// A number, set to the right so figures line up.
    pub fn number(text: &str) -> Cell {
        Cell {
            right: true,
            ..Cell::text(text)
        }
    }

    pub fn spans(spans: Vec<Span>) -> Cell {
        Cell {
            lines: vec![spans],
            ..Cell::default()
        }
    }

    /// Adds a line under what the cell holds.
    pub fn then(mut self, spans: Vec<Span>) -> Cell {
        self.lines.push(spans);
        self
    }

    /// Shades the cell in a tone's fill, with its text in the tone's ink.
    pub fn toned(mut self, tone: Tone) -> Cell {
        self.tone = Some(tone);
        for span in self.lines.iter_mut().flatten() {
            span.tone = Some(tone);
            span.badge = false;
            span.bold = true;
        }
        self
    }

    fn build(self, width: usize, style: &str) -> TableCell {
        let mut cell = TableCell::new().width(width, WidthType::Dxa);
        if let Some(tone) = self.tone {
            cell = cell.shading(Shading::new().fill(tone.fill()));
        }
        // One paragraph, its parts on lines of their own: fewer paragraphs make a smaller
        // document that Word and LibreOffice open faster, and read the same.
        let mut p = Paragraph::new().style(style);
        for (i, spans) in self.lines.iter().enumerate() {
            if i > 0 {
                p = p.add_run(Run::new().add_break(BreakType::TextWrapping));
            }
            p = add_spans(p, spans);
        }
        if self.right {
            p = p.align(AlignmentType::Right);
        }
        cell.add_paragraph(p)
    }
}

/// A table the width of the page: a shaded header row and then the rows given.
pub struct Grid {
    header: Vec<String>,
    widths: Vec<usize>,
    rows: Vec<Vec<Cell>>,
    headless: bool,
    /// The paragraph style of every cell.
    style: &'static str,
}

impl Grid {
    /// Columns as (heading, relative width).
    pub fn new(columns: &[(&str, usize)]) -> Grid {
        let total: usize = columns.iter().map(|c| c.1).sum::<usize>().max(1);
        Grid {
            header: columns.iter().map(|c| c.0.to_string()).collect(),
            widths: columns.iter().map(|c| TEXT_WIDTH * c.1 / total).collect(),
            rows: Vec::new(),
            headless: false,
            style: "TableText",
        }
    }

    fn headless(mut self) -> Grid {
        self.headless = true;
        self
    }

    /// Smaller text, for a table of many narrow columns whose headings would otherwise break
    /// inside words.
    pub fn compact(mut self) -> Grid {
        self.style = "TableSmall";
        self
    }

    pub fn row(&mut self, cells: Vec<Cell>) {
        self.rows.push(cells);
    }

    fn build(self) -> Table {
        let widths = self.widths;
        let header = (!self.headless).then(|| {
            TableRow::new(
                self.header
                    .iter()
                    .zip(&widths)
                    .map(|(h, w)| {
                        TableCell::new()
                            .width(*w, WidthType::Dxa)
                            .shading(Shading::new().fill(NAVY))
                            .add_paragraph(
                                Paragraph::new()
                                    .style(self.style)
                                    .add_run(run(h).bold().color("FFFFFF")),
                            )
                    })
                    .collect(),
            )
            .cant_split()
        });
        // A row never splits across pages: a finding and its reason stay together.
        let rows = header.into_iter().chain(self.rows.into_iter().map(|cells| {
            TableRow::new(
                cells
                    .into_iter()
                    .zip(&widths)
                    .map(|(c, w)| c.build(*w, self.style))
                    .collect(),
            )
            .cant_split()
        }));
        Table::new(rows.collect())
            .set_grid(widths.clone())
            .width(TEXT_WIDTH, WidthType::Dxa)
            .layout(TableLayoutType::Fixed)
    }
}

/// The styles the document uses, with Word's own names so Word and LibreOffice treat them as
/// their built-in Title, headings, caption, header and footer.
fn styles() -> Vec<Style> {
    let paragraph = |id: &str, name: &str| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
    };
    // A heading stays on the page of what it heads, in the style as well as on each heading.
    let heading = |id: &str, name: &str| {
        let mut style = paragraph(id, name);
        style.paragraph_property = style.paragraph_property.keep_next(true);
        style
    };
    vec![
        paragraph("Title", "Title")
            .size(40)
            .bold()
            .color(NAVY)
            .line_spacing(LineSpacing::new().after(80)),
        paragraph("Subtitle", "Subtitle")
            .size(24)
            .color(MUTED)
            .line_spacing(LineSpacing::new().after(240)),
        heading("Heading1", "heading 1")
            .size(30)
            .bold()
            .color(NAVY)
            .outline_lvl(0)
            .line_spacing(LineSpacing::new().before(360).after(120)),
        heading("Heading2", "heading 2")
            .size(24)
            .bold()
            .color(NAVY)
            .outline_lvl(1)
            .line_spacing(LineSpacing::new().before(240).after(80)),
        paragraph("Caption", "caption")
            .size(18)
            .bold()
            .line_spacing(LineSpacing::new().before(120).after(60)),
        paragraph("TableText", "Table Text")
            .size(18)
            .line_spacing(LineSpacing::new().before(20).after(20)),
        paragraph("TableSmall", "Table Text Small")
            .size(14)
            .line_spacing(LineSpacing::new().before(10).after(10)),
        paragraph("ListBullet", "List Bullet"),
        paragraph("Gap", "Table Gap")
            .size(8)
            .line_spacing(LineSpacing::new().after(0)),
        paragraph("End", "Table End").size(2).line_spacing(
            LineSpacing::new()
                .before(0)
                .after(0)
                .line(20)
                .line_rule(LineSpacingType::Exact),
        ),
        paragraph("Header", "header").size(16),
        paragraph("Footer", "footer").size(16),
    ]
}

/// Rewrites an XML part event by event: `change` sees each event and writes what stands in
/// its place. Everything it passes on is written back as it was read.
fn rewrite(
    xml: &[u8],
    mut change: impl FnMut(Event<'_>, &mut quick_xml::Writer<Vec<u8>>) -> std::io::Result<()>,
) -> Result<Vec<u8>, WordError> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut writer = quick_xml::Writer::new(Vec::with_capacity(xml.len() + 1024));
    loop {
        match reader.read_event() {
            Ok(Event::Eof) => return Ok(writer.into_inner()),
            Ok(event) => change(event, &mut writer).map_err(|e| WordError::Xml(e.to_string()))?,
            Err(e) => return Err(WordError::Xml(e.to_string())),
        }
    }
}

/// Marks the first row of each table with a header row as a header (`w:tblHeader`), so Word
/// and LibreOffice repeat it at the top of every page the table runs onto; docx-rs cannot say
/// so. `headed` says, table by table in the body's order, which have one. Fails if the body
/// holds other tables than those.
fn repeat_header_rows(document: &[u8], headed: &[bool]) -> Result<Vec<u8>, WordError> {
    let mut tables = 0;
    let mut depth = 0;
    // Within a headed table, until its first row's properties are written.
    let mut pending = false;
    let header = || Event::Empty(BytesStart::new("w:tblHeader"));
    let out = rewrite(document, |event, w| {
        match &event {
            Event::Start(e) if e.name().as_ref() == b"w:tbl" => {
                depth += 1;
                if depth == 1 {
                    pending = headed.get(tables).copied().unwrap_or(false);
                    tables += 1;
                }
            }
            Event::End(e) if e.name().as_ref() == b"w:tbl" => depth -= 1,
            _ => {}
        }
        match event {
            Event::Empty(e) if pending && e.name().as_ref() == b"w:trPr" => {
                pending = false;
                w.write_event(Event::Start(e.borrow()))?;
                w.write_event(header())?;
                w.write_event(Event::End(e.to_end()))
            }
            Event::Start(e) if pending && e.name().as_ref() == b"w:trPr" => {
                pending = false;
                w.write_event(Event::Start(e))?;
                w.write_event(header())
            }
            event => w.write_event(event),
        }
    })?;
    if tables != headed.len() {
        return Err(WordError::Xml(format!(
            "{tables} tables written for {} added",
            headed.len()
        )));
    }
    Ok(out)
}

/// Marks the Normal style as the default paragraph style (`w:default="1"`), which docx-rs
/// leaves unsaid: Word then applies it to any paragraph that names no style.
fn mark_default_style(styles: &[u8]) -> Result<Vec<u8>, WordError> {
    let mut marked = false;
    let out = rewrite(styles, |event, w| match event {
        Event::Start(e)
            if e.name().as_ref() == b"w:style"
                && e.try_get_attribute("w:styleId")
                    .ok()
                    .flatten()
                    .is_some_and(|a| a.value.as_ref() == b"Normal") =>
        {
            marked = true;
            let mut style = e.into_owned();
            if style
                .try_get_attribute("w:default")
                .ok()
                .flatten()
                .is_none()
            {
                style.push_attribute(("w:default", "1"));
            }
            w.write_event(Event::Start(style))
        }
        event => w.write_event(event),
    })?;
    if !marked {
        return Err(WordError::Xml("no Normal style".into()));
    }
    Ok(out)
}

/// The package's core properties (`docProps/core.xml`): title, author, and when the file was
/// created, which docx-rs would give as 1 January 1970 by "unknown".
fn core_properties(p: &Properties) -> Result<Vec<u8>, WordError> {
    use quick_xml::events::{BytesDecl, BytesText};
    let when = p.created.strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
    let mut w = quick_xml::Writer::new(Vec::new());
    let mut write = || -> std::io::Result<()> {
        w.write_event(Event::Decl(BytesDecl::new(
            "1.0",
            Some("UTF-8"),
            Some("yes"),
        )))?;
        w.create_element("cp:coreProperties")
            .with_attributes([
                (
                    "xmlns:cp",
                    "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
                ),
                ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
                ("xmlns:dcterms", "http://purl.org/dc/terms/"),
                ("xmlns:dcmitype", "http://purl.org/dc/dcmitype/"),
                ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ])
            .write_inner_content(|w| {
                w.create_element("dc:title")
                    .write_text_content(BytesText::new(&p.title))?;
                w.create_element("dc:creator")
                    .write_text_content(BytesText::new(&p.author))?;
                w.create_element("cp:lastModifiedBy")
                    .write_text_content(BytesText::new(&p.author))?;
                w.create_element("cp:revision")
                    .write_text_content(BytesText::new("1"))?;
                for element in ["dcterms:created", "dcterms:modified"] {
                    w.create_element(element)
                        .with_attribute(("xsi:type", "dcterms:W3CDTF"))
                        .write_text_content(BytesText::new(&when))?;
                }
                Ok(())
            })?;
        Ok(())
    };
    write().map_err(|e| WordError::Xml(e.to_string()))?;
    Ok(w.into_inner())
}

/// When a document produced on `date` was created: now when that is today, otherwise (a
/// document produced as of another day, for a test or a reproducible copy) the start of that
/// day, so its properties agree with the date it says it was produced.
pub fn created_on(date: jiff::civil::Date) -> Timestamp {
    let now = Timestamp::now();
    if now.to_zoned(jiff::tz::TimeZone::UTC).date() == date {
        now
    } else {
        date.to_zoned(jiff::tz::TimeZone::UTC)
            .map_or(now, |day| day.timestamp())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_picture_gets_its_description() {
        let doc = format!("<a>{DOC_PR}<b/>{DOC_PR}</a>");
        let out = describe_pictures(doc.as_bytes(), &["one", "<two & \"three\">"]).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(
            out.contains(r#"id="1" name="Chart 1" descr="one""#),
            "{out}"
        );
        assert!(
            out.contains(r#"id="2" name="Chart 2" descr="&lt;two &amp; &quot;three&quot;&gt;""#),
            "{out}"
        );
        assert!(describe_pictures(doc.as_bytes(), &["one"]).is_err());
    }

    #[test]
    fn a_document_packs() {
        let mut w = Word::new("OFFICIAL", "A test");
        w.title("Title");
        w.h1("Heading", false);
        w.text("one\n\ntwo\nlines");
        w.chart(crate::document::chart::Chart {
            id: "chart",
            caption: "Figure".into(),
            alt: "One bar".into(),
            plot: crate::document::chart::Plot::Bars {
                rows: vec![crate::document::chart::Row {
                    label: "a".into(),
                    fraction: Some(1.0),
                    text: "1".into(),
                    tone: Tone::Good,
                }],
                ticks: Vec::new(),
                scale: 1.0,
            },
        });
        let bytes = w.finish().unwrap();
        assert!(bytes.starts_with(b"PK"));
        let doc = docx_rs::read_docx(&bytes).unwrap();
        assert!(doc.document.children.len() > 3);
    }
}
