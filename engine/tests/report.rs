//! The report and the score sheet: the sample's report against the seed, figure by figure
//! and section by section; hand edits and their warnings; escaping in every format.

use rust_decimal_macros::dec;
use ziping_engine::model::{Assessment, ReportEdit};
use ziping_engine::report::{self, Block, EditState};
use ziping_engine::sheet::{self, Cell};
use ziping_engine::{render, sample};

/// The seed report, copied into the repository from `shared/domain/` so a clean clone tests it.
const SEED: &str = include_str!("data/seed-report-2023-tianhe-xinfang.txt");

#[test]
fn the_copy_of_the_seed_matches_the_shared_one_where_it_is_present() {
    let shared = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/domain/seed-report-2023-tianhe-xinfang.txt"
    );
    if let Ok(original) = std::fs::read_to_string(shared) {
        assert_eq!(SEED, original, "engine/tests/data/ is out of date");
    }
}

/// A heading line of the seed's two outer levels: 一、… or （一）…, short and without a full stop.
fn section_key(line: &str) -> Option<(bool, String)> {
    let line = line.trim();
    if line.chars().count() > 24 || line.contains(['。', '\t']) {
        return None;
    }
    let first = line.chars().next()?;
    if "一二三四".contains(first) && line.chars().nth(1) == Some('、') {
        return Some((true, first.to_string()));
    }
    let inner: String = line
        .strip_prefix('（')?
        .chars()
        .take_while(|c| *c != '）')
        .collect();
    ("一二三四五".contains(inner.as_str()) && inner.chars().count() == 1).then_some((false, inner))
}

/// Every number in a text (31631, 179.6, 99.30%), grouped under its 一、/（一） section.
fn numbers_by_section(text: &str) -> Vec<(String, Vec<String>)> {
    let mut sections: Vec<(String, Vec<String>)> = vec![("title".into(), Vec::new())];
    let mut outer = String::new();
    for line in text.lines() {
        if let Some((is_outer, key)) = section_key(line) {
            if is_outer {
                outer = key.clone();
                sections.push((outer.clone(), Vec::new()));
            } else {
                sections.push((format!("{outer}（{key}）"), Vec::new()));
            }
        }
        let numbers = &mut sections.last_mut().expect("a section").1;
        numbers.extend(numbers_in(line));
    }
    sections
}

fn numbers_in(line: &str) -> Vec<String> {
    let chars: Vec<char> = line.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        if i + 1 < chars.len() && chars[i] == '.' && chars[i + 1].is_ascii_digit() {
            i += 1;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
        }
        if i < chars.len() && chars[i] == '%' {
            i += 1;
        }
        out.push(chars[start..i].iter().collect());
    }
    out
}

/// Removes each of `wanted` from `have`; returns what could not be found.
fn missing(wanted: &[String], have: &[String]) -> Vec<String> {
    let mut pool = have.to_vec();
    let mut absent = Vec::new();
    for w in wanted {
        match pool.iter().position(|h| h == w) {
            Some(at) => {
                pool.swap_remove(at);
            }
            None => absent.push(w.clone()),
        }
    }
    absent
}

#[test]
fn every_figure_of_the_seed_appears_in_the_same_section_of_the_generated_report() {
    let generated = render::text(&report::report(&sample::sample()));
    let seed = numbers_by_section(SEED);
    let ours = numbers_by_section(&generated);
    let keys = |s: &[(String, Vec<String>)]| s.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>();
    assert_eq!(
        keys(&seed),
        [
            "title",
            "一",
            "一（一）",
            "一（二）",
            "一（三）",
            "一（四）",
            "一（五）",
            "二",
            "二（一）",
            "二（二）",
            "二（三）",
            "三",
            "四"
        ]
    );
    assert_eq!(
        keys(&ours),
        keys(&seed),
        "the sections, in the seed's order"
    );
    let total: usize = seed.iter().map(|(_, n)| n.len()).sum();
    assert!(total > 100, "the seed holds {total} figures");
    for ((key, wanted), (_, have)) in seed.iter().zip(&ours) {
        let absent = missing(wanted, have);
        assert!(
            absent.is_empty(),
            "section {key}: the seed's {absent:?} are missing from\n{have:?}"
        );
    }
}

#[test]
fn the_comparison_notices_a_figure_that_differs_from_the_seed() {
    let mut a = sample::sample();
    a.finance.basic = Some(rust_decimal_macros::dec!(554.27));
    let ours = numbers_by_section(&render::text(&report::report(&a)));
    let seed = numbers_by_section(SEED);
    let (key, wanted) = &seed[5];
    assert_eq!(key, "一（四）");
    assert_eq!(missing(wanted, &ours[5].1), ["554.28"]);
}

#[test]
fn the_seed_figures_read_in_the_seeds_sentences() {
    let text = render::text(&report::report(&sample::sample()));
    for phrase in [
        "决算数733.88万元，决算数比上年增加50.05万元，增长率7.32%",
        "基本支出554.28万元，占比为75.53%；项目支出179.6万元，占比为24.47%",
        "部门预算执行率99.30%",
        "工资福利支出515.53万元，占比70.25%",
        "一、工资福利支出\t515.53\t70.25%",
        "三、对个人和家庭的补助\t0\t",
        "合计\t733.88\t",
        "部门整体共设立产出指标3个，其中数量指标1个，质量指标1个，时效指标1个",
        "部门整体支出绩效评价得分为99.32分",
        "指标分值40分，自评得分40分",
        "每个指标评分为6分、6分、8分，其中完成率100%的指标有3个，合计得分为20分",
        "管理效率指标分值为50分，自评得分50分",
        "网信24127件",
        "18.42%、11.67%、8.85%、4.73%、3.29%",
    ] {
        assert!(text.contains(phrase), "missing: {phrase}");
    }
}

#[test]
fn the_report_and_the_sheet_state_the_same_scores() {
    let a = sample::sample();
    let s = sheet::sheet(&a);
    let text = render::text(&report::report(&a));
    assert_eq!(s.total, dec!(99.32));
    assert_eq!(s.grade, "优");
    let exec = &s.budget[0];
    assert_eq!(
        (exec.adjusted, exec.actual, exec.rate, exec.score),
        (
            Some(dec!(739.04)),
            Some(dec!(733.88)),
            Some(dec!(0.9930)),
            Some(dec!(9.32))
        )
    );
    assert!(exec.note.contains("9.93"), "{}", exec.note);
    assert!(text.contains("得分9.32分"));
    assert_eq!(s.rows.len(), a.indicators.len() + a.criteria.len());
    let effectiveness: rust_decimal::Decimal = s
        .rows
        .iter()
        .filter(|r| r.section == "履职效能")
        .map(|r| r.score)
        .sum();
    assert_eq!(effectiveness, dec!(40));
    assert_eq!(s.rows[4].target, Cell::Number(dec!(90)));
    assert_eq!(s.rows[4].actual, Cell::Number(dec!(93.71)));
}

#[test]
fn a_shortfall_is_explained_with_its_formula_and_deviation_note() {
    let mut a = sample::sample();
    a.indicators[0].measure.actual = Some(dec!(300));
    a.indicators[0].deviation_note = "部分事项转入次年办理".into();
    let text = render::text(&report::report(&a));
    assert!(
        text.contains("其中完成率100%的指标有2个，合计得分为18.5分"),
        "{text}"
    );
    assert!(text.contains("偏差原因：部分事项转入次年办理"));
    let row = &sheet::sheet(&a).rows[0];
    assert_eq!(
        (row.score, row.note.as_str()),
        (dec!(4.5), "部分事项转入次年办理")
    );
}

#[test]
fn a_reworded_paragraph_is_printed_and_warned_about_once_its_figures_change() {
    let mut a = sample::sample();
    let generated = paragraph(&a, "income").generated;
    a.report_edits.insert(
        "income".to_string(),
        ReportEdit {
            text: "本年收入情况见附表。".into(),
            generated: generated.clone(),
        },
    );
    let p = paragraph(&a, "income");
    assert_eq!(
        (p.text.as_str(), p.state),
        ("本年收入情况见附表。", EditState::Edited)
    );
    assert_eq!(paragraph(&a, "spending").state, EditState::Generated);

    assert!(ziping_engine::validate::validate(&a).is_empty());
    a.finance.appropriation.actual = Some(dec!(700));
    let p = paragraph(&a, "income");
    assert_eq!(p.state, EditState::Stale);
    let stale: Vec<_> = ziping_engine::validate::validate(&a)
        .into_iter()
        .filter(|f| f.code == "report_stale")
        .collect();
    assert_eq!(stale.len(), 1, "the findings list warns too");
    assert!(
        stale[0].message.contains("本年收入情况见附表。"),
        "{}",
        stale[0].message
    );
    assert_eq!(
        p.text, "本年收入情况见附表。",
        "the edit is kept, never overwritten"
    );
    assert!(p.generated.contains("决算数700万元"));
}

#[test]
fn an_edit_whose_paragraph_is_gone_is_kept_and_reported() {
    let mut a = sample::sample();
    a.report_edits.insert(
        "category.gone.0".into(),
        ReportEdit {
            text: "原有指标类别的说明。".into(),
            generated: String::new(),
        },
    );
    let r = report::report(&a);
    let orphans = report::orphans(&a, &r);
    assert_eq!(orphans.len(), 1);
    assert_eq!(orphans[0].0, "category.gone.0");
    let found = ziping_engine::validate::validate(&a);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].code, "report_orphan");
    assert!(found[0].message.contains("原有指标类别的说明。"));
}

fn paragraph(a: &Assessment, key: &str) -> report::Paragraph {
    report::paragraphs(&report::report(a))
        .find(|p| p.key == key)
        .cloned()
        .unwrap_or_else(|| panic!("no paragraph {key}"))
}

const XSS: &str = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'&";

fn hostile() -> Assessment {
    let mut a = sample::sample();
    a.department = XSS.into();
    a.duties = vec![XSS.into()];
    a.key_tasks = vec![XSS.into()];
    a.objectives = vec![XSS.into()];
    a.problems = vec![XSS.into()];
    a.measures = vec![XSS.into()];
    a.indicators[0].name = XSS.into();
    a.indicators[0].unit = XSS.into();
    a.workload[0].name = XSS.into();
    a.report_edits.insert(
        "income".into(),
        ReportEdit {
            text: XSS.into(),
            generated: String::new(),
        },
    );
    a
}

#[test]
fn user_text_is_escaped_in_the_html_report() {
    let html = render::html(&report::report(&hostile()));
    assert!(!html.contains("<script>alert"), "raw script tag");
    assert!(!html.contains("<img"), "raw img tag");
    assert!(html.contains(
        "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;&#39;&amp;"
    ));
    assert_eq!(html.matches("<script").count(), 0);
}

#[test]
fn user_text_is_escaped_in_markdown_and_kept_whole_in_plain_text() {
    let r = report::report(&hostile());
    let md = render::markdown(&r);
    assert!(!md.contains("<script>"));
    assert!(md.contains(r"\<script\>alert(1)\</script\>"));
    assert!(
        render::text(&r).contains(XSS),
        "plain text is the text itself"
    );
}

#[test]
fn the_csv_quotes_cells_and_defuses_formulas() {
    let mut a = sample::sample();
    a.department = "=HYPERLINK(\"http://x\",\"点击\")".into();
    a.indicators[0].deviation_note = "原因一,原因二\n第二行".into();
    let csv = sheet::csv(&sheet::sheet(&a));
    assert!(csv.starts_with('\u{feff}'));
    assert!(
        csv.contains("部门名称,\"'=HYPERLINK(\"\"http://x\"\",\"\"点击\"\")\",金额单位,万元\r\n")
    );
    assert!(csv.contains("\"原因一,原因二\n第二行\""));
    assert!(csv.contains("年度资金总额,810.88,739.04,733.88,10,99.30%,9.32,"));
    assert!(csv.contains("总分,,,,,100,99.32,等级：优\r\n"));
}

#[test]
fn a_blank_assessment_writes_a_report_with_blanks_to_fill_in() {
    let a = Assessment::new(ziping_engine::schemes::guangzhou_departmental());
    let r = report::report(&a);
    let text = render::text(&r);
    assert!(text.starts_with("____年度本部门部门整体支出绩效自评报告"));
    assert!(text.contains("预算收入____万元"));
    assert!(r.blocks.iter().any(|b| matches!(b, Block::Table(_))));
    assert_eq!(sheet::sheet(&a).budget[0].rate, None);
}

#[test]
fn a_national_scheme_report_lists_every_indicator_category() {
    let a = sample::enlarged(12);
    let text = render::text(&report::report(&a));
    assert!(text.contains("本评分标准未设管理效率指标。"), "{text}");
    let headings = text
        .lines()
        .filter(|l| l.starts_with("（") && l.contains("完成情况"));
    assert!(headings.count() >= 2);
}
