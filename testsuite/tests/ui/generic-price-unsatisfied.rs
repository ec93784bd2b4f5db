use dintero_order::CheckoutItem;

#[derive(CheckoutItem)]
#[checkout(vat = 25)]
struct Chair<P> {
    #[checkout(id)]
    sku: String,
    #[checkout(description)]
    name: String,
    #[checkout(unit_price)]
    price: P,
}

fn main() {
    let chair = Chair {
        sku: "c".into(),
        name: "C".into(),
        price: "12.50".to_string(),
    };
    let _ = dintero_order::Order::builder(dintero_order::Currency::NOK, "r").item(&chair);
}
