//! A mutation fuzzer that runs on stable Rust, here, in the suite: the seeds in `fuzz/seeds/`
//! (and a return workbook made from a fixture) are mutated byte by byte and token by token, and
//! each result goes through the checklist loader, the assessment loader, the diagnostic
//! renderer and the return reader. None may panic: a panic fails the test and the input is kept
//! in `fuzz/artifacts/` to become a regression case.
//!
//! The suite runs a few hundred inputs per target. A longer run:
//! `PROBITY_FUZZ_SECONDS=600 cargo test --release --test it fuzz:: -- --nocapture`
//! (`PROBITY_FUZZ_RUNS` caps the inputs instead; `PROBITY_FUZZ_SEED` picks the sequence).

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::time::{Duration, Instant};

use probity_core::checklist::Checklist;
use probity_core::{assessment, checklist, returns, scoring};

use crate::support::built_in;

/// xorshift64*: a sequence from a seed, with nothing to install.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// What a mutation may put in: TOML's own tokens, characters of several bytes (where spans
/// have broken before), controls, and edge values.
const TOKENS: &[&str] = &[
    "=",
    "\"",
    "'",
    "[",
    "]",
    "[[",
    "]]",
    "{",
    "}",
    ",",
    ".",
    "\n",
    "#",
    "\\",
    "\"\"\"",
    "é",
    "€",
    "\u{feff}",
    "\u{202e}",
    "\u{1b}",
    "\0",
    "“yes”",
    "1e309",
    "-0",
    "nan",
    "inf",
    "9999999999999999999",
    "2013-02-30",
    "true",
    "value = ",
    "[answers.\"x\"]\n",
];

fn mutate(rng: &mut Rng, seed: &[u8], other: &[u8]) -> Vec<u8> {
    let mut bytes = seed.to_vec();
    for _ in 0..=rng.below(4) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(7) {
            0 if !bytes.is_empty() => {
                let i = rng.below(bytes.len());
                bytes[i] ^= 1 << rng.below(8);
            }
            1 if !bytes.is_empty() => {
                let end = (at + rng.below(64)).min(bytes.len());
                bytes.drain(at.min(end)..end);
            }
            2 => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                bytes.splice(at..at, token.iter().copied());
            }
            3 if !other.is_empty() => {
                let from = rng.below(other.len());
                let end = (from + rng.below(256)).min(other.len());
                bytes.splice(at..at, other[from..end].iter().copied());
            }
            4 => {
                // A line repeated, as a key or table given twice.
                let start = bytes[..at]
                    .iter()
                    .rposition(|b| *b == b'\n')
                    .map_or(0, |i| i + 1);
                let end = bytes[at..]
                    .iter()
                    .position(|b| *b == b'\n')
                    .map_or(bytes.len(), |i| at + i + 1);
                let line = bytes[start..end].to_vec();
                bytes.splice(end..end, line);
            }
            5 => {
                let depth = rng.below(2_000);
                let open = if rng.below(2) == 0 { b'[' } else { b'{' };
                bytes.splice(at..at, std::iter::repeat_n(open, depth));
            }
            _ => {
                let i = rng.below(bytes.len() + 1);
                bytes.insert(i.min(bytes.len()), rng.next() as u8);
            }
        }
    }
    bytes
}

fn seeds(kind: &str) -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/seeds")
        .join(kind);
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| std::fs::read(p).unwrap())
        .collect()
}

fn env_number(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}

/// Runs `check` on mutations of `seeds` until the budget is spent; returns how many ran. A
/// panic keeps the input in `fuzz/artifacts/` and fails.
fn run(target: &str, seeds: &[Vec<u8>], check: impl Fn(&[u8])) -> u64 {
    let seconds = env_number("PROBITY_FUZZ_SECONDS");
    let runs =
        env_number("PROBITY_FUZZ_RUNS").unwrap_or(if seconds.is_some() { u64::MAX } else { 300 });
    let until = Instant::now() + Duration::from_secs(seconds.unwrap_or(600));
    let mut rng = Rng(env_number("PROBITY_FUZZ_SEED").unwrap_or(0x5EED_0F9B_0B17) | 1);
    let mut done = 0;
    while done < runs && Instant::now() < until {
        let seed = &seeds[rng.below(seeds.len())];
        let other = &seeds[rng.below(seeds.len())];
        let input = mutate(&mut rng, seed, other);
        if catch_unwind(AssertUnwindSafe(|| check(&input))).is_err() {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/artifacts");
            std::fs::create_dir_all(&dir).unwrap();
            let kept = dir.join(format!(
                "stable-{target}-{}",
                probity_core::storage::sha256_hex(&input)
            ));
            std::fs::write(&kept, &input).unwrap();
            panic!(
                "{target}: input {done} panicked; kept as {}",
                kept.display()
            );
        }
        done += 1;
    }
    eprintln!("fuzz {target}: {done} inputs, no panic");
    done
}

/// Every problem rendered as the user would see it, and as a one-line summary.
fn show(e: &probity_core::diagnostic::Invalid) {
    let _ = e.render();
    for p in &e.problems {
        let _ = p.summary();
    }
}

#[test]
fn the_checklist_loader_never_panics_on_mutated_seeds() {
    run("checklist", &seeds("checklist"), |bytes| {
        let text = String::from_utf8_lossy(bytes);
        if let Err(e) = checklist::load_str("fuzz.toml", &text) {
            show(&e);
        }
    });
}

#[test]
fn the_assessment_loader_never_panics_on_mutated_seeds() {
    let c: Checklist = built_in("wfof-2011");
    let today = jiff::civil::date(2013, 6, 1);
    run("assessment", &seeds("assessment"), |bytes| {
        let text = String::from_utf8_lossy(bytes);
        match assessment::load_str("fuzz.toml", &text, &c) {
            Ok(a) => {
                scoring::evaluate(&c, &a, today);
                if let Ok(saved) = assessment::to_toml(&a, &c) {
                    let _ = assessment::load_str("fuzz.toml", &saved, &c);
                }
            }
            Err(e) => show(&e),
        }
    });
}

#[test]
fn the_return_reader_never_panics_on_mutated_workbooks() {
    let c: Checklist = built_in("wfof-2011");
    let today = jiff::civil::date(2013, 6, 1);
    let text = std::fs::read_to_string(crate::support::fixture("dorset-2012.toml")).unwrap();
    let a = assessment::load_str("dorset-2012.toml", &text, &c).unwrap();
    let evaluation = scoring::evaluate(&c, &a, today);
    let request = returns::Request {
        to: "Head of Procurement".into(),
        from: "Integrity Lead".into(),
        items: c.items().take(12).map(|i| i.id.clone()).collect(),
        due: None,
        marking: "OFFICIAL".into(),
        made: today,
    };
    let made = returns::write(
        &request,
        &returns::Source {
            checklist: &c,
            assessment: &a,
            evaluation: &evaluation,
        },
        "0123456789abcdef0123456789abcdef",
    )
    .unwrap();
    // As the history records it, so mutations reach the rows and cells past the token check.
    let recorded = [returns::Made {
        file: "fuzz.xlsx".into(),
        token: "0123456789abcdef0123456789abcdef".into(),
        to: request.to.clone(),
        by: request.from.clone(),
        items: request.items.clone(),
        at: jiff::Timestamp::UNIX_EPOCH,
    }];
    run("return", &[made], |bytes| {
        if let Ok(received) = returns::read("fuzz.xlsx", bytes, &a, &c, &recorded, today) {
            let _ = returns::plan(&a, &c, &received);
        }
    });
}
