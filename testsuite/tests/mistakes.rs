//! Mistakes that used to get through and are now caught, each with its path and message
//! (issue 12, item 5): a VAT rate written as a fraction, a discount no line is eligible for,
//! a country code that only looks like one, and numeric product ids, which are taken.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use dintero_order::{
    Address, CheckoutItem, Currency, Discount, Error, Line, Money, Order, Rule, Store,
    StoreAddress, UnitPrice, VatRate, VatRateError,
};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// Every problem as (rule, path, message).
fn problems(err: &Error) -> Vec<(Rule, String, String)> {
    err.violations()
        .iter()
        .map(|v| (v.rule(), v.path().to_owned(), v.to_string()))
        .collect()
}

// --- a VAT rate written as a fraction ------------------------------------------------------

#[derive(CheckoutItem)]
struct RuntimeVat {
    #[checkout(id)]
    sku: String,
    #[checkout(description)]
    name: String,
    #[checkout(unit_price)]
    price: Decimal,
    #[checkout(vat)]
    vat_percent: Decimal,
}

fn runtime_vat(vat_percent: Decimal) -> RuntimeVat {
    RuntimeVat {
        sku: "a".into(),
        name: "A".into(),
        price: dec!(100),
        vat_percent,
    }
}

#[test]
fn a_runtime_vat_of_0_25_is_refused_as_a_fraction() {
    let err = Order::builder(Currency::NOK, "ref")
        .item(&runtime_vat(dec!(0.25)))
        .build()
        .unwrap_err();
    assert_eq!(
        problems(&err),
        [(
            Rule::VatRate,
            "order.items[0].vat".to_owned(),
            "order.items[0].vat: expected a VAT percentage such as 25 (0.25 looks like a fraction; write 25 for 25 %), found 0.25".to_owned()
        )]
    );
    // The percentage it stands for, however it is written.
    let err = Order::builder(Currency::NOK, "ref")
        .item(&runtime_vat(dec!(0.1550)))
        .build()
        .unwrap_err();
    assert_eq!(
        err.violations()[0].expected(),
        "a VAT percentage such as 25 (0.155 looks like a fraction; write 15.5 for 15.5 %)"
    );
    // 0 and 1 are rates; 25 is the percentage meant.
    for percent in [dec!(0), dec!(1), dec!(25)] {
        let order = Order::builder(Currency::NOK, "ref")
            .item(&runtime_vat(percent))
            .build()
            .unwrap_or_else(|e| panic!("{percent}: {e}"));
        assert_eq!(order.items()[0].vat().map(VatRate::percent), Some(percent));
    }
}

#[test]
fn vat_rate_constructors_refuse_fractions() {
    let fraction = Err(VatRateError::Fraction);
    assert_eq!(VatRate::from_percent(dec!(0.25)), fraction);
    assert_eq!(VatRate::try_from(dec!(0.25)), fraction);
    assert_eq!(VatRate::from_percent(dec!(0.01)), fraction);
    assert_eq!(VatRate::from_percent(dec!(0.999)), fraction);
    assert_eq!(VatRate::from_hundredths(25), fraction);
    assert_eq!(
        VatRateError::Fraction.to_string(),
        "VAT rate must be a percentage such as 25, not a fraction such as 0.25 (write 25 for 25 %)"
    );
    assert_eq!(VatRate::from_percent(dec!(1)).unwrap().hundredths(), 100);
    assert_eq!(VatRate::from_percent(dec!(0.00)), Ok(VatRate::ZERO));
    // Out of range and too precise say so, as before.
    assert_eq!(
        VatRate::from_percent(dec!(-0.25)),
        Err(VatRateError::OutOfRange)
    );
    assert_eq!(
        VatRate::from_percent(dec!(1.001)),
        Err(VatRateError::TooPrecise)
    );
}

#[test]
fn a_body_with_vat_0_25_is_refused_as_a_fraction() {
    let body = br#"{"amount":1000,"currency":"NOK","merchant_reference":"r","items":[{"id":"a","line_id":"1","description":"A","quantity":1,"amount":1000,"vat":0.25}]}"#;
    let err = Order::from_json(body).unwrap_err();
    assert_eq!(
        problems(&err),
        [(
            Rule::VatRate,
            "order.items[0].vat".to_owned(),
            "order.items[0].vat: expected a VAT percentage such as 25 (0.25 looks like a fraction; write 25 for 25 %), found 0.25".to_owned()
        )]
    );
}

// --- a discount no line is eligible for ----------------------------------------------------

fn shirt(sku: &str) -> Line<'_> {
    Line::new(
        sku,
        "Shirt",
        UnitPrice::minor(10000),
        VatRate::from_whole_percent(25).unwrap(),
    )
}

#[test]
fn a_discount_with_no_eligible_line_is_an_error_at_build() {
    let err = Order::builder(Currency::NOK, "ref")
        .line(shirt("a"))
        .line(shirt("b").eligible_for_discount(false))
        .discount(Discount::percent(dec!(10)).discount_id("SUMMER10"))
        .discount_code("SUMMER10")
        .build()
        .unwrap_err();
    assert_eq!(
        problems(&err),
        [(
            Rule::Discount,
            "order.items".to_owned(),
            "order.items: expected a line marked eligible_for_discount for discount 1 to apply to, found no line eligible for discount".to_owned()
        )]
    );
    // A fixed amount: the same one problem, not a second one about the eligible total (0).
    let err = Order::builder(Currency::NOK, "ref")
        .line(shirt("a"))
        .discount(Discount::percent(dec!(10)))
        .discount(Discount::amount(Money::from_minor(500, Currency::NOK)))
        .build()
        .unwrap_err();
    let found: Vec<(Rule, String)> = err
        .violations()
        .iter()
        .map(|v| (v.rule(), v.expected().to_owned()))
        .collect();
    assert_eq!(
        found,
        [
            (
                Rule::Discount,
                "a line marked eligible_for_discount for discount 1 to apply to".to_owned()
            ),
            (
                Rule::Discount,
                "a line marked eligible_for_discount for discount 2 to apply to".to_owned()
            ),
        ]
    );
    // Its other problems are reported with it.
    let err = Order::builder(Currency::NOK, "ref")
        .line(shirt("a"))
        .discount(Discount::percent(dec!(110)))
        .build()
        .unwrap_err();
    let messages: Vec<String> = err.violations().iter().map(|v| v.to_string()).collect();
    assert_eq!(
        messages,
        [
            "order.items: expected a line marked eligible_for_discount for discount 1 to apply to, found no line eligible for discount",
            "order.items: expected discount 1 as a percentage in 0..=100, found 110",
        ]
    );
}

#[test]
fn an_eligible_line_takes_the_discount() {
    let order = Order::builder(Currency::NOK, "ref")
        .line(shirt("a"))
        .line(shirt("b").eligible_for_discount(true))
        .discount(Discount::percent(dec!(10)))
        .build()
        .unwrap();
    // 10 % of 10000 off line b: 9000, VAT 9000 - round(9000 / 1.25) = 1800.
    let amounts: Vec<(i64, Option<i64>)> = order
        .items()
        .iter()
        .map(|i| (i.amount(), i.vat_amount()))
        .collect();
    assert_eq!(amounts, [(10000, Some(2000)), (9000, Some(1800))]);
    // A line marked eligible with nothing to take from (a free line) is no error: 10 % of
    // nothing is nothing.
    let order = Order::builder(Currency::NOK, "ref")
        .line(
            Line::new("free", "Sticker", UnitPrice::minor(0), VatRate::ZERO)
                .eligible_for_discount(true),
        )
        .discount(Discount::percent(dec!(10)))
        .build()
        .unwrap();
    assert_eq!(order.amount().minor_units(), 0);
}

// --- country codes that only look like one -------------------------------------------------

fn with_countries(shipping: &str, billing: &str, store: &str) -> Result<Order, Error> {
    Order::builder(Currency::NOK, "ref")
        .line(shirt("a"))
        .shipping_address(Address::new().country(shipping))
        .billing_address(Address::new().country(billing))
        .store(Store::new("s-1").address(StoreAddress::new("Storgata 1", "Bergen", store)))
        .build()
}

#[test]
fn country_codes_are_checked_against_iso_3166_not_only_their_shape() {
    let err = with_countries("XX", "", "no").unwrap_err();
    assert_eq!(
        problems(&err),
        [
            (
                Rule::Format,
                "order.shipping_address.country".to_owned(),
                r#"order.shipping_address.country: expected an ISO 3166 alpha-2 country code, found "XX""#.to_owned()
            ),
            (
                Rule::Format,
                "order.billing_address.country".to_owned(),
                r#"order.billing_address.country: expected an ISO 3166 alpha-2 country code, found """#.to_owned()
            ),
            (
                Rule::Format,
                "order.store.address.country".to_owned(),
                r#"order.store.address.country: expected an ISO 3166 alpha-2 country code, found "no""#.to_owned()
            ),
        ]
    );
    let json = serde_json::to_string(&with_countries("NO", "SE", "DK").unwrap()).unwrap();
    assert!(
        json.contains(r#""shipping_address":{"country":"NO"},"billing_address":{"country":"SE"}"#),
        "{json}"
    );
}

#[test]
fn a_parsed_country_list_is_checked_the_same_way() {
    let body = br#"{"amount":100,"currency":"NOK","merchant_reference":"r","vat_amount":0,"items":[{"id":"a","line_id":"1","description":"A","quantity":1,"amount":100,"vat_amount":0,"vat":0}],"shipping_address":{"country":"UK"},"shipping_option":{"id":"mail","line_id":"mail","amount":0,"vat_amount":0,"vat":0,"operator":"Posten","title":"Mail","countries":["NO","XX"]}}"#;
    let err = Order::from_json(body).unwrap_err();
    let paths: Vec<(Rule, &str, &str)> = err
        .violations()
        .iter()
        .map(|v| (v.rule(), v.path(), v.found()))
        .collect();
    assert_eq!(
        paths,
        [
            (
                Rule::Format,
                "order.shipping_option.countries[1]",
                r#""XX""#
            ),
            (Rule::Format, "order.shipping_address.country", r#""UK""#),
        ]
    );
}
