//! The VAT rate: a percentage in 0..=100 with at most 2 decimals, held as exact hundredths.
//! A rate strictly between 0 and 1 is refused as a probable fraction (0.25 meant as 25 %).

use std::borrow::Cow;
use std::fmt;

use rust_decimal::Decimal;

/// A VAT percentage: 25 means 25 %, never 0.25 and never 2500.
///
/// It is held as whole hundredths of a percent (25.5 % is 2550), so every VAT computation is
/// exact integer arithmetic. Valid rates are 0..=100 with at most 2 decimals: 25, 15, 12,
/// 25.5, 0. In JSON it is a number: `25` or `25.5`.
///
/// A rate strictly between 0 and 1 is refused ([`VatRateError::Fraction`]): no country
/// charges such a rate, and `0.25` is nearly always 25 % written as a fraction, which taken
/// at its word would send a quarter of a percent. Write `25` for 25 %.
///
/// ```
/// use dintero_order_core::{VatRate, VatRateError};
/// use rust_decimal_macros::dec;
///
/// let rate = VatRate::from_percent(dec!(25.5)).unwrap();
/// assert_eq!(rate.hundredths(), 2550);
/// assert_eq!(rate.to_string(), "25.5");
/// assert!(VatRate::from_percent(dec!(250)).is_err());
/// assert!(VatRate::from_percent(dec!(12.345)).is_err());
/// assert_eq!(VatRate::from_percent(dec!(0.25)), Err(VatRateError::Fraction));
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct VatRate {
    pub(crate) hundredths: u16,
}

/// The largest rate, 100 %, in hundredths.
const MAX_HUNDREDTHS: u16 = 100 * 100;

impl VatRate {
    /// 0 %.
    pub const ZERO: VatRate = VatRate { hundredths: 0 };

    /// A rate from whole hundredths of a percent (`2550` is 25.5 %). Usable in `const`.
    ///
    /// 1..=99 hundredths (a rate strictly between 0 and 1 %) is refused as a probable
    /// fraction, as by every other constructor, so that every rate reads back from its JSON.
    ///
    /// ```
    /// use dintero_order_core::{VatRate, VatRateError};
    /// const REDUCED: VatRate = match VatRate::from_hundredths(1500) {
    ///     Ok(rate) => rate,
    ///     Err(_) => panic!("not a VAT rate"),
    /// };
    /// assert_eq!(REDUCED.to_string(), "15");
    /// assert!(VatRate::from_hundredths(10_001).is_err());
    /// assert_eq!(VatRate::from_hundredths(25), Err(VatRateError::Fraction));
    /// ```
    #[inline]
    pub const fn from_hundredths(hundredths: u16) -> Result<VatRate, VatRateError> {
        if hundredths > MAX_HUNDREDTHS {
            Err(VatRateError::OutOfRange)
        } else if hundredths > 0 && hundredths < 100 {
            Err(VatRateError::Fraction)
        } else {
            Ok(VatRate { hundredths })
        }
    }

    /// A rate from a whole percentage (`25` is 25 %). Usable in `const`.
    ///
    /// ```
    /// use dintero_order_core::VatRate;
    /// assert_eq!(VatRate::from_whole_percent(25).unwrap().hundredths(), 2500);
    /// assert!(VatRate::from_whole_percent(101).is_err());
    /// ```
    #[inline]
    pub const fn from_whole_percent(percent: u8) -> Result<VatRate, VatRateError> {
        VatRate::from_hundredths(percent as u16 * 100)
    }

    /// A rate from a percentage as a decimal (`dec!(25.5)`); `dec!(0.25)` is refused as a
    /// probable fraction.
    ///
    /// ```
    /// use dintero_order_core::{VatRate, VatRateError};
    /// use rust_decimal_macros::dec;
    /// assert_eq!(VatRate::from_percent(dec!(12.00)).unwrap().hundredths(), 1200);
    /// assert!(VatRate::from_percent(dec!(-1)).is_err());
    /// assert_eq!(VatRate::from_percent(dec!(0.25)), Err(VatRateError::Fraction));
    /// ```
    #[inline]
    pub fn from_percent(percent: Decimal) -> Result<VatRate, VatRateError> {
        if percent.is_sign_negative() && !percent.is_zero() {
            return Err(VatRateError::OutOfRange);
        }
        // percent = mantissa / 10^scale ≥ 0, so its hundredths are whole + rest / 10^(scale − 2)
        // with whole and rest below: integer arithmetic, no Decimal multiplication or
        // comparison. A rest (digits past the second decimal) is too precise, unless the rate
        // is past 100 % anyway.
        let (mantissa, scale) = (percent.mantissa().unsigned_abs(), percent.scale());
        let (whole, rest) = match scale {
            // mantissa < 2^96, so this cannot overflow.
            0 => (mantissa * 100, 0),
            1 => (mantissa * 10, 0),
            2 => (mantissa, 0),
            _ => {
                let unit = 10_u128.pow(scale - 2);
                (mantissa / unit, mantissa % unit)
            }
        };
        let max = u128::from(MAX_HUNDREDTHS);
        if whole > max || (whole == max && rest != 0) {
            return Err(VatRateError::OutOfRange);
        }
        // Strictly between 0 and 1 % (however many decimals): a fraction, which says more
        // than that it is too precise.
        if whole < 100 && (whole != 0 || rest != 0) {
            return Err(VatRateError::Fraction);
        }
        if rest != 0 {
            return Err(VatRateError::TooPrecise);
        }
        // whole ≤ MAX_HUNDREDTHS, so it fits.
        u16::try_from(whole).map_or(Err(VatRateError::OutOfRange), VatRate::from_hundredths)
    }

    /// The rate in hundredths of a percent (25.5 % → 2550).
    ///
    /// ```
    /// # use dintero_order_core::VatRate;
    /// assert_eq!(VatRate::from_whole_percent(12).unwrap().hundredths(), 1200);
    /// ```
    pub const fn hundredths(self) -> u16 {
        self.hundredths
    }

    /// The rate as a percentage (25.5 % → `25.5`).
    ///
    /// ```
    /// # use dintero_order_core::VatRate;
    /// use rust_decimal_macros::dec;
    /// assert_eq!(VatRate::from_hundredths(2550).unwrap().percent(), dec!(25.5));
    /// ```
    pub fn percent(self) -> Decimal {
        Decimal::new(i64::from(self.hundredths), 2).normalize()
    }
}

impl fmt::Debug for VatRate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "VatRate({self}%)")
    }
}

impl fmt::Display for VatRate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let whole = self.hundredths / 100;
        match self.hundredths % 100 {
            0 => write!(f, "{whole}"),
            frac if frac % 10 == 0 => write!(f, "{whole}.{}", frac / 10),
            frac => write!(f, "{whole}.{frac:02}"),
        }
    }
}

/// Why a VAT rate was rejected.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VatRateError {
    /// Below 0 or above 100.
    OutOfRange,
    /// More than 2 decimals.
    TooPrecise,
    /// Strictly between 0 and 1: a fraction (`0.25`) where a percentage (`25`) was meant.
    Fraction,
}

impl VatRateError {
    /// What a valid rate looks like, for messages.
    pub(crate) const EXPECTED: &'static str =
        "a VAT percentage in 0..=100 with at most 2 decimals (25 means 25 %)";

    /// What was expected instead of the rejected percentage `found`, for messages: for a
    /// fraction, the percentage it stands for (`0.25` → "write 25 for 25 %").
    pub(crate) fn expected_instead_of(found: Decimal) -> Cow<'static, str> {
        if VatRate::from_percent(found) != Err(VatRateError::Fraction) {
            return Cow::Borrowed(VatRateError::EXPECTED);
        }
        let fraction = found.normalize();
        let meant = fraction
            .checked_mul(Decimal::ONE_HUNDRED)
            .map(|meant| meant.normalize())
            .filter(|meant| VatRate::from_percent(*meant).is_ok());
        Cow::Owned(match meant {
            Some(meant) => format!(
                "a VAT percentage such as 25 ({fraction} looks like a fraction; write {meant} for {meant} %)"
            ),
            None => format!(
                "a VAT percentage such as 25 ({fraction} looks like a fraction; a rate between 0 and 1 is refused)"
            ),
        })
    }
}

impl fmt::Display for VatRateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VatRateError::OutOfRange => f.write_str("VAT rate must be between 0 and 100 percent"),
            VatRateError::TooPrecise => {
                f.write_str("VAT rate must have at most 2 decimals (e.g. 25.5)")
            }
            VatRateError::Fraction => f.write_str(
                "VAT rate must be a percentage such as 25, not a fraction such as 0.25 (write 25 for 25 %)",
            ),
        }
    }
}

impl std::error::Error for VatRateError {}

impl TryFrom<Decimal> for VatRate {
    type Error = VatRateError;

    /// Same as [`VatRate::from_percent`].
    ///
    /// ```
    /// # use dintero_order_core::VatRate;
    /// use rust_decimal_macros::dec;
    /// assert_eq!(VatRate::try_from(dec!(25)), VatRate::from_whole_percent(25));
    /// ```
    fn try_from(percent: Decimal) -> Result<Self, Self::Error> {
        VatRate::from_percent(percent)
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use super::{VatRate, VatRateError};

    fn rate(text: &str) -> Result<u16, VatRateError> {
        let percent: Decimal = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
        VatRate::from_percent(percent).map(VatRate::hundredths)
    }

    #[test]
    fn percentages_are_checked_on_mantissa_and_scale() {
        assert_eq!(rate("25"), Ok(2500));
        assert_eq!(rate("25.5"), Ok(2550));
        assert_eq!(rate("12.25"), Ok(1225));
        assert_eq!(rate("12.2500000"), Ok(1225));
        assert_eq!(rate("100.000"), Ok(10_000));
        assert_eq!(rate("0"), Ok(0));
        assert_eq!(rate("-0.00"), Ok(0));
        assert_eq!(rate("-0.01"), Err(VatRateError::OutOfRange));
        assert_eq!(rate("100.01"), Err(VatRateError::OutOfRange));
        // Past 100 % is out of range before it is too precise.
        assert_eq!(rate("100.001"), Err(VatRateError::OutOfRange));
        assert_eq!(rate("12.345"), Err(VatRateError::TooPrecise));
        assert_eq!(rate("1.001"), Err(VatRateError::TooPrecise));
        assert_eq!(rate("1"), Ok(100));
        assert_eq!(rate("1.00"), Ok(100));
        // Strictly between 0 and 1: a fraction, however precise.
        for fraction in ["0.25", "0.01", "0.99", "0.255", "0.999", "0.5000"] {
            assert_eq!(rate(fraction), Err(VatRateError::Fraction), "{fraction}");
        }
        assert_eq!(
            rate("0.0000000000000000000000000001"),
            Err(VatRateError::Fraction)
        );
        assert_eq!(
            rate("79228162514264337593543950335"),
            Err(VatRateError::OutOfRange)
        );
        assert_eq!(
            rate("7922816251426433759354395033.5"),
            Err(VatRateError::OutOfRange)
        );
    }

    #[test]
    fn whole_percentages_in_json_skip_the_decimal_with_the_same_results() {
        let parse = |json: &str| serde_json::from_str::<VatRate>(json).map_err(|e| e.to_string());
        assert_eq!(parse("25"), Ok(VatRate { hundredths: 2500 }));
        assert_eq!(parse("25.5"), Ok(VatRate { hundredths: 2550 }));
        let out_of_range = "VAT rate must be between 0 and 100 percent";
        for json in ["101", "256", "65536", "-1", "100.5"] {
            assert_eq!(parse(json), Err(out_of_range.to_owned()), "{json}");
        }
        let fraction = "VAT rate must be a percentage such as 25, not a fraction such as 0.25 (write 25 for 25 %)";
        for json in ["0.25", "0.5", "0.01", "2.5e-1"] {
            assert_eq!(parse(json), Err(fraction.to_owned()), "{json}");
        }
        assert_eq!(parse("0.0"), Ok(VatRate::ZERO));
        assert_eq!(parse("1.0"), Ok(VatRate { hundredths: 100 }));
    }

    #[test]
    fn hundredths_below_one_percent_are_fractions_too() {
        assert_eq!(VatRate::from_hundredths(0), Ok(VatRate::ZERO));
        assert_eq!(VatRate::from_hundredths(1), Err(VatRateError::Fraction));
        assert_eq!(VatRate::from_hundredths(99), Err(VatRateError::Fraction));
        assert_eq!(
            VatRate::from_hundredths(100),
            Ok(VatRate { hundredths: 100 })
        );
        assert_eq!(
            VatRate::from_hundredths(10_000),
            Ok(VatRate { hundredths: 10_000 })
        );
        // Every rate that exists reads back from the JSON it writes.
        for hundredths in 0..=10_000 {
            let Ok(rate) = VatRate::from_hundredths(hundredths) else {
                continue;
            };
            let json = serde_json::to_string(&rate).unwrap_or_default();
            assert_eq!(
                serde_json::from_str::<VatRate>(&json).ok(),
                Some(rate),
                "{json}"
            );
        }
    }

    #[test]
    fn a_fraction_is_answered_with_the_percentage_it_stands_for() {
        let expected = |text: &str| {
            let percent: Decimal = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
            VatRateError::expected_instead_of(percent).into_owned()
        };
        assert_eq!(
            expected("0.25"),
            "a VAT percentage such as 25 (0.25 looks like a fraction; write 25 for 25 %)"
        );
        assert_eq!(
            expected("0.2550"),
            "a VAT percentage such as 25 (0.255 looks like a fraction; write 25.5 for 25.5 %)"
        );
        assert_eq!(
            expected("0.00001"),
            "a VAT percentage such as 25 (0.00001 looks like a fraction; a rate between 0 and 1 is refused)"
        );
        for other in ["250", "-1", "12.345"] {
            assert_eq!(expected(other), VatRateError::EXPECTED, "{other}");
        }
    }
}
