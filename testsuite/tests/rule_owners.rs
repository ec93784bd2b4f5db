//! Whose rule each `Rule` is (issue 15): the README's table of the crate's stricter rules
//! names exactly the rules `Rule::owner` says are the crate's, and a problem carries it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::BTreeSet;

use dintero_order::{ParseOptions, Rule, RuleOwner, SessionProfile};

/// The rule names in the first column of the README's table of stricter rules.
fn readme_stricter_rules() -> BTreeSet<String> {
    let readme = include_str!("../../README.md");
    let table = readme
        .split("| rule | what it asks | why, when Dintero would accept the body |")
        .nth(1)
        .expect("the README has the table of the crate's stricter rules");
    table
        .lines()
        .skip(2) // the header's `|---|` line and the blank after the split
        .take_while(|line| line.starts_with('|'))
        .flat_map(|line| {
            let first = line.split('|').nth(1).unwrap_or_default();
            first
                .split('`')
                .skip(1)
                .step_by(2)
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn the_readme_lists_exactly_the_crates_own_rules() {
    let crates: BTreeSet<String> = Rule::ALL
        .iter()
        .filter(|rule| rule.owner() == RuleOwner::Crate)
        .map(|rule| rule.as_str().to_owned())
        .collect();
    assert_eq!(readme_stricter_rules(), crates);
}

#[test]
fn the_spec_rules_are_dinteros() {
    let dinteros: Vec<&str> = Rule::ALL
        .iter()
        .filter(|rule| rule.owner() == RuleOwner::Dintero)
        .map(|rule| rule.as_str())
        .collect();
    assert_eq!(
        dinteros,
        [
            "currency",
            "int32_range",
            "duplicate_line_id",
            "required",
            "url",
            "length",
            "too_many",
            "format",
            "type",
            "syntax",
            "range",
            "unknown_line",
            "remaining",
            "transaction_status",
            "shipping_option_not_offered"
        ]
    );
}

/// Dintero's own create-session example: VAT 6000 on 29990 at 25 % (exactly 5998). Dintero
/// takes it; the crate refuses it by a rule of its own, and says so.
#[test]
fn dinteros_vat_6000_example_breaks_only_a_rule_of_the_crates() {
    let body = br#"{"profile_id":"default","url":{"return_url":"https://example.com/accept","callback_url":"https://example.com/callback"},"order":{"amount":29990,"currency":"NOK","merchant_reference":"merchants_order_number","vat_amount":6000,"items":[{"amount":29990,"quantity":1,"line_id":"1","description":"Stablestol","vat":25,"id":"chair-1","vat_amount":6000}]}}"#;
    let err = SessionProfile::from_json(body).unwrap_err();
    let found: Vec<(&str, RuleOwner, &str)> = err
        .violations()
        .iter()
        .map(|v| (v.rule().as_str(), v.owner(), v.path()))
        .collect();
    assert_eq!(
        found,
        [("vat_amount", RuleOwner::Crate, "order.items[0].vat_amount")]
    );
    assert_eq!(
        serde_json::to_value(&err.violations()[0]).unwrap()["owner"],
        "crate"
    );
}

/// Inbound is faithful: the same example loads when read as Dintero sends it, the crate's
/// rule a warning; a rule of Dintero's still fails, and only Dintero's are reported then.
#[test]
fn a_faithful_parse_reads_what_dintero_accepts() {
    let body = br#"{"profile_id":"default","url":{"return_url":"https://example.com/accept"},"order":{"amount":29990,"currency":"NOK","merchant_reference":"merchants_order_number","vat_amount":6000,"items":[{"amount":29990,"quantity":1,"line_id":"1","description":"Stablestol","vat":25,"id":"chair-1","vat_amount":6000}]},"created_by":"dintero"}"#;
    let parsed = SessionProfile::from_json_with(body, &ParseOptions::faithful()).unwrap();
    assert_eq!(parsed.value().order().vat_amount().minor_units(), 6000);
    let warnings: Vec<(Rule, &str)> = parsed
        .warnings()
        .iter()
        .map(|w| (w.rule(), w.path()))
        .collect();
    assert_eq!(
        warnings,
        [
            (Rule::UnknownField, "created_by"),
            (Rule::VatAmount, "order.items[0].vat_amount"),
        ]
    );
    // Strict and lenient parses still refuse it.
    assert!(SessionProfile::from_json_with(body, &ParseOptions::lenient()).is_err());

    let broken = String::from_utf8(body.to_vec())
        .unwrap()
        .replace(r#""currency":"NOK""#, r#""currency":"NOKK""#);
    let err =
        SessionProfile::from_json_with(broken.as_bytes(), &ParseOptions::faithful()).unwrap_err();
    let found: Vec<(Rule, &str)> = err
        .violations()
        .iter()
        .map(|v| (v.rule(), v.path()))
        .collect();
    assert_eq!(found, [(Rule::Currency, "order.currency")]);
}
