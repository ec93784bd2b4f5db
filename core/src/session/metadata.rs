//! `metadata` values: a string, or (since Dintero's 2025 spec) a number.

use std::borrow::Cow;
use std::fmt;

use rust_decimal::Decimal;

/// One value of the session's `metadata`: a JSON string or, since Dintero's 2025 spec, a
/// JSON number.
///
/// Strings and numbers convert into it, so `.metadata("ext_cart", "c-17")` and
/// `.metadata("ext_customer_id", 4711)` both work. A number keeps the JSON text it was
/// written with: a parsed body writes it back byte for byte, and it is never read through
/// `f64`.
///
/// ```
/// use dintero_order_core::MetadataValue;
/// use rust_decimal_macros::dec;
///
/// assert_eq!(MetadataValue::from("c-17").as_text(), Some("c-17"));
/// assert_eq!(MetadataValue::from(4711).as_number().map(|n| n.as_str()), Some("4711"));
/// assert_eq!(serde_json::to_string(&MetadataValue::from(dec!(2.50)))?, "2.50");
/// assert_eq!(serde_json::to_string(&MetadataValue::from("2.50"))?, r#""2.50""#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum MetadataValue {
    /// A JSON string.
    Text(String),
    /// A JSON number, as written.
    Number(MetadataNumber),
}

/// A JSON number in `metadata`, kept as the JSON text it was written with (`2.50` stays
/// `2.50`, `1e3` stays `1e3`). Made from an integer or a [`Decimal`], or by parsing a body;
/// its text is always a JSON number.
///
/// ```
/// use dintero_order_core::MetadataNumber;
/// use rust_decimal_macros::dec;
///
/// let number = MetadataNumber::from(dec!(-0.125));
/// assert_eq!(number.as_str(), "-0.125");
/// assert_eq!(number.to_decimal(), Some(dec!(-0.125)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MetadataNumber {
    /// The JSON text of the number.
    pub(crate) text: String,
}

impl MetadataNumber {
    /// The number's JSON text, as written.
    ///
    /// ```
    /// use dintero_order_core::MetadataNumber;
    /// assert_eq!(MetadataNumber::from(42_u32).as_str(), "42");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The number as an exact decimal; `None` when it has more digits than a decimal holds
    /// (28) or is beyond its range.
    ///
    /// ```
    /// use dintero_order_core::MetadataNumber;
    /// use rust_decimal::Decimal;
    /// assert_eq!(MetadataNumber::from(-7_i64).to_decimal(), Some(Decimal::from(-7)));
    /// ```
    pub fn to_decimal(&self) -> Option<Decimal> {
        Decimal::from_str_exact(&self.text)
            .or_else(|_| Decimal::from_scientific(&self.text))
            .ok()
    }
}

impl fmt::Display for MetadataNumber {
    /// The JSON text.
    ///
    /// ```
    /// use dintero_order_core::MetadataNumber;
    /// assert_eq!(MetadataNumber::from(12_u8).to_string(), "12");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl MetadataValue {
    /// The string, when the value is one.
    ///
    /// ```
    /// use dintero_order_core::MetadataValue;
    /// assert_eq!(MetadataValue::from("web").as_text(), Some("web"));
    /// assert_eq!(MetadataValue::from(1).as_text(), None);
    /// ```
    pub fn as_text(&self) -> Option<&str> {
        match self {
            MetadataValue::Text(text) => Some(text),
            MetadataValue::Number(_) => None,
        }
    }

    /// The number, when the value is one.
    ///
    /// ```
    /// use dintero_order_core::MetadataValue;
    /// assert_eq!(MetadataValue::from(1).as_number().map(|n| n.as_str()), Some("1"));
    /// assert_eq!(MetadataValue::from("1").as_number(), None);
    /// ```
    pub fn as_number(&self) -> Option<&MetadataNumber> {
        match self {
            MetadataValue::Text(_) => None,
            MetadataValue::Number(number) => Some(number),
        }
    }
}

impl From<&str> for MetadataValue {
    /// A string value.
    ///
    /// ```
    /// use dintero_order_core::MetadataValue;
    /// assert_eq!(MetadataValue::from("a"), MetadataValue::Text("a".to_owned()));
    /// ```
    fn from(text: &str) -> MetadataValue {
        MetadataValue::Text(text.to_owned())
    }
}

impl From<&String> for MetadataValue {
    /// A string value.
    ///
    /// ```
    /// use dintero_order_core::MetadataValue;
    /// let text = String::from("a");
    /// assert_eq!(MetadataValue::from(&text).as_text(), Some("a"));
    /// ```
    fn from(text: &String) -> MetadataValue {
        MetadataValue::Text(text.clone())
    }
}

impl From<String> for MetadataValue {
    /// A string value.
    ///
    /// ```
    /// use dintero_order_core::MetadataValue;
    /// assert_eq!(MetadataValue::from(String::from("a")).as_text(), Some("a"));
    /// ```
    fn from(text: String) -> MetadataValue {
        MetadataValue::Text(text)
    }
}

impl From<Cow<'_, str>> for MetadataValue {
    /// A string value.
    ///
    /// ```
    /// use dintero_order_core::MetadataValue;
    /// use std::borrow::Cow;
    /// assert_eq!(MetadataValue::from(Cow::Borrowed("a")).as_text(), Some("a"));
    /// ```
    fn from(text: Cow<'_, str>) -> MetadataValue {
        MetadataValue::Text(text.into_owned())
    }
}

impl From<MetadataNumber> for MetadataValue {
    /// A number value.
    ///
    /// ```
    /// use dintero_order_core::{MetadataNumber, MetadataValue};
    /// let value = MetadataValue::from(MetadataNumber::from(3_u16));
    /// assert_eq!(value.as_number().map(|n| n.as_str()), Some("3"));
    /// ```
    fn from(number: MetadataNumber) -> MetadataValue {
        MetadataValue::Number(number)
    }
}

impl From<Decimal> for MetadataNumber {
    /// The decimal as written, trailing zeros kept (`2.50`).
    ///
    /// ```
    /// use dintero_order_core::MetadataNumber;
    /// use rust_decimal_macros::dec;
    /// assert_eq!(MetadataNumber::from(dec!(2.50)).as_str(), "2.50");
    /// ```
    fn from(value: Decimal) -> MetadataNumber {
        MetadataNumber {
            text: value.to_string(),
        }
    }
}

impl From<Decimal> for MetadataValue {
    /// A number value, written as the decimal is (`2.50`).
    ///
    /// ```
    /// use dintero_order_core::MetadataValue;
    /// use rust_decimal_macros::dec;
    /// assert_eq!(MetadataValue::from(dec!(2.50)).as_number().map(|n| n.as_str()), Some("2.50"));
    /// ```
    fn from(value: Decimal) -> MetadataValue {
        MetadataValue::Number(MetadataNumber::from(value))
    }
}

/// `From` an integer type, for [`MetadataNumber`] and [`MetadataValue`].
macro_rules! from_integer {
    ($($int:ty),*) => {$(
        impl From<$int> for MetadataNumber {
            /// The integer, in decimal digits.
            ///
            /// ```
            /// use dintero_order_core::MetadataNumber;
            #[doc = concat!("assert_eq!(MetadataNumber::from(7 as ", stringify!($int), ").as_str(), \"7\");")]
            /// ```
            fn from(value: $int) -> MetadataNumber {
                MetadataNumber {
                    text: value.to_string(),
                }
            }
        }

        impl From<$int> for MetadataValue {
            /// A number value.
            ///
            /// ```
            /// use dintero_order_core::MetadataValue;
            #[doc = concat!("assert_eq!(MetadataValue::from(7 as ", stringify!($int), ").as_number().map(|n| n.as_str()), Some(\"7\"));")]
            /// ```
            fn from(value: $int) -> MetadataValue {
                MetadataValue::Number(MetadataNumber::from(value))
            }
        }
    )*};
}

from_integer!(
    i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize
);
