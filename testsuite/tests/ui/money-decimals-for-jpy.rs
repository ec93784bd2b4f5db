fn main() {
    let _ = dintero_order::money!(1.5, JPY);
}
