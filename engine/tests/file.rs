//! The file format: versioned, decimals as strings, lossless, with clear messages.

use rust_decimal_macros::dec;
use ziping_engine::file::{self, Document, FileError, SCHEMA_VERSION};
use ziping_engine::{sample, schemes};

#[test]
fn an_assessment_round_trips_losslessly_with_decimals_as_strings() {
    let a = sample::sample();
    let text = file::encode_assessment(&a);
    assert!(
        text.starts_with("{\n  \"schema_version\": 1,\n  \"kind\": \"assessment\""),
        "{}",
        &text[..80]
    );
    assert!(text.contains("\"adjusted\": \"739.04\""));
    assert!(
        text.contains("\"project\": \"179.6\""),
        "typed figures keep their digits"
    );
    assert_eq!(file::decode_assessment(&text), Ok(a));
}

#[test]
fn every_builtin_scheme_round_trips() {
    for s in schemes::builtin() {
        let text = file::encode_scheme(&s);
        assert_eq!(file::decode(&text), Ok(Document::Scheme(Box::new(s))));
    }
}

#[test]
fn bad_files_get_a_clear_message() {
    let newer = format!(
        "{{\"schema_version\": {}, \"kind\": \"assessment\", \"assessment\": {{}}}}",
        SCHEMA_VERSION + 1
    );
    let cases: &[(&str, FileError, &str)] = &[
        (
            "{x",
            FileError::NotJson { line: 1, column: 2 },
            "不是有效的 JSON（第 1 行第 2 列",
        ),
        ("[1, 2]", FileError::NotOurs, "不是自评计算器保存的文件"),
        (
            "{\"kind\": \"assessment\"}",
            FileError::NotOurs,
            "缺少 schema_version",
        ),
        (
            "{\"schema_version\": 0, \"kind\": \"assessment\"}",
            FileError::NotOurs,
            "不是自评计算器",
        ),
        (
            &newer,
            FileError::TooNew(SCHEMA_VERSION + 1),
            "请使用新版程序打开",
        ),
        (
            "{\"schema_version\": 1, \"kind\": \"report\"}",
            FileError::UnknownKind("report".into()),
            "“report”",
        ),
    ];
    for (text, error, words) in cases {
        let got = file::decode(text);
        assert_eq!(got.as_ref().err(), Some(error), "{text}");
        let message = error.to_string();
        assert!(
            message.contains(words) && message.contains("未导入任何内容"),
            "{message}"
        );
    }
}

#[test]
fn a_wrong_field_is_named_by_its_path() {
    let text = file::encode_assessment(&sample::sample()).replace("\"739.04\"", "\"七百\"");
    match file::decode_assessment(&text) {
        Err(FileError::Invalid { path, .. }) => {
            assert_eq!(path, "assessment.finance.appropriation.adjusted")
        }
        other => panic!("{other:?}"),
    }
    let text =
        file::encode_assessment(&sample::sample()).replace("\"department\"", "\"departement\"");
    match file::decode_assessment(&text) {
        Err(FileError::Invalid { detail, .. }) => {
            assert!(detail.contains("departement"), "{detail}")
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_scheme_file_is_not_taken_for_an_assessment() {
    let text = file::encode_scheme(&schemes::guangzhou_departmental());
    let err = file::decode_assessment(&text).expect_err("a scheme");
    assert_eq!(
        err.to_string(),
        "需要自评文件，但这是评分标准文件；未导入任何内容"
    );
}

#[test]
fn a_wrong_figure_is_explained_in_chinese() {
    let text = file::encode_assessment(&sample::sample()).replace("\"739.04\"", "\"七百\"");
    let message = file::decode_assessment(&text)
        .expect_err("not a number")
        .to_string();
    assert!(
        message.starts_with("文件内容有误：字段 assessment.finance.appropriation.adjusted："),
        "{message}"
    );
    assert!(message.contains("七百"), "{message}");
}

/// The sample and a built-in scheme as serde_json's pretty printer wrote them when the
/// format was first fixed: the format must not move by a byte.
#[test]
fn files_are_written_byte_for_byte_as_before() {
    let sample = include_str!("data/sample.json");
    assert_eq!(file::encode_assessment(&sample::sample()), sample);
    assert_eq!(file::decode_assessment(sample), Ok(sample::sample()));
    let national = include_str!("data/scheme-national-project.json");
    assert_eq!(file::encode_scheme(&schemes::national_project()), national);
    assert_eq!(
        file::decode_scheme(national),
        Ok(schemes::national_project())
    );
}

/// Each way a field can be wrong, with the path and the words that explain it.
#[test]
fn every_kind_of_bad_field_names_its_path_and_value() {
    let sample = file::encode_assessment(&sample::sample());
    let cases: &[(&str, &str, &str, &str)] = &[
        // (replace this, with this, path, words in the detail)
        (
            "\"year\": 2023",
            "\"year\": \"2023\"",
            "assessment.year",
            "应为整数，实际为“2023”",
        ),
        (
            "\"year\": 2023",
            "\"year\": 2023.5",
            "assessment.year",
            "应为整数",
        ),
        (
            "\"unit\": \"万元\"",
            "\"unit\": \"千元\"",
            "assessment.unit",
            "以下之一：万元 元",
        ),
        (
            "\"complete\": true",
            "\"complete\": \"是\"",
            "assessment.workload[0].breakdowns[0].complete",
            "应为true 或 false",
        ),
        (
            "\"adjusted\": \"739.04\"",
            "\"adjusted\": [1]",
            "assessment.finance.appropriation.adjusted",
            "实际为1 项的列表",
        ),
        (
            "\"kind\": \"quantity\"",
            "\"kind\": \"amount\"",
            "assessment.indicators[0].kind",
            "quantity quality",
        ),
        (
            "\"kind\": \"quantity\",",
            "",
            "assessment.indicators[0]",
            "缺少必填字段 kind",
        ),
        (
            "\"type\": \"at_least\"",
            "\"type\": \"above\"",
            "assessment.indicators[0].measure.rule.type",
            "无法识别的类型“above”",
        ),
        (
            "\"title\": \"示例",
            "\"titel\": \"示例",
            "assessment.titel",
            "无法识别的字段“titel”",
        ),
        (
            "\"finance\": {",
            "\"finance\": [], \"x\": {",
            "assessment.finance",
            "应为对象",
        ),
        (
            "\"economic\": [",
            "\"economic\": [\"1\",",
            "assessment.finance.economic",
            "应有 10 项",
        ),
    ];
    for (from, to, path, words) in cases {
        assert!(sample.contains(from), "{from}");
        let text = sample.replacen(from, to, 1);
        match file::decode_assessment(&text) {
            Err(FileError::Invalid { path: p, detail }) => {
                assert_eq!(&p, path, "{to}");
                assert!(detail.contains(words), "{to}: {detail}");
            }
            other => panic!("{to}: {other:?}"),
        }
    }
}

/// What the old reader took stays readable: a decimal as a plain JSON number or in
/// scientific notation, a missing optional field, a null option.
#[test]
fn lenient_where_the_format_always_was() {
    let sample = file::encode_assessment(&sample::sample());
    let a = file::decode_assessment(
        &sample
            .replacen("\"adjusted\": \"739.04\"", "\"adjusted\": 739.04", 1)
            .replacen("\"initial\": \"810.88\"", "\"initial\": \"8.1088e2\"", 1)
            .replacen("\"department\": \"广州市天河区信访局\",", "", 1),
    )
    .expect("still readable");
    assert_eq!(a.finance.appropriation.adjusted, Some(dec!(739.04)));
    assert_eq!(a.finance.appropriation.initial, Some(dec!(810.88)));
    assert_eq!(a.department, "");
}

/// Notepad on Windows saves UTF-8 with a byte-order mark; such a file still imports.
#[test]
fn a_file_saved_with_a_byte_order_mark_is_read() {
    let text = format!("\u{feff}{}", file::encode_assessment(&sample::sample()));
    assert_eq!(file::decode_assessment(&text), Ok(sample::sample()));
}

/// Every field of the sample replaced by a value of each kind, removed, or joined by an
/// unknown neighbour: the file is read or refused, never a panic, and a refusal names the
/// field that was changed (or, for one removed, the object it was removed from; for a
/// changed `type`, the object whose fields it decides).
#[test]
fn every_changed_field_is_read_or_named() {
    use serde_json::Value;

    fn paths(v: &Value, at: &str, out: &mut Vec<String>) {
        out.push(at.to_string());
        match v {
            Value::Object(fields) => {
                for (k, x) in fields {
                    paths(x, &format!("{at}.{k}"), out)
                }
            }
            Value::Array(items) => {
                for (i, x) in items.iter().enumerate() {
                    paths(x, &format!("{at}[{i}]"), out)
                }
            }
            _ => {}
        }
    }
    /// The value at a path written as the engine writes paths, and its parent's.
    fn at<'a>(v: &'a mut Value, path: &str) -> &'a mut Value {
        let mut cur = v;
        for step in path.split('.').skip(1) {
            let (key, indices) = step.split_once('[').unwrap_or((step, ""));
            if let Value::Object(fields) = cur {
                cur = fields.get_mut(key).unwrap();
            }
            for i in indices.split('[').filter(|s| !s.is_empty()) {
                let i: usize = i.trim_end_matches(']').parse().unwrap();
                if let Value::Array(items) = cur {
                    cur = &mut items[i];
                }
            }
        }
        cur
    }

    let text = file::encode_assessment(&sample::sample());
    let document: Value = serde_json::from_str(&text).unwrap();
    let body = document.get("assessment").unwrap().clone();
    let mut all = Vec::new();
    paths(&body, "assessment", &mut all);
    let values = [
        "null",
        "true",
        "7",
        "-1.5",
        "\"x\"",
        "\"12.5\"",
        "[]",
        "[1]",
        "{}",
        "\"at_most\"",
    ]
    .map(|t| serde_json::from_str::<Value>(t).unwrap());
    let mut checked = 0;
    for path in &all {
        let mut changes: Vec<(Value, String)> = values
            .iter()
            .map(|v| {
                let mut b = body.clone();
                *at(&mut b, path) = v.clone();
                (b, path.clone())
            })
            .collect();
        if let Some((parent, key)) = path.rsplit_once('.').filter(|(_, k)| !k.contains('[')) {
            let mut b = body.clone();
            if let Value::Object(fields) = at(&mut b, parent) {
                fields.shift_remove(key);
            }
            changes.push((b, parent.to_string()));
        }
        let mut b = body.clone();
        if let Value::Object(fields) = at(&mut b, path) {
            fields.insert("zz".into(), Value::Null);
            changes.push((b, path.clone()));
        }
        for (b, named) in changes {
            let file = serde_json::json!({
                "schema_version": 1,
                "kind": "assessment",
                "assessment": b,
            });
            checked += 1;
            match file::decode_document(file) {
                Ok(_) => {}
                Err(FileError::Invalid { path: p, detail }) => {
                    // A rule's or section's `type` decides which fields the object needs.
                    let tagged = named.strip_suffix(".type").is_some_and(|o| p == o);
                    let within = p == named
                        || p.starts_with(&format!("{named}."))
                        || p.starts_with(&format!("{named}["));
                    assert!(
                        within || tagged,
                        "changed {named}, refused at {p}: {detail}"
                    )
                }
                Err(other) => panic!("changed {named}: {other:?}"),
            }
        }
    }
    assert!(checked > 5_000, "{checked}");
}

/// A syntax error is placed by line and by column in characters, as the user counts them
/// (a Chinese character is one); nesting too deep for a reader is refused, not a crash.
#[test]
fn where_a_file_stops_being_json() {
    let deep = "[".repeat(100_000);
    let cases: &[(&str, usize, usize)] = &[
        ("{x", 1, 2),
        ("{\"名称\": x}", 1, 8),
        ("{}\n  x", 2, 3),
        ("\u{feff}{x", 1, 2),
    ];
    for &(text, line, column) in cases {
        assert_eq!(
            file::decode(text),
            Err(FileError::NotJson { line, column }),
            "{text:?}"
        );
    }
    assert!(matches!(
        file::decode(&deep),
        Err(FileError::TooDeep { .. })
    ));
}

/// A file nested deeper than any of ours is told apart from one that is not JSON, and
/// the message names where it went too deep.
#[test]
fn a_file_nested_too_deep_says_so_and_where() {
    let at_title = format!(
        "{{\"schema_version\": 1, \"kind\": \"assessment\", \"assessment\": {{\"title\": {}}}}}",
        "[".repeat(500)
    );
    let cases = [
        ("[".repeat(100_000), "[0]".repeat(127)),
        (
            format!("{}{}", "{\"a\":".repeat(200), "1"),
            vec!["a"; 127].join("."),
        ),
        (at_title, format!("assessment.title{}", "[0]".repeat(125))),
    ];
    for (text, path) in cases {
        let e = file::decode(&text).expect_err("too deep");
        assert_eq!(
            e,
            FileError::TooDeep { path: path.clone() },
            "{}",
            &text[..20]
        );
        let message = e.to_string();
        assert!(
            message.starts_with(&format!(
                "文件嵌套层数过多（超过 128 层，位于 {}…），",
                path.chars().take(80).collect::<String>()
            )),
            "{message}"
        );
        assert!(message.ends_with("未导入任何内容"), "{message}");
    }
}

/// An amount beyond what the program computes with is named as such, with its path,
/// whether it is a string beyond a decimal's digits or a JSON number beyond any float;
/// one within a decimal but above the program's limit is read, and validation names it.
#[test]
fn an_amount_out_of_range_is_named_as_such() {
    let good = file::encode_assessment(&sample::sample());
    let at = "\"actual\": \"733.88\"";
    assert!(good.contains(at));
    let path = "assessment.finance.appropriation.actual";
    let cases = [
        (
            "\"99999999999999999999999999999999\"",
            "99999999999999999999999999999999",
        ),
        ("\"-1e40\"", "-1e40"),
        ("1e30", "1e+30"),
        ("1e400", "1e400"),
        ("-2.5E+999", "-2.5E+999"),
    ];
    for (value, shown) in cases {
        let text = good.replacen(at, &format!("\"actual\": {value}"), 1);
        let e = file::decode(&text).expect_err(value);
        assert_eq!(
            e,
            FileError::OutOfRange {
                path: path.into(),
                value: shown.into()
            },
            "{value}"
        );
        assert_eq!(
            e.to_string(),
            format!("文件内容有误：字段 {path}：数值 {shown} 超出可计算范围（绝对值不超过 1 万亿）；未导入任何内容")
        );
    }
    // Not a number at all is still said so.
    let text = good.replacen(at, "\"actual\": \"七百\"", 1);
    assert!(matches!(
        file::decode(&text),
        Err(FileError::Invalid { .. })
    ));
    // Above the limit but within a decimal: read, and flagged where it stands.
    let text = good.replacen(at, "\"actual\": \"1000000000001\"", 1);
    let a = file::decode_assessment(&text).expect("within a decimal");
    let findings = ziping_engine::validate::validate(&a);
    let too_large = findings
        .iter()
        .find(|f| f.code == "TOO_LARGE")
        .expect("a TOO_LARGE finding");
    assert_eq!(too_large.paths, ["finance.appropriation.actual"]);
    assert!(
        too_large
            .message
            .contains("1000000000001 过大，超出可计算范围"),
        "{}",
        too_large.message
    );
}

/// A file saved by Windows Notepad as "ANSI" on a Chinese system is GBK: read as such.
/// The sample in GBK was written by Python's own codec (`sample-gbk.json`), not by the
/// library that reads it.
#[test]
fn a_file_in_gbk_or_gb18030_is_read() {
    let gbk = include_bytes!("data/sample-gbk.json");
    assert!(String::from_utf8(gbk.to_vec()).is_err(), "really GBK");
    let want = file::decode(include_str!("data/sample.json")).expect("the sample");
    assert_eq!(file::decode_bytes(gbk), Ok(want));
    let cases: [(&[u8], &str); 5] = [
        // 信访局 in GBK.
        (&[0xd0, 0xc5, 0xb7, 0xc3, 0xbe, 0xd6], "信访局"),
        // GB18030's four-byte form, beyond GBK: 𠀀 (U+20000).
        (&[0x95, 0x32, 0x82, 0x36], "\u{20000}"),
        // UTF-8 with and without a byte-order mark.
        (&[0xef, 0xbb, 0xbf, 0xe4, 0xbf, 0xa1], "信"),
        ("信访局".as_bytes(), "信访局"),
        // UTF-16 little-endian with its byte-order mark: 信 is U+4FE1.
        (&[0xff, 0xfe, 0xe1, 0x4f], "信"),
    ];
    for (bytes, want) in cases {
        assert_eq!(file::text_of(bytes), want, "{bytes:x?}");
    }
    let text = file::encode_assessment(&sample::sample());
    for big_endian in [false, true] {
        let mut bytes = if big_endian {
            vec![0xfe, 0xff]
        } else {
            vec![0xff, 0xfe]
        };
        for unit in text.encode_utf16() {
            let pair = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            bytes.extend(pair);
        }
        let read = file::decode_bytes(&bytes).and_then(Document::into_assessment);
        assert_eq!(
            read,
            Ok(sample::sample()),
            "UTF-16, big-endian {big_endian}"
        );
    }
}

/// Storage keeps an assessment's file as a JSON value inside its own record and reads it
/// back from there.
#[test]
fn an_assessment_document_reads_back_as_a_value() {
    let a = sample::sample();
    let value = file::assessment_document(&a);
    assert_eq!(
        serde_json::to_string_pretty(&value).unwrap(),
        file::encode_assessment(&a)
    );
    assert_eq!(
        file::decode_document(value),
        Ok(Document::Assessment(Box::new(a)))
    );
}

/// serde alone would take a struct from a list of its values, a name from a one-key object
/// and a rule's field written as null for one left out; the format refuses each, there.
#[test]
fn shapes_the_format_never_writes_are_refused_where_they_are() {
    let sample = file::encode_assessment(&sample::sample());
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "\"rounding\": {",
            "\"rounding\": [\"half_up\", true], \"x\": {",
            "assessment.scheme.rounding",
            "应为对象，实际为2 项的列表",
        ),
        (
            "\"kind\": \"quantity\"",
            "\"kind\": {\"quantity\": null}",
            "assessment.indicators[0].kind",
            "应为以下之一：quantity quality",
        ),
        (
            "\"type\": \"at_least\"",
            "\"type\": \"at_least\", \"variant\": null",
            "assessment.indicators[0].measure.rule.variant",
            "应为以下之一：ratio linear，实际为空值（null）",
        ),
        (
            "\"type\": \"at_least\"",
            "\"type\": \"at_least\", \"variant\": \"ratio\"",
            "assessment.indicators[0].measure.rule",
            "无法识别的字段“variant”",
        ),
    ];
    for (from, to, path, words) in cases {
        assert!(sample.contains(from), "{from}");
        match file::decode_assessment(&sample.replacen(from, to, 1)) {
            Err(FileError::Invalid { path: p, detail }) => {
                assert_eq!(&p, path, "{to}");
                assert!(detail.contains(words), "{to}: {detail}");
            }
            other => panic!("{to}: {other:?}"),
        }
    }
}

#[test]
fn the_rounding_places_are_read_and_written_only_when_not_the_default() {
    let a = sample::sample();
    let text = file::encode_assessment(&a);
    assert!(!text.contains("rate_places") && !text.contains("score_places"));
    let placed = text.replacen(
        "\"rate_first\": false",
        "\"rate_first\": true,\n        \"rate_places\": 0,\n        \"score_places\": 0",
        1,
    );
    assert_ne!(placed, text, "the sample's scheme has its rounding");
    let read = file::decode_assessment(&placed).expect("read");
    assert_eq!(read.scheme.rounding.rate_places, 0);
    assert_eq!(read.scheme.rounding.score_places, 0);
    assert!(file::encode_assessment(&read) == placed, "written as read");
    let wrong = text.replacen(
        "\"rate_first\": false",
        "\"rate_first\": false, \"score_places\": \"2\"",
        1,
    );
    assert!(file::decode_assessment(&wrong).is_err());
}
