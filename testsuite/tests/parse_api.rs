//! The parsing API: serde's errors name the JSON path, `from_json` reports every problem as
//! structured violations in document order, and both run the construction's checks.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use dintero_order::{Order, ParseOptions, Rule, Session, SessionProfile};

const OK: &str = r#"{"profile_id":"default","url":{"return_url":"https://example.com/r"},"order":{"amount":29990,"currency":"NOK","merchant_reference":"r","vat_amount":5998,"items":[{"line_id":"1","amount":29990,"vat":25,"vat_amount":5998}]}}"#;

fn serde_error(body: &str) -> String {
    serde_json::from_str::<SessionProfile>(body)
        .unwrap_err()
        .to_string()
}

fn problems(body: &str) -> Vec<(Rule, String)> {
    SessionProfile::from_json(body.as_bytes())
        .unwrap_err()
        .violations()
        .iter()
        .map(|v| (v.rule(), v.path().to_owned()))
        .collect()
}

#[test]
fn serde_type_errors_name_the_path() {
    assert_eq!(
        serde_error(&OK.replace(r#""line_id":"1""#, r#""line_id":1"#)),
        "invalid type: integer `1`, expected a string at order.items[0].line_id (line 1, column 174)"
    );
    assert_eq!(
        serde_error(&OK.replace(r#""currency":"NOK","#, r#""currency":"NOK","order_ref":1,"#)),
        "unknown field `order_ref`, expected one of `amount`, `currency`, `merchant_reference`, `merchant_reference_2`, `event_reference`, `vat_amount`, `items`, `shipping_option`, `partial_payment`, `discount_lines`, `discount_codes`, `gift_cards`, `shipping_address`, `billing_address`, `store`, `payout_destination_id`, `gross_amount`, `is_changed` at order.order_ref (line 1, column 121)"
    );
    assert_eq!(
        serde_error("[]"),
        "invalid type: sequence, expected a /v1/sessions-profile body (a JSON object) at the top level (line 1, column 2)"
    );
}

#[test]
fn a_bare_orders_paths_start_with_order() {
    let body = r#"{"amount":"1","currency":"NOK","merchant_reference":""}"#;
    assert_eq!(
        serde_json::from_str::<Order>(body).unwrap_err().to_string(),
        "invalid type: string \"1\", expected i64 at order.amount (line 1, column 13)"
    );
    let err = Order::from_json(body.as_bytes()).unwrap_err();
    let found: Vec<String> = err.violations().iter().map(ToString::to_string).collect();
    assert_eq!(
        found,
        [
            "order.amount: expected an integer amount in minor units, found \"1\"",
            "order.merchant_reference: expected a non-empty string, found \"\"",
        ]
    );
}

#[test]
fn session_and_order_problems_are_reported_together() {
    let body = OK.replace("https://example.com/r", "/r").replace(
        r#""amount":29990,"currency""#,
        r#""amount":29991,"currency""#,
    );
    assert_eq!(
        problems(&body),
        [
            (Rule::Url, "url.return_url".to_owned()),
            (Rule::OrderAmount, "order.amount".to_owned()),
        ]
    );
    // serde reports the same, at once, in the same order.
    assert_eq!(
        serde_error(&body),
        "invalid Dintero payload: 2 problems\n  url.return_url: expected an absolute http(s) URL, found \"/r\"\n  order.amount: expected the sum of items and shipping (29990), found 29991"
    );
}

#[test]
fn type_errors_come_first_in_document_order_then_what_remains() {
    let body = OK
        .replace(
            r#""profile_id":"default","#,
            r#""profile_id":"default","metadata":{"a":true},"#,
        )
        .replace(
            r#""vat":25,"vat_amount":5998}"#,
            r#""vat":"25","vat_amount":6000,"quantity":0}"#,
        )
        .replace("https://example.com/r", "r");
    assert_eq!(
        problems(&body),
        [
            (Rule::Type, "metadata.a".to_owned()),
            (Rule::Type, "order.items[0].vat".to_owned()),
            (Rule::Quantity, "order.items[0].quantity".to_owned()),
            // The line's vat_amount is not judged against a vat that could not be read.
            (Rule::Url, "url.return_url".to_owned()),
        ]
    );
}

#[test]
fn sessions_parse_with_their_own_fields() {
    let body = OK
        .replace(r#""profile_id":"default","#, "")
        .replacen('{', r#"{"configuration":{"channel":"in_app"},"#, 1)
        .replace("https://example.com/r", "myapp://done");
    let session = Session::from_json(body.as_bytes()).unwrap();
    assert_eq!(session.return_url(), "myapp://done");
    let err = Session::from_json(OK.as_bytes()).unwrap_err();
    let found: Vec<String> = err.violations().iter().map(ToString::to_string).collect();
    assert_eq!(
        found,
        [
            "profile_id: expected one of `url`, `order`, `customer`, `expires_at`, `metadata`, `checkboxes`, `express`, `configuration`, found unknown field `profile_id`",
            "configuration: expected a value for `configuration` (required), found nothing",
        ]
    );
}

#[test]
fn problems_with_the_whole_document_have_no_path() {
    let err = SessionProfile::from_json(b"").unwrap_err();
    assert_eq!(
        err.violations()[0].to_string(),
        "expected a JSON document, found EOF while parsing a value at line 1 column 0"
    );
    let err = Order::from_json(b"true").unwrap_err();
    assert_eq!(
        err.violations()[0].to_string(),
        "order: expected an order (a JSON object), found true"
    );
}

#[test]
fn violations_serialize_for_reports() {
    let err =
        Order::from_json(br#"{"amount":1,"currency":"NOK","merchant_reference":"r"}"#).unwrap_err();
    assert_eq!(
        serde_json::to_string(err.violations()).unwrap(),
        r#"[{"rule":"order_amount","owner":"crate","path":"order.amount","expected":"the sum of items and shipping (0)","found":"1"}]"#
    );
}

#[test]
fn lenient_parsing_still_checks_types() {
    let body = OK.replace(r#""line_id":"1""#, r#""line_id":1,"colour":"red""#);
    let err =
        SessionProfile::from_json_with(body.as_bytes(), &ParseOptions::lenient()).unwrap_err();
    let found: Vec<(Rule, &str)> = err
        .violations()
        .iter()
        .map(|v| (v.rule(), v.path()))
        .collect();
    assert_eq!(found, [(Rule::Type, "order.items[0].line_id")]);
}
