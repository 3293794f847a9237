//! At home in the shell: completion scripts (clap_complete) and manual pages (clap_mangen),
//! both made from the same command definitions as `--help`, so they never disagree with it.

use std::path::PathBuf;

use clap::CommandFactory;
use clap_complete::Shell;

use super::{Cli, Outcome, fail, schema::write_all, written};

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    pub shell: Shell,
}

#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// Folder to write the pages into (probity.1, probity-walk.1, …).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Replace pages that already exist there and differ.
    #[arg(long)]
    pub overwrite: bool,
}

/// Prints the completion script for a shell to standard output.
pub fn completions(args: &CompletionsArgs) -> Outcome {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "probity", &mut script);
    written(std::io::Write::write_all(&mut std::io::stdout(), &script))
}

/// Writes a manual page for probity and one for each of its commands.
pub fn man(args: &ManArgs) -> Outcome {
    match pages() {
        Ok(pages) => write_all(&args.out, &pages, args.overwrite),
        Err(e) => fail(&format!("could not make the manual pages: {e}")),
    }
}

/// Every page, named as `man` looks for it: `probity.1`, `probity-answer.1`, ….
fn pages() -> std::io::Result<Vec<(String, Vec<u8>)>> {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    std::iter::once(cmd.clone())
        .chain(cmd.get_subcommands().filter(|c| !c.is_hide_set()).cloned())
        .map(page)
        .collect()
}

/// One page. The examples get a section of their own, set line by line as written, where
/// clap_mangen would fill them into a paragraph.
fn page(cmd: clap::Command) -> std::io::Result<(String, Vec<u8>)> {
    let examples = cmd
        .get_after_help()
        .map(|h| h.to_string())
        .unwrap_or_default();
    let man = clap_mangen::Man::new(cmd.after_help(None::<&'static str>));
    let mut text = Vec::new();
    man.render(&mut text)?;
    let mut section = roff::Roff::new();
    section.control("SH", ["EXAMPLES"]).control("nf", []);
    for line in examples.lines().skip_while(|l| l.starts_with("Examples:")) {
        section.text([roff::roman(line.strip_prefix("  ").unwrap_or(line))]);
    }
    section.control("fi", []).to_writer(&mut text)?;
    Ok((man.get_filename(), text))
}
