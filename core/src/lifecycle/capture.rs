//! [`CaptureBuilder`] and [`Capture`]: the body of `POST /v1/transactions/{id}/capture`.

use rust_decimal::Decimal;

use super::metadata::OperationMetadata;
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
    metadata: OperationMetadata,
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
    pub(crate) amount: i64,
    pub(crate) capture_reference: Option<String>,
    pub(crate) metadata: OperationMetadata,
    pub(crate) final_capture: bool,
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
            metadata: OperationMetadata::default(),
            final_capture: false,
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

    /// A `metadata` entry (Dintero's 2025 spec): the key must start with `ext_` and have at
    /// most 128 characters, the value at most 256.
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// let tx = Transaction::from_json(br#"{"id":"T","status":"AUTHORIZED","items":[{"line_id":"1","amount":5}]}"#)?;
    /// let capture = tx.capture().all().metadata("ext_parcel", "PKG-1").build()?;
    /// assert_eq!(capture.metadata(), [("ext_parcel".to_owned(), "PKG-1".to_owned())]);
    /// let err = tx.capture().all().metadata("parcel", "PKG-1").build().unwrap_err();
    /// assert_eq!(err.violations()[0].path(), "metadata.parcel");
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn metadata(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.metadata.insert(key.into(), value.into());
        self
    }

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
        let (amount, items) = plan(self.tx, Kind::Capture, &self.request, &self.metadata)?;
        Ok(Capture {
            amount,
            capture_reference: self.reference,
            metadata: self.metadata,
            final_capture: self.final_capture,
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

    /// The `metadata` entries, in the order they were set.
    ///
    /// ```
    /// # use dintero_order_core::Transaction;
    /// let tx = Transaction::from_json(br#"{"id":"T","items":[{"line_id":"1","amount":5}]}"#)?;
    /// assert!(tx.capture().all().build()?.metadata().is_empty());
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn metadata(&self) -> &[(String, String)] {
        &self.metadata.0
    }

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
