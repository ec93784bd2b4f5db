//! What the lifecycle tests share: a stand-in for Dintero's bookkeeping, which records a
//! successful operation as an event on the transaction and sets its status.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

use serde_json::{Value, json};

/// The status Dintero gives a transaction of `authorized` after captures and refunds of
/// these totals (its transaction-statuses page).
pub fn status_after(authorized: i64, captured: i64, refunded: i64) -> &'static str {
    match (captured, refunded) {
        (0, _) => "AUTHORIZED",
        (c, 0) if c < authorized => "PARTIALLY_CAPTURED",
        (_, 0) => "CAPTURED",
        (c, r) if c < authorized && r < c => "PARTIALLY_CAPTURED_REFUNDED",
        (c, r) if c >= authorized && r < c => "PARTIALLY_REFUNDED",
        _ => "REFUNDED",
    }
}

/// Records a successful `kind` (`CAPTURE` or `REFUND`) event with the lines of `body` (a
/// capture or refund body as JSON) on the transaction `tx`, and sets its status from the
/// totals of all its successful events.
pub fn record(tx: &mut Value, kind: &str, body: &Value) {
    let items: Vec<Value> = body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| {
            json!({"line_id": item["line_id"], "quantity": item["quantity"],
                   "amount": item["amount"], "vat_amount": item["vat_amount"]})
        })
        .collect();
    let events = tx["events"].as_array_mut().unwrap();
    events.push(json!({"event": kind, "success": true, "amount": body["amount"], "items": items}));
    let total = |kind: &str| -> i64 {
        events
            .iter()
            .filter(|event| event["event"] == kind && event["success"] == true)
            .map(|event| event["amount"].as_i64().unwrap())
            .sum()
    };
    let (captured, refunded) = (total("CAPTURE"), total("REFUND"));
    let authorized = tx["amount"].as_i64().unwrap_or_else(|| {
        let items = tx["items"].as_array().unwrap();
        items
            .iter()
            .map(|item| item["amount"].as_i64().unwrap())
            .sum()
    });
    tx["status"] = json!(status_after(authorized, captured, refunded));
}
