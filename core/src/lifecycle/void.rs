//! [`Void`]: the permission to `POST /v1/transactions/{id}/void`, which has no body.

use super::transaction::Transaction;
use crate::error::{Error, Rule, Violation};

/// A void Dintero can accept: the transaction's status allows it (see
/// [`TransactionStatus::allows_void`](crate::TransactionStatus::allows_void)). Dintero's spec
/// defines no body for a void, so this carries nothing but that check; the `http` feature's
/// `Transaction::void_request` takes it.
///
/// ```
/// use dintero_order_core::{Rule, Transaction};
///
/// let tx = Transaction::from_json(br#"{"id":"T1","status":"AUTHORIZED"}"#)?;
/// assert!(tx.void().is_ok());
/// let captured = Transaction::from_json(br#"{"id":"T1","status":"CAPTURED"}"#)?;
/// let err = captured.void().unwrap_err();
/// assert_eq!((err.violations()[0].rule(), err.violations()[0].path()), (Rule::TransactionStatus, "status"));
/// # Ok::<(), dintero_order_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Void {
    _checked: (),
}

impl Transaction {
    /// A void of this transaction's authorization, or why Dintero would refuse it: a void is
    /// possible before a full capture, and after a partial one it cancels what is left (for
    /// the payment products Dintero lists).
    ///
    /// ```
    /// use dintero_order_core::Transaction;
    ///
    /// let tx = Transaction::from_json(br#"{"id":"T1","status":"PARTIALLY_CAPTURED"}"#)?;
    /// assert!(tx.void().is_ok());
    /// let refunded = Transaction::from_json(br#"{"id":"T1","status":"REFUNDED"}"#)?;
    /// assert_eq!(refunded.void().unwrap_err().violations()[0].found(), "REFUNDED");
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn void(&self) -> Result<Void, Error> {
        if self.status.allows_void() {
            return Ok(Void { _checked: () });
        }
        Err(Error::single(Violation::new(
            Rule::TransactionStatus,
            "status",
            "a transaction that can be voided: AUTHORIZED, PARTIALLY_CAPTURED or PARTIALLY_CAPTURED_REFUNDED",
            self.status.as_str(),
        )))
    }
}
