//! [`DiscountLine`] and [`DiscountType`]: the discounts recorded on a line.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The kind of a discount, as Dintero classifies them.
///
/// ```
/// use dintero_order_core::DiscountType;
/// assert_eq!(serde_json::to_string(&DiscountType::Customer).unwrap(), "\"customer\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DiscountType {
    /// A discount for this customer.
    Customer,
    /// A time-limited campaign.
    Periodic,
    /// Set by hand.
    Manual,
    /// A loyalty programme.
    Loyalty,
    /// A discount on the order total.
    Total,
    /// An employee discount.
    Employee,
    /// Set by an external system.
    External,
}

/// One discount applied to a line: a positive amount the line's `amount` is already net of.
///
/// ```
/// use dintero_order_core::{Currency, Discount, Line, Money, Order, UnitPrice, VatRate};
///
/// let line = Line::new("sku", "Chair", UnitPrice::minor(10000), VatRate::ZERO)
///     .eligible_for_discount(true);
/// let order = Order::builder(Currency::NOK, "o-1")
///     .line(line)
///     .discount(Discount::amount(Money::from_minor(4400, Currency::NOK)))
///     .build()
///     .unwrap();
/// let discount = &order.items()[0].discount_lines()[0];
/// assert_eq!(discount.amount(), 4400);
/// assert_eq!(order.items()[0].amount(), 5600);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct DiscountLine {
    pub(crate) amount: i64,
    pub(crate) percentage: Option<Decimal>,
    pub(crate) discount_type: Option<DiscountType>,
    pub(crate) discount_id: Option<String>,
    pub(crate) description: Option<String>,
    pub(crate) line_id: Option<i64>,
}

impl DiscountLine {
    /// The discounted amount in minor units (positive).
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Discount, DiscountType, Line, Order, UnitPrice, VatRate};
    /// # use rust_decimal_macros::dec;
    /// # let line = Line::new("a", "A", UnitPrice::minor(10000), VatRate::ZERO).eligible_for_discount(true);
    /// # let discount = Discount::percent(dec!(44)).discount_type(DiscountType::Customer)
    /// #     .discount_id("SUMMER").description("Summer sale");
    /// # let order = Order::builder(Currency::NOK, "o").line(line).discount(discount).build().unwrap();
    /// let discount = &order.items()[0].discount_lines()[0];
    /// assert_eq!(discount.amount(), 4400);
    /// ```
    pub fn amount(&self) -> i64 {
        self.amount
    }

    /// The percentage, when the discount was given as one.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Discount, DiscountType, Line, Order, UnitPrice, VatRate};
    /// # use rust_decimal_macros::dec;
    /// # let line = Line::new("a", "A", UnitPrice::minor(10000), VatRate::ZERO).eligible_for_discount(true);
    /// # let discount = Discount::percent(dec!(44)).discount_type(DiscountType::Customer)
    /// #     .discount_id("SUMMER").description("Summer sale");
    /// # let order = Order::builder(Currency::NOK, "o").line(line).discount(discount).build().unwrap();
    /// let discount = &order.items()[0].discount_lines()[0];
    /// assert_eq!(discount.percentage(), Some(dec!(44)));
    /// ```
    pub fn percentage(&self) -> Option<Decimal> {
        self.percentage
    }

    /// The kind of discount.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Discount, DiscountType, Line, Order, UnitPrice, VatRate};
    /// # use rust_decimal_macros::dec;
    /// # let line = Line::new("a", "A", UnitPrice::minor(10000), VatRate::ZERO).eligible_for_discount(true);
    /// # let discount = Discount::percent(dec!(44)).discount_type(DiscountType::Customer)
    /// #     .discount_id("SUMMER").description("Summer sale");
    /// # let order = Order::builder(Currency::NOK, "o").line(line).discount(discount).build().unwrap();
    /// let discount = &order.items()[0].discount_lines()[0];
    /// assert_eq!(discount.discount_type(), Some(DiscountType::Customer));
    /// ```
    pub fn discount_type(&self) -> Option<DiscountType> {
        self.discount_type
    }

    /// The merchant's id of the discount.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Discount, DiscountType, Line, Order, UnitPrice, VatRate};
    /// # use rust_decimal_macros::dec;
    /// # let line = Line::new("a", "A", UnitPrice::minor(10000), VatRate::ZERO).eligible_for_discount(true);
    /// # let discount = Discount::percent(dec!(44)).discount_type(DiscountType::Customer)
    /// #     .discount_id("SUMMER").description("Summer sale");
    /// # let order = Order::builder(Currency::NOK, "o").line(line).discount(discount).build().unwrap();
    /// let discount = &order.items()[0].discount_lines()[0];
    /// assert_eq!(discount.discount_id(), Some("SUMMER"));
    /// ```
    pub fn discount_id(&self) -> Option<&str> {
        self.discount_id.as_deref()
    }

    /// A description shown to the customer.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Discount, DiscountType, Line, Order, UnitPrice, VatRate};
    /// # use rust_decimal_macros::dec;
    /// # let line = Line::new("a", "A", UnitPrice::minor(10000), VatRate::ZERO).eligible_for_discount(true);
    /// # let discount = Discount::percent(dec!(44)).discount_type(DiscountType::Customer)
    /// #     .discount_id("SUMMER").description("Summer sale");
    /// # let order = Order::builder(Currency::NOK, "o").line(line).discount(discount).build().unwrap();
    /// let discount = &order.items()[0].discount_lines()[0];
    /// assert_eq!(discount.description(), Some("Summer sale"));
    /// ```
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }

    /// The discount's line number (an integer in Dintero's API).
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Discount, DiscountType, Line, Order, UnitPrice, VatRate};
    /// # use rust_decimal_macros::dec;
    /// # let line = Line::new("a", "A", UnitPrice::minor(10000), VatRate::ZERO).eligible_for_discount(true);
    /// # let discount = Discount::percent(dec!(44)).discount_type(DiscountType::Customer)
    /// #     .discount_id("SUMMER").description("Summer sale");
    /// # let order = Order::builder(Currency::NOK, "o").line(line).discount(discount).build().unwrap();
    /// let discount = &order.items()[0].discount_lines()[0];
    /// assert_eq!(discount.line_id(), Some(1));
    /// ```
    pub fn line_id(&self) -> Option<i64> {
        self.line_id
    }
}
