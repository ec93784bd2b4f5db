//! Issue 17's "done when": random orders (currencies with 0, 2 and 3 decimals, gross and net
//! lines, fractional quantities, a discount, shipping) are authorized as a transaction, then
//! taken through random partial captures and refunds, ending with "capture everything left".
//!
//! Dintero is played by `lifecycle_support::record`, which adds each operation as an event.
//! The oracle here is written from DESIGN's definition, in `i128` arithmetic on the decimals'
//! digits, and shares no code with the crate: each part's amount and discount parts are
//! `cum(after) − cum(before)` with `cum(q) = round(A × q / Q)`; its VAT is the floor or the
//! ceiling of its exact share; per line, the captures add up to the line exactly, refunds
//! never pass what was captured, and nothing is captured twice. Every body is checked against
//! the committed capture or refund schema.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod lifecycle_support;
use lifecycle_support::record;
// Only the schema files' names are needed here.
#[allow(dead_code)]
#[path = "conformance/schemas.rs"]
mod schemas;
#[path = "conformance/validator.rs"]
mod validator;

use std::sync::OnceLock;

use dintero_order::{
    Currency, Discount, Error, Line, Order, Rule, Shipping, Transaction, UnitPrice, VatRate,
};
use jsonschema::Validator;
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{Value, json};
use validator::{committed, problems, validator_for};

fn capture_schema() -> &'static Validator {
    static V: OnceLock<Validator> = OnceLock::new();
    V.get_or_init(|| validator_for(&committed(schemas::CAPTURE)))
}

fn refund_schema() -> &'static Validator {
    static V: OnceLock<Validator> = OnceLock::new();
    V.get_or_init(|| validator_for(&committed(schemas::REFUND)))
}

/// One generated order line: a unit price in minor units, net or gross, a quantity in
/// thousandths, a VAT rate in hundredths of a percent, whether a discount may touch it, and
/// whether the transaction holds its VAT rounded the other way (the band's other value, as
/// a system rounding half to even or from its own tax figures may send, and Dintero keeps).
#[derive(Debug, Clone)]
struct LineSpec {
    price: i64,
    net: bool,
    thousandths: i64,
    hundredths: i64,
    eligible: bool,
    other_way: bool,
}

fn line_spec() -> impl Strategy<Value = LineSpec> {
    (
        1_i64..200_000,
        any::<bool>(),
        prop_oneof![(1_i64..6).prop_map(|units| units * 1000), 1_i64..5_000],
        prop::sample::select(vec![0_i64, 1200, 1500, 2500, 2550]),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(price, net, thousandths, hundredths, eligible, other_way)| LineSpec {
                price,
                net,
                thousandths,
                hundredths,
                eligible,
                other_way,
            },
        )
}

fn rate(hundredths: i64) -> VatRate {
    VatRate::from_percent(Decimal::new(hundredths, 2)).unwrap()
}

/// The order: its lines, a percentage discount when some line is eligible, and shipping.
fn order(
    currency: Currency,
    lines: &[LineSpec],
    discount: Option<i64>,
    shipping: Option<(i64, i64)>,
) -> Order {
    let mut builder = Order::builder(currency, "order-1");
    for (index, spec) in lines.iter().enumerate() {
        let price = UnitPrice::minor(spec.price);
        let price = if spec.net { price.net() } else { price };
        builder = builder.line(
            Line::new(
                format!("sku-{index}"),
                "Thing",
                price,
                rate(spec.hundredths),
            )
            .quantity(Decimal::new(spec.thousandths, 3))
            .eligible_for_discount(spec.eligible),
        );
    }
    if let Some(percent) = discount.filter(|_| lines.iter().any(|line| line.eligible)) {
        builder = builder.discount(Discount::percent(Decimal::from(percent)));
    }
    if let Some((price, hundredths)) = shipping {
        builder = builder.shipping(Shipping::new(
            "ship",
            "Post",
            UnitPrice::minor(price),
            rate(hundredths),
        ));
    }
    builder.build().unwrap()
}

/// What the oracle knows of a line: `Q` (as digits and scale), `A`, `V`, the rate and the
/// discounts, and how much has been captured and refunded, by quantity and by the sums of
/// the parts the bodies carried.
#[derive(Debug, Clone)]
struct Truth {
    line_id: String,
    quantity: Decimal,
    amount: i64,
    vat_amount: i64,
    hundredths: i64,
    discounts: Vec<i64>,
    captured: Decimal,
    refunded: Decimal,
    captured_sums: (i64, i64),
    refunded_sums: (i64, i64),
    captured_discounts: Vec<i64>,
}

/// The other value of the floor/ceiling band of `amount × rate / (100 + rate)`, if it has
/// two.
fn other_band_value(amount: i64, vat: i64, hundredths: i64) -> i64 {
    let numerator = i128::from(amount) * i128::from(hundredths);
    let denominator = 10_000 + i128::from(hundredths);
    if numerator.rem_euclid(denominator) == 0 {
        return vat;
    }
    let floor = i64::try_from(numerator.div_euclid(denominator)).unwrap();
    if vat == floor { floor + 1 } else { floor }
}

/// The authorized transaction Dintero would hold for `order` (the shipping option becomes an
/// item), with the VAT of the lines `other_way` names rounded the other way, and the
/// oracle's copy of each line.
fn authorize(order: &Order, lines: &[LineSpec]) -> (Value, Vec<Truth>) {
    let body: Value = serde_json::from_slice(&order.to_json()).unwrap();
    let mut items: Vec<Value> = body["items"].as_array().unwrap().clone();
    for (item, spec) in items
        .iter_mut()
        .zip(lines)
        .filter(|(_, spec)| spec.other_way)
    {
        let vat = item["vat_amount"].as_i64().unwrap();
        let amount = item["amount"].as_i64().unwrap();
        item["vat_amount"] = json!(other_band_value(amount, vat, spec.hundredths));
    }
    if let Some(shipping) = body.get("shipping_option") {
        items.push(json!({"id": shipping["id"], "line_id": shipping["line_id"],
            "description": shipping["title"], "quantity": 1, "amount": shipping["amount"],
            "vat": shipping["vat"], "vat_amount": shipping["vat_amount"]}));
    }
    let truths = items
        .iter()
        .map(|item| {
            let discounts: Vec<i64> = item["discount_lines"]
                .as_array()
                .map(|lines| {
                    lines
                        .iter()
                        .map(|d| d["amount"].as_i64().unwrap())
                        .collect()
                })
                .unwrap_or_default();
            Truth {
                line_id: item["line_id"].as_str().unwrap().to_owned(),
                quantity: item["quantity"].to_string().parse().unwrap(),
                amount: item["amount"].as_i64().unwrap(),
                vat_amount: item["vat_amount"].as_i64().unwrap(),
                hundredths: (item["vat"].to_string().parse::<Decimal>().unwrap()
                    * Decimal::ONE_HUNDRED)
                    .try_into()
                    .unwrap(),
                captured_discounts: vec![0; discounts.len()],
                discounts,
                captured: Decimal::ZERO,
                refunded: Decimal::ZERO,
                captured_sums: (0, 0),
                refunded_sums: (0, 0),
            }
        })
        .collect();
    let tx = json!({"id": "T1", "status": "AUTHORIZED", "amount": body["amount"],
        "currency": body["currency"], "items": items, "events": []});
    (tx, truths)
}

/// `round(whole × part / total)`, half away from zero, from the decimals' digits.
fn share(whole: i64, part: Decimal, total: Decimal) -> i64 {
    let scale = part.scale().max(total.scale());
    let digits = |d: Decimal| {
        let mut d = d;
        d.rescale(scale);
        d.mantissa()
    };
    let numerator = i128::from(whole) * digits(part);
    let denominator = digits(total);
    let (quotient, remainder) = (numerator / denominator, numerator % denominator);
    let rounded = if remainder.abs() * 2 >= denominator {
        quotient + numerator.signum()
    } else {
        quotient
    };
    i64::try_from(rounded).unwrap()
}

/// `cum(q)`: the whole line once `q` reaches `Q`.
fn cumulative(whole: i64, q: Decimal, total: Decimal) -> i64 {
    if q == total {
        whole
    } else {
        share(whole, q, total)
    }
}

/// Whether `vat` is the floor or the ceiling of `amount × rate / (100 + rate)`.
fn in_band(amount: i64, vat: i64, hundredths: i64) -> bool {
    let numerator = i128::from(amount) * i128::from(hundredths);
    let denominator = 10_000 + i128::from(hundredths);
    let floor = numerator.div_euclid(denominator);
    let ceiling = if numerator.rem_euclid(denominator) == 0 {
        floor
    } else {
        floor + 1
    };
    (floor..=ceiling).contains(&i128::from(vat))
}

/// One random operation: a refund or a capture, and for each line an eighth (0 to 8) of what
/// is left of it to take, in thousandths.
#[derive(Debug, Clone)]
struct Step {
    refund: bool,
    eighths: Vec<i64>,
}

fn step() -> impl Strategy<Value = Step> {
    (any::<bool>(), prop::collection::vec(0_i64..=8, 5))
        .prop_map(|(refund, eighths)| Step { refund, eighths })
}

/// `left × eighths / 8`, cut to thousandths.
fn portion(left: Decimal, eighths: i64) -> Decimal {
    (left * Decimal::from(eighths) / Decimal::from(8))
        .trunc_with_scale(3)
        .normalize()
}

/// The body's JSON, after checking it against its schema.
fn checked_body(json: &[u8], refund: bool) -> Result<Value, TestCaseError> {
    let body: Value = serde_json::from_slice(json).unwrap();
    let schema = if refund {
        refund_schema()
    } else {
        capture_schema()
    };
    let found = problems(schema, &body);
    prop_assert!(found.is_empty(), "{body} does not conform: {found:?}");
    Ok(body)
}

/// Checks a body's lines against the oracle and books them into it.
fn book(truths: &mut [Truth], body: &Value, refund: bool) -> Result<(), TestCaseError> {
    let items = body["items"].as_array().unwrap();
    let sum: i64 = items
        .iter()
        .map(|item| item["amount"].as_i64().unwrap())
        .sum();
    prop_assert_eq!(body["amount"].as_i64().unwrap(), sum);
    for item in items {
        let truth = truths
            .iter_mut()
            .find(|truth| item["line_id"] == truth.line_id.as_str())
            .unwrap();
        let quantity: Decimal = item["quantity"].to_string().parse().unwrap();
        let (amount, vat) = (
            item["amount"].as_i64().unwrap(),
            item["vat_amount"].as_i64().unwrap(),
        );
        let before = if refund {
            truth.refunded
        } else {
            truth.captured
        };
        let after = before + quantity;
        let cum = |q| cumulative(truth.amount, q, truth.quantity);
        prop_assert_eq!(
            amount,
            cum(after) - cum(before),
            "the part of {}",
            truth.line_id
        );
        prop_assert!(
            in_band(amount, vat, truth.hundredths),
            "VAT {} of {} at {} is out of band",
            vat,
            amount,
            truth.hundredths
        );
        let discounts: Vec<i64> = item["discount_lines"]
            .as_array()
            .map(|lines| {
                lines
                    .iter()
                    .map(|d| d["amount"].as_i64().unwrap())
                    .collect()
            })
            .unwrap_or_default();
        let expected: Vec<i64> = truth
            .discounts
            .iter()
            .map(|&d| cumulative(d, after, truth.quantity) - cumulative(d, before, truth.quantity))
            .filter(|&part| part != 0)
            .collect();
        prop_assert_eq!(
            &discounts,
            &expected,
            "the discount parts of {}",
            truth.line_id
        );
        if refund {
            truth.refunded = after;
            truth.refunded_sums.0 += amount;
            truth.refunded_sums.1 += vat;
            prop_assert!(truth.refunded <= truth.captured);
            prop_assert!(truth.refunded_sums.0 <= truth.captured_sums.0);
        } else {
            truth.captured = after;
            truth.captured_sums.0 += amount;
            truth.captured_sums.1 += vat;
            let mut parts = truth.discounts.iter().zip(&mut truth.captured_discounts);
            for part in &discounts {
                // Zero parts are left out: find the discount this part belongs to.
                let (_, taken) = parts
                    .by_ref()
                    .find(|(whole, taken)| **whole - **taken != 0)
                    .unwrap();
                *taken += part;
            }
            prop_assert!(truth.captured <= truth.quantity);
        }
    }
    Ok(())
}

/// The builder for `step` on `tx`, and the lines the oracle expects it to take.
fn run(tx: &Transaction, truths: &[Truth], step: &Step) -> (Result<Vec<u8>, Error>, usize) {
    let mut wanted = 0;
    if step.refund {
        let mut builder = tx.refund();
        for (truth, &eighths) in truths.iter().zip(&step.eighths) {
            let quantity = portion(truth.captured - truth.refunded, eighths);
            if quantity > Decimal::ZERO {
                builder = builder.line(truth.line_id.clone(), quantity);
                wanted += 1;
            }
        }
        (builder.build().map(|refund| refund.to_json()), wanted)
    } else {
        let mut builder = tx.capture();
        for (truth, &eighths) in truths.iter().zip(&step.eighths) {
            let quantity = portion(truth.quantity - truth.captured, eighths);
            if quantity > Decimal::ZERO {
                builder = builder.line(truth.line_id.clone(), quantity);
                wanted += 1;
            }
        }
        (builder.build().map(|capture| capture.to_json()), wanted)
    }
}

fn currency() -> impl Strategy<Value = Currency> {
    prop::sample::select(vec![Currency::JPY, Currency::NOK, Currency::KWD])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn partial_captures_and_refunds_add_up_to_each_line(
        currency in currency(),
        lines in prop::collection::vec(line_spec(), 1..5),
        discount in prop::option::of(1_i64..60),
        shipping in prop::option::of((0_i64..20_000, prop::sample::select(vec![0_i64, 2500]))),
        steps in prop::collection::vec(step(), 0..6),
    ) {
        let order = order(currency, &lines, discount, shipping);
        let (mut tx_json, mut truths) = authorize(&order, &lines);
        for step in &steps {
            let tx = Transaction::from_json(&serde_json::to_vec(&tx_json).unwrap()).unwrap();
            let (result, wanted) = run(&tx, &truths, step);
            let status = tx.status();
            let allowed = if step.refund { status.allows_refund() } else { status.allows_capture() };
            match result {
                Ok(json) => {
                    prop_assert!(allowed && wanted > 0);
                    let body = checked_body(&json, step.refund)?;
                    book(&mut truths, &body, step.refund)?;
                    record(&mut tx_json, if step.refund { "REFUND" } else { "CAPTURE" }, &body);
                }
                Err(error) => {
                    let rules: Vec<Rule> = error.violations().iter().map(|v| v.rule()).collect();
                    prop_assert!(!allowed || wanted == 0, "refused: {error}");
                    if !allowed {
                        prop_assert!(rules.contains(&Rule::TransactionStatus));
                    }
                }
            }
            // More than is left of a line is refused, with the line's path.
            let tx = Transaction::from_json(&serde_json::to_vec(&tx_json).unwrap()).unwrap();
            let truth = &truths[0];
            let over = Decimal::new(1, 3);
            let error = if step.refund {
                let left = truth.captured - truth.refunded;
                tx.refund().line(truth.line_id.clone(), left + over).build().unwrap_err()
            } else {
                let left = truth.quantity - truth.captured;
                tx.capture().line(truth.line_id.clone(), left + over).build().unwrap_err()
            };
            prop_assert!(error
                .violations()
                .iter()
                .any(|v| v.rule() == Rule::Remaining && v.path() == "items[0].quantity"));
        }

        // Capture everything left.
        let tx = Transaction::from_json(&serde_json::to_vec(&tx_json).unwrap()).unwrap();
        let left = truths.iter().any(|truth| truth.captured < truth.quantity);
        match tx.capture().all().build() {
            Ok(capture) => {
                prop_assert!(left);
                let body = checked_body(&capture.to_json(), false)?;
                book(&mut truths, &body, false)?;
                record(&mut tx_json, "CAPTURE", &body);
            }
            Err(error) => prop_assert!(!left || !tx.status().allows_capture(), "refused: {error}"),
        }
        let tx = Transaction::from_json(&serde_json::to_vec(&tx_json).unwrap()).unwrap();
        if tx.status().allows_capture() || !left {
            for truth in &truths {
                prop_assert_eq!(truth.captured, truth.quantity);
                prop_assert_eq!(truth.captured_sums, (truth.amount, truth.vat_amount));
                prop_assert_eq!(&truth.captured_discounts, &truth.discounts);
            }
            // Nothing is captured twice.
            prop_assert!(tx.capture().all().build().is_err());
        }
    }
}
