//! The embedded spec: Dintero's `POST /v1/sessions-profile` body schema (`core/spec/`,
//! generated from its spec by `scripts/regenerate-schemas`), read once, and the schemas
//! that apply at a place in a body.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

use serde_json::{Map, Value};

/// The schema of the `POST /v1/sessions-profile` body, a JSON Schema draft-4 document with
/// its `definitions`. Its parts are those of `POST /v1/sessions` too (the two bodies share
/// every definition); only the roots differ.
static PROFILE: LazyLock<Option<Value>> =
    LazyLock::new(|| serde_json::from_str(include_str!("../../spec/sessions-profile.json")).ok());

/// One schema object: its keywords.
pub(super) type Schema = Map<String, Value>;

/// How deep `$ref` and `allOf` are followed; the spec nests a few levels, and a schema that
/// referred to itself must not loop.
const MAX_REFS: usize = 32;

/// The embedded document, `None` only if it failed to parse, which a test rules out.
pub(super) fn document() -> Option<&'static Value> {
    PROFILE.as_ref()
}

/// The schemas found for each place so far: finding them walks the spec from its root, and
/// the same few places are checked in every body.
static FOUND: LazyLock<Mutex<HashMap<Vec<&'static str>, Found>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// The schemas of one place, shared by every check of it.
type Found = Arc<[&'static Schema]>;

/// The schemas that apply at `at`, a place in a body given by property names and `*` for an
/// array's elements (`["order", "items", "*", "emd"]`): every one applies, as `allOf`'s
/// members all do. Empty when the spec says nothing of that place.
pub(super) fn at(at: &[&'static str]) -> Found {
    let mut found = FOUND.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(schemas) = found.get(at) {
        return Arc::clone(schemas);
    }
    let schemas: Found = Arc::from(walk_to(at));
    found.insert(at.to_vec(), Arc::clone(&schemas));
    schemas
}

fn walk_to(at: &[&str]) -> Vec<&'static Schema> {
    let Some(root) = document() else {
        return Vec::new();
    };
    let mut schemas = expand(root);
    for step in at {
        let children = schemas.iter().filter_map(|schema| match *step {
            "*" => schema.get("items"),
            name => schema.get("properties")?.get(name),
        });
        schemas = children.flat_map(expand).collect();
    }
    schemas
}

/// `schema` with its `$ref` followed and its `allOf` members spread out, each a schema of
/// its own (a schema with `allOf` may also carry keywords beside it, e.g. `type`).
pub(super) fn expand(schema: &'static Value) -> Vec<&'static Schema> {
    let mut out = Vec::new();
    expand_into(schema, &mut out, 0);
    out
}

fn expand_into(schema: &'static Value, out: &mut Vec<&'static Schema>, depth: usize) {
    let Some(object) = schema.as_object() else {
        return;
    };
    if depth > MAX_REFS {
        return;
    }
    if let Some(target) = object
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(definition)
    {
        expand_into(target, out, depth + 1);
    }
    if let Some(members) = object.get("allOf").and_then(Value::as_array) {
        for member in members {
            expand_into(member, out, depth + 1);
        }
    }
    out.push(object);
}

/// The definition a `$ref` names (`#/definitions/Name`).
fn definition(reference: &str) -> Option<&'static Value> {
    let name = reference.strip_prefix("#/definitions/")?;
    document()?.get("definitions")?.get(name)
}
