//! The update's request, its query flags, and Dintero's answer read back (feature `http`).

use dintero_order::http::{ResponseError, SessionUpdateQuery, SessionUpdated};
use http::Response;

use super::{golden_json, golden_update};
use crate::http_support::{headers, token};

#[test]
fn update_request_bytes() {
    let update = golden_update();
    let request = update.update_request("T11223344.5abc", &token(), SessionUpdateQuery::default());
    assert_eq!(request.method(), "PUT");
    assert_eq!(
        request.uri().to_string(),
        "https://checkout.dintero.com/v1/sessions/T11223344.5abc"
    );
    assert_eq!(
        headers(&request),
        [
            "authorization: Bearer eyJhbGciOi.payload.sig",
            "content-type: application/json",
            "accept: application/json",
            "dintero-feature-toggles: strict-session-amounts",
        ]
    );
    assert_eq!(
        String::from_utf8(request.body().clone()).unwrap(),
        golden_json()
    );
}

#[test]
fn update_request_query_flags() {
    let update = golden_update();
    let uri = |query: SessionUpdateQuery| {
        update
            .update_request("T1", &token(), query)
            .uri()
            .to_string()
    };
    let base = SessionUpdateQuery::default();
    assert_eq!(
        uri(base.with_update_without_lock(true)),
        "https://checkout.dintero.com/v1/sessions/T1?update_without_lock=true"
    );
    assert_eq!(
        uri(base.with_force_shipping_address_callback(true)),
        "https://checkout.dintero.com/v1/sessions/T1?force_shipping_address_callback=true"
    );
    assert_eq!(
        uri(base
            .with_update_without_lock(true)
            .with_force_shipping_address_callback(true)),
        "https://checkout.dintero.com/v1/sessions/T1?update_without_lock=true&force_shipping_address_callback=true"
    );
    // Set and unset again: false is Dintero's default, and left out.
    assert_eq!(
        uri(base
            .with_update_without_lock(true)
            .with_update_without_lock(false)),
        "https://checkout.dintero.com/v1/sessions/T1"
    );
    // The id is one path segment, whatever it holds.
    assert_eq!(
        update
            .update_request("../x?y=1#z", &token(), base)
            .uri()
            .to_string(),
        "https://checkout.dintero.com/v1/sessions/..%2Fx%3Fy%3D1%23z"
    );
}

#[test]
fn the_answer_read_back() {
    let ok = Response::builder()
        .status(200)
        .body(r#"{"id":"T11223344.5abc","url":{"return_url":"https://shop.example/r"},"order":{"amount":0,"currency":"NOK"}}"#)
        .unwrap();
    assert_eq!(
        SessionUpdated::from_response(ok).unwrap().id(),
        "T11223344.5abc"
    );
    let no_id = Response::builder().status(200).body("{}").unwrap();
    assert_eq!(
        SessionUpdated::from_response(no_id)
            .unwrap_err()
            .to_string(),
        "Dintero's 200 OK answer has no string `id`"
    );
    let refused = Response::builder()
        .status(400)
        .body(r#"{"error":{"code":"INVALID_REQUEST","message":"order.amount is wrong"}}"#)
        .unwrap();
    let Err(ResponseError::Api(error)) = SessionUpdated::from_response(refused) else {
        panic!("expected Dintero's error");
    };
    assert_eq!(
        error.to_string(),
        "Dintero answered 400 Bad Request: INVALID_REQUEST: order.amount is wrong"
    );
}
