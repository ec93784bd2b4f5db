//! Each order invariant from DESIGN, broken once, with the exact rule, path and message.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use dintero_order::{
    Address, Currency, Error, ItemType, Line, Money, Order, Rounding, Rule, Shipping, UnitPrice,
    VatRate,
};
use rust_decimal_macros::dec;

fn vat25() -> VatRate {
    VatRate::from_whole_percent(25).unwrap()
}

fn line(sku: &str, minor: i64) -> Line<'_> {
    Line::new(sku, "Thing", UnitPrice::minor(minor), vat25())
}

/// (rule, path, message) of every violation, in order.
fn problems(err: &Error) -> Vec<(Rule, String, String)> {
    err.violations()
        .iter()
        .map(|v| (v.rule(), v.path().to_owned(), v.to_string()))
        .collect()
}

fn parse_error(json: &str) -> String {
    serde_json::from_str::<Order>(json).unwrap_err().to_string()
}

#[test]
fn currency_must_be_iso_4217_with_a_minor_unit() {
    assert_eq!(
        "XAU".parse::<Currency>().unwrap_err().to_string(),
        "currency `XAU` has no minor unit, so Dintero cannot charge in it"
    );
    assert_eq!(
        "ABC".parse::<Currency>().unwrap_err().to_string(),
        "`ABC` is not an ISO 4217 currency code"
    );
    let json = r#"{"amount":0,"currency":"XAU","merchant_reference":"r"}"#;
    assert!(parse_error(json).starts_with("currency `XAU` has no minor unit"));
}

#[test]
fn merchant_reference_must_not_be_empty() {
    let err = Order::builder(Currency::NOK, "").build().unwrap_err();
    assert_eq!(
        problems(&err),
        [(
            Rule::Required,
            "order.merchant_reference".to_owned(),
            "order.merchant_reference: expected a non-empty string, found \"\"".to_owned()
        )]
    );
}

#[test]
fn quantity_must_be_positive() {
    let err = Order::builder(Currency::NOK, "r")
        .line(line("a", 100))
        .line(line("b", 100).quantity(dec!(0)))
        .line(line("c", 100).quantity(dec!(-2)))
        .build()
        .unwrap_err();
    let paths: Vec<_> = err.violations().iter().map(|v| v.path()).collect();
    assert_eq!(
        paths,
        ["order.items[1].quantity", "order.items[2].quantity"]
    );
    assert_eq!(
        err.violations()[1].to_string(),
        "order.items[2].quantity: expected a quantity greater than 0 with at most 15 significant digits and 22 decimals, found -2"
    );
}

#[test]
fn runtime_vat_rate_must_be_a_percentage_with_two_decimals() {
    assert!(VatRate::from_percent(dec!(100.01)).is_err());
    assert!(VatRate::from_percent(dec!(25.555)).is_err());
    assert_eq!(
        VatRate::from_percent(dec!(25.55)).unwrap().to_string(),
        "25.55"
    );
}

#[test]
fn negative_amounts_only_on_gift_cards_and_rounding_lines() {
    let err = Order::builder(Currency::NOK, "r")
        .line(line("a", 10000))
        .line(line("refund", -500))
        .build()
        .unwrap_err();
    assert_eq!(
        problems(&err),
        [(
            Rule::NegativeAmount,
            "order.items[1].amount".to_owned(),
            "order.items[1].amount: expected an amount of 0 or more (only gift_card and surcharge lines may be negative), found -500".to_owned()
        )]
    );
    let ok = Order::builder(Currency::NOK, "r")
        .line(line("a", 10000))
        .line(
            Line::new("gc", "Gift card", UnitPrice::minor(-500), VatRate::ZERO)
                .kind(ItemType::GiftCard),
        )
        .build();
    assert_eq!(ok.unwrap().amount().minor_units(), 9500);
}

#[test]
fn line_ids_are_numbered_and_must_be_unique_across_items_and_shipping() {
    let order = Order::builder(Currency::NOK, "r")
        .line(line("a", 100))
        .line(line("b", 100))
        .build()
        .unwrap();
    let ids: Vec<_> = order.items().iter().map(|i| i.line_id().unwrap()).collect();
    assert_eq!(ids, ["1", "2"]);

    let err = Order::builder(Currency::NOK, "r")
        .line(line("a", 100).line_id("x"))
        .line(line("b", 100).line_id("x"))
        .shipping(Shipping::new("ship", "Ship", UnitPrice::minor(100), vat25()).line_id("x"))
        .build()
        .unwrap_err();
    assert_eq!(
        problems(&err),
        [
            (
                Rule::DuplicateLineId,
                "order.items[1].line_id".to_owned(),
                "order.items[1].line_id: expected a line_id not used by another line, found \"x\""
                    .to_owned()
            ),
            (
                Rule::DuplicateLineId,
                "order.shipping_option.line_id".to_owned(),
                "order.shipping_option.line_id: expected a line_id not used by any item, found \"x\""
                    .to_owned()
            ),
        ]
    );
}

#[test]
fn numbered_line_ids_collide_with_a_shipping_or_item_line_id_of_the_same_number() {
    let shipping = |line_id: &str| {
        Shipping::new("ship", "Ship", UnitPrice::minor(100), vat25()).line_id(line_id.to_owned())
    };
    let numbered = |line_id: &str| {
        Order::builder(Currency::NOK, "r")
            .line(line("a", 100))
            .line(line("b", 100))
            .shipping(shipping(line_id))
            .build()
    };
    let err = numbered("2").unwrap_err();
    assert_eq!(
        problems(&err),
        [(
            Rule::DuplicateLineId,
            "order.shipping_option.line_id".to_owned(),
            "order.shipping_option.line_id: expected a line_id not used by any item, found \"2\""
                .to_owned()
        )]
    );
    // Past the last item, or not the number's canonical text: no collision.
    for distinct in ["3", "02", "+1", "1 ", "ship"] {
        let order = numbered(distinct).unwrap_or_else(|e| panic!("{distinct:?}: {e}"));
        assert_eq!(order.shipping_option().map(|s| s.line_id()), Some(distinct));
    }

    // A line's own id that a later line gets by its number.
    let err = Order::builder(Currency::NOK, "r")
        .line(line("a", 100).line_id("2"))
        .line(line("b", 100))
        .build()
        .unwrap_err();
    assert_eq!(
        problems(&err),
        [(
            Rule::DuplicateLineId,
            "order.items[1].line_id".to_owned(),
            "order.items[1].line_id: expected a line_id not used by another line, found \"2\""
                .to_owned()
        )]
    );
}

#[test]
fn totals_must_fit_int32() {
    // 2 × 1 073 741 824 = 2 147 483 648 = i32::MAX + 1.
    let half = 1_073_741_824;
    let err = Order::builder(Currency::NOK, "r")
        .line(Line::new("a", "A", UnitPrice::minor(half), VatRate::ZERO))
        .line(Line::new("b", "B", UnitPrice::minor(half), VatRate::ZERO))
        .build()
        .unwrap_err();
    assert_eq!(
        problems(&err),
        [(
            Rule::Int32Range,
            "order.amount".to_owned(),
            "order.amount: expected an amount that fits Dintero's int32 (at most 2147483647), found 2147483648".to_owned()
        )]
    );
    let fits = Order::builder(Currency::NOK, "r")
        .line(Line::new("a", "A", UnitPrice::minor(half), VatRate::ZERO))
        .line(Line::new(
            "b",
            "B",
            UnitPrice::minor(half - 1),
            VatRate::ZERO,
        ))
        .build();
    assert_eq!(fits.unwrap().amount().minor_units(), 2_147_483_647);
}

#[test]
fn price_in_another_currency_is_rejected() {
    let eur = Money::from_minor(1000, Currency::EUR);
    let err = Order::builder(Currency::NOK, "r")
        .line(Line::new("a", "A", UnitPrice::money(eur), VatRate::ZERO))
        .build()
        .unwrap_err();
    assert_eq!(
        problems(&err),
        [(
            Rule::CurrencyMismatch,
            "order.items[0].amount".to_owned(),
            "order.items[0].amount: expected a price in the order's currency NOK, found a price in EUR".to_owned()
        )]
    );
}

#[test]
fn major_units_finer_than_the_currency_are_an_error_not_rounded() {
    let err = Money::from_major(dec!(299.905), Currency::NOK).unwrap_err();
    assert_eq!(
        err.to_string(),
        "299.905 has more decimals than NOK allows (2)"
    );
    assert!(Money::from_major(dec!(100.5), Currency::JPY).is_err());
    assert_eq!(
        Money::from_major(dec!(1.500), Currency::KWD)
            .unwrap()
            .minor_units(),
        1500
    );
}

#[test]
fn payout_destination_id_is_at_most_40_characters() {
    let err = Order::builder(Currency::NOK, "r")
        .payout_destination_id("x".repeat(41))
        .build()
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid Dintero payload: order.payout_destination_id: expected at most 40 characters, found 41 characters"
    );
}

#[test]
fn phone_numbers_match_dinteros_pattern() {
    for ok in ["+4799999999", "12345", "123456789012345"] {
        let order = Order::builder(Currency::NOK, "r")
            .shipping_address(Address::new().phone_number(ok))
            .build();
        assert!(order.is_ok(), "{ok} should be accepted");
    }
    for bad in [
        "1234",
        "+47 999 99 999",
        "1234567890123456",
        "+",
        "++4799999999",
    ] {
        let err = Order::builder(Currency::NOK, "r")
            .shipping_address(Address::new().phone_number(bad))
            .build()
            .unwrap_err();
        assert_eq!(
            err.violations()[0].to_string(),
            format!(
                "order.shipping_address.phone_number: expected a phone number matching ^\\+?\\d{{5,15}}$, found {bad:?}"
            )
        );
    }
}

#[test]
fn every_problem_is_reported_at_once() {
    let err = Order::builder(Currency::NOK, "")
        .line(line("a", 100).quantity(dec!(0)))
        .line(line("b", -1))
        .payout_destination_id("y".repeat(50))
        .build()
        .unwrap_err();
    let paths: Vec<_> = err.violations().iter().map(|v| v.path()).collect();
    assert_eq!(
        paths,
        [
            "order.items[0].quantity",
            "order.merchant_reference",
            "order.items[1].amount",
            // The total of −1 is itself negative.
            "order.amount",
            "order.payout_destination_id"
        ]
    );
    assert!(
        err.to_string()
            .starts_with("invalid Dintero payload: 5 problems\n  order.items[0].quantity: ")
    );
}

#[test]
fn stated_total_beyond_tolerance_is_an_error() {
    let nok = |minor| Money::from_minor(minor, Currency::NOK);
    let err = Order::builder(Currency::NOK, "r")
        .line(line("a", 9990))
        .stated_total(nok(10000), nok(5))
        .build()
        .unwrap_err();
    assert_eq!(
        problems(&err),
        [(
            Rule::RoundingTolerance,
            "order.amount".to_owned(),
            "order.amount: expected the stated total 10000 within 5 of the computed total 9990, found a difference of 10".to_owned()
        )]
    );
}

#[test]
fn partial_payment_may_not_exceed_the_lines() {
    let err = Order::builder(Currency::NOK, "r")
        .line(line("a", 1000))
        .partial_payment(Money::from_minor(1001, Currency::NOK))
        .build()
        .unwrap_err();
    assert_eq!(
        err.violations()[0].to_string(),
        "order.amount: expected at most the sum of items and shipping (1000) for a partial payment, found 1001"
    );
}

// Parsing runs the same checks as building.

#[test]
fn parse_rejects_an_amount_that_is_not_the_sum() {
    let json = r#"{"amount":30000,"currency":"NOK","merchant_reference":"r","items":[{"line_id":"1","amount":29990,"vat_amount":5998,"vat":25}]}"#;
    assert_eq!(
        parse_error(json),
        "invalid Dintero payload: order.amount: expected the sum of items and shipping (29990), found 30000"
    );
}

#[test]
fn parse_accepts_floor_or_ceiling_vat_and_nothing_else() {
    // 29990 at 25 %: exact VAT 5998 (an integer), so only 5998 is allowed.
    // 1000 at 15 %: exact VAT 130.43…, so 130 (gross rounding) and 131 are allowed.
    let body = |amount: i64, vat_amount: i64, vat: &str| {
        format!(
            r#"{{"amount":{amount},"currency":"NOK","merchant_reference":"r","vat_amount":{vat_amount},"items":[{{"line_id":"1","amount":{amount},"vat_amount":{vat_amount},"vat":{vat}}}]}}"#
        )
    };
    assert!(serde_json::from_str::<Order>(&body(29990, 5998, "25")).is_ok());
    assert_eq!(
        parse_error(&body(29990, 6000, "25")),
        "invalid Dintero payload: order.items[0].vat_amount: expected 5998 (25 % VAT contained in 29990), found 6000"
    );
    assert!(serde_json::from_str::<Order>(&body(1000, 130, "15")).is_ok());
    assert!(serde_json::from_str::<Order>(&body(1000, 131, "15")).is_ok());
    assert_eq!(
        parse_error(&body(1000, 150, "15")),
        "invalid Dintero payload: order.items[0].vat_amount: expected 130 or 131 (15 % VAT contained in 1000), found 150"
    );
}

#[test]
fn parse_rejects_an_order_vat_that_is_not_the_sum() {
    let json = r#"{"amount":29990,"currency":"NOK","merchant_reference":"r","vat_amount":6000,"items":[{"line_id":"1","amount":29990,"vat_amount":5998,"vat":25}]}"#;
    assert_eq!(
        parse_error(json),
        "invalid Dintero payload: order.vat_amount: expected the sum of the lines' vat_amount (5998), found 6000"
    );
}

#[test]
fn parse_rejects_float_amounts_and_string_quantities() {
    let float = r#"{"amount":299.9,"currency":"NOK","merchant_reference":"r"}"#;
    assert!(parse_error(float).contains("invalid type: floating point `299.9`, expected i64"));
    let string = r#"{"amount":100,"currency":"NOK","merchant_reference":"r","items":[{"amount":100,"quantity":"1"}]}"#;
    assert!(parse_error(string).contains("invalid type: string \"1\", expected a JSON number"));
}

#[test]
fn vat_is_a_percentage_in_json_never_basis_points() {
    let json = r#"{"amount":100,"currency":"NOK","merchant_reference":"r","items":[{"amount":100,"vat":2500}]}"#;
    assert!(parse_error(json).contains("VAT rate must be between 0 and 100 percent"));
}

#[test]
fn vat_amount_without_a_rate_is_bounded_by_what_any_rate_allows() {
    // Without `vat`, a line's VAT lies between 0 and the VAT at 100 % (half the amount,
    // rounded up): 1001 øre at 100 % contains 500.5 → at most 501.
    let body = |vat_amount: i64| {
        format!(
            r#"{{"amount":1001,"currency":"NOK","merchant_reference":"r","items":[{{"line_id":"1","amount":1001,"vat_amount":{vat_amount}}}]}}"#
        )
    };
    assert!(serde_json::from_str::<Order>(&body(0)).is_ok());
    assert!(serde_json::from_str::<Order>(&body(501)).is_ok());
    assert_eq!(
        parse_error(&body(502)),
        "invalid Dintero payload: order.items[0].vat_amount: expected 0..=501 (the VAT any rate from 0 to 100 % leaves in 1001), found 502"
    );
    // An unbounded value used to be accepted, and summing two of them overflowed.
    assert!(parse_error(&body(i64::MAX)).contains("order.items[0].vat_amount: expected 0..=501"));
}

#[test]
fn a_line_total_out_of_range_is_reported_in_line_order_whatever_the_rounding_rule() {
    // Lines are computed as they are added; an amount that could not be computed is computed
    // again by `build` with the final rounding rule, and its problem keeps its place.
    let huge = || Line::new("huge", "", UnitPrice::minor(i64::MAX), vat25()).quantity(dec!(2));
    let out_of_range = (
        Rule::Overflow,
        "order.items[0].amount".to_owned(),
        "order.items[0].amount: expected unit price × quantity within range, found a line total too large to represent".to_owned(),
    );
    for late_rule in [None, Some(Rounding::HalfEven)] {
        let mut builder = Order::builder(Currency::NOK, "order-1")
            .line(huge())
            .line(line("", 100));
        if let Some(rule) = late_rule {
            builder = builder.rounding(rule);
        }
        let err = builder.build().unwrap_err();
        assert_eq!(
            problems(&err),
            [
                (
                    Rule::Required,
                    "order.items[0].description".to_owned(),
                    "order.items[0].description: expected a non-empty description, found \"\""
                        .to_owned()
                ),
                out_of_range.clone(),
                (
                    Rule::Required,
                    "order.items[1].id".to_owned(),
                    "order.items[1].id: expected a non-empty id, found \"\"".to_owned()
                ),
            ],
            "rounding set after the lines: {late_rule:?}"
        );
    }
}
