use clap::Parser;

use probity::cli::{self, Cli};

fn main() {
    let cli = Cli::parse();
    let outcome = match &cli.command {
        Some(command) => cli::run(&cli, command),
        None => cli::home(&cli),
    };
    std::process::exit(outcome.code());
}
