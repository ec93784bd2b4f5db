//! Each line's rules: amounts, VAT, discount records, payout splits.

use super::*;

pub(super) fn check_item(item: &OrderItem, index: usize, proven: Proven, v: &mut Violations) {
    let negative_allowed = item.kind.is_some_and(|k| k.allows_negative_amount());
    if item.amount < 0 && !negative_allowed {
        v.add(
            Rule::NegativeAmount,
            format_args!("order.items[{index}].amount"),
            "an amount of 0 or more (only gift_card and surcharge lines may be negative)",
            item.amount.to_string(),
        );
    }
    if let Some(vat_amount) = item.vat_amount {
        if proven.line_vat {
            debug_assert!(
                vat_fits_rate(item.amount, vat_amount, item.vat),
                "order.items[{index}]: the line arithmetic left {vat_amount} VAT in {}",
                item.amount
            );
        } else {
            check_vat_amount(
                item.amount,
                vat_amount,
                item.vat,
                format_args!("order.items[{index}]"),
                v,
            );
        }
    }
    if let Some(url) = item.thumbnail_url() {
        check_absolute_url(url, format_args!("order.items[{index}].thumbnail_url"), v);
    }
    if let Some(extras) = &item.extras {
        for (name, value) in [
            ("unit_volume", extras.unit_volume),
            ("unit_weight", extras.unit_weight),
            ("unit_dimensional_weight", extras.unit_dimensional_weight),
        ] {
            if let Some(value) = value
                && (value.is_sign_negative() || !decimal::fits_json_number(value))
            {
                v.add(
                    Rule::Format,
                    format_args!("order.items[{index}].{name}"),
                    "a number of 0 or more with at most 15 significant digits and 22 decimals",
                    value.to_string(),
                );
            }
        }
        check_discount_lines(
            &extras.discount_lines,
            format_args!("order.items[{index}]"),
            v,
        );
        check_splits(
            extras.fee_split.as_ref(),
            extras.splits.as_deref(),
            format_args!("order.items[{index}]"),
            v,
        );
        if let Some(store) = &extras.store {
            store.validate(&format!("order.items[{index}].store"), v);
        }
        if let Some(emd) = extras.emd.as_deref() {
            let at = ["order", "items", "*", "emd"];
            crate::spec::check(&at, emd, format_args!("order.items[{index}].emd"), v);
        }
    }
}

/// `discount_lines[]` of an item or the order: positive amounts, percentages in 0..=100.
pub(super) fn check_discount_lines(
    discounts: &[DiscountLine],
    owner: impl std::fmt::Display,
    v: &mut Violations,
) {
    for (d, discount) in discounts.iter().enumerate() {
        if discount.amount < 0 {
            v.add(
                Rule::NegativeAmount,
                format_args!("{owner}.discount_lines[{d}].amount"),
                "a positive discount amount",
                discount.amount.to_string(),
            );
        }
        if let Some(percentage) = discount.percentage
            && (percentage.is_sign_negative() && !percentage.is_zero()
                || percentage > Decimal::ONE_HUNDRED)
        {
            v.add(
                Rule::Discount,
                format_args!("{owner}.discount_lines[{d}].percentage"),
                "a percentage in 0..=100",
                percentage.to_string(),
            );
        } else if let Some(percentage) = discount.percentage
            && !decimal::fits_json_number(percentage)
        {
            // Read exactly from its text, it must also be written back exactly.
            v.add(
                Rule::Discount,
                format_args!("{owner}.discount_lines[{d}].percentage"),
                "a percentage with at most 15 significant digits",
                percentage.to_string(),
            );
        }
    }
}

/// `splits` and `fee_split` of an item or the shipping option (Dintero Payout).
pub(super) fn check_splits(
    fee_split: Option<&FeeSplit>,
    splits: Option<&[PayoutSplit]>,
    owner: impl std::fmt::Display,
    v: &mut Violations,
) {
    for (index, split) in splits.unwrap_or_default().iter().enumerate() {
        check_payout_destination(
            &split.payout_destination_id,
            format_args!("{owner}.splits[{index}].payout_destination_id"),
            v,
        );
        if !INT32.contains(&i128::from(split.amount)) {
            v.add(
                Rule::Int32Range,
                format_args!("{owner}.splits[{index}].amount"),
                "an amount that fits Dintero's int32 (at most 2147483647)",
                split.amount.to_string(),
            );
        }
    }
    let Some(destinations) = fee_split.and_then(|f| f.destinations.as_ref()) else {
        return;
    };
    if destinations.is_empty() {
        v.add(
            Rule::Required,
            format_args!("{owner}.fee_split.destinations"),
            "at least one payout destination",
            "[]",
        );
    }
    let listed: HashSet<&str> = splits
        .unwrap_or_default()
        .iter()
        .map(|s| s.payout_destination_id.as_str())
        .collect();
    for (index, destination) in destinations.iter().enumerate() {
        if !listed.contains(destination.as_str()) {
            v.add(
                Rule::Required,
                format_args!("{owner}.fee_split.destinations[{index}]"),
                "a payout_destination_id listed in splits",
                quoted(destination),
            );
        }
    }
}

/// A seller id: non-empty, at most 40 characters.
pub(super) fn check_payout_destination(id: &str, path: impl std::fmt::Display, v: &mut Violations) {
    let chars = id.chars().count();
    if chars == 0 {
        v.add(Rule::Required, path, "a non-empty string", "\"\"");
    } else if chars > MAX_PAYOUT_DESTINATION_ID {
        v.add(
            Rule::Length,
            path,
            "at most 40 characters",
            format!("{chars} characters"),
        );
    }
}
