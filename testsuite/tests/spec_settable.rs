//! Every field of the `POST /v1/sessions-profile` body that Dintero's spec defines can be set
//! through the builder API and is emitted under its own name (issue 15).
//!
//! A session is built only through the public API, every setter used; its JSON's field paths
//! (object keys, `[]` for array elements, `*` for the entries of a map) are compared with
//! every property path of the committed spec (`core/spec/sessions-profile.json`), but the
//! read-only fields Dintero sets. Where the crate keeps JSON checked against the spec
//! (configuration, customer tokens and gift cards, `emd`, `eta`, `time_slot`,
//! `pick_up_address`), the value comes from the spec's own generator ([`valid`]).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::BTreeSet;

use dintero_order::{
    Address, Channel, Checkbox, Configuration, Currency, Customer, CustomerType, DeliveryMethod,
    Discount, DiscountCodes, DiscountLine, DiscountType, EnvironmentalData, Express, FeeSplit,
    GiftCard, ItemGroup, ItemType, Line, Merchant, Order, PayInStore, PayoutSplit, SessionProfile,
    ShipmentItem, Shipping, ShippingMode, Store, StoreAddress, UnitPrice, VatRate,
};
use rust_decimal_macros::dec;
use serde_json::{Map, Value, json};

mod spec_support;
use spec_support::{at, expand, spec, valid};

/// The fields the spec marks read-only: Dintero sets them, a request never carries them.
const READ_ONLY: &[&str] = &[
    "order.gross_amount",
    "order.is_changed",
    "order.items[].gross_amount",
    "order.items[].version",
];

/// Every property path below `schemas`, at `prefix`.
fn spec_paths(schemas: &[&'static Map<String, Value>], prefix: &str, out: &mut BTreeSet<String>) {
    for schema in schemas {
        for (name, child) in schema
            .get("properties")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            let path = join(prefix, name);
            out.insert(path.clone());
            spec_paths(&expand(child), &path, out);
        }
        if let Some(items) = schema.get("items") {
            spec_paths(&expand(items), &format!("{prefix}[]"), out);
        }
        if let Some(other) = schema.get("additionalProperties").filter(|a| a.is_object()) {
            let path = join(prefix, "*");
            out.insert(path.clone());
            spec_paths(&expand(other), &path, out);
        }
    }
}

/// Every field path of `value`, read with the spec's `schemas` (an entry of a map is `*`).
fn emitted_paths(
    schemas: &[&'static Map<String, Value>],
    value: &Value,
    prefix: &str,
    out: &mut BTreeSet<String>,
) {
    match value {
        Value::Object(members) => {
            for (name, member) in members {
                let named: Vec<_> = schemas
                    .iter()
                    .filter_map(|s| s.get("properties")?.get(name.as_str()))
                    .flat_map(expand)
                    .collect();
                let other: Vec<_> = schemas
                    .iter()
                    .filter_map(|s| s.get("additionalProperties"))
                    .flat_map(expand)
                    .collect();
                let (step, child) = if named.is_empty() && !other.is_empty() {
                    ("*", other)
                } else {
                    (name.as_str(), named)
                };
                let path = join(prefix, step);
                out.insert(path.clone());
                emitted_paths(&child, member, &path, out);
            }
        }
        Value::Array(elements) => {
            let items: Vec<_> = schemas
                .iter()
                .filter_map(|s| s.get("items"))
                .flat_map(expand)
                .collect();
            for element in elements {
                emitted_paths(&items, element, &format!("{prefix}[]"), out);
            }
        }
        _ => {}
    }
}

fn join(prefix: &str, name: &str) -> String {
    if prefix.is_empty() {
        name.to_owned()
    } else {
        format!("{prefix}.{name}")
    }
}

/// The spec's generator's value at `place`.
fn generated(place: &[&str]) -> Value {
    valid(&at(place), 0)
}

fn members(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(members) => members,
        other => panic!("an object, found {other}"),
    }
}

/// A shipping option with every field set through [`Shipping`]'s setters.
fn shipping<'a>(id: &'a str, vat: VatRate) -> Shipping<'a> {
    Shipping::new(id, "Home delivery", UnitPrice::major(dec!(99)), vat)
        .line_id(id)
        .operator("Bring")
        .description("1-3 days")
        .delivery_method(DeliveryMethod::Delivery)
        .operator_product_id("5800")
        .thumbnail_url("https://shop.example/truck.png")
        .countries(["NO", "SE"])
        .eta(generated(&["order", "shipping_option", "eta"]))
        .time_slot(generated(&["order", "shipping_option", "time_slot"]))
        .pick_up_address(generated(&["order", "shipping_option", "pick_up_address"]))
        .metadata("carrier", "bring")
        .metadata("zone", 3)
        .environmental_data(EnvironmentalData::new("Fossil free").with_detail("CO2", "0 g"))
        .fee_split(FeeSplit::proportional().with_destinations(["seller-1"]))
        .splits([PayoutSplit::new("seller-1", 9900)])
        .pay_in_store(PayInStore::Full)
        .shipment_id("parcel-1")
        .shipment_items([ShipmentItem::new("1").with_quantity(dec!(2))])
}

fn whole_session() -> SessionProfile {
    let vat = VatRate::from_whole_percent(25).unwrap();
    let line = Line::new("chair-1", "Stablestol", UnitPrice::major(dec!(299.90)), vat)
        .quantity(dec!(2))
        .line_id("1")
        .kind(ItemType::Physical)
        .unit_weight(dec!(4.5))
        .unit_volume(dec!(0.25))
        .unit_dimensional_weight(dec!(6))
        .thumbnail_url("https://shop.example/chair.png")
        .eligible_for_discount(true)
        .is_changed(true)
        .groups([ItemGroup::new("chairs").with_name("Chairs")])
        .fee_split(FeeSplit::proportional().with_destinations(["seller-1"]))
        .splits([PayoutSplit::new("seller-1", 1000)])
        .emd(generated(&["order", "items", "*", "emd"]));
    let record = DiscountLine::new(100)
        .with_percentage(dec!(10))
        .with_discount_type(DiscountType::Customer)
        .with_discount_id("SUMMER")
        .with_description("Summer sale")
        .with_line_id(1);
    let line = line.discount_lines([record.clone()]);
    let address = Address::new()
        .first_name("Kari")
        .last_name("Nordmann")
        .address_line("Karl Johans gate 1")
        .address_line_2("2nd floor")
        .co_address("Ola")
        .business_name("Shop AS")
        .postal_code("0154")
        .postal_place("Oslo")
        .country("NO")
        .phone_number("+4799999999")
        .email("kari@example.com")
        .comment("Ring the bell")
        .organization_number("123456789")
        .organization_type("AS")
        .customer_reference("ref")
        .cost_center("cc")
        .position(dec!(59.9), dec!(10.7));
    let store = Store::new("store-1")
        .name("Shop")
        .business_name("Shop AS")
        .chain("Chain")
        .email("store@example.com")
        .gln("7080000000000")
        .organization_number("123456789")
        .phone_number("+4722222222")
        .bax("1234")
        .mcc("5411")
        .terminal_id("t-1")
        .payout_destination_id("seller-1")
        .address(
            StoreAddress::new("Karl Johans gate 1", "Oslo", "NO")
                .address_line_2("2nd floor")
                .postal_code("0154"),
        );
    let shipment = shipping("parcel-a", vat);
    let order = Order::builder(Currency::NOK, "order-1")
        .line(line)
        .discount(Discount::percent(dec!(10)))
        .shipping(shipping("ship", vat).shipments([shipment]))
        .merchant_reference_2("ref-2")
        .event_reference("event-1")
        .payout_destination_id("seller-1")
        .discount_code("SUMMER")
        .discount_line(record)
        .gift_card(GiftCard::dintero_wallets("card-1", 100).with_masked_card_token("****1234"))
        .shipping_address(address.clone())
        .billing_address(address)
        .store(store)
        .partial_payment(dintero_order::Money::from_minor(50000, Currency::NOK))
        .build()
        .unwrap_or_else(|err| panic!("{err}"));
    let express_option = shipping("express-1", vat)
        .priced_in(Currency::NOK)
        .unwrap_or_else(|err| panic!("{err}"));
    let express = Express::builder([express_option])
        .shipping_mode(ShippingMode::ShippingRequired)
        .shipping_address_callback_url("https://shop.example/shipping")
        .discount_codes(
            DiscountCodes::builder()
                .max_count(3)
                .callback_url("https://shop.example/discounts")
                .build(),
        )
        .customer_types([CustomerType::B2c])
        .default_different_billing_shipping_address([CustomerType::B2b])
        .build();
    let mut configuration = Configuration::builder()
        .auto_capture(true)
        .channel(Channel::Ecommerce);
    for (name, value) in members(generated(&["configuration"])) {
        configuration = configuration.set(name, value);
    }
    let customer = Customer::builder()
        .customer_id("c-42")
        .email("kari@example.com")
        .phone_number("+4799999999")
        .tokens(members(generated(&["customer", "tokens"])))
        .gift_cards(members(generated(&["customer", "gift_cards"])))
        .build();
    let merchant = Merchant::builder("Shop", "https://shop.example/logo.png")
        .website("https://shop.example")
        .email("shop@example.com")
        .phone_number("+4722222222")
        .merchant_category_code("5712")
        .country("NO")
        .postal_code("0154")
        .postal_place("Oslo")
        .address_line("Karl Johans gate 1")
        .address_line_2("2nd floor")
        .platform_type("marketplace")
        .build();
    let checkbox = Checkbox::builder("terms", "I accept")
        .checked(false)
        .required(true)
        .link("https://shop.example/terms", "Terms")
        .build();
    SessionProfile::builder("default", "https://shop.example/return", order)
        .callback_url("https://shop.example/callback")
        .merchant_terms_url("https://shop.example/terms")
        .customer(customer)
        .expires_at(
            std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(2_000_000_000),
        )
        .metadata("campaign", "summer")
        .checkbox(checkbox)
        .express(express)
        .configuration(configuration.build())
        .merchant(merchant)
        .build()
        .unwrap_or_else(|err| panic!("{err}"))
}

#[test]
fn every_field_of_the_spec_can_be_set_through_the_api() {
    let mut wanted = BTreeSet::new();
    spec_paths(&expand(spec()), "", &mut wanted);
    for read_only in READ_ONLY {
        assert!(wanted.remove(*read_only), "the spec has {read_only}");
    }
    let session = whole_session();
    let written: Value = serde_json::from_slice(&session.to_json()).unwrap();
    let mut emitted = BTreeSet::new();
    emitted_paths(&expand(spec()), &written, "", &mut emitted);
    let missing: Vec<&String> = wanted.difference(&emitted).collect();
    let unknown: Vec<&String> = emitted.difference(&wanted).collect();
    eprintln!(
        "settable through the API: {} of {} spec fields",
        wanted.len() - missing.len(),
        wanted.len()
    );
    // Fields the crate writes that the committed spec does not define (Dintero's 2025
    // fields the committed schema lacks, and `shipment_id`/`shipment_items` on
    // `order.shipping_option`, see `Shipping::shipment_id`): listed, not refused here.
    eprintln!("emitted, not in the committed spec: {unknown:?}");
    assert!(missing.is_empty(), "not settable: {missing:#?}");
    // What was built parses back to the same session.
    let back = SessionProfile::from_json(&session.to_json()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back.to_json(), session.to_json());
}

/// The JSON setters are checked against the spec when the order is built: a bad value is
/// refused with its path, in the order's shipping option, in a shipment and in a line.
#[test]
fn json_set_through_the_api_is_checked_when_built() {
    let option = || Shipping::new("home", "Home", UnitPrice::minor(0), VatRate::ZERO);
    let line = Line::new("a", "A", UnitPrice::minor(100), VatRate::ZERO);
    let cases = [
        (
            Order::builder(Currency::NOK, "o")
                .shipping(option().eta(json!({ "starts_at": "tomorrow" }))),
            "order.shipping_option.eta.starts_at",
        ),
        (
            Order::builder(Currency::NOK, "o")
                .shipping(option().time_slot(json!({ "starts_at": 17 }))),
            "order.shipping_option.time_slot.starts_at",
        ),
        (
            Order::builder(Currency::NOK, "o")
                .shipping(option().pick_up_address(json!({ "zz_unknown": "x" }))),
            "order.shipping_option.pick_up_address.zz_unknown",
        ),
        (
            Order::builder(Currency::NOK, "o").shipping(option().metadata("flag", true)),
            "order.shipping_option.metadata.flag",
        ),
        (
            Order::builder(Currency::NOK, "o").shipping(
                option().shipments([option(), option().eta(json!({ "ends_at": "soon" }))]),
            ),
            "order.shipping_option.shipments[1].eta.ends_at",
        ),
        (
            Order::builder(Currency::NOK, "o")
                .shipping(option().shipments([option().countries(["XX"])])),
            "order.shipping_option.shipments[0].countries[0]",
        ),
        (
            Order::builder(Currency::NOK, "o")
                .line(line.clone().emd(json!({ "subscription": "monthly" }))),
            "order.items[0].emd.subscription",
        ),
    ];
    for (builder, path) in cases {
        let err = builder.build().expect_err(path);
        let paths: Vec<&str> = err.violations().iter().map(|v| v.path()).collect();
        assert!(paths.contains(&path), "{path} not in {paths:?}");
    }
    // The same through an Express option.
    let err = option()
        .eta(json!({ "starts_at": "tomorrow" }))
        .priced_in(Currency::NOK)
        .unwrap_err();
    assert_eq!(err.violations()[0].path(), "shipping_option.eta.starts_at");
}
