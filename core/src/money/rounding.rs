//! How a line's exact amount becomes whole minor units: once per line, never per unit.

/// The rounding rule for the one rounding each line gets.
///
/// Half away from zero is the default: 0.5 → 1, −0.5 → −1, 2.5 → 3.
/// Half even ("banker's rounding") is chosen per order with
/// [`OrderBuilder::rounding`](crate::OrderBuilder::rounding): 0.5 → 0, 1.5 → 2, 2.5 → 2.
///
/// ```
/// use dintero_order_core::Rounding;
///
/// assert_eq!(Rounding::default(), Rounding::HalfAwayFromZero);
/// assert_eq!(Rounding::HalfAwayFromZero.divide(25, 10), Some(3));
/// assert_eq!(Rounding::HalfEven.divide(25, 10), Some(2));
/// assert_eq!(Rounding::HalfEven.divide(-35, 10), Some(-4));
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Rounding {
    /// Ties go away from zero (commercial rounding). The default.
    #[default]
    HalfAwayFromZero,
    /// Ties go to the even neighbour (banker's rounding).
    HalfEven,
}

impl Rounding {
    /// `numerator / denominator`, rounded to an integer by this rule, in exact integer
    /// arithmetic. `None` when the denominator is zero or the result overflows.
    ///
    /// ```
    /// # use dintero_order_core::Rounding;
    /// assert_eq!(Rounding::HalfAwayFromZero.divide(-25, 10), Some(-3));
    /// assert_eq!(Rounding::HalfAwayFromZero.divide(1, 0), None);
    /// ```
    #[inline]
    pub const fn divide(self, numerator: i128, denominator: i128) -> Option<i128> {
        match self.divide_noting_tie(numerator, denominator) {
            Some((quotient, _)) => Some(quotient),
            None => None,
        }
    }

    /// [`divide`](Self::divide), and whether the exact quotient lay halfway between two
    /// integers: the one case where the rounding rules give different results.
    #[inline]
    pub(crate) const fn divide_noting_tie(
        self,
        numerator: i128,
        denominator: i128,
    ) -> Option<(i128, bool)> {
        if denominator == 0 {
            return None;
        }
        // The same arithmetic in i64 when it fits (every line total does): one division
        // instruction instead of two 128-bit library calls.
        if denominator > 0
            && denominator <= i64::MAX as i128
            && numerator >= i64::MIN as i128
            && numerator <= i64::MAX as i128
        {
            let (quotient, tie) = self.divide_i64(numerator as i64, denominator as i64);
            return Some((quotient as i128, tie));
        }
        // Work with a positive denominator so the remainder's sign follows the numerator.
        let (n, d) = if denominator < 0 {
            match (numerator.checked_neg(), denominator.checked_neg()) {
                (Some(n), Some(d)) => (n, d),
                _ => return None,
            }
        } else {
            (numerator, denominator)
        };
        let quotient = n / d; // truncates toward zero
        let remainder = n % d;
        if remainder == 0 {
            return Some((quotient, false));
        }
        let twice = remainder.unsigned_abs() * 2;
        let d_abs = d.unsigned_abs();
        let tie = twice == d_abs;
        let away = if twice > d_abs {
            true
        } else if twice < d_abs {
            false
        } else {
            match self {
                Rounding::HalfAwayFromZero => true,
                Rounding::HalfEven => quotient % 2 != 0,
            }
        };
        let rounded = if !away {
            Some(quotient)
        } else if n < 0 {
            quotient.checked_sub(1)
        } else {
            quotient.checked_add(1)
        };
        match rounded {
            Some(rounded) => Some((rounded, tie)),
            None => None,
        }
    }

    /// [`divide`](Self::divide) for `0 < d`. Cannot overflow: `|n / d| ≤ |n|`, and the
    /// one-unit step away from zero happens only when `d ≥ 2`, where `|n / d| ≤ i64::MAX / 2`.
    pub(crate) const fn divide_i64(self, n: i64, d: i64) -> (i64, bool) {
        if d == 1 {
            // Whole minor units already (most line totals): no division instruction.
            return (n, false);
        }
        let quotient = n / d;
        let remainder = n % d;
        if remainder == 0 {
            return (quotient, false);
        }
        let twice = remainder.unsigned_abs() * 2;
        let d = d.unsigned_abs();
        let tie = twice == d;
        let away = if twice > d {
            true
        } else if twice < d {
            false
        } else {
            match self {
                Rounding::HalfAwayFromZero => true,
                Rounding::HalfEven => quotient % 2 != 0,
            }
        };
        // |quotient| ≤ i64::MAX / 2 here (d ≥ 2), so the step away from zero stays in range.
        let rounded = match (away, n < 0) {
            (false, _) => quotient,
            (true, true) => quotient.saturating_sub(1),
            (true, false) => quotient.saturating_add(1),
        };
        (rounded, tie)
    }

    /// `mantissa × factor × 10^power`, rounded to an integer by this rule, and whether the
    /// exact value lay halfway: a line's total, exact for every price and quantity there are
    /// (a 96-bit price mantissa with up to 28 decimals times a 15-digit quantity with up to
    /// 22 decimals needs about 150 bits and a division by up to 10^50, beyond `i128`).
    ///
    /// When the product and the power of ten fit `i128` (a price mantissa past `i64` with a
    /// few decimals) this is [`divide_noting_tie`](Self::divide_noting_tie), one 128-bit
    /// division; otherwise [`round_scaled_wide`](Self::round_scaled_wide). `None` when the
    /// result does not fit `i128` (or `10^power` the product, for `power > 0`).
    pub(crate) fn round_scaled(
        self,
        mantissa: i128,
        factor: u64,
        power: i32,
    ) -> Option<(i128, bool)> {
        let product = mantissa.checked_mul(i128::from(factor));
        let power_of_ten = 10_i128.checked_pow(power.unsigned_abs());
        match (product, power_of_ten) {
            (Some(product), Some(power_of_ten)) if power < 0 => {
                self.divide_noting_tie(product, power_of_ten)
            }
            (Some(product), Some(power_of_ten)) => {
                Some((product.checked_mul(power_of_ten)?, false))
            }
            _ => self.round_scaled_wide(mantissa, factor, power),
        }
    }

    /// [`round_scaled`](Self::round_scaled) past `i128`. The product is held in three 64-bit
    /// limbs (192 bits, room for any `i128` times any `u64` times 10^4). It is divided by
    /// `10^(−power − 1)` keeping whether anything was left over, then by 10: that last digit
    /// against 5, and whether anything was left below it, decide the rounding, as a digit and
    /// a sticky bit do in decimal arithmetic.
    fn round_scaled_wide(self, mantissa: i128, factor: u64, power: i32) -> Option<(i128, bool)> {
        if mantissa == 0 || factor == 0 {
            return Some((0, false));
        }
        let mut wide = Wide::from(mantissa.unsigned_abs()).times(factor)?;
        let negative = mantissa < 0;
        let (magnitude, tie) = if power >= 0 {
            for _ in 0..power {
                wide = wide.times(10)?;
            }
            (wide.narrow()?, false)
        } else {
            // Divide by 10^(−power − 1) in steps of at most 10^19, each fitting a limb.
            let mut left = power.unsigned_abs() - 1;
            let mut sticky = false;
            // Once nothing is left to divide, the rest of the divisions change nothing.
            while left > 0 && wide != Wide([0; 3]) {
                let step = left.min(19);
                let (quotient, remainder) = wide.divided_by(10_u64.checked_pow(step)?);
                wide = quotient;
                sticky |= remainder != 0;
                left -= step;
            }
            let (quotient, digit) = wide.divided_by(10);
            let truncated = quotient.narrow()?;
            let tie = digit == 5 && !sticky;
            let away = if digit != 5 {
                digit > 5
            } else if sticky {
                // Above the half: 5 and something after it.
                true
            } else {
                match self {
                    Rounding::HalfAwayFromZero => true,
                    Rounding::HalfEven => truncated % 2 != 0,
                }
            };
            (truncated.checked_add(u128::from(away))?, tie)
        };
        let signed = if negative {
            0_i128.checked_sub_unsigned(magnitude)?
        } else {
            i128::try_from(magnitude).ok()?
        };
        Some((signed, tie))
    }
}

/// An unsigned integer of 192 bits in three 64-bit limbs, least significant first: just the
/// multiplication and division by one limb that [`Rounding::round_scaled`] needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Wide([u64; 3]);

impl From<u128> for Wide {
    fn from(value: u128) -> Wide {
        // The low and the high 64 bits.
        Wide([value as u64, (value >> 64) as u64, 0])
    }
}

impl Wide {
    /// `self × factor`; `None` when it needs more than 192 bits.
    fn times(self, factor: u64) -> Option<Wide> {
        let mut limbs = [0; 3];
        let mut carry = 0;
        for (out, limb) in limbs.iter_mut().zip(self.0) {
            // limb × factor + carry < 2^128: the high half is the next carry.
            (*out, carry) = limb.carrying_mul(factor, carry);
        }
        (carry == 0).then_some(Wide(limbs))
    }

    /// `(self / divisor, self % divisor)`, truncating, for `divisor > 0`: long division one
    /// limb at a time, from the most significant.
    fn divided_by(self, divisor: u64) -> (Wide, u64) {
        let divisor = u128::from(divisor.max(1));
        let mut limbs = [0; 3];
        let mut remainder = 0_u128;
        for (out, limb) in limbs.iter_mut().zip(self.0).rev() {
            // remainder < divisor ≤ 2^64, so this is below divisor × 2^64 and the quotient
            // digit below 2^64.
            let current = (remainder << 64) | u128::from(limb);
            *out = (current / divisor) as u64;
            remainder = current % divisor;
        }
        (Wide(limbs), remainder as u64)
    }

    /// The value as a `u128`, when it fits.
    fn narrow(self) -> Option<u128> {
        let [low, high, top] = self.0;
        (top == 0).then(|| u128::from(high) << 64 | u128::from(low))
    }
}

#[cfg(test)]
mod tests {
    use super::{Rounding, Wide};

    const RULES: [Rounding; 2] = [Rounding::HalfAwayFromZero, Rounding::HalfEven];

    #[test]
    fn wide_multiplies_and_divides_by_a_limb_exactly() {
        // (2^128 − 1) × (2^64 − 1) = 2^192 − 2^128 − 2^64 + 1, limb by limb.
        let product = Wide::from(u128::MAX).times(u64::MAX);
        assert_eq!(product, Some(Wide([1, u64::MAX, u64::MAX - 1])));
        // One more factor of 2 needs a fourth limb.
        assert_eq!(product.and_then(|p| p.times(2)), None);
        assert_eq!(Wide::from(u128::MAX).times(0), Some(Wide([0; 3])));
        // And back: dividing by the same limb leaves no remainder.
        let back = product.map(|p| p.divided_by(u64::MAX));
        assert_eq!(back, Some((Wide::from(u128::MAX), 0)));
        let (quotient, remainder) = Wide([7, 0, 1]).divided_by(10);
        // 2^128 + 7 = 34028236692093846346337460743176821146 × 10 + 3.
        assert_eq!(
            (quotient.narrow(), remainder),
            (Some(34_028_236_692_093_846_346_337_460_743_176_821_146), 3)
        );
        assert_eq!(Wide([0, 0, 1]).narrow(), None);
    }

    #[test]
    fn the_wide_path_is_divide_where_i128_holds_the_fraction() {
        let mantissas = [
            0,
            1,
            5,
            15,
            25,
            35,
            49,
            50,
            51,
            99,
            12_345,
            1 << 70,
            i128::MAX,
        ];
        let factors = [1, 3, 5, 7, 999_999_999_999_999];
        let mut compared = 0;
        for mantissa in mantissas.into_iter().flat_map(|m| [m, -m]) {
            for factor in factors {
                for power in -38_i32..=4 {
                    let Some(numerator) = mantissa.checked_mul(factor.into()) else {
                        continue;
                    };
                    let (numerator, denominator) = if power >= 0 {
                        match numerator.checked_mul(10_i128.pow(power.unsigned_abs())) {
                            Some(n) => (n, 1),
                            None => continue,
                        }
                    } else {
                        (numerator, 10_i128.pow(power.unsigned_abs()))
                    };
                    for rule in RULES {
                        let expected = rule.divide_noting_tie(numerator, denominator);
                        assert_eq!(
                            rule.round_scaled_wide(mantissa, factor, power),
                            expected,
                            "{mantissa} × {factor} × 10^{power}, {rule:?}"
                        );
                        assert_eq!(rule.round_scaled(mantissa, factor, power), expected);
                        compared += 1;
                    }
                }
            }
        }
        assert!(compared > 2_000, "{compared}");
    }

    #[test]
    fn round_scaled_goes_past_i128_on_the_way_to_a_small_result() {
        // 100/3 NOK (27 decimals) × 0.123456789012345, in øre: 33.3…3 × 0.123456789012345
        // × 100 = 411.5226300411499…, a 44-digit numerator over 10^40.
        let third = 33_333_333_333_333_333_333_333_333_333;
        let away = Rounding::HalfAwayFromZero;
        assert_eq!(
            away.round_scaled(third, 123_456_789_012_345, -40),
            Some((412, false))
        );
        assert_eq!(
            away.round_scaled(-third, 123_456_789_012_345, -40),
            Some((-412, false))
        );
        // Exactly halfway far below the digits a u128 holds: 5 × 10^45 / 10^46.
        let five = 5 * 10_i128.pow(30);
        for (rule, rounded) in [(away, 1), (Rounding::HalfEven, 0)] {
            assert_eq!(
                rule.round_scaled(five, 10_u64.pow(15), -46),
                Some((rounded, true))
            );
            assert_eq!(
                rule.round_scaled(-five, 10_u64.pow(15), -46),
                Some((-rounded, true))
            );
        }
        // Just above the half: a 1 at the 50th digit after the 5 (the sticky part).
        let above = 5 * 10_i128.pow(35) + 1;
        assert_eq!(
            Rounding::HalfEven.round_scaled(above, 10_u64.pow(14), -50),
            Some((1, false))
        );
        // 1e-22 × 1e-22 NOK is 1e-42 øre: nothing, and not a tie.
        assert_eq!(away.round_scaled(1, 1, -42), Some((0, false)));
        // A quotient past i128 is refused, not wrapped.
        assert_eq!(away.round_scaled(i128::MAX, u64::MAX, -1), None);
        assert_eq!(away.round_scaled(i128::MIN, u64::MAX, 0), None);
        assert_eq!(away.round_scaled(i128::MIN, 1, 0), Some((i128::MIN, false)));
        assert_eq!(
            away.round_scaled_wide(i128::MIN, 1, 0),
            Some((i128::MIN, false))
        );
        // (2^128 − 2) / 10, from a product past i128.
        let fifth = 34_028_236_692_093_846_346_337_460_743_176_821_145;
        assert_eq!(away.round_scaled(i128::MAX, 2, -1), Some((fifth, false)));
        assert_eq!(away.round_scaled_wide(i128::MAX, 2, 0), None);
        assert_eq!(
            away.round_scaled(i128::MIN + 1, 1, 0),
            Some((i128::MIN + 1, false))
        );
        assert_eq!(away.round_scaled(0, 7, i32::MAX), Some((0, false)));
        assert_eq!(away.round_scaled(1, 7, i32::MAX), None);
        assert_eq!(
            away.round_scaled(i128::MAX, u64::MAX, i32::MIN),
            Some((0, false))
        );
    }
}
