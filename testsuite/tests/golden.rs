//! Golden tests: the exact bytes emitted for representative orders. Every expected number is
//! worked out by hand in the comment above it, from DESIGN's arithmetic.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use dintero_order::{
    CheckoutItem, Currency, DeliveryMethod, ItemType, Line, Order, Shipping, UnitPrice, VatRate,
};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// A product implemented by hand, the way a shop without the derive would.
struct Product {
    sku: &'static str,
    name: &'static str,
    price: Decimal,
    vat: Decimal,
    quantity: Decimal,
    net: bool,
}

impl Product {
    fn new(sku: &'static str, name: &'static str, price: Decimal, vat: Decimal) -> Product {
        Product {
            sku,
            name,
            price,
            vat,
            quantity: Decimal::ONE,
            net: false,
        }
    }

    fn times(mut self, quantity: Decimal) -> Product {
        self.quantity = quantity;
        self
    }

    fn net(mut self) -> Product {
        self.net = true;
        self
    }
}

impl CheckoutItem for Product {
    fn line(&self) -> Line<'_> {
        let price = if self.net {
            UnitPrice::major(self.price).net()
        } else {
            UnitPrice::major(self.price)
        };
        let vat = VatRate::from_percent(self.vat).unwrap();
        Line::new(self.sku, self.name, price, vat).quantity(self.quantity)
    }
}

fn json(order: &Order) -> String {
    serde_json::to_string(order).unwrap()
}

#[test]
fn seed_example_has_exact_vat() {
    // 299.90 NOK incl. 25 %: net = 29990 × 100 / 125 = 23992 exactly, so VAT = 5998
    // (Dintero's own docs send 6000 here, which is 25 % of the gross, not VAT contained in it).
    let chair = Product::new("chair-1", "Stablestol", dec!(299.90), dec!(25));
    let order = Order::builder(Currency::NOK, "merchants_order_number")
        .item(&chair)
        .build()
        .unwrap();
    assert_eq!(
        json(&order),
        r#"{"amount":29990,"currency":"NOK","merchant_reference":"merchants_order_number","vat_amount":5998,"items":[{"id":"chair-1","line_id":"1","description":"Stablestol","quantity":1,"amount":29990,"vat_amount":5998,"vat":25}]}"#
    );
}

#[test]
fn multi_rate_order() {
    // 25 %: 29990, net 23992, VAT 5998.
    // 15 %: 2 × 49.90 = 9980, net 9980/1.15 = 8678.26 → 8678, VAT 1302.
    // 12 %: 12000, net 12000/1.12 = 10714.29 → 10714, VAT 1286.
    //  0 %: 19900, VAT 0.
    // Σ amount 71870, Σ VAT 8586.
    let cart = [
        Product::new("chair-1", "Chair", dec!(299.90), dec!(25)),
        Product::new("food-1", "Groceries", dec!(49.90), dec!(15)).times(dec!(2)),
        Product::new("ticket-1", "Bus ticket", dec!(120.00), dec!(12)),
        Product::new("book-1", "Book", dec!(199), dec!(0)),
    ];
    let mut builder = Order::builder(Currency::NOK, "multi-1");
    for product in &cart {
        builder = builder.item(product);
    }
    let order = builder.build().unwrap();
    assert_eq!(
        json(&order),
        concat!(
            r#"{"amount":71870,"currency":"NOK","merchant_reference":"multi-1","vat_amount":8586,"items":["#,
            r#"{"id":"chair-1","line_id":"1","description":"Chair","quantity":1,"amount":29990,"vat_amount":5998,"vat":25},"#,
            r#"{"id":"food-1","line_id":"2","description":"Groceries","quantity":2,"amount":9980,"vat_amount":1302,"vat":15},"#,
            r#"{"id":"ticket-1","line_id":"3","description":"Bus ticket","quantity":1,"amount":12000,"vat_amount":1286,"vat":12},"#,
            r#"{"id":"book-1","line_id":"4","description":"Book","quantity":1,"amount":19900,"vat_amount":0,"vat":0}]}"#
        )
    );
}

#[test]
fn isk_has_no_minor_unit_digits() {
    // ISK has exponent 0: 4990 ISK × 3 = 14970 (not 1497000).
    // 24 %: net 14970/1.24 = 12072.58 → 12073, VAT 2897.
    let wool = Product::new("lopi-1", "Lopapeysa", dec!(4990), dec!(24)).times(dec!(3));
    let order = Order::builder(Currency::ISK, "isk-1")
        .item(&wool)
        .build()
        .unwrap();
    assert_eq!(
        json(&order),
        r#"{"amount":14970,"currency":"ISK","merchant_reference":"isk-1","vat_amount":2897,"items":[{"id":"lopi-1","line_id":"1","description":"Lopapeysa","quantity":3,"amount":14970,"vat_amount":2897,"vat":24}]}"#
    );
}

#[test]
fn isk_rounds_once_per_line_and_kwd_keeps_three() {
    // 4990.5 ISK is finer than ISK's whole krónur: the line total 4990.5 is rounded once,
    // half away from zero, to 4991. A price in KWD has 3 decimals: 12.345 × 2 = 24690 fils.
    let isk = Product::new("a", "A", dec!(4990.5), dec!(0));
    let order = Order::builder(Currency::ISK, "isk-2")
        .item(&isk)
        .build()
        .unwrap();
    assert_eq!(order.amount().minor_units(), 4991);

    let dates = Product::new("dates-1", "Dates", dec!(12.345), dec!(0)).times(dec!(2));
    let order = Order::builder(Currency::KWD, "kwd-1")
        .item(&dates)
        .build()
        .unwrap();
    assert_eq!(
        json(&order),
        r#"{"amount":24690,"currency":"KWD","merchant_reference":"kwd-1","vat_amount":0,"items":[{"id":"dates-1","line_id":"1","description":"Dates","quantity":2,"amount":24690,"vat_amount":0,"vat":0}]}"#
    );
}

#[test]
fn net_pricing() {
    // Net 100.00 × 3 = 30000; VAT 25 % = 7500; amount 37500.
    // Net 19.99 at 15 %: VAT 1999 × 0.15 = 299.85 → 300; amount 2299.
    // Σ amount 39799, Σ VAT 7800.
    let cart = [
        Product::new("desk-1", "Desk", dec!(100.00), dec!(25))
            .times(dec!(3))
            .net(),
        Product::new("snack-1", "Snack", dec!(19.99), dec!(15)).net(),
    ];
    let order = Order::builder(Currency::NOK, "net-1")
        .item(&cart[0])
        .item(&cart[1])
        .build()
        .unwrap();
    assert_eq!(
        json(&order),
        concat!(
            r#"{"amount":39799,"currency":"NOK","merchant_reference":"net-1","vat_amount":7800,"items":["#,
            r#"{"id":"desk-1","line_id":"1","description":"Desk","quantity":3,"amount":37500,"vat_amount":7500,"vat":25},"#,
            r#"{"id":"snack-1","line_id":"2","description":"Snack","quantity":1,"amount":2299,"vat_amount":300,"vat":15}]}"#
        )
    );
}

#[test]
fn fractional_quantity_and_price_precision() {
    // 0.5 kg × 249.00 = 124.50 → 12450; 15 %: net 10826.09 → 10826, VAT 1624.
    // 333 g × 0.125 NOK/g = 41.625 NOK = 4162.5 øre → 4163 (rounded once, half away from zero);
    // 25 %: net 4163/1.25 = 3330.4 → 3330, VAT 833.
    // 25.5 % on 1.5 × 10.00 = 1500: net 1500/1.255 = 1195.22 → 1195, VAT 305.
    let cart = [
        Product::new("coffee-1", "Coffee, per kg", dec!(249.00), dec!(15)).times(dec!(0.5)),
        Product::new("candy-1", "Pick and mix, per g", dec!(0.125), dec!(25)).times(dec!(333)),
        Product::new("fi-1", "Finnish rye, per kg", dec!(10.00), dec!(25.5)).times(dec!(1.5)),
    ];
    let order = Order::builder(Currency::NOK, "frac-1")
        .item(&cart[0])
        .item(&cart[1])
        .item(&cart[2])
        .build()
        .unwrap();
    assert_eq!(
        json(&order),
        concat!(
            r#"{"amount":18113,"currency":"NOK","merchant_reference":"frac-1","vat_amount":2762,"items":["#,
            r#"{"id":"coffee-1","line_id":"1","description":"Coffee, per kg","quantity":0.5,"amount":12450,"vat_amount":1624,"vat":15},"#,
            r#"{"id":"candy-1","line_id":"2","description":"Pick and mix, per g","quantity":333,"amount":4163,"vat_amount":833,"vat":25},"#,
            r#"{"id":"fi-1","line_id":"3","description":"Finnish rye, per kg","quantity":1.5,"amount":1500,"vat_amount":305,"vat":25.5}]}"#
        )
    );
}

#[test]
fn order_with_shipping_option() {
    // Chair 29990 (VAT 5998) + pick-up 39.00 at 25 % = 3900 (net 3120, VAT 780).
    // Σ amount 33890 (the figure in Dintero's create-session example), Σ VAT 6778.
    let chair = Product::new("chair-1", "Stablestol", dec!(299.90), dec!(25));
    let pickup = Shipping::new(
        "local-pick-up-point",
        "Pick up at a pick-up point",
        UnitPrice::major(dec!(39.00)),
        VatRate::from_whole_percent(25).unwrap(),
    )
    .delivery_method(DeliveryMethod::PickUp);
    let order = Order::builder(Currency::NOK, "merchants_order_number")
        .item(&chair)
        .shipping(pickup)
        .build()
        .unwrap();
    assert_eq!(
        json(&order),
        concat!(
            r#"{"amount":33890,"currency":"NOK","merchant_reference":"merchants_order_number","vat_amount":6778,"items":["#,
            r#"{"id":"chair-1","line_id":"1","description":"Stablestol","quantity":1,"amount":29990,"vat_amount":5998,"vat":25}],"#,
            r#""shipping_option":{"id":"local-pick-up-point","line_id":"local-pick-up-point","amount":3900,"vat_amount":780,"vat":25,"operator":"","title":"Pick up at a pick-up point","delivery_method":"pick_up"}}"#
        )
    );
}

#[test]
fn gift_card_line_may_be_negative() {
    // 29990 − 5000 gift card = 24990; the gift card carries no VAT.
    let chair = Product::new("chair-1", "Chair", dec!(299.90), dec!(25));
    let gift = Line::new("gc-1", "Gift card", UnitPrice::minor(-5000), VatRate::ZERO)
        .kind(ItemType::GiftCard);
    let order = Order::builder(Currency::NOK, "gc")
        .item(&chair)
        .line(gift)
        .build()
        .unwrap();
    assert_eq!(order.amount().minor_units(), 24990);
    assert_eq!(order.vat_amount().minor_units(), 5998);
    assert!(json(&order).contains(
        r#"{"id":"gc-1","line_id":"2","description":"Gift card","quantity":1,"amount":-5000,"vat_amount":0,"vat":0,"type":"gift_card"}"#
    ));
}
