use dintero_order::CheckoutItem;

#[derive(CheckoutItem)]
#[checkout(vat = 25)]
union Price {
    ore: u64,
    kroner: u32,
}

fn main() {}
