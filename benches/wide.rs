//! A checklist thousands of areas wide (each with a scored item, a count and a rule), and two
//! periods of an assessment answering all of it: the gap report, the comparison and opening the
//! interface at 7,500 and 30,000 areas. Target: each under 2 s at 30,000 areas, and linear
//! (30,000 areas at most 5 times 7,500). Run with `cargo bench --bench wide`.
//!
//! To time the commands themselves (`scripts/bench-report.sh` does), write the files first:
//! `PROBITY_BENCH_WRITE=30000:/tmp/wide cargo bench --bench wide`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a benchmark whose setup fails has nothing to measure"
)]

use std::path::{Path, PathBuf};

use jiff::civil::date;
use probity::tui::{App, view::render};
use probity_core::document::{Document, Format, Page};
use probity_core::progress::compare::{Side, compare};
use probity_core::report::{Options, Report};
use probity_core::scoring::evaluate;
use probity_core::workspace::Workspace;
use probity_testkit::{wide_assessment, wide_checklist};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The allocator the `probity` binary uses, so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    if let Some((areas, dir)) = std::env::var("PROBITY_BENCH_WRITE")
        .ok()
        .as_deref()
        .and_then(|v| v.split_once(':'))
    {
        let dir = Path::new(dir);
        std::fs::create_dir_all(dir).unwrap();
        let [_, before, after] = write(
            dir,
            areas.parse().expect("PROBITY_BENCH_WRITE is AREAS:DIR"),
        );
        println!("wrote {} and {}", before.display(), after.display());
        return;
    }
    divan::main();
}

/// The checklist and both periods in `dir`: every 10th area's rule fires in 2012, every 20th
/// in 2013.
fn write(dir: &Path, areas: usize) -> [PathBuf; 3] {
    let files = [
        ("generated.toml", wide_checklist(areas)),
        ("wide-2012.toml", wide_assessment(areas, "2012", 10)),
        ("wide-2013.toml", wide_assessment(areas, "2013", 20)),
    ];
    files.map(|(name, text)| {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path
    })
}

fn workspace(dir: &Path) -> Workspace {
    Workspace::new(Some(dir), date(2013, 12, 1)).unwrap()
}

#[divan::bench(args = [7_500, 30_000], sample_count = 3)]
fn report(bencher: divan::Bencher, areas: usize) {
    let dir = tempfile::tempdir().unwrap();
    let [_, _, after] = write(dir.path(), areas);
    let ws = workspace(dir.path());
    bencher.bench_local(|| {
        let (a, c) = ws.load(&after).unwrap();
        let options = Options::new("OFFICIAL", ws.today);
        Report::new(&c, &a, &options).render(Format::Json).unwrap()
    });
}

#[divan::bench(args = [7_500, 30_000], sample_count = 3)]
fn compare_periods(bencher: divan::Bencher, areas: usize) {
    let dir = tempfile::tempdir().unwrap();
    let [_, before, after] = write(dir.path(), areas);
    let ws = workspace(dir.path());
    let page = Page::new("OFFICIAL", ws.today);
    bencher.bench_local(|| {
        let (a, ca) = ws.load(&before).unwrap();
        let (b, cb) = ws.load(&after).unwrap();
        let (ea, eb) = (evaluate(&ca, &a, ws.today), evaluate(&cb, &b, ws.today));
        let side = |assessment, checklist, evaluation| Side {
            assessment,
            checklist,
            evaluation,
        };
        compare(&side(&a, &ca, &ea), &side(&b, &cb, &eb), &page, false)
    });
}

#[divan::bench(args = [7_500, 30_000], sample_count = 3)]
fn open(bencher: divan::Bencher, areas: usize) {
    let dir = tempfile::tempdir().unwrap();
    let [_, _, after] = write(dir.path(), areas);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    bencher.bench_local(|| {
        let app = App::open(workspace(dir.path()), &after).unwrap();
        terminal.draw(|f| render(&app, f)).unwrap();
        app
    });
}
