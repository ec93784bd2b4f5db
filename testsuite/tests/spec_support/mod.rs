//! What the spec tests share: the committed spec (`core/spec/sessions-profile.json`), read
//! as the crate reads it, and [`valid`], a generator of values that set every field it
//! defines.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

use serde_json::{Map, Value, json};

pub fn spec() -> &'static Value {
    static SPEC: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
    SPEC.get_or_init(|| {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../core/spec/sessions-profile.json"
        );
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    })
}

/// `schema` with `$ref` followed and `allOf` spread out, as the crate reads it.
pub fn expand(schema: &Value) -> Vec<&Map<String, Value>> {
    let mut out = Vec::new();
    let Some(object) = schema.as_object() else {
        return out;
    };
    if let Some(name) = object.get("$ref").and_then(Value::as_str) {
        let name = name.trim_start_matches("#/definitions/");
        out.extend(expand(&spec()["definitions"][name]));
    }
    for member in object
        .get("allOf")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        out.extend(expand(member));
    }
    out.push(object);
    out
}

/// The schemas at a place of the body (`*` for an array's elements).
pub fn at(place: &[&str]) -> Vec<&'static Map<String, Value>> {
    let mut schemas = expand(spec());
    for step in place {
        schemas = schemas
            .iter()
            .filter_map(|s| match *step {
                "*" => s.get("items"),
                name => s.get("properties")?.get(name),
            })
            .flat_map(expand)
            .collect();
    }
    schemas
}

pub fn keyword<'s>(schemas: &[&'s Map<String, Value>], name: &str) -> Option<&'s Value> {
    schemas.iter().find_map(|s| s.get(name))
}

/// A value that satisfies every constraint of `schemas` and sets every field they define.
pub fn valid(schemas: &[&'static Map<String, Value>], depth: usize) -> Value {
    if let Some(Value::Array(values)) = keyword(schemas, "enum") {
        return values[0].clone();
    }
    let kind = match keyword(schemas, "type") {
        Some(Value::String(kind)) => kind.as_str(),
        Some(Value::Array(kinds)) => kinds[0].as_str().unwrap(),
        _ if keyword(schemas, "properties").is_some() => "object",
        _ => "string",
    };
    match kind {
        "object" => {
            let mut object = Map::new();
            if depth < 12 {
                for schema in schemas {
                    for (name, child) in schema
                        .get("properties")
                        .and_then(Value::as_object)
                        .into_iter()
                        .flatten()
                    {
                        object.insert(name.clone(), valid(&expand(child), depth + 1));
                    }
                }
                if let Some(other) =
                    keyword(schemas, "additionalProperties").filter(|a| a.is_object())
                {
                    object.insert("k".into(), valid(&expand(other), depth + 1));
                }
            }
            Value::Object(object)
        }
        "array" => {
            let items: Vec<_> = schemas
                .iter()
                .filter_map(|s| s.get("items"))
                .flat_map(expand)
                .collect();
            let count = keyword(schemas, "minItems")
                .and_then(Value::as_u64)
                .unwrap_or(1)
                .max(1);
            Value::Array((0..count).map(|_| valid(&items, depth + 1)).collect())
        }
        "integer" | "number" => {
            let min = keyword(schemas, "minimum")
                .and_then(Value::as_i64)
                .unwrap_or(1);
            json!(
                min.max(1).min(
                    keyword(schemas, "maximum")
                        .and_then(Value::as_i64)
                        .unwrap_or(i64::MAX)
                )
            )
        }
        "boolean" => json!(true),
        _ => json!(valid_string(schemas)),
    }
}

pub fn valid_string(schemas: &[&Map<String, Value>]) -> String {
    let format = keyword(schemas, "format").and_then(Value::as_str);
    let pattern = keyword(schemas, "pattern").and_then(Value::as_str);
    let text = match (format, pattern) {
        (Some("date-time"), _) => "2025-01-31T23:59:00Z",
        (Some("uri"), _) | (_, Some("https?://*")) => "https://shop.example/x",
        (Some("iso3166-alpha2" | "iso-3166-1"), _) => "NO",
        (Some("iso4217-code"), _) => "NOK",
        (Some("iso-18245"), _) => "5411",
        (Some("^([0-9]*[.])?[0-9]+$"), _) => "1.5",
        (_, Some(_)) => "+4799999999",
        _ => "a",
    };
    let min = keyword(schemas, "minLength")
        .and_then(Value::as_u64)
        .unwrap_or(0) as usize;
    if text.len() >= min {
        text.to_owned()
    } else {
        "a".repeat(min)
    }
}
