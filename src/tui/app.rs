//! The interface's one state. Everything the screen shows is read from here; only
//! [`update`](super::update::update) changes it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use ratatui::layout::Rect;

use probity_core::assessment::Assessment;
use probity_core::text::{first_line, shown_path};
use probity_core::workspace::{OpenError, Opened, Started, Workspace};

use super::dialog::{Dialog, Reading};
use super::form::NewForm;
use super::home::Home;
use super::session::{SaveState, Session};
use super::theme::Theme;
use super::undo::Undo;
use super::view::{MIN_HEIGHT, MIN_WIDTH};

/// The whole interface.
pub struct App {
    pub screen: Screen,
    /// A dialog or panel drawn over the screen; it takes the keys while open.
    pub dialog: Option<Dialog>,
    /// The data folder, the checklists and today's date.
    pub ws: Workspace,
    /// A passing message for the status bar, cleared by the next key.
    pub notice: Option<String>,
    /// The last message shown, kept after the next key clears the bottom line, to read whole.
    pub last_notice: Option<String>,
    pub theme: Theme,
    pub quit: bool,
    /// The terminal's size as last reported, so scrolling can stop where the drawing ends.
    pub size: Rect,
    /// The folder probity was started from: where exports go unless told otherwise.
    pub start_dir: PathBuf,
    /// What could be undone in assessments left earlier this session, with each file as it was
    /// left: undo carries on if it is still so when reopened.
    pub left: HashMap<PathBuf, (Undo, Assessment)>,
}

pub enum Screen {
    Home(Home),
    NewForm(Box<NewForm>),
    Assessment(Box<Session>),
}

/// Where the user is going when they leave an assessment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Leave {
    Quit,
    Home,
    Open(PathBuf),
}

impl App {
    fn with(ws: Workspace, screen: Screen) -> App {
        // Said once, on the first screen: the folder is the user's to share or not.
        let notice = ws.exposed.as_ref().map(|e| {
            format!(
                "Other users can write in {}, where your assessments are (permissions {:o}). To keep them private: chmod 700 {0}",
                shown_path(&e.path),
                e.mode
            )
        });
        App {
            screen,
            dialog: None,
            ws,
            notice,
            last_notice: None,
            theme: Theme::from_env(),
            quit: false,
            size: Rect::new(0, 0, MIN_WIDTH, MIN_HEIGHT),
            start_dir: std::env::current_dir().unwrap_or_default(),
            left: HashMap::new(),
        }
    }

    /// The interface on its home screen, listing the data folder.
    pub fn home(ws: Workspace) -> App {
        let home = Home::new(&ws);
        App::with(ws, Screen::Home(home))
    }

    /// The interface with one assessment open, or the reason it could not be opened.
    pub fn open(ws: Workspace, path: &Path) -> Result<App, OpenError> {
        let opened = ws.open(path)?;
        let mut app = App::with(ws, Screen::Home(Home::default()));
        app.enter(opened);
        Ok(app)
    }

    /// Shows an opened assessment, saying what opening found and recorded in its history, and
    /// carrying on the undo history left with it this session if the file is still as it was
    /// left.
    pub fn enter(&mut self, opened: Opened) {
        let mut session = Session::new(opened, &self.ws);
        self.notice = session.opening_notice();
        if let Some((undo, was)) = self.left.remove(&session.path)
            && was == session.assessment
        {
            session.undo = undo;
        }
        self.screen = Screen::Assessment(Box::new(session));
    }

    /// The interface on a new assessment, with the carry-forward briefing when there is one.
    pub fn started(ws: Workspace, started: &Started) -> Result<App, OpenError> {
        let mut app = App::open(ws, &started.path)?;
        app.dialog = Reading::briefing(started).map(Dialog::Reading);
        Ok(app)
    }

    pub fn session(&self) -> Option<&Session> {
        match &self.screen {
            Screen::Assessment(s) => Some(s),
            _ => None,
        }
    }

    pub fn session_mut(&mut self) -> Option<&mut Session> {
        match &mut self.screen {
            Screen::Assessment(s) => Some(s),
            _ => None,
        }
    }

    /// Leaves the open assessment (or the program) for `to`, first asking if the last change
    /// could not be saved.
    pub fn leave(&mut self, to: Leave) {
        match self.session() {
            Some(s) if matches!(s.save, SaveState::Failed(_)) => {
                self.dialog = Some(Dialog::ConfirmQuit(to));
            }
            _ => self.go(to),
        }
    }

    /// Goes to `to` at once: the assessment's lock is let go and its undo history kept.
    pub fn go(&mut self, to: Leave) {
        if to == Leave::Quit {
            self.quit = true;
            return;
        }
        let mut home = Home::new(&self.ws);
        if let Screen::Assessment(s) =
            std::mem::replace(&mut self.screen, Screen::Home(Home::default()))
        {
            home.select(&s.path);
            let Session { opened, undo, .. } = *s;
            self.left
                .insert(opened.path.clone(), (undo, opened.assessment));
        }
        self.screen = Screen::Home(home);
        if let Leave::Open(path) = to {
            self.open_here(&path);
        }
    }

    /// Opens an assessment, or says on the bottom line why it could not.
    pub fn open_here(&mut self, path: &Path) {
        match self.ws.open(path) {
            Ok(opened) => self.enter(opened),
            Err(e) => {
                self.notice = Some(format!(
                    "Could not open {}: {}",
                    shown_path(path),
                    first_line(&e.to_string())
                ))
            }
        }
    }

    /// Whether the loop should wake this state regularly: a read-only view watches its file.
    pub fn watching(&self) -> bool {
        self.session().is_some_and(|s| s.watch.is_some())
    }
}
