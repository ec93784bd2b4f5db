use dintero_order::CheckoutItem;

#[derive(CheckoutItem)]
#[checkout(vat = 25, net, minor_units)]
struct Shirt {
    #[checkout(id)]
    sku: String,
    #[checkout(description)]
    name: String,
    #[checkout(unit_price)]
    price_in_ore: i64,
}

fn main() {}
