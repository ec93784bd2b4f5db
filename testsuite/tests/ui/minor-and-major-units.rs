use dintero_order::CheckoutItem;

#[derive(CheckoutItem)]
#[checkout(vat = 25)]
struct Chair {
    #[checkout(id)]
    sku: String,
    #[checkout(description)]
    name: String,
    #[checkout(unit_price, minor_units, major_units)]
    price: i64,
}

fn main() {}
