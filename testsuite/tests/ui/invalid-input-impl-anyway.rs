use dintero_order::CheckoutItem;
use rust_decimal::Decimal;

#[derive(CheckoutItem)]
#[checkout(vat = 250)]
struct Chair {
    #[checkout(id)]
    sku: String,
    #[checkout(description)]
    name: String,
    #[checkout(unit_price)]
    price: Decimal,
}

fn main() {
    let chair = Chair {
        sku: "c".into(),
        name: "C".into(),
        price: Decimal::ONE,
    };
    // The derive failed, yet `Chair: CheckoutItem` still holds (a stub impl), so only the
    // real mistake is reported, not a second error here.
    let _ = dintero_order::Order::builder(dintero_order::Currency::NOK, "r").item(&chair);
}
