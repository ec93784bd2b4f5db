//! Decimal values as JSON numbers: exact in both directions, never strings.
//!
//! `quantity`, `vat` and the unit measures are JSON numbers. Whole values are written as
//! integers (`2`), others as the shortest decimal that reads back to the same value (`2.5`).
//! Values are limited to 15 significant digits, the precision every JSON parser (an IEEE
//! double) keeps exactly, so what we write is what Dintero reads.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;

/// At most this many significant digits survive a round trip through an IEEE double.
pub(crate) const MAX_SIGNIFICANT_DIGITS: u32 = 15;

/// Powers of ten that are exact in an `f64` (10^0 ..= 10^22).
const EXACT_F64_POWERS: [f64; 23] = [
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

/// Writes `mantissa × 10^-scale` as a JSON integer when whole, else as the nearest double.
pub(crate) fn serialize_scaled<S: serde::Serializer>(
    mut mantissa: i128,
    mut scale: u32,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    // Every value we write fits i64: the same steps there, where `% 10` and `/ 10` are
    // instructions rather than 128-bit library calls.
    if let Ok(small) = i64::try_from(mantissa) {
        return serialize_scaled_i64(small, scale, serializer);
    }
    while scale > 0 && mantissa % 10 == 0 {
        mantissa /= 10;
        scale -= 1;
    }
    if scale == 0 {
        return match i64::try_from(mantissa) {
            Ok(whole) => serializer.serialize_i64(whole),
            Err(_) => Err(serde::ser::Error::custom("number out of range")),
        };
    }
    // With ≤ 15 significant digits the mantissa and the power of ten are exact doubles, and
    // IEEE division rounds once, to the double nearest the decimal: it prints back exactly.
    match EXACT_F64_POWERS.get(scale as usize) {
        Some(power) if mantissa.unsigned_abs() < 1 << 53 => {
            serializer.serialize_f64(mantissa as f64 / power)
        }
        _ => Err(serde::ser::Error::custom(
            "number has more than 15 significant digits",
        )),
    }
}

/// [`serialize_scaled`] for a mantissa that fits `i64`.
pub(crate) fn serialize_scaled_i64<S: serde::Serializer>(
    mut mantissa: i64,
    mut scale: u32,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    while scale > 0 && mantissa % 10 == 0 {
        mantissa /= 10;
        scale -= 1;
    }
    if scale == 0 {
        return serializer.serialize_i64(mantissa);
    }
    serialize_fraction_i64(mantissa, scale, serializer)
}

/// Writes `mantissa × 10^-scale`, normalised and not whole, as the nearest double.
#[inline]
pub(crate) fn serialize_fraction_i64<S: serde::Serializer>(
    mantissa: i64,
    scale: u32,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match EXACT_F64_POWERS.get(scale as usize) {
        Some(power) if mantissa.unsigned_abs() < 1 << 53 => {
            serializer.serialize_f64(mantissa as f64 / power)
        }
        _ => Err(serde::ser::Error::custom(
            "number has more than 15 significant digits",
        )),
    }
}

/// Writes a decimal as a JSON number (see the module docs).
pub(crate) fn serialize_decimal<S: serde::Serializer>(
    value: &Decimal,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serialize_scaled(value.mantissa(), value.scale(), serializer)
}

/// A JSON number as read: a non-negative integer (what most numbers in a body are) as it
/// is, so a caller that wants an integer skips the decimal; anything else as an exact decimal.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum WireNumber {
    /// A non-negative integer.
    Unsigned(u64),
    /// A negative integer or a fraction.
    Decimal(Decimal),
}

impl WireNumber {
    /// The number as an exact decimal.
    #[inline]
    pub(crate) fn decimal(self) -> Decimal {
        match self {
            WireNumber::Unsigned(whole) => Decimal::from(whole),
            WireNumber::Decimal(value) => value,
        }
    }
}

/// Reads a JSON number (integer or fraction, never a string), exactly.
#[inline]
pub(crate) fn deserialize_number<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<WireNumber, D::Error> {
    deserializer.deserialize_any(NumberVisitor)
}

/// Reads a JSON number (integer or fraction, never a string) as an exact decimal.
pub(crate) fn deserialize_decimal<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Decimal, D::Error> {
    deserialize_number(deserializer).map(WireNumber::decimal)
}

/// What [`deserialize_written`] accepts, for messages: what [`serialize_decimal`] writes.
pub(crate) const WRITTEN_EXPECTED: &str =
    "a number with at most 15 significant digits and 22 decimals";

/// Reads a JSON number as an exact decimal, refusing one that [`serialize_decimal`] could not
/// write back ([`fits_json_number`]): a value read into a type that writes it again must be
/// one it can write, so that everything that exists serializes.
pub(crate) fn deserialize_written<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Decimal, D::Error> {
    let value = deserialize_decimal(deserializer)?;
    if fits_json_number(value) {
        Ok(value)
    } else {
        let found = format!("number {value}");
        Err(serde::de::Error::invalid_value(
            serde::de::Unexpected::Other(&found),
            &WRITTEN_EXPECTED,
        ))
    }
}

/// `Option<Decimal>` counterpart of [`serialize_decimal`] and [`deserialize_written`], for
/// `#[serde(with)]` fields: it reads exactly what it writes.
pub(crate) mod option {
    use rust_decimal::Decimal;

    pub(crate) fn serialize<S: serde::Serializer>(
        value: &Option<Decimal>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => super::serialize_decimal(v, serializer),
            None => serializer.serialize_none(),
        }
    }

    pub(crate) fn deserialize<'de, D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Decimal>, D::Error> {
        super::deserialize_written(deserializer).map(Some)
    }
}

struct NumberVisitor;

impl serde::de::Visitor<'_> for NumberVisitor {
    type Value = WireNumber;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON number")
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<WireNumber, E> {
        Ok(WireNumber::Unsigned(v))
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<WireNumber, E> {
        Ok(WireNumber::Decimal(Decimal::from(v)))
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<WireNumber, E> {
        if !v.is_finite() {
            return Err(E::custom("number is not finite"));
        }
        // Fast path: the fewest decimals (up to 6) whose value is exactly this double is what
        // the JSON text said, as `Display` below would find, without formatting a string.
        for (scale, power) in EXACT_F64_POWERS.iter().take(7).enumerate() {
            let scaled = (v * power).round();
            if scaled.abs() < 9_007_199_254_740_992.0 && scaled / power == v {
                // |scaled| < 2^53: an exact integer, so the cast is exact.
                return Ok(WireNumber::Decimal(Decimal::new(
                    scaled as i64,
                    scale as u32,
                )));
            }
        }
        // `Display` for f64 prints the shortest decimal that reads back to the same double,
        // without an exponent: exactly what the JSON text said, for ≤ 15 digits.
        Decimal::from_str(&v.to_string())
            .map(|d| WireNumber::Decimal(d.normalize()))
            .map_err(|_| E::custom(format_args!("number {v} is out of range")))
    }
}
