//! Each way of building (or parsing) the session body in a process of its own (issue 14).
//!
//! Criterion runs every way in one process, one after the other, so each inherits the heap the
//! previous one left behind; at 10 000 lines the allocator's state (glibc's trim and mmap
//! thresholds, fragmentation) can change what a way costs. Here a fresh process makes the cart,
//! then times `iterations` bodies with `std::time::Instant`, all of them, the first included,
//! and prints nanoseconds per body.
//!
//! ```text
//! cargo build --release -p dintero-order-testsuite --example bench_alone
//! target/release/examples/bench_alone <cart> <way> <lines> <iterations>
//! scripts/bench-alone            # every way alone, 5 runs each, medians and the ratios
//! ```
//!
//! - `<cart>`: `bench` (the cart of issue 5) or `shop` (the realistic basket of issue 14);
//! - `<way>`: `floor`, `handwritten`, `dintero_order` (building), or `plain`, `from_json`,
//!   `serde` (parsing the body `dintero_order` builds);
//! - output: one line, `<cart> <way> <lines> <iterations> <ns per body>`;
//! - `bench_alone <cart> body <lines> 1` prints the body itself, to look at.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

#[path = "../benches/support/mod.rs"]
mod support;

use std::hint::black_box;
use std::process::ExitCode;
use std::time::Instant;

use dintero_order::SessionProfile;
use support::{BenchCart, Shape, ShopCartShape};

const USAGE: &str = "usage: bench_alone bench|shop \
                     floor|handwritten|dintero_order|plain|from_json|serde <lines> <iterations>";

/// Nanoseconds per body of `way` on a cart of shape `S`, or `None` for an unknown way.
fn time<S: Shape>(way: &str, lines: usize, iterations: u32) -> Option<f64> {
    let cart = S::cart(lines);
    let mut sink = 0usize;
    let elapsed = match way {
        "floor" => {
            let dto = S::dto(&cart);
            let start = Instant::now();
            for _ in 0..iterations {
                sink ^= black_box(S::floor(black_box(&dto))).len();
            }
            start.elapsed()
        }
        "handwritten" => {
            let start = Instant::now();
            for _ in 0..iterations {
                sink ^= black_box(S::handwritten(black_box(&cart))).len();
            }
            start.elapsed()
        }
        "dintero_order" => {
            let start = Instant::now();
            for _ in 0..iterations {
                sink ^= black_box(S::dintero_order(black_box(&cart))).len();
            }
            start.elapsed()
        }
        "plain" | "from_json" | "serde" => {
            let body = S::dintero_order(&cart);
            drop(cart);
            let start = Instant::now();
            for _ in 0..iterations {
                let body = black_box(body.as_slice());
                match way {
                    "plain" => drop(black_box(serde_json::from_slice::<S::Dto>(body).unwrap())),
                    "from_json" => drop(black_box(SessionProfile::from_json(body).unwrap())),
                    _ => drop(black_box(
                        serde_json::from_slice::<SessionProfile>(body).unwrap(),
                    )),
                }
            }
            start.elapsed()
        }
        _ => return None,
    };
    black_box(sink);
    Some(elapsed.as_nanos() as f64 / f64::from(iterations))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let [_, cart, way, lines, iterations] = args.as_slice() else {
        eprintln!("{USAGE}");
        return ExitCode::FAILURE;
    };
    let (Ok(lines), Ok(iterations)) = (lines.parse::<usize>(), iterations.parse::<u32>()) else {
        eprintln!("{USAGE}\nlines and iterations are whole numbers");
        return ExitCode::FAILURE;
    };
    if iterations == 0 {
        eprintln!("{USAGE}\nat least one iteration");
        return ExitCode::FAILURE;
    }
    if way == "body" {
        let body = match cart.as_str() {
            "bench" => BenchCart::dintero_order(&BenchCart::cart(lines)),
            "shop" => ShopCartShape::dintero_order(&ShopCartShape::cart(lines)),
            _ => {
                eprintln!("{USAGE}");
                return ExitCode::FAILURE;
            }
        };
        println!("{}", String::from_utf8(body).expect("JSON is UTF-8"));
        return ExitCode::SUCCESS;
    }
    let ns = match cart.as_str() {
        "bench" => time::<BenchCart>(way, lines, iterations),
        "shop" => time::<ShopCartShape>(way, lines, iterations),
        _ => None,
    };
    let Some(ns) = ns else {
        eprintln!("{USAGE}");
        return ExitCode::FAILURE;
    };
    println!("{cart} {way} {lines} {iterations} {ns:.1}");
    ExitCode::SUCCESS
}
