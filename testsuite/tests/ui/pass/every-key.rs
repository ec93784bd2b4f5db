// Every struct and field key in one derive; compiles and runs.
use std::borrow::Cow;

use dintero_order::{CheckoutItem, Currency, Order};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

#[derive(CheckoutItem)]
#[checkout(
    vat = 25.5,
    currency = "NOK",
    kind = "physical",
    crate = "::dintero_order"
)]
struct Everything<'a> {
    #[checkout(id, line_id)]
    sku: &'a str,
    #[checkout(description)]
    name: Cow<'a, str>,
    #[checkout(unit_price, net, minor_units)]
    price: u32,
    #[checkout(quantity)]
    quantity: Decimal,
    #[checkout(unit_weight)]
    weight: Option<Decimal>,
    #[checkout(unit_volume)]
    volume: Decimal,
    #[checkout(unit_dimensional_weight)]
    dimensional: u16,
    #[checkout(thumbnail_url)]
    image: Option<String>,
    #[checkout(eligible_for_discount)]
    eligible: bool,
    unmapped: Vec<u8>,
}

fn main() {
    let item = Everything {
        sku: "sku",
        name: Cow::Borrowed("Name"),
        price: 1000,
        quantity: dec!(2),
        weight: None,
        volume: dec!(0.5),
        dimensional: 3,
        image: None,
        eligible: true,
        unmapped: Vec::new(),
    };
    let order = Order::builder(Currency::NOK, "ref")
        .item(&item)
        .build()
        .unwrap();
    // net 2000, vat round(2000 * 25.5 / 100) = 510, amount 2510
    assert_eq!(order.amount().minor_units(), 2510);
    assert!(item.unmapped.is_empty());
}
