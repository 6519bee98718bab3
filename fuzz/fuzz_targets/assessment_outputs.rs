//! Any assessment a file decodes to: validated, scored, its figures derived, its report
//! written in every format and its score sheet as CSV, .xlsx and .docx, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ziping_engine::report::{self, Date};
use ziping_engine::{check, docx, figures, file, render, sample, score, sheet, validate, whatif, xlsx};

const DAY: Date = Date {
    year: 2026,
    month: 12,
    day: 1,
};

fuzz_target!(|data: &[u8]| {
    let Ok(a) = file::decode_bytes(data).and_then(file::Document::into_assessment) else {
        return;
    };
    validate::validate(&a);
    check::checked(&a);
    score::score_figures(&a);
    figures::derive(&a);
    whatif::diff(&sample::sample(), &a);
    let r = report::report(&a);
    report::orphans(&a, &r);
    render::html(&r);
    render::markdown(&r);
    render::text(&r);
    let s = sheet::sheet(&a);
    sheet::csv(&s);
    let _ = xlsx::xlsx(&s, DAY);
    let _ = docx::docx(&r, &s, DAY);
});
