//! The export module the app loads on demand: the score sheet as .xlsx and the report as
//! .docx, each from an assessment file's text. Kept apart so the first load stays small.

use wasm_bindgen::prelude::*;
use ziping_engine::{docx, file, report, sheet, xlsx};

/// The score sheet (自评表) of an assessment file as an .xlsx workbook.
#[wasm_bindgen]
pub fn sheet_xlsx(assessment: &str) -> Result<Vec<u8>, String> {
    let a = file::decode_assessment(assessment).map_err(|e| e.to_string())?;
    xlsx::xlsx(&sheet::sheet(&a))
}

/// The report (自评报告) of an assessment file as a .docx document.
#[wasm_bindgen]
pub fn report_docx(assessment: &str) -> Result<Vec<u8>, String> {
    let a = file::decode_assessment(assessment).map_err(|e| e.to_string())?;
    docx::docx(&report::report(&a))
}
