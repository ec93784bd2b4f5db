//! Builder inputs at the limits of `Decimal` and `i64`, in the test profile (overflow checks
//! on): prices, quantities, VAT rates, discounts, stated totals, partial payments, many
//! lines, and nesting in the free-form parts of a session.
//!
//! The invariant everywhere: no panic; either `Ok`, whose JSON serializes and parses back to
//! the same value, or a typed error with 1 to 100 problems. Lines have an oracle as well: the
//! exact amount of `unit_price × quantity` computed here with digit strings (no limit on
//! digits), rounded as documented, with the VAT rule on top. A line whose exact amounts are
//! within Dintero's limits must build with exactly those amounts; one outside them must be
//! refused.
//!
//! | class | default | with `HOSTILE_CASES=N` |
//! | --- | ---: | ---: |
//! | `line_amounts_at_the_limits` | 400 | N |
//! | `every_edge_price_times_every_edge_quantity` (exhaustive) | 7 776 | same |
//! | `discounts_at_the_limits` | 200 | N |
//! | `stated_totals_and_partial_payments_at_the_limits` | 200 | N |
//! | `value_constructors_at_the_limits` | 400 | N |
//! | `many_lines_past_the_limits` | 6 | N / 5000 |
//! | `nesting_the_builder_accepts_parses_back` | 14 depths × 3 places | same |
//!
//! Run it in the test profile: `--release` turns overflow checks off.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod hostile;

use dintero_order::{
    Configuration, Currency, Customer, Discount, Error, Line, Money, Order, Quantity, Rounding,
    SessionProfile, Shipping, UnitPrice, VatRate,
};
use hostile::{MAX_PROBLEMS, cases, clip, run};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// The typed-error side of the invariant: 1 to 100 problems, each with a path in the order.
fn typed(error: &Error) -> Result<(), String> {
    let n = error.violations().len();
    if !(1..=MAX_PROBLEMS).contains(&n) {
        return Err(format!(
            "an error with {n} problems: {}",
            clip(&error.to_string(), 600)
        ));
    }
    if let Some(v) = error.violations().iter().find(|v| v.path().is_empty()) {
        return Err(format!("a problem without a path: {v}"));
    }
    Ok(())
}

/// The `Ok` side: the order serializes, parses back to the same order, and serializes to
/// the same bytes again.
fn round_trips(order: &Order) -> Result<(), String> {
    let bytes = serde_json::to_vec(order).map_err(|e| {
        format!(
            "a built order does not serialize: {e}\n{}",
            clip(&format!("{order:?}"), 1500)
        )
    })?;
    let back = Order::from_json(&bytes).map_err(|e| {
        format!(
            "a built order does not parse back: {}\n{}",
            clip(&e.to_string(), 800),
            hostile::show(&bytes)
        )
    })?;
    if &back != order {
        return Err(format!(
            "a built order parses back to another order: {}",
            hostile::show(&bytes)
        ));
    }
    let again = serde_json::to_vec(&back).map_err(|e| e.to_string())?;
    if again != bytes {
        return Err("serializing twice gives other bytes".to_owned());
    }
    Ok(())
}

/// Either invariant, whichever `result` is.
fn ok_or_typed(result: &Result<Order, Error>) -> Result<(), String> {
    match result {
        Ok(order) => round_trips(order),
        Err(error) => typed(error),
    }
}

// ---------------------------------------------------------------------------------------
// The oracle: exact line amounts with digit strings.

/// `a × b` for non-negative integers written in decimal digits.
fn multiply(a: &str, b: &str) -> String {
    let a: Vec<u32> = a.bytes().rev().map(|d| u32::from(d - b'0')).collect();
    let b: Vec<u32> = b.bytes().rev().map(|d| u32::from(d - b'0')).collect();
    let mut out = vec![0_u32; a.len() + b.len()];
    for (i, x) in a.iter().enumerate() {
        let mut carry = 0;
        for (j, y) in b.iter().enumerate() {
            let cell = out[i + j] + x * y + carry;
            out[i + j] = cell % 10;
            carry = cell / 10;
        }
        let mut k = i + b.len();
        while carry > 0 {
            let cell = out[k] + carry;
            out[k] = cell % 10;
            carry = cell / 10;
            k += 1;
        }
    }
    let text: String = out
        .iter()
        .rev()
        .map(|d| char::from(b'0' + *d as u8))
        .collect();
    let trimmed = text.trim_start_matches('0');
    if trimmed.is_empty() {
        "0".to_owned()
    } else {
        trimmed.to_owned()
    }
}

/// `round(digits × 10^-shift)` for a non-negative integer in digits, as a magnitude; `None`
/// when it has more than 30 digits (far past every limit).
fn round_shifted(digits: &str, shift: i64, rounding: Rounding) -> Option<i128> {
    if shift <= 0 {
        let zeros = usize::try_from(-shift).ok()?;
        if digits == "0" {
            return Some(0);
        }
        if digits.len() + zeros > 30 {
            return None;
        }
        return format!("{digits}{}", "0".repeat(zeros)).parse().ok();
    }
    let shift = usize::try_from(shift).ok()?;
    let padded = if digits.len() <= shift {
        format!("{}{digits}", "0".repeat(shift + 1 - digits.len()))
    } else {
        digits.to_owned()
    };
    let (whole, rest) = padded.split_at(padded.len() - shift);
    if whole.trim_start_matches('0').len() > 30 {
        return None;
    }
    let whole: i128 = whole.parse().ok()?;
    let first = rest.as_bytes()[0];
    let after_zero = rest[1..].bytes().all(|b| b == b'0');
    let up = match first.cmp(&b'5') {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Equal if !after_zero => true,
        std::cmp::Ordering::Equal => match rounding {
            Rounding::HalfEven => whole % 2 == 1,
            _ => true,
        },
    };
    Some(whole + i128::from(up))
}

/// `round(n / d)` for `d > 0`, ties as `rounding` says.
fn round_div(n: i128, d: i128, rounding: Rounding) -> i128 {
    let (q, r) = (n.div_euclid(d), n.rem_euclid(d));
    // n / d = q + r/d with 0 ≤ r < d.
    match (2 * r).cmp(&d) {
        std::cmp::Ordering::Less => q,
        std::cmp::Ordering::Greater => q + 1,
        std::cmp::Ordering::Equal => match rounding {
            Rounding::HalfEven => {
                if q % 2 == 0 {
                    q
                } else {
                    q + 1
                }
            }
            // Away from zero: up for a positive value, down (q) for a negative one.
            _ => {
                if n >= 0 {
                    q + 1
                } else {
                    q
                }
            }
        },
    }
}

/// A price as the oracle reads it: sign, digits of the magnitude, and its power of ten in
/// minor units (a minor price has power 0; a major one `exponent - scale`).
#[derive(Debug, Clone, Copy)]
enum Price {
    Minor(i64),
    Major(Decimal),
}

impl Price {
    fn unit_price(self, net: bool) -> UnitPrice {
        let price = match self {
            Price::Minor(minor) => UnitPrice::minor(minor),
            Price::Major(major) => UnitPrice::major(major),
        };
        if net { price.net() } else { price }
    }
}

/// Whether a quantity is one the crate takes: more than 0, at most 15 significant digits
/// and 22 decimals.
fn quantity_is_valid(quantity: Decimal) -> bool {
    let normal = quantity.normalize();
    quantity > Decimal::ZERO && normal.mantissa() < 1_000_000_000_000_000 && normal.scale() <= 22
}

/// The line's exact (amount, vat_amount), or `None` when the amount has more than 30 digits.
fn expected_amounts(
    price: Price,
    quantity: Decimal,
    rate: VatRate,
    net: bool,
    currency: Currency,
    rounding: Rounding,
) -> Option<(i128, i128)> {
    let quantity = quantity.normalize();
    let exponent = i64::from(currency.exponent());
    let (negative, digits, price_shift) = match price {
        Price::Minor(minor) => (minor < 0, minor.unsigned_abs().to_string(), 0),
        Price::Major(major) => (
            major.is_sign_negative() && !major.is_zero(),
            major.mantissa().unsigned_abs().to_string(),
            i64::from(major.scale()) - exponent,
        ),
    };
    let product = multiply(&digits, &quantity.mantissa().unsigned_abs().to_string());
    let shift = price_shift + i64::from(quantity.scale());
    let magnitude = round_shifted(&product, shift, rounding)?;
    let total = if negative { -magnitude } else { magnitude };
    let hundredths = i128::from(rate.hundredths());
    Some(if net {
        let vat = round_div(total.checked_mul(hundredths)?, 10_000, rounding);
        (total + vat, vat)
    } else {
        let net_amount = round_div(total.checked_mul(10_000)?, 10_000 + hundredths, rounding);
        (total, total - net_amount)
    })
}

// ---------------------------------------------------------------------------------------
// Values at the limits.

fn edge_i64() -> impl Strategy<Value = i64> {
    prop_oneof![
        2 => prop::sample::select(vec![
            0,
            1,
            -1,
            2,
            99,
            100,
            i64::from(i32::MAX),
            i64::from(i32::MAX) + 1,
            i64::from(i32::MIN),
            (1 << 53) - 1,
            1 << 53,
            (1 << 53) + 1,
            i64::MAX / 10_000,
            i64::MAX / 2,
            i64::MAX - 1,
            i64::MAX,
            i64::MIN + 1,
            i64::MIN,
        ]),
        1 => any::<i64>(),
        1 => -1_000_000_i64..=1_000_000,
    ]
}

/// Decimals at the limits: the largest and smallest, the finest, 28 decimals, mantissas of
/// every width, values with trailing zeros.
fn edge_decimal() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        2 => prop::sample::select(vec![
            Decimal::ZERO,
            Decimal::ONE,
            Decimal::NEGATIVE_ONE,
            Decimal::MAX,
            Decimal::MIN,
            Decimal::new(1, 28),
            Decimal::new(-1, 28),
            Decimal::new(5, 3),
            Decimal::new(49_999_999, 10),
            Decimal::new(1, 22),
            Decimal::new(1, 23),
            Decimal::from_i128_with_scale(10_i128.pow(28), 28),
            Decimal::from_i128_with_scale(999_999_999_999_999, 0),
            Decimal::from_i128_with_scale(1_000_000_000_000_000, 0),
            Decimal::from_i128_with_scale(999_999_999_999_999, 22),
            Decimal::from_i128_with_scale(i128::from(i64::MAX), 0),
            Decimal::from_i128_with_scale(i128::from(i64::MAX) + 1, 0),
            Decimal::from_i128_with_scale(i128::from(i64::MAX), 28),
            Decimal::ONE / Decimal::from(3),
            Decimal::from(100) / Decimal::from(3),
            Decimal::from(2) / Decimal::from(3),
        ]),
        2 => (any::<i64>(), 0_u32..=28).prop_map(|(m, s)| Decimal::new(m, s)),
        1 => (any::<u32>(), any::<u32>(), any::<u32>(), any::<bool>(), 0_u32..=28)
            .prop_map(|(lo, mid, hi, negative, scale)| Decimal::from_parts(lo, mid, hi, negative, scale)),
        2 => (1_i64..1_000_000, 0_u32..=4).prop_map(|(m, s)| Decimal::new(m, s)),
    ]
}

/// A quantity: valid ones of every shape (up to 15 digits, up to 22 decimals, trailing
/// zeros up to 28), and any decimal at the limits.
fn edge_quantity() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        2 => (1_i64..=999_999_999_999_999, 0_u32..=22).prop_map(|(m, s)| Decimal::new(m, s)),
        1 => (1_i64..=99_999, 0_u32..=22, 0_u32..=6).prop_map(|(m, s, zeros)| {
            // Trailing zeros: the same value at a larger scale.
            let scale = (s + zeros).min(28);
            Decimal::from_i128_with_scale(i128::from(m) * 10_i128.pow(scale - s), scale)
        }),
        1 => (1_i64..=20).prop_map(Decimal::from),
        1 => edge_decimal(),
    ]
}

fn edge_price() -> impl Strategy<Value = Price> {
    prop_oneof![
        1 => edge_i64().prop_map(Price::Minor),
        2 => edge_decimal().prop_map(Price::Major),
        1 => (0_i64..=10_000_000, 0_u32..=28).prop_map(|(m, s)| Price::Major(Decimal::new(m, s))),
    ]
}

fn rate() -> impl Strategy<Value = VatRate> {
    prop_oneof![
        prop::sample::select(vec![0_u16, 100, 600, 1200, 1500, 2500, 2550, 9999, 10_000]),
        0_u16..=10_000,
    ]
    .prop_map(|h| VatRate::from_hundredths(h).unwrap_or(VatRate::ZERO))
}

fn currency() -> impl Strategy<Value = Currency> {
    prop::sample::select(Currency::SUPPORTED.to_vec())
}

fn rounding() -> impl Strategy<Value = Rounding> {
    prop::sample::select(vec![Rounding::HalfAwayFromZero, Rounding::HalfEven])
}

/// One line at the limits, against the oracle.
#[test]
fn line_amounts_at_the_limits() {
    let strategy = (
        edge_price(),
        edge_quantity(),
        rate(),
        any::<bool>(),
        currency(),
        rounding(),
    );
    run(
        "line_amounts_at_the_limits",
        cases(400, 1),
        strategy,
        |&(price, quantity, rate, net, currency, rounding)| {
            check_line(price, quantity, rate, net, currency, rounding)
        },
    );
}

/// The line check of [`line_amounts_at_the_limits`] for one line: `Ok` when the builder
/// did what the oracle says, else what went wrong.
fn check_line(
    price: Price,
    quantity: Decimal,
    rate: VatRate,
    net: bool,
    currency: Currency,
    rounding: Rounding,
) -> Result<(), String> {
    let what = format!(
        "{price:?} × {quantity} at {rate:?} ({}, {currency}, {rounding:?})",
        if net { "net" } else { "gross" }
    );
    let result = hostile::quietly(|| {
        Order::builder(currency, "limits")
            .line(Line::new("a", "A", price.unit_price(net), rate).quantity(quantity))
            .rounding(rounding)
            .build()
    })
    .map_err(|panic| {
        format!(
            "{what}: build panicked: {}",
            hostile::panic_message(panic.as_ref())
        )
    })?;
    ok_or_typed(&result).map_err(|problem| format!("{what}: {problem}"))?;
    if !quantity_is_valid(quantity) {
        return match result {
            Ok(_) => Err(format!("{what}: the quantity was accepted")),
            Err(_) => Ok(()),
        };
    }
    let expected = expected_amounts(price, quantity, rate, net, currency, rounding);
    let within = expected.filter(|&(amount, _)| (0..=i128::from(i32::MAX)).contains(&amount));
    match (within, &result) {
        (Some((amount, vat)), Ok(order)) => {
            let item = &order.items()[0];
            let found = (i128::from(item.amount()), item.vat_amount().map(i128::from));
            if found == (amount, Some(vat)) {
                Ok(())
            } else {
                Err(format!(
                    "{what}: expected amount {amount} and VAT {vat}, built {found:?}"
                ))
            }
        }
        (Some((amount, vat)), Err(error)) => Err(format!(
            "{what}: amount {amount} and VAT {vat} are within every limit, but the line was refused: {}",
            clip(&error.to_string(), 300)
        )),
        (None, Ok(order)) => Err(format!(
            "{what}: exactly {:?}, out of range, but built with amount {}",
            expected.map(|(a, _)| a),
            order.items()[0].amount()
        )),
        (None, Err(_)) => Ok(()),
    }
}

/// Every edge price times every edge quantity, gross and net, at 0, 25 and 100 %, in
/// currencies of 0, 2 and 3 decimals: all failures at once, by kind.
#[test]
fn every_edge_price_times_every_edge_quantity() {
    let dec = |s: &str| s.parse::<Decimal>().unwrap();
    let mut prices: Vec<Price> = [
        0,
        1,
        -1,
        29_990,
        i64::from(i32::MAX),
        1 << 53,
        i64::MAX,
        i64::MIN,
    ]
    .into_iter()
    .map(Price::Minor)
    .collect();
    prices.extend(
        [
            Decimal::MAX,
            Decimal::MIN,
            Decimal::new(1, 28),
            Decimal::from_i128_with_scale(i128::from(i64::MAX) + 1, 0),
            Decimal::from_i128_with_scale(i128::from(i64::MAX) + 1, 28),
            Decimal::from(100) / Decimal::from(3),
            dec("299.90"),
            dec("0.125"),
            dec("0.0000000000000000000000000001"),
            dec("12345678901234567890.12345678"),
        ]
        .into_iter()
        .map(Price::Major),
    );
    let quantities = [
        dec("1"),
        dec("2.5"),
        dec("10000"),
        dec("999999999999999"),
        dec("0.0000000000000000000001"),
        dec("0.1234567890123456789012"),
        dec("1.0000000000000000000000000000"),
        dec("1000000000000000"),
        dec("0.00000000000000000000001"),
        Decimal::ZERO,
        Decimal::NEGATIVE_ONE,
        Decimal::MAX,
    ];
    let rates = [0, 2500, 10_000].map(|h| VatRate::from_hundredths(h).unwrap());
    let mut tried = 0;
    let mut failures: Vec<String> = Vec::new();
    for &price in &prices {
        for &quantity in &quantities {
            for rate in rates {
                for net in [false, true] {
                    for currency in [Currency::JPY, Currency::NOK, Currency::KWD] {
                        for rounding in [Rounding::HalfAwayFromZero, Rounding::HalfEven] {
                            tried += 1;
                            if let Err(problem) =
                                check_line(price, quantity, rate, net, currency, rounding)
                            {
                                failures.push(problem);
                            }
                        }
                    }
                }
            }
        }
    }
    println!("hostile class every_edge_price_times_every_edge_quantity: {tried} lines tried");
    let kinds = [
        ("panicked", "build panicked"),
        (
            "refused though within the limits",
            "but the line was refused",
        ),
        ("other amounts than the oracle's", "expected amount"),
        ("built though out of range", "out of range, but built"),
        ("does not serialize or parse back", "a built order"),
    ];
    let mut summary = Vec::new();
    for (name, marker) in kinds {
        let of_kind: Vec<&String> = failures.iter().filter(|f| f.contains(marker)).collect();
        if let Some(first) = of_kind.first() {
            summary.push(format!("{} {name}, e.g. {first}", of_kind.len()));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {tried} lines failed:\n{}\nall:\n{}",
        failures.len(),
        summary.join("\n"),
        failures
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// Percent and amount discounts at the limits, over one to three eligible lines.
#[test]
fn discounts_at_the_limits() {
    let discount = prop_oneof![
        edge_decimal().prop_map(Discount::percent),
        prop::sample::select(vec![
            Decimal::ZERO,
            Decimal::from(100),
            Decimal::from(50),
            Decimal::from(100) / Decimal::from(3),
            Decimal::from(200) / Decimal::from(3),
            Decimal::new(99_999, 3),
            Decimal::new(1, 28),
            Decimal::new(100_000_000_000_000_001, 15),
            Decimal::from(101),
        ])
        .prop_map(Discount::percent),
        edge_i64().prop_map(|minor| Discount::amount(Money::from_minor(minor, Currency::NOK))),
        edge_i64().prop_map(|minor| Discount::amount(Money::from_minor(minor, Currency::SEK))),
    ];
    let strategy = (
        prop::collection::vec((edge_price(), 1_i64..=5), 1..=3),
        discount,
        any::<bool>(),
    );
    run(
        "discounts_at_the_limits",
        cases(200, 1),
        strategy,
        |(lines, discount, two)| {
            let mut builder = Order::builder(Currency::NOK, "discount");
            for (index, (price, count)) in lines.iter().enumerate() {
                builder = builder.line(
                    Line::new(
                        format!("sku-{index}"),
                        "Thing",
                        price.unit_price(false),
                        VatRate::ZERO,
                    )
                    .quantity(Decimal::from(*count))
                    .eligible_for_discount(true),
                );
            }
            builder = builder.discount(discount.clone());
            if *two {
                builder = builder.discount(discount.clone());
            }
            ok_or_typed(&builder.build())
        },
    );
}

/// Stated totals, tolerances and partial payments at the limits (and in another currency).
#[test]
fn stated_totals_and_partial_payments_at_the_limits() {
    let money = prop_oneof![
        4 => edge_i64().prop_map(|minor| Money::from_minor(minor, Currency::NOK)),
        1 => edge_i64().prop_map(|minor| Money::from_minor(minor, Currency::JPY)),
    ];
    let strategy = (
        prop::collection::vec(edge_price(), 0..=3),
        prop::option::of((money.clone(), money.clone())),
        prop::option::of(money),
        prop::option::of(edge_price()),
    );
    run(
        "stated_totals_and_partial_payments_at_the_limits",
        cases(200, 1),
        strategy,
        |(prices, stated, partial, shipping)| {
            let mut builder = Order::builder(Currency::NOK, "totals");
            for (index, price) in prices.iter().enumerate() {
                builder = builder.line(Line::new(
                    format!("sku-{index}"),
                    "Thing",
                    price.unit_price(false),
                    VatRate::from_whole_percent(25).unwrap(),
                ));
            }
            if let Some(price) = shipping {
                builder = builder.shipping(Shipping::new(
                    "ship",
                    "Ship",
                    price.unit_price(false),
                    VatRate::ZERO,
                ));
            }
            if let Some((total, tolerance)) = stated {
                builder = builder.stated_total(*total, *tolerance);
            }
            if let Some(amount) = partial {
                builder = builder.partial_payment(*amount);
            }
            ok_or_typed(&builder.build())
        },
    );
}

/// `Money`, `VatRate`, `Quantity` and their arithmetic at the limits: no panic, and what
/// they accept is what they were given.
#[test]
fn value_constructors_at_the_limits() {
    let strategy = (
        edge_decimal(),
        edge_i64(),
        edge_i64(),
        currency(),
        rounding(),
    );
    run(
        "value_constructors_at_the_limits",
        cases(400, 1),
        strategy,
        |&(decimal, a, b, currency, rounding)| {
            if let Ok(money) = Money::from_major(decimal, currency)
                && money.to_major() != decimal
            {
                return Err(format!(
                    "Money::from_major({decimal}) is {}",
                    money.to_major()
                ));
            }
            if let Ok(money) = Money::from_major_rounded(decimal, currency, rounding) {
                let difference = (money.to_major() - decimal).abs();
                let half = Decimal::new(5, u32::from(currency.exponent()) + 1);
                if difference > half {
                    return Err(format!(
                        "Money::from_major_rounded({decimal}, {rounding:?}) is {}, more than half a minor unit away",
                        money.to_major()
                    ));
                }
            }
            let (x, y) = (
                Money::from_minor(a, currency),
                Money::from_minor(b, currency),
            );
            let checks = [
                (
                    x.checked_add(y).ok().map(Money::minor_units),
                    a.checked_add(b),
                ),
                (
                    x.checked_sub(y).ok().map(Money::minor_units),
                    a.checked_sub(b),
                ),
                (
                    x.checked_neg().ok().map(Money::minor_units),
                    a.checked_neg(),
                ),
            ];
            if let Some((found, expected)) = checks.iter().find(|(f, e)| f != e) {
                return Err(format!(
                    "{a} and {b}: checked arithmetic gave {found:?}, not {expected:?}"
                ));
            }
            if let Ok(rate) = VatRate::from_percent(decimal)
                && rate.percent() != decimal
            {
                return Err(format!(
                    "VatRate::from_percent({decimal}) is {}",
                    rate.percent()
                ));
            }
            match Quantity::new(decimal) {
                Ok(q) if q.get() != decimal => {
                    Err(format!("Quantity::new({decimal}) is {}", q.get()))
                }
                Ok(_) if !quantity_is_valid(decimal) => {
                    Err(format!("Quantity::new({decimal}) was accepted"))
                }
                Err(_) if quantity_is_valid(decimal) => {
                    Err(format!("Quantity::new({decimal}) was refused"))
                }
                _ => Ok(()),
            }
        },
    );
}

/// Hundreds to thousands of lines whose sum passes int32, 2^53 and i64.
#[test]
fn many_lines_past_the_limits() {
    let strategy = (
        prop::sample::select(vec![10_usize, 100, 1025, 2000]),
        prop::sample::select(vec![
            i64::from(i32::MAX),
            (1 << 53) - 1,
            1 << 53,
            i64::MAX / 1000,
            i64::MAX,
        ]),
        any::<bool>(),
    );
    run(
        "many_lines_past_the_limits",
        cases(6, 5000),
        strategy,
        |&(count, minor, net)| {
            let mut builder = Order::builder(Currency::NOK, "many");
            for index in 0..count {
                builder = builder.line(Line::new(
                    format!("sku-{index}"),
                    "Thing",
                    Price::Minor(minor).unit_price(net),
                    VatRate::from_whole_percent(25).unwrap(),
                ));
            }
            let result = builder.build();
            if result.is_ok() {
                return Err(format!("{count} lines of {minor} were accepted"));
            }
            ok_or_typed(&result)
        },
    );
}

/// A `serde_json::Value` `depth` arrays deep.
fn deep(depth: usize) -> serde_json::Value {
    let mut value = serde_json::json!({ "enabled": true });
    for _ in 0..depth {
        value = serde_json::Value::Array(vec![value]);
    }
    value
}

/// Free-form JSON the builder takes (a configuration field, card tokens, gift cards), nested
/// at and past serde_json's recursion limit (128): whatever the builder accepts parses back.
#[test]
fn nesting_the_builder_accepts_parses_back() {
    let order = || {
        Order::builder(Currency::NOK, "nested")
            .line(Line::new("a", "A", UnitPrice::minor(1000), VatRate::ZERO))
            .build()
            .unwrap()
    };
    let depths = [
        1, 10, 50, 100, 120, 124, 125, 126, 127, 128, 129, 150, 200, 400,
    ];
    let mut failures = Vec::new();
    let mut tried = 0;
    for depth in depths {
        let mut map = serde_json::Map::new();
        map.insert("payex.creditcard".to_owned(), deep(depth));
        for place in ["configuration", "tokens", "gift_cards"] {
            tried += 1;
            let builder = SessionProfile::builder("default", "https://example.com/r", order());
            let builder = match place {
                "configuration" => builder
                    .configuration(Configuration::builder().set("vipps", deep(depth)).build()),
                "tokens" => builder.customer(Customer::builder().tokens(map.clone()).build()),
                _ => builder.customer(Customer::builder().gift_cards(map.clone()).build()),
            };
            let built = match builder.build() {
                Ok(session) => session,
                Err(error) => {
                    if let Err(problem) = typed(&error) {
                        failures.push(format!("{place} {depth} deep: {problem}"));
                    }
                    continue;
                }
            };
            let bytes = match serde_json::to_vec(&built) {
                Ok(bytes) => bytes,
                Err(e) => {
                    failures.push(format!(
                        "{place} {depth} deep: built but does not serialize: {e}"
                    ));
                    continue;
                }
            };
            match SessionProfile::from_json(&bytes) {
                Ok(back) if back == built => {}
                Ok(_) => failures.push(format!(
                    "{place} {depth} deep: parses back to another value"
                )),
                Err(e) => failures.push(format!(
                    "{place} {depth} deep: the builder accepts it but it does not parse back: {}",
                    clip(&e.to_string(), 300)
                )),
            }
        }
    }
    println!("hostile class nesting_the_builder_accepts_parses_back: {tried} inputs tried");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_oracle_agrees_with_the_documented_examples() {
    let nok = Currency::NOK;
    let rate = VatRate::from_whole_percent(25).unwrap();
    let dec = |s: &str| s.parse::<Decimal>().unwrap();
    let half = Rounding::HalfAwayFromZero;
    assert_eq!(
        expected_amounts(
            Price::Major(dec("299.90")),
            Decimal::ONE,
            rate,
            false,
            nok,
            half
        ),
        Some((29990, 5998))
    );
    assert_eq!(
        expected_amounts(Price::Major(dec("100")), dec("2.5"), rate, true, nok, half),
        Some((31250, 6250))
    );
    assert_eq!(
        expected_amounts(
            Price::Minor(2999),
            dec("0.5"),
            VatRate::ZERO,
            false,
            nok,
            half
        ),
        Some((1500, 0))
    );
    assert_eq!(
        expected_amounts(
            Price::Minor(2999),
            dec("0.5"),
            VatRate::ZERO,
            false,
            nok,
            Rounding::HalfEven
        ),
        Some((1500, 0))
    );
    assert_eq!(
        expected_amounts(
            Price::Minor(2997),
            dec("0.5"),
            VatRate::ZERO,
            false,
            nok,
            Rounding::HalfEven
        ),
        Some((1498, 0))
    );
    assert_eq!(
        expected_amounts(
            Price::Minor(-3),
            dec("0.5"),
            VatRate::ZERO,
            false,
            nok,
            half
        ),
        Some((-2, 0))
    );
    assert_eq!(multiply("99", "99"), "9801");
    assert_eq!(round_shifted("12345", 2, half), Some(123));
    assert_eq!(round_shifted("12350", 2, Rounding::HalfEven), Some(124));
    assert_eq!(round_shifted("12250", 2, Rounding::HalfEven), Some(122));
    assert_eq!(round_shifted("5", 3, half), Some(0));
    assert_eq!(round_div(-5, 2, half), -3);
    assert_eq!(round_div(-5, 2, Rounding::HalfEven), -2);
}
