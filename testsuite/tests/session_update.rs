//! `PUT /v1/sessions/{session_id}`: the update body byte for byte and every rule of an update
//! broken at once with its path and message; `session_update/http.rs` holds the request and
//! the answer, `session_update/schema.rs` the check against Dintero's schema.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

// Only the schema file names are needed here.
#[allow(dead_code)]
#[path = "conformance/schemas.rs"]
mod schemas;
#[path = "conformance/validator.rs"]
mod validator;

#[path = "session_update/http.rs"]
mod http_requests;
mod http_support;
#[path = "session_update/schema.rs"]
mod schema;

use dintero_order::{
    Address, Currency, DeliveryMethod, GiftCard, Line, Money, Order, Rule, RuleOwner,
    SessionUpdate, Shipping, ShippingMode, ShippingOption, Store, UnitPrice, VatRate,
};

fn vat25() -> VatRate {
    VatRate::from_whole_percent(25).unwrap()
}

fn chair() -> Line<'static> {
    Line::new("chair-1", "Stol", UnitPrice::minor(29990), vat25())
}

fn home() -> Shipping<'static> {
    Shipping::new("home", "Home delivery", UnitPrice::minor(9900), vat25())
        .line_id("ship-home")
        .operator("Posten")
}

fn pickup() -> Shipping<'static> {
    Shipping::new("pickup", "Pick-up point", UnitPrice::minor(3900), vat25())
        .line_id("ship-pickup")
        .operator("Posten")
        .delivery_method(DeliveryMethod::PickUp)
}

fn priced(shipping: Shipping<'_>) -> ShippingOption {
    shipping.priced_in(Currency::NOK).unwrap()
}

/// One chair shipped home, with the two fields an update never sends.
fn order_shipped_home(reference: &str) -> Order {
    Order::builder(Currency::NOK, reference)
        .line(chair())
        .shipping(home())
        .merchant_reference_2("cart-7")
        .payout_destination_id("seller-1")
        .build()
        .unwrap()
}

/// Every update the tests emit, for the schema check.
fn valid_updates() -> Vec<(&'static str, SessionUpdate)> {
    let bare = Order::builder(Currency::NOK, "o-1").build().unwrap();
    vec![
        ("golden", golden_update()),
        (
            "bare",
            SessionUpdate::builder(bare.clone()).build().unwrap(),
        ),
        (
            "no options, not required",
            SessionUpdate::builder(bare)
                .express_shipping_options([])
                .express_shipping_mode(ShippingMode::ShippingNotRequired)
                .remove_lock(true)
                .build()
                .unwrap(),
        ),
        (
            "everything an order can carry",
            SessionUpdate::builder(
                Order::builder(Currency::NOK, "o-1")
                    .line(chair())
                    .shipping(pickup())
                    .event_reference("evt-1")
                    .discount_code("SUMMER")
                    .gift_card(GiftCard::dintero_wallets("card-1", 5000))
                    .shipping_address(
                        Address::new()
                            .first_name("Kari")
                            .address_line("Storgata 1")
                            .postal_code("0155")
                            .postal_place("Oslo")
                            .country("NO"),
                    )
                    .store(Store::new("shop-1").name("Oslo sentrum"))
                    .payout_destination_id("seller-1")
                    .build()
                    .unwrap(),
            )
            .express_shipping_options([priced(home()), priced(pickup())])
            .build()
            .unwrap(),
        ),
        (
            "partial payment of the whole sum",
            SessionUpdate::builder(
                Order::builder(Currency::NOK, "o-1")
                    .line(chair())
                    .partial_payment(Money::from_minor(29990, Currency::NOK))
                    .build()
                    .unwrap(),
            )
            .build()
            .unwrap(),
        ),
    ]
}

fn golden_update() -> SessionUpdate {
    SessionUpdate::builder(order_shipped_home("o-1"))
        .for_merchant_reference("o-1")
        .express_shipping_options([priced(pickup()), priced(home())])
        .express_shipping_mode(ShippingMode::ShippingRequired)
        .remove_lock(false)
        .build()
        .unwrap()
}

const GOLDEN_ORDER: &str = r#"{"amount":39890,"currency":"NOK","merchant_reference_2":"cart-7","vat_amount":7978,"items":[{"id":"chair-1","line_id":"1","description":"Stol","quantity":1,"amount":29990,"vat_amount":5998,"vat":25}],"shipping_option":{"id":"home","line_id":"ship-home","amount":9900,"vat_amount":1980,"vat":25,"operator":"Posten","title":"Home delivery"}}"#;

const PICKUP_JSON: &str = r#"{"id":"pickup","line_id":"ship-pickup","amount":3900,"vat_amount":780,"vat":25,"operator":"Posten","title":"Pick-up point","delivery_method":"pick_up"}"#;

const HOME_JSON: &str = r#"{"id":"home","line_id":"ship-home","amount":9900,"vat_amount":1980,"vat":25,"operator":"Posten","title":"Home delivery"}"#;

fn golden_json() -> String {
    format!(
        r#"{{"order":{GOLDEN_ORDER},"express":{{"shipping_options":[{PICKUP_JSON},{HOME_JSON}],"shipping_mode":"shipping_required"}},"remove_lock":false}}"#
    )
}

#[test]
fn update_body_bytes() {
    let update = golden_update();
    assert_eq!(String::from_utf8(update.to_json()).unwrap(), golden_json());
    assert_eq!(update.to_json(), serde_json::to_vec(&update).unwrap());
    assert!(!update.remove_lock());
    // The order itself still carries both fields a session is created with.
    let order = String::from_utf8(update.order().to_json()).unwrap();
    assert!(order.contains(r#""merchant_reference":"o-1""#), "{order}");
    assert!(
        order.contains(r#""payout_destination_id":"seller-1""#),
        "{order}"
    );
}

#[test]
fn remove_lock_is_written_only_when_set() {
    let order = order_shipped_home("o-1");
    let unset = SessionUpdate::builder(order.clone()).build().unwrap();
    assert_eq!(
        String::from_utf8(unset.to_json()).unwrap(),
        format!(r#"{{"order":{GOLDEN_ORDER}}}"#)
    );
    assert!(unset.remove_lock(), "Dintero's default");
    let set = SessionUpdate::builder(order)
        .remove_lock(true)
        .build()
        .unwrap();
    assert_eq!(
        String::from_utf8(set.to_json()).unwrap(),
        format!(r#"{{"order":{GOLDEN_ORDER},"remove_lock":true}}"#)
    );
}

#[test]
fn a_partial_payment_of_the_whole_sum_is_an_update() {
    let (_, update) = valid_updates().pop().unwrap();
    assert_eq!(
        String::from_utf8(update.to_json()).unwrap(),
        r#"{"order":{"amount":29990,"currency":"NOK","vat_amount":5998,"items":[{"id":"chair-1","line_id":"1","description":"Stol","quantity":1,"amount":29990,"vat_amount":5998,"vat":25}],"partial_payment":true}}"#
    );
}

/// (rule, path, expected, found) of each problem, in order.
fn problems(update: dintero_order::SessionUpdateBuilder) -> Vec<(Rule, String, String, String)> {
    let err = update.build().unwrap_err();
    err.violations()
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

fn problem(rule: Rule, path: &str, expected: &str, found: &str) -> (Rule, String, String, String) {
    (rule, path.into(), expected.into(), found.into())
}

#[test]
fn every_rule_broken_at_once() {
    // A partial payment, for another reference, shipped home at another price than offered,
    // with an express option that reuses the chair's line_id.
    let order = Order::builder(Currency::NOK, "o-2")
        .line(chair())
        .shipping(home())
        .partial_payment(Money::from_minor(10000, Currency::NOK))
        .build()
        .unwrap();
    let dearer_home = Shipping::new("home", "Home delivery", UnitPrice::minor(14900), vat25())
        .line_id("ship-home")
        .operator("Posten");
    let clash = pickup().line_id("1");
    let update = SessionUpdate::builder(order)
        .for_merchant_reference("o-1")
        .express_shipping_options([priced(dearer_home), priced(clash)]);
    assert_eq!(
        problems(update),
        [
            problem(
                Rule::OrderAmount,
                "order.amount",
                "the sum of items and shipping (39890): a session update takes no partial payment",
                "10000"
            ),
            problem(
                Rule::MerchantReferenceChanged,
                "order.merchant_reference",
                r#"the session's reference "o-1" (Dintero never changes it)"#,
                r#""o-2""#
            ),
            problem(
                Rule::ShippingOptionNotOffered,
                "order.shipping_option",
                "one of express.shipping_options (the same option, field for field)",
                r#"id "home" and line_id "ship-home" as express.shipping_options[0], with other fields"#
            ),
            problem(
                Rule::DuplicateLineId,
                "express.shipping_options[1].line_id",
                "a line_id not used by any order item",
                r#""1""#
            ),
        ]
    );
}

#[test]
fn a_shipping_option_offered_nowhere() {
    let update = SessionUpdate::builder(order_shipped_home("o-1"))
        .express_shipping_options([priced(pickup())]);
    let not_offered = |count: usize| {
        problem(
            Rule::ShippingOptionNotOffered,
            "order.shipping_option",
            "one of express.shipping_options (the same option, field for field)",
            &format!(r#"id "home" and line_id "ship-home", in none of {count} options"#),
        )
    };
    assert_eq!(problems(update), [not_offered(1)]);
    // An empty list is set too: the shop cannot ship there, so no option can be chosen.
    let update = SessionUpdate::builder(order_shipped_home("o-1")).express_shipping_options([]);
    assert_eq!(problems(update), [not_offered(0)]);
    // Without express options, Dintero has nothing to compare with.
    assert!(
        SessionUpdate::builder(order_shipped_home("o-1"))
            .build()
            .is_ok()
    );
}

#[test]
fn a_shipping_mode_needs_options() {
    let order = Order::builder(Currency::NOK, "o-1").build().unwrap();
    let update =
        SessionUpdate::builder(order).express_shipping_mode(ShippingMode::ShippingNotRequired);
    assert_eq!(
        problems(update),
        [problem(
            Rule::Required,
            "express.shipping_options",
            "shipping options, which an update's express requires with shipping_mode",
            "none"
        )]
    );
}

#[test]
fn whose_rules_these_are() {
    assert_eq!(Rule::ShippingOptionNotOffered.owner(), RuleOwner::Dintero);
    assert_eq!(Rule::MerchantReferenceChanged.owner(), RuleOwner::Crate);
    assert_eq!(
        Rule::ShippingOptionNotOffered.as_str(),
        "shipping_option_not_offered"
    );
    assert_eq!(
        Rule::MerchantReferenceChanged.as_str(),
        "merchant_reference_changed"
    );
}
