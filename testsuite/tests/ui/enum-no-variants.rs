use dintero_order::CheckoutItem;

#[derive(CheckoutItem)]
enum CartLine {}

fn main() {}
