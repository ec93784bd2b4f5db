//! The wire form of the shipping option (`order.shipping_option`) and its parts.

use serde::{Deserialize, Deserializer};

use crate::json::{number, parse};
use crate::order::item::{FeeSplit, PayoutSplit};
use crate::order::shipping::{EnvironmentalData, EnvironmentalDetail};
use crate::{DeliveryMethod, ShippingOption, VatRate};

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
