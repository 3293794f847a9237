//! The graded judgement a checklist may define: HMICFRS's five-tier scale, the thresholds that
//! turn an area's answers and findings into a grade, and the headline judgements areas roll up
//! to. The grading itself is done by [`crate::scoring`]; this module holds the scale and loads
//! and checks the `[grading]` table.

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::file::GradingFile;
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
    pub headlines: Vec<Headline>,
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
    /// The headline an area feeds, if any.
    pub fn headline_of(&self, area: &str) -> Option<&Headline> {
        self.headlines
            .iter()
            .find(|h| h.areas.iter().any(|a| a == area))
    }
}

impl Loader<'_> {
    /// The `[grading]` table, with every threshold, headline and area it names checked.
    pub(super) fn grading(&mut self, file: Option<GradingFile>, areas: &[&str]) -> Option<Grading> {
        let f = file?;
        let evidence = self.percent("evidence", &f.evidence);
        let good = self.percent("good", &f.good);
        let adequate = self.percent("adequate", &f.adequate);
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
            headlines,
        })
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
