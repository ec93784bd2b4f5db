//! The order's rarely used parts: its gift cards ([`GiftCard`]), discount records made by
//! the shop ([`DiscountLine::new`]), and `event_reference`; their getters on [`Order`].

use rust_decimal::Decimal;

use crate::order::validated::GiftCardKind;
use crate::{DiscountLine, DiscountType, GiftCard, Order};

impl GiftCard {
    /// A Dintero Wallets card (`"type": "dintero.wallets"`) paying `amount` minor units of
    /// the order.
    ///
    /// ```
    /// use dintero_order_core::GiftCard;
    /// let card = GiftCard::dintero_wallets("card-1", 2500);
    /// assert_eq!((card.card_id(), card.amount(), card.masked_card_token()), ("card-1", 2500, None));
    /// ```
    pub fn dintero_wallets(card_id: impl Into<String>, amount: i64) -> GiftCard {
        GiftCard {
            kind: GiftCardKind::DinteroWallets,
            card_id: card_id.into(),
            amount,
            masked_card_token: None,
        }
    }

    /// Sets `masked_card_token`, the card number as shown to the customer.
    ///
    /// ```
    /// use dintero_order_core::GiftCard;
    /// let card = GiftCard::dintero_wallets("card-1", 2500).with_masked_card_token("****1234");
    /// assert_eq!(card.masked_card_token(), Some("****1234"));
    /// ```
    pub fn with_masked_card_token(mut self, token: impl Into<String>) -> GiftCard {
        self.masked_card_token = Some(token.into());
        self
    }

    /// `card_id`.
    ///
    /// ```
    /// use dintero_order_core::GiftCard;
    /// assert_eq!(GiftCard::dintero_wallets("card-1", 2500).card_id(), "card-1");
    /// ```
    pub fn card_id(&self) -> &str {
        &self.card_id
    }

    /// `amount`, in minor units.
    ///
    /// ```
    /// use dintero_order_core::GiftCard;
    /// assert_eq!(GiftCard::dintero_wallets("card-1", 2500).amount(), 2500);
    /// ```
    pub fn amount(&self) -> i64 {
        self.amount
    }

    /// `masked_card_token`, if set.
    ///
    /// ```
    /// use dintero_order_core::GiftCard;
    /// assert_eq!(GiftCard::dintero_wallets("card-1", 2500).masked_card_token(), None);
    /// ```
    pub fn masked_card_token(&self) -> Option<&str> {
        self.masked_card_token.as_deref()
    }
}

impl DiscountLine {
    /// A discount record of `amount` minor units (positive), with nothing else set: for
    /// discounts given before the order is built ([`Line::discount_lines`](crate::Line::discount_lines),
    /// [`OrderBuilder::discount_line`](crate::OrderBuilder::discount_line)). The order
    /// refuses a negative amount and a percentage outside 0..=100, with their paths.
    ///
    /// ```
    /// use dintero_order_core::DiscountLine;
    /// let record = DiscountLine::new(1000);
    /// assert_eq!((record.amount(), record.percentage()), (1000, None));
    /// ```
    pub fn new(amount: i64) -> DiscountLine {
        DiscountLine {
            amount,
            percentage: None,
            discount_type: None,
            discount_id: None,
            description: None,
            line_id: None,
        }
    }

    /// Sets `percentage`.
    ///
    /// ```
    /// use dintero_order_core::DiscountLine;
    /// use rust_decimal_macros::dec;
    /// assert_eq!(DiscountLine::new(1000).with_percentage(dec!(10)).percentage(), Some(dec!(10)));
    /// ```
    pub fn with_percentage(mut self, percentage: Decimal) -> DiscountLine {
        self.percentage = Some(percentage);
        self
    }

    /// Sets `discount_type`.
    ///
    /// ```
    /// use dintero_order_core::{DiscountLine, DiscountType};
    /// let record = DiscountLine::new(1000).with_discount_type(DiscountType::Loyalty);
    /// assert_eq!(record.discount_type(), Some(DiscountType::Loyalty));
    /// ```
    pub fn with_discount_type(mut self, kind: DiscountType) -> DiscountLine {
        self.discount_type = Some(kind);
        self
    }

    /// Sets `discount_id`, the merchant's id of the discount.
    ///
    /// ```
    /// use dintero_order_core::DiscountLine;
    /// assert_eq!(DiscountLine::new(1000).with_discount_id("SUMMER").discount_id(), Some("SUMMER"));
    /// ```
    pub fn with_discount_id(mut self, id: impl Into<String>) -> DiscountLine {
        self.discount_id = Some(id.into());
        self
    }

    /// Sets `description`, shown to the customer.
    ///
    /// ```
    /// use dintero_order_core::DiscountLine;
    /// assert_eq!(DiscountLine::new(1000).with_description("Sale").description(), Some("Sale"));
    /// ```
    pub fn with_description(mut self, description: impl Into<String>) -> DiscountLine {
        self.description = Some(description.into());
        self
    }

    /// Sets `line_id`, the discount's line number.
    ///
    /// ```
    /// use dintero_order_core::DiscountLine;
    /// assert_eq!(DiscountLine::new(1000).with_line_id(2).line_id(), Some(2));
    /// ```
    pub fn with_line_id(mut self, line_id: i64) -> DiscountLine {
        self.line_id = Some(line_id);
        self
    }
}

impl Order {
    /// `gift_cards`; empty when none.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Order};
    /// let order = Order::builder(Currency::NOK, "o-1").build()?;
    /// assert!(order.gift_cards().is_empty());
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn gift_cards(&self) -> &[GiftCard] {
        &self.0.gift_cards
    }

    /// `event_reference`, if set.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Order};
    /// let order = Order::builder(Currency::NOK, "o-1").event_reference("concert-7").build()?;
    /// assert_eq!(order.event_reference(), Some("concert-7"));
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn event_reference(&self) -> Option<&str> {
        self.0.event_reference.as_deref()
    }
}
