//! Feature `http` on two real HTTP stacks: the ureq client of `examples/ureq_client.rs` gets a
//! token and creates a session at a fake Dintero on 127.0.0.1, which checks every request it
//! gets, and later reads the transaction and captures what is left of it; then the fake
//! Dintero calls the axum handler of `examples/axum_callback.rs` with
//! signed (and badly signed) callbacks.
//!
//! No sleeps: each server's listener is bound before the server task starts, so a connection
//! made right after waits in the listener's backlog until the server accepts it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

#[path = "../examples/axum_callback.rs"]
#[allow(dead_code)]
mod axum_callback;
#[path = "../examples/ureq_client.rs"]
#[allow(dead_code)]
mod ureq_client;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{Method, StatusCode};
use dintero_order::SessionProfile;
use dintero_order::http::{
    Account, ApiError, Callback, ClientCredentials, ResponseError, SignatureError,
    SignatureVerifier,
};
use tokio::net::TcpListener;

use axum_callback::CallbackServer;
use ureq_client::{Bases, BoxError};

const ACCOUNT: &str = "T11223344";
const TOKEN: &str = "eyJhbGciOi.fake.token";
const SIGNATURE_SECRET: &str = "signature-secret";

/// The transaction the fake Dintero holds: the demo session's chair, authorized and already
/// captured in part (one of two), as `GET /v1/transactions/{id}` answers.
const AUTHORIZED: &str = r#"{"id":"T11223344.5tx","status":"PARTIALLY_CAPTURED","amount":59980,"currency":"NOK",
  "items":[{"id":"chair","line_id":"1","description":"Chair","quantity":2,"amount":59980,"vat":25,"vat_amount":11996}],
  "events":[{"event":"AUTHORIZE","success":true,"amount":59980},
            {"event":"CAPTURE","success":true,"amount":29990,"items":[{"line_id":"1","quantity":1,"amount":29990,"vat_amount":5998}]}]}"#;

/// The only capture body the fake Dintero accepts: the other chair, with its reference.
const EXPECTED_CAPTURE: &str = r#"{"amount":29990,"capture_reference":"parcel-2","items":[{"id":"chair","line_id":"1","description":"Chair","quantity":1,"amount":29990,"vat_amount":5998,"vat":25}]}"#;

/// Its answer: the transaction, now captured.
const CAPTURED: &str = r#"{"id":"T11223344.5tx","status":"CAPTURED","amount":59980,"currency":"NOK",
  "items":[{"id":"chair","line_id":"1","description":"Chair","quantity":2,"amount":59980,"vat":25,"vat_amount":11996}],
  "events":[{"event":"AUTHORIZE","success":true,"amount":59980},
            {"event":"CAPTURE","success":true,"amount":29990,"items":[{"line_id":"1","quantity":1,"amount":29990,"vat_amount":5998}]},
            {"event":"CAPTURE","success":true,"amount":29990,"items":[{"line_id":"1","quantity":1,"amount":29990,"vat_amount":5998}]}]}"#;

/// One request as the fake Dintero got it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Seen {
    method: String,
    path: String,
    headers: Vec<String>,
    body: String,
}

struct FakeDintero {
    /// The session the client is expected to create.
    session: SessionProfile,
    seen: Mutex<Vec<Seen>>,
}

fn header(request: &Request, name: &str) -> Option<String> {
    request
        .headers()
        .get(name)
        .map(|value| value.to_str().unwrap().to_string())
}

/// Answers the token and session-create requests the way Dintero documents them, and only
/// when the request is exactly what Dintero expects; anything else gets Dintero's error body.
async fn fake_dintero(
    State(fake): State<Arc<FakeDintero>>,
    request: Request,
) -> (StatusCode, String) {
    let method = request.method().to_string();
    let path = request.uri().to_string();
    let headers: Vec<String> = request
        .headers()
        .iter()
        .map(|(name, value)| format!("{name}: {}", value.to_str().unwrap()))
        .collect();
    let authorization = header(&request, "authorization");
    let content_type = header(&request, "content-type");
    let body = axum::body::to_bytes(request.into_body(), 1 << 20)
        .await
        .unwrap()
        .to_vec();
    let error = |status: StatusCode, message: &str| {
        (
            status,
            format!(r#"{{"error":{{"code":"fake","message":"{message}"}}}}"#),
        )
    };
    let answer = match (method.as_str(), path.as_str()) {
        ("POST", _) if content_type.as_deref() != Some("application/json") => {
            error(StatusCode::UNSUPPORTED_MEDIA_TYPE, "not JSON")
        }
        (_, path)
            if path.starts_with("/v1/transactions/")
                && authorization.as_deref() != Some(&format!("Bearer {TOKEN}")) =>
        {
            error(StatusCode::UNAUTHORIZED, "bad token")
        }
        ("GET", "/v1/transactions/T11223344.5tx") => (StatusCode::OK, AUTHORIZED.to_string()),
        ("POST", "/v1/transactions/T11223344.5tx/capture") => {
            if body == EXPECTED_CAPTURE.as_bytes() {
                (StatusCode::OK, CAPTURED.to_string())
            } else {
                error(StatusCode::BAD_REQUEST, "not the expected capture")
            }
        }
        ("POST", "/v1/accounts/T11223344/auth/token") => {
            // base64("client-id:client-secret")
            if authorization.as_deref() != Some("Basic Y2xpZW50LWlkOmNsaWVudC1zZWNyZXQ=") {
                error(StatusCode::UNAUTHORIZED, "bad credentials")
            } else if body
                != br#"{"grant_type":"client_credentials","audience":"https://api.dintero.com/v1/accounts/T11223344"}"#
            {
                error(StatusCode::BAD_REQUEST, "bad token body")
            } else {
                (
                    StatusCode::OK,
                    format!(r#"{{"access_token":"{TOKEN}","token_type":"Bearer","expires_in":14400}}"#),
                )
            }
        }
        ("POST", "/v1/sessions-profile") => {
            if authorization.as_deref() != Some(&format!("Bearer {TOKEN}")) {
                error(StatusCode::UNAUTHORIZED, "bad token")
            } else {
                match SessionProfile::from_json(&body) {
                    Ok(session) if session == fake.session => (
                        StatusCode::OK,
                        r#"{"id":"T11223344.5fake","url":"https://checkout.dintero.com/v1/view/T11223344.5fake"}"#
                            .to_string(),
                    ),
                    Ok(_) => error(StatusCode::BAD_REQUEST, "not the expected session"),
                    Err(_) => error(StatusCode::BAD_REQUEST, "not a session"),
                }
            }
        }
        _ => error(StatusCode::NOT_FOUND, "no such endpoint"),
    };
    fake.seen.lock().unwrap().push(Seen {
        method,
        path,
        headers,
        body: String::from_utf8(body).unwrap(),
    });
    answer
}

/// Serves `router` on 127.0.0.1 at a free port.
async fn serve(router: Router) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    address
}

async fn start_fake_dintero() -> (Arc<FakeDintero>, Bases) {
    let fake = Arc::new(FakeDintero {
        session: ureq_client::demo_session("default").unwrap(),
        seen: Mutex::new(Vec::new()),
    });
    let address = serve(
        Router::new()
            .fallback(fake_dintero)
            .with_state(fake.clone()),
    )
    .await;
    let base: http::Uri = format!("http://{address}").parse().unwrap();
    let bases = Bases {
        api: base.clone(),
        checkout: base,
    };
    (fake, bases)
}

async fn run_client(bases: Bases, secret: &'static str) -> Result<(String, String), BoxError> {
    tokio::task::spawn_blocking(move || {
        let account: Account = ACCOUNT.parse()?;
        let credentials = ClientCredentials::new("client-id", secret);
        let session = ureq_client::demo_session("default")?;
        let created = ureq_client::create_session(
            &ureq_client::agent(),
            &bases,
            &account,
            &credentials,
            &session,
        )?;
        Ok((created.id().to_string(), created.url().to_string()))
    })
    .await
    .unwrap()
}

/// The other end of an order's life over the same stack: read the transaction, capture the
/// chair not yet captured; the fake Dintero accepts only the exact body.
#[tokio::test]
async fn ureq_client_captures_what_is_left_at_a_fake_dintero() {
    let (fake, bases) = start_fake_dintero().await;
    let tx = tokio::task::spawn_blocking(move || {
        let token = dintero_order::http::AccessToken::new(
            TOKEN,
            SystemTime::now() + std::time::Duration::from_secs(60),
        )?;
        ureq_client::capture_what_is_left(
            &ureq_client::agent(),
            &bases,
            &token,
            "T11223344.5tx",
            "parcel-2",
        )
    })
    .await
    .unwrap()
    .unwrap();
    assert_eq!(tx.status(), &dintero_order::TransactionStatus::Captured);
    assert_eq!(tx.items()[0].captured_amount(), 59980);
    let seen = fake.seen.lock().unwrap().clone();
    let calls: Vec<(&str, &str)> = seen
        .iter()
        .map(|call| (call.method.as_str(), call.path.as_str()))
        .collect();
    assert_eq!(
        calls,
        [
            ("GET", "/v1/transactions/T11223344.5tx"),
            ("POST", "/v1/transactions/T11223344.5tx/capture"),
        ]
    );
    assert_eq!(seen[1].body, EXPECTED_CAPTURE);
}

#[test]
fn rebase_keeps_path_and_query() {
    let request = http::Request::builder()
        .method("POST")
        .uri("https://checkout.dintero.com/v1/sessions-profile?x=1")
        .body(b"{}".to_vec())
        .unwrap();
    let base: http::Uri = "http://127.0.0.1:8080".parse().unwrap();
    let rebased = ureq_client::rebase(request, &base).unwrap();
    assert_eq!(
        rebased.uri().to_string(),
        "http://127.0.0.1:8080/v1/sessions-profile?x=1"
    );
    assert_eq!(rebased.method(), "POST");
    assert_eq!(rebased.body(), b"{}");
    let no_scheme: http::Uri = "/v1".parse().unwrap();
    let request = http::Request::new(Vec::new());
    assert_eq!(
        ureq_client::rebase(request, &no_scheme)
            .unwrap_err()
            .to_string(),
        "base without a scheme"
    );
}

#[tokio::test]
async fn ureq_client_creates_a_session_at_a_fake_dintero() {
    let (fake, bases) = start_fake_dintero().await;
    let host = format!("host: {}", bases.api.authority().unwrap());
    let (id, url) = run_client(bases, "client-secret").await.unwrap();
    assert_eq!(id, "T11223344.5fake");
    assert_eq!(url, "https://checkout.dintero.com/v1/view/T11223344.5fake");

    let session = ureq_client::demo_session("default").unwrap();
    let session_json = String::from_utf8(session.to_json()).unwrap();
    let seen = fake.seen.lock().unwrap().clone();
    assert_eq!(
        seen,
        [
            Seen {
                method: "POST".into(),
                path: "/v1/accounts/T11223344/auth/token".into(),
                // In the order ureq writes them.
                headers: vec![
                    "content-length: 94".into(),
                    "user-agent: dintero-order-example/0.1".into(),
                    host.clone(),
                    "authorization: Basic Y2xpZW50LWlkOmNsaWVudC1zZWNyZXQ=".into(),
                    "content-type: application/json".into(),
                    "accept: application/json".into(),
                ],
                body: r#"{"grant_type":"client_credentials","audience":"https://api.dintero.com/v1/accounts/T11223344"}"#.into(),
            },
            Seen {
                method: "POST".into(),
                path: "/v1/sessions-profile".into(),
                headers: vec![
                    format!("content-length: {}", session_json.len()),
                    "user-agent: dintero-order-example/0.1".into(),
                    host,
                    format!("authorization: Bearer {TOKEN}"),
                    "content-type: application/json".into(),
                    "accept: application/json".into(),
                    "dintero-feature-toggles: strict-session-amounts".into(),
                ],
                body: session_json,
            },
        ]
    );
}

#[tokio::test]
async fn ureq_client_reads_dintero_errors() {
    let (fake, bases) = start_fake_dintero().await;
    let error = run_client(bases, "wrong-secret").await.unwrap_err();
    let error = error.downcast::<ResponseError>().unwrap();
    let ResponseError::Api(api) = *error else {
        panic!("not an API error: {error:?}");
    };
    let api: ApiError = api;
    assert_eq!(api.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(api.code(), Some("fake"));
    assert_eq!(api.message(), Some("bad credentials"));
    // No session request after a failed token request.
    let seen = fake.seen.lock().unwrap();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].path, "/v1/accounts/T11223344/auth/token");
}

/// What the fake Dintero's call got back: status and body.
async fn dintero_calls(
    address: SocketAddr,
    method: &'static str,
    path_and_query: String,
    signature: Option<String>,
) -> (u16, String) {
    tokio::task::spawn_blocking(move || {
        let mut request = http::Request::builder()
            .method(method)
            .uri(format!("http://{address}{path_and_query}"))
            .header("event-delivery", "delivery-1");
        if let Some(signature) = signature {
            request = request.header("Dintero-Signature", signature);
        }
        let body = if method == "POST" {
            br#"{"id":"T11223344.5txn"}"#.to_vec()
        } else {
            Vec::new()
        };
        let response = ureq_client::agent()
            .run(request.body(body).unwrap())
            .unwrap();
        let status = response.status().as_u16();
        let text = response.into_body().read_to_string().unwrap();
        (status, text)
    })
    .await
    .unwrap()
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

#[tokio::test]
async fn axum_handler_answers_signed_callbacks() {
    let account: Account = ACCOUNT.parse().unwrap();
    let received: Arc<Mutex<Vec<(Method, Callback)>>> = Arc::default();
    let record = received.clone();
    let server = CallbackServer {
        verifier: SignatureVerifier::new(&account, SIGNATURE_SECRET),
        // Dintero calls the shop's public URL; a proxy forwards it to 127.0.0.1.
        public_base: "https://shop.example".into(),
        on_callback: Box::new(move |method, callback| {
            if callback.merchant_reference() == "unknown-order" {
                return Err("no such order yet".into());
            }
            record
                .lock()
                .unwrap()
                .push((method.clone(), callback.clone()));
            Ok(())
        }),
    };
    let address = serve(axum_callback::router(server)).await;

    let dintero = SignatureVerifier::new(&account, SIGNATURE_SECRET);
    let forger = SignatureVerifier::new(&account, "not-the-secret");
    let query = "transaction_id=T11223344.5txn&session_id=T11223344.5fake\
                 &merchant_reference=example-order-1&time=2026-11-29T12%3A00%3A00Z";
    let sign = |signer: &SignatureVerifier, method: &str, path_and_query: &str, t: u64| {
        signer
            .sign(method, &format!("https://shop.example{path_and_query}"), t)
            .unwrap()
    };
    let path = format!("/callback?{query}");
    let now = unix_now();

    // A good signature: 200 "Callback handled", as Dintero documents.
    let good = sign(&dintero, "GET", &path, now);
    assert_eq!(
        dintero_calls(address, "GET", path.clone(), Some(good.clone())).await,
        (200, "Callback handled".to_string())
    );

    // POST, when the callback_url says method=POST.
    let post_path = format!("/callback?method=POST&{query}");
    let post = sign(&dintero, "POST", &post_path, now);
    assert_eq!(
        dintero_calls(address, "POST", post_path.clone(), Some(post)).await,
        (200, "Callback handled".to_string())
    );

    // Bad signatures get a 5xx, which Dintero retries.
    let mismatch = (500, SignatureError::Mismatch.to_string());
    let forged = sign(&forger, "GET", &path, now);
    assert_eq!(
        dintero_calls(address, "GET", path.clone(), Some(forged)).await,
        mismatch
    );
    // The GET signature does not carry over to POST, nor to another query.
    assert_eq!(
        dintero_calls(address, "POST", path.clone(), Some(good.clone())).await,
        mismatch
    );
    let other_path = path.replace("example-order-1", "example-order-2");
    assert_eq!(
        dintero_calls(address, "GET", other_path, Some(good)).await,
        mismatch
    );
    // Signed for 127.0.0.1 rather than the public host.
    let local = dintero
        .sign("GET", &format!("http://{address}{path}"), now)
        .unwrap();
    assert_eq!(
        dintero_calls(address, "GET", path.clone(), Some(local)).await,
        mismatch
    );
    assert_eq!(
        dintero_calls(address, "GET", path.clone(), None).await,
        (500, SignatureError::Missing.to_string())
    );
    let stale = sign(&dintero, "GET", &path, now - 3600);
    let (status, text) = dintero_calls(address, "GET", path.clone(), Some(stale)).await;
    assert_eq!(status, 500);
    assert!(
        text.starts_with(&format!(
            "Dintero-Signature timestamp {} is more than 300 s from now (",
            now - 3600
        )),
        "{text}"
    );

    // Signed, but not a callback: 400, which Dintero does not retry.
    let no_reference = "/callback?transaction_id=T11223344.5txn&session_id=T11223344.5fake\
                        &time=2026-11-29T12%3A00%3A00Z";
    let signed = sign(&dintero, "GET", no_reference, now);
    assert_eq!(
        dintero_calls(address, "GET", no_reference.to_string(), Some(signed)).await,
        (
            400,
            dintero_order::http::CallbackError::Missing("merchant_reference").to_string()
        )
    );

    // The shop cannot handle it yet: 500, so that Dintero retries.
    let unknown = path.replace("example-order-1", "unknown-order");
    let signed = sign(&dintero, "GET", &unknown, now);
    assert_eq!(
        dintero_calls(address, "GET", unknown, Some(signed)).await,
        (500, "no such order yet".to_string())
    );

    // Only the two good calls reached the shop's code.
    let expected = Callback::from_query(query).unwrap();
    let with_method = Callback::from_query(&format!("method=POST&{query}")).unwrap();
    assert_eq!(expected.merchant_reference(), "example-order-1");
    assert_eq!(expected.time(), "2026-11-29T12:00:00Z");
    assert_eq!(
        *received.lock().unwrap(),
        [(Method::GET, expected), (Method::POST, with_method)]
    );
}
