//! `Dintero-Signature`: the HMAC-SHA256 Dintero puts on the calls it makes to the merchant.

use std::borrow::Cow;
use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

use ::http::Uri;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq;

use super::{Account, REDACTED};

/// How far the signature's timestamp may be from now, either way: five minutes, as Dintero
/// recommends.
const TOLERANCE_SECONDS: u64 = 5 * 60;

/// The signature scheme's name in the header.
const SCHEME: &str = "v0-hmac-sha256";

/// Checks the `Dintero-Signature` header of a call from Dintero (`callback_url`):
/// `t=<unix seconds>,v0-hmac-sha256=<hex>`, an HMAC-SHA256 keyed with the account's signature
/// secret over
/// `<t>\n<account id>\n<method>\n<host>\n<path>\n<sorted query>`. The host is lower-cased
/// without its port; the query is re-serialised as WHATWG's `URLSearchParams` does after
/// `sort()` (pairs stably sorted by name, `+` for spaces, every byte but ASCII alphanumerics
/// and `*-._` percent-encoded). `Debug` hides the secret.
///
/// Give it the URL as the world saw it (scheme, host and path before any proxy rewrote them).
/// Not covered: internationalised host names (WHATWG turns them into punycode; pass the
/// punycode form) and dot segments in the path (`/a/../b`), which Dintero's URLs do not have.
///
/// ```
/// use std::time::{Duration, UNIX_EPOCH};
/// use dintero_order_core::http::{Account, SignatureVerifier};
///
/// // Dintero's documented test vector.
/// let account: Account = "P00000000".parse()?;
/// let verifier = SignatureVerifier::new(&account, "123");
/// let header = "t=1582236537,v0-hmac-sha256=6bed2ab1b919d460ef7465a20dc6c97260dca73fab6647106ca525f0908df64a";
/// let now = UNIX_EPOCH + Duration::from_secs(1582236537 + 60);
/// verifier.verify("GET", "https://example.com/callback?B=123&A=992", header, now)?;
/// assert!(!format!("{verifier:?}").contains("123\""));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct SignatureVerifier {
    account: String,
    secret: Vec<u8>,
}

/// Why a `Dintero-Signature` does not check out.
///
/// ```
/// use std::time::SystemTime;
/// use dintero_order_core::http::{Account, SignatureError, SignatureVerifier};
///
/// let verifier = SignatureVerifier::new(&"T11223344".parse::<Account>()?, "secret");
/// let url = "https://shop.example/callback";
/// assert_eq!(verifier.verify("GET", url, "", SystemTime::now()), Err(SignatureError::Missing));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SignatureError {
    /// The header is empty, or has no `t=` or no `v0-hmac-sha256=`.
    Missing,
    /// The header or the URL is not what the scheme expects; says what.
    Malformed(String),
    /// The timestamp is more than five minutes from now, either way.
    Expired {
        /// The header's `t`, in Unix seconds.
        timestamp: u64,
        /// `now`, in Unix seconds.
        now: u64,
    },
    /// No signature in the header matches the call.
    Mismatch,
}

impl fmt::Display for SignatureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Missing => f.write_str("Dintero-Signature is missing (no t= or v0-hmac-sha256=)"),
            Self::Malformed(what) => write!(f, "Dintero-Signature cannot be checked: {what}"),
            Self::Expired { timestamp, now } => write!(
                f,
                "Dintero-Signature timestamp {timestamp} is more than {TOLERANCE_SECONDS} s from now ({now})"
            ),
            Self::Mismatch => f.write_str("Dintero-Signature does not match the call"),
        }
    }
}

impl std::error::Error for SignatureError {}

impl SignatureVerifier {
    /// A verifier for `account` with the signature secret from `POST /v1/admin/signature`.
    ///
    /// ```
    /// use dintero_order_core::http::{Account, SignatureVerifier};
    ///
    /// let account: Account = "T11223344".parse()?;
    /// let verifier = SignatureVerifier::new(&account, "signature-secret");
    /// assert_eq!(format!("{verifier:?}"), r#"SignatureVerifier { account: "T11223344", secret: "<redacted>" }"#);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(account: &Account, secret: impl AsRef<[u8]>) -> Self {
        Self {
            account: account.id().to_owned(),
            secret: secret.as_ref().to_vec(),
        }
    }

    /// Checks `header` (the value of `Dintero-Signature`) against the call's `method` and
    /// full `url`, at `now`: the HMAC first, compared in constant time, then the five-minute
    /// tolerance. Any of several `v0-hmac-sha256` values may match.
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use dintero_order_core::http::{Account, SignatureError, SignatureVerifier};
    ///
    /// let verifier = SignatureVerifier::new(&"P00000000".parse::<Account>()?, "123");
    /// let header = "t=1582236537,v0-hmac-sha256=6bed2ab1b919d460ef7465a20dc6c97260dca73fab6647106ca525f0908df64a";
    /// let url = "https://example.com/callback?B=123&A=992";
    /// let late = UNIX_EPOCH + Duration::from_secs(1582236537 + 301);
    /// assert_eq!(
    ///     verifier.verify("GET", url, header, late),
    ///     Err(SignatureError::Expired { timestamp: 1582236537, now: 1582236838 })
    /// );
    /// assert_eq!(verifier.verify("POST", url, header, late), Err(SignatureError::Mismatch));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn verify(
        &self,
        method: &str,
        url: &str,
        header: &str,
        now: SystemTime,
    ) -> Result<(), SignatureError> {
        let (timestamp, signatures) = parse_header(header)?;
        let expected = self.mac(timestamp, method, url)?;
        let mut matched = subtle::Choice::from(0);
        for signature in &signatures {
            matched |= expected.as_slice().ct_eq(signature);
        }
        if !bool::from(matched) {
            return Err(SignatureError::Mismatch);
        }
        let now = now
            .duration_since(UNIX_EPOCH)
            .map_or(0, |since| since.as_secs());
        if timestamp.abs_diff(now) > TOLERANCE_SECONDS {
            return Err(SignatureError::Expired { timestamp, now });
        }
        Ok(())
    }

    /// The header Dintero would send for this call at `timestamp` (Unix seconds): for tests
    /// of your callback handler.
    ///
    /// ```
    /// use dintero_order_core::http::{Account, SignatureVerifier};
    ///
    /// let verifier = SignatureVerifier::new(&"P00000000".parse::<Account>()?, "123");
    /// assert_eq!(
    ///     verifier.sign("GET", "https://example.com/callback?B=123&A=992", 1582236537)?,
    ///     "t=1582236537,v0-hmac-sha256=6bed2ab1b919d460ef7465a20dc6c97260dca73fab6647106ca525f0908df64a"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn sign(&self, method: &str, url: &str, timestamp: u64) -> Result<String, SignatureError> {
        let mac = self.mac(timestamp, method, url)?;
        let hex: String = mac.iter().map(|byte| format!("{byte:02x}")).collect();
        Ok(format!("t={timestamp},{SCHEME}={hex}"))
    }

    fn mac(&self, timestamp: u64, method: &str, url: &str) -> Result<Vec<u8>, SignatureError> {
        let text = signed_text(timestamp, &self.account, method, url)?;
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.secret)
            .map_err(|_| SignatureError::Malformed("the secret cannot key HMAC-SHA256".into()))?;
        mac.update(text.as_bytes());
        Ok(mac.finalize().into_bytes().to_vec())
    }
}

impl fmt::Debug for SignatureVerifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SignatureVerifier")
            .field("account", &self.account)
            .field("secret", &REDACTED)
            .finish()
    }
}

/// `t` and every `v0-hmac-sha256` value of the header; other schemes are ignored.
fn parse_header(header: &str) -> Result<(u64, Vec<Vec<u8>>), SignatureError> {
    let mut timestamp = None;
    let mut signatures = Vec::new();
    for part in header
        .split(',')
        .map(str::trim)
        .filter(|part| !part.is_empty())
    {
        let (name, value) = part
            .split_once('=')
            .ok_or_else(|| SignatureError::Malformed(format!("{part:?} is not name=value")))?;
        match name.trim() {
            "t" => {
                let value = value.trim();
                let parsed = value
                    .parse()
                    .ok()
                    .filter(|_| value.bytes().all(|b| b.is_ascii_digit()));
                let parsed = parsed.ok_or_else(|| {
                    SignatureError::Malformed(format!("t={value:?} is not Unix seconds"))
                })?;
                if timestamp.replace(parsed).is_some() {
                    return Err(SignatureError::Malformed("t= comes more than once".into()));
                }
            }
            SCHEME => signatures.push(hex(value.trim()).ok_or_else(|| {
                SignatureError::Malformed(format!("{SCHEME} is not 64 hex digits"))
            })?),
            _ => {}
        }
    }
    match timestamp {
        Some(timestamp) if !signatures.is_empty() => Ok((timestamp, signatures)),
        _ => Err(SignatureError::Missing),
    }
}

/// 32 bytes from 64 hex digits, either case.
fn hex(text: &str) -> Option<Vec<u8>> {
    if text.len() != 64 {
        return None;
    }
    let digit = |b: u8| char::from(b).to_digit(16);
    text.as_bytes()
        .chunks(2)
        .map(|pair| match pair {
            [high, low] => Some(u8::try_from(digit(*high)? * 16 + digit(*low)?).ok()?),
            _ => None,
        })
        .collect()
}

/// `<t>\n<account>\n<method>\n<host>\n<path>\n<query>`, as Dintero signs it.
fn signed_text(
    timestamp: u64,
    account: &str,
    method: &str,
    url: &str,
) -> Result<String, SignatureError> {
    let uri: Uri = url
        .parse()
        .map_err(|error| SignatureError::Malformed(format!("URL {url:?}: {error}")))?;
    let host = uri
        .host()
        .filter(|_| uri.scheme().is_some())
        .ok_or_else(|| SignatureError::Malformed(format!("URL {url:?} is not absolute")))?
        .to_ascii_lowercase();
    let path = whatwg_path(uri.path());
    let query = canonical_query(uri.query().unwrap_or(""));
    Ok(format!(
        "{timestamp}\n{account}\n{method}\n{host}\n{path}\n{query}"
    ))
}

/// The path as WHATWG's `URL.pathname` writes it, as far as `http::Uri` lets it through: an
/// empty path is `/`, `\` is `/` (https is a special scheme), and `"`, `{`, `}` are
/// percent-encoded. Dot segments (`/a/../b`) are not resolved: such a URL fails to verify.
fn whatwg_path(path: &str) -> String {
    if path.is_empty() {
        return "/".into();
    }
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        match c {
            '\\' => out.push('/'),
            '"' => out.push_str("%22"),
            '{' => out.push_str("%7B"),
            '}' => out.push_str("%7D"),
            c => out.push(c),
        }
    }
    out
}

/// WHATWG `URLSearchParams`: parse as form data, sort stably by name in UTF-16 code units,
/// serialise again.
fn canonical_query(query: &str) -> String {
    let mut pairs: Vec<(Cow<'_, str>, Cow<'_, str>)> =
        form_urlencoded::parse(query.as_bytes()).collect();
    pairs.sort_by(|(a, _), (b, _)| a.encode_utf16().cmp(b.encode_utf16()));
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}

#[cfg(test)]
mod tests;
