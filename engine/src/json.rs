//! A small JSON reader and writer, the file format's own: the browser bundle then carries
//! no serde_json (BENCHMARKS.md). Objects keep their keys in order, numbers keep the digits
//! as written, and `pretty` writes exactly what serde_json's pretty printer wrote.

use std::fmt::Write as _;

/// A JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// A number as written, so no digit is lost on the way to a decimal.
    Number(String),
    String(String),
    Array(Vec<Value>),
    /// Keys in the order written; where a key repeats, the last one counts.
    Object(Vec<(String, Value)>),
}

/// Where a text stops being JSON: 1-based line and column, counted in characters as the
/// user sees them (a Chinese character is one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: usize,
    pub column: usize,
}

/// How deep arrays and objects may nest: a hostile file must not exhaust the stack.
const MAX_DEPTH: usize = 128;

impl Value {
    /// The value of a key of an object (the last, where a key repeats).
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(fields) => fields.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// A whole, non-negative number.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) => n.parse().ok(),
            _ => None,
        }
    }

    /// Written on one line, as storage keeps it.
    pub fn compact(&self) -> String {
        let mut out = String::new();
        write(self, None, &mut out);
        out
    }

    /// Written with two-space indents, as files are.
    pub fn pretty(&self) -> String {
        let mut out = String::new();
        write(self, Some(0), &mut out);
        out
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::String(s.to_string())
    }
}

impl From<u64> for Value {
    fn from(n: u64) -> Self {
        Value::Number(n.to_string())
    }
}

/// Reads a whole text as one JSON value; a byte-order mark before it (as Windows Notepad
/// saves) is passed over.
pub fn parse(text: &str) -> Result<Value, SyntaxError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut p = Parser {
        text: text.as_bytes(),
        at: 0,
    };
    let v = p.value(0);
    let v = v.and_then(|v| {
        p.space();
        if p.at < p.text.len() {
            Err(p.at)
        } else {
            Ok(v)
        }
    });
    v.map_err(|at| {
        let before = &text.as_bytes()[..at.min(text.len())];
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let column = text
            .get(line_start..at)
            .map_or(at - line_start, |s| s.chars().count());
        SyntaxError {
            line: 1 + before.iter().filter(|&&b| b == b'\n').count(),
            column: column + 1,
        }
    })
}

/// A recursive-descent reader; errors are the byte offset where reading failed.
struct Parser<'a> {
    text: &'a [u8],
    at: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> Result<(), usize> {
        if self.peek() == Some(byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.at)
        }
    }

    fn word(&mut self, word: &[u8], v: Value) -> Result<Value, usize> {
        if self.text[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(v)
        } else {
            Err(self.at)
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, usize> {
        self.space();
        if depth > MAX_DEPTH {
            return Err(self.at);
        }
        match self.peek() {
            Some(b'n') => self.word(b"null", Value::Null),
            Some(b't') => self.word(b"true", Value::Bool(true)),
            Some(b'f') => self.word(b"false", Value::Bool(false)),
            Some(b'"') => self.string().map(Value::String),
            Some(b'[') => {
                let mut items = Vec::new();
                self.items(b']', |p| {
                    items.push(p.value(depth + 1)?);
                    Ok(())
                })?;
                Ok(Value::Array(items))
            }
            Some(b'{') => {
                let mut fields = Vec::new();
                self.items(b'}', |p| {
                    p.space();
                    let key = p.string()?;
                    p.space();
                    p.eat(b':')?;
                    fields.push((key, p.value(depth + 1)?));
                    Ok(())
                })?;
                Ok(Value::Object(fields))
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(self.at),
        }
    }

    /// The comma-separated items of an array or object, from its opening bracket to `close`.
    fn items(
        &mut self,
        close: u8,
        mut item: impl FnMut(&mut Self) -> Result<(), usize>,
    ) -> Result<(), usize> {
        self.at += 1;
        self.space();
        if self.peek() == Some(close) {
            self.at += 1;
            return Ok(());
        }
        loop {
            item(self)?;
            self.space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(c) if c == close => {
                    self.at += 1;
                    return Ok(());
                }
                _ => return Err(self.at),
            }
        }
    }

    /// A number by JSON's grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
    fn number(&mut self) -> Result<Value, usize> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.at),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            self.some_digits()?;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            self.some_digits()?;
        }
        // Only ASCII was consumed, so the slice is valid UTF-8.
        let text = std::str::from_utf8(&self.text[start..self.at]).map_err(|_| start)?;
        Ok(Value::Number(text.to_string()))
    }

    fn digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
    }

    fn some_digits(&mut self) -> Result<(), usize> {
        let start = self.at;
        self.digits();
        if self.at == start {
            Err(self.at)
        } else {
            Ok(())
        }
    }

    fn string(&mut self) -> Result<String, usize> {
        self.eat(b'"')?;
        let mut out = Vec::new();
        loop {
            let Some(b) = self.peek() else {
                return Err(self.at);
            };
            self.at += 1;
            match b {
                b'"' => break,
                b'\\' => {
                    let Some(e) = self.peek() else {
                        return Err(self.at);
                    };
                    self.at += 1;
                    match e {
                        b'"' | b'\\' | b'/' => out.push(e),
                        b'b' => out.push(0x08),
                        b'f' => out.push(0x0c),
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'u' => {
                            let c = self.escaped_char()?;
                            out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                        }
                        _ => return Err(self.at - 1),
                    }
                }
                0..=0x1f => return Err(self.at - 1),
                _ => out.push(b),
            }
        }
        // The input was a &str and escapes add whole characters: still UTF-8.
        String::from_utf8(out).map_err(|_| self.at)
    }

    /// The character of a `\uXXXX` escape, joining a surrogate pair.
    fn escaped_char(&mut self) -> Result<char, usize> {
        let high = self.hex4()?;
        let code = if (0xd800..0xdc00).contains(&high) {
            let at = self.at;
            if !self.text[self.at..].starts_with(b"\\u") {
                return Err(at);
            }
            self.at += 2;
            let low = self.hex4()?;
            if !(0xdc00..0xe000).contains(&low) {
                return Err(at);
            }
            0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00)
        } else {
            high
        };
        char::from_u32(code).ok_or(self.at)
    }

    fn hex4(&mut self) -> Result<u32, usize> {
        let digits = self.text.get(self.at..self.at + 4).ok_or(self.at)?;
        let text = std::str::from_utf8(digits).map_err(|_| self.at)?;
        if !text.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(self.at);
        }
        self.at += 4;
        u32::from_str_radix(text, 16).map_err(|_| self.at)
    }
}

/// Writes a value; `indent` is the current depth when pretty, None when compact.
fn write(v: &Value, indent: Option<usize>, out: &mut String) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(n),
        Value::String(s) => quote(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                separate(i, indent, out);
                write(item, indent.map(|d| d + 1), out);
            }
            close(items.is_empty(), indent, ']', out);
        }
        Value::Object(fields) => {
            out.push('{');
            for (i, (key, item)) in fields.iter().enumerate() {
                separate(i, indent, out);
                quote(key, out);
                out.push_str(if indent.is_some() { ": " } else { ":" });
                write(item, indent.map(|d| d + 1), out);
            }
            close(fields.is_empty(), indent, '}', out);
        }
    }
}

/// Before the i-th item of a list or object: a comma after the first, and a new line.
fn separate(i: usize, indent: Option<usize>, out: &mut String) {
    if i > 0 {
        out.push(',');
    }
    if let Some(d) = indent {
        out.push('\n');
        out.push_str(&"  ".repeat(d + 1));
    }
}

fn close(empty: bool, indent: Option<usize>, bracket: char, out: &mut String) {
    if let (Some(d), false) = (indent, empty) {
        out.push('\n');
        out.push_str(&"  ".repeat(d));
    }
    out.push(bracket);
}

/// A string in quotes, escaped as serde_json escapes it.
fn quote(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// For the CLI's serde_json output; the browser never calls it.
impl serde::Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        match self {
            Value::Null => s.serialize_unit(),
            Value::Bool(b) => s.serialize_bool(*b),
            Value::Number(n) => match n.parse::<i64>() {
                Ok(i) => s.serialize_i64(i),
                Err(_) => s.serialize_str(n),
            },
            Value::String(t) => s.serialize_str(t),
            Value::Array(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Value::Object(fields) => {
                let mut map = s.serialize_map(Some(fields.len()))?;
                for (k, v) in fields {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}
