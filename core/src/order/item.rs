//! A validated order line (`order.items[]`) and its discount records.

use rust_decimal::Decimal;

use crate::order::item_text::{ItemText, TextField};
use crate::{Quantity, Store, VatRate};

mod discount_line;
mod kind;
mod parts;

pub use discount_line::{DiscountLine, DiscountType};
pub use kind::ItemType;
pub use parts::{FeeSplit, ItemGroup, PayoutSplit};

/// One validated line of an order (`order.items[]`): amounts in minor units, VAT consistent.
///
/// Built by [`OrderBuilder::build`](crate::OrderBuilder::build) or parsed; read it through its
/// accessors.
///
/// ```
/// use dintero_order_core::{Currency, Line, Order, UnitPrice, VatRate};
/// use rust_decimal_macros::dec;
///
/// let vat = VatRate::from_whole_percent(25).unwrap();
/// let order = Order::builder(Currency::NOK, "o-1")
///     .line(Line::new("chair-1", "Stablestol", UnitPrice::major(dec!(299.90)), vat))
///     .build()
///     .unwrap();
/// let item = &order.items()[0];
/// assert_eq!(item.line_id(), Some("1"));
/// assert_eq!((item.amount(), item.vat_amount()), (29990, Some(5998)));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct OrderItem {
    /// `id`, `line_id`, `description` and `thumbnail_url`, in a buffer shared by the order's
    /// lines (see [`ItemText`]).
    pub(crate) text: ItemText,
    pub(crate) quantity: Option<Quantity>,
    pub(crate) amount: i64,
    pub(crate) vat_amount: Option<i64>,
    pub(crate) vat: Option<VatRate>,
    pub(crate) kind: Option<ItemType>,
    pub(crate) eligible_for_discount: Option<bool>,
    /// What few lines carry, behind one box (see [`ItemExtras`]); `None` when all empty.
    pub(crate) extras: Option<Box<ItemExtras>>,
}

/// The fields of an order line that few lines carry: product groups, unit measures, discount
/// records, payout splits, Klarna's extra merchant data, a store. Inline they made every line
/// about 150 bytes larger, bytes that building, parsing, serializing and dropping an order
/// write and read for every line.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct ItemExtras {
    pub(crate) groups: Vec<ItemGroup>,
    pub(crate) unit_volume: Option<Decimal>,
    pub(crate) unit_weight: Option<Decimal>,
    pub(crate) unit_dimensional_weight: Option<Decimal>,
    pub(crate) is_changed: Option<bool>,
    pub(crate) discount_lines: Vec<DiscountLine>,
    pub(crate) fee_split: Option<FeeSplit>,
    pub(crate) splits: Option<Vec<PayoutSplit>>,
    // Klarna's extra merchant data: a large schema of its own, kept as JSON and checked
    // against the spec (`crate::spec`).
    pub(crate) emd: Option<Box<serde_json::Value>>,
    pub(crate) store: Option<Box<Store>>,
}

impl ItemExtras {
    /// Whether nothing is set (what `Default` gives).
    pub(crate) fn is_empty(&self) -> bool {
        let ItemExtras {
            groups,
            unit_volume,
            unit_weight,
            unit_dimensional_weight,
            is_changed,
            discount_lines,
            fee_split,
            splits,
            emd,
            store,
        } = self;
        groups.is_empty()
            && unit_volume.is_none()
            && unit_weight.is_none()
            && unit_dimensional_weight.is_none()
            && is_changed.is_none()
            && discount_lines.is_empty()
            && fee_split.is_none()
            && splits.is_none()
            && emd.is_none()
            && store.is_none()
    }
}

impl OrderItem {
    /// How many fields [`Serialize`] writes (formats that are not self-describing need it).
    #[inline]
    pub(crate) fn field_count(&self) -> usize {
        let set = |present: bool| usize::from(present);
        // `amount` is always written; the rare fields only when the item has extras.
        1 + self.text.field_count()
            + set(self.quantity.is_some())
            + set(self.vat_amount.is_some())
            + set(self.vat.is_some())
            + set(self.kind.is_some())
            + set(self.eligible_for_discount.is_some())
            + self.extras.as_deref().map_or(0, |e| {
                set(!e.groups.is_empty())
                    + set(e.unit_volume.is_some())
                    + set(e.unit_weight.is_some())
                    + set(e.unit_dimensional_weight.is_some())
                    + set(e.is_changed.is_some())
                    + set(!e.discount_lines.is_empty())
                    + set(e.fee_split.is_some())
                    + set(e.splits.is_some())
                    + set(e.emd.is_some())
                    + set(e.store.is_some())
            })
    }
}

impl OrderItem {
    /// The product id or SKU.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, ItemType, Line, Order, UnitPrice, VatRate};
    /// # use rust_decimal_macros::dec;
    /// # let line = Line::new("chair-1", "Stablestol", UnitPrice::major(dec!(299.90)), VatRate::from_whole_percent(25).unwrap())
    /// #     .quantity(dec!(2)).kind(ItemType::Physical).unit_weight(dec!(4.5)).unit_volume(dec!(0.25))
    /// #     .unit_dimensional_weight(dec!(6)).thumbnail_url("https://shop.example/chair.png").eligible_for_discount(true);
    /// # let order = Order::builder(Currency::NOK, "o").line(line).build().unwrap();
    /// let item = &order.items()[0];
    /// assert_eq!(item.id(), Some("chair-1"));
    /// ```
    #[inline]
    pub fn id(&self) -> Option<&str> {
        self.text.get(TextField::Id)
    }

    /// The line's id, unique among the order's items and shipping option.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, ItemType, Line, Order, UnitPrice, VatRate};
    /// # use rust_decimal_macros::dec;
    /// # let line = Line::new("chair-1", "Stablestol", UnitPrice::major(dec!(299.90)), VatRate::from_whole_percent(25).unwrap())
    /// #     .quantity(dec!(2)).kind(ItemType::Physical).unit_weight(dec!(4.5)).unit_volume(dec!(0.25))
    /// #     .unit_dimensional_weight(dec!(6)).thumbnail_url("https://shop.example/chair.png").eligible_for_discount(true);
    /// # let order = Order::builder(Currency::NOK, "o").line(line).build().unwrap();
    /// let item = &order.items()[0];
    /// assert_eq!(item.line_id(), Some("1"));
    /// ```
    #[inline]
    pub fn line_id(&self) -> Option<&str> {
        self.text.get(TextField::LineId)
    }

    /// A short description.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, ItemType, Line, Order, UnitPrice, VatRate};
    /// # use rust_decimal_macros::dec;
    /// # let line = Line::new("chair-1", "Stablestol", UnitPrice::major(dec!(299.90)), VatRate::from_whole_percent(25).unwrap())
    /// #     .quantity(dec!(2)).kind(ItemType::Physical).unit_weight(dec!(4.5)).unit_volume(dec!(0.25))
    /// #     .unit_dimensional_weight(dec!(6)).thumbnail_url("https://shop.example/chair.png").eligible_for_discount(true);
    /// # let order = Order::builder(Currency::NOK, "o").line(line).build().unwrap();
    /// let item = &order.items()[0];
    /// assert_eq!(item.description(), Some("Stablestol"));
    /// ```
    #[inline]
    pub fn description(&self) -> Option<&str> {
        self.text.get(TextField::Description)
    }

    /// How many units.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, ItemType, Line, Order, UnitPrice, VatRate};
    /// # use rust_decimal_macros::dec;
    /// # let line = Line::new("chair-1", "Stablestol", UnitPrice::major(dec!(299.90)), VatRate::from_whole_percent(25).unwrap())
    /// #     .quantity(dec!(2)).kind(ItemType::Physical).unit_weight(dec!(4.5)).unit_volume(dec!(0.25))
    /// #     .unit_dimensional_weight(dec!(6)).thumbnail_url("https://shop.example/chair.png").eligible_for_discount(true);
    /// # let order = Order::builder(Currency::NOK, "o").line(line).build().unwrap();
    /// let item = &order.items()[0];
    /// assert_eq!(item.quantity().unwrap().get(), dec!(2));
    /// ```
    pub fn quantity(&self) -> Option<Quantity> {
        self.quantity
    }

    /// The line total in minor units, VAT included, net of its discounts.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, ItemType, Line, Order, UnitPrice, VatRate};
    /// # use rust_decimal_macros::dec;
    /// # let line = Line::new("chair-1", "Stablestol", UnitPrice::major(dec!(299.90)), VatRate::from_whole_percent(25).unwrap())
    /// #     .quantity(dec!(2)).kind(ItemType::Physical).unit_weight(dec!(4.5)).unit_volume(dec!(0.25))
    /// #     .unit_dimensional_weight(dec!(6)).thumbnail_url("https://shop.example/chair.png").eligible_for_discount(true);
    /// # let order = Order::builder(Currency::NOK, "o").line(line).build().unwrap();
    /// let item = &order.items()[0];
    /// assert_eq!(item.amount(), 59980);
    /// ```
    pub fn amount(&self) -> i64 {
        self.amount
    }

    /// The VAT contained in [`amount`](Self::amount), in minor units.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, ItemType, Line, Order, UnitPrice, VatRate};
    /// # use rust_decimal_macros::dec;
    /// # let line = Line::new("chair-1", "Stablestol", UnitPrice::major(dec!(299.90)), VatRate::from_whole_percent(25).unwrap())
    /// #     .quantity(dec!(2)).kind(ItemType::Physical).unit_weight(dec!(4.5)).unit_volume(dec!(0.25))
    /// #     .unit_dimensional_weight(dec!(6)).thumbnail_url("https://shop.example/chair.png").eligible_for_discount(true);
    /// # let order = Order::builder(Currency::NOK, "o").line(line).build().unwrap();
    /// let item = &order.items()[0];
    /// assert_eq!(item.vat_amount(), Some(11996));
    /// ```
    pub fn vat_amount(&self) -> Option<i64> {
        self.vat_amount
    }

    /// The VAT rate.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, ItemType, Line, Order, UnitPrice, VatRate};
    /// # use rust_decimal_macros::dec;
    /// # let line = Line::new("chair-1", "Stablestol", UnitPrice::major(dec!(299.90)), VatRate::from_whole_percent(25).unwrap())
    /// #     .quantity(dec!(2)).kind(ItemType::Physical).unit_weight(dec!(4.5)).unit_volume(dec!(0.25))
    /// #     .unit_dimensional_weight(dec!(6)).thumbnail_url("https://shop.example/chair.png").eligible_for_discount(true);
    /// # let order = Order::builder(Currency::NOK, "o").line(line).build().unwrap();
    /// let item = &order.items()[0];
    /// assert_eq!(item.vat(), VatRate::from_whole_percent(25).ok());
    /// ```
    pub fn vat(&self) -> Option<VatRate> {
        self.vat
    }

    /// The item type.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, ItemType, Line, Order, UnitPrice, VatRate};
    /// # use rust_decimal_macros::dec;
    /// # let line = Line::new("chair-1", "Stablestol", UnitPrice::major(dec!(299.90)), VatRate::from_whole_percent(25).unwrap())
    /// #     .quantity(dec!(2)).kind(ItemType::Physical).unit_weight(dec!(4.5)).unit_volume(dec!(0.25))
    /// #     .unit_dimensional_weight(dec!(6)).thumbnail_url("https://shop.example/chair.png").eligible_for_discount(true);
    /// # let order = Order::builder(Currency::NOK, "o").line(line).build().unwrap();
    /// let item = &order.items()[0];
    /// assert_eq!(item.kind(), Some(ItemType::Physical));
    /// ```
    pub fn kind(&self) -> Option<ItemType> {
        self.kind
    }

    /// Weight of one unit in kg.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, ItemType, Line, Order, UnitPrice, VatRate};
    /// # use rust_decimal_macros::dec;
    /// # let line = Line::new("chair-1", "Stablestol", UnitPrice::major(dec!(299.90)), VatRate::from_whole_percent(25).unwrap())
    /// #     .quantity(dec!(2)).kind(ItemType::Physical).unit_weight(dec!(4.5)).unit_volume(dec!(0.25))
    /// #     .unit_dimensional_weight(dec!(6)).thumbnail_url("https://shop.example/chair.png").eligible_for_discount(true);
    /// # let order = Order::builder(Currency::NOK, "o").line(line).build().unwrap();
    /// let item = &order.items()[0];
    /// assert_eq!(item.unit_weight(), Some(dec!(4.5)));
    /// ```
    pub fn unit_weight(&self) -> Option<Decimal> {
        self.extras.as_ref().and_then(|e| e.unit_weight)
    }

    /// Volume of one unit in m³.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, ItemType, Line, Order, UnitPrice, VatRate};
    /// # use rust_decimal_macros::dec;
    /// # let line = Line::new("chair-1", "Stablestol", UnitPrice::major(dec!(299.90)), VatRate::from_whole_percent(25).unwrap())
    /// #     .quantity(dec!(2)).kind(ItemType::Physical).unit_weight(dec!(4.5)).unit_volume(dec!(0.25))
    /// #     .unit_dimensional_weight(dec!(6)).thumbnail_url("https://shop.example/chair.png").eligible_for_discount(true);
    /// # let order = Order::builder(Currency::NOK, "o").line(line).build().unwrap();
    /// let item = &order.items()[0];
    /// assert_eq!(item.unit_volume(), Some(dec!(0.25)));
    /// ```
    pub fn unit_volume(&self) -> Option<Decimal> {
        self.extras.as_ref().and_then(|e| e.unit_volume)
    }

    /// Dimensional weight of one unit.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, ItemType, Line, Order, UnitPrice, VatRate};
    /// # use rust_decimal_macros::dec;
    /// # let line = Line::new("chair-1", "Stablestol", UnitPrice::major(dec!(299.90)), VatRate::from_whole_percent(25).unwrap())
    /// #     .quantity(dec!(2)).kind(ItemType::Physical).unit_weight(dec!(4.5)).unit_volume(dec!(0.25))
    /// #     .unit_dimensional_weight(dec!(6)).thumbnail_url("https://shop.example/chair.png").eligible_for_discount(true);
    /// # let order = Order::builder(Currency::NOK, "o").line(line).build().unwrap();
    /// let item = &order.items()[0];
    /// assert_eq!(item.unit_dimensional_weight(), Some(dec!(6)));
    /// ```
    pub fn unit_dimensional_weight(&self) -> Option<Decimal> {
        self.extras.as_ref().and_then(|e| e.unit_dimensional_weight)
    }

    /// Thumbnail URL.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, ItemType, Line, Order, UnitPrice, VatRate};
    /// # use rust_decimal_macros::dec;
    /// # let line = Line::new("chair-1", "Stablestol", UnitPrice::major(dec!(299.90)), VatRate::from_whole_percent(25).unwrap())
    /// #     .quantity(dec!(2)).kind(ItemType::Physical).unit_weight(dec!(4.5)).unit_volume(dec!(0.25))
    /// #     .unit_dimensional_weight(dec!(6)).thumbnail_url("https://shop.example/chair.png").eligible_for_discount(true);
    /// # let order = Order::builder(Currency::NOK, "o").line(line).build().unwrap();
    /// let item = &order.items()[0];
    /// assert_eq!(item.thumbnail_url(), Some("https://shop.example/chair.png"));
    /// ```
    #[inline]
    pub fn thumbnail_url(&self) -> Option<&str> {
        self.text.get(TextField::ThumbnailUrl)
    }

    /// Whether order-level discounts apply.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, ItemType, Line, Order, UnitPrice, VatRate};
    /// # use rust_decimal_macros::dec;
    /// # let line = Line::new("chair-1", "Stablestol", UnitPrice::major(dec!(299.90)), VatRate::from_whole_percent(25).unwrap())
    /// #     .quantity(dec!(2)).kind(ItemType::Physical).unit_weight(dec!(4.5)).unit_volume(dec!(0.25))
    /// #     .unit_dimensional_weight(dec!(6)).thumbnail_url("https://shop.example/chair.png").eligible_for_discount(true);
    /// # let order = Order::builder(Currency::NOK, "o").line(line).build().unwrap();
    /// let item = &order.items()[0];
    /// assert_eq!(item.eligible_for_discount(), Some(true));
    /// ```
    pub fn eligible_for_discount(&self) -> Option<bool> {
        self.eligible_for_discount
    }

    /// The discounts this line's amount is already net of.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, ItemType, Line, Order, UnitPrice, VatRate};
    /// # use rust_decimal_macros::dec;
    /// # let line = Line::new("chair-1", "Stablestol", UnitPrice::major(dec!(299.90)), VatRate::from_whole_percent(25).unwrap())
    /// #     .quantity(dec!(2)).kind(ItemType::Physical).unit_weight(dec!(4.5)).unit_volume(dec!(0.25))
    /// #     .unit_dimensional_weight(dec!(6)).thumbnail_url("https://shop.example/chair.png").eligible_for_discount(true);
    /// # let order = Order::builder(Currency::NOK, "o").line(line).build().unwrap();
    /// let item = &order.items()[0];
    /// assert!(item.discount_lines().is_empty());
    /// ```
    pub fn discount_lines(&self) -> &[DiscountLine] {
        self.extras.as_ref().map_or(&[], |e| &e.discount_lines)
    }
}
