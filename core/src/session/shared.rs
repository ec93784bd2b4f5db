//! What both session bodies share, generated once for each: the builder setters and the
//! getters (`shared_session_api!`), and the examples' hidden first lines.

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
    ($session:ident, $builder:ident, $new:literal) => {
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
            /// The value is a string or (since Dintero's 2025 spec) a number: anything that
            /// converts into a [`MetadataValue`] (`&str`, `String`, integers, `Decimal`).
            /// Dintero recommends prefixing keys with `ext` to stay clear of its reserved
            /// keys.
            ///
            /// ```
            #[doc = example_order!()]
            #[doc = concat!("let session = ", $new)]
            ///     .metadata("ext_cart_id", "c-17")
            ///     .metadata("ext_customer_no", 4711)
            ///     .build()?;
            /// assert_eq!(session.metadata().get("ext_cart_id").and_then(MetadataValue::as_text), Some("c-17"));
            /// let body = serde_json::to_string(&session)?;
            /// assert!(body.contains(r#""metadata":{"ext_cart_id":"c-17","ext_customer_no":4711}"#));
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            pub fn metadata(mut self, key: impl Into<String>, value: impl Into<MetadataValue>) -> $builder {
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

            /// `metadata`, by key: strings and numbers, a number as it was written.
            ///
            /// ```
            #[doc = example_order!()]
            #[doc = concat!("let session = ", $new, ".build()?;")]
            /// assert!(session.metadata().is_empty());
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            pub fn metadata(&self) -> &BTreeMap<String, MetadataValue> {
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
    };
}
