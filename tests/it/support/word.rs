//! Reading a Word document back as Word and LibreOffice would: its structure through docx-rs's
//! reader, and its parts' XML through a real XML parser, for what the reader leaves out (field
//! codes, hyperlinks, picture descriptions).

use std::io::{Cursor, Read};

use docx_rs::{
    DocumentChild, Docx, HeaderChild, Paragraph, TableCellContent, TableChild, TableRowChild,
};

pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

pub struct WordDoc {
    pub docx: Docx,
    bytes: Vec<u8>,
}

/// A table as rows of cell texts.
pub type Rows = Vec<Vec<String>>;

impl WordDoc {
    pub fn read(bytes: Vec<u8>) -> WordDoc {
        assert!(bytes.starts_with(b"PK"), "a DOCX is a ZIP package");
        let docx = docx_rs::read_docx(&bytes).expect("a readable Word document");
        WordDoc { docx, bytes }
    }

    /// The XML of one part of the package, e.g. `word/document.xml`.
    pub fn part(&self, name: &str) -> String {
        let mut zip = zip::ZipArchive::new(Cursor::new(&self.bytes)).expect("a ZIP package");
        let mut text = String::new();
        zip.by_name(name)
            .unwrap_or_else(|_| panic!("no {name}"))
            .read_to_string(&mut text)
            .unwrap();
        text
    }

    /// Every part's name.
    pub fn parts(&self) -> Vec<String> {
        let zip = zip::ZipArchive::new(Cursor::new(&self.bytes)).expect("a ZIP package");
        zip.file_names().map(str::to_string).collect()
    }

    /// The body's paragraphs outside tables, as (style id, text).
    pub fn paragraphs(&self) -> Vec<(String, String)> {
        self.docx
            .document
            .children
            .iter()
            .filter_map(|c| match c {
                DocumentChild::Paragraph(p) => Some((style(p), p.raw_text())),
                _ => None,
            })
            .collect()
    }

    /// The text of paragraphs in a style, e.g. `Heading1`.
    pub fn styled(&self, style: &str) -> Vec<String> {
        self.paragraphs()
            .into_iter()
            .filter(|(s, _)| s == style)
            .map(|(_, t)| t)
            .collect()
    }

    /// The body's tables.
    pub fn tables(&self) -> Vec<Rows> {
        self.docx
            .document
            .children
            .iter()
            .filter_map(|c| match c {
                DocumentChild::Table(t) => Some(rows(t)),
                _ => None,
            })
            .collect()
    }

    /// The first table whose header row begins with `first`.
    pub fn table(&self, first: &str) -> Rows {
        self.tables()
            .into_iter()
            .find(|t| t.first().and_then(|r| r.first()).map(String::as_str) == Some(first))
            .unwrap_or_else(|| panic!("no table headed {first:?}"))
    }

    /// All the text a reader sees in the body, paragraphs and tables, one paragraph a line.
    pub fn body_text(&self) -> String {
        let mut out = Vec::new();
        for c in &self.docx.document.children {
            match c {
                DocumentChild::Paragraph(p) => out.push(p.raw_text()),
                DocumentChild::Table(t) => {
                    out.extend(rows(t).into_iter().flatten());
                }
                _ => {}
            }
        }
        out.join("\n")
    }

    /// The text of each header, then of each footer, the document's section gives.
    pub fn headers_and_footers(&self) -> (Vec<String>, Vec<String>) {
        let section = &self.docx.document.section_property;
        let text = |children: &[HeaderChild]| {
            children
                .iter()
                .filter_map(|c| match c {
                    HeaderChild::Paragraph(p) => Some(p.raw_text()),
                    _ => None,
                })
                .collect::<Vec<_>>()
                .join("\n")
        };
        let headers = section
            .get_headers()
            .iter()
            .map(|(_, h)| text(&h.children))
            .collect();
        let footers = section
            .get_footers()
            .iter()
            .map(|(_, f)| {
                text(
                    &f.children
                        .iter()
                        .filter_map(|c| match c {
                            docx_rs::FooterChild::Paragraph(p) => {
                                Some(HeaderChild::Paragraph(p.clone()))
                            }
                            _ => None,
                        })
                        .collect::<Vec<_>>(),
                )
            })
            .collect();
        (headers, footers)
    }

    /// The name of the style with this id, as Word shows it.
    pub fn style_name(&self, id: &str) -> Option<String> {
        let style = self.docx.styles.find_style_by_id(id)?;
        serde_json::to_value(&style.name)
            .ok()?
            .as_str()
            .map(str::to_string)
    }

    /// The names of every element in a part, e.g. `fldSimple` or `hyperlink`.
    pub fn elements(&self, part: &str) -> Vec<String> {
        let xml = self.part(part);
        let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
        doc.descendants()
            .filter(|n| n.is_element())
            .map(|n| n.tag_name().name().to_string())
            .collect()
    }

    /// The field instructions in a part, e.g. `PAGE`.
    pub fn fields(&self, part: &str) -> Vec<String> {
        let xml = self.part(part);
        let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
        doc.descendants()
            .filter(|n| n.has_tag_name((W, "instrText")))
            .map(|n| n.text().unwrap_or_default().trim().to_string())
            .collect()
    }

    /// Each picture's description (alt text).
    pub fn picture_descriptions(&self) -> Vec<String> {
        let xml = self.part("word/document.xml");
        let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
        doc.descendants()
            .filter(|n| n.tag_name().name() == "docPr")
            .map(|n| n.attribute("descr").unwrap_or_default().to_string())
            .collect()
    }
}

fn style(p: &Paragraph) -> String {
    p.property
        .style
        .as_ref()
        .map(|s| s.val.clone())
        .unwrap_or_default()
}

fn rows(t: &docx_rs::Table) -> Rows {
    t.rows
        .iter()
        .map(|TableChild::TableRow(row)| {
            row.cells
                .iter()
                .map(|TableRowChild::TableCell(cell)| {
                    cell.children
                        .iter()
                        .filter_map(|c| match c {
                            TableCellContent::Paragraph(p) => Some(p.raw_text()),
                            _ => None,
                        })
                        .collect::<Vec<_>>()
                        .join("\n")
                })
                .collect()
        })
        .collect()
}
