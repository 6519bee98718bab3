//! The report as a Word document (.docx) in the manner of official documents: A4, a
//! centred title, 黑体 and 楷体 headings, 仿宋 body at 三号 with a fixed 28-point line,
//! ruled tables and a page number in the footer. docx-rs escapes every text it writes.

use docx_rs::{
    AlignmentType, Docx, Footer, LineSpacing, LineSpacingType, PageMargin, PageNum, Paragraph, Run,
    RunFonts, Table as DocxTable, TableCell, TableRow,
};

use crate::report::{Block, Report, Table};

const TITLE_FONT: &str = "方正小标宋简体";
const HEI: &str = "黑体";
const KAI: &str = "楷体_GB2312";
const FANG: &str = "仿宋_GB2312";
/// 三号 and 二号 in half-points; tables at 小四.
const BODY_SIZE: usize = 32;
const TITLE_SIZE: usize = 44;
const TABLE_SIZE: usize = 24;

/// The document's bytes, or why it could not be written.
pub fn docx(r: &Report) -> Result<Vec<u8>, String> {
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
                .add_run(text(&r.title, TITLE_FONT, TITLE_SIZE)),
        );
    for b in &r.blocks {
        doc = match b {
            Block::Heading { level, text: t } => {
                let font = match level {
                    1 => HEI,
                    2 => KAI,
                    _ => FANG,
                };
                doc.add_paragraph(
                    Paragraph::new()
                        .first_line_chars(200)
                        .line_spacing(exact(560))
                        .add_run(text(t, font, BODY_SIZE)),
                )
            }
            Block::Prose { text: t } => doc.add_paragraph(body(t)),
            Block::Generated(p) => doc.add_paragraph(body(&p.text)),
            Block::Table(t) => doc
                .add_paragraph(
                    Paragraph::new()
                        .align(AlignmentType::Center)
                        .add_run(text(&t.caption, HEI, BODY_SIZE)),
                )
                .add_table(table(t)),
        };
    }
    let mut out = std::io::Cursor::new(Vec::new());
    doc.build()
        .pack(&mut out)
        .map_err(|e| format!("生成 Word 文件失败：{e}"))?;
    Ok(out.into_inner())
}

fn fonts(east_asia: &str) -> RunFonts {
    RunFonts::new()
        .east_asia(east_asia)
        .ascii("Times New Roman")
        .hi_ansi("Times New Roman")
}

fn text(t: &str, font: &str, size: usize) -> Run {
    Run::new().add_text(t).fonts(fonts(font)).size(size)
}

fn exact(twips: i32) -> LineSpacing {
    LineSpacing::new()
        .line_rule(LineSpacingType::Exact)
        .line(twips)
}

fn body(t: &str) -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Both)
        .first_line_chars(200)
        .line_spacing(exact(560))
        .add_run(text(t, FANG, BODY_SIZE))
}

fn table(t: &Table) -> DocxTable {
    let row = |cells: &[String], head: bool| {
        TableRow::new(
            cells
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let align = if i == 0 || head {
                        AlignmentType::Left
                    } else {
                        AlignmentType::Right
                    };
                    TableCell::new().add_paragraph(
                        Paragraph::new()
                            .align(align)
                            .add_run(text(c, FANG, TABLE_SIZE)),
                    )
                })
                .collect(),
        )
    };
    let mut rows = vec![row(&t.header, true)];
    rows.extend(t.rows.iter().map(|r| row(r, false)));
    DocxTable::new(rows).align(docx_rs::TableAlignmentType::Center)
}
