//! What the `http` feature's request tests share: a fixed token, and a request's headers as
//! text.
#![allow(dead_code, clippy::unwrap_used)]

use std::time::{Duration, UNIX_EPOCH};

use dintero_order::http::AccessToken;
use http::Request;

/// Every header of a request, in order, as `name: value`.
pub fn headers(request: &Request<Vec<u8>>) -> Vec<String> {
    request
        .headers()
        .iter()
        .map(|(name, value)| format!("{name}: {}", value.to_str().unwrap()))
        .collect()
}

/// A token that expired long ago (requests are built all the same).
pub fn token() -> AccessToken {
    AccessToken::new(
        "eyJhbGciOi.payload.sig",
        UNIX_EPOCH + Duration::from_secs(10),
    )
    .unwrap()
}
