//! What a line's arithmetic gives: [`LineAmounts`], or why not: [`LineAmountError`].

use std::fmt;

use crate::Currency;

/// The largest line amount we compute (2^53): far beyond Dintero's int32 order total, and
/// small enough that the checks above it never overflow.
pub(super) const MAX_LINE_AMOUNT: u64 = 1 << 53;

/// A line's `amount` (VAT included) and `vat_amount`, in minor units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineAmounts {
    pub(in crate::money) amount: i64,
    pub(in crate::money) vat_amount: i64,
}

impl LineAmounts {
    /// The line total including VAT.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Quantity, Rounding, UnitPrice, VatRate};
    /// let a = UnitPrice::minor(1000).line_amounts(Quantity::ONE, VatRate::ZERO, Currency::NOK, Rounding::default()).unwrap();
    /// assert_eq!(a.amount(), 1000);
    /// ```
    pub const fn amount(self) -> i64 {
        self.amount
    }

    /// The VAT contained in [`amount`](Self::amount).
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Quantity, Rounding, UnitPrice, VatRate};
    /// let a = UnitPrice::minor(1000).line_amounts(Quantity::ONE, VatRate::ZERO, Currency::NOK, Rounding::default()).unwrap();
    /// assert_eq!(a.vat_amount(), 0);
    /// ```
    pub const fn vat_amount(self) -> i64 {
        self.vat_amount
    }
}

/// Why a line's amounts could not be computed.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineAmountError {
    /// The price states another currency than the order's.
    CurrencyMismatch {
        /// The price's currency.
        price: Currency,
        /// The order's currency.
        order: Currency,
    },
    /// The amounts do not fit.
    Overflow,
}

impl fmt::Display for LineAmountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LineAmountError::CurrencyMismatch { price, order } => {
                write!(f, "price is in {price} but the order is in {order}")
            }
            LineAmountError::Overflow => f.write_str("unit price × quantity is out of range"),
        }
    }
}

impl std::error::Error for LineAmountError {}
