use dintero_order::CheckoutItem;

#[derive(CheckoutItem)]
#[checkout(vat = 25)]
struct Chair {
    #[checkout(id)]
    sku: String,
    #[checkout(description)]
    name: String,
    #[checkout(unit_price)]
    price: String,
}

fn main() {}
