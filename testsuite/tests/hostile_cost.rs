//! What the error path costs: at most 100 problems however many things are wrong, and
//! memory a small multiple of the input's size.
//!
//! DESIGN's quality bar: "The error path's time and memory stay a small multiple of the
//! input's size, and at most 100 problems are reported." No test here reads a clock. Memory
//! is measured by a counting global allocator (`peak_alloc`, current and peak bytes of this
//! test binary): the peak while a body is parsed, above what was allocated before, must stay
//! within [`FACTOR`] × the body's size + [`SLACK`]. The tests of this binary take one lock,
//! so one measurement runs at a time.
//!
//! Time is bounded the same way without a clock: every body here is parsed once per entry
//! point in the default run, so a quadratic error path shows as a test that does not finish.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod hostile;

use std::sync::{Mutex, MutexGuard};

use dintero_order::{Error, Order, ParseOptions, Rule, Session, SessionProfile};
use hostile::MAX_PROBLEMS;
use hostile::json::{self, Json, Step};
use peak_alloc::PeakAlloc;

#[global_allocator]
static ALLOCATOR: PeakAlloc = PeakAlloc;

/// The error path may use this many times the input's size...
const FACTOR: usize = 8;
/// ... plus this much.
const SLACK: usize = 1 << 20;

static SERIAL: Mutex<()> = Mutex::new(());

fn one_at_a_time() -> MutexGuard<'static, ()> {
    SERIAL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// What `work` returns, and the most bytes allocated at once while it ran, above what was
/// allocated before it started.
fn peak_during<R>(work: impl FnOnce() -> R) -> (R, usize) {
    let before = ALLOCATOR.current_usage();
    ALLOCATOR.reset_peak_usage();
    let result = work();
    let peak = ALLOCATOR.peak_usage().saturating_sub(before);
    (result, peak)
}

/// A sessions-profile body around `items`.
fn profile_with_items(items: Vec<Json>) -> Vec<u8> {
    let mut document = json::parse(
        br#"{"profile_id":"default","url":{"return_url":"https://example.com/r"},
            "order":{"amount":0,"currency":"NOK","merchant_reference":"r","vat_amount":0}}"#,
    )
    .unwrap();
    if let Some(Json::Object(order)) = document.get_mut(&[Step::Key("order".into())]) {
        order.push(("items".to_owned(), Json::Array(items)));
    }
    document.to_bytes()
}

/// An item with one thing wrong, by kind (see the match).
fn bad_item(kind: usize, index: usize) -> Json {
    let text = match kind % 8 {
        0 => {
            r#"{"id":"a","line_id":"L","description":"A","quantity":1,"amount":"x","vat":25,"vat_amount":200}"#
        }
        1 => {
            r#"{"id":"a","line_id":"L","description":"A","quantity":1,"amount":1000,"vat":25,"vat_amount":200,"typo":1}"#
        }
        2 => r#"{"id":"a","line_id":"L","quantity":1,"amount":1000,"vat":25,"vat_amount":200}"#,
        3 => {
            r#"{"id":"a","line_id":"L","description":"A","quantity":-1,"amount":1000,"vat":25,"vat_amount":200}"#
        }
        4 => {
            r#"{"id":"a","line_id":"L","description":"A","quantity":1,"amount":1000,"vat":0.25,"vat_amount":200}"#
        }
        5 => {
            r#"{"id":"a","line_id":"L","description":"A","quantity":1,"amount":1000,"vat":25,"vat_amount":999}"#
        }
        6 => {
            r#"{"id":"a","line_id":"L","description":"A","quantity":1,"amount":1.5,"vat":25,"vat_amount":200}"#
        }
        _ => {
            r#"{"id":"a","line_id":"L","description":"A","quantity":1,"amount":1000,"vat":25,"vat_amout":200}"#
        }
    };
    let mut item = json::parse(text.as_bytes()).unwrap();
    if let Some(Json::Str(line_id)) = item.get_mut(&[Step::Key("line_id".into())]) {
        *line_id = index.to_string();
    }
    item
}

/// How many items of one kind a body has: 2 000 in the default run, 10 000 in a long run
/// (`HOSTILE_CASES` set). The body of every kind mixed always has 10 000.
fn single_kind_items() -> usize {
    if std::env::var_os("HOSTILE_CASES").is_some() {
        10_000
    } else {
        2_000
    }
}

/// A sessions-profile body with a bare order as in `base`, changed by `change`.
fn profile(change: impl FnOnce(&mut Vec<(String, Json)>)) -> Vec<u8> {
    let mut document = json::parse(
        br#"{"profile_id":"default","url":{"return_url":"https://example.com/r"},
            "order":{"amount":0,"currency":"NOK","merchant_reference":"r","vat_amount":0}}"#,
    )
    .unwrap();
    if let Json::Object(members) = &mut document {
        change(members);
    }
    document.to_bytes()
}

fn order_mut(members: &mut [(String, Json)]) -> &mut Vec<(String, Json)> {
    match members.iter_mut().find(|(k, _)| k == "order") {
        Some((_, Json::Object(order))) => order,
        _ => unreachable!("the base body has an order"),
    }
}

/// A bad body: what it is, its bytes, whether lenient parsing may accept it (only unknown
/// fields are wrong), and whether its `order` alone is bad too.
struct Bad {
    what: String,
    bytes: Vec<u8>,
    lenient_may_accept: bool,
    order_is_bad: bool,
}

fn bad(
    what: impl Into<String>,
    bytes: Vec<u8>,
    lenient_may_accept: bool,
    order_is_bad: bool,
) -> Bad {
    Bad {
        what: what.into(),
        bytes,
        lenient_may_accept,
        order_is_bad,
    }
}

/// Bad bodies, each a different way down the error path.
fn bad_bodies() -> Vec<Bad> {
    let mut bodies = Vec::new();
    let mixed = (0..10_000).map(|i| bad_item(i % 8, i)).collect();
    bodies.push(bad(
        "10 000 bad items of every kind",
        profile_with_items(mixed),
        false,
        true,
    ));
    let n = single_kind_items();
    for kind in 0..8 {
        let items = (0..n).map(|i| bad_item(kind, i)).collect();
        bodies.push(bad(
            format!("{n} bad items of kind {kind}"),
            profile_with_items(items),
            false,
            true,
        ));
    }
    bodies.push(bad(
        "10 000 empty items",
        profile_with_items(vec![Json::Object(Vec::new()); 10_000]),
        false,
        true,
    ));
    bodies.push(bad(
        "20 000 unknown fields",
        profile(|members| {
            members.extend(
                (0..20_000).map(|i| (format!("extra_field_{i}"), Json::Number(i.to_string()))),
            );
        }),
        true,
        false,
    ));
    bodies.push(bad(
        "10 000 metadata values of the wrong type",
        profile(|members| {
            // Numbers are metadata values since the 2025 spec; booleans never were.
            let entries = (0..10_000)
                .map(|i| (format!("ext_{i}"), Json::Bool(i % 2 == 0)))
                .collect();
            members.push(("metadata".to_owned(), Json::Object(entries)));
        }),
        false,
        false,
    ));
    bodies.push(bad(
        "a 1 MiB string for an amount",
        profile(|members| {
            if let Some(member) = order_mut(members).iter_mut().find(|(k, _)| k == "amount") {
                member.1 = Json::Str("9".repeat(1 << 20));
            }
        }),
        false,
        true,
    ));
    bodies.push(bad(
        "a 1 MiB string and an unknown field",
        profile(|members| {
            let order = order_mut(members);
            order.push((
                "merchant_reference_2".to_owned(),
                Json::Str("r".repeat(1 << 20)),
            ));
            order.push(("bogus".to_owned(), Json::Null));
        }),
        true,
        true,
    ));
    bodies.push(bad(
        "10 000 wrong leaves nested 100 deep",
        profile(|members| {
            // 100 levels, within serde_json's 128.
            let leaves: Vec<Json> = (0..10_000).map(|i| Json::Number(i.to_string())).collect();
            members.push((
                "metadata".to_owned(),
                hostile::nest(Json::Array(leaves), 100, true),
            ));
        }),
        false,
        false,
    ));
    bodies
}

/// One parse of a body (given whole, and its `order` alone), as `Ok(())` or the error.
type Entry = fn(&[u8], &[u8]) -> Result<(), Error>;

const ENTRIES: [(&str, Entry); 4] = [
    ("SessionProfile::from_json", |b, _| {
        SessionProfile::from_json(b).map(drop)
    }),
    ("SessionProfile::from_json_with(lenient)", |b, _| {
        SessionProfile::from_json_with(b, &ParseOptions::lenient()).map(drop)
    }),
    ("Session::from_json", |b, _| Session::from_json(b).map(drop)),
    ("Order::from_json (the body's order)", |_, order| {
        Order::from_json(order).map(drop)
    }),
];

/// Every bad body through every entry point: 1 to 100 problems (lenient parsing may accept
/// a body whose only fault is unknown fields), and a peak of at most 8× the input + 1 MiB.
/// `serde_json::from_slice` stops at the first type error; its peak is held to the same
/// bound.
#[test]
fn error_path_problems_and_memory() {
    let _serial = one_at_a_time();
    let mut failures = Vec::new();
    let mut tried = 0;
    for Bad {
        what,
        bytes,
        lenient_may_accept,
        order_is_bad,
    } in bad_bodies()
    {
        let limit = FACTOR * bytes.len() + SLACK;
        let order = json::parse(&bytes)
            .and_then(|d| d.get(&[Step::Key("order".into())]).map(Json::to_bytes))
            .unwrap_or_default();
        let over = |entry: &str, peak: usize, failures: &mut Vec<String>| {
            println!(
                "{what} ({} bytes): {entry}: peak {peak} bytes, {:.1}× the input",
                bytes.len(),
                peak as f64 / bytes.len() as f64
            );
            if peak > limit {
                failures.push(format!(
                    "{what} ({} bytes): {entry} peaked at {peak} bytes, {:.1}× the input (limit {FACTOR}× + 1 MiB)",
                    bytes.len(),
                    peak as f64 / bytes.len() as f64
                ));
            }
        };
        for (entry, parse) in ENTRIES {
            if entry.starts_with("Order") && !order_is_bad {
                continue;
            }
            tried += 1;
            let (result, peak) = peak_during(|| parse(&bytes, &order));
            over(entry, peak, &mut failures);
            match result {
                Ok(()) if lenient_may_accept && entry.contains("lenient") => {}
                Ok(()) => failures.push(format!("{what}: {entry} accepted it")),
                Err(error) => {
                    let n = error.violations().len();
                    println!("{what}: {entry}: {n} problems");
                    if !(1..=MAX_PROBLEMS).contains(&n) {
                        failures.push(format!(
                            "{what}: {entry} reported {n} problems (1 to {MAX_PROBLEMS} allowed)"
                        ));
                    }
                }
            }
        }
        tried += 1;
        let (result, peak) =
            peak_during(|| serde_json::from_slice::<SessionProfile>(&bytes).is_ok());
        over(
            "serde_json::from_slice::<SessionProfile>",
            peak,
            &mut failures,
        );
        if result {
            failures.push(format!("{what}: serde_json::from_slice accepted it"));
        }
    }
    println!("hostile class error_path_problems_and_memory: {tried} parses tried");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A 1 MiB unknown key gets its "did you mean" (or its list of known fields) with bounded
/// memory: the suggestion is looked for among short field names.
#[test]
fn did_you_mean_on_a_huge_key_is_bounded() {
    let _serial = one_at_a_time();
    let key = "vat_amount".repeat((1 << 20) / 10);
    let mut failures = Vec::new();
    for (what, bytes) in [
        ("at the top", {
            let mut d = json::parse(
                br#"{"profile_id":"default","url":{"return_url":"https://example.com/r"},
                    "order":{"amount":0,"currency":"NOK","merchant_reference":"r"}}"#,
            )
            .unwrap();
            if let Json::Object(members) = &mut d {
                members.push((key.clone(), Json::Number("1".into())));
            }
            d.to_bytes()
        }),
        ("in an item", {
            let mut item = bad_item(5, 1);
            if let Json::Object(members) = &mut item {
                members.retain(|(k, _)| k != "vat_amount");
                members.push((key.clone(), Json::Number("200".into())));
            }
            profile_with_items(vec![item])
        }),
    ] {
        let limit = FACTOR * bytes.len() + SLACK;
        let (result, peak) = peak_during(|| SessionProfile::from_json(&bytes));
        println!(
            "a 1 MiB unknown key {what} ({} bytes): peak {peak} bytes, {:.1}× the input",
            bytes.len(),
            peak as f64 / bytes.len() as f64
        );
        match result {
            Ok(_) => failures.push(format!("a 1 MiB unknown key {what} was accepted")),
            Err(error) => {
                let unknown = error
                    .violations()
                    .iter()
                    .filter(|v| v.rule() == Rule::UnknownField)
                    .count();
                if unknown != 1 {
                    failures.push(format!(
                        "a 1 MiB unknown key {what}: {unknown} unknown-field problems"
                    ));
                }
            }
        }
        if peak > limit {
            failures.push(format!(
                "a 1 MiB unknown key {what}: peak {peak} bytes, {:.1}× the input (limit {FACTOR}× + {SLACK})",
                peak as f64 / bytes.len() as f64
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The allocator counts: a sanity check of the measurement itself.
#[test]
fn the_allocator_counts() {
    let _serial = one_at_a_time();
    let (buffer, peak) = peak_during(|| vec![1_u8; 4 << 20]);
    // Other threads of the harness may free a little meanwhile.
    assert!(peak >= (4 << 20) - (64 << 10), "{peak}");
    drop(buffer);
}
