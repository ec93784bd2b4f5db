//! A validated order line (`order.items[]`) and its discount records.

use rust_decimal::Decimal;
use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::json::{number, parse};
use crate::order::item_text::{ItemText, TextField, WireStr};
use crate::{Quantity, Store, VatRate};

/// The item `type` Dintero knows.
///
/// Only [`GiftCard`](ItemType::GiftCard) and [`Surcharge`](ItemType::Surcharge) (rounding)
/// lines may have a negative amount.
///
/// ```
/// use dintero_order_core::ItemType;
/// assert_eq!(serde_json::to_string(&ItemType::GiftCard).unwrap(), "\"gift_card\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemType {
    /// Goods that must be delivered or handed over.
    Physical,
    /// Goods that need no shipping.
    Digital,
    /// Services such as maintenance.
    Service,
    /// Use of a gift card; the amount is usually negative.
    GiftCard,
    /// Shipping of the order.
    Shipping,
    /// Extra costs, such as taxes or necessary rounding.
    Surcharge,
}

impl ItemType {
    /// Whether lines of this type may have a negative amount.
    pub(crate) fn allows_negative_amount(self) -> bool {
        matches!(self, ItemType::GiftCard | ItemType::Surcharge)
    }
}

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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "a discount line (a JSON object)")]
pub struct DiscountLine {
    #[serde(deserialize_with = "number::amount")]
    pub(crate) amount: i64,
    #[serde(
        default,
        with = "number::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub(crate) percentage: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) discount_type: Option<DiscountType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) discount_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) description: Option<String>,
    #[serde(
        default,
        deserialize_with = "number::amount_opt",
        skip_serializing_if = "Option::is_none"
    )]
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

/// A product group a line belongs to (`groups[]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "a product group (a JSON object)")]
pub(crate) struct ItemGroup {
    pub(crate) id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) name: Option<String>,
}

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
    // Klarna's extra merchant data: a large schema of its own, passed through unchanged.
    pub(crate) emd: Option<Box<serde_json::Value>>,
    pub(crate) store: Option<Box<Store>>,
}

impl ItemExtras {
    /// Whether nothing is set (what `Default` gives).
    fn is_empty(&self) -> bool {
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
    fn field_count(&self) -> usize {
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

/// Writes `value` under `key` when there is one; an absent field is left out, never `null`.
fn optional<S: serde::ser::SerializeStruct, T: Serialize + ?Sized>(
    out: &mut S,
    key: &'static str,
    value: Option<&T>,
) -> Result<(), S::Error> {
    match value {
        Some(value) => out.serialize_field(key, value),
        None => Ok(()),
    }
}

/// A decimal written as a JSON number (see [`number::serialize_decimal`]).
struct JsonNumber(Decimal);

impl Serialize for JsonNumber {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        number::serialize_decimal(&self.0, serializer)
    }
}

/// Dintero's fields in a fixed order, absent ones omitted. Written field by field rather
/// than through a derived view struct: building that view copied about 200 bytes per line.
impl Serialize for OrderItem {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;

        let extras = self.extras.as_deref();
        let [id, line_id, description, thumbnail_url] = self.text.fields();
        let mut out = serializer.serialize_struct("OrderItem", self.field_count())?;
        optional(&mut out, "id", id)?;
        optional(&mut out, "line_id", line_id)?;
        optional(&mut out, "description", description)?;
        optional(&mut out, "quantity", self.quantity.as_ref())?;
        out.serialize_field("amount", &self.amount)?;
        optional(&mut out, "vat_amount", self.vat_amount.as_ref())?;
        optional(&mut out, "vat", self.vat.as_ref())?;
        optional(&mut out, "type", self.kind.as_ref())?;
        if let Some(extras) = extras {
            let groups = Some(&extras.groups).filter(|groups| !groups.is_empty());
            optional(&mut out, "groups", groups)?;
            let measures = [
                ("unit_volume", extras.unit_volume),
                ("unit_weight", extras.unit_weight),
                ("unit_dimensional_weight", extras.unit_dimensional_weight),
            ];
            for (name, value) in measures {
                optional(&mut out, name, value.map(JsonNumber).as_ref())?;
            }
        }
        optional(&mut out, "thumbnail_url", thumbnail_url)?;
        optional(
            &mut out,
            "eligible_for_discount",
            self.eligible_for_discount.as_ref(),
        )?;
        if let Some(extras) = extras {
            optional(&mut out, "is_changed", extras.is_changed.as_ref())?;
            let discounts = Some(&extras.discount_lines).filter(|lines| !lines.is_empty());
            optional(&mut out, "discount_lines", discounts)?;
            optional(&mut out, "fee_split", extras.fee_split.as_ref())?;
            optional(&mut out, "splits", extras.splits.as_ref())?;
            optional(&mut out, "emd", extras.emd.as_ref())?;
            optional(&mut out, "store", extras.store.as_ref())?;
        }
        out.end()
    }
}

/// Generates [`ItemKey`], one variant per key an `order.items[]` object may have, and
/// [`ITEM_KEYS`], their names in the order serde's "unknown field" message lists them.
macro_rules! item_keys {
    ($($key:ident = $name:literal,)*) => {
        /// A key of an `order.items[]` object.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        enum ItemKey {
            $($key,)*
        }

        /// The keys of an `order.items[]` object, as serde's messages list them.
        const ITEM_KEYS: &[&str] = &[$($name,)*];

        impl ItemKey {
            /// Every key, in declaration order (the order items are written in).
            const ALL: &[ItemKey] = &[$(ItemKey::$key,)*];

            /// Whether `name` is this key's name (compared with the name as a constant).
            #[inline]
            fn is(self, name: &str) -> bool {
                match self {
                    $(ItemKey::$key => name == $name,)*
                }
            }

            #[inline]
            fn from_name(name: &str) -> Option<ItemKey> {
                match name {
                    $($name => Some(ItemKey::$key),)*
                    _ => None,
                }
            }

            fn name(self) -> &'static str {
                match self {
                    $(ItemKey::$key => $name,)*
                }
            }
        }
    };
}

item_keys! {
    Id = "id",
    LineId = "line_id",
    Description = "description",
    Quantity = "quantity",
    Amount = "amount",
    VatAmount = "vat_amount",
    Vat = "vat",
    Kind = "type",
    Groups = "groups",
    UnitVolume = "unit_volume",
    UnitWeight = "unit_weight",
    UnitDimensionalWeight = "unit_dimensional_weight",
    ThumbnailUrl = "thumbnail_url",
    EligibleForDiscount = "eligible_for_discount",
    IsChanged = "is_changed",
    DiscountLines = "discount_lines",
    FeeSplit = "fee_split",
    Splits = "splits",
    Emd = "emd",
    Store = "store",
    GrossAmount = "gross_amount",
    Version = "version",
}

impl ItemKey {
    /// This key's bit in a set of the keys seen (fewer than 32 keys).
    #[inline]
    fn bit(self) -> u32 {
        1 << self as u32
    }
}

impl ItemKey {
    /// The key written after this one, in the order items are written.
    #[inline]
    fn next(self) -> Option<ItemKey> {
        ItemKey::ALL.get(self as usize + 1).copied()
    }
}

/// Reads an item's key, trying first the key expected next: a body this library wrote lists
/// an item's keys in the order [`OrderItem`]'s `Serialize` writes them, so one comparison
/// usually finds the key.
struct KeySeed {
    expected: Option<ItemKey>,
}

impl<'de> de::DeserializeSeed<'de> for KeySeed {
    type Value = ItemKey;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<ItemKey, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl Visitor<'_> for KeySeed {
    type Value = ItemKey;

    // What serde's derive says of a key.
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("field identifier")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<ItemKey, E> {
        match self.expected {
            Some(expected) if expected.is(name) => Ok(expected),
            _ => ItemKey::from_name(name).ok_or_else(|| E::unknown_field(name, ITEM_KEYS)),
        }
    }
}

/// A JSON number as an exact decimal that the item can write back, `null` refused (see
/// [`number::deserialize_written`]).
struct WireDecimal(Decimal);

impl<'de> Deserialize<'de> for WireDecimal {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<WireDecimal, D::Error> {
        number::deserialize_written(deserializer).map(WireDecimal)
    }
}

// Written by hand rather than derived into a wire struct and converted: that struct was
// 328 bytes, moved several times per line, and its rare fields were gathered into an
// `ItemExtras` that was built and dropped for every line. Here the common fields go straight
// into locals and a rare one boxes the extras when it first appears.
/// Reads an `order.items[]` object field by field into the item it becomes. Messages are
/// serde's own, word for word: "missing field `amount`", "duplicate field `id`",
/// "unknown field `x`, expected one of …", and each value's type error.
///
/// Besides the fields of [`OrderItem`] an object may hold the read-only fields Dintero sets
/// itself (`gross_amount`, `version`): they are type-checked and dropped, since a request
/// never needs them and Dintero ignores them in one. Strings are borrowed from the input
/// where they can be, then copied once into the item's buffer.
impl<'de> Deserialize<'de> for OrderItem {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<OrderItem, D::Error> {
        deserializer.deserialize_struct("OrderItem", ITEM_KEYS, ItemVisitor)
    }
}

/// See [`OrderItem`]'s `Deserialize`.
struct ItemVisitor;

impl<'de> Visitor<'de> for ItemVisitor {
    type Value = OrderItem;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an order item (a JSON object)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<OrderItem, A::Error> {
        let mut id = None;
        let mut line_id = None;
        let mut description = None;
        let mut thumbnail_url = None;
        let mut quantity = None;
        let mut amount = None;
        let mut vat_amount = None;
        let mut vat = None;
        let mut kind = None;
        let mut eligible_for_discount = None;
        let mut extras: Option<Box<ItemExtras>> = None;
        let mut seen = 0_u32;
        let mut expected = ItemKey::ALL.first().copied();
        while let Some(key) = map.next_key_seed(KeySeed { expected })? {
            if seen & key.bit() != 0 {
                return Err(de::Error::duplicate_field(key.name()));
            }
            seen |= key.bit();
            expected = key.next();
            match key {
                ItemKey::Id => id = map.next_value::<Option<WireStr<'de>>>()?,
                ItemKey::LineId => line_id = map.next_value::<Option<WireStr<'de>>>()?,
                ItemKey::Description => description = map.next_value::<Option<WireStr<'de>>>()?,
                ItemKey::ThumbnailUrl => {
                    thumbnail_url = map.next_value::<Option<WireStr<'de>>>()?;
                }
                ItemKey::Quantity => quantity = map.next_value()?,
                ItemKey::Amount => amount = Some(map.next_value::<number::Amount>()?.0),
                ItemKey::VatAmount => {
                    vat_amount = map.next_value::<Option<number::Amount>>()?.map(|a| a.0);
                }
                ItemKey::Vat => vat = map.next_value()?,
                ItemKey::Kind => kind = map.next_value()?,
                ItemKey::EligibleForDiscount => eligible_for_discount = map.next_value()?,
                ItemKey::GrossAmount | ItemKey::Version => {
                    map.next_value::<Option<parse::IgnoredNumber>>()?;
                }
                rare => read_extra(&mut map, rare, extras.get_or_insert_default())?,
            }
        }
        let amount = amount.ok_or_else(|| de::Error::missing_field("amount"))?;
        let text = [&id, &line_id, &description, &thumbnail_url]
            .map(|field| field.as_ref().map(WireStr::as_str));
        let text = ItemText::single(text).map_err(de::Error::custom)?;
        Ok(OrderItem {
            text,
            quantity,
            amount,
            vat_amount,
            vat,
            kind,
            eligible_for_discount,
            // Set but empty (`"groups": []`) is as good as absent, so equal items compare equal.
            extras: extras.filter(|extras| !extras.is_empty()),
        })
    }
}

/// Reads the value of one of the fields few lines carry into `extras`.
fn read_extra<'de, A: MapAccess<'de>>(
    map: &mut A,
    key: ItemKey,
    extras: &mut ItemExtras,
) -> Result<(), A::Error> {
    match key {
        ItemKey::Groups => extras.groups = map.next_value::<parse::ObjectList<_>>()?.0,
        ItemKey::UnitVolume => extras.unit_volume = measure(map)?,
        ItemKey::UnitWeight => extras.unit_weight = measure(map)?,
        ItemKey::UnitDimensionalWeight => extras.unit_dimensional_weight = measure(map)?,
        ItemKey::IsChanged => extras.is_changed = map.next_value()?,
        ItemKey::DiscountLines => {
            extras.discount_lines = map.next_value::<parse::ObjectList<_>>()?.0;
        }
        ItemKey::FeeSplit => {
            extras.fee_split = map
                .next_value::<Option<parse::Obj<_>>>()?
                .map(|parse::Obj(v)| v);
        }
        ItemKey::Splits => {
            let splits = map.next_value::<Option<parse::ObjectList<_>>>()?;
            extras.splits = splits.map(|parse::ObjectList(splits)| splits);
        }
        ItemKey::Emd => {
            let emd = map.next_value::<Option<parse::UniqueValue>>()?;
            extras.emd = emd.map(|parse::UniqueValue(value)| Box::new(value));
        }
        ItemKey::Store => {
            extras.store = map
                .next_value::<Option<parse::Obj<_>>>()?
                .map(|parse::Obj(v)| v);
        }
        // The common fields, read by the visitor itself.
        _ => {}
    }
    Ok(())
}

/// A unit measure, as serde's `with = "number::option"` read one: a number, `null` refused.
fn measure<'de, A: MapAccess<'de>>(map: &mut A) -> Result<Option<Decimal>, A::Error> {
    map.next_value().map(|WireDecimal(value)| Some(value))
}

/// One entry of `splits`: the part of a line's amount paid out to one seller.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "a payout split (a JSON object)")]
pub(crate) struct PayoutSplit {
    pub(crate) payout_destination_id: String,
    #[serde(deserialize_with = "number::amount")]
    pub(crate) amount: i64,
}

/// `fee_split`: how Dintero's fees are shared between the payout destinations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "a fee split (a JSON object)")]
pub(crate) struct FeeSplit {
    #[serde(rename = "type")]
    pub(crate) kind: FeeSplitKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) destinations: Option<Vec<String>>,
}

/// The only fee split Dintero defines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum FeeSplitKind {
    /// Fees are shared in proportion to the split amounts.
    Proportional,
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

#[cfg(test)]
mod tests {
    use super::{ItemKey, OrderItem};

    /// The keys serde_json writes for `item` (sorted), to check the declared count against.
    fn written_keys(item: &OrderItem) -> Vec<String> {
        match serde_json::to_value(item) {
            Ok(serde_json::Value::Object(map)) => map.keys().cloned().collect(),
            other => panic!("an item serializes to an object, got {other:?}"),
        }
    }

    fn parse(json: &str) -> OrderItem {
        match serde_json::from_str(json) {
            Ok(item) => item,
            Err(error) => panic!("{error}: {json}"),
        }
    }

    /// serde_json's message for a body that must not parse as an item.
    fn error(json: &str) -> String {
        match serde_json::from_str::<OrderItem>(json) {
            Ok(item) => panic!("parsed {item:?} from {json}"),
            Err(error) => error.to_string(),
        }
    }

    #[test]
    fn hand_written_parsing_words_its_errors_as_serde_derive_does() {
        let cases = [
            (
                r#"{"id":"a"}"#,
                "missing field `amount` at line 1 column 10",
            ),
            (
                r#"{"amount":1,"id":"a","id":"b"}"#,
                "duplicate field `id` at line 1 column 25",
            ),
            // A unit measure is a number when present, never `null`.
            (
                r#"{"amount":1,"unit_weight":null}"#,
                "invalid type: null, expected a JSON number at line 1 column 31",
            ),
            // A field is repeated even when it was `null` the first time.
            (
                r#"{"vat":null,"amount":1,"vat":25}"#,
                "duplicate field `vat` at line 1 column 28",
            ),
            (
                r#"{"amount":"1"}"#,
                r#"invalid type: string "1", expected i64 at line 1 column 14"#,
            ),
            (
                r#"{"amount":1,"line_id":2}"#,
                "invalid type: integer `2`, expected a string at line 1 column 23",
            ),
            (
                r#"{"amount":1,"vat":101}"#,
                "VAT rate must be between 0 and 100 percent at line 1 column 22",
            ),
            (
                r#"{"amount":1,"groups":[{"id":"g","x":1}]}"#,
                "unknown field `x`, expected `id` or `name` at line 1 column 35",
            ),
            (
                r#"{"amount":1,"amout":1}"#,
                "unknown field `amout`, expected one of `id`, `line_id`, `description`, \
                 `quantity`, `amount`, `vat_amount`, `vat`, `type`, `groups`, `unit_volume`, \
                 `unit_weight`, `unit_dimensional_weight`, `thumbnail_url`, \
                 `eligible_for_discount`, `is_changed`, `discount_lines`, `fee_split`, `splits`, \
                 `emd`, `store`, `gross_amount`, `version` at line 1 column 19",
            ),
            // An item is an object, never an array of its fields in order (as `Order` reads it).
            (
                "[1]",
                "invalid type: sequence, expected an order item (a JSON object) at line 1 column 1",
            ),
        ];
        for (json, message) in cases {
            assert_eq!(error(json), message, "{json}");
        }
    }

    #[test]
    fn keys_are_found_in_any_order() {
        let written = r#"{"id":"a","line_id":"1","description":"Stol","quantity":2,"amount":5,
            "vat_amount":1,"vat":25,"type":"physical","thumbnail_url":"https://x.example/a.png",
            "eligible_for_discount":true}"#;
        let shuffled = r#"{"eligible_for_discount":true,"vat":25,"amount":5,"id":"a",
            "thumbnail_url":"https://x.example/a.png","type":"physical","quantity":2,
            "description":"Stol","vat_amount":1,"line_id":"1"}"#;
        let item = parse(written);
        assert_eq!(parse(shuffled), item);
        assert_eq!(
            serde_json::to_string(&item).ok().as_deref(),
            Some(&*written.replace(['\n', ' '], ""))
        );
        // Each key is itself and no other, and the keys follow each other in written order.
        for key in ItemKey::ALL {
            for other in ItemKey::ALL {
                assert_eq!(key.is(other.name()), key == other, "{key:?} {other:?}");
            }
        }
        let mut order = vec![ItemKey::Id];
        while let Some(next) = order.last().and_then(|key| key.next()) {
            order.push(next);
        }
        assert_eq!(order, ItemKey::ALL);
    }

    #[test]
    fn read_only_fields_are_checked_and_dropped_and_empty_extras_are_absent() {
        let copied = parse(r#"{"amount":5,"gross_amount":5,"version":2,"id":null,"groups":[]}"#);
        assert_eq!(copied, parse(r#"{"amount":5}"#));
        assert!(copied.extras.is_none() && copied.id().is_none());
        assert_eq!(
            error(r#"{"amount":5,"version":"2"}"#),
            r#"invalid type: string "2", expected a JSON number at line 1 column 26"#
        );
        let escaped =
            parse(r#"{"amount":5,"id":"a\u00e5","description":"Stol","thumbnail_url":"u"}"#);
        assert_eq!(
            (
                escaped.id(),
                escaped.line_id(),
                escaped.description(),
                escaped.thumbnail_url()
            ),
            (Some("aå"), None, Some("Stol"), Some("u"))
        );
    }

    #[test]
    fn the_declared_field_count_is_the_number_of_fields_written() {
        let every_field = r#"{"id":"a","line_id":"1","description":"Stol","quantity":2,
            "amount":1000,"vat_amount":200,"vat":25,"type":"physical","groups":[{"id":"g"}],
            "unit_volume":0.5,"unit_weight":1.5,"unit_dimensional_weight":6,
            "thumbnail_url":"https://shop.example/a.png","eligible_for_discount":true,
            "is_changed":false,"discount_lines":[{"amount":10}],
            "fee_split":{"type":"proportional","destinations":["s"]},
            "splits":[{"payout_destination_id":"s","amount":1000}],"emd":{"x":1},
            "store":{"id":"shop"}}"#;
        let item = parse(every_field);
        assert_eq!(written_keys(&item).len(), 20);
        assert_eq!(item.field_count(), 20);

        let fewest = parse(r#"{"amount":1000}"#);
        assert_eq!(written_keys(&fewest), ["amount"]);
        assert_eq!(fewest.field_count(), 1);

        let some = parse(r#"{"id":"a","amount":5,"unit_weight":2,"splits":[]}"#);
        assert_eq!(
            written_keys(&some),
            ["amount", "id", "splits", "unit_weight"]
        );
        assert_eq!(some.field_count(), 4);
    }
}
