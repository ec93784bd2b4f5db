//! Quantity: how many units a line holds, greater than zero, decimals allowed.

use std::fmt;
use std::num::{NonZeroU32, NonZeroU64};

use rust_decimal::Decimal;

use crate::money::decimal;

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
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Quantity {
    // `mantissa × 10^-scale`, normalised (no trailing zeros after the point), so equal
    // quantities have equal fields. At most 15 significant digits always fit `i64`: the line
    // arithmetic and serialization read these as they are, without a 96-bit decimal. Never
    // zero, which also makes `Option<Quantity>` (every order item's) no larger.
    pub(crate) mantissa: NonZeroU64,
    pub(crate) scale: u8,
}

impl Quantity {
    /// One unit.
    pub const ONE: Quantity = Quantity {
        mantissa: NonZeroU64::MIN,
        scale: 0,
    };

    /// A quantity; `Err` when not greater than zero or finer than 15 significant digits.
    ///
    /// ```
    /// # use dintero_order_core::Quantity;
    /// use rust_decimal_macros::dec;
    /// assert!(Quantity::new(dec!(0.125)).is_ok());
    /// assert!(Quantity::new(dec!(1.0000000000000001)).is_err());
    /// ```
    #[inline]
    pub fn new(value: Decimal) -> Result<Quantity, QuantityError> {
        // Sign and zero tests on the bits, not a general decimal comparison.
        if value.is_sign_negative() || value.is_zero() {
            return Err(QuantityError::NotPositive);
        }
        Quantity::normalised(value.mantissa(), value.scale())
    }

    /// The positive `mantissa × 10^-scale`, normalised: trailing zeros are stripped on the
    /// integers rather than by `Decimal::normalize` (a 96-bit division per zero), in `i64`
    /// once the mantissa fits.
    #[inline]
    fn normalised(mut mantissa: i128, mut scale: u32) -> Result<Quantity, QuantityError> {
        while scale > 0 && mantissa > i128::from(i64::MAX) && mantissa % 10 == 0 {
            mantissa /= 10;
            scale -= 1;
        }
        let Ok(mut mantissa) = i64::try_from(mantissa) else {
            return Err(QuantityError::TooPrecise);
        };
        while scale > 0 && mantissa % 10 == 0 {
            mantissa /= 10;
            scale -= 1;
        }
        match (
            u8::try_from(scale),
            u64::try_from(mantissa).ok().and_then(NonZeroU64::new),
        ) {
            (Ok(scale), Some(positive)) if decimal::fits_json_number_parts(mantissa, scale) => {
                Ok(Quantity {
                    mantissa: positive,
                    scale,
                })
            }
            _ => Err(QuantityError::TooPrecise),
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
        Decimal::new(self.signed_mantissa(), u32::from(self.scale))
    }

    /// `(mantissa, scale)`: the quantity is `mantissa × 10^-scale`, normalised.
    pub(crate) fn parts(self) -> (i64, u32) {
        (self.signed_mantissa(), u32::from(self.scale))
    }

    /// The mantissa as the arithmetic takes it (below 10^15, so it always fits).
    pub(crate) fn signed_mantissa(self) -> i64 {
        i64::try_from(self.mantissa.get()).unwrap_or(i64::MAX)
    }
}

impl PartialOrd for Quantity {
    fn partial_cmp(&self, other: &Quantity) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Quantity {
    /// By value (`0.5 < 2`), as the decimals compare.
    fn cmp(&self, other: &Quantity) -> std::cmp::Ordering {
        self.get().cmp(&other.get())
    }
}

impl From<NonZeroU32> for Quantity {
    fn from(n: NonZeroU32) -> Self {
        Quantity {
            mantissa: NonZeroU64::from(n),
            scale: 0,
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
        write!(f, "Quantity({})", self.get())
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.get(), f)
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

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn quantity(value: Decimal) -> Quantity {
        Quantity::new(value).unwrap_or_else(|e| panic!("{value}: {e}"))
    }

    #[test]
    fn held_normalised_so_equal_values_are_equal_quantities() {
        assert_eq!(quantity(dec!(2.50)), quantity(dec!(2.5)));
        assert_eq!(quantity(dec!(2.50)).parts(), (25, 1));
        assert_eq!(
            quantity(dec!(3.000)),
            Quantity::from(NonZeroU32::new(3).unwrap_or(NonZeroU32::MIN))
        );
        assert_eq!(quantity(dec!(100)).parts(), (100, 0));
        assert_eq!(quantity(dec!(0.125)).get(), dec!(0.125));
        assert_eq!(quantity(dec!(1.000)).get().scale(), 0);
    }

    #[test]
    fn ordered_by_value_not_by_digits() {
        let mut quantities = [dec!(2), dec!(0.5), dec!(10), dec!(1.25), dec!(0.75)].map(quantity);
        quantities.sort();
        assert_eq!(
            quantities.map(Quantity::get),
            [dec!(0.5), dec!(0.75), dec!(1.25), dec!(2), dec!(10)]
        );
    }

    #[test]
    fn the_limits_fit_the_parts() {
        // 15 significant digits and 22 decimals are the most a quantity holds.
        let widest = quantity(dec!(999999999999999));
        assert_eq!(widest.parts(), (999_999_999_999_999, 0));
        let finest = quantity(dec!(0.0000000000000000000001));
        assert_eq!(finest.parts(), (1, 22));
        assert_eq!(
            Quantity::new(dec!(1000000000000000.1)),
            Err(QuantityError::TooPrecise)
        );
        assert_eq!(
            Quantity::new(dec!(0.00000000000000000000001)),
            Err(QuantityError::TooPrecise)
        );
        assert_eq!(Quantity::new(dec!(-0.5)), Err(QuantityError::NotPositive));
        // Trailing zeros are stripped even when the mantissa starts beyond i64.
        let one = Decimal::from_i128_with_scale(10_i128.pow(27), 27);
        assert_eq!(quantity(one).parts(), (1, 0));
        let wide = Decimal::from_i128_with_scale(10_i128.pow(20) + 1, 5);
        assert_eq!(Quantity::new(wide), Err(QuantityError::TooPrecise));
    }

    #[test]
    fn serialized_as_the_number_it_is() {
        let json = [dec!(2), dec!(2.50), dec!(0.125), dec!(100)]
            .map(|q| serde_json::to_string(&quantity(q)).unwrap_or_default());
        assert_eq!(json, ["2", "2.5", "0.125", "100"]);
    }
}
