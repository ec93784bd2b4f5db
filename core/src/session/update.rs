//! The body of `PUT /v1/sessions/{session_id}`: [`SessionUpdate`] and its builder.

use crate::error::{Error, Rule, Violations, quoted};
use crate::{Express, Order, ShippingMode, ShippingOption};

/// The body of `PUT https://checkout.dintero.com/v1/sessions/{session_id}` (Dintero's
/// `UpdateSessionOptions`): a new [`Order`] for a session that is not paid yet, the Express
/// shipping options to offer with it, and whether to lift the pay lock afterwards.
///
/// Made by [`SessionUpdate::builder`]; every value satisfies Dintero's rules for an update:
///
/// - `order.amount` is the sum of `order.items` and `order.shipping_option` (the [`Order`]
///   guarantees it, and an update takes no partial payment below that sum);
/// - `order.shipping_option` is one of `express.shipping_options` when both are set;
/// - the express options are valid, with `line_id`s unique among themselves and unused by
///   the items.
///
/// Fields are written in this order: `order`, `express`, `remove_lock`. The `order` is the
/// order's JSON without `merchant_reference` and `payout_destination_id`, which Dintero's
/// `SessionOrderUpdate` does not have: a session's reference never changes.
///
/// ```
/// use dintero_order_core::{Currency, Line, Order, SessionUpdate, UnitPrice, VatRate};
///
/// let vat = VatRate::from_whole_percent(25)?;
/// let order = Order::builder(Currency::NOK, "o-1")
///     .line(Line::new("chair-1", "Stol", UnitPrice::minor(29990), vat))
///     .build()?;
/// let update = SessionUpdate::builder(order).for_merchant_reference("o-1").build()?;
/// assert_eq!(
///     String::from_utf8(update.to_json())?,
///     r#"{"order":{"amount":29990,"currency":"NOK","vat_amount":5998,"items":[{"id":"chair-1","line_id":"1","description":"Stol","quantity":1,"amount":29990,"vat_amount":5998,"vat":25}]}}"#
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct SessionUpdate {
    pub(crate) order: Order,
    /// Only `shipping_options` and `shipping_mode` are ever set: `SessionExpressUpdate`
    /// has no other field.
    pub(crate) express: Option<Express>,
    pub(crate) remove_lock: Option<bool>,
}

/// Collects a [`SessionUpdate`]; [`build`](Self::build) checks it all at once. Made by
/// [`SessionUpdate::builder`].
///
/// Every setter takes and returns the builder by value and never fails; their order does
/// not matter.
///
/// ```
/// # use dintero_order_core::*;
/// let order = Order::builder(Currency::NOK, "o-1").build()?;
/// let update = SessionUpdate::builder(order).remove_lock(false).build()?;
/// assert!(!update.remove_lock());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
#[must_use = "a session update builder does nothing until `.build()` is called"]
pub struct SessionUpdateBuilder {
    order: Order,
    shipping_options: Option<Vec<ShippingOption>>,
    shipping_mode: Option<ShippingMode>,
    remove_lock: Option<bool>,
    session_reference: Option<String>,
}

impl SessionUpdate {
    /// Starts an update that replaces the session's order with `order`.
    ///
    /// ```
    /// # use dintero_order_core::*;
    /// let order = Order::builder(Currency::NOK, "o-1").build()?;
    /// let update = SessionUpdate::builder(order).build()?;
    /// assert_eq!(update.to_json(), br#"{"order":{"amount":0,"currency":"NOK","vat_amount":0}}"#);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn builder(order: Order) -> SessionUpdateBuilder {
        SessionUpdateBuilder {
            order,
            shipping_options: None,
            shipping_mode: None,
            remove_lock: None,
            session_reference: None,
        }
    }

    /// The new order. Its `merchant_reference` is not sent.
    ///
    /// ```
    /// # use dintero_order_core::*;
    /// let order = Order::builder(Currency::NOK, "o-1").build()?;
    /// let update = SessionUpdate::builder(order.clone()).build()?;
    /// assert_eq!(update.order(), &order);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn order(&self) -> &Order {
        &self.order
    }

    /// `express`, when shipping options were given: only its
    /// [`shipping_options`](Express::shipping_options) and
    /// [`shipping_mode`](Express::shipping_mode) are ever set.
    ///
    /// ```
    /// # use dintero_order_core::*;
    /// let order = Order::builder(Currency::NOK, "o-1").build()?;
    /// let update = SessionUpdate::builder(order).express_shipping_options([]).build()?;
    /// assert_eq!(update.express().map(|e| e.shipping_options().len()), Some(0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn express(&self) -> Option<&Express> {
        self.express.as_ref()
    }

    /// Whether Dintero lifts the session's pay lock after the update: `remove_lock` as
    /// set, else Dintero's default, `true`.
    ///
    /// ```
    /// # use dintero_order_core::*;
    /// let order = Order::builder(Currency::NOK, "o-1").build()?;
    /// assert!(SessionUpdate::builder(order).build()?.remove_lock());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn remove_lock(&self) -> bool {
        self.remove_lock.unwrap_or(true)
    }
}

impl SessionUpdateBuilder {
    /// Sets `remove_lock`: whether Dintero lifts the pay lock once the session is updated.
    /// Written only when set here; left out, Dintero's default applies, which is `true`
    /// (the body then states nothing it need not).
    ///
    /// ```
    /// # use dintero_order_core::*;
    /// let order = Order::builder(Currency::NOK, "o-1").build()?;
    /// let update = SessionUpdate::builder(order).remove_lock(true).build()?;
    /// assert_eq!(update.to_json(), br#"{"order":{"amount":0,"currency":"NOK","vat_amount":0},"remove_lock":true}"#);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn remove_lock(mut self, remove_lock: bool) -> SessionUpdateBuilder {
        self.remove_lock = Some(remove_lock);
        self
    }

    /// Sets `express.shipping_options`, the options the customer may pick from now (Express
    /// Checkout). None means the shop cannot ship to the customer's address. When the order
    /// has a `shipping_option`, it must be one of these.
    ///
    /// With options set, Dintero does not call `shipping_address_callback_url` unless the
    /// request asks it to (`force_shipping_address_callback`).
    ///
    /// ```
    /// # use dintero_order_core::*;
    /// let home = Shipping::new("home", "Home", UnitPrice::minor(9900), VatRate::ZERO).priced_in(Currency::NOK)?;
    /// let order = Order::builder(Currency::NOK, "o-1").build()?;
    /// let update = SessionUpdate::builder(order).express_shipping_options([home]).build()?;
    /// assert_eq!(update.express().map(|e| e.shipping_options()[0].id()), Some("home"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn express_shipping_options(
        mut self,
        options: impl IntoIterator<Item = ShippingOption>,
    ) -> SessionUpdateBuilder {
        self.shipping_options = Some(options.into_iter().collect());
        self
    }

    /// Sets `express.shipping_mode`; it goes with
    /// [`express_shipping_options`](Self::express_shipping_options), which Dintero requires
    /// in an update's `express`.
    ///
    /// ```
    /// # use dintero_order_core::*;
    /// let order = Order::builder(Currency::NOK, "o-1").build()?;
    /// let update = SessionUpdate::builder(order)
    ///     .express_shipping_options([])
    ///     .express_shipping_mode(ShippingMode::ShippingNotRequired)
    ///     .build()?;
    /// assert_eq!(update.express().and_then(Express::shipping_mode), Some(ShippingMode::ShippingNotRequired));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn express_shipping_mode(mut self, mode: ShippingMode) -> SessionUpdateBuilder {
        self.shipping_mode = Some(mode);
        self
    }

    /// Checks that the update is for the session whose `merchant_reference` is `reference`
    /// (the one it was created with): [`build`](Self::build) fails with
    /// `merchant_reference_changed` at `order.merchant_reference` when the order's differs.
    ///
    /// Dintero never changes a session's reference (an update has no such field; WooCommerce's
    /// plugin learnt that "Dintero does not permit modifying the merchant reference"), so an
    /// order with another reference is another order: most likely the wrong session id. The
    /// body cannot show Dintero the mistake, so only this check can catch it.
    ///
    /// ```
    /// # use dintero_order_core::*;
    /// let order = Order::builder(Currency::NOK, "o-2").build()?;
    /// let err = SessionUpdate::builder(order).for_merchant_reference("o-1").build().unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "invalid Dintero payload: order.merchant_reference: expected the session's reference \"o-1\" (Dintero never changes it), found \"o-2\""
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn for_merchant_reference(mut self, reference: impl Into<String>) -> SessionUpdateBuilder {
        self.session_reference = Some(reference.into());
        self
    }

    /// Checks the update and gives it, or every problem at once with its JSON path:
    /// `order.amount` of a partial payment below the sum of the lines, a changed
    /// `order.merchant_reference`, an `order.shipping_option` not among the express
    /// options, the express options' own problems, and a shipping mode without options.
    ///
    /// ```
    /// # use dintero_order_core::*;
    /// let order = Order::builder(Currency::NOK, "o-1")
    ///     .line(Line::new("a", "A", UnitPrice::minor(10000), VatRate::ZERO))
    ///     .partial_payment(Money::from_minor(2500, Currency::NOK))
    ///     .build()?;
    /// let err = SessionUpdate::builder(order).build().unwrap_err();
    /// assert_eq!(err.violations()[0].path(), "order.amount");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn build(self) -> Result<SessionUpdate, Error> {
        let mut v = Violations::new();
        check_amount(&self.order, &mut v);
        if let Some(reference) = &self.session_reference
            && reference != self.order.merchant_reference()
        {
            v.add(
                Rule::MerchantReferenceChanged,
                "order.merchant_reference",
                format!(
                    "the session's reference {} (Dintero never changes it)",
                    quoted(reference)
                ),
                quoted(self.order.merchant_reference()),
            );
        }
        if let (Some(chosen), Some(options)) =
            (self.order.shipping_option(), &self.shipping_options)
        {
            check_offered(chosen, options, &mut v);
        }
        // The order sits in the body as in a session's: its passed-through JSON one deeper.
        crate::order::depth::check_order_depth(
            self.order.items(),
            self.order.shipping_option(),
            &mut v,
        );
        let express = match self.shipping_options {
            Some(options) => {
                let mut express = Express::builder(options);
                if let Some(mode) = self.shipping_mode {
                    express = express.shipping_mode(mode);
                }
                let express = express.build();
                express.validate(self.order.items(), &mut v);
                Some(express)
            }
            None => {
                if self.shipping_mode.is_some() {
                    v.add(
                        Rule::Required,
                        "express.shipping_options",
                        "shipping options, which an update's express requires with shipping_mode",
                        "none",
                    );
                }
                None
            }
        };
        v.finish(SessionUpdate {
            order: self.order,
            express,
            remove_lock: self.remove_lock,
        })
    }
}

/// Dintero's update requires `order.amount` to be the sum of the items and the shipping
/// option; an [`Order`] holds that but for a partial payment, which may ask for less.
fn check_amount(order: &Order, v: &mut Violations) {
    let shipping = order.shipping_option().map_or(0, ShippingOption::amount);
    let lines: i128 = (order.items().iter().map(|item| i128::from(item.amount)))
        .chain([i128::from(shipping)])
        .sum();
    let amount = order.amount().minor_units();
    if i128::from(amount) != lines {
        v.add(
            Rule::OrderAmount,
            "order.amount",
            format!(
                "the sum of items and shipping ({lines}): a session update takes no partial payment"
            ),
            amount.to_string(),
        );
    }
}

/// `chosen` must be one of `options`, field for field: Dintero's "must be included in" read
/// literally, since a copy that differs (another price, say) is not what the customer was
/// offered. A near miss (same `id` and `line_id`) is named, as it is the likely mistake.
fn check_offered(chosen: &ShippingOption, options: &[ShippingOption], v: &mut Violations) {
    if options.contains(chosen) {
        return;
    }
    let same_ids = options
        .iter()
        .position(|option| option.id() == chosen.id() && option.line_id() == chosen.line_id());
    let found = match same_ids {
        Some(index) => format!(
            "id {} and line_id {} as express.shipping_options[{index}], with other fields",
            quoted(chosen.id()),
            quoted(chosen.line_id())
        ),
        None => format!(
            "id {} and line_id {}, in none of {} options",
            quoted(chosen.id()),
            quoted(chosen.line_id()),
            options.len()
        ),
    };
    v.add(
        Rule::ShippingOptionNotOffered,
        "order.shipping_option",
        "one of express.shipping_options (the same option, field for field)",
        found,
    );
}
