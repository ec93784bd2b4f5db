//! Quantity: how many units a line holds, greater than zero, decimals allowed.

use std::fmt;
use std::num::NonZeroU32;

use rust_decimal::Decimal;

use crate::number;

/// How many units a line holds: greater than 0; decimals allowed for goods sold by weight or
/// volume (`2.5` kg). In JSON it is a number (`2`, `2.5`), never a string.
///
/// At most 15 significant digits, so the value survives any JSON parser exactly.
///
/// ```
/// use dintero_order_core::Quantity;
/// use rust_decimal_macros::dec;
///
/// assert_eq!(Quantity::new(dec!(2.50)).unwrap().get(), dec!(2.5));
/// assert!(Quantity::new(dec!(0)).is_err());
/// assert!(Quantity::new(dec!(-1)).is_err());
/// assert_eq!(Quantity::from(std::num::NonZeroU32::MIN), Quantity::ONE);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Quantity {
    value: Decimal,
}

impl Quantity {
    /// One unit.
    pub const ONE: Quantity = Quantity {
        value: Decimal::ONE,
    };

    /// A quantity; `Err` when not greater than zero or finer than 15 significant digits.
    ///
    /// ```
    /// # use dintero_order_core::Quantity;
    /// use rust_decimal_macros::dec;
    /// assert!(Quantity::new(dec!(0.125)).is_ok());
    /// assert!(Quantity::new(dec!(1.0000000000000001)).is_err());
    /// ```
    pub fn new(value: Decimal) -> Result<Quantity, QuantityError> {
        // Sign and zero tests on the bits, not a general decimal comparison.
        if value.is_sign_negative() || value.is_zero() {
            return Err(QuantityError::NotPositive);
        }
        // Normalised once (it divides a 96-bit mantissa by ten per trailing zero), and only
        // when there are decimals to strip.
        let value = if value.scale() == 0 {
            value
        } else {
            value.normalize()
        };
        if number::fits_json_number_normal(value) {
            Ok(Quantity { value })
        } else {
            Err(QuantityError::TooPrecise)
        }
    }

    /// The quantity as a decimal, normalised (`2.50` → `2.5`).
    ///
    /// ```
    /// # use dintero_order_core::Quantity;
    /// use rust_decimal_macros::dec;
    /// assert_eq!(Quantity::ONE.get(), dec!(1));
    /// ```
    pub fn get(self) -> Decimal {
        self.value
    }
}

impl From<NonZeroU32> for Quantity {
    fn from(n: NonZeroU32) -> Self {
        Quantity {
            value: Decimal::from(n.get()),
        }
    }
}

impl TryFrom<Decimal> for Quantity {
    type Error = QuantityError;

    /// Same as [`Quantity::new`].
    ///
    /// ```
    /// # use dintero_order_core::Quantity;
    /// use rust_decimal_macros::dec;
    /// assert_eq!(Quantity::try_from(dec!(3)).unwrap().get(), dec!(3));
    /// ```
    fn try_from(value: Decimal) -> Result<Self, Self::Error> {
        Quantity::new(value)
    }
}

impl fmt::Debug for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Quantity({})", self.value)
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.value, f)
    }
}

/// Why a quantity was rejected.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuantityError {
    /// Zero or negative.
    NotPositive,
    /// More than 15 significant digits or 22 decimals.
    TooPrecise,
}

impl QuantityError {
    pub(crate) const EXPECTED: &'static str =
        "a quantity greater than 0 with at most 15 significant digits and 22 decimals";
}

impl fmt::Display for QuantityError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QuantityError::NotPositive => f.write_str("quantity must be greater than 0"),
            QuantityError::TooPrecise => {
                f.write_str("quantity must have at most 15 significant digits and 22 decimals")
            }
        }
    }
}

impl std::error::Error for QuantityError {}

impl serde::Serialize for Quantity {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Normalised, so a whole quantity has scale 0: written as the integer it is.
        match (self.value.scale(), i64::try_from(self.value.mantissa())) {
            (0, Ok(whole)) => serializer.serialize_i64(whole),
            _ => number::serialize_decimal(&self.value, serializer),
        }
    }
}

impl<'de> serde::Deserialize<'de> for Quantity {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = number::deserialize_decimal(deserializer)?;
        Quantity::new(value).map_err(serde::de::Error::custom)
    }
}
