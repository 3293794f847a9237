use std::collections::HashMap;

use jiff::civil::Date;
use serde::Serialize;

use super::{Facts, ItemState};
use crate::answer::{Kind, Status, Value};
use crate::assessment::Assessment;
use crate::checklist::{Checklist, Item, Label, Rule, Severity};
use crate::condition::{Answers, Step};

/// A gap the chief officer team should act on, with the answers that show why.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Finding {
    /// The item id for item findings, the rule id for rule findings.
    pub id: String,
    pub kind: FindingKind,
    pub severity: Severity,
    pub title: String,
    /// Why it matters: the rule's explanation, or how far the item falls short.
    pub explanation: String,
    /// The recommended action.
    pub action: String,
    /// The area it is reported under.
    pub area: String,
    /// Every item involved.
    pub items: Vec<String>,
    /// The tests and the answers they saw.
    pub trace: Vec<Step>,
    pub owner: Option<String>,
    pub due: Option<Date>,
    pub recommendations: Vec<String>,
    /// The label the checklist gives it, such as "cause of concern".
    pub label: Option<Label>,
    /// True when it rests on an answer carried from the previous period and not yet
    /// confirmed: it is listed, but left out of every verdict and judgement.
    pub unconfirmed: bool,
}

/// Said when a checklist gives no action for an item's gap, so no finding goes without one.
pub const NO_ACTION: &str =
    "The checklist gives no action for this gap: agree one, and record its owner and due date.";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum FindingKind {
    Item,
    Rule,
}

/// Whether any of the items has an answer carried from last period and not yet confirmed.
fn rests_on_unconfirmed(assessment: &Assessment, items: &[String]) -> bool {
    items
        .iter()
        .any(|i| assessment.answer(i).is_some_and(|a| a.is_unconfirmed()))
}

/// Whether the scored controls a rule stands for (those it covers, or its anchor when it covers
/// none) are all partly met, and that is why it fires: each answered one earns some credit, at
/// least one not all of it, and with them fully met the rule would not fire. A rule that fires
/// on a "no", on "na" or on figures alone keeps its severity, and so does a critical rule: its
/// threshold, not the partial answer, is what makes it critical. So weakening a control never
/// lowers a finding that its other answers raise anyway.
fn fires_on_partial(rule: &Rule, states: &HashMap<String, ItemState>, facts: &Facts) -> bool {
    if rule.critical {
        return false;
    }
    let controls: Vec<&str> = if rule.covers.is_empty() {
        rule.anchor.as_deref().into_iter().collect()
    } else {
        rule.covers.iter().map(String::as_str).collect()
    };
    let credits: Vec<f64> = controls
        .iter()
        .filter_map(|id| states.get(*id).and_then(|s| s.credit))
        .collect();
    let partly =
        !credits.is_empty() && credits.iter().all(|c| *c > 0.0) && credits.iter().any(|c| *c < 1.0);
    if !partly {
        return false;
    }
    // The partly met controls at their best answer.
    let best: Vec<(&str, Value)> = controls
        .iter()
        .filter(|id| {
            states
                .get(**id)
                .and_then(|s| s.credit)
                .is_some_and(|c| c < 1.0)
        })
        .filter_map(|id| Some((*id, fully_met(facts.checklist.item(id)?)?)))
        .collect();
    let raised = Answers::new(
        |id: &str| match best.iter().find(|(b, _)| *b == id) {
            Some((_, v)) => Some(v),
            None => facts.value(id),
        },
        facts.as_at,
    );
    !rule.when.holds(&raised)
}

/// A scored item's fully met answer: "yes", or the choice of most credit.
fn fully_met(item: &Item) -> Option<Value> {
    match &item.kind {
        Kind::Status => Some(Value::Status(Status::Yes)),
        Kind::Choice(options) => options
            .iter()
            .filter_map(|o| Some((o, o.credit?)))
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(o, _)| Value::Choice(o.id.clone())),
        _ => None,
    }
}

pub(super) fn collect(
    checklist: &Checklist,
    assessment: &Assessment,
    states: &HashMap<String, ItemState>,
    facts: &Facts,
) -> Vec<Finding> {
    let effective = &facts.answers();
    let order: HashMap<&str, usize> = checklist
        .items()
        .enumerate()
        .map(|(i, item)| (item.id.as_str(), i))
        .collect();
    let mut findings: Vec<(usize, Finding)> = Vec::new();
    let mut covered: Vec<&str> = Vec::new();

    for rule in &checklist.rules {
        if !facts.fires(rule) {
            continue;
        }
        covered.extend(rule.covers.iter().map(String::as_str));
        let items: Vec<String> = rule.when.items().into_iter().map(str::to_string).collect();
        let anchor = rule.anchor.as_deref().or_else(|| {
            items
                .iter()
                .map(String::as_str)
                .find(|id| assessment.answer(id).is_some_and(|a| a.owner.is_some()))
        });
        let answer = anchor.and_then(|id| assessment.answer(id));
        let unconfirmed = rests_on_unconfirmed(assessment, &items);
        let area_item = rule.home().unwrap_or_default();
        // A rule that fires on a partly met control is one step lower, and an area for
        // improvement, exactly as the item's own finding would be.
        let (severity, label) = if fires_on_partial(rule, states, facts) {
            (
                rule.severity.lower(),
                rule.label.map(|_| Label::AreaForImprovement),
            )
        } else {
            (rule.severity, rule.label)
        };
        findings.push((
            order.get(area_item).copied().unwrap_or(usize::MAX),
            Finding {
                id: rule.id.clone(),
                kind: FindingKind::Rule,
                severity,
                title: rule.title.clone(),
                explanation: rule.explanation.clone(),
                action: rule.action.clone(),
                area: checklist
                    .area_of(area_item)
                    .map(|a| a.id.clone())
                    .unwrap_or_default(),
                items,
                trace: rule.when.trace(effective),
                owner: answer.and_then(|a| a.owner.clone()),
                due: answer.and_then(|a| a.due),
                recommendations: rule.recommendations.clone(),
                label,
                unconfirmed,
            },
        ));
    }

    for item in checklist.items() {
        let Some(credit) = states.get(&item.id).and_then(|s| s.credit) else {
            continue;
        };
        if credit >= 1.0 || covered.contains(&item.id.as_str()) {
            continue;
        }
        // A partial answer on its own is an area for improvement, one step lower, whatever
        // label the item's full gap carries.
        let (severity, gap, label) = if credit <= 0.0 {
            (item.severity, item.gap.as_ref(), item.label)
        } else {
            (
                item.severity.lower(),
                item.partial_gap.as_ref().or(item.gap.as_ref()),
                item.label.map(|_| Label::AreaForImprovement),
            )
        };
        let answer = assessment.answer(&item.id);
        let value = facts.value(&item.id);
        let shown = value.map(|v| item.kind.display(v)).unwrap_or_default();
        findings.push((
            order[item.id.as_str()],
            Finding {
                id: item.id.clone(),
                kind: FindingKind::Item,
                severity,
                title: gap.unwrap_or(&item.prompt).clone(),
                explanation: format!(
                    "Asked \u{201c}{}\u{201d}, the answer is {shown}.",
                    item.prompt
                ),
                action: item.action.clone().unwrap_or_else(|| NO_ACTION.into()),
                area: checklist
                    .area_of(&item.id)
                    .map(|a| a.id.clone())
                    .unwrap_or_default(),
                items: vec![item.id.clone()],
                trace: vec![Step {
                    item: item.id.clone(),
                    value: value.map(Value::to_string),
                    test: format!("is \"{}\"", value.map(Value::to_string).unwrap_or_default()),
                    holds: true,
                }],
                owner: answer.and_then(|a| a.owner.clone()),
                due: answer.and_then(|a| a.due),
                recommendations: item.recommendations.clone(),
                label,
                unconfirmed: rests_on_unconfirmed(assessment, std::slice::from_ref(&item.id)),
            },
        ));
    }

    findings.sort_by(|(a_order, a), (b_order, b)| {
        b.severity
            .cmp(&a.severity)
            .then(a_order.cmp(b_order))
            .then((a.kind == FindingKind::Item).cmp(&(b.kind == FindingKind::Item)))
    });
    findings.into_iter().map(|(_, f)| f).collect()
}
