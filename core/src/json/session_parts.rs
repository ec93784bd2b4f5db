//! The wire forms of a session's parts: express checkout, checkboxes, configuration, customer,
//! `expires_at`.

use std::time::UNIX_EPOCH;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

use crate::session::expires_at::{ExpiresAt, describe};
use crate::{
    Checkbox, CheckboxLink, Configuration, Customer, DiscountCodes, Express, ShippingOption,
};
use crate::{CustomerType, ShippingMode};

/// [`Express`] as read.
#[derive(Deserialize)]
#[serde(
    remote = "Express",
    rename = "Express",
    deny_unknown_fields,
    expecting = "the express object (a JSON object)"
)]
struct ExpressWire {
    #[serde(deserialize_with = "crate::json::parse::objects")]
    shipping_options: Vec<ShippingOption>,
    #[serde(default)]
    shipping_mode: Option<ShippingMode>,
    #[serde(default)]
    shipping_address_callback_url: Option<String>,
    #[serde(default, deserialize_with = "crate::json::parse::object_opt")]
    discount_codes: Option<DiscountCodes>,
    #[serde(default)]
    customer_types: Vec<CustomerType>,
    #[serde(default)]
    default_different_billing_shipping_address: Vec<CustomerType>,
}

impl<'de> Deserialize<'de> for Express {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Express, D::Error> {
        ExpressWire::deserialize(deserializer)
    }
}

/// [`DiscountCodes`] as read.
#[derive(Deserialize)]
#[serde(
    remote = "DiscountCodes",
    rename = "DiscountCodes",
    deny_unknown_fields,
    expecting = "the discount codes settings (a JSON object)"
)]
struct DiscountCodesWire {
    #[serde(default, deserialize_with = "crate::json::number::count_opt")]
    max_count: Option<u32>,
    #[serde(default)]
    callback_url: Option<String>,
}

impl<'de> Deserialize<'de> for DiscountCodes {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<DiscountCodes, D::Error> {
        DiscountCodesWire::deserialize(deserializer)
    }
}

/// [`Checkbox`] as read.
#[derive(Deserialize)]
#[serde(
    remote = "Checkbox",
    rename = "Checkbox",
    deny_unknown_fields,
    expecting = "a checkbox (a JSON object)"
)]
struct CheckboxWire {
    id: String,
    label: String,
    #[serde(default)]
    checked: Option<bool>,
    #[serde(default)]
    required: Option<bool>,
    #[serde(default, deserialize_with = "crate::json::parse::object_opt")]
    link: Option<CheckboxLink>,
}

impl<'de> Deserialize<'de> for Checkbox {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Checkbox, D::Error> {
        CheckboxWire::deserialize(deserializer)
    }
}

/// [`Configuration`] as read.
#[derive(Deserialize)]
#[serde(remote = "Configuration", rename = "Configuration", transparent)]
struct ConfigurationWire {
    #[serde(deserialize_with = "crate::json::parse::unique_object")]
    fields: Map<String, Value>,
}

impl<'de> Deserialize<'de> for Configuration {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Configuration, D::Error> {
        ConfigurationWire::deserialize(deserializer)
    }
}

/// [`Customer`] as read.
#[derive(Deserialize)]
#[serde(
    remote = "Customer",
    rename = "Customer",
    deny_unknown_fields,
    expecting = "the customer (a JSON object)"
)]
struct CustomerWire {
    #[serde(default)]
    customer_id: Option<String>,
    #[serde(default)]
    email: Option<String>,
    #[serde(default)]
    phone_number: Option<String>,
    #[serde(default, deserialize_with = "crate::json::parse::unique_object")]
    tokens: Map<String, Value>,
    #[serde(default, deserialize_with = "crate::json::parse::unique_object")]
    gift_cards: Map<String, Value>,
}

impl<'de> Deserialize<'de> for Customer {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Customer, D::Error> {
        CustomerWire::deserialize(deserializer)
    }
}

/// `expires_at` on the wire: RFC 3339 text, as it was written or from the instant.
impl Serialize for ExpiresAt {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.written() {
            Some(text) => serializer.serialize_str(&text),
            // Unreachable for a checked session; an error rather than a panic all the same.
            None => Err(serde::ser::Error::custom(format_args!(
                "expires_at: expected a date-time from 0000-01-01T00:00:00Z to 9999-12-31T23:59:59Z, found {}",
                describe(self.instant().unwrap_or(UNIX_EPOCH))
            ))),
        }
    }
}
