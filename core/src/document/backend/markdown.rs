//! Any document as Markdown. Everything taken from a file is escaped, so a note can never
//! become a link, a heading, a table cell break or raw HTML when the file is rendered.

use std::fmt::Write;

use super::shown;
use crate::document::chart::Chart;
use crate::document::escape::md_escape as e;
use crate::document::model::{Block, Card, Cell, Doc, Para, Span, Table, Value};

pub fn render(doc: &Doc) -> String {
    let m = &doc.meta;
    let mut o = String::new();
    let _ = writeln!(o, "**{}**\n", e(&m.page.marking));
    let badge = m
        .badge
        .as_ref()
        .map(|(b, _)| format!(" ({b})"))
        .unwrap_or_default();
    let _ = writeln!(o, "# {}{badge}\n", e(&m.title));
    let _ = writeln!(o, "{}. {}\n", m.kind, e(&m.as_at_sentence()));
    blocks(&mut o, &doc.blocks);
    let _ = writeln!(o, "{}\n\n**{}**", m.produced(), e(&m.page.marking));
    o
}

fn blocks(o: &mut String, blocks: &[Block]) {
    for b in blocks {
        block(o, b);
    }
}

fn block(o: &mut String, b: &Block) {
    match b {
        Block::Section { blocks: inner, .. } => blocks(o, inner),
        Block::Heading { level, text, .. } => {
            let _ = writeln!(o, "{} {}\n", "#".repeat(*level as usize), plain_spans(text));
        }
        Block::Para { spans: s, kind } => {
            let text = spans(s);
            let _ = match kind {
                Para::Body => writeln!(o, "{text}\n"),
                Para::Lead => writeln!(o, "**{text}**\n"),
                Para::Muted => writeln!(o, "_{text}_\n"),
            };
        }
        Block::Facts(rows) => {
            let _ = writeln!(o, "| | |\n|---|---|");
            for (label, value) in rows {
                let _ = writeln!(o, "| {} | {} |", e(label), spans(value));
            }
            o.push('\n');
        }
        Block::Bullets(items) => {
            for item in items {
                let _ = writeln!(o, "- {}", spans(item));
            }
            o.push('\n');
        }
        Block::Table(t) => table(o, t),
        Block::Cards { cards, .. } => cards.iter().for_each(|c| card(o, c)),
        Block::Chart(c) => chart(o, c),
        Block::Lists(groups) => {
            for (heading, items) in groups {
                let _ = writeln!(o, "**{}**\n", e(heading));
                for item in items {
                    let _ = writeln!(o, "- {}", e(item));
                }
                o.push('\n');
            }
        }
    }
}

/// Spans with their emphasis; the spaces between spans stay outside the markers, where
/// Markdown needs them.
fn spans(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|s| {
            let t = e(&s.text);
            let marker = match (s.bold || s.badge, s.italic) {
                _ if t.is_empty() => "",
                (true, _) => "**",
                (false, true) => "_",
                (false, false) => "",
            };
            let before = if s.text.starts_with(' ') { " " } else { "" };
            let after = if s.text.ends_with(' ') { " " } else { "" };
            format!("{before}{marker}{t}{marker}{after}")
        })
        .collect()
}

/// A heading's words without emphasis, which adds nothing there; a badge is bracketed
/// unless a colon introduces it.
fn plain_spans(spans: &[Span]) -> String {
    let mut words = String::new();
    for s in spans {
        if s.badge && !words.ends_with(": ") {
            words.push_str(&format!("({})", s.text));
        } else {
            words.push_str(&s.text);
        }
    }
    e(&words)
}

fn table(o: &mut String, t: &Table) {
    for g in &t.groups {
        blocks(o, &g.intro());
        if g.rows.is_empty() {
            continue;
        }
        let heads: Vec<String> = t.columns.iter().map(|c| e(&c.title)).collect();
        let rule: Vec<&str> = t
            .columns
            .iter()
            .map(|c| if c.numeric { "---:" } else { "---" })
            .collect();
        let _ = writeln!(o, "| {} |\n|{}|", heads.join(" | "), rule.join("|"));
        for row in &g.rows {
            let cells: Vec<String> = row.iter().map(cell).collect();
            let _ = writeln!(o, "| {} |", cells.join(" | "));
        }
        o.push('\n');
    }
}

fn cell(c: &Cell) -> String {
    // Figures and dates are probity's own words; only text from files needs escaping.
    let mut text = match &c.value {
        Value::Text(t) | Value::Toned(t, _) => e(t),
        other => shown(other),
    };
    for line in &c.lines {
        let _ = write!(text, " ({})", e(&line.text));
    }
    text
}

fn card(o: &mut String, c: &Card) {
    let _ = writeln!(o, "### {}\n", plain_spans(&c.heading));
    for (label, value) in &c.facts {
        let _ = writeln!(o, "- {}: {}", e(label), spans(value));
    }
    for item in &c.bullets {
        let _ = writeln!(o, "- {}", spans(item));
    }
    o.push('\n');
}

fn chart(o: &mut String, c: &Chart) {
    let _ = writeln!(o, "**{}**\n", e(&c.caption));
    for (label, value) in c.labelled() {
        let _ = writeln!(o, "- {}: {}", e(&label), e(&value));
    }
    o.push('\n');
}
