//! `probity summary` over many files: reading, scoring and tallying 1,000 and 4,000 fully
//! answered assessments of the same 40 forces (one file per force and year), beside a bare
//! TOML parse of the same files on the same cores, the floor any reader must pay. Run with
//! `cargo bench --bench summary`.
//!
//! To time the whole command (or measure its memory with `/usr/bin/time -v`), write the same
//! files to a folder first: `PROBITY_BENCH_WRITE=4000:/tmp/forces cargo bench --bench summary`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a benchmark whose setup fails has nothing to measure"
)]

use std::path::{Path, PathBuf};

use jiff::civil::date;
use probity_core::answer::{Kind, Status, Value};
use probity_core::assessment::{Assessment, to_toml};
use probity_core::checklist::{Catalog, Checklist};
use probity_core::document::Page;
use probity_core::progress::{expand, summary};

fn main() {
    if let Some((count, dir)) = std::env::var("PROBITY_BENCH_WRITE")
        .ok()
        .as_deref()
        .and_then(|v| v.split_once(':'))
    {
        std::fs::create_dir_all(dir).unwrap();
        let written = write(
            Path::new(dir),
            count.parse().expect("PROBITY_BENCH_WRITE is COUNT:DIR"),
        );
        println!("wrote {} files to {dir}", written.len());
        return;
    }
    divan::main();
}

/// Forces in the generated files; file `n` is force `n % FORCES` for year `1900 + n / FORCES`.
const FORCES: usize = 40;

/// A fully answered assessment whose answers vary with `n`, so forces and years differ.
fn generated(checklist: &Checklist, n: usize) -> Assessment {
    let force = format!("Force {:02}", n % FORCES);
    let mut a = Assessment::new(checklist, &force, &(1900 + n / FORCES).to_string());
    for (i, item) in checklist.items().enumerate() {
        let k = n + i;
        let value = match &item.kind {
            Kind::Status => Value::Status(Status::ALL[k % 4]),
            Kind::Count | Kind::Number | Kind::Money => Value::Number((k % 97) as f64),
            Kind::Percent => Value::Number((k % 101) as f64),
            Kind::Date => Value::Date(date(2012, 1 + (k % 12) as i8, 1 + (k % 28) as i8)),
            Kind::Choice(options) => Value::Choice(options[k % options.len()].id.clone()),
            Kind::Text => Value::Text(format!("Generated answer {k} for the benchmark.")),
        };
        let answer = a.answer_mut(&item.id);
        answer.value = Some(value);
        answer.note = Some(format!("Note {k}: recorded for the benchmark."));
        answer.evidence = vec![format!("Document {k}")];
        if k.is_multiple_of(3) {
            answer.owner = Some("Head of Professional Standards".into());
            answer.due = Some(date(2013, 3, 31));
        }
    }
    a
}

/// Writes `count` files into `dir`; also used to prepare files for hyperfine.
fn write(dir: &Path, count: usize) -> Vec<PathBuf> {
    let catalog = Catalog::discover(None);
    let checklist = catalog.resolve(Catalog::default_id(), None).unwrap();
    (0..count)
        .map(|n| {
            let path = dir.join(format!("force-{n:04}.toml"));
            std::fs::write(
                &path,
                to_toml(&generated(&checklist, n), &checklist).unwrap(),
            )
            .unwrap();
            path
        })
        .collect()
}

#[divan::bench(args = [1000, 4000], sample_count = 5)]
fn summarise(bencher: divan::Bencher, files: usize) {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), files);
    let catalog = Catalog::discover(None);
    let inputs = [dir.path().to_path_buf()];
    let page = Page::new("OFFICIAL", date(2013, 1, 1));
    bencher.bench(|| {
        let paths = expand(&inputs).unwrap();
        let s = summary::summarise_files(&paths, &catalog, None, &page, || {});
        assert_eq!((s.forces, s.left_out), (FORCES, files - FORCES));
        s
    });
}

/// Reading and parsing the same files into plain TOML tables, one part per core, and nothing
/// more: what a summary costs at the least.
#[divan::bench(args = [1000, 4000], sample_count = 5)]
fn bare_parse(bencher: divan::Bencher, files: usize) {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), files);
    let inputs = [dir.path().to_path_buf()];
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    bencher.bench(|| {
        let paths = expand(&inputs).unwrap();
        std::thread::scope(|scope| {
            paths
                .chunks(paths.len().div_ceil(workers))
                .map(|part| {
                    scope.spawn(move || {
                        part.iter()
                            .map(|p| {
                                let text = std::fs::read_to_string(p).unwrap();
                                toml::from_str::<toml::Table>(&text).unwrap().len()
                            })
                            .sum::<usize>()
                    })
                })
                .collect::<Vec<_>>()
                .into_iter()
                .map(|h| h.join().unwrap())
                .sum::<usize>()
        })
    });
}
