//! The file format: versioned, decimals as strings, lossless, with clear messages.

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
