//! Who the history records as making each change: a name given for the session (`--as`),
//! else the `name` in probity's config file, else the operating-system user.

use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::Workspace;
use crate::diagnostic::{Invalid, Problem, Source};
use crate::storage;
use crate::text::sanitize_line;

/// Recorded when no name can be found at all, so a change is never unattributed in silence.
pub(super) const UNKNOWN: &str = "unknown user";

const MAX_CONFIG_BYTES: usize = 64 * 1024;

/// probity's settings file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Config {
    /// The name recorded in the history for changes made by this user.
    name: Option<Spanned<String>>,
    /// Where an interface goes after an answer.
    after_answer: Option<AfterAnswer>,
}

/// Where an interface goes after an answer, as this user has set it (`after_answer` in the
/// config file).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AfterAnswer {
    /// On to the next unanswered question, except after an answer that raises a finding:
    /// then it waits there.
    #[default]
    Wait,
    /// On to the next unanswered question every time.
    GoOn,
    /// Stay on the question just answered.
    Stay,
}

/// Why probity's config file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error(transparent)]
    Read(storage::Error),
    #[error(transparent)]
    Invalid(Invalid),
    /// The name given with `--as`, or in the config file, is longer than a name may be.
    #[error("error: {0}; give a shorter name with --as or name = \"…\" in the config file")]
    TooLong(crate::assessment::limits::TooLong),
}

impl ConfigError {
    /// The error with its file, line and column, as a user should read it.
    pub fn render(&self) -> String {
        match self {
            ConfigError::Invalid(e) => e.render(),
            ConfigError::Read(e) => format!("error: {e}\n"),
            ConfigError::TooLong(_) => format!("{self}\n"),
        }
    }
}

/// The operating-system user's account name, if it can be found.
pub fn system_user() -> Option<String> {
    ["USER", "LOGNAME", "USERNAME"]
        .iter()
        .filter_map(std::env::var_os)
        .map(|v| sanitize_line(&v.to_string_lossy()))
        .find(|v| !v.is_empty())
        .or_else(|| whoami::fallible::username().ok())
        .map(|v| sanitize_line(&v))
        .filter(|v| !v.is_empty())
}

/// The name in a config file, or `None` when there is no file or it names nobody; and where
/// to go after an answer.
fn configured(path: &Path) -> Result<(Option<String>, AfterAnswer), ConfigError> {
    if !path.is_file() {
        return Ok((None, AfterAnswer::default()));
    }
    let text = storage::read_capped(path, MAX_CONFIG_BYTES).map_err(ConfigError::Read)?;
    let source = Source::new(path.display().to_string(), &text);
    let fail = |span, message: String| {
        ConfigError::Invalid(Invalid::one(Problem::new(&source, span, message)))
    };
    let config: Config =
        toml::from_str(&text).map_err(|e| fail(e.span(), e.message().trim().to_string()))?;
    let after = config.after_answer.unwrap_or_default();
    match config.name {
        None => Ok((None, after)),
        Some(name) => {
            let clean = sanitize_line(name.get_ref());
            if clean.is_empty() {
                Err(fail(Some(name.span()), "`name` must not be empty".into()))
            } else {
                Ok((Some(clean), after))
            }
        }
    }
}

impl Workspace {
    /// Reads the user's settings. Sets who changes are recorded as: `explicit` when given,
    /// else the `name` in the config file, else the operating-system user; and where an
    /// interface goes after an answer. A config file that cannot be read is an error, never
    /// silently passed over.
    pub fn identify(&mut self, explicit: Option<&str>) -> Result<(), ConfigError> {
        let explicit = explicit.map(sanitize_line).filter(|n| !n.is_empty());
        let (configured, after) = match &self.dirs.config {
            Some(path) => configured(path)?,
            None => (None, AfterAnswer::default()),
        };
        self.after_answer = after;
        let actor = explicit
            .or(configured)
            .or_else(system_user)
            .unwrap_or_else(|| UNKNOWN.into());
        // Every change is recorded under this name: no longer than any name probity keeps.
        crate::assessment::limits::name("name changes are recorded under", &actor)
            .map_err(ConfigError::TooLong)?;
        self.actor = actor;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ws(dir: &Path) -> Workspace {
        Workspace::new(Some(dir), jiff::civil::date(2012, 12, 1)).unwrap()
    }

    #[test]
    fn an_explicit_name_wins_then_the_config_then_the_system() {
        let dir = tempfile::tempdir().unwrap();
        let mut ws = ws(dir.path());
        ws.identify(None).unwrap();
        assert_eq!(ws.actor, system_user().unwrap_or_else(|| UNKNOWN.into()));
        std::fs::write(dir.path().join("config.toml"), "name = \"Jo Bloggs\"\n").unwrap();
        ws.identify(None).unwrap();
        assert_eq!(ws.actor, "Jo Bloggs");
        ws.identify(Some("  DCC Smith ")).unwrap();
        assert_eq!(ws.actor, "DCC Smith");
    }

    #[test]
    fn the_config_says_where_to_go_after_an_answer() {
        let dir = tempfile::tempdir().unwrap();
        let mut ws = ws(dir.path());
        ws.identify(None).unwrap();
        assert_eq!(ws.after_answer, AfterAnswer::Wait);
        std::fs::write(dir.path().join("config.toml"), "after_answer = \"stay\"\n").unwrap();
        ws.identify(None).unwrap();
        assert_eq!(ws.after_answer, AfterAnswer::Stay);
        std::fs::write(dir.path().join("config.toml"), "after_answer = \"later\"\n").unwrap();
        let err = ws.identify(None).unwrap_err().render();
        assert!(
            err.contains("unknown variant `later`") && err.contains("config.toml:1:16"),
            "{err}"
        );
    }

    #[test]
    fn a_bad_config_is_an_error_with_its_place() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("config.toml"), "nmae = \"Jo\"\n").unwrap();
        let err = ws(dir.path()).identify(None).unwrap_err().render();
        assert!(err.contains("unknown field `nmae`"), "{err}");
        assert!(err.contains("config.toml:1:1"), "{err}");
        std::fs::write(dir.path().join("config.toml"), "name = \" \"\n").unwrap();
        let err = ws(dir.path()).identify(None).unwrap_err().render();
        assert!(err.contains("`name` must not be empty"), "{err}");
    }
}
