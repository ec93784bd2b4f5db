//! [`CaptureBuilder`] and [`Capture`]: the body of `POST /v1/transactions/{id}/capture`. The
//! setters and getters it shares with a refund are in `shared_api.rs`.

use super::operation::{Kind, plan};
use super::shared_api::{Draft, OperationBody, operation_api};
use super::transaction::Transaction;
use crate::error::Error;

/// Builds a [`Capture`] from a [`Transaction`]; see [`Transaction::capture`].
///
/// ```
/// use dintero_order_core::Transaction;
///
/// let tx = Transaction::from_json(br#"{"id":"T","items":[{"line_id":"1","quantity":2,"amount":1000}]}"#)?;
/// let capture = tx.capture().line("1", 2).reference("ship-1").build()?;
/// assert_eq!(capture.amount(), 1000);
/// # Ok::<(), dintero_order_core::Error>(())
/// ```
#[derive(Debug, Clone)]
#[must_use = "a builder does nothing until `build`"]
pub struct CaptureBuilder<'t> {
    draft: Draft<'t>,
    final_capture: bool,
}

/// The body of a capture: `amount` (the sum of the items' amounts), an optional
/// `capture_reference`, `metadata` and `final_capture`, and the items, each
/// `cum(after) − cum(before)` of its line.
/// Serializes to Dintero's JSON; [`to_json`](Capture::to_json) gives the bytes.
///
/// ```
/// use dintero_order_core::Transaction;
///
/// let tx = Transaction::from_json(br#"{"id":"T","items":[{"line_id":"1","quantity":1,"amount":500,"vat":25,"vat_amount":100}]}"#)?;
/// let capture = tx.capture().all().build()?;
/// assert_eq!(
///     capture.to_json(),
///     br#"{"amount":500,"items":[{"line_id":"1","quantity":1,"amount":500,"vat_amount":100,"vat":25}]}"#
/// );
/// # Ok::<(), dintero_order_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Capture {
    pub(crate) body: OperationBody,
    pub(crate) final_capture: bool,
}

impl Transaction {
    /// Starts a capture of this transaction: name lines with [`line`](CaptureBuilder::line),
    /// or take everything not yet captured with [`all`](CaptureBuilder::all).
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// let tx = Transaction::from_json(br#"{"id":"T","items":[{"line_id":"1","amount":700}]}"#)?;
    /// assert_eq!(tx.capture().all().build()?.amount(), 700);
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn capture(&self) -> CaptureBuilder<'_> {
        CaptureBuilder {
            draft: Draft::new(self),
            final_capture: false,
        }
    }
}

operation_api!(
    CaptureBuilder,
    Capture,
    capture,
    "all that is left to capture of it",
    "capture_reference"
);

impl CaptureBuilder<'_> {
    /// Sends `final_capture: true`: no capture may follow, and Dintero voids what is left
    /// uncaptured (payment product `dintero_psp` only, per Dintero's 2025 spec).
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// let tx = Transaction::from_json(br#"{"id":"T","items":[{"line_id":"1","quantity":2,"amount":10}]}"#)?;
    /// let capture = tx.capture().line("1", 1).final_capture().build()?;
    /// assert!(capture.is_final());
    /// assert!(capture.to_json().ends_with(br#""final_capture":true}"#));
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn final_capture(mut self) -> Self {
        self.final_capture = true;
        self
    }

    /// The capture, or every problem at once: a transaction whose status allows no capture,
    /// an unknown `line_id`, a quantity above what is left, nothing to capture, a total
    /// beyond int32, metadata Dintero would refuse.
    ///
    /// ```
    /// use dintero_order_core::{Rule, Transaction};
    ///
    /// let tx = Transaction::from_json(br#"{"id":"T","items":[{"line_id":"1","quantity":1,"amount":5}]}"#)?;
    /// let err = tx.capture().line("9", 1).line("1", 2).build().unwrap_err();
    /// let found: Vec<_> = err.violations().iter().map(|v| (v.rule(), v.path())).collect();
    /// assert_eq!(found, [(Rule::UnknownLine, "items[0].line_id"), (Rule::Remaining, "items[1].quantity")]);
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn build(self) -> Result<Capture, Error> {
        Ok(Capture {
            body: plan(self.draft, Kind::Capture)?,
            final_capture: self.final_capture,
        })
    }
}

impl Capture {
    /// Whether this is the final capture (`final_capture: true`).
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// let tx = Transaction::from_json(br#"{"id":"T","items":[{"line_id":"1","amount":5}]}"#)?;
    /// assert!(!tx.capture().all().build()?.is_final());
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn is_final(&self) -> bool {
        self.final_capture
    }
}
