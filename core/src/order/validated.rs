//! The validated order (`order` in a session body).

use serde::{Deserialize, Serialize};

use crate::order::validate::Proven;
use crate::{
    Address, Currency, DiscountLine, Error, Money, OrderBuilder, OrderItem, ShippingOption, Store,
    Violation,
};

/// A validated Dintero order: every invariant holds, so it can become a session.
///
/// Made only by [`OrderBuilder::build`] or by parsing (which runs the same checks); it has no
/// public fields and no way to change it into something invalid.
///
/// - `amount` = Σ `items.amount` + `shipping_option.amount` (≤ that sum only for partial
///   payments), `vat_amount` = Σ of the lines' VAT, both within Dintero's `int32`;
/// - every line's `vat_amount` is the floor or ceiling of `amount × vat / (100 + vat)`;
/// - `line_id`s are unique across items and the shipping option;
/// - only gift-card and rounding (surcharge) lines are negative.
///
/// ```
/// use dintero_order_core::{Currency, Line, Order, UnitPrice, VatRate};
/// use rust_decimal_macros::dec;
///
/// let vat = VatRate::from_whole_percent(25).unwrap();
/// let order = Order::builder(Currency::NOK, "merchants_order_number")
///     .line(Line::new("chair-1", "Stablestol", UnitPrice::major(dec!(299.90)), vat))
///     .build()?;
/// assert_eq!(
///     serde_json::to_string(&order)?,
///     r#"{"amount":29990,"currency":"NOK","merchant_reference":"merchants_order_number","vat_amount":5998,"items":[{"id":"chair-1","line_id":"1","description":"Stablestol","quantity":1,"amount":29990,"vat_amount":5998,"vat":25}]}"#
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
// Written by `json/order_write.rs`, which also writes a session update's order.
#[derive(Debug, Clone, PartialEq)]
pub struct Order(pub(crate) OrderData);

/// The order's fields in Dintero's order; `Order` wraps it once it is checked.
///
/// The shipping option, the addresses and the store are boxed: inline they made an order
/// about 2 KB, copied whole each time an order or a session moved (a few times per session).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct OrderData {
    pub(crate) amount: i64,
    pub(crate) currency: Currency,
    pub(crate) merchant_reference: String,
    pub(crate) merchant_reference_2: Option<String>,
    pub(crate) event_reference: Option<String>,
    pub(crate) vat_amount: Option<i64>,
    pub(crate) items: Vec<OrderItem>,
    pub(crate) shipping_option: Option<Box<ShippingOption>>,
    pub(crate) partial_payment: Option<bool>,
    pub(crate) discount_lines: Vec<DiscountLine>,
    pub(crate) discount_codes: Vec<String>,
    pub(crate) gift_cards: Vec<GiftCard>,
    pub(crate) shipping_address: Option<Box<Address>>,
    pub(crate) billing_address: Option<Box<Address>>,
    pub(crate) store: Option<Box<Store>>,
    pub(crate) payout_destination_id: Option<String>,
}

/// One `order.gift_cards[]` entry: the part of `order.amount` a Dintero Wallets card pays.
///
/// The order refuses more than one card, an empty `card_id`, a negative amount and cards
/// paying more than `order.amount`, each with its path.
///
/// ```
/// use dintero_order_core::{Currency, GiftCard, Line, Order, UnitPrice, VatRate};
///
/// let order = Order::builder(Currency::NOK, "o-1")
///     .line(Line::new("a", "A", UnitPrice::minor(10000), VatRate::ZERO))
///     .gift_card(GiftCard::dintero_wallets("card-1", 2500).with_masked_card_token("****1234"))
///     .build()?;
/// let card = &order.gift_cards()[0];
/// assert_eq!((card.card_id(), card.amount()), ("card-1", 2500));
/// assert_eq!(card.masked_card_token(), Some("****1234"));
/// # Ok::<(), dintero_order_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GiftCard {
    #[serde(rename = "type")]
    pub(crate) kind: GiftCardKind,
    pub(crate) card_id: String,
    pub(crate) amount: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) masked_card_token: Option<String>,
}

/// The only gift card Dintero defines for `order.gift_cards`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) enum GiftCardKind {
    /// Dintero Wallets.
    #[serde(rename = "dintero.wallets")]
    DinteroWallets,
}

impl Order {
    /// Starts an order in `currency` with the merchant's reference for it.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Order};
    /// let order = Order::builder(Currency::NOK, "order-17").build().unwrap();
    /// assert_eq!(order.amount().minor_units(), 0);
    /// ```
    pub fn builder<'a>(
        currency: Currency,
        merchant_reference: impl Into<String>,
    ) -> OrderBuilder<'a> {
        OrderBuilder::new(currency, merchant_reference.into())
    }

    /// Checks every invariant but those `proven` by the order's construction; the one gate
    /// both building and parsing go through.
    pub(crate) fn check(data: OrderData, proven: Proven) -> Result<Order, Error> {
        crate::order::validate::order(&data, proven)?;
        Ok(Order(data))
    }

    /// [`check`](Self::check) for a faithful parse: the order as read, and the problems
    /// with this crate's own rules in it, as warnings.
    pub(crate) fn check_faithful(data: OrderData) -> Result<(Order, Vec<Violation>), Error> {
        match crate::order::validate::order(&data, Proven::NOTHING) {
            Ok(()) => Ok((Order(data), Vec::new())),
            Err(error) => error
                .crate_rules_only()
                .map(|warnings| (Order(data), warnings)),
        }
    }

    /// Wraps data that [`validate::order_into`](crate::order::validate::order_into) just passed, as
    /// part of checking a whole session body at once.
    pub(crate) fn validated(data: OrderData) -> Order {
        Order(data)
    }

    /// The currency of every amount in the order.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Order};
    /// assert_eq!(Order::builder(Currency::SEK, "o").build().unwrap().currency(), Currency::SEK);
    /// ```
    pub fn currency(&self) -> Currency {
        self.0.currency
    }

    /// The amount to authorize, VAT included.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Line, Order, UnitPrice, VatRate};
    /// let order = Order::builder(Currency::NOK, "o")
    ///     .line(Line::new("a", "A", UnitPrice::minor(1000), VatRate::ZERO))
    ///     .build().unwrap();
    /// assert_eq!(order.amount().minor_units(), 1000);
    /// ```
    pub fn amount(&self) -> Money {
        Money::from_minor(self.0.amount, self.0.currency)
    }

    /// The VAT in the amount: the stated `vat_amount`, which equals the sum of the lines' VAT
    /// (or that sum, for a parsed order that did not state it).
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Line, Order, UnitPrice, VatRate};
    /// let vat = VatRate::from_whole_percent(25).unwrap();
    /// let order = Order::builder(Currency::NOK, "o")
    ///     .line(Line::new("a", "A", UnitPrice::minor(1250), vat))
    ///     .build().unwrap();
    /// assert_eq!(order.vat_amount().minor_units(), 250);
    /// ```
    pub fn vat_amount(&self) -> Money {
        // A parsed order may omit `vat_amount`, and lines without `vat` are not bounded by
        // the floor/ceiling rule: add up saturating, so no input can overflow here.
        let minor = self.0.vat_amount.unwrap_or_else(|| {
            let shipping = self.0.shipping_option.as_ref().and_then(|s| s.vat_amount);
            (self.0.items.iter().map(|i| i.vat_amount))
                .chain([shipping])
                .flatten()
                .fold(0_i64, i64::saturating_add)
        });
        Money::from_minor(minor, self.0.currency)
    }

    /// The merchant's reference for the order.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Order};
    /// assert_eq!(Order::builder(Currency::NOK, "o-9").build().unwrap().merchant_reference(), "o-9");
    /// ```
    pub fn merchant_reference(&self) -> &str {
        &self.0.merchant_reference
    }

    /// The order lines.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Order};
    /// assert!(Order::builder(Currency::NOK, "o").build().unwrap().items().is_empty());
    /// ```
    pub fn items(&self) -> &[OrderItem] {
        &self.0.items
    }

    /// The chosen shipping option.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Order};
    /// assert!(Order::builder(Currency::NOK, "o").build().unwrap().shipping_option().is_none());
    /// ```
    pub fn shipping_option(&self) -> Option<&ShippingOption> {
        self.0.shipping_option.as_deref()
    }

    /// Whether this is a partial payment (`amount` may be below the sum of the lines).
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Order};
    /// assert!(!Order::builder(Currency::NOK, "o").build().unwrap().partial_payment());
    /// ```
    pub fn partial_payment(&self) -> bool {
        self.0.partial_payment.unwrap_or(false)
    }

    /// The shipping address.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Order};
    /// assert!(Order::builder(Currency::NOK, "o").build().unwrap().shipping_address().is_none());
    /// ```
    pub fn shipping_address(&self) -> Option<&Address> {
        self.0.shipping_address.as_deref()
    }

    /// The billing address.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Order};
    /// assert!(Order::builder(Currency::NOK, "o").build().unwrap().billing_address().is_none());
    /// ```
    pub fn billing_address(&self) -> Option<&Address> {
        self.0.billing_address.as_deref()
    }

    /// Order-level discount records.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Order};
    /// assert!(Order::builder(Currency::NOK, "o").build().unwrap().discount_lines().is_empty());
    /// ```
    pub fn discount_lines(&self) -> &[DiscountLine] {
        &self.0.discount_lines
    }
}
