fn main() {
    let _ = dintero_order::vat!(250);
}
