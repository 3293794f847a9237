//! Any document as a Word document, through the [`Word`] builder: real heading styles, A4
//! pages marked at top and foot with "Page n of N", tables whose header row repeats, and
//! charts as pictures with alt text.

use crate::document::docx::{Cell as WordCell, Grid, Word, WordError, created_on};
use crate::document::model::{Block, Card, Cell, Doc, Span, Table, Value, text_of};

pub fn render(doc: &Doc) -> Result<Vec<u8>, WordError> {
    let m = &doc.meta;
    let mut w = Word::new(&m.page.marking, &m.running);
    w.properties(&m.title, m.author.as_deref(), created_on(m.page.generated));
    w.title(&m.title);
    if let Some((badge, tone)) = &m.badge {
        w.spans(&[Span::badge(badge.as_str(), *tone)]);
    }
    w.subtitle(&format!("{}. {}", m.kind, m.as_at_sentence()));
    blocks(&mut w, &doc.blocks);
    w.spans(&[Span::muted(m.produced())]);
    w.finish()
}

fn blocks(w: &mut Word, blocks: &[Block]) {
    for b in blocks {
        block(w, b);
    }
}

fn block(w: &mut Word, b: &Block) {
    match b {
        Block::Section { blocks: inner, .. } => blocks(w, inner),
        Block::Heading {
            level,
            text,
            new_page,
        } => match level {
            2 => w.h1(&text_of(text), *new_page),
            _ => w.h2(&text_of(text)),
        },
        Block::Para { spans, kind } => {
            let spans: Vec<Span> = match kind {
                crate::document::model::Para::Lead => spans
                    .iter()
                    .map(|s| Span {
                        bold: true,
                        ..s.clone()
                    })
                    .collect(),
                crate::document::model::Para::Muted => spans
                    .iter()
                    .map(|s| Span {
                        muted: true,
                        italic: true,
                        ..s.clone()
                    })
                    .collect(),
                crate::document::model::Para::Body => spans.clone(),
            };
            w.spans(&spans);
        }
        Block::Facts(rows) => w.facts(rows),
        Block::Bullets(items) => w.bullets(items),
        Block::Table(t) => table(w, t),
        Block::Cards { cards, .. } => cards.iter().for_each(|c| card(w, c)),
        Block::Chart(c) => w.chart(c.clone()),
        Block::Lists(groups) => {
            for (heading, items) in groups {
                w.spans(&[Span::bold(heading.as_str())]);
                let items: Vec<Vec<Span>> = items
                    .iter()
                    .map(|i| vec![Span::plain(i.as_str())])
                    .collect();
                w.bullets(&items);
            }
        }
    }
}

/// Tables with more columns than this are set in smaller text, so headings stay whole.
const COMPACT: usize = 6;

fn table(w: &mut Word, t: &Table) {
    let columns: Vec<(&str, usize)> = t
        .columns
        .iter()
        .map(|c| (c.title.as_str(), usize::from(c.width)))
        .collect();
    for g in &t.groups {
        blocks(w, &g.intro());
        if g.rows.is_empty() {
            continue;
        }
        let mut grid = Grid::new(&columns);
        if columns.len() > COMPACT {
            grid = grid.compact();
        }
        for row in &g.rows {
            grid.row(
                row.iter()
                    .zip(&t.columns)
                    .map(|(c, column)| cell(c, column.numeric))
                    .collect(),
            );
        }
        w.table(grid);
    }
}

fn cell(c: &Cell, numeric: bool) -> WordCell {
    let shown = super::shown(&c.value);
    let mut out = match &c.value {
        Value::Toned(_, tone) => WordCell::text(&shown).toned(*tone),
        _ if numeric => WordCell::number(&shown),
        _ => WordCell::text(&shown),
    };
    for line in &c.lines {
        out = out.then(vec![Span {
            muted: line.tone.is_none(),
            ..line.clone()
        }]);
    }
    out
}

fn card(w: &mut Word, c: &Card) {
    w.h2(&text_of(&c.heading));
    if !c.facts.is_empty() {
        w.facts(&c.facts);
    }
    if !c.bullets.is_empty() {
        w.bullets(&c.bullets);
    }
}
