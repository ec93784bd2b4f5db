// Numeric ids: every integer type, `Option` of one for `line_id`, and references.
use dintero_order::{CheckoutItem, Currency, Order};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

#[derive(CheckoutItem)]
#[checkout(vat = 25)]
struct Product {
    #[checkout(id)]
    id: u64,
    #[checkout(line_id)]
    row: Option<usize>,
    #[checkout(description)]
    name: String,
    #[checkout(unit_price)]
    price: Decimal,
}

#[derive(CheckoutItem)]
#[checkout(vat = 0)]
struct Borrowed<'a> {
    #[checkout(id)]
    id: &'a i32,
    #[checkout(line_id)]
    row: Option<&'a u128>,
    #[checkout(description)]
    name: &'a str,
    #[checkout(unit_price, minor_units)]
    price: i64,
}

fn main() {
    let product = Product {
        id: 42,
        row: Some(7),
        name: "Stol".into(),
        price: dec!(100),
    };
    let (id, row) = (-3, 9);
    let borrowed = Borrowed {
        id: &id,
        row: Some(&row),
        name: "Fee",
        price: 500,
    };
    let order = Order::builder(Currency::NOK, "ref")
        .item(&product)
        .item(&borrowed)
        .build()
        .unwrap();
    let json = serde_json::to_string(&order).unwrap();
    assert!(json.contains(r#"{"id":"42","line_id":"7","#), "{json}");
    assert!(json.contains(r#"{"id":"-3","line_id":"9","#), "{json}");
}
