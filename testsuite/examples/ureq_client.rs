//! A blocking client for `dintero_order::http` with [ureq]: takes an access token, creates a
//! session and prints the URL to send the customer to. [`capture_what_is_left`] shows the
//! other end of an order's life: read the transaction, capture what is left of it.
//!
//! ```text
//! DINTERO_ACCOUNT=T11223344 DINTERO_CLIENT_ID=… DINTERO_CLIENT_SECRET=… \
//!     cargo run -p dintero-order-testsuite --example ureq_client
//! ```
//!
//! Environment:
//! - `DINTERO_ACCOUNT`, `DINTERO_CLIENT_ID`, `DINTERO_CLIENT_SECRET`: required;
//! - `DINTERO_PROFILE_ID`: the payment profile, `default` unless set;
//! - `DINTERO_API_BASE` (default `https://api.dintero.com`, the token) and
//!   `DINTERO_CHECKOUT_BASE` (default `https://checkout.dintero.com`, the session): where the
//!   requests go instead, as `scheme://host[:port]`.
//!
//! This package builds ureq without TLS (the test talks to 127.0.0.1), so the `https` defaults
//! need ureq's `rustls` feature turned on (in your own crate: `ureq = "3"`), or `http://` bases
//! that point at a TLS-terminating proxy.
//!
//! `tests/http_stacks.rs` runs [`create_session`] and [`capture_what_is_left`] against a fake
//! Dintero.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::error::Error;
use std::time::Duration;

use dintero_order::http::{AccessToken, Account, ClientCredentials, SessionCreated};
use dintero_order::{Currency, Line, Order, SessionProfile, Transaction, UnitPrice, VatRate};
use http::uri::{Authority, PathAndQuery, Scheme};
use http::{Request, Response, Uri};
use rust_decimal_macros::dec;

/// The errors of this example, sendable across threads.
pub type BoxError = Box<dyn Error + Send + Sync>;

/// Where the library's requests go: its token request names `https://api.dintero.com`, its
/// session-create request `https://checkout.dintero.com`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bases {
    /// Replaces `https://api.dintero.com`.
    pub api: Uri,
    /// Replaces `https://checkout.dintero.com`.
    pub checkout: Uri,
}

impl Bases {
    /// Dintero's own hosts.
    pub fn dintero() -> Self {
        Bases {
            api: Uri::from_static("https://api.dintero.com"),
            checkout: Uri::from_static("https://checkout.dintero.com"),
        }
    }

    /// `DINTERO_API_BASE` and `DINTERO_CHECKOUT_BASE`, each defaulting to Dintero's host.
    pub fn from_env() -> Result<Self, BoxError> {
        let mut bases = Bases::dintero();
        if let Ok(api) = std::env::var("DINTERO_API_BASE") {
            bases.api = api.parse()?;
        }
        if let Ok(checkout) = std::env::var("DINTERO_CHECKOUT_BASE") {
            bases.checkout = checkout.parse()?;
        }
        Ok(bases)
    }

    /// The base for a request of the library, by the host it names.
    fn for_request(&self, request: &Request<Vec<u8>>) -> Result<&Uri, BoxError> {
        match request.uri().host() {
            Some("api.dintero.com") => Ok(&self.api),
            Some("checkout.dintero.com") => Ok(&self.checkout),
            other => Err(format!("no base for host {other:?}").into()),
        }
    }
}

/// Points `request` at `base`: its scheme and authority (`scheme://host[:port]`) replace the
/// request's, and its path and query stay. A path in `base` is not kept.
///
/// The library names Dintero's real hosts; a test server or a proxy lives elsewhere.
///
/// ```text
/// https://checkout.dintero.com/v1/sessions-profile  with base  http://127.0.0.1:8080
///   -> http://127.0.0.1:8080/v1/sessions-profile
/// ```
pub fn rebase(mut request: Request<Vec<u8>>, base: &Uri) -> Result<Request<Vec<u8>>, BoxError> {
    let scheme: Scheme = base.scheme().cloned().ok_or("base without a scheme")?;
    let authority: Authority = base.authority().cloned().ok_or("base without a host")?;
    let path: PathAndQuery = request
        .uri()
        .path_and_query()
        .cloned()
        .unwrap_or_else(|| PathAndQuery::from_static("/"));
    *request.uri_mut() = Uri::builder()
        .scheme(scheme)
        .authority(authority)
        .path_and_query(path)
        .build()?;
    Ok(request)
}

/// An agent that hands every status back as a response (the library reads Dintero's error
/// body from a non-2xx answer), with a 30-second limit per call.
pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(30)))
        .user_agent("dintero-order-example/0.1")
        .build()
        .new_agent()
}

/// Sends one of the library's requests to its base and reads the whole answer.
pub fn send(
    agent: &ureq::Agent,
    bases: &Bases,
    request: Request<Vec<u8>>,
) -> Result<Response<Vec<u8>>, BoxError> {
    let base = bases.for_request(&request)?;
    let request = rebase(request, base)?;
    let (parts, mut body) = agent.run(request)?.into_parts();
    let bytes = body.with_config().limit(1 << 20).read_to_vec()?;
    Ok(Response::from_parts(parts, bytes))
}

/// Gets an access token for `account`, then creates `session` with it.
pub fn create_session(
    agent: &ureq::Agent,
    bases: &Bases,
    account: &Account,
    credentials: &ClientCredentials,
    session: &SessionProfile,
) -> Result<SessionCreated, BoxError> {
    let token =
        AccessToken::from_response(send(agent, bases, account.token_request(credentials))?)?;
    let created =
        SessionCreated::from_response(send(agent, bases, session.create_request(&token))?)?;
    Ok(created)
}

/// Reads the transaction `id`, captures everything not yet captured of it with `reference`
/// (a parcel number, shown on Dintero's settlement report), and returns the transaction as
/// Dintero answers: what a shop runs when the last parcel of an order ships. A status that
/// allows no capture, or nothing left, is the library's error before anything is sent.
pub fn capture_what_is_left(
    agent: &ureq::Agent,
    bases: &Bases,
    token: &AccessToken,
    id: &str,
    reference: &str,
) -> Result<Transaction, BoxError> {
    let tx =
        Transaction::from_response(send(agent, bases, Transaction::fetch_request(id, token))?)?;
    let capture = tx.capture().all().reference(reference).build()?;
    let answer = send(agent, bases, tx.capture_request(&capture, token))?;
    Ok(Transaction::from_response(answer)?)
}

/// The session this example creates: one chair, with a return and a callback URL.
pub fn demo_session(profile_id: &str) -> Result<SessionProfile, BoxError> {
    let order = Order::builder(Currency::NOK, "example-order-1")
        .line(Line::new(
            "chair",
            "Chair",
            UnitPrice::major(dec!(299.90)),
            VatRate::from_whole_percent(25)?,
        ))
        .build()?;
    let session = SessionProfile::builder(profile_id, "https://shop.example/return", order)
        .callback_url("https://shop.example/callback")
        .build()?;
    Ok(session)
}

fn env(name: &str) -> Result<String, BoxError> {
    std::env::var(name).map_err(|_| format!("set {name}").into())
}

#[allow(dead_code)] // the integration test includes this file for its functions
fn main() -> Result<(), BoxError> {
    let account: Account = env("DINTERO_ACCOUNT")?.parse()?;
    let credentials =
        ClientCredentials::new(env("DINTERO_CLIENT_ID")?, env("DINTERO_CLIENT_SECRET")?);
    let profile_id = std::env::var("DINTERO_PROFILE_ID").unwrap_or_else(|_| "default".into());
    let created = create_session(
        &agent(),
        &Bases::from_env()?,
        &account,
        &credentials,
        &demo_session(&profile_id)?,
    )?;
    println!("session {}: {}", created.id(), created.url());
    Ok(())
}
