//! Money: whole minor units of one currency, with checked arithmetic and no floats.

use std::fmt;

use rust_decimal::Decimal;

use crate::{Currency, Rounding};

/// An amount in whole minor units of a currency (øre for NOK, whole krónur for ISK, fils for
/// KWD).
///
/// There is no conversion from or to floating point. A major-unit [`Decimal`] with more
/// decimals than the currency has is an error unless the caller picks a rounding.
/// Arithmetic is checked: overflow and mixing currencies are errors, never wraps.
///
/// ```
/// use dintero_order_core::{Currency, Money};
/// use rust_decimal_macros::dec;
///
/// let price = Money::from_major(dec!(299.90), Currency::NOK).unwrap();
/// assert_eq!(price.minor_units(), 29990);
/// assert_eq!(price.to_string(), "299.90 NOK");
/// assert_eq!(Money::from_major(dec!(299), Currency::JPY).unwrap().minor_units(), 299);
/// assert!(Money::from_major(dec!(299.5), Currency::JPY).is_err());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Money {
    minor: i64,
    currency: Currency,
}

impl Money {
    /// An amount from whole minor units.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Money};
    /// assert_eq!(Money::from_minor(29990, Currency::NOK).to_string(), "299.90 NOK");
    /// ```
    pub const fn from_minor(minor: i64, currency: Currency) -> Money {
        Money { minor, currency }
    }

    /// Zero in `currency`.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Money};
    /// assert_eq!(Money::zero(Currency::SEK).minor_units(), 0);
    /// ```
    pub const fn zero(currency: Currency) -> Money {
        Money { minor: 0, currency }
    }

    /// An amount from major units; `Err` when it has more decimals than the currency allows
    /// or does not fit.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Money, MoneyError};
    /// use rust_decimal_macros::dec;
    /// assert_eq!(Money::from_major(dec!(1.234), Currency::KWD).unwrap().minor_units(), 1234);
    /// assert!(matches!(
    ///     Money::from_major(dec!(1.234), Currency::NOK),
    ///     Err(MoneyError::TooPrecise { .. })
    /// ));
    /// ```
    pub fn from_major(major: Decimal, currency: Currency) -> Result<Money, MoneyError> {
        let minor = major_to_minor(major, currency, None)?;
        Ok(Money { minor, currency })
    }

    /// An amount from major units, rounding once by `rounding` when it is finer than the
    /// currency.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Money, Rounding};
    /// use rust_decimal_macros::dec;
    /// let m = Money::from_major_rounded(dec!(0.125), Currency::NOK, Rounding::HalfEven).unwrap();
    /// assert_eq!(m.minor_units(), 12);
    /// ```
    pub fn from_major_rounded(
        major: Decimal,
        currency: Currency,
        rounding: Rounding,
    ) -> Result<Money, MoneyError> {
        let minor = major_to_minor(major, currency, Some(rounding))?;
        Ok(Money { minor, currency })
    }

    /// The amount in minor units.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Money};
    /// assert_eq!(Money::from_minor(-500, Currency::EUR).minor_units(), -500);
    /// ```
    pub const fn minor_units(self) -> i64 {
        self.minor
    }

    /// The currency.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Money};
    /// assert_eq!(Money::from_minor(1, Currency::EUR).currency(), Currency::EUR);
    /// ```
    pub const fn currency(self) -> Currency {
        self.currency
    }

    /// The amount in major units, exact.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Money};
    /// use rust_decimal_macros::dec;
    /// assert_eq!(Money::from_minor(29990, Currency::NOK).to_major(), dec!(299.90));
    /// ```
    pub fn to_major(self) -> Decimal {
        Decimal::new(self.minor, u32::from(self.currency.exponent()))
    }

    /// `self + other`; `Err` on different currencies or overflow.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Money};
    /// let a = Money::from_minor(100, Currency::NOK);
    /// assert_eq!(a.checked_add(a).unwrap().minor_units(), 200);
    /// assert!(a.checked_add(Money::from_minor(1, Currency::SEK)).is_err());
    /// ```
    pub fn checked_add(self, other: Money) -> Result<Money, MoneyError> {
        self.same_currency(other)?;
        let minor = self
            .minor
            .checked_add(other.minor)
            .ok_or(MoneyError::Overflow)?;
        Ok(Money { minor, ..self })
    }

    /// `self − other`; `Err` on different currencies or overflow.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Money};
    /// let a = Money::from_minor(100, Currency::NOK);
    /// assert_eq!(a.checked_sub(Money::from_minor(150, Currency::NOK)).unwrap().minor_units(), -50);
    /// ```
    pub fn checked_sub(self, other: Money) -> Result<Money, MoneyError> {
        self.same_currency(other)?;
        let minor = self
            .minor
            .checked_sub(other.minor)
            .ok_or(MoneyError::Overflow)?;
        Ok(Money { minor, ..self })
    }

    /// `−self`; `Err` on overflow.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Money};
    /// assert_eq!(Money::from_minor(5, Currency::NOK).checked_neg().unwrap().minor_units(), -5);
    /// ```
    pub fn checked_neg(self) -> Result<Money, MoneyError> {
        let minor = self.minor.checked_neg().ok_or(MoneyError::Overflow)?;
        Ok(Money { minor, ..self })
    }

    fn same_currency(self, other: Money) -> Result<(), MoneyError> {
        if self.currency == other.currency {
            Ok(())
        } else {
            Err(MoneyError::CurrencyMismatch {
                left: self.currency,
                right: other.currency,
            })
        }
    }
}

/// Converts major units to minor units: exact, or rounded once when a rule is given.
pub(crate) fn major_to_minor(
    major: Decimal,
    currency: Currency,
    rounding: Option<Rounding>,
) -> Result<i64, MoneyError> {
    let exponent = u32::from(currency.exponent());
    let scale = major.scale();
    let mantissa = major.mantissa();
    let minor = if scale <= exponent {
        mantissa
            .checked_mul(10_i128.pow(exponent - scale))
            .ok_or(MoneyError::Overflow)?
    } else {
        let divisor = 10_i128.pow(scale - exponent);
        match rounding {
            Some(rule) => rule.divide(mantissa, divisor).ok_or(MoneyError::Overflow)?,
            None if mantissa % divisor == 0 => mantissa / divisor,
            None => {
                return Err(MoneyError::TooPrecise {
                    value: major,
                    currency,
                });
            }
        }
    };
    i64::try_from(minor).map_err(|_| MoneyError::Overflow)
}

impl fmt::Debug for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Money({self})")
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.to_major(), self.currency)
    }
}

/// Why a money value or computation was rejected.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MoneyError {
    /// More decimals than the currency's minor unit.
    TooPrecise {
        /// The value given.
        value: Decimal,
        /// The currency it was meant for.
        currency: Currency,
    },
    /// The result does not fit in `i64` minor units.
    Overflow,
    /// Two amounts in different currencies.
    CurrencyMismatch {
        /// The left operand's currency.
        left: Currency,
        /// The right operand's currency.
        right: Currency,
    },
}

impl fmt::Display for MoneyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MoneyError::TooPrecise { value, currency } => write!(
                f,
                "{value} has more decimals than {currency} allows ({})",
                currency.exponent()
            ),
            MoneyError::Overflow => f.write_str("amount out of range"),
            MoneyError::CurrencyMismatch { left, right } => {
                write!(f, "cannot combine {left} and {right}")
            }
        }
    }
}

impl std::error::Error for MoneyError {}
