use dintero_order::CheckoutItem;
use rust_decimal::Decimal;

#[derive(CheckoutItem)]
#[checkout(vat = 25, id = "sku", description)]
struct Shirt {
    sku: String,
    name: String,
    #[checkout(unit_price)]
    price: Decimal,
}

fn main() {}
