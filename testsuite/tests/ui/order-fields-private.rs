use dintero_order::{Currency, Order};

fn main() {
    let mut order = Order::builder(Currency::NOK, "ref").build().unwrap();
    order.amount = 5;
}
