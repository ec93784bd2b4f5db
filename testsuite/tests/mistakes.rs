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
            "order.items: expected discount 1 as a percentage in 0..=100 with at most 15 significant digits and 22 decimals, found 110",
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

// --- numeric product ids are taken ---------------------------------------------------------

#[derive(CheckoutItem)]
#[checkout(vat = 25)]
struct Numbered {
    #[checkout(id)]
    id: u64,
    #[checkout(line_id)]
    row: Option<u32>,
    #[checkout(description)]
    name: String,
    #[checkout(unit_price, minor_units)]
    price: i64,
}

fn numbered(id: u64, row: Option<u32>) -> Numbered {
    Numbered {
        id,
        row,
        name: "Stol".into(),
        price: 10000,
    }
}

#[test]
fn integer_ids_are_written_as_decimal_strings() {
    let order = Order::builder(Currency::NOK, "ref")
        .item(&numbered(42, Some(7)))
        .item(&numbered(18_446_744_073_709_551_615, None))
        .build()
        .unwrap();
    // 10000 at 25 %: vat 10000 - 8000 = 2000. The second line has no line_id of its own and
    // is numbered by its position.
    assert_eq!(
        serde_json::to_string(&order).unwrap(),
        r#"{"amount":20000,"currency":"NOK","merchant_reference":"ref","vat_amount":4000,"items":[{"id":"42","line_id":"7","description":"Stol","quantity":1,"amount":10000,"vat_amount":2000,"vat":25},{"id":"18446744073709551615","line_id":"2","description":"Stol","quantity":1,"amount":10000,"vat_amount":2000,"vat":25}]}"#
    );
    // The line it describes is the one with the id's text.
    assert_eq!(
        numbered(42, Some(7)).line(),
        Line::new(
            "42",
            "Stol",
            UnitPrice::minor(10000),
            VatRate::from_whole_percent(25).unwrap()
        )
        .line_id("7")
    );
    assert_eq!(
        format!("{:?}", numbered(42, None).line())
            .split(", ")
            .next(),
        Some(r#"Line { id: "42""#)
    );
}

#[test]
fn integer_line_ids_are_checked_like_text_ones() {
    let err = Order::builder(Currency::NOK, "ref")
        .item(&numbered(1, Some(7)))
        .item(&numbered(2, Some(7)))
        .build()
        .unwrap_err();
    assert_eq!(
        problems(&err),
        [(
            Rule::DuplicateLineId,
            "order.items[1].line_id".to_owned(),
            r#"order.items[1].line_id: expected a line_id not used by another line, found "7""#
                .to_owned()
        )]
    );
}

/// Every integer width, signed and unsigned, owned and borrowed.
#[derive(CheckoutItem)]
#[checkout(vat = 0)]
struct Widths<'a, I> {
    #[checkout(id)]
    id: I,
    #[checkout(line_id)]
    line: &'a i128,
    #[checkout(description)]
    name: &'a str,
    #[checkout(unit_price, minor_units)]
    price: u8,
}

#[test]
fn every_integer_type_and_references_to_them_serve_as_ids() {
    fn item<'a, I>(id: I, line: &'a i128) -> Box<dyn CheckoutItem + 'a>
    where
        Widths<'a, I>: CheckoutItem,
        I: 'a,
    {
        Box::new(Widths {
            id,
            line,
            name: "a",
            price: 1,
        })
    }
    let twelve = 12_u64;
    let items = [
        item(1_u8, &i128::MIN),
        item(2_u16, &i128::MAX),
        item(3_u32, &-5),
        item(u128::MAX, &0),
        item(5_usize, &1),
        item(-6_i8, &2),
        item(-7_i16, &3),
        item(-8_i32, &4),
        item(i64::MIN, &5),
        item(i128::MIN + 1, &6),
        item(-11_isize, &8),
        item(&twelve, &9),
        item(Box::<str>::from("text"), &10),
    ];
    let mut b = Order::builder(Currency::NOK, "ref");
    for item in &items {
        b = b.item(&**item);
    }
    let order = b.build().unwrap();
    let ids: Vec<(&str, &str)> = order
        .items()
        .iter()
        .map(|i| (i.id().unwrap(), i.line_id().unwrap()))
        .collect();
    assert_eq!(
        ids,
        [
            ("1", "-170141183460469231731687303715884105728"),
            ("2", "170141183460469231731687303715884105727"),
            ("3", "-5"),
            ("340282366920938463463374607431768211455", "0"),
            ("5", "1"),
            ("-6", "2"),
            ("-7", "3"),
            ("-8", "4"),
            ("-9223372036854775808", "5"),
            ("-170141183460469231731687303715884105727", "6"),
            ("-11", "8"),
            ("12", "9"),
            ("text", "10"),
        ]
    );
}
