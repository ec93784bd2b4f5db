//! Feature `http`: the token and session-create requests, byte for byte, and the answers read
//! back: tokens, created sessions and Dintero's error body.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::time::{Duration, UNIX_EPOCH};

use dintero_order::http::{
    AccessToken, Account, AccountError, ApiError, ClientCredentials, Environment, ResponseError,
    SessionCreated,
};
use dintero_order::{
    Configuration, Currency, Line, Order, Session, SessionProfile, UnitPrice, VatRate,
};
use http::{Response, StatusCode};
use rust_decimal_macros::dec;

mod http_support;
use http_support::{headers, token};

fn order() -> Order {
    Order::builder(Currency::NOK, "order-1")
        .line(Line::new(
            "chair",
            "Chair",
            UnitPrice::major(dec!(299.90)),
            VatRate::from_whole_percent(25).unwrap(),
        ))
        .build()
        .unwrap()
}

const ORDER_JSON: &str = r#"{"amount":29990,"currency":"NOK","merchant_reference":"order-1","vat_amount":5998,"items":[{"id":"chair","line_id":"1","description":"Chair","quantity":1,"amount":29990,"vat_amount":5998,"vat":25}]}"#;

#[test]
fn account_ids() {
    let test: Account = "T11223344".parse().unwrap();
    assert_eq!(test.environment(), Environment::Test);
    let production: Account = "P00000000".parse().unwrap();
    assert_eq!(production.environment(), Environment::Production);
    assert_eq!(
        "S11223344".parse::<Account>(),
        Err(AccountError::Environment("S11223344".into()))
    );
    assert_eq!(
        "T123".parse::<Account>(),
        Err(AccountError::Digits("T123".into()))
    );
    assert_eq!(
        "S1".parse::<Account>().unwrap_err().to_string(),
        r#"account id "S1" does not start with T (test) or P (production)"#
    );
}

#[test]
fn token_request_bytes() {
    let account: Account = "T11223344".parse().unwrap();
    let request = account.token_request(&ClientCredentials::new("client-id", "client-secret"));
    assert_eq!(request.method(), "POST");
    assert_eq!(
        request.uri().to_string(),
        "https://api.dintero.com/v1/accounts/T11223344/auth/token"
    );
    // base64("client-id:client-secret")
    assert_eq!(
        headers(&request),
        [
            "authorization: Basic Y2xpZW50LWlkOmNsaWVudC1zZWNyZXQ=",
            "content-type: application/json",
            "accept: application/json",
        ]
    );
    assert!(request.headers()["authorization"].is_sensitive());
    assert_eq!(
        std::str::from_utf8(request.body()).unwrap(),
        r#"{"grant_type":"client_credentials","audience":"https://api.dintero.com/v1/accounts/T11223344"}"#
    );
}

#[test]
fn session_profile_create_request_bytes() {
    let session = SessionProfile::builder("default", "https://shop.example/return", order())
        .callback_url("https://shop.example/callback")
        .build()
        .unwrap();
    let request = session.create_request(&token());
    assert_eq!(request.method(), "POST");
    assert_eq!(
        request.uri().to_string(),
        "https://checkout.dintero.com/v1/sessions-profile"
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
        std::str::from_utf8(request.body()).unwrap(),
        format!(
            r#"{{"profile_id":"default","url":{{"return_url":"https://shop.example/return","callback_url":"https://shop.example/callback"}},"order":{ORDER_JSON}}}"#
        )
    );
}

#[test]
fn session_create_request_bytes() {
    let session = Session::builder(
        "https://shop.example/return",
        order(),
        Configuration::default(),
    )
    .build()
    .unwrap();
    let request = session.create_request(&token());
    assert_eq!(request.method(), "POST");
    assert_eq!(
        request.uri().to_string(),
        "https://checkout.dintero.com/v1/sessions"
    );
    assert_eq!(
        headers(&request)[0],
        "authorization: Bearer eyJhbGciOi.payload.sig"
    );
    assert_eq!(
        headers(&request)[3],
        "dintero-feature-toggles: strict-session-amounts"
    );
    assert_eq!(request.body(), &session.to_json());
}

fn response(status: u16, body: &str) -> Response<Vec<u8>> {
    Response::builder()
        .status(status)
        .body(body.as_bytes().to_vec())
        .unwrap()
}

#[test]
fn token_answers() {
    let now = UNIX_EPOCH + Duration::from_secs(1_700_000_000);
    let token = AccessToken::from_response_at(
        response(
            200,
            r#"{"access_token":"eyJ.x.y","token_type":"Bearer","expires_in":14400}"#,
        ),
        now,
    )
    .unwrap();
    assert_eq!(token.secret(), "eyJ.x.y");
    assert_eq!(token.expires_at(), now + Duration::from_secs(14400));
    assert!(!token.is_expired(now + Duration::from_secs(14399)));
    assert!(token.is_expired(now + Duration::from_secs(14400)));

    let problem = |body: &str| {
        AccessToken::from_response_at(response(200, body), now)
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        problem("not json"),
        "Dintero's 200 OK answer is not JSON (line 1, column 2)"
    );
    assert_eq!(
        problem("[]"),
        "Dintero's 200 OK answer is not a JSON object"
    );
    assert_eq!(
        problem(r#"{"access_token":"t","token_type":"MAC","expires_in":1}"#),
        r#"Dintero's 200 OK answer has token_type "MAC", not "Bearer""#
    );
    assert_eq!(
        problem(r#"{"access_token":"t","token_type":"Bearer","expires_in":-1}"#),
        "Dintero's 200 OK answer has no whole number `expires_in`"
    );
    assert_eq!(
        problem(r#"{"access_token":"a b","token_type":"Bearer","expires_in":1}"#),
        "Dintero's 200 OK answer has an `access_token` that is not visible ASCII"
    );
}

#[test]
fn error_bodies_are_typed_with_their_status() {
    let body =
        r#"{"error":{"code":"BAD_CREDENTIALS","message":"Unauthorized","errors":[{"field":"x"}]}}"#;
    let Err(ResponseError::Api(error)) = AccessToken::from_response(response(401, body)) else {
        panic!("expected an ApiError");
    };
    assert_eq!(error.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(error.code(), Some("BAD_CREDENTIALS"));
    assert_eq!(error.message(), Some("Unauthorized"));
    assert_eq!(error.errors(), [serde_json::json!({"field": "x"})]);
    assert_eq!(
        error.to_string(),
        "Dintero answered 401 Unauthorized: BAD_CREDENTIALS: Unauthorized"
    );

    let created =
        SessionCreated::from_response(response(400, r#"{"error":{"message":"order.amount"}}"#));
    let Err(ResponseError::Api(error)) = created else {
        panic!("expected an ApiError");
    };
    assert_eq!(
        error.to_string(),
        "Dintero answered 400 Bad Request: order.amount"
    );

    let mut throttled = response(429, "");
    throttled
        .headers_mut()
        .insert("retry-after", http::HeaderValue::from_static("7"));
    let error: ApiError = match SessionCreated::from_response(throttled) {
        Err(ResponseError::Api(error)) => error,
        other => panic!("{other:?}"),
    };
    assert_eq!(error.retry_after(), Some(7));
    assert_eq!(error.code(), None);
    assert_eq!(error.to_string(), "Dintero answered 429 Too Many Requests");
}

#[test]
fn session_created() {
    let created = SessionCreated::from_response(response(
        200,
        r#"{"id":"T11223344.56Vx","url":"https://checkout.dintero.com/v1/view/T11223344.56Vx","publish":[]}"#,
    ))
    .unwrap();
    assert_eq!(created.id(), "T11223344.56Vx");
    assert_eq!(
        created.url(),
        "https://checkout.dintero.com/v1/view/T11223344.56Vx"
    );
    // any body type that is bytes
    let created = SessionCreated::from_response(
        Response::builder()
            .status(201)
            .body(r#"{"id":"a","url":"b"}"#)
            .unwrap(),
    )
    .unwrap();
    assert_eq!(created.id(), "a");
    assert_eq!(
        SessionCreated::from_response(response(200, r#"{"url":"b"}"#))
            .unwrap_err()
            .to_string(),
        "Dintero's 200 OK answer has no string `id`"
    );
}
