//! Compile-fail and compile-pass cases of the derive and the literal macros (trybuild).
//!
//! One mistake per `tests/ui/*.rs`, each with its reviewed `.stderr`. Regenerate with
//! `TRYBUILD=overwrite cargo test --test compiletest`, then read the diff; run one case with
//! `cargo test --test compiletest -- ui trybuild=vat-above-100.rs`.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
    t.pass("tests/ui/pass/*.rs");
}
