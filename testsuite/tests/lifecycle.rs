//! After payment (issue 17): `Transaction::from_json`, and capture and refund bodies with
//! DESIGN's cumulative arithmetic.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use dintero_order::{EventKind, Rule, Transaction, TransactionStatus};
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use serde_json::{Value, json};

mod lifecycle_support;
use lifecycle_support::record;

/// A line of a body or event: `(line_id, quantity, amount, vat_amount)`.
type Part = (String, Decimal, i64, i64);

/// A successful event: its kind and its lines.
type Event = (&'static str, Vec<Part>);

const TWO_LINES: &str = r#"{"id":"T11223344.5abc","status":"AUTHORIZED","amount":63880,"currency":"NOK",
  "merchant_reference":"order-7","items":[
  {"id":"chair-1","line_id":"1","description":"Stablestol","quantity":2,"amount":59980,"vat":25,"vat_amount":11996},
  {"id":"bring","line_id":"shipping","description":"Bring","quantity":1,"amount":3900,"vat":25,"vat_amount":780}],
  "events":[{"event":"AUTHORIZE","success":true,"amount":63880}]}"#;

/// The transaction `base` with successful events appended: `(kind, [(line_id, quantity,
/// amount, vat_amount)])`, and the status they lead to.
fn with_events(base: &Value, events: &[Event]) -> Transaction {
    let mut tx = base.clone();
    for (kind, items) in events {
        let amount: i64 = items.iter().map(|item| item.2).sum();
        let items: Vec<Value> = items
            .iter()
            .map(|(line_id, quantity, amount, vat)| {
                let quantity: Value = serde_json::from_str(&quantity.to_string()).unwrap();
                json!({"line_id": line_id, "quantity": quantity, "amount": amount, "vat_amount": vat})
            })
            .collect();
        record(&mut tx, kind, &json!({"amount": amount, "items": items}));
    }
    Transaction::from_json(&serde_json::to_vec(&tx).unwrap()).unwrap()
}

fn parts(body: &[u8]) -> Vec<Part> {
    let body: Value = serde_json::from_slice(body).unwrap();
    body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| {
            (
                item["line_id"].as_str().unwrap().to_owned(),
                item["quantity"].to_string().parse().unwrap(),
                item["amount"].as_i64().unwrap(),
                item["vat_amount"].as_i64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn golden_capture_of_a_two_line_transaction() {
    let tx = Transaction::from_json(TWO_LINES.as_bytes()).unwrap();
    assert_eq!(tx.status(), &TransactionStatus::Authorized);
    assert_eq!(tx.events()[0].kind(), &EventKind::Authorize);
    let capture = tx.capture().all().reference("ship-1").build().unwrap();
    assert_eq!(
        std::str::from_utf8(&capture.to_json()).unwrap(),
        r#"{"amount":63880,"capture_reference":"ship-1","items":[{"id":"chair-1","line_id":"1","description":"Stablestol","quantity":2,"amount":59980,"vat_amount":11996,"vat":25},{"id":"bring","line_id":"shipping","description":"Bring","quantity":1,"amount":3900,"vat_amount":780,"vat":25}]}"#
    );
    assert_eq!(serde_json::to_vec(&capture).unwrap(), capture.to_json());

    let one = tx
        .capture()
        .line("1", 1)
        .line("shipping", 1)
        .build()
        .unwrap();
    assert_eq!(
        std::str::from_utf8(&one.to_json()).unwrap(),
        r#"{"amount":33890,"items":[{"id":"chair-1","line_id":"1","description":"Stablestol","quantity":1,"amount":29990,"vat_amount":5998,"vat":25},{"id":"bring","line_id":"shipping","description":"Bring","quantity":1,"amount":3900,"vat_amount":780,"vat":25}]}"#
    );
}

#[test]
fn a_weight_priced_line_captured_in_three_parts_adds_up() {
    let base = json!({"id":"T","status":"AUTHORIZED","amount":13013,"currency":"NOK","items":[
        {"id":"cheese","line_id":"w","description":"Cheese","quantity":1.3,"amount":13013,"vat":25,"vat_amount":2603}],
        "events":[]});
    let mut events: Vec<Event> = Vec::new();
    let mut taken = Vec::new();
    for quantity in [dec!(0.4), dec!(0.5), dec!(0.4)] {
        let tx = with_events(&base, &events);
        let capture = tx.capture().line("w", quantity).build().unwrap();
        let part = parts(&capture.to_json());
        assert_eq!(capture.amount(), part[0].2);
        taken.push((part[0].2, part[0].3));
        events.push(("CAPTURE", part));
    }
    assert_eq!(taken, [(4004, 801), (5005, 1001), (4004, 801)]);
    let tx = with_events(&base, &events);
    assert_eq!(tx.items()[0].captured_quantity(), dec!(1.3));
    assert_eq!(tx.items()[0].captured_amount(), 13013);
    assert_eq!(tx.items()[0].captured_vat_amount(), 2603);
    assert_eq!(tx.status(), &TransactionStatus::Captured);
    let err = tx.capture().all().build().unwrap_err();
    assert_eq!(
        (err.violations()[0].rule(), err.violations()[0].path()),
        (Rule::TransactionStatus, "status")
    );
    assert_eq!(
        err.violations()[0].expected(),
        "a transaction that can be captured: AUTHORIZED, PARTIALLY_CAPTURED or PARTIALLY_CAPTURED_REFUNDED"
    );
    assert_eq!(err.violations()[0].found(), "CAPTURED");
    assert_eq!(err.violations().len(), 1);
}

#[test]
fn refund_beyond_captured_is_refused_with_its_path() {
    let base: Value = serde_json::from_str(TWO_LINES).unwrap();
    let tx = with_events(
        &base,
        &[("CAPTURE", vec![("1".into(), dec!(1), 29990, 5998)])],
    );
    assert_eq!(tx.items()[0].captured_quantity(), dec!(1));
    let err = tx
        .refund()
        .line("shipping", 1)
        .line("1", 2)
        .line("nope", 1)
        .build()
        .unwrap_err();
    let found: Vec<(Rule, &str)> = err
        .violations()
        .iter()
        .map(|v| (v.rule(), v.path()))
        .collect();
    assert_eq!(
        found,
        [
            (Rule::UnknownLine, "items[2].line_id"),
            (Rule::Remaining, "items[1].quantity"),
            (Rule::Remaining, "items[0].quantity"),
        ]
    );
    let refund = tx.refund().line("1", 1).reason("returned").build().unwrap();
    assert_eq!(
        std::str::from_utf8(&refund.to_json()).unwrap(),
        r#"{"amount":29990,"reason":"returned","items":[{"id":"chair-1","line_id":"1","description":"Stablestol","quantity":1,"amount":29990,"vat_amount":5998,"vat":25}]}"#
    );
}

#[test]
fn unknown_fields_and_values_are_tolerated() {
    let tx = Transaction::from_json(
        br#"{"id":"T1","status":"SOMETHING_NEW","amount":100,"brand_new":{"nested":[1,2.5,null]},
        "items":[{"line_id":"1","amount":100,"quantity":1,"splits":[],"new_item_field":true}],
        "events":[{"event":"INITIATE","success":true,"amount":0.5,"unknown":1}]}"#,
    )
    .unwrap();
    assert_eq!(
        tx.status(),
        &TransactionStatus::Other("SOMETHING_NEW".into())
    );
    assert_eq!(tx.events()[0].kind(), &EventKind::Other("INITIATE".into()));
    assert_eq!(tx.events()[0].amount(), None);
    assert_eq!(tx.items()[0].amount(), 100);
}

/// The oracle: `round(A × q / Q)` half away from zero, with quantities as integers over a
/// common denominator.
fn oracle_amount(amount: i64, q_scaled: i128, total_scaled: i128) -> i64 {
    let numerator = i128::from(amount) * q_scaled;
    let quotient = numerator / total_scaled;
    let remainder = numerator % total_scaled;
    let rounded = if remainder * 2 >= total_scaled {
        quotient + 1
    } else {
        quotient
    };
    i64::try_from(rounded).unwrap()
}

/// The gross VAT of `amount` at `hundredths / 100` percent.
fn oracle_vat(amount: i64, hundredths: i128) -> i64 {
    let numerator = i128::from(amount) * 10_000;
    let denominator = 10_000 + hundredths;
    let quotient = numerator / denominator;
    let net = if (numerator % denominator) * 2 >= denominator {
        quotient + 1
    } else {
        quotient
    };
    i64::try_from(i128::from(amount) - net).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Random partial captures (in thousandths), then `.all()`: every line's parts add up
    /// exactly to the line, and each part matches the oracle.
    #[test]
    fn partial_captures_then_all_sum_to_each_line(
        lines in proptest::collection::vec(
            (1_i64..5_000_000, 1_i128..5_000, prop::sample::select(vec![0_i128, 1200, 1500, 2500, 2550])),
            1..4,
        ),
        steps in proptest::collection::vec(proptest::collection::vec(1_i128..2_000, 1..4), 0..4),
    ) {
        let items: Vec<Value> = lines.iter().enumerate().map(|(index, (amount, thousandths, hundredths))| {
            let quantity: Value = serde_json::from_str(&Decimal::new(*thousandths as i64, 3).normalize().to_string()).unwrap();
            let vat: Value = serde_json::from_str(&Decimal::new(*hundredths as i64, 2).normalize().to_string()).unwrap();
            json!({"line_id": index.to_string(), "quantity": quantity, "amount": amount, "vat": vat,
                   "vat_amount": oracle_vat(*amount, *hundredths)})
        }).collect();
        let base = json!({"id": "T", "items": items, "events": []});
        let mut events: Vec<Event> = Vec::new();
        let mut taken: Vec<i128> = vec![0; lines.len()];
        let mut sums: Vec<(i64, i64)> = vec![(0, 0); lines.len()];
        for step in steps.iter().chain(std::iter::once(&Vec::new())) {
            let tx = with_events(&base, &events);
            let mut builder = tx.capture();
            let mut expected = Vec::new();
            for (index, (amount, total, hundredths)) in lines.iter().enumerate() {
                let ask = step.get(index).copied().unwrap_or(0).min(total - taken[index]);
                let ask = if step.is_empty() { total - taken[index] } else { ask };
                if ask <= 0 { continue; }
                if !step.is_empty() {
                    builder = builder.line(index.to_string(), Decimal::new(ask as i64, 3));
                }
                let after = taken[index] + ask;
                let (cum_before, vat_before) = sums[index];
                let (cum_after, vat_after) = if after == *total {
                    (*amount, oracle_vat(*amount, *hundredths))
                } else {
                    let cum = oracle_amount(*amount, after, *total);
                    (cum, oracle_vat(cum, *hundredths))
                };
                expected.push((index.to_string(), Decimal::new(ask as i64, 3).normalize(), cum_after - cum_before, vat_after - vat_before));
                taken[index] = after;
                sums[index] = (cum_after, vat_after);
            }
            if step.is_empty() { builder = builder.all(); }
            if expected.is_empty() {
                prop_assert!(builder.build().is_err());
                continue;
            }
            let capture = builder.build().unwrap();
            let got = parts(&capture.to_json());
            prop_assert_eq!(&got, &expected);
            prop_assert_eq!(capture.amount(), expected.iter().map(|part| part.2).sum::<i64>());
            events.push(("CAPTURE", got));
        }
        let tx = with_events(&base, &events);
        for ((amount, _, hundredths), item) in lines.iter().zip(tx.items()) {
            prop_assert_eq!(item.captured_amount(), *amount);
            prop_assert_eq!(item.captured_vat_amount(), oracle_vat(*amount, *hundredths));
            prop_assert_eq!(Some(item.captured_quantity()), item.quantity());
        }
    }
}

#[test]
fn a_weight_priced_line_refunded_in_parts_adds_up_to_what_was_captured() {
    let base = json!({"id":"T","items":[
        {"line_id":"w","quantity":1.3,"amount":13013,"vat":25,"vat_amount":2603}],"events":[]});
    let capture = with_events(&base, &[]).capture().all().build().unwrap();
    let mut events: Vec<Event> = vec![("CAPTURE", parts(&capture.to_json()))];
    let mut refunded = (0, 0);
    for quantity in [dec!(0.5), dec!(0.4), dec!(0.4)] {
        let tx = with_events(&base, &events);
        let refund = tx.refund().line("w", quantity).build().unwrap();
        let part = parts(&refund.to_json());
        refunded = (refunded.0 + part[0].2, refunded.1 + part[0].3);
        events.push(("REFUND", part));
    }
    assert_eq!(refunded, (13013, 2603));
    let tx = with_events(&base, &events);
    assert_eq!(tx.items()[0].refunded_quantity(), dec!(1.3));
    let err = tx.refund().line("w", dec!(0.1)).build().unwrap_err();
    let found: Vec<(Rule, &str, &str)> = err
        .violations()
        .iter()
        .map(|v| (v.rule(), v.path(), v.found()))
        .collect();
    assert_eq!(
        found,
        [
            (Rule::TransactionStatus, "status", "REFUNDED"),
            (Rule::Remaining, "items[0].quantity", "0.1")
        ]
    );
}

#[test]
fn a_negative_gift_card_line_is_captured_with_its_sign() {
    let tx = Transaction::from_json(
        br#"{"id":"T","items":[{"line_id":"1","quantity":2,"amount":10000,"vat":25,"vat_amount":2000},
        {"line_id":"gc","quantity":1,"amount":-3000,"vat":0,"vat_amount":0}]}"#,
    )
    .unwrap();
    let capture = tx.capture().all().build().unwrap();
    assert_eq!(capture.amount(), 7000);
    assert_eq!(capture.items()[1].amount(), -3000);
}

#[test]
fn metadata_and_final_capture_are_checked_and_written() {
    let tx = Transaction::from_json(TWO_LINES.as_bytes()).unwrap();
    let capture = tx
        .capture()
        .line("1", 1)
        .metadata("ext_parcel", "PKG-1")
        .metadata("ext_note", "første")
        .final_capture()
        .build()
        .unwrap();
    assert_eq!(
        std::str::from_utf8(&capture.to_json()).unwrap(),
        r#"{"amount":29990,"metadata":{"ext_parcel":"PKG-1","ext_note":"første"},"items":[{"id":"chair-1","line_id":"1","description":"Stablestol","quantity":1,"amount":29990,"vat_amount":5998,"vat":25}],"final_capture":true}"#
    );
    let long_key = format!("ext_{}", "k".repeat(125));
    let err = tx
        .capture()
        .all()
        .metadata("parcel", "PKG-1")
        .metadata(long_key.clone(), "v".repeat(257))
        .metadata("ext_parcel", "a")
        .metadata("ext_parcel", "b")
        .metadata("odd key", "x")
        .build()
        .unwrap_err();
    let found: Vec<(Rule, &str, &str, &str)> = err
        .violations()
        .iter()
        .map(|v| (v.rule(), v.path(), v.expected(), v.found()))
        .collect();
    let long_path = format!("metadata.{long_key}");
    assert_eq!(
        found,
        [
            (
                Rule::Format,
                "metadata.parcel",
                "a key that starts with \"ext_\"",
                "\"parcel\""
            ),
            (
                Rule::Length,
                long_path.as_str(),
                "a key of at most 128 characters",
                "129 characters"
            ),
            (
                Rule::Length,
                long_path.as_str(),
                "a value of at most 256 characters",
                "257 characters"
            ),
            (
                Rule::DuplicateKey,
                "metadata.ext_parcel",
                "each key once",
                "\"ext_parcel\" again"
            ),
            (
                Rule::Format,
                "metadata[\"odd key\"]",
                "a key that starts with \"ext_\"",
                "\"odd key\""
            ),
        ]
    );
}

#[test]
fn a_discounted_line_taken_in_parts_splits_its_discount_exactly() {
    let tx = Transaction::from_json(
        br#"{"id":"T","status":"AUTHORIZED","amount":9000,"items":[{"line_id":"1","quantity":3,"amount":9000,"vat":25,"vat_amount":1800,
        "discount_lines":[{"amount":1000,"discount_id":"SUMMER","discount_type":"periodic","percentage":10},
                          {"amount":1,"discount_id":"CENT","discount_type":"a_kind_dintero_adds_later"}]}]}"#,
    )
    .unwrap();
    let base = json!({"id":"T","status":"AUTHORIZED","amount":9000,
        "items":[{"line_id":"1","quantity":3,"amount":9000,"vat":25,"vat_amount":1800,
        "discount_lines":[{"amount":1000,"discount_id":"SUMMER","discount_type":"periodic","percentage":10},
                          {"amount":1,"discount_id":"CENT"}]}],"events":[]});
    let first = tx.capture().line("1", 1).build().unwrap();
    assert_eq!(
        std::str::from_utf8(&first.to_json()).unwrap(),
        r#"{"amount":3000,"items":[{"line_id":"1","quantity":1,"amount":3000,"vat_amount":600,"vat":25,"discount_lines":[{"amount":333,"percentage":10,"discount_type":"periodic","discount_id":"SUMMER"}]}]}"#
    );
    // The unknown discount type is left out: it could not be sent back. The one-øre
    // discount has no part in a third of the line (0.33 rounds to 0) and is left out too.
    let events = [("CAPTURE", parts(&first.to_json()))];
    let tx = with_events(&base, &events);
    let rest = tx.capture().all().build().unwrap();
    let rest: Value = serde_json::from_slice(&rest.to_json()).unwrap();
    assert_eq!(
        rest["items"][0]["discount_lines"],
        json!([{"amount":667,"percentage":10,"discount_type":"periodic","discount_id":"SUMMER"},
               {"amount":1,"discount_id":"CENT"}])
    );
}

#[test]
fn a_type_error_in_a_transaction_names_its_path() {
    let err = Transaction::from_json(
        br#"{"id":"T","items":[{"line_id":"1","amount":5},{"line_id":"2","amount":"7"}]}"#,
    )
    .unwrap_err();
    let violation = &err.violations()[0];
    assert_eq!(
        (violation.rule(), violation.path(), violation.expected()),
        (
            Rule::Type,
            "items[1].amount",
            "the type Dintero's spec gives it"
        )
    );
    let err = Transaction::from_json(br#"{"id":"T"} trailing"#).unwrap_err();
    assert_eq!(err.violations()[0].rule(), Rule::Syntax);
}

#[test]
fn void_follows_the_status() {
    for (status, allowed) in [
        ("AUTHORIZED", true),
        ("PARTIALLY_CAPTURED", true),
        ("PARTIALLY_CAPTURED_REFUNDED", true),
        ("A_STATUS_DINTERO_ADDS_LATER", true),
        ("CAPTURED", false),
        ("AUTHORIZATION_VOIDED", false),
        ("REFUNDED", false),
        ("ON_HOLD", false),
        ("DECLINED", false),
    ] {
        let tx = Transaction::from_json(format!(r#"{{"id":"T","status":"{status}"}}"#).as_bytes())
            .unwrap();
        match tx.void() {
            Ok(_) => assert!(allowed, "{status}"),
            Err(err) => {
                assert!(!allowed, "{status}");
                let v = &err.violations()[0];
                assert_eq!(
                    (v.rule(), v.path(), v.found()),
                    (Rule::TransactionStatus, "status", status)
                );
            }
        }
    }
}

/// A transaction read faithfully may hold numbers no JSON reader keeps exactly; a capture of
/// such a line is refused at its path instead of writing a number that would change on the way.
#[test]
fn numbers_a_body_cannot_carry_exactly_are_refused() {
    let cases = [
        (
            r#"{"line_id":"1","quantity":18446744073709551615,"amount":5}"#,
            Rule::Quantity,
            "items[0].quantity",
            "18446744073709551615",
        ),
        (
            r#"{"line_id":"1","amount":5,"vat":12345678901234567.5}"#,
            Rule::VatRate,
            "items[0].vat",
            "12345678901234567.5",
        ),
        (
            r#"{"line_id":"1","amount":5,"discount_lines":[{"amount":1,"percentage":1.00000000000000001}]}"#,
            Rule::Range,
            "items[0].discount_lines[0].percentage",
            "1.00000000000000001",
        ),
    ];
    for (item, rule, path, found) in cases {
        let tx =
            Transaction::from_json(format!(r#"{{"id":"T","items":[{item}]}}"#).as_bytes()).unwrap();
        let err = tx.capture().all().build().unwrap_err();
        let v = &err.violations()[0];
        assert_eq!((v.rule(), v.path(), v.found()), (rule, path, found));
    }
}
