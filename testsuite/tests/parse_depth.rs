//! What the library builds, it reads back: JSON passed through (configuration fields, card
//! tokens, a shipping option's parts) is refused by `build()` when the body would nest deeper
//! than a JSON parser reads, and accepted, written and read back at the limit (issue 13 item
//! 9).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use dintero_order::{
    Configuration, Currency, Customer, Line, Order, Rule, Session, SessionProfile, UnitPrice,
    VatRate,
};
use serde_json::{Map, Value, json};

/// `levels` arrays, one inside the other, around a 0.
fn nested(levels: usize) -> Value {
    (0..levels).fold(json!(0), |inner, _| Value::Array(vec![inner]))
}

fn order() -> Order {
    Order::builder(Currency::NOK, "r")
        .line(Line::new(
            "sku",
            "Chair",
            UnitPrice::minor(1000),
            VatRate::ZERO,
        ))
        .build()
        .unwrap()
}

fn problems(err: &dintero_order::Error) -> Vec<String> {
    err.violations().iter().map(ToString::to_string).collect()
}

#[test]
fn a_configuration_field_at_the_limit_is_built_and_read_back() {
    // body { configuration { "k": 125 arrays: 127 containers, all serde_json reads.
    let configuration = Configuration::builder().set("k", nested(125)).build();
    let session = SessionProfile::builder("default", "https://example.com/r", order())
        .configuration(configuration.clone())
        .build()
        .unwrap();
    let body = serde_json::to_vec(&session).unwrap();
    assert_eq!(SessionProfile::from_json(&body).unwrap(), session);
    assert_eq!(
        serde_json::from_slice::<SessionProfile>(&body).unwrap(),
        session
    );
    // The repair path reads it as deep, and reports only what else is wrong.
    let mut with_typo = body.clone();
    with_typo.splice(1..1, br#""profil":1,"#.iter().copied());
    let err = SessionProfile::from_json(&with_typo).unwrap_err();
    assert_eq!(
        err.violations()
            .iter()
            .map(|v| (v.rule(), v.path()))
            .collect::<Vec<_>>(),
        [(Rule::UnknownField, "profil")]
    );
    let lenient = dintero_order::ParseOptions::lenient();
    let parsed = SessionProfile::from_json_with(&with_typo, &lenient).unwrap();
    assert_eq!(parsed.value(), &session);
    let session = Session::builder("https://example.com/r", order(), configuration)
        .build()
        .unwrap();
    let body = serde_json::to_vec(&session).unwrap();
    assert_eq!(Session::from_json(&body).unwrap(), session);

    // One more, and the body would not parse: build() says so, at the field.
    let configuration = Configuration::builder().set("k", nested(126)).build();
    let err = SessionProfile::builder("default", "https://example.com/r", order())
        .configuration(configuration.clone())
        .build()
        .unwrap_err();
    assert_eq!(
        problems(&err),
        [
            "configuration.k: expected JSON nested at most 125 levels deep here, so that the body (127 at most) parses back, found 126 levels"
        ]
    );
    assert_eq!(err.violations()[0].rule(), Rule::Depth);
    let err = Session::builder("https://example.com/r", order(), configuration)
        .build()
        .unwrap_err();
    assert_eq!(err.violations()[0].path(), "configuration.k");
    // Such a body indeed does not parse.
    let body = format!(
        r#"{{"url":{{"return_url":"https://example.com/r"}},"order":{},"configuration":{{"k":{}}}}}"#,
        serde_json::to_string(&order()).unwrap(),
        nested(126)
    );
    let err = Session::from_json(body.as_bytes()).unwrap_err();
    assert_eq!(err.violations()[0].rule(), Rule::Syntax);
    assert!(
        err.violations()[0]
            .found()
            .starts_with("recursion limit exceeded")
    );
}

#[test]
fn card_tokens_at_the_limit_are_built_and_read_back() {
    let customer = |levels| {
        let mut tokens = Map::new();
        tokens.insert("payex.creditcard".to_owned(), nested(levels));
        Customer::builder().tokens(tokens).build()
    };
    // body { customer { tokens { "payex.creditcard": 124 arrays.
    let session = SessionProfile::builder("default", "https://example.com/r", order())
        .customer(customer(124))
        .build()
        .unwrap();
    let body = serde_json::to_vec(&session).unwrap();
    assert_eq!(SessionProfile::from_json(&body).unwrap(), session);
    let err = SessionProfile::builder("default", "https://example.com/r", order())
        .customer(customer(125))
        .build()
        .unwrap_err();
    assert_eq!(
        err.violations()
            .iter()
            .map(|v| (v.rule(), v.path()))
            .collect::<Vec<_>>(),
        [(Rule::Depth, "customer.tokens[\"payex.creditcard\"]")]
    );
}

#[test]
fn a_bare_order_at_its_limit_is_one_too_deep_for_a_session() {
    let bare = |levels| {
        format!(
            r#"{{"amount":0,"currency":"NOK","merchant_reference":"r","shipping_option":{{"id":"s","line_id":"s","amount":0,"operator":"o","title":"t","eta":{}}}}}"#,
            nested(levels)
        )
    };
    // order { shipping_option { eta: 125 arrays: a bare order at its limit parses.
    let deepest = Order::from_json(bare(125).as_bytes()).unwrap();
    assert_eq!(
        Order::from_json(bare(126).as_bytes())
            .unwrap_err()
            .violations()[0]
            .rule(),
        Rule::Syntax
    );
    // In a session it would be 128 deep: refused when the session is built.
    let err = SessionProfile::builder("default", "https://example.com/r", deepest)
        .build()
        .unwrap_err();
    assert_eq!(
        problems(&err),
        [
            "order.shipping_option.eta: expected JSON nested at most 124 levels deep here, so that the body (127 at most) parses back, found 125 levels"
        ]
    );
    // One less fits, and reads back.
    let fits = Order::from_json(bare(124).as_bytes()).unwrap();
    let session = SessionProfile::builder("default", "https://example.com/r", fits)
        .build()
        .unwrap();
    let body = serde_json::to_vec(&session).unwrap();
    assert_eq!(SessionProfile::from_json(&body).unwrap(), session);
}
