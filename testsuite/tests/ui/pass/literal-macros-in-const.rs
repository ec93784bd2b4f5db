// The literal macros are constant expressions.
use dintero_order::{Currency, Money, VatRate, currency, money, vat};

const STANDARD: VatRate = vat!(25);
const SHOP: Currency = currency!("NOK");
const PRICE: Money = money!(299.90, NOK);
static RATES: [VatRate; 3] = [vat!(25), vat!(15), vat!(12)];

fn main() {
    assert_eq!(STANDARD.hundredths(), 2500);
    assert_eq!(SHOP, Currency::NOK);
    assert_eq!(PRICE.minor_units(), 29990);
    assert_eq!(RATES[1].hundredths(), 1500);
}
