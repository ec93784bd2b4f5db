//! Feature `http`: the requests this crate's bodies travel in, and what comes back.
//!
//! Nothing here opens a connection. [`Account::token_request`], the sessions'
//! `create_request` and [`SessionUpdate::update_request`](crate::SessionUpdate::update_request)
//! give [`http::Request<Vec<u8>>`](::http::Request) values to send with the client you
//! already use; [`AccessToken::from_response`], [`SessionCreated::from_response`] and the
//! other answers' `from_response` read any [`http::Response`] whose body is bytes, and turn a
//! non-2xx answer into an [`ApiError`] with Dintero's error body and the HTTP status. On the
//! way in, [`Callback::from_query`] reads the query of the `callback_url` call and
//! [`SignatureVerifier`] checks its `Dintero-Signature` header. [`SystemHeaders`] adds the
//! optional `Dintero-System-*` headers to any of the requests.
//! [`ExpressCallback::from_request`](crate::ExpressCallback::from_request) reads the session
//! posted to an express callback, and the answers' `to_response` make the 200 to send back.
//!
//! Secrets (the client secret, the access token, the signature secret) never appear in `Debug`
//! or `Display`.
//!
//! ```
//! use dintero_order_core::http::{AccessToken, Account, ClientCredentials};
//!
//! let account: Account = "T11223344".parse()?;
//! let credentials = ClientCredentials::new("client-id", "client-secret");
//! let request = account.token_request(&credentials);
//! assert_eq!(request.uri(), "https://api.dintero.com/v1/accounts/T11223344/auth/token");
//!
//! // What the client you use got back:
//! let response = ::http::Response::builder()
//!     .status(200)
//!     .body(r#"{"access_token":"eyJ.a.b","token_type":"Bearer","expires_in":14400}"#)?;
//! let token = AccessToken::from_response(response)?;
//! assert!(!token.is_expired(std::time::SystemTime::now()));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod account;
mod callback;
mod express;
mod response;
mod session;
mod session_update;
mod signature;
mod system;
mod token;
mod transaction;

/// The `http` crate's request and response types, which the requests are and the answers
/// are read from, re-exported so a shop need not depend on the same version by name.
///
/// ```
/// use dintero_order_core::http::{Request, Response};
/// let response: Response<Vec<u8>> = Response::builder().status(204).body(Vec::new())?;
/// # let _: Option<Request<Vec<u8>>> = None;
/// assert_eq!(response.status(), 204);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub use ::http::{Request, Response};
pub use account::{Account, AccountError, ClientCredentials, Environment};
pub use callback::{Callback, CallbackError};
pub use response::{ApiError, ResponseError};
pub use session::SessionCreated;
pub use session_update::{SessionUpdateQuery, SessionUpdated};
pub use signature::{SignatureError, SignatureVerifier};
pub use system::SystemHeaders;
pub use token::{AccessToken, TokenError};

use ::http::HeaderValue;

/// What `Debug` prints in place of a secret.
const REDACTED: &str = "<redacted>";

/// A header value from text this module has already restricted to visible ASCII (Base64, a
/// checked token). Never fails on such text; anything else would give an empty value, which
/// no server accepts, rather than a panic.
fn header_value(text: &str) -> HeaderValue {
    let mut value = HeaderValue::from_str(text).unwrap_or_else(|_| HeaderValue::from_static(""));
    value.set_sensitive(true);
    value
}

/// Writes `segment` at the end of `uri` as one path segment: every byte but RFC 3986's
/// unreserved characters percent-encoded, so no id can add a segment, a query or a fragment.
fn push_path_segment(uri: &mut String, segment: &str) {
    use std::fmt::Write as _;
    for byte in segment.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            uri.push(char::from(byte));
        } else {
            let _ = write!(uri, "%{byte:02X}");
        }
    }
}

/// Standard Base64 with padding (RFC 4648 §4), for the `Basic` credentials.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let symbol =
        |index: u32| char::from(ALPHABET.get((index & 63) as usize).copied().unwrap_or(b'='));
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let [a, b, c] = [0, 1, 2].map(|i| u32::from(chunk.get(i).copied().unwrap_or(0)));
        let group = (a << 16) | (b << 8) | c;
        out.push(symbol(group >> 18));
        out.push(symbol(group >> 12));
        out.push(if chunk.len() > 1 {
            symbol(group >> 6)
        } else {
            '='
        });
        out.push(if chunk.len() > 2 { symbol(group) } else { '=' });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648_vectors() {
        let vectors = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in vectors {
            assert_eq!(base64(plain.as_bytes()), encoded);
        }
        assert_eq!(base64(&[0xfb, 0xff]), "+/8=");
    }

    #[test]
    fn header_values_are_sensitive() {
        assert!(header_value("Bearer x").is_sensitive());
        assert_eq!(header_value("bad\nvalue"), "");
    }
}
