//! Any document as one self-contained web page: inline CSS and SVG, no scripts, no external
//! resources, and a Content-Security-Policy that forbids loading any. The base template
//! (`templates/document.html`) holds the print CSS, the marking at the top and foot of every
//! printed page and "Page n of N"; this module writes the body, escaping every text.

use std::fmt::Write;

use askama::Template;

use super::shown;
use crate::document::chart::Chart;
use crate::document::escape::css_string;
use crate::document::model::{Block, Card, Cell, Doc, Meta, Para, Span, Table, Value};
use crate::document::tone::{self, Tone};

#[derive(Template)]
#[template(path = "document.html")]
struct Page<'a> {
    meta: &'a Meta,
    body: String,
    produced: String,
    palette: String,
    tones: Vec<&'static str>,
    marking_css: String,
    running_css: String,
    marking_ink: &'static str,
    muted: &'static str,
}

pub fn render(doc: &Doc) -> String {
    let mut body = String::new();
    blocks(&mut body, &doc.blocks);
    Page {
        meta: &doc.meta,
        body,
        produced: doc.meta.produced(),
        palette: tone::css_variables(),
        tones: tone::ALL.iter().map(|t| t.name()).collect(),
        marking_css: css_string(&doc.meta.page.marking),
        running_css: css_string(&doc.meta.running),
        marking_ink: tone::MARKING,
        muted: tone::MUTED,
    }
    .render()
    // Rendering only fails if writing to the string fails, which it cannot.
    .unwrap_or_default()
}

/// Text escaped for HTML.
fn h(text: &str) -> String {
    askama::filters::escape(text, askama::filters::Html)
        .map(|safe| safe.to_string())
        .unwrap_or_default()
}

fn blocks(o: &mut String, blocks: &[Block]) {
    for b in blocks {
        block(o, b);
    }
}

fn block(o: &mut String, b: &Block) {
    match b {
        Block::Section { id, blocks: inner } => {
            let _ = writeln!(o, "<section id=\"{id}\">");
            blocks(o, inner);
            let _ = writeln!(o, "</section>");
        }
        Block::Heading {
            level,
            text,
            new_page,
        } => {
            let class = if *new_page { " class=\"new-page\"" } else { "" };
            let _ = writeln!(o, "<h{level}{class}>{}</h{level}>", spans(text));
        }
        Block::Para { spans: s, kind } => {
            let class = match kind {
                Para::Body => "",
                Para::Lead => " class=\"lead\"",
                Para::Muted => " class=\"muted\"",
            };
            let _ = writeln!(o, "<p{class}>{}</p>", spans(s));
        }
        Block::Facts(rows) => {
            o.push_str("<dl class=\"facts\">");
            for (label, value) in rows {
                let _ = write!(
                    o,
                    "<div><dt>{}</dt><dd>{}</dd></div>",
                    h(label),
                    spans(value)
                );
            }
            o.push_str("</dl>\n");
        }
        Block::Bullets(items) => list(o, items),
        Block::Table(t) => table(o, t),
        Block::Cards { cards, .. } => cards.iter().for_each(|c| card(o, c)),
        Block::Chart(c) => chart(o, c),
        Block::Lists(groups) => {
            o.push_str("<div class=\"lists\">\n");
            for (heading, items) in groups {
                let _ = write!(o, "<h4>{}</h4><ul>", h(heading));
                for item in items {
                    let _ = write!(o, "<li>{}</li>", h(item));
                }
                o.push_str("</ul>\n");
            }
            o.push_str("</div>\n");
        }
    }
}

fn list(o: &mut String, items: &[Vec<Span>]) {
    o.push_str("<ul>");
    for item in items {
        let _ = write!(o, "<li>{}</li>", spans(item));
    }
    o.push_str("</ul>\n");
}

fn spans(spans: &[Span]) -> String {
    spans.iter().map(span).collect()
}

fn span(s: &Span) -> String {
    let text = h(&s.text);
    let mut classes: Vec<&str> = Vec::new();
    match (s.tone, s.badge) {
        (Some(t), true) => classes.extend(["badge", t.name()]),
        (Some(t), false) => classes.extend(["ink", t.name()]),
        (None, _) if s.muted => classes.push("muted"),
        _ => {}
    }
    let mut out = if classes.is_empty() {
        text
    } else {
        format!("<span class=\"{}\">{text}</span>", classes.join(" "))
    };
    if s.bold && s.tone.is_none() {
        out = format!("<strong>{out}</strong>");
    }
    if s.italic {
        out = format!("<em>{out}</em>");
    }
    out
}

fn table(o: &mut String, t: &Table) {
    for g in &t.groups {
        if g.heading.is_some() {
            o.push_str("<section class=\"group\">\n");
        }
        blocks(o, &g.intro());
        if !g.rows.is_empty() {
            rows(o, t, &g.rows);
        }
        if g.heading.is_some() {
            o.push_str("</section>\n");
        }
    }
}

fn rows(o: &mut String, t: &Table, rows: &[Vec<Cell>]) {
    o.push_str("<table>\n<colgroup>");
    for c in &t.columns {
        let _ = write!(o, "<col style=\"width:{}%\">", c.width);
    }
    o.push_str("</colgroup>\n<thead><tr>");
    for c in &t.columns {
        let class = if c.numeric { " class=\"num\"" } else { "" };
        let _ = write!(o, "<th{class}>{}</th>", h(&c.title));
    }
    o.push_str("</tr></thead>\n<tbody>\n");
    for row in rows {
        o.push_str("<tr>");
        for (c, column) in row.iter().zip(&t.columns) {
            let class = if column.numeric { " class=\"num\"" } else { "" };
            let _ = write!(o, "<td{class}>{}</td>", cell(c));
        }
        o.push_str("</tr>\n");
    }
    o.push_str("</tbody>\n</table>\n");
}

fn cell(c: &Cell) -> String {
    let mut out = match &c.value {
        Value::Toned(text, tone) => span(&Span::badge(text.as_str(), *tone)),
        other => h(&shown(other)),
    };
    for line in &c.lines {
        let _ = write!(out, "<span class=\"line\">{}</span>", span(line));
    }
    out
}

fn card(o: &mut String, c: &Card) {
    let tone = c.tone.map_or("", Tone::name);
    let _ = writeln!(
        o,
        "<article class=\"card {tone}\" id=\"{}\">\n<h3>{}</h3>",
        h(&c.id),
        spans(&c.heading)
    );
    if !c.facts.is_empty() {
        o.push_str("<dl class=\"meta\">");
        for (label, value) in &c.facts {
            let _ = write!(o, "<dt>{}</dt><dd>{}</dd>", h(label), spans(value));
        }
        o.push_str("</dl>\n");
    }
    if !c.bullets.is_empty() {
        list(o, &c.bullets);
    }
    o.push_str("</article>\n");
}

fn chart(o: &mut String, c: &Chart) {
    let svg = c.svg().replacen(
        "<svg ",
        &format!("<svg role=\"img\" aria-label=\"{}\" ", h(&c.alt)),
        1,
    );
    let _ = writeln!(
        o,
        "<figure id=\"{}\"><figcaption>{}</figcaption>\n{svg}</figure>",
        c.id,
        h(&c.caption)
    );
}
