//! The progress report and the summary as workbooks, for tracking and sorting: the progress
//! report opens on the ledger of last period's commitments, the summary on the table by force.
//! Dates are dates and figures are numbers, so both sort and filter as such.

use rust_xlsxwriter::{Workbook, XlsxError};

use crate::document::tone::Tone;
use crate::document::workbook::{Styles, Value, table};
use crate::progress::compare::{Change, Comparison};
use crate::progress::summary::Summary;

pub fn comparison(c: &Comparison) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let s = Styles::new();
    let marking = &c.page.marking;
    let (before, after) = (c.before_period.as_str(), c.after_period.as_str());
    let ledger: Vec<Vec<Value>> = c
        .ledger
        .iter()
        .map(|l| {
            vec![
                Value::text(&l.title),
                Value::Toned(l.severity.name().into(), Tone::of_severity(l.severity)),
                Value::text(l.owner.as_deref().unwrap_or("not assigned")),
                l.due.map_or(Value::text("not set"), Value::Date),
                Value::Toned(l.status.name().into(), l.status.tone()),
            ]
        })
        .collect();
    let commitments = format!("Commitments from {before}");
    table(
        &mut wb,
        "Commitments",
        marking,
        &[
            (commitments.as_str(), 50.0),
            ("Severity", 10.0),
            ("Owner", 26.0),
            ("Due", 12.0),
            ("Now", 15.0),
        ],
        &ledger,
        &s,
    )?
    .set_active(true);

    let score = |x: Option<f64>| x.map_or(Value::text("not scored"), Value::Number);
    let change = |x: Option<f64>| Value::number_or_dash(x, Value::Change);
    let provisional = |[b, a]: [bool; 2]| {
        let which: Vec<&str> = [(b, before), (a, after)]
            .into_iter()
            .filter_map(|(on, p)| on.then_some(p))
            .collect();
        Value::text(if which.is_empty() {
            String::new()
        } else {
            format!("provisional in {}", which.join(" and "))
        })
    };
    let mut scores = vec![
        vec![
            Value::text("Overall"),
            score(c.overall.before),
            score(c.overall.after),
            change(c.overall.delta),
            provisional(c.overall_provisional),
        ],
        vec![
            Value::text("Completeness (%)"),
            score(c.completeness.before),
            score(c.completeness.after),
            change(c.completeness.delta),
            Value::Empty,
        ],
    ];
    scores.extend(c.areas.iter().map(|a| {
        vec![
            Value::text(&a.title),
            score(a.score.before),
            score(a.score.after),
            change(a.score.delta),
            provisional(a.provisional),
        ]
    }));
    table(
        &mut wb,
        "Scores",
        marking,
        &[
            ("Area", 50.0),
            (before, 12.0),
            (after, 12.0),
            ("Change", 12.0),
            ("Note", 30.0),
        ],
        &scores,
        &s,
    )?;

    let f = &c.findings;
    let findings: Vec<Vec<Value>> = [
        ("closed", &f.closed, Tone::Good),
        ("still open", &f.persisting, Tone::Warn),
        ("new", &f.opened, Tone::Bad),
        ("cannot be judged", &f.not_comparable, Tone::Neutral),
    ]
    .into_iter()
    .flat_map(|(state, ids, tone)| {
        ids.iter().filter_map(move |id| {
            let d = f.note(id)?;
            Some(vec![
                Value::text(&d.title),
                Value::Toned(d.severity.name().into(), Tone::of_severity(d.severity)),
                Value::Toned(state.into(), tone),
            ])
        })
    })
    .collect();
    table(
        &mut wb,
        "Findings",
        marking,
        &[("Finding", 60.0), ("Severity", 10.0), ("Now", 18.0)],
        &findings,
        &s,
    )?;

    let moved: Vec<Vec<Value>> = c
        .items
        .iter()
        .filter(|i| i.change != Change::Unchanged)
        .map(|i| {
            let tone = match i.change {
                Change::Improved => Tone::Good,
                Change::Regressed => Tone::Bad,
                _ => Tone::Neutral,
            };
            vec![
                Value::text(&i.prompt),
                Value::text(i.before_label.as_deref().unwrap_or("—")),
                Value::text(i.after_label.as_deref().unwrap_or("—")),
                Value::Toned(i.change.name().into(), tone),
                Value::text(i.reason.as_deref().unwrap_or("")),
            ]
        })
        .collect();
    table(
        &mut wb,
        "Answers that moved",
        marking,
        &[
            ("Question", 60.0),
            (before, 22.0),
            (after, 22.0),
            ("Change", 16.0),
            ("Why not comparable", 30.0),
        ],
        &moved,
        &s,
    )?;

    let figure = |x: Option<f64>| Value::number_or_dash(x, Value::Number);
    // Counts over windows of different lengths are also given per month.
    let (month_before, month_after) = (format!("{before} a month"), format!("{after} a month"));
    let figures: Vec<Vec<Value>> = c
        .metrics
        .iter()
        .map(|m| {
            vec![
                Value::text(&m.label),
                figure(m.before),
                figure(m.after),
                change(m.delta),
                Value::number_or_dash(m.percent, Value::Percent),
                m.per_month.map_or(Value::Empty, |p| {
                    Value::number_or_dash(p.before, Value::Number)
                }),
                m.per_month.map_or(Value::Empty, |p| {
                    Value::number_or_dash(p.after, Value::Number)
                }),
            ]
        })
        .collect();
    table(
        &mut wb,
        "Figures",
        marking,
        &[
            ("Measure", 60.0),
            (before, 12.0),
            (after, 12.0),
            ("Change", 12.0),
            ("Change (%)", 12.0),
            (&month_before, 14.0),
            (&month_after, 14.0),
        ],
        &figures,
        &s,
    )?;
    wb.save_to_buffer()
}

pub fn summary(sm: &Summary) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let s = Styles::new();
    let marking = &sm.page.marking;
    let rates = super::rate_labels(sm);
    let forces: Vec<Vec<Value>> = sm
        .by_force
        .iter()
        .map(|f| {
            let mut row = vec![
                Value::text(&f.force),
                Value::text(&f.period),
                f.score.map_or(Value::text("not scored"), Value::Number),
                Value::Toned(f.rating.label().into(), Tone::of_rating(f.rating)),
                Value::Share(f.completeness),
                Value::Count(f.findings.high as f64),
                Value::Count(f.findings.medium as f64),
                Value::Count(f.findings.low as f64),
                Value::Count(f.overdue as f64),
            ];
            row.extend(rates.iter().map(|label| {
                f.rates
                    .iter()
                    .find(|r| r.label == *label)
                    .and_then(|r| r.percent)
                    .map_or(Value::text("—"), Value::Share)
            }));
            row
        })
        .collect();
    let mut columns: Vec<(&str, f64)> = vec![
        ("Force", 28.0),
        ("Period", 10.0),
        ("Score", 9.0),
        ("Rating", 12.0),
        ("Complete", 10.0),
        ("High", 7.0),
        ("Medium", 8.0),
        ("Low", 7.0),
        ("Overdue", 9.0),
    ];
    columns.extend(rates.iter().map(|label| (*label, 22.0)));
    table(&mut wb, "By force", marking, &columns, &forces, &s)?.set_active(true);

    let gaps: Vec<Vec<Value>> = sm
        .rules
        .iter()
        .map(|r| {
            let tone = if r.flagged > 0 {
                Tone::of_severity(r.severity)
            } else {
                Tone::Neutral
            };
            vec![
                Value::text(&r.title),
                Value::Toned(r.severity.name().into(), tone),
                Value::Count(r.flagged as f64),
                Value::Count(r.not_judged as f64),
                Value::Count(sm.forces as f64),
                Value::text(r.forces.join(", ")),
                Value::text(r.not_flagged.join(", ")),
                Value::text(r.not_judged_forces.join(", ")),
            ]
        })
        .collect();
    table(
        &mut wb,
        "Gaps",
        marking,
        &[
            ("Gap", 50.0),
            ("Severity", 10.0),
            ("Forces flagged", 10.0),
            ("Could not be judged", 11.0),
            ("Forces", 9.0),
            ("Flagged", 30.0),
            ("Not flagged", 30.0),
            ("Not judged", 30.0),
        ],
        &gaps,
        &s,
    )?;

    let answers: Vec<Vec<Value>> = sm
        .items
        .iter()
        .map(|i| {
            let status = i.kind == "status";
            let mut row = vec![Value::text(&i.prompt)];
            row.extend([i.yes, i.partial, i.no, i.na].map(|n| {
                if status {
                    Value::Count(n as f64)
                } else {
                    Value::Empty
                }
            }));
            row.push(Value::Count(i.unanswered as f64));
            row.push(Value::Count(i.not_asked as f64));
            row.push(Value::text(i.other_answers().join("\n")));
            row
        })
        .collect();
    table(
        &mut wb,
        "Answers",
        marking,
        &[
            ("Question", 60.0),
            ("Yes", 7.0),
            ("Partly", 7.0),
            ("No", 7.0),
            ("N/A", 7.0),
            ("Unanswered", 11.0),
            ("Not asked", 10.0),
            ("Other answers", 40.0),
        ],
        &answers,
        &s,
    )?;

    let figures: Vec<Vec<Value>> = sm
        .metrics
        .iter()
        .map(|m| {
            vec![
                Value::text(&m.label),
                Value::Number(m.total),
                Value::Number(m.min),
                Value::Number(m.median),
                Value::Number(m.max),
                Value::Count(m.reported as f64),
            ]
        })
        .collect();
    table(
        &mut wb,
        "Figures",
        marking,
        &[
            ("Measure", 60.0),
            ("Total", 11.0),
            ("Lowest", 11.0),
            ("Median", 11.0),
            ("Highest", 11.0),
            ("Forces reporting", 10.0),
        ],
        &figures,
        &s,
    )?;
    wb.save_to_buffer()
}
