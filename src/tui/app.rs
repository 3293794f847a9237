//! The interface's one state. Everything the screen shows is read from here; only
//! [`update`](super::update::update) changes it.

use std::path::{Path, PathBuf};

use jiff::civil::Date;
use ratatui_textarea::TextArea;

pub use super::session::Session;
use super::theme::Theme;
use crate::assessment;
use crate::checklist::Catalog;
use crate::cli::Context;
use crate::scoring;

/// The whole interface.
pub struct App {
    pub screen: Screen,
    /// A dialog or panel drawn over the screen; it takes the keys while open.
    pub overlay: Option<Overlay>,
    /// The data folder, the checklists and today's date.
    pub ctx: Context,
    /// A passing message for the status bar, cleared by the next key.
    pub notice: Option<String>,
    pub theme: Theme,
    pub quit: bool,
}

pub enum Screen {
    Home(Home),
    NewForm(Box<NewForm>),
    Assessment(Box<Session>),
}

/// The list of assessments in the data folder.
#[derive(Default)]
pub struct Home {
    pub entries: Vec<HomeEntry>,
    pub selected: usize,
}

pub struct HomeEntry {
    pub path: PathBuf,
    pub file: String,
    /// Force, period, checklist and completeness, or why the file could not be read.
    pub summary: Result<Summary, String>,
    pub saved: Option<String>,
}

pub struct Summary {
    pub force: String,
    pub period: String,
    pub checklist: String,
    pub completeness: f64,
}

/// The short form that creates an assessment.
pub struct NewForm {
    pub force: TextArea<'static>,
    pub period: TextArea<'static>,
    /// Ids of the checklists the catalog loaded, and the one chosen.
    pub checklists: Vec<String>,
    pub checklist: usize,
    /// Last period's assessments to start from (path and "force, period"); `from` 0 is none.
    pub previous: Vec<(PathBuf, String)>,
    pub from: usize,
    pub field: FormField,
    pub error: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormField {
    Force,
    Period,
    Checklist,
    From,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    ReadOnly,
    /// The last save failed; the change is kept in memory and saving is retried on the next one.
    Failed(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Areas,
    Items,
    Detail,
}

/// Which items the item list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    All,
    Unanswered,
    Findings,
    Flagged,
    /// Carried from the previous period and not yet confirmed.
    Unconfirmed,
}

impl Filter {
    pub const ALL: [Filter; 5] = [
        Filter::All,
        Filter::Unanswered,
        Filter::Findings,
        Filter::Flagged,
        Filter::Unconfirmed,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Filter::All => "all items",
            Filter::Unanswered => "unanswered",
            Filter::Findings => "with findings",
            Filter::Flagged => "flagged for review",
            Filter::Unconfirmed => "carried, unconfirmed",
        }
    }
}

pub enum Overlay {
    Help {
        scroll: u16,
    },
    /// What was carried from last period and what changed in the checklist, shown once
    /// before the first question.
    Briefing {
        lines: Vec<String>,
        scroll: u16,
    },
    Findings {
        selected: usize,
    },
    Export(Export),
    Picker(Picker),
    Input(Input),
    Note(TextArea<'static>),
    Evidence {
        selected: usize,
    },
    /// Asked before quitting with changes that could not be saved.
    ConfirmQuit,
}

/// A one-line text field for a value, owner, due date, evidence or search.
pub struct Input {
    pub purpose: Purpose,
    pub text: TextArea<'static>,
    /// Why the last entry was refused; the old value stays until a good one is entered.
    pub error: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Value,
    Owner,
    Due,
    AddEvidence,
    EditEvidence(usize),
    Search,
}

impl Purpose {
    pub fn title(self) -> &'static str {
        match self {
            Purpose::Value => "Answer",
            Purpose::Owner => "Owner",
            Purpose::Due => "Due date (YYYY-MM-DD)",
            Purpose::AddEvidence => "Add evidence",
            Purpose::EditEvidence(_) => "Edit evidence",
            Purpose::Search => "Search prompts, guidance and notes",
        }
    }
}

/// A list of answers to choose from, for choice and status items.
pub struct Picker {
    pub options: Vec<(String, String)>,
    pub selected: usize,
}

/// The export dialog: one of the report formats and where to write it.
pub struct Export {
    pub format: usize,
    pub path: TextArea<'static>,
    /// Leave out personal names and notes, for sharing outside the force.
    pub redact: bool,
    pub result: Option<Result<String, String>>,
}

/// A one-line text field holding `text`, cursor at the end.
pub fn line_field(text: &str) -> TextArea<'static> {
    let mut area = TextArea::new(vec![text.to_string()]);
    area.move_cursor(ratatui_textarea::CursorMove::End);
    area
}

impl App {
    /// The interface on its home screen, listing the data folder.
    pub fn home(ctx: Context) -> App {
        let home = Home::scan(&ctx.dirs.data, &ctx.catalog, ctx.today);
        App {
            screen: Screen::Home(home),
            overlay: None,
            ctx,
            notice: None,
            theme: Theme::from_env(),
            quit: false,
        }
    }

    /// The interface on a new assessment, with the carry-forward briefing when there is one.
    pub fn started(started: &crate::cli::new::Started, ctx: Context) -> Result<App, String> {
        let mut app = App::open(&started.path, ctx)?;
        app.overlay = briefing(started);
        Ok(app)
    }

    /// The interface with one assessment open, or the reason it could not be opened.
    pub fn open(path: &Path, ctx: Context) -> Result<App, String> {
        let session = Session::open(path, &ctx.catalog, ctx.today)?;
        Ok(App {
            screen: Screen::Assessment(Box::new(session)),
            overlay: None,
            ctx,
            notice: None,
            theme: Theme::from_env(),
            quit: false,
        })
    }

    pub fn session(&self) -> Option<&Session> {
        match &self.screen {
            Screen::Assessment(s) => Some(s),
            _ => None,
        }
    }
}

impl Home {
    /// Reads every assessment in the data folder, newest first.
    pub fn scan(dir: &Path, catalog: &Catalog, today: Date) -> Home {
        let mut entries: Vec<(std::time::SystemTime, HomeEntry)> = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file())
            .map(|path| {
                let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
                let summary = assessment::load(&path, catalog)
                    .map(|(a, c)| {
                        let completeness = scoring::evaluate(&c, &a, today).completeness.percent();
                        Summary {
                            force: a.force,
                            period: a.period,
                            checklist: a.checklist,
                            completeness,
                        }
                    })
                    .map_err(|e| first_line(&e.to_string()));
                let saved = modified
                    .and_then(|m| jiff::Timestamp::try_from(m).ok())
                    .map(|t| {
                        t.to_zoned(jiff::tz::TimeZone::system())
                            .strftime("%Y-%m-%d %H:%M")
                            .to_string()
                    });
                let file = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                (
                    modified.unwrap_or(std::time::UNIX_EPOCH),
                    HomeEntry {
                        file,
                        path,
                        summary,
                        saved,
                    },
                )
            })
            .collect();
        entries.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.file.cmp(&b.1.file)));
        Home {
            entries: entries.into_iter().map(|(_, e)| e).collect(),
            selected: 0,
        }
    }
}

/// The briefing overlay for a new assessment carried from last period's.
pub fn briefing(started: &crate::cli::new::Started) -> Option<Overlay> {
    let report = started.carried.as_ref()?;
    let lines = report
        .lines()
        .iter()
        .map(|l| crate::text::sanitize_line(l))
        .collect();
    Some(Overlay::Briefing { lines, scroll: 0 })
}

fn first_line(text: &str) -> String {
    crate::text::sanitize_line(text.lines().find(|l| !l.trim().is_empty()).unwrap_or(text))
}

impl NewForm {
    /// The form, offering the assessments in `home` as starting points.
    pub fn new(catalog: &Catalog, home: &Home) -> NewForm {
        let previous = home
            .entries
            .iter()
            .filter_map(|e| {
                let s = e.summary.as_ref().ok()?;
                Some((e.path.clone(), format!("{}, {}", s.force, s.period)))
            })
            .collect();
        let checklists: Vec<String> = catalog
            .entries
            .iter()
            .filter_map(|e| e.checklist.as_ref().ok().map(|c| c.id.clone()))
            .collect();
        let checklist = checklists
            .iter()
            .position(|c| c == Catalog::default_id())
            .unwrap_or(0);
        NewForm {
            force: line_field(""),
            period: line_field(""),
            checklists,
            checklist,
            previous,
            from: 0,
            field: FormField::Force,
            error: None,
        }
    }
}
