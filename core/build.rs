//! Writes the ISO 4217 currencies that have a minor unit, from `iso_currency`'s own table, as
//! `currency_consts!` input for `src/currency.rs`: the consts `Currency::NOK`, …, their
//! exponents and names stay `const`, which `iso_currency`'s lookups are not.
//!
//! `iso_currency` is already built for the host (the derive macros read it), so this costs one
//! small build script, not a second table to keep in step.

use std::fmt::Write as _;
use std::path::PathBuf;

fn main() {
    let mut out = String::from("currency_consts! {\n");
    let letters = b'A'..=b'Z';
    for a in letters.clone() {
        for b in letters.clone() {
            for c in letters.clone() {
                let code = String::from_utf8(vec![a, b, c]).unwrap_or_default();
                let Some(iso) = iso_currency::Currency::from_code(&code) else {
                    continue;
                };
                let Some(exponent) = iso.exponent() else {
                    continue;
                };
                writeln!(out, "    {code}, {exponent}, {:?};", iso.name()).unwrap_or_default();
            }
        }
    }
    out.push_str("}\n");
    let dir = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    if let Err(err) = std::fs::write(dir.join("currency_codes.rs"), out) {
        panic!("cannot write currency_codes.rs: {err}");
    }
    println!("cargo::rerun-if-changed=build.rs");
}
