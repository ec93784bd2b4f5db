//! The builder copies a line when it is added, so the item it came from may be a temporary:
//! `for row in rows { let p = Product::from(row); b = b.item(&p); }` compiles (issue 12,
//! item 3). Only the shipping option, which the builder keeps, may borrow for longer.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use dintero_order::{CheckoutItem, Currency, Line, Order, Shipping, UnitPrice, VatRate};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// A row as the shop's database hands it out.
struct Row {
    sku: &'static str,
    name: &'static str,
    price: Decimal,
}

#[derive(CheckoutItem)]
#[checkout(vat = 25)]
struct Product {
    #[checkout(id)]
    sku: String,
    #[checkout(description)]
    name: String,
    #[checkout(unit_price)]
    price: Decimal,
}

impl From<&Row> for Product {
    fn from(row: &Row) -> Product {
        Product {
            sku: row.sku.to_owned(),
            name: row.name.to_owned(),
            price: row.price,
        }
    }
}

fn rows() -> Vec<Row> {
    vec![
        Row {
            sku: "chair-1",
            name: "Stol",
            price: dec!(299.90),
        },
        Row {
            sku: "table-1",
            name: "Bord",
            price: dec!(1499),
        },
    ]
}

/// Gross 299.90 at 25 %: vat 29990 - round(29990 / 1.25) = 5998; 1499.00: 149900 - 119920
/// = 29980.
const TWO_LINES: &str = r#"{"amount":179890,"currency":"NOK","merchant_reference":"ref","vat_amount":35978,"items":[{"id":"chair-1","line_id":"1","description":"Stol","quantity":1,"amount":29990,"vat_amount":5998,"vat":25},{"id":"table-1","line_id":"2","description":"Bord","quantity":1,"amount":149900,"vat_amount":29980,"vat":25}]}"#;

#[test]
fn items_made_inside_the_loop_are_dropped_before_build() {
    let mut b = Order::builder(Currency::NOK, "ref");
    for row in &rows() {
        let p = Product::from(row);
        b = b.item(&p);
    }
    let order = b.build().unwrap();
    assert_eq!(serde_json::to_string(&order).unwrap(), TWO_LINES);
}

#[test]
fn lines_borrowing_a_temporary_are_copied_when_added() {
    let mut b = Order::builder(Currency::NOK, "ref");
    for row in &rows() {
        let sku = row.sku.to_owned();
        let name = String::from(row.name);
        let vat = VatRate::from_whole_percent(25).unwrap();
        b = b.line(Line::new(&*sku, &*name, UnitPrice::major(row.price), vat));
    }
    let order = b.build().unwrap();
    assert_eq!(serde_json::to_string(&order).unwrap(), TWO_LINES);
}

#[test]
fn a_batch_of_temporaries_and_a_kept_shipping_option() {
    // The shipping option is kept until `build`, so what it borrows must outlive the builder;
    // the items may be gone as soon as `items` returns.
    let operator = String::from("Posten");
    let mut b = Order::builder(Currency::NOK, "ref").shipping(
        Shipping::new("mail", "Mail", UnitPrice::minor(9900), VatRate::ZERO).operator(&*operator),
    );
    for chunk in rows().chunks(1) {
        let products: Vec<Product> = chunk.iter().map(Product::from).collect();
        b = b.items(&products);
    }
    let order = b.build().unwrap();
    let json = serde_json::to_string(&order).unwrap();
    assert!(
        json.starts_with(
            r#"{"amount":189790,"currency":"NOK","merchant_reference":"ref","vat_amount":35978,"#
        ),
        "{json}"
    );
    assert!(
        json.ends_with(r#""shipping_option":{"id":"mail","line_id":"mail","amount":9900,"vat_amount":0,"vat":0,"operator":"Posten","title":"Mail"}}"#),
        "{json}"
    );
}
