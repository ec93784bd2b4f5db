//! Bad input never panics: arbitrary JSON values, and valid bodies mutated by random
//! operations (delete a field, change a type, perturb a number, duplicate a line), fed to
//! `from_json` (strict and lenient) and `serde_json::from_slice` for all three body types.
//! Each must return `Ok` or `Err`; and whatever is accepted is valid (it parses again).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

#[path = "payloads/generate.rs"]
mod generate;

use dintero_order::{Order, ParseOptions, Session, SessionProfile};
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::{Map, Value, json};

/// Any JSON value, with the keys our bodies use so that parsing gets somewhere.
fn arbitrary_json() -> impl Strategy<Value = Value> {
    let key = prop_oneof![
        prop::sample::select(vec![
            "profile_id",
            "url",
            "return_url",
            "order",
            "amount",
            "currency",
            "items",
            "vat",
            "vat_amount",
            "quantity",
            "line_id",
            "merchant_reference",
            "configuration",
            "shipping_option",
            "express",
            "metadata",
            "checkboxes",
            "type",
            "discount_lines",
        ])
        .prop_map(str::to_owned),
        "[a-z_]{1,8}",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        prop::sample::select(vec!["NOK", "XAU", "", "25", "https://example.com", "1"])
            .prop_map(Value::from),
        ".{0,8}".prop_map(Value::from),
    ];
    leaf.prop_recursive(5, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key.clone(), inner), 0..8)
                .prop_map(|entries| Value::Object(entries.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Parses `bytes` every way there is; panics only if a parser does.
fn parse_every_way(bytes: &[u8]) {
    for options in [ParseOptions::strict(), ParseOptions::lenient()] {
        if let Ok(parsed) = SessionProfile::from_json_with(bytes, &options) {
            let again = serde_json::to_vec(parsed.value()).unwrap();
            assert_eq!(&SessionProfile::from_json(&again).unwrap(), parsed.value());
        }
        if let Ok(parsed) = Session::from_json_with(bytes, &options) {
            let again = serde_json::to_vec(parsed.value()).unwrap();
            assert_eq!(&Session::from_json(&again).unwrap(), parsed.value());
        }
        if let Ok(parsed) = Order::from_json_with(bytes, &options) {
            let again = serde_json::to_vec(parsed.value()).unwrap();
            assert_eq!(&Order::from_json(&again).unwrap(), parsed.value());
        }
    }
    let _ = serde_json::from_slice::<SessionProfile>(bytes);
    let _ = serde_json::from_slice::<Session>(bytes);
    let _ = serde_json::from_slice::<Order>(bytes);
}

/// Every path (as steps) of a document, root first.
fn paths(value: &Value, prefix: &mut Vec<Value>, out: &mut Vec<Vec<Value>>) {
    out.push(prefix.clone());
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                prefix.push(Value::from(key.as_str()));
                paths(child, prefix, out);
                prefix.pop();
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                prefix.push(Value::from(index));
                paths(child, prefix, out);
                prefix.pop();
            }
        }
        _ => {}
    }
}

fn at<'v>(value: &'v mut Value, path: &[Value]) -> Option<&'v mut Value> {
    path.iter().try_fold(value, |v, step| match step {
        Value::String(key) => v.get_mut(key.as_str()),
        Value::Number(n) => v.get_mut(usize::try_from(n.as_u64()?).ok()?),
        _ => None,
    })
}

#[derive(Debug, Clone, Copy)]
enum Mutation {
    Delete,
    ChangeType(u8),
    Perturb(i64),
    DuplicateLine,
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        Just(Mutation::Delete),
        (0_u8..6).prop_map(Mutation::ChangeType),
        prop::sample::select(vec![-1_i64, 1, 100, -1_000_000, i64::from(i32::MAX)])
            .prop_map(Mutation::Perturb),
        Just(Mutation::DuplicateLine),
    ]
}

fn mutate(value: &mut Value, mutation: Mutation, index: Index) {
    let mut all = Vec::new();
    paths(value, &mut Vec::new(), &mut all);
    let path = index.get(&all).clone();
    match mutation {
        Mutation::Delete => {
            if let Some((last, parent)) = path.split_last()
                && let Some(node) = at(value, parent)
            {
                match (node, last) {
                    (Value::Object(map), Value::String(key)) => {
                        map.remove(key);
                    }
                    (Value::Array(items), Value::Number(n)) => {
                        let i = usize::try_from(n.as_u64().unwrap()).unwrap();
                        if i < items.len() {
                            items.remove(i);
                        }
                    }
                    _ => {}
                }
            }
        }
        Mutation::ChangeType(kind) => {
            if let Some(node) = at(value, &path) {
                *node = match kind {
                    0 => Value::Null,
                    1 => json!("1"),
                    2 => json!(2.5),
                    3 => json!([]),
                    4 => json!({}),
                    _ => json!(true),
                };
            }
        }
        Mutation::Perturb(delta) => {
            if let Some(node) = at(value, &path)
                && let Some(n) = node.as_i64()
            {
                *node = Value::from(n.saturating_add(delta));
            }
        }
        Mutation::DuplicateLine => {
            let route = if value.get("order").is_some() {
                vec![json!("order"), json!("items")]
            } else {
                vec![json!("items")]
            };
            if let Some(Value::Array(items)) = at(value, &route)
                && let Some(first) = items.first().cloned()
            {
                items.push(first);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_json_never_panics(value in arbitrary_json()) {
        parse_every_way(&serde_json::to_vec(&value).unwrap());
        let wrapped = json!({ "profile_id": "p", "url": { "return_url": "https://e.com" }, "order": value });
        parse_every_way(&serde_json::to_vec(&wrapped).unwrap());
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
        parse_every_way(&bytes);
    }

    #[test]
    fn mutated_profiles_never_panic(
        session in generate::profile(),
        mutations in prop::collection::vec((mutation(), any::<Index>()), 1..4),
    ) {
        let mut value = serde_json::to_value(&session).unwrap();
        for (m, index) in mutations {
            mutate(&mut value, m, index);
        }
        parse_every_way(&serde_json::to_vec(&value).unwrap());
    }

    #[test]
    fn mutated_sessions_and_orders_never_panic(
        session in generate::session(),
        mutations in prop::collection::vec((mutation(), any::<Index>()), 1..4),
    ) {
        let mut value = serde_json::to_value(&session).unwrap();
        let mut order = value["order"].clone();
        for &(m, index) in &mutations {
            mutate(&mut value, m, index);
            mutate(&mut order, m, index);
        }
        parse_every_way(&serde_json::to_vec(&value).unwrap());
        parse_every_way(&serde_json::to_vec(&order).unwrap());
    }
}
