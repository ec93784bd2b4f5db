use dintero_order::Money;

fn main() {
    let _ = Money::from(1.5_f64);
}
