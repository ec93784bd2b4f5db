//! An async `callback_url` handler for `dintero_order::http` with [axum]: checks the
//! `Dintero-Signature`, reads the query and answers as Dintero expects.
//!
//! ```text
//! DINTERO_ACCOUNT=T11223344 DINTERO_SIGNATURE_SECRET=… PUBLIC_BASE_URL=https://shop.example \
//!     cargo run -p dintero-order-testsuite --example axum_callback
//! ```
//!
//! Environment:
//! - `DINTERO_ACCOUNT`, `DINTERO_SIGNATURE_SECRET`: required;
//! - `LISTEN`: the address to listen on, `127.0.0.1:8080` unless set;
//! - `PUBLIC_BASE_URL`: the `scheme://host` Dintero calls (the `callback_url` as the world sees
//!   it, before a proxy rewrote it); the signature covers its host and path. `http://` and the
//!   `LISTEN` address unless set.
//!
//! The answers ([`answer`]):
//! - `200 Callback handled`: the signature is good and [`CallbackServer::on_callback`] took
//!   the callback;
//! - `500`: the signature is missing, stale or wrong, or `on_callback` failed. Dintero takes a
//!   5xx (and a timeout, or a refused connection) as a failed delivery and retries it, up to 20
//!   times; a 4xx would drop the callback for good. A forged call gains nothing by a retry,
//!   while a real one that fails on a clock or a rotated secret still arrives once they are
//!   fixed;
//! - `400`: a signed call whose query is not a callback (no `merchant_reference`, say). The
//!   same URL would fail again, so there is no point in a retry.
//!
//! `tests/http_stacks.rs` runs [`router`] and has a fake Dintero call it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::sync::Arc;
use std::time::SystemTime;

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::routing::any;
use dintero_order::http::{Account, Callback, SignatureVerifier};

/// What to do with a callback whose signature checked out: fetch the transaction and update
/// the order, say. An `Err` makes Dintero retry.
pub type OnCallback = dyn Fn(&Method, &Callback) -> Result<(), String> + Send + Sync;

/// The handler's settings.
pub struct CallbackServer {
    /// Checks `Dintero-Signature` with the account's signature secret.
    pub verifier: SignatureVerifier,
    /// `scheme://host[:port]` as Dintero calls it; the request's path and query follow it.
    pub public_base: String,
    /// Called once per verified callback.
    pub on_callback: Box<OnCallback>,
}

/// The answer to one call: `method`, the path and query it came to, its `Dintero-Signature`
/// header (empty if absent), at `now`. See the module's documentation for the statuses.
pub fn answer(
    server: &CallbackServer,
    method: &Method,
    path_and_query: &str,
    signature: &str,
    now: SystemTime,
) -> (StatusCode, String) {
    let url = format!("{}{path_and_query}", server.public_base);
    if let Err(error) = server
        .verifier
        .verify(method.as_str(), &url, signature, now)
    {
        return (StatusCode::INTERNAL_SERVER_ERROR, error.to_string());
    }
    let query = path_and_query
        .split_once('?')
        .map_or("", |(_, query)| query);
    let callback = match Callback::from_query(query) {
        Ok(callback) => callback,
        Err(error) => return (StatusCode::BAD_REQUEST, error.to_string()),
    };
    match (server.on_callback)(method, &callback) {
        Ok(()) => (StatusCode::OK, "Callback handled".to_string()),
        Err(error) => (StatusCode::INTERNAL_SERVER_ERROR, error),
    }
}

async fn handle(
    State(server): State<Arc<CallbackServer>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
) -> (StatusCode, String) {
    let path_and_query = uri.path_and_query().map_or("/", |p| p.as_str());
    let signature = headers
        .get("dintero-signature")
        .and_then(|value| value.to_str().ok())
        .unwrap_or("");
    answer(
        &server,
        &method,
        path_and_query,
        signature,
        SystemTime::now(),
    )
}

/// `GET` and `POST /callback` (POST when the `callback_url` has `method=POST`; the body is
/// not signed, so it is not read: fetch the transaction instead).
pub fn router(server: CallbackServer) -> Router {
    Router::new()
        .route("/callback", any(handle))
        .with_state(Arc::new(server))
}

fn env(name: &str) -> Result<String, Box<dyn std::error::Error>> {
    std::env::var(name).map_err(|_| format!("set {name}").into())
}

#[allow(dead_code)] // the integration test includes this file for its functions
#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let account: Account = env("DINTERO_ACCOUNT")?.parse()?;
    let secret = env("DINTERO_SIGNATURE_SECRET")?;
    let listen = std::env::var("LISTEN").unwrap_or_else(|_| "127.0.0.1:8080".into());
    let public_base =
        std::env::var("PUBLIC_BASE_URL").unwrap_or_else(|_| format!("http://{listen}"));
    let server = CallbackServer {
        verifier: SignatureVerifier::new(&account, secret),
        public_base,
        on_callback: Box::new(|method, callback| {
            println!(
                "{method} callback: transaction {:?}, session {}, order {}, at {}, error {:?}",
                callback.transaction_id(),
                callback.session_id(),
                callback.merchant_reference(),
                callback.time(),
                callback.error(),
            );
            Ok(())
        }),
    };
    let listener = tokio::net::TcpListener::bind(&listen).await?;
    println!("listening on {}", listener.local_addr()?);
    axum::serve(listener, router(server)).await?;
    Ok(())
}
