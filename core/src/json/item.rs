//! The wire form of an order line (`order.items[]`), written and read by hand for speed (its
//! discount records and payout splits are in `item_parts.rs`).

use rust_decimal::Decimal;
use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::OrderItem;
use crate::json::text::WireStr;
use crate::json::{number, parse};
use crate::order::item::ItemExtras;
use crate::order::item_text::{ItemText, TextArena};

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
        deserializer.deserialize_struct("OrderItem", ITEM_KEYS, ItemVisitor { arena: None })
    }
}

/// See [`OrderItem`]'s `Deserialize`. With an arena (an order's items, see
/// [`items`]), the item's text goes into it, to be attached when the list is
/// read; without one, into a buffer of the item's own.
struct ItemVisitor<'a> {
    arena: Option<&'a mut TextArena>,
}

impl<'de> Visitor<'de> for ItemVisitor<'_> {
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
        let text = match self.arena {
            Some(arena) => arena.push(text).map(ItemText::unattached),
            None => ItemText::single(text),
        }
        .map_err(de::Error::custom)?;
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

/// `deserialize_with` for `order.items`: every item's text goes into one buffer the items
/// share, as a built order's do, instead of one buffer (two allocations) per item.
/// Messages are those of a plain list of objects.
pub(crate) fn items<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<OrderItem>, D::Error> {
    deserializer.deserialize_seq(ItemsVisitor)
}

struct ItemsVisitor;

impl<'de> Visitor<'de> for ItemsVisitor {
    type Value = Vec<OrderItem>;

    // What serde says of any list, so messages stay the same.
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<OrderItem>, A::Error> {
        let mut arena = TextArena::default();
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(ItemSeed { arena: &mut arena })? {
            items.push(item);
        }
        let text = arena.finish();
        for item in &mut items {
            item.text.attach(&text);
        }
        Ok(items)
    }
}

/// One item of an order's list, read only from a JSON object, its text into `arena`.
struct ItemSeed<'a> {
    arena: &'a mut TextArena,
}

impl<'de> de::DeserializeSeed<'de> for ItemSeed<'_> {
    type Value = OrderItem;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<OrderItem, D::Error> {
        let visitor = ItemVisitor {
            arena: Some(self.arena),
        };
        parse::ObjectOnly(deserializer).deserialize_struct("OrderItem", ITEM_KEYS, visitor)
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
