//! `probity walk` (also `open --plain`, and `open` without a full terminal): the questions one
//! at a time as plain lines of text, for screen readers, terminals that cannot address the
//! cursor, and pipes. Nothing is redrawn and nothing is coloured; every answer goes through the
//! core's `Opened::edit` and is saved at once, as in the interface.

mod reply;

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

use probity_core::assessment::Answer;
use probity_core::checklist::Item;
use probity_core::workspace::{Opened, Workspace};

use self::reply::how;
use super::plain::{Plain, emit, finding_changes};
use super::{
    DataDir, Next, Outcome, Screen, find_area, full_screen, interactive, open_to_change,
    say_plain_mode, written,
};

#[derive(Debug, clap::Args)]
pub struct WalkArgs {
    /// The assessment file; a bare name is also looked for in the data folder.
    pub file: PathBuf,
    /// Start at the first question of this area (its id, or part of its title) instead of the
    /// first unanswered question.
    #[arg(long, value_name = "ID")]
    pub area: Option<String>,
    #[command(flatten)]
    pub data: DataDir,
}

#[derive(Debug, clap::Args)]
pub struct OpenArgs {
    /// The assessment file; a bare name is also looked for in the data folder.
    pub file: PathBuf,
    /// Ask the questions line by line as plain text, as `probity walk` does, instead of the
    /// full-screen interface.
    #[arg(long)]
    pub plain: bool,
    #[command(flatten)]
    pub data: DataDir,
}

/// `open`: the interface at a full terminal, otherwise (or with `--plain`) the walk.
pub fn open(ws: Workspace, args: &OpenArgs) -> Next {
    let path = ws.locate(&args.file);
    if args.plain || !full_screen() {
        if !args.plain && interactive() {
            say_plain_mode();
        }
        return Next::Exit(walk_path(&ws, &path, None));
    }
    Next::Interface(Box::new(ws), Screen::Open(path))
}

pub fn run(ws: &Workspace, args: &WalkArgs) -> Outcome {
    walk_path(ws, &args.file, args.area.as_deref())
}

/// Walks an assessment on standard input and output, from the first unanswered question or
/// the start of `area`.
pub fn walk_path(ws: &Workspace, file: &Path, area: Option<&str>) -> Outcome {
    let mut opened = match open_to_change(ws, file) {
        Ok(o) => o,
        Err(outcome) => return outcome,
    };
    let area = match area.map(|q| find_area(&opened.checklist, q)) {
        Some(Ok(a)) => Some(a.id.clone()),
        Some(Err(outcome)) => return outcome,
        None => None,
    };
    let stdin = std::io::stdin();
    let echo = !stdin.is_terminal();
    let mut walk = Walk::new(&mut opened, stdin.lock(), std::io::stdout().lock(), echo);
    match walk.run(area.as_deref()) {
        Ok(outcome) => outcome,
        Err(e) => written(Err(e)),
    }
}

/// Where a reply leads.
enum Step {
    Next,
    Back,
    Quit,
}

/// One walk through an assessment: lines in, lines out.
pub struct Walk<'o, R, W> {
    opened: &'o mut Opened,
    input: R,
    out: W,
    /// Repeat each reply after its prompt, so a transcript of piped input reads as a dialogue.
    echo: bool,
    /// Every item id, in checklist order.
    order: Vec<String>,
    /// The area last announced, so its heading is said once, on entering it.
    area: Option<String>,
    /// Why the last save failed, until one succeeds.
    unsaved: Option<String>,
}

type Io<T> = std::io::Result<T>;

impl<'o, R: BufRead, W: Write> Walk<'o, R, W> {
    pub fn new(opened: &'o mut Opened, input: R, out: W, echo: bool) -> Self {
        let order = opened.checklist.items().map(|i| i.id.clone()).collect();
        Walk {
            opened,
            input,
            out,
            echo,
            order,
            area: None,
            unsaved: None,
        }
    }

    /// Asks question after question until the last one, `q`, or the end of the input.
    pub fn run(&mut self, area: Option<&str>) -> Io<Outcome> {
        let mut lines = Plain::of(self.opened).heading();
        lines.push(
            "Each answer is saved as soon as you give it. Type h for help, or q to stop.".into(),
        );
        self.say(&lines)?;
        let start = match area {
            Some(id) => (0..self.order.len())
                .filter(|&i| {
                    self.opened
                        .checklist
                        .area_of(&self.order[i])
                        .is_some_and(|a| a.id == id)
                })
                .find(|&i| self.asked(i)),
            None => (0..self.order.len()).find(|&i| self.asked(i) && self.unanswered(i)),
        };
        let Some(mut at) = start else {
            let first = self
                .opened
                .checklist
                .areas
                .first()
                .map_or("", |a| a.id.as_str());
            self.say(&[format!(
                "Every question that applies has an answer. To go through an area again, add --area and its id, such as --area {first}."
            )])?;
            return Ok(Outcome::Ok);
        };
        loop {
            match self.ask(at)? {
                Step::Quit => return self.finish("Stopped."),
                Step::Next => match (at + 1..self.order.len()).find(|&i| self.asked(i)) {
                    Some(next) => at = next,
                    None => return self.finish("That was the last question."),
                },
                Step::Back => match (0..at).rev().find(|&i| self.asked(i)) {
                    Some(previous) => at = previous,
                    None => self.say(&["This is the first question.".into()])?,
                },
            }
        }
    }

    fn asked(&self, at: usize) -> bool {
        self.opened.evaluation.is_asked(&self.order[at])
    }

    fn unanswered(&self, at: usize) -> bool {
        self.opened.assessment.value(&self.order[at]).is_none()
    }

    /// Says where the assessment stands and whether everything reached the disk.
    fn finish(&mut self, why: &str) -> Io<Outcome> {
        let plain = Plain::of(self.opened);
        let mut lines = vec![
            String::new(),
            why.to_string(),
            format!("{}.", plain.progress()),
        ];
        let outcome = match &self.unsaved {
            None => {
                lines.push(format!(
                    "Your answers are saved in {}.",
                    self.opened.path.display()
                ));
                Outcome::Ok
            }
            Some(why) => {
                lines.push(format!("NOT SAVED: {why}"));
                Outcome::Invalid
            }
        };
        self.say(&lines)?;
        Ok(outcome)
    }

    /// Puts one question and reads replies until one moves on.
    fn ask(&mut self, at: usize) -> Io<Step> {
        let Some(item) = self.opened.checklist.item(&self.order[at]).cloned() else {
            return Ok(Step::Next);
        };
        self.announce(at, &item)?;
        loop {
            let Some(reply) = self.read("> ")? else {
                return Ok(Step::Quit);
            };
            if let Some(step) = self.reply(&item, reply.trim())? {
                return Ok(step);
            }
        }
    }

    /// The area heading on entering an area, then the question, its record and how to answer.
    fn announce(&mut self, at: usize, item: &Item) -> Io<()> {
        let mut lines = vec![String::new()];
        let checklist = &self.opened.checklist;
        if let Some(area) = checklist.area_of(&item.id)
            && self.area.as_deref() != Some(area.id.as_str())
        {
            let index = checklist
                .areas
                .iter()
                .position(|a| a.id == area.id)
                .unwrap_or(0);
            lines.push(format!(
                "Area {} of {}: {}",
                index + 1,
                checklist.areas.len(),
                Plain::of(self.opened).area(area)
            ));
            self.area = Some(area.id.clone());
        }
        lines.push(format!(
            "Question {} of {}: {}",
            at + 1,
            self.order.len(),
            item.prompt
        ));
        let plain = Plain::of(self.opened);
        let answered = !self.unanswered(at);
        lines.extend(
            plain
                .record(item)
                .into_iter()
                .filter(|l| answered || !l.starts_with("Answer:")),
        );
        lines.extend(plain.concerns(item));
        lines.extend(how(&item.kind, answered));
        self.say(&lines)
    }

    /// Changes the item's record through the core, saves, and says what happened, with any
    /// finding the change opened or closed.
    fn change(&mut self, item: &Item, said: &str, edit: impl FnOnce(&mut Answer)) -> Io<()> {
        let before = self.opened.evaluation.clone();
        let mut lines = match self.opened.edit(&item.id, edit) {
            Err(refused) => vec![refused.to_string()],
            Ok(None) if self.unsaved.is_none() => vec!["Nothing changed.".into()],
            Ok(_) => self.save(said),
        };
        lines.extend(finding_changes(&before, &self.opened.evaluation));
        self.say(&lines)
    }

    /// Writes the file; a failure is said at once and saving is tried again with the next change.
    fn save(&mut self, said: &str) -> Vec<String> {
        match self.opened.save_or_refuse() {
            Ok(()) => {
                self.unsaved = None;
                vec![said.to_string()]
            }
            Err(e) => {
                let why = e.to_string();
                self.unsaved = Some(why.clone());
                vec![format!(
                    "NOT SAVED: {why}. probity tries again with your next change."
                )]
            }
        }
    }

    fn say(&mut self, lines: &[String]) -> Io<()> {
        emit(&mut self.out, lines)?;
        self.out.flush()
    }

    /// Shows a prompt and reads one line; `None` at the end of the input.
    fn read(&mut self, prompt: &str) -> Io<Option<String>> {
        write!(self.out, "{prompt}")?;
        self.out.flush()?;
        let mut bytes = Vec::new();
        if self.input.read_until(b'\n', &mut bytes)? == 0 {
            writeln!(self.out)?;
            return Ok(None);
        }
        let line = String::from_utf8_lossy(&bytes)
            .trim_end_matches(['\n', '\r'])
            .to_string();
        if self.echo {
            emit(&mut self.out, std::slice::from_ref(&line))?;
        }
        Ok(Some(line))
    }
}
