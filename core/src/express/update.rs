//! [`ExpressOrderUpdate`]: the `order` of an express answer, made from the shop's [`Order`]
//! and checked against the session Dintero posted; and the checks of the offered options.

use std::collections::HashSet;

use super::callback::ExpressCallback;
use crate::error::{Rule, Violations, quoted};
use crate::order::validate::offered_options;
use crate::{Currency, Order, OrderItem, ShippingOption};

/// The `order` of an express answer: what Dintero replaces the session order's totals and
/// lines with. Made by the answer builders from an [`Order`]
/// ([`order`](crate::ShippingAddressAnswerBuilder::order)), so every line went through the
/// order builder's checks.
///
/// Its `amount` is the items' amounts plus the `amount` of the shipping option selected in the
/// posted session: the sum Dintero checks it against. Dintero adds a "correction" line for any
/// difference, so the answer builders refuse one.
///
/// ```
/// use dintero_order_core::{Currency, ExpressCallback, Line, Order, UnitPrice, VatRate};
///
/// let callback = ExpressCallback::from_json(br#"{"id":"S1","order":{"amount":13900,"currency":"NOK",
///     "items":[{"line_id":"1","amount":10000}],"shipping_option":{"id":"bring","line_id":"ship-1","amount":3900,"vat_amount":780}}}"#)?;
/// let vat = VatRate::from_whole_percent(25).unwrap();
/// let order = Order::builder(Currency::NOK, "o-1")
///     .line(Line::new("chair-1", "Stol", UnitPrice::minor(10000), vat).line_id("1"))
///     .build()?;
/// let answer = callback.shipping_address_answer([]).order(order).build()?;
/// let update = answer.order().unwrap();
/// assert_eq!((update.amount(), update.vat_amount()), (13900, Some(2780)));
/// # Ok::<(), dintero_order_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ExpressOrderUpdate {
    pub(crate) amount: i64,
    pub(crate) currency: Currency,
    pub(crate) vat_amount: Option<i64>,
    pub(crate) items: Vec<OrderItem>,
    pub(crate) discount_codes: Vec<String>,
}

impl ExpressOrderUpdate {
    /// `amount`: the items plus the selected shipping option, in minor units.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, ExpressCallback, Order};
    /// let callback = ExpressCallback::from_json(br#"{"order":{"shipping_option":{"line_id":"s","amount":500}}}"#)?;
    /// let order = Order::builder(Currency::NOK, "o-1").build()?;
    /// let answer = callback.shipping_address_answer([]).order(order).build()?;
    /// assert_eq!(answer.order().unwrap().amount(), 500);
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn amount(&self) -> i64 {
        self.amount
    }

    /// `currency`, the order's.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, ExpressCallback, Order};
    /// let callback = ExpressCallback::from_json(br#"{"order":{"currency":"SEK"}}"#)?;
    /// let order = Order::builder(Currency::SEK, "o-1").build()?;
    /// let answer = callback.shipping_address_answer([]).order(order).build()?;
    /// assert_eq!(answer.order().unwrap().currency(), Currency::SEK);
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn currency(&self) -> Currency {
        self.currency
    }

    /// `vat_amount`: the items' VAT plus the selected shipping option's; none when the posted
    /// option carried no `vat_amount` (the field is for display only, and a guess is worse).
    ///
    /// ```
    /// # use dintero_order_core::{Currency, ExpressCallback, Order};
    /// let callback = ExpressCallback::from_json(br#"{"order":{"shipping_option":{"line_id":"s","amount":500}}}"#)?;
    /// let order = Order::builder(Currency::NOK, "o-1").build()?;
    /// let answer = callback.shipping_address_answer([]).order(order).build()?;
    /// assert_eq!(answer.order().unwrap().vat_amount(), None);
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn vat_amount(&self) -> Option<i64> {
        self.vat_amount
    }

    /// `items`: the order's lines, with their discount lines.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, ExpressCallback, Order};
    /// let callback = ExpressCallback::from_json(b"{}")?;
    /// let order = Order::builder(Currency::NOK, "o-1").build()?;
    /// let answer = callback.shipping_address_answer([]).order(order).build()?;
    /// assert!(answer.order().unwrap().items().is_empty());
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn items(&self) -> &[OrderItem] {
        &self.items
    }

    /// `discount_codes`: the order's codes (see
    /// [`OrderBuilder::discount_code`](crate::OrderBuilder::discount_code)).
    ///
    /// ```
    /// # use dintero_order_core::{Currency, ExpressCallback, Order};
    /// let callback = ExpressCallback::from_json(br#"{"order":{"discount_codes":["SUMMER20"]}}"#)?;
    /// let order = Order::builder(Currency::NOK, "o-1").discount_code("SUMMER20").build()?;
    /// let answer = callback.discount_codes_answer([]).order(order).build()?;
    /// assert_eq!(answer.order().unwrap().discount_codes(), ["SUMMER20"]);
    /// # Ok::<(), dintero_order_core::Error>(())
    /// ```
    pub fn discount_codes(&self) -> &[String] {
        &self.discount_codes
    }
}

/// `order` as the update of an answer to `callback`: every problem goes into `v`, with paths
/// in the answer body (`order.amount`, `order.items`).
pub(crate) fn order_update(
    order: Order,
    callback: &ExpressCallback,
    v: &mut Violations,
) -> ExpressOrderUpdate {
    let vat_amount = order.vat_amount().minor_units();
    let data = order.0;
    let selected = callback.shipping_option.as_ref();
    let selected_amount = selected.map_or(0, |option| option.amount);
    if let Some(code) = callback.currency.as_deref()
        && code != data.currency.code()
    {
        v.add(
            Rule::CurrencyMismatch,
            "order.currency",
            format!("{}, the session's currency", quoted(code)),
            quoted(data.currency.code()),
        );
    }
    let items_sum = data
        .items
        .iter()
        .try_fold(0i64, |sum, item| sum.checked_add(item.amount()));
    let expected = items_sum.and_then(|sum| sum.checked_add(selected_amount));
    // The order's own option stands in for the selected one, which must then cost the same;
    // without one, the selected option's amount and VAT are added.
    let (stated, vat_amount) = match &data.shipping_option {
        Some(_) => (Some(data.amount), Some(vat_amount)),
        None => (
            data.amount.checked_add(selected_amount),
            match selected {
                Some(option) => option
                    .vat_amount
                    .and_then(|vat| vat.checked_add(vat_amount)),
                None => Some(vat_amount),
            },
        ),
    };
    match (items_sum, expected, stated) {
        (Some(items_sum), Some(expected), Some(stated)) => {
            if stated != expected {
                v.add(
                    Rule::OrderAmount,
                    "order.amount",
                    expected_amount(expected, items_sum, callback),
                    stated_amount(stated, data.shipping_option.as_deref()),
                );
            } else if i32::try_from(expected).is_err() {
                v.add(
                    Rule::Int32Range,
                    "order.amount",
                    "an amount that fits Dintero's int32",
                    expected.to_string(),
                );
            }
        }
        _ => v.add(
            Rule::Overflow,
            "order.amount",
            "the items plus the selected shipping option within i64",
            "more",
        ),
    }
    check_lines(&data.items, callback, data.shipping_option.is_none(), v);
    ExpressOrderUpdate {
        amount: expected.unwrap_or(0),
        currency: data.currency,
        vat_amount,
        items: data.items,
        discount_codes: data.discount_codes,
    }
}

fn expected_amount(expected: i64, items_sum: i64, callback: &ExpressCallback) -> String {
    match &callback.shipping_option {
        Some(option) => format!(
            "{expected}: the items ({items_sum}) plus the shipping option selected in the \
             session ({}, {}), or Dintero adds a correction line",
            quoted(&option.line_id),
            option.amount
        ),
        None => format!(
            "{expected}: the items ({items_sum}), since the session has no shipping option \
             selected, or Dintero adds a correction line"
        ),
    }
}

fn stated_amount(stated: i64, own: Option<&ShippingOption>) -> String {
    match own {
        Some(option) => format!(
            "{stated}, with the order's shipping option {} at {}",
            quoted(option.line_id()),
            option.amount()
        ),
        None => stated.to_string(),
    }
}

/// Every line of the session order is in the answer ("The list must include all items in the
/// session order"), and no item takes the selected shipping option's `line_id`.
fn check_lines(
    items: &[OrderItem],
    callback: &ExpressCallback,
    selected_stays: bool,
    v: &mut Violations,
) {
    let answered: HashSet<&str> = items.iter().filter_map(OrderItem::line_id).collect();
    for (index, item) in callback.items.iter().enumerate() {
        if let Some(line_id) = item.line_id.as_deref()
            && !answered.contains(line_id)
        {
            v.add(
                Rule::Required,
                "order.items",
                format!(
                    "an item with line_id {}, the session's order.items[{index}]: the list must \
                     include all items in the session order",
                    quoted(line_id)
                ),
                "none",
            );
        }
    }
    let Some(selected) = callback.shipping_option.as_ref().filter(|_| selected_stays) else {
        return;
    };
    for (index, item) in items.iter().enumerate() {
        if item.line_id() == Some(selected.line_id.as_str()) {
            v.add(
                Rule::DuplicateLineId,
                format_args!("order.items[{index}].line_id"),
                "a line_id not used by the session's selected shipping option",
                quoted(&selected.line_id),
            );
        }
    }
}

/// The offered options: each valid on its own, `line_id`s unique among them and unused by
/// the items (the answer's, else the session's), since the chosen one joins them.
pub(crate) fn check_options(
    options: &[ShippingOption],
    item_line_ids: &HashSet<&str>,
    v: &mut Violations,
) {
    // answer { shipping_options [ option {
    offered_options(options, item_line_ids, "shipping_options", 2, v);
}
