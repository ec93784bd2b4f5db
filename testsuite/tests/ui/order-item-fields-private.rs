use dintero_order::{Currency, Line, Order, UnitPrice, VatRate};

fn main() {
    let line = Line::new("sku", "Chair", UnitPrice::minor(100), VatRate::ZERO);
    let order = Order::builder(Currency::NOK, "ref")
        .line(line)
        .build()
        .unwrap();
    let mut item = order.items()[0].clone();
    item.amount = 5;
}
