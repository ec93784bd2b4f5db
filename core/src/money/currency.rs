//! ISO 4217 currencies that have a minor unit, with their exponents.

use std::fmt;
use std::str::FromStr;

/// An ISO 4217 currency with a minor unit: what Dintero can charge in.
///
/// The exponent (how many decimals the minor unit has) comes from ISO 4217: NOK 2, ISK 0,
/// JPY 0, KWD 3. Codes without a minor unit (`XAU`, `XXX`, …) cannot be a `Currency`.
///
/// ```
/// use dintero_order_core::Currency;
///
/// assert_eq!(Currency::NOK.exponent(), 2);
/// assert_eq!(Currency::ISK.exponent(), 0);
/// assert_eq!("KWD".parse::<Currency>().unwrap().exponent(), 3);
/// assert!("XAU".parse::<Currency>().is_err());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency {
    // Two bytes: a currency rides along in every price and amount, so its name is looked
    // up by [`name`](Currency::name) rather than carried.
    iso: iso_currency::Currency,
    exponent: u8,
}

macro_rules! currency_consts {
    ($($code:ident, $exp:literal, $name:literal;)*) => {
        impl Currency {
            $(
                #[doc = concat!("`", stringify!($code), "`, ", $name, " (", stringify!($exp), " decimals).")]
                pub const $code: Currency = Currency {
                    iso: iso_currency::Currency::$code,
                    exponent: $exp,
                };
            )*

            /// The English name, e.g. `"Norwegian krone"`.
            ///
            /// ```
            /// # use dintero_order_core::Currency;
            /// assert_eq!(Currency::NOK.name(), "Norwegian krone");
            /// ```
            pub const fn name(self) -> &'static str {
                match self.iso {
                    $(iso_currency::Currency::$code => $name,)*
                    // Every `Currency` is one of the constants above.
                    _ => "",
                }
            }

            /// Every currency this type accepts, in code order.
            ///
            /// ```
            /// use dintero_order_core::Currency;
            /// assert!(Currency::SUPPORTED.contains(&Currency::NOK));
            /// assert!(Currency::SUPPORTED.iter().all(|c| c.exponent() <= 4));
            /// ```
            pub const SUPPORTED: &'static [Currency] = &[$(Currency::$code),*];

            /// Looks a code up at compile time or run time; `None` for unknown codes and
            /// codes without a minor unit. Codes are upper case, as ISO 4217 writes them.
            ///
            /// ```
            /// use dintero_order_core::Currency;
            /// const EUR: Option<Currency> = Currency::from_code("EUR");
            /// assert_eq!(EUR, Some(Currency::EUR));
            /// assert_eq!(Currency::from_code("XAU"), None);
            /// assert_eq!(Currency::from_code("nok"), None);
            /// ```
            pub const fn from_code(code: &str) -> Option<Currency> {
                let bytes = code.as_bytes();
                $(
                    if const_eq(bytes, stringify!($code).as_bytes()) {
                        return Some(Currency::$code);
                    }
                )*
                None
            }
        }
    };
}

/// Byte-slice equality usable in `const fn`.
const fn const_eq(a: &[u8], b: &[u8]) -> bool {
    match (a, b) {
        ([x, a_rest @ ..], [y, b_rest @ ..]) => *x == *y && const_eq(a_rest, b_rest),
        ([], []) => true,
        _ => false,
    }
}

// Every ISO 4217 code with a minor unit, its exponent and name, written by `build.rs` from
// `iso_currency`'s table.
include!(concat!(env!("OUT_DIR"), "/currency_codes.rs"));

impl Currency {
    /// The three-letter code, e.g. `"NOK"`.
    ///
    /// ```
    /// # use dintero_order_core::Currency;
    /// assert_eq!(Currency::NOK.code(), "NOK");
    /// ```
    pub fn code(self) -> &'static str {
        self.iso.code()
    }

    /// How many decimals the minor unit has (NOK 2, ISK 0, KWD 3).
    ///
    /// ```
    /// # use dintero_order_core::Currency;
    /// assert_eq!(Currency::JPY.exponent(), 0);
    /// ```
    pub const fn exponent(self) -> u8 {
        self.exponent
    }

    /// The same currency as an [`iso_currency::Currency`].
    ///
    /// ```
    /// # use dintero_order_core::Currency;
    /// assert_eq!(Currency::SEK.iso(), iso_currency::Currency::SEK);
    /// ```
    pub const fn iso(self) -> iso_currency::Currency {
        self.iso
    }
}

impl fmt::Debug for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Why a currency code was rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurrencyError {
    code: String,
    known: bool,
}

impl fmt::Display for CurrencyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.known {
            write!(
                f,
                "currency `{}` has no minor unit, so Dintero cannot charge in it",
                self.code
            )
        } else {
            write!(f, "`{}` is not an ISO 4217 currency code", self.code)
        }
    }
}

impl std::error::Error for CurrencyError {}

impl FromStr for Currency {
    type Err = CurrencyError;

    fn from_str(code: &str) -> Result<Self, Self::Err> {
        Currency::from_code(code).ok_or_else(|| CurrencyError {
            code: code.to_owned(),
            known: iso_currency::Currency::from_code(code).is_some(),
        })
    }
}

impl TryFrom<iso_currency::Currency> for Currency {
    type Error = CurrencyError;

    /// ```
    /// # use dintero_order_core::Currency;
    /// assert_eq!(Currency::try_from(iso_currency::Currency::NOK), Ok(Currency::NOK));
    /// assert!(Currency::try_from(iso_currency::Currency::XAU).is_err());
    /// ```
    fn try_from(iso: iso_currency::Currency) -> Result<Self, Self::Error> {
        iso.code().parse()
    }
}

#[cfg(test)]
mod tests {
    use super::Currency;

    /// Every ISO 4217 code `iso_currency` knows: the ones with a minor unit are ours, with the
    /// same exponent; the others are rejected.
    #[test]
    fn table_agrees_with_iso_currency() {
        let mut with_minor_unit = 0;
        for code in iso_codes() {
            let iso = iso_currency::Currency::from_code(&code);
            let Some(iso) = iso else { continue };
            match (iso.exponent(), Currency::from_code(&code)) {
                (Some(exponent), Some(ours)) => {
                    assert_eq!(u16::from(ours.exponent()), exponent, "{code}");
                    assert_eq!(ours.iso(), iso, "{code}");
                    assert_eq!(ours.code(), code);
                    assert_eq!(ours.name(), iso.name(), "{code}");
                    with_minor_unit += 1;
                }
                (None, None) => {}
                (exponent, ours) => panic!("{code}: iso exponent {exponent:?}, ours {ours:?}"),
            }
        }
        assert_eq!(with_minor_unit, Currency::SUPPORTED.len());
    }

    /// All three-letter upper-case strings: iso_currency has no list without a feature.
    fn iso_codes() -> impl Iterator<Item = String> {
        let letters = b'A'..=b'Z';
        letters.clone().flat_map(move |a| {
            let letters = letters.clone();
            letters.clone().flat_map(move |b| {
                letters
                    .clone()
                    .map(move |c| String::from_utf8_lossy(&[a, b, c]).into_owned())
            })
        })
    }

    #[test]
    fn rejects_codes_without_minor_unit_and_lower_case() {
        assert_eq!(Currency::from_code("XAU"), None);
        assert_eq!(Currency::from_code("XXX"), None);
        assert_eq!(Currency::from_code("nok"), None);
        assert_eq!(Currency::from_code("NOKK"), None);
        assert_eq!(Currency::from_code(""), None);
    }
}
