//! The file format: versioned JSON with decimals as strings, so a round trip is lossless.
//! `{"schema_version": 1, "kind": "assessment", "assessment": {…}}`, and likewise
//! `"kind": "project"` for a project assessment and `"kind": "scheme"` for a scheme.
//! The model's serde derives write and read the body; older versions are migrated; newer
//! or malformed files get a clear message in Chinese that names the field and the value.

#[cfg(feature = "encoding")]
use std::borrow::Cow;
use std::fmt;

#[cfg(feature = "encoding")]
use encoding_rs::{Encoding, GB18030};
use serde::de::DeserializeOwned;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use serde_json::Value;
use serde_path_to_error::Segment;

use crate::model::{Assessment, Kind};
use crate::scheme::Scheme;
use crate::strict::Strict;

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
    /// JSON nested deeper than the reader follows (128 levels); no file of ours is.
    TooDeep { path: String },
    /// A figure beyond what can be computed with (a decimal's 28 digits, or a JSON number
    /// beyond any float), named by its path.
    OutOfRange { path: String, value: String },
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
            FileError::TooDeep { path } => write!(
                f,
                "文件嵌套层数过多（超过 {MAX_DEPTH} 层，位于 {}），不是自评计算器保存的文件；未导入任何内容",
                clip_path(path)
            ),
            FileError::OutOfRange { path, value } => write!(
                f,
                "文件内容有误：字段 {}：数值 {} 超出可计算范围（绝对值不超过 1 万亿）；未导入任何内容",
                clip_path(path),
                clip(value)
            ),
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
    pretty(&Envelope(a.kind.file_kind(), a))
}

/// An assessment's file as a JSON value, for storage to hold inside its own record.
pub fn assessment_document(a: &Assessment) -> Value {
    serde_json::to_value(Envelope(a.kind.file_kind(), a)).expect(WRITABLE)
}

/// Writes a scheme as a pretty, versioned JSON file.
pub fn encode_scheme(s: &Scheme) -> String {
    pretty(&Envelope("scheme", s))
}

/// Why writing a file cannot fail: every map key in the model is text.
const WRITABLE: &str = "the model serializes to JSON";

/// Two-space indents, as files are written. Through a JSON value, as storage writes drafts:
/// one serializer of the model in the app's module, not two.
fn pretty(document: &impl Serialize) -> String {
    let value = serde_json::to_value(document).expect(WRITABLE);
    serde_json::to_string_pretty(&value).expect(WRITABLE)
}

/// A file's top level: the version, the kind, and the body under the kind's name.
struct Envelope<'a, T>(&'a str, &'a T);

impl<T: Serialize> Serialize for Envelope<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(3))?;
        map.serialize_entry("schema_version", &SCHEMA_VERSION)?;
        map.serialize_entry("kind", self.0)?;
        map.serialize_entry(self.0, self.1)?;
        map.end()
    }
}

/// How deep serde_json follows nested lists and objects before it gives up.
const MAX_DEPTH: usize = 128;

/// The text of a file's bytes: UTF-8 with or without a byte-order mark, UTF-16 with one,
/// and otherwise GB18030 (a superset of GBK, which Windows Notepad saves as "ANSI" on a
/// Chinese system).
#[cfg(feature = "encoding")]
pub fn text_of(bytes: &[u8]) -> Cow<'_, str> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return encoding.decode_without_bom_handling(&bytes[bom..]).0;
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => GB18030.decode_without_bom_handling(bytes).0,
    }
}

/// Reads any of our files from its bytes, in any encoding [`text_of`] knows.
#[cfg(feature = "encoding")]
pub fn decode_bytes(bytes: &[u8]) -> Result<Document, FileError> {
    decode(&text_of(bytes))
}

/// Reads any of our files; a byte-order mark before it (as Windows Notepad saves) is
/// passed over.
pub fn decode(text: &str) -> Result<Document, FileError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value = serde_json::from_str(text).map_err(|e| unreadable(text, &e))?;
    decode_document(value)
}

/// Why a text could not be read as JSON: too deep, a number beyond any float (both named
/// by the path where the reader stopped, found by reading again tracking it), or a syntax
/// error at a line and column.
fn unreadable(text: &str, e: &serde_json::Error) -> FileError {
    let message = e.to_string();
    let too_deep = message.starts_with("recursion limit exceeded");
    let too_big = message.starts_with("number out of range");
    if !(too_deep || too_big) {
        return not_json(text, e);
    }
    let tracked: Result<Value, _> =
        serde_path_to_error::deserialize(&mut serde_json::Deserializer::from_str(text));
    let path = tracked
        .err()
        .map(|e| e.path().to_string())
        .unwrap_or_default();
    if too_deep {
        FileError::TooDeep { path }
    } else {
        FileError::OutOfRange {
            value: number_at(text, e),
            path,
        }
    }
}

/// The number a reader stopped in, from where its error points back to the number's start.
fn number_at(text: &str, e: &serde_json::Error) -> String {
    let line = text
        .split('\n')
        .nth(e.line().saturating_sub(1))
        .unwrap_or("");
    let end = e.column().min(line.len());
    let before = line.get(..end).unwrap_or("");
    let numeric = |c: char| c.is_ascii_digit() || "+-.eE".contains(c);
    let start = before.rfind(|c: char| !numeric(c)).map_or(0, |i| i + 1);
    let rest = line.get(start..).unwrap_or("");
    rest.split(|c: char| !numeric(c))
        .next()
        .unwrap_or("")
        .to_string()
}

/// Where a text stops being JSON, with the column counted in characters as the user sees
/// them (a Chinese character is one) where serde_json counts bytes.
fn not_json(text: &str, e: &serde_json::Error) -> FileError {
    let line = e.line().max(1);
    let bytes = e.column();
    let column = text.split('\n').nth(line - 1).map_or(bytes, |l| {
        l.char_indices().take_while(|(i, _)| *i < bytes).count()
    });
    FileError::NotJson {
        line,
        column: column.max(1),
    }
}

/// Reads any of our files, already parsed.
pub fn decode_document(mut value: Value) -> Result<Document, FileError> {
    if !value.is_object() {
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
        "project" => body_of(&kind, body).map(|a| {
            Document::Assessment(Box::new(Assessment {
                kind: Kind::Project,
                ..a
            }))
        }),
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

fn body_of<T: DeserializeOwned>(kind: &str, body: &Value) -> Result<T, FileError> {
    if body.is_null() {
        return Err(FileError::Invalid {
            path: kind.into(),
            detail: "缺少内容".into(),
        });
    }
    // One reader, tracking the path: a second, untracked one would double the model's
    // reading code in the app's module for a few microseconds a file.
    serde_path_to_error::deserialize(Strict(body)).map_err(|e| invalid(kind, body, &e))
}

/// A field that does not hold what it should: its path as findings write paths
/// (`assessment.indicators[2].measure.actual`), and serde's reason put in Chinese with the
/// value found there quoted.
fn invalid(
    kind: &str,
    body: &Value,
    e: &serde_path_to_error::Error<serde_json::Error>,
) -> FileError {
    let mut path = kind.to_string();
    let mut found = Some(body);
    let mut last_key = None;
    for segment in e.path().iter() {
        match segment {
            Segment::Seq { index } => {
                path.push_str(&format!("[{index}]"));
                found = found.and_then(|v| v.get(index));
                last_key = None;
            }
            Segment::Map { key } => {
                path.push('.');
                path.push_str(key);
                found = found.and_then(|v| v.get(key));
                last_key = Some(key.as_str());
            }
            Segment::Enum { .. } | Segment::Unknown => {}
        }
    }
    let message = e.inner().to_string();
    if let Some(value) = found
        .filter(|_| message.ends_with(DECIMAL))
        .and_then(figure)
    {
        return FileError::OutOfRange { path, value };
    }
    FileError::Invalid {
        detail: detail(&message, found, last_key),
        path,
    }
}

/// What serde says a decimal should have been.
const DECIMAL: &str = "a Decimal type representing a fixed-point number";

/// A value that is written as a number (so a decimal that refuses it is out of range), as
/// the file holds it.
fn figure(found: &Value) -> Option<String> {
    let text = match found {
        Value::Number(n) => return Some(n.to_string()),
        Value::String(s) => s.trim(),
        _ => return None,
    };
    let body = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (mantissa, exponent) = body.split_once(['e', 'E']).unwrap_or((body, "0"));
    let exponent = exponent.strip_prefix(['-', '+']).unwrap_or(exponent);
    let digits = |t: &str| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit());
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, "0"));
    (digits(int) && digits(frac) && digits(exponent)).then(|| text.to_string())
}

/// serde's message (`invalid type: …, expected …`, `missing field …`, `unknown field …`,
/// `unknown variant …`, `invalid length …`) in the file's Chinese wording; a message of the
/// model's own (a rule's fields against its type) is Chinese already.
fn detail(message: &str, found: Option<&Value>, last_key: Option<&str>) -> String {
    let found_text = || found.map_or_else(|| "空".to_string(), describe);
    if let Some(rest) = message.strip_prefix("missing field `") {
        return format!("缺少必填字段 {}", rest.trim_end_matches('`'));
    }
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let name = last_key.unwrap_or_else(|| rest.split_once("`, ").map_or(rest, |(n, _)| n));
        return format!("无法识别的字段“{}”", clip(name));
    }
    if message.starts_with("unknown variant `") {
        let names = quoted(message.rsplit_once(", expected ").map_or("", |(_, e)| e));
        return match (last_key, found.and_then(Value::as_str)) {
            (Some("type"), Some(t)) => {
                format!("无法识别的类型“{}”，应为以下之一：{names}", clip(t))
            }
            _ => format!("应为以下之一：{names}，实际为{}", found_text()),
        };
    }
    if message.starts_with("invalid length ") {
        let n = found.and_then(Value::as_array).map(Vec::len);
        return match (last_key, n) {
            (Some("economic"), Some(n)) => {
                format!("应有 10 项（经济分类的十行），实际为 {n} 项")
            }
            _ => format!("应为对象，实际为{}", found_text()),
        };
    }
    let wrong = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "));
    if let Some((_, expected)) = wrong.and_then(|w| w.rsplit_once(", expected ")) {
        return match expected.strip_prefix("one of ") {
            Some(names) => format!("应为以下之一：{}，实际为{}", quoted(names), found_text()),
            None => format!("应为{}，实际为{}", expected_name(expected), found_text()),
        };
    }
    message.to_string()
}

/// What serde says a value should have been, as the file's messages say it.
fn expected_name(expected: &str) -> &str {
    match expected {
        "i32" => "整数",
        "a boolean" => "true 或 false",
        "a string" => "文本",
        "a sequence" => "列表",
        "a map" => "对象",
        DECIMAL => "数字（如 \"739.04\"）",
        e if e.starts_with("struct ") => "对象",
        e => e,
    }
}

/// The names serde quotes (`` `a`, `b` or `c` ``), as the messages list them: `a b c`.
fn quoted(names: &str) -> String {
    names
        .split('`')
        .skip(1)
        .step_by(2)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A value found where another was expected, as a message quotes it.
fn describe(found: &Value) -> String {
    match found {
        Value::Null => "空值（null）".to_string(),
        Value::Bool(b) => format!("{b}"),
        Value::Number(n) => format!("数字 {n}"),
        Value::String(s) => format!("“{}”", clip(s)),
        Value::Array(a) => format!("{} 项的列表", a.len()),
        Value::Object(_) => "对象".to_string(),
    }
}

/// A long path (a file nested deep) cut for a message.
fn clip_path(path: &str) -> String {
    clip_at(path, 80)
}

/// A long text cut for a message.
fn clip(s: &str) -> String {
    clip_at(s, 40)
}

/// A text cut after `max` characters.
fn clip_at(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s.to_string(),
    }
}
