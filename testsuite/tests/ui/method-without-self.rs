use dintero_order::CheckoutItem;
use rust_decimal::Decimal;

#[derive(CheckoutItem)]
#[checkout(vat = 25, description = Self::title)]
struct Shirt {
    #[checkout(id)]
    sku: String,
    #[checkout(unit_price)]
    price: Decimal,
}

impl Shirt {
    fn title() -> &'static str {
        "Shirt"
    }
}

fn main() {}
