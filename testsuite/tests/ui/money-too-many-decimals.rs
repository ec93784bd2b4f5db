fn main() {
    let _ = dintero_order::money!(1.234, NOK);
}
