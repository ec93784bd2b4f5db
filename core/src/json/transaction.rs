//! The wire form of a [`Transaction`] (`GET /v1/transactions/{id}`), read faithfully: every
//! field optional, unknown fields ignored, unknown enum values kept.

use rust_decimal::Decimal;
use serde::Deserialize;

use super::number::{amount_opt, decimal_opt};
use super::parse::{JsonPath, Root, syntax};
use super::path_tracker::{self, Failure};
use crate::error::{Error, Rule, Violation};
use crate::lifecycle::status::{EventKind, TransactionStatus};
use crate::lifecycle::transaction::{EventItem, Transaction, TransactionEvent, TransactionItem};
use crate::order::item::{DiscountLine, DiscountType};

#[derive(Deserialize)]
struct WireTransaction {
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    status: Option<String>,
    #[serde(default, deserialize_with = "amount_opt")]
    amount: Option<i64>,
    #[serde(default)]
    currency: Option<String>,
    #[serde(default)]
    merchant_reference: Option<String>,
    #[serde(default)]
    items: Option<Vec<WireItem>>,
    #[serde(default)]
    events: Option<Vec<WireEvent>>,
}

#[derive(Deserialize)]
struct WireItem {
    #[serde(default)]
    line_id: Option<String>,
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default, deserialize_with = "decimal_opt")]
    quantity: Option<Decimal>,
    #[serde(default, deserialize_with = "amount_opt")]
    amount: Option<i64>,
    #[serde(default, deserialize_with = "decimal_opt")]
    vat: Option<Decimal>,
    #[serde(default, deserialize_with = "amount_opt")]
    vat_amount: Option<i64>,
    #[serde(default)]
    discount_lines: Option<Vec<WireDiscount>>,
}

/// A line's discount, read faithfully: a `discount_type` this crate does not know is left
/// out (it could not be sent back in a capture), an unknown field is ignored.
#[derive(Deserialize)]
struct WireDiscount {
    #[serde(default, deserialize_with = "amount_opt")]
    amount: Option<i64>,
    #[serde(default, deserialize_with = "decimal_opt")]
    percentage: Option<Decimal>,
    #[serde(default)]
    discount_type: Option<String>,
    #[serde(default)]
    discount_id: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default, deserialize_with = "amount_opt")]
    line_id: Option<i64>,
}

#[derive(Deserialize)]
struct WireEvent {
    #[serde(default)]
    event: Option<String>,
    #[serde(default)]
    success: Option<bool>,
    /// A "number" in the spec: a whole one is kept, a fraction reads as none.
    #[serde(default, deserialize_with = "decimal_opt")]
    amount: Option<Decimal>,
    #[serde(default)]
    items: Option<Vec<WireEventItem>>,
}

#[derive(Deserialize)]
struct WireEventItem {
    #[serde(default)]
    line_id: Option<String>,
    #[serde(default, deserialize_with = "decimal_opt")]
    quantity: Option<Decimal>,
    #[serde(default, deserialize_with = "amount_opt")]
    amount: Option<i64>,
    #[serde(default, deserialize_with = "amount_opt")]
    vat_amount: Option<i64>,
}

impl Transaction {
    /// Reads a transaction as `GET /v1/transactions/{id}` returns it. Faithful: unknown
    /// fields are ignored, a missing field is none, an unknown `status` or `event` is kept as
    /// written; only bytes that are not JSON, or a value of the wrong type (a string amount),
    /// are refused. Numbers are read exactly from their text, never through `f64`.
    ///
    /// ```
    /// use dintero_order_core::{Rule, Transaction};
    ///
    /// let tx = Transaction::from_json(br#"{"id":"T1","amount":100,"new_field":{"x":1}}"#)?;
    /// assert_eq!(tx.amount(), Some(100));
    /// let err = Transaction::from_json(br#"{"id":"T1","items":[{"amount":"100"}]}"#).unwrap_err();
    /// assert_eq!(err.violations()[0].rule(), Rule::Type);
    /// assert_eq!(err.violations()[0].path(), "items[0].amount");
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn from_json(json: &[u8]) -> Result<Transaction, Error> {
        let mut deserializer = serde_json::Deserializer::from_slice(json);
        let wire: WireTransaction = path_tracker::deserialize(&mut deserializer)
            .and_then(|wire| {
                deserializer.end().map_err(|error| Failure {
                    error,
                    path: Default::default(),
                })?;
                Ok(wire)
            })
            .map_err(|Failure { error, path }| {
                if error.is_syntax() || error.is_eof() {
                    syntax(&error)
                } else {
                    let path = JsonPath::from_tracked(&path)
                        .map_or_else(|| path.to_string(), |path| path.render(Root::Session));
                    Error::single(Violation::new(
                        Rule::Type,
                        path,
                        "a Dintero transaction",
                        error.to_string(),
                    ))
                }
            })?;
        Ok(Transaction::from_parts(
            wire.id.unwrap_or_default(),
            TransactionStatus::from_wire(wire.status.as_deref().unwrap_or("")),
            wire.amount,
            wire.currency,
            wire.merchant_reference,
            wire.items
                .unwrap_or_default()
                .into_iter()
                .map(WireItem::into_item)
                .collect(),
            wire.events
                .unwrap_or_default()
                .into_iter()
                .map(WireEvent::into_event)
                .collect(),
        ))
    }
}

impl WireItem {
    fn into_item(self) -> TransactionItem {
        TransactionItem {
            line_id: self.line_id.unwrap_or_default(),
            id: self.id,
            description: self.description,
            quantity: self.quantity,
            amount: self.amount.unwrap_or(0),
            vat: self.vat,
            vat_amount: self.vat_amount,
            discount_lines: self
                .discount_lines
                .unwrap_or_default()
                .into_iter()
                .map(WireDiscount::into_discount)
                .collect(),
            captured: Default::default(),
            refunded: Default::default(),
        }
    }
}

impl WireDiscount {
    fn into_discount(self) -> DiscountLine {
        DiscountLine {
            amount: self.amount.unwrap_or(0),
            percentage: self.percentage,
            discount_type: self.discount_type.and_then(|name| {
                serde_json::from_value::<DiscountType>(serde_json::Value::String(name)).ok()
            }),
            discount_id: self.discount_id,
            description: self.description,
            line_id: self.line_id,
        }
    }
}

impl WireEvent {
    fn into_event(self) -> TransactionEvent {
        TransactionEvent {
            kind: EventKind::from_wire(self.event.as_deref().unwrap_or("")),
            success: self.success.unwrap_or(false),
            amount: self
                .amount
                .filter(|amount| amount.fract().is_zero())
                .and_then(|amount| i64::try_from(amount).ok()),
            items: self
                .items
                .unwrap_or_default()
                .into_iter()
                .map(|item| EventItem {
                    line_id: item.line_id,
                    quantity: item.quantity,
                    amount: item.amount,
                    vat_amount: item.vat_amount,
                })
                .collect(),
        }
    }
}
