//! The narrative force report: the findings written as prose, under the three questions that
//! HMIC's 2012 force reports answer. Each sentence is one of our templates, chosen by the
//! state of an item (its status, choice or count), followed by the assessor's note where there
//! is one. The mapping from questions to items lives here, beside the sentences it drives.
//!
//! The output is plain text: every value from the assessment is folded onto one line and
//! stripped of control characters, so nothing in it can act as markup or drive a terminal.

use std::fmt::Write;

use jiff::civil::Date;

use super::{Report, score_text};
use crate::assessment::format_number;
use crate::scoring::{Finding, FindingKind};
use crate::text;

/// One sentence template, chosen by the item's answer.
enum Say {
    /// A status item: a sentence for yes, partial and no. Not applicable says nothing.
    Status {
        item: &'static str,
        yes: &'static str,
        partial: &'static str,
        no: &'static str,
    },
    /// A choice item: a sentence per option id.
    Choice {
        item: &'static str,
        options: &'static [(&'static str, &'static str)],
    },
    /// A count: `{n}` is the number; `{between}` and `{since}` name the period.
    Count {
        item: &'static str,
        zero: &'static str,
        one: &'static str,
        many: &'static str,
        note: bool,
    },
    /// An amount in pounds: `{amount}`.
    Money {
        item: &'static str,
        text: &'static str,
    },
    /// Two counts, one part of the other: `{part}`, `{whole}` and `{since}`. `impossible` is
    /// said instead when the part is larger than the whole, which is a data error.
    Ratio {
        part: &'static str,
        whole: &'static str,
        text: &'static str,
        impossible: &'static str,
    },
    /// A text answer, given as written.
    Text { item: &'static str },
}

struct Section {
    question: &'static str,
    /// Findings in these areas are listed under this section; the last section takes the rest.
    areas: &'static [&'static str],
    paragraphs: &'static [&'static [Say]],
}

use Say::*;

const SECTIONS: &[Section] = &[
    Section {
        question: "How are dealings with the press managed, and leaks of information investigated?",
        areas: &["media", "disclosure"],
        paragraphs: &[
            &[
                Status {
                    item: "media.policy",
                    yes: "The force has a current written policy that tells officers and staff how to deal with journalists.",
                    partial: "The force has a written policy on dealing with journalists, but it is incomplete or out of date.",
                    no: "The force has no current written policy on dealing with journalists.",
                },
                Status {
                    item: "media.contact.recorded",
                    yes: "Every contact between staff and journalists has to be recorded or reported to the press office.",
                    partial: "Contact between staff and journalists is recorded only in part.",
                    no: "Contact between staff and journalists is not recorded.",
                },
                Status {
                    item: "media.training",
                    yes: "Awareness training on dealing with the media and using social media has been delivered.",
                    partial: "Awareness training on dealing with the media and using social media is planned but not yet fully delivered.",
                    no: "No awareness training on dealing with the media or using social media has been given or planned.",
                },
            ],
            &[
                Status {
                    item: "disclosure.policy",
                    yes: "Staff have clear guidance on what they may disclose and how to report a suspected leak.",
                    partial: "Guidance on unauthorised disclosure exists but leaves gaps.",
                    no: "Staff have no clear guidance on unauthorised disclosure of information.",
                },
                Status {
                    item: "disclosure.media_watch",
                    yes: "The force watches published media coverage for signs of leaked information and refers concerns to professional standards.",
                    partial: "Media coverage is watched for signs of leaks only some of the time.",
                    no: "Nobody watches published media coverage for signs of leaked information.",
                },
                Count {
                    item: "disclosure.leaks_investigated",
                    zero: "The force did not investigate any case of inappropriate disclosure to the media {between}.",
                    one: "The force investigated one case of inappropriate disclosure to the media {between}.",
                    many: "The force investigated {n} cases of inappropriate disclosure to the media {between}.",
                    note: false,
                },
                Text {
                    item: "disclosure.leaks_outcome",
                },
                Status {
                    item: "disclosure.private_investigators",
                    yes: "Controls stop officers and staff from working for, or passing information to, private investigators.",
                    partial: "Controls on contact with private investigators are only partly in place.",
                    no: "There are no controls on officers and staff working for, or passing information to, private investigators.",
                },
            ],
            &[
                Status {
                    item: "media.social.policy",
                    yes: "A policy sets out how officers and staff should behave on social networking sites, on duty and off.",
                    partial: "Guidance on staff's use of social networking sites exists but does not cover all it should.",
                    no: "There is no policy on how officers and staff should behave on social networking sites.",
                },
                Choice {
                    item: "media.social.monitoring",
                    options: &[
                        (
                            "none",
                            "The force does not check whether these rules are followed.",
                        ),
                        (
                            "staff_reports",
                            "The force checks whether the rules are followed, but it depends on staff or the public to report concerns rather than looking for itself.",
                        ),
                        (
                            "force_sites",
                            "The force looks for breaches of the rules, and for information leaked online, on its own accounts and sites, but does not check staff's own public accounts.",
                        ),
                        (
                            "proactive",
                            "The force actively checks the public accounts of staff who can be identified as police.",
                        ),
                    ],
                },
                Count {
                    item: "media.social.cases_identified",
                    zero: "No possible cases of officers or staff misusing social media came to light {between}.",
                    one: "One possible case of an officer or member of staff misusing social media came to light {between}.",
                    many: "There were {n} possible cases of officers or staff misusing social media {between}.",
                    note: true,
                },
                Text {
                    item: "media.social.cases_outcome",
                },
            ],
        ],
    },
    Section {
        question: "Are the rules on gifts, hospitality, procurement and second jobs clearer?",
        areas: &["gifts", "procurement", "business"],
        paragraphs: &[
            &[
                Status {
                    item: "gifts.policy",
                    yes: "Staff have written guidance to help them decide whether to accept an offer of a gift or hospitality.",
                    partial: "Written guidance on accepting gifts and hospitality exists but is incomplete.",
                    no: "Staff have no written guidance on whether to accept gifts or hospitality.",
                },
                Money {
                    item: "gifts.threshold",
                    text: "The guidance sets a limit of {amount} on what staff may accept.",
                },
                Status {
                    item: "gifts.register.exists",
                    yes: "The force keeps a register of gifts and hospitality.",
                    partial: "The force keeps a register of gifts and hospitality, but not for every part of the organisation.",
                    no: "The force keeps no register of gifts and hospitality.",
                },
                Choice {
                    item: "gifts.register.form",
                    options: &[
                        ("none", "There is no register that can actually be used."),
                        (
                            "several_local",
                            "Offers are recorded in several separate local registers, which makes it harder to see the whole picture.",
                        ),
                        (
                            "single_paper",
                            "All offers go into one central paper register.",
                        ),
                        (
                            "single_electronic",
                            "All offers go into one central electronic register.",
                        ),
                    ],
                },
                Status {
                    item: "gifts.register.declined",
                    yes: "Offers that were turned down are recorded as well as those accepted.",
                    partial: "Offers that were turned down are recorded only some of the time.",
                    no: "Only accepted offers are recorded; those turned down are not.",
                },
                Choice {
                    item: "gifts.register.monitoring",
                    options: &[
                        ("never", "Nobody reviews the register."),
                        (
                            "ad_hoc",
                            "The register is reviewed from time to time, with no set interval.",
                        ),
                        (
                            "quarterly",
                            "The register is reviewed at least once a quarter.",
                        ),
                        (
                            "monthly",
                            "The register is reviewed every month or more often.",
                        ),
                    ],
                },
            ],
            &[
                Status {
                    item: "procurement.gifts_crossref",
                    yes: "Monitoring is in place to compare contract and procurement records with the gifts and hospitality register, so that a company offering hospitality and then winning a contract would be noticed.",
                    partial: "Contract and procurement records are compared with the gifts and hospitality register only in part.",
                    no: "No monitoring compares contract and procurement records with the gifts and hospitality register, so a company that offered hospitality and then won a contract would not be noticed.",
                },
                Status {
                    item: "procurement.interests_crossref",
                    yes: "Supplier records are checked against the business interests declared by staff.",
                    partial: "Supplier records are checked against staff's declared business interests only in part.",
                    no: "Supplier records are not checked against the business interests declared by staff.",
                },
                Status {
                    item: "procurement.cards.policy",
                    yes: "A policy governs corporate credit and purchasing cards.",
                    partial: "The policy on corporate credit and purchasing cards is incomplete.",
                    no: "There is no policy on corporate credit and purchasing cards.",
                },
                Choice {
                    item: "procurement.cards.review",
                    options: &[
                        (
                            "none",
                            "Nobody independent of the cardholder reviews card spending.",
                        ),
                        (
                            "sample",
                            "A sample of card transactions is reviewed by someone other than the cardholder.",
                        ),
                        (
                            "all",
                            "Every card transaction is reviewed by someone other than the cardholder.",
                        ),
                    ],
                },
            ],
            &[
                Status {
                    item: "business.policy",
                    yes: "A policy sets out how officers and staff apply for permission to hold a second job or business interest.",
                    partial: "The policy on second jobs and business interests does not yet apply fully to officers and staff alike.",
                    no: "There is no single policy on second jobs and business interests.",
                },
                Status {
                    item: "business.decisions",
                    yes: "Applications are decided at the right level, with professional standards involved.",
                    partial: "Decisions on applications do not always involve professional standards or record their reasons.",
                    no: "Decisions on applications are not taken at a consistent level or recorded.",
                },
                Ratio {
                    part: "business.approved",
                    whole: "business.applications",
                    text: "Of the {whole} applications for second jobs received {since}, {part} were approved.",
                    impossible: "The figures give {part} approvals against {whole} applications for second jobs {since}, \
                                 which cannot both be right; they need checking.",
                },
                Status {
                    item: "business.review",
                    yes: "Approved interests are reviewed again at set intervals.",
                    partial: "Approved interests are reviewed again only some of the time.",
                    no: "Once approved, interests are not reviewed again.",
                },
            ],
        ],
    },
    Section {
        question: "How does the force identify, monitor and manage integrity issues?",
        areas: &[],
        paragraphs: &[
            &[
                Status {
                    item: "governance.self_assessment",
                    yes: "The force has carried out an integrity self-assessment using this checklist.",
                    partial: "The force has started an integrity self-assessment but not finished it.",
                    no: "The force has not carried out an integrity self-assessment.",
                },
                Status {
                    item: "governance.lead",
                    yes: "One chief officer is personally responsible for integrity.",
                    partial: "Responsibility for integrity at chief officer level is not yet clearly assigned.",
                    no: "No chief officer has been given personal responsibility for integrity.",
                },
                Status {
                    item: "governance.pcc_reports",
                    yes: "The PCC, or its audit or ethics committee, receives regular reports on integrity and challenges them.",
                    partial: "Reporting on integrity to the PCC is not yet fully established.",
                    no: "The PCC does not receive regular reports on integrity.",
                },
            ],
            &[
                Status {
                    item: "proactive.acu",
                    yes: "The force has a dedicated anti-corruption unit.",
                    partial: "The force has some dedicated anti-corruption capacity, short of a full unit.",
                    no: "The force has no dedicated anti-corruption unit.",
                },
                Choice {
                    item: "proactive.intel_seeking",
                    options: &[
                        ("reactive", "The unit acts only on the reports it receives."),
                        (
                            "limited",
                            "The unit does some proactive work, but it is not planned or sustained.",
                        ),
                        (
                            "proactive",
                            "The unit gathers intelligence on corruption in a planned and sustained way.",
                        ),
                    ],
                },
                Count {
                    item: "proactive.investigations",
                    zero: "The force started no investigations into the conduct of its officers and staff in these areas {between}.",
                    one: "The force started one investigation into the conduct of its officers and staff in these areas {between}.",
                    many: "The force started {n} investigations into the conduct of its officers and staff in these areas {between}.",
                    note: false,
                },
                Status {
                    item: "intel.joined_up",
                    yes: "Registers, complaints, vetting, audit and IT monitoring are brought together into one view of integrity risk.",
                    partial: "Integrity information from the registers, complaints, vetting and audit is brought together only in part.",
                    no: "Integrity information from the registers, complaints, vetting and audit is not brought together.",
                },
            ],
            &[
                Status {
                    item: "values.statement",
                    yes: "The force has set out the behaviour it expects of everyone and made it known across the organisation.",
                    partial: "The force's statement of expected behaviour has not yet reached everyone.",
                    no: "There is no single statement of the behaviour the force expects.",
                },
                Status {
                    item: "training.induction",
                    yes: "Training for new recruits covers integrity, gifts and hospitality, business interests and contact with the media.",
                    partial: "Training for new recruits covers integrity only in part.",
                    no: "Training for new recruits does not cover integrity.",
                },
                Status {
                    item: "training.refresher",
                    yes: "Serving officers and staff have received training on integrity since the last assessment.",
                    partial: "Training on integrity for serving officers and staff is under way or planned but not complete.",
                    no: "Serving officers and staff have had no refresher training on integrity.",
                },
            ],
        ],
    },
];

/// Which areas the last section takes: every area no other section names.
fn areas_of(r: &Report, n: usize) -> Vec<&str> {
    match SECTIONS[n].areas {
        [] => r
            .areas
            .iter()
            .map(|a| a.id.as_str())
            .filter(|id| !SECTIONS.iter().any(|s| s.areas.contains(id)))
            .collect(),
        named => named.to_vec(),
    }
}

/// How the assessment's period reads in a sentence.
struct Period {
    between: String,
    since: String,
}

impl Period {
    fn of(r: &Report) -> Period {
        let date = |id| {
            r.answer(id)
                .and_then(|a| a.value.as_deref())
                .and_then(|v| v.parse::<Date>().ok())
        };
        let month = |d: Date| d.strftime("%B %Y").to_string();
        match (date("ctx.period_start"), date("ctx.period_end")) {
            (Some(s), Some(e)) => Period {
                between: format!("between {} and {}", month(s), month(e)),
                since: format!("since {}", month(s)),
            },
            (Some(s), None) => Period {
                between: format!("since {}", month(s)),
                since: format!("since {}", month(s)),
            },
            _ => Period {
                between: "in the period".into(),
                since: "in the period".into(),
            },
        }
    }
}

/// Untrusted text on one line, ending as a sentence does.
fn sentence(s: &str) -> String {
    let mut s = text::sanitize_line(s);
    if !s.is_empty() && !s.ends_with(['.', '!', '?']) {
        s.push('.');
    }
    s
}

/// Small counts in words, as a report would write them; larger ones in figures.
fn in_words(n: f64) -> String {
    const WORDS: [&str; 10] = [
        "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    match WORDS.get(n as usize) {
        Some(w) if n.fract() == 0.0 && n >= 0.0 => w.to_string(),
        _ => format_number(n),
    }
}

fn number(r: &Report, item: &str) -> Option<f64> {
    r.answer(item)
        .filter(|a| a.asked)
        .and_then(|a| a.value.as_deref())
        .and_then(|v| v.parse().ok())
}

/// Whether a note mostly repeats the sentence it would follow, so that printing it would only
/// say the same thing twice: most of its words of five letters or more are already there.
fn restates(sentence: &str, note: &str) -> bool {
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 5)
            .map(|w| w.to_lowercase().chars().take(7).collect())
            .collect()
    };
    let said = words(sentence);
    let noted = words(note);
    let repeated = noted.iter().filter(|w| said.contains(w)).count();
    !noted.is_empty() && repeated * 10 >= noted.len() * 6
}

/// The sentences one template gives for this assessment, or none when the item is unanswered.
fn say(r: &Report, period: &Period, s: &Say) -> Vec<String> {
    let row = |id| r.answer(id).filter(|a| a.asked && a.value.is_some());
    let with_note = |id, first: String, note: bool| {
        let mut out = vec![first];
        if note
            && let Some(n) = row(id)
                .and_then(|a| a.note.as_deref())
                .filter(|n| !r.redacted && !restates(&out[0], n))
        {
            out.push(sentence(n));
        }
        out
    };
    let fill = |t: &str| {
        t.replace("{between}", &period.between)
            .replace("{since}", &period.since)
    };
    match *s {
        Status {
            item,
            yes,
            partial,
            no,
        } => match row(item).and_then(|a| a.value.as_deref()) {
            Some("yes") => with_note(item, yes.into(), true),
            Some("partial") => with_note(item, partial.into(), true),
            Some("no") => with_note(item, no.into(), true),
            _ => vec![],
        },
        Choice { item, options } => {
            let chosen = row(item).and_then(|a| a.value.as_deref());
            match options.iter().find(|(id, _)| Some(*id) == chosen) {
                Some((_, text)) => with_note(item, (*text).into(), true),
                None => vec![],
            }
        }
        Count {
            item,
            zero,
            one,
            many,
            note,
        } => match number(r, item) {
            Some(n) => {
                let t = if n == 0.0 {
                    zero
                } else if n == 1.0 {
                    one
                } else {
                    many
                };
                with_note(item, fill(t).replace("{n}", &in_words(n)), note)
            }
            None => vec![],
        },
        Money { item, text } => match number(r, item) {
            Some(n) => with_note(
                item,
                text.replace("{amount}", &format!("£{}", format_number(n))),
                true,
            ),
            None => vec![],
        },
        Ratio {
            part,
            whole,
            text,
            impossible,
        } => match (number(r, part), number(r, whole)) {
            (Some(p), Some(w)) => {
                let t = if p > w { impossible } else { text };
                vec![
                    fill(t)
                        .replace("{part}", &format_number(p))
                        .replace("{whole}", &format_number(w)),
                ]
            }
            _ => vec![],
        },
        Text { item } => match row(item).and_then(|a| a.answer.as_deref()) {
            Some(t) if !r.redacted => vec![sentence(t)],
            _ => vec![],
        },
    }
}

/// Every item the templates name.
fn template_items() -> impl Iterator<Item = &'static str> {
    SECTIONS
        .iter()
        .flat_map(|s| s.paragraphs.iter().copied().flatten())
        .flat_map(|say| match *say {
            Status { item, .. }
            | Choice { item, .. }
            | Count { item, .. }
            | Money { item, .. }
            | Text { item } => {
                vec![item]
            }
            Ratio { part, whole, .. } => vec![part, whole],
        })
}

/// Whether the sentence templates fit this assessment's checklist: they name its items.
fn knows_checklist(r: &Report) -> bool {
    template_items().any(|item| r.answer(item).is_some())
}

/// For checklists without templates: how many of an area's answered questions are met.
fn area_summary(area: &super::AreaDetail) -> String {
    let count = |v: &str| {
        area.items
            .iter()
            .filter(|i| i.asked && i.value.as_deref() == Some(v))
            .count()
    };
    let (yes, partial, no) = (count("yes"), count("partial"), count("no"));
    let answered = area
        .items
        .iter()
        .filter(|i| i.asked && i.value.is_some())
        .count();
    if answered == 0 {
        return String::new();
    }
    format!(
        "{} of the questions in this area {} been answered. Of the yes-or-no questions, {} {} met in full, {} in part and {} not at all.",
        capitalise(&in_words(answered as f64)),
        if answered == 1 { "has" } else { "have" },
        in_words(yes as f64),
        if yes == 1 { "is" } else { "are" },
        in_words(partial as f64),
        in_words(no as f64),
    )
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Writes one question, its paragraphs and the actions that fall under it.
fn write_section(
    o: &mut String,
    r: &Report,
    question: &str,
    paragraphs: Vec<String>,
    findings: Vec<&Finding>,
) {
    let line = |s: &str| text::sanitize_line(s);
    let _ = writeln!(o, "{}\n", line(question));
    let paragraphs: Vec<String> = paragraphs.into_iter().filter(|p| !p.is_empty()).collect();
    if paragraphs.is_empty() {
        let _ = writeln!(o, "The assessment records nothing on this question yet.\n");
    }
    for p in paragraphs {
        let _ = writeln!(o, "{p}\n");
    }
    if findings.is_empty() {
        return;
    }
    let _ = writeln!(o, "Where the force needs to act:\n");
    for f in findings {
        let owner = f
            .owner
            .as_deref()
            .map(|w| format!(" Owner: {}.", line(w)))
            .unwrap_or_default();
        let overdue = if r.status(f) == "overdue" {
            ", now overdue"
        } else {
            ""
        };
        let due = f
            .due
            .map(|d| format!(" Due {d}{overdue}."))
            .unwrap_or_default();
        // An item finding's title is its question, so it is paired with how far it falls short.
        let what = match f.kind {
            FindingKind::Rule => format!("{} {}", sentence(&f.title), sentence(&f.action)),
            FindingKind::Item => format!("{} {}", line(&f.title), sentence(&f.explanation)),
        };
        let priority = capitalise(f.severity.name());
        let _ = writeln!(o, "- {priority} priority: {}{owner}{due}", what.trim_end());
    }
    o.push('\n');
}

pub fn render(r: &Report) -> String {
    let mut o = String::new();
    let line = |s: &str| text::sanitize_line(s);
    let _ = writeln!(o, "{}\n", line(&r.marking));
    let _ = writeln!(
        o,
        "Integrity self-assessment: {}, {}",
        line(&r.force),
        line(&r.period)
    );
    let _ = writeln!(
        o,
        "Findings in prose, produced {} ({})\n",
        r.generated,
        r.stage.name()
    );
    let (h, m, l) = r.severity_counts();
    let findings = match r.findings.len() {
        0 => "The assessment gives no findings.".to_string(),
        n => format!(
            "The assessment gives {} finding{}: {} high, {} medium and {} low.",
            in_words(n as f64),
            if n == 1 { "" } else { "s" },
            in_words(h as f64),
            in_words(m as f64),
            in_words(l as f64)
        ),
    };
    let scope = if knows_checklist(r) {
        "each of three questions"
    } else {
        "each area of the checklist"
    };
    let _ = writeln!(
        o,
        "In this self-assessment for {}, {} has measured its integrity arrangements against the checklist \"{}\". \
         {} of the {} questions that apply have been answered ({}%), and the overall score is {} out of 100. {findings} \
         What follows sets out what the answers, notes and figures show on {scope}.\n",
        line(&r.period),
        line(&r.force),
        line(&r.checklist_title),
        r.score.answered,
        r.score.applicable,
        format_number(r.score.completeness),
        score_text(r.score.overall),
    );
    let period = Period::of(r);
    if knows_checklist(r) {
        for (n, section) in SECTIONS.iter().enumerate() {
            let paragraphs = section
                .paragraphs
                .iter()
                .map(|p| {
                    p.iter()
                        .flat_map(|s| say(r, &period, s))
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect();
            let areas = areas_of(r, n);
            let findings = r
                .findings
                .iter()
                .filter(|f| areas.contains(&f.area.as_str()))
                .collect();
            write_section(&mut o, r, section.question, paragraphs, findings);
        }
    } else {
        // A checklist these templates were not written for: one section per area, in its words.
        for area in r.areas.iter().filter(|a| a.items.iter().any(|i| i.asked)) {
            let findings = r.findings.iter().filter(|f| f.area == area.id).collect();
            write_section(
                &mut o,
                r,
                &area.question,
                vec![area_summary(area)],
                findings,
            );
        }
    }
    let _ = writeln!(o, "{}", line(&r.marking));
    o
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_note_that_only_restates_its_sentence_is_left_out() {
        let sentence = "No monitoring compares contract and procurement records with the gifts and hospitality register, so a company that offered hospitality and then won a contract would not be noticed.";
        assert!(restates(
            sentence,
            "Contract and procurement records are not compared with the gifts and hospitality register, so a company that gave hospitality and later won a contract would not be flagged."
        ));
        assert!(!restates(
            sentence,
            "Procurement and professional standards have agreed a quarterly check from April 2013."
        ));
        assert!(!restates(sentence, "n/a"));
    }

    use super::*;

    #[test]
    fn templates_name_items_of_the_built_in_checklist() {
        let wfof = crate::checklist::Catalog::discover(None)
            .resolve("wfof-2011", None)
            .expect("built in");
        for item in template_items() {
            assert!(
                wfof.item(item).is_some(),
                "the narrative names {item}, which wfof-2011 lacks"
            );
        }
        for section in SECTIONS {
            for area in section.areas {
                assert!(wfof.areas.iter().any(|a| a.id == *area), "no area {area}");
            }
        }
    }

    #[test]
    fn choice_templates_name_real_options() {
        let wfof = crate::checklist::Catalog::discover(None)
            .resolve("wfof-2011", None)
            .expect("built in");
        for say in SECTIONS
            .iter()
            .flat_map(|s| s.paragraphs.iter().copied().flatten())
        {
            if let Choice { item, options } = say {
                let kind = &wfof.item(item).expect("known item").kind;
                for (id, _) in *options {
                    assert!(kind.option(id).is_some(), "{item} has no option {id}");
                }
            }
        }
    }

    #[test]
    fn small_counts_are_words() {
        assert_eq!(in_words(0.0), "no");
        assert_eq!(in_words(4.0), "four");
        assert_eq!(in_words(39.0), "39");
        assert_eq!(in_words(2.5), "2.5");
    }

    #[test]
    fn untrusted_text_becomes_one_sentence() {
        assert_eq!(sentence("first\n# second\u{1b}[31m"), "first # second[31m.");
        assert_eq!(sentence("Done."), "Done.");
        assert_eq!(sentence(""), "");
    }
}
