//! The arithmetic of partial operations (DESIGN "Partial operations"): for a line of quantity
//! `Q`, amount `A` and VAT `V`, after a cumulative quantity `q`,
//! `cum_amount(q) = round(A × q / Q)` and `cum_vat(q) = V` when `q = Q`, else the gross VAT
//! rule applied to `cum_amount(q)`. Rounding is half away from zero. `None` is an overflow.

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
            Some(rate) => gross_vat(amount, rate)?,
            None => proportion(self.vat_amount, quantity, self.quantity)?,
        };
        Some((amount, vat))
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
}
