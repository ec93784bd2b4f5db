//! Computing a line's and the shipping option's amounts from what the shop gave.

use super::*;

/// Clamps a sum into `i64`; anything that large fails the int32 check with its real size
/// already reported, so the clamp never hides a problem.
pub(super) fn saturate(value: i128) -> i64 {
    i64::try_from(value).unwrap_or(if value < 0 { i64::MIN } else { i64::MAX })
}

/// (Σ amount, Σ vat_amount) over the items and the shipping option, in one pass.
pub(super) fn totals(items: &[OrderItem], shipping: Option<&ShippingOption>) -> (i128, i128) {
    let lines = items.iter().map(|i| (i.amount, i.vat_amount));
    let shipping = shipping.map(|s| (s.amount, s.vat_amount));
    lines
        .chain(shipping)
        .fold((0, 0), |(amount, vat), (line_amount, line_vat)| {
            (
                amount + i128::from(line_amount),
                vat + i128::from(line_vat.unwrap_or(0)),
            )
        })
}

/// Writes one line's text; a line without a `line_id` is numbered from 1 by its position.
/// Text past what an order holds is a problem of the line, which then has no text.
///
/// Inlined, with [`TextArena::push`], so the line's spans stay in registers: returned through
/// memory they were written in small pieces and read back in large ones, which stalled.
#[inline(always)]
pub(super) fn write_line_text(
    arena: &mut TextArena,
    line: &Line<'_>,
    index: usize,
    v: &mut Violations,
) -> TextSpans {
    // A numeric `id` or `line_id` is written out here, straight into the order's text.
    let mut id_digits = itoa::Buffer::new();
    let mut digits = itoa::Buffer::new();
    let line_id = match &line.line_id {
        Some(line_id) => line_id.as_str(&mut digits),
        None => digits.format(index + 1),
    };
    let fields = [
        Some(line.id.as_str(&mut id_digits)),
        Some(line_id),
        Some(&*line.description),
        line.thumbnail_url.as_deref(),
    ];
    match arena.push(fields) {
        Ok(spans) => spans,
        Err(too_long) => {
            v.add(
                Rule::Length,
                format_args!("order.items[{index}]"),
                format!("at most {MAX_TEXT} bytes of text in the order's lines"),
                format!("{} bytes", too_long.bytes),
            );
            TextSpans::default()
        }
    }
}

/// What computing a line needs besides the line: the order's currency and current rounding
/// rule, and where its problems and unsettled lines go.
pub(super) struct LineContext<'s> {
    pub(super) currency: Currency,
    pub(super) rounding: Rounding,
    pub(super) problems: &'s mut Violations,
    pub(super) unsettled: &'s mut Vec<UnsettledLine>,
}

/// Turns one cart line into an order item; problems are recorded and the item gets zero
/// amounts so later indices and checks stay meaningful. A line that another rounding rule
/// could change, or whose amounts failed, is noted in `unsettled` for `build` to settle.
///
/// Inlined into the builder so the item is written once, where it is pushed.
#[inline(always)]
pub(super) fn compute_item(
    line: &Line<'_>,
    index: usize,
    text: ItemText,
    cx: LineContext<'_>,
) -> OrderItem {
    let LineContext {
        currency,
        rounding,
        problems: v,
        unsettled,
    } = cx;
    let quantity = match line.quantity {
        QuantityInput::Valid(quantity) => Some(quantity),
        QuantityInput::Rejected(value) => {
            v.add(
                Rule::Quantity,
                format_args!("order.items[{index}].quantity"),
                crate::money::quantity::QuantityError::EXPECTED,
                value.to_string(),
            );
            None
        }
    };
    let vat = match line.vat {
        VatInput::Rate(rate) => Some(rate),
        VatInput::Rejected(percent) => {
            v.add(
                Rule::VatRate,
                format_args!("order.items[{index}].vat"),
                crate::money::vat::VatRateError::expected_instead_of(percent),
                percent.to_string(),
            );
            None
        }
    };
    if line.id.is_empty() {
        v.add(
            Rule::Required,
            format_args!("order.items[{index}].id"),
            "a non-empty id",
            "\"\"",
        );
    }
    if line.description.is_empty() {
        v.add(
            Rule::Required,
            format_args!("order.items[{index}].description"),
            "a non-empty description",
            "\"\"",
        );
    }
    let (amount, vat_amount) = match (quantity, vat) {
        (Some(quantity), Some(vat)) => {
            let price = line.unit_price;
            let mut unsettled_line = |computed_with| {
                unsettled.push(UnsettledLine {
                    index,
                    problem_at: v.len(),
                    price,
                    quantity,
                    vat,
                    computed_with,
                });
            };
            match price.line_amounts_noting_tie(quantity, vat, currency, rounding) {
                Ok((amounts, tie)) => {
                    if tie {
                        unsettled_line(Some(rounding));
                    }
                    (amounts.amount(), amounts.vat_amount())
                }
                Err(LineAmountError::Overflow) => {
                    unsettled_line(None);
                    (0, 0)
                }
                Err(error) => {
                    v.push(amount_problem(
                        error,
                        format_args!("order.items[{index}].amount"),
                    ));
                    (0, 0)
                }
            }
        }
        _ => (0, 0),
    };
    OrderItem {
        text,
        quantity,
        amount,
        vat_amount: Some(vat_amount),
        vat: Some(vat.unwrap_or(VatRate::ZERO)),
        kind: line.kind,
        eligible_for_discount: line.eligible_for_discount,
        extras: unit_measures(line),
    }
}

/// Computes an unsettled line with the order's final rounding rule; its amount problem, if
/// any, is returned.
pub(super) fn settle(
    line: &UnsettledLine,
    items: &mut [OrderItem],
    currency: Currency,
    rounding: Rounding,
) -> Option<Violation> {
    let amounts = line
        .price
        .line_amounts(line.quantity, line.vat, currency, rounding);
    let (amount, vat_amount, problem) = match amounts {
        Ok(amounts) => (amounts.amount(), amounts.vat_amount(), None),
        Err(error) => {
            let index = line.index;
            let problem = amount_problem(error, format_args!("order.items[{index}].amount"));
            (0, 0, Some(problem))
        }
    };
    if let Some(item) = items.get_mut(line.index) {
        item.amount = amount;
        item.vat_amount = Some(vat_amount);
    }
    problem
}

/// The line's unit measures and rare fields, boxed with the item's; `None` when it has none.
#[inline]
pub(super) fn unit_measures(line: &Line<'_>) -> Option<Box<ItemExtras>> {
    let measures = [
        line.unit_volume,
        line.unit_weight,
        line.unit_dimensional_weight,
    ];
    if measures.iter().all(Option::is_none) && line.extras.is_none() {
        return None;
    }
    let mut extras = line.extras.clone().unwrap_or_default();
    extras.unit_volume = line.unit_volume;
    extras.unit_weight = line.unit_weight;
    extras.unit_dimensional_weight = line.unit_dimensional_weight;
    (!extras.is_empty()).then_some(extras)
}

/// The problem a line's amounts failed with, at `path` (its `amount`).
pub(super) fn amount_problem(error: LineAmountError, path: std::fmt::Arguments<'_>) -> Violation {
    match error {
        LineAmountError::CurrencyMismatch { price, order } => Violation::new(
            Rule::CurrencyMismatch,
            path.to_string(),
            format!("a price in the order's currency {order}"),
            format!("a price in {price}"),
        ),
        LineAmountError::Overflow => Violation::new(
            Rule::Overflow,
            path.to_string(),
            "unit price × quantity within range",
            "a line total too large to represent",
        ),
    }
}

pub(super) fn compute_shipping(
    shipping: Shipping<'_>,
    currency: Currency,
    rounding: Rounding,
    path: &str,
    v: &mut Violations,
) -> ShippingOption {
    let (amount, vat_amount) =
        match shipping
            .price
            .line_amounts(Quantity::ONE, shipping.vat, currency, rounding)
        {
            Ok(a) => (a.amount(), a.vat_amount()),
            Err(error) => {
                v.push(amount_problem(error, format_args!("{path}.amount")));
                (0, 0)
            }
        };
    let line_id = shipping.line_id.unwrap_or_else(|| shipping.id.clone());
    let shipments = shipping.shipments.map(|shipments| {
        let written = shipments.into_iter().enumerate().map(|(index, shipment)| {
            let at = format!("{path}.shipments[{index}]");
            let option = compute_shipping(shipment, currency, rounding, &at, v);
            // Checked as JSON, with the option's other passed-through parts.
            serde_json::to_value(&option).unwrap_or_else(|error| {
                v.add(
                    Rule::Format,
                    at,
                    "a shipment the crate can write",
                    error.to_string(),
                );
                serde_json::Value::Null
            })
        });
        serde_json::Value::Array(written.collect())
    });
    ShippingOption {
        id: shipping.id.into_owned(),
        line_id: line_id.into_owned(),
        amount,
        vat_amount: Some(vat_amount),
        vat: Some(shipping.vat),
        operator: shipping.operator.into_owned(),
        title: shipping.title.into_owned(),
        description: shipping.description.map(|d| d.into_owned()),
        delivery_method: shipping.delivery_method,
        operator_product_id: shipping.operator_product_id.map(|d| d.into_owned()),
        thumbnail_url: shipping.thumbnail_url.map(|d| d.into_owned()),
        countries: shipping.countries,
        eta: shipping.eta,
        time_slot: shipping.time_slot,
        pick_up_address: shipping.pick_up_address,
        metadata: shipping.metadata,
        environmental_data: shipping.environmental_data,
        fee_split: shipping.fee_split,
        splits: shipping.splits,
        pay_in_store: shipping.pay_in_store.map(|kind| kind.to_value()),
        shipments,
        shipment_id: shipping.shipment_id.map(|id| id.into_owned()),
        shipment_items: shipping.shipment_items,
    }
}

impl Shipping<'_> {
    /// Prices this option on its own in `currency` (rounding half away from zero), for the
    /// options offered in an Express checkout.
    ///
    /// ```
    /// use dintero_order_core::{Currency, Express, Shipping, UnitPrice, VatRate};
    /// use rust_decimal_macros::dec;
    ///
    /// let vat = VatRate::from_whole_percent(25).unwrap();
    /// let option = Shipping::new("home", "Home delivery", UnitPrice::major(dec!(39)), vat)
    ///     .priced_in(Currency::NOK)?;
    /// assert_eq!((option.amount(), option.vat_amount()), (3900, Some(780)));
    /// let express = Express::builder([option]).build();
    /// # let _ = express;
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn priced_in(self, currency: Currency) -> Result<ShippingOption, Error> {
        let mut v = Violations::new();
        let option = compute_shipping(
            self,
            currency,
            Rounding::default(),
            "shipping_option",
            &mut v,
        );
        option.validate("shipping_option", &mut v);
        v.finish(option)
    }
}
