//! The wire form of a [`Transaction`] (`GET /v1/transactions/{id}`), read faithfully: every
//! field optional, unknown fields ignored, unknown enum values kept.

use rust_decimal::Decimal;
use serde::Deserialize;

use super::faithful::{WireLine, read};
use super::number::{amount_opt, decimal_opt};
use crate::error::Error;
use crate::lifecycle::status::{EventKind, TransactionStatus};
use crate::lifecycle::transaction::{EventItem, Transaction, TransactionEvent, TransactionItem};

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
    items: Option<Vec<WireLine>>,
    #[serde(default)]
    events: Option<Vec<WireEvent>>,
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
        let wire: WireTransaction = read(json)?;
        Ok(Transaction::from_parts(
            wire.id.unwrap_or_default(),
            TransactionStatus::from_wire(wire.status.as_deref().unwrap_or("")),
            wire.amount,
            wire.currency,
            wire.merchant_reference,
            wire.items
                .unwrap_or_default()
                .into_iter()
                .map(into_item)
                .collect(),
            wire.events
                .unwrap_or_default()
                .into_iter()
                .map(WireEvent::into_event)
                .collect(),
        ))
    }
}

fn into_item(mut line: WireLine) -> TransactionItem {
    TransactionItem {
        discount_lines: line.discount_lines(),
        line_id: line.line_id.unwrap_or_default(),
        id: line.id,
        description: line.description,
        quantity: line.quantity,
        amount: line.amount.unwrap_or(0),
        vat: line.vat,
        vat_amount: line.vat_amount,
        captured: Default::default(),
        refunded: Default::default(),
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
