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
    Address, CheckoutItem, Currency, DiscountLine, DiscountType, ItemType, Line, LineAmountError,
    Money, Order, Quantity, Rounding, Shipping, ShippingOption, Store, UnitPrice, VatRate,
};

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
    value: DiscountValue,
    discount_type: Option<DiscountType>,
    discount_id: Option<String>,
    description: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum DiscountValue {
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
            event_reference: None,
            vat_amount: Some(saturate(vat_total)),
            items,
            shipping_option,
            partial_payment: partial_amount.map(|_| true),
            discount_lines: Vec::new(),
            discount_codes,
            gift_cards: Vec::new(),
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

/// Clamps a sum into `i64`; anything that large fails the int32 check with its real size
/// already reported, so the clamp never hides a problem.
fn saturate(value: i128) -> i64 {
    i64::try_from(value).unwrap_or(if value < 0 { i64::MIN } else { i64::MAX })
}

/// (Σ amount, Σ vat_amount) over the items and the shipping option, in one pass.
fn totals(items: &[OrderItem], shipping: Option<&ShippingOption>) -> (i128, i128) {
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
fn write_line_text(
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
struct LineContext<'s> {
    currency: Currency,
    rounding: Rounding,
    problems: &'s mut Violations,
    unsettled: &'s mut Vec<UnsettledLine>,
}

/// Turns one cart line into an order item; problems are recorded and the item gets zero
/// amounts so later indices and checks stay meaningful. A line that another rounding rule
/// could change, or whose amounts failed, is noted in `unsettled` for `build` to settle.
///
/// Inlined into the builder so the item is written once, where it is pushed.
#[inline(always)]
fn compute_item(line: &Line<'_>, index: usize, text: ItemText, cx: LineContext<'_>) -> OrderItem {
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
fn settle(
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

/// The line's unit measures, boxed with the item's rare fields; `None` when it has none.
#[inline]
fn unit_measures(line: &Line<'_>) -> Option<Box<ItemExtras>> {
    let measures = [
        line.unit_volume,
        line.unit_weight,
        line.unit_dimensional_weight,
    ];
    if measures.iter().all(Option::is_none) {
        return None;
    }
    Some(Box::new(ItemExtras {
        unit_volume: line.unit_volume,
        unit_weight: line.unit_weight,
        unit_dimensional_weight: line.unit_dimensional_weight,
        ..ItemExtras::default()
    }))
}

/// The problem a line's amounts failed with, at `path` (its `amount`).
fn amount_problem(error: LineAmountError, path: std::fmt::Arguments<'_>) -> Violation {
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

fn compute_shipping(
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
        countries: None,
        eta: None,
        time_slot: None,
        pick_up_address: None,
        metadata: None,
        environmental_data: None,
        fee_split: None,
        splits: None,
        pay_in_store: None,
        shipments: None,
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

/// Spreads one discount over the eligible lines by the largest-remainder method.
fn apply_discount(
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
fn largest_remainder(
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
fn add_rounding_line(
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
