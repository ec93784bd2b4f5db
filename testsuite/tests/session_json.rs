//! Session bodies as bytes: the exact JSON of a full and a minimal session of each kind,
//! emit → parse → emit round trips, and bodies that parsing must reject.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use dintero_order::{
    Channel, Checkbox, Configuration, Currency, Customer, CustomerType, DeliveryMethod,
    DiscountCodes, Error, Express, Line, Merchant, Order, Session, SessionProfile, Shipping,
    ShippingMode, ShippingOption, UnitPrice, VatRate,
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
    Configuration::builder()
        .auto_capture(true)
        .channel(Channel::InStore)
        .default_payment_type("vipps")
        .active_payment_types(true)
        .set("vipps", json!({ "enabled": true }))
        .build()
}

/// 2025-01-31T23:59:00Z.
fn expiry() -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(1_738_367_940)
}

fn full_profile() -> SessionProfile {
    try_full_profile().unwrap()
}

/// Every setter of a profile session and of its parts, and a single `?`.
fn try_full_profile() -> Result<SessionProfile, Error> {
    let tokens = json!({ "payex.creditcard": { "payment_token": "tok-1" } });
    let customer = Customer::builder()
        .customer_id("customer-7")
        .email("kari@example.com")
        .phone_number("+4799999999")
        .tokens(tokens.as_object().cloned().unwrap())
        .wallets_card("card-1")
        .build();
    let express = Express::builder([
        shipping_option("home", "ship-1"),
        shipping_option("home", "ship-2"),
    ])
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
        .platform_type("marketplace")
        .build();
    let session = SessionProfile::builder("default", "https://example.com/wrong", order())
        .return_url("https://example.com/return")
        .callback_url("https://example.com/callback?method=POST")
        .merchant_terms_url("https://example.com/terms")
        .customer(customer)
        .expires_at(expiry())
        // Inserted out of order: metadata is written sorted by key.
        .metadata("ext_source", "web")
        .metadata("ext_cart", "c-17")
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
        .express(express)
        .configuration(configuration())
        .merchant(merchant)
        .build()?;
    Ok(session)
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
fn full_profile_session_is_exact_json() -> Result<(), Box<dyn std::error::Error>> {
    assert_eq!(
        serde_json::to_string(&try_full_profile()?)?,
        full_profile_json()
    );
    Ok(())
}

#[test]
fn full_profile_session_getters_give_back_what_was_set() {
    let session = full_profile();
    assert_eq!(session.profile_id(), "default");
    assert_eq!(session.return_url(), "https://example.com/return");
    assert_eq!(
        session.callback_url(),
        Some("https://example.com/callback?method=POST")
    );
    assert_eq!(
        session.merchant_terms_url(),
        Some("https://example.com/terms")
    );
    assert_eq!(session.order().amount().minor_units(), 29990);
    let customer = session.customer();
    assert_eq!(
        (
            customer.customer_id(),
            customer.email(),
            customer.phone_number()
        ),
        (
            Some("customer-7"),
            Some("kari@example.com"),
            Some("+4799999999")
        )
    );
    assert_eq!(
        customer.tokens()["payex.creditcard"]["payment_token"],
        "tok-1"
    );
    assert_eq!(
        customer.gift_cards()["dintero.wallets"][0]["card_id"],
        "card-1"
    );
    assert_eq!(session.expires_at(), Some(expiry()));
    assert_eq!(
        session.metadata().keys().collect::<Vec<_>>(),
        ["ext_cart", "ext_source"]
    );
    let terms = &session.checkboxes()[1];
    assert_eq!(
        (terms.id(), terms.label(), terms.checked(), terms.required()),
        ("terms", "I accept the terms", None, Some(true))
    );
    assert_eq!(
        terms.link().map(|link| (link.url(), link.text())),
        Some(("https://example.com/terms", "Terms"))
    );
    assert_eq!(session.checkboxes()[0].checked(), Some(false));
    let express = session.express().unwrap();
    assert_eq!(express.shipping_options().len(), 2);
    assert_eq!(
        express.shipping_mode(),
        Some(ShippingMode::ShippingRequired)
    );
    assert_eq!(
        express.shipping_address_callback_url(),
        Some("https://example.com/shipping")
    );
    let codes = express.discount_codes().unwrap();
    assert_eq!(
        (codes.max_count(), codes.callback_url()),
        (Some(2), Some("https://example.com/codes"))
    );
    assert_eq!(
        express.customer_types(),
        [CustomerType::B2c, CustomerType::B2b]
    );
    let configuration = session.configuration().unwrap();
    assert_eq!(
        (
            configuration.auto_capture(),
            configuration.channel(),
            configuration.default_payment_type(),
            configuration.active_payment_types()
        ),
        (
            Some(true),
            Some(Channel::InStore),
            Some("vipps"),
            Some(true)
        )
    );
    let merchant = session.merchant().unwrap();
    assert_eq!(
        [
            Some(merchant.name()),
            Some(merchant.logo_url()),
            merchant.website(),
            merchant.email(),
            merchant.phone_number(),
            merchant.merchant_category_code(),
            merchant.country(),
            merchant.postal_code(),
            merchant.postal_place(),
            merchant.address_line(),
            merchant.address_line_2(),
            merchant.platform_type(),
        ],
        [
            "Kari's Chairs",
            "https://example.com/logo.png",
            "https://example.com",
            "shop@example.com",
            "+4722222222",
            "5712",
            "NO",
            "0154",
            "Oslo",
            "Karl Johans gate 1",
            "2nd floor",
            "marketplace",
        ]
        .map(Some)
    );
}

#[test]
fn minimal_profile_session_is_exact_json() {
    let session = SessionProfile::builder("default", "https://example.com/return", order())
        .build()
        .unwrap();
    let expected = format!(
        r#"{{"profile_id":"default","url":{{"return_url":"https://example.com/return"}},"order":{ORDER_JSON}}}"#
    );
    assert_eq!(serde_json::to_string(&session).unwrap(), expected);
}

#[test]
fn the_designs_flow_works() -> Result<(), Box<dyn std::error::Error>> {
    let session = SessionProfile::builder("default", "https://example.com/return", order())
        .callback_url("https://example.com/callback")
        .build()?;
    let body: String = serde_json::to_string(&session)?;
    let back: SessionProfile = serde_json::from_str(&body)?;
    let again = SessionProfile::from_json(body.as_bytes())?;
    assert_eq!(back, session);
    assert_eq!(again, session);
    assert_eq!(session.callback_url(), Some("https://example.com/callback"));
    Ok(())
}

#[test]
fn empty_parts_are_left_out() {
    let session = SessionProfile::builder("default", "https://example.com/return", order())
        .customer(Customer::builder().build())
        .configuration(Configuration::builder().build())
        .build()
        .unwrap();
    let expected = format!(
        r#"{{"profile_id":"default","url":{{"return_url":"https://example.com/return"}},"order":{ORDER_JSON}}}"#
    );
    assert_eq!(serde_json::to_string(&session).unwrap(), expected);
}

/// The full `/v1/sessions` body, with `expires_at` written as `expires_at`.
fn full_session_json(expires_at: &str) -> String {
    format!(
        r#"{{"url":{{"return_url":"https://example.com/return","callback_url":"https://example.com/callback","merchant_terms_url":"https://example.com/terms"}},"order":{ORDER_JSON},"customer":{{"email":"kari@example.com"}},"expires_at":"{expires_at}","metadata":{{"ext_cart":"c-17"}},"checkboxes":[{{"id":"newsletter","label":"Send me offers"}}],"express":{{"shipping_options":[],"shipping_mode":"shipping_not_required"}},"configuration":{{"active_payment_types":{{"enabled":true}},"auto_capture":true,"channel":"in_store","default_payment_type":"vipps","vipps":{{"enabled":true}}}}}}"#
    )
}

/// Every setter of `/v1/sessions` and a single `?`.
fn try_full_session() -> Result<Session, Error> {
    let session = Session::builder(
        "https://example.com/wrong",
        order(),
        Configuration::default(),
    )
    .return_url("https://example.com/return")
    .callback_url("https://example.com/callback")
    .merchant_terms_url("https://example.com/terms")
    .customer(Customer::builder().email("kari@example.com").build())
    // 2025-01-31T23:59:00+01:00: a built session writes its instant in UTC.
    .expires_at(expiry() - Duration::from_secs(3600))
    .metadata("ext_cart", "c-17")
    .checkbox(Checkbox::builder("newsletter", "Send me offers").build())
    .express(
        Express::builder([])
            .shipping_mode(ShippingMode::ShippingNotRequired)
            .build(),
    )
    .configuration(configuration())
    .build()?;
    Ok(session)
}

#[test]
fn full_session_is_exact_json() -> Result<(), Box<dyn std::error::Error>> {
    assert_eq!(
        serde_json::to_string(&try_full_session()?)?,
        full_session_json("2025-01-31T22:59:00Z")
    );
    Ok(())
}

#[test]
fn a_parsed_expires_at_is_written_back_as_it_was_read() {
    let built = try_full_session().unwrap();
    for written in [
        "2025-01-31T23:59:00+01:00",
        "2025-01-31t17:29:00.000-05:30",
        "2025-01-31T22:59:00.0Z",
    ] {
        let body = full_session_json(written);
        let parsed: Session = serde_json::from_str(&body).unwrap();
        // The same instant as the built session's, written as it was read.
        assert_eq!(parsed.expires_at(), built.expires_at(), "{written}");
        assert_eq!(serde_json::to_string(&parsed).unwrap(), body);
        assert_eq!(Session::from_json(body.as_bytes()).unwrap(), parsed);
        // Different bytes, so not equal to the built session.
        assert_ne!(parsed, built, "{written}");

        let profile_body = full_profile_json().replace("2025-01-31T23:59:00Z", written);
        let parsed: SessionProfile = serde_json::from_str(&profile_body).unwrap();
        assert_eq!(
            parsed.expires_at(),
            Some(expiry() - Duration::from_secs(3600))
        );
        assert_eq!(serde_json::to_string(&parsed).unwrap(), profile_body);
    }
    // Written in UTC exactly as a built session writes it: equal.
    let parsed: Session = serde_json::from_str(&full_session_json("2025-01-31T22:59:00Z")).unwrap();
    assert_eq!(parsed, built);
}

#[test]
fn expires_at_is_written_in_utc_with_a_fraction_only_when_there_is_one() {
    for (at, written) in [
        (expiry(), "2025-01-31T23:59:00Z"),
        (
            expiry() + Duration::from_millis(250),
            "2025-01-31T23:59:00.25Z",
        ),
        (
            expiry() + Duration::from_nanos(1),
            "2025-01-31T23:59:00.000000001Z",
        ),
        (UNIX_EPOCH, "1970-01-01T00:00:00Z"),
        (
            UNIX_EPOCH + Duration::from_secs(951_782_400),
            "2000-02-29T00:00:00Z",
        ),
        (
            UNIX_EPOCH + Duration::from_secs(4_102_444_799),
            "2099-12-31T23:59:59Z",
        ),
    ] {
        let session = SessionProfile::builder("default", "https://example.com/return", order())
            .expires_at(at)
            .build()
            .unwrap();
        let body = serde_json::to_string(&session).unwrap();
        let expected = format!(
            r#"{{"profile_id":"default","url":{{"return_url":"https://example.com/return"}},"order":{ORDER_JSON},"expires_at":"{written}"}}"#
        );
        assert_eq!(body, expected);
        let back: SessionProfile = serde_json::from_str(&body).unwrap();
        assert_eq!(back, session);
        assert_eq!(back.expires_at(), Some(at));
    }
}

#[test]
fn minimal_session_is_exact_json() {
    let session = Session::builder(
        "https://example.com/return",
        order(),
        Configuration::default(),
    )
    .build()
    .unwrap();
    let expected = format!(
        r#"{{"url":{{"return_url":"https://example.com/return"}},"order":{ORDER_JSON},"configuration":{{}}}}"#
    );
    assert_eq!(serde_json::to_string(&session).unwrap(), expected);
}

#[test]
fn profile_sessions_round_trip_byte_for_byte() {
    let minimal = SessionProfile::builder("default", "https://example.com/return", order())
        .build()
        .unwrap();
    for session in [full_profile(), minimal] {
        let body = serde_json::to_string(&session).unwrap();
        let back: SessionProfile = serde_json::from_str(&body).unwrap();
        assert_eq!(back, session);
        assert_eq!(serde_json::to_string(&back).unwrap(), body);
    }
}

#[test]
fn sessions_round_trip_byte_for_byte() {
    let minimal = Session::builder(
        "https://example.com/return",
        order(),
        Configuration::default(),
    )
    .build()
    .unwrap();
    let full = Session::builder("https://example.com/return", order(), configuration())
        .express(Express::builder([shipping_option("home", "ship-1")]).build())
        .build()
        .unwrap();
    for session in [full, try_full_session().unwrap(), minimal] {
        let body = serde_json::to_string(&session).unwrap();
        let back: Session = serde_json::from_str(&body).unwrap();
        assert_eq!(back, session);
        assert_eq!(serde_json::to_string(&back).unwrap(), body);
    }
}

#[test]
fn configuration_fields_are_checked_against_the_spec() {
    // A field of the spec's `configuration` (the theme) is read and written back as it is.
    let body = full_profile_json().replace(
        r#""vipps":{"enabled":true}"#,
        r##""theme":{"primary":"#ff0000"},"vipps":{"enabled":true}"##,
    );
    let session: SessionProfile = serde_json::from_str(&body).unwrap();
    assert_eq!(
        session.configuration().unwrap().get("theme"),
        Some(&json!({ "primary": "#ff0000" }))
    );
    assert_eq!(serde_json::to_string(&session).unwrap(), body);
    // A field the spec does not define, or one of the wrong type, is refused with its path.
    let body = full_profile_json().replace(
        r#""vipps":{"enabled":true}"#,
        r#""vipps":{"enabled":"yes"},"zzz_future":[1,2.5,"x"]"#,
    );
    let err = SessionProfile::from_json(body.as_bytes()).unwrap_err();
    let found: Vec<String> = err.violations().iter().map(ToString::to_string).collect();
    assert_eq!(
        found,
        [
            "configuration.vipps.enabled: expected a boolean, found \"yes\"",
            "configuration.zzz_future: expected one of `auto_capture`, `active_payment_types`, \
             `bambora`, `channel`, `collector`, `default_payment_type`, `dintero`, `dintero_psp`, \
             `instabank`, `klarna`, `netaxept`, `payex`, `payout`, `publish`, `santander`, \
             `swish`, `vipps`, `discounts`, `theme`, `countries`, `default_customer_type`, \
             `allow_different_billing_shipping_address`, found unknown field `zzz_future`",
        ]
    );
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
