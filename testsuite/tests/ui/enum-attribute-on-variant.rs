use dintero_order::CheckoutItem;
use rust_decimal::Decimal;

#[derive(CheckoutItem)]
#[checkout(vat = 25)]
struct Chair {
    #[checkout(id)]
    sku: String,
    #[checkout(description)]
    name: String,
    #[checkout(unit_price)]
    price: Decimal,
}

#[derive(CheckoutItem)]
enum CartLine {
    #[checkout(kind = "physical")]
    Chair(Chair),
}

fn main() {}
