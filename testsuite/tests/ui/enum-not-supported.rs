use dintero_order::CheckoutItem;

#[derive(CheckoutItem)]
#[checkout(vat = 25)]
enum Product {
    Chair,
    Table,
}

fn main() {}
