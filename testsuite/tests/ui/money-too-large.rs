fn main() {
    let _ = dintero_order::money!(92233720368547758.08, NOK);
}
