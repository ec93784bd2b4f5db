//! Each session invariant broken once, with the exact rule, path and message; and the
//! builders' `build` and parsing agreeing on them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::time::{Duration, UNIX_EPOCH};

use dintero_order::{
    Channel, Checkbox, Configuration, Currency, Customer, DiscountCodes, Error, Express, Line,
    Merchant, Order, Rule, Session, SessionProfile, SessionProfileBuilder, Shipping,
    ShippingOption, UnitPrice, VatRate,
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

fn session() -> SessionProfileBuilder {
    SessionProfile::builder("default", "https://example.com/return", order())
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
        only(SessionProfile::builder("", "https://example.com/return", order()).build()),
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
            only(SessionProfile::builder("default", url, order()).build()),
            problem(
                Rule::Url,
                "url.return_url",
                &format!("url.return_url: expected an absolute http(s) URL, found \"{url}\"")
            )
        );
    }
    assert_eq!(
        only(session().return_url("https://example.com/a b").build()),
        problem(
            Rule::Url,
            "url.return_url",
            r#"url.return_url: expected an absolute http(s) URL, found "https://example.com/a b""#
        )
    );
}

#[test]
fn return_url_may_switch_back_to_an_app_in_app() {
    let in_app = Configuration::builder().channel(Channel::InApp).build();
    // `build` checks once everything is set, so the setters' order does not matter.
    let session = SessionProfile::builder("default", "myapp://done", order())
        .configuration(in_app.clone())
        .build()
        .unwrap();
    assert_eq!(session.return_url(), "myapp://done");
    let session = SessionProfile::builder("default", "https://example.com/return", order())
        .configuration(in_app.clone())
        .return_url("myapp://done")
        .build()
        .unwrap();
    assert_eq!(session.return_url(), "myapp://done");
    // Without the channel, the same URL is rejected.
    assert_eq!(
        only(SessionProfile::builder("default", "myapp://done", order()).build()),
        problem(
            Rule::Url,
            "url.return_url",
            r#"url.return_url: expected an absolute http(s) URL, found "myapp://done""#
        )
    );
    let session = Session::builder("myapp://done", order(), in_app)
        .build()
        .unwrap();
    assert_eq!(session.return_url(), "myapp://done");
    assert_eq!(
        problems(
            &Session::builder(
                "done",
                order(),
                Configuration::builder().channel(Channel::InApp).build()
            )
            .build()
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
        only(
            session()
                .callback_url("http://example.com/callback")
                .build()
        ),
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
            only(session().callback_url(url).build()),
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
        only(session().merchant_terms_url("terms.html").build()),
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
        only(
            session()
                .customer(Customer::builder().phone_number("+47 999 99 999").build())
                .build()
        ),
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
    let customer = Customer::builder()
        .gift_cards(gift_cards.as_object().cloned().unwrap())
        .build();
    assert_eq!(
        only(session().customer(customer).build()),
        problem(
            Rule::TooMany,
            r#"customer.gift_cards["dintero.wallets"]"#,
            r#"customer.gift_cards["dintero.wallets"]: expected at most 1 item, found 2 items"#
        )
    );
}

#[test]
fn wallets_gift_cards_need_a_card_id() {
    // The spec's `required`, and its fields: a PIN is not one of them.
    let gift_cards = json!({ "dintero.wallets": [{ "pin": "1234" }] });
    let customer = Customer::builder()
        .gift_cards(gift_cards.as_object().cloned().unwrap())
        .build();
    assert_eq!(
        problems(&session().customer(customer).build().unwrap_err()),
        [
            problem(
                Rule::Required,
                r#"customer.gift_cards["dintero.wallets"][0].card_id"#,
                r#"customer.gift_cards["dintero.wallets"][0].card_id: expected a value, found nothing"#
            ),
            problem(
                Rule::UnknownField,
                r#"customer.gift_cards["dintero.wallets"][0].pin"#,
                r#"customer.gift_cards["dintero.wallets"][0].pin: expected one of `card_id`, found unknown field `pin`"#
            )
        ]
    );
    let gift_cards = json!({ "dintero.wallets": { "card_id": "a" } });
    let customer = Customer::builder()
        .gift_cards(gift_cards.as_object().cloned().unwrap())
        .build();
    assert_eq!(
        only(session().customer(customer).build()),
        problem(
            Rule::Type,
            r#"customer.gift_cards["dintero.wallets"]"#,
            r#"customer.gift_cards["dintero.wallets"]: expected an array, found an object"#
        )
    );
}

#[test]
fn expires_at_must_be_rfc_3339() {
    // A built session's `expires_at` is a `SystemTime`, so only a parsed one can be
    // malformed.
    let body = serde_json::to_string(&session().build().unwrap())
        .unwrap()
        .replacen('{', r#"{"expires_at":"2025-02-29T12:00:00Z","#, 1);
    let found = problems(&SessionProfile::from_json(body.as_bytes()).unwrap_err());
    assert_eq!(
        found,
        [problem(
            Rule::Format,
            "expires_at",
            r#"expires_at: expected an RFC 3339 date-time such as 2025-01-31T23:59:00Z, found "2025-02-29T12:00:00Z""#
        )]
    );
}

#[test]
fn expires_at_must_be_a_time_rfc_3339_can_write() {
    // 10000-01-01T00:00:00Z and 0000-01-01T00:00:00Z minus one second.
    let after = UNIX_EPOCH + Duration::from_secs(253_402_300_800);
    assert_eq!(
        only(session().expires_at(after).build()),
        problem(
            Rule::Format,
            "expires_at",
            "expires_at: expected a date-time from 0000-01-01T00:00:00Z to 9999-12-31T23:59:59Z, found 253402300800 seconds after 1970-01-01T00:00:00Z"
        )
    );
    let before = UNIX_EPOCH - Duration::from_secs(62_167_219_201);
    assert_eq!(
        only(session().expires_at(before).build()),
        problem(
            Rule::Format,
            "expires_at",
            "expires_at: expected a date-time from 0000-01-01T00:00:00Z to 9999-12-31T23:59:59Z, found 62167219201 seconds before 1970-01-01T00:00:00Z"
        )
    );
    // The ends of the range, and a time before 1970, are fine.
    for (seconds_after, text) in [
        (253_402_300_799_i64, "9999-12-31T23:59:59Z"),
        (-62_167_219_200, "0000-01-01T00:00:00Z"),
        (-1, "1969-12-31T23:59:59Z"),
    ] {
        let at = if seconds_after >= 0 {
            UNIX_EPOCH + Duration::from_secs(seconds_after.unsigned_abs())
        } else {
            UNIX_EPOCH - Duration::from_secs(seconds_after.unsigned_abs())
        };
        let session = session().expires_at(at).build().unwrap();
        assert_eq!(session.expires_at(), Some(at));
        let body = serde_json::to_string(&session).unwrap();
        assert!(
            body.contains(&format!(r#""expires_at":"{text}""#)),
            "{body}"
        );
        assert_eq!(
            serde_json::from_str::<SessionProfile>(&body).unwrap(),
            session
        );
    }
}

#[test]
fn metadata_has_at_most_ten_keys() {
    let mut builder = session();
    for key in 0..10 {
        builder = builder.metadata(format!("ext_{key}"), "v");
    }
    assert!(builder.clone().build().is_ok());
    // Replacing a value is not a new key.
    let builder = builder.metadata("ext_0", "w");
    assert!(builder.clone().build().is_ok());
    assert_eq!(
        only(builder.metadata("ext_10", "v").build()),
        problem(
            Rule::TooMany,
            "metadata",
            "metadata: expected at most 10 keys, found 11 keys"
        )
    );
}

#[test]
fn at_most_two_checkboxes() {
    let builder = session()
        .checkbox(Checkbox::builder("a", "First").build())
        .checkbox(Checkbox::builder("b", "Second").build());
    assert!(builder.clone().build().is_ok());
    assert_eq!(
        only(
            builder
                .checkbox(Checkbox::builder("c", "Third").build())
                .build()
        ),
        problem(
            Rule::TooMany,
            "checkboxes",
            "checkboxes: expected at most 2 checkboxes, found 3 checkboxes"
        )
    );
}

#[test]
fn checkbox_label_has_2_to_99_characters() {
    let first = session().checkbox(Checkbox::builder("a", "First").build());
    assert!(first.clone().build().is_ok());
    assert_eq!(
        only(
            first
                .clone()
                .checkbox(Checkbox::builder("b", "x").build())
                .build()
        ),
        problem(
            Rule::Length,
            "checkboxes[1].label",
            "checkboxes[1].label: expected 2 to 99 characters, found 1 character"
        )
    );
    assert_eq!(
        only(
            first
                .clone()
                .checkbox(Checkbox::builder("b", "ø".repeat(100)).build())
                .build()
        ),
        problem(
            Rule::Length,
            "checkboxes[1].label",
            "checkboxes[1].label: expected 2 to 99 characters, found 100 characters"
        )
    );
    // Characters, not bytes: 99 two-byte letters fit.
    assert!(
        first
            .checkbox(Checkbox::builder("b", "ø".repeat(99)).build())
            .build()
            .is_ok()
    );
}

#[test]
fn checkbox_needs_an_id_and_a_working_link() {
    assert_eq!(
        only(
            session()
                .checkbox(Checkbox::builder("", "Label").build())
                .build()
        ),
        problem(
            Rule::Required,
            "checkboxes[0].id",
            r#"checkboxes[0].id: expected a non-empty string, found """#
        )
    );
    assert_eq!(
        only(
            session()
                .checkbox(
                    Checkbox::builder("t", "Label")
                        .link("/terms", "Terms")
                        .build()
                )
                .build()
        ),
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
        only(
            session()
                .merchant(Merchant::builder("", "https://example.com/logo.png").build())
                .build()
        ),
        problem(
            Rule::Required,
            "merchant.name",
            r#"merchant.name: expected a non-empty string, found """#
        )
    );
    assert_eq!(
        only(
            session()
                .merchant(Merchant::builder("Shop", "logo.png").build())
                .build()
        ),
        problem(
            Rule::Url,
            "merchant.logo_url",
            r#"merchant.logo_url: expected an absolute http(s) URL, found "logo.png""#
        )
    );
    assert_eq!(
        only(
            session()
                .merchant(
                    Merchant::builder("Shop", "https://example.com/logo.png")
                        .country("Norway")
                        .build()
                )
                .build()
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
    let express = Express::builder([
        shipping_option("ship-1"),
        shipping_option("ship-2"),
        shipping_option("ship-1"),
    ])
    .build();
    assert_eq!(
        only(session().express(express).build()),
        problem(
            Rule::DuplicateLineId,
            "express.shipping_options[2].line_id",
            r#"express.shipping_options[2].line_id: expected a line_id not used by another shipping option, found "ship-1""#
        )
    );
}

#[test]
fn express_line_ids_differ_from_the_items() {
    // The order's only item has line_id "1".
    let express = Express::builder([shipping_option("1")]).build();
    assert_eq!(
        only(session().express(express).build()),
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
        only(
            session()
                .express(Express::builder([option]).build())
                .build()
        ),
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
        only(
            session()
                .express(
                    Express::builder([])
                        .shipping_address_callback_url("/shipping")
                        .build()
                )
                .build()
        ),
        problem(
            Rule::Url,
            "express.shipping_address_callback_url",
            r#"express.shipping_address_callback_url: expected an absolute http(s) URL, found "/shipping""#
        )
    );
    let codes = DiscountCodes::builder().callback_url("codes").build();
    assert_eq!(
        only(
            session()
                .express(Express::builder([]).discount_codes(codes).build())
                .build()
        ),
        problem(
            Rule::Url,
            "express.discount_codes.callback_url",
            r#"express.discount_codes.callback_url: expected an absolute http(s) URL, found "codes""#
        )
    );
}

#[test]
fn configuration_fields_must_be_as_the_spec_states() {
    // Reported in the order of the fields' names, as the configuration holds them.
    let configuration = Configuration::builder()
        .set("auto_capture", "yes")
        .set("channel", "web")
        .set("default_payment_type", 7)
        .set("active_payment_types", json!({ "enabled": "all" }))
        .build();
    assert_eq!(
        problems(&session().configuration(configuration).build().unwrap_err()),
        [
            problem(
                Rule::Type,
                "configuration.active_payment_types.enabled",
                r#"configuration.active_payment_types.enabled: expected a boolean, found "all""#
            ),
            problem(
                Rule::Type,
                "configuration.auto_capture",
                r#"configuration.auto_capture: expected a boolean, found "yes""#
            ),
            problem(
                Rule::Format,
                "configuration.channel",
                r#"configuration.channel: expected one of "ecommerce", "in_app", "in_store", found "web""#
            ),
            problem(
                Rule::Type,
                "configuration.default_payment_type",
                "configuration.default_payment_type: expected a string, found 7"
            ),
        ]
    );
    // A payment type the spec does not list, and a product that is not an object.
    let configuration = Configuration::builder()
        .default_payment_type("")
        .set("active_payment_types", true)
        .build();
    let err = Session::builder("https://example.com/return", order(), configuration)
        .build()
        .unwrap_err();
    let found: Vec<(Rule, &str)> = err
        .violations()
        .iter()
        .map(|v| (v.rule(), v.path()))
        .collect();
    assert_eq!(
        found,
        [
            (Rule::Type, "configuration.active_payment_types"),
            (Rule::Format, "configuration.default_payment_type"),
        ]
    );
    assert!(
        err.violations()[1]
            .expected()
            .starts_with(r#"one of "bambora.creditcard", "bambora.vipps", "#)
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
    let paths: Vec<String> = match SessionProfile::builder("", "return", order()).build() {
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
fn build_reports_every_problem_of_every_setter_at_once_in_field_order() {
    // Set in reverse field order: the problems come in the order the fields are written.
    let err = SessionProfile::builder("", "return", order())
        .merchant(Merchant::builder("Shop", "logo.png").build())
        .configuration(Configuration::builder().set("auto_capture", 1).build())
        .express(
            Express::builder([])
                .shipping_address_callback_url("x")
                .build(),
        )
        .checkbox(Checkbox::builder("a", "A").build())
        .expires_at(UNIX_EPOCH + Duration::from_secs(253_402_300_800))
        .customer(Customer::builder().phone_number("12").build())
        .callback_url("http://localhost/cb")
        .build()
        .unwrap_err();
    assert_eq!(
        problems(&err),
        [
            problem(
                Rule::Required,
                "profile_id",
                r#"profile_id: expected a non-empty string, found """#
            ),
            problem(
                Rule::Url,
                "url.return_url",
                r#"url.return_url: expected an absolute http(s) URL, found "return""#
            ),
            problem(
                Rule::Url,
                "url.callback_url",
                r#"url.callback_url: expected an absolute https URL, found "http://localhost/cb""#
            ),
            problem(
                Rule::Format,
                "customer.phone_number",
                r#"customer.phone_number: expected a phone number matching ^\+?\d{5,15}$, found "12""#
            ),
            problem(
                Rule::Format,
                "expires_at",
                "expires_at: expected a date-time from 0000-01-01T00:00:00Z to 9999-12-31T23:59:59Z, found 253402300800 seconds after 1970-01-01T00:00:00Z"
            ),
            problem(
                Rule::Length,
                "checkboxes[0].label",
                "checkboxes[0].label: expected 2 to 99 characters, found 1 character"
            ),
            problem(
                Rule::Url,
                "express.shipping_address_callback_url",
                r#"express.shipping_address_callback_url: expected an absolute http(s) URL, found "x""#
            ),
            problem(
                Rule::Type,
                "configuration.auto_capture",
                "configuration.auto_capture: expected a boolean, found 1"
            ),
            problem(
                Rule::Url,
                "merchant.logo_url",
                r#"merchant.logo_url: expected an absolute http(s) URL, found "logo.png""#
            ),
        ]
    );

    // The same for `/v1/sessions`, whose configuration comes with `builder`.
    let builder = Session::builder(
        "return",
        order(),
        Configuration::builder().set("channel", "web").build(),
    );
    let err = (0..11)
        .fold(builder, |builder, key| {
            builder.metadata(format!("ext_{key}"), "v")
        })
        .checkbox(Checkbox::builder("", "Label").build())
        .merchant_terms_url("terms")
        .build()
        .unwrap_err();
    assert_eq!(
        problems(&err),
        [
            problem(
                Rule::Url,
                "url.return_url",
                r#"url.return_url: expected an absolute http(s) URL, found "return""#
            ),
            problem(
                Rule::Url,
                "url.merchant_terms_url",
                r#"url.merchant_terms_url: expected an absolute http(s) URL, found "terms""#
            ),
            problem(
                Rule::TooMany,
                "metadata",
                "metadata: expected at most 10 keys, found 11 keys"
            ),
            problem(
                Rule::Required,
                "checkboxes[0].id",
                r#"checkboxes[0].id: expected a non-empty string, found """#
            ),
            problem(
                Rule::Format,
                "configuration.channel",
                r#"configuration.channel: expected one of "ecommerce", "in_app", "in_store", found "web""#
            ),
        ]
    );
}

#[test]
fn parsing_applies_the_same_rules_as_the_builder() {
    let body = serde_json::to_string(&session().build().unwrap()).unwrap();
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
