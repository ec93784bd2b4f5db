//! What a capture and a refund share: the draft their builders fill, the body they build, and
//! the setters and getters of both, generated once by [`operation_api!`] with examples that run
//! on a transaction where both have something to take.

use rust_decimal::Decimal;

use super::metadata::OperationMetadata;
use super::operation::OperationItem;
use super::transaction::Transaction;

/// What a capture or refund builder collects: the transaction, the lines asked for
/// (`.line(..)` calls in order, and whether `.all()` was called), the reference and metadata.
#[derive(Debug, Clone)]
pub(crate) struct Draft<'t> {
    pub(crate) tx: &'t Transaction,
    pub(crate) all: bool,
    pub(crate) lines: Vec<(String, Decimal)>,
    pub(crate) reference: Option<String>,
    pub(crate) metadata: OperationMetadata,
}

impl<'t> Draft<'t> {
    pub(crate) fn new(tx: &'t Transaction) -> Self {
        Draft {
            tx,
            all: false,
            lines: Vec::new(),
            reference: None,
            metadata: OperationMetadata::default(),
        }
    }
}

/// What a built capture or refund holds in common: `amount` (the sum of the items'), the
/// reference, the metadata and the items.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct OperationBody {
    pub(crate) amount: i64,
    pub(crate) reference: Option<String>,
    pub(crate) metadata: OperationMetadata,
    pub(crate) items: Vec<OperationItem>,
}

/// Generates the shared setters on `$builder` (a struct with a `draft: Draft` field) and the
/// shared getters on `$body` (a struct with a `body: OperationBody` field). `$start` is the
/// transaction's method that makes the builder; `$reference` the JSON name of the reference.
/// The examples run on one line of two units, one of them captured, so that a capture and a
/// refund each have one unit (500) to take.
macro_rules! operation_api {
    ($builder:ident, $body:ident, $start:ident, $left:literal, $reference:literal) => {
        impl $builder<'_> {
            #[doc = concat!("Every line not named by [`line`](Self::line) takes ", $left, ".")]
            ///
            /// ```
            /// # use dintero_order_core::Transaction;
            /// # let tx = Transaction::from_json(br#"{"id":"T","status":"PARTIALLY_CAPTURED","items":[{"line_id":"1","quantity":2,"amount":1000}],"events":[{"event":"CAPTURE","success":true,"amount":500,"items":[{"line_id":"1","quantity":1,"amount":500}]}]}"#)?;
            #[doc = concat!("assert_eq!(tx.", stringify!($start), "().all().build()?.amount(), 500);")]
            /// # Ok::<(), dintero_order_core::Error>(())
            /// ```
            pub fn all(mut self) -> Self {
                self.draft.all = true;
                self
            }

            /// Takes `quantity` more of the line `line_id` (an integer or an exact `Decimal`).
            ///
            /// ```
            /// # use dintero_order_core::Transaction;
            /// # let tx = Transaction::from_json(br#"{"id":"T","status":"PARTIALLY_CAPTURED","items":[{"line_id":"1","quantity":2,"amount":1000}],"events":[{"event":"CAPTURE","success":true,"amount":500,"items":[{"line_id":"1","quantity":1,"amount":500}]}]}"#)?;
            /// use rust_decimal::Decimal;
            #[doc = concat!("let body = tx.", stringify!($start), "().line(\"1\", Decimal::new(5, 1)).build()?;")]
            /// assert_eq!((body.amount(), body.items()[0].quantity()), (250, Decimal::new(5, 1)));
            /// # Ok::<(), dintero_order_core::Error>(())
            /// ```
            pub fn line(mut self, line_id: impl Into<String>, quantity: impl Into<rust_decimal::Decimal>) -> Self {
                self.draft
                    .lines
                    .push((line_id.into(), quantity.into().normalize()));
                self
            }

            #[doc = concat!("The `", $reference, "`, shown on Dintero's settlement report.")]
            ///
            /// ```
            /// # use dintero_order_core::Transaction;
            /// # let tx = Transaction::from_json(br#"{"id":"T","status":"PARTIALLY_CAPTURED","items":[{"line_id":"1","quantity":2,"amount":1000}],"events":[{"event":"CAPTURE","success":true,"amount":500,"items":[{"line_id":"1","quantity":1,"amount":500}]}]}"#)?;
            #[doc = concat!("let body = tx.", stringify!($start), "().all().reference(\"ref-7\").build()?;")]
            /// assert_eq!(body.reference(), Some("ref-7"));
            #[doc = concat!("assert!(String::from_utf8(body.to_json())?.contains(r#\"\"", $reference, "\":\"ref-7\"\"#));")]
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            pub fn reference(mut self, reference: impl Into<String>) -> Self {
                self.draft.reference = Some(reference.into());
                self
            }

            /// A `metadata` entry (Dintero's 2025 spec): the key must start with `ext_` and have
            /// at most 128 characters, the value at most 256.
            ///
            /// ```
            /// # use dintero_order_core::Transaction;
            /// # let tx = Transaction::from_json(br#"{"id":"T","status":"PARTIALLY_CAPTURED","items":[{"line_id":"1","quantity":2,"amount":1000}],"events":[{"event":"CAPTURE","success":true,"amount":500,"items":[{"line_id":"1","quantity":1,"amount":500}]}]}"#)?;
            #[doc = concat!("let body = tx.", stringify!($start), "().all().metadata(\"ext_parcel\", \"PKG-1\").build()?;")]
            /// assert_eq!(body.metadata(), [("ext_parcel".to_owned(), "PKG-1".to_owned())]);
            #[doc = concat!("let err = tx.", stringify!($start), "().all().metadata(\"parcel\", \"PKG-1\").build().unwrap_err();")]
            /// assert_eq!(err.violations()[0].path(), "metadata.parcel");
            /// # Ok::<(), dintero_order_core::Error>(())
            /// ```
            pub fn metadata(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
                self.draft.metadata.insert(key.into(), value.into());
                self
            }
        }

        impl $body {
            /// The `amount`: the sum of the items' amounts.
            ///
            /// ```
            /// # use dintero_order_core::Transaction;
            /// # let tx = Transaction::from_json(br#"{"id":"T","status":"PARTIALLY_CAPTURED","items":[{"line_id":"1","quantity":2,"amount":1000}],"events":[{"event":"CAPTURE","success":true,"amount":500,"items":[{"line_id":"1","quantity":1,"amount":500}]}]}"#)?;
            #[doc = concat!("let body = tx.", stringify!($start), "().all().build()?;")]
            /// assert_eq!(body.amount(), body.items().iter().map(|item| item.amount()).sum::<i64>());
            /// # Ok::<(), dintero_order_core::Error>(())
            /// ```
            pub fn amount(&self) -> i64 {
                self.body.amount
            }

            #[doc = concat!("The `", $reference, "`, if one was set.")]
            ///
            /// ```
            /// # use dintero_order_core::Transaction;
            /// # let tx = Transaction::from_json(br#"{"id":"T","status":"PARTIALLY_CAPTURED","items":[{"line_id":"1","quantity":2,"amount":1000}],"events":[{"event":"CAPTURE","success":true,"amount":500,"items":[{"line_id":"1","quantity":1,"amount":500}]}]}"#)?;
            #[doc = concat!("assert_eq!(tx.", stringify!($start), "().all().build()?.reference(), None);")]
            /// # Ok::<(), dintero_order_core::Error>(())
            /// ```
            pub fn reference(&self) -> Option<&str> {
                self.body.reference.as_deref()
            }

            /// The `metadata` entries, in the order they were set.
            ///
            /// ```
            /// # use dintero_order_core::Transaction;
            /// # let tx = Transaction::from_json(br#"{"id":"T","status":"PARTIALLY_CAPTURED","items":[{"line_id":"1","quantity":2,"amount":1000}],"events":[{"event":"CAPTURE","success":true,"amount":500,"items":[{"line_id":"1","quantity":1,"amount":500}]}]}"#)?;
            #[doc = concat!("assert!(tx.", stringify!($start), "().all().build()?.metadata().is_empty());")]
            /// # Ok::<(), dintero_order_core::Error>(())
            /// ```
            pub fn metadata(&self) -> &[(String, String)] {
                &self.body.metadata.0
            }

            /// The items, in the transaction's line order.
            ///
            /// ```
            /// # use dintero_order_core::Transaction;
            /// # let tx = Transaction::from_json(br#"{"id":"T","status":"PARTIALLY_CAPTURED","items":[{"line_id":"1","quantity":2,"amount":1000}],"events":[{"event":"CAPTURE","success":true,"amount":500,"items":[{"line_id":"1","quantity":1,"amount":500}]}]}"#)?;
            #[doc = concat!("assert_eq!(tx.", stringify!($start), "().all().build()?.items()[0].line_id(), \"1\");")]
            /// # Ok::<(), dintero_order_core::Error>(())
            /// ```
            pub fn items(&self) -> &[super::operation::OperationItem] {
                &self.body.items
            }
        }
    };
}
pub(crate) use operation_api;
