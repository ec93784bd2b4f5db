//! `express`: Express Checkout, where the customer picks a shipping option in the checkout.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::check;
use crate::error::Violations;
use crate::order::validate::offered_options;
use crate::{OrderItem, ShippingOption};

/// The `express` object: makes the session an Express Checkout session, where the customer
/// enters a shipping address and picks one of the `shipping_options` before paying.
///
/// Made by [`Express::builder`]. The options are priced in the order's currency and their
/// `line_id`s are unique among themselves and differ from the order items'; the session
/// checks this when it is built.
///
/// ```
/// use dintero_order_core::{CustomerType, Express, ShippingMode};
///
/// // No options yet: Dintero asks `shipping_address_callback_url` once it has an address.
/// let express = Express::builder([])
///     .shipping_mode(ShippingMode::ShippingRequired)
///     .shipping_address_callback_url("https://example.com/shipping")
///     .customer_types([CustomerType::B2c])
///     .build();
/// assert_eq!(
///     serde_json::to_string(&express)?,
///     r#"{"shipping_options":[],"shipping_mode":"shipping_required","shipping_address_callback_url":"https://example.com/shipping","customer_types":["b2c"]}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Express {
    pub(crate) shipping_options: Vec<ShippingOption>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) shipping_mode: Option<ShippingMode>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) shipping_address_callback_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) discount_codes: Option<DiscountCodes>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) customer_types: Vec<CustomerType>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) default_different_billing_shipping_address: Vec<CustomerType>,
}

/// `express.shipping_mode`: whether the customer must pick a shipping option.
///
/// ```
/// use dintero_order_core::ShippingMode;
/// assert_eq!(serde_json::to_string(&ShippingMode::ShippingNotRequired)?, r#""shipping_not_required""#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShippingMode {
    /// The customer must pick a shipping option (Dintero's default).
    ShippingRequired,
    /// Nothing is shipped, e.g. digital goods.
    ShippingNotRequired,
}

/// A kind of customer: a consumer (`b2c`) or a business (`b2b`).
///
/// ```
/// use dintero_order_core::CustomerType;
/// assert_eq!(serde_json::to_string(&[CustomerType::B2c, CustomerType::B2b])?, r#"["b2c","b2b"]"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CustomerType {
    /// A consumer.
    B2c,
    /// A business.
    B2b,
}

/// `express.discount_codes`: lets the customer enter discount codes, which Dintero sends to
/// `callback_url` for the shop to apply.
///
/// ```
/// use dintero_order_core::DiscountCodes;
///
/// let codes = DiscountCodes::builder()
///     .max_count(2)
///     .callback_url("https://example.com/discounts")
///     .build();
/// assert_eq!(
///     serde_json::to_string(&codes)?,
///     r#"{"max_count":2,"callback_url":"https://example.com/discounts"}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct DiscountCodes {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) max_count: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) callback_url: Option<String>,
}

/// Collects the fields of an [`Express`]; made by [`Express::builder`]. Every setter takes
/// and returns the builder by value; [`build`](Self::build) cannot fail, since the session
/// checks the options against its order.
#[derive(Debug, Clone)]
#[must_use = "an express builder does nothing until `.build()` is called"]
pub struct ExpressBuilder(Express);

/// Collects the fields of a [`DiscountCodes`]; made by [`DiscountCodes::builder`]. Every
/// setter takes and returns the builder by value; [`build`](Self::build) cannot fail, since
/// the session checks the callback URL.
#[derive(Debug, Clone)]
#[must_use = "a discount codes builder does nothing until `.build()` is called"]
pub struct DiscountCodesBuilder(DiscountCodes);

impl Express {
    /// Starts Express Checkout with these shipping options (`express.shipping_options`).
    /// Pass none when the shop cannot ship to the customer yet or computes options from the
    /// address (see
    /// [`shipping_address_callback_url`](ExpressBuilder::shipping_address_callback_url)); a
    /// free delivery still needs one option with amount 0.
    ///
    /// ```
    /// use dintero_order_core::Express;
    /// assert!(Express::builder([]).build().shipping_options().is_empty());
    /// ```
    pub fn builder(shipping_options: impl IntoIterator<Item = ShippingOption>) -> ExpressBuilder {
        ExpressBuilder(Express {
            shipping_options: shipping_options.into_iter().collect(),
            shipping_mode: None,
            shipping_address_callback_url: None,
            discount_codes: None,
            customer_types: Vec::new(),
            default_different_billing_shipping_address: Vec::new(),
        })
    }

    /// `shipping_options`.
    ///
    /// ```
    /// use dintero_order_core::Express;
    /// assert_eq!(Express::builder([]).build().shipping_options().len(), 0);
    /// ```
    pub fn shipping_options(&self) -> &[ShippingOption] {
        &self.shipping_options
    }

    /// `shipping_mode`, if set.
    ///
    /// ```
    /// use dintero_order_core::Express;
    /// assert_eq!(Express::builder([]).build().shipping_mode(), None);
    /// ```
    pub fn shipping_mode(&self) -> Option<ShippingMode> {
        self.shipping_mode
    }

    /// `shipping_address_callback_url`, if set.
    ///
    /// ```
    /// use dintero_order_core::Express;
    /// assert_eq!(Express::builder([]).build().shipping_address_callback_url(), None);
    /// ```
    pub fn shipping_address_callback_url(&self) -> Option<&str> {
        self.shipping_address_callback_url.as_deref()
    }

    /// `discount_codes`, if set.
    ///
    /// ```
    /// use dintero_order_core::Express;
    /// assert!(Express::builder([]).build().discount_codes().is_none());
    /// ```
    pub fn discount_codes(&self) -> Option<&DiscountCodes> {
        self.discount_codes.as_ref()
    }

    /// `customer_types`; empty means both.
    ///
    /// ```
    /// use dintero_order_core::Express;
    /// assert!(Express::builder([]).build().customer_types().is_empty());
    /// ```
    pub fn customer_types(&self) -> &[CustomerType] {
        &self.customer_types
    }

    /// `default_different_billing_shipping_address`: the kinds of customer for whom the
    /// checkout opens with a billing address separate from the shipping address. Empty, or
    /// never set, means Dintero's default: none.
    ///
    /// ```
    /// use dintero_order_core::Express;
    /// assert!(Express::builder([]).build().default_different_billing_shipping_address().is_empty());
    /// ```
    pub fn default_different_billing_shipping_address(&self) -> &[CustomerType] {
        &self.default_different_billing_shipping_address
    }

    /// Checks the options against the order and the URLs; paths start at `express`.
    pub(super) fn validate(&self, items: &[OrderItem], v: &mut Violations) {
        let item_line_ids: HashSet<&str> = items.iter().filter_map(|item| item.line_id()).collect();
        // body { express { shipping_options [ option {
        offered_options(
            &self.shipping_options,
            &item_line_ids,
            "express.shipping_options",
            3,
            v,
        );
        if let Some(url) = &self.shipping_address_callback_url {
            check::http_url(url, "express.shipping_address_callback_url", v);
        }
        if let Some(url) = self
            .discount_codes
            .as_ref()
            .and_then(|codes| codes.callback_url.as_deref())
        {
            check::http_url(url, "express.discount_codes.callback_url", v);
        }
    }
}

impl ExpressBuilder {
    /// Sets `shipping_mode`.
    ///
    /// ```
    /// use dintero_order_core::{Express, ShippingMode};
    /// let express = Express::builder([]).shipping_mode(ShippingMode::ShippingNotRequired).build();
    /// assert_eq!(express.shipping_mode(), Some(ShippingMode::ShippingNotRequired));
    /// ```
    pub fn shipping_mode(mut self, mode: ShippingMode) -> ExpressBuilder {
        self.0.shipping_mode = Some(mode);
        self
    }

    /// Sets `shipping_address_callback_url`, an absolute http(s) URL Dintero POSTs the
    /// address to whenever the customer changes it; the response replaces the shipping
    /// options. Dintero does not retry and waits at most 60 seconds.
    ///
    /// ```
    /// use dintero_order_core::Express;
    /// let express = Express::builder([])
    ///     .shipping_address_callback_url("https://example.com/shipping")
    ///     .build();
    /// assert_eq!(express.shipping_address_callback_url(), Some("https://example.com/shipping"));
    /// ```
    pub fn shipping_address_callback_url(mut self, url: impl Into<String>) -> ExpressBuilder {
        self.0.shipping_address_callback_url = Some(url.into());
        self
    }

    /// Sets `discount_codes`.
    ///
    /// ```
    /// use dintero_order_core::{DiscountCodes, Express};
    /// let express = Express::builder([])
    ///     .discount_codes(DiscountCodes::builder().max_count(1).build())
    ///     .build();
    /// assert_eq!(express.discount_codes().and_then(DiscountCodes::max_count), Some(1));
    /// ```
    pub fn discount_codes(mut self, discount_codes: DiscountCodes) -> ExpressBuilder {
        self.0.discount_codes = Some(discount_codes);
        self
    }

    /// Sets `customer_types`, the kinds of customer the address form accepts. Empty, or
    /// never set, means Dintero's default: both.
    ///
    /// ```
    /// use dintero_order_core::{CustomerType, Express};
    /// let express = Express::builder([]).customer_types([CustomerType::B2b]).build();
    /// assert_eq!(express.customer_types(), [CustomerType::B2b]);
    /// ```
    pub fn customer_types(
        mut self,
        types: impl IntoIterator<Item = CustomerType>,
    ) -> ExpressBuilder {
        self.0.customer_types = types.into_iter().collect();
        self
    }

    /// Sets `default_different_billing_shipping_address`: for these kinds of customer the
    /// checkout starts with "a different billing address" selected. It has an effect only
    /// where `configuration.allow_different_billing_shipping_address` allows a different
    /// billing address. Empty, or never set, means Dintero's default: none.
    ///
    /// Dintero's spec gained this field after the 2025-09-22 version (it is in the spec as
    /// served in April 2026).
    ///
    /// ```
    /// use dintero_order_core::{CustomerType, Express};
    /// let express = Express::builder([])
    ///     .default_different_billing_shipping_address([CustomerType::B2b])
    ///     .build();
    /// assert_eq!(express.default_different_billing_shipping_address(), [CustomerType::B2b]);
    /// assert_eq!(
    ///     serde_json::to_string(&express)?,
    ///     r#"{"shipping_options":[],"default_different_billing_shipping_address":["b2b"]}"#
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn default_different_billing_shipping_address(
        mut self,
        types: impl IntoIterator<Item = CustomerType>,
    ) -> ExpressBuilder {
        self.0.default_different_billing_shipping_address = types.into_iter().collect();
        self
    }

    /// The Express settings. Nothing is checked here: the session checks them against its
    /// order when it is built.
    ///
    /// ```
    /// use dintero_order_core::{Express, ShippingMode};
    /// let express = Express::builder([]).shipping_mode(ShippingMode::ShippingRequired).build();
    /// assert_eq!(express.shipping_mode(), Some(ShippingMode::ShippingRequired));
    /// ```
    pub fn build(self) -> Express {
        self.0
    }
}

impl DiscountCodes {
    /// Starts discount codes enabled, with no limit and no callback set.
    ///
    /// ```
    /// use dintero_order_core::DiscountCodes;
    /// assert_eq!(serde_json::to_string(&DiscountCodes::builder().build())?, "{}");
    /// assert_eq!(DiscountCodes::builder().build(), DiscountCodes::default());
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn builder() -> DiscountCodesBuilder {
        DiscountCodesBuilder(DiscountCodes::default())
    }

    /// `max_count`, if set.
    ///
    /// ```
    /// use dintero_order_core::DiscountCodes;
    /// assert_eq!(DiscountCodes::default().max_count(), None);
    /// ```
    pub fn max_count(&self) -> Option<u32> {
        self.max_count
    }

    /// `callback_url`, if set.
    ///
    /// ```
    /// use dintero_order_core::DiscountCodes;
    /// assert_eq!(DiscountCodes::default().callback_url(), None);
    /// ```
    pub fn callback_url(&self) -> Option<&str> {
        self.callback_url.as_deref()
    }
}

impl DiscountCodesBuilder {
    /// Sets `max_count`: how many codes the customer may enter.
    ///
    /// ```
    /// use dintero_order_core::DiscountCodes;
    /// assert_eq!(DiscountCodes::builder().max_count(3).build().max_count(), Some(3));
    /// ```
    pub fn max_count(mut self, max_count: u32) -> DiscountCodesBuilder {
        self.0.max_count = Some(max_count);
        self
    }

    /// Sets `callback_url`, an absolute http(s) URL Dintero POSTs the codes to; the
    /// response updates the order's amounts, discounts and shipping options. Dintero does
    /// not retry and waits at most 60 seconds.
    ///
    /// ```
    /// use dintero_order_core::DiscountCodes;
    /// let codes = DiscountCodes::builder().callback_url("https://example.com/discounts").build();
    /// assert_eq!(codes.callback_url(), Some("https://example.com/discounts"));
    /// ```
    pub fn callback_url(mut self, url: impl Into<String>) -> DiscountCodesBuilder {
        self.0.callback_url = Some(url.into());
        self
    }

    /// The discount code settings. Nothing is checked here: the session checks them when it
    /// is built.
    ///
    /// ```
    /// use dintero_order_core::DiscountCodes;
    /// assert_eq!(DiscountCodes::builder().max_count(1).build().max_count(), Some(1));
    /// ```
    pub fn build(self) -> DiscountCodes {
        self.0
    }
}
