//! [`CaptureBuilder`] and [`Capture`]: the body of `POST /v1/transactions/{id}/capture`.

use rust_decimal::Decimal;

use super::operation::{Kind, OperationItem, Request, plan};
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
    tx: &'t Transaction,
    request: Request,
    reference: Option<String>,
}

/// The body of a capture: `amount` (the sum of the items' amounts), an optional
/// `capture_reference`, and the items, each `cum(after) − cum(before)` of its line.
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
    pub(crate) amount: i64,
    pub(crate) capture_reference: Option<String>,
    pub(crate) items: Vec<OperationItem>,
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
            tx: self,
            request: Request::default(),
            reference: None,
        }
    }
}

impl CaptureBuilder<'_> {
    /// Every line not named by [`line`](Self::line) takes all that is left to capture of it.
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// let tx = Transaction::from_json(br#"{"id":"T","items":[{"line_id":"1","quantity":2,"amount":1000},{"line_id":"2","amount":50}]}"#)?;
    /// let capture = tx.capture().line("1", 1).all().build()?;
    /// assert_eq!(capture.amount(), 550);
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn all(mut self) -> Self {
        self.request.all = true;
        self
    }

    /// Captures `quantity` more of the line `line_id` (an integer or an exact `Decimal`).
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// # use rust_decimal::Decimal;
    /// let tx = Transaction::from_json(br#"{"id":"T","items":[{"line_id":"w","quantity":1.3,"amount":13013,"vat":25}]}"#)?;
    /// let capture = tx.capture().line("w", Decimal::new(4, 1)).build()?;
    /// assert_eq!((capture.amount(), capture.items()[0].vat_amount()), (4004, 801));
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn line(mut self, line_id: impl Into<String>, quantity: impl Into<Decimal>) -> Self {
        self.request
            .lines
            .push((line_id.into(), quantity.into().normalize()));
        self
    }

    /// The `capture_reference`, shown on Dintero's settlement report.
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// let tx = Transaction::from_json(br#"{"id":"T","items":[{"line_id":"1","amount":5}]}"#)?;
    /// let capture = tx.capture().all().reference("ship-1").build()?;
    /// assert_eq!(capture.reference(), Some("ship-1"));
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn reference(mut self, reference: impl Into<String>) -> Self {
        self.reference = Some(reference.into());
        self
    }

    /// The capture, or every problem at once: an unknown `line_id`, a quantity above what is
    /// left, nothing to capture, a total beyond int32.
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
        let (amount, items) = plan(self.tx, Kind::Capture, &self.request)?;
        Ok(Capture {
            amount,
            capture_reference: self.reference,
            items,
        })
    }
}

impl Capture {
    /// The `amount`: the sum of the items' amounts.
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// let tx = Transaction::from_json(br#"{"id":"T","items":[{"line_id":"1","amount":5},{"line_id":"2","amount":7}]}"#)?;
    /// assert_eq!(tx.capture().all().build()?.amount(), 12);
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn amount(&self) -> i64 {
        self.amount
    }

    /// The `capture_reference`, if one was set.
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// let tx = Transaction::from_json(br#"{"id":"T","items":[{"line_id":"1","amount":5}]}"#)?;
    /// assert_eq!(tx.capture().all().build()?.reference(), None);
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn reference(&self) -> Option<&str> {
        self.capture_reference.as_deref()
    }

    /// The items, in the transaction's line order.
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// let tx = Transaction::from_json(br#"{"id":"T","items":[{"line_id":"1","amount":5}]}"#)?;
    /// assert_eq!(tx.capture().all().build()?.items().len(), 1);
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn items(&self) -> &[OperationItem] {
        &self.items
    }
}
