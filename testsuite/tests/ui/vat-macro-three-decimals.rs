fn main() {
    let _ = dintero_order::vat!(25.125);
}
