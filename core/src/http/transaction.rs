//! After payment: fetching a transaction, and capturing, refunding and voiding it
//! (`https://checkout.dintero.com/v1/transactions/{id}`).

use ::http::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE};
use ::http::{HeaderValue, Method, Request, Response, Uri};

use super::response::{ResponseError, api_error};
use super::{AccessToken, push_path_segment};
use crate::{Capture, Refund, Transaction, Void};

/// `https://checkout.dintero.com/v1/transactions/{id}{tail}`, the id percent-encoded as a
/// path segment (all but RFC 3986's unreserved characters), so any id makes a valid URI.
fn transaction_uri(id: &str, tail: &str) -> Uri {
    let mut uri = String::from("https://checkout.dintero.com/v1/transactions/");
    push_path_segment(&mut uri, id);
    uri.push_str(tail);
    match Uri::try_from(uri) {
        Ok(uri) => uri,
        // Only unreserved characters and escapes follow a fixed, valid prefix.
        Err(error) => unreachable!("a percent-encoded transaction URI is valid: {error}"),
    }
}

fn request(
    method: Method,
    uri: Uri,
    token: &AccessToken,
    body: Option<Vec<u8>>,
) -> Request<Vec<u8>> {
    let json = body.is_some();
    let mut request = Request::new(body.unwrap_or_default());
    *request.method_mut() = method;
    *request.uri_mut() = uri;
    let headers = request.headers_mut();
    headers.insert(AUTHORIZATION, token.authorization());
    if json {
        headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    }
    headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
    request
}

impl Transaction {
    /// `GET https://checkout.dintero.com/v1/transactions/{id}`, to read a transaction (with
    /// [`from_response`](Self::from_response)) before capturing or refunding it (feature
    /// `http`). The id is percent-encoded as a path segment.
    ///
    /// ```
    /// use dintero_order_core::Transaction;
    /// use dintero_order_core::http::AccessToken;
    /// let token = AccessToken::new("eyJ.a.b", std::time::SystemTime::now())?;
    /// let request = Transaction::fetch_request("T11223344.5abc", &token);
    /// assert_eq!(request.method(), "GET");
    /// assert_eq!(request.uri(), "https://checkout.dintero.com/v1/transactions/T11223344.5abc");
    /// assert_eq!(request.headers()["authorization"], "Bearer eyJ.a.b");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn fetch_request(id: &str, token: &AccessToken) -> Request<Vec<u8>> {
        request(Method::GET, transaction_uri(id, ""), token, None)
    }

    /// Reads Dintero's answer to [`fetch_request`](Self::fetch_request) (or to a capture,
    /// refund or void, which answer with the transaction), faithfully as
    /// [`from_json`](Self::from_json) does; a non-2xx answer is an
    /// [`ApiError`](super::ApiError) with Dintero's error body and the status.
    ///
    /// ```
    /// use dintero_order_core::Transaction;
    /// use dintero_order_core::http::{Response, ResponseError};
    /// let ok = Response::builder().status(200).body(br#"{"id":"T1","items":[]}"#.to_vec())?;
    /// assert_eq!(Transaction::from_response(ok)?.id(), "T1");
    /// let missing = Response::builder().status(404).body(br#"{"error":{"message":"not found"}}"#.to_vec())?;
    /// assert!(matches!(Transaction::from_response(missing), Err(ResponseError::Api(_))));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_response<B: AsRef<[u8]>>(response: Response<B>) -> Result<Self, ResponseError> {
        let status = response.status();
        if !status.is_success() {
            return Err(ResponseError::Api(api_error(&response)));
        }
        Transaction::from_json(response.body().as_ref()).map_err(|error| ResponseError::Body {
            status,
            problem: format!("is not a transaction: {error}"),
        })
    }

    /// `POST …/transactions/{id}/capture` with `capture`'s body (feature `http`).
    ///
    /// ```
    /// use dintero_order_core::Transaction;
    /// use dintero_order_core::http::AccessToken;
    /// let tx = Transaction::from_json(br#"{"id":"T1","items":[{"line_id":"1","amount":700}]}"#)?;
    /// let capture = tx.capture().all().build()?;
    /// let token = AccessToken::new("eyJ.a.b", std::time::SystemTime::now())?;
    /// let request = tx.capture_request(&capture, &token);
    /// assert_eq!(request.uri(), "https://checkout.dintero.com/v1/transactions/T1/capture");
    /// assert_eq!(request.body(), &capture.to_json());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn capture_request(&self, capture: &Capture, token: &AccessToken) -> Request<Vec<u8>> {
        let uri = transaction_uri(self.id(), "/capture");
        request(Method::POST, uri, token, Some(capture.to_json()))
    }

    /// `POST …/transactions/{id}/refund` with `refund`'s body (feature `http`).
    ///
    /// ```
    /// use dintero_order_core::Transaction;
    /// use dintero_order_core::http::AccessToken;
    /// let tx = Transaction::from_json(br#"{"id":"T1","items":[{"line_id":"1","amount":700}],
    ///     "events":[{"event":"CAPTURE","success":true,"amount":700}]}"#)?;
    /// let refund = tx.refund().all().build()?;
    /// let token = AccessToken::new("eyJ.a.b", std::time::SystemTime::now())?;
    /// let request = tx.refund_request(&refund, &token);
    /// assert_eq!(request.uri(), "https://checkout.dintero.com/v1/transactions/T1/refund");
    /// assert_eq!(request.body(), &refund.to_json());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn refund_request(&self, refund: &Refund, token: &AccessToken) -> Request<Vec<u8>> {
        let uri = transaction_uri(self.id(), "/refund");
        request(Method::POST, uri, token, Some(refund.to_json()))
    }

    /// `POST …/transactions/{id}/void`, which cancels what is authorized and not captured;
    /// [`Transaction::void`] checks that the status allows it. Dintero's spec defines no
    /// body, so none is sent (feature `http`).
    ///
    /// ```
    /// use dintero_order_core::Transaction;
    /// use dintero_order_core::http::AccessToken;
    /// let tx = Transaction::from_json(br#"{"id":"T1","status":"AUTHORIZED","items":[]}"#)?;
    /// let token = AccessToken::new("eyJ.a.b", std::time::SystemTime::now())?;
    /// let request = tx.void_request(&tx.void()?, &token);
    /// assert_eq!((request.method().as_str(), request.body().len()), ("POST", 0));
    /// assert_eq!(request.uri(), "https://checkout.dintero.com/v1/transactions/T1/void");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn void_request(&self, _void: &Void, token: &AccessToken) -> Request<Vec<u8>> {
        request(
            Method::POST,
            transaction_uri(self.id(), "/void"),
            token,
            None,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_id_makes_a_valid_uri() {
        let uri = transaction_uri("T1/../x?y #ø", "/capture");
        assert_eq!(
            uri.to_string(),
            "https://checkout.dintero.com/v1/transactions/T1%2F..%2Fx%3Fy%20%23%C3%B8/capture"
        );
    }
}
