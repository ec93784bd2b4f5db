//! The shop's 200 answers to the express callbacks: [`ShippingAddressAnswer`] and
//! [`DiscountCodesAnswer`], and their builders.

use std::collections::HashSet;

use super::callback::ExpressCallback;
use super::update::{ExpressOrderUpdate, check_options, order_update};
use crate::error::{Error, Violations};
use crate::{Order, ShippingOption};

/// What both answers hold: the options to offer and, optionally, the new order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct AnswerParts {
    pub(crate) shipping_options: Vec<ShippingOption>,
    pub(crate) order: Option<ExpressOrderUpdate>,
}

/// What both builders collect.
#[derive(Debug, Clone)]
struct Draft<'c> {
    callback: &'c ExpressCallback,
    shipping_options: Vec<ShippingOption>,
    order: Option<Order>,
}

impl<'c> Draft<'c> {
    fn new(
        callback: &'c ExpressCallback,
        options: impl IntoIterator<Item = ShippingOption>,
    ) -> Self {
        Draft {
            callback,
            shipping_options: options.into_iter().collect(),
            order: None,
        }
    }

    /// Every check at once: the order update against the posted session, then the options
    /// against the items that will be in the order.
    fn build(self) -> Result<AnswerParts, Error> {
        let mut v = Violations::new();
        let order = self
            .order
            .map(|order| order_update(order, self.callback, &mut v));
        let line_ids: HashSet<&str> = match &order {
            Some(update) => update
                .items
                .iter()
                .filter_map(|item| item.line_id())
                .collect(),
            None => self
                .callback
                .items
                .iter()
                .filter_map(|item| item.line_id.as_deref())
                .collect(),
        };
        check_options(&self.shipping_options, &line_ids, &mut v);
        v.finish(AnswerParts {
            shipping_options: self.shipping_options,
            order,
        })
    }
}

/// The answer to `express.shipping_address_callback_url`: the shipping options for the
/// address Dintero posted (an empty list says the shop cannot ship there; a free delivery
/// is still one option with amount 0) and, optionally, an updated order. Its JSON
/// ([`to_json`](Self::to_json)) holds `shipping_options` and the order's `amount`,
/// `currency`, `vat_amount`, `items` and, when it has any, `discount_codes`: the fields of
/// Dintero's `ShippingAddressCallbackSessionOrderUpdate`.
///
/// ```
/// use dintero_order_core::{Currency, ExpressCallback, Shipping, UnitPrice, VatRate};
/// use rust_decimal_macros::dec;
///
/// let callback = ExpressCallback::from_json(br#"{"id":"S1","order":{"amount":0,"currency":"NOK",
///     "shipping_address":{"country":"NO","postal_code":"0301"}}}"#)?;
/// let vat = VatRate::from_whole_percent(25).unwrap();
/// let home = Shipping::new("home", "Home delivery", UnitPrice::major(dec!(39)), vat)
///     .operator("Bring")
///     .priced_in(Currency::NOK)?;
/// let answer = callback.shipping_address_answer([home]).build()?;
/// assert_eq!(
///     answer.to_json(),
///     br#"{"shipping_options":[{"id":"home","line_id":"home","amount":3900,"vat_amount":780,"vat":25,"operator":"Bring","title":"Home delivery"}]}"#
/// );
/// # Ok::<(), dintero_order_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ShippingAddressAnswer(pub(crate) AnswerParts);

/// The answer to `express.discount_codes.callback_url`: the shipping options and, usually,
/// the order with the codes applied. Its JSON ([`to_json`](Self::to_json)) holds
/// `shipping_options` and the order's `amount`, `discount_codes` (always written: the codes
/// the shop accepts, so an empty list refuses every code) and `items`: the fields of Dintero's
/// `DiscountCodesOrderUpdate`.
///
/// `amount` follows the shipping-address rule: the items plus the shipping option selected in
/// the posted session. Dintero states that rule for the shipping-address answer only, and the
/// references disagree for this one (its own sample subtracts the discounts from the posted
/// `amount`, which held the shipping; a plugin leaves the shipping out and adds an
/// `order.shipping_option` the spec does not define here). Both callbacks post the same
/// session, whose `order.amount` includes the selected option, and Dintero keeps that option:
/// an amount without it would authorize less than the customer sees.
///
/// ```
/// use dintero_order_core::{Currency, ExpressCallback, Line, Order, UnitPrice, VatRate};
///
/// let callback = ExpressCallback::from_json(br#"{"id":"S1","order":{"amount":10000,"currency":"NOK",
///     "items":[{"line_id":"1","amount":10000}],"discount_codes":["NOPE"]}}"#)?;
/// let order = Order::builder(Currency::NOK, "o-1")
///     .line(Line::new("chair-1", "Stol", UnitPrice::minor(10000), VatRate::ZERO).line_id("1"))
///     .build()?;
/// let answer = callback.discount_codes_answer([]).order(order).build()?;
/// assert_eq!(
///     answer.to_json(),
///     br#"{"shipping_options":[],"order":{"amount":10000,"discount_codes":[],"items":[{"id":"chair-1","line_id":"1","description":"Stol","quantity":1,"amount":10000,"vat_amount":0,"vat":0}]}}"#
/// );
/// # Ok::<(), dintero_order_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct DiscountCodesAnswer(pub(crate) AnswerParts);

/// Builds a [`ShippingAddressAnswer`]; see [`ExpressCallback::shipping_address_answer`].
///
/// ```
/// # use dintero_order_core::ExpressCallback;
/// let callback = ExpressCallback::from_json(br#"{"id":"S1"}"#)?;
/// assert!(callback.shipping_address_answer([]).build()?.shipping_options().is_empty());
/// # Ok::<(), dintero_order_core::Error>(())
/// ```
#[derive(Debug, Clone)]
#[must_use = "a builder does nothing until `build`"]
pub struct ShippingAddressAnswerBuilder<'c>(Draft<'c>);

/// Builds a [`DiscountCodesAnswer`]; see [`ExpressCallback::discount_codes_answer`].
///
/// ```
/// # use dintero_order_core::ExpressCallback;
/// let callback = ExpressCallback::from_json(br#"{"id":"S1"}"#)?;
/// assert!(callback.discount_codes_answer([]).build()?.order().is_none());
/// # Ok::<(), dintero_order_core::Error>(())
/// ```
#[derive(Debug, Clone)]
#[must_use = "a builder does nothing until `build`"]
pub struct DiscountCodesAnswerBuilder<'c>(Draft<'c>);

impl ExpressCallback {
    /// Starts the answer to this shipping-address callback with the options to offer
    /// (typically [`Shipping::priced_in`](crate::Shipping::priced_in) the order's currency).
    ///
    /// ```
    /// # use dintero_order_core::ExpressCallback;
    /// let callback = ExpressCallback::from_json(br#"{"id":"S1"}"#)?;
    /// assert_eq!(callback.shipping_address_answer([]).build()?.to_json(), br#"{"shipping_options":[]}"#);
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn shipping_address_answer(
        &self,
        shipping_options: impl IntoIterator<Item = ShippingOption>,
    ) -> ShippingAddressAnswerBuilder<'_> {
        ShippingAddressAnswerBuilder(Draft::new(self, shipping_options))
    }

    /// Starts the answer to this discount-codes callback with the options to offer.
    ///
    /// ```
    /// # use dintero_order_core::ExpressCallback;
    /// let callback = ExpressCallback::from_json(br#"{"id":"S1"}"#)?;
    /// assert_eq!(callback.discount_codes_answer([]).build()?.to_json(), br#"{"shipping_options":[]}"#);
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn discount_codes_answer(
        &self,
        shipping_options: impl IntoIterator<Item = ShippingOption>,
    ) -> DiscountCodesAnswerBuilder<'_> {
        DiscountCodesAnswerBuilder(Draft::new(self, shipping_options))
    }
}

/// The order setter, `build` and the answer's getters, the same for both answers.
macro_rules! answer_api {
    ($answer:ident, $builder:ident, $start:ident) => {
        impl $builder<'_> {
            /// The updated order, built with [`Order::builder`] (without a shipping option, or
            /// with the one selected in the posted session). Every line of the session order
            /// must be in it, by `line_id`.
            ///
            /// ```
            /// # use dintero_order_core::{Currency, ExpressCallback, Order};
            /// let callback = ExpressCallback::from_json(br#"{"id":"S1"}"#)?;
            /// let order = Order::builder(Currency::NOK, "o-1").build()?;
            #[doc = concat!("let answer = callback.", stringify!($start), "([]).order(order).build()?;")]
            /// assert_eq!(answer.order().unwrap().amount(), 0);
            /// # Ok::<(), dintero_order_core::Error>(())
            /// ```
            pub fn order(mut self, order: Order) -> Self {
                self.0.order = Some(order);
                self
            }

            /// The answer, or every problem at once, with its path in the answer's JSON: an
            /// `order.amount` that is not the items plus the selected shipping option, another
            /// currency than the session's, a session line missing from `order.items`, a
            /// `line_id` used twice among the items, the options and the selected option.
            ///
            /// ```
            /// use dintero_order_core::{Currency, ExpressCallback, Order, Rule};
            ///
            /// let callback = ExpressCallback::from_json(br#"{"order":{"currency":"NOK","items":[{"line_id":"1","amount":5}]}}"#)?;
            /// let order = Order::builder(Currency::SEK, "o-1").build()?;
            #[doc = concat!("let err = callback.", stringify!($start), "([]).order(order).build().unwrap_err();")]
            /// let found: Vec<_> = err.violations().iter().map(|v| (v.rule(), v.path())).collect();
            /// assert_eq!(found, [
            ///     (Rule::CurrencyMismatch, "order.currency"),
            ///     (Rule::Required, "order.items"),
            /// ]);
            /// # Ok::<(), dintero_order_core::Error>(())
            /// ```
            pub fn build(self) -> Result<$answer, Error> {
                self.0.build().map($answer)
            }
        }

        impl $answer {
            /// The shipping options offered.
            ///
            /// ```
            /// # use dintero_order_core::ExpressCallback;
            /// let callback = ExpressCallback::from_json(br#"{"id":"S1"}"#)?;
            #[doc = concat!("let answer = callback.", stringify!($start), "([]).build()?;")]
            /// assert!(answer.shipping_options().is_empty());
            /// # Ok::<(), dintero_order_core::Error>(())
            /// ```
            pub fn shipping_options(&self) -> &[ShippingOption] {
                &self.0.shipping_options
            }

            /// The updated order, if the answer has one.
            ///
            /// ```
            /// # use dintero_order_core::ExpressCallback;
            /// let callback = ExpressCallback::from_json(br#"{"id":"S1"}"#)?;
            #[doc = concat!("let answer = callback.", stringify!($start), "([]).build()?;")]
            /// assert!(answer.order().is_none());
            /// # Ok::<(), dintero_order_core::Error>(())
            /// ```
            pub fn order(&self) -> Option<&ExpressOrderUpdate> {
                self.0.order.as_ref()
            }
        }
    };
}

answer_api!(
    ShippingAddressAnswer,
    ShippingAddressAnswerBuilder,
    shipping_address_answer
);
answer_api!(
    DiscountCodesAnswer,
    DiscountCodesAnswerBuilder,
    discount_codes_answer
);
