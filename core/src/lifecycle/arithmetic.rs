//! The arithmetic of partial operations (DESIGN "Partial operations"): for a line of quantity
//! `Q`, amount `A` and VAT `V`, after a cumulative quantity `q`,
//! `cum_amount(q) = round(A × q / Q)` and `cum_vat(q) = V` when `q = Q`, else the line's VAT
//! rule applied to `cum_amount(q)`. Rounding is half away from zero. `None` is an overflow.
//!
//! A transaction line does not say how its VAT was rounded. A net-priced line's VAT is the
//! gross VAT of its amount too (rounding the net's VAT moves the amount by at most half a
//! unit, which the gross rule's division undoes), so one rule serves both pricings. But
//! Dintero accepts either value of the floor/ceiling band, and a line whose VAT another
//! system rounded the other way (half to even, or from its own tax figures) is not the gross
//! rule's: rounding `cum_vat` to the nearest could then put the last part 1.5 units from its
//! exact VAT, outside the band. So when `V` is not the gross VAT of `A`, every `cum_vat(q)`
//! is rounded towards the side of the exact VAT that `V` is on: each cumulative total is then
//! less than one unit from exact on the same side, and so is every difference of two.

use rust_decimal::Decimal;

use crate::money::rounding::Rounding;
use crate::money::vat::VatRate;

/// `10^exponent` as an `i128`, if it fits.
fn power_of_ten(exponent: u32) -> Option<i128> {
    10_i128.checked_pow(exponent)
}

/// `round(whole × part / total)`, exactly, with the decimals read as integers.
pub(crate) fn proportion(whole: i64, part: Decimal, total: Decimal) -> Option<i64> {
    let part = part.normalize();
    let total = total.normalize();
    let numerator = i128::from(whole)
        .checked_mul(part.mantissa())?
        .checked_mul(power_of_ten(total.scale())?)?;
    let denominator = total.mantissa().checked_mul(power_of_ten(part.scale())?)?;
    let quotient = Rounding::HalfAwayFromZero.divide(numerator, denominator)?;
    i64::try_from(quotient).ok()
}

/// The gross VAT of `amount` at `rate`: `amount − round(amount × 100 / (100 + rate))`.
pub(crate) fn gross_vat(amount: i64, rate: VatRate) -> Option<i64> {
    let hundredths = i128::from(rate.hundredths());
    let net =
        Rounding::HalfAwayFromZero.divide(i128::from(amount) * 10_000, 10_000 + hundredths)?;
    i64::try_from(i128::from(amount) - net).ok()
}

/// What a line is, for the arithmetic: its quantity, amount, VAT and rate.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Whole {
    /// `Q`.
    pub(crate) quantity: Decimal,
    /// `A`.
    pub(crate) amount: i64,
    /// `V`.
    pub(crate) vat_amount: i64,
    /// The line's rate, when it has a valid one; without, VAT is split like the amount.
    pub(crate) rate: Option<VatRate>,
}

impl Whole {
    /// `(cum_amount(q), cum_vat(q))`.
    pub(crate) fn cumulative(self, quantity: Decimal) -> Option<(i64, i64)> {
        if quantity == self.quantity {
            return Some((self.amount, self.vat_amount));
        }
        let amount = proportion(self.amount, quantity, self.quantity)?;
        let vat = match self.rate {
            Some(rate) => self.vat_of(amount, rate)?,
            None => proportion(self.vat_amount, quantity, self.quantity)?,
        };
        Some((amount, vat))
    }
}

impl Whole {
    /// The line's VAT rule applied to a part of its amount (see the module docs).
    fn vat_of(self, amount: i64, rate: VatRate) -> Option<i64> {
        if gross_vat(self.amount, rate)? == self.vat_amount {
            return gross_vat(amount, rate);
        }
        let hundredths = i128::from(rate.hundredths());
        let divisor = 10_000 + hundredths;
        let exact_numerator = i128::from(amount).checked_mul(hundredths)?;
        let whole_is_above = i128::from(self.vat_amount).checked_mul(divisor)?
            > i128::from(self.amount).checked_mul(hundredths)?;
        let floor = exact_numerator.div_euclid(divisor);
        let vat = if whole_is_above && exact_numerator.rem_euclid(divisor) != 0 {
            floor + 1
        } else {
            floor
        };
        i64::try_from(vat).ok()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn weight_line_in_three_parts_adds_up() {
        let rate = VatRate::from_whole_percent(25).unwrap();
        let whole = Whole {
            quantity: Decimal::new(13, 1),
            amount: 13013,
            vat_amount: gross_vat(13013, rate).unwrap(),
            rate: Some(rate),
        };
        assert_eq!(whole.cumulative(Decimal::new(4, 1)), Some((4004, 801)));
        assert_eq!(whole.cumulative(Decimal::new(13, 1)), Some((13013, 2603)));
    }

    /// A line of 103 at 25 % has an exact VAT of 20.6. With V = 21 (the gross rule) parts
    /// follow the gross rule; with V = 20 (the band's other value) they round down.
    #[test]
    fn a_vat_below_the_gross_rule_rounds_parts_down() {
        let rate = VatRate::from_whole_percent(25).unwrap();
        let below = Whole {
            quantity: Decimal::TWO,
            amount: 103,
            vat_amount: 20,
            rate: Some(rate),
        };
        // Half of 103 is 52 (51.5 rounded), exact VAT 10.4, floor 10; the rest, 51, gets
        // 20 − 10 = 10 (exact 10.2): both in the band.
        assert_eq!(gross_vat(103, rate), Some(21));
        assert_eq!(below.cumulative(Decimal::ONE), Some((52, 10)));
        let above = Whole {
            vat_amount: 21,
            ..below
        };
        assert_eq!(above.cumulative(Decimal::ONE), Some((52, 10)));
    }
}
