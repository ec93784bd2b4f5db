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
        // What the spec says of the parts passed through as JSON.
        let passed = [
            ("eta", self.eta.as_ref()),
            ("time_slot", self.time_slot.as_ref()),
            ("pick_up_address", self.pick_up_address.as_ref()),
            ("pay_in_store", self.pay_in_store.as_ref()),
            ("shipments", self.shipments.as_ref()),
        ];
        for (name, value) in passed {
            if let Some(value) = value {
                let at = ["order", "shipping_option", name];
                crate::spec::check(&at, value, format_args!("{path}.{name}"), v);
            }
        }
        if let Some(metadata) = &self.metadata {
            let at = ["order", "shipping_option", "metadata"];
            crate::spec::check_members(&at, metadata, format_args!("{path}.metadata"), v);
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

/// Shipping options offered to choose from (a session's `express.shipping_options`, an
/// express callback's answer), at `at` (`express.shipping_options`), `depth` levels below the
/// body's root: each valid on its own, and each `line_id` used once among them and by no
/// item, since the chosen option joins the items.
pub(crate) fn offered_options(
    options: &[ShippingOption],
    item_line_ids: &HashSet<&str>,
    at: &str,
    depth: usize,
    v: &mut Violations,
) {
    let mut seen: HashSet<&str> = HashSet::with_capacity(options.len());
    for (index, option) in options.iter().enumerate() {
        let path = format!("{at}[{index}]");
        option.validate(&path, v);
        crate::order::depth::check_shipping_depth(option, depth, &path, v);
        let line_id = option.line_id();
        if !seen.insert(line_id) {
            v.add(
                Rule::DuplicateLineId,
                format_args!("{path}.line_id"),
                "a line_id not used by another shipping option",
                quoted(line_id),
            );
        }
        if item_line_ids.contains(line_id) {
            v.add(
                Rule::DuplicateLineId,
                format_args!("{path}.line_id"),
                "a line_id not used by any order item",
                quoted(line_id),
            );
        }
    }
}
