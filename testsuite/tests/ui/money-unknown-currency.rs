fn main() {
    let _ = dintero_order::money!(299.90, NKO);
}
