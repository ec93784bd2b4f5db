//! What a cart line says before the order checks it: the `CheckoutItem` trait and [`Line`].

use std::borrow::Cow;

use rust_decimal::Decimal;

use crate::order::item::ItemExtras;
use crate::{ItemType, Quantity, UnitPrice, VatRate};

/// A type that can be one line of a Dintero order.
///
/// Usually derived with `#[derive(CheckoutItem)]`; implementing it by hand is one method that
/// describes the value as a [`Line`]. Strings can be borrowed from `self`, so nothing is cloned
/// until the order is built.
///
/// ```
/// use dintero_order_core::{CheckoutItem, Currency, Line, Order, UnitPrice, VatRate};
/// use rust_decimal::Decimal;
/// use rust_decimal_macros::dec;
///
/// struct Chair { sku: String, name: String, price: Decimal }
///
/// impl CheckoutItem for Chair {
///     fn line(&self) -> Line<'_> {
///         let vat = VatRate::from_whole_percent(25).unwrap();
///         Line::new(&*self.sku, &*self.name, UnitPrice::major(self.price), vat)
///     }
/// }
///
/// let chair = Chair { sku: "chair-1".into(), name: "Stablestol".into(), price: dec!(299.90) };
/// let order = Order::builder(Currency::NOK, "order-1").item(&chair).build().unwrap();
/// assert_eq!(order.amount().minor_units(), 29990);
/// assert_eq!(order.vat_amount().minor_units(), 5998);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a checkout item",
    label = "derive `CheckoutItem` for it or implement it",
    note = "an order line comes from a type that implements `CheckoutItem`, or from a `Line`"
)]
pub trait CheckoutItem {
    /// Describes this value as one order line.
    fn line(&self) -> Line<'_>;
}

impl<T: CheckoutItem + ?Sized> CheckoutItem for &T {
    #[inline]
    fn line(&self) -> Line<'_> {
        (**self).line()
    }
}

impl<T: CheckoutItem + ?Sized> CheckoutItem for Box<T> {
    #[inline]
    fn line(&self) -> Line<'_> {
        (**self).line()
    }
}

// A line's VAT rate and quantity are checked as the line is made, where a run-time value is
// still in registers: kept as a decimal, the order read it back from the line's memory in
// other widths than it was written in, and waited for the writes to land. A rejected value
// is kept as given, and the order reports it with its path (an error, never a panic).

/// A VAT rate as given: a [`VatRate`], or a run-time percentage that is not one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum VatInput {
    Rate(VatRate),
    Rejected(Decimal),
}

impl VatInput {
    /// A percentage read at run time.
    #[inline]
    pub(crate) fn percent(percent: Decimal) -> VatInput {
        match VatRate::from_percent(percent) {
            Ok(rate) => VatInput::Rate(rate),
            Err(_) => VatInput::Rejected(percent),
        }
    }
}

/// A line's `id` or `line_id` as given: text, or an integer (a numeric product id) that the
/// order writes out in decimal as it copies the line's text, so a number costs no `String`.
///
/// Three words, as a `Cow<str>` alone: a `u128` or `i128` inside would make every line 16
/// bytes larger, so one past 64 bits (rare) is held as its text.
#[derive(Clone)]
pub(crate) enum IdInput<'a> {
    Text(Cow<'a, str>),
    Unsigned(u64),
    Signed(i64),
}

impl<'a> IdInput<'a> {
    /// An unsigned integer id.
    #[inline]
    pub(crate) fn unsigned(value: u128) -> IdInput<'a> {
        match u64::try_from(value) {
            Ok(value) => IdInput::Unsigned(value),
            Err(_) => IdInput::Text(Cow::Owned(itoa::Buffer::new().format(value).to_owned())),
        }
    }

    /// A signed integer id (a negative one is written with its `-`).
    #[inline]
    pub(crate) fn signed(value: i128) -> IdInput<'a> {
        match i64::try_from(value) {
            Ok(value) => IdInput::Signed(value),
            Err(_) => IdInput::Text(Cow::Owned(itoa::Buffer::new().format(value).to_owned())),
        }
    }

    /// The id as text: borrowed, or an integer written into `digits`.
    #[inline(always)]
    pub(crate) fn as_str<'s>(&'s self, digits: &'s mut itoa::Buffer) -> &'s str {
        match self {
            IdInput::Text(text) => text,
            IdInput::Unsigned(value) => digits.format(*value),
            IdInput::Signed(value) => digits.format(*value),
        }
    }

    /// Whether the id is empty text (a number never is).
    #[inline]
    pub(crate) fn is_empty(&self) -> bool {
        matches!(self, IdInput::Text(text) if text.is_empty())
    }
}

impl PartialEq for IdInput<'_> {
    /// By the text the order writes: the number 42 is the id "42".
    fn eq(&self, other: &IdInput<'_>) -> bool {
        let (mut a, mut b) = (itoa::Buffer::new(), itoa::Buffer::new());
        self.as_str(&mut a) == other.as_str(&mut b)
    }
}

impl std::fmt::Debug for IdInput<'_> {
    /// As the text the order writes.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(&mut itoa::Buffer::new()), f)
    }
}

/// A quantity as given: valid, or the rejected value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum QuantityInput {
    Valid(Quantity),
    Rejected(Decimal),
}

impl QuantityInput {
    #[inline]
    pub(crate) fn new(quantity: Decimal) -> QuantityInput {
        match Quantity::new(quantity) {
            Ok(valid) => QuantityInput::Valid(valid),
            Err(_) => QuantityInput::Rejected(quantity),
        }
    }
}

/// One line as described by a cart, before the order computes and checks it.
///
/// Made by [`CheckoutItem::line`] or directly for programmatic carts, and passed to
/// [`OrderBuilder::line`](crate::OrderBuilder::line). Nothing is refused here: the order's
/// [`build`](crate::OrderBuilder::build) reports every problem with its path.
///
/// ```
/// use dintero_order_core::{Currency, ItemType, Line, Order, UnitPrice, VatRate};
/// use rust_decimal_macros::dec;
///
/// let vat = VatRate::from_whole_percent(15).unwrap();
/// let coffee = Line::new("coffee-500g", "Coffee beans, per kg", UnitPrice::major(dec!(249)), vat)
///     .quantity(dec!(0.5))
///     .kind(ItemType::Physical);
/// let order = Order::builder(Currency::NOK, "order-2").line(coffee).build().unwrap();
/// assert_eq!(order.items()[0].amount(), 12450);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Line<'a> {
    pub(crate) id: IdInput<'a>,
    pub(crate) description: Cow<'a, str>,
    pub(crate) unit_price: UnitPrice,
    pub(crate) vat: VatInput,
    pub(crate) quantity: QuantityInput,
    pub(crate) line_id: Option<IdInput<'a>>,
    pub(crate) kind: Option<ItemType>,
    pub(crate) unit_weight: Option<Decimal>,
    pub(crate) unit_volume: Option<Decimal>,
    pub(crate) unit_dimensional_weight: Option<Decimal>,
    pub(crate) thumbnail_url: Option<Cow<'a, str>>,
    pub(crate) eligible_for_discount: Option<bool>,
    /// What few lines carry (groups, splits, `emd`, discount records), behind one box;
    /// `unit_*` stay above. Set by the setters in `line_parts.rs`.
    pub(crate) extras: Option<Box<ItemExtras>>,
}

impl<'a> Line<'a> {
    /// A line with quantity 1: the product id (SKU), a short description, the unit price and
    /// the VAT rate.
    ///
    /// ```
    /// # use dintero_order_core::{Line, UnitPrice, VatRate};
    /// let line = Line::new("sku-1", "Chair", UnitPrice::minor(29990), VatRate::ZERO);
    /// # let _ = line;
    /// ```
    #[inline]
    pub fn new(
        id: impl Into<Cow<'a, str>>,
        description: impl Into<Cow<'a, str>>,
        unit_price: UnitPrice,
        vat: VatRate,
    ) -> Line<'a> {
        Line {
            id: IdInput::Text(id.into()),
            description: description.into(),
            unit_price,
            vat: VatInput::Rate(vat),
            quantity: QuantityInput::Valid(Quantity::ONE),
            line_id: None,
            kind: None,
            unit_weight: None,
            unit_volume: None,
            unit_dimensional_weight: None,
            thumbnail_url: None,
            eligible_for_discount: None,
            extras: None,
        }
    }

    /// How many units (default 1). Must be greater than 0; decimals are allowed.
    ///
    /// ```
    /// # use dintero_order_core::{Line, UnitPrice, VatRate};
    /// use rust_decimal_macros::dec;
    /// let line = Line::new("sku", "Cheese", UnitPrice::minor(100), VatRate::ZERO).quantity(dec!(2.5));
    /// # let _ = line;
    /// ```
    #[inline]
    pub fn quantity(mut self, quantity: Decimal) -> Line<'a> {
        self.quantity = QuantityInput::new(quantity);
        self
    }

    /// The line's unique id. When no line of the order sets one, the order numbers the lines
    /// `"1"`, `"2"`, … in order.
    ///
    /// ```
    /// # use dintero_order_core::{Line, UnitPrice, VatRate};
    /// let line = Line::new("sku", "Chair", UnitPrice::minor(100), VatRate::ZERO).line_id("a-1");
    /// # let _ = line;
    /// ```
    #[inline]
    pub fn line_id(mut self, line_id: impl Into<Cow<'a, str>>) -> Line<'a> {
        self.line_id = Some(IdInput::Text(line_id.into()));
        self
    }

    /// The item `type` (physical, digital, service, gift card, shipping, surcharge).
    ///
    /// ```
    /// # use dintero_order_core::{ItemType, Line, UnitPrice, VatRate};
    /// let card = Line::new("gc", "Gift card", UnitPrice::minor(-5000), VatRate::ZERO)
    ///     .kind(ItemType::GiftCard);
    /// # let _ = card;
    /// ```
    #[inline]
    pub fn kind(mut self, kind: ItemType) -> Line<'a> {
        self.kind = Some(kind);
        self
    }

    /// Weight of one unit in kg.
    ///
    /// ```
    /// # use dintero_order_core::{Line, UnitPrice, VatRate};
    /// use rust_decimal_macros::dec;
    /// let line = Line::new("sku", "Chair", UnitPrice::minor(100), VatRate::ZERO).unit_weight(dec!(4.2));
    /// # let _ = line;
    /// ```
    #[inline]
    pub fn unit_weight(mut self, kg: Decimal) -> Line<'a> {
        self.unit_weight = Some(kg);
        self
    }

    /// Volume of one unit in m³.
    ///
    /// ```
    /// # use dintero_order_core::{Line, UnitPrice, VatRate};
    /// use rust_decimal_macros::dec;
    /// let line = Line::new("sku", "Chair", UnitPrice::minor(100), VatRate::ZERO).unit_volume(dec!(0.3));
    /// # let _ = line;
    /// ```
    #[inline]
    pub fn unit_volume(mut self, cubic_metres: Decimal) -> Line<'a> {
        self.unit_volume = Some(cubic_metres);
        self
    }

    /// Dimensional (volumetric) weight of one unit.
    ///
    /// ```
    /// # use dintero_order_core::{Line, UnitPrice, VatRate};
    /// use rust_decimal_macros::dec;
    /// let line = Line::new("sku", "Chair", UnitPrice::minor(100), VatRate::ZERO)
    ///     .unit_dimensional_weight(dec!(6));
    /// # let _ = line;
    /// ```
    #[inline]
    pub fn unit_dimensional_weight(mut self, value: Decimal) -> Line<'a> {
        self.unit_dimensional_weight = Some(value);
        self
    }

    /// An absolute URL of a thumbnail shown in the checkout.
    ///
    /// ```
    /// # use dintero_order_core::{Line, UnitPrice, VatRate};
    /// let line = Line::new("sku", "Chair", UnitPrice::minor(100), VatRate::ZERO)
    ///     .thumbnail_url("https://shop.example/chair.png");
    /// # let _ = line;
    /// ```
    #[inline]
    pub fn thumbnail_url(mut self, url: impl Into<Cow<'a, str>>) -> Line<'a> {
        self.thumbnail_url = Some(url.into());
        self
    }

    /// Whether order-level discounts apply to this line (default: no).
    ///
    /// ```
    /// # use dintero_order_core::{Line, UnitPrice, VatRate};
    /// let line = Line::new("sku", "Chair", UnitPrice::minor(100), VatRate::ZERO)
    ///     .eligible_for_discount(true);
    /// # let _ = line;
    /// ```
    #[inline]
    pub fn eligible_for_discount(mut self, eligible: bool) -> Line<'a> {
        self.eligible_for_discount = Some(eligible);
        self
    }
}
