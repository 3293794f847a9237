//! The floor for start-up: read an assessment and its checklist and parse both with the `toml`
//! crate, and nothing else. `scripts/bench-report.sh` times `probity report --format json` of
//! the same assessment against this, so the start-up ratio is measured, not guessed.
//!
//! `cargo build --release --example floor`, then `target/release/examples/floor CHECKLIST FILE`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut parsed = 0;
    for path in std::env::args().skip(1) {
        let table = std::fs::read_to_string(&path)
            .map_err(|e| e.to_string())
            .and_then(|text| text.parse::<toml::Table>().map_err(|e| e.to_string()));
        match table {
            Ok(table) => parsed += table.len(),
            Err(e) => {
                eprintln!("{path}: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    println!("{parsed}");
    ExitCode::SUCCESS
}
