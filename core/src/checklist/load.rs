//! Reading and validating a checklist file. Every problem is collected, not just the first,
//! and each points at its line and column.

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use toml::Spanned;

use super::file::{ChecklistFile, ConditionFile, ItemFile, KindName, LabelName, SeverityName};
use super::{Area, Checklist, Item, Label, Na, Recommendation, Retired, Rule, Severity};
use crate::answer::{ChoiceOption, Kind, Status};
use crate::condition::{Compare, Condition, Op, Test};
use crate::diagnostic::{Invalid, Problem, Source};
use crate::graph::{self, Dependencies};
use crate::text;

/// Files larger than this are refused before parsing, so a stray file cannot exhaust memory.
pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;

/// Loads and validates a checklist from a file.
pub fn load(path: &Path) -> Result<Checklist, Invalid> {
    load_str(&path.display().to_string(), &read(path)?)
}

/// A checklist file's text, refused when it is not a regular file or is too large.
pub(super) fn read(path: &Path) -> Result<String, Invalid> {
    crate::storage::read_capped(path, MAX_FILE_BYTES).map_err(|e| {
        let name = path.display().to_string();
        Invalid::one(Problem::new(&Source::new(&name, ""), None, e.to_string()))
    })
}

/// Loads and validates a checklist from text; `name` is used in messages.
pub fn load_str(name: &str, text: &str) -> Result<Checklist, Invalid> {
    let source = Source::new(name, text);
    if text.trim().is_empty() {
        let msg = "the file is empty";
        return Err(Invalid::one(Problem::new(&source, Some(0..0), msg)));
    }
    if text.len() > MAX_FILE_BYTES {
        let msg = format!(
            "the file is larger than {} MB",
            MAX_FILE_BYTES / 1024 / 1024
        );
        return Err(Invalid::one(Problem::new(&source, None, msg)));
    }
    let mut problems = unsafe_characters(&source, text);
    problems.extend(escaped_unsafe_characters(&source, text));
    let file: ChecklistFile = match toml::from_str(text) {
        Ok(file) => file,
        Err(e) => {
            problems.push(Problem::new(
                &source,
                e.span(),
                e.message().trim().to_string(),
            ));
            return Err(Invalid::new(&source, problems));
        }
    };
    let mut loader = Loader {
        source: &source,
        problems,
        warnings: Vec::new(),
        kinds: HashMap::new(),
        first: HashMap::new(),
    };
    let mut checklist = loader.build(file);
    if loader.problems.is_empty() {
        checklist.warnings = loader.warnings;
        checklist.fingerprint = fingerprint(text);
        Ok(checklist)
    } else {
        Err(Invalid::new(&source, loader.problems))
    }
}

/// SHA-256 (hex) of a checklist's text with its line endings made `\n`.
pub(super) fn fingerprint(text: &str) -> String {
    if text.contains('\r') {
        crate::storage::sha256_hex(text.replace("\r\n", "\n").as_bytes())
    } else {
        crate::storage::sha256_hex(text.as_bytes())
    }
}

/// Control and bidi characters are refused in checklists so their authors see and fix them.
fn unsafe_characters(source: &Source, text: &str) -> Vec<Problem> {
    text.char_indices()
        .filter(|&(i, c)| {
            text::is_unsafe_char(c) && !(c == '\r' && text[i + 1..].starts_with('\n'))
        })
        .take(5)
        .map(|(i, c)| {
            Problem::new(
                source,
                Some(i..i + c.len_utf8()),
                format!("control character {} in the file", c.escape_unicode()),
            )
            .help("remove it; checklists may contain only printable text, tabs and line breaks")
        })
        .collect()
}

/// Control and bidi characters written as escapes (`"\u001b"`) are refused too: once parsed
/// they are as live as the raw ones. Each string is checked where it stands in the file.
fn escaped_unsafe_characters(source: &Source, text: &str) -> Vec<Problem> {
    use toml::de::{DeTable, DeValue};
    // Only an escape can put such a character in a string without it being in the text.
    if !text.contains('\\') {
        return Vec::new();
    }
    let Ok(document) = DeTable::parse(text) else {
        return Vec::new(); // the full parse reports the syntax error
    };
    let mut strings: Vec<(&str, Range<usize>)> = Vec::new();
    let mut tables = vec![document.get_ref()];
    let mut values: Vec<&Spanned<DeValue>> = Vec::new();
    while let Some(table) = tables.pop() {
        for (key, value) in table.iter() {
            strings.push((key.get_ref(), key.span()));
            values.push(value);
        }
        while let Some(value) = values.pop() {
            match value.get_ref() {
                DeValue::String(s) => strings.push((s, value.span())),
                DeValue::Array(items) => values.extend(items.iter()),
                DeValue::Table(inner) => tables.push(inner),
                _ => {}
            }
        }
    }
    strings.sort_by_key(|(_, span)| span.start);
    strings
        .into_iter()
        .filter_map(|(s, span)| {
            let c = s.chars().find(|c| text::is_unsafe_char(*c))?;
            (!text[span.clone()].contains(c)).then(|| {
                Problem::new(
                    source,
                    Some(span),
                    format!(
                        "control character {} in a string, written as an escape",
                        c.escape_unicode()
                    ),
                )
                .help("remove it; checklists may contain only printable text, tabs and line breaks")
            })
        })
        .take(5)
        .collect()
}

pub(super) struct Loader<'s> {
    pub(super) source: &'s Source,
    problems: Vec<Problem>,
    /// What a checklist can do without but its reports are poorer for, such as a scored item
    /// with no gap statement.
    pub(super) warnings: Vec<Problem>,
    /// Item id → kind, known before any condition is compiled.
    kinds: HashMap<String, Kind>,
    /// First place each id was defined, per namespace, to report duplicates.
    first: HashMap<(&'static str, String), Range<usize>>,
}

impl Loader<'_> {
    pub(super) fn problem(
        &mut self,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> &mut Problem {
        let at = self.problems.len();
        self.problems
            .push(Problem::new(self.source, Some(span), message));
        &mut self.problems[at]
    }

    /// Checks an id's form and uniqueness within a namespace; false if it is unusable.
    pub(super) fn claim(&mut self, namespace: &'static str, id: &Spanned<String>) -> bool {
        let (value, span) = (id.get_ref(), id.span());
        if !self.well_formed(namespace, id) {
            return false;
        }
        if let Some(first) = self.first.get(&(namespace, value.clone())).cloned() {
            let (line, _) = self.source.line_col(first.start);
            self.problem(span, format!("duplicate {namespace} id \"{value}\""))
                .label = Some(format!("already defined on line {line}"));
            return false;
        }
        self.first.insert((namespace, value.clone()), span);
        true
    }

    /// Whether an id is made only of ASCII letters, digits, dots, dashes and underscores, so no
    /// id can hide a character or look like another.
    fn well_formed(&mut self, namespace: &str, id: &Spanned<String>) -> bool {
        let value = id.get_ref();
        let ok = !value.is_empty()
            && value
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "._-".contains(c));
        if !ok {
            self.problem(
                id.span(),
                format!("{namespace} id \"{value}\" is not a valid id"),
            )
            .help = Some(
                "use letters, digits, dots, dashes and underscores, e.g. \"gifts.register.exists\""
                    .into(),
            );
        }
        ok
    }

    fn build(&mut self, file: ChecklistFile) -> Checklist {
        self.claim("checklist", &file.id);
        if let Some(from) = &file.applies_from
            && text::first_year(from.get_ref()).is_none()
        {
            self.problem(
                from.span(),
                format!("applies_from \"{}\" names no year", from.get_ref()),
            )
            .help = Some("give the first period the checklist applies to, e.g. \"2025\"".into());
        }
        let recommendations: Vec<Recommendation> = file
            .recommendations
            .into_iter()
            .filter(|r| self.claim("recommendation", &r.id))
            .map(|r| Recommendation {
                id: r.id.into_inner(),
                title: clean(&r.title),
                text: clean(&r.text),
            })
            .collect();

        // First pass: ids and kinds, so conditions may refer to items defined later.
        if file.areas.get_ref().is_empty() {
            self.problem(file.areas.span(), "the checklist has no areas");
        }
        for area in file.areas.get_ref() {
            for item in area.items.get_ref() {
                if self.claim("item", &item.id) {
                    let kind = self.kind(item);
                    self.kinds.insert(item.id.get_ref().clone(), kind);
                }
            }
        }

        let graded = file.grading.is_some();
        let mut areas = Vec::new();
        let mut index = HashMap::new();
        let mut ask_spans = HashMap::new();
        for area_file in file.areas.into_inner() {
            self.claim("area", &area_file.id);
            if area_file.items.get_ref().is_empty() {
                self.problem(
                    area_file.id.span(),
                    format!("area \"{}\" has no items", area_file.id.get_ref()),
                )
                .help =
                    Some("add at least one [[areas.items]] under it, or remove the area".into());
            }
            let mut area = Area {
                id: area_file.id.into_inner(),
                title: clean(&area_file.title),
                question: clean(&area_file.question),
                items: Vec::new(),
            };
            for item_file in area_file.items.into_inner() {
                let id = item_file.id.get_ref().clone();
                let Some(kind) = self.kinds.get(&id).cloned() else {
                    continue;
                };
                if index.contains_key(&id) {
                    continue;
                }
                for r in &item_file.recommendations {
                    self.reference(
                        "recommendation",
                        r,
                        &recommendations
                            .iter()
                            .map(|r| r.id.as_str())
                            .collect::<Vec<_>>(),
                    );
                }
                for old in &item_file.replaces {
                    if self.kinds.contains_key(old.get_ref()) && old.get_ref() != &id {
                        self.problem(old.span(), format!("item \"{id}\" replaces \"{}\", which is still an item of this checklist", old.get_ref()));
                    }
                }
                let ask_if = item_file.ask_if.as_ref().and_then(|c| {
                    ask_spans.insert(id.clone(), c.span());
                    self.condition(c)
                });
                let weight = match &item_file.weight {
                    Some(w) if !(w.get_ref().is_finite() && *w.get_ref() > 0.0) => {
                        self.problem(w.span(), "weight must be a number greater than zero");
                        1.0
                    }
                    Some(w) => *w.get_ref(),
                    None => 1.0,
                };
                let na = self.na(&item_file, &kind, graded);
                if item_file.statutory && !matches!(kind, Kind::Status) {
                    self.problem(
                        item_file.id.span(),
                        format!(
                            "item \"{id}\" is a {} item: only a status item can be a statutory duty",
                            kind.name()
                        ),
                    );
                }
                let item_severity = item_file.severity.unwrap_or(SeverityName::Medium);
                if item_file.label == Some(LabelName::CauseOfConcern)
                    && !matches!(item_severity, SeverityName::High)
                {
                    self.cause_below_high("item", &item_file.id);
                }
                if item_file.label == Some(LabelName::CauseOfConcern)
                    && item_file.recommendations.is_empty()
                {
                    self.cause_without_recommendation("item", &item_file.id);
                }
                let say = self.say(&item_file, &kind);
                self.wording_complete(&item_file, &kind);
                let text = |t: &Option<String>| t.as_deref().map(clean);
                index.insert(id.clone(), (areas.len(), area.items.len()));
                area.items.push(Item {
                    short: text(&item_file.short),
                    gap: text(&item_file.gap),
                    partial_gap: text(&item_file.partial_gap),
                    action: text(&item_file.action),
                    label: item_file.label.map(label),
                    say,
                    na,
                    statutory: item_file.statutory,
                    crosscheck: item_file.crosscheck,
                    carry_within_months: item_file.carry_within_months,
                    definition_changed: item_file.definition_changed.as_deref().map(clean),
                    id,
                    prompt: clean(&item_file.prompt),
                    guidance: clean(&item_file.guidance),
                    recording: item_file.recording.as_deref().map(clean),
                    basis: clean(&item_file.basis),
                    kind,
                    severity: severity(item_file.severity.unwrap_or(SeverityName::Medium)),
                    weight,
                    ask_if,
                    recommendations: item_file
                        .recommendations
                        .into_iter()
                        .map(Spanned::into_inner)
                        .collect(),
                    replaces: item_file
                        .replaces
                        .into_iter()
                        .map(Spanned::into_inner)
                        .collect(),
                });
            }
            areas.push(area);
        }
        let ask_order = self.check_cycles(&areas, &ask_spans, &index);

        let rec_ids: Vec<String> = recommendations.iter().map(|r| r.id.clone()).collect();
        let rec_ids: Vec<&str> = rec_ids.iter().map(String::as_str).collect();
        let mut rules = Vec::new();
        for rule in file.rules {
            if !self.claim("rule", &rule.id) {
                continue;
            }
            if self.kinds.contains_key(rule.id.get_ref()) {
                self.problem(
                    rule.id.span(),
                    format!("rule id \"{}\" is also an item id", rule.id.get_ref()),
                )
                .help = Some(
                    "findings are named by these ids, so a rule needs an id of its own".into(),
                );
            }
            for id in rule.anchor.iter().chain(&rule.covers) {
                self.known_item(id);
            }
            for r in &rule.recommendations {
                self.reference("recommendation", r, &rec_ids);
            }
            if rule.label == Some(LabelName::CauseOfConcern)
                && !matches!(rule.severity, SeverityName::High)
            {
                self.cause_below_high("rule", &rule.id);
            }
            if rule.label == Some(LabelName::CauseOfConcern) && rule.recommendations.is_empty() {
                self.cause_without_recommendation("rule", &rule.id);
            }
            let contradicts = rule.contradicts.as_ref().and_then(|c| self.contradicts(c));
            let when = self.condition(&rule.when);
            if let Some(when) = when {
                rules.push(Rule {
                    id: rule.id.into_inner(),
                    severity: severity(rule.severity),
                    title: clean(&rule.title),
                    explanation: clean(&rule.explanation),
                    action: clean(&rule.action),
                    when,
                    anchor: rule.anchor.map(Spanned::into_inner),
                    covers: rule.covers.into_iter().map(Spanned::into_inner).collect(),
                    label: rule.label.map(label),
                    critical: rule.critical,
                    contradicts,
                    recommendations: rule
                        .recommendations
                        .into_iter()
                        .map(Spanned::into_inner)
                        .collect(),
                });
            }
        }

        let mut retired = Vec::new();
        for r in file.retired {
            if self.kinds.contains_key(r.id.get_ref()) {
                self.problem(
                    r.id.span(),
                    format!(
                        "retired item \"{}\" is still an item of this checklist",
                        r.id.get_ref()
                    ),
                );
            }
            retired.push(Retired {
                id: r.id.into_inner(),
                reason: clean(&r.reason),
            });
        }

        let context = self.context(file.context);
        let area_ids: Vec<String> = areas.iter().map(|a| a.id.clone()).collect();
        let area_ids: Vec<&str> = area_ids.iter().map(String::as_str).collect();
        let narrative = self.narrative(file.narrative, &area_ids);
        let rates = self.rates(file.rates);
        let grading = self.grading(file.grading, &areas, &rules, &rec_ids);
        let rule_index = rules
            .iter()
            .enumerate()
            .map(|(n, r): (usize, &Rule)| (r.id.clone(), n))
            .collect();
        let area_index = area_ids
            .iter()
            .enumerate()
            .map(|(n, id)| (id.to_string(), n))
            .collect();

        Checklist {
            id: file.id.into_inner(),
            title: clean(&file.title),
            version: clean(&file.version),
            provenance: clean(&file.provenance),
            description: clean(&file.description),
            described_as: file.described_as.as_deref().map_or_else(
                || format!("the checklist \u{201c}{}\u{201d}", clean(&file.title)),
                clean,
            ),
            supersedes: file.supersedes.map(|s| text::clean_name(&s)),
            applies_from: file.applies_from.map(|s| text::clean_name(s.get_ref())),
            recommendations,
            areas,
            rules,
            retired,
            context,
            narrative,
            rates,
            warnings: Vec::new(),
            grading,
            fingerprint: String::new(),
            index,
            area_index,
            rule_index,
            ask_order,
        }
    }

    /// A cause of concern is a serious shortfall: one below high severity is refused.
    fn cause_below_high(&mut self, what: &str, id: &Spanned<String>) {
        self.problem(
            id.span(),
            format!(
                "{what} \"{}\" is labelled a cause of concern but is not of high severity",
                id.get_ref()
            ),
        )
        .help = Some(
            "a cause of concern is a serious, critical or systemic shortfall: make it high, or label it an area for improvement".into(),
        );
    }

    fn cause_without_recommendation(&mut self, what: &str, id: &Spanned<String>) {
        self.problem(
            id.span(),
            format!(
                "{what} \"{}\" is labelled a cause of concern but names no recommendation",
                id.get_ref()
            ),
        )
        .help = Some(
            "a cause of concern carries a recommendation: add recommendations = [\"…\"] naming one of the checklist's [[recommendations]]".into(),
        );
    }

    /// When an item may be answered "na": only status items say, and in a checklist with
    /// grading a status item that does not say allows it nowhere.
    fn na(&mut self, item: &ItemFile, kind: &Kind, graded: bool) -> Na {
        let status = matches!(kind, Kind::Status);
        for span in [
            item.na.as_ref().map(Spanned::span),
            item.na_if.as_ref().map(Spanned::span),
        ]
        .into_iter()
        .flatten()
        {
            if !status {
                self.problem(
                    span,
                    format!(
                        "item \"{}\" is a {} item: only status items take `na` or `na_if`",
                        item.id.get_ref(),
                        kind.name()
                    ),
                );
            }
        }
        if !status {
            return Na::Allowed;
        }
        match (&item.na, &item.na_if) {
            (Some(flag), Some(_)) => {
                self.problem(
                    flag.span(),
                    format!(
                        "item \"{}\" has both `na` and `na_if`: give one",
                        item.id.get_ref()
                    ),
                )
                .help = Some(
                    "`na = true` allows \"na\" always, `na = false` never, `na_if` only when its condition holds".into(),
                );
                Na::Never
            }
            (Some(flag), None) if *flag.get_ref() => Na::Allowed,
            (Some(_), None) => Na::Never,
            (None, Some(spanned)) => match self.condition(spanned) {
                Some(c) if c.items().contains(&item.id.get_ref().as_str()) => {
                    self.problem(
                        spanned.span(),
                        format!(
                            "the `na_if` of \"{}\" tests the item itself",
                            item.id.get_ref()
                        ),
                    );
                    Na::Never
                }
                Some(c) if c.tests_age() => {
                    self.problem(
                        spanned.span(),
                        format!(
                            "the `na_if` of \"{}\" tests how old a date is",
                            item.id.get_ref()
                        ),
                    )
                    .help = Some("whether a control applies must not change with the date the file is read: test counts or answers".into());
                    Na::Never
                }
                Some(c) => Na::When(c),
                None => Na::Never,
            },
            (None, None) if graded => Na::Never,
            (None, None) => Na::Allowed,
        }
    }

    pub(super) fn reference(&mut self, what: &str, id: &Spanned<String>, known: &[&str]) -> bool {
        if known.contains(&id.get_ref().as_str()) {
            return true;
        }
        let help = closest(id.get_ref(), known).map(|c| format!("did you mean \"{c}\"?"));
        let p = self.problem(id.span(), format!("unknown {what} \"{}\"", id.get_ref()));
        p.help = help;
        false
    }

    fn kind(&mut self, item: &ItemFile) -> Kind {
        let kind = *item.kind.get_ref();
        match (kind, &item.options) {
            (KindName::Choice, None) => {
                self.problem(
                    item.kind.span(),
                    format!("choice item \"{}\" has no options", item.id.get_ref()),
                )
                .help = Some("add options = [{ id = \"...\", label = \"...\" }, ...]".into());
                Kind::Choice(Vec::new())
            }
            (KindName::Choice, Some(options)) => {
                if options.get_ref().is_empty() {
                    self.problem(
                        options.span(),
                        format!(
                            "choice item \"{}\" has an empty list of options",
                            item.id.get_ref()
                        ),
                    );
                }
                let mut seen: Vec<&str> = Vec::new();
                let mut out = Vec::new();
                for o in options.get_ref() {
                    self.well_formed("option", &o.id);
                    if seen.contains(&o.id.get_ref().as_str()) {
                        self.problem(
                            o.id.span(),
                            format!(
                                "option \"{}\" appears twice in item \"{}\"",
                                o.id.get_ref(),
                                item.id.get_ref()
                            ),
                        );
                    }
                    seen.push(o.id.get_ref());
                    if let Some(c) = &o.credit
                        && !(0.0..=1.0).contains(c.get_ref())
                    {
                        self.problem(c.span(), "credit must be between 0 and 1");
                    }
                    out.push(ChoiceOption {
                        id: o.id.get_ref().clone(),
                        label: clean(&o.label),
                        credit: o.credit.as_ref().map(|c| c.get_ref().clamp(0.0, 1.0)),
                    });
                }
                Kind::Choice(out)
            }
            (_, Some(options)) => {
                self.problem(
                    options.span(),
                    format!(
                        "options are only allowed on choice items, and \"{}\" is a {} item",
                        item.id.get_ref(),
                        kind_name(kind)
                    ),
                );
                simple_kind(kind)
            }
            (_, None) => simple_kind(kind),
        }
    }

    fn condition(&mut self, c: &Spanned<ConditionFile>) -> Option<Condition> {
        let span = c.span();
        let f = c.get_ref();
        let shapes = [
            f.all.is_some(),
            f.any.is_some(),
            f.not.is_some(),
            f.item.is_some(),
            f.ratio.is_some(),
        ];
        if shapes.iter().filter(|s| **s).count() != 1 {
            self.problem(
                span,
                "a condition needs exactly one of `all`, `any`, `not`, `item` or `ratio`",
            )
            .help =
                Some("e.g. { item = \"gifts.policy\", is = \"yes\" } or { all = [ ... ] }".into());
            return None;
        }
        let compare = compare_of(f);
        let tests = [
            f.is.is_some(),
            f.in_.is_some(),
            f.answered.is_some(),
            compare.len() == 1,
            f.older_than_months.is_some(),
        ]
        .iter()
        .filter(|t| **t)
        .count();
        if let Some(list) = f.all.as_ref().or(f.any.as_ref()) {
            if tests > 0 || !compare.is_empty() {
                self.problem(span, "`all` and `any` take only a list of conditions");
                return None;
            }
            if list.is_empty() {
                self.problem(span, "`all` and `any` need at least one condition");
                return None;
            }
            let parts: Vec<Condition> = list.iter().filter_map(|c| self.condition(c)).collect();
            if parts.len() != list.len() {
                return None;
            }
            return Some(if f.all.is_some() {
                Condition::All(parts)
            } else {
                Condition::Any(parts)
            });
        }
        if let Some(inner) = &f.not {
            if tests > 0 || !compare.is_empty() {
                self.problem(span, "`not` takes a single condition and nothing else");
                return None;
            }
            return self.condition(inner).map(|c| Condition::Not(Box::new(c)));
        }
        if compare.len() > 1 || tests != 1 {
            self.problem(span, "a test needs exactly one of `is`, `in`, `answered`, `gt`, `ge`, `lt`, `le`, `eq`, `ne` or `older_than_months`");
            return None;
        }
        if let Some(ratio) = &f.ratio {
            let ids = ratio.get_ref();
            if ids.len() != 2 {
                self.problem(
                    ratio.span(),
                    "`ratio` takes two items: [numerator, denominator]",
                );
                return None;
            }
            if compare.len() != 1 {
                self.problem(
                    span,
                    "a ratio is compared with `gt`, `ge`, `lt`, `le`, `eq` or `ne`",
                );
                return None;
            }
            let ok = ids.iter().all(|id| self.numeric_item(id, "a ratio"));
            return ok.then(|| Condition::Ratio {
                numerator: ids[0].get_ref().clone(),
                denominator: ids[1].get_ref().clone(),
                compare: compare[0],
            });
        }
        // The shape check above leaves only `item` here.
        let item = f.item.as_ref()?;
        let kind = self.known_item(item)?;
        let test = if let Some(answered) = f.answered {
            Test::Answered(answered)
        } else if let Some(months) = f.older_than_months {
            if kind != Kind::Date {
                self.problem(
                    item.span(),
                    format!(
                        "\"{}\" is a {} item, so `older_than_months` cannot test it",
                        item.get_ref(),
                        kind.name()
                    ),
                )
                .help = Some("`older_than_months` tests the age of a date item".into());
                return None;
            }
            Test::OlderThanMonths(months)
        } else if let Some(c) = compare.first() {
            if !kind.is_numeric() {
                self.problem(
                    item.span(),
                    format!(
                        "\"{}\" is a {} item, so it cannot be compared with a number",
                        item.get_ref(),
                        kind.name()
                    ),
                )
                .help = Some("use `is` or `in` for status and choice items".into());
                return None;
            }
            Test::Compare(*c)
        } else {
            let values: Vec<&Spanned<String>> = f.is.iter().chain(f.in_.iter().flatten()).collect();
            if values.is_empty() {
                self.problem(span, "`in` needs at least one value");
                return None;
            }
            let mut ok = true;
            for v in &values {
                ok &= self.fits(item.get_ref(), &kind, v);
            }
            if !ok {
                return None;
            }
            Test::In(values.iter().map(|v| v.get_ref().clone()).collect())
        };
        Some(Condition::Item {
            item: item.get_ref().clone(),
            test,
        })
    }

    pub(super) fn known_item(&mut self, id: &Spanned<String>) -> Option<Kind> {
        if let Some(kind) = self.kinds.get(id.get_ref()) {
            return Some(kind.clone());
        }
        let known: Vec<String> = self.kinds.keys().cloned().collect();
        let known: Vec<&str> = known.iter().map(String::as_str).collect();
        self.reference("item", id, &known);
        None
    }

    /// The answers a rule contradicts: of a yes/partial/no or choice item, each one it can hold.
    fn contradicts(
        &mut self,
        c: &Spanned<super::file::ContradictsFile>,
    ) -> Option<super::Contradicts> {
        let file = c.get_ref();
        let kind = self.known_item(&file.item)?;
        let allowed: Vec<String> = match &kind {
            Kind::Status => ["yes", "partial", "no"].map(String::from).to_vec(),
            Kind::Choice(options) => options.iter().map(|o| o.id.clone()).collect(),
            other => {
                self.problem(
                    file.item.span(),
                    format!(
                        "`contradicts` names \"{}\", a {} item: only a yes/partial/no or choice answer states something a rule can contradict",
                        file.item.get_ref(),
                        other.name()
                    ),
                );
                return None;
            }
        };
        if file.answers.is_empty() {
            self.problem(
                c.span(),
                "`contradicts` needs `in`, the answers the rule shows to be wrong",
            );
            return None;
        }
        let mut ok = true;
        for a in &file.answers {
            if !allowed.contains(a) {
                ok = false;
                self.problem(
                    c.span(),
                    format!(
                        "`contradicts` lists \"{a}\", which \"{}\" cannot hold",
                        file.item.get_ref()
                    ),
                )
                .help = Some(format!("its answers are {}", allowed.join(", ")));
            }
        }
        ok.then(|| super::Contradicts {
            item: file.item.get_ref().clone(),
            answers: file.answers.clone(),
        })
    }

    pub(super) fn numeric_item(&mut self, id: &Spanned<String>, context: &str) -> bool {
        match self.known_item(id) {
            Some(kind) if kind.is_numeric() => true,
            Some(kind) => {
                self.problem(
                    id.span(),
                    format!(
                        "{context} needs numeric items, and \"{}\" is a {} item",
                        id.get_ref(),
                        kind.name()
                    ),
                );
                false
            }
            None => false,
        }
    }

    /// Whether `value` is a possible answer of a status or choice item.
    fn fits(&mut self, item: &str, kind: &Kind, value: &Spanned<String>) -> bool {
        let v = value.get_ref().as_str();
        let ok = match kind {
            Kind::Status => Status::parse(v).is_some(),
            Kind::Choice(_) => kind.option(v).is_some(),
            other => {
                self.problem(
                    value.span(),
                    format!(
                        "\"{item}\" is a {} item, so `is`/`in` cannot test it",
                        other.name()
                    ),
                )
                .help = Some(
                    "compare numbers with `gt`, `ge`, `lt`, `le`, `eq` or `ne`, or test `answered`"
                        .into(),
                );
                return false;
            }
        };
        if !ok {
            self.problem(
                value.span(),
                format!("\"{v}\" is not a possible answer of \"{item}\""),
            )
            .help = Some(format!("\"{item}\" takes {}", kind.allowed()));
        }
        ok
    }

    /// Reports the first cycle among ask-conditions, and returns every item (area, item) in
    /// an order where each comes after the items its condition names, for scoring.
    fn check_cycles(
        &mut self,
        areas: &[Area],
        spans: &HashMap<String, Range<usize>>,
        index: &HashMap<String, (usize, usize)>,
    ) -> Vec<(usize, usize)> {
        let deps: Dependencies = areas
            .iter()
            .flat_map(|a| &a.items)
            .filter_map(|i| i.ask_if.as_ref().map(|c| (i.id.as_str(), c.items())))
            .collect();
        // Checklist order, so the same file always reports the same cycle.
        let ids = areas.iter().flat_map(|a| &a.items).map(|i| i.id.as_str());
        let mut order = Vec::new();
        let mut first = None;
        graph::walk(
            &deps,
            ids,
            |id| order.extend(index.get(id).copied()),
            |cycle| {
                first.get_or_insert(cycle);
            },
        );
        if let Some(cycle) = first {
            let span = spans.get(cycle[0]).cloned().unwrap_or(0..0);
            self.problem(
                span,
                format!("ask_if conditions form a cycle: {}", shown_cycle(&cycle)),
            )
            .help =
                Some("an item cannot depend, directly or through others, on its own answer".into());
        }
        order
    }
}

/// A cycle as `a → b → a`; a long one shows its start and end with how many items it has.
fn shown_cycle(cycle: &[&str]) -> String {
    const SHOWN: usize = 6;
    if cycle.len() <= 2 * SHOWN {
        return cycle.join(" → ");
    }
    format!(
        "{} → … → {} ({} items)",
        cycle[..SHOWN].join(" → "),
        cycle[cycle.len() - 2..].join(" → "),
        cycle.len() - 1
    )
}

fn compare_of(f: &ConditionFile) -> Vec<Compare> {
    [
        (f.gt, Op::Gt),
        (f.ge, Op::Ge),
        (f.lt, Op::Lt),
        (f.le, Op::Le),
        (f.eq, Op::Eq),
        (f.ne, Op::Ne),
    ]
    .into_iter()
    .filter_map(|(v, op)| v.map(|value| Compare { op, value }))
    .collect()
}

fn simple_kind(kind: KindName) -> Kind {
    match kind {
        KindName::Status => Kind::Status,
        KindName::Count => Kind::Count,
        KindName::Number => Kind::Number,
        KindName::Money => Kind::Money,
        KindName::Percent => Kind::Percent,
        KindName::Date => Kind::Date,
        KindName::Choice => Kind::Choice(Vec::new()),
        KindName::Text => Kind::Text,
    }
}

fn kind_name(kind: KindName) -> &'static str {
    simple_kind(kind).name()
}

fn label(l: LabelName) -> Label {
    match l {
        LabelName::CauseOfConcern => Label::CauseOfConcern,
        LabelName::AreaForImprovement => Label::AreaForImprovement,
    }
}

fn severity(s: SeverityName) -> Severity {
    match s {
        SeverityName::High => Severity::High,
        SeverityName::Medium => Severity::Medium,
        SeverityName::Low => Severity::Low,
    }
}

pub(super) fn clean(s: &str) -> String {
    text::sanitize(s.trim()).into_owned()
}

/// The known id nearest to a misspelt one, when it is close enough to be a likely typo.
pub(crate) fn closest<'a>(id: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (strsim::levenshtein(id, k), *k))
        .filter(|(d, _)| *d <= 3)
        .min()
        .map(|(_, k)| k)
}
