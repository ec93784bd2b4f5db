//! The cost of one line's arithmetic (`UnitPrice::line_amounts`) by the path it takes:
//!
//! - `usual`: 299.90 NOK × 2, every part in `i64` (the path nearly every line takes);
//! - `price_precision`: 0.125 NOK × 1.25, a division in `i64`;
//! - `wide_price`: a 20-digit price × 3, a mantissa past `i64`;
//! - `past_i128`: `100/3` NOK (27 decimals) × 0.123456789012345, a product past 128 bits.
//!
//! ```text
//! cargo bench -p dintero-order-testsuite --bench line_amounts
//! ```
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::time::Duration;

use criterion::Criterion;
use dintero_order::{Currency, Quantity, Rounding, UnitPrice, VatRate};
use rust_decimal_macros::dec;

fn line_amounts(c: &mut Criterion) {
    let rate = VatRate::from_whole_percent(25).unwrap();
    let cases = [
        ("usual", dec!(299.90), dec!(2)),
        ("price_precision", dec!(0.125), dec!(1.25)),
        ("wide_price", dec!(12.345678901234567890), dec!(3)),
        ("past_i128", dec!(100) / dec!(3), dec!(0.123456789012345)),
    ];
    let mut group = c.benchmark_group("line_amounts");
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(2));
    for (name, price, quantity) in cases {
        let quantity = Quantity::new(quantity).unwrap();
        for (pricing, unit_price) in [
            ("gross", UnitPrice::major(price)),
            ("net", UnitPrice::major(price).net()),
        ] {
            group.bench_function(format!("{name}/{pricing}"), |b| {
                b.iter(|| {
                    black_box(unit_price).line_amounts(
                        black_box(quantity),
                        rate,
                        Currency::NOK,
                        Rounding::HalfAwayFromZero,
                    )
                });
            });
        }
    }
    group.finish();
}

criterion::criterion_group!(benches, line_amounts);
criterion::criterion_main!(benches);
