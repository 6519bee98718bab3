//! The exported files opened in a real office suite: LibreOffice (headless) prints each to
//! PDF, and poppler reads the pages back. Without `soffice` these tests say so and pass,
//! unless ZIPING_OFFICE_TESTS=require (scripts/test.sh sets it), when they fail.

use std::path::{Path, PathBuf};
use std::process::Command;

use ziping_engine::report::Date;
use ziping_engine::{docx, render, report, sample, sheet, xlsx};

const DAY: Date = Date {
    year: 2026,
    month: 12,
    day: 1,
};

/// A PDF printed by LibreOffice, with its page count and each page's text.
struct Printed {
    pages: Vec<String>,
}

impl Printed {
    fn text(&self) -> String {
        self.pages.join("\n")
    }
}

/// Whether LibreOffice is here; absent, a clear message, or a failure where it is required.
fn office() -> bool {
    let present = Command::new("soffice")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !present {
        assert!(
            std::env::var("ZIPING_OFFICE_TESTS").as_deref() != Ok("require"),
            "ZIPING_OFFICE_TESTS=require but soffice is missing: bash scripts/setup.sh installs it"
        );
        eprintln!(
            "SKIPPED: soffice (LibreOffice) is not installed; bash scripts/setup.sh installs it"
        );
    }
    present
}

/// A directory of its own for one test, with its own LibreOffice profile so that tests
/// running in parallel do not share one.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ziping-office-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    dir
}

/// Writes the file into the test's own directory, has LibreOffice print it to PDF, and
/// reads every page back.
fn print(test: &str, name: &str, bytes: &[u8]) -> Printed {
    let dir = scratch(test);
    let file = dir.join(name);
    std::fs::write(&file, bytes).expect("written");
    convert(&dir, &file, "pdf");
    let pdf = file.with_extension("pdf");
    let info = run("pdfinfo", &[pdf.as_os_str()]);
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("a page count");
    let pages = (1..=pages)
        .map(|p| {
            let p = p.to_string();
            run(
                "pdftotext",
                &[
                    "-layout".as_ref(),
                    "-f".as_ref(),
                    p.as_ref(),
                    "-l".as_ref(),
                    p.as_ref(),
                    pdf.as_os_str(),
                    "-".as_ref(),
                ],
            )
        })
        .collect();
    Printed { pages }
}

fn convert(dir: &Path, file: &Path, to: &str) {
    let profile = format!("-env:UserInstallation=file://{}/profile", dir.display());
    let out = Command::new("soffice")
        .arg(profile)
        .args(["--headless", "--convert-to", to, "--outdir"])
        .arg(dir)
        .arg(file)
        .output()
        .expect("soffice runs");
    assert!(
        out.status.success(),
        "soffice failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn run(program: &str, args: &[&std::ffi::OsStr]) -> String {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program}: {e} (poppler-utils: bash scripts/setup.sh)"));
    assert!(out.status.success(), "{program} failed");
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// Text with the spaces pdftotext puts between columns and glyphs taken out.
fn squeezed(t: &str) -> String {
    t.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Whether the page begins with the indicator header (its lines may wrap in the cells).
fn header_on_top(page: &str) -> bool {
    let top: String = page.lines().take(4).map(squeezed).collect();
    ["一级", "二级", "三级指标", "分值", "得分"]
        .iter()
        .all(|h| top.contains(h))
}

#[test]
fn the_samples_score_sheet_prints_on_one_landscape_page_with_the_seeds_figures() {
    const TEST: &str = "the_samples_score_sheet_prints_on_one_la";
    if !office() {
        return;
    }
    let a = sample::sample();
    let s = sheet::sheet(&a);
    let printed = print(TEST, "sheet.xlsx", &xlsx::xlsx(&s, DAY).expect("written"));
    assert_eq!(printed.pages.len(), 1, "the sample's 自评表 on one page");
    let text = squeezed(&printed.text());
    for want in [
        "2023年度部门整体支出绩效自评表",
        "广州市天河区信访局",
        "年度资金总额810.88739.04733.8810.0099.30%9.32",
        "年度总体目标",
        "预期目标",
        "实际完成情况",
        "一级指标二级指标三级指标年度指标值实际完成值分值得分",
        "履职效能",
        "管理效率",
        "3.502.86",
        "总分100.0099.32等级：优",
        "其中：履职效能40.0040.00",
        "其中：管理效率50.0050.00",
        "第1页，共1页",
    ] {
        assert!(text.contains(want), "missing {want} in\n{text}");
    }
    // 一级 merged down its rows: each name printed once there, and once by its subtotal.
    assert_eq!(text.matches("履职效能").count(), 2, "{text}");
    assert_eq!(text.matches("管理效率").count(), 2, "{text}");
}

#[test]
fn the_500_indicator_form_repeats_its_header_on_every_page() {
    const TEST: &str = "the_500_indicator_form_repeats_its_heade";
    if !office() {
        return;
    }
    let a = sample::enlarged(500);
    let s = sheet::sheet(&a);
    let printed = print(TEST, "sheet.xlsx", &xlsx::xlsx(&s, DAY).expect("written"));
    let n = printed.pages.len();
    assert!(n > 5, "500 rows take many pages, not {n}");
    for (i, page) in printed.pages.iter().enumerate() {
        let page = squeezed(page);
        assert!(
            page.contains("一级指标二级指标三级指标年度指标值实际完成值分值得分"),
            "page {} lacks the header:\n{page}",
            i + 1
        );
        assert!(page.contains(&format!("第{}页，共{n}页", i + 1)), "{page}");
    }
    let last = squeezed(printed.pages.last().expect("a page"));
    let total = format!(
        "总分100.00{}等级：{}",
        report::printed_amount(s.total),
        s.grade
    );
    assert!(last.contains(&total), "{total} in\n{last}");
    assert!(last.contains("其中：产出指标50.00"), "{last}");
}

#[test]
fn the_report_prints_as_a_document_with_its_signature_and_the_sheet_appended() {
    const TEST: &str = "the_report_prints_as_a_document_with_its";
    if !office() {
        return;
    }
    let a = sample::sample();
    let r = report::report(&a);
    let printed = print(
        TEST,
        "report.docx",
        &docx::docx(&r, &sheet::sheet(&a), DAY).expect("written"),
    );
    let n = printed.pages.len();
    assert!((7..=12).contains(&n), "{n} pages");
    let text = squeezed(&printed.text());
    for want in [
        "2023年度广州市天河区信访局部门整体支出绩效自评报告",
        "决算数733.88万元",
        "部门预算执行率99.30%",
        "支出经济分类实际支出数（万元）占比",
        "一、工资福利支出515.5370.25%",
        "三、对个人和家庭的补助0.00—",
        "合计733.88100.00%",
        "部门整体支出绩效评价得分为99.32分，评价等级为“优”",
        "广州市天河区信访局2026年12月1日",
        "附件2023年度部门整体支出绩效自评表",
        "总分100.0099.32等级：优",
        "其中：管理效率50.0050.00",
    ] {
        assert!(text.contains(want), "missing {want}");
    }
    // The appendix starts a page; every page of it has the indicator header.
    let first = printed
        .pages
        .iter()
        .position(|p| p.trim_start().starts_with("附件"))
        .expect("the appendix on a page of its own");
    let with_rows = printed.pages[first..]
        .iter()
        .filter(|p| squeezed(p).contains("三级指标"))
        .count();
    assert!(with_rows >= 1);
    for page in &printed.pages[first + 1..] {
        assert!(header_on_top(page), "header repeated:\n{page}");
    }
    // No heading is left alone at the foot of a page.
    let headings: Vec<String> = r
        .blocks
        .iter()
        .filter_map(|b| match b {
            report::Block::Heading { text, .. } => Some(squeezed(text)),
            _ => None,
        })
        .collect();
    for (i, page) in printed.pages[..first].iter().enumerate() {
        let last = page
            .lines()
            .map(squeezed)
            .rfind(|l| !l.is_empty() && !l.starts_with('—'))
            .unwrap_or_default();
        assert!(
            !headings.contains(&last),
            "page {} ends with the heading {last}",
            i + 1
        );
    }
}

#[test]
fn the_500_indicator_report_summarises_its_lists_and_repeats_the_appendix_header() {
    const TEST: &str = "the_500_indicator_report_summarises_its_";
    if !office() {
        return;
    }
    let a = sample::enlarged(500);
    let r = report::report(&a);
    let printed = print(
        TEST,
        "report.docx",
        &docx::docx(&r, &sheet::sheet(&a), DAY).expect("written"),
    );
    let first = printed
        .pages
        .iter()
        .position(|p| p.trim_start().starts_with("附件"))
        .expect("the appendix");
    // The sample's report proper takes 7 pages; 500 indicators add about one, not 25.
    assert!(first <= 9, "the appendix on page {}", first + 1);
    let report = squeezed(&printed.pages[..first].join(""));
    assert!(!report.contains("0.19分、0.19分"), "a list of 500 weights");
    assert!(report.contains("每个指标评分为0.19分"), "{report}");
    assert!(printed.pages.len() > first + 5, "500 rows take pages");
    for (i, page) in printed.pages.iter().enumerate().skip(first + 1) {
        assert!(
            header_on_top(page),
            "page {} lacks the header:\n{page}",
            i + 1
        );
    }
}

#[test]
fn the_html_report_opens_in_an_office_suite_with_its_title_and_ruled_table() {
    const TEST: &str = "the_html_report_opens_in_an_office_suite";
    if !office() {
        return;
    }
    let r = report::report(&sample::sample());
    let html = render::html(&r);
    let printed = print(TEST, "report.html", html.as_bytes());
    let first = squeezed(&printed.pages[0]);
    assert!(
        first.starts_with("2023年度广州市天河区信访局部门整体支出绩效自评报告"),
        "page 1 begins with the title:\n{first}"
    );
    let text = squeezed(&printed.text());
    assert!(text.contains("合计733.88100.00%"));
    assert!(
        text.contains("部门预算按经济分类执行情况"),
        "the table's caption"
    );
    // The table's cells keep their rules when the suite reads the page as a document.
    let dir = scratch("html-as-odt");
    let file = dir.join("report.html");
    std::fs::write(&file, &html).expect("written");
    convert(&dir, &file, "odt");
    let content = unzip(&dir.join("report.odt"), "content.xml");
    // The cell styles drawn with a solid rule, and how many cells wear one.
    let ruled: Vec<&str> = content
        .split("<style:style style:name=\"")
        .skip(1)
        .filter(|st| st.contains("style:family=\"table-cell\"") && st.contains(" solid "))
        .filter_map(|st| st.split('"').next())
        .collect();
    let cells = ruled
        .iter()
        .map(|name| {
            content
                .matches(&format!("table:style-name=\"{name}\""))
                .count()
        })
        .sum::<usize>();
    assert!(
        cells >= 3 * 12,
        "the economic table's 36 cells are ruled, not {cells}"
    );
}

fn unzip(path: &Path, name: &str) -> String {
    use std::io::Read;
    let file = std::fs::File::open(path).expect("the converted file");
    let mut zip = zip::ZipArchive::new(file).expect("a zip package");
    let mut out = String::new();
    zip.by_name(name)
        .expect("the part")
        .read_to_string(&mut out)
        .expect("UTF-8");
    out
}

#[test]
fn the_project_form_prints_on_one_page_in_the_national_layout() {
    const TEST: &str = "the_project_form_prints_on_one_page_in_t";
    if !office() {
        return;
    }
    let s = sheet::sheet(&sample::project());
    let printed = print(TEST, "project.xlsx", &xlsx::xlsx(&s, DAY).expect("written"));
    assert_eq!(
        printed.pages.len(),
        1,
        "the project sample's 自评表 on one page"
    );
    let text = squeezed(&printed.text());
    for want in [
        "2023年度项目支出绩效自评表",
        "项目名称信访事项办理专项经费金额单位万元",
        "主管部门广州市天河区信访局实施单位广州市天河区信访局",
        "年度资金总额180.00186.50179.6010.0096.30%9.63",
        "其中：财政拨款170.00176.50170.1096.37%",
        "上年结转资金10.0010.009.5095.00%",
        "其他资金",
        "产出指标",
        "满意度指标",
        "总分100.0098.06等级：优",
        "第1页，共1页",
    ] {
        assert!(text.contains(want), "missing {want} in\n{text}");
    }
    assert!(!text.contains("部门整体"), "{text}");
}
