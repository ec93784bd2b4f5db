fn main() {
    let _ = dintero_order::currency!("XAU");
}
