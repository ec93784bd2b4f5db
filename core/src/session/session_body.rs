//! The body of `POST /v1/sessions`: [`Session`] and its builder.

use std::collections::BTreeMap;
use std::time::SystemTime;

use super::expires_at::ExpiresAt;
use super::parts::{OrderPart, SessionParts};
use crate::error::{Error, Violation, Violations};
use crate::order::validated::OrderData;
use crate::{Checkbox, Configuration, Customer, Express, MetadataValue, Order};

/// The body of `POST /v1/sessions`: a checkout session for an [`Order`] that carries its
/// whole `configuration` instead of naming a payment profile.
///
/// It has every field of [`SessionProfile`](crate::SessionProfile) except `profile_id` and `merchant`, with the
/// same checks and the same guarantees; it is made by [`Session::builder`] or by parsing.
/// Fields are written in this order: `url`, `order`, `customer`, `expires_at`, `metadata`,
/// `checkboxes`, `express`, `configuration`.
///
/// ```
/// use dintero_order_core::{Configuration, Currency, Line, Order, Session, UnitPrice, VatRate};
/// use rust_decimal_macros::dec;
///
/// let vat = VatRate::from_whole_percent(25).unwrap();
/// let order = Order::builder(Currency::NOK, "ref")
///     .line(Line::new("sku", "Chair", UnitPrice::major(dec!(299.90)), vat))
///     .build()?;
/// let configuration = Configuration::builder().active_payment_types(true).build();
/// let session = Session::builder("https://example.com/return", order, configuration)
///     .callback_url("https://example.com/callback")
///     .build()?;
/// let body = serde_json::to_string(&session)?;
/// assert_eq!(
///     body,
///     r#"{"url":{"return_url":"https://example.com/return","callback_url":"https://example.com/callback"},"order":{"amount":29990,"currency":"NOK","merchant_reference":"ref","vat_amount":5998,"items":[{"id":"sku","line_id":"1","description":"Chair","quantity":1,"amount":29990,"vat_amount":5998,"vat":25}]},"configuration":{"active_payment_types":{"enabled":true}}}"#
/// );
/// assert_eq!(serde_json::from_str::<Session>(&body)?, session);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Session(pub(crate) SessionBody);

/// Collects the fields of a [`Session`]; [`build`](Self::build) checks them all at once.
/// Made by [`Session::builder`].
///
/// Every setter takes and returns the builder by value and never fails; the setters' order
/// does not matter.
///
/// ```
#[doc = example_order!()]
/// let session = Session::builder("https://example.com/return", order, Configuration::default())
///     .metadata("ext_cart", "c-17")
///     .build()?;
/// assert_eq!(session.metadata().len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
#[must_use = "a session builder does nothing until `.build()` is called"]
pub struct SessionBuilder(SessionBody);

/// The fields of [`Session`] in the order they are written.
/// (Written by `json::write`.)
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SessionBody<O = Order> {
    pub(crate) parts: SessionParts<O>,
    pub(crate) configuration: Configuration,
}

impl<O: OrderPart> SessionBody<O> {
    /// Every rule, every problem at once, in the order the fields are written.
    fn validate(&self) -> Result<(), Error> {
        let mut v = Violations::new();
        self.parts.validate(self.configuration.is_in_app(), &mut v);
        self.configuration.validate("configuration", &mut v);
        v.finish(())
    }
}

impl Session {
    /// Starts a session for `order` with its whole `configuration` and the `return_url` the
    /// customer lands on after the checkout.
    ///
    /// Nothing is checked until [`build`](SessionBuilder::build), which fails on a
    /// `return_url` that is not an absolute http(s) URL (any absolute URL with channel
    /// `in_app`) or a malformed typed configuration field, together with every other
    /// problem.
    ///
    /// ```
    #[doc = example_order!()]
    /// let configuration = Configuration::builder()
    ///     .channel(Channel::InApp)
    ///     .set("vipps", serde_json::json!({ "enabled": true }))
    ///     .build();
    /// // In an app, the return URL may switch back to it.
    /// let session = Session::builder("myapp://checkout-done", order, configuration).build()?;
    /// assert_eq!(session.return_url(), "myapp://checkout-done");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn builder(
        return_url: impl Into<String>,
        order: Order,
        configuration: Configuration,
    ) -> SessionBuilder {
        SessionBuilder(SessionBody {
            parts: SessionParts::new(return_url.into(), order),
            configuration,
        })
    }

    /// `configuration`.
    ///
    /// ```
    #[doc = example_order!()]
    /// let session = Session::builder("https://example.com/return", order, Configuration::default()).build()?;
    /// assert!(session.configuration().as_json().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn configuration(&self) -> &Configuration {
        &self.0.configuration
    }

    /// Checks a parsed body, its order included, in one pass.
    pub(crate) fn from_parsed(body: SessionBody<OrderData>) -> Result<Session, Error> {
        body.validate()?;
        Ok(Session::assemble(body))
    }

    /// [`from_parsed`](Self::from_parsed) for a faithful parse: the problems with this
    /// crate's own rules are given back as warnings.
    pub(crate) fn from_parsed_faithful(
        body: SessionBody<OrderData>,
    ) -> Result<(Session, Vec<Violation>), Error> {
        let warnings = match body.validate() {
            Ok(()) => Vec::new(),
            Err(error) => error.crate_rules_only()?,
        };
        Ok((Session::assemble(body), warnings))
    }

    fn assemble(body: SessionBody<OrderData>) -> Session {
        Session(SessionBody {
            parts: body.parts.into_validated(),
            configuration: body.configuration,
        })
    }
}

impl SessionBuilder {
    /// Replaces `configuration`.
    ///
    /// ```
    #[doc = example_order!()]
    /// let session = Session::builder("https://example.com/return", order, Configuration::default())
    ///     .configuration(Configuration::builder().default_payment_type("vipps").build())
    ///     .build()?;
    /// assert_eq!(session.configuration().default_payment_type(), Some("vipps"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn configuration(mut self, configuration: Configuration) -> SessionBuilder {
        self.0.configuration = configuration;
        self
    }

    /// Checks every field once and gives the session, or every problem at once, each with
    /// its JSON path, in the order the fields are written.
    ///
    /// ```
    #[doc = example_order!()]
    /// let configuration = Configuration::builder().set("auto_capture", "yes").build();
    /// let err = Session::builder("/return", order, configuration)
    ///     .build()
    ///     .unwrap_err();
    /// let found: Vec<&str> = err.violations().iter().map(|v| v.path()).collect();
    /// assert_eq!(found, ["url.return_url", "configuration.auto_capture"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn build(self) -> Result<Session, Error> {
        self.0.validate()?;
        Ok(Session(self.0))
    }
}

shared_session_api!(
    Session,
    SessionBuilder,
    "Session::builder(\"https://example.com/return\", order.clone(), Configuration::default())"
);
