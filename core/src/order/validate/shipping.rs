//! The shipping option's own rules.

use super::*;

impl ShippingOption {
    /// Checks a shipping option on its own (amount, VAT, URL); the order checks the rest.
    pub(crate) fn validate(&self, path: &str, v: &mut Violations) {
        if self.id.is_empty() {
            v.add(
                Rule::Required,
                format_args!("{path}.id"),
                "a non-empty string",
                "\"\"",
            );
        }
        if self.line_id.is_empty() {
            v.add(
                Rule::Required,
                format_args!("{path}.line_id"),
                "a non-empty string",
                "\"\"",
            );
        }
        if self.amount < 0 {
            v.add(
                Rule::NegativeAmount,
                format_args!("{path}.amount"),
                "an amount of 0 or more",
                self.amount.to_string(),
            );
        }
        if let Some(vat_amount) = self.vat_amount {
            check_vat_amount(self.amount, vat_amount, self.vat, path, v);
        }
        if let Some(url) = &self.thumbnail_url {
            check_absolute_url(url, format_args!("{path}.thumbnail_url"), v);
        }
        if let Some(metadata) = &self.metadata {
            if metadata.len() > MAX_SHIPPING_METADATA_KEYS {
                v.add(
                    Rule::TooMany,
                    format_args!("{path}.metadata"),
                    "at most 20 keys",
                    format!("{} keys", metadata.len()),
                );
            }
            for (key, value) in metadata {
                if !value.is_string() {
                    v.add(
                        Rule::Type,
                        format_args!("{path}.metadata{}", crate::error::key_segment(key)),
                        "a string",
                        value.to_string(),
                    );
                }
            }
        }
        self.validate_shipment(path, v);
        for (index, country) in self.countries.iter().flatten().enumerate() {
            check_country(country, format_args!("{path}.countries[{index}]"), v);
        }
        if let Some(data) = &self.environmental_data {
            if data.description.is_empty() {
                v.add(
                    Rule::Required,
                    format_args!("{path}.environmental_data.description"),
                    "a non-empty string",
                    "\"\"",
                );
            }
            for (index, detail) in data.details.iter().enumerate() {
                for (name, text) in [("label", &detail.label), ("value", &detail.value)] {
                    let chars = text.chars().count();
                    if chars > MAX_ENVIRONMENTAL_TEXT {
                        v.add(
                            Rule::Length,
                            format_args!("{path}.environmental_data.details[{index}].{name}"),
                            "at most 50 characters",
                            format!("{chars} characters"),
                        );
                    }
                }
            }
        }
        check_splits(self.fee_split.as_ref(), self.splits.as_deref(), path, v);
    }
}
