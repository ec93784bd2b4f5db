//! Builds a small cart of two product types plus shipping, prints the exact JSON body for
//! `POST /v1/sessions-profile`, then the totals. Runs offline: no request is sent.
//!
//! ```text
//! cargo run --example quickstart
//! ```

use dintero_order::{CheckoutItem, Currency, Order, SessionProfile, Shipping, UnitPrice, vat};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// A product the shop already has; the derive maps it to a Dintero order line.
#[derive(CheckoutItem)]
#[checkout(vat = 25, kind = "physical")]
struct Chair {
    #[checkout(id)]
    sku: String,
    #[checkout(description)]
    name: String,
    /// Major units of the order currency, VAT included.
    #[checkout(unit_price)]
    price: Decimal,
    #[checkout(quantity)]
    count: u32,
    /// Not mapped: fields without `#[checkout]` stay out of the order.
    #[allow(dead_code)]
    stock: u32,
}

/// Food sold by weight at the reduced rate, borrowing its strings.
#[derive(CheckoutItem)]
#[checkout(vat = 15)]
struct Produce<'a> {
    #[checkout(id)]
    sku: &'a str,
    #[checkout(description)]
    name: &'a str,
    #[checkout(unit_price)]
    price_per_kg: Decimal,
    #[checkout(quantity)]
    kg: Decimal,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let chairs = Chair {
        sku: "chair-1".into(),
        name: "Stablestol".into(),
        price: dec!(299.90),
        count: 2,
        stock: 12,
    };
    let coffee = Produce {
        sku: "coffee-1",
        name: "Coffee beans",
        price_per_kg: dec!(249.00),
        kg: dec!(0.5),
    };
    let pickup = Shipping::new(
        "pick-up-point",
        "Pick up at a pick-up point",
        UnitPrice::major(dec!(39.00)),
        vat!(25),
    );

    let order = Order::builder(Currency::NOK, "merchants_order_number")
        .item(&chairs)
        .item(&coffee)
        .shipping(pickup)
        .build()?;
    let session = SessionProfile::builder("default", "https://example.com/return", order)
        .callback_url("https://example.com/callback")
        .build()?;

    println!("{}", serde_json::to_string_pretty(&session)?);
    let order = session.order();
    println!(
        "total {} (VAT {}) in {} lines plus shipping",
        order.amount(),
        order.vat_amount(),
        order.items().len()
    );
    Ok(())
}
