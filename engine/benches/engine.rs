//! Engine speed: validate + score + derive figures for the sample and for a generated
//! 5,000-indicator assessment. Run: `cargo bench -p ziping-engine --bench engine`.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use ziping_engine::{figures, file, sample, score, validate};

fn engine(c: &mut Criterion) {
    let small = sample::sample();
    let large = sample::enlarged(5_000);
    let mut g = c.benchmark_group("engine");
    g.bench_function("sample: validate + score", |b| {
        b.iter(|| {
            (
                validate::validate(black_box(&small)),
                score::score(black_box(&small)),
            )
        })
    });
    g.bench_function("sample: validate + score + figures", |b| {
        b.iter(|| {
            (
                validate::validate(black_box(&small)),
                score::score(black_box(&small)),
                figures::derive(black_box(&small)),
            )
        })
    });
    g.bench_function("5000 indicators: validate + score", |b| {
        b.iter(|| {
            (
                validate::validate(black_box(&large)),
                score::score(black_box(&large)),
            )
        })
    });
    let text = file::encode_assessment(&small);
    g.bench_function("sample: decode file", |b| {
        b.iter(|| file::decode_assessment(black_box(&text)))
    });
    g.finish();
}

criterion_group!(benches, engine);
criterion_main!(benches);
