//! The wire form of the shipping option (`order.shipping_option`) and its parts.

use rust_decimal::Decimal;
use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::json::{number, parse};
use crate::order::item::{FeeSplit, PayoutSplit};
use crate::order::shipping_types::{EnvironmentalData, EnvironmentalDetail};
use crate::{DeliveryMethod, ShipmentItem, ShippingOption, VatRate};

/// [`ShippingOption`] as read.
#[derive(Deserialize)]
#[serde(
    remote = "ShippingOption",
    rename = "ShippingOption",
    deny_unknown_fields,
    expecting = "a shipping option (a JSON object)"
)]
struct ShippingOptionWire {
    id: String,
    line_id: String,
    #[serde(deserialize_with = "number::amount")]
    amount: i64,
    #[serde(default, deserialize_with = "number::amount_opt")]
    vat_amount: Option<i64>,
    #[serde(default)]
    vat: Option<VatRate>,
    operator: String,
    title: String,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    delivery_method: Option<DeliveryMethod>,
    #[serde(default)]
    operator_product_id: Option<String>,
    #[serde(default)]
    thumbnail_url: Option<String>,
    #[serde(default)]
    countries: Option<Vec<String>>,
    #[serde(default, deserialize_with = "parse::unique_value_opt")]
    eta: Option<serde_json::Value>,
    #[serde(default, deserialize_with = "parse::unique_value_opt")]
    time_slot: Option<serde_json::Value>,
    #[serde(default, deserialize_with = "parse::unique_value_opt")]
    pick_up_address: Option<serde_json::Value>,
    #[serde(default, deserialize_with = "parse::unique_object_opt")]
    metadata: Option<serde_json::Map<String, serde_json::Value>>,
    #[serde(default, deserialize_with = "parse::object_opt")]
    environmental_data: Option<EnvironmentalData>,
    #[serde(default, deserialize_with = "parse::object_opt")]
    fee_split: Option<FeeSplit>,
    #[serde(default, deserialize_with = "parse::objects_opt")]
    splits: Option<Vec<PayoutSplit>>,
    #[serde(default, deserialize_with = "parse::unique_value_opt")]
    pay_in_store: Option<serde_json::Value>,
    #[serde(default, deserialize_with = "parse::unique_value_opt")]
    shipments: Option<serde_json::Value>,
    #[serde(default)]
    shipment_id: Option<String>,
    #[serde(default, deserialize_with = "parse::objects_opt")]
    shipment_items: Option<Vec<ShipmentItem>>,
}

impl<'de> Deserialize<'de> for ShippingOption {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<ShippingOption, D::Error> {
        ShippingOptionWire::deserialize(deserializer)
    }
}

/// [`EnvironmentalData`] as read.
#[derive(Deserialize)]
#[serde(
    remote = "EnvironmentalData",
    rename = "EnvironmentalData",
    deny_unknown_fields,
    expecting = "environmental data (a JSON object)"
)]
struct EnvironmentalDataWire {
    description: String,
    #[serde(default, deserialize_with = "parse::objects")]
    details: Vec<EnvironmentalDetail>,
}

impl<'de> Deserialize<'de> for EnvironmentalData {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<EnvironmentalData, D::Error> {
        EnvironmentalDataWire::deserialize(deserializer)
    }
}

/// [`ShipmentItem`] as read: `quantity` exactly from its JSON text (the session checks it).
#[derive(Deserialize)]
#[serde(
    remote = "ShipmentItem",
    rename = "ShipmentItem",
    deny_unknown_fields,
    expecting = "a shipment item (a JSON object)"
)]
struct ShipmentItemWire {
    line_id: String,
    #[serde(default, deserialize_with = "some_decimal")]
    quantity: Option<Decimal>,
}

/// `deserialize_with` for an optional exact decimal: `null` is none.
fn some_decimal<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Decimal>, D::Error> {
    struct Exact(Decimal);

    impl<'de> Deserialize<'de> for Exact {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Exact, D::Error> {
            number::deserialize_decimal(deserializer).map(Exact)
        }
    }

    Option::<Exact>::deserialize(deserializer).map(|exact| exact.map(|Exact(value)| value))
}

impl<'de> Deserialize<'de> for ShipmentItem {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<ShipmentItem, D::Error> {
        ShipmentItemWire::deserialize(deserializer)
    }
}

impl Serialize for ShipmentItem {
    /// `quantity` as a JSON number, like an item's (`2`, `1.5`).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let len = 1 + usize::from(self.quantity.is_some());
        let mut out = serializer.serialize_struct("ShipmentItem", len)?;
        out.serialize_field("line_id", &self.line_id)?;
        if let Some(quantity) = &self.quantity {
            out.serialize_field("quantity", &Number(quantity))?;
        }
        out.end()
    }
}

/// A decimal written as a JSON number.
struct Number<'a>(&'a Decimal);

impl Serialize for Number<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        number::serialize_decimal(self.0, serializer)
    }
}
