//! What a response from Dintero can say besides the expected body: its error body.

use std::fmt;

use ::http::{Response, StatusCode};
use serde_json::Value;

/// A non-2xx answer from Dintero: the HTTP status and Dintero's error body,
/// `{"error":{"code":…,"message":…,"errors":[…]}}`, as far as the body has one.
///
/// ```
/// use dintero_order_core::http::{ResponseError, SessionCreated};
///
/// let response = ::http::Response::builder()
///     .status(400)
///     .body(r#"{"error":{"code":"INVALID_REQUEST","message":"order.amount is wrong"}}"#)?;
/// let Err(ResponseError::Api(error)) = SessionCreated::from_response(response) else {
///     panic!("expected Dintero's error");
/// };
/// assert_eq!(error.status(), 400);
/// assert_eq!(error.code(), Some("INVALID_REQUEST"));
/// assert_eq!(error.message(), Some("order.amount is wrong"));
/// assert_eq!(error.to_string(), "Dintero answered 400 Bad Request: INVALID_REQUEST: order.amount is wrong");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ApiError {
    status: StatusCode,
    code: Option<String>,
    message: Option<String>,
    errors: Vec<Value>,
    retry_after: Option<u64>,
}

impl ApiError {
    /// The HTTP status of the answer.
    ///
    /// ```
    /// # use dintero_order_core::http::{ResponseError, SessionCreated};
    /// let response = ::http::Response::builder().status(401).body("")?;
    /// let Err(ResponseError::Api(error)) = SessionCreated::from_response(response) else { panic!() };
    /// assert_eq!(error.status(), ::http::StatusCode::UNAUTHORIZED);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// `error.code`, when the body has one.
    ///
    /// ```
    /// # use dintero_order_core::http::{ResponseError, SessionCreated};
    /// let response = ::http::Response::builder().status(403).body(r#"{"error":{"code":"mfa_required","message":"m"}}"#)?;
    /// let Err(ResponseError::Api(error)) = SessionCreated::from_response(response) else { panic!() };
    /// assert_eq!(error.code(), Some("mfa_required"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// `error.message`, when the body has one (a proxy's HTML page has none).
    ///
    /// ```
    /// # use dintero_order_core::http::{ResponseError, SessionCreated};
    /// let response = ::http::Response::builder().status(502).body("<html>Bad gateway</html>")?;
    /// let Err(ResponseError::Api(error)) = SessionCreated::from_response(response) else { panic!() };
    /// assert_eq!(error.message(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// `error.errors`, Dintero's details, as they came.
    ///
    /// ```
    /// # use dintero_order_core::http::{ResponseError, SessionCreated};
    /// let response = ::http::Response::builder().status(400)
    ///     .body(r#"{"error":{"message":"m","errors":[{"path":"order"}]}}"#)?;
    /// let Err(ResponseError::Api(error)) = SessionCreated::from_response(response) else { panic!() };
    /// assert_eq!(error.errors(), [serde_json::json!({"path": "order"})]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn errors(&self) -> &[Value] {
        &self.errors
    }

    /// The `Retry-After` header in seconds, which Dintero sends with 429 Too Many Requests.
    ///
    /// ```
    /// # use dintero_order_core::http::{ResponseError, SessionCreated};
    /// let response = ::http::Response::builder().status(429).header("retry-after", "30").body("")?;
    /// let Err(ResponseError::Api(error)) = SessionCreated::from_response(response) else { panic!() };
    /// assert_eq!(error.retry_after(), Some(30));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn retry_after(&self) -> Option<u64> {
        self.retry_after
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Dintero answered {}", self.status)?;
        match (&self.code, &self.message) {
            (Some(code), Some(message)) => write!(f, ": {code}: {message}"),
            (Some(text), None) | (None, Some(text)) => write!(f, ": {text}"),
            (None, None) => Ok(()),
        }
    }
}

impl std::error::Error for ApiError {}

/// Why a response was not the expected answer.
///
/// ```
/// use dintero_order_core::http::{ResponseError, SessionCreated};
///
/// let response = ::http::Response::builder().status(200).body(r#"{"id":"s1"}"#)?;
/// let error = SessionCreated::from_response(response).unwrap_err();
/// assert_eq!(error.to_string(), "Dintero's 200 OK answer has no string `url`");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ResponseError {
    /// A non-2xx status, with Dintero's error body.
    Api(ApiError),
    /// A 2xx status whose body is not what Dintero documents.
    Body {
        /// The HTTP status of the answer.
        status: StatusCode,
        /// What is wrong with the body (never the body itself, which may hold a token).
        problem: String,
    },
}

impl fmt::Display for ResponseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Api(error) => error.fmt(f),
            Self::Body { status, problem } => write!(f, "Dintero's {status} answer {problem}"),
        }
    }
}

impl std::error::Error for ResponseError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Api(error) => Some(error),
            Self::Body { .. } => None,
        }
    }
}

impl From<ApiError> for ResponseError {
    fn from(error: ApiError) -> Self {
        Self::Api(error)
    }
}

/// A 2xx answer's JSON object, or the error it stands for.
pub(super) struct Answer {
    pub(super) status: StatusCode,
    pub(super) body: serde_json::Map<String, Value>,
}

impl Answer {
    pub(super) fn read<B: AsRef<[u8]>>(response: Response<B>) -> Result<Self, ResponseError> {
        let status = response.status();
        let bytes = response.body().as_ref();
        if !status.is_success() {
            return Err(ResponseError::Api(api_error(&response)));
        }
        match serde_json::from_slice(bytes) {
            Ok(Value::Object(body)) => Ok(Self { status, body }),
            Ok(_) => Err(ResponseError::Body {
                status,
                problem: "is not a JSON object".into(),
            }),
            Err(error) => Err(ResponseError::Body {
                status,
                problem: format!(
                    "is not JSON (line {}, column {})",
                    error.line(),
                    error.column()
                ),
            }),
        }
    }

    /// The string field `name`.
    pub(super) fn string(&self, name: &str) -> Result<&str, ResponseError> {
        self.body
            .get(name)
            .and_then(Value::as_str)
            .ok_or_else(|| self.problem(format!("has no string `{name}`")))
    }

    pub(super) fn problem(&self, problem: String) -> ResponseError {
        ResponseError::Body {
            status: self.status,
            problem,
        }
    }
}

pub(super) fn api_error<B: AsRef<[u8]>>(response: &Response<B>) -> ApiError {
    let body: Option<Value> = serde_json::from_slice(response.body().as_ref()).ok();
    let error = body.as_ref().and_then(|body| body.get("error"));
    let text = |name: &str| {
        error
            .and_then(|error| error.get(name))
            .and_then(Value::as_str)
            .map(str::to_owned)
    };
    ApiError {
        status: response.status(),
        code: text("code"),
        message: text("message"),
        errors: error
            .and_then(|error| error.get("errors"))
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default(),
        retry_after: response
            .headers()
            .get(::http::header::RETRY_AFTER)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.trim().parse().ok()),
    }
}
