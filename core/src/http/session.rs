//! Creating a session: the requests, and Dintero's answer.

use ::http::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE};
use ::http::{HeaderName, HeaderValue, Method, Request, Response, Uri};

use super::AccessToken;
use super::response::{Answer, ResponseError};
use crate::{Session, SessionProfile};

/// `Dintero-Feature-Toggles`: the crate's totals are exact, so Dintero may check them.
const FEATURE_TOGGLES: HeaderName = HeaderName::from_static("dintero-feature-toggles");

/// A session request: `method` on `uri` with a JSON `body`, the bearer token and the
/// feature toggle (creating and updating a session send the same headers).
pub(super) fn session_request(
    method: Method,
    uri: Uri,
    token: &AccessToken,
    body: Vec<u8>,
) -> Request<Vec<u8>> {
    let mut request = Request::new(body);
    *request.method_mut() = method;
    *request.uri_mut() = uri;
    let headers = request.headers_mut();
    headers.insert(AUTHORIZATION, token.authorization());
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
    headers.insert(
        FEATURE_TOGGLES,
        HeaderValue::from_static("strict-session-amounts"),
    );
    request
}

impl SessionProfile {
    /// The request that creates this session: `POST
    /// https://checkout.dintero.com/v1/sessions-profile` with `Authorization: Bearer …`,
    /// `Content-Type: application/json`, `Dintero-Feature-Toggles: strict-session-amounts`
    /// and [`to_json`](Self::to_json) as the body (feature `http`). Read the answer with
    /// [`SessionCreated::from_response`].
    ///
    /// ```
    /// # use dintero_order_core::*;
    /// # use rust_decimal_macros::dec;
    /// use dintero_order_core::http::AccessToken;
    /// # let vat = VatRate::from_whole_percent(25)?;
    /// # let order = Order::builder(Currency::NOK, "o-1")
    /// #     .line(Line::new("chair-1", "Stol", UnitPrice::major(dec!(299.90)), vat))
    /// #     .build()?;
    /// let session = SessionProfile::builder("default", "https://shop.example/r", order).build()?;
    /// let token = AccessToken::new("eyJ.a.b", std::time::SystemTime::now())?;
    /// let request = session.create_request(&token);
    /// assert_eq!(request.uri(), "https://checkout.dintero.com/v1/sessions-profile");
    /// assert_eq!(request.headers()["authorization"], "Bearer eyJ.a.b");
    /// assert_eq!(request.body(), &session.to_json());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn create_request(&self, token: &AccessToken) -> Request<Vec<u8>> {
        let uri = Uri::from_static("https://checkout.dintero.com/v1/sessions-profile");
        session_request(Method::POST, uri, token, self.to_json())
    }
}

impl Session {
    /// The request that creates this session: `POST https://checkout.dintero.com/v1/sessions`
    /// with the same headers as [`SessionProfile::create_request`] and
    /// [`to_json`](Self::to_json) as the body (feature `http`).
    ///
    /// ```
    /// # use dintero_order_core::*;
    /// # use rust_decimal_macros::dec;
    /// use dintero_order_core::http::AccessToken;
    /// # let vat = VatRate::from_whole_percent(25)?;
    /// # let order = Order::builder(Currency::NOK, "o-1")
    /// #     .line(Line::new("chair-1", "Stol", UnitPrice::major(dec!(299.90)), vat))
    /// #     .build()?;
    /// let session = Session::builder("https://shop.example/r", order, Configuration::default()).build()?;
    /// let token = AccessToken::new("eyJ.a.b", std::time::SystemTime::now())?;
    /// let request = session.create_request(&token);
    /// assert_eq!(request.uri(), "https://checkout.dintero.com/v1/sessions");
    /// assert_eq!(request.headers()["dintero-feature-toggles"], "strict-session-amounts");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn create_request(&self, token: &AccessToken) -> Request<Vec<u8>> {
        let uri = Uri::from_static("https://checkout.dintero.com/v1/sessions");
        session_request(Method::POST, uri, token, self.to_json())
    }
}

/// Dintero's answer to a session create: the session's id and the URL to send the customer to.
///
/// ```
/// use dintero_order_core::http::SessionCreated;
///
/// let response = ::http::Response::builder()
///     .status(200)
///     .body(r#"{"id":"T11223344.abc","url":"https://checkout.dintero.com/v1/view/T11223344.abc"}"#)?;
/// let created = SessionCreated::from_response(response)?;
/// assert_eq!(created.id(), "T11223344.abc");
/// assert_eq!(created.url(), "https://checkout.dintero.com/v1/view/T11223344.abc");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionCreated {
    id: String,
    url: String,
}

impl SessionCreated {
    /// Reads the answer to `create_request`: a 2xx status and `{"id":…,"url":…,…}` (other
    /// fields are left alone). A non-2xx answer is [`ResponseError::Api`].
    ///
    /// ```
    /// use dintero_order_core::http::{ResponseError, SessionCreated};
    ///
    /// let response = ::http::Response::builder().status(500).body(Vec::new())?;
    /// assert!(matches!(SessionCreated::from_response(response), Err(ResponseError::Api(_))));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_response<B: AsRef<[u8]>>(response: Response<B>) -> Result<Self, ResponseError> {
        let answer = Answer::read(response)?;
        Ok(Self {
            id: answer.string("id")?.to_owned(),
            url: answer.string("url")?.to_owned(),
        })
    }

    /// The session id.
    ///
    /// ```
    /// # use dintero_order_core::http::SessionCreated;
    /// let response = ::http::Response::builder().status(200).body(r#"{"id":"s1","url":"https://c.example/s1"}"#)?;
    /// assert_eq!(SessionCreated::from_response(response)?.id(), "s1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The URL of the checkout to redirect the customer to.
    ///
    /// ```
    /// # use dintero_order_core::http::SessionCreated;
    /// let response = ::http::Response::builder().status(200).body(r#"{"id":"s1","url":"https://c.example/s1"}"#)?;
    /// assert_eq!(SessionCreated::from_response(response)?.url(), "https://c.example/s1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn url(&self) -> &str {
        &self.url
    }
}
