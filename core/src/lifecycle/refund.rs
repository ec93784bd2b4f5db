//! [`RefundBuilder`] and [`Refund`]: the body of `POST /v1/transactions/{id}/refund`.

use rust_decimal::Decimal;

use super::metadata::OperationMetadata;
use super::operation::{Kind, OperationItem, Request, plan};
use super::transaction::Transaction;
use crate::error::Error;

/// Builds a [`Refund`] from a [`Transaction`]; see [`Transaction::refund`].
///
/// ```
/// use dintero_order_core::Transaction;
///
/// let tx = Transaction::from_json(br#"{"id":"T","items":[{"line_id":"1","quantity":2,"amount":1000}],
///     "events":[{"event":"CAPTURE","success":true,"amount":1000}]}"#)?;
/// let refund = tx.refund().line("1", 1).reason("returned").build()?;
/// assert_eq!(refund.amount(), 500);
/// # Ok::<(), dintero_order_core::Error>(())
/// ```
#[derive(Debug, Clone)]
#[must_use = "a builder does nothing until `build`"]
pub struct RefundBuilder<'t> {
    tx: &'t Transaction,
    request: Request,
    reason: Option<String>,
    reference: Option<String>,
    metadata: OperationMetadata,
}

/// The body of a refund: `amount` (the sum of the items' amounts), an optional `reason` and
/// `refund_reference` and `metadata`, and the items, each `cum(after) − cum(before)` of its line on the
/// refunded quantity, never beyond what was captured.
///
/// ```
/// use dintero_order_core::Transaction;
///
/// let tx = Transaction::from_json(br#"{"id":"T","items":[{"line_id":"1","amount":500,"vat":25,"vat_amount":100}],
///     "events":[{"event":"CAPTURE","success":true,"amount":500,"items":[{"line_id":"1","quantity":1,"amount":500}]}]}"#)?;
/// let refund = tx.refund().all().reason("broken").build()?;
/// assert_eq!(
///     refund.to_json(),
///     br#"{"amount":500,"reason":"broken","items":[{"line_id":"1","quantity":1,"amount":500,"vat_amount":100,"vat":25}]}"#
/// );
/// # Ok::<(), dintero_order_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Refund {
    pub(crate) amount: i64,
    pub(crate) reason: Option<String>,
    pub(crate) refund_reference: Option<String>,
    pub(crate) metadata: OperationMetadata,
    pub(crate) items: Vec<OperationItem>,
}

impl Transaction {
    /// Starts a refund of this transaction, limited to what was captured: name lines with
    /// [`line`](RefundBuilder::line), or refund everything captured and not yet refunded with
    /// [`all`](RefundBuilder::all).
    ///
    /// ```
    /// use dintero_order_core::{Rule, Transaction};
    /// let tx = Transaction::from_json(br#"{"id":"T","items":[{"line_id":"1","amount":700}]}"#)?;
    /// let err = tx.refund().all().build().unwrap_err();
    /// assert_eq!(err.violations()[0].rule(), Rule::Remaining);
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn refund(&self) -> RefundBuilder<'_> {
        RefundBuilder {
            tx: self,
            request: Request::default(),
            reason: None,
            reference: None,
            metadata: OperationMetadata::default(),
        }
    }
}

impl RefundBuilder<'_> {
    /// Every line not named by [`line`](Self::line) gives back all that was captured and
    /// not yet refunded of it.
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// let tx = Transaction::from_json(br#"{"id":"T","items":[{"line_id":"1","amount":5},{"line_id":"2","amount":7}],
    ///     "events":[{"event":"CAPTURE","success":true,"amount":5,"items":[{"line_id":"1","quantity":1,"amount":5}]}]}"#)?;
    /// assert_eq!(tx.refund().all().build()?.amount(), 5);
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn all(mut self) -> Self {
        self.request.all = true;
        self
    }

    /// Refunds `quantity` more of the line `line_id` (an integer or an exact `Decimal`).
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// let tx = Transaction::from_json(br#"{"id":"T","items":[{"line_id":"1","quantity":3,"amount":900}],
    ///     "events":[{"event":"CAPTURE","success":true,"amount":900}]}"#)?;
    /// assert_eq!(tx.refund().line("1", 1).build()?.amount(), 300);
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn line(mut self, line_id: impl Into<String>, quantity: impl Into<Decimal>) -> Self {
        self.request
            .lines
            .push((line_id.into(), quantity.into().normalize()));
        self
    }

    /// The `reason` of the refund.
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// let tx = Transaction::from_json(br#"{"id":"T","items":[{"line_id":"1","amount":5}],"events":[{"event":"CAPTURE","success":true,"amount":5}]}"#)?;
    /// assert_eq!(tx.refund().all().reason("returned").build()?.reason(), Some("returned"));
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn reason(mut self, reason: impl Into<String>) -> Self {
        self.reason = Some(reason.into());
        self
    }

    /// The `refund_reference`, shown on Dintero's settlement report.
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// let tx = Transaction::from_json(br#"{"id":"T","items":[{"line_id":"1","amount":5}],"events":[{"event":"CAPTURE","success":true,"amount":5}]}"#)?;
    /// assert_eq!(tx.refund().all().reference("rma-7").build()?.reference(), Some("rma-7"));
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn reference(mut self, reference: impl Into<String>) -> Self {
        self.reference = Some(reference.into());
        self
    }

    /// A `metadata` entry (Dintero's 2025 spec): the key must start with `ext_` and have at
    /// most 128 characters, the value at most 256.
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// let tx = Transaction::from_json(br#"{"id":"T","items":[{"line_id":"1","amount":5}],"events":[{"event":"CAPTURE","success":true,"amount":5}]}"#)?;
    /// let refund = tx.refund().all().metadata("ext_rma", "R-7").build()?;
    /// assert_eq!(refund.metadata()[0].0, "ext_rma");
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn metadata(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.metadata.insert(key.into(), value.into());
        self
    }

    /// The refund, or every problem at once: a transaction whose status allows no refund,
    /// an unknown `line_id`, a quantity above what was captured and not yet refunded, nothing
    /// to refund, a total beyond int32, metadata Dintero would refuse.
    ///
    /// ```
    /// use dintero_order_core::{Rule, Transaction};
    ///
    /// let tx = Transaction::from_json(br#"{"id":"T","items":[{"line_id":"1","quantity":2,"amount":10}],
    ///     "events":[{"event":"CAPTURE","success":true,"amount":5,"items":[{"line_id":"1","quantity":1,"amount":5}]}]}"#)?;
    /// let err = tx.refund().line("1", 2).build().unwrap_err();
    /// assert_eq!(err.violations()[0].path(), "items[0].quantity");
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn build(self) -> Result<Refund, Error> {
        let (amount, items) = plan(self.tx, Kind::Refund, &self.request, &self.metadata)?;
        Ok(Refund {
            amount,
            reason: self.reason,
            refund_reference: self.reference,
            metadata: self.metadata,
            items,
        })
    }
}

impl Refund {
    /// The `amount`: the sum of the items' amounts.
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// let tx = Transaction::from_json(br#"{"id":"T","items":[{"line_id":"1","amount":5}],"events":[{"event":"CAPTURE","success":true,"amount":5}]}"#)?;
    /// assert_eq!(tx.refund().all().build()?.amount(), 5);
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn amount(&self) -> i64 {
        self.amount
    }

    /// The `reason`, if one was set.
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// let tx = Transaction::from_json(br#"{"id":"T","items":[{"line_id":"1","amount":5}],"events":[{"event":"CAPTURE","success":true,"amount":5}]}"#)?;
    /// assert_eq!(tx.refund().all().build()?.reason(), None);
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn reason(&self) -> Option<&str> {
        self.reason.as_deref()
    }

    /// The `refund_reference`, if one was set.
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// let tx = Transaction::from_json(br#"{"id":"T","items":[{"line_id":"1","amount":5}],"events":[{"event":"CAPTURE","success":true,"amount":5}]}"#)?;
    /// assert_eq!(tx.refund().all().build()?.reference(), None);
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn reference(&self) -> Option<&str> {
        self.refund_reference.as_deref()
    }

    /// The `metadata` entries, in the order they were set.
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// let tx = Transaction::from_json(br#"{"id":"T","items":[{"line_id":"1","amount":5}],"events":[{"event":"CAPTURE","success":true,"amount":5}]}"#)?;
    /// assert!(tx.refund().all().build()?.metadata().is_empty());
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn metadata(&self) -> &[(String, String)] {
        &self.metadata.0
    }

    /// The items, in the transaction's line order.
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// let tx = Transaction::from_json(br#"{"id":"T","items":[{"line_id":"1","amount":5}],"events":[{"event":"CAPTURE","success":true,"amount":5}]}"#)?;
    /// assert_eq!(tx.refund().all().build()?.items()[0].line_id(), "1");
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn items(&self) -> &[OperationItem] {
        &self.items
    }
}
