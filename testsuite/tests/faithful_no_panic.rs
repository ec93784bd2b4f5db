//! The readers of what Dintero sends never panic, whatever arrives: the spec's example
//! transaction and express-callback session with random values swapped in, cut short or
//! nested too deep. `Transaction::from_json` and `ExpressCallback::from_json` return `Ok` or
//! `Err`; a transaction that reads builds a capture and a refund of everything, or says why
//! not, and a body that builds adds up.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use dintero_order::{Currency, ExpressCallback, Order, Transaction};
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::{Map, Value, json};

const TRANSACTION: &str = include_str!("transactions/spec-2025.json");
const CALLBACK: &str = include_str!("payloads/express/spec_example.json");

/// A JSON value of any shape, with numbers that stress exact reading.
fn arbitrary_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        prop::sample::select(vec![
            json!(1e300),
            json!(-0.0),
            json!(2_147_483_648_i64),
            json!(u64::MAX),
            json!("CAPTURED"),
            json!("1"),
        ]),
        ".{0,8}".prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec(("[a-z_]{1,8}", inner), 0..4)
                .prop_map(|entries| Value::Object(entries.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Every place in `value` (a pointer to each member and element).
fn places(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let child_at = format!("{at}/{}", key.replace('~', "~0").replace('/', "~1"));
                out.push(child_at.clone());
                places(child, child_at, out);
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                let child_at = format!("{at}/{index}");
                out.push(child_at.clone());
                places(child, child_at, out);
            }
        }
        _ => {}
    }
}

/// `base` with the value at a chosen place replaced.
fn mutated(base: &str, place: Index, replacement: Value) -> Vec<u8> {
    let mut value: Value = serde_json::from_str(base).unwrap();
    let mut all = Vec::new();
    places(&value, String::new(), &mut all);
    let at = place.get(&all).clone();
    *value.pointer_mut(&at).unwrap() = replacement;
    serde_json::to_vec(&value).unwrap()
}

/// Reads a transaction and, when it reads, takes everything it can; a body that builds adds up.
fn exercise_transaction(bytes: &[u8]) {
    let Ok(tx) = Transaction::from_json(bytes) else {
        return;
    };
    if let Ok(capture) = tx.capture().all().build() {
        let sum: i64 = capture.items().iter().map(|item| item.amount()).sum();
        assert_eq!(capture.amount(), sum);
        let _ = capture.to_json();
    }
    if let Ok(refund) = tx.refund().all().reason("r").build() {
        let sum: i64 = refund.items().iter().map(|item| item.amount()).sum();
        assert_eq!(refund.amount(), sum);
        let _ = refund.to_json();
    }
    let _ = tx.void();
}

/// Reads a callback session and, when it reads, answers it with an empty order in NOK; an
/// answer that builds writes its JSON.
fn exercise_callback(bytes: &[u8]) {
    let Ok(callback) = ExpressCallback::from_json(bytes) else {
        return;
    };
    let order = Order::builder(Currency::NOK, "o-1").build().unwrap();
    if let Ok(answer) = callback
        .shipping_address_answer([])
        .order(order.clone())
        .build()
    {
        let _ = answer.to_json();
    }
    if let Ok(answer) = callback.discount_codes_answer([]).order(order).build() {
        let _ = answer.to_json();
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    #[test]
    fn a_transaction_with_any_value_anywhere(place in any::<Index>(), value in arbitrary_json()) {
        exercise_transaction(&mutated(TRANSACTION, place, value));
    }

    #[test]
    fn a_callback_session_with_any_value_anywhere(place in any::<Index>(), value in arbitrary_json()) {
        exercise_callback(&mutated(CALLBACK, place, value));
    }

    #[test]
    fn cut_short_anywhere(cut in any::<Index>()) {
        // Without the final newline, every strict prefix is unfinished JSON.
        let transaction = TRANSACTION.trim_end().as_bytes();
        let callback = CALLBACK.trim_end().as_bytes();
        prop_assert!(Transaction::from_json(&transaction[..cut.index(transaction.len())]).is_err());
        prop_assert!(ExpressCallback::from_json(&callback[..cut.index(callback.len())]).is_err());
    }
}

/// Deep nesting in a field the readers ignore is skipped whatever its depth (serde_json skips
/// without recursing), so a body Dintero extends reads, and nothing overflows the stack. In a
/// field they read, it is a type error at once.
#[test]
fn deep_nesting_neither_overflows_nor_fails_a_faithful_read() {
    for depth in [100, 100_000] {
        let reads = true;
        let deep = format!(
            r#"{{"id":"T","items":[{{"line_id":"1","amount":1,"x":{}{}}}]}}"#,
            "[".repeat(depth),
            "]".repeat(depth)
        );
        assert_eq!(
            Transaction::from_json(deep.as_bytes()).is_ok(),
            reads,
            "{depth}"
        );
        let deep = format!(
            r#"{{"order":{{"items":[{{"line_id":"1","y":{}{}}}]}}}}"#,
            "[".repeat(depth),
            "]".repeat(depth)
        );
        assert_eq!(
            ExpressCallback::from_json(deep.as_bytes()).is_ok(),
            reads,
            "{depth}"
        );
    }
    let deep = format!(
        r#"{{"id":"T","items":{}{}}}"#,
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let err = Transaction::from_json(deep.as_bytes()).unwrap_err();
    // serde reads a struct from an array too, field by field: the first field is the error.
    assert_eq!(
        (err.violations()[0].rule(), err.violations()[0].path()),
        (dintero_order::Rule::Type, "items[0][0]")
    );
}
