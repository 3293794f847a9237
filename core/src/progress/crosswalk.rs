//! How the items of one checklist version map onto the next: kept under the same id, renamed,
//! split, merged, retired with a reason, or dropped without a word (which is reported, never
//! hidden). Carry-forward and comparison both follow it.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::checklist::Checklist;

/// What became of one item of the earlier checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(tag = "fate", rename_all = "lowercase")]
pub enum Fate {
    /// Still asked under the same id.
    Kept,
    /// Asked under a new id.
    Renamed { to: String },
    /// Its answer now feeds several items.
    Split { into: Vec<String> },
    /// It and others are now asked as one item.
    Merged { into: String, with: Vec<String> },
    /// No longer asked, for the reason the checklist gives.
    Retired { reason: String },
    /// Not in the later checklist, not replaced and not retired: its answers cannot be mapped.
    Dropped,
}

impl Fate {
    /// The ids in the later checklist that take this item's answer.
    pub fn targets<'a>(&'a self, id: &'a str) -> Vec<&'a str> {
        match self {
            Fate::Kept => vec![id],
            Fate::Renamed { to } | Fate::Merged { into: to, .. } => vec![to.as_str()],
            Fate::Split { into } => into.iter().map(String::as_str).collect(),
            Fate::Retired { .. } | Fate::Dropped => Vec::new(),
        }
    }
}

/// The mapping from an earlier checklist's items to a later one's.
#[derive(Debug, Clone)]
pub struct Crosswalk {
    /// Every item of the earlier checklist, in its order, with what became of it.
    fates: Vec<(String, Fate)>,
    /// Where each earlier item sits in `fates`.
    at: HashMap<String, usize>,
    /// Later item id → the earlier ids whose answers it takes.
    sources: BTreeMap<String, Vec<String>>,
}

impl Crosswalk {
    /// Maps `before`'s items onto `after`'s. An id present in both is kept; otherwise an item
    /// of `after` that lists the id in `replaces` takes it over.
    pub fn between(before: &Checklist, after: &Checklist) -> Crosswalk {
        let mut taken_by: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        let mut sources = BTreeMap::new();
        for item in after.items() {
            let mut from: Vec<String> = Vec::new();
            if before.item(&item.id).is_some() {
                from.push(item.id.clone());
            }
            for old in &item.replaces {
                if before.item(old).is_some() && !from.contains(old) {
                    from.push(old.clone());
                    taken_by.entry(old).or_default().push(&item.id);
                }
            }
            if !from.is_empty() {
                sources.insert(item.id.clone(), from);
            }
        }
        let fates: Vec<(String, Fate)> = before
            .items()
            .map(|item| {
                let id = item.id.as_str();
                let fate = if after.item(id).is_some() {
                    Fate::Kept
                } else if let Some(targets) = taken_by.get(id) {
                    match targets.as_slice() {
                        [one] => {
                            let with: Vec<String> =
                                sources[*one].iter().filter(|s| *s != id).cloned().collect();
                            if with.is_empty() {
                                Fate::Renamed {
                                    to: one.to_string(),
                                }
                            } else {
                                Fate::Merged {
                                    into: one.to_string(),
                                    with,
                                }
                            }
                        }
                        many => Fate::Split {
                            into: many.iter().map(|s| s.to_string()).collect(),
                        },
                    }
                } else if let Some(r) = after.retired.iter().find(|r| r.id == id) {
                    Fate::Retired {
                        reason: r.reason.clone(),
                    }
                } else {
                    Fate::Dropped
                };
                (item.id.clone(), fate)
            })
            .collect();
        let at = fates
            .iter()
            .enumerate()
            .map(|(n, (id, _))| (id.clone(), n))
            .collect();
        Crosswalk { fates, at, sources }
    }

    /// What became of an earlier item; `None` for ids the earlier checklist did not have.
    pub fn fate(&self, before_id: &str) -> Option<&Fate> {
        self.at.get(before_id).map(|&n| &self.fates[n].1)
    }

    /// Every earlier item and its fate, in the earlier checklist's order.
    pub fn fates(&self) -> impl Iterator<Item = (&str, &Fate)> {
        self.fates.iter().map(|(id, f)| (id.as_str(), f))
    }

    /// The earlier ids whose answers a later item takes; empty for a new item.
    pub fn sources(&self, after_id: &str) -> &[String] {
        self.sources.get(after_id).map_or(&[], Vec::as_slice)
    }

    /// True when every earlier item is kept under its own id.
    pub fn is_identity(&self) -> bool {
        self.fates.iter().all(|(_, f)| *f == Fate::Kept)
    }
}

/// What changed between two checklist versions, for a user about to answer the newer one.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Briefing {
    pub from: String,
    pub to: String,
    pub from_version: String,
    pub to_version: String,
    /// Items asked for the first time: (id, question).
    pub new_items: Vec<(String, String)>,
    /// (earlier id, later id).
    pub renamed: Vec<(String, String)>,
    /// (earlier id, later ids).
    pub split: Vec<(String, Vec<String>)>,
    /// (earlier ids, later id).
    pub merged: Vec<(Vec<String>, String)>,
    /// (earlier id, reason).
    pub retired: Vec<(String, String)>,
    /// Earlier items the later checklist neither keeps, replaces nor retires.
    pub dropped: Vec<String>,
    /// The checklists' titles, for readers.
    pub from_title: String,
    pub to_title: String,
    /// Each item's short label, by id, from whichever checklist has it: readers see these.
    #[serde(skip)]
    #[schemars(skip)]
    pub labels: BTreeMap<String, String>,
    /// The title of the area each item of the later checklist is asked in, by id.
    #[serde(skip)]
    #[schemars(skip)]
    pub areas: BTreeMap<String, String>,
    /// The later checklist's figures and dates, which are never carried, each with how its
    /// definition changed when it did.
    #[serde(skip)]
    #[schemars(skip)]
    pub figures: BTreeMap<String, Option<String>>,
}

/// More new items than this are summarised by area rather than listed one by one.
const LISTED_NEW: usize = 8;

impl Briefing {
    /// The changes from `before` to `after`; `None` when they are the same checklist.
    pub fn between(before: &Checklist, after: &Checklist) -> Option<Briefing> {
        if before.id == after.id && before.version == after.version {
            return None;
        }
        let walk = Crosswalk::between(before, after);
        let mut b = Briefing {
            from: before.id.clone(),
            to: after.id.clone(),
            from_version: before.version.clone(),
            to_version: after.version.clone(),
            new_items: after
                .items()
                .filter(|i| walk.sources(&i.id).is_empty())
                .map(|i| (i.id.clone(), i.prompt.clone()))
                .collect(),
            renamed: Vec::new(),
            split: Vec::new(),
            merged: Vec::new(),
            retired: Vec::new(),
            dropped: Vec::new(),
            from_title: before.title.clone(),
            to_title: after.title.clone(),
            labels: before
                .items()
                .chain(after.items())
                .map(|i| (i.id.clone(), i.short_label().to_string()))
                .collect(),
            areas: after
                .areas
                .iter()
                .flat_map(|a| a.items.iter().map(|i| (i.id.clone(), a.title.clone())))
                .collect(),
            figures: after
                .items()
                .filter(|i| i.kind.is_numeric() || i.kind == crate::answer::Kind::Date)
                .map(|i| (i.id.clone(), i.definition_changed.clone()))
                .collect(),
        };
        for (id, fate) in walk.fates() {
            match fate {
                Fate::Kept => {}
                Fate::Renamed { to } => b.renamed.push((id.into(), to.clone())),
                Fate::Split { into } => b.split.push((id.into(), into.clone())),
                Fate::Merged { into, .. } => {
                    if !b.merged.iter().any(|(_, to)| to == into) {
                        b.merged.push((walk.sources(into).to_vec(), into.clone()));
                    }
                }
                Fate::Retired { reason } => b.retired.push((id.into(), reason.clone())),
                Fate::Dropped => b.dropped.push(id.into()),
            }
        }
        Some(b)
    }

    /// True when only the wording or version changed, not which items are asked.
    pub fn is_empty(&self) -> bool {
        self.new_items.is_empty()
            && self.renamed.is_empty()
            && self.split.is_empty()
            && self.merged.is_empty()
            && self.retired.is_empty()
            && self.dropped.is_empty()
    }

    /// "New: 97 questions are asked for the first time: 16 in “Vetting”, …", in area order.
    fn new_by_area(&self) -> String {
        let mut counts: Vec<(&str, usize)> = Vec::new();
        for (id, _) in &self.new_items {
            let area = self.areas.get(id).map_or("", String::as_str);
            match counts.iter_mut().find(|(a, _)| *a == area) {
                Some((_, n)) => *n += 1,
                None => counts.push((area, 1)),
            }
        }
        let parts: Vec<String> = counts
            .iter()
            .map(|(area, n)| format!("{n} in \u{201c}{area}\u{201d}"))
            .collect();
        format!(
            "New: {} questions are asked for the first time: {}.",
            self.new_items.len(),
            parts.join(", ")
        )
    }

    /// An item as readers know it: its short label in quotation marks.
    fn name(&self, id: &str) -> String {
        format!(
            "\u{201c}{}\u{201d}",
            self.labels.get(id).map_or(id, String::as_str)
        )
    }

    fn names(&self, ids: &[String], and: &str) -> String {
        ids.iter()
            .map(|id| self.name(id))
            .collect::<Vec<_>>()
            .join(and)
    }

    /// The briefing as short plain sentences, one per change, naming items by their labels.
    /// Text from the checklist is returned as is; callers escape it for their medium.
    pub fn lines(&self) -> Vec<String> {
        let mut out = vec![format!(
            "This period uses {} (version {}); last period used {} (version {}).",
            self.to_title, self.to_version, self.from_title, self.from_version
        )];
        if self.is_empty() {
            out.push("The same items are asked; only wording may have changed.".into());
        }
        if self.new_items.len() > LISTED_NEW {
            out.push(self.new_by_area());
        } else {
            for (_, prompt) in &self.new_items {
                out.push(format!("New: {prompt}"));
            }
        }
        for (old, new) in &self.renamed {
            if let Some(redefined) = self.figures.get(new) {
                out.push(match redefined {
                    Some(how) => format!(
                        "Not comparable: {} is replaced by {}, which is counted differently: {how}",
                        self.name(old),
                        self.name(new)
                    ),
                    None => format!(
                        "Renamed: {} is now asked as {}; last year's figure is shown as a baseline, not carried.",
                        self.name(old),
                        self.name(new)
                    ),
                });
                continue;
            }
            out.push(if self.name(old) == self.name(new) {
                format!(
                    "Moved: {} is now asked under \u{201c}{}\u{201d}; last year's answer has been carried to it.",
                    self.name(new),
                    self.areas.get(new).map_or("", String::as_str)
                )
            } else {
                format!(
                    "Renamed: {} is now asked as {}; last year's answer has been carried to it.",
                    self.name(old),
                    self.name(new)
                )
            });
        }
        for (old, new) in &self.split {
            out.push(format!(
                "Split: {} is now asked as {}; last year's answer has been copied to each.",
                self.name(old),
                self.names(new, ", ")
            ));
        }
        for (old, new) in &self.merged {
            out.push(format!(
                "Merged: {} are now asked as one item, {}; check the combined answer.",
                self.names(old, " and "),
                self.name(new)
            ));
        }
        for (id, reason) in &self.retired {
            out.push(format!(
                "Retired: {} is no longer asked. {reason}",
                self.name(id)
            ));
        }
        for id in &self.dropped {
            out.push(format!("Not comparable: {} is not in the new checklist and no item takes it over; its answer is kept but not used.", self.name(id)));
        }
        out
    }
}
