//! The error path costs a small multiple of the input, and reports at most 100 problems, at
//! every entry point (issue 13 items 6 and 8).
//!
//! Not timed: the bounds are on what is counted. The heap is measured by a counting global
//! allocator: the peak the parse adds to what was already allocated (the body itself) must
//! stay within a few times the body's size, so the repair path keeps nothing per problem
//! past the 100 listed, and nothing per line it did not have to look at.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::fmt::Write as _;
use std::sync::Mutex;

use dintero_order::{Error, MAX_LISTED, Order, ParseOptions, Rule, SessionProfile};
use peak_alloc::PeakAlloc;

#[global_allocator]
static HEAP: PeakAlloc = PeakAlloc;

/// One measurement at a time: the allocator counts for the whole process.
static MEASURING: Mutex<()> = Mutex::new(());

/// Every test of this binary runs alone, from its first allocation to its last: the heap
/// counter is global, so another test building its body would count as this one's parse.
fn alone() -> std::sync::MutexGuard<'static, ()> {
    MEASURING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The most the heap may grow while `parse` runs, in bytes: `factor` times the input, plus a
/// megabyte for what any parse needs.
fn peak_while<T>(input: &str, factor: usize, parse: impl FnOnce() -> T) -> T {
    let before = HEAP.current_usage();
    HEAP.reset_peak_usage();
    let result = parse();
    let added = HEAP.peak_usage().saturating_sub(before);
    let bound = factor * input.len() + (1 << 20);
    assert!(
        added <= bound,
        "the parse added {added} bytes at its peak, more than {bound} for a {} byte body",
        input.len()
    );
    result
}

/// A profile body of `lines` lines of 100 minor units at 25 %, each line's `amount` and
/// `vat_amount` written as given, `extra` inside each line.
fn body(lines: usize, amount: &str, vat_amount: &str, extra: &str) -> String {
    let line_vat: usize = vat_amount.trim_matches('"').parse().unwrap_or(20);
    let mut out = format!(
        r#"{{"profile_id":"default","url":{{"return_url":"https://example.com/r"}},"order":{{"amount":{},"currency":"NOK","merchant_reference":"r","vat_amount":{},"items":["#,
        100 * lines,
        line_vat * lines
    );
    for i in 0..lines {
        if i > 0 {
            out.push(',');
        }
        let _ = write!(
            out,
            r#"{{"id":"sku-{i}","line_id":"{i}","description":"Chair {i}","quantity":1,"amount":{amount},"vat":25,"vat_amount":{vat_amount}{extra}}}"#
        );
    }
    out.push_str("]}}");
    out
}

const LINES: usize = 20_000;

fn listed(err: &Error) -> usize {
    err.violations().len()
}

#[test]
fn a_type_error_on_every_line_stops_at_100_and_costs_little() {
    let _alone = alone();
    let json = body(LINES, "\"100\"", "20", "");
    let err = peak_while(&json, 2, || {
        SessionProfile::from_json(json.as_bytes()).unwrap_err()
    });
    assert_eq!(listed(&err), MAX_LISTED);
    assert!(err.stopped_early() && err.unlisted() >= 1);
    assert!(err.violations().iter().all(|v| v.rule() == Rule::Type));
    assert_eq!(err.violations()[99].path(), "order.items[99].amount");
    let text = err.to_string();
    assert!(text.starts_with("invalid Dintero payload: more than 100 problems, the first 100 listed\n  order.items[0].amount: expected an integer amount in minor units, found \"100\""));
    assert!(text.ends_with("\n  and more: parsing stopped looking"));
    // Leniently the same; serde stops at the first.
    let lenient = peak_while(&json, 2, || {
        SessionProfile::from_json_with(json.as_bytes(), &ParseOptions::lenient()).unwrap_err()
    });
    assert_eq!(lenient, err);
    let serde = peak_while(&json, 2, || {
        serde_json::from_str::<SessionProfile>(&json).unwrap_err()
    });
    assert!(
        serde
            .to_string()
            .starts_with("invalid type: string \"100\", expected i64 at order.items[0].amount")
    );
}

#[test]
fn a_broken_invariant_on_every_line_lists_100_and_counts_the_rest() {
    let _alone = alone();
    let json = body(LINES, "100", "21", "");
    let err = peak_while(&json, 4, || {
        SessionProfile::from_json(json.as_bytes()).unwrap_err()
    });
    assert_eq!(
        (listed(&err), err.unlisted()),
        (MAX_LISTED, LINES - MAX_LISTED)
    );
    assert!(!err.stopped_early());
    assert!(err.violations().iter().all(|v| v.rule() == Rule::VatAmount));
    // serde holds the same promise: its message lists 100 and counts the rest.
    let message = peak_while(&json, 4, || {
        serde_json::from_str::<SessionProfile>(&json)
            .unwrap_err()
            .to_string()
    });
    assert_eq!(message.lines().count(), 1 + MAX_LISTED + 1);
    assert!(message.starts_with(&format!(
        "invalid Dintero payload: {LINES} problems, the first 100 listed\n"
    )));
    assert!(message.ends_with(&format!("\n  and {} more", LINES - MAX_LISTED)));
    // A bare order too, from bytes the repair path reads (a type error up front).
    let order_json = json
        .split_once(r#""order":"#)
        .map(|(_, order)| order.strip_suffix('}').unwrap_or(order))
        .unwrap()
        .replacen(
            r#""merchant_reference":"r""#,
            r#""merchant_reference":"r","is_changed":"no""#,
            1,
        );
    let err = peak_while(&order_json, 4, || {
        Order::from_json(order_json.as_bytes()).unwrap_err()
    });
    assert_eq!(listed(&err), MAX_LISTED);
    assert_eq!(err.violations()[0].path(), "order.is_changed");
    assert_eq!(err.unlisted(), LINES - MAX_LISTED + 1);
}

#[test]
fn unknown_fields_on_every_line_are_one_pass_leniently_and_capped_strictly() {
    let _alone = alone();
    for lines in [999, 1_000, 1_001, LINES] {
        let json = body(lines, "100", "20", r#","tax_rate":25"#);
        let parsed = peak_while(&json, 4, || {
            SessionProfile::from_json_with(json.as_bytes(), &ParseOptions::lenient()).unwrap()
        });
        assert_eq!(parsed.warnings().len(), MAX_LISTED, "{lines}");
        assert_eq!(parsed.unlisted_warnings(), lines - MAX_LISTED, "{lines}");
        assert_eq!(parsed.warnings()[5].path(), "order.items[5].tax_rate");
        assert_eq!(parsed.value().order().items().len(), lines);
        let err = peak_while(&json, 2, || {
            SessionProfile::from_json(json.as_bytes()).unwrap_err()
        });
        assert_eq!(listed(&err), MAX_LISTED, "{lines}");
        assert!(err.stopped_early());
        assert!(
            err.violations()
                .iter()
                .all(|v| v.rule() == Rule::UnknownField)
        );
    }
}

#[test]
fn an_error_always_has_a_problem() {
    let _alone = alone();
    // However many fields are dropped, a lenient error names what is wrong.
    for lines in [1_000, 1_001] {
        let json = body(lines, "100", "20", r#","tax_rate":25"#)
            .replace(r#""merchant_reference":"r""#, r#""merchant_reference":"""#);
        let err =
            SessionProfile::from_json_with(json.as_bytes(), &ParseOptions::lenient()).unwrap_err();
        let found: Vec<(Rule, &str)> = err
            .violations()
            .iter()
            .map(|v| (v.rule(), v.path()))
            .collect();
        assert_eq!(found, [(Rule::Required, "order.merchant_reference")]);
    }
}

#[test]
fn a_huge_unknown_key_costs_its_size_not_its_square() {
    let _alone = alone();
    let key = "k".repeat(4 << 20);
    let json = body(1, "100", "20", "").replacen('{', &format!("{{\"{key}\":1,"), 1);
    let err = peak_while(&json, 4, || {
        SessionProfile::from_json(json.as_bytes()).unwrap_err()
    });
    assert_eq!(listed(&err), 1);
    let problem = &err.violations()[0];
    assert_eq!(
        (problem.rule(), problem.path()),
        (Rule::UnknownField, key.as_str())
    );
    assert!(
        problem
            .expected()
            .starts_with("one of `profile_id`, `url`, `order`")
    );
}
