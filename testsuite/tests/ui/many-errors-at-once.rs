use dintero_order::CheckoutItem;

#[derive(CheckoutItem)]
#[checkout(vat = 250, kind = "fysical")]
struct Chair {
    #[checkout(id)]
    sku: String,
    #[checkout(desciption)]
    name: String,
    #[checkout(unit_price)]
    price: f64,
}

fn main() {}
