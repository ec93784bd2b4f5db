//! The access token: read from the token answer, kept until it expires.

use std::fmt;
use std::time::{Duration, SystemTime};

use ::http::{HeaderValue, Response};
use serde_json::Value;

use super::response::{Answer, ResponseError};
use super::{REDACTED, header_value};

/// A Bearer access token and when it expires. `Debug` hides the token.
///
/// Keep it and reuse it until [`is_expired`](Self::is_expired) (Dintero's tokens live for
/// `expires_in` seconds, 4 hours today); pass it to the sessions' `create_request`.
///
/// ```
/// use std::time::{Duration, SystemTime};
/// use dintero_order_core::http::AccessToken;
///
/// let now = SystemTime::now();
/// let response = ::http::Response::builder()
///     .status(200)
///     .body(r#"{"access_token":"eyJ.a.b","token_type":"Bearer","expires_in":14400}"#)?;
/// let token = AccessToken::from_response_at(response, now)?;
/// assert_eq!(token.expires_at(), now + Duration::from_secs(14400));
/// assert!(!token.is_expired(now + Duration::from_secs(14399)));
/// assert!(token.is_expired(now + Duration::from_secs(14400)));
/// assert!(!format!("{token:?}").contains("eyJ"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct AccessToken {
    token: String,
    expires_at: SystemTime,
}

/// A token text that cannot go into an `Authorization` header: empty, or not visible ASCII.
///
/// ```
/// use std::time::SystemTime;
/// use dintero_order_core::http::{AccessToken, TokenError};
///
/// assert_eq!(AccessToken::new("a b", SystemTime::now()), Err(TokenError));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenError;

impl fmt::Display for TokenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an access token is a non-empty string of visible ASCII characters")
    }
}

impl std::error::Error for TokenError {}

impl AccessToken {
    /// A token you kept (from a cache shared between processes, say) and when it expires.
    ///
    /// ```
    /// use std::time::{Duration, SystemTime};
    /// use dintero_order_core::http::AccessToken;
    ///
    /// let expires_at = SystemTime::now() + Duration::from_secs(600);
    /// let token = AccessToken::new("eyJ.a.b", expires_at)?;
    /// assert_eq!(token.expires_at(), expires_at);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(token: impl Into<String>, expires_at: SystemTime) -> Result<Self, TokenError> {
        let token = token.into();
        if token.is_empty() || !token.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(TokenError);
        }
        Ok(Self { token, expires_at })
    }

    /// Reads the answer to [`Account::token_request`](super::Account::token_request):
    /// `{"access_token":…,"token_type":"Bearer","expires_in":…}`; the expiry counts from the
    /// system clock's now. A non-2xx answer is [`ResponseError::Api`].
    ///
    /// ```
    /// use dintero_order_core::http::AccessToken;
    ///
    /// let response = ::http::Response::builder()
    ///     .status(200)
    ///     .body(br#"{"access_token":"eyJ.a.b","token_type":"Bearer","expires_in":14400}"#.to_vec())?;
    /// let token = AccessToken::from_response(response)?;
    /// assert_eq!(token.secret(), "eyJ.a.b");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_response<B: AsRef<[u8]>>(response: Response<B>) -> Result<Self, ResponseError> {
        Self::from_response_at(response, SystemTime::now())
    }

    /// [`from_response`](Self::from_response) with the time the answer came, for tests and
    /// clocks of your own.
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use dintero_order_core::http::AccessToken;
    ///
    /// let response = ::http::Response::builder()
    ///     .status(200)
    ///     .body(r#"{"access_token":"t","token_type":"Bearer","expires_in":60}"#)?;
    /// let token = AccessToken::from_response_at(response, UNIX_EPOCH)?;
    /// assert_eq!(token.expires_at(), UNIX_EPOCH + Duration::from_secs(60));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_response_at<B: AsRef<[u8]>>(
        response: Response<B>,
        now: SystemTime,
    ) -> Result<Self, ResponseError> {
        let answer = Answer::read(response)?;
        let token_type = answer.string("token_type")?;
        if !token_type.eq_ignore_ascii_case("bearer") {
            return Err(answer.problem(format!("has token_type {token_type:?}, not \"Bearer\"")));
        }
        let expires_in = answer
            .body
            .get("expires_in")
            .and_then(Value::as_u64)
            .ok_or_else(|| answer.problem("has no whole number `expires_in`".into()))?;
        let expires_at = now
            .checked_add(Duration::from_secs(expires_in))
            .ok_or_else(|| answer.problem("has an `expires_in` past the clock's end".into()))?;
        Self::new(answer.string("access_token")?, expires_at)
            .map_err(|_| answer.problem("has an `access_token` that is not visible ASCII".into()))
    }

    /// When the token stops working.
    ///
    /// ```
    /// # use std::time::{Duration, UNIX_EPOCH};
    /// # use dintero_order_core::http::AccessToken;
    /// let token = AccessToken::new("t", UNIX_EPOCH + Duration::from_secs(1))?;
    /// assert_eq!(token.expires_at(), UNIX_EPOCH + Duration::from_secs(1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn expires_at(&self) -> SystemTime {
        self.expires_at
    }

    /// Whether the token has expired at `now`. To renew early, ask with a later `now`
    /// (`now + Duration::from_secs(600)`).
    ///
    /// ```
    /// # use std::time::{Duration, UNIX_EPOCH};
    /// # use dintero_order_core::http::AccessToken;
    /// let token = AccessToken::new("t", UNIX_EPOCH + Duration::from_secs(100))?;
    /// assert!(!token.is_expired(UNIX_EPOCH + Duration::from_secs(99)));
    /// assert!(token.is_expired(UNIX_EPOCH + Duration::from_secs(100)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_expired(&self, now: SystemTime) -> bool {
        now >= self.expires_at
    }

    /// The token itself, a secret: for a cache of your own. Requests built by this crate
    /// put it in their `Authorization` header themselves.
    ///
    /// ```
    /// # use std::time::UNIX_EPOCH;
    /// # use dintero_order_core::http::AccessToken;
    /// let token = AccessToken::new("eyJ.a.b", UNIX_EPOCH)?;
    /// assert_eq!(token.secret(), "eyJ.a.b");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn secret(&self) -> &str {
        &self.token
    }

    /// `Bearer {token}`, marked sensitive.
    pub(super) fn authorization(&self) -> HeaderValue {
        header_value(&format!("Bearer {}", self.token))
    }
}

impl fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AccessToken")
            .field("token", &REDACTED)
            .field("expires_at", &self.expires_at)
            .finish()
    }
}
