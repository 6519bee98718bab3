//! The report as a Word document (.docx) in the manner of a 公文 (GB/T 9704): A4, a centred
//! 方正小标宋 title, 黑体 and 楷体 headings kept with what follows, 仿宋 body at 三号 with a
//! two-character first-line indent and a fixed 28-point line, ruled tables whose header rows
//! repeat on every page, the 落款 (department and date), and the 自评表 as an appendix.
//! docx-rs escapes every text it writes; what it cannot express (font fallbacks, repeated
//! header rows, the core properties, the schema's element order) is mended here.

use docx_rs::{
    AlignmentType, BreakType, Docx, Footer, LineSpacing, LineSpacingType, PageMargin, PageNum,
    Paragraph, Run, RunFonts, Shading, SpecialIndentType, Table as DocxTable, TableAlignmentType,
    TableBorder, TableBorderPosition, TableCell, TableRow, VAlignType, VMergeType, WidthType,
};

use crate::render::escape_html;
use crate::report::{printed_amount, Block, Date, Report};
use crate::sheet::{self, Cell, ScoreSheet, SheetRow, BUDGET_HEADER, ROW_HEADER};

/// The four typefaces of a 公文, each with the names it goes by where it is missing: the
/// font table lists the next name as the alternative, and Windows' own name last.
const TITLE: &str = "方正小标宋简体";
const HEI: &str = "黑体";
const KAI: &str = "楷体_GB2312";
const FANG: &str = "仿宋_GB2312";
const FALLBACKS: [(&str, &str, &str); 9] = [
    // (name, alternative, PANOSE where the typeface's is known)
    (TITLE, "方正小标宋_GBK", ""),
    ("方正小标宋_GBK", "宋体", ""),
    ("宋体", "SimSun", "02010600030101010101"),
    (HEI, "SimHei", "02010609060101010101"),
    (KAI, "楷体", "02010609030101010101"),
    ("楷体", "KaiTi", "02010609060101010101"),
    (FANG, "仿宋", "02010609030101010101"),
    ("仿宋", "FangSong", "02010609060101010101"),
    ("Times New Roman", "", "02020603050405020304"),
];
/// 三号, 二号, 小四 and 小五, in half-points.
const BODY_SIZE: usize = 32;
const TITLE_SIZE: usize = 44;
const TABLE_SIZE: usize = 24;
const SHEET_SIZE: usize = 18;
/// Two characters of 三号 (16 pt), in twips: the first-line indent of every paragraph.
const INDENT: i32 = 640;

/// The document's bytes, or why it could not be written. The score sheet is the appendix;
/// `date` is the 成文日期 and the date in the file's properties.
pub fn docx(r: &Report, s: &ScoreSheet, date: Date) -> Result<Vec<u8>, String> {
    let mut doc = Docx::new()
        .page_size(11906, 16838)
        .page_margin(
            PageMargin::new()
                .top(2098)
                .bottom(1984)
                .left(1588)
                .right(1474)
                .header(851)
                .footer(992),
        )
        .default_fonts(fonts(FANG))
        .default_size(BODY_SIZE)
        .footer(
            Footer::new().add_paragraph(
                Paragraph::new()
                    .align(AlignmentType::Center)
                    .add_run(Run::new().add_text("— ").size(28))
                    .add_page_num(PageNum::new())
                    .add_run(Run::new().add_text(" —").size(28)),
            ),
        )
        .add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Center)
                .line_spacing(exact(720))
                .keep_next(true)
                .add_run(text(&r.title, TITLE, TITLE_SIZE)),
        )
        .add_paragraph(Paragraph::new().line_spacing(exact(560)));
    for b in &r.blocks {
        doc = match b {
            Block::Heading { level, text: t } => doc.add_paragraph(heading(*level, t)),
            Block::Prose { text: t } => doc.add_paragraph(body(t)),
            Block::Generated(p) => doc.add_paragraph(body(&p.text)),
            Block::Table(t) => doc.add_paragraph(caption(&t.caption)).add_table(grid(
                &t.printed.header,
                &t.printed.rows,
                &[4644, 2400, 1800],
            )),
        };
    }
    doc = signature(doc, s, date);
    doc = appendix(doc, s);
    let mut xml = doc.build();
    mend(&mut xml, r, s, date);
    let mut out = std::io::Cursor::new(Vec::new());
    xml.pack(&mut out)
        .map_err(|e| format!("生成 Word 文件失败：{e}"))?;
    Ok(out.into_inner())
}

/// What docx-rs cannot write or writes out of order, put right in the built parts: the
/// font table with fallbacks, the core properties, repeated header rows, and the children
/// of paragraph, cell, section and style properties in the schema's order.
fn mend(xml: &mut docx_rs::XMLDocx, r: &Report, s: &ScoreSheet, date: Date) {
    xml.font_table = font_table().into_bytes();
    xml.doc_props.core = core_properties(r, s, date).into_bytes();
    let mut document = repeat_headers(&xml.document);
    for (parent, order) in [("w:pPr", P_PR), ("w:tcPr", TC_PR), ("w:sectPr", SECT_PR)] {
        document = in_schema_order(&document, parent, order);
    }
    xml.document = document.into_bytes();
    for footer in &mut xml.footers {
        *footer = in_schema_order(&String::from_utf8_lossy(footer), "w:pPr", P_PR).into_bytes();
    }
    // Styles and numbering levels take general paragraph properties, which hold no run
    // properties: docx-rs writes an empty one there.
    let general = |part: &[u8]| {
        String::from_utf8_lossy(part)
            .replace("<w:pPr><w:rPr /></w:pPr>", "<w:pPr></w:pPr>")
            .replace("<w:pPr><w:rPr />", "<w:pPr>")
    };
    xml.styles = in_schema_order(&general(&xml.styles), "w:style", STYLE).into_bytes();
    xml.numberings = general(&xml.numberings).into_bytes();
}

fn fonts(east_asia: &str) -> RunFonts {
    RunFonts::new()
        .east_asia(east_asia)
        .ascii("Times New Roman")
        .hi_ansi("Times New Roman")
        .hint("eastAsia")
}

fn text(t: &str, font: &str, size: usize) -> Run {
    Run::new().add_text(t).fonts(fonts(font)).size(size)
}

fn exact(twips: i32) -> LineSpacing {
    LineSpacing::new()
        .line_rule(LineSpacingType::Exact)
        .line(twips)
}

/// A paragraph indented by two characters on its first line.
fn indented() -> Paragraph {
    Paragraph::new()
        .indent(None, Some(SpecialIndentType::FirstLine(INDENT)), None, None)
        .line_spacing(exact(560))
}

/// 一、 in 黑体, （一） in 楷体, 1. in bold 仿宋: each kept on the page of what follows.
fn heading(level: u8, t: &str) -> Paragraph {
    let run = match level {
        1 => text(t, HEI, BODY_SIZE),
        2 => text(t, KAI, BODY_SIZE),
        _ => text(t, FANG, BODY_SIZE).bold(),
    };
    indented()
        .keep_next(true)
        .outline_lvl(usize::from(level.clamp(1, 9)) - 1)
        .add_run(run)
}

fn body(t: &str) -> Paragraph {
    indented()
        .align(AlignmentType::Both)
        .add_run(text(t, FANG, BODY_SIZE))
}

fn caption(t: &str) -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Center)
        .keep_next(true)
        .add_run(text(t, HEI, BODY_SIZE))
}

/// The 落款: the department over the date, right-aligned four characters from the margin.
fn signature(doc: Docx, s: &ScoreSheet, date: Date) -> Docx {
    let right = |t: &str| {
        Paragraph::new()
            .align(AlignmentType::Right)
            .indent(None, None, Some(INDENT * 2), None)
            .line_spacing(exact(560))
            .add_run(text(t, FANG, BODY_SIZE))
    };
    let department = if s.department.is_empty() {
        "（部门名称）"
    } else {
        &s.department
    };
    doc.add_paragraph(Paragraph::new().line_spacing(exact(560)))
        .add_paragraph(right(department).keep_next(true))
        .add_paragraph(right(&date.chinese()))
}

/// 附件: the score sheet on a page of its own, in the layout of the workbook.
fn appendix(doc: Docx, s: &ScoreSheet) -> Docx {
    let budget_widths = [1500, 950, 950, 950, 760, 900, 760, 2074];
    let row_widths = [950, 950, 1800, 950, 950, 760, 760, 1724];
    let opt = |v: Option<rust_decimal::Decimal>,
               shown: &dyn Fn(rust_decimal::Decimal) -> String| {
        v.map_or_else(String::new, shown)
    };
    let kept = |v| fixed(v, s.score_places);
    let budget: Vec<Vec<String>> = s
        .budget
        .iter()
        .map(|b| {
            vec![
                b.name.clone(),
                opt(b.initial, &printed_amount),
                opt(b.adjusted, &printed_amount),
                opt(b.actual, &printed_amount),
                opt(b.points, &kept),
                b.rate
                    .and_then(crate::num::percent)
                    .map_or_else(String::new, |p| format!("{}%", fixed(p, 2))),
                opt(b.score, &kept),
                b.note.clone(),
            ]
        })
        .collect();
    let header_of = |cells: &[&str]| cells.iter().map(|c| (*c).to_string()).collect::<Vec<_>>();
    doc.add_paragraph(
        Paragraph::new()
            .line_spacing(exact(560))
            .add_run(Run::new().add_break(BreakType::Page))
            .add_run(text("附件", HEI, BODY_SIZE)),
    )
    .add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .line_spacing(exact(600))
            .keep_next(true)
            .add_run(text(&s.title, TITLE, 36)),
    )
    .add_paragraph(Paragraph::new().keep_next(true).add_run(text(
        &header_line(s),
        FANG,
        TABLE_SIZE,
    )))
    .add_table(sheet_table(
        &header_of(&BUDGET_HEADER),
        &budget,
        &budget_widths,
        1..7,
    ))
    .add_paragraph(spacer())
    .add_table(goals(s))
    .add_paragraph(spacer())
    .add_table(indicators(s, &row_widths))
}

/// The header rows above the appendix's tables, as one line: 部门名称：…　　　　金额单位：….
fn header_line(s: &ScoreSheet) -> String {
    s.header
        .iter()
        .flatten()
        .map(|c| format!("{}：{}", c.label, c.value))
        .collect::<Vec<_>>()
        .join("　　　　")
}

/// 年度总体目标, its name merged down beside 预期目标 and 实际完成情况.
fn goals(s: &ScoreSheet) -> DocxTable {
    let widths = [1500, 3672, 3672];
    let head = |t: &str, w: usize| cell(t, w, SHEET_SIZE, true, false);
    ruled(
        vec![
            TableRow::new(vec![
                head("年度总体目标", widths[0]).vertical_merge(VMergeType::Restart),
                head("预期目标", widths[1]),
                head("实际完成情况", widths[2]),
            ])
            .cant_split(),
            TableRow::new(vec![
                head("", widths[0]).vertical_merge(VMergeType::Continue),
                cell(&s.goals.expected, widths[1], SHEET_SIZE, false, false),
                cell(&s.goals.achieved, widths[2], SHEET_SIZE, false, false),
            ]),
        ],
        &widths,
    )
}

/// A figure (already rounded) with `places` decimals: a score as its scheme keeps it
/// (6.00, or 6 in whole points), a percentage with 2.
fn fixed(v: rust_decimal::Decimal, places: u32) -> String {
    let mut v = v;
    v.rescale(places);
    v.to_string()
}

fn spacer() -> Paragraph {
    Paragraph::new()
        .line_spacing(exact(160))
        .add_run(text("", FANG, 8))
}

/// A cell of a ruled table: one paragraph, left for words and right for figures.
fn cell(t: &str, width: usize, size: usize, head: bool, figure: bool) -> TableCell {
    let align = if head {
        AlignmentType::Center
    } else if figure {
        AlignmentType::Right
    } else {
        AlignmentType::Left
    };
    let paragraphs = t.split('\n').map(|line| {
        let run = if head {
            text(line, HEI, size)
        } else {
            text(line, FANG, size)
        };
        Paragraph::new().align(align).add_run(run)
    });
    let mut c = TableCell::new()
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Center);
    if head {
        c = c.shading(Shading::new().fill("E7E6E6"));
    }
    for p in paragraphs {
        c = c.add_paragraph(p);
    }
    c
}

/// A header row: shaded, never split, and repeated on every page (see `repeat_headers`).
fn header_row(cells: &[String], widths: &[usize], size: usize) -> TableRow {
    TableRow::new(
        cells
            .iter()
            .zip(widths)
            .map(|(c, w)| cell(c, *w, size, true, false))
            .collect(),
    )
    .cant_split()
}

fn ruled(rows: Vec<TableRow>, widths: &[usize]) -> DocxTable {
    let mut t = DocxTable::new(rows)
        .set_grid(widths.to_vec())
        .width(widths.iter().sum(), WidthType::Dxa)
        .align(TableAlignmentType::Center);
    for position in [
        TableBorderPosition::Top,
        TableBorderPosition::Left,
        TableBorderPosition::Bottom,
        TableBorderPosition::Right,
        TableBorderPosition::InsideH,
        TableBorderPosition::InsideV,
    ] {
        t = t.set_border(TableBorder::new(position).size(4));
    }
    t
}

/// The report's table: a header row, then rows whose first cell names them.
fn grid(header: &[String], rows: &[Vec<String>], widths: &[usize]) -> DocxTable {
    let widths = &widths[..header.len().min(widths.len())];
    let mut out = vec![header_row(header, widths, TABLE_SIZE)];
    out.extend(rows.iter().map(|r| {
        TableRow::new(
            r.iter()
                .zip(widths)
                .enumerate()
                .map(|(i, (c, w))| cell(c, *w, TABLE_SIZE, false, i > 0))
                .collect(),
        )
    }));
    ruled(out, widths)
}

/// A block of the score sheet at 小五, the columns in `figures` right-aligned.
fn sheet_table(
    header: &[String],
    rows: &[Vec<String>],
    widths: &[usize],
    figures: std::ops::Range<usize>,
) -> DocxTable {
    let mut out = vec![header_row(header, widths, SHEET_SIZE)];
    out.extend(rows.iter().map(|r| {
        TableRow::new(
            r.iter()
                .zip(widths)
                .enumerate()
                .map(|(i, (c, w))| cell(c, *w, SHEET_SIZE, false, figures.contains(&i)))
                .collect(),
        )
    }));
    ruled(out, widths)
}

/// The indicator block: 一级 and 二级 merged down their rows, and 总分 with 等级.
fn indicators(s: &ScoreSheet, widths: &[usize; 8]) -> DocxTable {
    let header: Vec<String> = ROW_HEADER.iter().map(|h| (*h).to_string()).collect();
    let mut rows = vec![header_row(&header, widths, SHEET_SIZE)];
    let measured = |c: &Cell| match c {
        Cell::Number(v) => {
            let mut v = *v;
            v.rescale(sheet::measure_places(v));
            (v.to_string(), true)
        }
        Cell::Text(t) => (t.clone(), false),
    };
    let mut previous: Option<&SheetRow> = None;
    for r in &s.rows {
        let same_section = previous.is_some_and(|p| p.section == r.section);
        let same_category = same_section && previous.is_some_and(|p| p.category == r.category);
        let merged = |t: &str, w: usize, continued: bool| {
            if continued {
                cell("", w, SHEET_SIZE, false, false).vertical_merge(VMergeType::Continue)
            } else {
                cell(t, w, SHEET_SIZE, false, false).vertical_merge(VMergeType::Restart)
            }
        };
        let (target, target_figure) = measured(&r.target);
        let (actual, actual_figure) = measured(&r.actual);
        rows.push(TableRow::new(vec![
            merged(&r.section, widths[0], same_section),
            merged(&r.category, widths[1], same_category),
            cell(&r.name, widths[2], SHEET_SIZE, false, false),
            cell(&target, widths[3], SHEET_SIZE, false, target_figure),
            cell(&actual, widths[4], SHEET_SIZE, false, actual_figure),
            cell(
                &fixed(r.points, s.score_places),
                widths[5],
                SHEET_SIZE,
                false,
                true,
            ),
            cell(
                &fixed(r.score, s.score_places),
                widths[6],
                SHEET_SIZE,
                false,
                true,
            ),
            cell(&r.note, widths[7], SHEET_SIZE, false, false),
        ]));
        previous = Some(r);
    }
    let span: usize = widths[..5].iter().sum();
    rows.push(
        TableRow::new(vec![
            cell("总分", span, SHEET_SIZE, true, false).grid_span(5),
            cell(
                &fixed(s.max_total, s.score_places),
                widths[5],
                SHEET_SIZE,
                false,
                true,
            ),
            cell(
                &fixed(s.total, s.score_places),
                widths[6],
                SHEET_SIZE,
                false,
                true,
            ),
            cell(
                &format!("等级：{}", s.grade),
                widths[7],
                SHEET_SIZE,
                false,
                false,
            ),
        ])
        .cant_split(),
    );
    for (start, end) in sheet::runs(&s.rows, false) {
        let part = &s.rows[start..end];
        let sum = |f: fn(&SheetRow) -> rust_decimal::Decimal| {
            crate::num::sum(part.iter().map(f))
                .map_or_else(String::new, |v| fixed(v, s.score_places))
        };
        rows.push(TableRow::new(vec![
            cell(
                &format!("其中：{}", part[0].section),
                span,
                SHEET_SIZE,
                false,
                false,
            )
            .grid_span(5),
            cell(&sum(|r| r.points), widths[5], SHEET_SIZE, false, true),
            cell(&sum(|r| r.score), widths[6], SHEET_SIZE, false, true),
            cell("", widths[7], SHEET_SIZE, false, false),
        ]));
    }
    ruled(rows, widths)
}

/// Marks each table's first row, its header, to repeat on every page: docx-rs has no
/// `w:tblHeader`, so it is added beside the `w:cantSplit` every header row is written with.
fn repeat_headers(document: &[u8]) -> String {
    String::from_utf8_lossy(document)
        .split("<w:tblGrid>")
        .enumerate()
        .map(|(i, part)| {
            if i == 0 {
                part.to_string()
            } else {
                // The first row after each grid is the header row.
                part.replacen(
                    "<w:trPr><w:cantSplit /></w:trPr>",
                    "<w:trPr><w:cantSplit /><w:tblHeader /></w:trPr>",
                    1,
                )
            }
        })
        .collect::<Vec<_>>()
        .join("<w:tblGrid>")
}

/// The children of `w:pPr`, `w:tcPr`, `w:sectPr` and `w:style` in the order ECMA-376 (transitional)
/// requires, as far as this writer uses them: docx-rs writes some out of it (the run
/// properties first in `w:pPr`, `w:keepNext` last, `w:vAlign` before `w:shd`, the footer
/// reference after the page size), which a strict reader may refuse.
const P_PR: &[&str] = &[
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:framePr",
    "w:widowControl",
    "w:numPr",
    "w:suppressLineNumbers",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
];
const TC_PR: &[&str] = &[
    "w:cnfStyle",
    "w:tcW",
    "w:gridSpan",
    "w:hMerge",
    "w:vMerge",
    "w:tcBorders",
    "w:shd",
    "w:noWrap",
    "w:tcMar",
    "w:textDirection",
    "w:tcFitText",
    "w:vAlign",
    "w:hideMark",
];
const STYLE: &[&str] = &[
    "w:name",
    "w:aliases",
    "w:basedOn",
    "w:next",
    "w:link",
    "w:autoRedefine",
    "w:hidden",
    "w:uiPriority",
    "w:semiHidden",
    "w:unhideWhenUsed",
    "w:qFormat",
    "w:locked",
    "w:personal",
    "w:personalCompose",
    "w:personalReply",
    "w:rsid",
    "w:pPr",
    "w:rPr",
    "w:tblPr",
    "w:trPr",
    "w:tcPr",
    "w:tblStylePr",
];
/// Header and footer references are one choice group, so they share the first place.
const SECT_PR: &[&str] = &[
    "w:headerReference|w:footerReference",
    "w:footnotePr",
    "w:endnotePr",
    "w:type",
    "w:pgSz",
    "w:pgMar",
    "w:paperSrc",
    "w:pgBorders",
    "w:lnNumType",
    "w:pgNumType",
    "w:cols",
    "w:formProt",
    "w:vAlign",
    "w:noEndnote",
    "w:titlePg",
    "w:textDirection",
    "w:bidi",
    "w:rtlGutter",
    "w:docGrid",
    "w:printerSettings",
    "w:sectPrChange",
];

/// Puts the children of every `<parent>` element in `order`, keeping the order of equals.
fn in_schema_order(xml: &str, parent: &str, order: &[&str]) -> String {
    let (open, close) = (format!("<{parent}"), format!("</{parent}>"));
    let rank = |child: &str| {
        let name = child[1..]
            .split(|c: char| c.is_whitespace() || c == '/' || c == '>')
            .next()
            .unwrap_or_default();
        order
            .iter()
            .position(|o| o.split('|').any(|o| o == name))
            .unwrap_or(order.len())
    };
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(at) = rest.find(&open) {
        let tag_end = rest[at..].find('>').map_or(rest.len(), |gt| at + gt + 1);
        let tag = &rest[at..tag_end];
        let (before, from) = rest.split_at(tag_end);
        out += before;
        rest = from;
        // Only this element (not <w:pPrChange>, <w:styles>), and only with children.
        let whole = tag[open.len()..].starts_with(['>', ' ']) && !tag.ends_with("/>");
        let Some(end) = rest.find(&close).filter(|_| whole) else {
            continue;
        };
        let mut children = elements(&rest[..end]);
        children.sort_by_key(|c| rank(c));
        out.extend(children);
        rest = &rest[end..];
    }
    out + rest
}

/// The top-level elements of a fragment of well-formed XML, each whole.
fn elements(fragment: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut start, mut at) = (0usize, 0, 0);
    while let Some(lt) = fragment[at..].find('<') {
        let tag_start = at + lt;
        let Some(gt) = fragment[tag_start..].find('>') else {
            break;
        };
        let tag = &fragment[tag_start..=tag_start + gt];
        at = tag_start + gt + 1;
        if depth == 0 {
            start = tag_start;
        }
        if tag.starts_with("</") {
            depth = depth.saturating_sub(1);
        } else if !tag.ends_with("/>") {
            depth += 1;
        }
        if depth == 0 {
            out.push(&fragment[start..at]);
        }
    }
    out
}

/// word/fontTable.xml: each typeface with its alternative name, the GB2312 character set
/// and its PANOSE, so Word and WPS fall back along 仿宋_GB2312 → 仿宋 → FangSong.
fn font_table() -> String {
    let mut out = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
        r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
    ));
    for (name, alt, panose) in FALLBACKS {
        let (charset, family, pitch) = if name.is_ascii() {
            ("00", "roman", "variable")
        } else {
            ("86", "modern", "fixed")
        };
        out += &format!(r#"<w:font w:name="{}">"#, escape_html(name));
        if !alt.is_empty() {
            out += &format!(r#"<w:altName w:val="{}"/>"#, escape_html(alt));
        }
        if !panose.is_empty() {
            out += &format!(r#"<w:panose1 w:val="{panose}"/>"#);
        }
        out += &format!(
            r#"<w:charset w:val="{charset}"/><w:family w:val="{family}"/><w:pitch w:val="{pitch}"/></w:font>"#
        );
    }
    out + "</w:fonts>"
}

/// docProps/core.xml: the title, the department as author, and the day it was written.
fn core_properties(r: &Report, s: &ScoreSheet, date: Date) -> String {
    let author = escape_html(&s.department);
    let when = format!("{}T00:00:00Z", date.iso());
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
            r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
            r#"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            "<dc:title>{title}</dc:title><dc:subject>{subject}绩效自评报告</dc:subject>",
            "<dc:creator>{author}</dc:creator><cp:lastModifiedBy>{author}</cp:lastModifiedBy>",
            "<cp:revision>1</cp:revision><dc:language>zh-CN</dc:language>",
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created>"#,
            r#"<dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified>"#,
            "</cp:coreProperties>"
        ),
        title = escape_html(&r.title),
        subject = s.kind.label(),
        author = author,
        when = when,
    )
}
