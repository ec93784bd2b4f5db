//! Unit prices and the one definition of a line's arithmetic (documented on [`UnitPrice`]).

use rust_decimal::Decimal;

use crate::{Currency, Money, Quantity, Rounding, VatRate};

mod amounts;

use amounts::MAX_LINE_AMOUNT;
pub use amounts::{LineAmountError, LineAmounts};

/// Whether a price includes VAT (gross, the default) or excludes it (net).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Pricing {
    /// The price includes VAT.
    #[default]
    Gross,
    /// The price excludes VAT; VAT is added on top.
    Net,
}

/// The price of one unit of a line, before the line's one rounding.
///
/// # The arithmetic
///
/// All of it is exact integer arithmetic on minor units; no floating point anywhere.
/// `round` is the order's [`Rounding`] (half away from zero unless half-even was chosen), and
/// it happens once per line, never per unit. `rate` is the VAT percentage (25.5 for 25.5 %).
///
/// - **Gross pricing** (the default: the price includes VAT):
///   `amount = round(unit_price × quantity)`,
///   `vat_amount = amount − round(amount × 100 / (100 + rate))`.
///   So `net + vat_amount = amount` always.
/// - **Net pricing** (`net`: the price excludes VAT):
///   `net = round(unit_price × quantity)`, `vat_amount = round(net × rate / 100)`,
///   `amount = net + vat_amount`.
///
/// A unit price may carry more decimals than the currency ("price precision", e.g. 0.125 NOK
/// per gram); only the line total is rounded.
///
/// Every price a [`Decimal`] or an `i64` holds, times every [`Quantity`], is computed
/// exactly, however many decimals the two carry together (`100/3` NOK, 27 decimals, times
/// `0.123456789012345` is 412 øre). A line whose amount would pass 2^53 minor units either
/// side of zero, far beyond any order Dintero takes, is refused with
/// [`LineAmountError::Overflow`]; nothing wraps or panics.
///
/// ```
/// use dintero_order_core::{Currency, Quantity, Rounding, UnitPrice, VatRate};
/// use rust_decimal_macros::dec;
///
/// let rate = VatRate::from_whole_percent(25).unwrap();
/// let gross = UnitPrice::major(dec!(299.90))
///     .line_amounts(Quantity::ONE, rate, Currency::NOK, Rounding::default())
///     .unwrap();
/// assert_eq!((gross.amount(), gross.vat_amount()), (29990, 5998));
///
/// let net = UnitPrice::major(dec!(100)).net()
///     .line_amounts(Quantity::new(dec!(2.5)).unwrap(), rate, Currency::NOK, Rounding::default())
///     .unwrap();
/// assert_eq!((net.amount(), net.vat_amount()), (31250, 6250));
/// ```
///
/// # Making prices
///
/// ```
/// use dintero_order_core::{Currency, Money, UnitPrice};
/// use rust_decimal_macros::dec;
///
/// let in_order_currency = UnitPrice::major(dec!(299.90));
/// let in_minor_units = UnitPrice::minor(29990);
/// let with_currency = UnitPrice::money(Money::from_minor(29990, Currency::NOK));
/// let excluding_vat = UnitPrice::major(dec!(239.92)).net();
/// # let _ = (in_order_currency, in_minor_units, with_currency, excluding_vat);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnitPrice {
    value: PriceValue,
    currency: Option<Currency>,
    pricing: Pricing,
}

/// A price's value. A decimal's mantissa and scale are taken apart when the price is made,
/// while the decimal is at hand: the line arithmetic reads them as integers instead of
/// reassembling a 96-bit mantissa from the line's memory.
#[derive(Debug, Clone, Copy)]
enum PriceValue {
    /// Major units, `mantissa × 10^-scale` (any realistic price); may be finer than the
    /// currency.
    Major { mantissa: i64, scale: u8 },
    /// Major units whose mantissa needs more than 64 bits.
    WideMajor(Decimal),
    /// Whole minor units.
    Minor(i64),
}

impl PriceValue {
    /// Major units from a decimal, split when its mantissa fits `i64`.
    #[inline]
    const fn major(value: Decimal) -> PriceValue {
        let mantissa = value.mantissa();
        if mantissa >= i64::MIN as i128 && mantissa <= i64::MAX as i128 {
            PriceValue::Major {
                mantissa: mantissa as i64,
                // `Decimal`'s scale is at most 28.
                scale: value.scale() as u8,
            }
        } else {
            PriceValue::WideMajor(value)
        }
    }

    /// The value in major units, when it was given in major units.
    fn major_decimal(self) -> Option<Decimal> {
        match self {
            PriceValue::Major { mantissa, scale } => Some(split_decimal(mantissa, scale)),
            PriceValue::WideMajor(value) => Some(value),
            PriceValue::Minor(_) => None,
        }
    }
}

/// The decimal [`PriceValue::major`] took apart (its scale is at most 28, so `Decimal::new`
/// takes it).
fn split_decimal(mantissa: i64, scale: u8) -> Decimal {
    Decimal::new(mantissa, scale.into())
}

/// Major-unit prices compare by value (`299.9` equals `299.90`), as the decimals they came
/// from do; a minor-unit price equals only a minor-unit price.
impl PartialEq for PriceValue {
    fn eq(&self, other: &PriceValue) -> bool {
        match (*self, *other) {
            (PriceValue::Minor(a), PriceValue::Minor(b)) => a == b,
            (a, b) => match (a.major_decimal(), b.major_decimal()) {
                (Some(a), Some(b)) => a == b,
                _ => false,
            },
        }
    }
}

impl Eq for PriceValue {}

impl UnitPrice {
    /// A price in major units of the order's currency (`299.90` NOK), VAT included.
    ///
    /// ```
    /// # use dintero_order_core::UnitPrice;
    /// use rust_decimal_macros::dec;
    /// let p = UnitPrice::major(dec!(0.125)); // finer than øre: rounded once per line
    /// # let _ = p;
    /// ```
    #[inline]
    pub const fn major(value: Decimal) -> UnitPrice {
        UnitPrice {
            value: PriceValue::major(value),
            currency: None,
            pricing: Pricing::Gross,
        }
    }

    /// A price in whole minor units of the order's currency (`29990` øre), VAT included.
    ///
    /// ```
    /// # use dintero_order_core::UnitPrice;
    /// let p = UnitPrice::minor(29990);
    /// # let _ = p;
    /// ```
    #[inline]
    pub const fn minor(value: i64) -> UnitPrice {
        UnitPrice {
            value: PriceValue::Minor(value),
            currency: None,
            pricing: Pricing::Gross,
        }
    }

    /// A price that carries its currency; an order in another currency rejects it.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Money, UnitPrice};
    /// let p = UnitPrice::money(Money::from_minor(29990, Currency::NOK));
    /// assert_eq!(p.currency(), Some(Currency::NOK));
    /// ```
    #[inline]
    pub const fn money(value: Money) -> UnitPrice {
        UnitPrice {
            value: PriceValue::Minor(value.minor_units()),
            currency: Some(value.currency()),
            pricing: Pricing::Gross,
        }
    }

    /// Marks the price as excluding VAT (net pricing).
    ///
    /// ```
    /// # use dintero_order_core::{Pricing, UnitPrice};
    /// assert_eq!(UnitPrice::minor(100).net().pricing(), Pricing::Net);
    /// ```
    #[inline]
    pub const fn net(self) -> UnitPrice {
        UnitPrice {
            pricing: Pricing::Net,
            ..self
        }
    }

    /// States the currency the price is in; an order in another currency rejects it.
    ///
    /// ```
    /// # use dintero_order_core::{Currency, UnitPrice};
    /// use rust_decimal_macros::dec;
    /// let p = UnitPrice::major(dec!(10)).in_currency(Currency::EUR);
    /// assert_eq!(p.currency(), Some(Currency::EUR));
    /// ```
    #[inline]
    pub const fn in_currency(self, currency: Currency) -> UnitPrice {
        UnitPrice {
            currency: Some(currency),
            ..self
        }
    }

    /// Gross or net.
    ///
    /// ```
    /// # use dintero_order_core::{Pricing, UnitPrice};
    /// assert_eq!(UnitPrice::minor(100).pricing(), Pricing::Gross);
    /// ```
    pub const fn pricing(self) -> Pricing {
        self.pricing
    }

    /// The stated currency, if any (otherwise the order's).
    ///
    /// ```
    /// # use dintero_order_core::UnitPrice;
    /// assert_eq!(UnitPrice::minor(100).currency(), None);
    /// ```
    pub const fn currency(self) -> Option<Currency> {
        self.currency
    }

    /// Computes a line's `amount` and `vat_amount` in minor units of `currency`, following
    /// the [arithmetic](UnitPrice#the-arithmetic).
    ///
    /// ```
    /// # use dintero_order_core::{Currency, Quantity, Rounding, UnitPrice, VatRate};
    /// use rust_decimal_macros::dec;
    /// let rate = VatRate::from_percent(dec!(25.5)).unwrap();
    /// let line = UnitPrice::major(dec!(100))
    ///     .line_amounts(Quantity::ONE, rate, Currency::EUR, Rounding::default())
    ///     .unwrap();
    /// assert_eq!((line.amount(), line.vat_amount()), (10000, 2032));
    /// ```
    pub fn line_amounts(
        self,
        quantity: Quantity,
        vat: VatRate,
        currency: Currency,
        rounding: Rounding,
    ) -> Result<LineAmounts, LineAmountError> {
        self.line_amounts_noting_tie(quantity, vat, currency, rounding)
            .map(|(amounts, _)| amounts)
    }

    /// [`line_amounts`](Self::line_amounts), and whether a rounding step landed exactly
    /// halfway, so that another [`Rounding`] could give other amounts.
    pub(crate) fn line_amounts_noting_tie(
        self,
        quantity: Quantity,
        vat: VatRate,
        currency: Currency,
        rounding: Rounding,
    ) -> Result<(LineAmounts, bool), LineAmountError> {
        if let Some(price_currency) = self.currency
            && price_currency != currency
        {
            return Err(LineAmountError::CurrencyMismatch {
                price: price_currency,
                order: currency,
            });
        }
        let exponent = u32::from(currency.exponent());
        if let Some((numerator, denominator)) = exact_i64(self.value, quantity, exponent)
            && let Some(amounts) = self.amounts_i64(numerator, denominator, vat, rounding)
        {
            return Ok(amounts);
        }
        self.line_amounts_exact(quantity, vat, exponent, rounding)
    }

    /// [`line_amounts_noting_tie`](Self::line_amounts_noting_tie) for any price and
    /// quantity, where some part does not fit `i64` (a price with 20 digits, a product past
    /// 128 bits on its way to a small total, a total past the line limit). Kept out of line
    /// so that the usual line's path stays short.
    #[cold]
    #[inline(never)]
    fn line_amounts_exact(
        self,
        quantity: Quantity,
        vat: VatRate,
        exponent: u32,
        rounding: Rounding,
    ) -> Result<(LineAmounts, bool), LineAmountError> {
        // The exact total in minor units is price mantissa × quantity mantissa × 10^power,
        // which may need more than 128 bits on the way to a small result (a price with 27
        // decimals times a quantity with 15 digits): `round_scaled` rounds it exactly.
        let (quantity, quantity_scale) = quantity.parts();
        let (mantissa, scale) = match self.value {
            PriceValue::Major { mantissa, scale } => (i128::from(mantissa), u32::from(scale)),
            PriceValue::WideMajor(major) => (major.mantissa(), major.scale()),
            // v minor units are v / 10^exponent major units.
            PriceValue::Minor(minor) => (i128::from(minor), exponent),
        };
        // Scales are at most 28 (a price) and 22 (a quantity), exponents at most 4.
        let power = i64::from(exponent) - i64::from(scale) - i64::from(quantity_scale);
        let power = i32::try_from(power).map_err(|_| LineAmountError::Overflow)?;
        let factor = u64::try_from(quantity).map_err(|_| LineAmountError::Overflow)?;
        let (total, tie) = rounding
            .round_scaled(mantissa, factor, power)
            .ok_or(LineAmountError::Overflow)?;
        self.amounts(total, tie, vat, rounding)
    }

    /// [`amounts`](Self::amounts) in `i64`, for a `denominator ≥ 1`: the same steps with one
    /// division instruction each and no 128-bit arithmetic. `None` when a step would not fit
    /// or the amount is out of range; the `i128` steps then give the result or the error.
    #[inline]
    fn amounts_i64(
        self,
        numerator: i64,
        denominator: i64,
        vat: VatRate,
        rounding: Rounding,
    ) -> Option<(LineAmounts, bool)> {
        let (total, first_tie) = rounding.divide_i64(numerator, denominator);
        let rate = i64::from(vat.hundredths());
        let (amount, vat_amount, second_tie) = match self.pricing {
            Pricing::Gross => {
                let (net, tie) = rounding.divide_i64(total.checked_mul(10_000)?, 10_000 + rate);
                (total, total.checked_sub(net)?, tie)
            }
            Pricing::Net => {
                let (vat_amount, tie) = rounding.divide_i64(total.checked_mul(rate)?, 10_000);
                (total.checked_add(vat_amount)?, vat_amount, tie)
            }
        };
        (amount.unsigned_abs() <= MAX_LINE_AMOUNT)
            .then_some((LineAmounts { amount, vat_amount }, first_tie || second_tie))
    }

    /// The line's amounts from its total in minor units, already rounded once (`first_tie`:
    /// whether that rounding landed halfway). A total past [`MAX_LINE_AMOUNT`] is refused
    /// before the VAT steps, so they cannot overflow; they are checked all the same.
    fn amounts(
        self,
        total: i128,
        first_tie: bool,
        vat: VatRate,
        rounding: Rounding,
    ) -> Result<(LineAmounts, bool), LineAmountError> {
        const OVERFLOW: LineAmountError = LineAmountError::Overflow;
        if total.unsigned_abs() > u128::from(MAX_LINE_AMOUNT) {
            return Err(OVERFLOW);
        }
        let rate = i128::from(vat.hundredths());
        let (amount, vat_amount, second_tie) = match self.pricing {
            Pricing::Gross => {
                let scaled = total.checked_mul(10_000).ok_or(OVERFLOW)?;
                let (net, tie) = rounding
                    .divide_noting_tie(scaled, 10_000 + rate)
                    .ok_or(OVERFLOW)?;
                (total, total.checked_sub(net).ok_or(OVERFLOW)?, tie)
            }
            Pricing::Net => {
                let scaled = total.checked_mul(rate).ok_or(OVERFLOW)?;
                let (vat_amount, tie) =
                    rounding.divide_noting_tie(scaled, 10_000).ok_or(OVERFLOW)?;
                let amount = total.checked_add(vat_amount).ok_or(OVERFLOW)?;
                (amount, vat_amount, tie)
            }
        };
        match (i64::try_from(amount), i64::try_from(vat_amount)) {
            // Bounded well inside i64 so sums of many lines cannot overflow i128 either.
            (Ok(amount), Ok(vat_amount)) if amount.unsigned_abs() <= MAX_LINE_AMOUNT => {
                Ok((LineAmounts { amount, vat_amount }, first_tie || second_tie))
            }
            _ => Err(OVERFLOW),
        }
    }
}

/// `10^k` for every `k` an `i64` holds.
const POWERS_OF_TEN: [i64; 19] = [
    1,
    10,
    100,
    1_000,
    10_000,
    100_000,
    1_000_000,
    10_000_000,
    100_000_000,
    1_000_000_000,
    10_000_000_000,
    100_000_000_000,
    1_000_000_000_000,
    10_000_000_000_000,
    100_000_000_000_000,
    1_000_000_000_000_000,
    10_000_000_000_000_000,
    100_000_000_000_000_000,
    1_000_000_000_000_000_000,
];

/// `price × quantity` in minor units as an exact fraction with a positive denominator, when
/// every part fits `i64` (any realistic line): the same fraction [`UnitPrice::line_amounts`]
/// otherwise builds in `i128`, without 128-bit multiplications or computed powers.
fn exact_i64(price: PriceValue, quantity: Quantity, exponent: u32) -> Option<(i64, i64)> {
    let (quantity, quantity_scale) = quantity.parts();
    // The total is price × quantity × 10^power minor units.
    let (price, power) = match price {
        PriceValue::Major { mantissa, scale } => (
            mantissa,
            i64::from(exponent) - i64::from(scale) - i64::from(quantity_scale),
        ),
        PriceValue::WideMajor(_) => return None,
        PriceValue::Minor(minor) => (minor, -i64::from(quantity_scale)),
    };
    // The fraction with the common power of ten cancelled: no division at all when the
    // price and quantity have no more decimals than the currency (the usual line), and the
    // same value, so the same rounding, either way.
    let (up, down) = if power >= 0 {
        (*POWERS_OF_TEN.get(usize::try_from(power).ok()?)?, 1)
    } else {
        (1, *POWERS_OF_TEN.get(usize::try_from(-power).ok()?)?)
    };
    Some((price.checked_mul(quantity)?.checked_mul(up)?, down))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_holds_the_powers_of_ten() {
        let computed: Vec<i64> = (0..19).map(|k| 10_i64.pow(k)).collect();
        assert_eq!(POWERS_OF_TEN.as_slice(), computed.as_slice());
    }

    #[test]
    fn major_prices_compare_by_value_however_they_are_held() {
        let dec = |s: &str| s.parse::<Decimal>().unwrap_or_default();
        assert_eq!(
            UnitPrice::major(dec("299.9")),
            UnitPrice::major(dec("299.90"))
        );
        assert_ne!(
            UnitPrice::major(dec("299.9")),
            UnitPrice::major(dec("299.91"))
        );
        // A mantissa beyond i64 is kept as the decimal, and still compares by value.
        let wide = dec("0.12345678901234567890123");
        assert!(matches!(PriceValue::major(wide), PriceValue::WideMajor(_)));
        assert_eq!(UnitPrice::major(wide), UnitPrice::major(wide));
        assert_ne!(UnitPrice::major(wide), UnitPrice::major(dec("0.1234")));
        // Major and minor units never compare equal, even for the same amount.
        assert_ne!(UnitPrice::major(dec("1")), UnitPrice::minor(1));
        assert_eq!(UnitPrice::minor(1), UnitPrice::minor(1));
    }

    #[test]
    fn a_price_too_precise_for_i64_rounds_like_its_short_form() {
        let dec = |s: &str| s.parse::<Decimal>().unwrap_or_default();
        let Ok(rate) = VatRate::from_whole_percent(25) else {
            panic!("25 % is a rate");
        };
        let amounts = |price: &str, quantity: &str| {
            let quantity = Quantity::new(dec(quantity)).unwrap_or(Quantity::ONE);
            UnitPrice::major(dec(price))
                .line_amounts(quantity, rate, Currency::NOK, Rounding::default())
                .map(|a| (a.amount(), a.vat_amount()))
        };
        // 12.345… øre and 12.34 øre both round to 12; ×3 they are 37.03… and 37.02.
        assert_eq!(amounts("0.12345678901234567890123", "1"), Ok((12, 2)));
        assert_eq!(amounts("0.1234", "1"), Ok((12, 2)));
        assert_eq!(amounts("0.12345678901234567890123", "3"), Ok((37, 7)));
        assert_eq!(amounts("0.1234", "3"), Ok((37, 7)));
    }

    #[test]
    fn the_i64_fraction_is_the_i128_one() {
        let quantity = |s: &str| s.parse().ok().and_then(|d| Quantity::new(d).ok());
        // (price, quantity, currency exponent, the expected denominator)
        let cases = [
            ("299.90", "2", 2, 1),
            ("0.125", "1.25", 2, 1000),
            ("1499", "0.5", 0, 10),
            ("3.5", "3", 3, 1),
            ("249.00", "0.75", 2, 100),
        ];
        for (price, q, exponent, denominator) in cases {
            let (Ok(price), Some(q)) = (price.parse::<Decimal>(), quantity(q)) else {
                panic!("bad case {price} × {q}");
            };
            // The fraction the i128 path builds, unreduced.
            let wide = (
                price.mantissa() * q.get().mantissa() * 10_i128.pow(exponent),
                10_i128.pow(price.scale() + q.get().scale()),
            );
            let Some((n, d)) = exact_i64(PriceValue::major(price), q, exponent) else {
                panic!("{price} × {q:?} fits i64");
            };
            assert_eq!(d, denominator, "{price} × {q:?}");
            assert_eq!(
                i128::from(n) * wide.1,
                wide.0 * i128::from(d),
                "{price} × {q:?}"
            );
        }
        // Minor units: only the quantity's decimals divide.
        let half = quantity("0.5").map(|q| exact_i64(PriceValue::Minor(2999), q, 2));
        assert_eq!(half, Some(Some((14995, 10))));
        let three = quantity("3").map(|q| exact_i64(PriceValue::Minor(-7), q, 3));
        assert_eq!(three, Some(Some((-21, 1))));
        // Beyond i64 the caller takes the i128 path.
        let huge = Decimal::from_i128_with_scale(i128::from(i64::MAX) + 1, 0);
        assert_eq!(exact_i64(PriceValue::major(huge), Quantity::ONE, 2), None);
        let overflowing = exact_i64(PriceValue::Minor(i64::MAX / 2), Quantity::ONE, 2);
        assert_eq!(overflowing, Some((i64::MAX / 2, 1)));
        let too_many = quantity("3").map(|q| exact_i64(PriceValue::Minor(i64::MAX / 2), q, 2));
        assert_eq!(too_many, Some(None));
    }

    #[test]
    fn the_i64_steps_agree_with_the_i128_steps() {
        let numerators = [0, 1, 5, 15, 25, -25, 99_995, 1_234_567, -9_999_999, 1 << 40];
        let mut compared = 0;
        for numerator in numerators {
            for denominator in [1, 10, 100, 1000] {
                for hundredths in [0, 600, 1200, 1500, 2500, 2550, 10_000] {
                    for pricing in [Pricing::Gross, Pricing::Net] {
                        for rounding in [Rounding::HalfAwayFromZero, Rounding::HalfEven] {
                            let price = UnitPrice {
                                value: PriceValue::Minor(0),
                                currency: None,
                                pricing,
                            };
                            let Ok(vat) = VatRate::from_hundredths(hundredths) else {
                                panic!("{hundredths}");
                            };
                            let narrow = price.amounts_i64(numerator, denominator, vat, rounding);
                            let (total, tie) = rounding
                                .divide_noting_tie(numerator.into(), denominator.into())
                                .unwrap_or_default();
                            let wide = price.amounts(total, tie, vat, rounding);
                            assert_eq!(
                                narrow.ok_or(LineAmountError::Overflow),
                                wide,
                                "{numerator}/{denominator} at {hundredths} {pricing:?} {rounding:?}"
                            );
                            compared += 1;
                        }
                    }
                }
            }
        }
        assert_eq!(compared, 10 * 4 * 7 * 2 * 2);
        // Past the largest line amount both refuse; the i128 steps say why.
        let price = UnitPrice::minor(0);
        let past = price.amounts_i64(i64::MAX, 1, VatRate::ZERO, Rounding::default());
        assert_eq!(past, None);
        let past = price.amounts(
            i128::from(i64::MAX),
            false,
            VatRate::ZERO,
            Rounding::default(),
        );
        assert_eq!(past, Err(LineAmountError::Overflow));
    }
}
