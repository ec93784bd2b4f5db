//! Runtime behaviour of `#[derive(CheckoutItem)]`: every role, flag and struct attribute,
//! checked through the order it builds. Expected amounts are worked out by hand in comments,
//! from DESIGN's arithmetic (gross: `vat = amount - round(amount * 100 / (100 + rate))`;
//! net: `vat = round(net * rate / 100)`, `amount = net + vat`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use dintero_order::{
    CheckoutItem, Currency, ItemType, Line, Money, Order, Quantity, Rule, UnitPrice, VatRate,
};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn vat(percent: u8) -> VatRate {
    VatRate::from_whole_percent(percent).unwrap()
}

fn order_json(item: &impl CheckoutItem) -> String {
    let order = Order::builder(Currency::NOK, "ref")
        .item(item)
        .build()
        .unwrap();
    serde_json::to_string(&order).unwrap()
}

#[derive(CheckoutItem)]
#[checkout(vat = 25)]
struct Chair {
    #[checkout(id)]
    sku: String,
    #[checkout(description)]
    name: String,
    #[checkout(unit_price)]
    price: Decimal,
    #[allow(dead_code)]
    stock: u32,
}

fn chair() -> Chair {
    Chair {
        sku: "chair-1".into(),
        name: "Stablestol".into(),
        price: dec!(299.90),
        stock: 7,
    }
}

#[test]
fn plain_struct_is_one_gross_line_of_quantity_one() {
    let chair = chair();
    assert_eq!(
        chair.line(),
        Line::new(
            "chair-1",
            "Stablestol",
            UnitPrice::major(dec!(299.90)),
            vat(25)
        )
    );
    // gross 299.90 NOK at 25 %: amount 29990, vat 29990 - round(29990 * 100 / 125)
    // = 29990 - 23992 = 5998
    assert_eq!(
        order_json(&chair),
        r#"{"amount":29990,"currency":"NOK","merchant_reference":"ref","vat_amount":5998,"items":[{"id":"chair-1","line_id":"1","description":"Stablestol","quantity":1,"amount":29990,"vat_amount":5998,"vat":25}]}"#
    );
}

#[test]
fn items_chain_and_loop() {
    let chairs = [chair(), chair()];
    let mut builder = Order::builder(Currency::NOK, "ref");
    for c in &chairs {
        builder = builder.item(c);
    }
    let order = builder.build().unwrap();
    // two lines of 29990 / 5998, numbered "1" and "2"
    assert_eq!(order.amount().minor_units(), 59980);
    assert_eq!(order.vat_amount().minor_units(), 11996);
    assert_eq!(order.items()[1].line_id(), Some("2"));
}

#[test]
fn a_whole_cart_at_once_is_the_same_as_item_by_item() {
    let names = ["Stol", "Spisebord i eik, hvitoljet, 180 cm", "", "Krakk"];
    let cart: Vec<Chair> = names
        .iter()
        .enumerate()
        .map(|(i, name)| Chair {
            sku: format!("chair-{i}"),
            name: (*name).to_owned(),
            price: dec!(299.90) * Decimal::from(i + 1),
            stock: 0,
        })
        .collect();
    let one_by_one = cart
        .iter()
        .fold(Order::builder(Currency::NOK, "ref"), |b, c| b.item(c))
        .build();
    let at_once = Order::builder(Currency::NOK, "ref").items(&cart).build();
    // The empty description is a problem either way, reported at the same path.
    let paths = |r: &Result<Order, dintero_order::Error>| match r {
        Ok(_) => panic!("an empty description is refused"),
        Err(e) => e
            .violations()
            .iter()
            .map(|v| v.path().to_owned())
            .collect::<Vec<_>>(),
    };
    assert_eq!(paths(&at_once), ["order.items[2].description"]);
    assert_eq!(paths(&at_once), paths(&one_by_one));

    // Without the bad line: the same bytes, lines of different text lengths, before and
    // after lines added one at a time.
    let valid: Vec<&Chair> = cart.iter().filter(|c| !c.name.is_empty()).collect();
    let one_by_one = Order::builder(Currency::NOK, "ref")
        .item(valid[0])
        .item(valid[1])
        .item(valid[2])
        .item(valid[0])
        .build()
        .unwrap();
    let at_once = Order::builder(Currency::NOK, "ref")
        .item(valid[0])
        .items(valid[1..].iter().copied())
        .items(std::iter::empty::<&Chair>())
        .items([valid[0]])
        .build()
        .unwrap();
    let json = serde_json::to_string(&at_once).unwrap();
    assert_eq!(json, serde_json::to_string(&one_by_one).unwrap());
    let ids: Vec<_> = at_once
        .items()
        .iter()
        .map(|i| (i.id(), i.line_id()))
        .collect();
    assert_eq!(
        ids,
        [
            (Some("chair-0"), Some("1")),
            (Some("chair-1"), Some("2")),
            (Some("chair-3"), Some("3")),
            (Some("chair-0"), Some("4")),
        ]
    );
    // 29990 + 59980 + 119960 + 29990
    assert_eq!(at_once.amount().minor_units(), 239_920);
}

#[derive(CheckoutItem)]
#[checkout(vat = 25)]
struct NetService {
    #[checkout(id)]
    code: &'static str,
    #[checkout(description)]
    name: &'static str,
    #[checkout(unit_price, net, minor_units)]
    price_ore: u32,
}

#[test]
fn net_price_in_minor_units() {
    let fitting = NetService {
        code: "fit",
        name: "Fitting",
        price_ore: 10_000,
    };
    assert_eq!(
        fitting.line(),
        Line::new("fit", "Fitting", UnitPrice::minor(10_000).net(), vat(25))
    );
    // net 10000, vat round(10000 * 25 / 100) = 2500, amount 12500
    assert_eq!(
        order_json(&fitting),
        r#"{"amount":12500,"currency":"NOK","merchant_reference":"ref","vat_amount":2500,"items":[{"id":"fit","line_id":"1","description":"Fitting","quantity":1,"amount":12500,"vat_amount":2500,"vat":25}]}"#
    );
}

#[derive(CheckoutItem)]
#[checkout(vat = 25)]
struct WholeKroner {
    #[checkout(id)]
    sku: String,
    #[checkout(description)]
    name: String,
    #[checkout(unit_price, major_units)]
    kroner: i64,
    #[checkout(quantity)]
    count: u16,
}

#[test]
fn integer_price_in_major_units_with_integer_quantity() {
    let lamp = WholeKroner {
        sku: "lamp".into(),
        name: "Lamp".into(),
        kroner: 299,
        count: 3,
    };
    assert_eq!(
        lamp.line(),
        Line::new("lamp", "Lamp", UnitPrice::major(dec!(299)), vat(25)).quantity(dec!(3))
    );
    // 3 * 299.00 = 897.00 -> 89700; vat 89700 - round(89700 * 100 / 125) = 89700 - 71760 = 17940
    let order = Order::builder(Currency::NOK, "ref")
        .item(&lamp)
        .build()
        .unwrap();
    assert_eq!(order.amount().minor_units(), 89700);
    assert_eq!(order.vat_amount().minor_units(), 17940);
    assert_eq!(
        order.items()[0].quantity(),
        Some(Quantity::new(dec!(3)).unwrap())
    );
}

#[derive(CheckoutItem)]
#[checkout(vat = 15)]
struct Cheese {
    #[checkout(id)]
    sku: String,
    #[checkout(description)]
    name: String,
    #[checkout(unit_price)]
    per_kg: Decimal,
    #[checkout(quantity)]
    kg: Decimal,
}

#[test]
fn decimal_quantity() {
    let cheese = Cheese {
        sku: "brunost".into(),
        name: "Brunost".into(),
        per_kg: dec!(120),
        kg: dec!(0.5),
    };
    // 0.5 * 120 = 60.00 -> 6000; 6000 * 100 / 115 = 5217.39 -> 5217; vat 6000 - 5217 = 783
    assert_eq!(
        order_json(&cheese),
        r#"{"amount":6000,"currency":"NOK","merchant_reference":"ref","vat_amount":783,"items":[{"id":"brunost","line_id":"1","description":"Brunost","quantity":0.5,"amount":6000,"vat_amount":783,"vat":15}]}"#
    );
}

#[derive(CheckoutItem)]
struct RuntimeVat {
    #[checkout(id)]
    sku: String,
    #[checkout(description)]
    name: String,
    #[checkout(unit_price)]
    price: Decimal,
    #[checkout(vat)]
    vat_percent: Decimal,
}

#[test]
fn runtime_vat_percent_field() {
    let item = RuntimeVat {
        sku: "a".into(),
        name: "A".into(),
        price: dec!(100),
        vat_percent: dec!(25.5),
    };
    // 10000 * 100 / 125.5 = 7968.13 -> 7968; vat 10000 - 7968 = 2032
    assert_eq!(
        order_json(&item),
        r#"{"amount":10000,"currency":"NOK","merchant_reference":"ref","vat_amount":2032,"items":[{"id":"a","line_id":"1","description":"A","quantity":1,"amount":10000,"vat_amount":2032,"vat":25.5}]}"#
    );
}

#[test]
fn runtime_vat_out_of_range_is_an_error_with_its_path() {
    let item = RuntimeVat {
        sku: "a".into(),
        name: "A".into(),
        price: dec!(100),
        vat_percent: dec!(250),
    };
    let err = Order::builder(Currency::NOK, "ref")
        .item(&item)
        .build()
        .unwrap_err();
    let v = &err.violations()[0];
    assert_eq!(v.rule(), Rule::VatRate);
    assert_eq!(v.path(), "order.items[0].vat");
}

#[derive(CheckoutItem)]
struct TypedVat {
    #[checkout(id)]
    sku: Box<str>,
    #[checkout(description)]
    name: std::sync::Arc<str>,
    #[checkout(unit_price)]
    price: Decimal,
    #[checkout(vat)]
    rate: VatRate,
}

#[test]
fn runtime_vat_rate_field() {
    let item = TypedVat {
        sku: "b".into(),
        name: "B".into(),
        price: dec!(112),
        rate: vat(12),
    };
    assert_eq!(
        item.line(),
        Line::new("b", "B", UnitPrice::major(dec!(112)), vat(12))
    );
    // 11200 * 100 / 112 = 10000; vat 1200
    let order = Order::builder(Currency::NOK, "ref")
        .item(&item)
        .build()
        .unwrap();
    assert_eq!(order.vat_amount().minor_units(), 1200);
}

#[derive(CheckoutItem)]
#[checkout(vat = 25, currency = "EUR")]
struct Ticket {
    #[checkout(id)]
    code: String,
    #[checkout(description)]
    title: String,
    #[checkout(unit_price)]
    price_eur: Decimal,
}

#[test]
fn container_currency_is_checked_against_the_order() {
    let ticket = Ticket {
        code: "t".into(),
        title: "Concert".into(),
        price_eur: dec!(45),
    };
    assert_eq!(
        ticket.line(),
        Line::new(
            "t",
            "Concert",
            UnitPrice::major(dec!(45)).in_currency(Currency::EUR),
            vat(25)
        )
    );
    let eur = Order::builder(Currency::EUR, "ref")
        .item(&ticket)
        .build()
        .unwrap();
    assert_eq!(eur.amount().minor_units(), 4500);
    let err = Order::builder(Currency::NOK, "ref")
        .item(&ticket)
        .build()
        .unwrap_err();
    assert_eq!(err.violations()[0].rule(), Rule::CurrencyMismatch);
}

#[derive(CheckoutItem)]
#[checkout(vat = 25, currency = "EUR")]
struct PricedInMoney {
    #[checkout(id)]
    sku: String,
    #[checkout(description)]
    name: String,
    #[checkout(unit_price)]
    price: Money,
}

#[test]
fn money_keeps_its_own_currency() {
    // The struct says EUR but the Money says NOK: the Money is not relabelled, so the NOK
    // order accepts it and an EUR order rejects it.
    let item = PricedInMoney {
        sku: "m".into(),
        name: "M".into(),
        price: Money::from_minor(29990, Currency::NOK),
    };
    let nok = Order::builder(Currency::NOK, "ref")
        .item(&item)
        .build()
        .unwrap();
    assert_eq!(nok.amount().minor_units(), 29990);
    assert!(
        Order::builder(Currency::EUR, "ref")
            .item(&item)
            .build()
            .is_err()
    );
}

#[derive(CheckoutItem)]
#[checkout(vat = 0, kind = "gift_card")]
struct GiftCard {
    #[checkout(id)]
    number: String,
    #[checkout(description)]
    label: String,
    #[checkout(unit_price, minor_units)]
    value: i64,
}

#[test]
fn kind_sets_the_item_type() {
    let card = GiftCard {
        number: "gc".into(),
        label: "Gift card".into(),
        value: 50_000,
    };
    assert_eq!(
        card.line(),
        Line::new("gc", "Gift card", UnitPrice::minor(50_000), VatRate::ZERO)
            .kind(ItemType::GiftCard)
    );
    assert_eq!(
        order_json(&card),
        r#"{"amount":50000,"currency":"NOK","merchant_reference":"ref","vat_amount":0,"items":[{"id":"gc","line_id":"1","description":"Gift card","quantity":1,"amount":50000,"vat_amount":0,"vat":0,"type":"gift_card"}]}"#
    );
}

#[derive(CheckoutItem)]
#[checkout(vat = 25, kind = "physical")]
struct Parcel {
    #[checkout(id, line_id)]
    sku: String,
    #[checkout(description)]
    name: String,
    #[checkout(unit_price)]
    price: Decimal,
    #[checkout(unit_weight)]
    weight: Option<Decimal>,
    #[checkout(unit_volume)]
    volume: Option<Decimal>,
    #[checkout(unit_dimensional_weight)]
    dimensional: Option<u32>,
    #[checkout(thumbnail_url)]
    image: Option<String>,
    #[checkout(eligible_for_discount)]
    discountable: Option<bool>,
}

#[test]
fn option_fields_present() {
    let parcel = Parcel {
        sku: "box".into(),
        name: "Box".into(),
        price: dec!(50),
        weight: Some(dec!(1.5)),
        volume: Some(dec!(0.02)),
        dimensional: Some(6),
        image: Some("https://shop.example/box.png".into()),
        discountable: Some(true),
    };
    assert_eq!(
        parcel.line(),
        Line::new("box", "Box", UnitPrice::major(dec!(50)), vat(25))
            .line_id("box")
            .kind(ItemType::Physical)
            .unit_weight(dec!(1.5))
            .unit_volume(dec!(0.02))
            .unit_dimensional_weight(dec!(6))
            .thumbnail_url("https://shop.example/box.png")
            .eligible_for_discount(true)
    );
    // 5000; 5000 * 100 / 125 = 4000; vat 1000
    assert_eq!(
        order_json(&parcel),
        r#"{"amount":5000,"currency":"NOK","merchant_reference":"ref","vat_amount":1000,"items":[{"id":"box","line_id":"box","description":"Box","quantity":1,"amount":5000,"vat_amount":1000,"vat":25,"type":"physical","unit_volume":0.02,"unit_weight":1.5,"unit_dimensional_weight":6,"thumbnail_url":"https://shop.example/box.png","eligible_for_discount":true}]}"#
    );
}

#[test]
fn option_fields_absent_are_omitted() {
    let parcel = Parcel {
        sku: "box".into(),
        name: "Box".into(),
        price: dec!(50),
        weight: None,
        volume: None,
        dimensional: None,
        image: None,
        discountable: None,
    };
    assert_eq!(
        order_json(&parcel),
        r#"{"amount":5000,"currency":"NOK","merchant_reference":"ref","vat_amount":1000,"items":[{"id":"box","line_id":"box","description":"Box","quantity":1,"amount":5000,"vat_amount":1000,"vat":25,"type":"physical"}]}"#
    );
}

#[derive(CheckoutItem)]
#[checkout(vat = 25)]
struct Plain {
    #[checkout(id)]
    sku: String,
    #[checkout(description)]
    name: String,
    #[checkout(unit_price)]
    price: Decimal,
    #[checkout(line_id)]
    line: String,
    #[checkout(unit_weight)]
    weight: Decimal,
    #[checkout(thumbnail_url)]
    image: &'static str,
    #[checkout(eligible_for_discount)]
    discountable: bool,
}

#[test]
fn non_option_optional_roles() {
    let item = Plain {
        sku: "p".into(),
        name: "P".into(),
        price: dec!(10),
        line: "l-7".into(),
        weight: dec!(2),
        image: "https://shop.example/p.png",
        discountable: false,
    };
    assert_eq!(
        item.line(),
        Line::new("p", "P", UnitPrice::major(dec!(10)), vat(25))
            .line_id("l-7")
            .unit_weight(dec!(2))
            .thumbnail_url("https://shop.example/p.png")
            .eligible_for_discount(false)
    );
}

#[derive(CheckoutItem)]
#[checkout(vat = 25.5)]
struct Tuple(
    #[checkout(id)] String,
    #[checkout(description)] String,
    #[checkout(unit_price, minor_units)] u64,
    #[checkout(quantity)] Quantity,
);

#[test]
fn tuple_struct_and_fractional_literal_rate() {
    let item = Tuple(
        "t".into(),
        "T".into(),
        1000,
        Quantity::new(dec!(2)).unwrap(),
    );
    let rate = VatRate::from_hundredths(2550).unwrap();
    assert_eq!(
        item.line(),
        Line::new("t", "T", UnitPrice::minor(1000), rate).quantity(dec!(2))
    );
    // 2 * 1000 = 2000; 2000 * 100 / 125.5 = 1593.63 -> 1594; vat 406
    let order = Order::builder(Currency::NOK, "ref")
        .item(&item)
        .build()
        .unwrap();
    assert_eq!(order.vat_amount().minor_units(), 406);
}

mod shop {
    pub use dintero_order as checkout;
}

#[derive(dintero_order::CheckoutItem)]
#[checkout(vat = 25, crate = "crate::shop::checkout")]
struct Reexported {
    #[checkout(id)]
    sku: String,
    #[checkout(description)]
    name: String,
    #[checkout(unit_price)]
    price: Decimal,
}

#[test]
fn crate_path_override() {
    let item = Reexported {
        sku: "r".into(),
        name: "R".into(),
        price: dec!(1),
    };
    assert_eq!(
        item.line(),
        Line::new("r", "R", UnitPrice::major(dec!(1)), vat(25))
    );
}

#[test]
fn literal_macros_match_the_runtime_constructors() {
    use dintero_order::{currency, money, vat};
    const RATE: VatRate = vat!(25.5);
    const NOK: Currency = currency!("NOK");
    const PRICE: Money = money!(299.90, NOK);
    assert_eq!(RATE, VatRate::from_hundredths(2550).unwrap());
    assert_eq!(vat!(0), VatRate::ZERO);
    assert_eq!(vat!(100).hundredths(), 10_000);
    assert_eq!(NOK, Currency::NOK);
    assert_eq!(currency!(KWD), Currency::KWD);
    assert_eq!(PRICE, Money::from_minor(29990, Currency::NOK));
    assert_eq!(money!(1500, JPY), Money::from_minor(1500, Currency::JPY));
    assert_eq!(money!(1.234, "KWD"), Money::from_minor(1234, Currency::KWD));
    assert_eq!(money!(-50, EUR), Money::from_minor(-5000, Currency::EUR));
    assert_eq!(money!(0.10, NOK).minor_units(), 10);
}
