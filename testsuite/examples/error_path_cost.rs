//! Time and peak memory of parsing a large body that fails (issue 13 item 8), for
//! `/usr/bin/time -v`.
//!
//! ```text
//! cargo build --release -p dintero-order-testsuite --example error_path_cost
//! for way in valid string_amounts wrong_vat_amounts unknown_keys; do
//!     /usr/bin/time -v target/release/examples/error_path_cost $way 1000000 2>&1 \
//!         | grep -E '^(error_path_cost|.*Maximum resident|.*Elapsed)'
//! done
//! /usr/bin/time -v target/release/examples/error_path_cost long_key 8388608 2>&1 \
//!     | grep -E '^(error_path_cost|.*Maximum resident|.*Elapsed)'
//! ```
//!
//! The body is made in memory (about 116 bytes a line), then parsed once with
//! `SessionProfile::from_json`. Ways (argv[1]); argv[2] is the line count (default 1 000 000),
//! or the key's length for `long_key`:
//! - `valid`: every line right: the happy path, for comparison;
//! - `string_amounts`: every line's `amount` is a string (`"amount":"100"`): a type error on
//!   each line, found on the repair path;
//! - `wrong_vat_amounts`: every line's `vat_amount` is off by one: an invariant broken on
//!   each line, found by the checks;
//! - `unknown_keys`: every line has an unknown field (`"tax_rate":25`), parsed leniently: a
//!   warning on each line;
//! - `long_key`: one valid line and one unknown top-level key of that many bytes.
//!
//! It prints the input's size, the time the parse took and how many problems (and warnings)
//! it reported, listed and unlisted.
//!
//! Measured on the 2-core development machine, release build, 1 000 000 lines (the body is
//! held in memory, so peak RSS includes its 126-140 MB):
//!
//! | way | before (8f0ccc9) | after (issue 13) |
//! | --- | --- | --- |
//! | `valid` | 0.39 s, 283 MB | 0.39 s, 283 MB |
//! | `string_amounts` | 11.28 s, 2 444 MB | 0.68 s, 151 MB |
//! | `wrong_vat_amounts` | 0.61 s, 533 MB, 1 000 001 problems | 0.48 s, 283 MB, 100 listed |
//! | `unknown_keys` (lenient) | 12.53 s, 2 459 MB, an error with 0 problems | 1.12 s, 319 MB, ok |
//! | `long_key` (8 MiB) | 4.88 s, 1 051 MB | 0.02 s, 36 MB |
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::fmt::Write as _;
use std::hint::black_box;
use std::process::ExitCode;
use std::time::Instant;

use dintero_order::{ParseOptions, SessionProfile};

/// The body: `lines` lines of 100 minor units at 25 % VAT, with `amount` and `vat_amount`
/// written as `amount` and `vat_amount` say, and `extra` inside each line.
fn body(lines: usize, amount: &str, vat_amount: &str, extra: &str) -> String {
    let mut out = String::with_capacity(lines * 120 + 256);
    let total = 100 * lines;
    let vat_total = 20 * lines;
    let _ = write!(
        out,
        r#"{{"profile_id":"default","url":{{"return_url":"https://example.com/r"}},"order":{{"amount":{total},"currency":"NOK","merchant_reference":"r","vat_amount":{vat_total},"items":["#
    );
    for i in 0..lines {
        if i > 0 {
            out.push(',');
        }
        let _ = write!(
            out,
            r#"{{"id":"sku-{i}","line_id":"{i}","description":"Chair number {i}","quantity":1,"amount":{amount},"vat":25,"vat_amount":{vat_amount}{extra}}}"#
        );
    }
    out.push_str("]}}");
    out
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let way = args.get(1).map_or("string_amounts", String::as_str);
    let n: usize = match args.get(2).map(|s| s.parse()) {
        None => 1_000_000,
        Some(Ok(n)) => n,
        Some(Err(_)) => {
            eprintln!("the count must be a whole number");
            return ExitCode::FAILURE;
        }
    };
    let (json, options) = match way {
        "valid" => (body(n, "100", "20", ""), ParseOptions::strict()),
        "string_amounts" => (body(n, "\"100\"", "20", ""), ParseOptions::strict()),
        "wrong_vat_amounts" => (body(n, "100", "21", ""), ParseOptions::strict()),
        "unknown_keys" => (
            body(n, "100", "20", ",\"tax_rate\":25"),
            ParseOptions::lenient(),
        ),
        "long_key" => {
            let key = "k".repeat(n);
            let json = body(1, "100", "20", "").replacen('{', &format!("{{\"{key}\":1,"), 1);
            (json, ParseOptions::strict())
        }
        _ => {
            eprintln!(
                "usage: error_path_cost valid|string_amounts|wrong_vat_amounts|unknown_keys|long_key [count]"
            );
            return ExitCode::FAILURE;
        }
    };
    let started = Instant::now();
    let parsed = black_box(SessionProfile::from_json_with(json.as_bytes(), &options));
    let elapsed = started.elapsed();
    let verdict = match &parsed {
        Ok(parsed) => format!(
            "ok, {} warnings listed, {} more",
            parsed.warnings().len(),
            parsed.unlisted_warnings()
        ),
        Err(error) => format!(
            "{} problems listed, {} more{}",
            error.violations().len(),
            error.unlisted(),
            if error.stopped_early() {
                " (stopped looking)"
            } else {
                ""
            }
        ),
    };
    println!(
        "error_path_cost {way}: {} bytes, parsed in {:.2} s: {verdict}",
        json.len(),
        elapsed.as_secs_f64()
    );
    ExitCode::SUCCESS
}
