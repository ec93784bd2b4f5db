fn main() {
    let _ = dintero_order::vat!(0.25);
    let _ = dintero_order::vat!(0.005);
}
