//! Every word the app shows, in Simplified Chinese, in one place, so a second language
//! can be added by swapping this module. The engine's findings and formulas carry their
//! own words (ziping_engine::text).

use rust_decimal::Decimal;
use ziping_engine::model::{Assessment, Kind};
use ziping_engine::num::{fmt_plain, ParseError};

pub const APP_TITLE: &str = "自评 · 部门整体支出绩效自评计算器";

// Navigation: the report's structure.
pub const NAV_BASICS: &str = "基本情况";
pub const NAV_FINANCE: &str = "收支情况";
pub const NAV_INDICATORS: &str = "绩效指标";
pub const NAV_MANAGEMENT: &str = "管理效率";
pub const NAV_PROBLEMS: &str = "问题与措施";
pub const NAV_SCHEME: &str = "评分标准";
pub const NAV_REPORT: &str = "自评报告";
pub const NAV_SHEET: &str = "自评表";

// Report and score sheet.
pub const REPORT_HINT: &str =
    "报告由所填数据生成，与自评表同出一源。生成的段落可以修改：修改后标为“已修改”，之后若其中的数字变化会提示。";
pub const REPORT_PREVIEW: &str = "预览报告";
pub const SHEET_PREVIEW: &str = "查看自评表";
pub const PRINT: &str = "打印 / 另存为 PDF";
pub const EXPORT_HTML: &str = "导出网页（HTML）";
pub const EXPORT_DOCX: &str = "导出 Word（.docx）";
pub const EXPORT_CSV: &str = "导出 CSV";
pub const EXPORT_XLSX: &str = "导出 Excel（.xlsx）";
pub const COPY_MARKDOWN: &str = "复制 Markdown";
pub const COPY_TEXT: &str = "复制纯文本";
pub const COPIED: &str = "已复制到剪贴板";
pub const COPY_FAILED: &str = "复制失败：浏览器不允许访问剪贴板，请改用导出";
pub const EXPORTING: &str = "正在生成文件（首次需载入导出模块）…";
pub const EXPORTED: &str = "已生成";
pub const EXPORT_FAILED: &str = "导出失败";
pub const EDIT_PARAGRAPH: &str = "修改";
pub const DONE_EDITING: &str = "完成";
pub const EDITED: &str = "已修改";
pub const REVERT: &str = "恢复生成文本";
pub const STALE: &str = "修改之后数字已变化。按现在的数字生成的文本是：";
pub const TAKE_GENERATED: &str = "采用新生成的文本";
pub const KEEP_EDIT: &str = "保留我的修改";
pub const ORPHANS: &str =
    "以下修改过的段落已不在报告中（评分标准或指标分类已改变），文字仍保存着：";
pub const TOTAL_ROW: &str = "总分";

// What-if.
pub const NAV_WHATIF: &str = "试算";
pub const SCENARIO_PREFIX: &str = "情景：";
pub const SCENARIO_MARK: &str = "　↳ ";
pub const NEW_SCENARIO: &str = "保存为情景";
pub const SCENARIO_NAME: &str = "情景名称";
pub const SCENARIO_DEFAULT: &str = "试算";
pub const QUICK: &str = "快速试算（不保存）";
pub const QUICK_RESET: &str = "复原";
pub const QUICK_COMPLETION: &str = "完成率";
pub const COMPARE: &str = "情景对比";
pub const COMPARE_HINT: &str = "对比本草稿（基准）与它的情景，最多四个；有变化的数字突出显示";
pub const NO_SCENARIOS: &str = "还没有情景：在上面试算后“保存为情景”，或在此页新建。";
pub const BASE: &str = "基准";
pub const SEEK: &str = "单变量求解";
pub const SEEK_FIELD: &str = "调整的数值";
pub const SEEK_FIELD_HINT: &str = "先点一下要调整的数值框（如决算数），或从下面的列表选择";
pub const SEEK_PICK: &str = "从列表选择";
pub const SEEK_PICK_NONE: &str = "（请选择要调整的数值）";
pub const SEEK_GOAL: &str = "目标";
pub const SEEK_SECTION: &str = "一级指标得分";
pub const SEEK_ITEM: &str = "指标得分";
pub const SEEK_OP: &str = "不低于或不高于";
pub const SEEK_VALUE: &str = "目标分数";
pub const SEEK_TYPED: &str = "或直接输入目标";
pub const SEEK_RUN: &str = "求解";
pub const SEEK_APPLY: &str = "填入新情景";
pub const SEEK_APPLY_DRAFT: &str = "填入本稿";
pub const LIFT: &str = "取消人工调整后求解";
pub const QUICK_LIFT: &str = "取消人工调整（试算）";
pub const SENSITIVITY: &str = "敏感性分析";
pub const SENSITIVITY_RUN: &str = "计算";
pub const SENSITIVITY_HINT: &str =
    "实际完成值降到目标的 80% 或 60%（反向指标升到目标 ÷ 0.8 或 ÷ 0.6）时的总分，按影响从大到小";
pub const LOST: &str = "各部分失分";
pub const ITEM: &str = "项目";

// Drafts.
pub const DRAFTS: &str = "草稿";
pub const NEW_BLANK: &str = "新建空白";
pub const NEW_YEAR: &str = "新一年度";
pub const NEW_YEAR_HINT: &str =
    "以当前草稿为上一年度，新建下一年度的草稿：保留职能、任务、指标（目标值）、细则和评分标准，清空实际完成值，上年决算数取本年决算数";
pub const NEW_PROJECT: &str = "新建项目支出自评";
pub const UNTITLED_PROJECT: &str = "未命名项目支出自评";
pub const NAV_PROJECT: &str = "项目情况";
pub const PROJECT_NAME: &str = "项目名称";
pub const SUPERVISOR: &str = "主管部门";
pub const IMPLEMENTER: &str = "实施单位";
pub const FUNDING: &str = "资金投入和使用情况";
/// The project form's funding columns: 调整预算 is 全年预算数 there, 决算 全年执行数.
pub const FUNDING_COLUMNS: [(&str, &str); 3] = [
    ("initial", "年初预算数"),
    ("adjusted", "全年预算数"),
    ("actual", "全年执行数"),
];
pub const GOALS: &str = "年度总体目标";

/// The score panel's line naming the form: 项目支出绩效自评 or 部门整体支出绩效自评.
pub fn assessment_kind(kind: &str) -> String {
    format!("{kind}绩效自评")
}
pub const OF_WHICH: &str = "其中：";
pub const EXPECTED: &str = "预期目标";
pub const ACHIEVED: &str = "实际完成情况";
pub const LOAD_SAMPLE: &str = "打开示例";
pub const DUPLICATE: &str = "复制";
pub const RENAME: &str = "重命名";
pub const DELETE: &str = "删除";
pub const UNDO: &str = "撤销";
pub const UNDO_KEYS: &str = "撤销上一步修改（Ctrl+Z）";
pub const REDO: &str = "重做";
pub const REDO_KEYS: &str = "重做（Ctrl+Y 或 Ctrl+Shift+Z）";
pub const IMPORT: &str = "导入文件";
pub const EXPORT: &str = "导出自评文件";
pub const EXPORT_SCHEME: &str = "导出评分标准";
pub const UNTITLED: &str = "未命名自评";
pub const COPY_SUFFIX: &str = "（副本）";
pub const NO_DRAFT: &str = "还没有草稿：新建一份空白自评，或打开示例。";
/// The total and grade while no draft is open.
pub const NO_SCORE: &str = "—";
/// After the name of an open draft that storage could not keep.
pub const NOT_STORED: &str = "（未保存到浏览器）";
pub const DROP_HINT: &str = "也可以把 .json 文件拖到页面上导入";

// Notices.
pub const STORAGE_DISABLED: &str =
    "浏览器存储不可用（可能被禁用或处于隐私模式）：可以照常填写和评分，但草稿不会自动保存，请及时导出文件。";
pub const STORAGE_FULL: &str =
    "浏览器存储空间已满：最近的修改没有保存到浏览器，但仍在本页中。请先导出文件，再删除不用的草稿。";
pub const CONFLICT: &str =
    "另一个标签页保存了此草稿的新版本，本页已换成该版本。本页原来的内容没有丢失，可另存为副本。";
pub const CONFLICT_THEIRS: &str = "用新版本即可";
pub const CONFLICT_MINE: &str = "把本页原来的内容另存为副本";
/// A save that met another tab's save twice in a row.
pub const SAVE_RACE: &str = "另一个标签页同时在保存此草稿，请稍后再改一处以重新保存";
pub const CORRUPT: &str = "一份草稿无法读取，已原样另存，没有删除";
pub const EXPORT_RAW: &str = "导出原始内容";
pub const DISMISS: &str = "关闭";
pub const DELETED: &str = "已删除草稿";
pub const IMPORT_FAILED: &str = "导入失败";
pub const IMPORTED: &str = "已导入";
pub const SAVE_FAILED: &str = "保存失败";
/// What an error from the browser says when it gives no message.
pub const NO_REASON: &str = "浏览器未说明原因";
pub const SCHEME_APPLIED: &str = "已采用评分标准";

// Score panel.
pub const SCORE: &str = "自评得分";
pub const TOTAL: &str = "总分";
pub const GRADE: &str = "等级";
pub const EXECUTION_RATE: &str = "预算执行率";
pub const FORMULA: &str = "计算过程";
pub const FINDINGS: &str = "校验结果";
pub const NO_FINDINGS: &str = "没有发现问题。";
pub const ERRORS: &str = "错误";
pub const WARNINGS: &str = "提示";
pub const COMPUTED: &str = "按规则计算";
pub const CHECK_ALL_FINDINGS: &str = "检查";
pub const CHECK_ALL_FINDINGS_HINT: &str = "把所有未填的项目也作为错误显示在各栏";
pub const UNFILLED_LIST: &str = "未填的项目";

// Basics.
pub const TITLE: &str = "草稿名称";
pub const DEPARTMENT: &str = "部门（单位）名称";
pub const YEAR: &str = "年度";
pub const UNIT: &str = "金额单位";
pub const DUTIES: &str = "（一）部门职能";
pub const KEY_TASKS: &str = "（二）年度总体工作和重点工作任务";
pub const OBJECTIVES: &str = "（三）部门整体支出绩效目标";
pub const PARAGRAPH_HINT: &str = "每段一行";
pub const WORKLOAD: &str = "工作量";
pub const WORKLOAD_NAME: &str = "名称";
pub const WORKLOAD_UNIT: &str = "单位";
pub const WORKLOAD_VALUE: &str = "本年数";
pub const WORKLOAD_LAST: &str = "上年数";
pub const WORKLOAD_DONE: &str = "已完成数";
pub const WORKLOAD_RATE_NAME: &str = "比率名称";
pub const GROWTH: &str = "同比";
pub const RATE: &str = "比率";
pub const SHARE: &str = "占比";
pub const SUM: &str = "合计";
pub const BREAKDOWN_COMPLETE: &str = "构成完整（各项之和应等于总数）";
pub const ADD_TALLY: &str = "添加工作量";
pub const ADD_BREAKDOWN: &str = "添加构成";
pub const ADD_PART: &str = "添加一项";
pub const PART_NAME: &str = "项目";
pub const BREAKDOWN_TITLE: &str = "构成名称";

// Finance.
pub const INCOME: &str = "1. 部门整体收入情况";
pub const SPENDING: &str = "2. 部门整体支出情况";
pub const ECONOMIC: &str = "部门预算按经济分类执行情况";
pub const APPROPRIATION: &str = "财政拨款收入";
pub const OTHER_FUNDS: &str = "其他资金收入";
pub const INCOME_TOTAL: &str = "收入合计";
pub const SPENDING_TOTAL: &str = "部门整体支出";
pub const INITIAL: &str = "年初预算数";
pub const ADJUSTED: &str = "调整预算数（全年预算数）";
pub const ACTUAL: &str = "决算数（全年执行数）";
pub const LAST_ACTUAL: &str = "上年决算数";
pub const CHANGE: &str = "比上年增减";
pub const BASIC: &str = "基本支出";
pub const PROJECT: &str = "项目支出";
pub const EXECUTION_NOTE: &str = "执行率偏低的原因说明";
pub const ACTUAL_SPENT: &str = "实际支出数";
pub const PASTE_HINT: &str = "可从 Excel 复制一列金额（或“科目 + 金额”两列）粘贴到任一格";

// Indicators.
pub const KIND: &str = "类别";
pub const NAME: &str = "名称";
pub const POINTS: &str = "分值";
pub const RULE: &str = "评分规则";
pub const RULE_AT_LEAST: &str = "正向（≥ 目标）";
pub const RULE_AT_MOST_RATIO: &str = "反向（≤ 目标，按比例）";
pub const RULE_AT_MOST_LINEAR: &str = "反向（≤ 目标，按超出幅度）";
pub const RULE_EXACTLY: &str = "等于目标";
pub const RULE_QUALITATIVE: &str = "定性";
pub const RULE_BANDS: &str = "分档";
pub const RULE_DEDUCTION: &str = "扣分";
pub const RULE_CHECKLIST: &str = "逐项检查";
pub const RULE_MANUAL: &str = "人工评分";
pub const BAND_BASIS: &str = "分档依据";
pub const BASIS_COMPLETION: &str = "完成率（%）";
pub const BASIS_ACTUAL: &str = "实际完成值";
pub const BAND_MIN: &str = "达到";
pub const BAND_POINTS: &str = "得分";
pub const ADD_BAND: &str = "增加一档";
pub const REMOVE_BAND: &str = "删除";
pub const DEDUCTION_BASIS: &str = "扣分依据";
pub const BASIS_COMPLETION_SHORTFALL: &str = "完成率低于 100% 的百分点";
pub const BASIS_SHORTFALL: &str = "低于目标的差额";
pub const BASIS_EXCESS: &str = "超出目标的差额";
pub const BASIS_FAILED_CHECKS: &str = "未满足的检查项";
pub const DEDUCTION_STEP: &str = "每差";
pub const DEDUCTION_PER: &str = "扣分";
pub const TARGET: &str = "年度指标值";
pub const ACTUAL_VALUE: &str = "实际完成值";
pub const GRADE_Q: &str = "定性评价";
pub const ENTERED: &str = "评分";
pub const SCORE_COL: &str = "得分";
pub const DEVIATION: &str = "偏差原因分析及改进措施";
pub const ACTIONS: &str = "操作";
pub const ADD_INDICATOR: &str = "添加指标";
pub const MOVE_UP: &str = "上移";
pub const MOVE_DOWN: &str = "下移";
/// The row buttons' faces, in characters every Chinese Windows font has (⧉ was a blank box).
pub const ROW_UP: &str = "↑";
pub const ROW_DOWN: &str = "↓";
pub const ROW_DUPLICATE: &str = "复";
pub const ROW_DELETE: &str = "×";
pub const OVERRIDE: &str = "人工调整得分";
pub const ADJUST: &str = "调整";
pub const OVERRIDE_REASON: &str = "调整理由";
pub const REASON: &str = "评分理由";
pub const INDICATOR_PASTE_HINT: &str =
    "可从 Excel 粘贴多行：类别、名称、单位、分值、年度指标值、实际完成值（后几列可省略）";
pub const NOT_SET: &str = "未选";

// Management.
pub const CHECKS: &str = "检查项";
pub const RESET_CRITERIA: &str = "按评分标准重置管理效率细则";
pub const REMOVE_UNSCORED: &str = "移除这些不计分的内容（可撤销）";

/// What a scheme leaves unscored of the open assessment.
pub fn unscored(scheme: &str, criteria: usize, indicators: usize) -> String {
    let mut parts = Vec::new();
    if criteria > 0 {
        parts.push(format!("{criteria} 条管理效率细则（该标准没有这一方面）"));
    }
    if indicators > 0 {
        parts.push(format!(
            "{indicators} 个绩效指标（该标准没有对应的指标类别）"
        ));
    }
    format!(
        "评分标准「{scheme}」不计分的有：{}；它们各有一条问题。",
        parts.join("和")
    )
}
pub const EXAMPLE: &str = "示例数据";
pub const DEFAULT_SPLIT: &str = " （默认拆分，可在评分标准中修改）";
pub const CRITERION_NAME: &str = "细则";
pub const ADD_CRITERION: &str = "添加细则";
pub const REMOVE_CRITERION: &str = "删除细则";
pub const ADD_CHECK: &str = "添加检查项";
pub const CHECK_ALL: &str = "全部满足";
pub const CHECK_ALL_HINT: &str =
    "空格键勾选或取消；检查项的文字清空后再按退格键（或 Delete）即删除该项";
pub const SAVE_CRITERIA: &str = "把这些细则存为评分标准的默认细则";

// Problems.
pub const PROBLEMS: &str = "三、存在的主要问题";
pub const MEASURES: &str = "四、下一步改进措施";

// Scheme editor.
pub const SCHEME_CHOICE: &str = "本自评采用的评分标准";
pub const SCHEME_NAME: &str = "名称";
pub const ROUNDING: &str = "舍入方式";
pub const HALF_UP: &str = "四舍五入";
pub const TRUNCATE: &str = "截尾";
pub const HALF_EVEN: &str = "银行家舍入";
pub const RATE_FIRST: &str = "先把比率舍入到显示的两位小数再计分";
pub const GRADES: &str = "等级下限";
pub const OVER_ACHIEVEMENT: &str = "超额完成提示阈值（实际 ÷ 目标）";
pub const LOW_EXECUTION: &str = "执行率低于此值宜说明原因";
pub const SECTION_POINTS: &str = "一级指标分值";
pub const EXECUTION_RULE: &str = "预算执行率计分";
pub const EXEC_PROPORTIONAL: &str = "按比例：执行率 × 分值，封顶";
pub const EXEC_PER_POINT: &str = "扣分：执行率每低若干个百分点扣若干分";
pub const EXEC_BANDS: &str = "分档计分";
pub const EXEC_BASE: &str = "执行率分母";
pub const BASE_ADJUSTED: &str = "全年预算数（调整预算）";
pub const BASE_INITIAL: &str = "年初预算数";
pub const CATEGORY_POINTS: &str = "二级指标分值";
pub const ASPECT_POINTS: &str = "管理效率各方面分值";
pub const IMPORT_SCHEME_HINT: &str = "导入的评分标准文件会出现在上面的列表中";
pub const RATE_PLACES: &str = "先舍入时比率保留的百分比小数位数";
pub const SCORE_PLACES: &str = "各项得分保留的小数位数";
pub const SECTION: &str = "一级指标";
pub const CATEGORY: &str = "二级指标";
pub const SECTION_NAME: &str = "一级指标名称";
pub const CATEGORY_NAME: &str = "二级指标名称";
pub const CATEGORY_KINDS: &str = "包含的三级指标类型：";
pub const ADD_SECTION: &str = "添加一级指标";
pub const ADD_EXECUTION_SECTION: &str = "添加预算执行率";
pub const ADD_CATEGORY: &str = "添加二级指标";
pub const NEW_SECTION: &str = "新一级指标";
pub const NEW_CATEGORY: &str = "新二级指标";
pub const EXECUTION_SECTION: &str = "预算执行率";

/// A choice of decimals kept: 0 reads as whole numbers.
pub fn places(n: u32) -> String {
    match n {
        0 => "0 位（取整）".into(),
        _ => format!("{n} 位"),
    }
}

/// The label of the button that moves a section or category up.
pub fn move_up(what: &str) -> String {
    format!("{MOVE_UP}此{what}")
}

/// The label of the button that moves a section or category down.
pub fn move_down(what: &str) -> String {
    format!("{MOVE_DOWN}此{what}")
}

/// The label of the button that takes a section or category out.
pub fn remove(what: &str) -> String {
    format!("{DELETE}此{what}")
}

/// The label of a band's threshold, for the screen reader and the field's message.
pub fn band_min(k: usize) -> String {
    format!("第 {} 档{BAND_MIN}", k + 1)
}

/// The label of a band's points.
pub fn band_points(k: usize) -> String {
    format!("第 {} 档{BAND_POINTS}", k + 1)
}

/// The label of a band's delete button.
pub fn band_remove(k: usize) -> String {
    format!("{REMOVE_BAND}第 {} 档", k + 1)
}

/// What saving the criteria into the scheme did.
pub fn criteria_saved(scheme: &str) -> String {
    format!("已把管理效率细则存入评分标准“{scheme}”：可用“导出评分标准”带到下一年度")
}

/// The label of a check's wording.
pub fn check_text(k: usize) -> String {
    format!("第 {} 项{CHECKS}", k + 1)
}

/// The label of an aspect's tick-all box.
pub fn check_all(aspect: &str) -> String {
    format!("{aspect}：全部检查项均满足")
}

/// The label of a check's delete button.
pub fn check_remove(k: usize) -> String {
    format!("删除第 {} 项{CHECKS}", k + 1)
}

/// The folded line of a banded rule.
pub fn bands_summary(n: usize) -> String {
    format!("共 {n} 档（点击修改）")
}

/// The folded line of a deduction.
pub fn deduction_summary(step: Decimal, per: Decimal) -> String {
    format!(
        "每差 {} 扣 {} 分（点击修改）",
        fmt_plain(step),
        fmt_plain(per)
    )
}

/// A number field's own message when what was typed is not a number: the engine's
/// reason, or what may be typed when there is none more precise.
pub fn not_a_number(label: &str, typed: &str, why: &ParseError) -> String {
    match why {
        ParseError::NotANumber => format!(
            "{label}：“{typed}”不是有效的数字，未计入（可输入 1,234.56、全角数字或带 % 的数）"
        ),
        why => format!("{label}：“{typed}”{why}，未计入"),
    }
}

/// At the head of the report and the 自评表 while a figure is not a number.
pub const INVALID_FIGURES: &str =
    "以下数字无效，未计入（按空白计算），本页的得分和数字因此不能作为正式结果：";

/// A file larger than the app reads.
pub fn file_too_large(name: &str, mb: usize) -> String {
    format!("{IMPORT_FAILED}：{name}：文件超过 {mb} MB，不是本工具能处理的自评文件")
}

/// An assessment larger than the app serves well.
pub fn too_many_indicators(name: &str, count: usize, limit: usize) -> String {
    format!(
        "{IMPORT_FAILED}：{name}：含 {count} 个绩效指标，超过本工具可流畅处理的 {limit} 个；请拆分后再导入，或用命令行 ziping 处理"
    )
}

pub fn too_many_pasted(limit: usize) -> String {
    format!("粘贴后绩效指标将超过本工具可流畅处理的 {limit} 个，未做任何修改")
}

/// What a paste wrote over.
pub fn paste_replaced(first: usize, last: usize, count: usize) -> String {
    let rows = if first == last {
        format!("第 {first} 行")
    } else {
        format!("第 {first}–{last} 行中")
    };
    format!("粘贴替换了{rows}已填写的 {count} 行内容；如非本意，按 Ctrl+Z 或“撤销”恢复")
}

/// Why an export did not happen.
pub fn export_refused(count: usize) -> String {
    format!("有 {count} 个数字无效（见右侧“问题”列表），改正后才能导出，以免文件中的数字与所填不符")
}

/// A number too large for any budget.
/// An indicator kind as its narrow column shows it: 服务对象满意度指标 → 服务对象满意度, since
/// every kind ends in 指标 and the full name did not fit at 1366×768.
pub fn kind_short(label: &str) -> &str {
    label.strip_suffix("指标").unwrap_or(label)
}

/// Under the total while errors stand: the score is computed, but not yet to be filed.
pub fn provisional(errors: usize) -> String {
    format!("还有 {errors} 个错误未改正，得分仅供参考")
}

pub fn too_large(label: &str, typed: &str) -> String {
    format!("{label}：“{typed}”超出可计算范围，未计入")
}

/// Fields left empty that the user has not reached yet, counted apart from errors.
pub fn unfilled(n: usize) -> String {
    format!("{n} 项未填")
}

/// Under the total while fields are still empty.
pub fn unfilled_provisional(n: usize) -> String {
    format!("{n} 项未填，得分仅供参考")
}

/// The page's title while a document prints, which is also the PDF's suggested name.
pub fn print_title(year: &str, department: &str, document: &str) -> String {
    format!("{year}年度{department}{document}")
}

/// The title of a copy.
pub fn copy_of(title: &str) -> String {
    format!("{title}{COPY_SUFFIX}")
}

/// `title`, or, where a draft has it already, `title（2）`, `title（3）`…
pub fn unique_title(title: &str, taken: &[String]) -> String {
    let free = |t: &String| !taken.contains(t);
    std::iter::once(title.to_string())
        .chain((2..).map(|n| format!("{title}（{n}）")))
        .find(free)
        .unwrap_or_default()
}

/// The title an assessment gets from its unit and year while the user has typed none:
/// 2023年度某某局自评, or the placeholder while the unit is blank.
pub fn own_title(a: &Assessment) -> String {
    let (unit, placeholder) = match a.kind {
        Kind::Departmental => (a.department.trim(), UNTITLED),
        Kind::Project => (a.project_name.trim(), UNTITLED_PROJECT),
    };
    if unit.is_empty() {
        placeholder.to_string()
    } else {
        format!("{}年度{unit}自评", a.year)
    }
}

/// Whether an assessment's title is one the app gave it (`own_title`, or blank), not one
/// the user typed.
pub fn is_own_title(a: &Assessment) -> bool {
    let t = a.title.trim();
    t.is_empty() || t == UNTITLED || t == UNTITLED_PROJECT || t == own_title(a)
}

/// What an import did: an assessment (自评) became a draft.
pub fn imported_assessment(name: &str) -> String {
    format!("{IMPORTED}自评：{name}")
}

/// The report's numbering of the form's parts, before their names.
pub const NO_BASICS: &str = "一、";
pub const NO_INDICATORS: &str = "二、";
pub const NO_MANAGEMENT: &str = "（三）";
pub const NO_FINANCE: &str = "（四）";
/// The economic table's row numbers.
pub const NUMERALS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
/// The table of contents' name, for assistive tools.
pub const CONTENTS: &str = "目录";
/// Examples of what goal seek understands.
pub const SEEK_EXAMPLES: &str =
    "可输入：总分≥95 · 等级=优 · 预算执行率≥10 · 执行率10分 · 管理效率≥45 · item:预算执行率>=10";

/// A goal's number that is not a number.
pub fn seek_bad_value(v: &str) -> String {
    format!("目标分数“{v}”不是数字")
}

/// A section or item in the goal menus, with its points.
pub fn seek_named(name: &str, points: impl std::fmt::Display) -> String {
    format!("{name}（{points} 分）")
}

/// A figure in the list of figures: its name and its field path.
pub fn seek_figure(name: &str, path: &str) -> String {
    format!("{name}（{path}）")
}

/// The name of the scenario a goal seek's answer is filled into.
pub fn seek_scenario(name: &str, value: Decimal) -> String {
    format!("求解 {name} {}", fmt_plain(value))
}

pub fn seek_filled_scenario(name: &str, value: Decimal, scenario: &str) -> String {
    format!(
        "已在新情景「{SCENARIO_PREFIX}{scenario}」中把{name}设为 {}；原稿未改动，可用“{BASE}”回到原稿",
        fmt_plain(value)
    )
}

pub fn seek_filled_draft(name: &str, value: Decimal) -> String {
    format!("已在本稿中把{name}设为 {}", fmt_plain(value))
}

/// An override keeps the answer out of reach: what lifting it does.
pub fn seek_lift_offer(item: &str, score: impl std::fmt::Display) -> String {
    format!("「{item}」用的是人工调整得分 {score}，不随数值变化。可以取消这项人工调整再求解：填入时一并取消，按规则计分。")
}

/// A quick slider whose item's score is overridden.
pub fn quick_overridden(item: &str, score: impl std::fmt::Display) -> String {
    format!("「{item}」已人工调整为 {score} 分，拖动不改变得分")
}

pub fn quick_lifted(item: &str) -> String {
    format!("已在试算中取消「{item}」的人工调整，按规则计分")
}

/// How many indicators of each kind the table has.
pub fn indicator_counts(output: usize, benefit: usize, kinds: &[(&str, usize)]) -> String {
    let kinds: Vec<String> = kinds.iter().map(|(k, n)| format!("{k} {n} 个")).collect();
    format!(
        "产出指标 {output} 个，效益指标 {benefit} 个（{}）",
        kinds.join("，")
    )
}

/// A figure of an indicator row, named with the row's number.
pub fn row_field(row: usize, label: &str) -> String {
    format!("第 {row} 行{label}")
}

/// The names of exported files, after the assessment's title.
pub const FILE_SHEET_CSV: &str = "-自评表.csv";
pub const FILE_SHEET_XLSX: &str = "-自评表.xlsx";
pub const FILE_REPORT_DOCX: &str = "-自评报告.docx";

/// Why a stored draft cannot be read.
pub fn stored_not_json(line: usize, column: usize) -> String {
    format!("不是有效的 JSON（第 {line} 行第 {column} 列附近有误）")
}
pub const STORED_NO_DOCUMENT: &str = "缺少 document";

// 汇总: many submitted files in one table, apart from the drafts.
pub const NAV_SUMMARY: &str = "汇总";
pub const SUMMARY_HINT: &str =
    "审核用：把多个自评文件或整个文件夹拖到下面，或选择文件、文件夹，每个文件一行。不会改动当前草稿和已保存的草稿。";
pub const SUMMARY_DROP: &str = "把自评文件（.json）或文件夹拖到这里";
pub const SUMMARY_PICK_FILES: &str = "选择文件…";
pub const SUMMARY_PICK_FOLDER: &str = "选择文件夹…";
pub const SUMMARY_CLEAR: &str = "清空汇总";
pub const SUMMARY_READING: &str = "正在读取文件…";
pub const SUMMARY_SHOW: &str = "显示";
pub const SUMMARY_ALL: &str = "全部";
pub const SUMMARY_FLAGGED: &str = "有标记的";
pub const SUMMARY_SEARCH: &str = "筛选";
pub const SUMMARY_SEARCH_HINT: &str = "部门、文件名、年度…";
pub const SUMMARY_EMPTY: &str = "还没有文件。";
pub const SUMMARY_TITLE: &str = "自评汇总";
pub const FILE_SUMMARY_CSV: &str = ".csv";
pub const FILE_SUMMARY_XLSX: &str = ".xlsx";
/// A file the browser could not read at all.
pub const SUMMARY_NOT_READ: &str = "浏览器无法读取此文件";

/// How many rows the table shows of how many files.
pub fn summary_count(shown: usize, total: usize) -> String {
    if shown == total {
        format!("共 {total} 个文件")
    } else {
        format!("共 {total} 个文件，显示 {shown} 个")
    }
}
