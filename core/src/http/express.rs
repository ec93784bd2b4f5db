//! The express callbacks over HTTP: the posted session read from the shop's
//! [`Request`], and the answers as a [`Response`].

use ::http::header::CONTENT_TYPE;
use ::http::{HeaderValue, Request, Response, StatusCode};

use crate::{DiscountCodesAnswer, Error, ExpressCallback, ShippingAddressAnswer};

/// `200 OK`, `Content-Type: application/json`, with `body`.
fn json_response(body: Vec<u8>) -> Response<Vec<u8>> {
    let mut response = Response::new(body);
    *response.status_mut() = StatusCode::OK;
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    response
}

impl ExpressCallback {
    /// Reads the session from the body of the POST Dintero sent to an express callback, as
    /// [`from_json`](Self::from_json) does (feature `http`). The request is only borrowed,
    /// so its headers stay at hand.
    ///
    /// ```
    /// use dintero_order_core::ExpressCallback;
    /// use dintero_order_core::http::Request;
    /// let request = Request::post("https://shop.example/express/shipping")
    ///     .body(br#"{"id":"S1","order":{"shipping_address":{"country":"NO","postal_code":"0301"}}}"#.to_vec())?;
    /// let callback = ExpressCallback::from_request(&request)?;
    /// assert_eq!(callback.shipping_address().and_then(|a| a.postal_code()), Some("0301"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_request<B: AsRef<[u8]>>(request: &Request<B>) -> Result<ExpressCallback, Error> {
        ExpressCallback::from_json(request.body().as_ref())
    }
}

impl ShippingAddressAnswer {
    /// The answer as Dintero expects it: `200 OK`, `Content-Type: application/json`, the
    /// body [`to_json`](Self::to_json) (feature `http`). Dintero waits at most 60 seconds
    /// and does not retry.
    ///
    /// ```
    /// use dintero_order_core::ExpressCallback;
    /// let callback = ExpressCallback::from_json(br#"{"id":"S1"}"#)?;
    /// let response = callback.shipping_address_answer([]).build()?.to_response();
    /// assert_eq!(response.status(), 200);
    /// assert_eq!(response.headers()["content-type"], "application/json");
    /// assert_eq!(response.body().as_slice(), br#"{"shipping_options":[]}"#);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_response(&self) -> Response<Vec<u8>> {
        json_response(self.to_json())
    }
}

impl DiscountCodesAnswer {
    /// The answer as Dintero expects it: `200 OK`, `Content-Type: application/json`, the
    /// body [`to_json`](Self::to_json) (feature `http`). Dintero waits at most 60 seconds
    /// and does not retry.
    ///
    /// ```
    /// use dintero_order_core::ExpressCallback;
    /// let callback = ExpressCallback::from_json(br#"{"id":"S1"}"#)?;
    /// let response = callback.discount_codes_answer([]).build()?.to_response();
    /// assert_eq!(response.status(), 200);
    /// assert_eq!(response.headers()["content-type"], "application/json");
    /// assert_eq!(response.body().as_slice(), br#"{"shipping_options":[]}"#);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_response(&self) -> Response<Vec<u8>> {
        json_response(self.to_json())
    }
}
