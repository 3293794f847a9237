//! The interface's one state. Everything the screen shows is read from here; only
//! [`update`](super::update::update) changes it.

use std::path::Path;

use probity_core::text::shown_path;
use probity_core::workspace::{OpenError, Opened, Started, Workspace};

use super::dialog::{Dialog, Reading};
use super::form::NewForm;
use super::home::Home;
use super::session::Session;
use super::theme::Theme;

/// The whole interface.
pub struct App {
    pub screen: Screen,
    /// A dialog or panel drawn over the screen; it takes the keys while open.
    pub dialog: Option<Dialog>,
    /// The data folder, the checklists and today's date.
    pub ws: Workspace,
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
            theme: Theme::from_env(),
            quit: false,
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

    /// Shows an opened assessment, saying what opening found and recorded in its history.
    pub fn enter(&mut self, opened: Opened) {
        let session = Session::new(opened, &self.ws);
        self.notice = session.opening_notice();
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
}
