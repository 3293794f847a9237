//! Colours and their words. Every colour that carries meaning comes with a text label, so the
//! screen reads the same without colour (`NO_COLOR`) and on 16-colour terminals, which is all
//! these named colours need.

use ratatui::style::{Color, Modifier, Style};

use probity_core::checklist::{Grade, Severity};
use probity_core::scoring::{AreaJudgement, Rating};

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub colour: bool,
}

/// A grade as the narrow area list shows it, in the inspectorate's shorthand: "Outst",
/// "Good", "Adeq", "RI", "Inad".
pub fn grade_word(grade: Grade) -> &'static str {
    match grade {
        Grade::Outstanding => "Outst",
        Grade::Good => "Good",
        Grade::Adequate => "Adeq",
        Grade::RequiresImprovement => "RI",
        Grade::Inadequate => "Inad",
    }
}

/// An area's standing grade in the area list: its shorthand, marked `*` when it is the
/// assessor's rather than the derived one, or "-" when there is none yet.
pub fn judgement_word(j: &AreaJudgement) -> String {
    match (j.standing(), j.overridden.is_some()) {
        (Some(g), true) => format!("{}*", grade_word(g)),
        (Some(g), false) => grade_word(g).to_string(),
        (None, _) => "-".to_string(),
    }
}

/// A rating as the narrow area list shows it: the colour in words, "Prov." for a provisional
/// score, which is never coloured, and "-" for nothing scored.
pub fn rating_word(rating: Rating) -> &'static str {
    match rating {
        Rating::Provisional => "Prov.",
        Rating::NotScored => "-",
        rated => rated.label(),
    }
}

impl Theme {
    /// Colour unless `NO_COLOR` is set to anything non-empty (https://no-color.org).
    pub fn from_env() -> Theme {
        Theme {
            colour: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }

    fn fg(self, colour: Color) -> Style {
        if self.colour {
            Style::new().fg(colour)
        } else {
            Style::new()
        }
    }

    /// Colour only for a real rating; provisional and unscored are dim.
    pub fn rating(self, rating: Rating) -> Style {
        match rating {
            Rating::Red => self.fg(Color::Red).add_modifier(Modifier::BOLD),
            Rating::Amber => self.amber(),
            Rating::Green => self.fg(Color::Green),
            Rating::Provisional | Rating::NotScored => self.dim(),
        }
    }

    /// A grade's colour: inadequate as red, requires improvement as amber, good and
    /// outstanding as green; no grade is dim.
    pub fn grade(self, grade: Option<Grade>) -> Style {
        match grade {
            Some(Grade::Inadequate) => self.rating(Rating::Red),
            Some(Grade::RequiresImprovement) => self.amber(),
            Some(Grade::Adequate) => Style::new(),
            Some(Grade::Good | Grade::Outstanding) => self.rating(Rating::Green),
            None => self.dim(),
        }
    }

    /// The colour of a caution: something to check, not yet a gap.
    pub fn amber(self) -> Style {
        self.fg(Color::Yellow)
    }

    pub fn severity(self, severity: Severity) -> Style {
        match severity {
            Severity::High => self.rating(Rating::Red),
            Severity::Medium => self.amber(),
            Severity::Low => self.fg(Color::Cyan),
        }
    }

    pub fn dim(self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    pub fn bold(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// The selected row: reversed video reads in every terminal, with or without colour.
    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn focus_border(self) -> Style {
        if self.colour {
            Style::new().fg(Color::Cyan)
        } else {
            self.bold()
        }
    }

    pub fn error(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn banner(self) -> Style {
        if self.colour {
            Style::new().fg(Color::Black).bg(Color::Yellow)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    pub fn heading(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
}

/// A severity as a reader sees it: "High", "Medium", "Low".
pub fn severity_word(severity: Severity) -> &'static str {
    match severity {
        Severity::High => "High",
        Severity::Medium => "Medium",
        Severity::Low => "Low",
    }
}
