//! Validating a body against a committed schema of `core/spec/` with `jsonschema`, shared by
//! the tests that check emitted bodies (`conformance.rs`, `lifecycle_props.rs`, …). Dintero's
//! own formats are given meanings here; an unknown format fails the validator's build.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use dintero_order::Currency;
use jsonschema::{Draft, Validator};
use serde_json::Value;

/// A committed file of the testsuite package, e.g. `schemas::PROFILE`.
pub fn package_file(file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(file)
}

/// A committed schema document.
pub fn committed(file: &str) -> Value {
    let path = package_file(file);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

fn is_decimal_text(s: &str) -> bool {
    // ^([0-9]*[.])?[0-9]+$
    let (whole, fraction) = match s.split_once('.') {
        Some((whole, fraction)) => (whole, fraction),
        None => ("", s),
    };
    whole.bytes().all(|b| b.is_ascii_digit())
        && !fraction.is_empty()
        && fraction.bytes().all(|b| b.is_ascii_digit())
}

/// Draft 4, formats checked, Dintero's own formats defined.
pub fn options() -> jsonschema::ValidationOptions<'static> {
    jsonschema::options()
        .with_draft(Draft::Draft4)
        .should_validate_formats(true)
        .should_ignore_unknown_formats(false)
        .with_format("iso4217-code", |s: &str| Currency::from_code(s).is_some())
        .with_format("iso3166-alpha2", |s: &str| {
            s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase())
        })
        .with_format("iso-3166-1", |s: &str| {
            (2..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_uppercase())
        })
        .with_format("iso-18245", |s: &str| {
            s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())
        })
        .with_format("payout_destination_id", |s: &str| {
            (1..=40).contains(&s.chars().count())
        })
        .with_format("^([0-9]*[.])?[0-9]+$", is_decimal_text)
}

/// A validator for a draft-4 document.
pub fn validator_for(document: &Value) -> Validator {
    options()
        .build(document)
        .unwrap_or_else(|e| panic!("the schema does not compile as draft 4: {e}"))
}

/// Every problem the validator finds in `body`, with its place.
pub fn problems(validator: &Validator, body: &Value) -> Vec<String> {
    validator
        .iter_errors(body)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

/// Panics with every problem when `body` does not conform.
pub fn assert_conforms(validator: &Validator, body: &Value, what: &str) {
    let found = problems(validator, body);
    assert!(
        found.is_empty(),
        "{what} does not conform:\n{}\n{body}",
        found.join("\n")
    );
}
