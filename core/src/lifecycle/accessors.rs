//! Accessors of [`TransactionItem`], [`TransactionEvent`] and [`EventItem`].

use rust_decimal::Decimal;

use super::status::EventKind;
use super::transaction::{EventItem, TransactionEvent, TransactionItem};
use crate::order::item::DiscountLine;

impl TransactionItem {
    /// Its `line_id`.
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// # use rust_decimal::Decimal;
    /// # let tx = Transaction::from_json(br#"{"id":"T","items":[{"line_id":"1","id":"sku-1","description":"Chair","quantity":2,"amount":1000,"vat":25,"vat_amount":200}],
    /// #     "events":[{"event":"CAPTURE","success":true,"amount":500,"items":[{"line_id":"1","quantity":1,"amount":500,"vat_amount":100}]}]}"#)?;
    /// let line = &tx.items()[0];
    /// assert_eq!(line.line_id(), "1");
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn line_id(&self) -> &str {
        &self.line_id
    }

    /// Its `id` (the product id).
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// # use rust_decimal::Decimal;
    /// # let tx = Transaction::from_json(br#"{"id":"T","items":[{"line_id":"1","id":"sku-1","description":"Chair","quantity":2,"amount":1000,"vat":25,"vat_amount":200}],
    /// #     "events":[{"event":"CAPTURE","success":true,"amount":500,"items":[{"line_id":"1","quantity":1,"amount":500,"vat_amount":100}]}]}"#)?;
    /// let line = &tx.items()[0];
    /// assert_eq!(line.id(), Some("sku-1"));
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }

    /// Its `description`.
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// # use rust_decimal::Decimal;
    /// # let tx = Transaction::from_json(br#"{"id":"T","items":[{"line_id":"1","id":"sku-1","description":"Chair","quantity":2,"amount":1000,"vat":25,"vat_amount":200}],
    /// #     "events":[{"event":"CAPTURE","success":true,"amount":500,"items":[{"line_id":"1","quantity":1,"amount":500,"vat_amount":100}]}]}"#)?;
    /// let line = &tx.items()[0];
    /// assert_eq!(line.description(), Some("Chair"));
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }

    /// Its `quantity`, exactly as written.
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// # use rust_decimal::Decimal;
    /// # let tx = Transaction::from_json(br#"{"id":"T","items":[{"line_id":"1","id":"sku-1","description":"Chair","quantity":2,"amount":1000,"vat":25,"vat_amount":200}],
    /// #     "events":[{"event":"CAPTURE","success":true,"amount":500,"items":[{"line_id":"1","quantity":1,"amount":500,"vat_amount":100}]}]}"#)?;
    /// let line = &tx.items()[0];
    /// assert_eq!(line.quantity(), Some(Decimal::new(2, 0)));
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn quantity(&self) -> Option<Decimal> {
        self.quantity
    }

    /// Its `amount` in minor units.
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// # use rust_decimal::Decimal;
    /// # let tx = Transaction::from_json(br#"{"id":"T","items":[{"line_id":"1","id":"sku-1","description":"Chair","quantity":2,"amount":1000,"vat":25,"vat_amount":200}],
    /// #     "events":[{"event":"CAPTURE","success":true,"amount":500,"items":[{"line_id":"1","quantity":1,"amount":500,"vat_amount":100}]}]}"#)?;
    /// let line = &tx.items()[0];
    /// assert_eq!(line.amount(), 1000);
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn amount(&self) -> i64 {
        self.amount
    }

    /// Its `vat` rate in percent, as written.
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// # use rust_decimal::Decimal;
    /// # let tx = Transaction::from_json(br#"{"id":"T","items":[{"line_id":"1","id":"sku-1","description":"Chair","quantity":2,"amount":1000,"vat":25,"vat_amount":200}],
    /// #     "events":[{"event":"CAPTURE","success":true,"amount":500,"items":[{"line_id":"1","quantity":1,"amount":500,"vat_amount":100}]}]}"#)?;
    /// let line = &tx.items()[0];
    /// assert_eq!(line.vat(), Some(Decimal::new(25, 0)));
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn vat(&self) -> Option<Decimal> {
        self.vat
    }

    /// Its `vat_amount` in minor units.
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// # use rust_decimal::Decimal;
    /// # let tx = Transaction::from_json(br#"{"id":"T","items":[{"line_id":"1","id":"sku-1","description":"Chair","quantity":2,"amount":1000,"vat":25,"vat_amount":200}],
    /// #     "events":[{"event":"CAPTURE","success":true,"amount":500,"items":[{"line_id":"1","quantity":1,"amount":500,"vat_amount":100}]}]}"#)?;
    /// let line = &tx.items()[0];
    /// assert_eq!(line.vat_amount(), Some(200));
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn vat_amount(&self) -> Option<i64> {
        self.vat_amount
    }

    /// Its `discount_lines`: the discounts its `amount` is already net of. A capture or
    /// refund of part of the line carries each one's part, split like the amount.
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// let tx = Transaction::from_json(br#"{"id":"T","items":[{"line_id":"1","amount":900,
    ///     "discount_lines":[{"amount":100,"discount_id":"SUMMER","discount_type":"periodic"}]}]}"#)?;
    /// assert_eq!(tx.items()[0].discount_lines()[0].amount(), 100);
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn discount_lines(&self) -> &[DiscountLine] {
        &self.discount_lines
    }

    /// The quantity captured so far, from the successful `CAPTURE` events.
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// # use rust_decimal::Decimal;
    /// # let tx = Transaction::from_json(br#"{"id":"T","items":[{"line_id":"1","id":"sku-1","description":"Chair","quantity":2,"amount":1000,"vat":25,"vat_amount":200}],
    /// #     "events":[{"event":"CAPTURE","success":true,"amount":500,"items":[{"line_id":"1","quantity":1,"amount":500,"vat_amount":100}]}]}"#)?;
    /// let line = &tx.items()[0];
    /// assert_eq!(line.captured_quantity(), Decimal::ONE);
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn captured_quantity(&self) -> Decimal {
        self.captured.quantity
    }

    /// The amount captured so far.
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// # use rust_decimal::Decimal;
    /// # let tx = Transaction::from_json(br#"{"id":"T","items":[{"line_id":"1","id":"sku-1","description":"Chair","quantity":2,"amount":1000,"vat":25,"vat_amount":200}],
    /// #     "events":[{"event":"CAPTURE","success":true,"amount":500,"items":[{"line_id":"1","quantity":1,"amount":500,"vat_amount":100}]}]}"#)?;
    /// let line = &tx.items()[0];
    /// assert_eq!(line.captured_amount(), 500);
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn captured_amount(&self) -> i64 {
        self.captured.amount
    }

    /// The VAT captured so far (the events' `vat_amount`, else the gross VAT of their amounts).
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// # use rust_decimal::Decimal;
    /// # let tx = Transaction::from_json(br#"{"id":"T","items":[{"line_id":"1","id":"sku-1","description":"Chair","quantity":2,"amount":1000,"vat":25,"vat_amount":200}],
    /// #     "events":[{"event":"CAPTURE","success":true,"amount":500,"items":[{"line_id":"1","quantity":1,"amount":500,"vat_amount":100}]}]}"#)?;
    /// let line = &tx.items()[0];
    /// assert_eq!(line.captured_vat_amount(), 100);
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn captured_vat_amount(&self) -> i64 {
        self.captured.vat_amount
    }

    /// The quantity refunded so far, from the successful `REFUND` events.
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// # use rust_decimal::Decimal;
    /// # let tx = Transaction::from_json(br#"{"id":"T","items":[{"line_id":"1","id":"sku-1","description":"Chair","quantity":2,"amount":1000,"vat":25,"vat_amount":200}],
    /// #     "events":[{"event":"CAPTURE","success":true,"amount":500,"items":[{"line_id":"1","quantity":1,"amount":500,"vat_amount":100}]}]}"#)?;
    /// let line = &tx.items()[0];
    /// assert_eq!(line.refunded_quantity(), Decimal::ZERO);
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn refunded_quantity(&self) -> Decimal {
        self.refunded.quantity
    }

    /// The amount refunded so far.
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// # use rust_decimal::Decimal;
    /// # let tx = Transaction::from_json(br#"{"id":"T","items":[{"line_id":"1","id":"sku-1","description":"Chair","quantity":2,"amount":1000,"vat":25,"vat_amount":200}],
    /// #     "events":[{"event":"CAPTURE","success":true,"amount":500,"items":[{"line_id":"1","quantity":1,"amount":500,"vat_amount":100}]}]}"#)?;
    /// let line = &tx.items()[0];
    /// assert_eq!(line.refunded_amount(), 0);
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn refunded_amount(&self) -> i64 {
        self.refunded.amount
    }

    /// The VAT refunded so far.
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// # use rust_decimal::Decimal;
    /// # let tx = Transaction::from_json(br#"{"id":"T","items":[{"line_id":"1","id":"sku-1","description":"Chair","quantity":2,"amount":1000,"vat":25,"vat_amount":200}],
    /// #     "events":[{"event":"CAPTURE","success":true,"amount":500,"items":[{"line_id":"1","quantity":1,"amount":500,"vat_amount":100}]}]}"#)?;
    /// let line = &tx.items()[0];
    /// assert_eq!(line.refunded_vat_amount(), 0);
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn refunded_vat_amount(&self) -> i64 {
        self.refunded.vat_amount
    }
}

impl TransactionEvent {
    /// Its `event`: `CAPTURE`, `REFUND`, `VOID`, ….
    ///
    /// ```
    /// # use dintero_order_core::{EventKind, Transaction};
    /// # let tx = Transaction::from_json(br#"{"id":"T","events":[{"event":"CAPTURE","success":true,"amount":500,"items":[{"line_id":"1","quantity":1,"amount":500}]}]}"#)?;
    /// let event = &tx.events()[0];
    /// assert_eq!(event.kind(), &EventKind::Capture);
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn kind(&self) -> &EventKind {
        &self.kind
    }

    /// Its `success` flag (missing reads as `false`).
    ///
    /// ```
    /// # use dintero_order_core::{EventKind, Transaction};
    /// # let tx = Transaction::from_json(br#"{"id":"T","events":[{"event":"CAPTURE","success":true,"amount":500,"items":[{"line_id":"1","quantity":1,"amount":500}]}]}"#)?;
    /// let event = &tx.events()[0];
    /// assert!(event.success());
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn success(&self) -> bool {
        self.success
    }

    /// Its `amount`: what was captured or refunded.
    ///
    /// ```
    /// # use dintero_order_core::{EventKind, Transaction};
    /// # let tx = Transaction::from_json(br#"{"id":"T","events":[{"event":"CAPTURE","success":true,"amount":500,"items":[{"line_id":"1","quantity":1,"amount":500}]}]}"#)?;
    /// let event = &tx.events()[0];
    /// assert_eq!(event.amount(), Some(500));
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn amount(&self) -> Option<i64> {
        self.amount
    }

    /// Its lines.
    ///
    /// ```
    /// # use dintero_order_core::{EventKind, Transaction};
    /// # let tx = Transaction::from_json(br#"{"id":"T","events":[{"event":"CAPTURE","success":true,"amount":500,"items":[{"line_id":"1","quantity":1,"amount":500}]}]}"#)?;
    /// let event = &tx.events()[0];
    /// assert_eq!(event.items().len(), 1);
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn items(&self) -> &[EventItem] {
        &self.items
    }
}

impl EventItem {
    /// Its `line_id`.
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// # use rust_decimal::Decimal;
    /// # let tx = Transaction::from_json(br#"{"id":"T","events":[{"event":"CAPTURE","success":true,"amount":500,"items":[{"line_id":"1","quantity":1,"amount":500}]}]}"#)?;
    /// let item = &tx.events()[0].items()[0];
    /// assert_eq!(item.line_id(), Some("1"));
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn line_id(&self) -> Option<&str> {
        self.line_id.as_deref()
    }

    /// Its `quantity`, exactly.
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// # use rust_decimal::Decimal;
    /// # let tx = Transaction::from_json(br#"{"id":"T","events":[{"event":"CAPTURE","success":true,"amount":500,"items":[{"line_id":"1","quantity":1,"amount":500}]}]}"#)?;
    /// let item = &tx.events()[0].items()[0];
    /// assert_eq!(item.quantity(), Some(Decimal::ONE));
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn quantity(&self) -> Option<Decimal> {
        self.quantity
    }

    /// Its `amount`.
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// # use rust_decimal::Decimal;
    /// # let tx = Transaction::from_json(br#"{"id":"T","events":[{"event":"CAPTURE","success":true,"amount":500,"items":[{"line_id":"1","quantity":1,"amount":500}]}]}"#)?;
    /// let item = &tx.events()[0].items()[0];
    /// assert_eq!(item.amount(), Some(500));
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn amount(&self) -> Option<i64> {
        self.amount
    }

    /// Its `vat_amount`.
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// # use rust_decimal::Decimal;
    /// # let tx = Transaction::from_json(br#"{"id":"T","events":[{"event":"CAPTURE","success":true,"amount":500,"items":[{"line_id":"1","quantity":1,"amount":500}]}]}"#)?;
    /// let item = &tx.events()[0].items()[0];
    /// assert_eq!(item.vat_amount(), None);
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn vat_amount(&self) -> Option<i64> {
        self.vat_amount
    }
}
