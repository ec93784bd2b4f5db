//! Every invariant of an order, checked in one place for built and parsed orders alike.

use std::collections::HashSet;

use rust_decimal::Decimal;

use crate::address::check_country;
use crate::error::{Error, Rule, Violations, quoted};
use crate::item::{DiscountLine, FeeSplit, OrderItem, PayoutSplit};
use crate::order::OrderData;
use crate::{ShippingOption, VatRate, number};

/// Dintero's `order.amount` and `order.vat_amount` are `int32`.
const INT32: std::ops::RangeInclusive<i128> = (i32::MIN as i128)..=(i32::MAX as i128);

/// `payout_destination_id` is at most this many characters.
const MAX_PAYOUT_DESTINATION_ID: usize = 40;

/// `shipping_option.metadata` has at most this many keys.
const MAX_SHIPPING_METADATA_KEYS: usize = 20;

/// `environmental_data.details[]` labels and values have at most this many characters.
const MAX_ENVIRONMENTAL_TEXT: usize = 50;

/// Checks an order's invariants; paths start at `order`.
pub(crate) fn order(data: &OrderData, proven: Proven) -> Result<(), Error> {
    let mut v = Violations::new();
    checked_order_into(data, proven, &mut v);
    v.finish(())
}

/// What an order's construction already guarantees, so checking it again would only cost
/// time. Everything else is checked whatever the order's origin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Proven {
    /// Every item's `vat_amount` came from the line arithmetic, which always lands on the
    /// floor or the ceiling of the VAT its rate leaves in its amount (swept exhaustively in
    /// `testsuite/tests/vat_sweep.rs`, against an oracle in `testsuite/tests/arithmetic_props.rs`). Debug builds
    /// check it anyway.
    pub(crate) line_vat: bool,
    /// Every item's `line_id` is its position from 1 ("1", "2", …), so no two items share
    /// one; only the shipping option's `line_id` can collide with them.
    pub(crate) numbered_line_ids: bool,
}

impl Proven {
    /// A parsed order: nothing is known.
    pub(crate) const NOTHING: Proven = Proven {
        line_vat: false,
        numbered_line_ids: false,
    };
}

/// Checks a parsed order's invariants, adding what is wrong to `v`; paths start at `order`.
pub(crate) fn order_into(data: &OrderData, v: &mut Violations) {
    checked_order_into(data, Proven::NOTHING, v);
}

/// Checks an order's invariants but those `proven` by its construction, adding what is wrong
/// to `v`; paths start at `order`.
///
/// The one definition of a valid order: building, parsing an order and parsing a session
/// body all come here.
fn checked_order_into(data: &OrderData, proven: Proven, v: &mut Violations) {
    let root = "order";

    if data.merchant_reference.is_empty() {
        v.add(
            Rule::Required,
            format_args!("{root}.merchant_reference"),
            "a non-empty string",
            "\"\"",
        );
    }

    let mut lines_amount: i128 = 0;
    let mut lines_vat: i128 = 0;
    for (index, item) in data.items.iter().enumerate() {
        check_item(item, index, proven, v);
        lines_amount += i128::from(item.amount);
        lines_vat += i128::from(item.vat_amount.unwrap_or(0));
    }
    if let Some(shipping) = &data.shipping_option {
        shipping.validate("order.shipping_option", v);
        lines_amount += i128::from(shipping.amount);
        lines_vat += i128::from(shipping.vat_amount.unwrap_or(0));
    }
    check_unique_line_ids(data, proven, v);

    let amount = i128::from(data.amount);
    if !INT32.contains(&amount) {
        v.add(
            Rule::Int32Range,
            format_args!("{root}.amount"),
            "an amount that fits Dintero's int32 (at most 2147483647)",
            amount.to_string(),
        );
    }
    if amount < 0 {
        v.add(
            Rule::NegativeAmount,
            format_args!("{root}.amount"),
            "an amount of 0 or more",
            amount.to_string(),
        );
    }
    if data.partial_payment == Some(true) {
        if amount > lines_amount {
            v.add(
                Rule::OrderAmount,
                format_args!("{root}.amount"),
                format!(
                    "at most the sum of items and shipping ({lines_amount}) for a partial payment"
                ),
                amount.to_string(),
            );
        }
    } else if amount != lines_amount {
        v.add(
            Rule::OrderAmount,
            format_args!("{root}.amount"),
            format!("the sum of items and shipping ({lines_amount})"),
            amount.to_string(),
        );
    }
    if let Some(vat_amount) = data.vat_amount {
        let vat_amount = i128::from(vat_amount);
        if !INT32.contains(&vat_amount) {
            v.add(
                Rule::Int32Range,
                format_args!("{root}.vat_amount"),
                "an amount that fits Dintero's int32 (at most 2147483647)",
                vat_amount.to_string(),
            );
        }
        if vat_amount != lines_vat {
            v.add(
                Rule::OrderVatAmount,
                format_args!("{root}.vat_amount"),
                format!("the sum of the lines' vat_amount ({lines_vat})"),
                vat_amount.to_string(),
            );
        }
    }

    if let Some(id) = &data.payout_destination_id {
        let chars = id.chars().count();
        if chars > MAX_PAYOUT_DESTINATION_ID {
            v.add(
                Rule::Length,
                format_args!("{root}.payout_destination_id"),
                "at most 40 characters",
                format!("{chars} characters"),
            );
        }
    }
    if data.gift_cards.len() > 1 {
        v.add(
            Rule::TooMany,
            format_args!("{root}.gift_cards"),
            "at most 1 gift card",
            format!("{} gift cards", data.gift_cards.len()),
        );
    }
    let mut gift_cards_amount: i128 = 0;
    for (index, card) in data.gift_cards.iter().enumerate() {
        if card.card_id.is_empty() {
            v.add(
                Rule::Required,
                format_args!("{root}.gift_cards[{index}].card_id"),
                "a non-empty string",
                "\"\"",
            );
        }
        if card.amount < 0 {
            v.add(
                Rule::NegativeAmount,
                format_args!("{root}.gift_cards[{index}].amount"),
                "an amount of 0 or more",
                card.amount.to_string(),
            );
        }
        gift_cards_amount += i128::from(card.amount);
    }
    if !data.gift_cards.is_empty() && gift_cards_amount > amount {
        v.add(
            Rule::OrderAmount,
            format_args!("{root}.gift_cards"),
            format!("gift cards paying at most order.amount ({amount})"),
            gift_cards_amount.to_string(),
        );
    }
    check_discount_lines(&data.discount_lines, format_args!("{root}"), v);
    if let Some(address) = &data.shipping_address {
        address.validate("order.shipping_address", v);
    }
    if let Some(address) = &data.billing_address {
        address.validate("order.billing_address", v);
    }
    if let Some(store) = &data.store {
        store.validate("order.store", v);
    }
}

fn check_item(item: &OrderItem, index: usize, proven: Proven, v: &mut Violations) {
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
                && (value.is_sign_negative() || !number::fits_json_number(value))
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
    }
}

/// `discount_lines[]` of an item or the order: positive amounts, percentages in 0..=100.
fn check_discount_lines(
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
            && !number::fits_json_number(percentage)
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
fn check_splits(
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
fn check_payout_destination(id: &str, path: impl std::fmt::Display, v: &mut Violations) {
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
                        format_args!("{path}.metadata{}", crate::parse::key_segment(key)),
                        "a string",
                        value.to_string(),
                    );
                }
            }
        }
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

/// The floor and the ceiling of `amount × rate / (10000 + rate)`, the VAT contained in
/// `amount` at `rate` hundredths of a percent. Both gross and net pricing land on one of them.
fn vat_bounds(amount: i64, hundredths: i64) -> (i128, i128) {
    // In i64 when amount × rate fits (any amount below 9.2 × 10^14): one division instruction
    // instead of two 128-bit library calls. Same floor and ceiling.
    let (floor, exact) = match amount.checked_mul(hundredths) {
        Some(numerator) => {
            let denominator = 10_000 + hundredths;
            (
                i128::from(numerator.div_euclid(denominator)),
                numerator.rem_euclid(denominator) == 0,
            )
        }
        None => {
            let numerator = i128::from(amount) * i128::from(hundredths);
            let denominator = 10_000 + i128::from(hundredths);
            (
                numerator.div_euclid(denominator),
                numerator.rem_euclid(denominator) == 0,
            )
        }
    };
    (floor, floor + i128::from(!exact))
}

/// Whether [`check_vat_amount`] accepts `vat_amount` (for debug checks of what a built
/// order's construction proves).
fn vat_fits_rate(amount: i64, vat_amount: i64, vat: Option<VatRate>) -> bool {
    let mut scratch = Violations::new();
    check_vat_amount(amount, vat_amount, vat, "", &mut scratch);
    scratch.is_empty()
}

/// A line's `vat_amount` must be the floor or the ceiling of `amount × vat / (100 + vat)`
/// when the line states its rate, and within what any rate (0..=100 %) allows when it does not.
fn check_vat_amount(
    amount: i64,
    vat_amount: i64,
    vat: Option<VatRate>,
    line_path: impl std::fmt::Display,
    v: &mut Violations,
) {
    let found = i128::from(vat_amount);
    let Some(vat) = vat else {
        // Without a rate, the VAT lies between none and the VAT at 100 %, on the amount's side.
        let (floor, ceil) = vat_bounds(amount, 10_000);
        let (low, high) = if amount < 0 { (floor, 0) } else { (0, ceil) };
        if !(low..=high).contains(&found) {
            v.add(
                Rule::VatAmount,
                format_args!("{line_path}.vat_amount"),
                format!("{low}..={high} (the VAT any rate from 0 to 100 % leaves in {amount})"),
                found.to_string(),
            );
        }
        return;
    };
    let rate = i64::from(vat.hundredths());
    let (floor, ceil) = vat_bounds(amount, rate);
    if found != floor && found != ceil {
        // No rate is strictly between 0 and 1 % (a fraction meant as a percentage): such a
        // `vat` is refused itself, with the percentage it stands for.
        let expected = if floor == ceil {
            format!("{floor} ({vat} % VAT contained in {amount})")
        } else {
            format!("{floor} or {ceil} ({vat} % VAT contained in {amount})")
        };
        v.add(
            Rule::VatAmount,
            format_args!("{line_path}.vat_amount"),
            expected,
            found.to_string(),
        );
    }
}

/// Every `line_id` is unique across the items and the shipping option.
fn check_unique_line_ids(data: &OrderData, proven: Proven, v: &mut Violations) {
    let mut seen;
    if proven.numbered_line_ids {
        // The builder numbered every item "1", "2", …: taken without reading them.
        debug_assert!(
            data.items.iter().enumerate().all(|(index, item)| {
                item.line_id().and_then(sequence_number) == Some(index + 1)
            })
        );
        seen = LineIds::numbered(data.items.len());
    } else {
        seen = LineIds::new(data.items.len() + 1);
        for (index, item) in data.items.iter().enumerate() {
            if let Some(line_id) = item.line_id()
                && !seen.insert(line_id)
            {
                v.add(
                    Rule::DuplicateLineId,
                    format_args!("order.items[{index}].line_id"),
                    "a line_id not used by another line",
                    quoted(line_id),
                );
            }
        }
    }
    if let Some(shipping) = &data.shipping_option
        && !seen.insert(shipping.line_id.as_str())
    {
        v.add(
            Rule::DuplicateLineId,
            "order.shipping_option.line_id",
            "a line_id not used by any item",
            quoted(&shipping.line_id),
        );
    }
}

/// The line ids seen so far. Ids that are a canonical decimal in `1..=lines` (the `"1"`,
/// `"2"`, … the builder assigns) are marked in a bitmap instead of hashed: a canonical decimal
/// names exactly one number, so the two sets together find exactly the duplicates one hash
/// set would.
struct LineIds<'a> {
    /// "1" to `counted` are taken, all of them, without a mark each.
    counted: usize,
    numbered: Vec<bool>,
    named: HashSet<&'a str>,
}

impl<'a> LineIds<'a> {
    fn new(lines: usize) -> Self {
        LineIds {
            counted: 0,
            numbered: vec![false; lines + 1],
            named: HashSet::new(),
        }
    }

    /// "1" to `count` taken, as the builder numbers lines.
    fn numbered(count: usize) -> Self {
        LineIds {
            counted: count,
            numbered: Vec::new(),
            named: HashSet::new(),
        }
    }

    /// Adds an id; `false` when it was there already.
    fn insert(&mut self, id: &'a str) -> bool {
        let number = sequence_number(id);
        if number.is_some_and(|n| n <= self.counted) {
            return false;
        }
        match number.and_then(|n| self.numbered.get_mut(n)) {
            Some(seen) => !std::mem::replace(seen, true),
            None => self.named.insert(id),
        }
    }
}

/// `Some(n)` when `id` is `n` written canonically: 1 to 9 digits, no leading zero.
fn sequence_number(id: &str) -> Option<usize> {
    let bytes = id.as_bytes();
    if bytes.is_empty() || bytes.len() > 9 || bytes.first() == Some(&b'0') {
        return None;
    }
    bytes.iter().try_fold(0_usize, |n, &b| {
        b.is_ascii_digit().then(|| n * 10 + usize::from(b - b'0'))
    })
}

/// An absolute URL (`format: uri`).
pub(crate) fn check_absolute_url(url: &str, path: impl std::fmt::Display, v: &mut Violations) {
    if fluent_uri::Uri::parse(url).is_err() {
        v.add(Rule::Url, path, "an absolute URL", quoted(url));
    }
}
