//! The engine's own JSON reader and writer, checked against serde_json as the reference.

use proptest::prelude::*;
use ziping_engine::json::{self, SyntaxError, Value};

#[test]
fn reads_and_writes_every_kind_of_value() {
    let text = r#" {"a": [1, -0.5, 2e-3, true, false, null], "b": {"c": "x\"\\\/\n\t\u00e9\ud83d\ude00"}, "d": [], "e": {}} "#;
    let v = json::parse(text).expect("valid");
    assert_eq!(
        v.compact(),
        "{\"a\":[1,-0.5,2e-3,true,false,null],\"b\":{\"c\":\"x\\\"\\\\/\\n\\té😀\"},\"d\":[],\"e\":{}}"
    );
    assert_eq!(
        v.pretty(),
        "{\n  \"a\": [\n    1,\n    -0.5,\n    2e-3,\n    true,\n    false,\n    null\n  ],\n  \"b\": {\n    \"c\": \"x\\\"\\\\/\\n\\té😀\"\n  },\n  \"d\": [],\n  \"e\": {}\n}"
    );
    assert_eq!(
        v.get("b").and_then(|b| b.get("c")).and_then(Value::as_str),
        Some("x\"\\/\n\té😀")
    );
}

#[test]
fn a_byte_order_mark_is_passed_over() {
    assert_eq!(
        json::parse("\u{feff}{\"a\": 1}").map(|v| v.compact()),
        Ok("{\"a\":1}".to_string())
    );
}

#[test]
fn a_repeated_key_counts_once_the_last() {
    let v = json::parse(r#"{"a": 1, "a": 2}"#).expect("valid");
    assert_eq!(v.get("a").and_then(Value::as_u64), Some(2));
}

#[test]
fn where_a_text_stops_being_json() {
    let cases: &[(&str, usize, usize)] = &[
        ("", 1, 1),
        ("{x", 1, 2),
        ("{\"a\" 1}", 1, 6),
        ("[1,]", 1, 4),
        ("[1 2]", 1, 4),
        ("01", 1, 2),
        ("1.", 1, 3),
        (".5", 1, 1),
        ("-", 1, 2),
        ("1e", 1, 3),
        ("tru", 1, 1),
        ("\"a", 1, 3),
        ("\"\\x\"", 1, 3),
        ("\"\\ud800\"", 1, 8),
        ("\"\\ud800\\u0041\"", 1, 8),
        ("\"a\u{1}\"", 1, 3),
        ("{}\n  x", 2, 3),
        ("[1]\n[2]", 2, 1),
        ("{\"名称\": x}", 1, 8),
        ("\u{feff}{x", 1, 2),
    ];
    for &(text, line, column) in cases {
        assert_eq!(
            json::parse(text),
            Err(SyntaxError { line, column }),
            "{text:?}"
        );
    }
}

#[test]
fn nesting_is_bounded_not_a_stack_overflow() {
    let deep = "[".repeat(100_000);
    assert!(json::parse(&deep).is_err());
    let fine = format!("{}{}", "[".repeat(100), "]".repeat(100));
    assert!(json::parse(&fine).is_ok());
}

/// Any JSON value without numbers that serde_json would round differently.
fn value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<String>().prop_map(serde_json::Value::String),
    ];
    leaf.prop_recursive(4, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            prop::collection::btree_map(any::<String>(), inner, 0..6)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn writes_what_serde_json_writes_and_reads_it_back(v in value()) {
        let pretty = serde_json::to_string_pretty(&v).unwrap();
        let ours = json::parse(&pretty).expect("serde_json's output is JSON");
        prop_assert_eq!(ours.pretty(), pretty);
        prop_assert_eq!(ours.compact(), serde_json::to_string(&v).unwrap());
        prop_assert_eq!(json::parse(&ours.compact()), Ok(ours));
    }

    /// serde_json refuses numbers beyond f64 (1e999); this reader keeps their digits, and
    /// the decimal that reads them then says they are out of range.
    #[test]
    fn accepts_what_serde_json_accepts(text in "[\\[\\]{}\",:0-9a-z.\\\\ -]{0,12}") {
        let reference = match serde_json::from_str::<serde_json::Value>(&text) {
            Ok(_) => true,
            Err(e) => e.to_string().starts_with("number out of range"),
        };
        prop_assert_eq!(json::parse(&text).is_ok(), reference, "{:?}", text);
    }

    #[test]
    fn never_panics_on_any_text(text in any::<String>()) {
        let _ = json::parse(&text);
    }
}
