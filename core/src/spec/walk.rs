//! Checks a JSON value against the schemas that apply to it, every problem with its path:
//! the subset of JSON Schema draft 4 that Dintero's spec uses (`type`, `enum`, lengths,
//! `format`, `pattern`, `minimum`/`maximum`, item and property counts, `required`,
//! `properties`, `additionalProperties`, `items`, `$ref`, `allOf`).
//!
//! A home-made walker rather than the `jsonschema` crate (which the tests use to check whole
//! bodies): with its default features off it still adds 52 crates and 18.8 s to a clean
//! debug build of the baseline (`scripts/build-cost --with 'jsonschema = { version = "0.61",
//! default-features = false }'`, 2 CPUs, while another build ran), for the two patterns and
//! eight formats Dintero's spec uses (`formats.rs`).

use std::fmt::Write as _;

use serde_json::Value;

use super::schema::{Schema, expand};
use super::{formats, names};
use crate::error::{Rule, Violations, push_key_segment, quoted};

/// Checks `value`, found at `path`, against every schema in `schemas`.
pub(super) fn check(
    schemas: &[&'static Schema],
    value: &Value,
    path: &mut String,
    v: &mut Violations,
) {
    if !types_match(schemas, value, path, v) {
        return;
    }
    for schema in schemas {
        if let Some(allowed) = schema.get("enum").and_then(Value::as_array)
            && !allowed.contains(value)
        {
            let list: Vec<String> = allowed.iter().map(Value::to_string).collect();
            v.add(
                Rule::Format,
                &*path,
                format!("one of {}", list.join(", ")),
                describe(value),
            );
        }
    }
    match value {
        Value::String(text) => schemas
            .iter()
            .for_each(|schema| string(schema, text, path, v)),
        Value::Number(_) => schemas
            .iter()
            .for_each(|schema| number(schema, value, path, v)),
        Value::Array(elements) => array(schemas, elements, path, v),
        Value::Object(members) => object(schemas, members, path, v),
        Value::Null | Value::Bool(_) => {}
    }
}

/// Whether `value` has a type every schema allows; reports the first that does not.
fn types_match(schemas: &[&Schema], value: &Value, path: &str, v: &mut Violations) -> bool {
    for schema in schemas {
        let allowed: Vec<&str> = match schema.get("type") {
            Some(Value::String(one)) => vec![one.as_str()],
            Some(Value::Array(many)) => many.iter().filter_map(Value::as_str).collect(),
            _ => continue,
        };
        if !allowed.iter().any(|kind| is_type(kind, value)) {
            let expected: Vec<&str> = allowed.iter().map(|kind| article(kind)).collect();
            v.add(Rule::Type, path, expected.join(" or "), describe(value));
            return false;
        }
    }
    true
}

fn is_type(kind: &str, value: &Value) -> bool {
    match kind {
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "boolean" => value.is_boolean(),
        "null" => value.is_null(),
        "number" => value.is_number(),
        "integer" => value.is_i64() || value.is_u64(),
        _ => true,
    }
}

fn article(kind: &str) -> &str {
    match kind {
        "object" => "an object",
        "array" => "an array",
        "string" => "a string",
        "boolean" => "a boolean",
        "null" => "null",
        "number" => "a number",
        "integer" => "an integer",
        other => other,
    }
}

/// `1 item`, `2 items`, `3 entries`.
fn count(n: u64, one: &str) -> String {
    match (n, one.strip_suffix('y')) {
        (1, _) => format!("1 {one}"),
        (_, Some(stem)) => format!("{n} {stem}ies"),
        (_, None) => format!("{n} {one}s"),
    }
}

/// How a problem shows a value: strings quoted, short values whole, the rest by kind.
fn describe(value: &Value) -> String {
    match value {
        Value::String(text) => quoted(text),
        Value::Array(_) => "an array".to_owned(),
        Value::Object(_) => "an object".to_owned(),
        other => other.to_string(),
    }
}

fn string(schema: &Schema, text: &str, path: &str, v: &mut Violations) {
    let chars = || text.chars().count() as u64;
    if let Some(max) = schema.get("maxLength").and_then(Value::as_u64)
        && chars() > max
    {
        v.add(
            Rule::Length,
            path,
            format!("at most {}", count(max, "character")),
            count(chars(), "character"),
        );
    }
    if let Some(min) = schema.get("minLength").and_then(Value::as_u64)
        && chars() < min
    {
        v.add(
            Rule::Length,
            path,
            format!("at least {}", count(min, "character")),
            count(chars(), "character"),
        );
    }
    let checks = [
        schema
            .get("format")
            .and_then(Value::as_str)
            .and_then(|f| formats::format(f, text)),
        schema
            .get("pattern")
            .and_then(Value::as_str)
            .and_then(|p| formats::pattern(p, text)),
    ];
    for (expected, ok) in checks.into_iter().flatten() {
        if !ok {
            v.add(Rule::Format, path, expected, quoted(text));
        }
    }
}

fn number(schema: &Schema, value: &Value, path: &str, v: &mut Violations) {
    let bounds = [
        ("minimum", "exclusiveMinimum", true),
        ("maximum", "exclusiveMaximum", false),
    ];
    for (key, exclusive, lower) in bounds {
        let Some(bound) = schema.get(key) else {
            continue;
        };
        let exclusive = schema.get(exclusive).and_then(Value::as_bool) == Some(true);
        let Some(order) = compare(value, bound) else {
            continue;
        };
        let ok = match (lower, exclusive) {
            (true, false) => order.is_ge(),
            (true, true) => order.is_gt(),
            (false, false) => order.is_le(),
            (false, true) => order.is_lt(),
        };
        if !ok {
            let relation = match (lower, exclusive) {
                (true, false) => "at least",
                (true, true) => "more than",
                (false, false) => "at most",
                (false, true) => "less than",
            };
            v.add(
                Rule::Range,
                path,
                format!("{relation} {bound}"),
                value.to_string(),
            );
        }
    }
}

/// `value` against `bound`: exactly when both are integers, else as the spec's bounds are
/// written (whole numbers well inside f64's exact range).
fn compare(value: &Value, bound: &Value) -> Option<std::cmp::Ordering> {
    if let (Some(a), Some(b)) = (value.as_i64(), bound.as_i64()) {
        return Some(a.cmp(&b));
    }
    if let (Some(a), Some(b)) = (value.as_u64(), bound.as_u64()) {
        return Some(a.cmp(&b));
    }
    value.as_f64()?.partial_cmp(&bound.as_f64()?)
}

fn array(schemas: &[&'static Schema], elements: &[Value], path: &mut String, v: &mut Violations) {
    for schema in schemas {
        if let Some(max) = schema.get("maxItems").and_then(Value::as_u64)
            && elements.len() as u64 > max
        {
            v.add(
                Rule::TooMany,
                &*path,
                format!("at most {}", count(max, "item")),
                count(elements.len() as u64, "item"),
            );
        }
        if let Some(min) = schema.get("minItems").and_then(Value::as_u64)
            && (elements.len() as u64) < min
        {
            v.add(
                Rule::Length,
                &*path,
                format!("at least {}", count(min, "item")),
                count(elements.len() as u64, "item"),
            );
        }
    }
    let items: Vec<&'static Schema> = schemas
        .iter()
        .filter_map(|schema| schema.get("items"))
        .flat_map(expand)
        .collect();
    if items.is_empty() {
        return;
    }
    let len = path.len();
    for (index, element) in elements.iter().enumerate() {
        let _ = write!(path, "[{index}]");
        check(&items, element, path, v);
        path.truncate(len);
    }
}

/// Checks an object's members against `schemas`, as [`check`] does an object value.
pub(super) fn members(
    schemas: &[&'static Schema],
    members: &serde_json::Map<String, Value>,
    path: &mut String,
    v: &mut Violations,
) {
    let object_schemas: Vec<&'static Schema> = schemas
        .iter()
        .copied()
        .filter(|schema| {
            schema.get("type").is_none_or(|kind| {
                kind == "object"
                    || kind
                        .as_array()
                        .is_some_and(|k| k.contains(&Value::from("object")))
            })
        })
        .collect();
    object(&object_schemas, members, path, v);
}

fn object(
    schemas: &[&'static Schema],
    members: &serde_json::Map<String, Value>,
    path: &mut String,
    v: &mut Violations,
) {
    let len = path.len();
    for schema in schemas {
        if let Some(max) = schema.get("maxProperties").and_then(Value::as_u64)
            && members.len() as u64 > max
        {
            v.add(
                Rule::TooMany,
                &*path,
                format!("at most {}", count(max, "entry")),
                count(members.len() as u64, "entry"),
            );
        }
        for name in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if let Some(name) = name.as_str()
                && !members.contains_key(name)
            {
                push_key_segment(path, name);
                v.add(Rule::Required, &*path, "a value", "nothing");
                path.truncate(len);
            }
        }
    }
    // The properties any schema names; what the others may be (`additionalProperties`: a
    // schema, `true` for anything, `false` for nothing); and with neither, anything goes.
    let declared: Vec<&str> = schemas
        .iter()
        .filter_map(|schema| schema.get("properties").and_then(Value::as_object))
        .flat_map(|properties| properties.keys().map(String::as_str))
        .collect();
    let additional: Vec<&'static Value> = schemas
        .iter()
        .filter_map(|schema| schema.get("additionalProperties"))
        .collect();
    let others: Vec<&'static Schema> = additional.iter().copied().flat_map(expand).collect();
    let any_other =
        additional.contains(&&Value::Bool(true)) || (declared.is_empty() && additional.is_empty());
    for (key, member) in members {
        push_key_segment(path, key);
        let named: Vec<&'static Schema> = schemas
            .iter()
            .filter_map(|schema| schema.get("properties")?.get(key.as_str()))
            .flat_map(expand)
            .collect();
        if !named.is_empty() {
            check(&named, member, path, v);
        } else if !others.is_empty() {
            check(&others, member, path, v);
        } else if !any_other {
            let (expected, _) = names::unknown_field_expectation(key, &declared);
            v.add(
                Rule::UnknownField,
                &*path,
                expected,
                format!("unknown field `{key}`"),
            );
        }
        path.truncate(len);
    }
}
