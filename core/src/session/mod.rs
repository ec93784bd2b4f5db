//! The request bodies that create a Dintero Checkout session: [`SessionProfile`]
//! (`POST /v1/sessions-profile`) and [`Session`] (`POST /v1/sessions`).
//!
//! Both share every field but `profile_id`, `merchant` and whether `configuration` is
//! required; that shared part is one struct (`SessionParts`) flattened into each body, and
//! one set of methods generated for both types and their builders by `shared_session_api!`.
//!
//! Validation is one function per type, run once by the builders' `build` and by
//! `Deserialize`, so a value of either type always satisfies every rule. Parts (a
//! [`Customer`], a [`Checkbox`], …) are plain data made by their own infallible builders
//! until they join a session, which checks them with paths from the body's root
//! (`checkboxes[1].label`).

use std::collections::BTreeMap;
use std::time::SystemTime;

use serde::{Deserialize, Deserializer, Serialize};

use crate::error::{Error, Rule, Violations};
use crate::json::parse::{self, Root};
use crate::order::validated::OrderData;
use crate::{Order, OrderItem, ShippingOption};

/// Generates, for each optional string field of a part, a by-value setter on the part's
/// builder and a getter of the same name on the part, each with a runnable example; `$new`
/// is the expression that makes the builder.
macro_rules! text_fields {
    ($owner:ident, $builder:ident, $new:literal; $($(#[doc = $doc:literal])+ $field:ident, $example:literal;)+) => {
        impl $builder {
            $(
                $(#[doc = $doc])+
                ///
                /// ```
                #[doc = concat!("use dintero_order_core::", stringify!($owner), ";")]
                #[doc = concat!("let value = ", $new, ".", stringify!($field), "(", stringify!($example), ").build();")]
                #[doc = concat!("assert_eq!(value.", stringify!($field), "(), Some(", stringify!($example), "));")]
                /// ```
                pub fn $field(mut self, value: impl Into<String>) -> $builder {
                    self.0.$field = Some(value.into());
                    self
                }
            )+
        }

        impl $owner {
            $(
                #[doc = concat!("`", stringify!($field), "`, if set.")]
                ///
                /// ```
                #[doc = concat!("use dintero_order_core::", stringify!($owner), ";")]
                #[doc = concat!("assert_eq!(", $new, ".build().", stringify!($field), "(), None);")]
                #[doc = concat!("let value = ", $new, ".", stringify!($field), "(", stringify!($example), ").build();")]
                #[doc = concat!("assert_eq!(value.", stringify!($field), "(), Some(", stringify!($example), "));")]
                /// ```
                pub fn $field(&self) -> Option<&str> {
                    self.$field.as_deref()
                }
            )+
        }
    };
}

pub(crate) mod check;
pub(crate) mod checkbox;
pub(crate) mod configuration;
pub(crate) mod customer;
pub(crate) mod expires_at;
pub(crate) mod express;
pub(crate) mod merchant;

pub use checkbox::{Checkbox, CheckboxBuilder, CheckboxLink};
pub use configuration::{Channel, Configuration, ConfigurationBuilder};
pub use customer::{Customer, CustomerBuilder};
pub use express::{
    CustomerType, DiscountCodes, DiscountCodesBuilder, Express, ExpressBuilder, ShippingMode,
};
pub use merchant::{Merchant, MerchantBuilder};

use expires_at::ExpiresAt;

/// `metadata` has at most this many keys.
const MAX_METADATA_KEYS: usize = 10;

/// `checkboxes` has at most this many entries.
const MAX_CHECKBOXES: usize = 2;

/// The `url` object.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "the url object (a JSON object)")]
struct SessionUrls {
    return_url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    callback_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    merchant_terms_url: Option<String>,
}

/// The fields both bodies share, in the order they are written; flattened into each body
/// when written. `O` is [`Order`] in a session and the unchecked [`OrderData`] while a parsed
/// body is checked, so that the order's problems are reported with the session's.
#[derive(Debug, Clone, PartialEq, Serialize)]
struct SessionParts<O = Order> {
    url: SessionUrls,
    order: O,
    #[serde(skip_serializing_if = "Customer::is_empty")]
    customer: Customer,
    #[serde(skip_serializing_if = "Option::is_none")]
    expires_at: Option<ExpiresAt>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    metadata: BTreeMap<String, String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    checkboxes: Vec<Checkbox>,
    #[serde(skip_serializing_if = "Option::is_none")]
    express: Option<Express>,
}

/// The order inside a session as far as the session's checks need it.
trait OrderPart {
    /// Adds the order's own problems; an [`Order`] has none.
    fn check(&self, v: &mut Violations);
    /// The order lines, whose `line_id`s the express options must not reuse.
    fn lines(&self) -> &[OrderItem];
    /// The shipping option, whose passed-through parts must not nest too deep.
    fn shipping(&self) -> Option<&ShippingOption>;
}

impl OrderPart for Order {
    fn check(&self, _: &mut Violations) {}

    fn lines(&self) -> &[OrderItem] {
        self.items()
    }

    fn shipping(&self) -> Option<&ShippingOption> {
        self.shipping_option()
    }
}

impl OrderPart for OrderData {
    fn check(&self, v: &mut Violations) {
        crate::order::validate::order_into(self, v);
    }

    fn lines(&self) -> &[OrderItem] {
        &self.items
    }

    fn shipping(&self) -> Option<&ShippingOption> {
        self.shipping_option.as_deref()
    }
}

impl SessionParts {
    fn new(return_url: String, order: Order) -> SessionParts {
        SessionParts {
            url: SessionUrls {
                return_url,
                callback_url: None,
                merchant_terms_url: None,
            },
            order,
            customer: Customer::default(),
            expires_at: None,
            metadata: BTreeMap::new(),
            checkboxes: Vec::new(),
            express: None,
        }
    }
}

impl SessionParts<OrderData> {
    /// The parts with their order checked; call only once `validate` found nothing.
    fn into_validated(self) -> SessionParts {
        SessionParts {
            url: self.url,
            order: Order::validated(self.order),
            customer: self.customer,
            expires_at: self.expires_at,
            metadata: self.metadata,
            checkboxes: self.checkboxes,
            express: self.express,
        }
    }
}

impl<O: OrderPart> SessionParts<O> {
    /// Checks the shared fields; `in_app` (channel `in_app`) allows an app-switch return URL.
    fn validate(&self, in_app: bool, v: &mut Violations) {
        check::return_url(&self.url.return_url, in_app, "url.return_url", v);
        if let Some(url) = &self.url.callback_url {
            check::callback_url(url, "url.callback_url", v);
        }
        if let Some(url) = &self.url.merchant_terms_url {
            check::http_url(url, "url.merchant_terms_url", v);
        }
        self.order.check(v);
        // A bare order may nest as deep as a bare order parses; in a body it is one deeper.
        crate::order::depth::check_order_depth(self.order.lines(), self.order.shipping(), v);
        self.customer.validate("customer", v);
        if let Some(expires_at) = &self.expires_at {
            expires_at.validate("expires_at", v);
        }
        if self.metadata.len() > MAX_METADATA_KEYS {
            v.add(
                Rule::TooMany,
                "metadata",
                "at most 10 keys",
                check::count(self.metadata.len(), "key", "keys"),
            );
        }
        if self.checkboxes.len() > MAX_CHECKBOXES {
            v.add(
                Rule::TooMany,
                "checkboxes",
                "at most 2 checkboxes",
                check::count(self.checkboxes.len(), "checkbox", "checkboxes"),
            );
        }
        for (index, checkbox) in self.checkboxes.iter().enumerate() {
            checkbox.validate(&format!("checkboxes[{index}]"), v);
        }
        if let Some(express) = &self.express {
            express.validate(self.order.lines(), v);
        }
    }
}

/// The hidden first lines of the session examples: imports and a one-line order.
macro_rules! example_order {
    () => {
        "# use dintero_order_core::*;\n\
         # use rust_decimal_macros::dec;\n\
         # let vat = VatRate::from_whole_percent(25).unwrap();\n\
         # let chair = Line::new(\"sku\", \"Chair\", UnitPrice::major(dec!(299.90)), vat);\n\
         # let order = Order::builder(Currency::NOK, \"ref\").line(chair).build()?;"
    };
}

/// The methods both session types and their builders have, generated once for each;
/// `$new` is the example expression that makes a builder of that type from `order`.
macro_rules! shared_session_api {
    ($session:ident, $builder:ident, $wire:ident, $new:literal) => {
        impl $builder {
            /// Replaces `url.return_url`, where the customer lands after the checkout: an
            /// absolute http(s) URL, or an app-switch URL when `configuration.channel` is
            /// `in_app`.
            ///
            /// ```
            #[doc = example_order!()]
            #[doc = concat!("let session = ", $new)]
            ///     .return_url("https://example.com/thanks")
            ///     .build()?;
            /// assert_eq!(session.return_url(), "https://example.com/thanks");
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            pub fn return_url(mut self, url: impl Into<String>) -> $builder {
                self.0.parts.url.return_url = url.into();
                self
            }

            /// Sets `url.callback_url`, which Dintero calls (server to server, with retries)
            /// when the payment is authorized: an absolute `https` URL, not localhost or a
            /// loopback address. Add `?method=POST` to get the transaction in the body.
            ///
            /// ```
            #[doc = example_order!()]
            #[doc = concat!("let session = ", $new)]
            ///     .callback_url("https://example.com/callback?method=POST")
            ///     .build()?;
            /// assert_eq!(session.callback_url(), Some("https://example.com/callback?method=POST"));
            ///
            #[doc = concat!("let err = ", $new)]
            ///     .callback_url("http://localhost:8080/callback")
            ///     .build()
            ///     .unwrap_err();
            /// assert_eq!(
            ///     err.violations()[0].to_string(),
            ///     r#"url.callback_url: expected an absolute https URL, found "http://localhost:8080/callback""#
            /// );
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            pub fn callback_url(mut self, url: impl Into<String>) -> $builder {
                self.0.parts.url.callback_url = Some(url.into());
                self
            }

            /// Sets `url.merchant_terms_url`, the shop's terms of service linked from the
            /// checkout: an absolute http(s) URL.
            ///
            /// ```
            #[doc = example_order!()]
            #[doc = concat!("let session = ", $new)]
            ///     .merchant_terms_url("https://example.com/terms")
            ///     .build()?;
            /// assert_eq!(session.merchant_terms_url(), Some("https://example.com/terms"));
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            pub fn merchant_terms_url(mut self, url: impl Into<String>) -> $builder {
                self.0.parts.url.merchant_terms_url = Some(url.into());
                self
            }

            /// Sets `customer`; `build` fails on a `phone_number` that does not match
            /// `^\+?\d{5,15}$` or more than one Dintero Wallets gift card.
            ///
            /// ```
            #[doc = example_order!()]
            #[doc = concat!("let session = ", $new)]
            ///     .customer(Customer::builder().email("kari@example.com").build())
            ///     .build()?;
            /// assert_eq!(session.customer().email(), Some("kari@example.com"));
            ///
            #[doc = concat!("let err = ", $new)]
            ///     .customer(Customer::builder().phone_number("99 99 99 99").build())
            ///     .build()
            ///     .unwrap_err();
            /// assert_eq!(err.violations()[0].path(), "customer.phone_number");
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            pub fn customer(mut self, customer: Customer) -> $builder {
                self.0.parts.customer = customer;
                self
            }

            /// Sets `expires_at`, when the checkout stops accepting payment. It is written
            /// as an RFC 3339 date-time in UTC (`2025-01-31T23:59:00Z`), with the fraction of
            /// a second only when it is not zero; `build` fails on a time outside the years
            /// 0000 to 9999, which RFC 3339 cannot write.
            ///
            /// ```
            #[doc = example_order!()]
            /// use std::time::{Duration, SystemTime, UNIX_EPOCH};
            ///
            /// let at = UNIX_EPOCH + Duration::from_secs(1_738_367_940);
            #[doc = concat!("let session = ", $new)]
            ///     .expires_at(at)
            ///     .build()?;
            /// assert_eq!(session.expires_at(), Some(at));
            /// let body = serde_json::to_string(&session)?;
            /// assert!(body.contains(r#""expires_at":"2025-01-31T23:59:00Z""#));
            ///
            /// // In an hour, whenever that is.
            #[doc = concat!("let session = ", $new)]
            ///     .expires_at(SystemTime::now() + Duration::from_secs(3600))
            ///     .build()?;
            /// assert!(session.expires_at().is_some());
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            pub fn expires_at(mut self, at: SystemTime) -> $builder {
                self.0.parts.expires_at = Some(ExpiresAt::Instant(at));
                self
            }

            /// Adds (or replaces) one `metadata` entry; `build` fails on an 11th key.
            /// Dintero recommends prefixing keys with `ext` to stay clear of its reserved
            /// keys.
            ///
            /// ```
            #[doc = example_order!()]
            #[doc = concat!("let session = ", $new)]
            ///     .metadata("ext_cart_id", "c-17")
            ///     .build()?;
            /// assert_eq!(session.metadata().get("ext_cart_id").map(String::as_str), Some("c-17"));
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            pub fn metadata(mut self, key: impl Into<String>, value: impl Into<String>) -> $builder {
                self.0.parts.metadata.insert(key.into(), value.into());
                self
            }

            /// Adds a checkbox to `checkboxes`; `build` fails on a third one, an empty `id`
            /// or a `label` outside 2 to 99 characters.
            ///
            /// ```
            #[doc = example_order!()]
            #[doc = concat!("let session = ", $new)]
            ///     .checkbox(Checkbox::builder("newsletter", "Send me offers").build())
            ///     .build()?;
            /// assert_eq!(session.checkboxes()[0].id(), "newsletter");
            ///
            #[doc = concat!("let err = ", $new)]
            ///     .checkbox(Checkbox::builder("newsletter", "!").build())
            ///     .build()
            ///     .unwrap_err();
            /// assert_eq!(err.violations()[0].to_string(), "checkboxes[0].label: expected 2 to 99 characters, found 1 character");
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            pub fn checkbox(mut self, checkbox: Checkbox) -> $builder {
                self.0.parts.checkboxes.push(checkbox);
                self
            }

            /// Sets `express`, making this an Express Checkout session; `build` fails when
            /// a shipping option is invalid, priced in another currency than the order, or
            /// reuses a `line_id`.
            ///
            /// ```
            #[doc = example_order!()]
            #[doc = concat!("let session = ", $new)]
            ///     .express(Express::builder([]).shipping_address_callback_url("https://example.com/shipping").build())
            ///     .build()?;
            /// assert!(session.express().is_some());
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            pub fn express(mut self, express: Express) -> $builder {
                self.0.parts.express = Some(express);
                self
            }
        }

        impl $session {
            /// `url.return_url`.
            ///
            /// ```
            #[doc = example_order!()]
            #[doc = concat!("let session = ", $new, ".build()?;")]
            /// assert_eq!(session.return_url(), "https://example.com/return");
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            pub fn return_url(&self) -> &str {
                &self.0.parts.url.return_url
            }

            /// `url.callback_url`, if set.
            ///
            /// ```
            #[doc = example_order!()]
            #[doc = concat!("let session = ", $new, ".build()?;")]
            /// assert_eq!(session.callback_url(), None);
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            pub fn callback_url(&self) -> Option<&str> {
                self.0.parts.url.callback_url.as_deref()
            }

            /// `url.merchant_terms_url`, if set.
            ///
            /// ```
            #[doc = example_order!()]
            #[doc = concat!("let session = ", $new, ".build()?;")]
            /// assert_eq!(session.merchant_terms_url(), None);
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            pub fn merchant_terms_url(&self) -> Option<&str> {
                self.0.parts.url.merchant_terms_url.as_deref()
            }

            /// `order`.
            ///
            /// ```
            #[doc = example_order!()]
            #[doc = concat!("let session = ", $new, ".build()?;")]
            /// assert_eq!(session.order().amount().minor_units(), 29990);
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            pub fn order(&self) -> &Order {
                &self.0.parts.order
            }

            /// `customer`; a customer with nothing set when there is none.
            ///
            /// ```
            #[doc = example_order!()]
            #[doc = concat!("let session = ", $new, ".build()?;")]
            /// assert_eq!(session.customer(), &Customer::default());
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            pub fn customer(&self) -> &Customer {
                &self.0.parts.customer
            }

            /// `expires_at`, if set: the instant, whatever offset a parsed body wrote it
            /// with (the body is written back as it was read).
            ///
            /// ```
            #[doc = example_order!()]
            /// use std::time::{Duration, UNIX_EPOCH};
            ///
            #[doc = concat!("let session = ", $new, ".build()?;")]
            /// assert_eq!(session.expires_at(), None);
            ///
            /// let body = serde_json::to_string(&session)?
            ///     .replacen('{', r#"{"expires_at":"2025-02-01T00:59:00+01:00","#, 1);
            #[doc = concat!("let parsed: ", stringify!($session), " = serde_json::from_str(&body)?;")]
            /// assert_eq!(parsed.expires_at(), Some(UNIX_EPOCH + Duration::from_secs(1_738_367_940)));
            /// let again = serde_json::to_string(&parsed)?;
            /// assert!(again.contains(r#""expires_at":"2025-02-01T00:59:00+01:00""#));
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            pub fn expires_at(&self) -> Option<SystemTime> {
                self.0.parts.expires_at.as_ref().and_then(ExpiresAt::instant)
            }

            /// `metadata`, by key.
            ///
            /// ```
            #[doc = example_order!()]
            #[doc = concat!("let session = ", $new, ".build()?;")]
            /// assert!(session.metadata().is_empty());
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            pub fn metadata(&self) -> &BTreeMap<String, String> {
                &self.0.parts.metadata
            }

            /// `checkboxes`.
            ///
            /// ```
            #[doc = example_order!()]
            #[doc = concat!("let session = ", $new, ".build()?;")]
            /// assert!(session.checkboxes().is_empty());
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            pub fn checkboxes(&self) -> &[Checkbox] {
                &self.0.parts.checkboxes
            }

            /// `express`, if this is an Express Checkout session.
            ///
            /// ```
            #[doc = example_order!()]
            #[doc = concat!("let session = ", $new, ".build()?;")]
            /// assert!(session.express().is_none());
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            pub fn express(&self) -> Option<&Express> {
                self.0.parts.express.as_ref()
            }
        }

        impl<'de> Deserialize<'de> for $session {
            /// Parses a body and runs every check the builder's `build` runs, the order's
            /// included, reporting every problem at once. A value of the wrong type, an
            /// unknown or a missing field fails first, with its JSON path in the message
            /// (`… at order.items[1].line_id`); [`from_json`](Self::from_json) reports all
            /// of those too, as [`Violation`](crate::Violation)s.
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<$session, D::Error> {
                let wire: $wire = crate::json::parse::tracked(deserializer, Root::Session)?;
                $session::from_wire(wire).map_err(serde::de::Error::custom)
            }
        }
    };
}

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
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(transparent)]
pub struct SessionProfile(ProfileBody);

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
#[derive(Debug, Clone, PartialEq, Serialize)]
struct ProfileBody<O = Order> {
    profile_id: String,
    #[serde(flatten)]
    parts: SessionParts<O>,
    #[serde(skip_serializing_if = "no_overrides")]
    configuration: Option<Configuration>,
    // Boxed, as the order's rare large parts are: a session is moved a few times as it is
    // made, and each move copies it whole.
    #[serde(skip_serializing_if = "Option::is_none")]
    merchant: Option<Box<Merchant>>,
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

/// What a `/v1/sessions-profile` body may hold on parse, each field in its own place (no
/// flattening, so the typed parse streams straight from the bytes).
#[derive(Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a /v1/sessions-profile body (a JSON object)"
)]
pub(crate) struct ProfileWire {
    profile_id: String,
    #[serde(deserialize_with = "parse::object")]
    url: SessionUrls,
    #[serde(deserialize_with = "parse::object")]
    order: OrderData,
    #[serde(default, deserialize_with = "parse::object")]
    customer: Customer,
    #[serde(default)]
    expires_at: Option<String>,
    #[serde(default, deserialize_with = "parse::unique_strings")]
    metadata: BTreeMap<String, String>,
    #[serde(default, deserialize_with = "parse::objects")]
    checkboxes: Vec<Checkbox>,
    #[serde(default, deserialize_with = "parse::object_opt")]
    express: Option<Express>,
    #[serde(default)]
    configuration: Option<Configuration>,
    #[serde(default, deserialize_with = "parse::object_opt")]
    merchant: Option<Merchant>,
}

/// An empty configuration overrides nothing: it is the same as none, so it is held as none
/// (and a parsed `"configuration": {}` equals a session that never set one).
fn overrides(configuration: Configuration) -> Option<Configuration> {
    (!configuration.as_json().is_empty()).then_some(configuration)
}

/// A profile session without configuration overrides leaves `configuration` out.
fn no_overrides(configuration: &Option<Configuration>) -> bool {
    configuration
        .as_ref()
        .is_none_or(|c| c.as_json().is_empty())
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
    pub(crate) fn from_wire(wire: ProfileWire) -> Result<SessionProfile, Error> {
        let body = ProfileBody {
            profile_id: wire.profile_id,
            parts: SessionParts {
                url: wire.url,
                order: wire.order,
                customer: wire.customer,
                expires_at: wire.expires_at.map(ExpiresAt::Text),
                metadata: wire.metadata,
                checkboxes: wire.checkboxes,
                express: wire.express,
            },
            configuration: wire.configuration.and_then(overrides),
            merchant: wire.merchant.map(Box::new),
        };
        body.validate()?;
        Ok(SessionProfile(ProfileBody {
            profile_id: body.profile_id,
            parts: body.parts.into_validated(),
            configuration: body.configuration,
            merchant: body.merchant,
        }))
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
    ProfileWire,
    "SessionProfile::builder(\"default\", \"https://example.com/return\", order.clone())"
);

/// The body of `POST /v1/sessions`: a checkout session for an [`Order`] that carries its
/// whole `configuration` instead of naming a payment profile.
///
/// It has every field of [`SessionProfile`] except `profile_id` and `merchant`, with the
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
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(transparent)]
pub struct Session(SessionBody);

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
#[derive(Debug, Clone, PartialEq, Serialize)]
struct SessionBody<O = Order> {
    #[serde(flatten)]
    parts: SessionParts<O>,
    configuration: Configuration,
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

/// What a `/v1/sessions` body may hold on parse (see [`ProfileWire`]).
#[derive(Deserialize)]
#[serde(deny_unknown_fields, expecting = "a /v1/sessions body (a JSON object)")]
pub(crate) struct SessionWire {
    #[serde(deserialize_with = "parse::object")]
    url: SessionUrls,
    #[serde(deserialize_with = "parse::object")]
    order: OrderData,
    #[serde(default, deserialize_with = "parse::object")]
    customer: Customer,
    #[serde(default)]
    expires_at: Option<String>,
    #[serde(default, deserialize_with = "parse::unique_strings")]
    metadata: BTreeMap<String, String>,
    #[serde(default, deserialize_with = "parse::objects")]
    checkboxes: Vec<Checkbox>,
    #[serde(default, deserialize_with = "parse::object_opt")]
    express: Option<Express>,
    configuration: Configuration,
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
    pub(crate) fn from_wire(wire: SessionWire) -> Result<Session, Error> {
        let body = SessionBody {
            parts: SessionParts {
                url: wire.url,
                order: wire.order,
                customer: wire.customer,
                expires_at: wire.expires_at.map(ExpiresAt::Text),
                metadata: wire.metadata,
                checkboxes: wire.checkboxes,
                express: wire.express,
            },
            configuration: wire.configuration,
        };
        body.validate()?;
        Ok(Session(SessionBody {
            parts: body.parts.into_validated(),
            configuration: body.configuration,
        }))
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
    SessionWire,
    "Session::builder(\"https://example.com/return\", order.clone(), Configuration::default())"
);
