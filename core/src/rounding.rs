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
        let rounded = match (away, n < 0) {
            (false, _) => quotient,
            (true, true) => quotient - 1,
            (true, false) => quotient + 1,
        };
        (rounded, tie)
    }
}
