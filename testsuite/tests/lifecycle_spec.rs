//! After payment against Dintero's own examples: the spec's example transaction (2024 and
//! 2025 fields) is read as Dintero means it, and replaying its captures from the authorized
//! transaction gives exactly the captures its events record.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

// Only the schema files' names are needed here.
#[allow(dead_code)]
#[path = "conformance/schemas.rs"]
mod schemas;
#[path = "conformance/validator.rs"]
mod validator;

use dintero_order::{EventKind, Rule, Transaction, TransactionStatus};
use rust_decimal_macros::dec;
use serde_json::{Value, json};
use validator::{assert_conforms, committed, validator_for};

/// The spec's example transaction (`definitions.Transaction` examples of `amount`, `items`,
/// `events`, …, assembled), as `GET /v1/transactions/{id}` returns it after both captures.
const SPEC_2024: &str = include_str!("transactions/spec-2024.json");
/// The same with the fields of Dintero's 2025 spec (`channel`, `verified_identity`,
/// `card.product_platform`, `metadata.event_reference`, the status
/// `PARTIALLY_CAPTURED_REFUNDED`, an event error whose `type` is an array, a refund), and
/// fields no spec has yet (`loyalty_points`, an event's `future_flag`).
const SPEC_2025: &str = include_str!("transactions/spec-2025.json");

fn spec_2024() -> Value {
    serde_json::from_str(SPEC_2024).unwrap()
}

/// The example transaction before its captures: authorized, with its first two events.
fn authorized() -> Value {
    let mut tx = spec_2024();
    tx["status"] = json!("AUTHORIZED");
    tx["events"].as_array_mut().unwrap().truncate(2);
    tx
}

fn parse(tx: &Value) -> Transaction {
    Transaction::from_json(&serde_json::to_vec(tx).unwrap()).unwrap()
}

/// `(line_id, quantity, amount)` of each item of a body or event.
fn lines(value: &Value) -> Vec<(String, Value, Value)> {
    value["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| {
            (
                item["line_id"].as_str().unwrap().to_owned(),
                item["quantity"].clone(),
                item["amount"].clone(),
            )
        })
        .collect()
}

#[test]
fn the_2024_example_reads_with_what_each_line_had_captured() {
    let tx = Transaction::from_json(SPEC_2024.as_bytes()).unwrap();
    assert_eq!(tx.status(), &TransactionStatus::Captured);
    assert_eq!((tx.amount(), tx.currency()), (Some(72200), Some("NOK")));
    let kinds: Vec<&EventKind> = tx.events().iter().map(|event| event.kind()).collect();
    assert_eq!(
        kinds,
        [
            &EventKind::Other("INITIATE".into()),
            &EventKind::Authorize,
            &EventKind::Capture,
            &EventKind::Capture
        ]
    );
    let captured: Vec<(&str, i64, i64)> = tx
        .items()
        .iter()
        .map(|item| {
            (
                item.line_id(),
                item.captured_amount(),
                item.captured_vat_amount(),
            )
        })
        .collect();
    // No `vat_amount` on the example's lines: the gross VAT at 20 % of each amount.
    assert_eq!(
        captured,
        [("1", 2000, 333), ("2", 6600, 1100), ("3", 59700, 9950)]
    );
    assert_eq!(tx.items()[1].discount_lines()[0].amount(), 4400);
    let err = tx.capture().all().build().unwrap_err();
    assert_eq!(err.violations()[0].rule(), Rule::TransactionStatus);
}

#[test]
fn the_2025_example_and_fields_dintero_may_add_read_too() {
    let tx = Transaction::from_json(SPEC_2025.as_bytes()).unwrap();
    assert_eq!(tx.status(), &TransactionStatus::PartiallyCapturedRefunded);
    assert_eq!(tx.events().len(), 6);
    // The failed capture counts for nothing; the refund of one of three "Luftboller" does.
    assert!(!tx.events()[5].success());
    let line = &tx.items()[2];
    assert_eq!(
        (line.captured_amount(), line.refunded_amount()),
        (59700, 19900)
    );
    assert_eq!(line.refunded_vat_amount(), 3317);
    assert_eq!(line.refunded_quantity(), dec!(1));
    let refund = tx.refund().line("3", 2).build().unwrap();
    assert_eq!(
        std::str::from_utf8(&refund.to_json()).unwrap(),
        r#"{"amount":39800,"items":[{"id":"1","line_id":"3","description":"Luftboller","quantity":2,"amount":39800,"vat_amount":6633,"vat":20}]}"#
    );
}

/// Dintero's example events, replayed: capturing line "3" whole from the authorized
/// transaction, then lines "1" and "2", gives the amounts, quantities and lines its two
/// `CAPTURE` events record, and every body is a valid capture body.
#[test]
fn replaying_the_spec_examples_captures_gives_its_events() {
    let capture_schema = validator_for(&committed(schemas::CAPTURE));
    let spec = spec_2024();
    let events = spec["events"].as_array().unwrap();
    let mut tx = authorized();

    let first = parse(&tx).capture().line("3", 3).build().unwrap();
    let body: Value = serde_json::from_slice(&first.to_json()).unwrap();
    assert_conforms(&capture_schema, &body, "the first capture");
    assert_eq!(
        std::str::from_utf8(&first.to_json()).unwrap(),
        r#"{"amount":59700,"items":[{"id":"1","line_id":"3","description":"Luftboller","quantity":3,"amount":59700,"vat_amount":9950,"vat":20}]}"#
    );
    assert_eq!(body["amount"], events[2]["amount"]);
    assert_eq!(lines(&body), lines(&events[2]));

    tx["events"].as_array_mut().unwrap().push(events[2].clone());
    tx["status"] = json!("PARTIALLY_CAPTURED");
    let second = parse(&tx).capture().all().build().unwrap();
    let body: Value = serde_json::from_slice(&second.to_json()).unwrap();
    assert_conforms(&capture_schema, &body, "the second capture");
    assert_eq!(
        std::str::from_utf8(&second.to_json()).unwrap(),
        concat!(
            r#"{"amount":8600,"items":["#,
            r#"{"id":"10","line_id":"1","description":"Forsvinnignspølse","quantity":2,"amount":2000,"vat_amount":333,"vat":20},"#,
            r#"{"id":"6","line_id":"2","description":"Vissvossafår på neppebrød","quantity":2,"amount":6600,"vat_amount":1100,"vat":20,"#,
            r#""discount_lines":[{"amount":4400,"discount_type":"customer","discount_id":"ed960ace-eb16-4e2e-ae52-b27647ccae8d","description":"Vossafestpris","line_id":1}]}]}"#
        )
    );
    assert_eq!(body["amount"], events[3]["amount"]);
    assert_eq!(lines(&body), lines(&events[3]));
}

/// The capture in Dintero's transaction-management docs: `amount` 29990, a
/// `capture_reference`, one item `{line_id "1", amount 29990}`, for the session of its
/// create-session example (whose `vat_amount` 6000 Dintero stored as sent). The crate's body
/// has those fields with those values, and the line's own quantity and VAT besides.
#[test]
fn the_docs_capture_example() {
    let tx = Transaction::from_json(
        br#"{"id":"T11223344.5abc","status":"AUTHORIZED","amount":29990,"currency":"NOK",
        "items":[{"amount":29990,"quantity":1,"line_id":"1","description":"Stablestol","vat":25,"id":"chair-1","vat_amount":6000}]}"#,
    )
    .unwrap();
    let capture = tx.capture().all().reference("ship-1").build().unwrap();
    assert_eq!(
        std::str::from_utf8(&capture.to_json()).unwrap(),
        r#"{"amount":29990,"capture_reference":"ship-1","items":[{"id":"chair-1","line_id":"1","description":"Stablestol","quantity":1,"amount":29990,"vat_amount":6000,"vat":25}]}"#
    );
    let body: Value = serde_json::from_slice(&capture.to_json()).unwrap();
    assert_conforms(
        &validator_for(&committed(schemas::CAPTURE)),
        &body,
        "the docs capture",
    );
    let docs = json!({"amount": 29990, "items": [{"line_id": "1", "amount": 29990}]});
    assert_eq!(body["amount"], docs["amount"]);
    assert_eq!(body["items"][0]["line_id"], docs["items"][0]["line_id"]);
    assert_eq!(body["items"][0]["amount"], docs["items"][0]["amount"]);
}

/// A refund as the spec describes it (`amount`, `reason`, `refund_reference`, items with
/// `line_id` and `amount`; 2025 `metadata`), of one "Luftboller" of the captured example.
#[test]
fn a_refund_of_the_spec_example() {
    let tx = Transaction::from_json(SPEC_2024.as_bytes()).unwrap();
    let refund = tx
        .refund()
        .line("3", 1)
        .reason("Returned: damaged in transit")
        .reference("rma-1")
        .metadata("ext_rma", "RMA-2019-7")
        .build()
        .unwrap();
    assert_eq!(
        std::str::from_utf8(&refund.to_json()).unwrap(),
        r#"{"amount":19900,"reason":"Returned: damaged in transit","refund_reference":"rma-1","metadata":{"ext_rma":"RMA-2019-7"},"items":[{"id":"1","line_id":"3","description":"Luftboller","quantity":1,"amount":19900,"vat_amount":3317,"vat":20}]}"#
    );
    let body: Value = serde_json::from_slice(&refund.to_json()).unwrap();
    assert_conforms(
        &validator_for(&committed(schemas::REFUND)),
        &body,
        "the refund",
    );
}
