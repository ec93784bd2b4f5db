//! The wire form of the session's `metadata` values: a JSON string, or a JSON number written
//! and read as its exact text.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;

use crate::json::number::{self, TextOrNumber};
use crate::{MetadataNumber, MetadataValue};

impl Serialize for MetadataNumber {
    /// Writes the number's JSON text as it is (serde_json writes it verbatim).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let raw: &RawValue = serde_json::from_str(&self.text).map_err(serde::ser::Error::custom)?;
        raw.serialize(serializer)
    }
}

impl Serialize for MetadataValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            MetadataValue::Text(text) => serializer.serialize_str(text),
            MetadataValue::Number(number) => number.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for MetadataValue {
    /// Reads a string, or a number from its JSON text (never through `f64`); anything else
    /// is refused.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<MetadataValue, D::Error> {
        Ok(match number::deserialize_text_or_number(deserializer)? {
            TextOrNumber::Text(text) => MetadataValue::Text(text),
            TextOrNumber::Number(text) => MetadataValue::Number(MetadataNumber { text }),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_their_text_and_strings_their_value() {
        let json = r#"{"a":"x\"y","b":2.50,"c":1e3,"d":-0,"e":12345678901234567890123}"#;
        let read: std::collections::BTreeMap<String, MetadataValue> =
            serde_json::from_str(json).unwrap_or_default();
        assert_eq!(read.len(), 5);
        assert_eq!(read.get("a").and_then(MetadataValue::as_text), Some("x\"y"));
        assert_eq!(serde_json::to_string(&read).ok().as_deref(), Some(json));
        for bad in ["true", "null", "{}", "[]"] {
            let err = serde_json::from_str::<MetadataValue>(bad).map(|_| ());
            assert!(err.is_err(), "{bad}");
        }
        assert_eq!(
            serde_json::from_str::<MetadataValue>("true")
                .map_err(|e| e.to_string())
                .err()
                .as_deref(),
            Some("invalid type: boolean `true`, expected a string or a number")
        );
    }
}
