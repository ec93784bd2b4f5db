//! A shop's own types hold `Money`: it serializes, deserializes, hashes and compares within a
//! currency (issue 12, item 6a).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::HashSet;

use dintero_order::{Currency, Money};
use serde::{Deserialize, Serialize};

/// What a shop might keep in its own database or send to its own front end.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct CartSummary {
    cart_id: u64,
    subtotal: Money,
    shipping: Option<Money>,
    lines: Vec<Money>,
}

#[test]
fn a_shop_dto_holding_money_round_trips_through_its_exact_json() {
    let nok = |minor| Money::from_minor(minor, Currency::NOK);
    let summary = CartSummary {
        cart_id: 17,
        subtotal: nok(179_890),
        shipping: Some(nok(9900)),
        lines: vec![nok(29990), nok(149_900)],
    };
    let json = serde_json::to_string(&summary).unwrap();
    assert_eq!(
        json,
        r#"{"cart_id":17,"subtotal":{"amount":179890,"currency":"NOK"},"shipping":{"amount":9900,"currency":"NOK"},"lines":[{"amount":29990,"currency":"NOK"},{"amount":149900,"currency":"NOK"}]}"#
    );
    let back: CartSummary = serde_json::from_str(&json).unwrap();
    assert_eq!(back, summary);
}

#[test]
fn a_shop_dto_with_a_bad_amount_is_refused_with_where_it_is() {
    let bad = [
        (
            r#"{"cart_id":17,"subtotal":{"amount":29990.5,"currency":"NOK"},"shipping":null,"lines":[]}"#,
            "invalid type: floating point `29990.5`, expected an integer amount in minor units (29990 for 299.90 NOK) at line 1 column 42",
        ),
        (
            r#"{"cart_id":17,"subtotal":{"amount":"29990","currency":"NOK"},"shipping":null,"lines":[]}"#,
            r#"invalid type: string "29990", expected an integer amount in minor units (29990 for 299.90 NOK) at line 1 column 42"#,
        ),
        (
            r#"{"cart_id":17,"subtotal":{"amount":29990,"currency":"ABC"},"shipping":null,"lines":[]}"#,
            "`ABC` is not an ISO 4217 currency code at line 1 column 57",
        ),
    ];
    for (json, message) in bad {
        let err = serde_json::from_str::<CartSummary>(json).unwrap_err();
        assert_eq!(err.to_string(), message, "{json}");
    }
}

#[test]
fn money_compares_within_a_currency_and_hashes() {
    let nok = |minor| Money::from_minor(minor, Currency::NOK);
    let sek = |minor| Money::from_minor(minor, Currency::SEK);
    let mut prices = vec![nok(300), nok(-5), nok(120)];
    prices.sort_by(|a, b| a.partial_cmp(b).expect("one currency"));
    assert_eq!(prices, [nok(-5), nok(120), nok(300)]);
    assert!(nok(100) < nok(101));
    assert_eq!(nok(100).partial_cmp(&sek(100)), None);
    let (a, b) = (nok(100), sek(1));
    assert_eq!([a < b, a <= b, a > b, a >= b], [false; 4]);
    let set: HashSet<Money> = [nok(100), sek(100), nok(100)].into_iter().collect();
    assert_eq!(set.len(), 2);
}
