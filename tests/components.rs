//! The app in headless Chromium: the score panel, a number field that keeps
//! what is typed, the notices for a full storage and for another tab's save, the
//! report preview with a reworded paragraph, and the scheme editor reshaping a scheme.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Lets effects and timers run.
async fn settle(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

fn by_test_id(id: &str) -> web_sys::HtmlElement {
    document()
        .query_selector(&format!("[data-testid=\"{id}\"]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no {id}"))
        .dyn_into()
        .unwrap()
}

fn input(id: &str) -> web_sys::HtmlInputElement {
    document()
        .get_element_by_id(id)
        .unwrap_or_else(|| panic!("no #{id}"))
        .dyn_into()
        .unwrap()
}

/// An `input` event as typing sends it: it bubbles, so the app's one listener hears it.
fn input_event() -> web_sys::Event {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    web_sys::Event::new_with_event_init_dict("input", &init).unwrap()
}

fn type_into(id: &str, text: &str) {
    let el = input(id);
    el.set_value(text);
    el.dispatch_event(&input_event()).unwrap();
}

/// Mounts a fresh app over what storage holds.
async fn mount_app() {
    // A host of our own: the test runner reports into the page's body.
    if let Some(old) = document().get_element_by_id("host") {
        old.remove();
    }
    let host = document().create_element("div").unwrap();
    host.set_id("host");
    document().body().unwrap().append_child(&host).unwrap();
    leptos::mount::mount_to(host.unchecked_into(), ziping_app::app::App).forget();
    // The pages below the first screen are drawn after its first paint.
    for _ in 0..100 {
        settle(10).await;
        if document().get_element_by_id("summary").is_some() {
            return;
        }
    }
    panic!("the form was not drawn in full");
}

/// Mounts a fresh app over an empty storage and opens the sample.
async fn app_with_sample() {
    local().clear().unwrap();
    mount_app().await;
    by_test_id("load-sample").click();
    settle(10).await;
}

#[wasm_bindgen_test]
async fn the_score_panel_shows_the_sample_and_follows_an_edit() {
    app_with_sample().await;
    assert_eq!(by_test_id("score-total").text_content().unwrap(), "99.32");
    assert_eq!(by_test_id("score-grade").text_content().unwrap(), "优");
    type_into("finance.spending.actual", "700");
    settle(10).await;
    assert_eq!(
        by_test_id("execution-rate").text_content().unwrap(),
        "94.72%"
    );
}

#[wasm_bindgen_test]
async fn a_number_field_keeps_what_is_typed() {
    app_with_sample().await;
    type_into("finance.economic[2]", "１２．");
    settle(10).await;
    assert_eq!(input("finance.economic[2]").value(), "１２．");
    assert_eq!(
        by_test_id("economic-total").text_content().unwrap(),
        "745.88"
    );
    type_into("finance.economic[2]", "十二");
    settle(10).await;
    assert_eq!(input("finance.economic[2]").value(), "十二");
    let body = document()
        .get_element_by_id("host")
        .unwrap()
        .text_content()
        .unwrap();
    assert!(
        body.contains("“十二”不是有效的数字"),
        "the field explains itself"
    );
    assert_eq!(
        by_test_id("economic-total").text_content().unwrap(),
        "733.88",
        "text that is no number counts as blank, never as the 12 typed before it"
    );
    assert_eq!(
        by_test_id("error-count").text_content().unwrap(),
        "1 错误",
        "and it is an error in the panel"
    );
}

#[wasm_bindgen_test]
async fn a_full_storage_says_so_and_keeps_the_edit() {
    app_with_sample().await;
    let chunk = "x".repeat(256 * 1024);
    let mut n = 0;
    while local().set_item(&format!("filler/{n}"), &chunk).is_ok() {
        n += 1;
    }
    let mut m = 0;
    while local().set_item(&format!("filler/s{m}"), "y").is_ok() {
        m += 1;
    }
    type_into("department", &"很长的部门名称".repeat(300));
    settle(400).await;
    let body = document()
        .get_element_by_id("host")
        .unwrap()
        .text_content()
        .unwrap();
    assert!(body.contains("浏览器存储空间已满"), "the user is told");
    assert!(
        input("department").value().starts_with("很长的部门名称"),
        "the edit stays in the page"
    );
    local().clear().unwrap();
}

/// Another tab's save of the open draft: its stored text with `department` changed, one
/// revision on, and the `storage` event that tab's write sends here.
fn another_tab_saves(department: &str) -> String {
    let id = another_tab_writes(department, None);
    storage_event(&id);
    id
}

/// Another tab's save made from this tab's stored revision (as every tab's ordinary save
/// is): its text names that revision as the one it was made from.
fn another_tab_saves_on_this_tabs_version(department: &str) -> String {
    let id = local().get_item("ziping/v1/current").unwrap().unwrap();
    let id = another_tab_writes(department, Some(ziping_app::storage::stored_rev(&id)));
    storage_event(&id);
    id
}

/// The open draft as another tab writes it: `department` changed, one revision on, and,
/// where given, the revision it was made from.
fn another_tab_writes(department: &str, based_on: Option<u64>) -> String {
    let id = local().get_item("ziping/v1/current").unwrap().unwrap();
    let key = format!("ziping/v1/draft/{id}");
    let stored = local().get_item(&key).unwrap().unwrap();
    let mut draft = ziping_app::storage::decode(&id, &stored).unwrap();
    draft.assessment.department = department.to_string();
    draft.rev = ziping_app::storage::stored_rev(&id) + 1;
    let mut text: serde_json::Value =
        serde_json::from_str(&ziping_app::storage::encode(&draft)).unwrap();
    if let Some(rev) = based_on {
        text["based_on"] = rev.into();
    }
    local().set_item(&key, &text.to_string()).unwrap();
    local()
        .set_item(&format!("ziping/v1/rev/{id}"), &draft.rev.to_string())
        .unwrap();
    id
}

/// The `storage` event another tab's write of draft `id` sends here.
fn storage_event(id: &str) {
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some(&format!("ziping/v1/rev/{id}")));
    let ev = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&ev).unwrap();
}

fn stored_department(id: &str) -> String {
    let text = local()
        .get_item(&format!("ziping/v1/draft/{id}"))
        .unwrap()
        .unwrap();
    ziping_app::storage::decode(id, &text)
        .unwrap()
        .assessment
        .department
}

#[wasm_bindgen_test]
async fn another_tabs_newer_save_is_shown_and_this_tabs_can_be_kept_as_a_copy() {
    app_with_sample().await;
    type_into("department", "本页的部门");
    settle(400).await;
    let id = another_tab_saves("另一页的部门");
    settle(10).await;
    assert_eq!(
        input("department").value(),
        "另一页的部门",
        "the newer version is shown"
    );
    assert!(by_test_id("conflict")
        .text_content()
        .unwrap()
        .contains("另一个标签页"));
    click_button("[data-testid=\"conflict\"]", "把本页原来的内容另存为副本");
    settle(10).await;
    let copy = local().get_item("ziping/v1/current").unwrap().unwrap();
    assert_ne!(copy, id);
    assert_eq!(
        stored_department(&copy),
        "本页的部门",
        "this tab's version kept"
    );
    assert_eq!(stored_department(&id), "另一页的部门", "theirs kept too");
    // Saving goes on: an edit in the copy is stored.
    type_into("department", "副本里再改");
    settle(400).await;
    assert_eq!(stored_department(&copy), "副本里再改");
}

#[wasm_bindgen_test]
async fn a_tab_with_no_edits_of_its_own_shows_another_tabs_save_and_asks_nothing() {
    app_with_sample().await;
    type_into("department", "本页保存过的");
    settle(400).await;
    another_tab_saves_on_this_tabs_version("另一页在此基础上改的");
    settle(10).await;
    assert_eq!(input("department").value(), "另一页在此基础上改的");
    assert!(
        document()
            .query_selector("[data-testid=\"conflict\"]")
            .unwrap()
            .is_none(),
        "nothing of this tab's is lost, so no copy is offered"
    );
}

#[wasm_bindgen_test]
async fn an_edit_not_yet_saved_is_newer_than_another_tabs_save_and_wins() {
    app_with_sample().await;
    type_into("department", "刚刚输入");
    // Before this tab's autosave runs, another tab saves.
    let id = another_tab_saves("早些时候另一页保存的");
    settle(400).await;
    assert_eq!(input("department").value(), "刚刚输入");
    assert_eq!(stored_department(&id), "刚刚输入", "the newest write wins");
    type_into("department", "再改一次");
    settle(400).await;
    assert_eq!(stored_department(&id), "再改一次", "saving never stops");
}

#[wasm_bindgen_test]
async fn the_first_edit_with_no_draft_open_makes_a_draft() {
    local().clear().unwrap();
    mount_app().await;
    type_into("department", "没有先新建草稿");
    settle(400).await;
    let id = local()
        .get_item("ziping/v1/current")
        .unwrap()
        .expect("a draft, and the pointer names it");
    assert_eq!(stored_department(&id), "没有先新建草稿");
    mount_app().await;
    assert_eq!(
        input("department").value(),
        "没有先新建草稿",
        "a reload keeps it"
    );
}

#[wasm_bindgen_test]
async fn a_pointer_to_a_missing_draft_opens_the_next_and_an_unindexed_draft_is_listed() {
    app_with_sample().await;
    type_into("department", "已保存的草稿");
    settle(400).await;
    let id = local().get_item("ziping/v1/current").unwrap().unwrap();
    // A write that failed midway: the index lost the draft, the pointer names another.
    local().set_item("ziping/v1/index", "[]").unwrap();
    local().set_item("ziping/v1/current", "gone").unwrap();
    mount_app().await;
    assert_eq!(input("department").value(), "已保存的草稿");
    assert_eq!(
        ziping_app::storage::list()
            .iter()
            .map(|m| m.id.clone())
            .collect::<Vec<_>>(),
        [id]
    );
}

#[wasm_bindgen_test]
async fn the_report_preview_follows_the_figures_and_keeps_a_rewording_in_the_draft() {
    app_with_sample().await;
    let details: web_sys::HtmlDetailsElement = document()
        .query_selector("#report details")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    details.set_open(true);
    settle(20).await;
    let report = by_test_id("report");
    let text = report.text_content().unwrap();
    assert!(text.contains("部门整体支出绩效评价得分为99.32分"), "{text}");
    assert!(text.contains("部门预算执行率99.30%"));

    let para = document()
        .query_selector("[data-para=\"spending\"]")
        .unwrap()
        .unwrap();
    let edit: web_sys::HtmlElement = para
        .query_selector("button")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    edit.click();
    settle(10).await;
    // The paragraph is drawn again with its text box, which has the focus.
    let para = document()
        .query_selector("[data-para=\"spending\"]")
        .unwrap()
        .unwrap();
    let area = para.query_selector("textarea").unwrap().unwrap();
    assert_eq!(document().active_element().as_ref(), Some(&area));
    js_sys::Reflect::set(&area, &"value".into(), &"支出情况见下表。".into()).unwrap();
    area.dispatch_event(&input_event()).unwrap();
    settle(400).await;
    let class = |el: &web_sys::Element| el.get_attribute("class").unwrap_or_default();
    assert!(class(&para).contains("edited"), "{}", class(&para));
    // Autosave has written the rewording into the stored draft.
    let id = local().get_item("ziping/v1/current").unwrap().unwrap();
    let stored = local()
        .get_item(&format!("ziping/v1/draft/{id}"))
        .unwrap()
        .unwrap();
    assert!(stored.contains("支出情况见下表。"), "saved with the draft");
    // The same figures in the score panel and the report: an edit moves both.
    type_into("finance.spending.actual", "700");
    settle(20).await;
    assert!(class(&para).contains("stale"), "its figures changed");
    assert!(report.text_content().unwrap().contains("部门预算执行率"));
}

/// Clicks the button with this text inside `within`.
fn click_button(within: &str, text: &str) {
    let list = document()
        .query_selector_all(&format!("{within} button"))
        .unwrap();
    for k in 0..list.length() {
        let b: web_sys::HtmlElement = list.item(k).unwrap().dyn_into().unwrap();
        if b.text_content().as_deref() == Some(text) {
            b.click();
            return;
        }
    }
    panic!("no button {text} in {within}");
}

/// A `change` event as choosing in a select sends it.
fn choose(id: &str, value: &str) {
    let el: web_sys::HtmlSelectElement = document()
        .get_element_by_id(id)
        .unwrap_or_else(|| panic!("no #{id}"))
        .dyn_into()
        .unwrap();
    el.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    el.dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &init).unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn a_page_built_again_keeps_what_was_typed_the_focus_and_the_open_folds() {
    app_with_sample().await;
    // Text that is not yet a figure survives a new row, rows shifting when one above is
    // duplicated or deleted, and the table built again.
    type_into("indicators[3].points", "6.");
    let rows = || {
        document()
            .query_selector_all("table.indicators tbody tr")
            .unwrap()
            .length()
    };
    click_button("#indicators", "添加指标");
    settle(10).await;
    assert_eq!(rows(), 7);
    assert_eq!(
        document().active_element().map(|e| e.id()).as_deref(),
        Some("indicators[6].name"),
        "the new row takes the focus"
    );
    let duplicate: web_sys::HtmlElement = document()
        .query_selector("table.indicators tbody tr:nth-child(3) button[title=\"复制\"]")
        .unwrap()
        .expect("a duplicate button")
        .dyn_into()
        .unwrap();
    let names = |k: usize| input(&format!("indicators[{k}].name")).value();
    let (second, fourth) = (names(2), names(3));
    duplicate.click();
    settle(10).await;
    assert_eq!(rows(), 8);
    assert_eq!(
        (names(2), names(3), names(4)),
        (second.clone(), second, fourth.clone())
    );
    assert_eq!(
        input("indicators[4].points").value(),
        "6.",
        "moved down with its row"
    );
    let delete: web_sys::HtmlElement = document()
        .query_selector("table.indicators tbody tr:nth-child(1) button[title=\"删除\"]")
        .unwrap()
        .expect("a delete button")
        .dyn_into()
        .unwrap();
    delete.click();
    settle(10).await;
    assert_eq!(rows(), 7);
    assert_eq!(names(3), fourth);
    assert_eq!(
        input("indicators[3].points").value(),
        "6.",
        "moved up with its row"
    );
    // Built whole (a rule changed), the table keeps it too.
    choose("indicators[0].measure.rule", "manual");
    settle(10).await;
    assert_eq!(input("indicators[3].points").value(), "6.");
    // A row moved up keeps the focus on its button, in its new place.
    let up: web_sys::HtmlElement = document()
        .get_element_by_id("indicators[2].up")
        .unwrap()
        .dyn_into()
        .unwrap();
    let name = input("indicators[2].name").value();
    up.focus().unwrap();
    up.click();
    settle(10).await;
    assert_eq!(input("indicators[1].name").value(), name);
    assert_eq!(
        document().active_element().map(|e| e.id()).as_deref(),
        Some("indicators[1].up")
    );
    // A rule chosen from the keyboard keeps the focus in its select.
    let select: web_sys::HtmlElement = document()
        .get_element_by_id("indicators[1].measure.rule")
        .unwrap()
        .dyn_into()
        .unwrap();
    select.focus().unwrap();
    choose("indicators[1].measure.rule", "bands");
    settle(10).await;
    assert_eq!(
        document().active_element().map(|e| e.id()).as_deref(),
        Some("indicators[1].measure.rule")
    );
    // Its bands, opened, stay open when a band is added.
    let folded = || -> web_sys::HtmlDetailsElement {
        document()
            .get_element_by_id("indicators[1].measure.rule.params")
            .unwrap()
            .dyn_into()
            .unwrap()
    };
    folded().set_open(true);
    settle(10).await;
    click_button("[id=\"indicators[1].measure.rule.params\"]", "增加一档");
    settle(10).await;
    assert!(folded().open(), "the fold stays open");
    assert!(folded().text_content().unwrap().contains("共 5 档"));
}

#[wasm_bindgen_test]
async fn a_disabled_storage_is_said_and_the_app_still_scores() {
    local().clear().unwrap();
    js_sys::eval(
        "window.__kept = Object.getOwnPropertyDescriptor(window, 'localStorage'); \
         Object.defineProperty(window, 'localStorage', { configurable: true, \
         get() { throw new DOMException('denied', 'SecurityError'); } })",
    )
    .unwrap();
    mount_app().await;
    by_test_id("load-sample").click();
    settle(10).await;
    let body = document()
        .get_element_by_id("host")
        .unwrap()
        .text_content()
        .unwrap();
    type_into("finance.spending.actual", "700");
    settle(400).await;
    let rate = by_test_id("execution-rate").text_content().unwrap();
    js_sys::eval("Object.defineProperty(window, 'localStorage', window.__kept)").unwrap();
    assert!(body.contains("浏览器存储不可用"), "{body}");
    assert_eq!(rate, "94.72%");
}

#[wasm_bindgen_test]
async fn a_corrupt_draft_is_reported_at_start_and_kept_aside() {
    local().clear().unwrap();
    local()
        .set_item(
            "ziping/v1/index",
            "[{\"id\":\"x\",\"title\":\"坏的\",\"updated\":1}]",
        )
        .unwrap();
    local().set_item("ziping/v1/current", "x").unwrap();
    local()
        .set_item("ziping/v1/draft/x", "{\"rev\": 1, \"document\": {broken")
        .unwrap();
    mount_app().await;
    let notice = by_test_id("corrupt").text_content().unwrap();
    assert!(notice.contains("一份草稿无法读取"), "{notice}");
    assert!(notice.contains("导出原始内容"), "its text can be exported");
    let kept = (0..local().length().unwrap())
        .filter_map(|k| local().key(k).unwrap())
        .find(|k| k.starts_with("ziping/v1/corrupt/"))
        .expect("kept aside");
    assert_eq!(
        local().get_item(&kept).unwrap().as_deref(),
        Some("{\"rev\": 1, \"document\": {broken")
    );
}

/// An event of `kind` as the browser sends it, bubbling.
fn send(el: &web_sys::HtmlElement, kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    el.dispatch_event(&web_sys::Event::new_with_event_init_dict(kind, &init).unwrap())
        .unwrap();
}

fn query(selector: &str) -> web_sys::HtmlElement {
    document()
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .dyn_into()
        .unwrap()
}

fn by_id<T: JsCast>(id: &str) -> T {
    document()
        .get_element_by_id(id)
        .unwrap_or_else(|| panic!("no #{id}"))
        .dyn_into()
        .unwrap()
}

fn total() -> String {
    by_test_id("score-total").text_content().unwrap()
}

fn scheme_text() -> String {
    query("#scheme").text_content().unwrap()
}

#[wasm_bindgen_test]
async fn sections_are_picked_renamed_moved_removed_and_added_and_the_score_follows() {
    app_with_sample().await;
    assert_eq!(total(), "99.32");

    // 执行率 10 + 绩效指标 90: the published 9.32 and the six indicators' 40 points;
    // the management criteria have no section to count in.
    choose("scheme-choice", "execution10-indicators90");
    settle(10).await;
    assert_eq!(total(), "49.32");
    let name: web_sys::HtmlInputElement = by_id("scheme.sections[1].name");
    assert_eq!(name.value(), "绩效指标");

    // Renamed: the legend follows, the field keeps its place.
    type_into("scheme.sections[1].name", "履职绩效指标");
    settle(10).await;
    assert!(by_test_id("scheme-section-1")
        .text_content()
        .unwrap()
        .starts_with("履职绩效指标"));
    let chosen: web_sys::HtmlSelectElement = by_id("scheme-choice");
    assert_eq!(chosen.value(), "custom-execution10-indicators90");

    // Moved down: the indicators come first, the score is the same.
    by_test_id("section-0-down").click();
    settle(10).await;
    let first: web_sys::HtmlInputElement = by_id("scheme.sections[0].name");
    assert_eq!(first.value(), "履职绩效指标");
    assert_eq!(total(), "49.32");

    // Removed: the execution block no longer counts, and the points no longer add up.
    by_test_id("section-1-remove").click();
    settle(10).await;
    assert_eq!(total(), "40.00");
    assert!(
        scheme_text().contains("评分标准各一级指标分值 90 = 90，应为 100"),
        "{}",
        scheme_text()
    );

    // Added back, first, with 10 points: whole again.
    by_test_id("add-execution-section").click();
    settle(10).await;
    assert_eq!(total(), "49.32");
    assert!(!scheme_text().contains("应为 100"));
    let exec: web_sys::HtmlInputElement = by_id("scheme.sections[0].name");
    assert_eq!(exec.value(), "预算执行率");

    // Whole points: 9.32 is kept as 9.
    choose("scheme.rounding.score_places", "0");
    settle(10).await;
    assert_eq!(total(), "49");
}

#[wasm_bindgen_test]
async fn a_category_is_added_given_a_kind_and_removed() {
    app_with_sample().await;
    choose("scheme-choice", "execution20-indicators80");
    settle(10).await;
    // 20 × 99.30% = 19.86 is overridden by the published 9.32; the indicators keep 40.
    assert_eq!(total(), "49.32");

    by_test_id("section-1-add-category").click();
    settle(10).await;
    type_into("scheme.sections[1].body.categories[2].name", "重点工作");
    // 数量指标 moves to the new category: its indicator still counts, once.
    let quantity: web_sys::HtmlInputElement =
        query("[data-testid=\"section-1-category-2\"] input[type=checkbox]").unchecked_into();
    quantity.set_checked(true);
    send(&quantity, "change");
    settle(10).await;
    assert_eq!(total(), "49.32");
    let old: web_sys::HtmlInputElement =
        query("[data-testid=\"section-1-category-0\"] input[type=checkbox]").unchecked_into();
    assert!(!old.checked(), "a kind is in one category only");

    // The new category removed: the 6-point quantity indicator has nowhere to count.
    by_test_id("section-1-category-2-remove").click();
    settle(10).await;
    assert_eq!(total(), "43.32");
}

/// A `focusout` as leaving a field sends it.
fn leave(id: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let ev = web_sys::Event::new_with_event_init_dict("focusout", &init).unwrap();
    input(id).dispatch_event(&ev).unwrap();
}

#[wasm_bindgen_test]
async fn next_year_opens_with_its_blanks_counted_as_unfilled_until_reached_or_checked() {
    app_with_sample().await;
    by_test_id("new-year").click();
    settle(20).await;
    assert_eq!(input("year").value(), "2024");
    assert_eq!(input("finance.spending.last_actual").value(), "733.88");
    assert_eq!(input("finance.spending.actual").value(), "");
    assert_eq!(by_test_id("error-count").text_content().unwrap(), "0 错误");
    assert_eq!(
        by_test_id("unfilled-count").text_content().unwrap(),
        "16 项未填"
    );
    assert!(!input("finance.spending.actual")
        .class_name()
        .contains("has-error"));
    leave("finance.spending.actual");
    settle(10).await;
    assert!(input("finance.spending.actual")
        .class_name()
        .contains("has-error"));
    assert_eq!(
        by_test_id("unfilled-count").text_content().unwrap(),
        "15 项未填"
    );
    by_test_id("check-findings").click();
    settle(10).await;
    assert_eq!(by_test_id("error-count").text_content().unwrap(), "16 错误");
    assert!(input("indicators[0].measure.actual")
        .class_name()
        .contains("has-error"));
}
