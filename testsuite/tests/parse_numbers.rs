//! Numbers are read from their JSON text, never through `f64`, at every entry point: a
//! quantity with more digits than a double keeps is refused as written, an amount written
//! with a fraction or an exponent is not an integer, and messages show the number as written
//! (issue 13 item 4).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use dintero_order::{Order, OrderItem, ParseOptions, Rule, SessionProfile};

/// A one-line order whose line says `line` (its amount, vat and vat_amount fit each other).
fn order(line: &str) -> String {
    format!(
        r#"{{"amount":1000,"currency":"NOK","merchant_reference":"r","vat_amount":200,"items":[{{"line_id":"1","amount":1000,"vat":25,"vat_amount":200,{line}}}]}}"#
    )
}

fn profile(order: &str) -> String {
    format!(
        r#"{{"profile_id":"default","url":{{"return_url":"https://example.com/r"}},"order":{order}}}"#
    )
}

/// `(rule, path, found)` of every problem `from_json` reports, strictly and leniently (the
/// same for a body without unknown fields).
fn problems(json: &str) -> Vec<(Rule, String, String)> {
    let strict = Order::from_json(json.as_bytes()).unwrap_err();
    let lenient = Order::from_json_with(json.as_bytes(), &ParseOptions::lenient()).unwrap_err();
    assert_eq!(strict, lenient, "{json}");
    strict
        .violations()
        .iter()
        .map(|v| (v.rule(), v.path().to_owned(), v.found().to_owned()))
        .collect()
}

/// The messages of serde's every way in: from_str, from_slice and from_reader, of the bare
/// order and inside a session.
fn serde_errors(order_json: &str) -> Vec<String> {
    let session_json = profile(order_json);
    vec![
        serde_json::from_str::<Order>(order_json)
            .unwrap_err()
            .to_string(),
        serde_json::from_slice::<Order>(order_json.as_bytes())
            .unwrap_err()
            .to_string(),
        serde_json::from_reader::<_, Order>(order_json.as_bytes())
            .unwrap_err()
            .to_string(),
        serde_json::from_str::<SessionProfile>(&session_json)
            .unwrap_err()
            .to_string(),
    ]
}

#[test]
fn a_quantity_finer_than_a_double_is_refused_as_written_everywhere() {
    // 2.0000000000000001 is the double 2: read as text, it has 17 significant digits.
    let json = order(r#""quantity":2.0000000000000001"#);
    assert_eq!(
        problems(&json),
        [(
            Rule::Quantity,
            "order.items[0].quantity".to_owned(),
            "2.0000000000000001".to_owned()
        )]
    );
    for message in serde_errors(&json) {
        assert!(
            message.starts_with(
                "quantity must have at most 15 significant digits and 22 decimals at order.items[0].quantity (line 1, column "
            ),
            "{message}"
        );
    }
    let item = serde_json::from_str::<OrderItem>(r#"{"amount":1,"quantity":2.0000000000000001}"#);
    assert!(item.is_err());
    // Fifteen significant digits are a quantity, read exactly.
    let ok = order(r#""quantity":2.00000000000001"#);
    let parsed = Order::from_json(ok.as_bytes()).unwrap();
    assert_eq!(
        parsed.items()[0].quantity().unwrap().get().to_string(),
        "2.00000000000001"
    );
}

#[test]
fn tiny_numbers_are_shown_as_written_not_as_doubles() {
    // Beyond a double's 15 digits and beyond a decimal's 28: still shown as written.
    let json = order(r#""quantity":0.000000000000000000000010000000000000001"#);
    assert_eq!(
        problems(&json),
        [(
            Rule::Quantity,
            "order.items[0].quantity".to_owned(),
            "0.000000000000000000000010000000000000001".to_owned()
        )]
    );
    let json = order(r#""quantity":1.0000000000000001e-23"#);
    assert_eq!(
        problems(&json)[0].2,
        "1.0000000000000001e-23",
        "the text, not the f64's form"
    );
}

#[test]
fn an_amount_with_a_fraction_or_an_exponent_is_not_an_integer() {
    for (written, serde_form) in [
        ("29990.0", "floating point `29990.0`"),
        ("1e3", "floating point `1e3`"),
        ("1E3", "floating point `1E3`"),
        ("-0.0", "floating point `-0.0`"),
    ] {
        let json = format!(r#"{{"amount":{written},"currency":"NOK","merchant_reference":"r"}}"#);
        assert_eq!(
            problems(&json),
            [(Rule::Type, "order.amount".to_owned(), written.to_owned())],
            "{written}"
        );
        let message = Order::from_json(json.as_bytes()).unwrap_err().to_string();
        assert_eq!(
            message,
            format!(
                "invalid Dintero payload: order.amount: expected an integer amount in minor units, found {written}"
            )
        );
        for message in serde_errors(&order("").replace(
            r#""amount":1000,"currency""#,
            &format!(r#""amount":{written},"currency""#),
        )) {
            assert!(
                message.starts_with(&format!(
                    "invalid type: {serde_form}, expected i64 at order.amount"
                )),
                "{message}"
            );
        }
    }
    // Past i64: the integer as written, not a double.
    let json = r#"{"amount":100000000000000000000,"currency":"NOK","merchant_reference":"r"}"#;
    assert_eq!(
        problems(json),
        [(
            Rule::Type,
            "order.amount".to_owned(),
            "100000000000000000000".to_owned()
        )]
    );
    assert!(
        serde_json::from_str::<Order>(json)
            .unwrap_err()
            .to_string()
            .starts_with(
                "invalid value: integer `100000000000000000000`, expected i64 at order.amount"
            )
    );
}

#[test]
fn a_rate_and_a_percentage_are_read_from_their_text() {
    // 25.000000000000001 is the double 25.
    let json = order(r#""quantity":1"#).replace(r#""vat":25"#, r#""vat":25.000000000000001"#);
    assert_eq!(
        problems(&json),
        [(
            Rule::VatRate,
            "order.items[0].vat".to_owned(),
            "25.000000000000001".to_owned()
        )]
    );
    // A discount's percentage and a unit measure keep every digit they have: more than a
    // double holds is refused, as written, since it could not be written back exactly.
    let json = order(r#""discount_lines":[{"amount":10,"percentage":12.345678901234}]"#);
    let parsed = Order::from_json(json.as_bytes()).unwrap();
    assert_eq!(
        parsed.items()[0].discount_lines()[0]
            .percentage()
            .unwrap()
            .to_string(),
        "12.345678901234"
    );
    let json = order(r#""discount_lines":[{"amount":10,"percentage":12.3456789012345678901}]"#);
    assert_eq!(
        problems(&json),
        [(
            Rule::Discount,
            "order.items[0].discount_lines[0].percentage".to_owned(),
            "12.3456789012345678901".to_owned()
        )]
    );
    let json = order(r#""unit_weight":0.10000000000000001"#);
    assert_eq!(
        problems(&json),
        [(
            Rule::Format,
            "order.items[0].unit_weight".to_owned(),
            "0.10000000000000001".to_owned()
        )]
    );
}
