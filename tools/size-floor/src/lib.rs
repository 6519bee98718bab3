//! The engine as the app uses it, behind wasm exports and no view layer, so its share of
//! the browser bundle can be measured apart from the views. With the `first-load`
//! feature, only what the form and the score panel need: no report, score sheet or what-if.

use rust_decimal::Decimal;
use wasm_bindgen::prelude::*;
use ziping_engine::{figures, file, paths, sample, schemes, score, tsv, validate};

/// The engine calls of the form, the score panel, drafts and files.
#[wasm_bindgen]
pub fn first_load(text: &str, pasted: &str) -> String {
    let mut out = Vec::new();
    if let Ok(file::Document::Scheme(s)) = file::decode(text) {
        out.push(s.name);
    }
    if let Ok(s) = file::decode_scheme(text) {
        out.push(file::encode_scheme(&s));
        out.push(validate::validate_scheme(&s).len().to_string());
    }
    let mut a = file::decode_assessment(text).unwrap_or_else(|_| sample::sample());
    let findings = validate::validate(&a);
    out.push(validate::has_errors(&findings).to_string());
    out.extend(findings.into_iter().map(|f| f.message));
    let income = figures::derive(&a).income.actual;
    out.push(income.unwrap_or_default().to_string());
    out.push(score::score(&a).total.to_string());
    if tsv::is_block(pasted) {
        let _ = tsv::paste_economic(&mut a, 0, pasted);
        let _ = tsv::paste_indicators(&mut a, 0, pasted);
    }
    if let Some(rule) = paths::rule_mut(&mut a, "indicators[0].measure.rule") {
        out.push(rule.label().to_owned());
    }
    let _ = paths::set(&mut a, "finance.spending.actual", Some(Decimal::ONE));
    out.push(schemes::builtin().len().to_string());
    out.push(file::encode_assessment(&a));
    out.join("\n")
}

/// The engine calls of the later pages: report, score sheet and what-if.
#[cfg(not(feature = "first-load"))]
#[wasm_bindgen]
pub fn later(text: &str, goal: &str) -> String {
    use ziping_engine::{render, report, sheet, whatif};
    let Ok(a) = file::decode_assessment(text) else {
        return String::new();
    };
    let mut out = Vec::new();
    let card = score::score_figures(&a);
    let r = report::report(&a);
    out.push(report::paragraphs(&r).count().to_string());
    out.push(report::orphans(&a, &r).len().to_string());
    out.extend([render::html(&r), render::markdown(&r), render::text(&r)]);
    out.push(sheet::csv(&sheet::sheet_of(&a, &card)));
    out.push(sheet::sheet(&a).title);
    let mut b = a.clone();
    let _ = paths::set(&mut b, "finance.spending.actual", Some(Decimal::ONE));
    out.push(whatif::diff(&a, &b).scores.len().to_string());
    if let Ok(g) = whatif::Goal::parse(goal) {
        if let Ok(s) = whatif::seek(&a, "finance.spending.actual", &g) {
            out.push(s.reason);
        }
    }
    out.extend(
        whatif::sensitivity(&a, &[Decimal::ONE])
            .into_iter()
            .map(|s| s.name),
    );
    out.join("\n")
}
