use dintero_order::Money;

fn main() {
    let _m: Money = 2.5.into();
}
