//! Engine speed: validate + score + derive figures for the sample and for a generated
//! 5,000-indicator assessment; what-if; the report and the sheet with their exports.
//! Run: `cargo bench -p ziping-engine --bench engine`.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use ziping_engine::{
    docx, figures, file, render, report, sample, score, sheet, validate, whatif, xlsx,
};

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
    let mut unpublished = small.clone();
    unpublished.execution_override = None;
    let goal = whatif::Goal::parse("item:预算执行率>=10")
        .unwrap_or(whatif::Goal::Grade(ziping_engine::scheme::Grade::Excellent));
    g.bench_function("sample: goal seek on 决算", |b| {
        b.iter(|| whatif::seek(black_box(&unpublished), "finance.spending.actual", &goal))
    });
    let five_hundred = sample::enlarged(500);
    let levels = [
        rust_decimal::Decimal::new(8, 1),
        rust_decimal::Decimal::new(6, 1),
    ];
    g.bench_function("500 indicators: sensitivity", |b| {
        b.iter(|| whatif::sensitivity(black_box(&five_hundred), &levels))
    });
    let text = file::encode_assessment(&small);
    g.bench_function("sample: decode file", |b| {
        b.iter(|| file::decode_assessment(black_box(&text)))
    });
    g.bench_function("sample: encode file", |b| {
        b.iter(|| file::encode_assessment(black_box(&small)))
    });
    for (name, a) in [("sample", &small), ("500 indicators", &five_hundred)] {
        g.bench_function(format!("{name}: report"), |b| {
            b.iter(|| report::report(black_box(a)))
        });
        g.bench_function(format!("{name}: report as HTML"), |b| {
            b.iter(|| render::html(&report::report(black_box(a))))
        });
        g.bench_function(format!("{name}: sheet as CSV"), |b| {
            b.iter(|| sheet::csv(&sheet::sheet(black_box(a))))
        });
        g.bench_function(format!("{name}: sheet as xlsx"), |b| {
            b.iter(|| xlsx::xlsx(&sheet::sheet(black_box(a)), DAY))
        });
        g.bench_function(format!("{name}: report as docx"), |b| {
            b.iter(|| {
                let a = black_box(a);
                docx::docx(&report::report(a), &sheet::sheet(a), DAY)
            })
        });
    }
    g.finish();
}

/// The day the benchmarked files are written on.
const DAY: report::Date = report::Date {
    year: 2026,
    month: 12,
    day: 1,
};

criterion_group!(benches, engine);
criterion_main!(benches);
