use dintero_order::CheckoutItem;
use rust_decimal::Decimal;

#[derive(CheckoutItem)]
#[checkout(vat = 25, id = Self::sku)]
struct Shirt {
    #[checkout(id)]
    code: String,
    #[checkout(description)]
    name: String,
    #[checkout(unit_price)]
    price: Decimal,
}

impl Shirt {
    fn sku(&self) -> &str {
        &self.code
    }
}

fn main() {}
