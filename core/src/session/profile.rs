//! The body of `POST /v1/sessions-profile`: [`SessionProfile`] and its builder.

use std::collections::BTreeMap;
use std::time::SystemTime;

use super::expires_at::ExpiresAt;
use super::parts::{OrderPart, SessionParts};
use crate::error::{Error, Rule, Violation, Violations};
use crate::order::validated::OrderData;
use crate::{Checkbox, Configuration, Customer, Express, Merchant, MetadataValue, Order};

/// The body of `POST /v1/sessions-profile`: a checkout session for an [`Order`], configured
/// by a payment profile set up in Dintero's backoffice.
///
/// Made by [`SessionProfile::builder`] or by parsing; every value is valid: the builder's
/// [`build`](SessionProfileBuilder::build) and parsing check all of it and report every
/// problem at once, each with its JSON path. Serializing gives Dintero's exact JSON: its
/// field names, no `null`s, fields in this order: `profile_id`, `url`, `order`, `customer`,
/// `expires_at`, `metadata`, `checkboxes`, `express`, `configuration`, `merchant`. Each
/// getter is named after its field.
///
/// ```
/// use dintero_order_core::{Currency, Line, Order, SessionProfile, UnitPrice, VatRate};
/// use rust_decimal_macros::dec;
///
/// let vat = VatRate::from_whole_percent(25).unwrap();
/// let order = Order::builder(Currency::NOK, "ref")
///     .line(Line::new("sku", "Chair", UnitPrice::major(dec!(299.90)), vat))
///     .build()?;
/// let session = SessionProfile::builder("default", "https://example.com/return", order)
///     .callback_url("https://example.com/callback")
///     .build()?;
/// let body: String = serde_json::to_string(&session)?;
/// assert_eq!(
///     body,
///     r#"{"profile_id":"default","url":{"return_url":"https://example.com/return","callback_url":"https://example.com/callback"},"order":{"amount":29990,"currency":"NOK","merchant_reference":"ref","vat_amount":5998,"items":[{"id":"sku","line_id":"1","description":"Chair","quantity":1,"amount":29990,"vat_amount":5998,"vat":25}]}}"#
/// );
/// let back: SessionProfile = serde_json::from_str(&body)?;
/// assert_eq!(back, session);
/// assert_eq!(session.callback_url(), Some("https://example.com/callback"));
///
/// // Parsing re-checks every rule:
/// let bad = body.replace("https://example.com/callback", "http://127.0.0.1/callback");
/// assert!(serde_json::from_str::<SessionProfile>(&bad).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct SessionProfile(pub(crate) ProfileBody);

/// Collects the fields of a [`SessionProfile`]; [`build`](Self::build) checks them all at
/// once. Made by [`SessionProfile::builder`].
///
/// Every setter takes and returns the builder by value and never fails, so both chaining
/// and `builder = builder.metadata(k, v)` in a loop work; the setters' order does not
/// matter.
///
/// ```
#[doc = example_order!()]
/// let mut builder = SessionProfile::builder("default", "https://example.com/return", order);
/// for (key, value) in [("ext_cart", "c-17"), ("ext_source", "web")] {
///     builder = builder.metadata(key, value);
/// }
/// let session = builder.callback_url("https://example.com/callback").build()?;
/// assert_eq!(session.metadata().len(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
#[must_use = "a session builder does nothing until `.build()` is called"]
pub struct SessionProfileBuilder(ProfileBody);

/// The fields of [`SessionProfile`] in the order they are written.
/// (Written by `json::write`.)
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ProfileBody<O = Order> {
    pub(crate) profile_id: String,
    pub(crate) parts: SessionParts<O>,
    pub(crate) configuration: Option<Configuration>,
    // Boxed, as the order's rare large parts are: a session is moved a few times as it is
    // made, and each move copies it whole.
    pub(crate) merchant: Option<Box<Merchant>>,
}

impl<O: OrderPart> ProfileBody<O> {
    /// Every rule, every problem at once, in the order the fields are written.
    fn validate(&self) -> Result<(), Error> {
        let mut v = Violations::new();
        if self.profile_id.is_empty() {
            v.add(Rule::Required, "profile_id", "a non-empty string", "\"\"");
        }
        let in_app = self
            .configuration
            .as_ref()
            .is_some_and(Configuration::is_in_app);
        self.parts.validate(in_app, &mut v);
        if let Some(configuration) = &self.configuration {
            configuration.validate("configuration", &mut v);
        }
        if let Some(merchant) = &self.merchant {
            merchant.validate("merchant", &mut v);
        }
        v.finish(())
    }
}

/// An empty configuration overrides nothing: it is the same as none, so it is held as none
/// (and a parsed `"configuration": {}` equals a session that never set one).
pub(crate) fn overrides(configuration: Configuration) -> Option<Configuration> {
    (!configuration.as_json().is_empty()).then_some(configuration)
}

impl SessionProfile {
    /// Starts a session for `order` with the payment profile `profile_id` (most accounts
    /// have `default`) and the `return_url` the customer lands on after the checkout.
    ///
    /// Nothing is checked until [`build`](SessionProfileBuilder::build), which fails on an
    /// empty `profile_id` or a `return_url` that is not an absolute http(s) URL, together
    /// with every other problem.
    ///
    /// ```
    #[doc = example_order!()]
    /// use dintero_order_core::{Rule, SessionProfile};
    ///
    /// let session = SessionProfile::builder("default", "https://example.com/return", order.clone()).build()?;
    /// assert_eq!(session.profile_id(), "default");
    ///
    /// let err = SessionProfile::builder("", "/return", order).build().unwrap_err();
    /// let found: Vec<String> = err.violations().iter().map(ToString::to_string).collect();
    /// assert_eq!(found, [
    ///     r#"profile_id: expected a non-empty string, found """#,
    ///     r#"url.return_url: expected an absolute http(s) URL, found "/return""#,
    /// ]);
    /// assert_eq!(err.violations()[1].rule(), Rule::Url);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn builder(
        profile_id: impl Into<String>,
        return_url: impl Into<String>,
        order: Order,
    ) -> SessionProfileBuilder {
        SessionProfileBuilder(ProfileBody {
            profile_id: profile_id.into(),
            parts: SessionParts::new(return_url.into(), order),
            configuration: None,
            merchant: None,
        })
    }

    /// `profile_id`.
    ///
    /// ```
    #[doc = example_order!()]
    /// let session = SessionProfile::builder("default", "https://example.com/return", order).build()?;
    /// assert_eq!(session.profile_id(), "default");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn profile_id(&self) -> &str {
        &self.0.profile_id
    }

    /// `configuration`, if set.
    ///
    /// ```
    #[doc = example_order!()]
    /// let session = SessionProfile::builder("default", "https://example.com/return", order).build()?;
    /// assert!(session.configuration().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn configuration(&self) -> Option<&Configuration> {
        self.0.configuration.as_ref()
    }

    /// `merchant`, if set.
    ///
    /// ```
    #[doc = example_order!()]
    /// let session = SessionProfile::builder("default", "https://example.com/return", order).build()?;
    /// assert!(session.merchant().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn merchant(&self) -> Option<&Merchant> {
        self.0.merchant.as_deref()
    }

    /// Checks a parsed body, its order included, in one pass.
    pub(crate) fn from_parsed(body: ProfileBody<OrderData>) -> Result<SessionProfile, Error> {
        body.validate()?;
        Ok(SessionProfile::assemble(body))
    }

    /// [`from_parsed`](Self::from_parsed) for a faithful parse: the problems with this
    /// crate's own rules are given back as warnings.
    pub(crate) fn from_parsed_faithful(
        body: ProfileBody<OrderData>,
    ) -> Result<(SessionProfile, Vec<Violation>), Error> {
        let warnings = match body.validate() {
            Ok(()) => Vec::new(),
            Err(error) => error.crate_rules_only()?,
        };
        Ok((SessionProfile::assemble(body), warnings))
    }

    fn assemble(body: ProfileBody<OrderData>) -> SessionProfile {
        SessionProfile(ProfileBody {
            profile_id: body.profile_id,
            parts: body.parts.into_validated(),
            configuration: body.configuration,
            merchant: body.merchant,
        })
    }
}

impl SessionProfileBuilder {
    /// Sets `configuration`, overriding the profile's settings; `build` fails when a typed
    /// field (`auto_capture`, `channel`, `default_payment_type`,
    /// `active_payment_types.enabled`) has the wrong type or value. An empty configuration
    /// overrides nothing and is the same as none.
    ///
    /// ```
    #[doc = example_order!()]
    /// let session = SessionProfile::builder("default", "https://example.com/return", order)
    ///     .configuration(Configuration::builder().auto_capture(true).build())
    ///     .build()?;
    /// assert_eq!(session.configuration().and_then(Configuration::auto_capture), Some(true));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn configuration(mut self, configuration: Configuration) -> SessionProfileBuilder {
        self.0.configuration = overrides(configuration);
        self
    }

    /// Sets `merchant`, the name, logo and details shown for the shop; `build` fails on an
    /// empty `name`, a `logo_url` that is not an absolute http(s) URL or a malformed
    /// `country`.
    ///
    /// ```
    #[doc = example_order!()]
    /// let merchant = Merchant::builder("Kari's Chairs", "https://example.com/logo.png").build();
    /// let session = SessionProfile::builder("default", "https://example.com/return", order)
    ///     .merchant(merchant)
    ///     .build()?;
    /// assert_eq!(session.merchant().map(Merchant::name), Some("Kari's Chairs"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn merchant(mut self, merchant: Merchant) -> SessionProfileBuilder {
        self.0.merchant = Some(Box::new(merchant));
        self
    }

    /// Checks every field once and gives the session, or every problem at once, each with
    /// its JSON path, in the order the fields are written.
    ///
    /// ```
    #[doc = example_order!()]
    /// let err = SessionProfile::builder("default", "https://example.com/return", order)
    ///     .callback_url("http://example.com/callback")
    ///     .checkbox(Checkbox::builder("terms", "!").build())
    ///     .build()
    ///     .unwrap_err();
    /// let found: Vec<String> = err.violations().iter().map(ToString::to_string).collect();
    /// assert_eq!(found, [
    ///     r#"url.callback_url: expected an absolute https URL, found "http://example.com/callback""#,
    ///     "checkboxes[0].label: expected 2 to 99 characters, found 1 character",
    /// ]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn build(self) -> Result<SessionProfile, Error> {
        self.0.validate()?;
        Ok(SessionProfile(self.0))
    }
}

shared_session_api!(
    SessionProfile,
    SessionProfileBuilder,
    "SessionProfile::builder(\"default\", \"https://example.com/return\", order.clone())"
);
