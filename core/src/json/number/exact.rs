//! The exact value of a JSON number's text, digit by digit.

use super::*;

/// The exact value of a JSON number's text (`None` when it is not one).
///
/// The plain cases take a few instructions: an integer that fits `u64`, a fraction of at most
/// 18 digits. Anything else (an exponent, many digits) is read digit by digit: trailing zeros
/// are dropped (`2.500` is 2.5, `25e2` is 2500), and what still has more than 28 significant
/// digits is [`WireNumber::Beyond`].
pub(crate) fn exact(text: &str) -> Option<WireNumber> {
    let bytes = text.as_bytes();
    // A plain non-negative integer.
    if !bytes.is_empty() && bytes.iter().all(u8::is_ascii_digit) {
        let mut value: u64 = 0;
        let mut fits = true;
        for &b in bytes {
            match value
                .checked_mul(10)
                .and_then(|v| v.checked_add(u64::from(b - b'0')))
            {
                Some(next) => value = next,
                None => {
                    fits = false;
                    break;
                }
            }
        }
        if fits {
            return Some(WireNumber::Unsigned(value));
        }
    }
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(at) => (unsigned.get(..at)?, Some(unsigned.get(at + 1..)?)),
        None => (unsigned, None),
    };
    let (whole, fraction) = match mantissa.split_once('.') {
        Some((whole, fraction)) => (whole, fraction),
        None => (mantissa, ""),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !digits(whole) || !digits(fraction) || mantissa.ends_with('.') {
        return None;
    }
    // A plain fraction of at most 18 digits: an i64 mantissa and its scale.
    if exponent.is_none() && whole.len() + fraction.len() <= 18 {
        let mut value: i64 = 0;
        for b in whole.bytes().chain(fraction.bytes()) {
            value = value * 10 + i64::from(b - b'0');
        }
        let value = if negative { -value } else { value };
        let scale = u32::try_from(fraction.len()).ok()?;
        return Some(WireNumber::Decimal(Decimal::new(value, scale)));
    }
    // The exponent, saturated: past any limit it only says "beyond".
    let exponent: i64 = match exponent {
        None => 0,
        Some(e) => {
            let (sign, e_digits) = match e.as_bytes().first() {
                Some(b'-') => (-1, e.get(1..)?),
                Some(b'+') => (1, e.get(1..)?),
                _ => (1, e),
            };
            if e_digits.is_empty() || !digits(e_digits) {
                return None;
            }
            let magnitude = e_digits.bytes().fold(0_i64, |acc, b| {
                acc.saturating_mul(10).saturating_add(i64::from(b - b'0'))
            });
            sign * magnitude
        }
    };
    // value = significant digits × 10^(exponent − digits after the point), with the
    // significant digits stripped of leading and trailing zeros.
    let all = || whole.bytes().chain(fraction.bytes());
    let total = whole.len() + fraction.len();
    let Some(first) = all().position(|b| b != b'0') else {
        return Some(WireNumber::Decimal(Decimal::ZERO));
    };
    let last = total - 1 - all().rev().position(|b| b != b'0').unwrap_or(0);
    let significant = last + 1 - first;
    let trailing_zeros = total - 1 - last;
    let fraction_len = i64::try_from(fraction.len()).ok()?;
    let trailing = i64::try_from(trailing_zeros).ok()?;
    // value = digits[first..=last] × 10^power
    let power = exponent
        .saturating_sub(fraction_len)
        .saturating_add(trailing);
    let sig = i64::try_from(significant).ok()?;
    let integer_digits = sig.saturating_add(power);
    let beyond = WireNumber::Beyond(Beyond {
        negative,
        integer_digits,
    });
    if significant > 28 || integer_digits > 28 || power < -28 {
        return Some(beyond);
    }
    let mut value: i128 = 0;
    for b in all().skip(first).take(significant) {
        value = value * 10 + i128::from(b - b'0');
    }
    let (value, scale) = if power >= 0 {
        let factor = 10_i128.checked_pow(u32::try_from(power).ok()?)?;
        (value.checked_mul(factor)?, 0)
    } else {
        (value, u32::try_from(-power).ok()?)
    };
    let value = if negative { -value } else { value };
    match Decimal::try_from_i128_with_scale(value, scale) {
        Ok(decimal) => Some(WireNumber::Decimal(decimal)),
        Err(_) => Some(beyond),
    }
}
