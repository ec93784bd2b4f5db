//! `#[derive(CheckoutItem)]` on an enum: a cart of mixed kinds, where each variant holds one item
//! and the variant's line is its item's own line (its VAT, kind and price unit included).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use dintero_order::{CheckoutItem, Currency, Line, Money, Order, UnitPrice, VatRate};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

#[derive(CheckoutItem)]
#[checkout(vat = 25, kind = "physical")]
struct Product {
    #[checkout(id)]
    sku: String,
    #[checkout(description)]
    name: String,
    #[checkout(unit_price)]
    price: Decimal,
    #[checkout(quantity)]
    quantity: u32,
}

#[derive(CheckoutItem)]
#[checkout(vat = 0, kind = "gift_card")]
struct GiftCard {
    #[checkout(id)]
    code: String,
    #[checkout(description)]
    label: &'static str,
    #[checkout(unit_price, minor_units)]
    value: i64,
}

#[derive(CheckoutItem)]
#[checkout(vat = 25, kind = "service")]
struct Service {
    #[checkout(id)]
    sku: String,
    #[checkout(description)]
    name: String,
    #[checkout(unit_price, net)]
    price: Decimal,
}

#[derive(CheckoutItem)]
enum CartLine {
    Product(Product),
    GiftCard(GiftCard),
    Service { service: Service },
}

fn chair() -> Product {
    Product {
        sku: "chair-1".into(),
        name: "Stablestol".into(),
        price: dec!(299.90),
        quantity: 2,
    }
}

fn gift_card() -> GiftCard {
    GiftCard {
        code: "gift-500".into(),
        label: "Gavekort 500",
        value: 50000,
    }
}

fn assembly() -> Service {
    Service {
        sku: "assembly".into(),
        name: "Montering".into(),
        price: dec!(400),
    }
}

fn cart() -> Vec<CartLine> {
    vec![
        CartLine::Product(chair()),
        CartLine::GiftCard(gift_card()),
        CartLine::Service {
            service: assembly(),
        },
    ]
}

#[test]
fn each_variant_is_its_items_line() {
    for (line, item) in cart()
        .iter()
        .zip([chair().line(), gift_card().line(), assembly().line()])
    {
        assert_eq!(line.line(), item);
    }
}

#[test]
fn a_mixed_cart_is_one_order() {
    let cart = cart();
    let order = Order::builder(Currency::NOK, "order-1")
        .items(&cart)
        .build()
        .unwrap();
    // chair: 2 x 299.90 gross = 59980; VAT 59980 - round(59980 * 100 / 125) = 59980 - 47984 = 11996
    // gift card: 50000 minor units at 0 % = 50000, VAT 0
    // assembly: 400.00 net = 40000; VAT round(40000 * 25 / 100) = 10000; amount 50000
    // order: 59980 + 50000 + 50000 = 159980; VAT 11996 + 0 + 10000 = 21996
    let expected = concat!(
        r#"{"amount":159980,"currency":"NOK","merchant_reference":"order-1","vat_amount":21996,"items":["#,
        r#"{"id":"chair-1","line_id":"1","description":"Stablestol","quantity":2,"amount":59980,"vat_amount":11996,"vat":25,"type":"physical"},"#,
        r#"{"id":"gift-500","line_id":"2","description":"Gavekort 500","quantity":1,"amount":50000,"vat_amount":0,"vat":0,"type":"gift_card"},"#,
        r#"{"id":"assembly","line_id":"3","description":"Montering","quantity":1,"amount":50000,"vat_amount":10000,"vat":25,"type":"service"}"#,
        r#"]}"#,
    );
    assert_eq!(String::from_utf8(order.to_json()).unwrap(), expected);
}

#[test]
fn lines_can_be_added_one_by_one() {
    let cart = cart();
    let by_item = cart
        .iter()
        .fold(Order::builder(Currency::NOK, "order-1"), |b, line| {
            b.item(line)
        })
        .build()
        .unwrap();
    let at_once = Order::builder(Currency::NOK, "order-1")
        .items(&cart)
        .build()
        .unwrap();
    assert_eq!(by_item.to_json(), at_once.to_json());
}

/// Any item type, bound by the derive to `P: CheckoutItem`.
#[derive(CheckoutItem)]
enum AnyLine<P> {
    Item(P),
    Boxed(Box<P>),
}

#[test]
fn generic_enum() {
    let lines = [
        AnyLine::Item(gift_card()),
        AnyLine::Boxed(Box::new(gift_card())),
    ];
    for line in &lines {
        assert_eq!(line.line(), gift_card().line());
    }
    let order = Order::builder(Currency::NOK, "order-2")
        .items(&lines)
        .build()
        .unwrap();
    // 2 x 50000 at 0 %
    assert_eq!(order.amount().minor_units(), 100_000);
    assert_eq!(order.vat_amount().minor_units(), 0);
}

/// Borrows the products from a catalogue; owns the gift card.
#[derive(CheckoutItem)]
enum CartRef<'a> {
    Product(&'a Product),
    Gift(GiftCard),
}

#[test]
fn borrowing_enum() {
    let catalogue = [chair()];
    let lines = [CartRef::Product(&catalogue[0]), CartRef::Gift(gift_card())];
    let line = lines[0].line();
    let vat = VatRate::from_whole_percent(25).unwrap();
    assert_eq!(
        line,
        Line::new("chair-1", "Stablestol", UnitPrice::major(dec!(299.90)), vat)
            .quantity(dec!(2))
            .kind(dintero_order::ItemType::Physical)
    );
    let order = Order::builder(Currency::NOK, "order-3")
        .items(&lines)
        .build()
        .unwrap();
    // 59980 + 50000
    assert_eq!(order.amount(), Money::from_minor(109_980, Currency::NOK));
    assert_eq!(order.items()[0].description(), Some("Stablestol"));
}
