//! The checklist as written in TOML. These types only describe the file; [`super::load`]
//! turns them into a validated [`super::Checklist`]. Spans are kept so every later problem
//! can point at its place in the file.

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

/// A checklist definition file.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChecklistFile {
    /// Stable identifier, e.g. `wfof-2011`; assessments name their checklist by it.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    pub title: String,
    pub version: String,
    /// Where the content comes from; printed on every report.
    pub provenance: String,
    #[serde(default)]
    pub description: String,
    /// How a report names the checklist in a sentence, e.g. "probity's reconstruction of the
    /// checklist in HMIC's 2011 report"; by default its title in quotation marks.
    #[serde(default)]
    pub described_as: Option<String>,
    /// Id of the checklist this one succeeds, for carrying answers across versions.
    #[serde(default)]
    pub supersedes: Option<String>,
    /// The first period this checklist applies to, such as "2025" (a period starting in that
    /// year or later). Only then is it offered in place of the one it supersedes when a new
    /// period is carried forward; without it, it is used only when chosen.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub applies_from: Option<Spanned<String>>,
    #[serde(default)]
    pub recommendations: Vec<RecommendationFile>,
    #[schemars(with = "Vec<AreaFile>")]
    pub areas: Spanned<Vec<AreaFile>>,
    #[serde(default)]
    pub rules: Vec<RuleFile>,
    /// Items of earlier versions that are no longer asked.
    #[serde(default)]
    pub retired: Vec<RetiredFile>,
    /// Which items hold the facts about the assessment itself.
    #[serde(default)]
    pub context: Option<ContextFile>,
    /// The prose report: questions in order, each with paragraphs of item sentences.
    #[serde(default)]
    pub narrative: Vec<NarrativeFile>,
    /// Key rates a summary across forces shows for each force, e.g. the share of second-job
    /// applications approved.
    #[serde(default)]
    pub rates: Vec<RateFile>,
    /// How each area's judgement on the HMICFRS five-tier scale follows from its answers and
    /// findings, and the headline judgements the areas roll up to.
    #[serde(default)]
    pub grading: Option<GradingFile>,
}

/// The thresholds of a graded judgement (all percentages) and its headline judgements.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GradingFile {
    /// The percentage of an area's applicable scored questions that must be answered before the
    /// area is graded; below it the area gets "insufficient evidence".
    #[schemars(with = "f64")]
    pub evidence: Spanned<f64>,
    /// The share of an area met (its score) from which it is good, with no high-severity area
    /// for improvement.
    #[schemars(with = "f64")]
    pub good: Spanned<f64>,
    /// The share met from which it is adequate; below it, requires improvement.
    #[schemars(with = "f64")]
    pub adequate: Spanned<f64>,
    /// This many high-severity areas for improvement in one area, or more, make it requires
    /// improvement; this many on one recommendation theme weigh as a cause of concern.
    #[schemars(with = "u32")]
    pub high_afi_limit: Spanned<u32>,
    /// The share met below which an area is inadequate however few its findings: most of its
    /// controls unmet (a systemic failure). For grading, unanswered questions count as unmet.
    #[serde(default)]
    #[schemars(with = "Option<f64>")]
    pub inadequate: Option<Spanned<f64>>,
    /// What a report says of an area whose judgement waits on answers that could raise a cause
    /// of concern or a critical finding; `{questions}` names them.
    #[serde(default)]
    pub undecided: Option<String>,
    /// What a report says of an area whose evidence is older than its freshness window;
    /// `{months}` is the window and `{evidence}` names the evidence that is too old.
    #[serde(default)]
    pub stale: Option<String>,
    /// How each graded area can come to be inadequate, one sentence per area.
    #[serde(default)]
    pub routes: Vec<RouteFile>,
    /// How recent each graded area's evidence must be, one window per area.
    #[serde(default)]
    pub freshness: Vec<FreshnessFile>,
    /// Recommendation themes across areas: high-severity areas for improvement on one theme,
    /// `high_afi_limit` or more of them wherever they are found, weigh as a cause of concern in
    /// the theme's area.
    #[serde(default)]
    pub themes: Vec<ThemeFile>,
    /// The headline judgements, each the lowest judgement of the areas it names.
    #[serde(default)]
    pub headlines: Vec<HeadlineFile>,
}

/// How one area can come to be inadequate, in words for readers.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RouteFile {
    #[schemars(with = "String")]
    pub area: Spanned<String>,
    pub route: String,
}

/// How recent one graded area's evidence must be, measured back from the assessment's as-at
/// date: a verification older than this does not count as verified, and a date in `dated_by`
/// older than this leaves the area without a judgement.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FreshnessFile {
    #[schemars(with = "String")]
    pub area: Spanned<String>,
    /// The window, in calendar months.
    #[schemars(with = "u32")]
    pub months: Spanned<u32>,
    /// Date items of the area that say when its key evidence was produced (a threat assessment
    /// approved, a policy reviewed).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub dated_by: Vec<Spanned<String>>,
}

/// A recommendation theme, the area it belongs to, and the high-severity areas for
/// improvement (items or rules, in any area) on it.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ThemeFile {
    /// One of the checklist's `[[recommendations]]`, by id.
    #[schemars(with = "String")]
    pub theme: Spanned<String>,
    /// The graded area in which they weigh as a cause of concern.
    #[schemars(with = "String")]
    pub area: Spanned<String>,
    /// Items and rules, by id: each a high-severity area for improvement, on one theme only.
    #[schemars(with = "Vec<String>")]
    pub findings: Vec<Spanned<String>>,
}

/// A headline judgement, such as vetting, and the areas that feed it.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HeadlineFile {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    pub title: String,
    #[schemars(with = "Vec<String>")]
    pub areas: Vec<Spanned<String>>,
}

/// A rate: one count as a share of another.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RateFile {
    pub label: String,
    /// The count that is part of the whole.
    #[schemars(with = "String")]
    pub part: Spanned<String>,
    #[schemars(with = "String")]
    pub whole: Spanned<String>,
}

/// Which items hold the force, assessor, dates and previous assessment. probity fills some of
/// them from its own form and uses the dates in prose and as the date a document is "as at".
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ContextFile {
    /// A text item: the force assessed.
    #[schemars(with = "Option<String>")]
    pub force: Option<Spanned<String>>,
    /// A text item: who completed the assessment.
    #[schemars(with = "Option<String>")]
    pub assessor: Option<Spanned<String>>,
    /// A date item: when the assessment was completed.
    #[schemars(with = "Option<String>")]
    pub completed: Option<Spanned<String>>,
    /// A date item: the first day the counts and amounts cover.
    #[schemars(with = "Option<String>")]
    pub period_start: Option<Spanned<String>>,
    /// A date item: the last day the counts and amounts cover.
    #[schemars(with = "Option<String>")]
    pub period_end: Option<Spanned<String>>,
    /// A text item: the earlier assessment this one is compared with.
    #[schemars(with = "Option<String>")]
    pub previous: Option<Spanned<String>>,
}

/// One question of the prose report.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NarrativeFile {
    pub question: String,
    /// Areas whose findings are listed under this question; none means every area that no
    /// other question names.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub areas: Vec<Spanned<String>>,
    /// Paragraphs, each a list of the items whose sentences it strings together.
    #[schemars(with = "Vec<Vec<String>>")]
    pub paragraphs: Vec<Vec<Spanned<String>>>,
}

/// The sentences the prose report says of an item, chosen by its answer. Placeholders in braces
/// are filled by probity: `{n}` (a count), `{value}` (the answer in words), `{of}` (the whole a
/// count is part of), `{between}` and `{since}` (the period the figures cover).
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SayFile {
    /// Status items: said of a yes, a partial and a no.
    pub yes: Option<String>,
    pub partial: Option<String>,
    pub no: Option<String>,
    /// Count items: said of zero, one and more.
    pub zero: Option<String>,
    pub one: Option<String>,
    pub many: Option<String>,
    /// Money, number, percent, date and text items, and a count that is part of another.
    pub value: Option<String>,
    /// For a count that is part of another count: that count's item.
    #[schemars(with = "Option<String>")]
    pub of: Option<Spanned<String>>,
    /// Said instead of `value` when the part is larger than the whole.
    pub exceeds: Option<String>,
    /// Said instead of `value` when the part is the whole (and not nothing), so that one
    /// figure is not given twice in a sentence.
    pub all: Option<String>,
}

/// The label an inspectorate would give a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LabelName {
    CauseOfConcern,
    AreaForImprovement,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RecommendationFile {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    pub title: String,
    #[serde(default)]
    pub text: String,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AreaFile {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    pub title: String,
    /// The question the area answers in a report.
    pub question: String,
    #[serde(default = "no_items")]
    #[schemars(with = "Vec<ItemFile>")]
    pub items: Spanned<Vec<ItemFile>>,
}

fn no_items() -> Spanned<Vec<ItemFile>> {
    Spanned::new(0..0, Vec::new())
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemFile {
    /// Dotted id, unique in the checklist and stable across versions.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    pub prompt: String,
    /// What good looks like and the evidence to hold: printed in reports beside a finding.
    #[serde(default)]
    pub guidance: String,
    /// How to record the answer (what to give in the note, when to answer not applicable):
    /// shown to whoever answers, never printed in a report.
    #[serde(default)]
    pub recording: Option<String>,
    #[serde(default)]
    pub basis: String,
    #[schemars(with = "KindName")]
    pub kind: Spanned<KindName>,
    #[serde(default)]
    pub severity: Option<SeverityName>,
    #[serde(default)]
    #[schemars(with = "Option<f64>")]
    pub weight: Option<Spanned<f64>>,
    #[serde(default)]
    #[schemars(with = "Option<ConditionFile>")]
    pub ask_if: Option<Spanned<ConditionFile>>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub recommendations: Vec<Spanned<String>>,
    /// Choice options; required for `choice` items and refused for others.
    #[serde(default)]
    #[schemars(with = "Option<Vec<OptionFile>>")]
    pub options: Option<Spanned<Vec<OptionFile>>>,
    /// Ids of earlier versions' items whose answers this item takes over.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub replaces: Vec<Spanned<String>>,
    /// A short label naming the control, shown in traces and tables.
    #[serde(default)]
    pub short: Option<String>,
    /// The gap, stated as a fact, when the item is not met.
    #[serde(default)]
    pub gap: Option<String>,
    /// The gap when the item is partly met.
    #[serde(default)]
    pub partial_gap: Option<String>,
    /// The recommended action that closes the gap.
    #[serde(default)]
    pub action: Option<String>,
    /// The label a finding on this item carries.
    #[serde(default)]
    pub label: Option<LabelName>,
    /// What the prose report says, by answer.
    #[serde(default)]
    #[schemars(with = "Option<SayFile>")]
    pub say: Option<Spanned<SayFile>>,
    /// A duty the law places on the force: in a graded checklist a "no" makes its area
    /// inadequate, and the area is not judged while it is unanswered.
    #[serde(default)]
    pub statutory: bool,
    /// The register whose cross-check against suppliers answers this item (`probity
    /// crosscheck --record` adds its evidence here): "gifts" or "interests".
    #[serde(default)]
    pub crosscheck: Option<super::Register>,
    /// For an answer that holds only for a time (an assessment no more than a year old, say):
    /// a new period further than this many months after the one answered does not carry it.
    #[serde(default)]
    pub carry_within_months: Option<u32>,
    /// For a figure that replaces an earlier one counted differently: how the definition
    /// changed. Its earlier figures are then "not comparable", never a baseline.
    #[serde(default)]
    pub definition_changed: Option<String>,
    /// Status items: whether "na" (not applicable) may be answered at all. In a checklist with
    /// `[grading]` a status item that says neither `na` nor `na_if` does not allow it.
    #[serde(default)]
    #[schemars(with = "Option<bool>")]
    pub na: Option<Spanned<bool>>,
    /// Status items: "na" may be answered only when this holds, for example when the count the
    /// control depends on is 0.
    #[serde(default)]
    #[schemars(with = "Option<ConditionFile>")]
    pub na_if: Option<Spanned<ConditionFile>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum KindName {
    Status,
    Count,
    Number,
    Money,
    Percent,
    Date,
    Choice,
    Text,
}

#[derive(Debug, Clone, Copy, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SeverityName {
    High,
    Medium,
    Low,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OptionFile {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    pub label: String,
    /// How far this option meets the item, from 0 to 1.
    #[serde(default)]
    #[schemars(with = "Option<f64>")]
    pub credit: Option<Spanned<f64>>,
    /// What the prose report says when this option is chosen.
    #[serde(default)]
    pub say: Option<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    pub severity: SeverityName,
    pub title: String,
    pub explanation: String,
    /// The recommended action.
    pub action: String,
    #[schemars(with = "ConditionFile")]
    pub when: Spanned<ConditionFile>,
    /// Item whose answer carries the owner and due date of the action.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub anchor: Option<Spanned<String>>,
    /// Items whose own findings are folded into this rule's finding when it fires.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub covers: Vec<Spanned<String>>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub recommendations: Vec<Spanned<String>>,
    /// The label a finding from this rule carries.
    #[serde(default)]
    pub label: Option<LabelName>,
    /// A rule that on its own makes its area's judgement inadequate.
    #[serde(default)]
    pub critical: bool,
    /// An item answer this rule's firing shows to be wrong: the prose report then leaves that
    /// answer's sentence out and gives the rule's finding instead.
    #[serde(default)]
    #[schemars(with = "Option<ContradictsFile>")]
    pub contradicts: Option<Spanned<ContradictsFile>>,
}

/// The answers of one item that a rule, when it fires, contradicts.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ContradictsFile {
    #[schemars(with = "String")]
    pub item: Spanned<String>,
    /// The stored answers (`yes`, `partial`, an option id) the rule contradicts.
    #[serde(rename = "in")]
    pub answers: Vec<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RetiredFile {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    pub reason: String,
}

/// A condition: exactly one of `all`, `any`, `not`, an `item` test or a `ratio` comparison.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConditionFile {
    #[schemars(with = "Option<Vec<ConditionFile>>")]
    pub all: Option<Vec<Spanned<ConditionFile>>>,
    #[schemars(with = "Option<Vec<ConditionFile>>")]
    pub any: Option<Vec<Spanned<ConditionFile>>>,
    #[schemars(with = "Option<Box<ConditionFile>>")]
    pub not: Option<Box<Spanned<ConditionFile>>>,
    /// The item tested.
    #[schemars(with = "Option<String>")]
    pub item: Option<Spanned<String>>,
    /// `[numerator, denominator]`: two numeric items.
    #[schemars(with = "Option<[String; 2]>")]
    pub ratio: Option<Spanned<Vec<Spanned<String>>>>,
    /// The status or choice answer equals this.
    #[schemars(with = "Option<String>")]
    pub is: Option<Spanned<String>>,
    /// The status or choice answer is one of these.
    #[serde(rename = "in")]
    #[schemars(with = "Option<Vec<String>>")]
    pub in_: Option<Vec<Spanned<String>>>,
    pub answered: Option<bool>,
    pub gt: Option<f64>,
    pub ge: Option<f64>,
    pub lt: Option<f64>,
    pub le: Option<f64>,
    pub eq: Option<f64>,
    pub ne: Option<f64>,
    /// A date answer is more than this many calendar months before the date the assessment is
    /// as at (its completion date, or when none is recorded the date it is read).
    pub older_than_months: Option<u32>,
}
