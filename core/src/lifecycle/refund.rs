//! [`RefundBuilder`] and [`Refund`]: the body of `POST /v1/transactions/{id}/refund`. The
//! setters and getters it shares with a capture are in `shared_api.rs`.

use super::operation::{Kind, plan};
use super::shared_api::{Draft, OperationBody, operation_api};
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
    draft: Draft<'t>,
    reason: Option<String>,
}

/// The body of a refund: `amount` (the sum of the items' amounts), an optional `reason`,
/// `refund_reference` and `metadata`, and the items, each `cum(after) − cum(before)` of its
/// line on the refunded quantity, never beyond what was captured.
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
    pub(crate) body: OperationBody,
    pub(crate) reason: Option<String>,
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
            draft: Draft::new(self),
            reason: None,
        }
    }
}

operation_api!(
    RefundBuilder,
    Refund,
    refund,
    "all that was captured and not yet refunded of it",
    "refund_reference"
);

impl RefundBuilder<'_> {
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
        Ok(Refund {
            body: plan(self.draft, Kind::Refund)?,
            reason: self.reason,
        })
    }
}

impl Refund {
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
}
