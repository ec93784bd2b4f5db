//! Every invariant of an order, checked in one place for built and parsed orders alike.

use std::collections::HashSet;

use rust_decimal::Decimal;

use crate::error::{Error, Rule, Violations, quoted};
use crate::money::decimal;
use crate::order::address::check_country;
use crate::order::item::{DiscountLine, FeeSplit, OrderItem, PayoutSplit};
use crate::order::validated::OrderData;
use crate::{ShippingOption, VatRate};

mod line_ids;
use line_ids::*;

mod shipping;
pub(crate) use shipping::offered_options;

mod item;
use item::*;

/// Dintero's `order.amount` and `order.vat_amount` are `int32`.
const INT32: std::ops::RangeInclusive<i128> = (i32::MIN as i128)..=(i32::MAX as i128);

/// `payout_destination_id` is at most this many characters.
const MAX_PAYOUT_DESTINATION_ID: usize = 40;

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
