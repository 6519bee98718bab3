//! The score sheet as an .xlsx workbook that prints as the form it is: A4 landscape, one
//! page wide, the indicator header repeated on every page, 一级 and 二级 merged down their
//! rows, 宋体 throughout, and each 一级's subtotal and the total SUM formulas with their
//! values cached, so a score corrected by hand in Excel or WPS carries through. Figures
//! are number cells with number formats; text is text (never a formula).

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Formula, Workbook, Worksheet,
    XlsxError,
};

use crate::num;
use crate::report::Date;
use crate::sheet::{self, Cell, ScoreSheet, SheetRow, BUDGET_HEADER, ROW_HEADER};

/// The workbook's bytes, or why it could not be written. `date` is the day it is written,
/// for the file's properties.
pub fn xlsx(s: &ScoreSheet, date: Date) -> Result<Vec<u8>, String> {
    write(s, date).map_err(|e| format!("生成 Excel 文件失败：{e}"))
}

/// 宋体 for every cell; charset 134 (GB2312) lets Excel and WPS fall back to another
/// Chinese font where 宋体 is missing.
pub(crate) const FONT: &str = "宋体";
pub(crate) const GB2312: u8 = 134;
/// Body text size, and the height of one line of it in points.
const SIZE: f64 = 11.0;
const LINE: f64 = 14.5;
/// Column widths in Excel's units (the width of a digit; a Chinese character is about two).
const WIDTHS: [f64; 8] = [16.0, 11.0, 28.0, 11.0, 11.0, 7.0, 7.0, 37.0];
/// The printable height of a landscape A4 page at 100% in points, with the margins below.
const PAGE_HEIGHT: f64 = 500.0;
/// A sheet up to this many pages tall at 100% is shrunk onto one page (at 50% or more);
/// a taller one prints one page wide over as many pages as it needs.
const ONE_PAGE: f64 = 2.0;

/// The formats of the sheet's cells, built once.
struct Formats {
    ruled: Format,
    title: Format,
    head: Format,
    text: Format,
    rate: Format,
}

impl Formats {
    fn new() -> Formats {
        let font = Format::new()
            .set_font_name(FONT)
            .set_font_charset(GB2312)
            .set_font_size(SIZE);
        let ruled = font
            .clone()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::VerticalCenter);
        Formats {
            title: font
                .set_bold()
                .set_font_size(18)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            head: ruled
                .clone()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_text_wrap(),
            text: ruled.clone().set_text_wrap(),
            rate: ruled.clone().set_num_format("0.00%"),
            ruled,
        }
    }

    /// A number format with `places` decimals: 0.00 for amounts, the scheme's for scores.
    fn number(&self, places: u32) -> Format {
        let format = match places {
            0 => "0".to_string(),
            n => format!("0.{}", "0".repeat(n.min(10) as usize)),
        };
        self.ruled
            .clone()
            .set_num_format(format)
            .set_align(FormatAlign::Right)
    }
}

/// A workbook's creation date from the date the caller gives (the engine has no clock).
pub(crate) fn excel_date(date: Date) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(
        u16::try_from(date.year).unwrap_or(1900),
        u8::try_from(date.month).unwrap_or(1),
        u8::try_from(date.day).unwrap_or(1),
    )
}

fn write(s: &ScoreSheet, date: Date) -> Result<Vec<u8>, XlsxError> {
    let f = Formats::new();
    let mut book = Workbook::new();
    book.set_default_format(
        &Format::new()
            .set_font_name(FONT)
            .set_font_charset(GB2312)
            .set_font_size(SIZE),
        20,
        64,
    )?;
    book.set_properties(
        &DocProperties::new()
            .set_title(&s.title)
            .set_author(&s.department)
            .set_company(&s.department)
            .set_subject(format!("{} {}", s.department, s.title))
            .set_creation_datetime(&excel_date(date)?),
    );
    let ws = book.add_worksheet();
    ws.set_name("自评表")?;
    for (col, width) in (0u16..).zip(WIDTHS) {
        ws.set_column_width(col, width)?;
    }
    let mut heights = Heights::default();

    ws.merge_range(0, 0, 0, 7, &s.title, &f.title)?;
    heights.set(ws, 0, 36.0)?;
    // The header rows: 部门名称 | 金额单位, or 项目名称 | 金额单位 over 主管部门 | 实施单位.
    let mut row = 0;
    for [left, right] in &s.header {
        row += 1;
        ws.write_string_with_format(row, 0, left.label, &f.head)?;
        ws.merge_range(row, 1, row, 4, &left.value, &f.text)?;
        ws.write_string_with_format(row, 5, right.label, &f.head)?;
        ws.merge_range(row, 6, row, 7, &right.value, &f.text)?;
        heights.fit(ws, row, &[(&left.value, 1..=4), (&right.value, 6..=7)])?;
    }
    row += 1;
    heights.set(ws, row, 8.0)?;

    // The funding block: 年度资金总额 and its parts.
    row += 1;
    header(ws, row, &BUDGET_HEADER, &f, &mut heights)?;
    let funding = row + 1;
    let amount = f.number(s.score_places);
    for b in &s.budget {
        row += 1;
        ws.write_string_with_format(row, 0, &b.name, &f.text)?;
        for (col, v) in [(1, b.initial), (2, b.adjusted), (3, b.actual)] {
            let places = v.map_or(2, sheet::amount_places);
            number(ws, row, col, v, &f.number(places))?;
        }
        number(ws, row, 4, b.points, &amount)?;
        number(ws, row, 5, b.rate, &f.rate)?;
        number(ws, row, 6, b.score, &amount)?;
        ws.write_string_with_format(row, 7, &b.note, &f.text)?;
        heights.fit(ws, row, &[(&b.name, 0..=0), (&b.note, 7..=7)])?;
    }

    // 年度总体目标: 预期目标 | 实际完成情况.
    row += 1;
    let expected = format!("预期目标：{}", s.goals.expected);
    let achieved = format!("实际完成情况：{}", s.goals.achieved);
    ws.write_string_with_format(row, 0, "年度总体目标", &f.head)?;
    ws.merge_range(row, 1, row, 3, &expected, &f.text)?;
    ws.merge_range(row, 4, row, 7, &achieved, &f.text)?;
    heights.fit(ws, row, &[(&expected, 1..=3), (&achieved, 4..=7)])?;

    // The indicators, 一级 and 二级 merged down their runs.
    row += 1;
    let head_row = row;
    header(ws, row, &ROW_HEADER, &f, &mut heights)?;
    let first = row + 1;
    for r in &s.rows {
        row += 1;
        ws.write_string_with_format(row, 2, &r.name, &f.text)?;
        cell(ws, row, 3, &r.target, &f)?;
        cell(ws, row, 4, &r.actual, &f)?;
        number(ws, row, 5, Some(r.points), &amount)?;
        number(ws, row, 6, Some(r.score), &amount)?;
        ws.write_string_with_format(row, 7, &r.note, &f.text)?;
        let (target, actual) = (r.target.text(), r.actual.text());
        heights.fit(
            ws,
            row,
            &[
                (&r.name, 2..=2),
                (&target, 3..=3),
                (&actual, 4..=4),
                (&r.note, 7..=7),
            ],
        )?;
    }
    let last = row;
    merge_runs(ws, first, &s.rows, 0, &f)?;
    merge_runs(ws, first, &s.rows, 1, &f)?;

    // 总分: the funding score and every item's, summed by the sheet itself.
    row += 1;
    ws.merge_range(row, 0, row, 4, "总分", &f.head)?;
    for (col, letter, cached) in [(5, 'F', s.max_total), (6, 'G', s.total)] {
        let items = if s.rows.is_empty() {
            String::new()
        } else {
            format!(",{letter}{}:{letter}{}", first + 1, last + 1)
        };
        let formula = Formula::new(format!("=SUM({letter}{}{items})", funding + 1))
            .set_result(cached.normalize().to_string());
        ws.write_formula_with_format(row, col, formula, &amount)?;
    }
    ws.write_string_with_format(row, 7, format!("等级：{}", s.grade), &f.text)?;
    heights.set(ws, row, 22.0)?;

    // 其中: each 一级's subtotal, summed over its rows.
    for (start, end) in sheet::runs(&s.rows, false) {
        row += 1;
        let part = &s.rows[start..end];
        ws.merge_range(
            row,
            0,
            row,
            4,
            &format!("其中：{}", part[0].section),
            &f.text,
        )?;
        let (top, bottom) = (first + start as u32 + 1, first + end as u32);
        for (col, letter, cached) in [
            (5, 'F', num::sum(part.iter().map(|r| r.points))),
            (6, 'G', num::sum(part.iter().map(|r| r.score))),
        ] {
            let mut formula = Formula::new(format!("=SUM({letter}{top}:{letter}{bottom})"));
            if let Some(v) = cached {
                formula = formula.set_result(v.normalize().to_string());
            }
            ws.write_formula_with_format(row, col, formula, &amount)?;
        }
        ws.write_blank(row, 7, &f.text)?;
        heights.set(ws, row, 20.0)?;
    }

    ws.set_paper_size(9)
        .set_landscape()
        .set_margins(0.5, 0.5, 0.6, 0.7, 0.3, 0.3)
        .set_print_center_horizontally(true)
        .set_footer("&C第 &P 页，共 &N 页")
        .set_print_fit_to_pages(1, u16::from(heights.total <= PAGE_HEIGHT * ONE_PAGE));
    ws.set_print_area(0, 0, row, 7)?;
    ws.set_repeat_rows(head_row, head_row)?;
    ws.set_freeze_panes(head_row + 1, 0)?;
    book.save_to_buffer()
}

/// A header row, bold and centred, tall enough for its wrapped headings.
fn header(
    ws: &mut Worksheet,
    row: u32,
    cells: &[&str],
    f: &Formats,
    heights: &mut Heights,
) -> Result<(), XlsxError> {
    for (col, h) in (0u16..).zip(cells) {
        ws.write_string_with_format(row, col, *h, &f.head)?;
    }
    let spans: Vec<(&str, std::ops::RangeInclusive<u16>)> =
        (0u16..).zip(cells).map(|(c, h)| (*h, c..=c)).collect();
    heights.fit(ws, row, &spans)
}

/// Merges a column down each run of rows that share it.
fn merge_runs(
    ws: &mut Worksheet,
    first: u32,
    rows: &[SheetRow],
    col: u16,
    f: &Formats,
) -> Result<(), XlsxError> {
    for (start, end) in sheet::runs(rows, col == 1) {
        let name = if col == 0 {
            &rows[start].section
        } else {
            &rows[start].category
        };
        let (top, bottom) = (first + start as u32, first + end as u32 - 1);
        if top == bottom {
            ws.write_string_with_format(top, col, name, &f.text)?;
        } else {
            ws.merge_range(top, col, bottom, col, name, &f.text)?;
        }
    }
    Ok(())
}

/// The rows' heights, set from the lines their wrapped text takes, and their sum.
#[derive(Default)]
struct Heights {
    total: f64,
}

impl Heights {
    fn set(&mut self, ws: &mut Worksheet, row: u32, points: f64) -> Result<(), XlsxError> {
        self.total += points;
        ws.set_row_height(row, points).map(|_| ())
    }

    /// Sets a row tall enough for the longest of its texts, each over its columns.
    fn fit(
        &mut self,
        ws: &mut Worksheet,
        row: u32,
        texts: &[(&str, std::ops::RangeInclusive<u16>)],
    ) -> Result<(), XlsxError> {
        let lines = texts
            .iter()
            .map(|(t, cols)| {
                let width: f64 = cols.clone().map(|c| WIDTHS[usize::from(c)]).sum();
                lines(t, width)
            })
            .max()
            .unwrap_or(1);
        self.set(ws, row, (lines as f64 * LINE + 6.0).max(20.0))
    }
}

/// How many lines a text wraps to in a cell `width` digits wide: a Chinese character
/// takes about two digits' width, and each line break starts a line.
fn lines(text: &str, width: f64) -> usize {
    let per_line = (width - 1.0).max(2.0);
    text.split('\n')
        .map(|line| {
            let w: f64 = line
                .chars()
                .map(|c| if c.is_ascii() { 1.1 } else { 2.1 })
                .sum();
            (w / per_line).ceil().max(1.0) as usize
        })
        .sum()
}

/// 年度指标值 or 实际完成值: a number with the decimals it was entered with, or words.
fn cell(ws: &mut Worksheet, row: u32, col: u16, c: &Cell, f: &Formats) -> Result<(), XlsxError> {
    match c {
        Cell::Number(v) => number(ws, row, col, Some(*v), &f.number(sheet::measure_places(*v))),
        Cell::Text(t) => ws
            .write_string_with_format(row, col, t, &f.text)
            .map(|_| ()),
    }
}

/// A figure as a number cell, converted from its rounded Decimal at the last moment; a
/// missing one as an empty ruled cell.
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
