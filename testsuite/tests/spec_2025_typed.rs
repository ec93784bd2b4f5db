//! Dintero's 2025 spec in the typed parts of the session bodies: `configuration.channel`
//! `ecommerce`, metadata numbers, `express.default_different_billing_shipping_address`, and
//! the Express options' `shipment_id` and `shipment_items`. Each: built → exact JSON;
//! parsed (both `from_json` and serde, both bodies) → written back byte for byte; a bad
//! value → the exact violation.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use dintero_order::{
    Channel, Configuration, Currency, CustomerType, Error, Express, Line, MetadataValue, Order,
    Rule, Session, SessionProfile, ShipmentItem, Shipping, UnitPrice, VatRate,
};
use rust_decimal_macros::dec;

/// One chair at 299.90 NOK, 25 % VAT contained (5998).
fn order() -> Order {
    let vat = VatRate::from_whole_percent(25).unwrap();
    Order::builder(Currency::NOK, "order-1")
        .line(Line::new(
            "chair",
            "Chair",
            UnitPrice::major(dec!(299.90)),
            vat,
        ))
        .build()
        .unwrap()
}

const URL: &str = r#""url":{"return_url":"https://example.com/return"}"#;
const ORDER: &str = r#""order":{"amount":29990,"currency":"NOK","merchant_reference":"order-1","vat_amount":5998,"items":[{"id":"chair","line_id":"1","description":"Chair","quantity":1,"amount":29990,"vat_amount":5998,"vat":25}]}"#;

/// A `/v1/sessions-profile` body with `extra` (members, each followed by a comma) between
/// the order and the end.
fn profile_json(extra: &str) -> String {
    format!(r#"{{"profile_id":"default",{URL},{ORDER}{extra}}}"#)
}

/// A `/v1/sessions` body with `extra` members and `configuration`.
fn session_json(extra: &str, configuration: &str) -> String {
    format!(r#"{{{URL},{ORDER}{extra},"configuration":{configuration}}}"#)
}

/// Parses `json` every way (`from_json`, `serde_json::from_slice`) as both bodies where it
/// is one, and checks each writes it back byte for byte.
fn round_trips_profile(json: &str) {
    let parsed = SessionProfile::from_json(json.as_bytes()).unwrap();
    assert_eq!(String::from_utf8(parsed.to_json()).unwrap(), json);
    let parsed: SessionProfile = serde_json::from_slice(json.as_bytes()).unwrap();
    assert_eq!(serde_json::to_string(&parsed).unwrap(), json);
}

fn round_trips_session(json: &str) {
    let parsed = Session::from_json(json.as_bytes()).unwrap();
    assert_eq!(String::from_utf8(parsed.to_json()).unwrap(), json);
    let parsed: Session = serde_json::from_slice(json.as_bytes()).unwrap();
    assert_eq!(serde_json::to_string(&parsed).unwrap(), json);
}

/// Every violation as (rule, path, message).
fn problems(err: &Error) -> Vec<(Rule, String, String)> {
    err.violations()
        .iter()
        .map(|v| (v.rule(), v.path().to_owned(), v.to_string()))
        .collect()
}

fn problem(rule: Rule, path: &str, message: &str) -> Vec<(Rule, String, String)> {
    vec![(rule, path.to_owned(), message.to_owned())]
}

#[test]
fn channel_ecommerce() {
    let configuration = Configuration::builder().channel(Channel::Ecommerce).build();
    assert_eq!(configuration.channel(), Some(Channel::Ecommerce));
    let session = Session::builder("https://example.com/return", order(), configuration)
        .build()
        .unwrap();
    let json = session_json("", r#"{"channel":"ecommerce"}"#);
    assert_eq!(String::from_utf8(session.to_json()).unwrap(), json);
    round_trips_session(&json);
    let profile = profile_json(r#","configuration":{"channel":"ecommerce"}"#);
    round_trips_profile(&profile);
    assert_eq!(
        SessionProfile::from_json(profile.as_bytes())
            .unwrap()
            .configuration()
            .and_then(Configuration::channel),
        Some(Channel::Ecommerce)
    );

    // Not a channel. The message's list of channels belongs to the configuration's checks,
    // which are being changed elsewhere: only the rule and the path are held here.
    let bad = session_json("", r#"{"channel":"web"}"#);
    let err = Session::from_json(bad.as_bytes()).unwrap_err();
    let found: Vec<(Rule, &str)> = err
        .violations()
        .iter()
        .map(|v| (v.rule(), v.path()))
        .collect();
    assert_eq!(found, [(Rule::Format, "configuration.channel")]);
}

#[test]
fn metadata_strings_and_numbers() {
    let profile = SessionProfile::builder("default", "https://example.com/return", order())
        .metadata("ext_cart", "c-17")
        .metadata("ext_customer_no", 4711_u32)
        .metadata("ext_weight", dec!(2.50))
        .metadata("ext_balance", -3_i64)
        .build()
        .unwrap();
    let json = profile_json(
        r#","metadata":{"ext_balance":-3,"ext_cart":"c-17","ext_customer_no":4711,"ext_weight":2.50}"#,
    );
    assert_eq!(String::from_utf8(profile.to_json()).unwrap(), json);
    assert_eq!(
        profile
            .metadata()
            .get("ext_weight")
            .and_then(MetadataValue::as_number)
            .map(|n| n.as_str()),
        Some("2.50")
    );

    // Numbers are written back as they were written, never through f64.
    let written = r#","metadata":{"a":"x","b":1e3,"c":0.10000000000000000001,"d":-0}"#;
    round_trips_profile(&profile_json(written));
    round_trips_session(&session_json(written, "{}"));
    let parsed = SessionProfile::from_json(profile_json(written).as_bytes()).unwrap();
    assert_eq!(
        parsed.metadata().get("c"),
        Some(&MetadataValue::Number(dintero_order::MetadataNumber::from(
            dec!(0.10000000000000000001)
        )))
    );

    // Neither a string nor a number.
    let bad = profile_json(r#","metadata":{"a":"x","b":true}"#);
    assert_eq!(
        problems(&SessionProfile::from_json(bad.as_bytes()).unwrap_err()),
        problem(
            Rule::Type,
            "metadata.b",
            "metadata.b: expected a string or a number, found true"
        )
    );
    let err = serde_json::from_slice::<SessionProfile>(bad.as_bytes()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid type: boolean `true`, expected a string or a number at metadata.b (line 1, column 310)"
    );
    // The key limit is unchanged, numbers or not.
    let mut builder = SessionProfile::builder("default", "https://example.com/return", order());
    for key in 0..11 {
        builder = builder.metadata(format!("ext_{key}"), key);
    }
    assert_eq!(
        problems(&builder.build().unwrap_err()),
        problem(
            Rule::TooMany,
            "metadata",
            "metadata: expected at most 10 keys, found 11 keys"
        )
    );
}

#[test]
fn express_default_different_billing_shipping_address() {
    let express = Express::builder([])
        .customer_types([CustomerType::B2c, CustomerType::B2b])
        .default_different_billing_shipping_address([CustomerType::B2b])
        .build();
    let profile = SessionProfile::builder("default", "https://example.com/return", order())
        .express(express)
        .build()
        .unwrap();
    let json = profile_json(
        r#","express":{"shipping_options":[],"customer_types":["b2c","b2b"],"default_different_billing_shipping_address":["b2b"]}"#,
    );
    assert_eq!(String::from_utf8(profile.to_json()).unwrap(), json);
    round_trips_profile(&json);
    let both = r#","express":{"shipping_options":[],"default_different_billing_shipping_address":["b2c","b2b"]}"#;
    round_trips_session(&session_json(both, "{}"));
    let parsed = Session::from_json(session_json(both, "{}").as_bytes()).unwrap();
    assert_eq!(
        parsed
            .express()
            .unwrap()
            .default_different_billing_shipping_address(),
        [CustomerType::B2c, CustomerType::B2b]
    );

    let bad = profile_json(
        r#","express":{"shipping_options":[],"default_different_billing_shipping_address":["b2x"]}"#,
    );
    assert_eq!(
        problems(&SessionProfile::from_json(bad.as_bytes()).unwrap_err()),
        problem(
            Rule::Format,
            "express.default_different_billing_shipping_address[0]",
            r#"express.default_different_billing_shipping_address[0]: expected `b2c` or `b2b`, found "b2x""#
        )
    );
}

/// The Express option of these tests: home delivery at 39 NOK, 25 % VAT.
fn home(line_id: &str) -> Shipping<'_> {
    let vat = VatRate::from_whole_percent(25).unwrap();
    Shipping::new("home", "Home delivery", UnitPrice::major(dec!(39)), vat)
        .line_id(line_id)
        .operator("Bring")
}

const HOME: &str = r#""id":"home","line_id":"ship-1","amount":3900,"vat_amount":780,"vat":25,"operator":"Bring","title":"Home delivery""#;

#[test]
fn express_shipment_id_and_items() {
    let option = home("ship-1")
        .shipment_id("parcel-1")
        .shipment_items([
            ShipmentItem::new("1").with_quantity(dec!(1.5)),
            ShipmentItem::new("2"),
        ])
        .priced_in(Currency::NOK)
        .unwrap();
    assert_eq!(option.shipment_id(), Some("parcel-1"));
    assert_eq!(option.shipment_items()[0].quantity(), Some(dec!(1.5)));
    let profile = SessionProfile::builder("default", "https://example.com/return", order())
        .express(Express::builder([option]).build())
        .build()
        .unwrap();
    let options = format!(
        r#","express":{{"shipping_options":[{{{HOME},"shipment_id":"parcel-1","shipment_items":[{{"line_id":"1","quantity":1.5}},{{"line_id":"2"}}]}}]}}"#
    );
    let json = profile_json(&options);
    assert_eq!(String::from_utf8(profile.to_json()).unwrap(), json);
    round_trips_profile(&json);
    round_trips_session(&session_json(&options, "{}"));
    let parsed = Session::from_json(session_json(&options, "{}").as_bytes()).unwrap();
    let items = parsed.express().unwrap().shipping_options()[0].shipment_items();
    assert_eq!((items[1].line_id(), items[1].quantity()), ("2", None));

    // Built: an empty line_id and a quantity of 0, refused when the option is priced (its
    // paths start at `shipping_option`) ...
    let err = home("ship-1")
        .shipment_items([
            ShipmentItem::new(""),
            ShipmentItem::new("1").with_quantity(dec!(0)),
        ])
        .priced_in(Currency::NOK)
        .unwrap_err();
    let expected = |at: &str, found: &str| {
        vec![
            (
                Rule::Required,
                format!("{at}.shipment_items[0].line_id"),
                format!(r#"{at}.shipment_items[0].line_id: expected a non-empty string, found """#),
            ),
            (
                Rule::Quantity,
                format!("{at}.shipment_items[1].quantity"),
                format!(
                    "{at}.shipment_items[1].quantity: expected a quantity greater than 0 with at most 15 significant digits and 22 decimals, found {found}"
                ),
            ),
        ]
    };
    assert_eq!(problems(&err), expected("shipping_option", "0"));
    // ... and as the order's own option.
    let err = Order::builder(Currency::NOK, "order-1")
        .shipping(home("ship-1").shipment_items([
            ShipmentItem::new(""),
            ShipmentItem::new("1").with_quantity(dec!(-1)),
        ]))
        .build()
        .unwrap_err();
    assert_eq!(problems(&err), expected("order.shipping_option", "-1"));

    // Parsed: the same problems, and a negative quantity as written.
    let bad = profile_json(&format!(
        r#","express":{{"shipping_options":[{{{HOME},"shipment_items":[{{"line_id":""}},{{"line_id":"1","quantity":-0.5}}]}}]}}"#
    ));
    assert_eq!(
        problems(&SessionProfile::from_json(bad.as_bytes()).unwrap_err()),
        expected("express.shipping_options[0]", "-0.5")
    );
    // line_id is required in a shipment item.
    let missing = profile_json(&format!(
        r#","express":{{"shipping_options":[{{{HOME},"shipment_items":[{{"quantity":1}}]}}]}}"#
    ));
    assert_eq!(
        problems(&SessionProfile::from_json(missing.as_bytes()).unwrap_err()),
        problem(
            Rule::Required,
            "express.shipping_options[0].shipment_items[0].line_id",
            "express.shipping_options[0].shipment_items[0].line_id: expected a value for `line_id` (required), found nothing"
        )
    );
}
