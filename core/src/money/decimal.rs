//! The decimals a JSON number holds exactly: the precision rule every number the crate
//! writes obeys (the writing and reading themselves are in `json::number`).

use rust_decimal::Decimal;

/// At most this many significant digits survive a round trip through an IEEE double.
pub(crate) const MAX_SIGNIFICANT_DIGITS: u32 = 15;

/// Powers of ten that are exact in an `f64` (10^0 ..= 10^22).
pub(crate) const EXACT_F64_POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// Whether `value` has at most 15 significant digits and at most 22 decimals, so it is
/// written exactly (mantissa and power of ten are exact doubles) and survives JSON.
pub(crate) fn fits_json_number(value: Decimal) -> bool {
    let normal = value.normalize();
    normal.mantissa().unsigned_abs() < 10_u128.pow(MAX_SIGNIFICANT_DIGITS)
        && (normal.scale() as usize) < EXACT_F64_POWERS.len()
}

/// [`fits_json_number`] for a normalised value given as `mantissa × 10^-scale`.
#[inline]
pub(crate) fn fits_json_number_parts(mantissa: i64, scale: u8) -> bool {
    const LIMIT: u64 = 10_u64.pow(MAX_SIGNIFICANT_DIGITS);
    mantissa.unsigned_abs() < LIMIT && usize::from(scale) < EXACT_F64_POWERS.len()
}
