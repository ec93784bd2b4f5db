//! What correctness costs (issue 5): the body of `POST /v1/sessions-profile` built three ways
//! at 1 to 10 000 lines, and the same body parsed two ways.
//!
//! Group `session`, per line count N:
//! - `floor`: `serde_json::to_vec` of prebuilt plain DTOs (serialization alone);
//! - `handwritten`: map the shop's structs to DTOs, minor units and VAT with `rust_decimal`,
//!   totals, serialize (what a careful integration does today);
//! - `dintero_order`: `#[derive(CheckoutItem)]`, `Order::builder(..).items(&cart).build()`,
//!   `SessionProfile::builder(..).callback_url(..).build()?`, serialize. Every invariant checked.
//!
//! Group `parse`, per N: `plain` (`from_slice` into the DTOs) and `validated` (into
//! `SessionProfile`, which re-checks every invariant).
//!
//! All ways are asserted to produce identical bytes before anything is timed.
//!
//! ```text
//! cargo bench -p dintero-order-testsuite --bench session && scripts/bench-report
//! ```
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod support;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, SamplingMode, Throughput};
use dintero_order::SessionProfile;
use support::{CartLine, LINE_COUNTS, SessionDto};

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
        group.sample_size(25);
        group.measurement_time(Duration::from_secs(4));
    } else {
        group.sampling_mode(SamplingMode::Auto);
        group.sample_size(60);
        group.measurement_time(Duration::from_secs(3));
    }
}

fn build(c: &mut Criterion) {
    let mut group = c.benchmark_group("session");
    for n in LINE_COUNTS {
        let cart: Vec<CartLine> = support::cart(n);
        support::assert_identical(&cart);
        let prebuilt: SessionDto = support::handwritten_dto(&cart);
        configure(&mut group, n);
        group.bench_with_input(BenchmarkId::new("floor", n), &prebuilt, |b, dto| {
            b.iter(|| support::floor(black_box(dto)));
        });
        group.bench_with_input(BenchmarkId::new("handwritten", n), &cart, |b, cart| {
            b.iter(|| support::handwritten(black_box(cart)));
        });
        group.bench_with_input(BenchmarkId::new("dintero_order", n), &cart, |b, cart| {
            b.iter(|| support::dintero_order(black_box(cart)));
        });
    }
    group.finish();
}

fn parse(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse");
    for n in LINE_COUNTS {
        let cart = support::cart(n);
        let body = support::dintero_order(&cart);
        configure(&mut group, n);
        group.bench_with_input(BenchmarkId::new("plain", n), &body, |b, body| {
            b.iter(|| serde_json::from_slice::<SessionDto>(black_box(body)).unwrap());
        });
        group.bench_with_input(BenchmarkId::new("validated", n), &body, |b, body| {
            b.iter(|| serde_json::from_slice::<SessionProfile>(black_box(body)).unwrap());
        });
    }
    group.finish();
}

criterion::criterion_group!(benches, build, parse);
criterion::criterion_main!(benches);
