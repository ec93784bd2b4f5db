//! What correctness costs (issues 5 and 14): the body of `POST /v1/sessions-profile` built
//! three ways at 1 to 10 000 lines, and the same body parsed three ways, on two cart shapes.
//!
//! Carts (`support::Shape`):
//! - `bench`: the cart the library was tuned on (issue 5): three derived types, short ASCII
//!   names, VAT 25/15/12/0, line ids numbered by the library, no thumbnails, no shipping;
//! - `shop`: a realistic basket (issue 14): a thumbnail URL on every line, the shop's own line
//!   ids (`ol-<uuid-like>`), descriptions of 80 to 160 bytes of Norwegian and Sámi UTF-8, VAT
//!   25/15/12/0/25.5, and a shipping option.
//!
//! Group `session_<cart>`, per line count N:
//! - `floor`: `serde_json::to_vec` of prebuilt plain DTOs (serialization alone);
//! - `handwritten`: map the shop's structs to DTOs, minor units and VAT with `rust_decimal`,
//!   totals, serialize (what a careful integration does today);
//! - `dintero_order`: `#[derive(CheckoutItem)]`, `Order::builder(..).items(&cart)` (and
//!   `.shipping(..)`) `.build()`, `SessionProfile::builder(..).callback_url(..).build()?`,
//!   serialize. Every invariant checked.
//!
//! Group `parse_<cart>`, per N: `plain` (`serde_json::from_slice` into the DTOs), `from_json`
//! (`SessionProfile::from_json`) and `serde` (`serde_json::from_slice::<SessionProfile>`); the
//! last two re-check every invariant.
//!
//! All ways are asserted to produce identical bytes, and all parses to read them back, before
//! anything is timed.
//!
//! ```text
//! cargo bench -p dintero-order-testsuite --bench session && scripts/bench-report
//! cargo bench -p dintero-order-testsuite --bench session -- _shop   # one cart only
//! ```
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod support;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, SamplingMode, Throughput};
use dintero_order::SessionProfile;
use support::{BenchCart, LINE_COUNTS, Shape, ShopCartShape};

/// Modest timings: the machine is shared, and ratios within one run are what we report.
fn configure(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    n: usize,
) {
    group.throughput(Throughput::Elements(n as u64));
    group.warm_up_time(Duration::from_secs(1));
    if n >= 1000 {
        // Milliseconds per iteration: few flat samples instead of a long linear ramp.
        group.sampling_mode(SamplingMode::Flat);
        group.sample_size(20);
        group.measurement_time(Duration::from_secs(3));
    } else {
        group.sampling_mode(SamplingMode::Auto);
        group.sample_size(50);
        group.measurement_time(Duration::from_secs(2));
    }
}

fn build<S: Shape>(c: &mut Criterion) {
    let mut group = c.benchmark_group(format!("session_{}", S::NAME));
    for n in LINE_COUNTS {
        let cart = S::cart(n);
        support::assert_identical::<S>(&cart);
        let prebuilt = S::dto(&cart);
        configure(&mut group, n);
        group.bench_with_input(BenchmarkId::new("floor", n), &prebuilt, |b, dto| {
            b.iter(|| S::floor(black_box(dto)));
        });
        group.bench_with_input(BenchmarkId::new("handwritten", n), &cart, |b, cart| {
            b.iter(|| S::handwritten(black_box(cart)));
        });
        group.bench_with_input(BenchmarkId::new("dintero_order", n), &cart, |b, cart| {
            b.iter(|| S::dintero_order(black_box(cart)));
        });
    }
    group.finish();
}

fn parse<S: Shape>(c: &mut Criterion) {
    let mut group = c.benchmark_group(format!("parse_{}", S::NAME));
    for n in LINE_COUNTS {
        let body = S::dintero_order(&S::cart(n));
        configure(&mut group, n);
        group.bench_with_input(BenchmarkId::new("plain", n), &body, |b, body| {
            b.iter(|| serde_json::from_slice::<S::Dto>(black_box(body)).unwrap());
        });
        group.bench_with_input(BenchmarkId::new("from_json", n), &body, |b, body| {
            b.iter(|| SessionProfile::from_json(black_box(body)).unwrap());
        });
        group.bench_with_input(BenchmarkId::new("serde", n), &body, |b, body| {
            b.iter(|| serde_json::from_slice::<SessionProfile>(black_box(body)).unwrap());
        });
    }
    group.finish();
}

criterion::criterion_group!(
    benches,
    build::<BenchCart>,
    build::<ShopCartShape>,
    parse::<BenchCart>,
    parse::<ShopCartShape>
);
criterion::criterion_main!(benches);
