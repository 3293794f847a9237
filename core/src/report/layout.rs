//! The gap report laid out once, from its [`View`]: the cover and executive summary, the
//! judgements, the charts, the findings as cards, the answers by area, the figures, what is
//! carried or in conflict, the record's own gaps, the method and the annex. Every format
//! (web page, Markdown, Word, workbook) sets this one layout.

use super::Report;
use super::view::{CONFLICTS, FindingView, Judged, View};
use crate::document::chart::{Chart, Plot, Row};
use crate::document::model::{
    Block, Card, Cell, Column, Doc, Group, Meta, Para, Span, Table, Value, plain,
};
use crate::document::tone::Tone;
use crate::scoring::Rating;

pub fn layout(r: &Report) -> Doc {
    let v = View::of(r);
    // A graded report speaks in grades on its first page; the scores, rated on another scale,
    // go to an annex.
    let graded = !v.judged.headlines.is_empty();
    let mut blocks = vec![Block::Section {
        id: "summary",
        blocks: if graded {
            graded_summary(&v)
        } else {
            summary(&v)
        },
    }];
    blocks.push(Block::Section {
        id: "judgements",
        blocks: judged(&v.judged),
    });
    if !graded {
        blocks.push(Block::Section {
            id: "charts",
            blocks: charts(r),
        });
    }
    blocks.push(Block::Section {
        id: "findings",
        blocks: findings(&v),
    });
    blocks.push(Block::Section {
        id: "answers",
        blocks: answers(&v),
    });
    blocks.extend(rest(&v));
    if graded {
        let mut scores = vec![Block::h2("Annex: scores by area")];
        scores.extend(scores_by_area(&v));
        scores.extend(charts(r).into_iter().skip(1));
        blocks.push(Block::Section {
            id: "scores",
            blocks: scores,
        });
    }
    Doc {
        meta: Meta {
            title: v.title.clone(),
            kind: "Gap report",
            running: format!("{} · integrity self-assessment · {}", r.force, r.period),
            page: r.page.clone(),
            as_at: None,
            author: r.assessor.clone().filter(|_| !r.redacted),
            badge: Some((v.stage.to_string(), stage_tone(v.stage_class))),
            front_sheet: "Summary",
        },
        blocks,
    }
}

fn stage_tone(class: &str) -> Tone {
    match class {
        "final" => Tone::Good,
        "draft" => Tone::Warn,
        _ => Tone::Bad,
    }
}

/// The colour of a grade or verdict, from the view's class for it.
fn class_tone(class: &str) -> Tone {
    match class {
        "good" => Tone::Good,
        "adequate" => Tone::Fair,
        "weak" => Tone::Warn,
        "poor" => Tone::Bad,
        _ => Tone::Neutral,
    }
}

fn summary(v: &View) -> Vec<Block> {
    let mut out = vec![cover(v), Block::h2("Executive summary")];
    let mut scores = scores_by_area(v);
    if let Some(summary) = &v.judged.summary {
        // The verdict follows the score it rests on, before the table of areas.
        scores.insert(2, Block::lead(summary));
    }
    out.extend(scores);
    out.extend(briefly(v));
    out
}

/// The graded first page: the headline judgements, whose each is, then the causes of concern.
fn graded_summary(v: &View) -> Vec<Block> {
    let j = &v.judged;
    let mut out = vec![cover(v), Block::h2("Executive summary")];
    out.extend(j.summary.iter().map(Block::lead));
    out.push(Block::Table(Table::new(
        "Headline judgements",
        vec![
            Column::text("Headline judgement", 20),
            Column::text("Judgement", 17),
            Column::text("Whose", 33),
            Column::text("How it follows", 30),
        ],
        j.headlines
            .iter()
            .map(|h| {
                let mut whose = Cell::text(&h.whose);
                for why in &h.rationale {
                    whose = whose.with(Span::muted(format!("Rationale: {why}")));
                }
                vec![
                    Cell::text(h.title),
                    Cell::toned(h.grade, class_tone(h.class)),
                    whose,
                    Cell::text(h.why),
                ]
            })
            .collect(),
    )));
    out.push(Block::h3("Causes of concern"));
    let mut causes: Vec<Vec<Span>> = v
        .findings
        .iter()
        .filter(|f| f.label == Some("Cause of concern"))
        .map(|f| {
            vec![
                Span::plain(format!("{} ", f.row.finding.title)),
                Span::muted(format!("({}; finding {})", f.row.area_title, f.number)),
            ]
        })
        .collect();
    // A theme at the limit is a cause of concern that no single finding states.
    causes.extend(j.systemic.iter().map(|(sentence, area)| {
        vec![
            Span::plain(format!("{sentence} ")),
            Span::muted(format!("({area}; a systemic weakness)")),
        ]
    }));
    out.push(if causes.is_empty() {
        Block::para("There are no causes of concern.")
    } else {
        Block::Bullets(causes)
    });
    out.push(Block::para(&v.completeness));
    out.extend(briefly(v));
    out
}

fn cover(v: &View) -> Block {
    Block::Facts(
        v.facts
            .iter()
            .map(|(l, x)| (l.to_string(), plain(x.as_str())))
            .collect(),
    )
}

/// The overall score in a sentence, and each area's score and rating.
fn scores_by_area(v: &View) -> Vec<Block> {
    // A provisional score is never the first figure a reader meets: how much is answered is.
    let mut out = if v.r.score.provisional || v.r.score.overall.is_none() {
        vec![Block::lead(&v.completeness), Block::para(&v.position)]
    } else {
        vec![Block::lead(&v.position), Block::para(&v.completeness)]
    };
    out.push(Block::Table(Table::new(
        "Areas",
        vec![
            Column::text("Area", 46),
            Column::text("Rating", 16),
            Column::figure("Score", 10),
            Column::text("What the score rests on", 28),
        ],
        v.areas
            .iter()
            .map(|a| {
                vec![
                    Cell::text(&a.title),
                    Cell::toned(a.rating.label(), Tone::of_rating(a.rating)),
                    a.score
                        .parse::<f64>()
                        .map_or(Cell::text(&a.score), |s| Value::Number(s).into()),
                    Cell::text(&a.basis),
                ]
            })
            .collect(),
    )));
    out
}

/// The high findings and the actions overdue, named briefly.
fn briefly(v: &View) -> Vec<Block> {
    vec![
        Block::h3("High findings"),
        brief(v, &v.high, "There are no high findings.", false),
        Block::h3("Actions overdue"),
        brief(v, &v.overdue, "No action is past its due date.", true),
    ]
}

/// Findings named briefly, with their number, owner and due date.
fn brief(v: &View, numbers: &[usize], none: &str, overdue: bool) -> Block {
    if numbers.is_empty() {
        return Block::para(none);
    }
    Block::Bullets(
        numbers
            .iter()
            .map(|&n| {
                let f = &v.findings[n - 1];
                let mut spans = vec![Span::plain(format!("{} ", f.row.finding.title))];
                if overdue {
                    spans.push(Span::toned(format!("due {}", f.due), Tone::Bad));
                    spans.push(Span::muted(format!(" (finding {n}; owner: {})", f.owner)));
                } else {
                    spans.push(Span::muted(format!(
                        "(finding {n}; owner: {}; due: {})",
                        f.owner, f.due
                    )));
                }
                spans
            })
            .collect(),
    )
}

fn judged(j: &Judged) -> Vec<Block> {
    // The headline judgements open the first page; this section gives each area's.
    let mut out = vec![Block::h2(j.heading), Block::para(&j.intro)];
    if !j.areas.is_empty() {
        out.push(Block::Table(Table::new(
            "Judgements",
            vec![
                Column::text("Area", 34),
                Column::text("Derived", 22),
                Column::text("Assessor's judgement", 22),
                Column::text("Stands at", 22),
            ],
            j.areas
                .iter()
                .map(|a| {
                    vec![
                        Cell::text(a.title),
                        Cell::text(a.derived),
                        Cell::text(a.overridden.unwrap_or("none recorded")),
                        Cell::toned(a.standing, class_tone(a.class)),
                    ]
                })
                .collect(),
        )));
        out.push(Block::Cards {
            sheet: "Judgement reasons",
            cards: j
                .areas
                .iter()
                .enumerate()
                .map(|(i, a)| {
                    let mut bullets = vec![plain(a.why)];
                    bullets.extend(a.reasons.iter().map(|r| plain(r.as_str())));
                    bullets.extend(a.assessor.iter().map(|s| plain(s.as_str())));
                    bullets.extend(
                        a.notable
                            .map(|n| plain(format!("Notable practice recorded: {n}"))),
                    );
                    Card {
                        id: format!("judgement-{}", i + 1),
                        tone: Some(class_tone(a.class)),
                        heading: vec![
                            Span::plain(format!("{}: ", a.title)),
                            Span::badge(a.standing, class_tone(a.class)),
                        ],
                        facts: Vec::new(),
                        bullets,
                    }
                })
                .collect(),
        });
    }
    if !j.verdicts.is_empty() {
        out.push(Block::Table(Table::new(
            "Verdicts",
            vec![
                Column::text("", 34),
                Column::text("Verdict", 20),
                Column::text("Why", 46),
            ],
            j.verdicts
                .iter()
                .map(|l| {
                    vec![
                        Cell::text(l.title),
                        Cell::toned(l.verdict, class_tone(l.class)),
                        Cell::text(l.why),
                    ]
                })
                .collect(),
        )));
    }
    out.extend(j.unjudged.iter().map(Block::para));
    out
}

fn charts(r: &Report) -> Vec<Block> {
    let scored: Vec<_> = r
        .score
        .areas
        .iter()
        .filter(|a| a.has_scored_questions())
        .collect();
    let rows: Vec<Row> = scored
        .iter()
        .map(|a| Row {
            label: short(&a.title),
            fraction: a.score.map(|s| s / 100.0),
            text: match (a.score, a.rating) {
                (None, _) => "not scored".into(),
                (Some(s), Rating::Provisional) => {
                    format!("{} (provisional)", crate::answer::format_number(s))
                }
                (Some(s), _) => crate::answer::format_number(s),
            },
            tone: Tone::of_rating(a.rating),
        })
        .collect();
    let described: Vec<String> = scored
        .iter()
        .zip(&rows)
        .map(|(a, row)| format!("{} {}", a.title, row.text))
        .collect();
    let (h, m, l) = r.severity_counts();
    let most = h.max(m).max(l).max(1) as f64;
    let severity = |label: &str, n: usize, tone: Tone| Row {
        label: label.into(),
        fraction: Some(n as f64 / most),
        text: n.to_string(),
        tone,
    };
    vec![
        Block::h2("Scores at a glance"),
        Block::Chart(Chart {
            id: "chart-areas",
            caption: "Score by area (out of 100)".into(),
            alt: format!(
                "Bar chart of the score in each area, out of 100; provisional and unscored areas are grey: {}.",
                described.join("; ")
            ),
            plot: Plot::Bars {
                rows,
                ticks: [0.0, 25.0, 50.0, 75.0, 100.0]
                    .map(|t| (t / 100.0, t.to_string()))
                    .to_vec(),
                scale: 100.0,
            },
        }),
        Block::Chart(Chart {
            id: "chart-severity",
            caption: "Findings by severity".into(),
            alt: format!(
                "Bar chart of the number of findings at each severity: {h} high, {m} medium, {l} low."
            ),
            plot: Plot::Bars {
                rows: vec![
                    severity("High", h, Tone::Bad),
                    severity("Medium", m, Tone::Warn),
                    severity("Low", l, Tone::Fair),
                ],
                ticks: Vec::new(),
                scale: most,
            },
        }),
    ]
}

/// The longest chart label that fits beside its bar, cut with an ellipsis.
fn short(label: &str) -> String {
    const MAX: usize = 40;
    if label.chars().count() <= MAX {
        label.to_string()
    } else {
        label.chars().take(MAX - 1).chain(['…']).collect()
    }
}

fn findings(v: &View) -> Vec<Block> {
    let mut out = vec![Block::h2("Findings and actions")];
    if v.findings.is_empty() {
        out.push(Block::para(
            "No findings: every answered question is met and no gap rule applies.",
        ));
        return out;
    }
    // A checklist that labels findings as HMICFRS does gets a column for the label.
    let labelled = v.findings.iter().any(|f| f.label.is_some());
    let mut columns = vec![
        Column::figure("No.", 5),
        Column::text("Finding", if labelled { 31 } else { 43 }),
        Column::text("Severity", 11),
    ];
    if labelled {
        columns.push(Column::text("Label", 12));
    }
    columns.extend([
        Column::text("Owner", 15),
        Column::text("Due", 14),
        Column::text("Status", 12),
    ]);
    out.push(Block::Table(Table::new(
        "Action plan",
        columns,
        v.findings.iter().map(|f| plan_row(f, labelled)).collect(),
    )));
    out.push(Block::Cards {
        sheet: "Findings in full",
        cards: v.findings.iter().map(finding).collect(),
    });
    out
}

/// A finding's row in the action plan, whose cards below give the action in full: due dates
/// as dates, so a workbook sorts them.
fn plan_row(f: &FindingView, labelled: bool) -> Vec<Cell> {
    let finding = &f.row.finding;
    let mut row = vec![
        Value::Count(f.number as f64).into(),
        Cell::text(&finding.title),
        Cell::toned(f.severity, Tone::of_severity(finding.severity)),
    ];
    if labelled {
        row.push(Cell::text(f.label.unwrap_or("")));
    }
    row.extend([
        Cell::text(f.owner),
        finding
            .due
            .map_or(Cell::text(&f.due), |d| Value::Date(d).into()),
        Cell::toned(
            f.row.status.name(),
            if f.overdue { Tone::Bad } else { Tone::Warn },
        ),
    ]);
    row
}

fn finding(f: &FindingView) -> Card {
    let finding = &f.row.finding;
    let tone = Tone::of_severity(finding.severity);
    let mut area = plain(f.row.area_title.as_str());
    if let Some(label) = f.label {
        area.push(Span::muted(format!(" · {label}")));
    }
    let mut flagged = plain(f.row.because.join(" · "));
    flagged.extend(f.row.caveats.iter().map(|c| Span::italic(format!(" {c}"))));
    let mut due = plain(f.due.as_str());
    if f.overdue {
        due.push(Span::toned(" overdue", Tone::Bad));
    }
    let mut facts = vec![("Area".to_string(), area)];
    if !finding.explanation.is_empty() {
        facts.push((f.why_heading.into(), plain(finding.explanation.as_str())));
    }
    facts.push(("Why it was flagged".into(), flagged));
    facts.push(("Recommended action".into(), plain(finding.action.as_str())));
    if !f.good.is_empty() {
        facts.push(("What good looks like".into(), plain(f.good)));
    }
    facts.push(("Owner".into(), plain(f.owner)));
    facts.push(("Due".into(), due));
    if !f.themes.is_empty() {
        facts.push(("Recommendation themes".into(), plain(f.themes.join("; "))));
    }
    Card {
        id: format!("finding-{}", f.number),
        tone: Some(tone),
        heading: vec![
            Span::plain(format!("{}. {} ", f.number, finding.title)),
            Span::badge(f.severity, tone),
        ],
        facts,
        bullets: Vec::new(),
    }
}

fn answers(v: &View) -> Vec<Block> {
    let groups = v
        .answers
        .iter()
        .filter(|a| !a.rows.is_empty() || a.unanswered > 0)
        .map(|a| Group {
            heading: Some(a.title.to_string()),
            lines: vec![
                (Para::Muted, a.question.to_string()),
                (Para::Muted, a.standing_in_full()),
            ],
            rows: a
                .rows
                .iter()
                .map(|i| {
                    let mut question = Cell::text(&i.row.prompt);
                    if let Some(note) = &i.row.note {
                        question = question.with(Span::plain(format!("Note: {note}")));
                    }
                    if !i.row.evidence.is_empty() {
                        question = question.with(Span::muted(format!(
                            "Evidence: {}",
                            i.row.evidence.join("; ")
                        )));
                    }
                    if !i.action.is_empty() {
                        question = question.with(Span::muted(format!("Action: {}", i.action)));
                    }
                    let mut answer = Cell::toned(i.answer, state_tone(i.state));
                    for flag in &i.flags {
                        answer = answer.with(Span::italic(flag.as_str()));
                    }
                    vec![question, answer]
                })
                .collect(),
        })
        .collect();
    vec![
        Block::h2("Answers by area"),
        Block::para(
            "Each area's answers as recorded. Questions not yet answered are listed once, in the annex.",
        ),
        Block::Table(Table {
            sheet: "All answers",
            group: "Area",
            columns: vec![Column::text("Question", 76), Column::text("Answer", 24)],
            groups,
        }),
    ]
}

fn state_tone(state: &str) -> Tone {
    match state {
        "met" => Tone::Good,
        "partly" => Tone::Warn,
        "not-met" => Tone::Bad,
        _ => Tone::Neutral,
    }
}

fn rest(v: &View) -> Vec<Block> {
    let mut metrics = vec![Block::h2("Figures")];
    if v.r.metrics.is_empty() {
        metrics.push(Block::para(
            "No counts, amounts or percentages are recorded.",
        ));
    } else {
        metrics.push(Block::Table(Table::new(
            "Figures",
            vec![Column::text("Measure", 80), Column::figure("Figure", 20)],
            v.r.metrics
                .iter()
                .map(|m| {
                    let figure = match m.kind {
                        "count" => Value::Count(m.value),
                        "percent" => Value::Share(m.value),
                        "number" => Value::Number(m.value),
                        _ => Value::text(&m.shown),
                    };
                    vec![Cell::text(&m.label), figure.into()]
                })
                .collect(),
        )));
    }
    let mut out = vec![Block::Section {
        id: "metrics",
        blocks: metrics,
    }];
    if !v.carried.is_empty() {
        out.push(Block::Section {
            id: "carried",
            blocks: vec![
                Block::h2("Carried forward, not yet confirmed"),
                Block::para(format!(
                    "These {} answers were copied from the previous period and have not been checked again this period. They are not reported as this period's position, and the assessment cannot be signed off until each is confirmed or changed.",
                    v.carried.len()
                )),
                Block::Table(Table::new(
                    "Carried",
                    vec![
                        Column::text("Area", 25),
                        Column::text("Question", 55),
                        Column::text("Answer carried", 20),
                    ],
                    v.carried
                        .iter()
                        .map(|(a, q, x)| vec![Cell::text(*a), Cell::text(*q), Cell::text(*x)])
                        .collect(),
                )),
            ],
        });
    }
    if !v.conflicts.is_empty() {
        out.push(Block::Section {
            id: "conflicts",
            blocks: vec![
                Block::h2("Answers in conflict, not yet resolved"),
                Block::para(CONFLICTS),
                Block::Table(Table::new(
                    "Conflicts",
                    vec![
                        Column::text("Area", 20),
                        Column::text("Question", 40),
                        Column::text("Answer recorded", 15),
                        Column::text("A return gives", 25),
                    ],
                    v.conflicts
                        .iter()
                        .map(|(a, q, held, says)| {
                            vec![
                                Cell::text(*a),
                                Cell::text(*q),
                                Cell::text(*held),
                                Cell::text(says),
                            ]
                        })
                        .collect(),
                )),
            ],
        });
    }
    if !v.warnings.is_empty() {
        out.push(Block::Section {
            id: "quality",
            blocks: vec![
                Block::h2("Quality of the record"),
                Block::para(
                    "Points a reader would query in the record itself, rather than gaps in the force's arrangements.",
                ),
                Block::bullets(v.warnings.iter().cloned()),
            ],
        });
    }
    let mut method = vec![Block::h2("Method")];
    method.extend(v.method.iter().map(|p| Block::para(*p)));
    method.push(Block::h3("Checklist provenance"));
    method.extend(v.provenance.iter().map(|p| Block::para(*p)));
    out.push(Block::Section {
        id: "method",
        blocks: method,
    });
    let mut annex = vec![Block::h2("Annex: questions not yet answered")];
    if v.annex.is_empty() {
        annex.push(Block::para("Every applicable question has an answer."));
    } else {
        annex.push(Block::para(
            "These applicable questions have no answer yet, named by their short labels. They do not lower the score, but the report cannot speak to them.",
        ));
        annex.push(Block::Lists(
            v.annex
                .iter()
                .map(|(area, items)| {
                    (
                        area.to_string(),
                        items.iter().map(|s| s.to_string()).collect(),
                    )
                })
                .collect(),
        ));
    }
    out.push(Block::Section {
        id: "annex",
        blocks: annex,
    });
    out
}
