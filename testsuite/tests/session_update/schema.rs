//! Every update the suite emits validates against the committed
//! `core/spec/session-update.json`, and declares no key Dintero's update does not define.

use serde_json::Value;

use super::validator::{committed, problems, validator_for};
use super::{order_shipped_home, schemas, valid_updates};

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
    let schema = committed(schemas::SESSION_UPDATE);
    let validator = validator_for(&schema);
    let top = declared(&schema, "UpdateSessionOptions");
    let order = declared(&schema, "SessionOrderUpdate");
    let express = declared(&schema, "SessionExpressUpdate");
    assert!(!order.contains(&"merchant_reference".to_owned()));
    for (what, update) in valid_updates() {
        let body: Value = serde_json::from_slice(&update.to_json()).unwrap();
        assert_eq!(problems(&validator, &body), Vec::<String>::new(), "{what}");
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

/// The checks above can fail: a session's order has two keys an update does not define, and
/// the schema refuses an express object without options and a string `remove_lock`.
#[test]
fn the_schema_checks_can_fail() {
    let schema = committed(schemas::SESSION_UPDATE);
    let validator = validator_for(&schema);
    let session_order: Value =
        serde_json::from_slice(&order_shipped_home("o-1").to_json()).unwrap();
    assert_eq!(
        undeclared(&session_order, &declared(&schema, "SessionOrderUpdate")),
        ["merchant_reference", "payout_destination_id"]
    );
    let bad = serde_json::json!({"order": {}, "express": {"shipping_mode": "shipping_required"}, "remove_lock": "yes"});
    let found = problems(&validator, &bad);
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
