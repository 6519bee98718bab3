//! The file format: versioned JSON with decimals as strings, so a round trip is lossless.
//! `{"schema_version": 1, "kind": "assessment", "assessment": {…}}`, likewise for schemes.
//! Older versions are migrated; newer or malformed files get a clear message.

use std::fmt;

use crate::codec::Json;
use crate::json::{self, Value};
use crate::model::Assessment;
use crate::scheme::Scheme;

/// The version this program writes.
pub const SCHEMA_VERSION: u64 = 1;

/// Rewrites a file's top-level object from one version to the next.
type Migration = fn(Value) -> Value;

/// Upgrades from version `i + 1` to `i + 2`, one entry per past change of the format.
/// Version 1 is the first: nothing to migrate yet.
const MIGRATIONS: [Migration; 0] = [];

/// What a file holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Document {
    Assessment(Box<Assessment>),
    Scheme(Box<Scheme>),
}

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    /// Not JSON at all.
    NotJson { line: usize, column: usize },
    /// JSON, but not one of our files.
    NotOurs,
    /// Written by a newer program.
    TooNew(u64),
    /// A kind this program does not know.
    UnknownKind(String),
    /// Our file, but a field does not hold what it should.
    Invalid { path: String, detail: String },
    /// Asked for one kind, got the other.
    WrongKind {
        expected: &'static str,
        found: &'static str,
    },
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileError::NotJson { line, column } => {
                write!(f, "文件不是有效的 JSON（第 {line} 行第 {column} 列附近有误），未导入任何内容")
            }
            FileError::NotOurs => write!(f, "文件不是自评计算器保存的文件（缺少 schema_version 或 kind），未导入任何内容"),
            FileError::TooNew(v) => write!(
                f,
                "文件格式版本 {v} 比本程序支持的版本 {SCHEMA_VERSION} 新，请使用新版程序打开；未导入任何内容"
            ),
            FileError::UnknownKind(k) => write!(f, "无法识别的文件类型“{k}”，未导入任何内容"),
            FileError::Invalid { path, detail } => {
                write!(f, "文件内容有误：字段 {path}：{detail}；未导入任何内容")
            }
            FileError::WrongKind { expected, found } => {
                write!(f, "需要{expected}文件，但这是{found}文件；未导入任何内容")
            }
        }
    }
}

impl std::error::Error for FileError {}

/// Writes an assessment as a pretty, versioned JSON file.
pub fn encode_assessment(a: &Assessment) -> String {
    assessment_document(a).pretty()
}

/// An assessment's file as a JSON value, for storage to hold inside its own record.
pub fn assessment_document(a: &Assessment) -> Value {
    document("assessment", a.write())
}

/// Writes a scheme as a pretty, versioned JSON file.
pub fn encode_scheme(s: &Scheme) -> String {
    document("scheme", s.write()).pretty()
}

fn document(kind: &str, body: Value) -> Value {
    Value::Object(vec![
        ("schema_version".into(), Value::from(SCHEMA_VERSION)),
        ("kind".into(), Value::from(kind)),
        (kind.into(), body),
    ])
}

/// Reads any of our files.
pub fn decode(text: &str) -> Result<Document, FileError> {
    let value = json::parse(text).map_err(|e| FileError::NotJson {
        line: e.line,
        column: e.column,
    })?;
    decode_document(value)
}

/// Reads any of our files, already parsed.
pub fn decode_document(mut value: Value) -> Result<Document, FileError> {
    if !matches!(value, Value::Object(_)) {
        return Err(FileError::NotOurs);
    }
    let version = value
        .get("schema_version")
        .and_then(Value::as_u64)
        .ok_or(FileError::NotOurs)?;
    if version > SCHEMA_VERSION {
        return Err(FileError::TooNew(version));
    }
    if version == 0 {
        return Err(FileError::NotOurs);
    }
    for migrate in MIGRATIONS.iter().skip((version - 1) as usize) {
        value = migrate(value);
    }
    let kind = value
        .get("kind")
        .and_then(Value::as_str)
        .ok_or(FileError::NotOurs)?
        .to_string();
    let body = value.get(&kind).unwrap_or(&Value::Null);
    match kind.as_str() {
        "assessment" => body_of(&kind, body).map(|a| Document::Assessment(Box::new(a))),
        "scheme" => body_of(&kind, body).map(|s| Document::Scheme(Box::new(s))),
        _ => Err(FileError::UnknownKind(kind)),
    }
}

/// Reads an assessment file.
pub fn decode_assessment(text: &str) -> Result<Assessment, FileError> {
    decode(text)?.into_assessment()
}

/// Reads a scheme file.
pub fn decode_scheme(text: &str) -> Result<Scheme, FileError> {
    decode(text)?.into_scheme()
}

impl Document {
    /// The assessment this file holds, or why it holds none.
    pub fn into_assessment(self) -> Result<Assessment, FileError> {
        match self {
            Document::Assessment(a) => Ok(*a),
            Document::Scheme(_) => Err(FileError::WrongKind {
                expected: "自评",
                found: "评分标准",
            }),
        }
    }

    /// The scheme this file holds, or why it holds none.
    pub fn into_scheme(self) -> Result<Scheme, FileError> {
        match self {
            Document::Scheme(s) => Ok(*s),
            Document::Assessment(_) => Err(FileError::WrongKind {
                expected: "评分标准",
                found: "自评",
            }),
        }
    }
}

fn body_of<T: Json>(kind: &str, body: &Value) -> Result<T, FileError> {
    if *body == Value::Null {
        return Err(FileError::Invalid {
            path: kind.into(),
            detail: "缺少内容".into(),
        });
    }
    T::read(body).map_err(|e| {
        let path = e.path();
        FileError::Invalid {
            path: if path.is_empty() {
                kind.to_string()
            } else {
                format!("{kind}.{path}")
            },
            detail: e.detail,
        }
    })
}
