//! What the crates behind a home-made piece cost, next to it (issue 14), per call:
//!
//! - `url/*`: reading a URL the session checks. `fluent_uri` (RFC 3986, what the crate uses)
//!   against `http::Uri` and `url::Url` (WHATWG, what it used: it brought IDNA and ICU4X),
//!   on the usual `https://shop.example/callback?x=1` shape and a few others; and
//!   `session/callback_url`, a whole session build with one callback URL set, the fixed cost a
//!   URL check is part of.
//! - `currency/*`: a currency code read at run time, the crate's `Currency::from_code`
//!   against `iso_currency`'s own lookup plus its exponent; and the exponent read on the hot
//!   path, ours (a field) against `iso_currency::Currency::exponent` (a `match`).
//!
//! ```text
//! cargo bench -p dintero-order-testsuite --bench crates
//! ```
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::str::FromStr;
use std::time::Duration;

use criterion::Criterion;
use dintero_order::{Currency, Line, Order, SessionProfile, UnitPrice, VatRate};
use rust_decimal_macros::dec;

const URLS: &[(&str, &str)] = &[
    ("usual", "https://shop.example/callback?x=1"),
    (
        "long",
        "https://checkout.my-shop.example.co.uk:8443/dintero/callback/v2?order=1234567&sid=T11223344.5a&method=POST",
    ),
    ("ipv4", "https://203.0.113.7/cb"),
    ("ipv6", "https://[2001:db8::1]/cb"),
    ("encoded", "https://%6Cocalhost/cb"),
];

fn urls(c: &mut Criterion) {
    let mut group = c.benchmark_group("url");
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(1));
    for &(name, url) in URLS {
        group.bench_function(format!("fluent_uri/{name}"), |b| {
            b.iter(|| {
                let uri = fluent_uri::Uri::parse(black_box(url)).unwrap();
                black_box(uri.authority().map(|a| a.host_parsed().is_ipv4_or_reg()))
            });
        });
        group.bench_function(format!("http/{name}"), |b| {
            b.iter(|| {
                black_box(http::Uri::from_str(black_box(url)).is_ok_and(|u| u.host().is_some()))
            });
        });
        group.bench_function(format!("url/{name}"), |b| {
            b.iter(|| black_box(url::Url::parse(black_box(url)).is_ok_and(|u| u.host().is_some())));
        });
    }
    group.finish();

    let order = Order::builder(Currency::NOK, "order-1")
        .line(Line::new(
            "chair",
            "Chair",
            UnitPrice::major(dec!(299.90)),
            VatRate::from_whole_percent(25).unwrap(),
        ))
        .build()
        .unwrap();
    let mut group = c.benchmark_group("session");
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(1));
    group.bench_function("callback_url", |b| {
        b.iter(|| {
            SessionProfile::builder("default", "https://shop.example/return", order.clone())
                .callback_url(black_box("https://shop.example/callback?x=1"))
                .build()
                .unwrap()
        });
    });
    group.finish();
}

/// Whether a parsed host is an address or a name: what the check reads next.
trait HostKind {
    fn is_ipv4_or_reg(&self) -> bool;
}

impl<E: fluent_uri::pct_enc::Encoder> HostKind for fluent_uri::component::Host<'_, E> {
    fn is_ipv4_or_reg(&self) -> bool {
        matches!(
            self,
            fluent_uri::component::Host::Ipv4(_) | fluent_uri::component::Host::RegName(_)
        )
    }
}

fn currencies(c: &mut Criterion) {
    let mut group = c.benchmark_group("currency");
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(1));
    for code in ["NOK", "ZWG", "XAU"] {
        group.bench_function(format!("ours/from_code/{code}"), |b| {
            b.iter(|| Currency::from_code(black_box(code)));
        });
        group.bench_function(format!("iso_currency/from_code/{code}"), |b| {
            b.iter(|| {
                iso_currency::Currency::from_code(black_box(code))
                    .and_then(|iso| iso.exponent().map(|e| (iso, e)))
            });
        });
    }
    group.bench_function("ours/exponent", |b| {
        b.iter(|| black_box(Currency::NOK).exponent());
    });
    group.bench_function("iso_currency/exponent", |b| {
        b.iter(|| black_box(iso_currency::Currency::NOK).exponent());
    });
    group.finish();
}

criterion::criterion_group!(benches, urls, currencies);
criterion::criterion_main!(benches);
