use dintero_order::{Currency, Order};

fn main() {
    // Only a built (validated) order serializes; the builder does not.
    let _ = serde_json::to_string(&Order::builder(Currency::NOK, "ref"));
}
