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

/// Whether two figures are the same number, written with or without padding: the seed
/// writes 179.6 and 0 where the report writes every amount as 179.60 and 0.00.
fn same_figure(a: &str, b: &str) -> bool {
    let value = |s: &str| {
        let (n, pct) = s.strip_suffix('%').map_or((s, false), |n| (n, true));
        n.parse::<rust_decimal::Decimal>()
            .ok()
            .map(|v| (v.normalize(), pct))
    };
    a == b || value(a).is_some_and(|v| Some(v) == value(b))
}

/// Removes each of `wanted` from `have`; returns what could not be found.
fn missing(wanted: &[String], have: &[String]) -> Vec<String> {
    let mut pool = have.to_vec();
    let mut absent = Vec::new();
    for w in wanted {
        match pool.iter().position(|h| same_figure(h, w)) {
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
        "基本支出554.28万元，占比为75.53%；项目支出179.60万元，占比为24.47%",
        "部门预算执行率99.30%",
        "工资福利支出515.53万元，占比70.25%",
        "一、工资福利支出\t515.53\t70.25%",
        "三、对个人和家庭的补助\t0.00\t",
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
    assert!(p.generated.contains("决算数700.00万元"));
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
        .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()) && l.contains("完成情况"));
    assert!(headings.count() >= 2);
}

/// A heading's number and title at its level: (3, "1. 部门整体收入情况") → (1, "部门整体收入情况").
fn parse_number(level: u8, text: &str) -> Option<(usize, String)> {
    let chinese = |s: &str| (1..100).find(|&n| report::chinese_numeral(n) == s);
    let (number, title) = match level {
        1 => {
            let (n, t) = text.split_once('、')?;
            (chinese(n)?, t)
        }
        2 => {
            let (n, t) = text.strip_prefix('（')?.split_once('）')?;
            (chinese(n)?, t)
        }
        3 => {
            let (n, t) = text.split_once(". ")?;
            (n.parse().ok()?, t)
        }
        _ => {
            let (n, t) = text.strip_prefix('（')?.split_once('）')?;
            (n.parse().ok()?, t)
        }
    };
    Some((number, title.to_string()))
}

/// Walks the headings: each is numbered in its level's style, one more than the last at
/// its level under the same parent, and no level is skipped on the way down.
fn assert_numbering(name: &str, r: &report::Report) {
    let mut last = [0usize; 4];
    let mut depth = 0u8;
    let mut seen = 0;
    for b in &r.blocks {
        let Block::Heading { level, text } = b else {
            continue;
        };
        seen += 1;
        assert!(
            (1..=4).contains(level) && *level <= depth + 1,
            "{name}: 「{text}」 at level {level} under level {depth}"
        );
        let at = usize::from(*level) - 1;
        let (n, title) = parse_number(*level, text)
            .unwrap_or_else(|| panic!("{name}: 「{text}」 is not numbered for level {level}"));
        assert_eq!(n, last[at] + 1, "{name}: 「{text}」 after {}", last[at]);
        assert!(
            !title.is_empty() && !title.starts_with(' '),
            "{name}: 「{text}」"
        );
        assert!(
            (1..=4).all(|l| parse_number(l, &title).is_none()),
            "{name}: 「{text}」 is numbered twice"
        );
        last[at] = n;
        last[at + 1..].fill(0);
        depth = *level;
    }
    assert!(seen >= 10, "{name}: only {seen} headings");
    assert_eq!(last[0], 4, "{name}: 一、 to 四、");
}

#[test]
fn headings_are_numbered_in_order_at_every_level() {
    let two_management = {
        let mut a = sample::sample();
        let management = a.scheme.sections[2].clone();
        a.scheme.sections.push(ziping_engine::scheme::Section {
            id: "management2".into(),
            name: "运行管理".into(),
            ..management
        });
        a
    };
    let cases = [
        ("the sample", sample::sample()),
        (
            "a blank draft",
            Assessment::new(ziping_engine::schemes::guangzhou_departmental()),
        ),
        (
            "the national project scheme",
            Assessment::new(ziping_engine::schemes::national_project()),
        ),
        ("twelve national indicators", sample::enlarged(12)),
        ("two management sections", two_management),
        ("the project sample", sample::project()),
    ];
    for (name, a) in &cases {
        assert_numbering(name, &report::report(a));
    }
    // The seed's headings, as it numbers them.
    // A report's headings, in order.
    let headings_of = |a: &ziping_engine::model::Assessment| -> Vec<String> {
        report::report(a)
            .blocks
            .into_iter()
            .filter_map(|b| match b {
                Block::Heading { text, .. } => Some(text),
                _ => None,
            })
            .collect()
    };
    let headings = headings_of(&cases[0].1);
    assert_eq!(
        headings,
        [
            "一、部门基本情况",
            "（一）部门职能",
            "（二）年度总体工作和重点工作任务",
            "（三）部门整体支出绩效目标",
            "（四）部门整体收支情况",
            "1. 部门整体收入情况",
            "2. 部门整体支出情况",
            "（五）部门整体绩效管理情况",
            "二、绩效自评情况",
            "（一）自评结论",
            "（二）履职效能分析",
            "1. 部门整体绩效目标产出指标完成情况",
            "2. 部门整体绩效目标效益指标完成情况",
            "（三）管理效率分析",
            "三、存在的主要问题",
            "四、下一步改进措施",
        ]
    );
    // The project's, numbered once each.
    let headings = headings_of(&cases[5].1);
    assert_eq!(
        headings,
        [
            "一、项目基本情况",
            "（一）项目概况",
            "（二）项目资金投入和使用情况",
            "（三）年度总体目标",
            "1. 预期目标",
            "2. 实际完成情况",
            "二、绩效自评情况",
            "（一）自评结论",
            "（二）产出指标、效益指标、满意度指标分析",
            "1. 数量指标完成情况",
            "2. 质量指标完成情况",
            "3. 时效指标完成情况",
            "4. 社会效益指标完成情况",
            "5. 可持续影响指标完成情况",
            "6. 服务对象满意度指标完成情况",
            "三、存在的主要问题",
            "四、下一步改进措施",
        ]
    );
    let r = report::report(&cases[4].1);
    assert!(
        r.blocks.iter().any(
            |b| matches!(b, Block::Heading { level: 2, text } if text == "（四）运行管理分析")
        ),
        "a second management section is （四）"
    );
}

#[test]
fn the_walk_notices_a_skipped_or_repeated_number() {
    let mut r = report::report(&sample::sample());
    let at = r
        .blocks
        .iter()
        .position(|b| matches!(b, Block::Heading { text, .. } if text == "2. 部门整体支出情况"))
        .expect("the heading");
    r.blocks[at] = Block::Heading {
        level: 3,
        text: "3. 部门整体支出情况".into(),
    };
    let skipped = std::panic::catch_unwind(|| assert_numbering("skipped", &r));
    assert!(skipped.is_err(), "1. then 3. is found");
    r.blocks[at] = Block::Heading {
        level: 4,
        text: "（1）部门整体支出情况".into(),
    };
    let nested = std::panic::catch_unwind(|| assert_numbering("nested", &r));
    assert!(nested.is_ok(), "（1） under 1. is in order");
    r.blocks[at] = Block::Heading {
        level: 2,
        text: "（一）部门整体支出情况".into(),
    };
    let repeated = std::panic::catch_unwind(|| assert_numbering("repeated", &r));
    assert!(repeated.is_err(), "a second （一） is found");
}

#[test]
fn chinese_numerals_run_past_ten() {
    let cases = [
        (1, "一"),
        (9, "九"),
        (10, "十"),
        (11, "十一"),
        (19, "十九"),
        (20, "二十"),
        (21, "二十一"),
        (99, "九十九"),
        (100, "100"),
    ];
    for (n, want) in cases {
        assert_eq!(report::chinese_numeral(n), want, "{n}");
    }
    let styles = [
        (1, 3, "三、"),
        (2, 11, "（十一）"),
        (3, 2, "2. "),
        (4, 12, "（12）"),
    ];
    for (level, n, want) in styles {
        assert_eq!(report::number(level, n), want, "level {level}");
    }
}

/// Every amount followed by its unit in a text: 810.88万元 → "810.88".
fn amounts_in(text: &str, unit: &str) -> Vec<String> {
    text.split(unit)
        .filter_map(|before| {
            let digits: String = before
                .chars()
                .rev()
                .take_while(|c| c.is_ascii_digit() || *c == '.')
                .collect();
            (!digits.is_empty()).then(|| digits.chars().rev().collect())
        })
        .collect()
}

#[test]
fn every_amount_in_the_report_is_written_one_way() {
    // Amounts typed as a finance clerk types them: whole, one decimal, three decimals.
    let mut a = sample::sample();
    let f = &mut a.finance;
    f.appropriation.initial = Some(dec!(811));
    f.appropriation.adjusted = Some(dec!(739.0));
    f.spending.initial = Some(dec!(811));
    f.basic = Some(dec!(554.280));
    f.economic[1] = Some(dec!(201.560));
    let r = report::report(&a);
    let text = render::text(&r);
    for phrase in [
        "预算收入811.00万元，调整预算数739.00万元",
        "本单位年初预算支出811.00万元",
        "基本支出554.280万元",
        "项目支出179.60万元",
        "商品和服务支出201.560万元",
        "决算数比上年增加50.05万元",
        "二、商品和服务支出\t201.560\t",
        "三、对个人和家庭的补助\t0.00\t",
        "合计\t733.880\t",
    ] {
        assert!(text.contains(phrase), "missing: {phrase}\n{text}");
    }
    // Generated paragraphs and tables alike: never fewer than 2 decimals.
    let generated: String = r
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Generated(p) => Some(p.text.clone()),
            Block::Table(t) => Some(
                t.rows
                    .iter()
                    .chain(&t.printed.rows)
                    .map(|row| format!("{}万元", row[1]))
                    .collect(),
            ),
            _ => None,
        })
        .collect();
    let amounts = amounts_in(&generated, "万元");
    assert!(amounts.len() > 30, "{amounts:?}");
    for v in &amounts {
        let decimals = v.split_once('.').map_or(0, |(_, d)| d.len());
        assert!(decimals >= 2, "{v}万元 in\n{generated}");
    }
}
