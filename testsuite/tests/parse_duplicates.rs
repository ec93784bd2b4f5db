//! A key given twice in one object is a problem at every entry point, at every depth,
//! whatever its values: `from_json` (strict and lenient) reports it with its path, serde
//! refuses the body (issue 13 item 5).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use dintero_order::{Order, ParseOptions, Rule, SessionProfile};

const ORDER: &str = r#"{"amount":1000,"currency":"NOK","merchant_reference":"r","vat_amount":200,"items":[{"line_id":"1","amount":1000,"vat":25,"vat_amount":200}]}"#;

fn profile(order: &str, extra: &str) -> String {
    format!(
        r#"{{"profile_id":"default","url":{{"return_url":"https://example.com/r"}},"order":{order}{extra}}}"#
    )
}

/// `(rule, path)` of every problem, the same strictly and leniently.
fn problems(json: &str) -> Vec<(Rule, String)> {
    let strict = SessionProfile::from_json(json.as_bytes()).unwrap_err();
    let lenient =
        SessionProfile::from_json_with(json.as_bytes(), &ParseOptions::lenient()).unwrap_err();
    assert_eq!(strict, lenient, "{json}");
    strict
        .violations()
        .iter()
        .map(|v| (v.rule(), v.path().to_owned()))
        .collect()
}

fn serde_refuses(json: &str) -> String {
    match serde_json::from_str::<SessionProfile>(json) {
        Ok(_) => panic!("serde accepted {json}"),
        Err(error) => error.to_string(),
    }
}

fn rules(list: &[(Rule, &str)]) -> Vec<(Rule, String)> {
    list.iter().map(|&(r, p)| (r, p.to_owned())).collect()
}

#[test]
fn a_repeated_amount_is_reported_whatever_its_values() {
    // The first value of the wrong type used to be removed and the second read: Ok, amount 0.
    let order = ORDER.replace(
        r#""amount":1000,"currency""#,
        r#""amount":"5","amount":0,"currency""#,
    );
    let err = Order::from_json(order.as_bytes()).unwrap_err();
    let found: Vec<String> = err.violations().iter().map(ToString::to_string).collect();
    assert_eq!(
        found,
        [
            "order.amount: expected an integer amount in minor units, found \"5\"",
            "order.amount: expected each key at most once in an object, found `amount` twice",
        ]
    );
    assert!(serde_json::from_str::<Order>(&order).is_err());
    assert!(Order::from_json_with(order.as_bytes(), &ParseOptions::lenient()).is_err());
    // Both of the right type: the same.
    let order = ORDER.replace(
        r#""amount":1000,"currency""#,
        r#""amount":5,"amount":0,"currency""#,
    );
    assert_eq!(
        Order::from_json(order.as_bytes())
            .unwrap_err()
            .violations()
            .iter()
            .map(|v| (v.rule(), v.path()))
            .collect::<Vec<_>>(),
        [(Rule::DuplicateKey, "order.amount")]
    );
    assert!(serde_json::from_str::<Order>(&order).is_err());
}

#[test]
fn a_repeated_order_is_reported_and_only_the_first_is_read() {
    // The first copy is wrong, the second right: the second used to be taken.
    let wrong = ORDER.replace(r#""currency":"NOK""#, r#""currency":"XAU""#);
    let json = profile(&wrong, &format!(r#","order":{ORDER}"#));
    // In document order: the first copy's problem, then the second key.
    assert_eq!(
        problems(&json),
        rules(&[
            (Rule::Currency, "order.currency"),
            (Rule::DuplicateKey, "order"),
        ])
    );
    // serde stops at the first problem, the first copy's.
    let message = serde_refuses(&json);
    assert!(message.contains("at order.currency"), "{message}");
    // With the first copy right, serde stops at the second key.
    let json = profile(ORDER, &format!(r#","order":{wrong}"#));
    assert!(serde_refuses(&json).starts_with("duplicate field `order` at order"));
    assert_eq!(problems(&json), rules(&[(Rule::DuplicateKey, "order")]));
}

#[test]
fn repeated_keys_are_found_at_every_depth() {
    let item_vat = ORDER.replace(r#""vat":25"#, r#""vat":25,"vat":0"#);
    let cases = [
        (
            profile(&item_vat, ""),
            "order.items[0].vat",
            "duplicate field `vat` at order.items[0].vat",
        ),
        (
            profile(ORDER, r#","metadata":{"a":"1","a":"2"}"#),
            "metadata.a",
            "duplicate field `a` at metadata.a",
        ),
        (
            profile(
                ORDER,
                r#","configuration":{"instabank":{"installment":{"enabled":true,"products":[{"product_code":"a","product_code":"b"}]}}}"#,
            ),
            "configuration.instabank.installment.products[0].product_code",
            "duplicate field `product_code` at configuration.instabank.installment.products[0].product_code",
        ),
        (
            profile(
                ORDER,
                r#","customer":{"tokens":{"payex.creditcard":{"payment_token":"a","payment_token":"a"}}}"#,
            ),
            r#"customer.tokens["payex.creditcard"].payment_token"#,
            r#"duplicate field `payment_token` at customer.tokens["payex.creditcard"].payment_token"#,
        ),
        (
            profile(
                &ORDER.replace(
                    r#""vat_amount":200}"#,
                    r#""vat_amount":200,"emd":{"subscription":{"subscription":{"subscription_name":"a","start_time":"2025-01-01T00:00:00Z","end_time":"2026-01-01T00:00:00Z","auto_renewal_of_subscription":true,"auto_renewal_of_subscription":false},"customer_account_info":{"unique_account_identifier":"u","account_registration_date":"2020-01-01","account_last_modified":"2020-01-01"}}}}"#,
                ),
                "",
            ),
            "order.items[0].emd.subscription.subscription.auto_renewal_of_subscription",
            "duplicate field `auto_renewal_of_subscription` at order.items[0].emd.subscription.subscription.auto_renewal_of_subscription",
        ),
        (
            profile(ORDER, r#","url":{"return_url":"https://example.com/r"}"#),
            "url",
            "duplicate field `url` at url",
        ),
    ];
    for (json, path, serde_message) in cases {
        assert_eq!(
            problems(&json),
            [(Rule::DuplicateKey, path.to_owned())],
            "{json}"
        );
        let message = serde_refuses(&json);
        assert!(message.starts_with(serde_message), "{message}");
    }
}

#[test]
fn a_key_three_times_is_one_problem_and_other_problems_still_count() {
    let json = profile(
        &ORDER.replace(
            r#""vat":25"#,
            r#""vat":25,"vat":"x","vat":26,"colour":"red""#,
        ),
        "",
    );
    let strict = SessionProfile::from_json(json.as_bytes()).unwrap_err();
    let found: Vec<(Rule, &str)> = strict
        .violations()
        .iter()
        .map(|v| (v.rule(), v.path()))
        .collect();
    assert_eq!(
        found,
        [
            (Rule::DuplicateKey, "order.items[0].vat"),
            (Rule::UnknownField, "order.items[0].colour"),
        ]
    );
    // Leniently the unknown field is a warning; the repeated key is still a problem.
    let lenient =
        SessionProfile::from_json_with(json.as_bytes(), &ParseOptions::lenient()).unwrap_err();
    let found: Vec<(Rule, &str)> = lenient
        .violations()
        .iter()
        .map(|v| (v.rule(), v.path()))
        .collect();
    assert_eq!(found, [(Rule::DuplicateKey, "order.items[0].vat")]);
}

#[test]
fn a_repeated_key_inside_an_unknown_field_is_refused_leniently_too() {
    // Found by the hostile suite's long run: lenient parsing dropped the unknown field
    // without reading it, so the key given twice inside it went unnoticed.
    let json = profile(
        ORDER,
        r#","shipping_addressa":{"first_name":"é","first_name":"é"}"#,
    );
    let lenient =
        SessionProfile::from_json_with(json.as_bytes(), &ParseOptions::lenient()).unwrap_err();
    let found: Vec<String> = lenient
        .violations()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        found,
        [
            "shipping_addressa: expected each key at most once in an object, found `first_name` twice"
        ]
    );
    assert!(SessionProfile::from_json(json.as_bytes()).is_err());
    serde_refuses(&json);
    // Without the repeated key, the unknown field is only a warning.
    let json = profile(ORDER, r#","shipping_addressa":{"first_name":"é"}"#);
    let parsed = SessionProfile::from_json_with(json.as_bytes(), &ParseOptions::lenient()).unwrap();
    assert_eq!(parsed.warnings().len(), 1);
}
