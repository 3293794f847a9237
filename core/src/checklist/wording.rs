//! Loading the wording a reader sees: the sentences of the prose report, its questions, and
//! the items that hold the facts about the assessment itself. Every reference and placeholder
//! is checked, so a report never prints a sentence it cannot complete.

use std::ops::Range;

use toml::Spanned;

use super::file::{ContextFile, ItemFile, NarrativeFile, SayFile};
use super::load::{Loader, clean};
use super::{Context, Say, Section};
use crate::answer::Kind;

/// Placeholders a sentence may use, by where it appears.
const IN_ANY: &[&str] = &["between", "since"];
const IN_COUNT: &[&str] = &["n", "between", "since"];
const IN_VALUE: &[&str] = &["value", "between", "since"];
const IN_PART: &[&str] = &["value", "of", "between", "since"];

impl Loader<'_> {
    /// The sentences of one item, checked against its kind.
    pub(super) fn say(&mut self, item: &ItemFile, kind: &Kind) -> Say {
        let mut say = Say::default();
        if let Kind::Choice(_) = kind
            && let Some(options) = &item.options
        {
            for o in options.get_ref() {
                if let Some(text) = &o.say {
                    self.placeholders(o.id.span(), text, IN_ANY);
                    say.options.push((o.id.get_ref().clone(), clean(text)));
                }
            }
        }
        let Some(file) = &item.say else {
            return say;
        };
        let span = file.span();
        let f: &SayFile = file.get_ref();
        let id = item.id.get_ref();
        let keys: [(&str, &Option<String>, bool, &[&str]); 9] = [
            ("yes", &f.yes, *kind == Kind::Status, IN_ANY),
            ("partial", &f.partial, *kind == Kind::Status, IN_ANY),
            ("no", &f.no, *kind == Kind::Status, IN_ANY),
            ("zero", &f.zero, *kind == Kind::Count, IN_COUNT),
            ("one", &f.one, *kind == Kind::Count, IN_COUNT),
            ("many", &f.many, *kind == Kind::Count, IN_COUNT),
            ("value", &f.value, takes_value(kind, f), value_places(f)),
            ("exceeds", &f.exceeds, f.of.is_some(), IN_PART),
            ("all", &f.all, f.of.is_some(), IN_PART),
        ];
        for (key, text, fits, places) in keys {
            let Some(text) = text else { continue };
            if !fits {
                self.problem(
                    span.clone(),
                    format!("`say.{key}` does not fit \"{id}\", a {} item", kind.name()),
                )
                .help = Some(say_help(kind).into());
                continue;
            }
            self.placeholders(span.clone(), text, places);
        }
        if let Some(of) = &f.of {
            if *kind != Kind::Count {
                self.problem(
                    of.span(),
                    "`say.of` is only for a count that is part of another",
                );
            } else if let Some(whole) = self.known_item(of)
                && whole != Kind::Count
            {
                self.problem(
                    of.span(),
                    format!(
                        "`say.of` must name a count item, and \"{}\" is a {} item",
                        of.get_ref(),
                        whole.name()
                    ),
                );
            }
        }
        let c = |t: &Option<String>| t.as_deref().map(clean);
        say.yes = c(&f.yes);
        say.partial = c(&f.partial);
        say.no = c(&f.no);
        say.zero = c(&f.zero);
        say.one = c(&f.one);
        say.many = c(&f.many);
        say.value = c(&f.value);
        say.exceeds = c(&f.exceeds);
        say.all = c(&f.all);
        say.of = f.of.as_ref().map(|o| o.get_ref().clone());
        say
    }

    /// Warns when a scored item lacks the wording its findings need: a short label, the gap
    /// stated when not met and when partly met, and the action.
    pub(super) fn wording_complete(&mut self, item: &ItemFile, kind: &Kind) {
        if !kind.is_scored() {
            return;
        }
        let missing: Vec<&str> = [
            ("short", item.short.is_none()),
            ("gap", item.gap.is_none()),
            ("partial_gap", item.partial_gap.is_none()),
            ("action", item.action.is_none()),
        ]
        .into_iter()
        .filter_map(|(field, absent)| absent.then_some(field))
        .collect();
        if missing.is_empty() {
            return;
        }
        let message = format!(
            "scored item \"{}\" has no {}: its findings will be titled by the question and have no recommended action of their own",
            item.id.get_ref(),
            missing.join(", ")
        );
        self.warnings.push(
            crate::diagnostic::Problem::new(self.source, Some(item.id.span()), message)
                .help("add them so reports can state the gap and the action in words"),
        );
    }

    /// Reports any `{placeholder}` in `text` that is not one of `allowed`.
    fn placeholders(&mut self, span: Range<usize>, text: &str, allowed: &[&str]) {
        for name in placeholder_names(text) {
            if !allowed.contains(&name) {
                self.problem(
                    span.clone(),
                    format!("unknown placeholder {{{name}}} in a sentence"),
                )
                .help = Some(format!(
                    "this sentence may use {}",
                    allowed
                        .iter()
                        .map(|a| format!("{{{a}}}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
        }
    }

    /// The items that hold the facts about the assessment, each checked for kind.
    pub(super) fn context(&mut self, file: Option<ContextFile>) -> Context {
        let Some(f) = file else {
            return Context::default();
        };
        let mut role = |name: &str, id: Option<Spanned<String>>, want: Kind| {
            let id = id?;
            let kind = self.known_item(&id)?;
            if kind != want {
                self.problem(
                    id.span(),
                    format!(
                        "context `{name}` must be a {} item, and \"{}\" is a {} item",
                        want.name(),
                        id.get_ref(),
                        kind.name()
                    ),
                );
                return None;
            }
            Some(id.into_inner())
        };
        Context {
            force: role("force", f.force, Kind::Text),
            assessor: role("assessor", f.assessor, Kind::Text),
            completed: role("completed", f.completed, Kind::Date),
            period_start: role("period_start", f.period_start, Kind::Date),
            period_end: role("period_end", f.period_end, Kind::Date),
            previous: role("previous", f.previous, Kind::Text),
        }
    }

    /// The prose report's questions, with every area and item they name checked.
    pub(super) fn narrative(
        &mut self,
        sections: Vec<NarrativeFile>,
        areas: &[&str],
    ) -> Vec<Section> {
        sections
            .into_iter()
            .map(|s| {
                for a in &s.areas {
                    self.reference("area", a, areas);
                }
                for id in s.paragraphs.iter().flatten() {
                    self.known_item(id);
                }
                Section {
                    question: clean(&s.question),
                    areas: s.areas.into_iter().map(Spanned::into_inner).collect(),
                    paragraphs: s
                        .paragraphs
                        .into_iter()
                        .map(|p| p.into_iter().map(Spanned::into_inner).collect())
                        .collect(),
                }
            })
            .collect()
    }
}

impl Loader<'_> {
    /// Key rates, each naming two numeric items.
    pub(super) fn rates(&mut self, rates: Vec<super::file::RateFile>) -> Vec<super::Rate> {
        rates
            .into_iter()
            .filter(|r| {
                let part = self.numeric_item(&r.part, "a rate");
                self.numeric_item(&r.whole, "a rate") && part
            })
            .map(|r| super::Rate {
                label: clean(&r.label),
                part: r.part.into_inner(),
                whole: r.whole.into_inner(),
            })
            .collect()
    }
}

/// Whether an item of this kind may have a `value` sentence.
fn takes_value(kind: &Kind, f: &SayFile) -> bool {
    match kind {
        Kind::Count => f.of.is_some(),
        Kind::Status | Kind::Choice(_) => false,
        _ => true,
    }
}

fn value_places(f: &SayFile) -> &'static [&'static str] {
    if f.of.is_some() { IN_PART } else { IN_VALUE }
}

fn say_help(kind: &Kind) -> &'static str {
    match kind {
        Kind::Status => "a status item's sentences are `yes`, `partial` and `no`",
        Kind::Count => "a count's sentences are `zero`, `one` and `many`, or `value` with `of`",
        Kind::Choice(_) => "a choice item's sentences go on its options, as `say`",
        _ => "this item's sentence is `value`, with {value} for the answer",
    }
}

/// The names of the `{placeholders}` in a sentence.
pub(crate) fn placeholder_names(text: &str) -> impl Iterator<Item = &str> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
}
