//! The wire forms of an order line's discount records and payout splits.

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::DiscountType;
use crate::json::number;
use crate::order::item::{DiscountLine, PayoutSplit};

/// [`DiscountLine`] on the wire, both ways.
#[derive(Serialize, Deserialize)]
#[serde(
    remote = "DiscountLine",
    rename = "DiscountLine",
    deny_unknown_fields,
    expecting = "a discount line (a JSON object)"
)]
struct DiscountLineWire {
    #[serde(deserialize_with = "number::amount")]
    amount: i64,
    #[serde(
        default,
        with = "number::option",
        skip_serializing_if = "Option::is_none"
    )]
    percentage: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    discount_type: Option<DiscountType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    discount_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(
        default,
        deserialize_with = "number::amount_opt",
        skip_serializing_if = "Option::is_none"
    )]
    line_id: Option<i64>,
}

impl Serialize for DiscountLine {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        DiscountLineWire::serialize(self, serializer)
    }
}

impl<'de> Deserialize<'de> for DiscountLine {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<DiscountLine, D::Error> {
        DiscountLineWire::deserialize(deserializer)
    }
}

/// [`PayoutSplit`] as read.
#[derive(Deserialize)]
#[serde(
    remote = "PayoutSplit",
    rename = "PayoutSplit",
    deny_unknown_fields,
    expecting = "a payout split (a JSON object)"
)]
struct PayoutSplitWire {
    payout_destination_id: String,
    #[serde(deserialize_with = "number::amount")]
    amount: i64,
}

impl<'de> Deserialize<'de> for PayoutSplit {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<PayoutSplit, D::Error> {
        PayoutSplitWire::deserialize(deserializer)
    }
}
