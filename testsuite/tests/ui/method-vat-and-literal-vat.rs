use dintero_order::{CheckoutItem, VatRate};
use rust_decimal::Decimal;

#[derive(CheckoutItem)]
#[checkout(vat = 25, vat = Self::rate)]
struct Shirt {
    #[checkout(id)]
    sku: String,
    #[checkout(description)]
    name: String,
    #[checkout(unit_price)]
    price: Decimal,
}

impl Shirt {
    fn rate(&self) -> VatRate {
        VatRate::from_whole_percent(25).unwrap()
    }
}

fn main() {}
