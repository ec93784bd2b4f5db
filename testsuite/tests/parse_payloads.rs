//! A corpus of real-world and malformed request bodies (`tests/payloads/*.json`), each with
//! the exact problems `from_json` must report (rule and JSON path, in order), and the valid
//! real-world bodies that must be accepted. Every file in the folder is in the table.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::BTreeSet;

use dintero_order::{Error, Order, ParseOptions, Rule, Session, SessionProfile};

/// Which body a payload is.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Profile,
    Sessions,
    Order,
}
use Kind::{Order as O, Profile as P, Sessions as S};

/// A payload: file stem, kind, expected (rule, path) of every problem in order (empty =
/// valid).
type Case = (&'static str, Kind, &'static [(Rule, &'static str)]);

const CASES: &[Case] = &[
    // Valid real-world bodies.
    ("valid_docs_create_session_exact_vat", P, &[]),
    ("valid_docs_shipping_callback_order", O, &[]),
    ("valid_node_sdk_readme", P, &[]),
    ("valid_express_discounts_sample", P, &[]),
    ("valid_woocommerce_v1_mixed_vat", P, &[]),
    ("valid_spec_example_read_only_fields", O, &[]),
    ("valid_sessions_body", S, &[]),
    // Real-world bodies with real problems.
    (
        "docs_create_session_vat_6000",
        P,
        &[(Rule::VatAmount, "order.items[0].vat_amount")],
    ),
    (
        "spec_example_loose_vat",
        O,
        &[
            (Rule::VatAmount, "order.shipping_option.vat_amount"),
            (Rule::OrderVatAmount, "order.vat_amount"),
        ],
    ),
    (
        "dotnet_sessions_no_items",
        S,
        &[
            (Rule::OrderAmount, "order.amount"),
            (Rule::OrderVatAmount, "order.vat_amount"),
        ],
    ),
    (
        "woocommerce_rounding_fee_negative",
        P,
        &[(Rule::NegativeAmount, "order.items[1].amount")],
    ),
    (
        "woocommerce_shipping_extra_keys",
        P,
        &[
            (Rule::UnknownField, "order.shipping_option.quantity"),
            (Rule::UnknownField, "order.shipping_option.type"),
        ],
    ),
    (
        "woocommerce_gift_card_tax_rate",
        P,
        &[(Rule::UnknownField, "order.items[1].tax_rate")],
    ),
    // Numbers.
    ("vat_2500", P, &[(Rule::VatRate, "order.items[0].vat")]),
    ("vat_ratio", P, &[(Rule::VatRate, "order.items[0].vat")]),
    ("float_order_amount", P, &[(Rule::Type, "order.amount")]),
    (
        "float_item_amount",
        P,
        &[(Rule::Type, "order.items[0].amount")],
    ),
    (
        "string_item_amount",
        P,
        &[(Rule::Type, "order.items[0].amount")],
    ),
    (
        "string_quantity",
        P,
        &[(Rule::Type, "order.items[0].quantity")],
    ),
    (
        "quantity_zero",
        P,
        &[(Rule::Quantity, "order.items[0].quantity")],
    ),
    (
        "amount_over_int32",
        P,
        &[(Rule::Int32Range, "order.amount")],
    ),
    // Totals.
    ("amount_not_sum", P, &[(Rule::OrderAmount, "order.amount")]),
    (
        "order_vat_not_sum",
        P,
        &[(Rule::OrderVatAmount, "order.vat_amount")],
    ),
    (
        "partial_payment_above_sum",
        P,
        &[(Rule::OrderAmount, "order.amount")],
    ),
    // Lines.
    (
        "duplicate_line_ids",
        P,
        &[(Rule::DuplicateLineId, "order.items[1].line_id")],
    ),
    (
        "shipping_line_id_clash",
        P,
        &[(Rule::DuplicateLineId, "order.shipping_option.line_id")],
    ),
    (
        "integer_line_id",
        P,
        &[(Rule::Type, "order.items[0].line_id")],
    ),
    (
        "discount_line_string_line_id",
        P,
        &[(Rule::Type, "order.items[0].discount_lines[0].line_id")],
    ),
    (
        "negative_discount_line",
        P,
        &[(
            Rule::NegativeAmount,
            "order.items[0].discount_lines[0].amount",
        )],
    ),
    (
        "item_type_unknown",
        P,
        &[(Rule::Format, "order.items[0].type")],
    ),
    ("items_not_array", P, &[(Rule::Type, "order.items")]),
    (
        "split_destination_41",
        P,
        &[(
            Rule::Length,
            "order.items[0].splits[0].payout_destination_id",
        )],
    ),
    // Shapes and fields.
    (
        "typo_vat_amout",
        P,
        &[(Rule::UnknownField, "order.items[0].vat_amout")],
    ),
    ("order_as_array", P, &[(Rule::Type, "order")]),
    ("missing_profile_id", P, &[(Rule::Required, "profile_id")]),
    (
        "shipping_missing_title",
        P,
        &[(Rule::Required, "order.shipping_option.title")],
    ),
    (
        "sessions_body_with_merchant",
        S,
        &[(Rule::UnknownField, "merchant")],
    ),
    ("not_json", P, &[(Rule::Syntax, "")]),
    ("duplicate_key", P, &[(Rule::DuplicateKey, "order.amount")]),
    (
        "many_problems",
        P,
        &[
            (Rule::Type, "order.amount"),
            (Rule::Type, "order.items[0].line_id"),
            (Rule::Type, "order.items[0].quantity"),
            (Rule::UnknownField, "order.items[0].vat_amout"),
            (Rule::UnknownField, "profil_id"),
            (Rule::Required, "profile_id"),
        ],
    ),
    // Currency.
    ("currency_xau", P, &[(Rule::Currency, "order.currency")]),
    (
        "currency_lowercase",
        P,
        &[(Rule::Currency, "order.currency")],
    ),
    // Session fields.
    (
        "callback_http_localhost",
        P,
        &[(Rule::Url, "url.callback_url")],
    ),
    ("return_url_relative", P, &[(Rule::Url, "url.return_url")]),
    ("metadata_11_keys", P, &[(Rule::TooMany, "metadata")]),
    // A number is a metadata value since Dintero's 2025 spec (a string only in 2024).
    ("metadata_number_value", P, &[]),
    (
        "metadata_bool_value",
        P,
        &[(Rule::Type, "metadata.woo_customer_id")],
    ),
    (
        "checkbox_label_short",
        P,
        &[(Rule::Length, "checkboxes[0].label")],
    ),
    ("three_checkboxes", P, &[(Rule::TooMany, "checkboxes")]),
    (
        "expires_at_without_offset",
        P,
        &[(Rule::Format, "expires_at")],
    ),
    (
        "express_option_reuses_item_line_id",
        P,
        &[(Rule::DuplicateLineId, "express.shipping_options[0].line_id")],
    ),
    (
        "customer_two_wallet_cards",
        P,
        &[(Rule::TooMany, "customer.gift_cards[\"dintero.wallets\"]")],
    ),
    // Order parts.
    (
        "phone_with_spaces",
        P,
        &[(Rule::Format, "order.shipping_address.phone_number")],
    ),
    (
        "payout_destination_41",
        P,
        &[(Rule::Length, "order.payout_destination_id")],
    ),
    ("store_mcc_letters", P, &[(Rule::Format, "order.store.mcc")]),
    ("two_gift_cards", P, &[(Rule::TooMany, "order.gift_cards")]),
    (
        "gift_card_negative",
        P,
        &[(Rule::NegativeAmount, "order.gift_cards[0].amount")],
    ),
    (
        "gift_card_above_amount",
        P,
        &[(Rule::OrderAmount, "order.gift_cards")],
    ),
    // serde_json calls a number where an enum belongs "expected value", a syntax error; the
    // bytes are JSON, so it is a type problem at the field.
    (
        "item_type_number",
        P,
        &[(Rule::Type, "order.items[0].type")],
    ),
    // Dintero's 2025 spec takes a string or a number; a boolean is neither.
    (
        "shipping_metadata_boolean",
        P,
        &[(Rule::Type, "order.shipping_option.metadata.flag_x")],
    ),
];

fn payload(stem: &str) -> Vec<u8> {
    let path = format!("{}/tests/payloads/{stem}.json", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn from_json(bytes: &[u8], kind: Kind) -> Result<(), Error> {
    match kind {
        Kind::Profile => SessionProfile::from_json(bytes).map(drop),
        Kind::Sessions => Session::from_json(bytes).map(drop),
        Kind::Order => Order::from_json(bytes).map(drop),
    }
}

fn serde_parse(bytes: &[u8], kind: Kind) -> Result<(), String> {
    let text = std::str::from_utf8(bytes).unwrap();
    let result = match kind {
        Kind::Profile => serde_json::from_str::<SessionProfile>(text).map(drop),
        Kind::Sessions => serde_json::from_str::<Session>(text).map(drop),
        Kind::Order => serde_json::from_str::<Order>(text).map(drop),
    };
    result.map_err(|e| e.to_string())
}

fn found(err: &Error) -> Vec<(Rule, String)> {
    err.violations()
        .iter()
        .map(|v| (v.rule(), v.path().to_owned()))
        .collect()
}

#[test]
fn every_payload_gets_its_exact_verdict() {
    let mut failures = Vec::new();
    for &(stem, kind, expected) in CASES {
        let bytes = payload(stem);
        let got = match from_json(&bytes, kind) {
            Ok(()) => Vec::new(),
            Err(err) => found(&err),
        };
        let want: Vec<(Rule, String)> = expected.iter().map(|&(r, p)| (r, p.to_owned())).collect();
        if got != want {
            failures.push(format!("{stem}: expected {want:?}, got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn serde_agrees_on_the_verdict_and_names_the_first_path() {
    for &(stem, kind, expected) in CASES {
        let bytes = payload(stem);
        match (serde_parse(&bytes, kind), expected.first()) {
            (Ok(()), None) => {}
            (Err(message), Some(&(rule, path))) => {
                // Syntax errors carry serde_json's position instead of a path.
                if rule != Rule::Syntax {
                    assert!(message.contains(path), "{stem}: {message}");
                }
            }
            (result, _) => panic!("{stem}: serde said {result:?}, expected {expected:?}"),
        }
    }
}

#[test]
fn the_table_covers_every_file_and_at_least_30_bad_ones() {
    let dir = format!("{}/tests/payloads", env!("CARGO_MANIFEST_DIR"));
    let files: BTreeSet<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .filter_map(|name| name.strip_suffix(".json").map(str::to_owned))
        .collect();
    let listed: BTreeSet<String> = CASES.iter().map(|c| c.0.to_owned()).collect();
    assert_eq!(files, listed);
    let bad = CASES.iter().filter(|c| !c.2.is_empty()).count();
    assert!(bad >= 30, "{bad} bad payloads");
}

fn messages(stem: &str, kind: Kind) -> Vec<String> {
    match from_json(&payload(stem), kind) {
        Ok(()) => Vec::new(),
        Err(err) => err.violations().iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn dinteros_own_6000_example_is_rejected_with_the_exact_vat() {
    assert_eq!(
        messages("docs_create_session_vat_6000", P),
        ["order.items[0].vat_amount: expected 5998 (25 % VAT contained in 29990), found 6000"]
    );
    let err = serde_parse(&payload("docs_create_session_vat_6000"), P).unwrap_err();
    assert_eq!(
        err,
        "invalid Dintero payload: order.items[0].vat_amount: expected 5998 (25 % VAT contained in 29990), found 6000"
    );
}

#[test]
fn a_vat_ratio_is_refused_as_a_fraction_with_the_percentage_it_stands_for() {
    let fraction = "order.items[0].vat: expected a VAT percentage such as 25 (0.25 looks like a fraction; write 25 for 25 %), found 0.25";
    assert_eq!(messages("vat_ratio", P), [fraction]);
    // Without a vat_amount to give it away, 0.25 is refused all the same: DESIGN rejects every
    // rate strictly between 0 and 1 as a probable fraction (it used to parse as 0.25 %).
    let body = br#"{"amount":1000,"currency":"NOK","merchant_reference":"r","items":[{"amount":1000,"vat":0.25}]}"#;
    let err = Order::from_json(body).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("invalid Dintero payload: {fraction}")
    );
    assert_eq!(err.violations()[0].rule(), Rule::VatRate);
    let serde = serde_json::from_slice::<Order>(body)
        .unwrap_err()
        .to_string();
    assert_eq!(
        serde,
        "VAT rate must be a percentage such as 25, not a fraction such as 0.25 (write 25 for 25 %) at order.items[0].vat (line 1, column 92)"
    );
    // Written with an exponent, and with more decimals than a rate has: the same reading, and
    // the number shown as written.
    let body = br#"{"amount":1000,"currency":"NOK","merchant_reference":"r","items":[{"amount":1000,"vat":1.55e-1}]}"#;
    assert_eq!(
        Order::from_json(body).unwrap_err().to_string(),
        "invalid Dintero payload: order.items[0].vat: expected a VAT percentage such as 25 (0.155 looks like a fraction; write 15.5 for 15.5 %), found 1.55e-1"
    );
    // 0 and 1 themselves are rates.
    for vat in ["0", "0.0", "1", "1.00"] {
        let body = format!(
            r#"{{"amount":1000,"currency":"NOK","merchant_reference":"r","items":[{{"amount":1000,"vat":{vat}}}]}}"#
        );
        assert!(Order::from_json(body.as_bytes()).is_ok(), "{vat}");
    }
}

#[test]
fn messages_say_what_was_expected_and_found() {
    type Expected = (&'static str, Kind, &'static [&'static str]);
    let cases: &[Expected] = &[
        (
            "typo_vat_amout",
            P,
            &[
                "order.items[0].vat_amout: expected a field the spec defines here (did you mean `vat_amount`?), found unknown field `vat_amout`",
            ],
        ),
        (
            "vat_2500",
            P,
            &[
                "order.items[0].vat: expected a VAT percentage in 0..=100 with at most 2 decimals (25 means 25 %), found 2500",
            ],
        ),
        (
            "float_order_amount",
            P,
            &["order.amount: expected an integer amount in minor units, found 299.9"],
        ),
        (
            "string_quantity",
            P,
            &["order.items[0].quantity: expected a JSON number, found \"1\""],
        ),
        (
            "integer_line_id",
            P,
            &["order.items[0].line_id: expected a string, found 1"],
        ),
        (
            "discount_line_string_line_id",
            P,
            &["order.items[0].discount_lines[0].line_id: expected an integer, found \"1\""],
        ),
        (
            "order_as_array",
            P,
            &[
                "order: expected an order (a JSON object), found [29990,\"NOK\",\"merchants_order_number\"]",
            ],
        ),
        (
            "missing_profile_id",
            P,
            &["profile_id: expected a value for `profile_id` (required), found nothing"],
        ),
        (
            "currency_xau",
            P,
            &[
                "order.currency: expected an ISO 4217 currency code with a minor unit, such as \"NOK\", found \"XAU\"",
            ],
        ),
        (
            "woocommerce_rounding_fee_negative",
            P,
            &[
                "order.items[1].amount: expected an amount of 0 or more (only gift_card and surcharge lines may be negative), found -1",
            ],
        ),
        (
            "duplicate_key",
            P,
            &["order.amount: expected each key at most once in an object, found `amount` twice"],
        ),
        (
            "not_json",
            P,
            &["expected a JSON document, found EOF while parsing an object at line 1 column 34"],
        ),
        (
            "item_type_unknown",
            P,
            &[
                "order.items[0].type: expected one of `physical`, `digital`, `service`, `gift_card`, `shipping`, `surcharge`, found \"rounding\"",
            ],
        ),
        (
            "gift_card_above_amount",
            P,
            &[
                "order.gift_cards: expected gift cards paying at most order.amount (29990), found 30000",
            ],
        ),
        (
            "many_problems",
            P,
            &[
                "order.amount: expected an integer amount in minor units, found 299.9",
                "order.items[0].line_id: expected a string, found 2",
                "order.items[0].quantity: expected a JSON number, found \"1\"",
                "order.items[0].vat_amout: expected a field the spec defines here (did you mean `vat_amount`?), found unknown field `vat_amout`",
                "profil_id: expected a field the spec defines here (did you mean `profile_id`?), found unknown field `profil_id`",
                "profile_id: expected a value for `profile_id` (required), found nothing",
            ],
        ),
    ];
    for &(stem, kind, expected) in cases {
        assert_eq!(messages(stem, kind), expected, "{stem}");
    }
}

#[test]
fn serde_messages_name_the_path() {
    let cases: &[(&str, &str)] = &[
        // An array where an object belongs is refused once read: the position is its end.
        (
            "order_as_array",
            "invalid type: sequence, expected an order (a JSON object) at order (line 11, column 3)",
        ),
        (
            "float_order_amount",
            "invalid type: floating point `299.9`, expected i64 at order.amount (line 8, column 19)",
        ),
        (
            "string_item_amount",
            "invalid type: string \"29990\", expected i64 at order.items[0].amount (line 18, column 25)",
        ),
        // Numbers are read from their text: serde_json gives the position where the error
        // reaches the object, here past the `}` that closes it (as for a rate out of range).
        (
            "discount_line_string_line_id",
            "invalid type: string \"1\", expected i64 at order.items[0].discount_lines[0].line_id (line 25, column 11)",
        ),
        (
            "missing_profile_id",
            "missing field `profile_id` at profile_id (line 22, column 1)",
        ),
    ];
    for &(stem, expected) in cases {
        assert_eq!(
            serde_parse(&payload(stem), P).unwrap_err(),
            expected,
            "{stem}"
        );
    }
}

#[test]
fn lenient_parsing_drops_unknown_fields_as_warnings() {
    for (stem, paths) in [
        (
            "woocommerce_gift_card_tax_rate",
            vec!["order.items[1].tax_rate"],
        ),
        (
            "woocommerce_shipping_extra_keys",
            vec![
                "order.shipping_option.quantity",
                "order.shipping_option.type",
            ],
        ),
    ] {
        let parsed =
            SessionProfile::from_json_with(&payload(stem), &ParseOptions::lenient()).unwrap();
        let warnings: Vec<&str> = parsed.warnings().iter().map(|w| w.path()).collect();
        assert_eq!(warnings, paths, "{stem}");
        assert!(
            parsed
                .warnings()
                .iter()
                .all(|w| w.rule() == Rule::UnknownField)
        );
        // What is kept re-emits without them, and parses strictly.
        let body = serde_json::to_vec(parsed.value()).unwrap();
        assert!(!String::from_utf8_lossy(&body).contains("tax_rate"));
        assert_eq!(&SessionProfile::from_json(&body).unwrap(), parsed.value());
    }
    // Every other rule still applies.
    let err = SessionProfile::from_json_with(
        &payload("docs_create_session_vat_6000"),
        &ParseOptions::lenient(),
    )
    .unwrap_err();
    assert_eq!(
        found(&err),
        [(Rule::VatAmount, "order.items[0].vat_amount".to_owned())]
    );
}

#[test]
fn read_only_fields_are_accepted_and_dropped() {
    let order = Order::from_json(&payload("valid_spec_example_read_only_fields")).unwrap();
    let json = serde_json::to_string(&order).unwrap();
    assert!(
        !json.contains("gross_amount") && !json.contains("version"),
        "{json}"
    );
    // The item's own is_changed is not read-only: it is kept.
    assert!(json.contains(r#""is_changed":true"#));
    // A read-only field of the wrong type is still a type error.
    let body = br#"{"amount":0,"currency":"NOK","merchant_reference":"r","gross_amount":"x"}"#;
    let err = Order::from_json(body).unwrap_err();
    assert_eq!(found(&err), [(Rule::Type, "order.gross_amount".to_owned())]);
}

#[test]
fn lenient_parsing_reports_what_a_dropped_typo_leaves_wrong() {
    // Strictly, the typo is the problem, and the totals it would explain are not reported.
    assert_eq!(
        messages("typo_vat_amout", P),
        [
            "order.items[0].vat_amout: expected a field the spec defines here (did you mean `vat_amount`?), found unknown field `vat_amout`"
        ]
    );
    // Leniently, the typo is dropped as a warning, and the body without it is checked as it
    // is: its line has no vat_amount, so the order's cannot be 5998 (issue 13 item 10).
    let err = SessionProfile::from_json_with(&payload("typo_vat_amout"), &ParseOptions::lenient())
        .unwrap_err();
    let found: Vec<String> = err.violations().iter().map(ToString::to_string).collect();
    assert_eq!(
        found,
        ["order.vat_amount: expected the sum of the lines' vat_amount (0), found 5998"]
    );
    assert_eq!(err.violations()[0].rule(), Rule::OrderVatAmount);
}
