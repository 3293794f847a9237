//! The graded judgement a checklist may define: HMICFRS's five-tier scale, the thresholds that
//! turn an area's answers and findings into a grade, and the headline judgements areas roll up
//! to. The grading itself is done by [`crate::scoring`]; this module holds the scale and loads
//! and checks the `[grading]` table.

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::file::{GradingFile, RouteFile};
use super::load::{Loader, clean};

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
    /// How each graded area can come to be inadequate, in words.
    #[serde(default)]
    pub routes: Vec<Route>,
    pub headlines: Vec<Headline>,
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
        areas: &[&str],
        graded: &[&str],
    ) -> Option<Grading> {
        let f = file?;
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
            routes,
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
            if !self.reference("area", &r.area, areas) {
                continue;
            }
            if routes.iter().any(|x| &x.area == r.area.get_ref()) {
                self.problem(
                    r.area.span(),
                    format!("area \"{}\" has two routes to inadequate", r.area.get_ref()),
                );
                continue;
            }
            if !graded.contains(&r.area.get_ref().as_str()) {
                self.problem(
                    r.area.span(),
                    format!(
                        "area \"{}\" asks no scored questions, so it is not graded",
                        r.area.get_ref()
                    ),
                );
                continue;
            }
            routes.push(Route {
                area: r.area.into_inner(),
                route: clean(&r.route),
            });
        }
        if let Some(span) = last {
            let missing: Vec<&str> = graded
                .iter()
                .copied()
                .filter(|a| !routes.iter().any(|r| r.area == *a))
                .collect();
            if !missing.is_empty() {
                self.problem(
                    span,
                    format!(
                        "graded area{} {} ha{} no route to inadequate",
                        if missing.len() == 1 { "" } else { "s" },
                        missing
                            .iter()
                            .map(|a| format!("\"{a}\""))
                            .collect::<Vec<_>>()
                            .join(", "),
                        if missing.len() == 1 { "s" } else { "ve" }
                    ),
                )
                .help = Some(
                    "add a [[grading.routes]] for each, saying how it can be inadequate".into(),
                );
            }
        }
        routes
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
        match load_str("c.toml", &format!("{AREAS}{grading}")) {
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
        let messages: Vec<&str> = found.iter().map(|(m, _)| m.as_str()).collect();
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
        let messages: Vec<&str> = found.iter().map(|(m, _)| m.as_str()).collect();
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
