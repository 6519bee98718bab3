//! The binary exports read back: the .xlsx with calamine, the .docx unzipped. The cells
//! hold the engine's figures exactly; user text arrives escaped and whole.

use std::io::{Cursor, Read};

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use rust_decimal::Decimal;
use ziping_engine::report::{Block, Date};
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

/// One part of an Office package, as text.
fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip package");
    let mut xml = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("{name} in the package"))
        .read_to_string(&mut xml)
        .expect("UTF-8");
    xml
}

#[test]
fn the_xlsx_is_set_up_to_print_as_the_form() {
    let a = sample::sample();
    let s = sheet::sheet(&a);
    let bytes = xlsx::xlsx(&s, DAY).expect("written");
    let ws = part(&bytes, "xl/worksheets/sheet1.xml");
    let book = part(&bytes, "xl/workbook.xml");
    let styles = part(&bytes, "xl/styles.xml");
    let header = 3 + s.budget.len() + 2;
    let (first, last) = (header + 2, header + 1 + s.rows.len());
    let total = last + 1;
    for want in [
        r#"paperSize="9""#.to_string(),
        r#"orientation="landscape""#.into(),
        r#"<pageSetUpPr fitToPage="1"/>"#.into(),
        r#"<printOptions horizontalCentered="1"/>"#.into(),
        // Frozen below the indicator header.
        format!(
            r#"<pane ySplit="{}" topLeftCell="A{}""#,
            header + 1,
            header + 2
        ),
        // 一级 merged down its rows.
        format!(r#"<mergeCell ref="A{first}:A{}"/>"#, first + 5),
        format!(r#"<mergeCell ref="A{total}:E{total}"/>"#),
        // The total sums the funding score and every item's, its value cached.
        format!(r#"<f>SUM(G5,G{first}:G{last})</f><v>99.32</v>"#),
        format!(r#"<f>SUM(F5,F{first}:F{last})</f><v>100</v>"#),
    ] {
        assert!(ws.contains(&want), "sheet1.xml lacks {want}");
    }
    assert!(!ws.contains("fitToHeight"), "one page tall as well as wide");
    let long = part(
        &xlsx::xlsx(&sheet::sheet(&sample::enlarged(500)), DAY).expect("written"),
        "xl/worksheets/sheet1.xml",
    );
    assert!(
        long.contains(r#"fitToHeight="0""#),
        "500 rows: one page wide, many tall"
    );
    // The print area ends below the two subtotals under 总分.
    assert!(book.contains(&format!("自评表!$A$1:$H${}</definedName>", total + 2)));
    assert!(book.contains(&format!(
        "自评表!${}:${}</definedName>",
        header + 1,
        header + 1
    )));
    // Every font 宋体 with the GB2312 character set; no Calibri left.
    assert!(!styles.contains("Calibri"), "{styles}");
    assert_eq!(
        styles.matches("<name val=\"宋体\"/>").count(),
        styles.matches("<charset val=\"134\"/>").count()
    );
    for format in [
        r#"formatCode="0.00""#,
        r#"formatCode="0.00%""#,
        r#"formatCode="0""#,
    ] {
        assert!(styles.contains(format), "{format}");
    }
    let core = part(&bytes, "docProps/core.xml");
    assert!(core.contains("<dc:creator>广州市天河区信访局</dc:creator>"));
    assert!(core.contains("<dc:title>2023年度部门整体支出绩效自评表</dc:title>"));
    assert!(core.contains(">2026-12-01T00:00:00Z</dcterms:created>"));
}

#[test]
fn measured_values_keep_their_entered_decimals_and_amounts_show_two() {
    use ziping_engine::sheet::{amount_places, measure_places};
    for (v, measure, amount) in [
        ("400", 0, 2),
        ("3.5", 2, 2),
        ("93.71", 2, 2),
        ("0.125", 3, 3),
        ("733.880", 3, 3),
    ] {
        let d: Decimal = v.parse().expect("a decimal");
        assert_eq!(
            (measure_places(d), amount_places(d)),
            (measure, amount),
            "{v}"
        );
    }
    assert_eq!(report::printed_amount("179.6".parse().expect("")), "179.60");
    assert_eq!(report::printed_amount("0".parse().expect("")), "0.00");
    assert_eq!(report::printed_amount("1.234".parse().expect("")), "1.234");
}

#[test]
fn the_files_date_is_a_real_calendar_day() {
    for (iso, ok) in [
        ("2026-12-01", true),
        ("2024-02-29", true),
        ("2026-02-29", false),
        ("2000-02-29", true),
        ("1900-02-29", false),
        ("2026-13-01", false),
        ("2026-04-31", false),
        ("2026-00-10", false),
        ("", false),
        ("2026/12/01", false),
        ("明天", false),
    ] {
        assert_eq!(Date::parse(iso).is_some(), ok, "{iso}");
    }
    let d = Date::parse("2026-03-09").expect("a day");
    assert_eq!(
        (d.iso(), d.chinese()),
        ("2026-03-09".into(), "2026年3月9日".into())
    );
}

fn docx_of(a: &ziping_engine::model::Assessment) -> Vec<u8> {
    docx::docx(&report::report(a), &sheet::sheet(a), DAY).expect("written")
}

/// The children of each `<parent>` element, by name, in document order.
fn children(xml: &str, parent: &str) -> Vec<Vec<String>> {
    let (open, close) = (format!("<{parent}>"), format!("</{parent}>"));
    xml.split(&open)
        .skip(1)
        .filter_map(|rest| rest.split(&close).next())
        .map(|inner| {
            let mut depth = 0usize;
            let mut names = Vec::new();
            for tag in inner.split('<').skip(1) {
                let tag = tag.split('>').next().unwrap_or_default();
                if tag.starts_with('/') {
                    depth = depth.saturating_sub(1);
                    continue;
                }
                if depth == 0 {
                    names.push(tag.split([' ', '/']).next().unwrap_or_default().to_string());
                }
                if !tag.ends_with('/') {
                    depth += 1;
                }
            }
            names
        })
        .collect()
}

#[test]
fn the_docx_paragraphs_are_indented_and_headings_kept_with_what_follows() {
    let a = sample::sample();
    let r = report::report(&a);
    let xml = document_xml(docx_of(&a));
    let paragraphs: Vec<&str> = xml.split("</w:p>").collect();
    for b in &r.blocks {
        let (text, heading) = match b {
            Block::Heading { text, .. } => (text.as_str(), true),
            Block::Prose { text } => (text.as_str(), false),
            Block::Generated(p) => (p.text.as_str(), false),
            Block::Table(_) => continue,
        };
        let escaped = text
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('"', "&quot;");
        let p = paragraphs
            .iter()
            .find(|p| p.contains(&format!(">{escaped}</w:t>")))
            .unwrap_or_else(|| panic!("a paragraph for {text}"));
        assert!(p.contains(r#"w:firstLine="640""#), "two characters: {text}");
        assert_eq!(p.contains("<w:keepNext />"), heading, "{text}");
    }
    // 落款: the department, then the date, right-aligned at the end of the report.
    let (report, _) = xml.split_once("附件").expect("the appendix");
    let signature = report.rfind("广州市天河区信访局").expect("the department");
    assert!(report[signature..].contains("2026年12月1日"));
    assert!(report[signature.saturating_sub(400)..].contains(r#"<w:jc w:val="right" />"#));
}

#[test]
fn the_docx_tables_have_ruled_repeated_header_rows_and_complete_totals() {
    let xml = document_xml(docx_of(&sample::sample()));
    let tables: Vec<&str> = xml.split("<w:tbl>").skip(1).collect();
    assert_eq!(tables.len(), 4);
    for t in &tables {
        let first_row = t.split("<w:tr>").nth(1).expect("a row");
        assert!(first_row.contains("<w:tblHeader />"), "header row repeats");
        assert!(
            first_row.contains(r#"w:fill="E7E6E6""#),
            "header row shaded"
        );
        assert!(t.contains(r#"<w:insideH w:val="single" w:sz="4""#), "ruled");
        assert_eq!(t.matches("<w:tblHeader />").count(), 1);
    }
    let economic = tables[0];
    for cell in [
        "支出经济分类",
        "三、对个人和家庭的补助",
        "0.00",
        "—",
        "合计",
        "733.88",
        "100.00%",
    ] {
        assert!(economic.contains(&format!(">{cell}</w:t>")), "{cell}");
    }
    assert!(!economic.contains(">0</w:t>"), "zero rows print 0.00");
    // The appendix: 一级 merged down its rows, 总分 spanning five columns.
    let indicators = tables[3];
    assert_eq!(indicators.matches(">履职效能</w:t>").count(), 1);
    assert!(indicators.contains(r#"<w:vMerge w:val="continue" />"#));
    assert!(indicators.contains(r#"<w:gridSpan w:val="5" />"#));
    assert!(indicators.contains(">99.32</w:t>") && indicators.contains(">等级：优</w:t>"));
}

#[test]
fn the_docx_parts_follow_the_schemas_element_order() {
    let xml = document_xml(docx_of(&sample::sample()));
    // CT_PPr: keepNext second only to pStyle, the paragraph's run properties last.
    for p in children(&xml, "w:pPr") {
        if let Some(at) = p.iter().position(|c| c == "w:keepNext") {
            assert!(p[..at].iter().all(|c| c == "w:pStyle"), "{p:?}");
        }
        if let Some(at) = p.iter().position(|c| c == "w:rPr") {
            assert_eq!(at, p.len() - 1, "{p:?}");
        }
        let order = ["w:spacing", "w:ind", "w:jc", "w:outlineLvl"];
        let seen: Vec<usize> = p
            .iter()
            .filter_map(|c| order.iter().position(|o| o == c))
            .collect();
        assert!(seen.windows(2).all(|w| w[0] < w[1]), "{p:?}");
    }
    // CT_TcPr: tcW, gridSpan, vMerge, shd, vAlign.
    let order = ["w:tcW", "w:gridSpan", "w:vMerge", "w:shd", "w:vAlign"];
    for c in children(&xml, "w:tcPr") {
        let seen: Vec<usize> = c
            .iter()
            .map(|n| order.iter().position(|o| o == n).expect("a known child"))
            .collect();
        assert!(seen.windows(2).all(|w| w[0] < w[1]), "{c:?}");
    }
    // CT_Style: name, qFormat, then the paragraph and run properties; a style's paragraph
    // properties (CT_PPrGeneral) and a numbering level's hold no run properties.
    let bytes = docx_of(&sample::sample());
    let styles = part(&bytes, "word/styles.xml");
    let order = [
        "w:name",
        "w:basedOn",
        "w:next",
        "w:qFormat",
        "w:pPr",
        "w:rPr",
    ];
    let bodies: Vec<String> = styles
        .split("<w:style ")
        .skip(1)
        .filter_map(|st| st.split_once('>'))
        .map(|(_, rest)| {
            format!(
                "<style>{}</style>",
                rest.split("</w:style>").next().unwrap_or("")
            )
        })
        .collect();
    assert!(!bodies.is_empty());
    for style in bodies.iter().flat_map(|b| children(b, "style")) {
        let seen: Vec<usize> = style
            .iter()
            .map(|n| order.iter().position(|o| o == n).expect("a known child"))
            .collect();
        assert!(seen.windows(2).all(|w| w[0] < w[1]), "{style:?}");
    }
    for part_name in ["word/styles.xml", "word/numbering.xml"] {
        let general = part(&bytes, part_name);
        assert!(
            children(&general, "w:pPr")
                .iter()
                .all(|p| !p.contains(&"w:rPr".to_string())),
            "{part_name}"
        );
    }
    for p in children(&part(&bytes, "word/footer1.xml"), "w:pPr") {
        assert_eq!(p.last().map(String::as_str), Some("w:rPr"), "{p:?}");
    }
    // CT_SectPr: the header and footer references first.
    let sect = children(&xml, "w:sectPr");
    assert_eq!(sect.len(), 1);
    assert_eq!(
        sect[0].first().map(String::as_str),
        Some("w:footerReference")
    );
}

#[test]
fn the_docx_names_its_fonts_with_fallbacks_and_its_properties() {
    let bytes = docx_of(&sample::sample());
    let fonts = part(&bytes, "word/fontTable.xml");
    for (name, alt) in [
        ("仿宋_GB2312", "仿宋"),
        ("仿宋", "FangSong"),
        ("楷体_GB2312", "楷体"),
        ("楷体", "KaiTi"),
        ("黑体", "SimHei"),
        ("方正小标宋简体", "方正小标宋_GBK"),
        ("宋体", "SimSun"),
    ] {
        assert!(
            fonts.contains(&format!(
                r#"<w:font w:name="{name}"><w:altName w:val="{alt}"/>"#
            )),
            "{name} → {alt}"
        );
    }
    assert_eq!(
        fonts.matches(r#"<w:charset w:val="86"/>"#).count(),
        8,
        "GB2312"
    );
    let xml = document_xml(bytes.clone());
    assert!(xml.contains(r#"w:eastAsia="仿宋_GB2312""#) && xml.contains(r#"w:hint="eastAsia""#));
    let core = part(&bytes, "docProps/core.xml");
    for want in [
        "<dc:title>2023年度广州市天河区信访局部门整体支出绩效自评报告</dc:title>",
        "<dc:creator>广州市天河区信访局</dc:creator>",
        "<cp:lastModifiedBy>广州市天河区信访局</cp:lastModifiedBy>",
        r#"<dcterms:created xsi:type="dcterms:W3CDTF">2026-12-01T00:00:00Z</dcterms:created>"#,
    ] {
        assert!(core.contains(want), "{want} in {core}");
    }
    assert!(!core.contains("1970") && !core.contains("unknown"));
}

#[test]
fn the_cli_dates_the_files_it_writes() {
    let dir = std::env::temp_dir().join(format!("ziping-exports-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a directory");
    let input = dir.join("s.json");
    std::fs::write(
        &input,
        ziping_engine::file::encode_assessment(&sample::sample()),
    )
    .expect("written");
    let run = |args: &[&str], out: &str| {
        let out = dir.join(out);
        let status = std::process::Command::new(env!("CARGO_BIN_EXE_ziping"))
            .args(args)
            .arg(&input)
            .arg("--out")
            .arg(&out)
            .status()
            .expect("ziping runs");
        assert!(status.success(), "{args:?}");
        std::fs::read(out).expect("the file")
    };
    let dated = run(
        &["report", "--format", "docx", "--date", "2025-03-31"],
        "a.docx",
    );
    assert!(part(&dated, "docProps/core.xml").contains(">2025-03-31T00:00:00Z<"));
    assert!(document_xml(dated).contains(">2025年3月31日</w:t>"));
    let today = run(&["form", "--format", "xlsx"], "a.xlsx");
    let core = part(&today, "docProps/core.xml");
    let created = core
        .split("<dcterms:created xsi:type=\"dcterms:W3CDTF\">")
        .nth(1)
        .expect("a creation date");
    let year: i32 = created[..4].parse().expect("a year");
    assert!(year >= 2025, "today, not {created}");
}

#[test]
fn a_long_list_of_weights_is_summarised() {
    let text = ziping_engine::render::text(&report::report(&sample::enlarged(500)));
    assert!(!text.contains("0.19分、0.19分"), "500 weights listed");
    assert!(text.contains("每个指标评分为0.19分"), "{text}");
    assert!(text.contains("逐项得分及偏差原因见自评表"));
    assert!(text.contains("（二）产出指标、效益指标、满意度指标分析"));
    assert!(!text.contains("指标指标"));
}

#[test]
fn each_section_has_a_subtotal_summed_by_the_sheet() {
    let s = sheet::sheet(&sample::sample());
    let bytes = xlsx::xlsx(&s, DAY).expect("written");
    let ws = part(&bytes, "xl/worksheets/sheet1.xml");
    let first = 3 + s.budget.len() + 3;
    let r = workbook(bytes);
    let total = (first + s.rows.len()) as u32;
    for (offset, name, rows, sum) in [(1, "履职效能", 0..6, "40"), (2, "管理效率", 6..16, "50")]
    {
        let at = total + offset;
        assert_eq!(text(&r, at, 0), format!("其中：{name}"));
        assert_eq!(number(&r, at, 6).to_string(), sum);
        let (top, bottom) = (first + 1 + rows.start, first + rows.end);
        assert!(
            ws.contains(&format!("<f>SUM(G{top}:G{bottom})</f><v>{sum}</v>")),
            "{name}"
        );
    }
}

#[test]
fn scores_kept_to_whole_points_print_so_in_the_workbook_and_the_appendix() {
    let mut a = sample::sample();
    a.scheme.rounding.score_places = 0;
    let s = sheet::sheet(&a);
    assert_eq!((s.score_places, s.total.to_string()), (0, "99".to_string()));
    let styles = part(&xlsx::xlsx(&s, DAY).expect("written"), "xl/styles.xml");
    assert!(
        styles.contains(r#"formatCode="0""#) || styles.contains("numFmtId=\"1\""),
        "a whole-point number format: {styles}"
    );
    let xml = document_xml(docx_of(&a));
    let (_, appendix) = xml.split_once("附件").expect("the appendix");
    assert!(appendix.contains(">99<"), "the total in whole points");
    assert!(!appendix.contains(">99.00<") && !appendix.contains(">9.32<"));
    // The default keeps 2: the sample's appendix as before.
    let xml = document_xml(docx_of(&sample::sample()));
    assert!(xml
        .split_once("附件")
        .expect("appendix")
        .1
        .contains(">99.32<"));
}
