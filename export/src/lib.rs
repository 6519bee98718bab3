//! The export module the app loads on demand: the score sheet as .xlsx and the report as
//! .docx, each from an assessment file's text. Kept apart so the first load stays small.
//! Both take the day they are written (2026-12-01) for the 落款 and the file's properties;
//! without one they use the browser's own date.

use wasm_bindgen::prelude::*;
use ziping_engine::report::Date;
use ziping_engine::summary::{self, SummaryRow};
use ziping_engine::{docx, file, report, sheet, xlsx};

/// The score sheet (自评表) of an assessment file as an .xlsx workbook.
#[wasm_bindgen]
pub fn sheet_xlsx(assessment: &str, date: Option<String>) -> Result<Vec<u8>, String> {
    let a = file::decode_assessment(assessment).map_err(|e| e.to_string())?;
    xlsx::xlsx(&sheet::sheet(&a), day(date.as_deref())?)
}

/// The report (自评报告) of an assessment file as a .docx document, the 自评表 appended.
#[wasm_bindgen]
pub fn report_docx(assessment: &str, date: Option<String>) -> Result<Vec<u8>, String> {
    let a = file::decode_assessment(assessment).map_err(|e| e.to_string())?;
    docx::docx(
        &report::report(&a),
        &sheet::sheet(&a),
        day(date.as_deref())?,
    )
}

/// The summary's rows (汇总), as JSON in the order the table shows them, as an .xlsx workbook.
#[wasm_bindgen]
pub fn summary_xlsx(rows: &str, date: Option<String>) -> Result<Vec<u8>, String> {
    let rows: Vec<SummaryRow> = serde_json::from_str(rows).map_err(|e| e.to_string())?;
    summary::xlsx(&rows, day(date.as_deref())?)
}

/// The date given, or today where the page runs.
fn day(date: Option<&str>) -> Result<Date, String> {
    match date {
        Some(d) => Date::parse(d).ok_or_else(|| format!("日期“{d}”无效：应为 2026-12-01 的形式")),
        None => browser_today().ok_or_else(|| "没有给出日期，也读不到浏览器的日期".to_string()),
    }
}

/// Today in the browser's time zone; none outside a browser.
fn browser_today() -> Option<Date> {
    #[cfg(target_arch = "wasm32")]
    {
        let now = js_sys::Date::new_0();
        let year = now.get_full_year();
        Some(Date {
            year: i32::try_from(year).ok()?,
            month: now.get_month() + 1,
            day: now.get_date(),
        })
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        None
    }
}
