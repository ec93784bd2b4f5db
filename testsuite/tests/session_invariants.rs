//! Each session invariant broken once, with the exact rule, path and message; and the
//! setters, `new` and parsing agreeing on them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use dintero_order::{
    Channel, Checkbox, Configuration, Currency, Customer, DiscountCodes, Error, Express, Line,
    Merchant, Order, Rule, Session, SessionProfile, Shipping, ShippingOption, UnitPrice, VatRate,
};
use rust_decimal_macros::dec;
use serde_json::json;

fn vat25() -> VatRate {
    VatRate::from_whole_percent(25).unwrap()
}

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

fn session() -> SessionProfile {
    SessionProfile::new("default", "https://example.com/return", order()).unwrap()
}

/// A NOK shipping option, priced as an order's chosen option.
fn shipping_option(line_id: &str) -> ShippingOption {
    let shipping = Shipping::new("home", "Home delivery", UnitPrice::major(dec!(39)), vat25())
        .line_id(line_id);
    Order::builder(Currency::NOK, "priced")
        .shipping(shipping)
        .build()
        .unwrap()
        .shipping_option()
        .cloned()
        .unwrap()
}

/// (rule, path, message) of every violation, in order.
fn problems(err: &Error) -> Vec<(Rule, String, String)> {
    err.violations()
        .iter()
        .map(|v| (v.rule(), v.path().to_owned(), v.to_string()))
        .collect()
}

/// The one violation of `result`, as (rule, path, message).
fn only(result: Result<SessionProfile, Error>) -> (Rule, String, String) {
    let found = problems(&result.unwrap_err());
    assert_eq!(found.len(), 1, "{found:?}");
    found.into_iter().next().unwrap()
}

fn problem(rule: Rule, path: &str, message: &str) -> (Rule, String, String) {
    (rule, path.to_owned(), message.to_owned())
}

#[test]
fn profile_id_must_not_be_empty() {
    assert_eq!(
        only(SessionProfile::new(
            "",
            "https://example.com/return",
            order()
        )),
        problem(
            Rule::Required,
            "profile_id",
            r#"profile_id: expected a non-empty string, found """#
        )
    );
}

#[test]
fn return_url_must_be_absolute_http() {
    for url in [
        "/return",
        "example.com/return",
        "ftp://example.com/return",
        "myapp://done",
    ] {
        assert_eq!(
            only(SessionProfile::new("default", url, order())),
            problem(
                Rule::Url,
                "url.return_url",
                &format!("url.return_url: expected an absolute http(s) URL, found \"{url}\"")
            )
        );
    }
    assert_eq!(
        only(session().return_url("https://example.com/a b")),
        problem(
            Rule::Url,
            "url.return_url",
            r#"url.return_url: expected an absolute http(s) URL, found "https://example.com/a b""#
        )
    );
}

#[test]
fn return_url_may_switch_back_to_an_app_in_app() {
    let in_app = Configuration::new().channel(Channel::InApp);
    let session = SessionProfile::new("default", "myapp://done", order())
        .and_then(|s| s.configuration(in_app.clone()));
    // `new` checks before the configuration is there, so a profile session sets it first.
    assert!(session.is_err());
    let session = SessionProfile::new("default", "https://example.com/return", order())
        .and_then(|s| s.configuration(in_app.clone()))
        .and_then(|s| s.return_url("myapp://done"))
        .unwrap();
    assert_eq!(session.get_return_url(), "myapp://done");
    let session = Session::new("myapp://done", order(), in_app).unwrap();
    assert_eq!(session.get_return_url(), "myapp://done");
    assert_eq!(
        problems(
            &Session::new(
                "done",
                order(),
                Configuration::new().channel(Channel::InApp)
            )
            .unwrap_err()
        ),
        [problem(
            Rule::Url,
            "url.return_url",
            r#"url.return_url: expected an absolute URL (an app-switch URL is allowed with channel in_app), found "done""#
        )]
    );
}

#[test]
fn callback_url_must_be_https() {
    assert_eq!(
        only(session().callback_url("http://example.com/callback")),
        problem(
            Rule::Url,
            "url.callback_url",
            r#"url.callback_url: expected an absolute https URL, found "http://example.com/callback""#
        )
    );
}

#[test]
fn callback_url_must_not_be_local() {
    for url in [
        "https://localhost/callback",
        "https://127.0.0.1:8443/callback",
        "https://[::1]/callback",
    ] {
        assert_eq!(
            only(session().callback_url(url)),
            problem(
                Rule::Url,
                "url.callback_url",
                &format!(
                    "url.callback_url: expected a host Dintero can reach, not localhost or a loopback address, found \"{url}\""
                )
            )
        );
    }
}

#[test]
fn merchant_terms_url_must_be_absolute_http() {
    assert_eq!(
        only(session().merchant_terms_url("terms.html")),
        problem(
            Rule::Url,
            "url.merchant_terms_url",
            r#"url.merchant_terms_url: expected an absolute http(s) URL, found "terms.html""#
        )
    );
}

#[test]
fn customer_phone_number_must_match_the_pattern() {
    assert_eq!(
        only(session().customer(Customer::new().phone_number("+47 999 99 999"))),
        problem(
            Rule::Format,
            "customer.phone_number",
            r#"customer.phone_number: expected a phone number matching ^\+?\d{5,15}$, found "+47 999 99 999""#
        )
    );
}

#[test]
fn at_most_one_wallets_gift_card() {
    let gift_cards = json!({ "dintero.wallets": [{ "card_id": "a" }, { "card_id": "b" }] });
    let customer = Customer::new().gift_cards(gift_cards.as_object().cloned().unwrap());
    assert_eq!(
        only(session().customer(customer)),
        problem(
            Rule::TooMany,
            r#"customer.gift_cards["dintero.wallets"]"#,
            r#"customer.gift_cards["dintero.wallets"]: expected at most 1 card, found 2 cards"#
        )
    );
}

#[test]
fn wallets_gift_cards_need_a_card_id() {
    let gift_cards = json!({ "dintero.wallets": [{ "pin": "1234" }] });
    let customer = Customer::new().gift_cards(gift_cards.as_object().cloned().unwrap());
    assert_eq!(
        only(session().customer(customer)),
        problem(
            Rule::Required,
            r#"customer.gift_cards["dintero.wallets"][0].card_id"#,
            r#"customer.gift_cards["dintero.wallets"][0].card_id: expected a string, found nothing"#
        )
    );
    let gift_cards = json!({ "dintero.wallets": { "card_id": "a" } });
    let customer = Customer::new().gift_cards(gift_cards.as_object().cloned().unwrap());
    assert_eq!(
        only(session().customer(customer)),
        problem(
            Rule::Type,
            r#"customer.gift_cards["dintero.wallets"]"#,
            r#"customer.gift_cards["dintero.wallets"]: expected an array of {"card_id": string}, found {"card_id":"a"}"#
        )
    );
}

#[test]
fn expires_at_must_be_rfc_3339() {
    assert_eq!(
        only(session().expires_at("2025-02-29T12:00:00Z")),
        problem(
            Rule::Format,
            "expires_at",
            r#"expires_at: expected an RFC 3339 date-time such as 2025-01-31T23:59:00Z, found "2025-02-29T12:00:00Z""#
        )
    );
}

#[test]
fn metadata_has_at_most_ten_keys() {
    let mut session = session();
    for key in 0..10 {
        session = session.metadata(format!("ext_{key}"), "v").unwrap();
    }
    // Replacing a value is not a new key.
    let session = session.metadata("ext_0", "w").unwrap();
    assert_eq!(
        only(session.metadata("ext_10", "v")),
        problem(
            Rule::TooMany,
            "metadata",
            "metadata: expected at most 10 keys, found 11 keys"
        )
    );
}

#[test]
fn at_most_two_checkboxes() {
    let session = session()
        .checkbox(Checkbox::new("a", "First"))
        .unwrap()
        .checkbox(Checkbox::new("b", "Second"))
        .unwrap();
    assert_eq!(
        only(session.checkbox(Checkbox::new("c", "Third"))),
        problem(
            Rule::TooMany,
            "checkboxes",
            "checkboxes: expected at most 2 checkboxes, found 3 checkboxes"
        )
    );
}

#[test]
fn checkbox_label_has_2_to_99_characters() {
    let first = session().checkbox(Checkbox::new("a", "First")).unwrap();
    assert_eq!(
        only(first.clone().checkbox(Checkbox::new("b", "x"))),
        problem(
            Rule::Length,
            "checkboxes[1].label",
            "checkboxes[1].label: expected 2 to 99 characters, found 1 character"
        )
    );
    assert_eq!(
        only(first.clone().checkbox(Checkbox::new("b", "ø".repeat(100)))),
        problem(
            Rule::Length,
            "checkboxes[1].label",
            "checkboxes[1].label: expected 2 to 99 characters, found 100 characters"
        )
    );
    // Characters, not bytes: 99 two-byte letters fit.
    assert!(first.checkbox(Checkbox::new("b", "ø".repeat(99))).is_ok());
}

#[test]
fn checkbox_needs_an_id_and_a_working_link() {
    assert_eq!(
        only(session().checkbox(Checkbox::new("", "Label"))),
        problem(
            Rule::Required,
            "checkboxes[0].id",
            r#"checkboxes[0].id: expected a non-empty string, found """#
        )
    );
    assert_eq!(
        only(session().checkbox(Checkbox::new("t", "Label").link("/terms", "Terms"))),
        problem(
            Rule::Url,
            "checkboxes[0].link.url",
            r#"checkboxes[0].link.url: expected an absolute http(s) URL, found "/terms""#
        )
    );
}

#[test]
fn merchant_needs_a_name_a_logo_url_and_a_country_code() {
    assert_eq!(
        only(session().merchant(Merchant::new("", "https://example.com/logo.png"))),
        problem(
            Rule::Required,
            "merchant.name",
            r#"merchant.name: expected a non-empty string, found """#
        )
    );
    assert_eq!(
        only(session().merchant(Merchant::new("Shop", "logo.png"))),
        problem(
            Rule::Url,
            "merchant.logo_url",
            r#"merchant.logo_url: expected an absolute http(s) URL, found "logo.png""#
        )
    );
    assert_eq!(
        only(
            session()
                .merchant(Merchant::new("Shop", "https://example.com/logo.png").country("Norway"))
        ),
        problem(
            Rule::Format,
            "merchant.country",
            r#"merchant.country: expected an ISO 3166 alpha-2 country code, found "Norway""#
        )
    );
}

#[test]
fn express_line_ids_are_unique_among_the_options() {
    let express = Express::new([
        shipping_option("ship-1"),
        shipping_option("ship-2"),
        shipping_option("ship-1"),
    ]);
    assert_eq!(
        only(session().express(express)),
        problem(
            Rule::DuplicateLineId,
            "express.shipping_options[2].line_id",
            r#"express.shipping_options[2].line_id: expected a line_id not used by another express shipping option, found "ship-1""#
        )
    );
}

#[test]
fn express_line_ids_differ_from_the_items() {
    // The order's only item has line_id "1".
    let express = Express::new([shipping_option("1")]);
    assert_eq!(
        only(session().express(express)),
        problem(
            Rule::DuplicateLineId,
            "express.shipping_options[0].line_id",
            r#"express.shipping_options[0].line_id: expected a line_id not used by any order item, found "1""#
        )
    );
}

#[test]
fn express_options_are_checked_like_the_orders() {
    let mut option = serde_json::to_value(shipping_option("ship-1")).unwrap();
    option["line_id"] = json!("");
    let option: ShippingOption = serde_json::from_value(option).unwrap();
    assert_eq!(
        only(session().express(Express::new([option]))),
        problem(
            Rule::Required,
            "express.shipping_options[0].line_id",
            r#"express.shipping_options[0].line_id: expected a non-empty string, found """#
        )
    );
}

#[test]
fn express_callback_urls_must_be_absolute_http() {
    assert_eq!(
        only(session().express(Express::new([]).shipping_address_callback_url("/shipping"))),
        problem(
            Rule::Url,
            "express.shipping_address_callback_url",
            r#"express.shipping_address_callback_url: expected an absolute http(s) URL, found "/shipping""#
        )
    );
    let codes = DiscountCodes::new().callback_url("codes");
    assert_eq!(
        only(session().express(Express::new([]).discount_codes(codes))),
        problem(
            Rule::Url,
            "express.discount_codes.callback_url",
            r#"express.discount_codes.callback_url: expected an absolute http(s) URL, found "codes""#
        )
    );
}

#[test]
fn typed_configuration_fields_must_have_their_types() {
    let configuration = Configuration::new()
        .set("auto_capture", "yes")
        .set("channel", "ecommerce")
        .set("default_payment_type", 7)
        .set("active_payment_types", json!({ "enabled": "all" }));
    assert_eq!(
        problems(&session().configuration(configuration).unwrap_err()),
        [
            problem(
                Rule::Type,
                "configuration.auto_capture",
                r#"configuration.auto_capture: expected a boolean, found "yes""#
            ),
            problem(
                Rule::Format,
                "configuration.channel",
                r#"configuration.channel: expected one of "in_app", "in_store", found "ecommerce""#
            ),
            problem(
                Rule::Type,
                "configuration.default_payment_type",
                "configuration.default_payment_type: expected a string, found 7"
            ),
            problem(
                Rule::Type,
                "configuration.active_payment_types.enabled",
                r#"configuration.active_payment_types.enabled: expected a boolean, found "all""#
            ),
        ]
    );
    let configuration = Configuration::new()
        .default_payment_type("")
        .set("active_payment_types", true);
    assert_eq!(
        problems(&Session::new("https://example.com/return", order(), configuration).unwrap_err()),
        [
            problem(
                Rule::Required,
                "configuration.default_payment_type",
                r#"configuration.default_payment_type: expected a payment type such as "vipps", found """#
            ),
            problem(
                Rule::Type,
                "configuration.active_payment_types",
                "configuration.active_payment_types: expected an object, found true"
            ),
        ]
    );
}

#[test]
fn every_problem_is_reported_at_once_in_field_order() {
    let body = json!({
        "profile_id": "",
        "url": { "return_url": "return", "callback_url": "http://localhost/cb" },
        "order": serde_json::to_value(order()).unwrap(),
        "customer": { "phone_number": "12" },
        "expires_at": "tomorrow",
        "checkboxes": [{ "id": "a", "label": "A" }],
        "express": { "shipping_options": [], "shipping_address_callback_url": "x" },
        "configuration": { "auto_capture": 1 },
        "merchant": { "name": "Shop", "logo_url": "logo.png" }
    });
    let paths: Vec<String> = match SessionProfile::new("", "return", order()) {
        Err(err) => err
            .violations()
            .iter()
            .map(|v| v.path().to_owned())
            .collect(),
        Ok(_) => unreachable!(),
    };
    assert_eq!(paths, ["profile_id", "url.return_url"]);

    let err = serde_json::from_value::<SessionProfile>(body)
        .unwrap_err()
        .to_string();
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines,
        [
            "invalid Dintero payload: 9 problems",
            r#"  profile_id: expected a non-empty string, found """#,
            r#"  url.return_url: expected an absolute http(s) URL, found "return""#,
            r#"  url.callback_url: expected an absolute https URL, found "http://localhost/cb""#,
            r#"  customer.phone_number: expected a phone number matching ^\+?\d{5,15}$, found "12""#,
            r#"  expires_at: expected an RFC 3339 date-time such as 2025-01-31T23:59:00Z, found "tomorrow""#,
            "  checkboxes[0].label: expected 2 to 99 characters, found 1 character",
            r#"  express.shipping_address_callback_url: expected an absolute http(s) URL, found "x""#,
            "  configuration.auto_capture: expected a boolean, found 1",
            r#"  merchant.logo_url: expected an absolute http(s) URL, found "logo.png""#,
        ]
    );
}

#[test]
fn parsing_applies_the_same_rules_as_the_setters() {
    let body = serde_json::to_string(&session()).unwrap();
    let with = |field: &str| body.replacen('{', &format!("{{{field},"), 1);
    let cases = [
        (
            r#""metadata":{"1":"","2":"","3":"","4":"","5":"","6":"","7":"","8":"","9":"","10":"","11":""}"#,
            "metadata: expected at most 10 keys, found 11 keys",
        ),
        (
            r#""checkboxes":[{"id":"a","label":"Aa"},{"id":"b","label":"Bb"},{"id":"c","label":"Cc"}]"#,
            "checkboxes: expected at most 2 checkboxes, found 3 checkboxes",
        ),
        (
            r#""expires_at":"2025-01-31T23:59:00""#,
            r#"expires_at: expected an RFC 3339 date-time such as 2025-01-31T23:59:00Z, found "2025-01-31T23:59:00""#,
        ),
    ];
    for (field, message) in cases {
        let err = serde_json::from_str::<SessionProfile>(&with(field)).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("invalid Dintero payload: {message}")
        );
    }
}
