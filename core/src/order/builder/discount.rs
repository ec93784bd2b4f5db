//! Order discounts: what a discount is ([`Discount`]), how one is spread over the eligible lines, and the rounding line.

use super::*;

/// An order-level discount, spread over the lines marked eligible for discount.
///
/// At least one line must be marked [`eligible_for_discount`](Line::eligible_for_discount):
/// a discount no line is eligible for is an error at [`build`](OrderBuilder::build) (path
/// `order.items`), never a discount that silently takes nothing off.
///
/// The total is allocated in proportion to the eligible lines' amounts by the largest-remainder
/// method: the shares add up to the total exactly, ties go to the earlier line, and no line's
/// amount turns negative. Each line's VAT is recomputed from its new amount, and the share is
/// recorded as a positive entry in the line's `discount_lines`.
///
/// ```
/// use dintero_order_core::{Currency, Discount, Line, Order, UnitPrice, VatRate};
/// use rust_decimal_macros::dec;
///
/// let line = |sku| Line::new(sku, "Shirt", UnitPrice::minor(10000), VatRate::ZERO)
///     .eligible_for_discount(true);
/// let order = Order::builder(Currency::NOK, "o-1")
///     .line(line("a"))
///     .line(line("b"))
///     .line(line("c"))
///     .discount(Discount::amount(dintero_order_core::Money::from_minor(100, Currency::NOK)))
///     .build()
///     .unwrap();
/// let amounts: Vec<i64> = order.items().iter().map(|i| i.amount()).collect();
/// assert_eq!(amounts, [9966, 9967, 9967]); // 34 + 33 + 33 = 100; the first line gets the extra unit
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Discount {
    pub(super) value: DiscountValue,
    pub(super) discount_type: Option<DiscountType>,
    pub(super) discount_id: Option<String>,
    pub(super) description: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum DiscountValue {
    Amount(Money),
    Percent(Decimal),
}

impl Discount {
    /// What a percentage discount must be, for messages.
    pub(crate) const PERCENT_EXPECTED: &'static str =
        "a percentage in 0..=100 with at most 15 significant digits and 22 decimals";

    /// A fixed amount off the eligible lines.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Discount, Money};
    /// let d = Discount::amount(Money::from_minor(5000, Currency::NOK));
    /// # let _ = d;
    /// ```
    pub fn amount(amount: Money) -> Discount {
        Discount {
            value: DiscountValue::Amount(amount),
            discount_type: None,
            discount_id: None,
            description: None,
        }
    }

    /// A percentage (0..=100) off the eligible lines; the total is rounded once.
    ///
    /// The percentage is recorded in each line's `discount_lines[].percentage`, a JSON
    /// number, so it may have at most 15 significant digits and 22 decimals (what any JSON
    /// reader keeps exactly): `33.3333333333333` is a percentage, `dec!(100) / dec!(3)`
    /// (29 digits) is not, and [`build`](OrderBuilder::build) reports it at `order.items`,
    /// as it does a percentage outside 0..=100.
    ///
    /// ```
    /// # use dintero_order_core::Discount;
    /// use rust_decimal_macros::dec;
    /// let d = Discount::percent(dec!(20));
    /// # let _ = d;
    /// ```
    pub fn percent(percent: Decimal) -> Discount {
        Discount {
            value: DiscountValue::Percent(percent),
            discount_type: None,
            discount_id: None,
            description: None,
        }
    }

    /// The kind of discount.
    ///
    /// ```
    /// # use dintero_order_core::{Discount, DiscountType};
    /// use rust_decimal_macros::dec;
    /// let d = Discount::percent(dec!(10)).discount_type(DiscountType::Loyalty);
    /// # let _ = d;
    /// ```
    pub fn discount_type(mut self, kind: DiscountType) -> Discount {
        self.discount_type = Some(kind);
        self
    }

    /// The merchant's id for the discount.
    ///
    /// ```
    /// # use dintero_order_core::Discount;
    /// use rust_decimal_macros::dec;
    /// let d = Discount::percent(dec!(10)).discount_id("SUMMER20");
    /// # let _ = d;
    /// ```
    pub fn discount_id(mut self, id: impl Into<String>) -> Discount {
        self.discount_id = Some(id.into());
        self
    }

    /// A description shown to the customer.
    ///
    /// ```
    /// # use dintero_order_core::Discount;
    /// use rust_decimal_macros::dec;
    /// let d = Discount::percent(dec!(10)).description("Summer sale");
    /// # let _ = d;
    /// ```
    pub fn description(mut self, description: impl Into<String>) -> Discount {
        self.description = Some(description.into());
        self
    }
}

/// Spreads one discount over the eligible lines by the largest-remainder method.
pub(super) fn apply_discount(
    items: &mut [OrderItem],
    discount: &Discount,
    number: usize,
    currency: Currency,
    rounding: Rounding,
    v: &mut Violations,
) {
    let eligible: Vec<usize> = items
        .iter()
        .enumerate()
        .filter(|(_, item)| item.eligible_for_discount == Some(true) && item.amount > 0)
        .map(|(index, _)| index)
        .collect();
    let base: i128 = eligible
        .iter()
        .filter_map(|&i| items.get(i))
        .map(|item| i128::from(item.amount))
        .sum();
    let path = "order.items";
    // A discount no line is marked eligible for would take nothing off while its code and
    // description still reached the customer: an error, as DESIGN has it.
    let marked = items
        .iter()
        .any(|item| item.eligible_for_discount == Some(true));
    if !marked {
        v.add(
            Rule::Discount,
            path,
            format!(
                "a line marked eligible_for_discount for discount {} to apply to",
                number + 1
            ),
            "no line eligible for discount",
        );
    }
    let (total, percentage) = match discount.value {
        DiscountValue::Amount(money) if money.currency() != currency => {
            v.add(
                Rule::CurrencyMismatch,
                path,
                format!("discount {} in the order's currency {currency}", number + 1),
                money.currency().code(),
            );
            return;
        }
        DiscountValue::Amount(money) => (i128::from(money.minor_units()), None),
        DiscountValue::Percent(percent) => {
            // Recorded in `discount_lines[].percentage`, a JSON number: only a percentage
            // that can be written exactly, so that every order built can be sent.
            if percent < Decimal::ZERO
                || percent > Decimal::ONE_HUNDRED
                || !decimal::fits_json_number(percent)
            {
                v.add(
                    Rule::Discount,
                    path,
                    format!("discount {} as {}", number + 1, Discount::PERCENT_EXPECTED),
                    percent.to_string(),
                );
                return;
            }
            // base × percent / 100, rounded once: percent = mantissa / 10^scale, with at
            // most 15 digits and 22 decimals, so the product is exact in `round_scaled`.
            let percent = percent.normalize();
            let mantissa = u64::try_from(percent.mantissa()).ok();
            let power = i32::try_from(percent.scale()).ok().map(|scale| -scale - 2);
            match mantissa
                .zip(power)
                .and_then(|(mantissa, power)| rounding.round_scaled(base, mantissa, power))
            {
                Some((total, _)) => (total, Some(percent)),
                None => {
                    v.add(
                        Rule::Overflow,
                        path,
                        "a discount within range",
                        percent.to_string(),
                    );
                    return;
                }
            }
        }
    };
    if !marked {
        return;
    }
    if total < 0 || total > base {
        v.add(
            Rule::Discount,
            path,
            format!(
                "discount {} between 0 and the eligible lines' total ({base})",
                number + 1
            ),
            total.to_string(),
        );
        return;
    }
    // Lines are marked eligible but none has an amount to take from (free lines, gift
    // cards): `total ≤ base = 0`, so there is nothing to spread.
    if eligible.is_empty() {
        return;
    }
    let Some(shares) = largest_remainder(items, &eligible, total, base) else {
        v.add(
            Rule::Overflow,
            path,
            format!("discount {} within range", number + 1),
            format!("a discount of {total} over lines totalling {base}"),
        );
        return;
    };
    for (index, share) in shares {
        if share == 0 {
            continue;
        }
        let Some(item) = items.get_mut(index) else {
            continue;
        };
        // 0 < share ≤ the line's amount (see `largest_remainder`).
        item.amount = item.amount.saturating_sub(share);
        let rate = i128::from(item.vat.unwrap_or(VatRate::ZERO).hundredths());
        let amount = i128::from(item.amount);
        // An i64 amount times 10 000 fits i128 many times over.
        let net = amount
            .checked_mul(10_000)
            .and_then(|scaled| rounding.divide(scaled, 10_000 + rate))
            .unwrap_or(amount);
        item.vat_amount = Some(saturate(amount.saturating_sub(net)));
        let extras = item.extras.get_or_insert_with(Box::default);
        extras.discount_lines.push(DiscountLine {
            amount: share,
            percentage,
            discount_type: discount.discount_type,
            discount_id: discount.discount_id.clone(),
            description: discount.description.clone(),
            line_id: i64::try_from(number + 1).ok(),
        });
    }
}

/// Shares of `total` proportional to the eligible lines' amounts: floors first, then one more
/// unit to the largest remainders (earlier line first on ties). Shares sum to `total` exactly,
/// and since `0 ≤ total ≤ base` and every amount is positive, no share exceeds its line's
/// amount. `None` when `total × amount` leaves `i128` (eligible lines worth more than 2^64
/// minor units together, far past any order Dintero takes).
pub(super) fn largest_remainder(
    items: &[OrderItem],
    eligible: &[usize],
    total: i128,
    base: i128,
) -> Option<Vec<(usize, i64)>> {
    let mut shares = Vec::with_capacity(eligible.len());
    for &index in eligible {
        let Some(item) = items.get(index) else {
            continue;
        };
        let exact = total.checked_mul(i128::from(item.amount))?;
        shares.push((index, exact.checked_div(base)?, exact.checked_rem(base)?));
    }
    // Each floor is at most its amount, so the sum stays within Σ amounts = base.
    let given = shares
        .iter()
        .try_fold(0_i128, |sum, share| sum.checked_add(share.1))?;
    let mut leftover = total.checked_sub(given)?;
    let mut order: Vec<usize> = (0..shares.len()).collect();
    // Stable sort: equal remainders keep line order, so ties are deterministic.
    order.sort_by(|&a, &b| {
        let ra = shares.get(a).map_or(0, |s| s.2);
        let rb = shares.get(b).map_or(0, |s| s.2);
        rb.cmp(&ra)
    });
    // 0 ≤ leftover < the number of shares: each gets at most one more unit.
    for position in order {
        if leftover <= 0 {
            break;
        }
        if let Some(share) = shares.get_mut(position) {
            share.1 = share.1.checked_add(1)?;
            leftover = leftover.checked_sub(1)?;
        }
    }
    Some(
        shares
            .into_iter()
            .map(|(index, share, _)| (index, saturate(share)))
            .collect(),
    )
}

/// Reconciles a merchant-stated total: within tolerance a visible rounding line, beyond an
/// error. Returns the amount the added line contributes (0 when none was added).
pub(super) fn add_rounding_line(
    items: &mut Vec<OrderItem>,
    text: &mut TextArena,
    stated: Money,
    tolerance: Money,
    computed: i128,
    currency: Currency,
    v: &mut Violations,
) -> i128 {
    if stated.currency() != currency || tolerance.currency() != currency {
        v.add(
            Rule::CurrencyMismatch,
            "order.amount",
            format!("a stated total and tolerance in {currency}"),
            format!("{} and {}", stated.currency(), tolerance.currency()),
        );
        return 0;
    }
    // The computed total is a sum of i64 amounts, far inside i128.
    let difference = i128::from(stated.minor_units()).saturating_sub(computed);
    if difference == 0 {
        return 0;
    }
    // A negative tolerance allows no difference at all.
    let allowed = u128::try_from(tolerance.minor_units()).unwrap_or(0);
    if difference.unsigned_abs() > allowed {
        v.add(
            Rule::RoundingTolerance,
            "order.amount",
            format!(
                "the stated total {} within {} of the computed total {}",
                stated.minor_units(),
                tolerance.minor_units(),
                computed
            ),
            format!("a difference of {difference}"),
        );
        return 0;
    }
    // The same arithmetic as any line: quantity 1, no VAT, a surcharge that may be negative.
    let index = items.len();
    let rounding = Line::new(
        "rounding",
        "Rounding",
        UnitPrice::minor(saturate(difference)),
        VatRate::ZERO,
    )
    .kind(ItemType::Surcharge);
    let spans = write_line_text(text, &rounding, index, v);
    let mut unsettled = Vec::new();
    let line = compute_item(
        &rounding,
        index,
        ItemText::unattached(spans),
        LineContext {
            currency,
            rounding: Rounding::default(),
            problems: v,
            unsettled: &mut unsettled,
        },
    );
    items.push(line);
    // Whole minor units, quantity 1, no VAT: no step lands halfway, but an amount out of
    // range still needs its problem recorded.
    for line in &unsettled {
        if let Some(problem) = settle(line, items, currency, Rounding::default()) {
            v.push(problem);
        }
    }
    items.last().map_or(0, |line| i128::from(line.amount))
}
