//! The engine as a JavaScript module, for other intranet pages (an OA system, a provincial
//! portal) to embed. Every function takes and returns plain objects in the file format's
//! shape (decimals as strings), the same as `ziping … --json` prints; bad input throws an
//! `Error` carrying the CLI's Chinese message, and the module goes on working.

use serde::Serialize;
use wasm_bindgen::prelude::*;
use ziping_engine::file::{self, FileError};
use ziping_engine::model::Assessment;
use ziping_engine::{check, render, report, sample, validate, whatif};

/// The built-in sample (天河区信访局 2023 年度) as an assessment file's object.
#[wasm_bindgen]
pub fn sample() -> Result<JsValue, JsError> {
    to_js(&file::assessment_document(&sample::sample()))
}

/// The score card of an assessment file, with how many errors and warnings validation
/// finds, as `ziping score --json` prints it.
#[wasm_bindgen]
pub fn score(file: JsValue) -> Result<JsValue, JsError> {
    to_js(&check::checked(&assessment(file)?))
}

/// The findings of an assessment file (`severity`, `code`, `paths`, `message`), as
/// `ziping validate --json` prints them.
#[wasm_bindgen]
pub fn validate(file: JsValue) -> Result<JsValue, JsError> {
    to_js(&validate::validate(&assessment(file)?))
}

/// The value a figure must take to reach a goal, as `ziping seek --json` prints it: `field`
/// is a field path such as `finance.spending.actual`, `goal` such as `total>=95`.
#[wasm_bindgen]
pub fn seek(file: JsValue, field: JsValue, goal: JsValue) -> Result<JsValue, JsError> {
    let field = text(field, "字段路径应为字符串，如 finance.spending.actual")?;
    let goal = text(goal, "目标应为字符串，如 total>=95")?;
    let a = assessment(file)?;
    let goal = whatif::Goal::parse(&goal).map_err(|e| JsError::new(&e))?;
    let answer = whatif::seek(&a, &field, &goal).map_err(|e| JsError::new(&e))?;
    to_js(&answer)
}

/// The report (自评报告) of an assessment file as text: `format` is "markdown", "text" or
/// "html".
#[wasm_bindgen]
pub fn report(file: JsValue, format: JsValue) -> Result<String, JsError> {
    let format = text(format, "报告格式应为字符串：可选 markdown、text、html")?;
    let render = render::by_name(&format).ok_or_else(|| {
        JsError::new(&format!(
            "report 不支持格式 {format}：可选 markdown、text、html"
        ))
    })?;
    Ok(render(&report::report(&assessment(file)?)))
}

/// Reads an assessment from a file's object, as `JSON.parse` of the file gives it. The
/// object comes in as JSON text (`JSON.stringify`, whose throws come back as an `Err`), so
/// a cyclic, deeply nested or throwing object is refused by the file reader's own limits
/// rather than overflowing the stack halfway through Rust.
fn assessment(file: JsValue) -> Result<Assessment, JsError> {
    let text = js_sys::JSON::stringify(&file)
        .ok()
        .and_then(|text| JsValue::from(text).as_string())
        .ok_or(FileError::NotOurs)?;
    Ok(file::decode_assessment(&text)?)
}

/// A text argument, or an error saying what it should have been: JavaScript may pass
/// anything.
fn text(value: JsValue, expected: &str) -> Result<String, JsError> {
    value.as_string().ok_or_else(|| JsError::new(expected))
}

/// A result as a plain JS object (maps as objects, not `Map`s), as JSON would carry it.
fn to_js(value: &impl Serialize) -> Result<JsValue, JsError> {
    Ok(value.serialize(&serde_wasm_bindgen::Serializer::json_compatible())?)
}
