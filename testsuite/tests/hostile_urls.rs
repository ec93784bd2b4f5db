//! `url.callback_url` never names this machine, however it is spelt.
//!
//! Dintero's backend calls the callback URL; one that points at localhost, a loopback or an
//! unspecified address would make it call itself. Every spelling the URL parser accepts for
//! such a host is refused with the same message, through the builder and through each parse
//! entry point: `localhost` and names under it (RFC 6761) in any case, with trailing dots or
//! percent-escapes; the whole of 127.0.0.0/8 in every IPv4 notation WHATWG reads (dotted,
//! short forms, one number, hexadecimal, octal, mixed); `::1`, `::` and `0.0.0.0`; and the
//! IPv4 loopback inside IPv6, mapped (`::ffff:127.0.0.1`, `::ffff:7f00:1`) or compatible
//! (`::127.0.0.1`). Near misses (`localhost.example.com`, `127.example`, `[2001:db8::1]`) stay
//! accepted. A table lists the spellings by hand; two property tests spell random addresses
//! inside and outside the local ranges in random notations.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::net::{Ipv4Addr, Ipv6Addr};

use dintero_order::{
    Currency, Line, Order, ParseOptions, Rule, Session, SessionProfile, UnitPrice, VatRate,
};
use proptest::prelude::*;
use rust_decimal_macros::dec;

const UNREACHABLE: &str = "a host Dintero can reach, not localhost or a loopback address";

fn order() -> Order {
    Order::builder(Currency::NOK, "order-1")
        .line(Line::new(
            "chair",
            "Chair",
            UnitPrice::major(dec!(299.90)),
            VatRate::from_whole_percent(25).unwrap(),
        ))
        .build()
        .unwrap()
}

/// The message every refused spelling gets.
fn refused(url: &str) -> String {
    format!(
        "url.callback_url: expected {UNREACHABLE}, found {}",
        serde_json::to_string(url).unwrap()
    )
}

/// What each way in says about `url` as a callback URL: `None` when accepted, else the one
/// problem's message. Panics if the ways disagree.
fn verdict(url: &str) -> Option<String> {
    let built = SessionProfile::builder("default", "https://example.com/return", order())
        .callback_url(url)
        .build();
    let from_builder = match &built {
        Ok(_) => None,
        Err(err) => {
            let problems = err.violations();
            assert_eq!(problems.len(), 1, "{url}: {err}");
            assert_eq!(problems[0].rule(), Rule::Url, "{url}");
            assert_eq!(problems[0].path(), "url.callback_url", "{url}");
            Some(problems[0].to_string())
        }
    };
    let body = serde_json::json!({
        "profile_id": "default",
        "url": { "return_url": "https://example.com/return", "callback_url": url },
        "order": serde_json::to_value(order()).unwrap(),
    });
    let bytes = serde_json::to_vec(&body).unwrap();
    let one = |result: Result<(), dintero_order::Error>| match result {
        Ok(()) => None,
        Err(err) => {
            assert_eq!(err.violations().len(), 1, "{url}: {err}");
            Some(err.violations()[0].to_string())
        }
    };
    let strict = one(SessionProfile::from_json(&bytes).map(drop));
    let lenient = one(SessionProfile::from_json_with(&bytes, &ParseOptions::lenient()).map(drop));
    let serde = serde_json::from_slice::<SessionProfile>(&bytes).is_ok();
    assert_eq!(strict, from_builder, "{url}: from_json and build disagree");
    assert_eq!(
        lenient, from_builder,
        "{url}: lenient from_json and build disagree"
    );
    assert_eq!(
        serde,
        from_builder.is_none(),
        "{url}: serde and build disagree"
    );

    let mut session = body;
    let object = session.as_object_mut().unwrap();
    object.remove("profile_id");
    object.insert("configuration".into(), serde_json::json!({}));
    let bytes = serde_json::to_vec(&session).unwrap();
    assert_eq!(
        one(Session::from_json(&bytes).map(drop)),
        from_builder,
        "{url}: Session::from_json disagrees"
    );
    from_builder
}

/// Every spelling of this machine that the URL parser takes, written out.
const LOCAL: &[&str] = &[
    // localhost and names under it (RFC 6761), any case, trailing dots, escapes.
    "https://localhost/cb",
    "https://localhost./cb",
    "https://localhost../cb",
    "https://LOCALHOST/cb",
    "https://LocalHost./cb",
    "https://localhost:8443/cb",
    "https://localhost.:8443/cb",
    "https://user:secret@localhost/cb",
    "https://app.localhost/cb",
    "https://app.localhost./cb",
    "https://a.b.c.localhost/cb",
    "https://APP.LOCALHOST./cb",
    "https://.localhost/cb",
    "https://%6Cocalhost/cb",
    "https://%6c%6f%63%61%6c%68%6f%73%74/cb",
    "https://localhost%2E/cb",
    // Full-width `ｌ` and the ideographic full stop, percent-encoded UTF-8: IDNA maps them.
    "https://%EF%BD%8Cocalhost/cb",
    "https://localhost%E3%80%82/cb",
    "https://app%E3%80%82localhost/cb",
    // 127.0.0.0/8, dotted.
    "https://127.0.0.1/cb",
    "https://127.0.0.0/cb",
    "https://127.255.255.255/cb",
    "https://127.1.2.3:8443/cb",
    "https://127.0.0.1./cb",
    "https://127.0.0.1../cb",
    "https://127.000.000.001/cb",
    "https://127%2E0%2E0%2E1/cb",
    // Short forms: the last part fills the remaining bytes.
    "https://127.1/cb",
    "https://127.0.1/cb",
    "https://127.16777215/cb",
    "https://127.255.65535/cb",
    "https://127.1./cb",
    // One number: decimal, hexadecimal, octal.
    "https://2130706433/cb",
    "https://2130706432/cb",
    "https://2147483647/cb",
    "https://0x7f000001/cb",
    "https://0X7F000001/cb",
    "https://0x00007f000001/cb",
    "https://017700000001/cb",
    "https://0017700000001/cb",
    // Hexadecimal and octal parts, mixed.
    "https://0x7f.0.0.1/cb",
    "https://0x7f.1/cb",
    "https://0x7F.0x0.0x0.0x1/cb",
    "https://0177.0.0.1/cb",
    "https://0177.1/cb",
    "https://00177.0.0.01/cb",
    "https://0x7f.0377.0xff.255/cb",
    "https://0x7f.0xffffff/cb",
    "https://0177.077777777/cb",
    // Unspecified: 0.0.0.0 and ::.
    "https://0.0.0.0/cb",
    "https://0.0.0.0./cb",
    "https://0/cb",
    "https://0.0/cb",
    "https://00/cb",
    "https://0x0/cb",
    "https://0x/cb",
    "https://[::]/cb",
    "https://[0::]/cb",
    "https://[0:0:0:0:0:0:0:0]/cb",
    "https://[::0.0.0.0]/cb",
    "https://[::ffff:0.0.0.0]/cb",
    "https://[::ffff:0:0]/cb",
    // ::1 in every IPv6 notation.
    "https://[::1]/cb",
    "https://[::1]:8443/cb",
    "https://[0::1]/cb",
    "https://[::0:1]/cb",
    "https://[::0001]/cb",
    "https://[0:0:0:0:0:0:0:1]/cb",
    "https://[0000:0000:0000:0000:0000:0000:0000:0001]/cb",
    "https://[0:0:0::0:0:1]/cb",
    "https://[::0.0.0.1]/cb",
    "https://[0:0:0:0:0:0:0.0.0.1]/cb",
    // IPv4-mapped, both notations.
    "https://[::ffff:127.0.0.1]/cb",
    "https://[::FFFF:127.0.0.1]/cb",
    "https://[::ffff:7f00:1]/cb",
    "https://[::FFFF:7F00:0001]/cb",
    "https://[::ffff:127.255.255.255]/cb",
    "https://[::ffff:7fff:ffff]/cb",
    "https://[0:0:0:0:0:ffff:127.1.2.3]/cb",
    "https://[0000:0000:0000:0000:0000:ffff:7f01:0203]/cb",
    // IPv4-compatible, both notations.
    "https://[::127.0.0.1]/cb",
    "https://[::7f00:1]/cb",
    "https://[0:0:0:0:0:0:127.9.9.9]/cb",
    "https://[::7fff:ffff]/cb",
];

/// Hosts that look local and are not: they stay accepted.
const NEAR_MISSES: &[&str] = &[
    "https://localhost.example.com/cb",
    "https://localhost.example.com./cb",
    "https://mylocalhost.no/cb",
    "https://localhostx/cb",
    "https://localhost-shop.no/cb",
    "https://localhost.no/cb",
    "https://xlocalhost/cb",
    "https://local.host/cb",
    "https://127.example/cb",
    "https://127.0.0.1.example/cb",
    "https://127-0-0-1.example/cb",
    "https://example.com/localhost",
    "https://example.com/cb?next=https://127.0.0.1/",
    "https://localhost@example.com/cb",
    "https://126.255.255.255/cb",
    "https://128.0.0.0/cb",
    "https://2130706431/cb",
    "https://2147483648/cb",
    "https://0x80000000/cb",
    "https://[2001:db8::1]/cb",
    "https://[::2]/cb",
    "https://[::ffff:128.0.0.1]/cb",
    "https://[::ffff:1.0.0.0]/cb",
    "https://[::1:0:0:1]/cb",
    "https://[1::1]/cb",
    "https://[::ffff:1:7f00:1]/cb",
    "https://[fe80::1]/cb",
];

#[test]
fn every_spelling_of_this_machine_is_refused() {
    let mut wrong = Vec::new();
    for url in LOCAL {
        let expected = Some(refused(url));
        let found = verdict(url);
        if found != expected {
            wrong.push(format!("{url}: {found:?}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "accepted or refused otherwise:\n{}",
        wrong.join("\n")
    );
    println!("local spellings refused: {}", LOCAL.len());
}

#[test]
fn near_misses_stay_accepted() {
    let wrong: Vec<String> = NEAR_MISSES
        .iter()
        .filter_map(|url| verdict(url).map(|found| format!("{url}: {found}")))
        .collect();
    assert!(wrong.is_empty(), "refused:\n{}", wrong.join("\n"));
    println!("near misses accepted: {}", NEAR_MISSES.len());
}

/// An http callback URL is refused as not https, whatever its host: the scheme comes first.
#[test]
fn a_local_http_url_is_refused_as_not_https() {
    for url in ["http://localhost./cb", "http://[::ffff:127.0.0.1]/cb"] {
        assert_eq!(
            verdict(url),
            Some(format!(
                "url.callback_url: expected an absolute https URL, found {}",
                serde_json::to_string(url).unwrap()
            ))
        );
    }
}

/// How a number is written in an IPv4 part: WHATWG reads `0x`/`0X` as hexadecimal and a
/// leading `0` as octal.
#[derive(Debug, Clone, Copy)]
enum Radix {
    Decimal,
    Hex { upper: bool, zeros: u8 },
    Octal { zeros: u8 },
}

fn write_part(value: u32, radix: Radix) -> String {
    match radix {
        Radix::Decimal => value.to_string(),
        Radix::Hex { upper, zeros } => {
            let digits = if upper {
                format!("{value:X}")
            } else {
                format!("{value:x}")
            };
            let prefix = if upper { "0X" } else { "0x" };
            format!("{prefix}{}{digits}", "0".repeat(usize::from(zeros)))
        }
        Radix::Octal { zeros } => format!("0{}{value:o}", "0".repeat(usize::from(zeros))),
    }
}

fn radix() -> impl Strategy<Value = Radix> {
    prop_oneof![
        2 => Just(Radix::Decimal),
        1 => (any::<bool>(), 0_u8..3).prop_map(|(upper, zeros)| Radix::Hex { upper, zeros }),
        1 => (0_u8..3).prop_map(|zeros| Radix::Octal { zeros }),
    ]
}

/// `address` in one of WHATWG's IPv4 notations: 1 to 4 parts (the last fills the remaining
/// bytes), each in its own radix, with an optional trailing dot.
fn ipv4_spelling(address: Ipv4Addr) -> impl Strategy<Value = String> {
    let bits = u32::from(address);
    (
        1_usize..=4,
        prop::collection::vec(radix(), 4),
        any::<bool>(),
    )
        .prop_map(move |(parts, radixes, dot)| {
            let mut written = Vec::new();
            for (index, radix) in radixes.iter().enumerate().take(parts) {
                let last = index + 1 == parts;
                let value = if last {
                    let remaining = 32 - 8 * index;
                    if remaining == 32 {
                        bits
                    } else {
                        bits & ((1_u32 << remaining) - 1)
                    }
                } else {
                    (bits >> (24 - 8 * index)) & 0xff
                };
                written.push(write_part(value, *radix));
            }
            let dot = if dot { "." } else { "" };
            format!("{}{dot}", written.join("."))
        })
}

/// `address` in one of the IPv6 notations: any run of zero groups (or none) compressed to
/// `::`, groups with or without leading zeros in either case, the last 32 bits dotted or not.
fn ipv6_spelling(address: Ipv6Addr) -> impl Strategy<Value = String> {
    let groups = address.segments();
    (
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<prop::sample::Index>(),
    )
        .prop_map(move |(upper, padded, dotted, pick)| {
            let count = if dotted { 6 } else { 8 };
            let mut pieces: Vec<String> = groups[..count]
                .iter()
                .map(|group| match (upper, padded) {
                    (false, false) => format!("{group:x}"),
                    (false, true) => format!("{group:04x}"),
                    (true, false) => format!("{group:X}"),
                    (true, true) => format!("{group:04X}"),
                })
                .collect();
            if dotted {
                let [a, b] = groups[6].to_be_bytes();
                let [c, d] = groups[7].to_be_bytes();
                pieces.push(format!("{a}.{b}.{c}.{d}"));
            }
            // Every run of zero groups that could be compressed; pick one, or none.
            let mut runs = vec![None];
            for start in 0..count {
                for end in start + 1..=count {
                    if groups[start..end].iter().all(|&g| g == 0) {
                        runs.push(Some((start, end)));
                    }
                }
            }
            match *pick.get(&runs) {
                None => pieces.join(":"),
                Some((start, end)) => {
                    let head = pieces[..start].join(":");
                    let tail = pieces[end..].join(":");
                    format!("{head}::{tail}")
                }
            }
        })
}

fn local_ipv4() -> impl Strategy<Value = Ipv4Addr> {
    prop_oneof![
        8 => (0_u32..1 << 24).prop_map(|low| Ipv4Addr::from(0x7f00_0000 | low)),
        1 => Just(Ipv4Addr::UNSPECIFIED),
    ]
}

fn local_ipv6() -> impl Strategy<Value = Ipv6Addr> {
    prop_oneof![
        Just(Ipv6Addr::LOCALHOST),
        Just(Ipv6Addr::UNSPECIFIED),
        local_ipv4().prop_map(|v4| v4.to_ipv6_mapped()),
        local_ipv4().prop_map(|v4| v4.to_ipv6_compatible()),
    ]
}

fn is_local_v4(address: Ipv4Addr) -> bool {
    address.is_loopback() || address.is_unspecified()
}

fn remote_ipv4() -> impl Strategy<Value = Ipv4Addr> {
    any::<u32>()
        .prop_map(Ipv4Addr::from)
        .prop_filter("not local", |&a| !is_local_v4(a))
}

fn remote_ipv6() -> impl Strategy<Value = Ipv6Addr> {
    prop_oneof![
        any::<u128>().prop_map(Ipv6Addr::from),
        remote_ipv4().prop_map(|v4| v4.to_ipv6_mapped()),
        remote_ipv4().prop_map(|v4| v4.to_ipv6_compatible()),
        (any::<u16>(), any::<u16>())
            .prop_map(|(a, b)| Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, a, b)),
    ]
    .prop_filter("not local", |&a| {
        !(a.is_loopback() || a.is_unspecified() || a.to_ipv4().is_some_and(is_local_v4))
    })
}

/// A random spelling of a random host of this machine: an address in any notation, or a name
/// under `localhost` in mixed case with trailing dots.
fn local_host() -> impl Strategy<Value = String> {
    prop_oneof![
        local_ipv4().prop_flat_map(ipv4_spelling),
        local_ipv6()
            .prop_flat_map(ipv6_spelling)
            .prop_map(|a| format!("[{a}]")),
        (
            prop::collection::vec("[a-zA-Z0-9]{1,7}", 0..3),
            "[lL][oO][cC][aA][lL][hH][oO][sS][tT]",
            "\\.{0,2}",
        )
            .prop_map(|(labels, localhost, dots)| {
                let mut name = labels.join(".");
                if !name.is_empty() {
                    name.push('.');
                }
                format!("{name}{localhost}{dots}")
            }),
    ]
}

fn remote_host() -> impl Strategy<Value = String> {
    prop_oneof![
        remote_ipv4().prop_flat_map(ipv4_spelling),
        remote_ipv6()
            .prop_flat_map(ipv6_spelling)
            .prop_map(|a| format!("[{a}]")),
    ]
}

fn cases(default: u32) -> u32 {
    std::env::var("HOSTILE_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(256)))]

    #[test]
    fn a_local_host_in_any_spelling_is_refused(
        host in local_host(),
        port in prop::option::of(1_u16..),
        path in "(/[a-z]{0,6}){0,2}",
    ) {
        let port = port.map(|p| format!(":{p}")).unwrap_or_default();
        let url = format!("https://{host}{port}{path}");
        prop_assert_eq!(verdict(&url), Some(refused(&url)));
    }

    #[test]
    fn a_remote_address_in_any_spelling_is_accepted(
        host in remote_host(),
        port in prop::option::of(1_u16..),
    ) {
        let port = port.map(|p| format!(":{p}")).unwrap_or_default();
        let url = format!("https://{host}{port}/cb");
        prop_assert_eq!(verdict(&url), None);
    }
}
