//! Colours and their words. Every colour that carries meaning comes with a text label, so the
//! screen reads the same without colour (`NO_COLOR`) and on 16-colour terminals, which is all
//! these named colours need.

use ratatui::style::{Color, Modifier, Style};

use probity_core::checklist::Severity;

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub colour: bool,
}

/// Red, amber, green: how an area or the whole assessment is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rag {
    Red,
    Amber,
    Green,
    /// Nothing scored yet.
    Unrated,
}

impl Rag {
    /// Green from 80, amber from 50, red below.
    pub fn of(score: Option<f64>) -> Rag {
        match score {
            None => Rag::Unrated,
            Some(s) if s >= 80.0 => Rag::Green,
            Some(s) if s >= 50.0 => Rag::Amber,
            Some(_) => Rag::Red,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Rag::Red => "Red",
            Rag::Amber => "Amber",
            Rag::Green => "Green",
            Rag::Unrated => "-",
        }
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

    pub fn rag(self, rag: Rag) -> Style {
        match rag {
            Rag::Red => self.fg(Color::Red).add_modifier(Modifier::BOLD),
            Rag::Amber => self.fg(Color::Yellow),
            Rag::Green => self.fg(Color::Green),
            Rag::Unrated => self.dim(),
        }
    }

    pub fn severity(self, severity: Severity) -> Style {
        match severity {
            Severity::High => self.rag(Rag::Red),
            Severity::Medium => self.rag(Rag::Amber),
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
