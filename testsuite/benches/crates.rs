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
//! - `line_ids/*`: the shop's own line ids (`ol-<uuid-like>`) put in a set to find repeats,
//!   std's `HashSet` (SipHash) against foldhash's (what the crate uses), and at a few ids,
//!   comparing one by one (faster at 2 ids by about 20 ns, slower from about 8: not worth
//!   a second way).
//! - `path/*`: where a serde error is. The shop body at 100 lines read into plain DTOs, then
//!   the same through `serde_path_to_error` (a `String` per key passed), then
//!   `serde_json::from_slice::<SessionProfile>`, which tracks the path with the crate's own
//!   tracker (nothing allocated until an error) *and* checks every invariant. The crate's
//!   budget for the last is 1.5 × plain (issue 14).
//!
//! ```text
//! cargo bench -p dintero-order-testsuite --bench crates
//! ```
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::hint::black_box;
use std::str::FromStr;
use std::time::Duration;

use criterion::Criterion;
use dintero_order::{Currency, Line, Order, SessionProfile, UnitPrice, VatRate};
use rust_decimal_macros::dec;
use support::{Shape, ShopCartShape};

mod support;

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

fn line_ids(c: &mut Criterion) {
    let mut group = c.benchmark_group("line_ids");
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(1));
    for n in [2, 16, 100, 10_000] {
        let cart = ShopCartShape::cart(n);
        let ids: Vec<&str> = cart
            .lines
            .iter()
            .map(|line| line.line_id.as_str())
            .collect();
        group.bench_function(format!("std_sip/{n}"), |b| {
            b.iter(|| {
                let mut set = std::collections::HashSet::with_capacity(ids.len());
                black_box(ids.iter().all(|id| set.insert(*id)))
            });
        });
        group.bench_function(format!("foldhash/{n}"), |b| {
            b.iter(|| {
                let mut set =
                    foldhash::HashSet::with_capacity_and_hasher(ids.len(), Default::default());
                black_box(ids.iter().all(|id| set.insert(*id)))
            });
        });
        if n <= 16 {
            group.bench_function(format!("one_by_one/{n}"), |b| {
                b.iter(|| {
                    let mut seen: Vec<&str> = Vec::with_capacity(ids.len());
                    black_box(ids.iter().all(|id| {
                        let new = !seen.contains(id);
                        seen.push(id);
                        new
                    }))
                });
            });
        }
    }
    group.finish();
}

fn paths(c: &mut Criterion) {
    let mut group = c.benchmark_group("path");
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(2));
    let body = ShopCartShape::dintero_order(&ShopCartShape::cart(100));
    type Dto = <ShopCartShape as Shape>::Dto;
    group.bench_function("plain", |b| {
        b.iter(|| serde_json::from_slice::<Dto>(black_box(&body)).unwrap());
    });
    group.bench_function("serde_path_to_error", |b| {
        b.iter(|| {
            let mut json = serde_json::Deserializer::from_slice(black_box(&body));
            serde_path_to_error::deserialize::<_, Dto>(&mut json).unwrap()
        });
    });
    group.bench_function("dintero_order", |b| {
        b.iter(|| serde_json::from_slice::<SessionProfile>(black_box(&body)).unwrap());
    });
    group.finish();
}

criterion::criterion_group!(benches, urls, currencies, line_ids, paths);
criterion::criterion_main!(benches);
