//! The comparison, the trend and the summary, each laid out once as a [`Doc`]: every sentence
//! and table a reader sees is written here, and the backends in [`crate::document::backend`]
//! set it in each format. Readers see questions and titles, never ids.

use super::narrative;
use crate::answer::format_number;
use crate::document::chart::{Chart, Plot};
use crate::document::model::{Block, Cell, Column, Doc, Meta, Span, Table, Value, plain};
use crate::document::tone::Tone;
use crate::document::{Page, long_date};
use crate::progress::compare::{Change, Comparison, Window};
use crate::progress::summary::Summary;
use crate::progress::trend::Trend;

/// What a redacted document says was removed, and why.
pub const REDACTION: &str = "Personal names and text answers have been removed for sharing outside the force: the names of action owners and of those who signed either assessment off, and every text answer. Role titles where those names stood, the signer's role, figures, findings and the checklist's own words are kept.";

fn meta(
    page: &Page,
    title: String,
    kind: &'static str,
    running: String,
    front: &'static str,
) -> Meta {
    Meta {
        title,
        kind,
        running,
        page: page.clone(),
        as_at: None,
        author: None,
        badge: None,
        front_sheet: front,
    }
}

fn fact(label: impl Into<String>, value: impl Into<String>) -> (String, Vec<Span>) {
    (label.into(), plain(value))
}

pub fn comparison(c: &Comparison) -> Doc {
    let mut facts = vec![
        fact("Force", &c.force),
        fact(
            "Periods",
            format!("{} and {}", c.before_period, c.after_period),
        ),
        fact(format!("Sign-off, {}", c.before_period), &c.sign_off[0]),
        fact(format!("Sign-off, {}", c.after_period), &c.sign_off[1]),
    ];
    if c.redacted {
        facts.push(fact("Redaction", REDACTION));
    }
    let mut blocks = vec![Block::Facts(facts)];
    blocks.extend(narrative::progress(c).into_iter().map(Block::para));
    if let Some(b) = &c.briefing {
        blocks.push(Block::h2("What changed in the checklist"));
        blocks.push(Block::bullets(b.lines()));
    }
    blocks.push(Block::h2("Scores"));
    blocks.push(Block::Table(scores(c)));
    blocks.extend(commitments(c));
    blocks.extend(findings(c));
    blocks.extend(moved(c));
    blocks.extend(figures(c));
    if !c.unconfirmed.is_empty() {
        blocks.push(Block::h2("Carried answers not yet confirmed"));
        blocks.push(Block::bullets(
            c.unconfirmed.iter().map(|u| u.label.clone()),
        ));
    }
    Doc {
        meta: meta(
            &c.page,
            format!(
                "Progress since {}: {}, {}",
                c.before_period, c.force, c.after_period
            ),
            "Progress report",
            format!("{} · progress since {}", c.force, c.before_period),
            "About",
        ),
        blocks,
    }
}

/// Scores before and after as figures, a score resting on too little marked provisional
/// beside it, and one never scored left as words, never drawn as zero.
fn scores(c: &Comparison) -> Table {
    let score = |x: Option<f64>| Value::number_or_dash(x, Value::Number).into();
    let note = |p: [bool; 2]| match p {
        [true, true] => format!("provisional in {} and {}", c.before_period, c.after_period),
        [true, false] => format!("provisional in {}", c.before_period),
        [false, true] => format!("provisional in {}", c.after_period),
        [false, false] => String::new(),
    };
    let unscored = |x: Option<f64>| -> Cell {
        x.map_or(Cell::text("not scored"), |v| Value::Number(v).into())
    };
    let mut rows = vec![
        vec![
            Cell::text("Overall"),
            unscored(c.overall.before),
            unscored(c.overall.after),
            Value::number_or_dash(c.overall.delta, Value::Change).into(),
            Cell::text(note(c.overall_provisional)),
        ],
        vec![
            Cell::text("Completeness (%)"),
            score(c.completeness.before),
            score(c.completeness.after),
            Value::number_or_dash(c.completeness.delta, Value::Change).into(),
            Cell::text(""),
        ],
    ];
    rows.extend(c.areas.iter().map(|a| {
        vec![
            Cell::text(&a.title),
            unscored(a.score.before),
            unscored(a.score.after),
            Value::number_or_dash(a.score.delta, Value::Change).into(),
            Cell::text(note(a.provisional)),
        ]
    }));
    Table::new(
        "Scores",
        vec![
            Column::text("", 36),
            Column::figure(c.before_period.clone(), 14),
            Column::figure(c.after_period.clone(), 14),
            Column::figure("Change", 12),
            Column::text("Note", 24),
        ],
        rows,
    )
}

/// Last period's findings closed, still open, new and not judged, each by its title.
fn findings(c: &Comparison) -> Vec<Block> {
    let f = &c.findings;
    let fates = [
        ("closed", &f.closed, Tone::Good),
        ("still open", &f.persisting, Tone::Warn),
        ("new", &f.opened, Tone::Bad),
        ("cannot be judged", &f.not_comparable, Tone::Neutral),
    ];
    let counts: Vec<String> = fates
        .iter()
        .map(|(now, ids, _)| format!("{} {now}", ids.len()))
        .collect();
    let rows: Vec<Vec<Cell>> = fates
        .iter()
        .flat_map(|(now, ids, tone)| {
            ids.iter().filter_map(|id| f.note(id)).map(move |d| {
                vec![
                    Cell::text(&d.title),
                    Cell::toned(d.severity.name(), Tone::of_severity(d.severity)),
                    Cell::toned(*now, *tone),
                ]
            })
        })
        .collect();
    let mut out = vec![
        Block::h2("Findings"),
        Block::para(format!("Findings: {}.", counts.join(", "))),
    ];
    if !rows.is_empty() {
        out.push(Block::Table(Table::new(
            "Findings",
            vec![
                Column::text("Finding", 60),
                Column::text("Severity", 15),
                Column::text("Now", 25),
            ],
            rows,
        )));
    }
    out
}

fn commitments(c: &Comparison) -> Vec<Block> {
    let mut out = vec![Block::h2(format!("Commitments from {}", c.before_period))];
    if c.ledger.is_empty() {
        out.push(Block::para(format!(
            "No findings were recorded in {}.",
            c.before_period
        )));
        return out;
    }
    let rows = c
        .ledger
        .iter()
        .map(|l| {
            vec![
                Cell::text(&l.title),
                Cell::toned(l.severity.name(), Tone::of_severity(l.severity)),
                Cell::text(l.owner.as_deref().unwrap_or("not assigned")),
                l.due
                    .map_or(Cell::text("not set"), |d| Value::Date(d).into()),
                Cell::toned(l.status.name(), l.status.tone()),
            ]
        })
        .collect();
    out.push(Block::Table(Table::new(
        "Commitments",
        vec![
            Column::text("Finding", 40),
            Column::text("Severity", 12),
            Column::text("Owner", 18),
            Column::text("Due", 16),
            Column::text("Now", 14),
        ],
        rows,
    )));
    out
}

fn moved(c: &Comparison) -> Vec<Block> {
    let mut out = vec![Block::h2("Answers that moved")];
    let rows = moved_rows(c);
    if rows.is_empty() {
        out.push(Block::para(
            "Every answer given in both periods is the same.",
        ));
    } else {
        out.push(Block::Table(Table::new(
            "Answers that moved",
            vec![
                Column::text("Question", 40),
                Column::text(c.before_period.clone(), 18),
                Column::text(c.after_period.clone(), 18),
                Column::text("Change", 24),
            ],
            rows.into_iter()
                .map(|r| r.into_iter().map(Cell::text).collect())
                .collect(),
        )));
    }
    let unchanged = c
        .items
        .iter()
        .filter(|i| i.change == Change::Unchanged)
        .count();
    out.push(Block::para(format!(
        "{unchanged} other answers are unchanged."
    )));
    out
}

fn figures(c: &Comparison) -> Vec<Block> {
    if c.metrics.is_empty() {
        return Vec::new();
    }
    let mut out = vec![Block::h2("Figures")];
    out.extend(windows_words(c).into_iter().map(Block::para));
    let n = |x: Option<f64>| Value::number_or_dash(x, Value::Number);
    let rows = c
        .metrics
        .iter()
        .map(|m| {
            vec![
                Cell::text(&m.label),
                n(m.before).into(),
                n(m.after).into(),
                Value::number_or_dash(m.delta, Value::Change).into(),
                Value::number_or_dash(m.percent, Value::Percent).into(),
                m.per_month.as_ref().map_or(Cell::text(""), |p| {
                    let s = |x: Option<f64>| super::super::super::document::backend::shown(&n(x));
                    Cell::text(format!("{} → {}", s(p.before), s(p.after)))
                }),
            ]
        })
        .collect();
    out.push(Block::Table(Table::new(
        "Figures",
        vec![
            Column::text("Measure", 34),
            Column::figure(c.before_period.clone(), 12),
            Column::figure(c.after_period.clone(), 12),
            Column::figure("Change", 12),
            Column::figure("%", 10),
            Column::figure("A month", 20),
        ],
        rows,
    )));
    out
}

pub fn trend(t: &Trend) -> Doc {
    let periods: Vec<String> = t.points.iter().map(|p| p.period.clone()).collect();
    let mut facts = vec![fact("Force", &t.force), fact("Periods", periods.join(", "))];
    for p in &t.points {
        facts.push(fact(format!("Sign-off, {}", p.period), &p.sign_off));
    }
    let mut blocks = vec![Block::Facts(facts)];
    let provisional: Vec<&str> = t
        .points
        .iter()
        .filter(|p| p.provisional && p.overall.is_some())
        .map(|p| p.period.as_str())
        .collect();
    if !provisional.is_empty() {
        blocks.push(Block::lead(format!(
            "The overall score for {} is provisional: it rests on too few of the scored questions to be rated, so the line between periods is not a measured change.",
            provisional.join(", ")
        )));
    }
    blocks.push(Block::h2("Overall score, 0 to 100"));
    blocks.push(Block::Chart(Chart {
        id: "chart-overall",
        caption: "Overall score by period".into(),
        alt: "Line chart of the overall score in each period".into(),
        plot: Plot::Lines {
            periods: periods.clone(),
            series: vec![t.points.iter().map(|p| p.overall).collect()],
        },
    }));
    let score = |s: Option<f64>, provisional: bool| -> Cell {
        match s {
            Some(v) if provisional => Cell::text(format!(
                "{} (provisional)",
                crate::answer::format_grouped(v)
            )),
            Some(v) => Value::Number(v).into(),
            None => Cell::text("not scored"),
        }
    };
    let mut rows: Vec<Vec<Cell>> = t
        .points
        .iter()
        .map(|p| {
            vec![
                Cell::text(&p.period),
                score(p.overall, p.provisional),
                Value::Share(p.completeness).into(),
                Value::Count(p.findings as f64).into(),
                Value::Count(p.high as f64).into(),
            ]
        })
        .collect();
    blocks.push(Block::Table(Table::new(
        "By period",
        vec![
            Column::text("Period", 28),
            Column::figure("Overall", 20),
            Column::figure("Completeness", 20),
            Column::figure("Findings", 16),
            Column::figure("High", 16),
        ],
        std::mem::take(&mut rows),
    )));
    blocks.push(Block::h2("Areas"));
    let mut columns = vec![Column::text("Area", 40)];
    let share = (60 / t.points.len().max(1)) as u8;
    columns.extend(
        t.points
            .iter()
            .map(|p| Column::figure(p.period.clone(), share)),
    );
    let rows = t
        .areas
        .iter()
        .enumerate()
        .map(|(i, (_, title))| {
            let mut row = vec![Cell::text(title)];
            row.extend(
                t.points
                    .iter()
                    .map(|p| Value::number_or_dash(p.areas[i], Value::Number).into()),
            );
            row
        })
        .collect();
    blocks.push(Block::Table(Table::new("Areas", columns, rows)));
    Doc {
        meta: meta(
            &t.page,
            format!("Trend: {}", t.force),
            "Trend",
            format!("{} · trend", t.force),
            "About",
        ),
        blocks,
    }
}

pub fn summary(s: &Summary) -> Doc {
    let mut blocks: Vec<Block> = s.scope().into_iter().map(Block::para).collect();
    if !s.bad.is_empty() {
        blocks.push(Block::h2("Files that could not be read"));
        blocks.push(Block::bullets(
            s.bad.iter().flat_map(|b| b.problems.iter().cloned()),
        ));
    }
    blocks.push(Block::h2("By force"));
    blocks.push(Block::Table(by_force(s)));
    blocks.push(Block::h2("Sign-off"));
    blocks.push(Block::Facts(
        s.by_force
            .iter()
            .map(|f| fact(format!("{} ({})", f.force, f.period), &f.sign_off))
            .collect(),
    ));
    blocks.push(Block::h2("Gaps flagged"));
    blocks.push(Block::Table(gaps(s)));
    blocks.push(Block::h2("Answers"));
    blocks.push(Block::Table(answers(s)));
    if !s.metrics.is_empty() {
        blocks.push(Block::h2("Figures"));
        let rows = s
            .metrics
            .iter()
            .map(|m| {
                vec![
                    Cell::text(&m.label),
                    Value::Number(m.total).into(),
                    Value::Number(m.min).into(),
                    Value::Number(m.median).into(),
                    Value::Number(m.max).into(),
                    Value::Count(m.reported as f64).into(),
                ]
            })
            .collect();
        blocks.push(Block::Table(Table::new(
            "Figures",
            vec![
                Column::text("Measure", 40),
                Column::figure("Total", 12),
                Column::figure("Lowest", 12),
                Column::figure("Median", 12),
                Column::figure("Highest", 12),
                Column::figure("Forces reporting", 12),
            ],
            rows,
        )));
    }
    Doc {
        meta: meta(
            &s.page,
            format!(
                "Summary across {} force{}",
                s.forces,
                if s.forces == 1 { "" } else { "s" }
            ),
            "Summary",
            "Summary across forces".into(),
            "About",
        ),
        blocks,
    }
}

fn by_force(s: &Summary) -> Table {
    let labels = rate_labels(s);
    let fixed = [
        ("Force", 15, false),
        ("Period", 8, false),
        ("Score", 7, true),
        ("Rating", 12, false),
        ("Complete", 9, true),
        ("High", 6, true),
        ("Medium", 8, true),
        ("Low", 6, true),
        ("Overdue", 9, true),
    ];
    let mut columns: Vec<Column> = fixed
        .iter()
        .map(|(t, w, n)| {
            if *n {
                Column::figure(*t, *w)
            } else {
                Column::text(*t, *w)
            }
        })
        .collect();
    let rest = (20 / labels.len().max(1)) as u8;
    columns.extend(labels.iter().map(|l| Column::figure(*l, rest.max(8))));
    let count = |n: usize| Cell::from(Value::Count(n as f64));
    let rows = s
        .by_force
        .iter()
        .map(|f| {
            let mut cells = vec![
                Cell::text(&f.force),
                Cell::text(&f.period),
                f.score
                    .map_or(Cell::text("not scored"), |v| Value::Number(v).into()),
                Cell::toned(f.rating.label(), Tone::of_rating(f.rating)),
                Value::Share(f.completeness).into(),
                count(f.findings.high),
                count(f.findings.medium),
                count(f.findings.low),
                count(f.overdue),
            ];
            cells.extend(labels.iter().map(|label| {
                let rate = f.rates.iter().find(|r| r.label == *label);
                match rate.map(|r| (r.part, r.whole, r.percent)) {
                    Some((Some(p), Some(w), Some(pc))) => Cell::from(Value::Share(pc)).with(
                        Span::muted(format!("{} of {}", format_number(p), format_number(w))),
                    ),
                    _ => Cell::text("—"),
                }
            }));
            cells
        })
        .collect();
    Table::new("By force", columns, rows)
}

fn gaps(s: &Summary) -> Table {
    let rows = s
        .rules
        .iter()
        .map(|r| {
            let severity = if r.flagged > 0 {
                // Only a gap some force has is coloured, so the eye goes to what was found.
                Cell::toned(r.severity.name(), Tone::of_severity(r.severity))
            } else {
                Cell::text(r.severity.name())
            };
            vec![
                Cell::text(&r.title),
                severity,
                Value::Count(r.flagged as f64).into(),
                Value::Count(r.not_judged as f64).into(),
                Value::Count(r.asked as f64).into(),
                Cell::text(forces_or_none(&r.forces)),
                Cell::text(forces_or_none(&r.not_flagged)),
                Cell::text(forces_or_none(&r.not_judged_forces)),
            ]
        })
        .collect();
    Table::new(
        "Gaps",
        vec![
            Column::text("Gap", 23),
            Column::text("Severity", 9),
            Column::figure("Flagged", 8),
            Column::figure("Not judged", 9),
            Column::figure("Forces", 8),
            Column::text("Forces flagged", 15),
            Column::text("Not flagged", 14),
            Column::text("Could not be judged", 14),
        ],
        rows,
    )
}

fn answers(s: &Summary) -> Table {
    let rows = s
        .items
        .iter()
        .map(|i| {
            let mut cells = vec![Cell::text(&i.prompt)];
            cells.extend(i.status_counts().into_iter().map(|n| {
                n.parse::<f64>()
                    .map_or(Cell::text(&n), |n| Value::Count(n).into())
            }));
            cells.extend([
                Value::Count(i.unanswered as f64).into(),
                Value::Count(i.not_asked as f64).into(),
                Cell::text(i.other_answers().join("; ")),
            ]);
            cells
        })
        .collect();
    Table::new(
        "Answers",
        vec![
            Column::text("Question", 32),
            Column::figure("Yes", 7),
            Column::figure("Partly", 8),
            Column::figure("No", 7),
            Column::figure("N/A", 7),
            Column::figure("Unanswered", 12),
            Column::figure("Not asked", 9),
            Column::text("Other answers", 18),
        ],
        rows,
    )
}

/// The answers that moved, for readers: question, before, after and the change in words.
fn moved_rows(c: &Comparison) -> Vec<[String; 4]> {
    c.items
        .iter()
        .filter(|i| i.change != Change::Unchanged)
        .map(|i| {
            let change = i.reason.as_ref().map_or(i.change.name().to_string(), |r| {
                format!("{}: {r}", i.change.name())
            });
            [
                i.prompt.clone(),
                i.before_label.clone().unwrap_or("—".into()),
                i.after_label.clone().unwrap_or("—".into()),
                change,
            ]
        })
        .collect()
}

/// What the figures' windows mean for comparing them, in sentences.
fn windows_words(c: &Comparison) -> Vec<String> {
    let w = &c.windows;
    let span = |p: &str, w: &Option<Window>| match w {
        Some(w) => format!(
            "the {p} figures cover {} to {} ({} months)",
            long_date(w.start),
            long_date(w.end),
            format_number(w.months)
        ),
        None => format!("the {p} assessment does not record the period its figures cover"),
    };
    let mut out = vec![capitalise(&format!(
        "{}, and {}.",
        span(&c.before_period, &w.before),
        span(&c.after_period, &w.after)
    ))];
    if w.differ() {
        out.push(
            "The two windows differ in length, so totals are not like for like: counts are also shown per month, which can be compared."
                .into(),
        );
    } else if w.before.is_none() || w.after.is_none() {
        out.push(
            "Without both windows, counts may cover periods of different lengths; compare them with care."
                .into(),
        );
    }
    out
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Forces in a list, or "none".
fn forces_or_none(forces: &[String]) -> String {
    if forces.is_empty() {
        "none".into()
    } else {
        forces.join(", ")
    }
}

/// The key rates the forces' checklists define, by label, in first-seen order.
fn rate_labels(s: &Summary) -> Vec<&str> {
    let mut labels: Vec<&str> = Vec::new();
    for rate in s.by_force.iter().flat_map(|f| &f.rates) {
        if !labels.contains(&rate.label.as_str()) {
            labels.push(&rate.label);
        }
    }
    labels
}
