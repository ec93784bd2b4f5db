//! An item's strings as read: borrowed from the input when they can be.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer};

/// A JSON string on parse, borrowed from the input when it can be (serde_json borrows a
/// string without escapes from `from_slice`/`from_str` input), so an item's strings are
/// copied once, into its buffer, instead of each into a `String` first.
pub(crate) struct WireStr<'a>(Cow<'a, str>);

impl WireStr<'_> {
    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for WireStr<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<WireStr<'a>, D::Error> {
        struct StrVisitor;

        impl<'de> Visitor<'de> for StrVisitor {
            type Value = WireStr<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }

            fn visit_borrowed_str<E: de::Error>(self, value: &'de str) -> Result<WireStr<'de>, E> {
                Ok(WireStr(Cow::Borrowed(value)))
            }

            fn visit_str<E: de::Error>(self, value: &str) -> Result<WireStr<'de>, E> {
                Ok(WireStr(Cow::Owned(value.to_owned())))
            }

            fn visit_string<E: de::Error>(self, value: String) -> Result<WireStr<'de>, E> {
                Ok(WireStr(Cow::Owned(value)))
            }
        }

        deserializer.deserialize_str(StrVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_strings_borrow_unless_escaped() {
        let body = r#"["plain","esc\u00e5ped"]"#;
        let parsed: Result<[WireStr<'_>; 2], _> = serde_json::from_str(body);
        assert!(matches!(
            parsed.as_ref().map(|[plain, escaped]| (&plain.0, &escaped.0)),
            Ok((Cow::Borrowed("plain"), Cow::Owned(escaped))) if escaped == "escåped"
        ));
        let error = serde_json::from_str::<WireStr<'_>>("12")
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            error.as_deref(),
            Some("invalid type: integer `12`, expected a string at line 1 column 2")
        );
    }
}
