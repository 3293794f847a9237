//! The graded judgement a checklist may define: HMICFRS's five-tier scale, the thresholds that
//! turn an area's answers and findings into a grade, and the headline judgements areas roll up
//! to. The grading itself is done by [`crate::scoring`]; this module holds the scale and loads
//! and checks the `[grading]` table.

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::file::{FreshnessFile, GradingFile, RouteFile, ThemeFile};
use super::load::{Loader, clean};
use super::{Area, Label, Rule, Severity};

/// How a checklist grades its areas and rolls them up to headline judgements.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Grading {
    /// The percentage of an area's applicable scored questions that must be answered before it
    /// is graded; below it the area has insufficient evidence for a judgement.
    pub evidence: f64,
    /// The share of the area met (its score) from which it can be good.
    pub good: f64,
    /// The share from which it can be adequate; below it, requires improvement.
    pub adequate: f64,
    /// This many high-severity areas for improvement or more make an area requires improvement.
    pub high_afi_limit: usize,
    /// The share met (unanswered questions counting as unmet) below which an area is inadequate:
    /// most of its controls unmet. 0 when the checklist sets no such floor.
    #[serde(default)]
    pub inadequate: f64,
    /// What a report says of an area whose judgement waits on answers; `{questions}` names them.
    #[serde(default = "default_undecided")]
    pub undecided: String,
    /// What a report says of an area whose evidence is too old; `{months}` is the area's
    /// window and `{evidence}` names what is too old.
    #[serde(default = "default_stale")]
    pub stale: String,
    /// How each graded area can come to be inadequate, in words.
    #[serde(default)]
    pub routes: Vec<Route>,
    /// How recent each graded area's evidence must be.
    #[serde(default)]
    pub freshness: Vec<Freshness>,
    /// Recommendation themes across areas, each with the area it belongs to.
    #[serde(default)]
    pub themes: Vec<Theme>,
    pub headlines: Vec<Headline>,
}

/// How recent one area's evidence must be, measured back from the as-at date.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Freshness {
    pub area: String,
    /// The window in calendar months. A verification older than this does not count as
    /// verified.
    pub months: u32,
    /// Date items saying when the area's key evidence was produced: one older than the window
    /// leaves the area without a judgement, and one asked but not answered keeps it waiting.
    pub dated_by: Vec<String>,
}

/// A recommendation theme and the high-severity areas for improvement on it, wherever they
/// are found: `high_afi_limit` or more of them weigh as one cause of concern in `area`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Theme {
    /// The recommendation's id.
    pub theme: String,
    pub area: String,
    /// Items and rules, by id.
    pub findings: Vec<String>,
}

/// How one area can come to be inadequate, as the checklist states it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Route {
    pub area: String,
    pub route: String,
}

/// Said of an undecided area when the checklist gives no wording of its own.
fn default_undecided() -> String {
    "No judgement: the answer to {questions} decides it.".into()
}

/// Said of an area with stale evidence when the checklist gives no wording of its own.
fn default_stale() -> String {
    "No judgement: the evidence is older than the {months} months this checklist allows: {evidence}."
        .into()
}

/// One of the judgements an inspectorate gives a force as a whole, from the areas that feed it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Headline {
    pub id: String,
    pub title: String,
    pub areas: Vec<String>,
}

/// A grade on HMICFRS's five-tier scale, best first.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    Outstanding,
    Good,
    Adequate,
    RequiresImprovement,
    Inadequate,
}

impl Grade {
    pub const ALL: [Grade; 5] = [
        Grade::Outstanding,
        Grade::Good,
        Grade::Adequate,
        Grade::RequiresImprovement,
        Grade::Inadequate,
    ];

    /// The grade as written in files: `requires_improvement`.
    pub fn id(self) -> &'static str {
        match self {
            Grade::Outstanding => "outstanding",
            Grade::Good => "good",
            Grade::Adequate => "adequate",
            Grade::RequiresImprovement => "requires_improvement",
            Grade::Inadequate => "inadequate",
        }
    }

    /// The grade as a reader sees it: "Requires improvement".
    pub fn label(self) -> &'static str {
        match self {
            Grade::Outstanding => "Outstanding",
            Grade::Good => "Good",
            Grade::Adequate => "Adequate",
            Grade::RequiresImprovement => "Requires improvement",
            Grade::Inadequate => "Inadequate",
        }
    }

    /// A grade from its id, as written in an assessment file.
    pub fn parse(id: &str) -> Option<Grade> {
        Grade::ALL.into_iter().find(|g| g.id() == id)
    }

    /// A grade as a person types it: its id or its label, in any case, with spaces, hyphens or
    /// underscores between words ("Requires improvement", "requires-improvement").
    pub fn from_words(text: &str) -> Option<Grade> {
        let words: Vec<String> = text
            .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        Grade::parse(&words.join("_"))
    }

    /// Every grade in words, for messages: "outstanding, good, adequate, requires improvement
    /// or inadequate".
    pub fn in_words() -> String {
        let labels: Vec<String> = Grade::ALL
            .iter()
            .map(|g| g.label().to_lowercase())
            .collect();
        match labels.split_last() {
            Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
            None => String::new(),
        }
    }

    /// Every grade's id, quoted, for messages: `"outstanding", "good", …`.
    pub fn allowed() -> String {
        Grade::ALL
            .iter()
            .map(|g| format!("\"{}\"", g.id()))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl Grading {
    /// How an area can come to be inadequate, when the checklist states it.
    pub fn route_of(&self, area: &str) -> Option<&str> {
        self.routes
            .iter()
            .find(|r| r.area == area)
            .map(|r| r.route.as_str())
    }

    /// The sentence for an undecided area, naming the questions that decide it.
    pub fn undecided_text(&self, questions: &str) -> String {
        self.undecided.replace("{questions}", questions)
    }

    /// The sentence for an area whose evidence is too old.
    pub fn stale_text(&self, months: u32, evidence: &str) -> String {
        self.stale
            .replace("{months}", &months.to_string())
            .replace("{evidence}", evidence)
    }

    /// How recent an area's evidence must be, when the checklist says.
    pub fn freshness_of(&self, area: &str) -> Option<&Freshness> {
        self.freshness.iter().find(|f| f.area == area)
    }

    /// The headline an area feeds, if any.
    pub fn headline_of(&self, area: &str) -> Option<&Headline> {
        self.headlines
            .iter()
            .find(|h| h.areas.iter().any(|a| a == area))
    }
}

impl Loader<'_> {
    /// The `[grading]` table, with every threshold, headline and area it names checked.
    pub(super) fn grading(
        &mut self,
        file: Option<GradingFile>,
        all: &[Area],
        rules: &[Rule],
        recommendations: &[&str],
    ) -> Option<Grading> {
        let f = file?;
        let areas: Vec<&str> = all.iter().map(|a| a.id.as_str()).collect();
        let graded: Vec<&str> = all
            .iter()
            .filter(|a| a.is_graded())
            .map(|a| a.id.as_str())
            .collect();
        let (areas, graded) = (areas.as_slice(), graded.as_slice());
        let evidence = self.percent("evidence", &f.evidence);
        let good = self.percent("good", &f.good);
        let adequate = self.percent("adequate", &f.adequate);
        let inadequate = f
            .inadequate
            .as_ref()
            .map_or(0.0, |v| self.percent("inadequate", v));
        if let Some(v) = &f.inadequate
            && inadequate > adequate
        {
            self.problem(
                v.span(),
                format!("`inadequate` ({inadequate}) is above `adequate` ({adequate})"),
            );
        }
        let routes = self.routes(f.routes, areas, graded);
        let freshness = self.freshness(f.freshness, all, areas, graded);
        let themes = self.themes(f.themes, all, (areas, graded), rules, recommendations);
        if adequate > good {
            self.problem(
                f.adequate.span(),
                format!("`adequate` ({adequate}) is above `good` ({good})"),
            )
            .help = Some("the share met for adequate must not exceed the share for good".into());
        }
        if *f.high_afi_limit.get_ref() == 0 {
            self.problem(
                f.high_afi_limit.span(),
                "`high_afi_limit` must be 1 or more",
            );
        }
        let mut headlines: Vec<Headline> = Vec::new();
        let mut fed: Vec<(String, String)> = Vec::new();
        for h in f.headlines {
            self.claim("headline", &h.id);
            if h.areas.is_empty() {
                self.problem(
                    h.id.span(),
                    format!("headline \"{}\" names no areas", h.id.get_ref()),
                );
            }
            for a in &h.areas {
                if !self.reference("area", a, areas) {
                    continue;
                }
                if let Some((_, other)) = fed.iter().find(|(area, _)| area == a.get_ref()) {
                    let msg = format!(
                        "area \"{}\" already feeds headline \"{other}\"",
                        a.get_ref()
                    );
                    self.problem(a.span(), msg).help =
                        Some("an area feeds at most one headline judgement".into());
                    continue;
                }
                fed.push((a.get_ref().clone(), h.id.get_ref().clone()));
            }
            headlines.push(Headline {
                id: h.id.into_inner(),
                title: clean(&h.title),
                areas: h.areas.into_iter().map(Spanned::into_inner).collect(),
            });
        }
        Some(Grading {
            evidence,
            good,
            adequate,
            high_afi_limit: *f.high_afi_limit.get_ref() as usize,
            inadequate,
            undecided: f.undecided.as_deref().map_or_else(default_undecided, clean),
            stale: f.stale.as_deref().map_or_else(default_stale, clean),
            routes,
            freshness,
            themes,
            headlines,
        })
    }

    /// The routes to inadequate: each names a graded area once, and once any is given every
    /// graded area needs one.
    fn routes(&mut self, file: Vec<RouteFile>, areas: &[&str], graded: &[&str]) -> Vec<Route> {
        let mut routes: Vec<Route> = Vec::new();
        let mut last = None;
        for r in file {
            last = Some(r.area.span());
            let seen: Vec<&str> = routes.iter().map(|x| x.area.as_str()).collect();
            if !self.graded_once(
                &r.area,
                areas,
                graded,
                &seen,
                "has two routes to inadequate",
            ) {
                continue;
            }
            routes.push(Route {
                area: r.area.into_inner(),
                route: clean(&r.route),
            });
        }
        if let Some(span) = last {
            let given: Vec<&str> = routes.iter().map(|r| r.area.as_str()).collect();
            self.every_graded_area(
                span,
                graded,
                &given,
                "no route to inadequate",
                "add a [[grading.routes]] for each, saying how it can be inadequate",
            );
        }
        routes
    }

    /// Once a per-area table names any area, every graded area needs an entry: reports the
    /// graded areas missing from `given`.
    fn every_graded_area(
        &mut self,
        span: std::ops::Range<usize>,
        graded: &[&str],
        given: &[&str],
        what: &str,
        help: &str,
    ) {
        let missing: Vec<&str> = graded
            .iter()
            .copied()
            .filter(|a| !given.contains(a))
            .collect();
        if missing.is_empty() {
            return;
        }
        self.problem(
            span,
            format!(
                "graded area{} {} ha{} {what}",
                if missing.len() == 1 { "" } else { "s" },
                missing
                    .iter()
                    .map(|a| format!("\"{a}\""))
                    .collect::<Vec<_>>()
                    .join(", "),
                if missing.len() == 1 { "s" } else { "ve" }
            ),
        )
        .help = Some(help.into());
    }

    /// A graded area named once in a per-area table: false (with a problem) otherwise.
    fn graded_once(
        &mut self,
        area: &Spanned<String>,
        areas: &[&str],
        graded: &[&str],
        seen: &[&str],
        twice: &str,
    ) -> bool {
        if !self.reference("area", area, areas) {
            return false;
        }
        let id = area.get_ref().as_str();
        if seen.contains(&id) {
            self.problem(area.span(), format!("area \"{id}\" {twice}"));
            return false;
        }
        if !graded.contains(&id) {
            self.problem(
                area.span(),
                format!("area \"{id}\" asks no scored questions, so it is not graded"),
            );
            return false;
        }
        true
    }

    /// The freshness windows: each names a graded area once, with a window of a month or more
    /// and date items of that area; once any is given every graded area needs one.
    fn freshness(
        &mut self,
        file: Vec<FreshnessFile>,
        all: &[Area],
        areas: &[&str],
        graded: &[&str],
    ) -> Vec<Freshness> {
        let mut out: Vec<Freshness> = Vec::new();
        let mut last = None;
        for f in file {
            last = Some(f.area.span());
            let seen: Vec<&str> = out.iter().map(|x| x.area.as_str()).collect();
            if !self.graded_once(&f.area, areas, graded, &seen, "has two freshness windows") {
                continue;
            }
            let area = f.area.get_ref();
            if *f.months.get_ref() == 0 {
                self.problem(f.months.span(), "`months` must be 1 or more");
            }
            let mut dated_by = Vec::new();
            for d in &f.dated_by {
                let Some(kind) = self.known_item(d) else {
                    continue;
                };
                let id = d.get_ref();
                if !matches!(kind, crate::answer::Kind::Date) {
                    self.problem(
                        d.span(),
                        format!(
                            "item \"{id}\" is a {} item: only a date item can date an area's evidence",
                            kind.name()
                        ),
                    );
                    continue;
                }
                let home = all.iter().find(|a| a.items.iter().any(|i| &i.id == id));
                if home.is_none_or(|a| &a.id != area) {
                    self.problem(
                        d.span(),
                        format!("item \"{id}\" is not in area \"{area}\": it cannot date that area's evidence"),
                    );
                    continue;
                }
                dated_by.push(id.clone());
            }
            out.push(Freshness {
                area: f.area.into_inner(),
                months: *f.months.get_ref(),
                dated_by,
            });
        }
        if let Some(span) = last {
            let given: Vec<&str> = out.iter().map(|f| f.area.as_str()).collect();
            self.every_graded_area(
                span,
                graded,
                &given,
                "no freshness window",
                "add a [[grading.freshness]] for each, with the months its evidence stays current",
            );
        }
        out
    }

    /// The recommendation themes: each names a recommendation once and a graded area, and
    /// lists high-severity areas for improvement (items or rules of graded areas), each on one
    /// theme only.
    fn themes(
        &mut self,
        file: Vec<ThemeFile>,
        all: &[Area],
        (areas, graded): (&[&str], &[&str]),
        rules: &[Rule],
        recommendations: &[&str],
    ) -> Vec<Theme> {
        let area_of = |item: &str| {
            all.iter()
                .find(|a| a.items.iter().any(|i| i.id == item))
                .map(|a| a.id.as_str())
        };
        let mut out: Vec<Theme> = Vec::new();
        for t in file {
            if !self.reference("recommendation", &t.theme, recommendations) {
                continue;
            }
            if out.iter().any(|x| &x.theme == t.theme.get_ref()) {
                self.problem(
                    t.theme.span(),
                    format!("theme \"{}\" is given twice", t.theme.get_ref()),
                );
                continue;
            }
            if !self.graded_once(&t.area, areas, graded, &[], "") {
                continue;
            }
            let mut findings: Vec<String> = Vec::new();
            for f in &t.findings {
                let id = f.get_ref();
                let (what, severity, label, home) =
                    if let Some(item) = all.iter().flat_map(|a| &a.items).find(|i| &i.id == id) {
                        ("item", item.severity, item.label, area_of(id))
                    } else if let Some(rule) = rules.iter().find(|r| &r.id == id) {
                        (
                            "rule",
                            rule.severity,
                            rule.label,
                            rule.home().and_then(area_of),
                        )
                    } else {
                        let mut known: Vec<&str> = all
                            .iter()
                            .flat_map(|a| &a.items)
                            .map(|i| i.id.as_str())
                            .collect();
                        known.extend(rules.iter().map(|r| r.id.as_str()));
                        self.reference("item or rule", f, &known);
                        continue;
                    };
                if severity != Severity::High || label != Some(Label::AreaForImprovement) {
                    self.problem(
                        f.span(),
                        format!("{what} \"{id}\" is not a high-severity area for improvement"),
                    )
                    .help = Some(
                        "a theme counts only items and rules of high severity labelled \"area_for_improvement\"; a cause of concern weighs on its own".into(),
                    );
                    continue;
                }
                if home.is_none_or(|a| !graded.contains(&a)) {
                    self.problem(f.span(), format!("{what} \"{id}\" is in no graded area"));
                    continue;
                }
                let other = out
                    .iter()
                    .find(|x| x.findings.contains(id))
                    .map(|x| x.theme.clone())
                    .or_else(|| findings.contains(id).then(|| t.theme.get_ref().clone()));
                if let Some(other) = other {
                    self.problem(
                        f.span(),
                        format!("{what} \"{id}\" is already on theme \"{other}\""),
                    )
                    .help = Some("a finding counts on one theme only".into());
                    continue;
                }
                findings.push(id.clone());
            }
            out.push(Theme {
                theme: t.theme.into_inner(),
                area: t.area.into_inner(),
                findings,
            });
        }
        out
    }

    /// A percentage threshold, which must lie between 0 and 100.
    fn percent(&mut self, name: &str, value: &Spanned<f64>) -> f64 {
        let v = *value.get_ref();
        if !(0.0..=100.0).contains(&v) {
            self.problem(
                value.span(),
                format!("`{name}` must be a percentage from 0 to 100, not {v}"),
            );
        }
        v.clamp(0.0, 100.0)
    }
}

#[cfg(test)]
mod tests {
    use super::Grade;
    use crate::checklist::load_str;

    const AREAS: &str = "id = \"c\"\ntitle = \"C\"\nversion = \"1\"\nprovenance = \"p\"\n\
        [[areas]]\nid = \"a\"\ntitle = \"A\"\nquestion = \"?\"\n\
        [[areas.items]]\nid = \"a.one\"\nprompt = \"One?\"\nkind = \"status\"\n\
        [[areas]]\nid = \"b\"\ntitle = \"B\"\nquestion = \"?\"\n\
        [[areas.items]]\nid = \"b.one\"\nprompt = \"One?\"\nkind = \"status\"\n";

    fn problems(grading: &str) -> Vec<(String, (usize, usize))> {
        problems_in(&format!("{AREAS}{grading}"))
    }

    /// The messages alone.
    fn texts(found: &[(String, (usize, usize))]) -> Vec<&str> {
        found.iter().map(|(m, _)| m.as_str()).collect()
    }

    /// Every problem a checklist has, with its line and column.
    fn problems_in(text: &str) -> Vec<(String, (usize, usize))> {
        match load_str("c.toml", text) {
            Ok(_) => Vec::new(),
            Err(e) => e
                .problems
                .iter()
                .map(|p| (p.message.clone(), p.location().unwrap_or_default()))
                .collect(),
        }
    }

    #[test]
    fn thresholds_are_percentages_and_headlines_share_no_area() {
        let found = problems(
            "[grading]\nevidence = 120\ngood = 90\nadequate = 65\nhigh_afi_limit = 0\n\
             [[grading.headlines]]\nid = \"x\"\ntitle = \"X\"\nareas = [\"a\"]\n\
             [[grading.headlines]]\nid = \"x\"\ntitle = \"Y\"\nareas = [\"a\", \"b\"]\n",
        );
        let messages = texts(&found);
        assert_eq!(
            messages,
            [
                "`evidence` must be a percentage from 0 to 100, not 120",
                "`high_afi_limit` must be 1 or more",
                "duplicate headline id \"x\"",
                "area \"a\" already feeds headline \"x\"",
            ]
        );
        assert_eq!(found[0].1, (22, 12));
        assert_eq!(found[3].1, (33, 10));
    }

    #[test]
    fn a_sound_table_loads_and_grades_read_as_written() {
        let c = load_str(
            "c.toml",
            &format!(
                "{AREAS}[grading]\nevidence = 80\ngood = 90\nadequate = 65\nhigh_afi_limit = 3\n\
                 [[grading.headlines]]\nid = \"x\"\ntitle = \"X\"\nareas = [\"b\"]\n"
            ),
        )
        .unwrap();
        let g = c.grading.unwrap();
        assert_eq!(g.headline_of("b").map(|h| h.title.as_str()), Some("X"));
        assert!(g.headline_of("a").is_none());
        assert_eq!(
            Grade::parse("requires_improvement"),
            Some(Grade::RequiresImprovement)
        );
        assert_eq!(Grade::parse("requires improvement"), None);
        assert!(Grade::Good < Grade::Inadequate, "best first");
    }

    #[test]
    fn every_graded_area_states_its_route_to_inadequate_once_any_does() {
        let found = problems(
            "[grading]\nevidence = 80\ngood = 90\nadequate = 65\nhigh_afi_limit = 3\n\
             inadequate = 70\n\
             [[grading.routes]]\narea = \"a\"\nroute = \"Inadequate below half met.\"\n\
             [[grading.routes]]\narea = \"a\"\nroute = \"Again.\"\n",
        );
        let messages = texts(&found);
        assert_eq!(
            messages,
            [
                "`inadequate` (70) is above `adequate` (65)",
                "area \"a\" has two routes to inadequate",
                "graded area \"b\" has no route to inadequate",
            ]
        );
        let c = load_str(
            "c.toml",
            &format!(
                "{AREAS}[grading]\nevidence = 80\ngood = 90\nadequate = 65\nhigh_afi_limit = 3\n\
                 inadequate = 50\nundecided = \"Waiting on {{questions}}.\"\n\
                 [[grading.routes]]\narea = \"a\"\nroute = \"A route.\"\n\
                 [[grading.routes]]\narea = \"b\"\nroute = \"B route.\"\n"
            ),
        )
        .unwrap();
        let g = c.grading.unwrap();
        assert_eq!(g.route_of("b"), Some("B route."));
        assert_eq!(
            g.undecided_text("\u{201c}X\u{201d}"),
            "Waiting on \u{201c}X\u{201d}."
        );
    }

    /// A cause of concern below high severity, and `na` or `na_if` where they cannot apply,
    /// are refused; in a graded checklist a status item allows "na" only where it says so.
    #[test]
    fn causes_of_concern_are_high_carry_a_recommendation_and_na_is_declared() {
        let head = "id = \"c\"\ntitle = \"C\"\nversion = \"1\"\nprovenance = \"p\"\n\
            [[areas]]\nid = \"a\"\ntitle = \"A\"\nquestion = \"?\"\n";
        let item = |id: &str, extra: &str| {
            format!("[[areas.items]]\nid = \"{id}\"\nprompt = \"?\"\nkind = \"status\"\n{extra}")
        };
        let text = format!(
            "{head}{}{}{}{}{}",
            item("a.medium_cause", "label = \"cause_of_concern\"\n"),
            "[[areas.items]]\nid = \"a.count\"\nprompt = \"?\"\nkind = \"count\"\nna = true\n",
            item(
                "a.both",
                "na = true\nna_if = { item = \"a.count\", eq = 0 }\n"
            ),
            item("a.itself", "na_if = { item = \"a.itself\", is = \"no\" }\n"),
            "[[rules]]\nid = \"r\"\nseverity = \"medium\"\nlabel = \"cause_of_concern\"\n\
             title = \"T\"\nexplanation = \"E\"\naction = \"A\"\nwhen = { item = \"a.both\", is = \"no\" }\n",
        );
        let messages: Vec<String> = match load_str("c.toml", &text) {
            Ok(_) => Vec::new(),
            Err(e) => e.problems.iter().map(|p| p.message.clone()).collect(),
        };
        assert_eq!(
            messages,
            [
                "item \"a.medium_cause\" is labelled a cause of concern but is not of high severity",
                "item \"a.medium_cause\" is labelled a cause of concern but names no recommendation",
                "item \"a.count\" is a count item: only status items take `na` or `na_if`",
                "item \"a.both\" has both `na` and `na_if`: give one",
                "the `na_if` of \"a.itself\" tests the item itself",
                "rule \"r\" is labelled a cause of concern but is not of high severity",
                "rule \"r\" is labelled a cause of concern but names no recommendation",
            ]
        );

        use crate::checklist::Na;
        let graded = format!(
            "{head}{}{}[[areas.items]]\nid = \"a.n\"\nprompt = \"?\"\nkind = \"count\"\n{}\
             [grading]\nevidence = 80\ngood = 90\nadequate = 65\nhigh_afi_limit = 3\n",
            item("a.silent", ""),
            item("a.always", "na = true\n"),
            item("a.when", "na_if = { item = \"a.n\", eq = 0 }\n"),
        );
        let c = load_str("c.toml", &graded).unwrap();
        assert_eq!(c.item("a.silent").unwrap().na, Na::Never);
        assert_eq!(c.item("a.always").unwrap().na, Na::Allowed);
        assert!(matches!(c.item("a.when").unwrap().na, Na::When(_)));
        let ungraded = load_str("c.toml", &format!("{head}{}", item("a.silent", ""))).unwrap();
        assert_eq!(ungraded.item("a.silent").unwrap().na, Na::Allowed);
    }

    /// Freshness windows and themes are checked with their line and column: graded areas once
    /// each, a window of a month or more, date items of the area, recommendations that exist,
    /// and high-severity areas for improvement on one theme only.
    #[test]
    fn freshness_windows_and_themes_are_checked() {
        let head = "id = \"c\"\ntitle = \"C\"\nversion = \"1\"\nprovenance = \"p\"\n\
            [[recommendations]]\nid = \"R1\"\ntitle = \"R\"\n\
            [[areas]]\nid = \"a\"\ntitle = \"A\"\nquestion = \"?\"\n\
            [[areas.items]]\nid = \"a.high\"\nprompt = \"?\"\nkind = \"status\"\nseverity = \"high\"\nlabel = \"area_for_improvement\"\n\
            [[areas.items]]\nid = \"a.low\"\nprompt = \"?\"\nkind = \"status\"\nlabel = \"area_for_improvement\"\n\
            [[areas.items]]\nid = \"a.on\"\nprompt = \"?\"\nkind = \"date\"\n\
            [[areas.items]]\nid = \"a.n\"\nprompt = \"?\"\nkind = \"count\"\n\
            [[areas]]\nid = \"b\"\ntitle = \"B\"\nquestion = \"?\"\n\
            [[areas.items]]\nid = \"b.one\"\nprompt = \"?\"\nkind = \"status\"\n\
            [[areas.items]]\nid = \"b.on\"\nprompt = \"?\"\nkind = \"date\"\n\
            [[areas]]\nid = \"ctx\"\ntitle = \"Ctx\"\nquestion = \"?\"\n\
            [[areas.items]]\nid = \"ctx.n\"\nprompt = \"?\"\nkind = \"count\"\n\
            [grading]\nevidence = 80\ngood = 90\nadequate = 65\nhigh_afi_limit = 3\n";
        let messages = |tail: &str| problems_in(&format!("{head}{tail}"));
        let found = messages(
            "[[grading.freshness]]\narea = \"a\"\nmonths = 0\n\
             dated_by = [\"a.n\", \"b.on\", \"a.on\", \"a.nope\"]\n\
             [[grading.freshness]]\narea = \"a\"\nmonths = 12\n\
             [[grading.freshness]]\narea = \"ctx\"\nmonths = 12\n",
        );
        assert_eq!(
            texts(&found),
            [
                "`months` must be 1 or more",
                "item \"a.n\" is a count item: only a date item can date an area's evidence",
                "item \"b.on\" is not in area \"a\": it cannot date that area's evidence",
                "unknown item \"a.nope\"",
                "area \"a\" has two freshness windows",
                "area \"ctx\" asks no scored questions, so it is not graded",
                "graded area \"b\" has no freshness window",
            ]
        );
        assert_eq!(found[1].1, (59, 13));
        let found = messages(
            "[[grading.themes]]\ntheme = \"R2\"\narea = \"a\"\nfindings = []\n\
             [[grading.themes]]\ntheme = \"R1\"\narea = \"a\"\n\
             findings = [\"a.high\", \"a.low\", \"a.high\", \"zz\"]\n\
             [[grading.themes]]\ntheme = \"R1\"\narea = \"b\"\nfindings = []\n",
        );
        assert_eq!(
            texts(&found),
            [
                "unknown recommendation \"R2\"",
                "item \"a.low\" is not a high-severity area for improvement",
                "item \"a.high\" is already on theme \"R1\"",
                "unknown item or rule \"zz\"",
                "theme \"R1\" is given twice",
            ]
        );
        let c = load_str(
            "c.toml",
            &format!(
                "{head}stale = \"Old: {{evidence}} ({{months}}).\"\n\
                 [[grading.freshness]]\narea = \"a\"\nmonths = 12\ndated_by = [\"a.on\"]\n\
                 [[grading.freshness]]\narea = \"b\"\nmonths = 24\n\
                 [[grading.themes]]\ntheme = \"R1\"\narea = \"b\"\nfindings = [\"a.high\"]\n"
            ),
        )
        .unwrap();
        let g = c.grading.unwrap();
        assert_eq!(g.freshness_of("a").unwrap().dated_by, ["a.on"]);
        assert_eq!(g.freshness_of("b").unwrap().months, 24);
        assert_eq!(g.themes.iter().filter(|t| t.area == "b").count(), 1);
        assert_eq!(g.stale_text(24, "X"), "Old: X (24).");
    }

    #[test]
    fn a_grade_is_read_from_its_words_in_any_case() {
        for typed in [
            "Requires improvement",
            "REQUIRES-IMPROVEMENT",
            " requires_improvement ",
            "requires  improvement",
        ] {
            assert_eq!(
                Grade::from_words(typed),
                Some(Grade::RequiresImprovement),
                "{typed}"
            );
        }
        assert_eq!(Grade::from_words("Good"), Some(Grade::Good));
        assert_eq!(Grade::from_words("excellent"), None);
        assert_eq!(Grade::from_words(""), None);
        assert_eq!(
            Grade::in_words(),
            "outstanding, good, adequate, requires improvement or inadequate"
        );
    }
}
