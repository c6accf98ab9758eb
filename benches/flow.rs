//! Checking a flow at scale: a generated flow of 10,000 nodes, and the shipped flows.
//!
//! Targets (a 2-core machine): loading and validating the 10,000-node flow under 1 s, and
//! growing about linearly with the size (the 1,000- and 3,000-node flows show the slope);
//! `zorgpad controleer` on the shipped flows within 2× of `zorgpad --versie`, the start-up
//! of the program itself. Every `start`, `hervat`, `export` and `sessies` validates its flow
//! first, so this is paid on each of them.
//!
//! Run: `cargo bench --bench flow` (or `-- --quick` for a short run).

use std::hint::black_box;
use std::path::Path;
use std::process::Command;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use zorgpad::flow::set::FlowSet;
use zorgpad::flow::validate::validate;

#[path = "support/big_flow.rs"]
mod big_flow;

const BIN: &str = env!("CARGO_BIN_EXE_zorgpad");

/// Load (parse, convert, resolve sub-flows) and validate the flow in `path`.
fn check(path: &Path) -> usize {
    let set = FlowSet::load(Some(path)).expect("the generated flow loads");
    let findings = validate(&set);
    assert!(findings.is_empty(), "{}", findings[0]);
    set.main().nodes.len()
}

fn generated(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut group = c.benchmark_group("flow laden en valideren");
    group.sample_size(10);
    for nodes in [1_000, 3_000, 10_000] {
        let path = dir.path().join(format!("groot-{nodes}.yaml"));
        std::fs::write(&path, big_flow::big_flow(nodes)).expect("write the flow");
        assert_eq!(check(&path), nodes);
        group.bench_with_input(BenchmarkId::from_parameter(nodes), &path, |b, path| {
            b.iter(|| black_box(check(black_box(path))))
        });
    }
    group.finish();
}

fn run(args: &[&str]) {
    let status = Command::new(BIN)
        .args(args)
        .stdout(std::process::Stdio::null())
        .status()
        .expect("run zorgpad");
    assert!(status.success(), "zorgpad {args:?}: {status}");
}

/// The shipped flows: `controleer` should cost little more than starting the program.
fn shipped(c: &mut Criterion) {
    let mut group = c.benchmark_group("ingebouwde flows (proces)");
    group.sample_size(20);
    group.bench_function("zorgpad --versie", |b| b.iter(|| run(&["--versie"])));
    group.bench_function("zorgpad controleer", |b| b.iter(|| run(&["controleer"])));
    group.finish();
}

/// A valid but heavy answers file: 500 KB of entries 60 lists deep (the limit is 64). Read and
/// refused at its first answer (it fits no question) in about a fifth of a second.
fn heavy_answers(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let entry = format!("- {}x{}\n", "[".repeat(60), "]".repeat(60));
    let path = dir.path().join("antwoorden.yaml");
    std::fs::write(&path, entry.repeat(500 * 1024 / entry.len())).expect("write");
    let data = dir.path().join("data");
    let mut group = c.benchmark_group("invoer (proces)");
    group.sample_size(10);
    group.bench_function("antwoordenbestand van 500 KB, 60 diep", |b| {
        b.iter(|| {
            let status = Command::new(BIN)
                .args(["start", "--antwoorden"])
                .arg(&path)
                .env("ZORGPAD_DATA", &data)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .status()
                .expect("run zorgpad");
            assert_eq!(status.code(), Some(2), "refused at its first answer");
        })
    });
    group.finish();
}

criterion_group!(benches, generated, shipped, heavy_answers);
criterion_main!(benches);
