//! The score sheet as an .xlsx workbook: figures as numbers with number formats, text as
//! text cells (never formulas), one sheet in the common layout.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use crate::sheet::{Cell, ScoreSheet, BUDGET_HEADER, ROW_HEADER};

/// The workbook's bytes, or why it could not be written.
pub fn xlsx(s: &ScoreSheet) -> Result<Vec<u8>, String> {
    write(s).map_err(|e| format!("生成 Excel 文件失败：{e}"))
}

struct Formats {
    title: Format,
    head: Format,
    text: Format,
    amount: Format,
    score: Format,
    rate: Format,
    plain: Format,
}

fn write(s: &ScoreSheet) -> Result<Vec<u8>, XlsxError> {
    let ruled = Format::new()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::VerticalCenter);
    let f = Formats {
        title: Format::new()
            .set_bold()
            .set_font_size(16)
            .set_align(FormatAlign::Center),
        head: ruled
            .clone()
            .set_bold()
            .set_align(FormatAlign::Center)
            .set_text_wrap(),
        text: ruled.clone().set_text_wrap(),
        amount: ruled.clone().set_num_format("0.00"),
        score: ruled.clone().set_num_format("0.00"),
        rate: ruled.clone().set_num_format("0.00%"),
        plain: ruled.set_num_format("General"),
    };
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("自评表")?;
    for (col, width) in [
        (0, 14),
        (1, 14),
        (2, 30),
        (3, 12),
        (4, 12),
        (5, 8),
        (6, 8),
        (7, 36),
    ] {
        ws.set_column_width(col, width)?;
    }
    ws.merge_range(0, 0, 0, 7, &s.title, &f.title)?;
    ws.write_string_with_format(1, 0, "部门名称", &f.head)?;
    ws.merge_range(1, 1, 1, 4, &s.department, &f.text)?;
    ws.write_string_with_format(1, 5, "金额单位", &f.head)?;
    ws.merge_range(1, 6, 1, 7, &s.unit, &f.text)?;

    let mut row = 3;
    for (col, h) in (0u16..).zip(BUDGET_HEADER) {
        ws.write_string_with_format(row, col, h, &f.head)?;
    }
    for b in &s.budget {
        row += 1;
        ws.write_string_with_format(row, 0, &b.name, &f.text)?;
        for (col, v, fmt) in [
            (1, b.initial, &f.amount),
            (2, b.adjusted, &f.amount),
            (3, b.actual, &f.amount),
            (4, b.points, &f.score),
            (5, b.rate, &f.rate),
            (6, b.score, &f.score),
        ] {
            number(ws, row, col, v, fmt)?;
        }
        ws.write_string_with_format(row, 7, &b.note, &f.text)?;
    }

    row += 2;
    for (col, h) in (0u16..).zip(ROW_HEADER) {
        ws.write_string_with_format(row, col, h, &f.head)?;
    }
    for r in &s.rows {
        row += 1;
        ws.write_string_with_format(row, 0, &r.section, &f.text)?;
        ws.write_string_with_format(row, 1, &r.category, &f.text)?;
        ws.write_string_with_format(row, 2, &r.name, &f.text)?;
        cell(ws, row, 3, &r.target, &f)?;
        cell(ws, row, 4, &r.actual, &f)?;
        number(ws, row, 5, Some(r.points), &f.score)?;
        number(ws, row, 6, Some(r.score), &f.score)?;
        ws.write_string_with_format(row, 7, &r.note, &f.text)?;
    }
    row += 1;
    ws.merge_range(row, 0, row, 4, "总分", &f.head)?;
    number(ws, row, 5, Some(s.max_total), &f.score)?;
    number(ws, row, 6, Some(s.total), &f.score)?;
    ws.write_string_with_format(row, 7, format!("等级：{}", s.grade), &f.text)?;
    book.save_to_buffer()
}

fn cell(ws: &mut Worksheet, row: u32, col: u16, c: &Cell, f: &Formats) -> Result<(), XlsxError> {
    match c {
        Cell::Number(v) => number(ws, row, col, Some(*v), &f.plain),
        Cell::Text(t) => ws
            .write_string_with_format(row, col, t, &f.text)
            .map(|_| ()),
    }
}

/// A figure as a number cell; a missing one as an empty ruled cell.
fn number(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    v: Option<Decimal>,
    fmt: &Format,
) -> Result<(), XlsxError> {
    match v.and_then(|v| v.to_f64()) {
        Some(n) => ws.write_number_with_format(row, col, n, fmt).map(|_| ()),
        None => ws.write_blank(row, col, fmt).map(|_| ()),
    }
}
