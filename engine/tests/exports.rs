//! The binary exports read back: the .xlsx with calamine, the .docx unzipped. The cells
//! hold the engine's figures exactly; user text arrives escaped and whole.

use std::io::{Cursor, Read};

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use rust_decimal::Decimal;
use ziping_engine::report::Date;
use ziping_engine::sheet::{self, Cell};
use ziping_engine::{docx, report, sample, xlsx};

/// The day the files are written on in these tests.
const DAY: Date = Date {
    year: 2026,
    month: 12,
    day: 1,
};

fn workbook(bytes: Vec<u8>) -> calamine::Range<Data> {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).expect("an xlsx");
    book.worksheet_range("自评表").expect("the sheet")
}

/// A number cell as the decimal Excel shows: f64 printed shortest, read back exactly.
fn number(r: &calamine::Range<Data>, row: u32, col: u32) -> Decimal {
    match r.get_value((row, col)) {
        Some(Data::Float(f)) => f.to_string().parse().expect("a decimal"),
        Some(Data::Int(i)) => Decimal::from(*i),
        other => panic!("({row}, {col}) is {other:?}, not a number"),
    }
}

fn text(r: &calamine::Range<Data>, row: u32, col: u32) -> String {
    match r.get_value((row, col)) {
        Some(Data::String(s)) => s.clone(),
        other => panic!("({row}, {col}) is {other:?}, not text"),
    }
}

#[test]
fn the_xlsx_cells_hold_the_engines_figures_exactly() {
    let a = sample::sample();
    let s = sheet::sheet(&a);
    let r = workbook(xlsx::xlsx(&s, DAY).expect("written"));
    assert_eq!(text(&r, 0, 0), "2023年度部门整体支出绩效自评表");
    assert_eq!(text(&r, 1, 1), "广州市天河区信访局");
    assert_eq!(text(&r, 3, 0), "年度预算执行情况");
    let exec = &s.budget[0];
    assert_eq!(text(&r, 4, 0), "年度资金总额");
    for (col, v) in [
        (1, exec.initial),
        (2, exec.adjusted),
        (3, exec.actual),
        (4, exec.points),
        (5, exec.rate),
        (6, exec.score),
    ] {
        assert_eq!(Some(number(&r, 4, col)), v, "budget column {col}");
    }
    assert_eq!(number(&r, 4, 5).to_string(), "0.993");
    let header = 3 + s.budget.len() as u32 + 2;
    assert_eq!(text(&r, header, 2), "三级指标");
    for (i, row) in s.rows.iter().enumerate() {
        let at = header + 1 + i as u32;
        assert_eq!(text(&r, at, 2), row.name);
        assert_eq!(number(&r, at, 5), row.points, "{} points", row.name);
        assert_eq!(number(&r, at, 6), row.score, "{} score", row.name);
        match &row.actual {
            Cell::Number(v) => assert_eq!(number(&r, at, 4), *v),
            Cell::Text(t) if t.is_empty() => {}
            Cell::Text(t) => assert_eq!(&text(&r, at, 4), t),
        }
    }
    let total = header + 1 + s.rows.len() as u32;
    assert_eq!(number(&r, total, 6), s.total);
    assert_eq!(number(&r, total, 6).to_string(), "99.32");
}

#[test]
fn formula_like_text_stays_text_in_the_xlsx() {
    let mut a = sample::sample();
    a.department = "=1+1".into();
    a.indicators[0].deviation_note = "<b>&</b>".into();
    let s = sheet::sheet(&a);
    let r = workbook(xlsx::xlsx(&s, DAY).expect("written"));
    assert_eq!(text(&r, 1, 1), "=1+1");
    let first = 3 + s.budget.len() as u32 + 3;
    assert_eq!(text(&r, first, 7), "<b>&</b>");
}

fn document_xml(bytes: Vec<u8>) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip package");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("word/document.xml")
        .read_to_string(&mut xml)
        .expect("UTF-8");
    xml
}

#[test]
fn the_docx_holds_the_sections_in_order_and_the_table() {
    let a = sample::sample();
    let xml =
        document_xml(docx::docx(&report::report(&a), &sheet::sheet(&a), DAY).expect("written"));
    let mut at = 0;
    for heading in [
        "2023年度广州市天河区信访局部门整体支出绩效自评报告",
        "一、部门基本情况",
        "（四）部门整体收支情况",
        "部门预算按经济分类执行情况",
        "二、绩效自评情况",
        "部门整体支出绩效评价得分为99.32分",
        "三、存在的主要问题",
        "四、下一步改进措施",
    ] {
        let found = xml[at..]
            .find(heading)
            .unwrap_or_else(|| panic!("{heading} after {at}"));
        at += found;
    }
    // The report's one table, then the appendix's three: funding, goals, indicators.
    let (report, appendix) = xml.split_once("附件").expect("the appendix");
    assert_eq!(report.matches("<w:tbl>").count(), 1);
    assert_eq!(appendix.matches("<w:tbl>").count(), 3);
    assert!(
        xml.contains("w:w=\"11906\"") && xml.contains("w:h=\"16838\""),
        "A4"
    );
}

#[test]
fn user_text_is_escaped_in_the_docx() {
    let mut a = sample::sample();
    let xss = "<script>alert(1)</script>&\"'";
    a.department = xss.into();
    a.problems = vec![xss.into()];
    let xml =
        document_xml(docx::docx(&report::report(&a), &sheet::sheet(&a), DAY).expect("written"));
    assert!(!xml.contains("<script>"));
    assert!(xml.contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;"));
}
