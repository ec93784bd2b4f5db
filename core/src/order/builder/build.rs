//! [`OrderBuilder::build`]: the lines settled, shipping and discounts applied, every problem
//! reported at once.

use super::*;

impl OrderBuilder<'_> {
    /// Computes every line and total, checks every invariant, and returns the order or every
    /// problem at once, each with its JSON path.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Line, Order, UnitPrice, VatRate};
    /// use rust_decimal_macros::dec;
    /// let err = Order::builder(Currency::NOK, "")
    ///     .line(Line::new("a", "A", UnitPrice::major(dec!(1)), VatRate::ZERO).quantity(dec!(0)))
    ///     .build()
    ///     .unwrap_err();
    /// let paths: Vec<&str> = err.violations().iter().map(|v| v.path()).collect();
    /// assert_eq!(paths, ["order.items[0].quantity", "order.merchant_reference"]);
    /// ```
    pub fn build(self) -> Result<Order, Error> {
        let OrderBuilder {
            mut items,
            settings,
        } = self;
        let Settings {
            currency,
            merchant_reference,
            shipping,
            rounding,
            discounts,
            stated_total,
            partial_amount,
            merchant_reference_2,
            payout_destination_id,
            discount_codes,
            shipping_address,
            billing_address,
            store,
            event_reference,
            discount_lines,
            gift_cards,
            mut text,
            line_problems,
            unsettled,
            named_line_ids,
        } = *settings;
        let mut v = line_problems;

        // The final rule decides the lines it could change; their problems go where each
        // line's amount problem belongs, so problems stay in line order.
        let mut inserted = 0;
        for line in &unsettled {
            if line.computed_with == Some(rounding) {
                continue;
            }
            if let Some(problem) = settle(line, &mut items, currency, rounding) {
                v.insert(line.problem_at + inserted, problem);
                inserted += 1;
            }
        }
        for (number, discount) in discounts.iter().enumerate() {
            apply_discount(&mut items, discount, number, currency, rounding, &mut v);
        }
        let shipping_option = shipping.map(|shipping| {
            Box::new(compute_shipping(
                shipping,
                currency,
                rounding,
                "order.shipping_option",
                &mut v,
            ))
        });

        let (mut lines_total, vat_total) = totals(&items, shipping_option.as_deref());
        if let Some((stated, tolerance)) = stated_total {
            // The rounding line carries no VAT, so only the amount total moves.
            lines_total += add_rounding_line(
                &mut items,
                &mut text,
                stated,
                tolerance,
                lines_total,
                currency,
                &mut v,
            );
        }
        let text = text.finish();
        for item in &mut items {
            item.text.attach(&text);
        }

        let amount = match partial_amount {
            Some(partial) if partial.currency() != currency => {
                v.add(
                    Rule::CurrencyMismatch,
                    "order.amount",
                    format!("a partial amount in {currency}"),
                    partial.currency().code(),
                );
                lines_total
            }
            Some(partial) => i128::from(partial.minor_units()),
            None => lines_total,
        };
        let data = OrderData {
            amount: saturate(amount),
            currency,
            merchant_reference,
            merchant_reference_2,
            event_reference,
            vat_amount: Some(saturate(vat_total)),
            items,
            shipping_option,
            partial_payment: partial_amount.map(|_| true),
            discount_lines,
            discount_codes,
            gift_cards,
            shipping_address,
            billing_address,
            store,
            payout_destination_id,
        };
        let proven = Proven {
            line_vat: true,
            numbered_line_ids: !named_line_ids,
        };
        match Order::check(data, proven) {
            Ok(order) if v.is_empty() => Ok(order),
            Ok(_) => Err(v.into_error()),
            Err(invariants) => {
                // Line problems found while computing come first: they explain the rest.
                for violation in invariants.into_violations() {
                    v.push(violation);
                }
                Err(v.into_error())
            }
        }
    }
}
