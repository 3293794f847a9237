use clap::Parser;

use probity::cli::{self, Cli};

fn main() {
    let cli = Cli::parse();
    let outcome = match &cli.command {
        Some(command) => cli::run(&cli, command),
        None => cli::fail(
            "the interactive interface is not available in this build; see `probity --help`",
        ),
    };
    std::process::exit(outcome.code());
}
