//! Feature `http` after payment: the fetch, capture, refund and void requests byte for byte,
//! with and without the `Dintero-System-*` headers, and the transaction read back from a 200
//! or a 202 answer.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use dintero_order::Transaction;
use dintero_order::http::{ResponseError, SystemHeaders};
use http::{Request, Response};

mod http_support;
use http_support::{headers, token};

const AUTHORIZED: &str = r#"{"id":"T11223344.5/ø","status":"AUTHORIZED","amount":63880,"currency":"NOK",
  "items":[{"id":"chair-1","line_id":"1","description":"Stablestol","quantity":2,"amount":59980,"vat":25,"vat_amount":11996},
  {"id":"bring","line_id":"shipping","description":"Bring","quantity":1,"amount":3900,"vat":25,"vat_amount":780}]}"#;

/// Method, URI, every header in order as `name: value`, and the body as text.
fn shown(request: &Request<Vec<u8>>) -> (String, String, Vec<String>, String) {
    (
        request.method().to_string(),
        request.uri().to_string(),
        headers(request),
        String::from_utf8(request.body().clone()).unwrap(),
    )
}

const JSON_HEADERS: [&str; 3] = [
    "authorization: Bearer eyJhbGciOi.payload.sig",
    "content-type: application/json",
    "accept: application/json",
];

#[test]
fn capture_refund_void_and_fetch_requests() {
    let tx = Transaction::from_json(AUTHORIZED.as_bytes()).unwrap();
    let base = "https://checkout.dintero.com/v1/transactions/T11223344.5%2F%C3%B8";

    let capture = tx
        .capture()
        .line("1", 1)
        .reference("parcel-1")
        .build()
        .unwrap();
    let (method, uri, headers, body) = shown(&tx.capture_request(&capture, &token()));
    assert_eq!((method.as_str(), uri), ("POST", format!("{base}/capture")));
    assert_eq!(headers, JSON_HEADERS);
    assert_eq!(
        body,
        r#"{"amount":29990,"capture_reference":"parcel-1","items":[{"id":"chair-1","line_id":"1","description":"Stablestol","quantity":1,"amount":29990,"vat_amount":5998,"vat":25}]}"#
    );

    let captured = Transaction::from_json(
        AUTHORIZED
            .replace(r#""status":"AUTHORIZED""#, r#""status":"PARTIALLY_CAPTURED""#)
            .replace(
                r#""amount":3900,"vat":25,"vat_amount":780}]"#,
                r#""amount":3900,"vat":25,"vat_amount":780}],"events":[{"event":"CAPTURE","success":true,"amount":29990,"items":[{"line_id":"1","quantity":1,"amount":29990,"vat_amount":5998}]}]"#,
            )
            .as_bytes(),
    )
    .unwrap();
    let refund = captured.refund().all().reason("broken").build().unwrap();
    let (method, uri, headers, body) = shown(&captured.refund_request(&refund, &token()));
    assert_eq!((method.as_str(), uri), ("POST", format!("{base}/refund")));
    assert_eq!(headers, JSON_HEADERS);
    assert_eq!(
        body,
        r#"{"amount":29990,"reason":"broken","items":[{"id":"chair-1","line_id":"1","description":"Stablestol","quantity":1,"amount":29990,"vat_amount":5998,"vat":25}]}"#
    );

    let (method, uri, headers, body) = shown(&tx.void_request(&tx.void().unwrap(), &token()));
    assert_eq!((method.as_str(), uri), ("POST", format!("{base}/void")));
    assert_eq!(headers, [JSON_HEADERS[0], JSON_HEADERS[2]]);
    assert_eq!(body, "");

    let (method, uri, headers, body) = shown(&Transaction::fetch_request(tx.id(), &token()));
    assert_eq!((method.as_str(), uri.as_str()), ("GET", base));
    assert_eq!(headers, [JSON_HEADERS[0], JSON_HEADERS[2]]);
    assert_eq!(body, "");
}

#[test]
fn system_headers_join_any_request() {
    let tx = Transaction::from_json(AUTHORIZED.as_bytes()).unwrap();
    let system = SystemHeaders::new("acme-shop", "4.2.0")
        .unwrap()
        .plugin("dintero-order", "0.1.0")
        .unwrap();
    let capture = tx.capture().all().build().unwrap();
    let (_, _, headers, _) = shown(&system.apply(tx.capture_request(&capture, &token())));
    assert_eq!(
        headers,
        [
            JSON_HEADERS[0],
            JSON_HEADERS[1],
            JSON_HEADERS[2],
            "dintero-system-name: acme-shop",
            "dintero-system-version: 4.2.0",
            "dintero-system-plugin-name: dintero-order",
            "dintero-system-plugin-version: 0.1.0",
        ]
    );
    let err = SystemHeaders::new("acme", "1")
        .unwrap()
        .plugin("plugin\r\nx-injected: 1", "1".repeat(121))
        .unwrap_err();
    let found: Vec<(&str, &str, &str)> = err
        .violations()
        .iter()
        .map(|v| (v.path(), v.expected(), v.found()))
        .collect();
    assert_eq!(
        found,
        [
            (
                "Dintero-System-Plugin-Name",
                "visible ASCII characters and spaces",
                "\"plugin\\r\\nx-injected: 1\""
            ),
            (
                "Dintero-System-Plugin-Version",
                "at most 120 characters",
                "121 characters"
            ),
        ]
    );
}

#[test]
fn the_transaction_comes_back_from_a_200_or_a_202() {
    for status in [200, 202] {
        let response = Response::builder()
            .status(status)
            .header("event-request-id", "r-1")
            .body(AUTHORIZED.as_bytes().to_vec())
            .unwrap();
        let tx = Transaction::from_response(response).unwrap();
        assert_eq!(tx.items().len(), 2, "{status}");
    }
    let unavailable = Response::builder()
        .status(503)
        .body(br#"{"error":{"message":"Conflict","code":"CONFLICT"}}"#.to_vec())
        .unwrap();
    match Transaction::from_response(unavailable) {
        Err(ResponseError::Api(error)) => {
            assert_eq!(
                (error.status().as_u16(), error.code()),
                (503, Some("CONFLICT"))
            );
        }
        other => panic!("expected an API error, got {other:?}"),
    }
}
