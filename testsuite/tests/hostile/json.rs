//! A JSON tree that keeps what `serde_json::Value` loses: the text of every number as
//! written, and every member of an object in order, a key given twice included. The suite
//! builds hostile bodies with it and reads the crate's output back with it, so a number can
//! be compared with the text it came from.

use std::fmt::Write as _;

/// One JSON value; numbers are their text, objects their members in document order.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// The number's text exactly as written (`2.50`, `-0`, `1e400`).
    Number(String),
    Str(String),
    Array(Vec<Json>),
    /// Members in document order; a key may appear more than once.
    Object(Vec<(String, Json)>),
}

/// One step into a document.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Step {
    Key(String),
    Index(usize),
}

/// Where a value is: the steps from the root. With a key given twice, a key step names the
/// first member with that key.
pub type Path = Vec<Step>;

/// The deepest document [`parse`] reads: deeper than anything the crate reads (128), shallow
/// enough for a test thread's stack.
const MAX_DEPTH: usize = 600;

/// Parses RFC 8259 JSON (UTF-8, one value, whitespace around it); `None` when `bytes` are
/// not JSON or nest deeper than 600.
pub fn parse(bytes: &[u8]) -> Option<Json> {
    let mut reader = Reader { bytes, at: 0 };
    let value = reader.value(0)?;
    reader.space();
    (reader.at == bytes.len()).then_some(value)
}

struct Reader<'b> {
    bytes: &'b [u8],
    at: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> Option<()> {
        (self.peek()? == byte).then(|| self.at += 1)
    }

    fn literal(&mut self, word: &[u8], value: Json) -> Option<Json> {
        let end = self.at + word.len();
        (self.bytes.get(self.at..end)? == word).then(|| {
            self.at = end;
            value
        })
    }

    fn value(&mut self, depth: usize) -> Option<Json> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.space();
        match self.peek()? {
            b'n' => self.literal(b"null", Json::Null),
            b't' => self.literal(b"true", Json::Bool(true)),
            b'f' => self.literal(b"false", Json::Bool(false)),
            b'"' => self.string().map(Json::Str),
            b'[' => {
                self.at += 1;
                let mut items = Vec::new();
                self.space();
                if self.eat(b']').is_some() {
                    return Some(Json::Array(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.space();
                    match self.peek()? {
                        b',' => self.at += 1,
                        b']' => {
                            self.at += 1;
                            return Some(Json::Array(items));
                        }
                        _ => return None,
                    }
                }
            }
            b'{' => {
                self.at += 1;
                let mut members = Vec::new();
                self.space();
                if self.eat(b'}').is_some() {
                    return Some(Json::Object(members));
                }
                loop {
                    self.space();
                    let key = self.string()?;
                    self.space();
                    self.eat(b':')?;
                    members.push((key, self.value(depth + 1)?));
                    self.space();
                    match self.peek()? {
                        b',' => self.at += 1,
                        b'}' => {
                            self.at += 1;
                            return Some(Json::Object(members));
                        }
                        _ => return None,
                    }
                }
            }
            b'-' | b'0'..=b'9' => self.number().map(Json::Number),
            _ => None,
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
        self.at - start
    }

    fn number(&mut self) -> Option<String> {
        let start = self.at;
        let _ = self.eat(b'-');
        match self.peek()? {
            b'0' => self.at += 1,
            b'1'..=b'9' => {
                self.digits();
            }
            _ => return None,
        }
        if self.eat(b'.').is_some() && self.digits() == 0 {
            return None;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if self.digits() == 0 {
                return None;
            }
        }
        let text = self.bytes.get(start..self.at)?;
        String::from_utf8(text.to_vec()).ok()
    }

    fn hex4(&mut self) -> Option<u32> {
        let text = self.bytes.get(self.at..self.at + 4)?;
        self.at += 4;
        u32::from_str_radix(std::str::from_utf8(text).ok()?, 16).ok()
    }

    fn string(&mut self) -> Option<String> {
        self.eat(b'"')?;
        let mut out = Vec::new();
        loop {
            let byte = self.peek()?;
            self.at += 1;
            match byte {
                b'"' => return String::from_utf8(out).ok(),
                b'\\' => {
                    let escape = self.peek()?;
                    self.at += 1;
                    let ch = match escape {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let first = self.hex4()?;
                            let code = if (0xd800..0xdc00).contains(&first) {
                                self.eat(b'\\')?;
                                self.eat(b'u')?;
                                let second = self.hex4()?;
                                if !(0xdc00..0xe000).contains(&second) {
                                    return None;
                                }
                                0x10000 + ((first - 0xd800) << 10) + (second - 0xdc00)
                            } else {
                                first
                            };
                            char::from_u32(code)?
                        }
                        _ => return None,
                    };
                    let mut buffer = [0; 4];
                    out.extend_from_slice(ch.encode_utf8(&mut buffer).as_bytes());
                }
                0..=0x1f => return None,
                _ => out.push(byte),
            }
        }
    }
}

impl Json {
    /// The document as compact JSON bytes, numbers and keys exactly as held.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = String::new();
        self.write(&mut out);
        out.into_bytes()
    }

    fn write(&self, out: &mut String) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Number(text) => out.push_str(text),
            Json::Str(s) => write_string(s, out),
            Json::Array(items) => {
                out.push('[');
                for (index, item) in items.iter().enumerate() {
                    if index > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Json::Object(members) => {
                out.push('{');
                for (index, (key, value)) in members.iter().enumerate() {
                    if index > 0 {
                        out.push(',');
                    }
                    write_string(key, out);
                    out.push(':');
                    value.write(out);
                }
                out.push('}');
            }
        }
    }

    /// The value at `path`, if there is one.
    pub fn get(&self, path: &[Step]) -> Option<&Json> {
        path.iter().try_fold(self, |node, step| match (node, step) {
            (Json::Object(members), Step::Key(key)) => {
                members.iter().find(|(k, _)| k == key).map(|(_, v)| v)
            }
            (Json::Array(items), Step::Index(index)) => items.get(*index),
            _ => None,
        })
    }

    /// The value at `path`, to change it.
    pub fn get_mut(&mut self, path: &[Step]) -> Option<&mut Json> {
        path.iter().try_fold(self, |node, step| match (node, step) {
            (Json::Object(members), Step::Key(key)) => {
                members.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v)
            }
            (Json::Array(items), Step::Index(index)) => items.get_mut(*index),
            _ => None,
        })
    }

    /// Every value's path, root first, in document order.
    pub fn paths(&self) -> Vec<Path> {
        let mut out = Vec::new();
        self.collect_paths(&mut Vec::new(), &mut out);
        out
    }

    fn collect_paths(&self, prefix: &mut Path, out: &mut Vec<Path>) {
        out.push(prefix.clone());
        match self {
            Json::Object(members) => {
                for (key, value) in members {
                    prefix.push(Step::Key(key.clone()));
                    value.collect_paths(prefix, out);
                    prefix.pop();
                }
            }
            Json::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    prefix.push(Step::Index(index));
                    item.collect_paths(prefix, out);
                    prefix.pop();
                }
            }
            _ => {}
        }
    }

    /// Every number with its path (with a key given twice, the paths of both members say
    /// the same key).
    pub fn numbers(&self) -> Vec<(Path, String)> {
        let mut out = Vec::new();
        self.collect_numbers(&mut Vec::new(), &mut out);
        out
    }

    fn collect_numbers(&self, prefix: &mut Path, out: &mut Vec<(Path, String)>) {
        match self {
            Json::Number(text) => out.push((prefix.clone(), text.clone())),
            Json::Object(members) => {
                for (key, value) in members {
                    prefix.push(Step::Key(key.clone()));
                    value.collect_numbers(prefix, out);
                    prefix.pop();
                }
            }
            Json::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    prefix.push(Step::Index(index));
                    item.collect_numbers(prefix, out);
                    prefix.pop();
                }
            }
            _ => {}
        }
    }

    /// Whether some object, at any depth, has a key more than once.
    pub fn has_duplicate_keys(&self) -> bool {
        match self {
            Json::Object(members) => {
                let mut seen = std::collections::HashSet::new();
                members.iter().any(|(key, _)| !seen.insert(key.as_str()))
                    || members.iter().any(|(_, value)| value.has_duplicate_keys())
            }
            Json::Array(items) => items.iter().any(Json::has_duplicate_keys),
            _ => false,
        }
    }

    /// How deep the document nests (a scalar is 0).
    pub fn depth(&self) -> usize {
        match self {
            Json::Object(members) => 1 + members.iter().map(|(_, v)| v.depth()).max().unwrap_or(0),
            Json::Array(items) => 1 + items.iter().map(Json::depth).max().unwrap_or(0),
            _ => 0,
        }
    }
}

/// A JSON string literal for `s`.
pub fn write_string(s: &str, out: &mut String) {
    out.push('"');
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A path as the crate writes it: `order.items[0].vat`.
pub fn render(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Key(key) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Step::Index(index) => {
                let _ = write!(out, "[{index}]");
            }
        }
    }
    out
}

/// A JSON number's exact value in a canonical form: sign, significant digits without
/// leading or trailing zeros, and the power of ten of the last digit. Two texts have the same
/// value exactly when their forms are equal (`2.50`, `2.5` and `25e-1` are one value; `-0`
/// is `0`). Exponents too large for `i64` saturate; such numbers are never compared equal
/// to anything the crate writes.
pub fn exact_value(text: &str) -> Option<(bool, String, i64)> {
    let (negative, rest) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exponent) = match rest.find(['e', 'E']) {
        Some(at) => {
            let exponent = rest.get(at + 1..)?;
            let exponent = exponent.strip_prefix('+').unwrap_or(exponent);
            let value = exponent.parse::<i64>().unwrap_or_else(|_| {
                if exponent.starts_with('-') {
                    i64::MIN / 2
                } else {
                    i64::MAX / 2
                }
            });
            (rest.get(..at)?, value)
        }
        None => (rest, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if whole.is_empty()
        || !whole
            .bytes()
            .chain(fraction.bytes())
            .all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let digits = format!("{whole}{fraction}");
    let fraction_len = i64::try_from(fraction.len()).ok()?;
    let mut power = exponent.saturating_sub(fraction_len);
    let significant = digits.trim_start_matches('0');
    if significant.is_empty() {
        return Some((false, "0".to_owned(), 0));
    }
    let trimmed = significant.trim_end_matches('0');
    power = power.saturating_add(i64::try_from(significant.len() - trimmed.len()).ok()?);
    Some((negative, trimmed.to_owned(), power))
}

/// Whether two JSON number texts have the same value: through `rust_decimal` when it holds
/// both exactly, else through [`exact_value`].
pub fn same_number(a: &str, b: &str) -> bool {
    let decimal = |text: &str| {
        rust_decimal::Decimal::from_str_exact(text)
            .ok()
            .or_else(|| {
                if text.contains(['e', 'E']) {
                    rust_decimal::Decimal::from_scientific(text).ok()
                } else {
                    None
                }
            })
            // `from_scientific` rounds what does not fit: only an exact reading counts.
            .filter(|d| exact_value(&d.to_string()) == exact_value(text))
    };
    match (decimal(a), decimal(b)) {
        (Some(x), Some(y)) => x == y,
        _ => exact_value(a).is_some() && exact_value(a) == exact_value(b),
    }
}
