use dintero_order::CheckoutItem;
use rust_decimal::Decimal;

#[derive(CheckoutItem)]
#[checkout(vat = 25)]
struct Chair {
    #[checkout(id)]
    sku: String,
    #[checkout(description)]
    name: String,
    #[checkout(unit_price)]
    price: Decimal,
}

#[derive(CheckoutItem)]
#[checkout(vat = 25, kind = "physical")]
enum CartLine {
    Chair(Chair),
    #[checkout(kind = "service")]
    Assembly(Chair),
    Delivery,
    Pair(Chair, Chair),
}

fn main() {
    let chair = Chair {
        sku: "c".into(),
        name: "C".into(),
        price: Decimal::ONE,
    };
    // The derive failed, yet `CartLine: CheckoutItem` still holds (a stub impl), so only the
    // real mistakes are reported, not another error here.
    let line = CartLine::Chair(chair);
    let _ = dintero_order::Order::builder(dintero_order::Currency::NOK, "r").item(&line);
}
