//! Peak memory of one way of building the session body (issue 5), for `/usr/bin/time -v`.
//!
//! ```text
//! cargo build --release -p dintero-order-testsuite --example bench_memory
//! for way in baseline cart floor handwritten dintero_order; do
//!     /usr/bin/time -v target/release/examples/bench_memory $way 10000 2>&1 \
//!         | grep -E 'Maximum resident'
//! done
//! ```
//!
//! Ways (argv[1]); argv[2] is the line count (default 10 000):
//! - `baseline`: builds nothing (the process itself);
//! - `cart`: only the shop's cart, the input of `handwritten` and `dintero_order`;
//! - `floor`: prebuilt DTOs (made line by line, without a cart) and their bytes;
//! - `handwritten`: the cart, mapped to DTOs with the arithmetic, serialized;
//! - `dintero_order`: the cart, the builder, the order, the session, serialized.
//!
//! Subtract `baseline` from each; the difference to `cart` is what building the body adds.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

#[path = "../benches/support/mod.rs"]
mod support;

use std::hint::black_box;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let way = args.get(1).map_or("", String::as_str);
    let n: usize = match args.get(2).map(|s| s.parse()) {
        None => 10_000,
        Some(Ok(n)) => n,
        Some(Err(_)) => {
            eprintln!("the line count must be a whole number");
            return ExitCode::FAILURE;
        }
    };
    let bytes = match way {
        "baseline" => 0,
        "cart" => {
            black_box(support::cart(n));
            0
        }
        "floor" => {
            let items = (0..n)
                .map(|i| support::item_dto(i, &support::cart_line(i)))
                .collect();
            let dto = black_box(support::session_dto(items));
            black_box(support::floor(&dto)).len()
        }
        "handwritten" => {
            let cart = black_box(support::cart(n));
            black_box(support::handwritten(&cart)).len()
        }
        "dintero_order" => {
            let cart = black_box(support::cart(n));
            black_box(support::dintero_order(&cart)).len()
        }
        _ => {
            eprintln!("usage: bench_memory baseline|cart|floor|handwritten|dintero_order [lines]");
            return ExitCode::FAILURE;
        }
    };
    println!("{way}: {n} lines, {bytes} bytes of JSON");
    ExitCode::SUCCESS
}
