use dintero_order::CheckoutItem;
use rust_decimal::Decimal;

// `id` and `line_id` take integers; the description is text.
#[derive(CheckoutItem)]
#[checkout(vat = 25)]
struct Chair {
    #[checkout(id)]
    sku: u64,
    #[checkout(description)]
    name: u32,
    #[checkout(unit_price)]
    price: Decimal,
}

fn main() {}
