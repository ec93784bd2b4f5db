//! Every constraint the spec states for the JSON a body passes through, broken one at a
//! time (issue 15): the configuration of every payment product, the customer's tokens and
//! gift cards, Klarna's extra merchant data (`emd`), a shipping option's `eta`, `time_slot`,
//! `pick_up_address` and `metadata`.
//!
//! Driven by the committed spec (`core/spec/sessions-profile.json`), not by a list: for each
//! place, a value that sets every field the spec defines there (recursively) must be
//! accepted, and each mutation of it that breaks one constraint (a type, an enum, a length,
//! a format, a pattern, a minimum or maximum, an item or entry count, a required field, or
//! a field the spec does not define) must be refused with a problem at the mutated path,
//! when parsed and, where the crate has a setter for that JSON, when built.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::BTreeSet;

use dintero_order::{Configuration, Customer, Error, SessionProfile};
use serde_json::{Map, Value, json};

mod spec_support;
use spec_support::{at, expand, keyword, spec, valid};

/// One constraint broken: the value, and the path (below the place) a problem must name.
struct Mutation {
    what: String,
    path: Vec<String>,
    value: Value,
}

/// Every single-constraint mutation of `value`, valid for `schemas`, at `path`.
fn mutations(
    schemas: &[&'static Map<String, Value>],
    value: &Value,
    path: &[String],
    out: &mut Vec<Mutation>,
) {
    let mut push = |what: String, value: Value| {
        out.push(Mutation {
            what,
            path: path.to_vec(),
            value,
        })
    };
    // A value of a type no schema here allows (`metadata` takes a string or a number).
    let allowed: Vec<&str> = schemas
        .iter()
        .filter_map(|s| s.get("type"))
        .flat_map(|t| match t {
            Value::String(one) => vec![one.as_str()],
            Value::Array(many) => many.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        })
        .collect();
    let fits = |candidate: &Value| {
        allowed.iter().any(|kind| match *kind {
            "string" => candidate.is_string(),
            "number" | "integer" => candidate.is_number(),
            "boolean" => candidate.is_boolean(),
            "array" => candidate.is_array(),
            "object" => candidate.is_object(),
            _ => true,
        })
    };
    if !allowed.is_empty() {
        let candidates = [json!(17), json!("x"), json!(true), json!({}), json!([])];
        let wrong = candidates.into_iter().find(|c| !fits(c)).unwrap();
        push("type".into(), wrong);
    }
    if keyword(schemas, "enum").is_some() && value.is_string() {
        push("enum".into(), json!("zz-not-listed"));
    }
    if let Some(max) = keyword(schemas, "maxLength").and_then(Value::as_u64) {
        push(
            format!("maxLength {max}"),
            json!("a".repeat(max as usize + 1)),
        );
    }
    if let Some(min) = keyword(schemas, "minLength")
        .and_then(Value::as_u64)
        .filter(|&m| m > 0)
    {
        push(format!("minLength {min}"), json!(""));
    }
    let format = keyword(schemas, "format").and_then(Value::as_str);
    if format.is_some_and(|f| f != "payout_destination_id") {
        push(
            format!("format {}", format.unwrap()),
            json!("not it at all"),
        );
    }
    if let Some(pattern) = keyword(schemas, "pattern").and_then(Value::as_str) {
        push(format!("pattern {pattern}"), json!("not it at all"));
    }
    if let Some(min) = keyword(schemas, "minimum").and_then(Value::as_i64) {
        push(format!("minimum {min}"), json!(min - 1));
    }
    if let Some(max) = keyword(schemas, "maximum").and_then(Value::as_i64) {
        push(format!("maximum {max}"), json!(max + 1));
    }
    match value {
        Value::Array(elements) => {
            if let Some(max) = keyword(schemas, "maxItems").and_then(Value::as_u64) {
                let first = elements[0].clone();
                push(
                    format!("maxItems {max}"),
                    Value::Array(vec![first; max as usize + 1]),
                );
            }
            if let Some(min) = keyword(schemas, "minItems")
                .and_then(Value::as_u64)
                .filter(|&m| m > 0)
            {
                push(format!("minItems {min}"), json!([]));
            }
            let items: Vec<_> = schemas
                .iter()
                .filter_map(|s| s.get("items"))
                .flat_map(expand)
                .collect();
            for (index, element) in elements.iter().enumerate() {
                let mut inner = Vec::new();
                let mut child = path.to_vec();
                child.push(format!("[{index}]"));
                mutations(&items, element, &child, &mut inner);
                for m in inner {
                    let mut whole = elements.clone();
                    whole[index] = m.value;
                    out.push(Mutation {
                        what: m.what,
                        path: m.path,
                        value: Value::Array(whole),
                    });
                }
            }
        }
        Value::Object(members) => {
            if let Some(max) = keyword(schemas, "maxProperties").and_then(Value::as_u64) {
                let mut more = members.clone();
                let any = members.values().next().cloned().unwrap_or(json!("a"));
                for n in 0..=max {
                    more.insert(format!("extra{n}"), any.clone());
                }
                out.push(Mutation {
                    what: format!("maxProperties {max}"),
                    path: path.to_vec(),
                    value: Value::Object(more),
                });
            }
            let required: BTreeSet<&str> = schemas
                .iter()
                .filter_map(|s| s.get("required").and_then(Value::as_array))
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            for name in required {
                let mut fewer = members.clone();
                fewer.remove(name);
                let mut child = path.to_vec();
                child.push(name.to_owned());
                out.push(Mutation {
                    what: format!("required {name}"),
                    path: child,
                    value: Value::Object(fewer),
                });
            }
            let declares = schemas.iter().any(|s| s.contains_key("properties"));
            let open = schemas
                .iter()
                .any(|s| s.contains_key("additionalProperties"));
            if declares && !open {
                let mut more = members.clone();
                more.insert("zz_unknown".into(), json!(1));
                let mut child = path.to_vec();
                child.push("zz_unknown".to_owned());
                out.push(Mutation {
                    what: "unknown field".into(),
                    path: child,
                    value: Value::Object(more),
                });
            }
            for (name, member) in members {
                let named: Vec<_> = schemas
                    .iter()
                    .filter_map(|s| s.get("properties")?.get(name.as_str()))
                    .flat_map(expand)
                    .collect();
                let named = if named.is_empty() {
                    schemas
                        .iter()
                        .filter_map(|s| s.get("additionalProperties"))
                        .flat_map(expand)
                        .collect()
                } else {
                    named
                };
                let mut inner = Vec::new();
                let mut child = path.to_vec();
                child.push(name.clone());
                mutations(&named, member, &child, &mut inner);
                for m in inner {
                    let mut whole = members.clone();
                    whole.insert(name.clone(), m.value);
                    out.push(Mutation {
                        what: m.what,
                        path: m.path,
                        value: Value::Object(whole),
                    });
                }
            }
        }
        _ => {}
    }
}

/// How the crate writes a path below `prefix`: `.name`, `["a.b"]`, `[0]`.
fn render(prefix: &str, steps: &[String]) -> String {
    let mut out = prefix.to_owned();
    for step in steps {
        if step.starts_with('[') {
            out.push_str(step);
        } else if !step.is_empty()
            && step
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        {
            out.push('.');
            out.push_str(step);
        } else {
            out.push_str(&format!("[{step:?}]"));
        }
    }
    out
}

const BASE: &str = r#"{"profile_id":"default","url":{"return_url":"https://shop.example/r"},"order":{"amount":1000,"currency":"NOK","merchant_reference":"r","vat_amount":200,"items":[{"id":"a","line_id":"1","description":"A","quantity":1,"amount":1000,"vat_amount":200,"vat":25}]}}"#;

/// A place passed through, where it goes in the base body, and its path in problems.
struct Place {
    spec: &'static [&'static str],
    put: fn(&mut Value, Value),
    path: &'static str,
}

fn shipping_with(name: &'static str) -> impl Fn(&mut Value, Value) {
    move |body: &mut Value, value: Value| {
        body["order"]["shipping_option"] =
            json!({"id": "s", "line_id": "s", "amount": 0, "operator": "o", "title": "t"});
        body["order"]["shipping_option"][name] = value;
    }
}

const PLACES: &[Place] = &[
    Place {
        spec: &["configuration"],
        put: |b, v| b["configuration"] = v,
        path: "configuration",
    },
    Place {
        spec: &["customer", "tokens"],
        put: |b, v| b["customer"] = json!({ "tokens": v }),
        path: "customer.tokens",
    },
    Place {
        spec: &["customer", "gift_cards"],
        put: |b, v| b["customer"] = json!({ "gift_cards": v }),
        path: "customer.gift_cards",
    },
    Place {
        spec: &["order", "items", "*", "emd"],
        put: |b, v| b["order"]["items"][0]["emd"] = v,
        path: "order.items[0].emd",
    },
    Place {
        spec: &["order", "shipping_option", "eta"],
        put: |b, v| shipping_with("eta")(b, v),
        path: "order.shipping_option.eta",
    },
    Place {
        spec: &["order", "shipping_option", "time_slot"],
        put: |b, v| shipping_with("time_slot")(b, v),
        path: "order.shipping_option.time_slot",
    },
    Place {
        spec: &["order", "shipping_option", "pick_up_address"],
        put: |b, v| shipping_with("pick_up_address")(b, v),
        path: "order.shipping_option.pick_up_address",
    },
    Place {
        spec: &["order", "shipping_option", "metadata"],
        put: |b, v| shipping_with("metadata")(b, v),
        path: "order.shipping_option.metadata",
    },
];

fn parse_with(place: &Place, value: Value) -> Result<SessionProfile, Error> {
    let mut body: Value = serde_json::from_str(BASE).unwrap();
    (place.put)(&mut body, value);
    SessionProfile::from_json(&serde_json::to_vec(&body).unwrap())
}

/// The same value through the crate's setter for that JSON, where it has one.
fn build_with(place: &Place, value: &Value) -> Option<Result<SessionProfile, Error>> {
    let order = SessionProfile::from_json(BASE.as_bytes())
        .unwrap()
        .order()
        .clone();
    let builder = SessionProfile::builder("default", "https://shop.example/r", order);
    let members = value.as_object()?.clone();
    let builder = match place.path {
        "configuration" => builder.configuration(Configuration::from(members)),
        "customer.tokens" => builder.customer(Customer::builder().tokens(members).build()),
        "customer.gift_cards" => builder.customer(Customer::builder().gift_cards(members).build()),
        _ => return None,
    };
    Some(builder.build())
}

#[test]
fn every_constraint_of_passed_through_json_is_checked() {
    let mut total = 0;
    let mut missed = Vec::new();
    for place in PLACES {
        let schemas = at(place.spec);
        assert!(!schemas.is_empty(), "the spec has {:?}", place.spec);
        let full = valid(&schemas, 0);
        if let Err(err) = parse_with(place, full.clone()) {
            panic!(
                "{}: a value setting every field is refused: {err}\n{full}",
                place.path
            );
        }
        if let Some(built) = build_with(place, &full) {
            built.unwrap_or_else(|err| panic!("{}: built, refused: {err}", place.path));
        }
        let mut all = Vec::new();
        mutations(&schemas, &full, &[], &mut all);
        for m in all {
            total += 1;
            let wanted = render(place.path, &m.path);
            let names = |err: Error| err.violations().iter().any(|v| v.path() == wanted);
            let parsed = parse_with(place, m.value.clone()).err().is_some_and(names);
            let built = build_with(place, &m.value).is_none_or(|r| r.err().is_some_and(names));
            if !(parsed && built) {
                missed.push(format!(
                    "{wanted}: {} (parsed {parsed}, built {built}): {}",
                    m.what, m.value
                ));
            }
        }
    }
    eprintln!("{total} mutations");
    assert!(total > 500, "only {total} mutations");
    assert!(
        missed.is_empty(),
        "{} of {total} mutations got through:\n{}",
        missed.len(),
        missed.join("\n")
    );
}

/// A whole `POST /v1/sessions-profile` body setting every field the spec defines, made by
/// [`valid`] and then given what only the crate's arithmetic and references make right.
fn whole_body() -> Value {
    let mut body = valid(&expand(spec()), 0);
    body["order"]["items"][0]["line_id"] = json!("1");
    body["order"]["shipping_option"]["line_id"] = json!("ship");
    let item = &body["order"]["items"][0];
    let shipping = &body["order"]["shipping_option"];
    let vat = item["vat_amount"].as_i64().unwrap() + shipping["vat_amount"].as_i64().unwrap();
    body["order"]["vat_amount"] = json!(vat);
    body["checkboxes"][0]["link"]["url"] = json!("https://shop.example/terms");
    body
}

/// The whole body, every field set, is accepted; each single-constraint mutation of it is
/// refused by `from_json` with a problem at the mutated path, and by serde.
#[test]
fn every_constraint_of_a_whole_body_is_checked() {
    let full = whole_body();
    let bytes = serde_json::to_vec(&full).unwrap();
    let session = SessionProfile::from_json(&bytes).unwrap_or_else(|err| panic!("{err}"));
    serde_json::from_slice::<SessionProfile>(&bytes).unwrap();
    // Every field is written back under its own name, as it was written, except the few the
    // spec marks read-only (Dintero sets them; a request never carries them): they are
    // checked and dropped. (The committed schema keeps no annotations, so they are named.)
    let written: Value = serde_json::from_slice(&session.to_json()).unwrap();
    let mut expected = full.clone();
    expected["order"]
        .as_object_mut()
        .unwrap()
        .remove("gross_amount");
    expected["order"]
        .as_object_mut()
        .unwrap()
        .remove("is_changed");
    let item = expected["order"]["items"][0].as_object_mut().unwrap();
    item.remove("gross_amount");
    item.remove("version");
    assert_eq!(written, expected);
    let mut all = Vec::new();
    mutations(&expand(spec()), &full, &[], &mut all);
    let mut missed = Vec::new();
    for m in &all {
        let wanted = render("", &m.path).trim_start_matches('.').to_owned();
        let bytes = serde_json::to_vec(&m.value).unwrap();
        let named = SessionProfile::from_json(&bytes)
            .err()
            .is_some_and(|e| e.violations().iter().any(|v| v.path() == wanted));
        let refused = serde_json::from_slice::<SessionProfile>(&bytes).is_err();
        if !(named && refused) {
            missed.push(format!(
                "{wanted}: {} (named {named}, serde refused {refused})",
                m.what
            ));
        }
    }
    eprintln!("{} mutations of a whole body", all.len());
    assert!(all.len() > 1500, "only {} mutations", all.len());
    assert!(
        missed.is_empty(),
        "{} of {} got through:\n{}",
        missed.len(),
        all.len(),
        missed.join("\n")
    );
}
