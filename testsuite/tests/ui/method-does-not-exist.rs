use dintero_order::CheckoutItem;
use rust_decimal::Decimal;

#[derive(CheckoutItem)]
#[checkout(vat = 25, description = Self::titel)]
struct Shirt {
    #[checkout(id)]
    sku: String,
    #[checkout(unit_price)]
    price: Decimal,
    name: String,
}

impl Shirt {
    fn title(&self) -> &str {
        &self.name
    }
}

fn main() {}
