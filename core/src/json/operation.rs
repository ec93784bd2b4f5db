//! The wire form of capture and refund bodies (LIFECYCLE-NOTES §1.1, §2): `amount`, the
//! optional reference (and `reason`), `metadata` (and `final_capture`), and `items` with
//! `id`, `line_id`, `description`, `quantity`, `amount`, `vat_amount`, `vat`,
//! `discount_lines`.

use serde::ser::{Serialize, SerializeStruct, Serializer};

use super::number::serialize_decimal;
use crate::lifecycle::capture::Capture;
use crate::lifecycle::metadata::OperationMetadata;
use crate::lifecycle::operation::OperationItem;
use crate::lifecycle::refund::Refund;

/// A decimal written as an exact JSON number.
struct Number<'a>(&'a rust_decimal::Decimal);

impl Serialize for Number<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_decimal(self.0, serializer)
    }
}

/// Metadata as a JSON object, its entries in the order they were set.
impl Serialize for OperationMetadata {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(key, value)| (key, value)))
    }
}

impl Serialize for OperationItem {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut item = serializer.serialize_struct("OperationItem", 8)?;
        optional(&mut item, "id", &self.id)?;
        item.serialize_field("line_id", &self.line_id)?;
        optional(&mut item, "description", &self.description)?;
        item.serialize_field("quantity", &Number(&self.quantity))?;
        item.serialize_field("amount", &self.amount)?;
        item.serialize_field("vat_amount", &self.vat_amount)?;
        match &self.vat {
            Some(vat) => item.serialize_field("vat", &Number(vat))?,
            None => item.skip_field("vat")?,
        }
        if self.discount_lines.is_empty() {
            item.skip_field("discount_lines")?;
        } else {
            item.serialize_field("discount_lines", &self.discount_lines)?;
        }
        item.end()
    }
}

impl Serialize for Capture {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut body = serializer.serialize_struct("Capture", 5)?;
        body.serialize_field("amount", &self.body.amount)?;
        optional(&mut body, "capture_reference", &self.body.reference)?;
        serialize_metadata(&mut body, &self.body.metadata)?;
        body.serialize_field("items", &self.body.items)?;
        if self.final_capture {
            body.serialize_field("final_capture", &true)?;
        } else {
            body.skip_field("final_capture")?;
        }
        body.end()
    }
}

/// `key`, left out when unset.
fn optional<S: SerializeStruct>(
    body: &mut S,
    key: &'static str,
    value: &Option<String>,
) -> Result<(), S::Error> {
    match value {
        Some(value) => body.serialize_field(key, value),
        None => body.skip_field(key),
    }
}

/// `metadata`, left out when there is none.
fn serialize_metadata<S: SerializeStruct>(
    body: &mut S,
    metadata: &OperationMetadata,
) -> Result<(), S::Error> {
    if metadata.is_empty() {
        body.skip_field("metadata")
    } else {
        body.serialize_field("metadata", metadata)
    }
}

/// The bytes of a built body: every quantity was checked to fit a JSON number and every
/// other value is an integer or a string, so serializing cannot fail.
pub(crate) fn write(body: &impl Serialize) -> Vec<u8> {
    match serde_json::to_vec(body) {
        Ok(bytes) => bytes,
        Err(error) => unreachable!("a built capture or refund serializes: {error}"),
    }
}

impl Capture {
    /// The exact JSON of the capture body, for `POST /v1/transactions/{id}/capture`.
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// let tx = Transaction::from_json(br#"{"id":"T","items":[{"line_id":"1","id":"sku","amount":5}]}"#)?;
    /// let body = tx.capture().all().reference("r").build()?.to_json();
    /// assert_eq!(body, br#"{"amount":5,"capture_reference":"r","items":[{"id":"sku","line_id":"1","quantity":1,"amount":5,"vat_amount":0}]}"#);
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn to_json(&self) -> Vec<u8> {
        write(self)
    }
}

impl Serialize for Refund {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut body = serializer.serialize_struct("Refund", 5)?;
        body.serialize_field("amount", &self.body.amount)?;
        optional(&mut body, "reason", &self.reason)?;
        optional(&mut body, "refund_reference", &self.body.reference)?;
        serialize_metadata(&mut body, &self.body.metadata)?;
        body.serialize_field("items", &self.body.items)?;
        body.end()
    }
}

impl Refund {
    /// The exact JSON of the refund body, for `POST /v1/transactions/{id}/refund`.
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// let tx = Transaction::from_json(br#"{"id":"T","items":[{"line_id":"1","amount":5}],"events":[{"event":"CAPTURE","success":true,"amount":5}]}"#)?;
    /// let body = tx.refund().all().reference("rma").build()?.to_json();
    /// assert_eq!(body, br#"{"amount":5,"refund_reference":"rma","items":[{"line_id":"1","quantity":1,"amount":5,"vat_amount":0}]}"#);
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn to_json(&self) -> Vec<u8> {
        write(self)
    }
}
