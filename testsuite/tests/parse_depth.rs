//! What the library builds, it reads back: JSON passed through (configuration fields, card
//! tokens, a shipping option's parts) is refused by `build()` when the body would nest deeper
//! than a JSON parser reads (issue 13 item 9). Since the spec's checks of that JSON (issue
//! 15), no valid body nests that deep at all: deep JSON is also refused for its shape, and
//! the depth rule stays as a second guard that names the place.
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
fn deep_configuration_json_is_refused_at_its_field() {
    let build = |levels| {
        let configuration = Configuration::builder()
            .set("vipps", nested(levels))
            .build();
        SessionProfile::builder("default", "https://example.com/r", order())
            .configuration(configuration)
            .build()
            .unwrap_err()
    };
    // At the parser's limit: not the object the spec asks for.
    assert_eq!(
        problems(&build(125)),
        ["configuration.vipps: expected an object, found an array"]
    );
    // One more, and the body would not parse either: both say so, at the field.
    assert_eq!(
        problems(&build(126)),
        [
            "configuration.vipps: expected JSON nested at most 125 levels deep here, so that the body (127 at most) parses back, found 126 levels",
            "configuration.vipps: expected an object, found an array",
        ]
    );
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
fn deep_card_tokens_are_refused_at_their_field() {
    let customer = |levels| {
        let mut tokens = Map::new();
        tokens.insert("payex.creditcard".to_owned(), nested(levels));
        Customer::builder().tokens(tokens).build()
    };
    let rules = |levels| {
        SessionProfile::builder("default", "https://example.com/r", order())
            .customer(customer(levels))
            .build()
            .unwrap_err()
            .violations()
            .iter()
            .map(|v| (v.rule(), v.path().to_owned()))
            .collect::<Vec<_>>()
    };
    let at = r#"customer.tokens["payex.creditcard"]"#.to_owned();
    // body { customer { tokens { "payex.creditcard": 124 arrays fit a parser, not the spec.
    assert_eq!(rules(124), [(Rule::Type, at.clone())]);
    assert_eq!(rules(125), [(Rule::Depth, at.clone()), (Rule::Type, at)]);
}

#[test]
fn a_deep_eta_is_refused_in_a_bare_order_and_in_a_session() {
    let bare = |levels| {
        format!(
            r#"{{"amount":0,"currency":"NOK","merchant_reference":"r","shipping_option":{{"id":"s","line_id":"s","amount":0,"operator":"o","title":"t","eta":{}}}}}"#,
            nested(levels)
        )
    };
    // order { shipping_option { eta: 125 arrays parse, and are not an eta.
    let err = Order::from_json(bare(125).as_bytes()).unwrap_err();
    assert_eq!(
        problems(&err),
        ["order.shipping_option.eta: expected an object, found an array"]
    );
    // 126 do not parse.
    assert_eq!(
        Order::from_json(bare(126).as_bytes())
            .unwrap_err()
            .violations()[0]
            .rule(),
        Rule::Syntax
    );
}
