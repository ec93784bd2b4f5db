//! Lines at the limits of `Decimal`, `i64` and `Quantity`, against an oracle in big integers
//! written here (num-bigint; it never calls the library's rounding): every line has exactly
//! the oracle's amounts or is refused with a typed error, never a panic. Tests build with
//! overflow checks on, so an unchecked `*`, `+` or `-` that overflows fails them.
//!
//! And the other half of "every value that exists serializes": every order the builder
//! accepts serializes and parses back equal, discount percentages and unit measures
//! included.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::cmp::Ordering;

use dintero_order::{
    Currency, Discount, DiscountLine, Line, LineAmountError, Money, Order, OrderItem, Quantity,
    Rounding, Rule, UnitPrice, VatRate,
};
use num_bigint::{BigInt, BigUint, Sign};
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

// ---------------------------------------------------------------------------------------------
// The oracle
// ---------------------------------------------------------------------------------------------

/// The largest line amount the library computes, in minor units either side of zero.
const LIMIT: u64 = 1 << 53;

/// `n / d` rounded to an integer, `d > 0`: the magnitude's quotient and remainder, then the
/// remainder doubled against the divisor.
fn round(n: &BigInt, d: &BigInt, half_even: bool) -> BigInt {
    assert_eq!(
        d.sign(),
        Sign::Plus,
        "the oracle divides by a positive number only"
    );
    let (quotient, remainder) = (n.magnitude() / d.magnitude(), n.magnitude() % d.magnitude());
    let up = match (remainder * 2_u32).cmp(d.magnitude()) {
        Ordering::Less => false,
        Ordering::Greater => true,
        Ordering::Equal => !half_even || quotient.bit(0),
    };
    let magnitude = if up { quotient + 1_u32 } else { quotient };
    BigInt::from_biguint(n.sign(), magnitude)
}

fn ten_to(power: u32) -> BigInt {
    BigInt::from(10).pow(power)
}

/// A unit price as the test gives it.
#[derive(Debug, Clone, Copy)]
enum Price {
    Major(Decimal),
    Minor(i64),
}

impl Price {
    fn unit_price(self, net: bool) -> UnitPrice {
        let price = match self {
            Price::Major(major) => UnitPrice::major(major),
            Price::Minor(minor) => UnitPrice::minor(minor),
        };
        if net { price.net() } else { price }
    }

    /// The price in major units as `mantissa / 10^scale`.
    fn rational(self, exponent: u32) -> (BigInt, u32) {
        match self {
            Price::Major(major) => (BigInt::from(major.mantissa()), major.scale()),
            Price::Minor(minor) => (BigInt::from(minor), exponent),
        }
    }
}

/// One line's inputs.
#[derive(Debug, Clone, Copy)]
struct Case {
    price: Price,
    quantity: Decimal,
    hundredths: u16,
    currency: Currency,
    net: bool,
    half_even: bool,
}

impl Case {
    fn rounding(&self) -> Rounding {
        if self.half_even {
            Rounding::HalfEven
        } else {
            Rounding::HalfAwayFromZero
        }
    }

    fn rate(&self) -> VatRate {
        VatRate::from_hundredths(self.hundredths).unwrap()
    }

    fn quantity(&self) -> Quantity {
        Quantity::new(self.quantity).unwrap()
    }

    /// (amount, vat_amount) by the documented arithmetic, or the overflow past [`LIMIT`].
    fn expected(&self) -> Result<(i64, i64), LineAmountError> {
        let exponent = u32::from(self.currency.exponent());
        let (price, price_scale) = self.price.rational(exponent);
        // price × quantity × 10^exponent minor units, over 10^(price scale + quantity scale).
        let numerator = price * BigInt::from(self.quantity.mantissa()) * ten_to(exponent);
        let denominator = ten_to(price_scale + self.quantity.scale());
        let total = round(&numerator, &denominator, self.half_even);
        let limit = BigUint::from(LIMIT);
        if total.magnitude() > &limit {
            return Err(LineAmountError::Overflow);
        }
        let rate = BigInt::from(self.hundredths);
        let ten_thousand = BigInt::from(10_000);
        let (amount, vat) = if self.net {
            let vat = round(&(&total * &rate), &ten_thousand, self.half_even);
            (&total + &vat, vat)
        } else {
            let net = round(
                &(&total * &ten_thousand),
                &(&ten_thousand + &rate),
                self.half_even,
            );
            (total.clone(), &total - net)
        };
        if amount.magnitude() > &limit {
            return Err(LineAmountError::Overflow);
        }
        Ok((
            i64::try_from(&amount).unwrap(),
            i64::try_from(&vat).unwrap(),
        ))
    }

    fn line_amounts(&self) -> Result<(i64, i64), LineAmountError> {
        self.price
            .unit_price(self.net)
            .line_amounts(self.quantity(), self.rate(), self.currency, self.rounding())
            .map(|amounts| (amounts.amount(), amounts.vat_amount()))
    }

    fn build(&self) -> Result<Order, dintero_order::Error> {
        let line = Line::new("sku", "Item", self.price.unit_price(self.net), self.rate())
            .quantity(self.quantity);
        Order::builder(self.currency, "limits")
            .line(line)
            .rounding(self.rounding())
            .build()
    }
}

/// The builder's problems as `(rule, "path: expected …, found …")`, sorted.
fn problems(error: &dintero_order::Error) -> Vec<(Rule, String)> {
    let mut problems: Vec<_> = error
        .violations()
        .iter()
        .map(|v| (v.rule(), v.to_string()))
        .collect();
    problems.sort_by(|a, b| a.1.cmp(&b.1));
    problems
}

const LINE_TOO_LARGE: &str = "order.items[0].amount: expected unit price × quantity within \
                              range, found a line total too large to represent";

/// Checks one case: `line_amounts` is the oracle's, and the builder gives that line or says
/// exactly why not; an order it builds serializes and parses back equal.
fn check(case: &Case) -> Result<(), TestCaseError> {
    let expected = case.expected();
    prop_assert_eq!(case.line_amounts(), expected, "{:?}", case);
    let built = case.build();
    let (amount, vat) = match expected {
        Err(_) => {
            let error = built.expect_err("a line past the limit is refused");
            prop_assert_eq!(
                problems(&error),
                [(Rule::Overflow, LINE_TOO_LARGE.to_owned())],
                "{:?}",
                case
            );
            return Ok(());
        }
        Ok(amounts) => amounts,
    };
    // What an order of this one line breaks: a negative amount on an ordinary line, and
    // Dintero's int32 totals.
    let int32 = |value: i64| i32::try_from(value).is_ok();
    let mut broken = Vec::new();
    if amount < 0 {
        broken.push((
            Rule::NegativeAmount,
            format!(
                "order.items[0].amount: expected an amount of 0 or more (only gift_card and \
                 surcharge lines may be negative), found {amount}"
            ),
        ));
        broken.push((
            Rule::NegativeAmount,
            format!("order.amount: expected an amount of 0 or more, found {amount}"),
        ));
    }
    if !int32(amount) {
        broken.push((
            Rule::Int32Range,
            format!(
                "order.amount: expected an amount that fits Dintero's int32 (at most \
                 2147483647), found {amount}"
            ),
        ));
    }
    if !int32(vat) {
        broken.push((
            Rule::Int32Range,
            format!(
                "order.vat_amount: expected an amount that fits Dintero's int32 (at most \
                 2147483647), found {vat}"
            ),
        ));
    }
    broken.sort_by(|a, b| a.1.cmp(&b.1));
    match built {
        Ok(order) => {
            prop_assert!(broken.is_empty(), "{:?} built despite {:?}", case, broken);
            let item = &order.items()[0];
            prop_assert_eq!((item.amount(), item.vat_amount()), (amount, Some(vat)));
            check_round_trip(&order)?;
        }
        Err(error) => prop_assert_eq!(problems(&error), broken, "{:?}", case),
    }
    Ok(())
}

/// The order serializes, and both parsers read the same order back from what it wrote.
fn check_round_trip(order: &Order) -> Result<(), TestCaseError> {
    let body = serde_json::to_string(order)
        .map_err(|e| TestCaseError::fail(format!("built but not serializable: {e}")))?;
    let parsed = Order::from_json(body.as_bytes())
        .map_err(|e| TestCaseError::fail(format!("{body} does not parse back: {e}")))?;
    prop_assert_eq!(&parsed, order);
    let via_serde: Order = serde_json::from_str(&body)
        .map_err(|e| TestCaseError::fail(format!("{body} does not parse back: {e}")))?;
    prop_assert_eq!(&via_serde, order);
    prop_assert_eq!(serde_json::to_string(&parsed).ok(), Some(body));
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// The edges
// ---------------------------------------------------------------------------------------------

fn decimal(text: &str) -> Decimal {
    text.parse().unwrap()
}

/// Prices at the ends of what `Decimal` and `i64` hold, and at the usual sizes.
fn edge_prices() -> Vec<Price> {
    let mut prices: Vec<Price> = [
        Decimal::MAX,
        Decimal::MIN,
        // The smallest positive decimal, and 28 decimals of every size.
        Decimal::new(1, 28),
        Decimal::new(-1, 28),
        Decimal::new(5, 28),
        decimal("0.9999999999999999999999999999"),
        decimal("7.9228162514264337593543950335"),
        decimal("-7.9228162514264337593543950335"),
        Decimal::new(i64::MAX, 28),
        dec!(100) / dec!(3),
        dec!(-100) / dec!(3),
        dec!(2) / dec!(3),
        Decimal::from(i64::MAX),
        Decimal::from(i64::MIN),
        // Just past what an i64 mantissa holds.
        Decimal::from_i128_with_scale(i128::from(i64::MAX) + 1, 0),
        Decimal::from_i128_with_scale(i128::from(i64::MAX) + 1, 20),
        Decimal::from(LIMIT) / dec!(100),
        dec!(0),
        dec!(299.90),
        dec!(0.125),
        dec!(0.005),
        dec!(1e-22),
    ]
    .into_iter()
    .map(Price::Major)
    .collect();
    let minor = [
        i64::MAX,
        i64::MIN,
        i64::MIN + 1,
        0,
        1,
        -1,
        1 << 53,
        (1 << 53) + 1,
    ];
    prices.extend(minor.map(Price::Minor));
    prices
}

/// Quantities at the ends of what a `Quantity` holds (15 significant digits, 22 decimals).
fn edge_quantities() -> Vec<Decimal> {
    [
        "1",
        "999999999999999",
        "0.0000000000000000000001",
        "0.0000000999999999999999",
        "0.123456789012345",
        "1.23456789",
        "0.999999999999999",
        "99999999999999.9",
        "0.5",
        "2.5",
        "3",
    ]
    .map(decimal)
    .to_vec()
}

const RATES: [u16; 6] = [0, 100, 1200, 2500, 2550, 10_000];

/// Currencies with 0, 2, 3 and 4 decimals.
const CURRENCIES: [Currency; 4] = [Currency::JPY, Currency::NOK, Currency::KWD, Currency::CLF];

#[test]
fn lines_at_the_limits_are_exact_or_refused_never_a_panic() {
    let mut checked = 0;
    let mut refused = 0;
    for price in edge_prices() {
        for quantity in edge_quantities() {
            for hundredths in RATES {
                for currency in CURRENCIES {
                    for net in [false, true] {
                        for half_even in [false, true] {
                            let case = Case {
                                price,
                                quantity,
                                hundredths,
                                currency,
                                net,
                                half_even,
                            };
                            check(&case).unwrap();
                            checked += 1;
                            refused += usize::from(case.expected().is_err());
                        }
                    }
                }
            }
        }
    }
    assert_eq!(checked, 30 * 11 * 6 * 4 * 2 * 2);
    // Both outcomes are well represented.
    assert!(
        refused > checked / 5 && refused < checked * 4 / 5,
        "{refused} of {checked}"
    );
}

#[test]
fn a_net_line_past_i128_is_an_overflow_error_in_debug_builds() {
    // Issue 13: i64::MAX NOK net × 999 999 999 999 999 multiplied past i128 in the VAT step.
    let quantity = Quantity::new(dec!(999999999999999)).unwrap();
    let rate = VatRate::from_whole_percent(25).unwrap();
    for price in [Decimal::from(i64::MAX), Decimal::MAX, Decimal::MIN] {
        for unit_price in [UnitPrice::major(price), UnitPrice::major(price).net()] {
            let amounts =
                unit_price.line_amounts(quantity, rate, Currency::NOK, Rounding::HalfEven);
            assert_eq!(amounts, Err(LineAmountError::Overflow), "{price}");
            let error = Order::builder(Currency::NOK, "o")
                .line(Line::new("a", "A", unit_price, rate).quantity(dec!(999999999999999)))
                .build()
                .unwrap_err();
            assert_eq!(
                problems(&error),
                [(Rule::Overflow, LINE_TOO_LARGE.to_owned())]
            );
        }
    }
    assert_eq!(
        LineAmountError::Overflow.to_string(),
        "unit price × quantity is out of range"
    );
}

#[test]
fn lines_with_39_or_more_decimals_are_computed_exactly() {
    // Issue 13: price and quantity with about 39 decimals together were refused as "too
    // large" although the totals are small.
    let gross = |price: Decimal, quantity: &str| {
        let rate = VatRate::from_whole_percent(25).unwrap();
        let line = Line::new("a", "A", UnitPrice::major(price), rate).quantity(decimal(quantity));
        let order = Order::builder(Currency::NOK, "o")
            .line(line)
            .build()
            .unwrap();
        (order.items()[0].amount(), order.items()[0].vat_amount())
    };
    // 33.333333333333333333333333333 × 0.123456789012345 = 4.1152263004114999… NOK.
    assert_eq!(
        gross(dec!(100) / dec!(3), "0.123456789012345"),
        (412, Some(82))
    );
    // 7.9228162514264337593543950335 × 1.23456789 = 9.7812545423812… NOK.
    let max_at_28 = decimal("7.9228162514264337593543950335");
    assert_eq!(gross(max_at_28, "1.23456789"), (978, Some(196)));
    // 1e-22 × 1e-22 NOK is 1e-42 NOK: nothing.
    assert_eq!(gross(dec!(1e-22), "0.0000000000000000000001"), (0, Some(0)));
    // The same through the oracle, for both pricings and roundings.
    for (price, quantity) in [
        (dec!(100) / dec!(3), "0.123456789012345"),
        (max_at_28, "1.23456789"),
        (dec!(1e-22), "0.0000000000000000000001"),
        (Decimal::new(1, 28), "0.0000000000000000000001"),
    ] {
        for (net, half_even) in [(false, false), (false, true), (true, false), (true, true)] {
            let case = Case {
                price: Price::Major(price),
                quantity: decimal(quantity),
                hundredths: 2500,
                currency: Currency::NOK,
                net,
                half_even,
            };
            check(&case).unwrap();
            assert!(case.expected().is_ok(), "{case:?}");
        }
    }
}

#[test]
fn ties_and_near_ties_past_i64_round_by_the_rule() {
    let amount = |price: &str, quantity: &str, rounding| {
        UnitPrice::major(decimal(price))
            .line_amounts(
                Quantity::new(decimal(quantity)).unwrap(),
                VatRate::ZERO,
                Currency::NOK,
                rounding,
            )
            .map(|a| a.amount())
    };
    let (away, even) = (Rounding::HalfAwayFromZero, Rounding::HalfEven);
    // 0.5 øre written with 28 decimals (a mantissa past i64): a tie, each rule its own way.
    let half_ore = "0.0050000000000000000000000000";
    assert_eq!(amount(half_ore, "1", away), Ok(1));
    assert_eq!(amount(half_ore, "1", even), Ok(0));
    assert_eq!(amount(half_ore, "3", even), Ok(2)); // 1.5 øre
    assert_eq!(amount(&format!("-{half_ore}"), "3", even), Ok(-2));
    assert_eq!(amount(&format!("-{half_ore}"), "1", away), Ok(-1));
    // 1e-28 NOK more, times a quantity just above 1: 0.50000…0001 øre, 40 digits past the
    // point (past i128), above the half for both rules.
    let above = "0.0050000000000000000000000001";
    assert_eq!(amount(above, "1.00000000000001", away), Ok(1));
    assert_eq!(amount(above, "1.00000000000001", even), Ok(1));
    // And 1e-28 NOK less: below the half for both.
    let below = "0.0049999999999999999999999999";
    assert_eq!(amount(below, "1.00000000000001", away), Ok(1));
    assert_eq!(amount(below, "1", away), Ok(0));
    assert_eq!(amount(below, "1", even), Ok(0));
}

#[test]
fn discounts_over_lines_at_the_limits_are_exact_or_refused_never_a_panic() {
    let discounts = [
        Discount::percent(dec!(0)),
        Discount::percent(dec!(100)),
        Discount::percent(dec!(33.3333333333333)),
        Discount::percent(dec!(1e-22)),
        Discount::percent(dec!(99.9999999999999)),
        Discount::amount(Money::from_minor(0, Currency::NOK)),
        Discount::amount(Money::from_minor(1, Currency::NOK)),
        Discount::amount(Money::from_minor(i64::MAX, Currency::NOK)),
        Discount::amount(Money::from_minor(i64::MIN, Currency::NOK)),
    ];
    let expected_total = |discount: usize, base: i128, half_even: bool| -> i128 {
        let percent = |p: BigInt, scale: u32| {
            let exact = round(&(BigInt::from(base) * p), &ten_to(scale + 2), half_even);
            i128::try_from(&exact).unwrap()
        };
        match discount {
            0 => 0,
            1 => base,
            2 => percent(BigInt::from(333_333_333_333_333_i64), 13),
            3 => percent(BigInt::from(1), 22),
            4 => percent(BigInt::from(999_999_999_999_999_i64), 13),
            5 => 0,
            6 => 1,
            7 => i128::from(i64::MAX),
            _ => i128::from(i64::MIN),
        }
    };
    let mut built = 0;
    for price in edge_prices() {
        for quantity in ["1", "0.5", "999999999999999", "0.123456789012345"].map(decimal) {
            for (number, discount) in discounts.iter().enumerate() {
                for half_even in [false, true] {
                    let rounding = if half_even {
                        Rounding::HalfEven
                    } else {
                        Rounding::HalfAwayFromZero
                    };
                    let vat = VatRate::from_whole_percent(25).unwrap();
                    let line = |sku| {
                        Line::new(sku, "Item", price.unit_price(false), vat)
                            .quantity(quantity)
                            .eligible_for_discount(true)
                    };
                    let result = Order::builder(Currency::NOK, "o")
                        .line(line("a"))
                        .line(line("b"))
                        .discount(discount.clone())
                        .rounding(rounding)
                        .build();
                    let Ok(order) = result else {
                        continue;
                    };
                    // It built, so each line's amounts did too; the discount took exactly its
                    // total from the two.
                    let line_amount = price
                        .unit_price(false)
                        .line_amounts(
                            Quantity::new(quantity).unwrap(),
                            vat,
                            Currency::NOK,
                            rounding,
                        )
                        .unwrap()
                        .amount();
                    let base = 2 * i128::from(line_amount);
                    let after: i128 = order.items().iter().map(|i| i128::from(i.amount())).sum();
                    assert_eq!(
                        base - after,
                        expected_total(number, base, half_even),
                        "{price:?} × {quantity}, discount {number}"
                    );
                    assert!(order.items().iter().all(|item| item.amount() >= 0));
                    check_round_trip(&order).unwrap();
                    built += 1;
                }
            }
        }
    }
    assert!(built > 100, "{built}");
}

// ---------------------------------------------------------------------------------------------
// Random lines near the limits
// ---------------------------------------------------------------------------------------------

/// A decimal with `digits` random significant digits (0..=29) at a random scale, either sign.
fn any_decimal() -> impl Strategy<Value = Decimal> {
    (0_u32..=29, 0_u32..=28, any::<bool>()).prop_flat_map(|(digits, scale, negative)| {
        let top = 10_i128.pow(digits).min(Decimal::MAX.mantissa());
        (0..=top).prop_map(move |mantissa| {
            let mantissa = if negative { -mantissa } else { mantissa };
            Decimal::from_i128_with_scale(mantissa, scale)
        })
    })
}

fn price_strategy() -> impl Strategy<Value = Price> {
    prop_oneof![
        3 => any_decimal().prop_map(Price::Major),
        1 => any::<i64>().prop_map(Price::Minor),
        1 => proptest::sample::select(edge_prices()),
    ]
}

/// Any quantity: 1..=15 digits at scale 0..=22.
fn quantity_strategy() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        3 => (1_u32..=15, 0_u32..=22).prop_flat_map(|(digits, scale)| {
            (1..10_i64.pow(digits)).prop_map(move |mantissa| Decimal::new(mantissa, scale))
        }),
        1 => proptest::sample::select(edge_quantities()),
    ]
}

fn case_strategy() -> impl Strategy<Value = Case> {
    (
        price_strategy(),
        quantity_strategy(),
        proptest::sample::select(RATES.to_vec()),
        proptest::sample::select(CURRENCIES.to_vec()),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(price, quantity, hundredths, currency, net, half_even)| Case {
                price,
                quantity,
                hundredths,
                currency,
                net,
                half_even,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Any price `Decimal` or `i64` can hold, times any quantity, is the oracle's line or an
    /// overflow error; never a panic, never "too large" for a small total.
    #[test]
    fn lines_near_the_limits_match_the_big_integer_oracle(case in case_strategy()) {
        check(&case)?;
    }
}

// ---------------------------------------------------------------------------------------------
// Every order the builder accepts serializes and parses back equal
// ---------------------------------------------------------------------------------------------

const PERCENT_EXPECTED: &str =
    "a percentage in 0..=100 with at most 15 significant digits and 22 decimals";

fn percent_order(percent: Decimal) -> Result<Order, dintero_order::Error> {
    let vat = VatRate::from_whole_percent(25).unwrap();
    Order::builder(Currency::NOK, "o")
        .line(Line::new("a", "A", UnitPrice::minor(10_000), vat).eligible_for_discount(true))
        .line(Line::new("b", "B", UnitPrice::minor(20_000), vat).eligible_for_discount(true))
        .discount(Discount::percent(percent))
        .build()
}

#[test]
fn a_discount_percentage_must_be_a_number_the_order_can_write() {
    // Issue 13: 100/3 % built, and then the order could not be serialized.
    for (percent, found) in [
        (dec!(100) / dec!(3), "33.333333333333333333333333333"),
        (dec!(1e-23), "0.00000000000000000000001"),
        (decimal("12.3456789012345678"), "12.3456789012345678"),
        (dec!(100.01), "100.01"),
        (dec!(-1), "-1"),
    ] {
        let error = percent_order(percent).unwrap_err();
        assert_eq!(
            problems(&error),
            [(
                Rule::Discount,
                format!("order.items: expected discount 1 as {PERCENT_EXPECTED}, found {found}")
            )],
            "{percent}"
        );
    }
    // As many digits as a JSON number keeps: applied exactly, written, read back.
    for (percent, amounts) in [
        (dec!(33.3333333333333), [6667, 13333]),
        (dec!(0.0016666666666667), [10_000, 19_999]),
        (decimal("12.50000000000000000000000000"), [8750, 17500]),
        (dec!(100), [0, 0]),
    ] {
        let order = percent_order(percent).unwrap();
        let got: Vec<i64> = order.items().iter().map(OrderItem::amount).collect();
        assert_eq!(got, amounts, "{percent}");
        let json: serde_json::Value = serde_json::to_value(&order).unwrap();
        let written = json["items"][1]["discount_lines"][0]["percentage"].to_string();
        assert_eq!(
            Decimal::from_scientific(&written).or_else(|_| written.parse()),
            Ok(percent)
        );
        check_round_trip(&order).unwrap();
    }
    // A percentage too small to take a unit off leaves no discount line to write.
    let order = percent_order(dec!(1e-22)).unwrap();
    assert!(
        order
            .items()
            .iter()
            .all(|item| item.discount_lines().is_empty())
    );
}

#[test]
fn parsed_discount_percentages_and_unit_measures_must_be_writable() {
    // Issue 13: these parsed, and the value read could not be written again.
    let expected = "a number with at most 15 significant digits and 22 decimals";
    for percentage in ["33.33333333333333333333", "1e-23", "12.3456789012345678"] {
        let json = format!(r#"{{"amount":100,"percentage":{percentage}}}"#);
        let message = serde_json::from_str::<DiscountLine>(&json)
            .unwrap_err()
            .to_string();
        assert!(
            message.starts_with("invalid value: number ")
                && message.contains(&format!(", expected {expected} at line 1")),
            "{message}"
        );
        let body = format!(
            r#"{{"amount":900,"currency":"NOK","merchant_reference":"o","vat_amount":0,
            "items":[{{"id":"a","line_id":"1","description":"A","quantity":1,"amount":900,
            "vat_amount":0,"vat":0,"discount_lines":[{{"amount":100,"percentage":{percentage}}}]}}]}}"#
        );
        let error = Order::from_json(body.as_bytes()).unwrap_err();
        let paths: Vec<(Rule, &str, &str)> = error
            .violations()
            .iter()
            .map(|v| (v.rule(), v.path(), v.expected()))
            .collect();
        assert_eq!(
            paths,
            [(
                Rule::Discount,
                "order.items[0].discount_lines[0].percentage",
                expected
            )],
            "{percentage}"
        );
    }
    for measure in ["unit_weight", "unit_volume", "unit_dimensional_weight"] {
        let json = format!(r#"{{"amount":100,"{measure}":1e-23}}"#);
        let message = serde_json::from_str::<OrderItem>(&json)
            .unwrap_err()
            .to_string();
        assert_eq!(
            message,
            format!(
                "invalid value: number 0.00000000000000000000001, expected {expected} at line 1 \
                 column {}",
                json.len()
            )
        );
    }
    // What can be written still reads, exactly.
    let line: DiscountLine =
        serde_json::from_str(r#"{"amount":100,"percentage":33.3333333333333}"#).unwrap();
    assert_eq!(line.percentage(), Some(dec!(33.3333333333333)));
    assert_eq!(
        serde_json::to_string(&line).unwrap(),
        r#"{"amount":100,"percentage":33.3333333333333}"#
    );
}

/// A value with random digits (1..=20) at a random scale (0..=24): some fit a JSON number,
/// some do not.
fn measure_strategy() -> impl Strategy<Value = Decimal> {
    (1_u32..=20, 0_u32..=24).prop_flat_map(|(digits, scale)| {
        (0..10_i128.pow(digits))
            .prop_map(move |mantissa| Decimal::from_i128_with_scale(mantissa, scale))
    })
}

/// A percentage in 0..=100 with 1..=20 digits at scale 0..=24: mostly one a discount may
/// have, sometimes one with too many digits.
fn percent_strategy() -> impl Strategy<Value = Decimal> {
    (1_u32..=20, 0_u32..=24).prop_flat_map(|(digits, scale)| {
        let top = 10_i128.pow(digits).min(100 * 10_i128.pow(scale));
        (0..=top).prop_map(move |mantissa| Decimal::from_i128_with_scale(mantissa, scale))
    })
}

#[derive(Debug, Clone)]
struct OrderSpec {
    lines: Vec<(Case, Option<Decimal>, Option<Decimal>, bool)>,
    percent: Option<Decimal>,
    amount_off: Option<i64>,
    half_even: bool,
}

fn order_spec_strategy() -> impl Strategy<Value = OrderSpec> {
    let line = (
        case_strategy(),
        proptest::option::of(measure_strategy()),
        proptest::option::of(measure_strategy()),
        proptest::bool::weighted(0.75),
    );
    (
        proptest::collection::vec(line, 1..4),
        proptest::option::of(prop_oneof![
            3 => percent_strategy(),
            1 => measure_strategy(),
            1 => any_decimal(),
        ]),
        proptest::option::of(0_i64..1_000),
        any::<bool>(),
    )
        .prop_map(|(lines, percent, amount_off, half_even)| OrderSpec {
            lines,
            percent,
            amount_off,
            half_even,
        })
}

fn build_spec(spec: &OrderSpec) -> Result<Order, dintero_order::Error> {
    let rounding = if spec.half_even {
        Rounding::HalfEven
    } else {
        Rounding::HalfAwayFromZero
    };
    let mut builder = Order::builder(Currency::NOK, "props").rounding(rounding);
    for (index, (case, weight, volume, eligible)) in spec.lines.iter().enumerate() {
        // Prices and quantities brought into what an order holds, with all their digits.
        let price = match case.price {
            Price::Major(major) => UnitPrice::major(major.abs() % dec!(10000)),
            Price::Minor(minor) => UnitPrice::minor(minor.rem_euclid(10_000_000)),
        };
        let price = if case.net { price.net() } else { price };
        let quantity = if case.quantity > dec!(100) {
            case.quantity % dec!(100) + dec!(1)
        } else {
            case.quantity
        };
        let mut line = Line::new(format!("sku-{index}"), "Item", price, case.rate())
            .quantity(quantity)
            .eligible_for_discount(*eligible);
        if let Some(weight) = weight {
            line = line.unit_weight(*weight);
        }
        if let Some(volume) = volume {
            line = line.unit_volume(*volume);
        }
        builder = builder.line(line);
    }
    if let Some(percent) = spec.percent {
        builder = builder.discount(Discount::percent(percent));
    }
    if let Some(minor) = spec.amount_off {
        builder = builder.discount(Discount::amount(Money::from_minor(minor, Currency::NOK)));
    }
    builder.build()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// The principle: every value that exists serializes, and what the crate emits it parses
    /// back. An order is refused at `build` for what it could not write, never at
    /// `serde_json::to_string`.
    #[test]
    fn every_order_the_builder_accepts_serializes_and_parses_back_equal(
        spec in order_spec_strategy(),
    ) {
        match build_spec(&spec) {
            Ok(order) => check_round_trip(&order)?,
            Err(error) => {
                // Refusals name what is wrong with an input, never a failure to write.
                for violation in error.violations() {
                    prop_assert!(
                        violation.rule() != Rule::Type,
                        "{:?}: {}",
                        spec,
                        violation
                    );
                }
            }
        }
    }
}
