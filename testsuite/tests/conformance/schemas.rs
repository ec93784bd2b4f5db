//! The request-body schemas the conformance tests validate against, cut from Dintero's spec.
//!
//! Dintero's spec is Swagger 2.0 and lives outside the repository, so the two schemas the
//! tests need are extracted once and committed (`core/spec/`). [`extract`] is the
//! whole recipe: the test `committed_schemas_match_the_spec` reruns it whenever the spec is
//! at hand and fails if the committed files differ, so they cannot drift from it silently.
//! The spec is Dintero's of July 2024; the edits of `core/spec/delta-2025.json` (written by
//! hand from the summary of the 2025-09-22 changes, see `core/spec/README.md`) bring the
//! documents up to 2025.

use std::collections::BTreeSet;

use serde_json::{Map, Value, json};

/// The `POST /v1/sessions-profile` body, relative to the testsuite package.
pub const PROFILE: &str = "../core/spec/sessions-profile.json";
/// The `POST /v1/sessions` body, relative to the testsuite package.
pub const SESSIONS: &str = "../core/spec/sessions.json";
/// The `PUT /v1/sessions/{session_id}` body (`UpdateSessionOptions`).
pub const SESSION_UPDATE: &str = "../core/spec/session-update.json";
/// The `POST /v1/transactions/{id}/capture` body.
pub const CAPTURE: &str = "../core/spec/capture.json";
/// The `POST /v1/transactions/{id}/refund` body.
pub const REFUND: &str = "../core/spec/refund.json";
/// The merchant's 200 answer to the express `shipping_address_callback_url` call.
pub const SHIPPING_ADDRESS_ANSWER: &str = "../core/spec/shipping-address-answer.json";
/// The merchant's 200 answer to the express discount-codes callback.
pub const DISCOUNT_CODES_ANSWER: &str = "../core/spec/discount-codes-answer.json";
/// Every committed schema file, relative to the testsuite package.
pub const ALL: [&str; 7] = [
    PROFILE,
    SESSIONS,
    SESSION_UPDATE,
    CAPTURE,
    REFUND,
    SHIPPING_ADDRESS_ANSWER,
    DISCOUNT_CODES_ANSWER,
];

/// Bodies the spec states inline (in a path, not as a definition) get a definition of their
/// own, so that the edits of `delta-2025.json` can name them (`/definitions/CaptureBody/…`):
/// the name, and where the body's schema is in the spec.
const INLINE_BODIES: [(&str, &str); 4] = [
    (
        "CaptureBody",
        "/paths/~1transactions~1{id}~1capture/post/parameters",
    ),
    (
        "RefundBody",
        "/paths/~1transactions~1{id}~1refund/post/parameters",
    ),
    (
        "ShippingAddressCallbackAnswer",
        "/paths/~1examples~1shipping_address_callback_url/post/responses/200/schema",
    ),
    (
        "DiscountCodesCallbackAnswer",
        "/paths/~1examples~1discount_code_callback_url/post/responses/200/schema",
    ),
];

/// The schema at `pointer` in the spec: a schema, or the schema of the `body` parameter in a
/// parameter list.
fn inline_body(spec: &Value, pointer: &str) -> Value {
    let found = spec
        .pointer(pointer)
        .unwrap_or_else(|| panic!("the spec has nothing at {pointer}"));
    let schema = match found {
        Value::Array(parameters) => parameters
            .iter()
            .find(|parameter| parameter["in"] == "body")
            .map(|parameter| parameter["schema"].clone())
            .unwrap_or_else(|| panic!("no body parameter at {pointer}")),
        schema => schema.clone(),
    };
    assert!(schema.is_object(), "no schema object at {pointer}");
    schema
}

/// The hand-written edits that turn the July-2024 spec's bodies into those of Dintero's
/// 2025-09-22 spec (`core/spec/delta-2025.json`; see [`apply_delta`] for the format).
const DELTA: &str = include_str!("../../../core/spec/delta-2025.json");

/// Each committed schema file (relative to the testsuite package) and its exact text, made
/// from the spec.
///
/// - The body's schema becomes the root of a draft-4 document (`$schema` set) that embeds
///   the spec's `definitions`, so `$ref: "#/definitions/…"` resolve.
/// - [`draft4`] handles the Swagger-isms.
/// - Pure annotations are dropped (`description`, `title`, `default`, `externalDocs`): they
///   change no verdict, and without them a diff of the files shows only rule changes.
/// - The edits of `core/spec/delta-2025.json` are applied in order ([`apply_delta`]), so the
///   documents describe Dintero's 2025-09-22 spec too. Every edit must apply to at least one
///   document, or this panics.
/// - Only the definitions the body reaches through `$ref` are kept.
/// - Keys are sorted and the text pretty-printed, ending in a newline.
pub fn extract(spec: &Value) -> Vec<(&'static str, String)> {
    let profile = spec["paths"]["/sessions-profile"]["post"]["parameters"][0]["schema"].clone();
    assert!(
        profile.is_object(),
        "the spec has no body schema at paths./sessions-profile.post.parameters[0].schema"
    );
    let sessions = json!({ "$ref": "#/definitions/SessionOptions" });
    let mut spec = spec.clone();
    for (name, pointer) in INLINE_BODIES {
        let schema = inline_body(&spec, pointer);
        let definitions = spec["definitions"]
            .as_object_mut()
            .expect("the spec has definitions");
        assert!(
            definitions.insert(name.to_owned(), schema).is_none(),
            "the spec has a definition {name} already"
        );
    }
    let spec = &spec;
    let body = |name: &str| json!({ "$ref": format!("#/definitions/{name}") });
    let delta: Value = serde_json::from_str(DELTA)
        .unwrap_or_else(|e| panic!("core/spec/delta-2025.json is not JSON: {e}"));
    let Value::Array(delta) = delta else {
        panic!("core/spec/delta-2025.json is not an array of edits")
    };
    let mut applied = vec![false; delta.len()];
    let files = vec![
        (PROFILE, document(spec, profile, &delta, &mut applied)),
        (SESSIONS, document(spec, sessions, &delta, &mut applied)),
        (
            SESSION_UPDATE,
            document(spec, body("UpdateSessionOptions"), &delta, &mut applied),
        ),
        (
            CAPTURE,
            document(spec, body("CaptureBody"), &delta, &mut applied),
        ),
        (
            REFUND,
            document(spec, body("RefundBody"), &delta, &mut applied),
        ),
        (
            SHIPPING_ADDRESS_ANSWER,
            document(
                spec,
                body("ShippingAddressCallbackAnswer"),
                &delta,
                &mut applied,
            ),
        ),
        (
            DISCOUNT_CODES_ANSWER,
            document(
                spec,
                body("DiscountCodesCallbackAnswer"),
                &delta,
                &mut applied,
            ),
        ),
    ];
    for (edit, applied) in delta.iter().zip(applied) {
        assert!(
            applied,
            "core/spec/delta-2025.json: the edit at {} applies to no document",
            edit["at"]
        );
    }
    files
}

/// One body's schema as a self-contained draft-4 document (see [`extract`]); `applied[i]`
/// is set when `delta[i]` applied to it.
fn document(spec: &Value, body: Value, delta: &[Value], applied: &mut [bool]) -> String {
    let mut document = body;
    let object = document
        .as_object_mut()
        .expect("a body schema is an object");
    object.insert(
        "$schema".into(),
        json!("http://json-schema.org/draft-04/schema#"),
    );
    object.insert("definitions".into(), spec["definitions"].clone());
    draft4(&mut document);
    drop_annotations(&mut document);
    for (edit, applied) in delta.iter().zip(applied.iter_mut()) {
        *applied |= apply_delta(&mut document, edit);
    }
    keep_reachable_definitions(&mut document);
    let mut text = serde_json::to_string_pretty(&sorted(document)).expect("JSON to text");
    text.push('\n');
    text
}

/// Calls `visit` on every schema in `value`, a schema itself, children before parents. Keys
/// of `properties` and `definitions` are names (a property may be called `description`), so
/// only their values are schemas; `enum`, `required`, `default`, `example` and `type` hold
/// data, not schemas.
fn for_each_schema(value: &mut Value, visit: &mut dyn FnMut(&mut Map<String, Value>)) {
    match value {
        Value::Object(schema) => {
            for (key, child) in schema.iter_mut() {
                match key.as_str() {
                    "properties" | "definitions" => {
                        if let Value::Object(map) = child {
                            map.values_mut().for_each(|v| for_each_schema(v, visit));
                        }
                    }
                    "enum" | "required" | "default" | "example" | "type" => {}
                    _ => for_each_schema(child, visit),
                }
            }
            visit(schema);
        }
        Value::Array(items) => items.iter_mut().for_each(|v| for_each_schema(v, visit)),
        _ => {}
    }
}

/// Turns Swagger 2.0 schema text into draft-4 JSON Schema:
///
/// - `readOnly`, `example`, `discriminator` and `x-*` are Swagger annotations: removed.
/// - `format: int32` on an integer becomes `minimum`/`maximum` (a format only constrains
///   strings, so it would otherwise check nothing).
pub fn draft4(value: &mut Value) {
    for_each_schema(value, &mut |schema| {
        schema.retain(|key, _| {
            !matches!(key.as_str(), "readOnly" | "example" | "discriminator")
                && !key.starts_with("x-")
        });
        if schema.get("format") == Some(&json!("int32")) {
            schema.remove("format");
            schema.insert("minimum".into(), json!(i32::MIN));
            schema.insert("maximum".into(), json!(i32::MAX));
        }
    });
}

/// Removes the keywords that only annotate: they never make a value valid or invalid.
fn drop_annotations(value: &mut Value) {
    for_each_schema(value, &mut |schema| {
        schema.retain(|key, _| {
            !matches!(
                key.as_str(),
                "description" | "title" | "default" | "externalDocs"
            )
        });
    });
}

/// Applies one edit of `core/spec/delta-2025.json` to `document` (a body's draft-4
/// document, annotations dropped, still holding all of the spec's `definitions`), and says
/// whether it applied. The file is a JSON array of edits, applied in order; each is an
/// object with
///
/// - `why`: the reason, citing the section of `SPEC-2025-DELTA.md` (must contain a `§`);
/// - `at`: a JSON pointer (RFC 6901: `/` in a key is `~1`, `~` is `~0`) into the document;
/// - exactly one operation:
///   - `add`: an object whose keys are added to the object at `at`; a key already there
///     panics;
///   - `set`: the value that replaces what is at `at`;
///   - `remove`: an array of keys removed from the object at `at`, or of values removed
///     from the array at `at`; one that is not there panics;
///   - `append`: an array of values appended to the array at `at`; one already there
///     panics.
///
/// A pointer into `/definitions` must resolve in every document (each holds the spec's
/// whole `definitions` at this point, so new definitions are added at `/definitions` and
/// kept only where reached); one elsewhere applies to the documents where it resolves. An
/// edit that finds nothing it expects panics, so a spec that moves things is noticed.
pub fn apply_delta(document: &mut Value, edit: &Value) -> bool {
    let Some(edit) = edit.as_object() else {
        panic!("core/spec/delta-2025.json: an edit is not an object: {edit}")
    };
    let at = edit
        .get("at")
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("core/spec/delta-2025.json: an edit has no \"at\" string"));
    match edit.get("why").and_then(Value::as_str) {
        Some(why) if why.contains('§') => {}
        _ => fail(at, "no \"why\" citing a section (§) of SPEC-2025-DELTA.md"),
    }
    let operations: Vec<&str> = edit
        .keys()
        .map(String::as_str)
        .filter(|key| !matches!(*key, "why" | "at"))
        .collect();
    let [operation] = operations[..] else {
        fail(
            at,
            &format!("wants exactly one of add, set, remove, append; has {operations:?}"),
        )
    };
    let operand = &edit[operation];
    let Some(target) = document.pointer_mut(at) else {
        if at == "/definitions" || at.starts_with("/definitions/") {
            fail(at, "nothing there (has the spec moved it?)")
        }
        return false;
    };
    match (operation, target) {
        ("set", target) => *target = operand.clone(),
        ("add", Value::Object(target)) => {
            let Value::Object(add) = operand else {
                fail(at, "\"add\" is not an object")
            };
            for (key, value) in add {
                if target.contains_key(key) {
                    fail(at, &format!("\"{key}\" is there already"));
                }
                target.insert(key.clone(), value.clone());
            }
        }
        ("remove", Value::Object(target)) => {
            for key in array_operand(at, operand) {
                let key = key
                    .as_str()
                    .unwrap_or_else(|| fail(at, "a key to remove is not a string"));
                if target.remove(key).is_none() {
                    fail(at, &format!("no \"{key}\" to remove"));
                }
            }
        }
        ("remove", Value::Array(target)) => {
            for value in array_operand(at, operand) {
                let before = target.len();
                target.retain(|v| v != value);
                if target.len() == before {
                    fail(at, &format!("no {value} to remove"));
                }
            }
        }
        ("append", Value::Array(target)) => {
            for value in array_operand(at, operand) {
                if target.contains(value) {
                    fail(at, &format!("{value} is there already"));
                }
                target.push(value.clone());
            }
        }
        ("add" | "remove" | "append", target) => {
            fail(at, &format!("cannot {operation} on {target}"))
        }
        (other, _) => fail(at, &format!("unknown operation \"{other}\"")),
    }
    true
}

/// The values of the array operand of the edit at `at`.
fn array_operand<'a>(at: &str, operand: &'a Value) -> &'a [Value] {
    match operand {
        Value::Array(values) => values,
        _ => fail(at, "the operand is not an array"),
    }
}

/// Stops on a delta edit that does not fit the document.
fn fail(at: &str, problem: &str) -> ! {
    panic!("core/spec/delta-2025.json, edit at {at}: {problem}")
}

/// Every `#/definitions/NAME` that `value` refers to.
fn refs(value: &mut Value) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for_each_schema(value, &mut |schema| {
        if let Some(Value::String(target)) = schema.get("$ref") {
            let name = target
                .strip_prefix("#/definitions/")
                .unwrap_or_else(|| panic!("a $ref outside #/definitions: {target}"));
            found.insert(name.to_owned());
        }
    });
    found
}

/// Drops the definitions the root does not reach.
fn keep_reachable_definitions(document: &mut Value) {
    let object = document.as_object_mut().expect("a document is an object");
    let Some(Value::Object(mut definitions)) = object.remove("definitions") else {
        panic!("the document has no definitions")
    };
    let mut root = Value::Object(object.clone());
    let mut reached = BTreeSet::new();
    let mut todo: Vec<String> = refs(&mut root).into_iter().collect();
    while let Some(name) = todo.pop() {
        if !reached.insert(name.clone()) {
            continue;
        }
        let definition = definitions
            .get_mut(&name)
            .unwrap_or_else(|| panic!("$ref to a missing definition: {name}"));
        todo.extend(refs(definition));
    }
    definitions.retain(|name, _| reached.contains(name));
    object.insert("definitions".into(), Value::Object(definitions));
}

/// The same value with every object's keys in sorted order, whatever map serde_json uses.
fn sorted(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut entries: Vec<(String, Value)> = map.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(entries.into_iter().map(|(k, v)| (k, sorted(v))).collect())
        }
        Value::Array(items) => Value::Array(items.into_iter().map(sorted).collect()),
        other => other,
    }
}

/// Every `$ref` of a committed document resolves, and every definition is reached: what
/// [`extract`] guarantees, checked without the spec.
pub fn check_self_contained(document: &Value) -> Result<(), String> {
    let mut document = document.clone();
    let Some(Value::Object(definitions)) = document.get("definitions").cloned() else {
        return Err("no definitions".into());
    };
    let mut pruned = document.clone();
    keep_reachable_definitions(&mut pruned);
    let kept = pruned["definitions"].as_object().map_or(0, Map::len);
    if kept != definitions.len() {
        return Err(format!(
            "{} of {} definitions are unreachable",
            definitions.len() - kept,
            definitions.len()
        ));
    }
    let mut annotated = Vec::new();
    for_each_schema(&mut document, &mut |schema| {
        for key in ["description", "title", "default", "example", "readOnly"] {
            if schema.contains_key(key) {
                annotated.push(key);
            }
        }
    });
    if annotated.is_empty() {
        Ok(())
    } else {
        Err(format!("annotations left: {annotated:?}"))
    }
}
