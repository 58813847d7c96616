//! Criterion benchmarks of the library's stages, one group per stage, on three articles:
//! the TASS fixture (one paragraph per line, many quotes), an invented modern Reuters-style
//! story and an invented hard-wrapped Reuters-1987-style story (`fixtures/bench/`).
//!
//! Throughput is the article's size in bytes, so every stage reads as MB/s of input even
//! when it works on the output of the stage before (built once, outside the timing).
//! Run with `cargo bench --bench stages`; `scripts/bench` measures the whole process.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use wirecopy::layout::{self, Para};
use wirecopy::{Options, countries, dateline, quotes};

const ARTICLES: [(&str, &str); 3] = [
    ("tass", include_str!("../fixtures/tass-peskov.txt")),
    (
        "modern",
        include_str!("../fixtures/bench/harbour-strike.txt"),
    ),
    (
        "wrapped-1987",
        include_str!("../fixtures/bench/copper-output.txt"),
    ),
];

fn paragraphs_of(text: &str) -> Vec<Para> {
    let lines = layout::lines(text);
    let blocks = layout::blocks(&lines);
    layout::paragraphs(&blocks)
}

fn bench_layout(c: &mut Criterion) {
    let mut g = c.benchmark_group("layout");
    for (name, text) in ARTICLES {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("lines", name), text, |b, t| {
            b.iter(|| layout::lines(black_box(t)))
        });
        let lines = layout::lines(text);
        g.bench_with_input(BenchmarkId::new("blocks", name), &lines, |b, l| {
            b.iter(|| layout::blocks(black_box(l)).len())
        });
        let blocks = layout::blocks(&lines);
        g.bench_with_input(BenchmarkId::new("paragraphs", name), &blocks, |b, bl| {
            b.iter(|| layout::paragraphs(black_box(bl)))
        });
    }
    g.finish();
}

fn bench_dateline(c: &mut Criterion) {
    let mut g = c.benchmark_group("dateline");
    for (name, text) in ARTICLES {
        // every line tried as a dateline, as the structure stage does while it looks for one
        let lines: Vec<&str> = layout::lines(text)
            .iter()
            .filter(|l| !l.is_blank())
            .map(|l| l.text)
            .collect();
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("parse", name), &lines, |b, ls| {
            b.iter(|| {
                ls.iter()
                    .filter(|l| dateline::parse(black_box(l)).is_some())
                    .count()
            })
        });
    }
    g.finish();
}

fn bench_quotes(c: &mut Criterion) {
    let mut g = c.benchmark_group("quotes");
    for (name, text) in ARTICLES {
        let paras = paragraphs_of(text);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("extract", name), &paras, |b, p| {
            b.iter(|| quotes::extract(black_box(p)))
        });
    }
    g.finish();
}

fn bench_countries(c: &mut Criterion) {
    let mut g = c.benchmark_group("countries");
    for (name, text) in ARTICLES {
        let paras = paragraphs_of(text);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("mentions", name), &paras, |b, ps| {
            b.iter(|| {
                ps.iter()
                    .map(|p| countries::mentions(black_box(&p.text)).len())
                    .sum::<usize>()
            })
        });
    }
    g.finish();
}

fn bench_analyze(c: &mut Criterion) {
    let mut g = c.benchmark_group("analyze");
    let opts = Options::default();
    for (name, text) in ARTICLES {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("whole", name), text, |b, t| {
            b.iter(|| wirecopy::analyze(black_box(t), &opts))
        });
    }
    g.finish();
}

fn config() -> Criterion {
    // 21 benchmarks at about 3 s each: the run takes about 1.5 minutes
    Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_millis(700))
        .measurement_time(Duration::from_secs(2))
}

criterion_group! {
    name = stages;
    config = config();
    targets = bench_layout, bench_dateline, bench_quotes, bench_countries, bench_analyze
}
criterion_main!(stages);
