//! Updating a session: `PUT https://checkout.dintero.com/v1/sessions/{session_id}`, its
//! query flags, and Dintero's answer.

use ::http::{Method, Request, Response, Uri};

use super::response::{Answer, ResponseError};
use super::session::session_request;
use super::{AccessToken, push_path_segment};
use crate::SessionUpdate;

/// The query flags of a session update, both `false` (and left out of the URI) unless set.
///
/// ```
/// use dintero_order_core::http::SessionUpdateQuery;
///
/// let query = SessionUpdateQuery::default().with_update_without_lock(true);
/// assert!(query.update_without_lock());
/// assert!(!query.force_shipping_address_callback());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SessionUpdateQuery {
    update_without_lock: bool,
    force_shipping_address_callback: bool,
}

impl SessionUpdateQuery {
    /// Sets `update_without_lock`: update a session that was not locked for paying first.
    /// Dintero allows it server to server while the checkout has not been rendered yet;
    /// otherwise the checkout must be locked (`checkout.lockSession()` in Dintero's Web SDK)
    /// before the update.
    ///
    /// ```
    /// use dintero_order_core::http::SessionUpdateQuery;
    /// assert!(SessionUpdateQuery::default().with_update_without_lock(true).update_without_lock());
    /// ```
    pub fn with_update_without_lock(mut self, update_without_lock: bool) -> Self {
        self.update_without_lock = update_without_lock;
        self
    }

    /// Sets `force_shipping_address_callback`: call `shipping_address_callback_url` even
    /// though the update sets `express.shipping_options` (without options Dintero calls it
    /// anyway).
    ///
    /// ```
    /// use dintero_order_core::http::SessionUpdateQuery;
    /// let query = SessionUpdateQuery::default().with_force_shipping_address_callback(true);
    /// assert!(query.force_shipping_address_callback());
    /// ```
    pub fn with_force_shipping_address_callback(mut self, force: bool) -> Self {
        self.force_shipping_address_callback = force;
        self
    }

    /// `update_without_lock`.
    ///
    /// ```
    /// use dintero_order_core::http::SessionUpdateQuery;
    /// assert!(!SessionUpdateQuery::default().update_without_lock());
    /// ```
    pub fn update_without_lock(&self) -> bool {
        self.update_without_lock
    }

    /// `force_shipping_address_callback`.
    ///
    /// ```
    /// use dintero_order_core::http::SessionUpdateQuery;
    /// assert!(!SessionUpdateQuery::default().force_shipping_address_callback());
    /// ```
    pub fn force_shipping_address_callback(&self) -> bool {
        self.force_shipping_address_callback
    }

    /// The query string, with its `?`, or nothing when no flag is set.
    fn write(self, uri: &mut String) {
        let flags = [
            ("update_without_lock", self.update_without_lock),
            (
                "force_shipping_address_callback",
                self.force_shipping_address_callback,
            ),
        ];
        let mut separator = '?';
        for (name, _) in flags.into_iter().filter(|(_, set)| *set) {
            uri.push(separator);
            uri.push_str(name);
            uri.push_str("=true");
            separator = '&';
        }
    }
}

/// `https://checkout.dintero.com/v1/sessions/{id}` with the query, the id percent-encoded as
/// one path segment.
fn session_uri(id: &str, query: SessionUpdateQuery) -> Uri {
    let mut uri = String::from("https://checkout.dintero.com/v1/sessions/");
    push_path_segment(&mut uri, id);
    query.write(&mut uri);
    match Uri::try_from(uri) {
        Ok(uri) => uri,
        // Only unreserved characters and escapes, then a fixed query, follow a fixed prefix.
        Err(error) => unreachable!("a percent-encoded session URI is valid: {error}"),
    }
}

impl SessionUpdate {
    /// The request that applies this update to the session `session_id`: `PUT
    /// https://checkout.dintero.com/v1/sessions/{session_id}` (the id percent-encoded as one
    /// path segment) with the flags of `query`, the headers of
    /// [`Session::create_request`](crate::Session::create_request) (`Authorization: Bearer …`,
    /// `Content-Type` and `Accept: application/json`, `Dintero-Feature-Toggles:
    /// strict-session-amounts`) and [`to_json`](Self::to_json) as the body (feature `http`).
    /// Read the answer with [`SessionUpdated::from_response`].
    ///
    /// ```
    /// use dintero_order_core::http::{AccessToken, SessionUpdateQuery};
    /// use dintero_order_core::{Currency, Order, SessionUpdate};
    ///
    /// let update = SessionUpdate::builder(Order::builder(Currency::NOK, "o-1").build()?).build()?;
    /// let token = AccessToken::new("eyJ.a.b", std::time::SystemTime::now())?;
    /// let query = SessionUpdateQuery::default().with_update_without_lock(true);
    /// let request = update.update_request("T11223344.abc", &token, query);
    /// assert_eq!(request.method(), "PUT");
    /// assert_eq!(
    ///     request.uri(),
    ///     "https://checkout.dintero.com/v1/sessions/T11223344.abc?update_without_lock=true"
    /// );
    /// assert_eq!(request.body(), &update.to_json());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn update_request(
        &self,
        session_id: &str,
        token: &AccessToken,
        query: SessionUpdateQuery,
    ) -> Request<Vec<u8>> {
        let uri = session_uri(session_id, query);
        session_request(Method::PUT, uri, token, self.to_json())
    }
}

/// Dintero's answer to a session update: the updated session, of which this keeps the id.
///
/// ```
/// use dintero_order_core::http::SessionUpdated;
///
/// let response = ::http::Response::builder()
///     .status(200)
///     .body(r#"{"id":"T11223344.abc","url":{"return_url":"https://shop.example/r"},"order":{}}"#)?;
/// assert_eq!(SessionUpdated::from_response(response)?.id(), "T11223344.abc");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionUpdated {
    id: String,
}

impl SessionUpdated {
    /// Reads the answer to [`update_request`](SessionUpdate::update_request): a 2xx status
    /// and the session, `{"id":…,…}` (other fields are left alone). A non-2xx answer is
    /// [`ResponseError::Api`], with Dintero's error body (a completed session, for one, can
    /// no longer be updated).
    ///
    /// ```
    /// use dintero_order_core::http::{ResponseError, SessionUpdated};
    ///
    /// let response = ::http::Response::builder()
    ///     .status(400)
    ///     .body(r#"{"error":{"code":"INVALID_REQUEST","message":"m"}}"#)?;
    /// let Err(ResponseError::Api(error)) = SessionUpdated::from_response(response) else { panic!() };
    /// assert_eq!((error.status().as_u16(), error.code()), (400, Some("INVALID_REQUEST")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_response<B: AsRef<[u8]>>(response: Response<B>) -> Result<Self, ResponseError> {
        let answer = Answer::read(response)?;
        Ok(Self {
            id: answer.string("id")?.to_owned(),
        })
    }

    /// The session id.
    ///
    /// ```
    /// # use dintero_order_core::http::SessionUpdated;
    /// let response = ::http::Response::builder().status(200).body(r#"{"id":"s1"}"#)?;
    /// assert_eq!(SessionUpdated::from_response(response)?.id(), "s1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn id(&self) -> &str {
        &self.id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_id_makes_one_path_segment() {
        let query = SessionUpdateQuery::default().with_force_shipping_address_callback(true);
        let uri = session_uri("T1/../x?y #ø", query);
        assert_eq!(
            uri.to_string(),
            "https://checkout.dintero.com/v1/sessions/T1%2F..%2Fx%3Fy%20%23%C3%B8?force_shipping_address_callback=true"
        );
    }
}
