//! Property tests of the order arithmetic against an independent oracle.
//!
//! The oracle is plain `i128` arithmetic written here, with its own rounding helper (floor
//! division and a remainder comparison, a different construction from the library's
//! truncating one). It never calls `Rounding::divide` or `UnitPrice::line_amounts`.
//!
//! A unit price is the rational `price_mantissa / 10^price_scale` major units and a quantity
//! `qty_mantissa / 10^qty_scale`, so a line's exact total in minor units is
//!
//! ```text
//! price_mantissa × qty_mantissa × 10^exponent / 10^(price_scale + qty_scale)
//! ```
//!
//! rounded once. Then (h = VAT rate in hundredths of a percent, D = 10000 + h):
//! gross: `vat = amount − round(amount × 10000 / D)`;
//! net:   `vat = round(net × h / 10000)`, `amount = net + vat`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::str::FromStr;

use dintero_order::{
    Currency, Discount, Error, ItemType, Line, Money, MoneyError, Order, Quantity, Rounding, Rule,
    Shipping, UnitPrice, VatRate,
};
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::Value;

const INT32_MAX: i128 = i32::MAX as i128;

// ---------------------------------------------------------------------------------------------
// The oracle
// ---------------------------------------------------------------------------------------------

/// `n / d` rounded to an integer, `d > 0`. Built on floor division: `n = q·d + r`, `0 ≤ r < d`,
/// so the exact value is `q + r/d` and the tie is `2r == d`.
fn round_div(n: i128, d: i128, half_even: bool) -> i128 {
    assert!(d > 0, "oracle divides by a positive number only");
    let q = n.div_euclid(d);
    let r = n.rem_euclid(d);
    match (2 * r).cmp(&d) {
        std::cmp::Ordering::Less => q,
        std::cmp::Ordering::Greater => q + 1,
        std::cmp::Ordering::Equal => {
            if half_even {
                if q % 2 == 0 { q } else { q + 1 }
            } else if n >= 0 {
                // q + 0.5 with q ≥ 0: away from zero is up.
                q + 1
            } else {
                // q + 0.5 with q < 0 (e.g. −2.5 = −3 + 0.5): away from zero is down, to q.
                q
            }
        }
    }
}

fn pow10(exp: u32) -> i128 {
    (0..exp).fold(1_i128, |acc, _| acc * 10)
}

/// (amount, vat, net) of a line whose exact, unrounded total is `numerator / denominator`.
fn oracle_amounts(
    numerator: i128,
    denominator: i128,
    hundredths: u16,
    net_pricing: bool,
    half_even: bool,
) -> (i128, i128, i128) {
    let total = round_div(numerator, denominator, half_even);
    let h = i128::from(hundredths);
    if net_pricing {
        let vat = round_div(total * h, 10_000, half_even);
        (total + vat, vat, total)
    } else {
        let net = round_div(total * 10_000, 10_000 + h, half_even);
        (total, total - net, net)
    }
}

/// VAT recomputed from a line's amount with the gross formula: (vat, net).
fn gross_vat(amount: i128, hundredths: u16, half_even: bool) -> (i128, i128) {
    let net = round_div(amount * 10_000, 10_000 + i128::from(hundredths), half_even);
    (amount - net, net)
}

/// `|vat − amount × h / (10000 + h)| ≤ 1/2`, by cross-multiplication (no floats).
fn within_half_of_exact_vat(amount: i128, vat: i128, hundredths: u16) -> bool {
    let h = i128::from(hundredths);
    let d = 10_000 + h;
    2 * (vat * d - amount * h).abs() <= d
}

/// `vat` is ⌊exact⌋ or ⌈exact⌉ of `amount × h / (10000 + h)`.
fn floor_or_ceil_of_exact_vat(amount: i128, vat: i128, hundredths: u16) -> bool {
    let h = i128::from(hundredths);
    let d = 10_000 + h;
    // vat ≤ exact < vat + 1  or  vat − 1 < exact ≤ vat
    let n = amount * h;
    (vat * d <= n && n < (vat + 1) * d) || ((vat - 1) * d < n && n <= vat * d)
}

// ---------------------------------------------------------------------------------------------
// What the properties generate
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy)]
enum Price {
    /// `mantissa / 10^scale` major units, through `UnitPrice::major`.
    Major { mantissa: i64, scale: u32 },
    /// Whole minor units, through `UnitPrice::minor`.
    Minor(i64),
}

impl Price {
    fn negated(self) -> Price {
        match self {
            Price::Major { mantissa, scale } => Price::Major {
                mantissa: -mantissa,
                scale,
            },
            Price::Minor(minor) => Price::Minor(-minor),
        }
    }

    fn unit_price(self, net: bool) -> UnitPrice {
        let p = match self {
            Price::Major { mantissa, scale } => UnitPrice::major(Decimal::new(mantissa, scale)),
            Price::Minor(minor) => UnitPrice::minor(minor),
        };
        if net { p.net() } else { p }
    }

    /// The price as `mantissa / 10^scale` major units.
    fn as_major_rational(self, exponent: u32) -> (i128, u32) {
        match self {
            Price::Major { mantissa, scale } => (i128::from(mantissa), scale),
            // v minor units = v / 10^exponent major units.
            Price::Minor(minor) => (i128::from(minor), exponent),
        }
    }
}

#[derive(Debug, Clone)]
struct LineSpec {
    price: Price,
    qty_mantissa: i64,
    qty_scale: u32,
    hundredths: u16,
    net: bool,
    eligible: bool,
    /// A gift card: the price is negated and the line may be negative.
    gift_card: bool,
}

impl LineSpec {
    fn price(&self) -> Price {
        if self.gift_card {
            self.price.negated()
        } else {
            self.price
        }
    }
}

#[derive(Debug, Clone)]
struct ShippingSpec {
    price: Price,
    hundredths: u16,
    net: bool,
}

#[derive(Debug, Clone)]
struct OrderSpec {
    currency: Currency,
    half_even: bool,
    /// The rounding rule is chosen after the lines, the other rule having been in force while
    /// they were added: the order must still round every line by the final rule.
    rounding_after_lines: bool,
    lines: Vec<LineSpec>,
    shipping: Option<ShippingSpec>,
}

const CURRENCIES: [(&str, u32); 6] = [
    ("NOK", 2),
    ("SEK", 2),
    ("EUR", 2),
    ("ISK", 0),
    ("JPY", 0),
    ("KWD", 3),
];

fn currency_strategy() -> impl Strategy<Value = (Currency, u32)> {
    prop::sample::select(CURRENCIES.to_vec()).prop_map(|(code, exponent)| {
        let currency = Currency::from_code(code).unwrap();
        // The exponents are ISO 4217 facts, written here independently of the library.
        assert_eq!(u32::from(currency.exponent()), exponent, "{code}");
        (currency, exponent)
    })
}

fn rate_strategy() -> impl Strategy<Value = u16> {
    prop_oneof![
        prop::sample::select(vec![0_u16, 600, 1000, 1200, 1400, 1500, 2400, 2500, 2550]),
        // Any rate above 0 (0 is among the common ones); none lies strictly between 0 and
        // 1 %, which is refused as a probable fraction.
        100_u16..=10_000,
    ]
}

/// Unit prices worth at most `max_minor` minor units, with up to `exponent + 2` decimals
/// (finer than the currency), sometimes with trailing zeros (`1.50`).
fn price_strategy(exponent: u32, max_minor: i64) -> impl Strategy<Value = Price> {
    let major = (0..=exponent + 2).prop_flat_map(move |scale| {
        // mantissa / 10^scale major = mantissa × 10^exponent / 10^scale minor ≤ max_minor.
        let bound = if scale >= exponent {
            max_minor * 10_i64.pow(scale - exponent)
        } else {
            max_minor / 10_i64.pow(exponent - scale)
        };
        (0..=bound).prop_map(move |mantissa| Price::Major { mantissa, scale })
    });
    prop_oneof![3 => major, 1 => (0..=max_minor).prop_map(Price::Minor)]
}

/// 1..=1000 whole units, or 0.001..=1000 with 1 to 3 decimals.
fn quantity_strategy() -> impl Strategy<Value = (i64, u32)> {
    prop_oneof![
        (1_i64..=1000).prop_map(|q| (q, 0)),
        (1_u32..=3).prop_flat_map(|scale| (1_i64..=1000 * 10_i64.pow(scale), Just(scale))),
    ]
}

fn line_strategy(exponent: u32) -> impl Strategy<Value = LineSpec> {
    (
        price_strategy(exponent, 200_000),
        quantity_strategy(),
        rate_strategy(),
        any::<bool>(),
        any::<bool>(),
        prop::bool::weighted(0.1),
    )
        .prop_map(
            |(price, (qty_mantissa, qty_scale), hundredths, net, eligible, gift_card)| LineSpec {
                price,
                qty_mantissa,
                qty_scale,
                hundredths,
                net,
                eligible,
                gift_card,
            },
        )
}

fn shipping_strategy(exponent: u32) -> impl Strategy<Value = ShippingSpec> {
    (
        price_strategy(exponent, 50_000),
        rate_strategy(),
        any::<bool>(),
    )
        .prop_map(|(price, hundredths, net)| ShippingSpec {
            price,
            hundredths,
            net,
        })
}

fn order_strategy(max_lines: usize) -> impl Strategy<Value = OrderSpec> {
    currency_strategy().prop_flat_map(move |(currency, exponent)| {
        (
            any::<bool>(),
            any::<bool>(),
            prop::collection::vec(line_strategy(exponent), 1..=max_lines),
            prop::option::of(shipping_strategy(exponent)),
        )
            .prop_map(move |(half_even, rounding_after_lines, lines, shipping)| {
                OrderSpec {
                    currency,
                    half_even,
                    rounding_after_lines,
                    lines,
                    shipping,
                }
            })
    })
}

fn rate(hundredths: u16) -> VatRate {
    let rate = VatRate::from_hundredths(hundredths).unwrap();
    // The same rate written as a percentage decimal is the same rate.
    assert_eq!(
        VatRate::from_percent(Decimal::new(i64::from(hundredths), 2)),
        Ok(rate)
    );
    rate
}

fn rounding(half_even: bool) -> Rounding {
    if half_even {
        Rounding::HalfEven
    } else {
        Rounding::HalfAwayFromZero
    }
}

fn builder(spec: &OrderSpec) -> dintero_order::OrderBuilder<'static> {
    let first_rule = rounding(spec.half_even != spec.rounding_after_lines);
    let mut b = Order::builder(spec.currency, "order-1").rounding(first_rule);
    for (i, l) in spec.lines.iter().enumerate() {
        let mut line = Line::new(
            format!("sku-{i}"),
            "Thing",
            l.price().unit_price(l.net),
            rate(l.hundredths),
        )
        .quantity(Decimal::new(l.qty_mantissa, l.qty_scale))
        .eligible_for_discount(l.eligible);
        if l.gift_card {
            line = line.kind(ItemType::GiftCard);
        }
        b = b.line(line);
    }
    if spec.rounding_after_lines {
        b = b.rounding(rounding(spec.half_even));
    }
    if let Some(s) = &spec.shipping {
        b = b.shipping(Shipping::new(
            "ship",
            "Mail",
            s.price.unit_price(s.net),
            rate(s.hundredths),
        ));
    }
    b
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Expected {
    amount: i128,
    vat: i128,
    net: i128,
}

fn expected_line(l: &LineSpec, exponent: u32, half_even: bool) -> Expected {
    let (pm, ps) = l.price().as_major_rational(exponent);
    let numerator = pm * i128::from(l.qty_mantissa) * pow10(exponent);
    let denominator = pow10(ps + l.qty_scale);
    let (amount, vat, net) = oracle_amounts(numerator, denominator, l.hundredths, l.net, half_even);
    Expected { amount, vat, net }
}

fn expected_shipping(s: &ShippingSpec, exponent: u32, half_even: bool) -> Expected {
    let (pm, ps) = s.price.as_major_rational(exponent);
    let (amount, vat, net) = oracle_amounts(
        pm * pow10(exponent),
        pow10(ps),
        s.hundredths,
        s.net,
        half_even,
    );
    Expected { amount, vat, net }
}

fn int(v: &Value) -> i128 {
    assert!(
        v.is_i64() || v.is_u64(),
        "expected a JSON integer, found {v}"
    );
    i128::from(v.as_i64().unwrap())
}

/// A JSON number written as a plain decimal (never a string, never `2550` for 25.5), read
/// back exactly.
fn json_decimal(v: &Value) -> Decimal {
    assert!(v.is_number(), "expected a JSON number, found {v}");
    Decimal::from_str(&v.to_string()).unwrap_or_else(|_| panic!("not a plain decimal: {v}"))
}

/// `vat` in JSON: a number equal to the percentage (`25`, `25.5`), an integer when whole.
fn assert_json_rate(v: &Value, hundredths: u16) {
    assert_eq!(
        json_decimal(v),
        Decimal::new(i64::from(hundredths), 2),
        "vat {v}"
    );
    if hundredths.is_multiple_of(100) {
        assert!(v.is_u64(), "a whole rate is a JSON integer: {v}");
    }
}

/// The (rule, path) of every violation, sorted.
fn rules(err: &Error) -> Vec<(Rule, String)> {
    let mut r: Vec<(Rule, String)> = err
        .violations()
        .iter()
        .map(|v| (v.rule(), v.path().to_owned()))
        .collect();
    r.sort_by(|a, b| a.1.cmp(&b.1));
    r
}

/// The violations an order with these totals must have, in path order: past int32, or a
/// negative order amount (possible with gift cards).
fn total_violations(amount: i128, vat: i128) -> Vec<(Rule, String)> {
    let mut v = Vec::new();
    if amount > INT32_MAX {
        v.push((Rule::Int32Range, "order.amount".to_owned()));
    }
    if amount < 0 {
        v.push((Rule::NegativeAmount, "order.amount".to_owned()));
    }
    if vat > INT32_MAX {
        v.push((Rule::Int32Range, "order.vat_amount".to_owned()));
    }
    v
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

fn check_order(spec: &OrderSpec) -> Result<(), TestCaseError> {
    let exponent = u32::from(spec.currency.exponent());
    let lines: Vec<Expected> = spec
        .lines
        .iter()
        .map(|l| expected_line(l, exponent, spec.half_even))
        .collect();
    let shipping = spec
        .shipping
        .as_ref()
        .map(|s| expected_shipping(s, exponent, spec.half_even));
    let total_amount: i128 =
        lines.iter().map(|e| e.amount).sum::<i128>() + shipping.map_or(0, |e| e.amount);
    let total_vat: i128 = lines.iter().map(|e| e.vat).sum::<i128>() + shipping.map_or(0, |e| e.vat);

    // The oracle itself: net + vat = amount, and the VAT is within half a minor unit of exact.
    for (e, h) in lines
        .iter()
        .zip(spec.lines.iter().map(|l| l.hundredths))
        .chain(
            shipping
                .iter()
                .zip(spec.shipping.iter().map(|s| s.hundredths)),
        )
    {
        prop_assert_eq!(e.net + e.vat, e.amount);
        // Same sign, VAT no larger than the amount (gift cards are ≤ 0).
        prop_assert!(
            e.vat.abs() <= e.amount.abs() && e.vat * e.amount >= 0,
            "{e:?}"
        );
        prop_assert!(within_half_of_exact_vat(e.amount, e.vat, h), "{e:?} at {h}");
        prop_assert!(
            floor_or_ceil_of_exact_vat(e.amount, e.vat, h),
            "{e:?} at {h}"
        );
    }

    let built = builder(spec).build();
    if !total_violations(total_amount, total_vat).is_empty() {
        let err = built.expect_err("a total past int32 or below 0 is rejected");
        prop_assert_eq!(rules(&err), total_violations(total_amount, total_vat));
        return Ok(());
    }
    let order = built.map_err(|e| TestCaseError::fail(format!("{e}")))?;

    // Accessors.
    prop_assert_eq!(order.items().len(), spec.lines.len());
    for (i, (item, e)) in order.items().iter().zip(&lines).enumerate() {
        prop_assert_eq!(i128::from(item.amount()), e.amount, "items[{}].amount", i);
        prop_assert_eq!(
            item.vat_amount().map(i128::from),
            Some(e.vat),
            "items[{}].vat_amount",
            i
        );
        prop_assert_eq!(
            item.vat().map(VatRate::hundredths),
            Some(spec.lines[i].hundredths)
        );
    }
    match (order.shipping_option(), shipping) {
        (Some(option), Some(e)) => {
            prop_assert_eq!(i128::from(option.amount()), e.amount);
            prop_assert_eq!(option.vat_amount().map(i128::from), Some(e.vat));
        }
        (None, None) => {}
        (found, expected) => prop_assert!(false, "shipping {found:?}, expected {expected:?}"),
    }
    prop_assert_eq!(i128::from(order.amount().minor_units()), total_amount);
    prop_assert_eq!(i128::from(order.vat_amount().minor_units()), total_vat);

    // The emitted JSON, checked on its own.
    let json = serde_json::to_value(&order).unwrap();
    prop_assert_eq!(int(&json["amount"]), total_amount);
    prop_assert_eq!(int(&json["vat_amount"]), total_vat);
    prop_assert_eq!(&json["currency"], &Value::from(spec.currency.code()));
    let items = json["items"].as_array().unwrap();
    prop_assert_eq!(items.len(), spec.lines.len());
    let mut sum_amount = 0;
    let mut sum_vat = 0;
    for (i, ((item, e), l)) in items.iter().zip(&lines).zip(&spec.lines).enumerate() {
        let amount = int(&item["amount"]);
        let vat = int(&item["vat_amount"]);
        prop_assert_eq!(amount, e.amount, "items[{}].amount", i);
        prop_assert_eq!(vat, e.vat, "items[{}].vat_amount", i);
        prop_assert_eq!(e.net + vat, amount, "items[{}]: net + vat = amount", i);
        prop_assert!(within_half_of_exact_vat(amount, vat, l.hundredths));
        assert_json_rate(&item["vat"], l.hundredths);
        let quantity = &item["quantity"];
        prop_assert_eq!(
            json_decimal(quantity),
            Decimal::new(l.qty_mantissa, l.qty_scale)
        );
        if l.qty_mantissa % 10_i64.pow(l.qty_scale) == 0 {
            prop_assert!(
                quantity.is_u64(),
                "a whole quantity is a JSON integer: {}",
                quantity
            );
        }
        prop_assert_eq!(&item["line_id"], &Value::from((i + 1).to_string()));
        sum_amount += amount;
        sum_vat += vat;
    }
    match (json.get("shipping_option"), shipping, &spec.shipping) {
        (Some(option), Some(e), Some(s)) => {
            prop_assert_eq!(int(&option["amount"]), e.amount);
            prop_assert_eq!(int(&option["vat_amount"]), e.vat);
            assert_json_rate(&option["vat"], s.hundredths);
            sum_amount += int(&option["amount"]);
            sum_vat += int(&option["vat_amount"]);
        }
        (None, None, None) => {}
        (found, _, _) => prop_assert!(false, "shipping_option {found:?}"),
    }
    prop_assert_eq!(int(&json["amount"]), sum_amount);
    prop_assert_eq!(int(&json["vat_amount"]), sum_vat);

    // Parsing re-checks every invariant and gives the same order back.
    let back: Order =
        serde_json::from_value(json).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(back, order);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn random_orders_match_the_oracle(spec in order_strategy(6)) {
        check_order(&spec)?;
    }
}

// --- int32 totals --------------------------------------------------------------------------

/// `n` positive parts of `target` (each ≥ 1 when `target ≥ n`), from fractions in 1..=1000.
fn split(target: i128, weights: &[u32]) -> Vec<i128> {
    let sum: i128 = weights.iter().map(|&w| i128::from(w)).sum();
    let mut parts: Vec<i128> = weights
        .iter()
        .map(|&w| target * i128::from(w) / sum)
        .collect();
    let given: i128 = parts.iter().sum();
    parts[0] += target - given;
    parts
}

fn int32_order(
    parts: &[i128],
    rates: &[u16],
    with_shipping: bool,
) -> (Result<Order, Error>, i128, i128) {
    let mut b = Order::builder(Currency::NOK, "big");
    let mut amount = 0;
    let mut vat = 0;
    for (i, (&part, &h)) in parts.iter().zip(rates).enumerate() {
        let price = UnitPrice::minor(i64::try_from(part).unwrap());
        if with_shipping && i == 0 {
            b = b.shipping(Shipping::new("ship", "Freight", price, rate(h)));
        } else {
            b = b.line(Line::new(format!("sku-{i}"), "Thing", price, rate(h)));
        }
        let (a, v, _) = oracle_amounts(part, 1, h, false, false);
        amount += a;
        vat += v;
    }
    (b.build(), amount, vat)
}

fn weights_and_rates() -> impl Strategy<Value = (Vec<u32>, Vec<u16>, bool)> {
    (1_usize..=4).prop_flat_map(|n| {
        (
            prop::collection::vec(1_u32..=1000, n),
            prop::collection::vec(rate_strategy(), n),
            any::<bool>(),
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Σ lines + shipping past 2147483647 is an `Int32Range` error at `order.amount` (and at
    /// `order.vat_amount` when the VAT is past it too, possible at high rates).
    #[test]
    fn totals_past_int32_are_rejected(
        target in (INT32_MAX + 1)..=(4 * INT32_MAX),
        (weights, rates, with_shipping) in weights_and_rates(),
    ) {
        let parts = split(target, &weights);
        let (built, amount, vat) = int32_order(&parts, &rates, with_shipping);
        prop_assert_eq!(amount, target);
        let err = built.expect_err("past int32");
        let found = rules(&err);
        prop_assert!(found.contains(&(Rule::Int32Range, "order.amount".to_owned())), "{found:?}");
        prop_assert_eq!(found, total_violations(amount, vat));
    }

    /// The same orders at or below 2147483647 are accepted with that exact amount.
    #[test]
    fn totals_within_int32_are_accepted(
        target in 0..=INT32_MAX,
        (weights, rates, with_shipping) in weights_and_rates(),
    ) {
        let parts = split(target, &weights);
        let (built, amount, vat) = int32_order(&parts, &rates, with_shipping);
        let order = built.map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(i128::from(order.amount().minor_units()), amount);
        prop_assert_eq!(i128::from(order.vat_amount().minor_units()), vat);
    }
}

#[test]
fn int32_boundary_exactly() {
    let zero = VatRate::ZERO;
    let at = |minor: i64| {
        Order::builder(Currency::NOK, "edge")
            .line(Line::new("a", "A", UnitPrice::minor(minor - 1), zero))
            .line(Line::new("b", "B", UnitPrice::minor(1), zero))
            .build()
    };
    assert_eq!(
        at(2_147_483_647).unwrap().amount().minor_units(),
        2_147_483_647
    );
    let err = at(2_147_483_648).unwrap_err();
    assert_eq!(rules(&err), [(Rule::Int32Range, "order.amount".to_owned())]);
}

// --- order-level discounts -----------------------------------------------------------------

#[derive(Debug, Clone, Copy)]
enum DiscountSpec {
    /// `⌊base × permille / 1000⌋` minor units, base = the eligible lines' total at that point.
    AmountPermille(u32),
    /// `mantissa / 10^scale` percent.
    Percent { mantissa: i64, scale: u32 },
}

fn discount_strategy() -> impl Strategy<Value = DiscountSpec> {
    prop_oneof![
        prop_oneof![Just(0_u32), Just(1000), 0_u32..=1000].prop_map(DiscountSpec::AmountPermille),
        (0_u32..=2).prop_flat_map(|scale| {
            (0_i64..=100 * 10_i64.pow(scale))
                .prop_map(move |mantissa| DiscountSpec::Percent { mantissa, scale })
        }),
    ]
}

/// Largest remainder: floors of `total × a_i / base`, then one more unit each to the largest
/// remainders, earlier line first among equal remainders. Returns the shares.
fn largest_remainder(amounts: &[i128], total: i128) -> Vec<i128> {
    let base: i128 = amounts.iter().sum();
    if base == 0 {
        return vec![0; amounts.len()];
    }
    let mut shares: Vec<i128> = amounts.iter().map(|a| total * a / base).collect();
    let remainders: Vec<i128> = amounts.iter().map(|a| total * a % base).collect();
    let mut leftover = total - shares.iter().sum::<i128>();
    let mut by_remainder: Vec<usize> = (0..amounts.len()).collect();
    by_remainder.sort_by(|&a, &b| remainders[b].cmp(&remainders[a]).then(a.cmp(&b)));
    for i in by_remainder {
        if leftover == 0 {
            break;
        }
        shares[i] += 1;
        leftover -= 1;
    }
    shares
}

/// Applies one discount to the expected lines; returns each line's share.
fn apply_expected_discount(
    lines: &mut [Expected],
    spec: &OrderSpec,
    discount: DiscountSpec,
) -> (Discount, i128, Vec<i128>) {
    let eligible: Vec<usize> = (0..lines.len())
        .filter(|&i| spec.lines[i].eligible && lines[i].amount > 0)
        .collect();
    let amounts: Vec<i128> = eligible.iter().map(|&i| lines[i].amount).collect();
    let base: i128 = amounts.iter().sum();
    let (d, total) = match discount {
        DiscountSpec::AmountPermille(p) => {
            let total = base * i128::from(p) / 1000;
            let minor = i64::try_from(total).unwrap();
            (
                Discount::amount(Money::from_minor(minor, spec.currency)),
                total,
            )
        }
        DiscountSpec::Percent { mantissa, scale } => {
            // base × (mantissa / 10^scale) / 100, rounded once.
            let total = round_div(
                base * i128::from(mantissa),
                pow10(scale + 2),
                spec.half_even,
            );
            (Discount::percent(Decimal::new(mantissa, scale)), total)
        }
    };
    let part = largest_remainder(&amounts, total);

    // Largest-remainder properties, independent of how ties are broken.
    assert_eq!(
        part.iter().sum::<i128>(),
        total,
        "shares add up to the discount"
    );
    for (&share, &a) in part.iter().zip(&amounts) {
        let floor = total * a / base;
        assert!(share == floor || share == floor + 1);
        assert!(share <= a, "no line goes negative");
    }

    let mut shares = vec![0; lines.len()];
    for (&i, &share) in eligible.iter().zip(&part) {
        shares[i] = share;
        if share > 0 {
            let line = &mut lines[i];
            line.amount -= share;
            let (vat, net) = gross_vat(line.amount, spec.lines[i].hundredths, spec.half_even);
            line.vat = vat;
            line.net = net;
        }
    }
    (d, total, shares)
}

fn check_discounts(spec: &OrderSpec, discounts: &[DiscountSpec]) -> Result<(), TestCaseError> {
    let exponent = u32::from(spec.currency.exponent());
    let mut lines: Vec<Expected> = spec
        .lines
        .iter()
        .map(|l| expected_line(l, exponent, spec.half_even))
        .collect();
    let shipping = spec
        .shipping
        .as_ref()
        .map(|s| expected_shipping(s, exponent, spec.half_even));
    let mut b = builder(spec);
    let mut all_shares = Vec::new();
    for &d in discounts {
        let before: Vec<i128> = lines.iter().map(|l| l.amount).collect();
        let (discount, total, shares) = apply_expected_discount(&mut lines, spec, d);
        // Exact shares proportional to the eligible amounts at that point:
        // each is ⌊total × a / base⌋ or that + 1 (checked above), and the floors miss by
        // less than the number of eligible lines.
        let eligible_base: i128 = before
            .iter()
            .zip(&spec.lines)
            .filter(|(a, l)| l.eligible && **a > 0)
            .map(|(a, _)| *a)
            .sum();
        prop_assert!(total <= eligible_base);
        b = b.discount(discount);
        all_shares.push(shares);
    }
    let total_amount: i128 =
        lines.iter().map(|e| e.amount).sum::<i128>() + shipping.map_or(0, |e| e.amount);
    let total_vat: i128 = lines.iter().map(|e| e.vat).sum::<i128>() + shipping.map_or(0, |e| e.vat);

    let built = b.build();
    if !spec.lines.iter().any(|l| l.eligible) {
        // A discount no line is marked eligible for is an error, one for each discount.
        let err = built.expect_err("a discount with no eligible line is rejected");
        let no_eligible_line = (Rule::Discount, "order.items".to_owned());
        let found = rules(&err);
        prop_assert_eq!(
            found.iter().filter(|&r| *r == no_eligible_line).count(),
            discounts.len(),
            "{:?}",
            found
        );
        return Ok(());
    }
    if !total_violations(total_amount, total_vat).is_empty() {
        let err = built.expect_err("a total past int32 or below 0 is rejected");
        prop_assert_eq!(rules(&err), total_violations(total_amount, total_vat));
        return Ok(());
    }
    let order = built.map_err(|e| TestCaseError::fail(format!("{e}")))?;
    let json = serde_json::to_value(&order).unwrap();
    let items = json["items"].as_array().unwrap();
    for (i, ((item, e), l)) in order
        .items()
        .iter()
        .zip(&lines)
        .zip(&spec.lines)
        .enumerate()
    {
        if !l.gift_card {
            prop_assert!(item.amount() >= 0, "items[{}] went negative", i);
        }
        prop_assert_eq!(i128::from(item.amount()), e.amount, "items[{}].amount", i);
        prop_assert_eq!(
            item.vat_amount().map(i128::from),
            Some(e.vat),
            "items[{}].vat",
            i
        );
        prop_assert!(within_half_of_exact_vat(e.amount, e.vat, l.hundredths));
        let recorded: Vec<i128> = item
            .discount_lines()
            .iter()
            .map(|d| i128::from(d.amount()))
            .collect();
        let expected: Vec<i128> = all_shares
            .iter()
            .map(|s| s[i])
            .filter(|&share| share > 0)
            .collect();
        prop_assert_eq!(&recorded, &expected, "items[{}].discount_lines", i);
        for d in item.discount_lines() {
            prop_assert!(d.amount() > 0);
        }

        let j = &items[i];
        prop_assert_eq!(int(&j["amount"]), e.amount);
        prop_assert_eq!(int(&j["vat_amount"]), e.vat);
        prop_assert_eq!(e.net + e.vat, int(&j["amount"]));
        let json_discounts: Vec<i128> = j.get("discount_lines").map_or(Vec::new(), |d| {
            d.as_array()
                .unwrap()
                .iter()
                .map(|d| int(&d["amount"]))
                .collect()
        });
        prop_assert_eq!(&json_discounts, &expected);
    }
    prop_assert_eq!(int(&json["amount"]), total_amount);
    prop_assert_eq!(int(&json["vat_amount"]), total_vat);
    prop_assert_eq!(i128::from(order.amount().minor_units()), total_amount);
    prop_assert_eq!(i128::from(order.vat_amount().minor_units()), total_vat);
    let back: Order =
        serde_json::from_value(json).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(back, order);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
        fn discounts_are_allocated_by_largest_remainder(
        mut spec in order_strategy(6),
        copies in prop::collection::vec(any::<prop::sample::Index>(), 0..=4),
        discounts in prop::collection::vec(discount_strategy(), 1..=2),
    ) {
        // Copies of lines have equal remainders: ties go to the earlier line.
        for copy in copies {
            let line = spec.lines[copy.index(spec.lines.len())].clone();
            spec.lines.push(line);
        }
        check_discounts(&spec, &discounts)?;
    }

    /// A fixed discount larger than the eligible lines' total is an error, never a negative
    /// line.
    #[test]
    fn discount_above_the_eligible_total_is_rejected(
        spec in order_strategy(4),
        extra in 1_i64..=1_000_000,
    ) {
        let exponent = u32::from(spec.currency.exponent());
        let base: i128 = spec
            .lines
            .iter()
            .map(|l| expected_line(l, exponent, spec.half_even))
            .zip(&spec.lines)
            .filter(|(e, l)| l.eligible && e.amount > 0)
            .map(|(e, _)| e.amount)
            .sum();
        let discount = i64::try_from(base).unwrap() + extra;
        let err = builder(&spec)
            .discount(Discount::amount(Money::from_minor(discount, spec.currency)))
            .build()
            .expect_err("a discount above the eligible total");
        let found = rules(&err);
        prop_assert!(found.contains(&(Rule::Discount, "order.items".to_owned())), "{found:?}");
    }
}

/// Hand-checked allocation with a tie: 100 over 3 × 10000 gives exact shares of 33⅓ each;
/// floors 33 + 33 + 33 = 99, remainders all equal (10000·100 mod 30000 = 10000), so the one
/// leftover unit goes to the first line: 34, 33, 33. At 25 % VAT the first line's 9966 holds
/// 9966 − round(9966 / 1.25) = 9966 − round(7972.8) = 9966 − 7973 = 1993, the others 9967 −
/// round(7973.6) = 9967 − 7974 = 1993.
#[test]
fn discount_tie_goes_to_the_first_line() {
    let vat = VatRate::from_whole_percent(25).unwrap();
    let line =
        |sku| Line::new(sku, "Shirt", UnitPrice::minor(10000), vat).eligible_for_discount(true);
    let order = Order::builder(Currency::NOK, "o")
        .line(line("a"))
        .line(line("b"))
        .line(line("c"))
        .discount(Discount::amount(Money::from_minor(100, Currency::NOK)))
        .build()
        .unwrap();
    let got: Vec<(i64, Option<i64>)> = order
        .items()
        .iter()
        .map(|i| (i.amount(), i.vat_amount()))
        .collect();
    assert_eq!(
        got,
        [(9966, Some(1993)), (9967, Some(1993)), (9967, Some(1993))]
    );
    assert_eq!(order.amount().minor_units(), 29900);
    assert_eq!(order.vat_amount().minor_units(), 3 * 1993);
}

// --- Money::from_major ---------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// A value with at most `exponent` decimals (after dropping trailing zeros) is accepted as
    /// exactly `value × 10^exponent` minor units and reads back equal; one with more is
    /// `TooPrecise`, never rounded.
    #[test]
    fn money_from_major_is_exact_or_an_error(
        (currency, exponent) in currency_strategy(),
        mantissa in -1_000_000_000_000_i64..=1_000_000_000_000,
        scale in 0_u32..=6,
    ) {
        let value = Decimal::new(mantissa, scale);
        // Significant decimals: the scale once trailing zeros are dropped, by integer steps.
        let (mut m, mut s) = (i128::from(mantissa), scale);
        while s > 0 && m % 10 == 0 {
            m /= 10;
            s -= 1;
        }
        let result = Money::from_major(value, currency);
        if s <= exponent {
            let money = result.map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(i128::from(money.minor_units()), m * pow10(exponent - s));
            prop_assert_eq!(money.currency(), currency);
            prop_assert_eq!(money.to_major(), value);
        } else {
            prop_assert!(
                matches!(result, Err(MoneyError::TooPrecise { .. })),
                "{} {:?}: {:?}", value, currency, result
            );
        }
    }

    /// Whole minor units always round-trip through major units.
    #[test]
    fn money_minor_major_round_trip(
        (currency, exponent) in currency_strategy(),
        minor in -1_000_000_000_000_i64..=1_000_000_000_000,
    ) {
        let major = Money::from_minor(minor, currency).to_major();
        prop_assert_eq!(major, Decimal::new(minor, exponent));
        prop_assert_eq!(Money::from_major(major, currency).map(Money::minor_units), Ok(minor));
    }
}

// --- the oracle's own anchors (so a wrong oracle cannot agree with a wrong library) ---------

#[test]
fn oracle_rounding_is_what_it_says() {
    // (n, d, half away from zero, half even)
    let cases = [
        (25, 10, 3, 2),
        (35, 10, 4, 4),
        (-25, 10, -3, -2),
        (-35, 10, -4, -4),
        (24, 10, 2, 2),
        (26, 10, 3, 3),
        (-26, 10, -3, -3),
        (5, 10, 1, 0),
        (-5, 10, -1, 0),
        (15, 10, 2, 2),
        (0, 7, 0, 0),
    ];
    for (n, d, away, even) in cases {
        assert_eq!(round_div(n, d, false), away, "{n}/{d} half away");
        assert_eq!(round_div(n, d, true), even, "{n}/{d} half even");
    }
    // 299.90 × 1 at 25 %: 29990 / 1.25 = 23992 exactly, VAT 5998.
    assert_eq!(
        oracle_amounts(29990, 1, 2500, false, false),
        (29990, 5998, 23992)
    );
    // Net 100.00 × 2.5 at 25 %: net 25000, VAT 6250, amount 31250.
    assert_eq!(
        oracle_amounts(10000 * 25, 10, 2500, true, false),
        (31250, 6250, 25000)
    );
    // 0.125 NOK: 12.5 øre → 13 half away, 12 half even.
    assert_eq!(oracle_amounts(125 * 100, 1000, 0, false, false).0, 13);
    assert_eq!(oracle_amounts(125 * 100, 1000, 0, false, true).0, 12);
    assert!(within_half_of_exact_vat(10000, 2032, 2550));
    assert!(!within_half_of_exact_vat(10000, 2033, 2550));
    assert!(floor_or_ceil_of_exact_vat(14, 1, 1200) && floor_or_ceil_of_exact_vat(14, 2, 1200));
    assert!(!floor_or_ceil_of_exact_vat(14, 3, 1200));
    assert_eq!(largest_remainder(&[10000, 10000, 10000], 100), [34, 33, 33]);
    assert_eq!(largest_remainder(&[1, 2, 3], 5), [1, 2, 2]); // 5/6=0.83, 10/6=1.67, 15/6=2.5
}

// --- quantities as JSON numbers --------------------------------------------------------------

/// The exact decimal a JSON number's text says (plain or scientific notation).
fn json_number_text(v: &Value) -> Decimal {
    assert!(v.is_number(), "expected a JSON number, found {v}");
    let text = v.to_string();
    if text.contains(['e', 'E']) {
        Decimal::from_scientific(&text).unwrap()
    } else {
        Decimal::from_str(&text).unwrap()
    }
}

fn check_quantity_json(mantissa: i64, scale: u32) -> Result<(), TestCaseError> {
    let value = Decimal::new(mantissa, scale);
    let Ok(quantity) = Quantity::new(value) else {
        return Ok(());
    };
    let json = serde_json::to_value(quantity)
        .map_err(|e| TestCaseError::fail(format!("{value} accepted but not emitted: {e}")))?;
    prop_assert_eq!(json_number_text(&json), value);
    let back: Quantity =
        serde_json::from_value(json).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(back, quantity);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// A quantity with up to 15 significant digits and up to 22 decimals is a JSON number that
    /// reads back exactly.
    #[test]
    fn quantities_are_exact_json_numbers(
        mantissa in 1_i64..1_000_000_000_000_000,
        scale in 0_u32..=22,
    ) {
        check_quantity_json(mantissa, scale)?;
    }

    /// Every quantity `Quantity::new` accepts can be emitted: with more decimals than 22 it must
    /// be rejected up front, not fail later in `serde_json::to_string`.
    #[test]
    fn every_accepted_quantity_can_be_emitted(
        mantissa in 1_i64..1_000_000_000_000_000,
        scale in 23_u32..=28,
    ) {
        check_quantity_json(mantissa, scale)?;
    }
}
