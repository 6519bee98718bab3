//! 汇总 in headless Chromium: files dropped on its zone become rows, the unreadable one
//! marked; a header click sorts; the flag filter keeps the marked rows.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

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

/// The first cell of each row of the table.
fn first_cells() -> Vec<String> {
    let rows = document()
        .query_selector_all("[data-testid=\"summary-table\"] tbody tr td:first-child")
        .unwrap();
    (0..rows.length())
        .filter_map(|i| rows.get(i).and_then(|n| n.text_content()))
        .collect()
}

#[wasm_bindgen_test]
async fn dropped_files_become_rows_that_sort_and_filter() {
    let host = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    leptos::mount::mount_to(
        host.unchecked_into(),
        ziping_app::pages::summary::SummaryPage,
    )
    .forget();
    let mut low = ziping_engine::sample::sample();
    low.department = "另一部门".into();
    low.execution_override = None;
    let files = [
        (
            "a.json",
            ziping_engine::file::encode_assessment(&ziping_engine::sample::sample()),
        ),
        ("b.json", "不是 JSON".to_string()),
        ("c.json", ziping_engine::file::encode_assessment(&low)),
    ];
    let drop = js_sys::Function::new_with_args(
        "zone, files",
        "const d = new DataTransfer();
         for (const [name, text] of files) d.items.add(new File([text], name));
         zone.dispatchEvent(new DragEvent('drop', { dataTransfer: d, bubbles: true, cancelable: true }));",
    );
    let list = js_sys::Array::new();
    for (name, text) in &files {
        list.push(&js_sys::Array::of2(
            &JsValue::from_str(name),
            &JsValue::from_str(text),
        ));
    }
    drop.call2(&JsValue::NULL, &by_test_id("summary-drop"), &list)
        .unwrap();
    settle(500).await;
    assert_eq!(first_cells(), ["a.json", "b.json", "c.json"]);
    assert_eq!(
        by_test_id("summary-count").text_content().unwrap(),
        "共 3 个文件"
    );
    let unreadable = document()
        .query_selector("[data-testid=\"summary-table\"] tr.unreadable")
        .unwrap()
        .expect("the unreadable row is kept, marked");
    assert!(unreadable.text_content().unwrap().contains("无法读取"));

    // 总分, twice: descending, the unreadable file last.
    let at = ziping_engine::summary::Column::ALL
        .iter()
        .position(|c| *c == ziping_engine::summary::Column::Total)
        .unwrap();
    let total = document()
        .query_selector_all("[data-testid=\"summary-table\"] th button")
        .unwrap()
        .get(at as u32)
        .unwrap()
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap();
    total.click();
    total.click();
    settle(50).await;
    assert_eq!(
        first_cells(),
        ["c.json", "a.json", "b.json"],
        "99.93, 99.32, none"
    );

    let select: web_sys::HtmlSelectElement = by_test_id("summary-filter-flag").unchecked_into();
    select.set_value("flagged");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    settle(50).await;
    assert_eq!(first_cells(), ["b.json"]);
}
