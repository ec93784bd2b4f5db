//! Every body the suite emits validates against Dintero's own spec: the golden orders, the
//! session bodies of `session_json.rs`, the valid real-world payloads re-emitted after
//! parsing, and property-generated orders and sessions. Negative controls prove the schema
//! can fail.
//!
//! The schemas are committed, so this runs on a fresh clone with nothing outside the
//! repository: `core/spec/sessions-profile.json` is the `POST /v1/sessions-profile`
//! body (`paths./sessions-profile.post.parameters[0].schema` in Dintero's spec) and
//! `core/spec/sessions.json` the `POST /v1/sessions` body (`definitions.SessionOptions`);
//! the bare order is the profile file's `definitions.SessionOrder`. Each is a self-contained
//! draft-4 document, cut from Dintero's spec (`spec-payments.json`, Swagger 2.0, whose
//! `definitions` are a draft-4 subset) by `conformance/schemas.rs`:
//!
//! - `readOnly`, `example`, `discriminator` and `x-*` are Swagger annotations: removed; so are
//!   the pure annotations `description`, `title`, `default` and `externalDocs`.
//! - `format: int32` on an integer becomes `minimum`/`maximum` (a format only constrains
//!   strings, so it would otherwise check nothing).
//! - The hand-written edits of `core/spec/delta-2025.json` bring them up to Dintero's spec of
//!   2025-09-22 (`the_2025_spec_additions_are_accepted_and_checked` holds them to it).
//! - Only the `definitions` the body reaches are kept; keys are sorted, the text pretty-printed.
//!
//! Every other format the bodies reach gets a real check here (`iso4217-code`,
//! `iso3166-alpha2`, `iso-3166-1`, `iso-18245`, `payout_destination_id`, and the regex the spec
//! writes as a format); `uri` and `date-time` are jsonschema's own. Unknown formats fail the
//! build (`should_ignore_unknown_formats(false)`), so none passes or fails silently.
//!
//! The committed schemas are checked against Dintero's spec, and rewritten from it, by
//! `regenerate_schemas.rs`: the one test that reads the spec beside the repository.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

#[path = "payloads/generate.rs"]
mod generate;
// The recipe's extraction half is `regenerate_schemas.rs`'s; this file needs its file names
// and `draft4`.
#[allow(dead_code)]
#[path = "conformance/schemas.rs"]
mod schemas;
#[path = "conformance/validator.rs"]
mod validator;
use validator::{assert_conforms, committed, options, problems, validator_for};

use std::sync::OnceLock;
use std::time::{Duration, UNIX_EPOCH};

use dintero_order::{
    Channel, Checkbox, Configuration, Currency, Customer, CustomerType, DeliveryMethod,
    DiscountCodes, Express, ItemType, Line, Merchant, Order, Session, SessionProfile, Shipping,
    ShippingMode, UnitPrice, VatRate,
};
use jsonschema::Validator;
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use serde_json::{Value, json};

fn profile_schema() -> &'static Validator {
    static V: OnceLock<Validator> = OnceLock::new();
    V.get_or_init(|| validator_for(&committed(schemas::PROFILE)))
}

fn sessions_schema() -> &'static Validator {
    static V: OnceLock<Validator> = OnceLock::new();
    V.get_or_init(|| validator_for(&committed(schemas::SESSIONS)))
}

/// A bare order: `SessionOrder`, with the definitions of the sessions-profile body.
fn order_schema() -> &'static Validator {
    static V: OnceLock<Validator> = OnceLock::new();
    V.get_or_init(|| {
        let profile = committed(schemas::PROFILE);
        validator_for(&json!({
            "$schema": profile["$schema"],
            "$ref": "#/definitions/SessionOrder",
            "definitions": profile["definitions"],
        }))
    })
}

fn check_profile(session: &SessionProfile, what: &str) {
    let body = serde_json::to_value(session).unwrap();
    assert_conforms(profile_schema(), &body, what);
    assert_conforms(order_schema(), &body["order"], what);
}

fn check_session(session: &Session, what: &str) {
    let body = serde_json::to_value(session).unwrap();
    assert_conforms(sessions_schema(), &body, what);
    assert_conforms(order_schema(), &body["order"], what);
}

fn check_order(order: &Order, what: &str) {
    assert_conforms(order_schema(), &serde_json::to_value(order).unwrap(), what);
    let session = SessionProfile::builder("default", "https://example.com/return", order.clone())
        .callback_url("https://example.com/callback")
        .build()
        .unwrap();
    check_profile(&session, what);
    let session = Session::builder(
        "https://example.com/return",
        order.clone(),
        Configuration::default(),
    )
    .build()
    .unwrap();
    check_session(&session, what);
}

fn vat(percent: Decimal) -> VatRate {
    VatRate::from_percent(percent).unwrap()
}

fn line(sku: &'static str, price: Decimal, rate: Decimal) -> Line<'static> {
    Line::new(sku, "Product", UnitPrice::major(price), vat(rate))
}

/// The orders of `tests/golden.rs`, built the same way.
fn golden_orders() -> Vec<(&'static str, Order)> {
    let pickup = Shipping::new(
        "local-pick-up-point",
        "Pick up at a pick-up point",
        UnitPrice::major(dec!(39.00)),
        vat(dec!(25)),
    )
    .delivery_method(DeliveryMethod::PickUp);
    vec![
        (
            "seed example",
            Order::builder(Currency::NOK, "merchants_order_number")
                .line(line("chair-1", dec!(299.90), dec!(25)))
                .build()
                .unwrap(),
        ),
        (
            "multi rate",
            Order::builder(Currency::NOK, "multi-1")
                .line(line("chair-1", dec!(299.90), dec!(25)))
                .line(line("food-1", dec!(49.90), dec!(15)).quantity(dec!(2)))
                .line(line("ticket-1", dec!(120.00), dec!(12)))
                .line(line("book-1", dec!(199), dec!(0)))
                .build()
                .unwrap(),
        ),
        (
            "ISK",
            Order::builder(Currency::ISK, "isk-1")
                .line(line("lopi-1", dec!(4990), dec!(24)).quantity(dec!(3)))
                .build()
                .unwrap(),
        ),
        (
            "KWD",
            Order::builder(Currency::KWD, "kwd-1")
                .line(line("dates-1", dec!(12.345), dec!(0)).quantity(dec!(2)))
                .build()
                .unwrap(),
        ),
        (
            "net pricing",
            Order::builder(Currency::NOK, "net-1")
                .line(
                    Line::new(
                        "desk-1",
                        "Desk",
                        UnitPrice::major(dec!(100.00)).net(),
                        vat(dec!(25)),
                    )
                    .quantity(dec!(3)),
                )
                .line(Line::new(
                    "snack-1",
                    "Snack",
                    UnitPrice::major(dec!(19.99)).net(),
                    vat(dec!(15)),
                ))
                .build()
                .unwrap(),
        ),
        (
            "fractional quantities",
            Order::builder(Currency::NOK, "frac-1")
                .line(line("coffee-1", dec!(249.00), dec!(15)).quantity(dec!(0.5)))
                .line(line("candy-1", dec!(0.125), dec!(25)).quantity(dec!(333)))
                .line(line("fi-1", dec!(10.00), dec!(25.5)).quantity(dec!(1.5)))
                .build()
                .unwrap(),
        ),
        (
            "shipping option",
            Order::builder(Currency::NOK, "merchants_order_number")
                .line(line("chair-1", dec!(299.90), dec!(25)))
                .shipping(pickup)
                .build()
                .unwrap(),
        ),
        (
            "gift card",
            Order::builder(Currency::NOK, "gc")
                .line(line("chair-1", dec!(299.90), dec!(25)))
                .line(
                    Line::new("gc-1", "Gift card", UnitPrice::minor(-5000), VatRate::ZERO)
                        .kind(ItemType::GiftCard),
                )
                .build()
                .unwrap(),
        ),
    ]
}

#[test]
fn golden_orders_conform() {
    for (what, order) in golden_orders() {
        check_order(&order, what);
    }
}

fn shipping_option(line_id: &str) -> dintero_order::ShippingOption {
    Shipping::new(
        "home",
        "Home delivery",
        UnitPrice::major(dec!(39)),
        vat(dec!(25)),
    )
    .line_id(line_id)
    .operator("Bring")
    .delivery_method(DeliveryMethod::Delivery)
    .priced_in(Currency::NOK)
    .unwrap()
}

/// The full bodies of `tests/session_json.rs`.
#[test]
fn full_session_bodies_conform() {
    let order = golden_orders().swap_remove(0).1;
    let tokens = json!({ "payex.creditcard": { "payment_token": "tok-1" } });
    let customer = Customer::builder()
        .customer_id("customer-7")
        .email("kari@example.com")
        .phone_number("+4799999999")
        .tokens(tokens.as_object().cloned().unwrap())
        .wallets_card("card-1")
        .build();
    let express = Express::builder([shipping_option("ship-1"), shipping_option("ship-2")])
        .shipping_mode(ShippingMode::ShippingRequired)
        .shipping_address_callback_url("https://example.com/shipping")
        .discount_codes(
            DiscountCodes::builder()
                .max_count(2)
                .callback_url("https://example.com/codes")
                .build(),
        )
        .customer_types([CustomerType::B2c, CustomerType::B2b])
        .build();
    let merchant = Merchant::builder("Kari's Chairs", "https://example.com/logo.png")
        .website("https://example.com")
        .email("shop@example.com")
        .phone_number("+4722222222")
        .merchant_category_code("5712")
        .country("NO")
        .postal_code("0154")
        .postal_place("Oslo")
        .address_line("Karl Johans gate 1")
        .address_line_2("2nd floor")
        .build();
    let configuration = Configuration::builder()
        .auto_capture(true)
        .channel(Channel::InStore)
        .default_payment_type("vipps")
        .active_payment_types(true)
        .set("vipps", json!({ "enabled": true }))
        .build();
    let profile = SessionProfile::builder("default", "https://example.com/return", order.clone())
        .callback_url("https://example.com/callback?method=POST")
        .merchant_terms_url("https://example.com/terms")
        .customer(customer.clone())
        // 2025-01-31T23:59:00Z.
        .expires_at(UNIX_EPOCH + Duration::from_secs(1_738_367_940))
        .metadata("ext_source", "web")
        .checkbox(
            Checkbox::builder("newsletter", "Send me offers")
                .checked(false)
                .build(),
        )
        .checkbox(
            Checkbox::builder("terms", "I accept the terms")
                .required(true)
                .link("https://example.com/terms", "Terms")
                .build(),
        )
        .express(express.clone())
        .configuration(configuration.clone())
        .merchant(merchant)
        .build()
        .unwrap();
    check_profile(&profile, "full profile session");
    let session = Session::builder("https://example.com/return", order, configuration)
        .customer(customer)
        .express(express)
        .build()
        .unwrap();
    check_session(&session, "full session");
}

/// The valid real-world payloads, re-emitted after parsing.
#[test]
fn reemitted_real_world_payloads_conform() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/payloads");
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !(name.starts_with("valid_") && name.ends_with(".json")) {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        if let Ok(session) = SessionProfile::from_json(&bytes) {
            check_profile(&session, &name);
        } else if let Ok(session) = Session::from_json(&bytes) {
            check_session(&session, &name);
        } else {
            check_order(&Order::from_json(&bytes).unwrap(), &name);
        }
        checked += 1;
    }
    assert!(checked >= 7, "{checked}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn generated_profile_sessions_conform(session in generate::profile()) {
        check_profile(&session, "generated profile session");
    }

    #[test]
    fn generated_sessions_conform(session in generate::session()) {
        check_session(&session, "generated session");
    }
}

/// The schema rejects what it must: each control breaks one rule the spec states, so a
/// schema that silently accepted everything would fail here.
#[test]
fn negative_controls_are_rejected() {
    let good = serde_json::to_value(
        SessionProfile::builder(
            "default",
            "https://example.com/return",
            golden_orders().swap_remove(0).1,
        )
        .build()
        .unwrap(),
    )
    .unwrap();
    assert_conforms(profile_schema(), &good, "the control's base");
    let broken = |edit: &dyn Fn(&mut Value)| {
        let mut body = good.clone();
        edit(&mut body);
        body
    };
    let controls: Vec<(&str, Value, &str)> = vec![
        (
            "string amount",
            broken(&|b| b["order"]["amount"] = json!("29990")),
            "/order/amount",
        ),
        (
            "float amount",
            broken(&|b| b["order"]["amount"] = json!(299.9)),
            "/order/amount",
        ),
        (
            "amount beyond int32",
            broken(&|b| b["order"]["amount"] = json!(2_147_483_648_i64)),
            "/order/amount",
        ),
        (
            "unknown currency",
            broken(&|b| b["order"]["currency"] = json!("ABC")),
            "/order/currency",
        ),
        (
            "no url",
            broken(&|b| {
                b.as_object_mut().unwrap().remove("url");
            }),
            "",
        ),
        (
            "no profile_id",
            broken(&|b| {
                b.as_object_mut().unwrap().remove("profile_id");
            }),
            "",
        ),
        (
            "callback not http",
            broken(&|b| b["url"]["callback_url"] = json!("ftp://example.com")),
            "/url/callback_url",
        ),
        (
            "string quantity",
            broken(&|b| b["order"]["items"][0]["quantity"] = json!("1")),
            "/order/items/0/quantity",
        ),
        (
            "country name",
            broken(&|b| b["order"]["shipping_address"] = json!({ "country": "Norway" })),
            "/order/shipping_address/country",
        ),
        (
            "phone with spaces",
            broken(&|b| b["order"]["shipping_address"] = json!({ "phone_number": "+47 999" })),
            "/order/shipping_address/phone_number",
        ),
        (
            "11 metadata keys",
            broken(&|b| b["metadata"] = (0..11).map(|i| (format!("k{i}"), json!("v"))).collect()),
            "/metadata",
        ),
        (
            "3 checkboxes",
            broken(&|b| {
                b["checkboxes"] =
                    json!([{"id":"a","label":"Aa"},{"id":"b","label":"Bb"},{"id":"c","label":"Cc"}])
            }),
            "/checkboxes",
        ),
        (
            "store mcc letters",
            broken(&|b| b["order"]["store"] = json!({ "id": "s", "mcc": "ABCD" })),
            "/order/store/mcc",
        ),
    ];
    for (what, body, path) in controls {
        let found = problems(profile_schema(), &body);
        assert!(
            found.iter().any(|p| p.ends_with(&format!(" at {path}"))),
            "{what}: expected a problem at {path:?}, found {found:?}"
        );
    }
}

/// The 2025-09-22 additions of `core/spec/delta-2025.json` are in the committed schemas: a
/// profile body using them conforms, and each control breaking one of their rules does not.
#[test]
fn the_2025_spec_additions_are_accepted_and_checked() {
    let mut good = serde_json::to_value(
        SessionProfile::builder(
            "default",
            "https://example.com/return",
            golden_orders().swap_remove(0).1,
        )
        .build()
        .unwrap(),
    )
    .unwrap();
    let line_id = good["order"]["items"][0]["line_id"].clone();
    let option = |id: &str| {
        json!({
            "id": id, "line_id": id, "amount": 0, "operator": "Posten", "title": "Pick-up",
            "metadata": { "ext_weight": 2.5, "ext_code": "A" },
            "eta": { "working_days": [0, 3], "shipping_day_of_week": 1, "arrival_day_of_week": 4 },
            "pick_up_address": {
                "website_url": "https://example.com/store",
                "opening_hours": {
                    "open_now": true,
                    "periods": [{ "opens_at": "08:00", "closes_at": "20:00", "day_of_week": 1 }],
                    "timezone": "Europe/Oslo"
                }
            },
            "pay_in_store": { "type": "full" },
            "shipment_id": "parcel-1",
            "shipment_items": [{ "line_id": line_id, "quantity": 1 }],
            "fee_split": { "type": "proportional" },
            "splits": [{ "payout_destination_id": "seller-1", "amount": 0 }]
        })
    };
    let mut top = option("ship-1");
    for key in ["shipment_id", "shipment_items"] {
        top.as_object_mut().unwrap().remove(key);
    }
    top["shipments"] = json!([option("ship-1a"), option("ship-1b")]);
    good["order"]["shipping_option"] = top;
    good["order"]["event_reference"] = json!("event-1");
    good["customer"] = json!({ "tokens": { "dintero_psp.creditcard": { "payment_token": "t" } } });
    good["metadata"] = json!({ "ext_count": 3, "ext_source": "web" });
    good["express"] = json!({ "shipping_options": [option("ship-2")] });
    let psp_product = json!({
        "enabled": true,
        "sca_policy": {
            "network_exemptions": { "low_value": true, "low_risk": false },
            "liability_rules": [{ "type": "amount_lte" }]
        }
    });
    good["configuration"] = json!({
        "channel": "ecommerce",
        "default_payment_type": "dintero_psp.applepay",
        "bambora": { "applepay": { "enabled": true }, "googlepay": { "enabled": false } },
        "dintero_psp": {
            "creditcard": {
                "enabled": true,
                "generate_payment_token": true,
                "token_supported_auth_methods": ["PASSKEY", "3DS"],
                "sca_policy": psp_product["sca_policy"]
            },
            "vipps": psp_product, "applepay": psp_product, "googlepay": psp_product
        },
        "swish": { "swish": { "enabled": true, "payout_enabled": true } },
        "payout": {
            "dynamic_payout_destination_ids": [
                { "type": "order_store_id_as_order_payout_destination_id" },
                { "type": "order_store_id", "overwrite_payout_destination_id": true }
            ],
            "payment_products": [{ "payment_product": "dintero_psp" }]
        }
    });
    assert_conforms(
        profile_schema(),
        &good,
        "a profile body using the 2025 additions",
    );
    let broken = |edit: &dyn Fn(&mut Value)| {
        let mut body = good.clone();
        edit(&mut body);
        body
    };
    let controls: Vec<(&str, Value, &str)> = vec![
        (
            "boolean metadata value",
            broken(&|b| b["metadata"]["ext_flag"] = json!(true)),
            "/metadata/ext_flag",
        ),
        (
            "pay_in_store without type",
            broken(&|b| b["order"]["shipping_option"]["pay_in_store"] = json!({})),
            "/order/shipping_option/pay_in_store",
        ),
        (
            "shipment item without line_id",
            broken(&|b| {
                b["express"]["shipping_options"][0]["shipment_items"] = json!([{ "quantity": 1 }])
            }),
            "/express/shipping_options/0/shipment_items/0",
        ),
        (
            "shipment without title",
            broken(&|b| {
                b["order"]["shipping_option"]["shipments"][1]
                    .as_object_mut()
                    .unwrap()
                    .remove("title");
            }),
            "/order/shipping_option/shipments/1",
        ),
        (
            "working days as text",
            broken(&|b| b["order"]["shipping_option"]["eta"]["working_days"] = json!(["0", "3"])),
            "/order/shipping_option/eta/working_days/0",
        ),
        (
            "unknown channel",
            broken(&|b| b["configuration"]["channel"] = json!("web")),
            "/configuration/channel",
        ),
        (
            "dintero_psp.vipps without enabled",
            broken(&|b| b["configuration"]["dintero_psp"]["vipps"] = json!({})),
            "/configuration/dintero_psp/vipps",
        ),
        (
            "unknown token auth method",
            broken(&|b| {
                b["configuration"]["dintero_psp"]["creditcard"]["token_supported_auth_methods"] =
                    json!(["SMS"])
            }),
            "/configuration/dintero_psp/creditcard/token_supported_auth_methods/0",
        ),
    ];
    for (what, body, path) in controls {
        let found = problems(profile_schema(), &body);
        assert!(
            found.iter().any(|p| p.ends_with(&format!(" at {path}"))),
            "{what}: expected a problem at {path:?}, found {found:?}"
        );
    }
}

#[test]
fn unknown_formats_fail_the_build_instead_of_passing_silently() {
    let schema = json!({ "type": "string", "format": "no-such-format" });
    assert!(options().build(&schema).is_err());
}

#[test]
fn int32_is_a_range_not_a_string_format() {
    let mut schema = json!({ "type": "integer", "format": "int32" });
    schemas::draft4(&mut schema);
    let validator = options().build(&schema).unwrap();
    assert!(validator.is_valid(&json!(2_147_483_647)));
    assert!(!validator.is_valid(&json!(2_147_483_648_i64)));
    assert!(!validator.is_valid(&json!(-2_147_483_649_i64)));
}
