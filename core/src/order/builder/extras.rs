//! The setters of the order's rarely used fields: `event_reference`, the shop's own
//! `discount_lines` and `gift_cards`. Each takes and returns the builder and never fails;
//! [`OrderBuilder::build`] reports every problem with its path.

use super::*;

impl<'a> OrderBuilder<'a> {
    /// Sets `event_reference`: the event (a concert, a match) the order is for.
    ///
    /// ```
    /// use dintero_order_core::{Currency, Order};
    /// let order = Order::builder(Currency::NOK, "o-1").event_reference("concert-7").build()?;
    /// assert_eq!(order.event_reference(), Some("concert-7"));
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn event_reference(mut self, reference: impl Into<String>) -> OrderBuilder<'a> {
        self.settings.event_reference = Some(reference.into());
        self
    }

    /// Adds one entry to the order's `discount_lines`: a discount on the whole order given
    /// before it was built, recorded as is (the amounts are not changed; to spread a discount
    /// over the lines, use [`discount`](Self::discount)).
    ///
    /// ```
    /// use dintero_order_core::{Currency, DiscountLine, DiscountType, Order};
    ///
    /// let order = Order::builder(Currency::NOK, "o-1")
    ///     .discount_line(DiscountLine::new(500).with_discount_type(DiscountType::Total))
    ///     .build()?;
    /// assert_eq!(order.discount_lines()[0].amount(), 500);
    ///
    /// // A negative record is refused when the order is built, with its path.
    /// let err = Order::builder(Currency::NOK, "o-1")
    ///     .discount_line(DiscountLine::new(-1))
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!(err.violations()[0].path(), "order.discount_lines[0].amount");
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn discount_line(mut self, discount_line: DiscountLine) -> OrderBuilder<'a> {
        self.settings.discount_lines.push(discount_line);
        self
    }

    /// Adds one entry to `gift_cards`: the part of the order a Dintero Wallets card pays.
    /// Dintero takes at most one; the cards may not pay more than `order.amount`.
    ///
    /// ```
    /// use dintero_order_core::{Currency, GiftCard, Line, Order, UnitPrice, VatRate};
    ///
    /// let order = Order::builder(Currency::NOK, "o-1")
    ///     .line(Line::new("a", "A", UnitPrice::minor(10000), VatRate::ZERO))
    ///     .gift_card(GiftCard::dintero_wallets("card-1", 2500))
    ///     .build()?;
    /// assert_eq!(order.gift_cards()[0].amount(), 2500);
    ///
    /// // Paying more than the order is refused, with its path.
    /// let err = Order::builder(Currency::NOK, "o-1")
    ///     .gift_card(GiftCard::dintero_wallets("card-1", 2500))
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!(err.violations()[0].path(), "order.gift_cards");
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn gift_card(mut self, gift_card: GiftCard) -> OrderBuilder<'a> {
        self.settings.gift_cards.push(gift_card);
        self
    }
}
