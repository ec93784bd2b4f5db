//! Money: whole minor units of one currency, with checked arithmetic and no floats.

use std::cmp::Ordering;
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
///
/// # In a shop's own types
///
/// `Money` serializes as `{"amount": 29990, "currency": "NOK"}`: the amount as an integer of
/// minor units and the ISO 4217 code, Dintero's own convention for an `amount` and its
/// `currency`. Reading it back is as strict as making it: the amount must be a JSON integer
/// (`29990.5`, `2.999e4` and `"29990"` are refused, never rounded or converted), the currency
/// one with a minor unit, and no other key may appear.
///
/// ```
/// use dintero_order_core::{Currency, Money};
///
/// let price = Money::from_minor(29990, Currency::NOK);
/// let json = serde_json::to_string(&price)?;
/// assert_eq!(json, r#"{"amount":29990,"currency":"NOK"}"#);
/// assert_eq!(serde_json::from_str::<Money>(&json)?, price);
/// assert!(serde_json::from_str::<Money>(r#"{"amount":29990.5,"currency":"NOK"}"#).is_err());
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// Amounts of one currency are ordered; amounts of two currencies are not comparable, so
/// `Money` is [`PartialOrd`] but not [`Ord`] (see [`partial_cmp`](Money::partial_cmp)).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Money {
    pub(crate) minor: i64,
    pub(crate) currency: Currency,
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

impl PartialOrd for Money {
    /// Compares amounts of the same currency; `None` across currencies, so `<`, `>`, `<=` and
    /// `>=` are all `false` there.
    ///
    /// There is deliberately no [`Ord`]: any total order across currencies (by code first,
    /// say) would make `100 NOK < 1 SEK` true and let `max`, `sort` or a `BTreeMap` give an
    /// answer that means nothing, where a comparison of two currencies is a mistake to notice.
    /// Sort amounts of one currency by [`minor_units`](Money::minor_units).
    ///
    /// ```
    /// use std::cmp::Ordering;
    /// use dintero_order_core::{Currency, Money};
    ///
    /// let nok = |minor| Money::from_minor(minor, Currency::NOK);
    /// assert!(nok(100) < nok(29990));
    /// assert_eq!(nok(100).partial_cmp(&nok(100)), Some(Ordering::Equal));
    /// let sek = Money::from_minor(1, Currency::SEK);
    /// assert_eq!(nok(100).partial_cmp(&sek), None);
    /// assert_eq!([nok(100) < sek, nok(100) >= sek], [false, false]);
    /// ```
    fn partial_cmp(&self, other: &Money) -> Option<Ordering> {
        (self.currency == other.currency).then(|| self.minor.cmp(&other.minor))
    }
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

#[cfg(test)]
mod tests {
    use std::cmp::Ordering;

    use super::Money;
    use crate::Currency;

    fn parse(json: &str) -> Result<Money, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    #[test]
    fn money_is_written_as_integer_minor_units_and_its_code() {
        let cases = [
            (
                Money::from_minor(29990, Currency::NOK),
                r#"{"amount":29990,"currency":"NOK"}"#,
            ),
            (
                Money::from_minor(-500, Currency::EUR),
                r#"{"amount":-500,"currency":"EUR"}"#,
            ),
            (
                Money::from_minor(1500, Currency::JPY),
                r#"{"amount":1500,"currency":"JPY"}"#,
            ),
            (
                Money::from_minor(1234, Currency::KWD),
                r#"{"amount":1234,"currency":"KWD"}"#,
            ),
            (
                Money::from_minor(i64::MAX, Currency::SEK),
                r#"{"amount":9223372036854775807,"currency":"SEK"}"#,
            ),
            (
                Money::from_minor(i64::MIN, Currency::SEK),
                r#"{"amount":-9223372036854775808,"currency":"SEK"}"#,
            ),
        ];
        for (money, json) in cases {
            assert_eq!(serde_json::to_string(&money).ok().as_deref(), Some(json));
            assert_eq!(parse(json), Ok(money), "{json}");
        }
        // Keys in any order, whitespace anywhere.
        assert_eq!(
            parse(r#" { "currency" : "NOK" , "amount" : 0 } "#),
            Ok(Money::zero(Currency::NOK))
        );
    }

    #[test]
    fn reading_money_is_strict() {
        let refused = [
            (
                r#"{"amount":29990.5,"currency":"NOK"}"#,
                "invalid type: floating point `29990.5`, expected an integer amount in minor units (29990 for 299.90 NOK) at line 1 column 17",
            ),
            (
                r#"{"amount":29990.0,"currency":"NOK"}"#,
                "invalid type: floating point `29990.0`, expected an integer amount in minor units (29990 for 299.90 NOK) at line 1 column 17",
            ),
            (
                r#"{"amount":"29990","currency":"NOK"}"#,
                r#"invalid type: string "29990", expected an integer amount in minor units (29990 for 299.90 NOK) at line 1 column 17"#,
            ),
            (
                r#"{"amount":9223372036854775808,"currency":"NOK"}"#,
                "invalid value: integer `9223372036854775808`, expected an integer amount in minor units (29990 for 299.90 NOK) at line 1 column 29",
            ),
            (
                r#"{"amount":29990,"currency":"NKO"}"#,
                "`NKO` is not an ISO 4217 currency code at line 1 column 32",
            ),
            (
                r#"{"amount":29990,"currency":"nok"}"#,
                "`nok` is not an ISO 4217 currency code at line 1 column 32",
            ),
            (
                r#"{"amount":29990,"currency":"XAU"}"#,
                "currency `XAU` has no minor unit, so Dintero cannot charge in it at line 1 column 32",
            ),
            (
                r#"{"amount":29990}"#,
                "missing field `currency` at line 1 column 16",
            ),
            (
                r#"{"amount":29990,"currency":"NOK","vat":25}"#,
                "unknown field `vat`, expected `amount` or `currency` at line 1 column 38",
            ),
            (
                r#"{"amount":1,"amount":2,"currency":"NOK"}"#,
                "duplicate field `amount` at line 1 column 20",
            ),
            (
                "29990",
                r#"invalid type: integer `29990`, expected an amount of money: {"amount": <integer minor units>, "currency": "NOK"} at line 1 column 5"#,
            ),
        ];
        for (json, message) in refused {
            assert_eq!(parse(json), Err(message.to_owned()), "{json}");
        }
    }

    #[test]
    fn only_amounts_of_one_currency_compare() {
        let nok = |minor| Money::from_minor(minor, Currency::NOK);
        assert_eq!(nok(1).partial_cmp(&nok(2)), Some(Ordering::Less));
        assert_eq!(nok(-2).partial_cmp(&nok(-3)), Some(Ordering::Greater));
        assert_eq!(nok(7).partial_cmp(&nok(7)), Some(Ordering::Equal));
        let sek = Money::from_minor(1, Currency::SEK);
        assert_eq!(nok(100).partial_cmp(&sek), None);
        assert_eq!(sek.partial_cmp(&nok(100)), None);
        // Same minor units, another currency: neither equal nor ordered.
        assert_ne!(nok(1), sek);
        assert_eq!(nok(1).partial_cmp(&sek), None);
        let a = nok(100);
        assert_eq!([a < sek, a <= sek, a > sek, a >= sek], [false; 4]);
    }
}
