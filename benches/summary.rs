//! `probity summary` over many forces: reading, scoring and tallying 250, 500 and 1,000 fully
//! answered assessment files. Run with `cargo bench --bench summary`.
//!
//! To time the whole command with hyperfine, write the same files to a folder first:
//! `PROBITY_BENCH_WRITE=1000:/tmp/forces cargo bench --bench summary`.

use std::path::{Path, PathBuf};

use jiff::civil::date;
use probity_core::answer::{Kind, Status, Value};
use probity_core::assessment::{Assessment, to_toml};
use probity_core::checklist::{Catalog, Checklist};
use probity_core::document::Page;
use probity_core::progress::{expand, load_batch, summary};

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

/// A fully answered assessment whose answers vary with `n`, so forces differ.
fn generated(checklist: &Checklist, n: usize) -> Assessment {
    let mut a = Assessment::new(checklist, &format!("Force {n:04}"), "2012");
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

#[divan::bench(args = [250, 500, 1000], sample_count = 10)]
fn summarise(bencher: divan::Bencher, files: usize) {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), files);
    let catalog = Catalog::discover(None);
    let inputs = [dir.path().to_path_buf()];
    bencher.bench(|| {
        let paths = expand(&inputs).unwrap();
        let batch = load_batch(&paths, &catalog, date(2013, 1, 1), || {});
        assert_eq!(batch.loaded.len(), files);
        summary::summarise(&batch, None, &Page::new("OFFICIAL", date(2013, 1, 1)))
    });
}
