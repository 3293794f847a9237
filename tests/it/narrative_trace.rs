//! Every sentence of the narrative is traceable to the record: an answer's sentence in the
//! checklist's wording, an assessor's note, a figure, or a finding. The allow-list is built here
//! from the record and the checklist, independently of the narrative's own code: each answered
//! item's sentence is the one its answer selects, filled with the record's values (an answer
//! flagged for review only in its provisional form), and each finding gives its title, caveats,
//! action, owner and due date. A line of the narrative must be a run of whole allowed sentences,
//! so a sentence with a date window, a total or an evaluation the record does not hold matches
//! nothing and fails, wherever in the line it is put.
//!
//! The plain-register tests check the same narratives for what HMIC's letters never do.

use jiff::civil::{Date, date};
use probity_core::answer::{Kind, format_grouped, format_number};
use probity_core::assessment::{self, Assessment};
use probity_core::checklist::{Checklist, Item, Label};
use probity_core::document::{Document, Format};
use probity_core::report::{ActionStatus, Options, Report};
use probity_core::text::{long_date, sanitize_line};

use crate::support::{catalog, fixture};

fn load(name: &str) -> (Assessment, Checklist) {
    assessment::load(&fixture(name), catalog()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn options() -> Options {
    Options::new("OFFICIAL-SENSITIVE", date(2012, 12, 1))
}

fn narrative(r: &Report) -> String {
    String::from_utf8(r.render(Format::Narrative).unwrap()).unwrap()
}

fn words(n: f64) -> String {
    const WORDS: [&str; 10] = [
        "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    match WORDS.get(n as usize) {
        Some(w) if n.fract() == 0.0 && n >= 0.0 => w.to_string(),
        _ => format_grouped(n),
    }
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Untrusted text as one sentence, as every document gives it.
fn as_sentence(s: &str) -> String {
    let mut s = sanitize_line(s);
    if !s.is_empty() && !s.ends_with(['.', '!', '?']) {
        s.push('.');
    }
    s
}

/// The sentences the record allows, and the frame lines every narrative has.
struct Allowed {
    sentences: Vec<String>,
}

impl Allowed {
    fn add(&mut self, s: impl Into<String>) {
        let s = s.into();
        if s.is_empty() {
            return;
        }
        let c = capital(&s);
        if c != s {
            self.sentences.push(c);
        }
        self.sentences.push(s);
    }

    /// Builds the allow-list from the record: answers (through the checklist's sentence for
    /// that answer), notes, figures, findings and the checklist's own questions.
    fn from_record(c: &Checklist, r: &Report) -> Allowed {
        let mut allowed = Allowed {
            sentences: Vec::new(),
        };
        let month = |id: &Option<String>| -> Option<String> {
            let v = r.answer(id.as_deref()?)?.value.as_deref()?;
            let d: Date = v.parse().ok()?;
            Some(d.strftime("%B %Y").to_string())
        };
        let (between, since) = match (month(&c.context.period_start), month(&c.context.period_end))
        {
            (Some(s), Some(e)) => (format!("between {s} and {e}"), format!("since {s}")),
            (Some(s), None) => (format!("since {s}"), format!("since {s}")),
            _ => ("in the period".to_string(), "in the period".to_string()),
        };
        for item in c.items() {
            let Some(row) = r.answer(&item.id) else {
                continue;
            };
            if !row.asked || row.carried {
                continue;
            }
            if row.value.is_none() {
                // An open question is named as open only beside what its note records.
                if let Some(note) = &row.note {
                    allowed.add(format!(
                        "The question \u{201c}{}\u{201d} is not yet answered.",
                        row.short
                    ));
                    allowed.add(as_sentence(note));
                }
                continue;
            }
            if let Some(t) = said(r, item) {
                let t = t.replace("{between}", &between).replace("{since}", &since);
                if row.review {
                    allowed.add(format!(
                        "{} (recorded provisionally, to be confirmed).",
                        capital(t.trim_end_matches('.'))
                    ));
                } else {
                    allowed.add(t);
                }
            }
            if let Some(note) = &row.note {
                allowed.add(as_sentence(note));
            }
        }
        for f in &r.findings {
            let title = as_sentence(&f.finding.title);
            allowed.add(title.clone());
            let label = match f.finding.label {
                Some(Label::CauseOfConcern) => "Cause of concern".to_string(),
                Some(Label::AreaForImprovement) => "Area for improvement".to_string(),
                None => format!("{} priority", capital(f.finding.severity.name())),
            };
            allowed.add(format!("- {label}: {title}"));
            for caveat in &f.caveats {
                allowed.add(caveat.clone());
            }
            allowed.add(as_sentence(&f.finding.action));
            if let Some(owner) = &f.finding.owner {
                allowed.add(format!("Owner: {}.", sanitize_line(owner)));
            }
            if let Some(due) = f.finding.due {
                allowed.add(if f.status == ActionStatus::Overdue {
                    format!(
                        "Due {}, overdue at {}.",
                        long_date(due),
                        long_date(r.as_at())
                    )
                } else {
                    format!("Due {}.", long_date(due))
                });
            }
        }
        for section in &c.narrative {
            allowed.add(section.question.clone());
        }
        allowed.opening(r);
        allowed.judged(r);
        // The narrative's own frame: headings and the line for a question with no answers.
        for frame in [
            "Where the force needs to act:",
            "The assessment records nothing on this question yet.",
        ] {
            allowed.add(frame);
        }
        allowed.add(r.marking().to_string());
        allowed.add(format!(
            "Integrity self-assessment: {}, {}",
            r.force, r.period
        ));
        allowed.add(format!(
            "Findings in prose, produced {}",
            long_date(r.page.generated)
        ));
        allowed.add(r.sign_off_line());
        allowed.add(r.page.as_at_sentence());
        allowed
    }

    /// The opening's figures, each from the report's own counts.
    fn opening(&mut self, r: &Report) {
        self.add(format!(
            "This is {}'s self-assessment for {}, made against {}.",
            r.force, r.period, r.checklist_described
        ));
        let (answered, applicable) = (r.score.answered, r.score.applicable);
        if answered == applicable && applicable > 1 {
            self.add(format!(
                "All {} questions that apply have been answered.",
                words(applicable as f64)
            ));
        } else {
            self.add(format!(
                "{} of the {applicable} questions that apply {} been answered ({}%).",
                match answered {
                    0 => "None".to_string(),
                    n => capital(&words(n as f64)),
                },
                if answered == 1 { "has" } else { "have" },
                format_number(r.score.completeness)
            ));
        }
        match (r.score.overall, r.score.provisional) {
            (None, _) => self.add("No score can be given yet."),
            (Some(_), true) => self.add(format!(
                "No overall score is given: one would rest on only {} of the {} scored questions that apply.",
                words(r.score.basis.rests_on as f64),
                r.score.basis.out_of
            )),
            (Some(s), false) => self.add(format!(
                "The overall score is {} out of 100, rated {}.",
                format_number(s),
                r.score.rating.label()
            )),
        }
        let (h, m, l) = r.severity_counts();
        let unanswered = r.score.applicable - r.score.answered;
        match r.findings.len() {
            0 if unanswered > 0 => self.add(format!(
                "The answers given so far raise no findings; {} of the questions that apply {} not yet answered.",
                words(unanswered as f64),
                if unanswered == 1 { "is" } else { "are" }
            )),
            0 => self.add("The assessment gives no findings."),
            n => self.add(format!(
                "The assessment gives {} finding{}: {} high, {} medium and {} low.",
                words(n as f64),
                if n == 1 { "" } else { "s" },
                words(h as f64),
                words(m as f64),
                words(l as f64)
            )),
        }
        self.add(format!(
            "What follows sets out what the answers, notes and figures record on each of {} questions.",
            words(r.prose.sections.len() as f64)
        ));
        if let Some(s) = r.unconfirmed_sentence() {
            self.add(s);
        }
        let provisional = r
            .areas
            .iter()
            .flat_map(|a| &a.items)
            .filter(|i| i.asked && i.review && !i.carried && i.answer.is_some())
            .count();
        self.add(format!(
            "{} {} recorded provisionally and still to be confirmed; {} given as such.",
            capital(&words(provisional as f64)),
            if provisional == 1 {
                "answer is"
            } else {
                "answers are"
            },
            if provisional == 1 {
                "it is"
            } else {
                "they are"
            }
        ));
    }

    /// The progress verdicts: each the report's own verdict for an area, in its words.
    fn judged(&mut self, r: &Report) {
        // How the judgements or verdicts are reached closes every narrative, in the report's
        // own words.
        self.add(r.judged_method.clone());
        let Some(v) = &r.verdicts else {
            return;
        };
        self.add("Progress verdicts");
        self.add(
            "Progress verdicts in the style of HMIC's 2012 revisit measure change since an earlier assessment of the same force.",
        );
        self.add("There is none to measure against, so no progress verdict is given: where the force and each area stand is given instead.");
        for row in std::iter::once(&v.overall).chain(&v.areas) {
            self.add(format!("- {}: {}", row.title, as_sentence(&row.why)));
        }
        // Areas without a verdict for one reason are named together, by their titles.
        for reason in ["its score is provisional", "nothing scored is answered"] {
            self.add(format!("- No verdict ({reason}):"));
        }
        for area in v
            .areas
            .iter()
            .filter(|a| a.verdict.is_none() && a.standing.is_none())
        {
            self.add(format!("{};", area.title));
            self.add(format!("{}.", area.title));
        }
    }

    /// What in `line` no run of allowed sentences accounts for: None when all of it is.
    fn unaccounted<'l>(&self, line: &'l str) -> Option<&'l str> {
        let mut rest = line;
        while !rest.is_empty() {
            // The longest allowed sentence the rest begins with, ending where a sentence or
            // list entry may end.
            let hit = self
                .sentences
                .iter()
                .filter(|s| {
                    rest.starts_with(s.as_str())
                        && (rest.len() == s.len()
                            || rest[s.len()..].starts_with(' ')
                            || s.ends_with(':')
                            || s.ends_with(';'))
                })
                .map(String::len)
                .max();
            match hit {
                Some(n) => rest = rest[n..].trim_start(),
                None => return Some(rest),
            }
        }
        None
    }
}

/// The sentence the checklist gives for an item's answer, filled with the record's values.
fn said(r: &Report, item: &Item) -> Option<String> {
    let row = r.answer(&item.id)?;
    let stored = row.value.as_deref()?;
    let say = &item.say;
    let number = |id: &str| -> Option<f64> { r.answer(id)?.value.as_deref()?.parse().ok() };
    match &item.kind {
        Kind::Status => match stored {
            "yes" => say.yes.clone(),
            "partial" => say.partial.clone(),
            "no" => say.no.clone(),
            _ => None,
        },
        Kind::Choice(_) => say
            .options
            .iter()
            .find(|(o, _)| o == stored)
            .map(|(_, t)| t.clone()),
        Kind::Count if say.of.is_some() => {
            let (part, whole) = (number(&item.id)?, number(say.of.as_deref()?)?);
            let t = if part > whole {
                say.exceeds.clone()
            } else if part == whole && whole > 0.0 && say.all.is_some() {
                say.all.clone()
            } else {
                say.value.clone()
            }?;
            let part = if part == 0.0 {
                "none".into()
            } else {
                words(part)
            };
            Some(t.replace("{value}", &part).replace("{of}", &words(whole)))
        }
        Kind::Count => {
            let n = number(&item.id)?;
            let t = match n {
                0.0 => say.zero.clone(),
                1.0 => say.one.clone(),
                _ => say.many.clone(),
            }?;
            Some(capital(&t.replace("{n}", &words(n))))
        }
        _ => Some(
            say.value
                .as_ref()?
                .replace("{value}", &sanitize_line(row.answer.as_deref()?)),
        ),
    }
}

/// The lines of a narrative, without a graded report's judgements (the grading tests own
/// their wording).
fn outside_judgements<'t>(c: &Checklist, text: &'t str) -> Vec<&'t str> {
    let first_question = c.narrative.first().map(|s| s.question.as_str());
    let mut judgements = false;
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .filter(|l| {
            if *l == "Graded judgements" {
                judgements = true;
            } else if Some(*l) == first_question {
                judgements = false;
            }
            !judgements
        })
        .collect()
}

/// The lines of a narrative that the record does not account for. A graded report's
/// judgements, which page 1 gives in the same words, are checked by the grading tests; every
/// other line is traced here.
fn untraced(c: &Checklist, r: &Report, text: &str) -> Vec<String> {
    let allowed = Allowed::from_record(c, r);
    outside_judgements(c, text)
        .into_iter()
        .filter_map(|l| {
            allowed
                .unaccounted(l)
                .map(|rest| format!("{rest}\n  in: {l}"))
        })
        .collect()
}

#[test]
fn every_sentence_of_every_fixture_narrative_traces_to_the_record() {
    for name in FIXTURES {
        let (a, c) = load(name);
        let r = Report::new(&c, &a, &options());
        let text = narrative(&r);
        let missing = untraced(&c, &r, &text);
        assert!(
            missing.is_empty(),
            "{name}: not traceable to the record:\n{}\n\n{text}",
            missing.join("\n")
        );
    }
}

#[test]
fn an_invented_window_total_or_evaluation_fails_the_trace() {
    let (a, c) = load("dorset-2012.toml");
    let r = Report::new(&c, &a, &options());
    let text = narrative(&r);
    assert!(untraced(&c, &r, &text).is_empty());
    let cases = [
        // A window HMIC never gave for its research cases.
        (
            "Two possible cases of officers or staff misusing social media came to light.",
            "Two possible cases of officers or staff misusing social media came to light between September 2011 and May 2012.",
        ),
        // An evaluation the record does not hold, inside an allowed sentence.
        (
            "Applications are decided with professional standards involved",
            "Applications are decided at the right level, with professional standards involved",
        ),
        (
            "The force checks whether the rules are followed, relying on staff or the public to report concerns.",
            "The force checks whether the rules are followed, relying on staff or the public to report concerns rather than looking for itself.",
        ),
        // A whole sentence of evaluation.
        (
            "The force has a dedicated anti-corruption unit.",
            "The force has a dedicated anti-corruption unit. Applications are decided at the right level.",
        ),
        // A total the record does not hold.
        (
            "No overall score is given",
            "The overall score of 80 out of 100 is provisional. No overall score is given",
        ),
        // A provisional answer stated as settled fact.
        (
            "The register is reviewed from time to time, with no set interval (recorded provisionally, to be confirmed).",
            "The register is reviewed from time to time, with no set interval.",
        ),
        // A finding's sentence on the wrong answer: the record says no, not yes.
        (
            "No monitoring compares contract and procurement records",
            "Monitoring is in place to compare contract and procurement records",
        ),
    ];
    for (from, to) in cases {
        assert!(text.contains(from), "the narrative no longer says: {from}");
        let tampered = text.replacen(from, to, 1);
        assert!(
            !untraced(&c, &r, &tampered).is_empty(),
            "the trace accepts an invented sentence: {to}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Plain register
// ---------------------------------------------------------------------------------------------

const FIXTURES: [&str; 12] = [
    "calibration/cleveland-2023.toml",
    "calibration/dorset-2022.toml",
    "calibration/essex-2023.toml",
    "calibration/thames-valley-2026.toml",
    "calibration/warwickshire-2023.toml",
    "calibration/wiltshire-2025.toml",
    "full-2013.toml",
    "dorset-2013.toml",
    "dorset-2012.toml",
    "durham-2012.toml",
    "northmoor-2026.toml",
    "thames-valley-2012.toml",
];

fn reports() -> Vec<(&'static str, Report)> {
    FIXTURES
        .iter()
        .map(|name| {
            let (a, c) = load(name);
            (*name, Report::new(&c, &a, &options()))
        })
        .collect()
}

/// The paragraphs of prose under the questions: not headings, list entries or frame lines.
fn body(text: &str) -> Vec<&str> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| p.len() > 80 && !p.starts_with("- ") && !p.contains('\n'))
        .collect()
}

/// A paragraph or list entry cut into sentences: after a full stop, question or exclamation
/// mark (or a closing quotation mark after one) followed by a space.
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.trim().trim_start_matches("- ");
        let mut current = String::new();
        let chars: Vec<char> = line.chars().collect();
        for (i, ch) in chars.iter().enumerate() {
            current.push(*ch);
            let ends = matches!(ch, '.' | '?' | '!')
                || (*ch == '\u{201d}' && i > 0 && matches!(chars[i - 1], '.' | '?' | '!'));
            if ends && chars.get(i + 1) == Some(&' ') {
                out.push(current.trim().to_string());
                current.clear();
            }
        }
        if !current.trim().is_empty() {
            out.push(current.trim().to_string());
        }
    }
    out
}

#[test]
fn notes_are_folded_into_the_paragraph_not_attributed_one_by_one() {
    for (name, r) in reports() {
        let text = narrative(&r);
        assert!(!text.contains("The assessor noted"), "{name}\n{text}");
        // A checklist sentence is never put in quotation marks as though someone said it.
        assert!(
            !text.contains("Recorded provisionally, to be confirmed: \u{201c}"),
            "{name}\n{text}"
        );
        for p in body(&text) {
            let quotations = p.matches('\u{201c}').count();
            assert!(
                quotations <= 1,
                "{name}: {quotations} attributed quotations in one paragraph:\n{p}"
            );
        }
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

#[test]
fn no_sentence_starts_with_a_lower_case_letter_or_number_word() {
    for (name, r) in reports() {
        let text = narrative(&r);
        for s in sentences(&text) {
            let first = s.chars().next().unwrap();
            // The tool's own name is written in lower case.
            assert!(
                !first.is_lowercase() || s.starts_with("probity"),
                "{name}: a sentence starts in lower case: {s}"
            );
        }
        // Small figures are words mid-sentence: "Of the 7 … 7 were referred" is not written.
        for s in sentences(&text) {
            let words: Vec<&str> = s.split(' ').collect();
            for (i, w) in words.iter().enumerate().skip(1) {
                let w = w.trim_end_matches([',', '.', ';', ':']);
                // A day of the month is a date, not a figure.
                let date = s
                    .split(' ')
                    .nth(i + 1)
                    .is_some_and(|m| MONTHS.contains(&m.trim_end_matches([',', '.'])));
                // "Schedule 3" names a part of a statute, not a count.
                let named = [
                    "Schedule",
                    "Part",
                    "Regulation",
                    "Section",
                    "Article",
                    "Appendix",
                ]
                .contains(&words[i - 1]);
                // An owner is named as recorded, whatever the name holds.
                let owner = s.starts_with("Owner:");
                assert!(
                    owner
                        || date
                        || named
                        || !(w.len() == 1 && w.chars().all(|c| c.is_ascii_digit())),
                    "{name}: a figure under ten in digits mid-sentence: {s}"
                );
            }
        }
    }
}

#[test]
fn no_sentence_gives_the_same_figure_twice() {
    for (name, r) in reports() {
        let text = narrative(&r);
        let c = crate::support::built_in(&r.checklist);
        let prose = outside_judgements(&c, &text).join("\n");
        for s in sentences(&prose) {
            let figures: Vec<&str> = s
                .split(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
                .map(|f| f.trim_matches([',', '.']))
                .filter(|f| f.chars().any(|c| c.is_ascii_digit()))
                // A year names a time, not a figure: "2026" may name the period and the
                // checklist in one sentence.
                .filter(|f| !(f.len() == 4 && (f.starts_with("19") || f.starts_with("20"))))
                .collect();
            for (i, f) in figures.iter().enumerate() {
                assert!(
                    !figures[i + 1..].contains(f),
                    "{name}: {f} given twice in one sentence: {s}"
                );
            }
        }
    }
}

#[test]
fn findings_ask_for_nothing_already_recorded_and_say_plainly_what_is_wrong() {
    for (name, r) in reports() {
        for f in &r.findings {
            let action = f.finding.action.to_lowercase();
            if f.finding.owner.is_some() {
                assert!(
                    !action.contains("name an owner") && !action.contains("name the owner"),
                    "{name}: {} asks for an owner the record holds",
                    f.finding.id
                );
            }
            if f.finding.due.is_some() {
                assert!(
                    !action.contains("and a date for"),
                    "{name}: {} asks for a date the record holds",
                    f.finding.id
                );
            }
            // A title says what is wrong, not a choice of things that might be.
            let title = &f.finding.title;
            assert!(
                !title.contains(", or ") && !title.contains(", incomplete or "),
                "{name}: hedged title: {title}"
            );
        }
        let text = narrative(&r);
        for tool in [
            "same folder",
            "beside this one",
            "found beside",
            "in the note",
            "this answer",
        ] {
            assert!(!text.contains(tool), "{name}: tool-speak {tool:?}\n{text}");
        }
    }
}

#[test]
fn a_provisional_score_is_never_the_narratives_first_number() {
    for (name, r) in reports() {
        let text = narrative(&r);
        if r.score.provisional {
            assert!(!text.contains("out of 100"), "{name}\n{text}");
        }
        if r.findings.is_empty() {
            assert!(
                !text.contains("The assessment gives no findings"),
                "{name}: silence read as assurance\n{text}"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Contradicted answers
// ---------------------------------------------------------------------------------------------

/// Northmoor with its threat assessment answered "yes" (less than a year old) beside an
/// approval date 16 months before its completion date.
fn contradicted_northmoor() -> (Assessment, Checklist) {
    let text = std::fs::read_to_string(fixture("northmoor-2026.toml")).unwrap();
    let from = "[answers.\"corruption.threat_assessment\"]\nvalue = \"partial\"";
    assert!(text.contains(from));
    let text = text.replacen(
        from,
        "[answers.\"corruption.threat_assessment\"]\nvalue = \"yes\"",
        1,
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("northmoor-2026.toml");
    std::fs::write(&path, text).unwrap();
    assessment::load(&path, catalog()).unwrap()
}

#[test]
fn a_contradicted_answer_is_reported_as_a_finding_not_narrated() {
    let (a, c) = contradicted_northmoor();
    let r = Report::new(&c, &a, &Options::new("OFFICIAL", date(2026, 12, 7)));
    let yes = c
        .item("corruption.threat_assessment")
        .and_then(|i| i.say.yes.clone())
        .unwrap();
    let text = narrative(&r);
    assert!(
        !text.contains(yes.as_str()),
        "narrates the contradicted yes\n{text}"
    );
    assert!(!text.contains("less than a year old"), "{text}");
    // Every sentence still traces to the record: the finding stands where the answer did.
    assert!(
        untraced(&c, &r, &text).is_empty(),
        "{:?}",
        untraced(&c, &r, &text)
    );
    // Nor is it counted as met: the area is not "100% met" beside the finding that
    // contradicts it. The "yes" counts as the answer the rule leaves standing, "partial",
    // so the area scores exactly as Northmoor's own corrected answer does: neither more,
    // nor less (a contradicted "yes" must not score below the "partial" that corrects it).
    assert!(
        !text.contains("Counter-corruption: Good: 100% met"),
        "{text}"
    );
    let area = |r: &Report| {
        r.score
            .areas
            .iter()
            .find(|a| a.id == "corruption")
            .and_then(|a| a.score)
    };
    let (corrected, _) = load("northmoor-2026.toml");
    let corrected = Report::new(&c, &corrected, &Options::new("OFFICIAL", date(2026, 12, 7)));
    assert_eq!(area(&r), area(&corrected));
    assert!(area(&r) < Some(100.0));
    let stale = r
        .findings
        .iter()
        .find(|f| f.finding.id == "stale_threat_assessment")
        .expect("the age rule fires");
    assert_eq!(stale.finding.area, "corruption");
    assert!(
        stale
            .caveats
            .iter()
            .any(|c| c.contains("contradicts the answer given for")),
        "{:?}",
        stale.caveats
    );
    // The paragraph gives the finding in the answer's place, and the area's actions list it
    // with the contradiction stated.
    let paragraph = body(&text)
        .into_iter()
        .find(|p| p.contains("The current counter-corruption threat assessment was approved on 29 November 2024."))
        .unwrap();
    assert!(
        paragraph.starts_with("The counter-corruption threat assessment is more than a year old."),
        "{paragraph}"
    );
    assert!(
        text.contains("It contradicts the answer given for \u{201c}"),
        "{text}"
    );
    // Answered "partial", the date agrees with the answer: nothing is contradicted.
    let (a, c) = load("northmoor-2026.toml");
    let r = Report::new(&c, &a, &Options::new("OFFICIAL", date(2026, 12, 7)));
    assert!(
        r.findings
            .iter()
            .flat_map(|f| &f.caveats)
            .all(|c| !c.contains("contradicts")),
    );
    let text = narrative(&r);
    assert!(
        text.contains(
            "The force's counter-corruption threat assessment is out of date or incomplete."
        ),
        "{text}"
    );
}

#[test]
fn nothing_in_a_report_is_addressed_to_the_assessor() {
    for (name, r) in reports() {
        for format in [Format::Md, Format::Narrative, Format::Csv] {
            let text = String::from_utf8(r.render(format).unwrap()).unwrap();
            for said in [
                "in the note",
                "owner of this answer",
                "Answer not applicable",
                "the next question",
            ] {
                assert!(
                    !text.contains(said),
                    "{name} {format:?}: {said:?} is written to the assessor\n{text}"
                );
            }
        }
    }
    // How to record an answer is kept for whoever answers.
    let c = crate::support::built_in("wfof-2011");
    let item = c.item("gifts.register.monitoring").unwrap();
    assert!(!item.guidance.contains("in the note"), "{}", item.guidance);
    assert!(
        item.guidance_for_answering()
            .contains("say in the note what the review looks for"),
    );
}

#[test]
fn an_open_question_is_said_to_be_open_beside_its_note_and_not_when_redacted() {
    let (a, c) = load("dorset-2012.toml");
    let open = "The question \u{201c}Integrity reports to the PCC\u{201d} is not yet answered. HMIC said the police authority continued to oversee integrity matters";
    let text = narrative(&Report::new(&c, &a, &options()));
    assert!(text.contains(open), "{text}");
    // An open question with nothing noted says nothing: the chief officer lead, in the same
    // paragraph, is left open in Dorset's file without a note.
    assert!(a.answer("governance.lead").is_none());
    assert!(!text.contains("Chief officer lead for integrity"), "{text}");
    let redacted = Options {
        redact: true,
        ..options()
    };
    let text = narrative(&Report::new(&c, &a, &redacted));
    assert!(!text.contains("Integrity reports to the PCC"), "{text}");
    // What was removed is said, as on every other format's cover.
    assert!(
        text.contains("have been removed for sharing outside the force"),
        "{text}"
    );
}

/// A graded narrative opens with its judgements and closes with how they are reached, so the
/// method does not stand between the reader and what the answers record.
#[test]
fn a_graded_narrative_gives_its_method_last() {
    let (a, c) = load("northmoor-2026.toml");
    let r = Report::new(&c, &a, &options());
    let text = narrative(&r);
    let method = text.find(r.judged_method.as_str()).expect("the method");
    let judgements = text.find("Graded judgements").expect("the judgements");
    let last_question = c.narrative.last().map(|s| s.question.as_str()).unwrap();
    assert!(judgements < text.find(last_question).unwrap());
    assert!(text.find(last_question).unwrap() < method, "{text}");
}
