//! Session bodies as bytes: the exact JSON of a full and a minimal session of each kind,
//! emit → parse → emit round trips, and bodies that parsing must reject.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use dintero_order::{
    Channel, Checkbox, Configuration, Currency, Customer, CustomerType, DeliveryMethod,
    DiscountCodes, Express, Line, Merchant, Order, Session, SessionProfile, Shipping, ShippingMode,
    ShippingOption, UnitPrice, VatRate,
};
use rust_decimal_macros::dec;
use serde_json::json;

fn vat25() -> VatRate {
    VatRate::from_whole_percent(25).unwrap()
}

/// One chair at 299.90 NOK: amount 29990, VAT 25 % contained = 29990 − round(29990 / 1.25)
/// = 29990 − 23992 = 5998.
fn order() -> Order {
    Order::builder(Currency::NOK, "order-1")
        .line(Line::new(
            "chair",
            "Chair",
            UnitPrice::major(dec!(299.90)),
            vat25(),
        ))
        .build()
        .unwrap()
}

const ORDER_JSON: &str = r#"{"amount":29990,"currency":"NOK","merchant_reference":"order-1","vat_amount":5998,"items":[{"id":"chair","line_id":"1","description":"Chair","quantity":1,"amount":29990,"vat_amount":5998,"vat":25}]}"#;

/// A shipping option priced the only public way: as an order's chosen option.
/// 39 NOK at 25 %: amount 3900, VAT 3900 − 3120 = 780.
fn shipping_option(id: &str, line_id: &str) -> ShippingOption {
    let shipping = Shipping::new(id, "Home delivery", UnitPrice::major(dec!(39)), vat25())
        .line_id(line_id)
        .operator("Bring")
        .delivery_method(DeliveryMethod::Delivery);
    Order::builder(Currency::NOK, "priced")
        .shipping(shipping)
        .build()
        .unwrap()
        .shipping_option()
        .cloned()
        .unwrap()
}

fn configuration() -> Configuration {
    Configuration::new()
        .auto_capture(true)
        .channel(Channel::InStore)
        .default_payment_type("vipps")
        .active_payment_types(true)
        .set("vipps", json!({ "enabled": true }))
}

fn full_profile() -> SessionProfile {
    let tokens = json!({ "payex.creditcard": { "payment_token": "tok-1" } });
    let customer = Customer::new()
        .customer_id("customer-7")
        .email("kari@example.com")
        .phone_number("+4799999999")
        .tokens(tokens.as_object().cloned().unwrap())
        .wallets_card("card-1");
    let express = Express::new([
        shipping_option("home", "ship-1"),
        shipping_option("home", "ship-2"),
    ])
    .shipping_mode(ShippingMode::ShippingRequired)
    .shipping_address_callback_url("https://example.com/shipping")
    .discount_codes(
        DiscountCodes::new()
            .max_count(2)
            .callback_url("https://example.com/codes"),
    )
    .customer_types([CustomerType::B2c, CustomerType::B2b]);
    let merchant = Merchant::new("Kari's Chairs", "https://example.com/logo.png")
        .website("https://example.com")
        .email("shop@example.com")
        .phone_number("+4722222222")
        .merchant_category_code("5712")
        .country("NO")
        .postal_code("0154")
        .postal_place("Oslo")
        .address_line("Karl Johans gate 1")
        .address_line_2("2nd floor")
        .platform_type("marketplace");
    SessionProfile::new("default", "https://example.com/return", order())
        .unwrap()
        .callback_url("https://example.com/callback?method=POST")
        .unwrap()
        .merchant_terms_url("https://example.com/terms")
        .unwrap()
        .customer(customer)
        .unwrap()
        .expires_at("2025-01-31T23:59:00Z")
        .unwrap()
        // Inserted out of order: metadata is written sorted by key.
        .metadata("ext_source", "web")
        .unwrap()
        .metadata("ext_cart", "c-17")
        .unwrap()
        .checkbox(Checkbox::new("newsletter", "Send me offers").checked(false))
        .unwrap()
        .checkbox(
            Checkbox::new("terms", "I accept the terms")
                .required(true)
                .link("https://example.com/terms", "Terms"),
        )
        .unwrap()
        .express(express)
        .unwrap()
        .configuration(configuration())
        .unwrap()
        .merchant(merchant)
        .unwrap()
}

fn full_profile_json() -> String {
    let shipping_option = |line_id: &str| {
        format!(
            r#"{{"id":"home","line_id":"{line_id}","amount":3900,"vat_amount":780,"vat":25,"operator":"Bring","title":"Home delivery","delivery_method":"delivery"}}"#
        )
    };
    [
        r#"{"profile_id":"default","#,
        r#""url":{"return_url":"https://example.com/return","callback_url":"https://example.com/callback?method=POST","merchant_terms_url":"https://example.com/terms"},"#,
        r#""order":"#,
        ORDER_JSON,
        r#","customer":{"customer_id":"customer-7","email":"kari@example.com","phone_number":"+4799999999","tokens":{"payex.creditcard":{"payment_token":"tok-1"}},"gift_cards":{"dintero.wallets":[{"card_id":"card-1"}]}},"#,
        r#""expires_at":"2025-01-31T23:59:00Z","#,
        r#""metadata":{"ext_cart":"c-17","ext_source":"web"},"#,
        r#""checkboxes":[{"id":"newsletter","label":"Send me offers","checked":false},{"id":"terms","label":"I accept the terms","required":true,"link":{"url":"https://example.com/terms","text":"Terms"}}],"#,
        r#""express":{"shipping_options":["#,
        &shipping_option("ship-1"),
        ",",
        &shipping_option("ship-2"),
        r#"],"shipping_mode":"shipping_required","shipping_address_callback_url":"https://example.com/shipping","discount_codes":{"max_count":2,"callback_url":"https://example.com/codes"},"customer_types":["b2c","b2b"]},"#,
        r#""configuration":{"active_payment_types":{"enabled":true},"auto_capture":true,"channel":"in_store","default_payment_type":"vipps","vipps":{"enabled":true}},"#,
        r#""merchant":{"name":"Kari's Chairs","logo_url":"https://example.com/logo.png","website":"https://example.com","email":"shop@example.com","phone_number":"+4722222222","merchant_category_code":"5712","country":"NO","postal_code":"0154","postal_place":"Oslo","address_line":"Karl Johans gate 1","address_line_2":"2nd floor","platform_type":"marketplace"}}"#,
    ]
    .concat()
}

#[test]
fn full_profile_session_is_exact_json() {
    assert_eq!(
        serde_json::to_string(&full_profile()).unwrap(),
        full_profile_json()
    );
}

#[test]
fn minimal_profile_session_is_exact_json() {
    let session = SessionProfile::new("default", "https://example.com/return", order()).unwrap();
    let expected = format!(
        r#"{{"profile_id":"default","url":{{"return_url":"https://example.com/return"}},"order":{ORDER_JSON}}}"#
    );
    assert_eq!(serde_json::to_string(&session).unwrap(), expected);
}

#[test]
fn the_designs_flow_works() {
    let session = SessionProfile::new("default", "https://example.com/return", order())
        .unwrap()
        .callback_url("https://example.com/callback")
        .unwrap();
    let body: String = serde_json::to_string(&session).unwrap();
    let back: SessionProfile = serde_json::from_str(&body).unwrap();
    assert_eq!(back, session);
}

#[test]
fn empty_parts_are_left_out() {
    let session = SessionProfile::new("default", "https://example.com/return", order())
        .unwrap()
        .customer(Customer::new())
        .unwrap()
        .configuration(Configuration::new())
        .unwrap();
    let expected = format!(
        r#"{{"profile_id":"default","url":{{"return_url":"https://example.com/return"}},"order":{ORDER_JSON}}}"#
    );
    assert_eq!(serde_json::to_string(&session).unwrap(), expected);
}

#[test]
fn full_session_is_exact_json() {
    let session = Session::new("https://example.com/return", order(), configuration())
        .unwrap()
        .callback_url("https://example.com/callback")
        .unwrap()
        .customer(Customer::new().email("kari@example.com"))
        .unwrap()
        .expires_at("2025-01-31T23:59:00+01:00")
        .unwrap()
        .metadata("ext_cart", "c-17")
        .unwrap()
        .checkbox(Checkbox::new("newsletter", "Send me offers"))
        .unwrap()
        .express(Express::new([]).shipping_mode(ShippingMode::ShippingNotRequired))
        .unwrap();
    let expected = format!(
        r#"{{"url":{{"return_url":"https://example.com/return","callback_url":"https://example.com/callback"}},"order":{ORDER_JSON},"customer":{{"email":"kari@example.com"}},"expires_at":"2025-01-31T23:59:00+01:00","metadata":{{"ext_cart":"c-17"}},"checkboxes":[{{"id":"newsletter","label":"Send me offers"}}],"express":{{"shipping_options":[],"shipping_mode":"shipping_not_required"}},"configuration":{{"active_payment_types":{{"enabled":true}},"auto_capture":true,"channel":"in_store","default_payment_type":"vipps","vipps":{{"enabled":true}}}}}}"#
    );
    assert_eq!(serde_json::to_string(&session).unwrap(), expected);
}

#[test]
fn minimal_session_is_exact_json() {
    let session =
        Session::new("https://example.com/return", order(), Configuration::new()).unwrap();
    let expected = format!(
        r#"{{"url":{{"return_url":"https://example.com/return"}},"order":{ORDER_JSON},"configuration":{{}}}}"#
    );
    assert_eq!(serde_json::to_string(&session).unwrap(), expected);
}

#[test]
fn profile_sessions_round_trip_byte_for_byte() {
    let minimal = SessionProfile::new("default", "https://example.com/return", order()).unwrap();
    for session in [full_profile(), minimal] {
        let body = serde_json::to_string(&session).unwrap();
        let back: SessionProfile = serde_json::from_str(&body).unwrap();
        assert_eq!(back, session);
        assert_eq!(serde_json::to_string(&back).unwrap(), body);
    }
}

#[test]
fn sessions_round_trip_byte_for_byte() {
    let minimal =
        Session::new("https://example.com/return", order(), Configuration::new()).unwrap();
    let full = Session::new("https://example.com/return", order(), configuration())
        .unwrap()
        .express(Express::new([shipping_option("home", "ship-1")]))
        .unwrap();
    for session in [full, minimal] {
        let body = serde_json::to_string(&session).unwrap();
        let back: Session = serde_json::from_str(&body).unwrap();
        assert_eq!(back, session);
        assert_eq!(serde_json::to_string(&back).unwrap(), body);
    }
}

#[test]
fn unknown_configuration_fields_pass_through() {
    let body = full_profile_json().replace(
        r#""vipps":{"enabled":true}"#,
        // Written back sorted by key, as the input already is.
        r##""theme":{"primary":"#ff0000"},"vipps":{"enabled":true},"zzz_future":[1,2.5,"x"]"##,
    );
    let session: SessionProfile = serde_json::from_str(&body).unwrap();
    assert_eq!(
        session.get_configuration().unwrap().get("theme"),
        Some(&json!({ "primary": "#ff0000" }))
    );
    assert_eq!(serde_json::to_string(&session).unwrap(), body);
}

fn profile_parse_error(body: &str) -> String {
    serde_json::from_str::<SessionProfile>(body)
        .unwrap_err()
        .to_string()
}

#[test]
fn unknown_fields_are_rejected() {
    let minimal = format!(
        r#"{{"profile_id":"default","url":{{"return_url":"https://example.com/return"}},"order":{ORDER_JSON}}}"#
    );
    let top = minimal.replacen('{', r#"{"surprise":1,"#, 1);
    assert!(
        profile_parse_error(&top).starts_with("unknown field `surprise`"),
        "{}",
        profile_parse_error(&top)
    );

    let in_url = minimal.replace(
        r#""url":{"#,
        r#""url":{"cancel_url":"https://example.com","#,
    );
    assert!(
        profile_parse_error(&in_url).starts_with("unknown field `cancel_url`, expected one of")
    );

    let in_express =
        full_profile_json().replace(r#""express":{"#, r#""express":{"shipping_speed":1,"#);
    assert!(
        profile_parse_error(&in_express)
            .starts_with("unknown field `shipping_speed`, expected one of")
    );

    // `/v1/sessions` has no `profile_id` and no `merchant`.
    let session_body = format!(
        r#"{{"profile_id":"default","url":{{"return_url":"https://example.com/return"}},"order":{ORDER_JSON},"configuration":{{}}}}"#
    );
    let err = serde_json::from_str::<Session>(&session_body)
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("unknown field `profile_id`"), "{err}");
}

#[test]
fn required_fields_are_required_on_parse() {
    let no_profile =
        format!(r#"{{"url":{{"return_url":"https://example.com/return"}},"order":{ORDER_JSON}}}"#);
    assert!(profile_parse_error(&no_profile).starts_with("missing field `profile_id`"));

    let no_configuration = no_profile.clone();
    let err = serde_json::from_str::<Session>(&no_configuration)
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("missing field `configuration`"), "{err}");

    let no_options = full_profile_json().replace(r#""shipping_options":["#, r#""zzz":["#);
    assert!(profile_parse_error(&no_options).contains("`zzz`"));
}

#[test]
fn parsing_rechecks_every_rule() {
    let body = full_profile_json()
        .replace(
            "https://example.com/callback?method=POST",
            "https://localhost/callback",
        )
        .replace(r#""label":"Send me offers""#, r#""label":"x""#);
    assert_eq!(
        profile_parse_error(&body),
        "invalid Dintero payload: 2 problems\n  \
         url.callback_url: expected a host Dintero can reach, not localhost or a loopback address, found \"https://localhost/callback\"\n  \
         checkboxes[0].label: expected 2 to 99 characters, found 1 character"
    );
}

#[test]
fn parsing_rechecks_the_order() {
    let body = full_profile_json().replace(
        r#""amount":29990,"currency""#,
        r#""amount":29991,"currency""#,
    );
    assert!(
        profile_parse_error(&body).contains("order.amount"),
        "{}",
        profile_parse_error(&body)
    );
}
