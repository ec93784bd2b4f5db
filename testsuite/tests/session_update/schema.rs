//! Every update the suite emits validates against the committed
//! `core/spec/session-update.json`, and declares no key Dintero's update does not define.

use std::path::Path;

use dintero_order::Currency;
use jsonschema::{Draft, Validator};
use serde_json::Value;

use super::{order_shipped_home, schemas, valid_updates};

/// `core/spec/session-update.json`, Dintero's `UpdateSessionOptions` (draft 4).
fn update_schema() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(schemas::SESSION_UPDATE);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap()
}

/// The formats the update body reaches, checked as `conformance.rs` checks them; an unknown
/// format fails the build of the validator.
fn validator(schema: &Value) -> Validator {
    jsonschema::options()
        .with_draft(Draft::Draft4)
        .should_validate_formats(true)
        .should_ignore_unknown_formats(false)
        .with_format("iso4217-code", |s: &str| Currency::from_code(s).is_some())
        .with_format("iso3166-alpha2", |s: &str| {
            s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase())
        })
        .with_format("iso-3166-1", |s: &str| {
            (2..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_uppercase())
        })
        .with_format("iso-18245", |s: &str| {
            s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())
        })
        .with_format("payout_destination_id", |s: &str| {
            (1..=40).contains(&s.chars().count())
        })
        .with_format("^([0-9]*[.])?[0-9]+$", |s: &str| {
            let (whole, fraction) = s.split_once('.').unwrap_or(("", s));
            whole.bytes().all(|b| b.is_ascii_digit())
                && !fraction.is_empty()
                && fraction.bytes().all(|b| b.is_ascii_digit())
        })
        .build(schema)
        .unwrap_or_else(|e| panic!("the schema does not compile as draft 4: {e}"))
}

fn violations(validator: &Validator, body: &Value) -> Vec<String> {
    validator
        .iter_errors(body)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

/// The keys `definition` declares, its `allOf` parts' included. The spec leaves
/// `additionalProperties` open, so the schema alone would take a `merchant_reference`.
fn declared(schema: &Value, definition: &str) -> Vec<String> {
    let definition = &schema["definitions"][definition];
    let parts = definition["allOf"].as_array().cloned().unwrap_or_default();
    [definition.clone()]
        .iter()
        .chain(&parts)
        .filter_map(|part| part["properties"].as_object())
        .flat_map(|properties| properties.keys().cloned())
        .collect()
}

fn undeclared(body: &Value, declared: &[String]) -> Vec<String> {
    body.as_object()
        .unwrap()
        .keys()
        .filter(|key| !declared.contains(key))
        .cloned()
        .collect()
}

#[test]
fn every_update_emitted_here_conforms_to_dinteros_schema() {
    let schema = update_schema();
    let validator = validator(&schema);
    let top = declared(&schema, "UpdateSessionOptions");
    let order = declared(&schema, "SessionOrderUpdate");
    let express = declared(&schema, "SessionExpressUpdate");
    assert!(!order.contains(&"merchant_reference".to_owned()));
    for (what, update) in valid_updates() {
        let body: Value = serde_json::from_slice(&update.to_json()).unwrap();
        assert_eq!(
            violations(&validator, &body),
            Vec::<String>::new(),
            "{what}"
        );
        assert_eq!(undeclared(&body, &top), Vec::<String>::new(), "{what}");
        assert_eq!(
            undeclared(&body["order"], &order),
            Vec::<String>::new(),
            "{what}"
        );
        if body.get("express").is_some() {
            let found = undeclared(&body["express"], &express);
            assert_eq!(found, Vec::<String>::new(), "{what}");
        }
    }
}

/// The checks above can fail: a session's order, an express object with a callback URL, a
/// string `remove_lock`.
#[test]
fn the_schema_checks_can_fail() {
    let schema = update_schema();
    let validator = validator(&schema);
    let session_order: Value =
        serde_json::from_slice(&order_shipped_home("o-1").to_json()).unwrap();
    assert_eq!(
        undeclared(&session_order, &declared(&schema, "SessionOrderUpdate")),
        ["merchant_reference", "payout_destination_id"]
    );
    let bad = serde_json::json!({"order": {}, "express": {"shipping_mode": "shipping_required"}, "remove_lock": "yes"});
    let found = violations(&validator, &bad);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found.iter().any(|v| v.ends_with("at /remove_lock")),
        "{found:?}"
    );
    assert!(
        found.iter().any(|v| v.ends_with("at /express")),
        "{found:?}"
    );
}
