//! An exhaustive sweep of the line VAT arithmetic against an independent oracle, plus
//! hand-checked anchors.
//!
//! For every amount 1..=100000 minor units (NOK) and every rate in
//! {0, 6, 10, 12, 14, 15, 24, 25, 25.5} %, gross and net, the library's line amounts must equal
//! the oracle's. The oracle rounds half away from zero for positive values as
//! `⌊(2n + d) / 2d⌋`, and half even by looking at the remainder; it never calls the library's
//! rounding. Full orders are built for every 997th amount.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use dintero_order::{
    Currency, Line, LineAmounts, Money, Order, Quantity, Rounding, Shipping, UnitPrice, VatRate,
};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// The swept rates, in hundredths of a percent.
const RATES: [u16; 9] = [0, 600, 1000, 1200, 1400, 1500, 2400, 2500, 2550];
const MAX_AMOUNT: i64 = 100_000;

/// `n / d` for `n ≥ 0`, `d > 0`, ties away from zero (up): `⌊(2n + d) / 2d⌋`.
fn round_half_up(n: i64, d: i64) -> i64 {
    (2 * n + d) / (2 * d)
}

/// `n / d` for `n ≥ 0`, `d > 0`, ties to the even neighbour.
fn round_half_even(n: i64, d: i64) -> i64 {
    let (q, r) = (n / d, n % d);
    if 2 * r > d || (2 * r == d && q % 2 == 1) {
        q + 1
    } else {
        q
    }
}

fn round(n: i64, d: i64, half_even: bool) -> i64 {
    if half_even {
        round_half_even(n, d)
    } else {
        round_half_up(n, d)
    }
}

/// Gross: (vat, net) contained in `amount`.
fn gross_oracle(amount: i64, h: u16, half_even: bool) -> (i64, i64) {
    let net = round(amount * 10_000, 10_000 + i64::from(h), half_even);
    (amount - net, net)
}

/// Net: (amount, vat) for a net price.
fn net_oracle(net: i64, h: u16, half_even: bool) -> (i64, i64) {
    let vat = round(net * i64::from(h), 10_000, half_even);
    (net + vat, vat)
}

/// `vat` is ⌊exact⌋ or ⌈exact⌉ of `amount × h / (10000 + h)`, by cross-multiplication.
fn floor_or_ceil(amount: i64, vat: i64, h: u16) -> bool {
    let (n, d) = (amount * i64::from(h), 10_000 + i64::from(h));
    (vat * d <= n && n < (vat + 1) * d) || ((vat - 1) * d < n && n <= vat * d)
}

fn rate(h: u16) -> VatRate {
    VatRate::from_hundredths(h).unwrap()
}

fn rounding(half_even: bool) -> Rounding {
    if half_even {
        Rounding::HalfEven
    } else {
        Rounding::HalfAwayFromZero
    }
}

fn amounts(price: UnitPrice, vat: VatRate, half_even: bool) -> (i64, i64) {
    let a: LineAmounts = price
        .line_amounts(Quantity::ONE, vat, Currency::NOK, rounding(half_even))
        .unwrap();
    (a.amount(), a.vat_amount())
}

fn sweep(half_even: bool) {
    let mut checked = 0_u64;
    for h in RATES {
        let vat = rate(h);
        for amount in 1..=MAX_AMOUNT {
            // Gross: the price is the amount.
            let (expected_vat, net) = gross_oracle(amount, h, half_even);
            let (got_amount, got_vat) = amounts(UnitPrice::minor(amount), vat, half_even);
            assert!(
                got_amount == amount && got_vat == expected_vat,
                "gross {amount} at {h}/100 %: got ({got_amount}, {got_vat}), \
                 expected ({amount}, {expected_vat})"
            );
            assert_eq!(net + got_vat, amount);
            assert!(
                0 <= got_vat && got_vat <= amount,
                "gross {amount} at {h}: vat {got_vat}"
            );
            assert!(
                floor_or_ceil(amount, got_vat, h),
                "gross {amount} at {h}: vat {got_vat}"
            );

            // Net: the price is the net amount.
            let (expected_amount, expected_vat) = net_oracle(amount, h, half_even);
            let (got_amount, got_vat) = amounts(UnitPrice::minor(amount).net(), vat, half_even);
            assert!(
                got_amount == expected_amount && got_vat == expected_vat,
                "net {amount} at {h}/100 %: got ({got_amount}, {got_vat}), \
                 expected ({expected_amount}, {expected_vat})"
            );
            assert_eq!(amount + got_vat, got_amount);
            assert!(0 <= got_vat && got_vat <= got_amount);
            assert!(
                floor_or_ceil(got_amount, got_vat, h),
                "net {amount} at {h}: amount {got_amount}, vat {got_vat}"
            );
            checked += 2;
        }
    }
    assert_eq!(checked, 2 * 9 * 100_000);
}

#[test]
fn every_amount_and_rate_half_away_from_zero() {
    sweep(false);
}

#[test]
fn every_amount_and_rate_half_even() {
    sweep(true);
}

/// Full orders for a sample of the amounts: one gross and one net line per rate, and a net
/// shipping option; every line, the totals and the JSON against the oracle.
#[test]
fn sampled_full_orders() {
    for half_even in [false, true] {
        for amount in (1..=MAX_AMOUNT).step_by(997) {
            let mut b = Order::builder(Currency::NOK, "sweep").rounding(rounding(half_even));
            let mut expected = Vec::new();
            for h in RATES {
                b = b.line(Line::new(
                    format!("g{h}"),
                    "Gross",
                    UnitPrice::minor(amount),
                    rate(h),
                ));
                expected.push((amount, gross_oracle(amount, h, half_even).0, h));
            }
            for h in RATES {
                let price = UnitPrice::minor(amount).net();
                b = b.line(Line::new(format!("n{h}"), "Net", price, rate(h)));
                let (a, v) = net_oracle(amount, h, half_even);
                expected.push((a, v, h));
            }
            let shipping = UnitPrice::minor(amount).net();
            b = b.shipping(Shipping::new("ship", "Mail", shipping, rate(2500)));
            let (ship_amount, ship_vat) = net_oracle(amount, 2500, half_even);

            let order = b.build().unwrap();
            let json = serde_json::to_value(&order).unwrap();
            let items = json["items"].as_array().unwrap();
            assert_eq!(items.len(), expected.len());
            for (i, (&(a, v, h), item)) in expected.iter().zip(items).enumerate() {
                assert_eq!(item["amount"].as_i64(), Some(a), "{amount}: items[{i}]");
                assert_eq!(item["vat_amount"].as_i64(), Some(v), "{amount}: items[{i}]");
                // `vat` is the percentage as a number: 25.5, never 2550 or 0.255.
                let json_rate: Decimal = item["vat"].to_string().parse().unwrap();
                assert_eq!(
                    json_rate,
                    Decimal::new(i64::from(h), 2),
                    "{amount}: items[{i}].vat"
                );
                assert_eq!(item["quantity"].as_u64(), Some(1));
            }
            assert_eq!(
                json["shipping_option"]["amount"].as_i64(),
                Some(ship_amount)
            );
            assert_eq!(
                json["shipping_option"]["vat_amount"].as_i64(),
                Some(ship_vat)
            );
            let total: i64 = expected.iter().map(|e| e.0).sum::<i64>() + ship_amount;
            let total_vat: i64 = expected.iter().map(|e| e.1).sum::<i64>() + ship_vat;
            assert_eq!(json["amount"].as_i64(), Some(total));
            assert_eq!(json["vat_amount"].as_i64(), Some(total_vat));
            assert_eq!(order.amount().minor_units(), total);
            assert_eq!(order.vat_amount().minor_units(), total_vat);
        }
    }
}

// --- hand-checked anchors ------------------------------------------------------------------

fn line_amounts(price: UnitPrice, h: u16, currency: Currency, rounding: Rounding) -> (i64, i64) {
    let a = price
        .line_amounts(Quantity::ONE, rate(h), currency, rounding)
        .unwrap();
    (a.amount(), a.vat_amount())
}

#[test]
fn anchors_gross_nok() {
    let away = Rounding::HalfAwayFromZero;
    // 299.90 NOK at 25 %: net = 29990 × 100 / 125 = 23992 exactly; VAT = 29990 − 23992 = 5998.
    assert_eq!(
        line_amounts(UnitPrice::minor(29990), 2500, Currency::NOK, away),
        (29990, 5998)
    );
    assert_eq!(
        line_amounts(UnitPrice::major(dec!(299.90)), 2500, Currency::NOK, away),
        (29990, 5998)
    );
    // 100.00 at 25.5 %: net = 10000 × 10000 / 12550 = 7968.127… → 7968; VAT = 2032.
    // (Exact VAT 10000 × 25.5 / 125.5 = 2031.87…, so 2032 is its ceiling.)
    assert_eq!(
        line_amounts(UnitPrice::minor(10000), 2550, Currency::NOK, away),
        (10000, 2032)
    );
    // 39.00 at 25 %: net = 3900 / 1.25 = 3120 exactly; VAT = 780.
    assert_eq!(
        line_amounts(UnitPrice::minor(3900), 2500, Currency::NOK, away),
        (3900, 780)
    );
    // 0.14 at 12 %: net = 14 × 10000 / 11200 = 12.5, a tie: half away → 13, VAT 1;
    // half even → 12, VAT 2. Both are floor/ceil of the exact VAT 14 × 12 / 112 = 1.5.
    assert_eq!(
        line_amounts(UnitPrice::minor(14), 1200, Currency::NOK, away),
        (14, 1)
    );
    assert_eq!(
        line_amounts(
            UnitPrice::minor(14),
            1200,
            Currency::NOK,
            Rounding::HalfEven
        ),
        (14, 2)
    );
    // 0.05 at 100 %: net = 2.5: half away → 3, VAT 2; half even → 2, VAT 3.
    assert_eq!(
        line_amounts(UnitPrice::minor(5), 10000, Currency::NOK, away),
        (5, 2)
    );
    assert_eq!(
        line_amounts(
            UnitPrice::minor(5),
            10000,
            Currency::NOK,
            Rounding::HalfEven
        ),
        (5, 3)
    );
}

#[test]
fn anchors_net_nok() {
    let away = Rounding::HalfAwayFromZero;
    // Net 100.00 × 2.5 at 25 %: net 25000; VAT = 25000 × 25 / 100 = 6250; amount 31250.
    let a = UnitPrice::major(dec!(100))
        .net()
        .line_amounts(
            Quantity::new(dec!(2.5)).unwrap(),
            rate(2500),
            Currency::NOK,
            away,
        )
        .unwrap();
    assert_eq!((a.amount(), a.vat_amount()), (31250, 6250));
    assert_eq!(
        line_amounts(UnitPrice::minor(25000).net(), 2500, Currency::NOK, away),
        (31250, 6250)
    );
    // Net 0.02 at 25 %: VAT = 0.5, a tie: half away → 1 (amount 3); half even → 0 (amount 2).
    assert_eq!(
        line_amounts(UnitPrice::minor(2).net(), 2500, Currency::NOK, away),
        (3, 1)
    );
    assert_eq!(
        line_amounts(
            UnitPrice::minor(2).net(),
            2500,
            Currency::NOK,
            Rounding::HalfEven
        ),
        (2, 0)
    );
    // Net 0.06 at 25 %: VAT = 1.5 → 2 under both rules (2 is even).
    assert_eq!(
        line_amounts(UnitPrice::minor(6).net(), 2500, Currency::NOK, away),
        (8, 2)
    );
    assert_eq!(
        line_amounts(
            UnitPrice::minor(6).net(),
            2500,
            Currency::NOK,
            Rounding::HalfEven
        ),
        (8, 2)
    );
}

#[test]
fn anchors_isk_jpy_kwd() {
    let away = Rounding::HalfAwayFromZero;
    // ISK has no decimals: 1990 kr. is 1990 minor units; 1990.5 is an error, not rounded.
    let isk = Money::from_major(dec!(1990), Currency::ISK).unwrap();
    assert_eq!(isk.minor_units(), 1990);
    assert!(Money::from_major(dec!(1990.5), Currency::ISK).is_err());
    // At 24 %: net = 1990 × 10000 / 12400 = 1604.83… → 1605; VAT = 385
    // (exact 1990 × 24 / 124 = 385.16…).
    assert_eq!(
        line_amounts(UnitPrice::money(isk), 2400, Currency::ISK, away),
        (1990, 385)
    );

    // JPY: 1000 yen at 10 %: net = 1000 / 1.1 = 909.09… → 909; VAT = 91.
    let jpy = Money::from_major(dec!(1000), Currency::JPY).unwrap();
    assert_eq!(jpy.minor_units(), 1000);
    assert_eq!(
        line_amounts(UnitPrice::money(jpy), 1000, Currency::JPY, away),
        (1000, 91)
    );

    // KWD has 3 decimals: 12.345 KWD is 12345 fils; 12.3456 is an error.
    let kwd = Money::from_major(dec!(12.345), Currency::KWD).unwrap();
    assert_eq!(kwd.minor_units(), 12345);
    assert_eq!(kwd.to_major(), dec!(12.345));
    assert!(Money::from_major(dec!(12.3456), Currency::KWD).is_err());
    // At 5 %: net = 12345 × 10000 / 10500 = 11757.14… → 11757; VAT = 588
    // (exact 12345 × 5 / 105 = 587.857…).
    assert_eq!(
        line_amounts(UnitPrice::money(kwd), 500, Currency::KWD, away),
        (12345, 588)
    );
    // Price precision finer than the fils: 0.0125 KWD = 12.5 fils → 13 half away, 12 half even.
    let fine = UnitPrice::major(dec!(0.0125));
    assert_eq!(line_amounts(fine, 0, Currency::KWD, away), (13, 0));
    assert_eq!(
        line_amounts(fine, 0, Currency::KWD, Rounding::HalfEven),
        (12, 0)
    );

    // The same through full orders, with the JSON checked.
    let order = Order::builder(Currency::KWD, "kwd")
        .line(Line::new(
            "a",
            "A",
            UnitPrice::major(dec!(12.345)),
            rate(500),
        ))
        .line(Line::new("b", "B", UnitPrice::major(dec!(0.0125)), VatRate::ZERO).quantity(dec!(3)))
        .build()
        .unwrap();
    // Line b: 0.0375 KWD = 37.5 fils → 38.
    assert_eq!(
        serde_json::to_string(&order).unwrap(),
        r#"{"amount":12383,"currency":"KWD","merchant_reference":"kwd","vat_amount":588,"items":[{"id":"a","line_id":"1","description":"A","quantity":1,"amount":12345,"vat_amount":588,"vat":5},{"id":"b","line_id":"2","description":"B","quantity":3,"amount":38,"vat_amount":0,"vat":0}]}"#
    );
    let order = Order::builder(Currency::ISK, "isk")
        .line(Line::new("a", "A", UnitPrice::major(dec!(1990)), rate(2400)).quantity(dec!(2)))
        .build()
        .unwrap();
    // 2 × 1990 = 3980 at 24 %: net = 3980 / 1.24 = 3209.67… → 3210; VAT = 770.
    assert_eq!(
        (
            order.amount().minor_units(),
            order.vat_amount().minor_units()
        ),
        (3980, 770)
    );
}

/// The oracle's helpers, checked by hand, so a wrong oracle cannot agree with a wrong library.
#[test]
fn oracle_helpers() {
    assert_eq!(round_half_up(25, 10), 3);
    assert_eq!(round_half_up(24, 10), 2);
    assert_eq!(round_half_even(25, 10), 2);
    assert_eq!(round_half_even(35, 10), 4);
    assert_eq!(round_half_even(26, 10), 3);
    assert_eq!(gross_oracle(29990, 2500, false), (5998, 23992));
    assert_eq!(gross_oracle(10000, 2550, false), (2032, 7968));
    assert_eq!(net_oracle(25000, 2500, false), (31250, 6250));
    assert!(floor_or_ceil(10000, 2032, 2550) && floor_or_ceil(10000, 2031, 2550));
    assert!(!floor_or_ceil(10000, 2033, 2550));
}
