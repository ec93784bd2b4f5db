//! Express Checkout's callbacks: the session Dintero posts is read faithfully (the spec's
//! example, a one-click address, fields no spec has), and the answers carry exact JSON, add
//! up to what Dintero checks, name every problem at its path and validate against the
//! committed answer schemas.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

// Only the schema files' names are needed here.
#[allow(dead_code)]
#[path = "conformance/schemas.rs"]
mod schemas;
#[path = "conformance/validator.rs"]
mod validator;

use std::sync::OnceLock;

use dintero_order::{
    Currency, DeliveryMethod, Discount, DiscountCodesAnswer, ExpressCallback, Line, Order,
    PayInStore, Rule, ShipmentItem, Shipping, ShippingAddressAnswer, ShippingOption, UnitPrice,
    VatRate,
};
use jsonschema::Validator;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use serde_json::Value;
use validator::{assert_conforms, committed, problems, validator_for};

/// The session of the spec's express callback examples (`Id` + `Session` + `SessionRead`),
/// assembled from the spec's own example values: the order of `SessionOrder` (whose amount,
/// 72200, is its items plus the 3900 of the example `ShippingOption`, selected here), the
/// example address, customer, urls and events, and the read-only `created_at`, `customer.tokens`,
/// `configuration.merchant` and `metadata`.
const SPEC_EXAMPLE: &str = include_str!("payloads/express/spec_example.json");

fn spec_example() -> ExpressCallback {
    ExpressCallback::from_json(SPEC_EXAMPLE.as_bytes()).unwrap()
}

fn vat(percent: u8) -> VatRate {
    VatRate::from_whole_percent(percent).unwrap()
}

/// A shipping option priced in NOK.
fn option(id: &str, price: Decimal, method: DeliveryMethod) -> ShippingOption {
    Shipping::new(id, "Standard", UnitPrice::major(price), vat(25))
        .operator("Bring")
        .delivery_method(method)
        .priced_in(Currency::NOK)
        .unwrap()
}

/// The spec example's three lines, rebuilt by the shop with the same line ids.
fn lines() -> [Line<'static>; 3] {
    [
        Line::new("10", "Forsvinnignspølse", UnitPrice::minor(1000), vat(20))
            .quantity(dec!(2))
            .line_id("1"),
        Line::new(
            "6",
            "Vissvossafår på neppebrød",
            UnitPrice::minor(3300),
            vat(20),
        )
        .quantity(dec!(2))
        .line_id("2")
        .eligible_for_discount(true),
        Line::new("1", "Luftboller", UnitPrice::minor(19900), vat(20))
            .quantity(dec!(3))
            .line_id("3"),
    ]
}

fn order() -> Order {
    let [a, b, c] = lines();
    Order::builder(Currency::NOK, "spec-example")
        .line(a)
        .line(b)
        .line(c)
        .build()
        .unwrap()
}

fn text(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).unwrap()
}

fn shipping_schema() -> &'static Validator {
    static V: OnceLock<Validator> = OnceLock::new();
    V.get_or_init(|| validator_for(&committed(schemas::SHIPPING_ADDRESS_ANSWER)))
}

fn discount_schema() -> &'static Validator {
    static V: OnceLock<Validator> = OnceLock::new();
    V.get_or_init(|| validator_for(&committed(schemas::DISCOUNT_CODES_ANSWER)))
}

/// Every shipping-address answer a test emits goes through here.
fn shipping_json(answer: &ShippingAddressAnswer) -> String {
    let bytes = answer.to_json();
    let value: Value = serde_json::from_slice(&bytes).unwrap();
    assert_conforms(shipping_schema(), &value, "shipping-address answer");
    text(&bytes).to_owned()
}

/// Every discount-codes answer a test emits goes through here.
fn discount_json(answer: &DiscountCodesAnswer) -> String {
    let bytes = answer.to_json();
    let value: Value = serde_json::from_slice(&bytes).unwrap();
    assert_conforms(discount_schema(), &value, "discount-codes answer");
    text(&bytes).to_owned()
}

/// Each problem as `rule path: expected …, found …`.
fn problems_of(error: &dintero_order::Error) -> Vec<(Rule, String, String, String)> {
    error
        .violations()
        .iter()
        .map(|v| {
            (
                v.rule(),
                v.path().to_owned(),
                v.expected().to_owned(),
                v.found().to_owned(),
            )
        })
        .collect()
}

#[test]
fn the_spec_example_session_reads_with_what_an_answer_needs() {
    let callback = spec_example();
    assert_eq!(callback.id(), "T11223344.4x9CbtHW6Tf1LyqXvQtKF8");
    assert_eq!(callback.merchant_reference(), Some("spec-example"));
    assert_eq!(callback.currency(), Some("NOK"));
    assert_eq!(
        (callback.amount(), callback.vat_amount()),
        (Some(72200), Some(13660))
    );
    let items: Vec<_> = callback
        .items()
        .iter()
        .map(|i| (i.line_id(), i.id(), i.quantity(), i.amount(), i.vat()))
        .collect();
    assert_eq!(
        items,
        [
            (Some("1"), Some("10"), Some(dec!(2)), 2000, Some(dec!(20))),
            (Some("2"), Some("6"), Some(dec!(2)), 6600, Some(dec!(20))),
            (Some("3"), Some("1"), Some(dec!(3)), 59700, Some(dec!(20))),
        ]
    );
    assert_eq!(
        callback.items()[1].description(),
        Some("Vissvossafår på neppebrød")
    );
    assert_eq!(callback.items()[0].vat_amount(), None);
    let selected = callback.shipping_option().unwrap();
    assert_eq!(
        (selected.id(), selected.line_id(), selected.amount()),
        (
            "bring-pick-up-00001",
            "bring-pick-up-00001-location-0a1f6b",
            3900
        )
    );
    assert_eq!(
        (
            selected.vat_amount(),
            selected.vat(),
            selected.title(),
            selected.operator()
        ),
        (Some(975), Some(dec!(25)), Some("Standard"), Some("Bring"))
    );
    let address = callback.shipping_address().unwrap();
    assert_eq!(
        (
            address.first_name(),
            address.last_name(),
            address.co_address(),
            address.postal_code(),
            address.postal_place(),
            address.country(),
            address.address_line(),
        ),
        (
            Some("John"),
            Some("Doe"),
            Some("Land Lord"),
            Some("0349"),
            Some("Oslo"),
            Some("NO"),
            None
        )
    );
    assert_eq!(callback.discount_codes(), ["SUMMER20"]);
}

#[test]
fn a_one_click_address_holds_only_country_and_postal_code() {
    let body = br#"{"id":"S1","order":{"amount":10000,"currency":"NOK","merchant_reference":"o-1",
        "items":[{"line_id":"1","amount":10000}],"shipping_address":{"country":"SE","postal_code":"111 22"}}}"#;
    let callback = ExpressCallback::from_json(body).unwrap();
    let address = callback.shipping_address().unwrap();
    assert_eq!(
        (
            address.country(),
            address.postal_code(),
            address.first_name(),
            address.email()
        ),
        (Some("SE"), Some("111 22"), None, None)
    );
    assert_eq!(callback.shipping_option(), None);
    // The shop can still answer, with what it ships to SE 111 22.
    let answer = callback
        .shipping_address_answer([option("home", dec!(49), DeliveryMethod::Delivery)])
        .build()
        .unwrap();
    assert_eq!(
        shipping_json(&answer),
        r#"{"shipping_options":[{"id":"home","line_id":"home","amount":4900,"vat_amount":980,"vat":25,"operator":"Bring","title":"Standard","delivery_method":"delivery"}]}"#
    );
}

#[test]
fn fields_no_spec_has_are_ignored_everywhere() {
    let plain = br#"{"id":"S1","order":{"amount":500,"currency":"NOK","items":[{"line_id":"1","amount":500}],
        "shipping_option":{"id":"s","line_id":"s","amount":0},"shipping_address":{"country":"NO"},"discount_codes":["A"]}}"#;
    let extra = br#"{"id":"S1","loyalty":{"points":[1,2.5,null]},"order":{"amount":500,"currency":"NOK","future":true,
        "items":[{"line_id":"1","amount":500,"is_changed":true,"version":2,"new":{"x":1}}],
        "shipping_option":{"id":"s","line_id":"s","amount":0,"pay_in_store":{"type":"full"},"shipments":[],"eta":{}},
        "shipping_address":{"country":"NO","latitude":59.91,"what3words":"a.b.c"},"discount_codes":["A"],
        "gift_cards":[{"type":"dintero.wallets","card_id":"c","amount":1}]},
        "events":[{"name":"INITIATED","details":{"vipps:payment:id":"x"}}],"configuration":{"channel":"some_new_channel"}}"#;
    assert_eq!(
        ExpressCallback::from_json(extra).unwrap(),
        ExpressCallback::from_json(plain).unwrap()
    );
    // Missing parts are none, and `null` reads as missing.
    let bare = ExpressCallback::from_json(br#"{"order":{"amount":null,"items":null}}"#).unwrap();
    assert_eq!(
        (bare.id(), bare.amount(), bare.items().len()),
        ("", None, 0)
    );
}

#[test]
fn a_value_of_the_wrong_type_names_its_path() {
    let err = ExpressCallback::from_json(
        br#"{"id":"S1","order":{"items":[{"line_id":"1","amount":1},{"line_id":"2","amount":"100"}]}}"#,
    )
    .unwrap_err();
    assert_eq!(
        problems_of(&err),
        [(
            Rule::Type,
            "order.items[1].amount".to_owned(),
            "the type Dintero's spec gives it".to_owned(),
            "invalid type: string \"100\", expected i64".to_owned()
        )]
    );
    let err =
        ExpressCallback::from_json(br#"{"order":{"discount_codes":"SUMMER20"}}"#).unwrap_err();
    assert_eq!(err.violations()[0].path(), "order.discount_codes");
    let err = ExpressCallback::from_json(b"{\"id\":").unwrap_err();
    assert_eq!(err.violations()[0].rule(), Rule::Syntax);
    let err = ExpressCallback::from_json(b"{} x").unwrap_err();
    assert_eq!(err.violations()[0].rule(), Rule::Syntax);
}

#[test]
fn the_shipping_address_answer_adds_the_selected_option_to_the_items() {
    let callback = spec_example();
    let pick_up = Shipping::new(
        "bring-pick-up-00001",
        "Standard",
        UnitPrice::major(dec!(39)),
        vat(25),
    )
    .line_id("bring-pick-up-00001-location-0a1f6b")
    .operator("Bring")
    .delivery_method(DeliveryMethod::PickUp)
    .priced_in(Currency::NOK)
    .unwrap();
    let home = option("bring-home", dec!(99), DeliveryMethod::Delivery);
    let answer = callback
        .shipping_address_answer([pick_up, home])
        .order(order())
        .build()
        .unwrap();
    // 2000 + 6600 + 59700 + the selected 3900: the spec's own 72200. The VAT adds the 975
    // Dintero holds for the selected option to the items' 333 + 1100 + 9950.
    assert_eq!(
        shipping_json(&answer),
        concat!(
            r#"{"shipping_options":[{"id":"bring-pick-up-00001","line_id":"bring-pick-up-00001-location-0a1f6b","amount":3900,"vat_amount":780,"vat":25,"operator":"Bring","title":"Standard","delivery_method":"pick_up"},"#,
            r#"{"id":"bring-home","line_id":"bring-home","amount":9900,"vat_amount":1980,"vat":25,"operator":"Bring","title":"Standard","delivery_method":"delivery"}],"#,
            r#""order":{"amount":72200,"currency":"NOK","vat_amount":12358,"items":["#,
            r#"{"id":"10","line_id":"1","description":"Forsvinnignspølse","quantity":2,"amount":2000,"vat_amount":333,"vat":20},"#,
            r#"{"id":"6","line_id":"2","description":"Vissvossafår på neppebrød","quantity":2,"amount":6600,"vat_amount":1100,"vat":20,"eligible_for_discount":true},"#,
            r#"{"id":"1","line_id":"3","description":"Luftboller","quantity":3,"amount":59700,"vat_amount":9950,"vat":20}]}}"#
        )
    );
    assert_eq!(answer.order().unwrap().amount(), callback.amount().unwrap());
    assert_eq!(answer.shipping_options().len(), 2);
}

#[test]
fn an_order_with_the_selected_option_itself_is_taken_as_it_is() {
    let callback = ExpressCallback::from_json(
        br#"{"order":{"currency":"NOK","items":[{"line_id":"1","amount":10000}],
        "shipping_option":{"id":"home","line_id":"home","amount":3900,"vat_amount":780}}}"#,
    )
    .unwrap();
    let order = Order::builder(Currency::NOK, "o-1")
        .line(Line::new("chair", "Stol", UnitPrice::minor(10000), vat(25)).line_id("1"))
        .shipping(Shipping::new("home", "Home", UnitPrice::minor(3900), vat(25)).operator("Bring"))
        .discount_code("SUMMER20")
        .build()
        .unwrap();
    let answer = callback
        .shipping_address_answer([])
        .order(order)
        .build()
        .unwrap();
    // The shipping option itself is not a field of the update; its amount and VAT are in
    // the totals, and the order's discount codes are written.
    assert_eq!(
        shipping_json(&answer),
        concat!(
            r#"{"shipping_options":[],"order":{"amount":13900,"currency":"NOK","vat_amount":2780,"items":["#,
            r#"{"id":"chair","line_id":"1","description":"Stol","quantity":1,"amount":10000,"vat_amount":2000,"vat":25}],"#,
            r#""discount_codes":["SUMMER20"]}}"#
        )
    );
}

#[test]
fn the_discount_codes_answer_keeps_every_line_and_the_selected_shipping() {
    let callback = spec_example();
    let [a, b, c] = lines();
    let discounted = Order::builder(Currency::NOK, "spec-example")
        .line(a)
        .line(b)
        .line(c)
        .discount(
            Discount::percent(dec!(20))
                .discount_id("SUMMER20")
                .description("Sommer"),
        )
        .discount_code("SUMMER20")
        .build()
        .unwrap();
    let answer = callback
        .discount_codes_answer([option("bring-home", dec!(99), DeliveryMethod::Delivery)])
        .order(discounted)
        .build()
        .unwrap();
    // Line 2, the only eligible one, loses 20 % (1320); the amount is 2000 + 5280 + 59700
    // plus the selected 3900.
    assert_eq!(
        discount_json(&answer),
        concat!(
            r#"{"shipping_options":[{"id":"bring-home","line_id":"bring-home","amount":9900,"vat_amount":1980,"vat":25,"operator":"Bring","title":"Standard","delivery_method":"delivery"}],"#,
            r#""order":{"amount":70880,"discount_codes":["SUMMER20"],"items":["#,
            r#"{"id":"10","line_id":"1","description":"Forsvinnignspølse","quantity":2,"amount":2000,"vat_amount":333,"vat":20},"#,
            r#"{"id":"6","line_id":"2","description":"Vissvossafår på neppebrød","quantity":2,"amount":5280,"vat_amount":880,"vat":20,"eligible_for_discount":true,"#,
            r#""discount_lines":[{"amount":1320,"percentage":20,"discount_id":"SUMMER20","description":"Sommer","line_id":1}]},"#,
            r#"{"id":"1","line_id":"3","description":"Luftboller","quantity":3,"amount":59700,"vat_amount":9950,"vat":20}]}}"#
        )
    );
    // Refusing the code: the order without it, and an empty list of codes.
    let answer = callback
        .discount_codes_answer([])
        .order(order())
        .build()
        .unwrap();
    let json = discount_json(&answer);
    assert!(
        json.starts_with(r#"{"shipping_options":[],"order":{"amount":72200,"discount_codes":[],"items":[{"id":"10""#),
        "{json}"
    );
}

#[test]
fn every_problem_of_an_answer_at_once_with_its_path() {
    let callback = spec_example();
    let [a, b, _] = lines();
    let order = Order::builder(Currency::SEK, "spec-example")
        .line(a)
        .line(b)
        .shipping(Shipping::new("home", "Home", UnitPrice::minor(4900), vat(25)).operator("Bring"))
        .build()
        .unwrap();
    let clash = Shipping::new("x", "X", UnitPrice::minor(1000), vat(25))
        .line_id("1")
        .priced_in(Currency::NOK)
        .unwrap();
    let pick = |id: &str| {
        Shipping::new(id, "Pick", UnitPrice::minor(0), VatRate::ZERO)
            .line_id("pick")
            .priced_in(Currency::NOK)
            .unwrap()
    };
    let err = callback
        .shipping_address_answer([clash, pick("a"), pick("b")])
        .order(order)
        .build()
        .unwrap_err();
    let s = str::to_owned;
    assert_eq!(
        problems_of(&err),
        [
            (
                Rule::CurrencyMismatch,
                s("order.currency"),
                s(r#""NOK", the session's currency"#),
                s(r#""SEK""#)
            ),
            (
                Rule::OrderAmount,
                s("order.amount"),
                s(
                    r#"12500: the items (8600) plus the shipping option selected in the session ("bring-pick-up-00001-location-0a1f6b", 3900), or Dintero adds a correction line"#
                ),
                s(r#"13500, with the order's shipping option "home" at 4900"#)
            ),
            (
                Rule::Required,
                s("order.items"),
                s(
                    r#"an item with line_id "3", the session's order.items[2]: the list must include all items in the session order"#
                ),
                s("none")
            ),
            (
                Rule::DuplicateLineId,
                s("shipping_options[0].line_id"),
                s("a line_id not used by any order item"),
                s(r#""1""#)
            ),
            (
                Rule::DuplicateLineId,
                s("shipping_options[2].line_id"),
                s("a line_id not used by another shipping option"),
                s(r#""pick""#)
            ),
        ]
    );
    // The discount-codes answer runs the same checks: without line 2, whose amount the
    // answer's total simply leaves out, only the missing line is a problem.
    let err = callback
        .discount_codes_answer([])
        .order(order_without(1))
        .build()
        .unwrap_err();
    let paths: Vec<_> = err
        .violations()
        .iter()
        .map(|v| (v.rule(), v.path()))
        .collect();
    assert_eq!(paths, [(Rule::Required, "order.items")]);
    assert_eq!(
        err.violations()[0].expected(),
        r#"an item with line_id "2", the session's order.items[1]: the list must include all items in the session order"#
    );
}

/// The spec example's order without its line at `index`.
fn order_without(index: usize) -> Order {
    let mut builder = Order::builder(Currency::NOK, "spec-example");
    for (at, line) in lines().into_iter().enumerate() {
        if at != index {
            builder = builder.line(line);
        }
    }
    builder.build().unwrap()
}

#[test]
fn the_selected_options_line_id_and_the_session_lines_stay_free() {
    let callback = spec_example();
    let [a, b, c] = lines();
    let taken = Line::new("fee", "Fee", UnitPrice::minor(100), vat(25))
        .line_id("bring-pick-up-00001-location-0a1f6b");
    let order = Order::builder(Currency::NOK, "spec-example")
        .line(a)
        .line(b)
        .line(c)
        .line(taken)
        .build()
        .unwrap();
    let err = callback
        .shipping_address_answer([])
        .order(order)
        .build()
        .unwrap_err();
    assert_eq!(
        problems_of(&err),
        [(
            Rule::DuplicateLineId,
            "order.items[3].line_id".to_owned(),
            "a line_id not used by the session's selected shipping option".to_owned(),
            r#""bring-pick-up-00001-location-0a1f6b""#.to_owned()
        )]
    );
    // Without an order, the options are checked against the session's lines.
    let clash = Shipping::new("x", "X", UnitPrice::minor(0), VatRate::ZERO)
        .line_id("3")
        .priced_in(Currency::NOK)
        .unwrap();
    let err = callback.discount_codes_answer([clash]).build().unwrap_err();
    assert_eq!(err.violations()[0].path(), "shipping_options[0].line_id");
}

#[test]
fn no_selected_option_means_no_shipping_in_the_amount() {
    let callback = ExpressCallback::from_json(
        br#"{"order":{"currency":"NOK","items":[{"line_id":"1","amount":10000}]}}"#,
    )
    .unwrap();
    let line = || Line::new("chair", "Stol", UnitPrice::minor(10000), vat(25)).line_id("1");
    let with_shipping = Order::builder(Currency::NOK, "o-1")
        .line(line())
        .shipping(Shipping::new(
            "home",
            "Home",
            UnitPrice::minor(3900),
            vat(25),
        ))
        .build()
        .unwrap();
    let err = callback
        .shipping_address_answer([])
        .order(with_shipping)
        .build()
        .unwrap_err();
    assert_eq!(
        problems_of(&err),
        [(
            Rule::OrderAmount,
            "order.amount".to_owned(),
            "10000: the items (10000), since the session has no shipping option selected, or Dintero adds a correction line".to_owned(),
            r#"13900, with the order's shipping option "home" at 3900"#.to_owned()
        )]
    );
    let plain = Order::builder(Currency::NOK, "o-1")
        .line(line())
        .build()
        .unwrap();
    let answer = callback
        .shipping_address_answer([])
        .order(plain)
        .build()
        .unwrap();
    assert_eq!(
        shipping_json(&answer),
        r#"{"shipping_options":[],"order":{"amount":10000,"currency":"NOK","vat_amount":2000,"items":[{"id":"chair","line_id":"1","description":"Stol","quantity":1,"amount":10000,"vat_amount":2000,"vat":25}]}}"#
    );
}

#[test]
fn an_amount_past_int32_with_the_selected_option_is_refused() {
    let callback = ExpressCallback::from_json(
        br#"{"order":{"shipping_option":{"line_id":"s","amount":3900}}}"#,
    )
    .unwrap();
    let order = Order::builder(Currency::NOK, "o-1")
        .line(Line::new(
            "big",
            "Big",
            UnitPrice::minor(2_147_483_000),
            VatRate::ZERO,
        ))
        .build()
        .unwrap();
    let err = callback
        .shipping_address_answer([])
        .order(order)
        .build()
        .unwrap_err();
    assert_eq!(
        problems_of(&err),
        [(
            Rule::Int32Range,
            "order.amount".to_owned(),
            "an amount that fits Dintero's int32".to_owned(),
            "2147486900".to_owned()
        )]
    );
}

#[test]
fn over_http_the_request_is_read_and_the_answer_is_a_200() {
    let request = http::Request::post("https://shop.example/express/shipping")
        .header("content-type", "application/json")
        .body(SPEC_EXAMPLE.as_bytes().to_vec())
        .unwrap();
    let callback = ExpressCallback::from_request(&request).unwrap();
    assert_eq!(callback, spec_example());
    let answer = callback
        .shipping_address_answer([])
        .order(order())
        .build()
        .unwrap();
    let response = answer.to_response();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/json");
    assert_eq!(response.body(), &answer.to_json());
    let answer = callback
        .discount_codes_answer([])
        .order(order())
        .build()
        .unwrap();
    assert_eq!(answer.to_response().body(), &answer.to_json());
    let bad = http::Request::post("/").body("{\"id\":1}").unwrap();
    assert_eq!(
        ExpressCallback::from_request(&bad)
            .unwrap_err()
            .violations()[0]
            .path(),
        "id"
    );
}

#[test]
fn a_2025_multi_shipment_option_is_offered_as_built() {
    let callback = spec_example();
    let parcel = Shipping::new("home", "Home delivery", UnitPrice::major(dec!(39)), vat(25))
        .line_id("ship-1")
        .operator("Bring")
        .shipment_id("parcel-1")
        .shipment_items([
            ShipmentItem::new("1").with_quantity(dec!(2)),
            ShipmentItem::new("3"),
        ])
        .pay_in_store(PayInStore::Full)
        .priced_in(Currency::NOK)
        .unwrap();
    let answer = callback
        .discount_codes_answer([parcel.clone()])
        .build()
        .unwrap();
    let json = discount_json(&answer);
    assert_eq!(
        json,
        concat!(
            r#"{"shipping_options":[{"id":"home","line_id":"ship-1","amount":3900,"vat_amount":780,"vat":25,"operator":"Bring","title":"Home delivery","#,
            r#""pay_in_store":{"type":"full"},"shipment_id":"parcel-1","shipment_items":[{"line_id":"1","quantity":2},{"line_id":"3"}]}]}"#
        )
    );
    let answer = callback.shipping_address_answer([parcel]).build().unwrap();
    assert_eq!(shipping_json(&answer), json);
}

#[test]
fn the_answer_schemas_can_fail() {
    let without_options = serde_json::json!({"order": {"amount": 100}});
    assert!(!problems(shipping_schema(), &without_options).is_empty());
    assert!(!problems(discount_schema(), &without_options).is_empty());
    let without_amount = serde_json::json!({"shipping_options": [], "order": {"currency": "NOK"}});
    assert!(!problems(shipping_schema(), &without_amount).is_empty());
    let fraction = serde_json::json!({"shipping_options": [], "order": {"amount": 1.5}});
    assert!(!problems(shipping_schema(), &fraction).is_empty());
}

#[test]
fn every_cut_of_the_spec_example_is_an_error_never_a_panic() {
    let bytes = SPEC_EXAMPLE.as_bytes();
    for end in 0..bytes.len() {
        let Some(prefix) = bytes.get(..end) else {
            continue;
        };
        // Only the whole document (and what ends in trailing whitespace) is JSON.
        if let Err(err) = ExpressCallback::from_json(prefix) {
            assert_eq!(err.violations()[0].rule(), Rule::Syntax, "cut at {end}");
        }
    }
}
