//! Building an order from cart lines: the arithmetic, discounts, rounding lines, and every
//! problem reported at once.

use rust_decimal::Decimal;

use crate::error::{Error, Rule, Violation, Violations};
use crate::money::decimal;
use crate::order::item::{ItemExtras, OrderItem};
use crate::order::item_text::{ItemText, MAX_TEXT, TextArena, TextSpans};
use crate::order::line::{QuantityInput, VatInput};
use crate::order::validate::Proven;
use crate::order::validated::OrderData;
use crate::{
    Address, CheckoutItem, Currency, DiscountLine, DiscountType, GiftCard, ItemType, Line,
    LineAmountError, Money, Order, Quantity, Rounding, Shipping, ShippingOption, Store, UnitPrice,
    VatRate,
};

mod discount;
pub use discount::Discount;
use discount::*;

mod compute;
use compute::*;

mod build;

mod extras;

/// Collects an order's lines and settings; [`build`](OrderBuilder::build) computes and checks
/// it. Not serializable: only a built [`Order`] can become a session.
///
/// Every method takes and returns the builder by value, so both chaining and
/// `builder = builder.item(&x)` in a loop work. A line is copied as it is added, so the item
/// or [`Line`] it came from may be dropped right after (a temporary made inside the loop is
/// fine); the lifetime `'a` is only that of what the builder keeps, the [`Shipping`] option.
///
/// ```
/// use dintero_order_core::{Currency, Line, Order, Shipping, UnitPrice, VatRate};
/// use rust_decimal_macros::dec;
///
/// let vat = VatRate::from_whole_percent(25).unwrap();
/// let cart = [("chair-1", "Chair", dec!(299.90)), ("table-1", "Table", dec!(1499))];
/// let mut builder = Order::builder(Currency::NOK, "order-1");
/// for (sku, name, price) in cart {
///     builder = builder.line(Line::new(sku, name, UnitPrice::major(price), vat));
/// }
/// let order = builder
///     .shipping(Shipping::new("mail", "Mail", UnitPrice::major(dec!(99)), vat))
///     .build()?;
/// assert_eq!(order.amount().minor_units(), 29990 + 149900 + 9900);
/// # Ok::<(), dintero_order_core::Error>(())
/// ```
#[derive(Debug, Clone)]
#[must_use = "an order builder does nothing until `.build()` is called"]
pub struct OrderBuilder<'a> {
    // Each line is computed as it is added: its text copied into `settings.text`, its
    // amounts worked out, its problems noted. Keeping the cart's lines until `build` instead
    // wrote and read a few hundred bytes per line more.
    items: Vec<OrderItem>,
    // Everything but the items, behind one box: every method takes and returns the builder
    // by value, so it must stay small (inline, these fields made it 1.7 KB, copied on every
    // `.item()`).
    settings: Box<Settings<'a>>,
}

/// The builder's settings (see [`OrderBuilder`]).
#[derive(Debug, Clone)]
struct Settings<'a> {
    currency: Currency,
    merchant_reference: String,
    shipping: Option<Shipping<'a>>,
    rounding: Rounding,
    discounts: Vec<Discount>,
    stated_total: Option<(Money, Money)>,
    partial_amount: Option<Money>,
    merchant_reference_2: Option<String>,
    payout_destination_id: Option<String>,
    discount_codes: Vec<String>,
    shipping_address: Option<Box<Address>>,
    billing_address: Option<Box<Address>>,
    store: Option<Box<Store>>,
    event_reference: Option<String>,
    discount_lines: Vec<DiscountLine>,
    gift_cards: Vec<GiftCard>,
    /// Every line's text, in line order; the items point into it once it is built.
    text: TextArena,
    /// The problems of the lines so far, in line order.
    line_problems: Violations,
    /// Lines the order's final rounding rule may change, in line order.
    unsettled: Vec<UnsettledLine>,
    /// Whether any line brought its own `line_id`; if none did, the items are numbered
    /// "1", "2", … and cannot collide with each other.
    named_line_ids: bool,
}

/// A line whose amounts were computed with the rule in force when it was added but that
/// another rule could change (a rounding step landed exactly halfway), or whose amounts could
/// not be computed. [`OrderBuilder::build`] computes it again with the order's final rule,
/// since `.rounding()` may come after the lines; that is rare, so only these lines keep their
/// inputs.
#[derive(Debug, Clone)]
struct UnsettledLine {
    index: usize,
    /// Where in `line_problems` this line's amount problem, if any, belongs.
    problem_at: usize,
    price: UnitPrice,
    quantity: Quantity,
    vat: VatRate,
    /// The rule the line was computed with; `None` when its amounts could not be computed.
    computed_with: Option<Rounding>,
}

impl<'a> OrderBuilder<'a> {
    pub(crate) fn new(currency: Currency, merchant_reference: String) -> OrderBuilder<'a> {
        OrderBuilder {
            items: Vec::new(),
            settings: Box::new(Settings {
                currency,
                merchant_reference,
                shipping: None,
                rounding: Rounding::default(),
                discounts: Vec::new(),
                stated_total: None,
                partial_amount: None,
                merchant_reference_2: None,
                payout_destination_id: None,
                discount_codes: Vec::new(),
                shipping_address: None,
                billing_address: None,
                store: None,
                event_reference: None,
                discount_lines: Vec::new(),
                gift_cards: Vec::new(),
                text: TextArena::default(),
                line_problems: Violations::new(),
                unsettled: Vec::new(),
                named_line_ids: false,
            }),
        }
    }

    /// Adds a line from a type implementing [`CheckoutItem`] (usually derived). Quantity is the
    /// item's quantity field, else 1. The line is copied now, so `item` need not outlive the
    /// builder.
    ///
    /// ```
    /// # use dintero_order_core::{CheckoutItem, Currency, Line, Order, UnitPrice, VatRate};
    /// struct Fee;
    /// impl CheckoutItem for Fee {
    ///     fn line(&self) -> Line<'_> {
    ///         Line::new("fee", "Invoice fee", UnitPrice::minor(2900), VatRate::ZERO)
    ///     }
    /// }
    /// let order = Order::builder(Currency::NOK, "o").item(&Fee).build().unwrap();
    /// assert_eq!(order.amount().minor_units(), 2900);
    /// ```
    pub fn item<T: CheckoutItem + ?Sized>(mut self, item: &T) -> OrderBuilder<'a> {
        self.push_line(&item.line());
        self
    }

    /// Adds a line for each of `items`, in order: a whole cart at once, such as `.items(&cart)`
    /// for a `Vec` of a derived type. The same as [`item`](Self::item) for each, but room for
    /// the lines is made once, from the iterator's length.
    ///
    /// ```
    /// # use dintero_order_core::{CheckoutItem, Currency, Line, Order, UnitPrice, VatRate};
    /// struct Ticket {
    ///     code: String,
    ///     price: i64,
    /// }
    /// impl CheckoutItem for Ticket {
    ///     fn line(&self) -> Line<'_> {
    ///         Line::new(&self.code, "Ticket", UnitPrice::minor(self.price), VatRate::ZERO)
    ///     }
    /// }
    /// let cart = vec![
    ///     Ticket { code: "adult".into(), price: 4200 },
    ///     Ticket { code: "child".into(), price: 2100 },
    /// ];
    /// let order = Order::builder(Currency::NOK, "o").items(&cart).build().unwrap();
    /// assert_eq!(order.amount().minor_units(), 6300);
    /// assert_eq!(order.items()[1].id(), Some("child"));
    /// ```
    pub fn items<I>(mut self, items: I) -> OrderBuilder<'a>
    where
        I: IntoIterator,
        I::Item: CheckoutItem,
    {
        let mut items = items.into_iter();
        let lines = items.size_hint().0;
        self.items.reserve(lines);
        if let Some(first) = items.next() {
            // Room for the rest of the text too, guessed from the first line's with half as
            // much again: later lines have longer numbers and other descriptions, and a
            // guess that falls short copies all the text to grow (a few hundred KB at 10 000
            // lines), where the room left over is freed when the order is built.
            let before = self.settings.text.len();
            self.push_line(&first.line());
            let first_text = self.settings.text.len() - before;
            let rest = lines.saturating_sub(1);
            let guess = first_text.saturating_add(first_text / 2);
            self.settings.text.reserve(guess.saturating_mul(rest));
        }
        for item in items {
            self.push_line(&item.line());
        }
        self
    }

    /// Adds a line described directly, without a [`CheckoutItem`] type (programmatic carts).
    /// Its text is copied now, so what it borrows need not outlive the builder.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Line, Order, UnitPrice, VatRate};
    /// let order = Order::builder(Currency::NOK, "o")
    ///     .line(Line::new("a", "A", UnitPrice::minor(100), VatRate::ZERO))
    ///     .build().unwrap();
    /// assert_eq!(order.items().len(), 1);
    /// ```
    pub fn line(mut self, line: Line<'_>) -> OrderBuilder<'a> {
        self.push_line(&line);
        self
    }

    /// Computes one line into an item: text, amounts, problems.
    fn push_line(&mut self, line: &Line<'_>) {
        let index = self.items.len();
        let settings = &mut *self.settings;
        settings.named_line_ids |= line.line_id.is_some();
        // `extend` makes room first and then computes the item into its slot; `push` of a
        // computed item built it on the stack in small pieces and copied it over in large
        // ones, and each large read stalled on the small writes before it.
        self.items.extend(std::iter::once_with(|| {
            let spans =
                write_line_text(&mut settings.text, line, index, &mut settings.line_problems);
            compute_item(
                line,
                index,
                ItemText::unattached(spans),
                LineContext {
                    currency: settings.currency,
                    rounding: settings.rounding,
                    problems: &mut settings.line_problems,
                    unsettled: &mut settings.unsettled,
                },
            )
        }));
    }

    /// Sets the chosen shipping option.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Order, Shipping, UnitPrice, VatRate};
    /// let order = Order::builder(Currency::NOK, "o")
    ///     .shipping(Shipping::new("mail", "Mail", UnitPrice::minor(9900), VatRate::ZERO))
    ///     .build().unwrap();
    /// assert_eq!(order.amount().minor_units(), 9900);
    /// ```
    pub fn shipping(mut self, shipping: Shipping<'a>) -> OrderBuilder<'a> {
        self.settings.shipping = Some(shipping);
        self
    }

    /// Chooses the rounding rule for every line (default: half away from zero).
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Line, Order, Rounding, UnitPrice, VatRate};
    /// use rust_decimal_macros::dec;
    /// // 0.125 NOK: half-even rounds 12.5 øre to 12, half away from zero to 13.
    /// let line = || Line::new("a", "A", UnitPrice::major(dec!(0.125)), VatRate::ZERO);
    /// let even = Order::builder(Currency::NOK, "o").line(line()).rounding(Rounding::HalfEven).build().unwrap();
    /// let away = Order::builder(Currency::NOK, "o").line(line()).build().unwrap();
    /// assert_eq!((even.amount().minor_units(), away.amount().minor_units()), (12, 13));
    /// ```
    pub fn rounding(mut self, rounding: Rounding) -> OrderBuilder<'a> {
        self.settings.rounding = rounding;
        self
    }

    /// Applies an order-level discount to the lines eligible for discount (see [`Discount`]).
    /// Several discounts apply one after another.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Discount, Line, Order, UnitPrice, VatRate};
    /// use rust_decimal_macros::dec;
    /// let vat = VatRate::from_whole_percent(25).unwrap();
    /// let order = Order::builder(Currency::NOK, "o")
    ///     .line(Line::new("a", "A", UnitPrice::minor(10000), vat).eligible_for_discount(true))
    ///     .discount(Discount::percent(dec!(44)))
    ///     .build().unwrap();
    /// assert_eq!((order.items()[0].amount(), order.items()[0].vat_amount()), (5600, Some(1120)));
    /// ```
    pub fn discount(mut self, discount: Discount) -> OrderBuilder<'a> {
        self.settings.discounts.push(discount);
        self
    }

    /// States the total the merchant's own system already fixed. A difference from the
    /// computed total of at most `tolerance` becomes a visible `surcharge` line with id
    /// `rounding`; a larger one is an error. Nothing is adjusted silently.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, ItemType, Line, Money, Order, UnitPrice, VatRate};
    /// let nok = |minor| Money::from_minor(minor, Currency::NOK);
    /// let order = Order::builder(Currency::NOK, "o")
    ///     .line(Line::new("a", "A", UnitPrice::minor(9999), VatRate::ZERO))
    ///     .stated_total(nok(10000), nok(5))
    ///     .build().unwrap();
    /// let rounding = &order.items()[1];
    /// assert_eq!((rounding.amount(), rounding.kind()), (1, Some(ItemType::Surcharge)));
    /// assert!(Order::builder(Currency::NOK, "o")
    ///     .line(Line::new("a", "A", UnitPrice::minor(9900), VatRate::ZERO))
    ///     .stated_total(nok(10000), nok(5))
    ///     .build().is_err());
    /// ```
    pub fn stated_total(mut self, total: Money, tolerance: Money) -> OrderBuilder<'a> {
        self.settings.stated_total = Some((total, tolerance));
        self
    }

    /// Makes this a partial payment of `amount`, which may be at most the sum of the lines.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Line, Money, Order, UnitPrice, VatRate};
    /// let order = Order::builder(Currency::NOK, "o")
    ///     .line(Line::new("a", "A", UnitPrice::minor(10000), VatRate::ZERO))
    ///     .partial_payment(Money::from_minor(2500, Currency::NOK))
    ///     .build().unwrap();
    /// assert_eq!((order.amount().minor_units(), order.partial_payment()), (2500, true));
    /// ```
    pub fn partial_payment(mut self, amount: Money) -> OrderBuilder<'a> {
        self.settings.partial_amount = Some(amount);
        self
    }

    /// A second merchant reference.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Order};
    /// let order = Order::builder(Currency::NOK, "o").merchant_reference_2("crm-17").build().unwrap();
    /// # let _ = order;
    /// ```
    pub fn merchant_reference_2(mut self, reference: impl Into<String>) -> OrderBuilder<'a> {
        self.settings.merchant_reference_2 = Some(reference.into());
        self
    }

    /// The seller's payout destination (at most 40 characters).
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Order};
    /// let order = Order::builder(Currency::NOK, "o").payout_destination_id("seller-1").build().unwrap();
    /// # let _ = order;
    /// ```
    pub fn payout_destination_id(mut self, id: impl Into<String>) -> OrderBuilder<'a> {
        self.settings.payout_destination_id = Some(id.into());
        self
    }

    /// A discount code the customer entered.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Order};
    /// let order = Order::builder(Currency::NOK, "o").discount_code("SUMMER20").build().unwrap();
    /// # let _ = order;
    /// ```
    pub fn discount_code(mut self, code: impl Into<String>) -> OrderBuilder<'a> {
        self.settings.discount_codes.push(code.into());
        self
    }

    /// The shipping address.
    ///
    /// ```
    /// # use dintero_order_core::{Address, Currency, Order};
    /// let order = Order::builder(Currency::NOK, "o").shipping_address(Address::new().postal_code("0301")).build().unwrap();
    /// # let _ = order;
    /// ```
    pub fn shipping_address(mut self, address: Address) -> OrderBuilder<'a> {
        self.settings.shipping_address = Some(Box::new(address));
        self
    }

    /// The billing address.
    ///
    /// ```
    /// # use dintero_order_core::{Address, Currency, Order};
    /// let order = Order::builder(Currency::NOK, "o").billing_address(Address::new().postal_code("0301")).build().unwrap();
    /// # let _ = order;
    /// ```
    pub fn billing_address(mut self, address: Address) -> OrderBuilder<'a> {
        self.settings.billing_address = Some(Box::new(address));
        self
    }

    /// The store the order belongs to.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Order, Store};
    /// let order = Order::builder(Currency::NOK, "o").store(Store::new("shop.example")).build().unwrap();
    /// # let _ = order;
    /// ```
    pub fn store(mut self, store: Store) -> OrderBuilder<'a> {
        self.settings.store = Some(Box::new(store));
        self
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal_macros::dec;

    use super::*;

    /// An eligible line of `amount` minor units without VAT, as the builder leaves it.
    fn eligible(amount: i64) -> OrderItem {
        let Ok(text) = ItemText::single([Some("sku"), Some("1"), Some("Item"), None]) else {
            panic!("short text fits");
        };
        OrderItem {
            text,
            quantity: Some(Quantity::ONE),
            amount,
            vat_amount: Some(0),
            vat: Some(VatRate::ZERO),
            kind: None,
            eligible_for_discount: Some(true),
            extras: None,
        }
    }

    fn problems(items: &mut [OrderItem], discount: &Discount) -> Vec<String> {
        let mut v = Violations::new();
        apply_discount(
            items,
            discount,
            0,
            Currency::NOK,
            Rounding::default(),
            &mut v,
        );
        match v.finish(()) {
            Ok(()) => Vec::new(),
            Err(error) => error.violations().iter().map(|p| p.to_string()).collect(),
        }
    }

    #[test]
    fn a_discount_past_i128_is_a_problem_not_a_panic() {
        // Lines no builder makes (each past 2^53), but the allocation must not rely on it:
        // 100 % of 3 × i64::MAX, times a line's i64::MAX, is past i128.
        let mut items = vec![eligible(i64::MAX); 3];
        assert_eq!(
            problems(&mut items, &Discount::percent(dec!(100))),
            [
                "order.items: expected discount 1 within range, found a discount of \
              27670116110564327421 over lines totalling 27670116110564327421"
            ]
        );
        assert!(items.iter().all(|item| item.amount == i64::MAX));
        // Two such lines still fit: each gives up half.
        let mut items = vec![eligible(i64::MAX - 1); 2];
        assert_eq!(problems(&mut items, &Discount::percent(dec!(50))), [""; 0]);
        let amounts: Vec<i64> = items.iter().map(|item| item.amount).collect();
        assert_eq!(amounts, [i64::MAX / 2, i64::MAX / 2]);
    }

    #[test]
    fn a_percentage_is_applied_exactly_whatever_its_digits() {
        // 33.3333333333333 % of 3 × 1 000 000 000 000 øre is 999 999 999 999.999 øre:
        // 1 000 000 000 000 rounded, the largest remainders to the earlier lines.
        let mut items = vec![eligible(1_000_000_000_000); 3];
        let percent = Discount::percent(dec!(33.3333333333333));
        assert_eq!(problems(&mut items, &percent), [""; 0]);
        let shares: Vec<i64> = items
            .iter()
            .map(|item| item.discount_lines().iter().map(DiscountLine::amount).sum())
            .collect();
        assert_eq!(shares, [333_333_333_334, 333_333_333_333, 333_333_333_333]);
        let recorded = items
            .first()
            .and_then(|item| item.discount_lines().first())
            .and_then(DiscountLine::percentage);
        assert_eq!(recorded, Some(dec!(33.3333333333333)));
    }
}
