use dintero_order::CheckoutItem;
use rust_decimal::Decimal;

#[derive(CheckoutItem)]
#[checkout(vat = 25, description = Self::stock, unit_price = Self::price)]
struct Shirt {
    #[checkout(id)]
    sku: String,
    stock: u32,
    price: f64,
}

impl Shirt {
    fn stock(&self) -> u32 {
        self.stock
    }
    fn price(&self) -> f64 {
        self.price
    }
}

fn main() {
    let _ = Decimal::ZERO;
}
