//! [`Transaction`]: a transaction as Dintero returns it (`GET /v1/transactions/{id}`), with
//! what each line has had captured and refunded, derived from its successful events.

use rust_decimal::Decimal;

use super::arithmetic::{Whole, gross_vat};
use super::status::{EventKind, TransactionStatus};
use crate::money::vat::VatRate;
use crate::order::item::DiscountLine;

/// A Dintero transaction, read faithfully by [`Transaction::from_json`]: unknown fields and
/// unknown enum values are kept or ignored, never refused. Dintero keeps no per-line captured
/// or refunded totals, so each [`TransactionItem`] derives them from the successful `CAPTURE`
/// and `REFUND` events.
///
/// ```
/// use dintero_order_core::{Transaction, TransactionStatus};
///
/// let tx = Transaction::from_json(br#"{"id":"T1","status":"AUTHORIZED","amount":1000,
///     "currency":"NOK","items":[{"line_id":"1","quantity":2,"amount":1000,"vat":25,"vat_amount":200}]}"#)?;
/// assert_eq!(tx.id(), "T1");
/// assert_eq!(tx.status(), &TransactionStatus::Authorized);
/// assert_eq!(tx.items()[0].captured_amount(), 0);
/// # Ok::<(), dintero_order_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Transaction {
    pub(crate) id: String,
    pub(crate) status: TransactionStatus,
    pub(crate) amount: Option<i64>,
    pub(crate) currency: Option<String>,
    pub(crate) merchant_reference: Option<String>,
    pub(crate) items: Vec<TransactionItem>,
    pub(crate) events: Vec<TransactionEvent>,
}

/// What has been taken from a line so far: a cumulative quantity, amount and VAT.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Taken {
    pub(crate) quantity: Decimal,
    pub(crate) amount: i64,
    pub(crate) vat_amount: i64,
}

/// One line of a [`Transaction`], with what has been captured and refunded of it.
///
/// ```
/// use dintero_order_core::Transaction;
/// use rust_decimal::Decimal;
///
/// let tx = Transaction::from_json(br#"{"id":"T1","items":[{"line_id":"1","quantity":2,"amount":1000,"vat":25,"vat_amount":200}],
///     "events":[{"event":"CAPTURE","success":true,"amount":500,"items":[{"line_id":"1","quantity":1,"amount":500}]}]}"#)?;
/// let line = &tx.items()[0];
/// assert_eq!(line.captured_quantity(), Decimal::ONE);
/// assert_eq!(line.captured_amount(), 500);
/// assert_eq!(line.refunded_amount(), 0);
/// # Ok::<(), dintero_order_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct TransactionItem {
    pub(crate) line_id: String,
    pub(crate) id: Option<String>,
    pub(crate) description: Option<String>,
    pub(crate) quantity: Option<Decimal>,
    pub(crate) amount: i64,
    pub(crate) vat: Option<Decimal>,
    pub(crate) vat_amount: Option<i64>,
    pub(crate) discount_lines: Vec<DiscountLine>,
    pub(crate) captured: Taken,
    pub(crate) refunded: Taken,
}

/// One entry of a transaction's `events` (only the fields the bookkeeping needs).
///
/// ```
/// use dintero_order_core::{EventKind, Transaction};
///
/// let tx = Transaction::from_json(br#"{"id":"T1","events":[{"event":"VOID","success":false}]}"#)?;
/// assert_eq!(tx.events()[0].kind(), &EventKind::Void);
/// assert!(!tx.events()[0].success());
/// # Ok::<(), dintero_order_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct TransactionEvent {
    pub(crate) kind: EventKind,
    pub(crate) success: bool,
    pub(crate) amount: Option<i64>,
    pub(crate) items: Vec<EventItem>,
}

/// A line of a [`TransactionEvent`]: which line, how much of it.
///
/// ```
/// use dintero_order_core::Transaction;
///
/// let tx = Transaction::from_json(br#"{"id":"T1","events":[{"event":"CAPTURE","success":true,"amount":5,"items":[{"line_id":"9","amount":5}]}]}"#)?;
/// let item = &tx.events()[0].items()[0];
/// assert_eq!(item.line_id(), Some("9"));
/// assert_eq!(item.amount(), Some(5));
/// assert_eq!(item.quantity(), None);
/// # Ok::<(), dintero_order_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct EventItem {
    pub(crate) line_id: Option<String>,
    pub(crate) quantity: Option<Decimal>,
    pub(crate) amount: Option<i64>,
    pub(crate) vat_amount: Option<i64>,
}

impl Transaction {
    /// A transaction from its parts, deriving each line's captured and refunded totals.
    pub(crate) fn from_parts(
        id: String,
        status: TransactionStatus,
        amount: Option<i64>,
        currency: Option<String>,
        merchant_reference: Option<String>,
        mut items: Vec<TransactionItem>,
        events: Vec<TransactionEvent>,
    ) -> Transaction {
        for event in events.iter().filter(|event| event.success) {
            match event.kind {
                EventKind::Capture => record(&mut items, event, |item| &mut item.captured),
                EventKind::Refund => record(&mut items, event, |item| &mut item.refunded),
                _ => {}
            }
        }
        Transaction {
            id,
            status,
            amount,
            currency,
            merchant_reference,
            items,
            events,
        }
    }

    /// The transaction's `id`.
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// let tx = Transaction::from_json(br#"{"id":"T9"}"#)?;
    /// assert_eq!(tx.id(), "T9");
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Its `status` (an unknown value is kept as written).
    ///
    /// ```
    /// # use dintero_order_core::{Transaction, TransactionStatus};
    /// let tx = Transaction::from_json(br#"{"id":"T9","status":"NEW_ONE"}"#)?;
    /// assert_eq!(tx.status(), &TransactionStatus::Other("NEW_ONE".into()));
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn status(&self) -> &TransactionStatus {
        &self.status
    }

    /// Its `amount`: the authorized total in minor units.
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// let tx = Transaction::from_json(br#"{"id":"T9","amount":29990}"#)?;
    /// assert_eq!(tx.amount(), Some(29990));
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn amount(&self) -> Option<i64> {
        self.amount
    }

    /// Its `currency` code, as written.
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// let tx = Transaction::from_json(br#"{"id":"T9","currency":"NOK"}"#)?;
    /// assert_eq!(tx.currency(), Some("NOK"));
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn currency(&self) -> Option<&str> {
        self.currency.as_deref()
    }

    /// Its `merchant_reference`.
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// let tx = Transaction::from_json(br#"{"id":"T9","merchant_reference":"o-1"}"#)?;
    /// assert_eq!(tx.merchant_reference(), Some("o-1"));
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn merchant_reference(&self) -> Option<&str> {
        self.merchant_reference.as_deref()
    }

    /// Its lines, with what was captured and refunded of each.
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// let tx = Transaction::from_json(br#"{"id":"T9","items":[{"line_id":"1","amount":100}]}"#)?;
    /// assert_eq!(tx.items()[0].line_id(), "1");
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn items(&self) -> &[TransactionItem] {
        &self.items
    }

    /// Its events, in the order Dintero lists them.
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// let tx = Transaction::from_json(br#"{"id":"T9"}"#)?;
    /// assert!(tx.events().is_empty());
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn events(&self) -> &[TransactionEvent] {
        &self.events
    }
}

/// Adds a successful event's lines to what was taken of each. A line without a quantity
/// counts as taken whole once its amounts reach the line's. An event without lines whose
/// amount is at least everything not yet taken takes every line whole (a full capture or
/// refund made by amount); any other event without lines cannot be attributed to lines.
fn record(
    items: &mut [TransactionItem],
    event: &TransactionEvent,
    taken: impl Fn(&mut TransactionItem) -> &mut Taken,
) {
    if event.items.is_empty() {
        let left: i64 = items
            .iter_mut()
            .map(|item| item.amount.saturating_sub(taken(item).amount))
            .fold(0, i64::saturating_add);
        if event.amount.is_some_and(|amount| amount >= left) {
            for item in items.iter_mut() {
                let whole = item.whole();
                *taken(item) = Taken {
                    quantity: whole.quantity,
                    amount: whole.amount,
                    vat_amount: whole.vat_amount,
                };
            }
        }
        return;
    }
    for part in &event.items {
        let Some(item) = items
            .iter_mut()
            .find(|item| part.line_id.as_deref() == Some(item.line_id.as_str()))
        else {
            continue;
        };
        let whole = item.whole();
        let amount = part.amount.unwrap_or(0);
        let vat = part
            .vat_amount
            .or_else(|| whole.rate.and_then(|rate| gross_vat(amount, rate)))
            .unwrap_or(0);
        let slot = taken(item);
        slot.amount = slot.amount.saturating_add(amount);
        slot.vat_amount = slot.vat_amount.saturating_add(vat);
        slot.quantity = match part.quantity {
            Some(quantity) => slot.quantity.saturating_add(quantity),
            None if slot.amount >= whole.amount => whole.quantity,
            None => slot.quantity,
        };
    }
}

impl TransactionItem {
    /// What the arithmetic needs of the line: a missing quantity is 1, a missing VAT amount
    /// the gross VAT of the amount at the line's rate (0 without one).
    pub(crate) fn whole(&self) -> Whole {
        let rate = self.vat.and_then(|vat| VatRate::from_percent(vat).ok());
        let vat_amount = self
            .vat_amount
            .or_else(|| rate.and_then(|rate| gross_vat(self.amount, rate)))
            .unwrap_or(0);
        Whole {
            quantity: self.quantity.unwrap_or(Decimal::ONE),
            amount: self.amount,
            vat_amount,
            rate,
        }
    }
}
