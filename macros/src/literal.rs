//! Numbers and currency codes written as literals, checked at expansion time: shared by the
//! derive's `vat = 25` / `currency = "NOK"` and by `vat!`, `currency!` and `money!`.
//!
//! Every check returns a `syn::Error` spanned on the literal; nothing here panics.

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote};
use syn::parse::{Parse, ParseStream};
use syn::{Ident, Lit, LitStr, Token};

/// A decimal literal as exact digits: `25.5` is `{ digits: 255, scale: 1 }`.
///
/// Trailing zeros after the point are dropped (`25.50` is `25.5`): they change nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Decimal {
    pub(crate) negative: bool,
    pub(crate) digits: u128,
    pub(crate) scale: u32,
}

/// A number literal, optionally preceded by `-`, kept with its tokens for error spans.
pub(crate) struct NumberLit {
    pub(crate) minus: Option<Token![-]>,
    pub(crate) lit: Lit,
}

impl Parse for NumberLit {
    fn parse(input: ParseStream<'_>) -> syn::Result<NumberLit> {
        Ok(NumberLit {
            minus: input.parse()?,
            lit: input.parse()?,
        })
    }
}

impl ToTokens for NumberLit {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        self.minus.to_tokens(tokens);
        self.lit.to_tokens(tokens);
    }
}

impl NumberLit {
    /// The literal as the user wrote it, for messages.
    pub(crate) fn text(&self) -> String {
        let sign = if self.minus.is_some() { "-" } else { "" };
        format!("{sign}{}", self.lit.to_token_stream())
    }

    /// An error underlining the whole value, `-` included.
    pub(crate) fn error(&self, msg: impl std::fmt::Display) -> syn::Error {
        syn::Error::new_spanned(self, msg)
    }

    /// The exact value. `what` names the expected thing in messages, e.g. "a VAT rate".
    pub(crate) fn decimal(&self, what: &str, example: &str) -> syn::Result<Decimal> {
        let (digits, suffix) = match &self.lit {
            Lit::Int(lit) => (lit.base10_digits(), lit.suffix()),
            Lit::Float(lit) => (lit.base10_digits(), lit.suffix()),
            _ => {
                return Err(syn::Error::new(
                    self.lit.span(),
                    format_args!("expected {what} as a number literal, e.g. `{example}`"),
                ));
            }
        };
        if !suffix.is_empty() {
            return Err(syn::Error::new(
                self.lit.span(),
                format_args!(
                    "remove the `{suffix}` suffix: {what} is an exact decimal, not a Rust number type"
                ),
            ));
        }
        let value = parse_digits(digits).ok_or_else(|| {
            syn::Error::new(
                self.lit.span(),
                format_args!("expected {what} written out in decimal digits, e.g. `{example}`"),
            )
        })?;
        Ok(Decimal {
            negative: self.minus.is_some() && value.digits != 0,
            ..value
        })
    }
}

impl Decimal {
    /// The value when it is strictly between 0 and 1.
    fn fraction(self) -> Option<Decimal> {
        let below_one = 10_u128
            .checked_pow(self.scale)
            .is_none_or(|one| self.digits < one);
        (!self.negative && self.digits != 0 && below_one).then_some(self)
    }

    /// The value × 100, exact (the digits stay, the point moves two places).
    fn times_hundred(self) -> Decimal {
        match self.scale.checked_sub(2) {
            Some(scale) => Decimal { scale, ..self },
            None => Decimal {
                // Below 1 here, so the digits are small: no overflow.
                digits: self.digits.saturating_mul(10_u128.pow(2 - self.scale)),
                scale: 0,
                ..self
            },
        }
    }
}

impl std::fmt::Display for Decimal {
    /// The digits with the point in place: `{ digits: 255, scale: 1 }` is `25.5`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sign = if self.negative { "-" } else { "" };
        let digits = self.digits.to_string();
        let scale = usize::try_from(self.scale).unwrap_or(usize::MAX);
        if scale == 0 {
            return write!(f, "{sign}{digits}");
        }
        let padded = format!("{digits:0>width$}", width = scale.saturating_add(1));
        let (int, frac) = padded.split_at(padded.len() - scale);
        write!(f, "{sign}{int}.{frac}")
    }
}

/// Parses `123`, `123.45` (underscores already removed by syn); `None` for exponents or overflow.
fn parse_digits(text: &str) -> Option<Decimal> {
    let (int, frac) = text.split_once('.').unwrap_or((text, ""));
    let mut digits: u128 = 0;
    for c in int.chars().chain(frac.chars()) {
        let d = c.to_digit(10)?;
        digits = digits.checked_mul(10)?.checked_add(u128::from(d))?;
    }
    let mut scale = u32::try_from(frac.len()).ok()?;
    while scale > 0 && digits.is_multiple_of(10) {
        digits /= 10;
        scale -= 1;
    }
    Some(Decimal {
        negative: false,
        digits,
        scale,
    })
}

/// The largest VAT rate, 100 %, in hundredths of a percent.
const MAX_VAT_HUNDREDTHS: u128 = 100 * 100;

/// A VAT percentage literal as hundredths of a percent (`25.5` is 2550), range-checked; a rate
/// strictly between 0 and 1 is refused as a probable fraction (`0.25` meant as 25 %).
pub(crate) fn vat_hundredths(lit: &NumberLit) -> syn::Result<u16> {
    let value = lit.decimal("a VAT rate", "25")?;
    if let Some(fraction) = value.fraction() {
        let found = lit.text();
        return Err(lit.error(match fraction.times_hundred() {
            // The percentage it stands for is itself a rate: suggest it.
            meant if meant.scale <= 2 && meant.fraction().is_none() => {
                let meant = meant.to_string();
                format!(
                    "a VAT rate is a percentage: `{found}` looks like a fraction; write `{meant}` for {meant} %"
                )
            }
            _ => format!(
                "a VAT rate is a percentage: `{found}` looks like a fraction, and a rate between 0 and 1 is refused"
            ),
        }));
    }
    if value.scale > 2 {
        return Err(lit.error(format_args!(
            "a VAT rate has at most 2 decimals, found `{}`",
            lit.text()
        )));
    }
    let hundredths = value
        .digits
        .checked_mul(10_u128.pow(2 - value.scale))
        .filter(|h| !value.negative && *h <= MAX_VAT_HUNDREDTHS)
        .and_then(|h| u16::try_from(h).ok());
    hundredths.ok_or_else(|| {
        lit.error(format_args!(
            "VAT rate must be between 0 and 100 percent, found `{}`",
            lit.text()
        ))
    })
}

/// An ISO 4217 currency that has a minor unit, and that unit's number of decimals.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CurrencyCode {
    pub(crate) code: String,
    pub(crate) exponent: u32,
}

/// Looks up a currency code; errors name the code and why it cannot be charged in.
pub(crate) fn currency(code: &str, span: Span) -> syn::Result<CurrencyCode> {
    let Some(iso) = iso_currency::Currency::from_code(code) else {
        let upper = code.to_ascii_uppercase();
        let msg = if upper != code && iso_currency::Currency::from_code(&upper).is_some() {
            format!("currency codes are upper case: write `{upper}`")
        } else {
            format!("unknown currency `{code}`: expected an ISO 4217 code such as `NOK` or `EUR`")
        };
        return Err(syn::Error::new(span, msg));
    };
    match iso.exponent() {
        Some(exponent) => Ok(CurrencyCode {
            code: iso.code().to_owned(),
            exponent: u32::from(exponent),
        }),
        None => Err(syn::Error::new(
            span,
            format_args!(
                "currency `{code}` ({}) has no minor unit, so it cannot be used for payments",
                iso.name()
            ),
        )),
    }
}

/// The amount of a money literal in minor units of `currency`: `299.90` NOK is 29990.
pub(crate) fn minor_units(lit: &NumberLit, currency: &CurrencyCode) -> syn::Result<i64> {
    let value = lit.decimal("an amount", "299.90")?;
    if value.scale > currency.exponent {
        let allowed = match currency.exponent {
            0 => "no decimals".to_owned(),
            1 => "1 decimal".to_owned(),
            n => format!("{n} decimals"),
        };
        return Err(lit.error(format_args!(
            "`{}` has more decimals than `{}` allows ({allowed}); amounts are never rounded silently",
            lit.text(),
            currency.code
        )));
    }
    let minor = 10_u128
        .checked_pow(currency.exponent - value.scale)
        .and_then(|factor| value.digits.checked_mul(factor))
        .and_then(|m| i128::try_from(m).ok())
        .map(|m| if value.negative { -m } else { m })
        .and_then(|m| i64::try_from(m).ok());
    minor.ok_or_else(|| {
        lit.error(format_args!(
            "`{}` {} is too large: amounts are 64-bit integers of minor units",
            lit.text(),
            currency.code
        ))
    })
}

/// A currency written as `"NOK"` or `NOK`.
pub(crate) enum CurrencyLit {
    Str(LitStr),
    Ident(Ident),
}

impl Parse for CurrencyLit {
    fn parse(input: ParseStream<'_>) -> syn::Result<CurrencyLit> {
        let lookahead = input.lookahead1();
        if lookahead.peek(LitStr) {
            input.parse().map(CurrencyLit::Str)
        } else if lookahead.peek(Ident) {
            input.parse().map(CurrencyLit::Ident)
        } else {
            Err(lookahead.error())
        }
    }
}

impl CurrencyLit {
    /// The checked currency.
    pub(crate) fn resolve(&self) -> syn::Result<CurrencyCode> {
        match self {
            CurrencyLit::Str(lit) => currency(&lit.value(), lit.span()),
            CurrencyLit::Ident(ident) => currency(&ident.to_string(), ident.span()),
        }
    }
}

/// The runtime crate's hidden module as generated code names it.
fn private() -> TokenStream {
    quote!(::dintero_order::__private)
}

/// `vat!(25.5)`: a `VatRate` evaluated in a named `const`, usable in `const` items.
pub(crate) fn expand_vat(input: TokenStream) -> syn::Result<TokenStream> {
    let lit: NumberLit = parse_all(
        input,
        "expected a VAT percentage, e.g. `vat!(25)` or `vat!(25.5)`",
    )?;
    let hundredths = vat_hundredths(&lit)?;
    let p = private();
    Ok(quote! {{
        const VAT: #p::VatRate = #p::vat_rate(#hundredths);
        VAT
    }})
}

/// `currency!("NOK")`: a `Currency`, checked against ISO 4217.
pub(crate) fn expand_currency(input: TokenStream) -> syn::Result<TokenStream> {
    let lit: CurrencyLit = parse_all(input, "expected a currency code, e.g. `currency!(\"NOK\")`")?;
    let code = lit.resolve()?;
    Ok(currency_const(&code))
}

/// A `Currency` constant expression for a checked code.
pub(crate) fn currency_const(code: &CurrencyCode) -> TokenStream {
    let p = private();
    let code = &code.code;
    quote! {{
        const CURRENCY: #p::Currency = #p::currency(#code);
        CURRENCY
    }}
}

/// `money!(299.90, NOK)`.
struct MoneyInput {
    amount: NumberLit,
    currency: CurrencyLit,
}

impl Parse for MoneyInput {
    fn parse(input: ParseStream<'_>) -> syn::Result<MoneyInput> {
        let amount = input.parse()?;
        if input.is_empty() {
            return Err(syn::Error::new(
                input.span(),
                "expected a currency after the amount, e.g. `money!(299.90, NOK)`",
            ));
        }
        input.parse::<Token![,]>()?;
        let currency = input.parse()?;
        // A trailing comma is fine, as in any macro call.
        let _: Option<Token![,]> = input.parse()?;
        Ok(MoneyInput { amount, currency })
    }
}

/// `money!(299.90, NOK)`: a `Money` of exact minor units, checked against the currency.
pub(crate) fn expand_money(input: TokenStream) -> syn::Result<TokenStream> {
    let input: MoneyInput = parse_all(
        input,
        "expected an amount and a currency, e.g. `money!(299.90, NOK)`",
    )?;
    // Report a bad currency first: the amount cannot be checked without it.
    let code = input.currency.resolve()?;
    let minor = minor_units(&input.amount, &code)?;
    let p = private();
    let code = &code.code;
    Ok(quote! {{
        const MONEY: #p::Money = #p::Money::from_minor(#minor, #p::currency(#code));
        MONEY
    }})
}

/// Parses the whole input, with `empty` as the message for an empty invocation.
fn parse_all<T: Parse>(input: TokenStream, empty: &str) -> syn::Result<T> {
    if input.is_empty() {
        return Err(syn::Error::new(Span::call_site(), empty));
    }
    syn::parse2(input)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests fail loudly on purpose")]

    use super::*;

    fn num(tokens: TokenStream) -> NumberLit {
        syn::parse2(tokens).unwrap()
    }

    fn err<T: std::fmt::Debug>(r: syn::Result<T>) -> String {
        r.unwrap_err().to_string()
    }

    #[test]
    fn decimals_print_with_the_point_in_place() {
        let d = |digits, scale| Decimal {
            negative: false,
            digits,
            scale,
        };
        assert_eq!(d(255, 1).to_string(), "25.5");
        assert_eq!(d(25, 0).to_string(), "25");
        assert_eq!(d(5, 3).to_string(), "0.005");
        assert_eq!(d(255, 3).times_hundred().to_string(), "25.5");
        assert_eq!(d(1, 1).times_hundred().to_string(), "10");
        assert_eq!(d(25, 2).fraction(), Some(d(25, 2)));
        assert_eq!(d(100, 2).fraction(), None);
        assert_eq!(d(0, 0).fraction(), None);
    }

    #[test]
    fn digits() {
        let d = |s| parse_digits(s).map(|d| (d.digits, d.scale));
        assert_eq!(d("25"), Some((25, 0)));
        assert_eq!(d("25.5"), Some((255, 1)));
        assert_eq!(d("25.50"), Some((255, 1)));
        assert_eq!(d("0.0"), Some((0, 0)));
        assert_eq!(d("2.5e1"), None);
        assert_eq!(d("9999999999999999999999999999999999999999999"), None);
    }

    #[test]
    fn vat_rates() {
        assert_eq!(vat_hundredths(&num(quote!(25))).unwrap(), 2500);
        assert_eq!(vat_hundredths(&num(quote!(25.5))).unwrap(), 2550);
        assert_eq!(vat_hundredths(&num(quote!(12.25))).unwrap(), 1225);
        assert_eq!(vat_hundredths(&num(quote!(0))).unwrap(), 0);
        assert_eq!(vat_hundredths(&num(quote!(-0))).unwrap(), 0);
        assert_eq!(vat_hundredths(&num(quote!(100))).unwrap(), 10000);
        assert_eq!(vat_hundredths(&num(quote!(1_0.0))).unwrap(), 1000);
        assert_eq!(
            err(vat_hundredths(&num(quote!(100.01)))),
            "VAT rate must be between 0 and 100 percent, found `100.01`"
        );
        assert_eq!(
            err(vat_hundredths(&num(quote!(-5)))),
            "VAT rate must be between 0 and 100 percent, found `-5`"
        );
        assert_eq!(
            err(vat_hundredths(&num(quote!(12.345)))),
            "a VAT rate has at most 2 decimals, found `12.345`"
        );
        assert_eq!(vat_hundredths(&num(quote!(1))).unwrap(), 100);
        assert_eq!(vat_hundredths(&num(quote!(1.00))).unwrap(), 100);
        assert_eq!(vat_hundredths(&num(quote!(0.00))).unwrap(), 0);
        assert_eq!(
            err(vat_hundredths(&num(quote!(0.25)))),
            "a VAT rate is a percentage: `0.25` looks like a fraction; write `25` for 25 %"
        );
        assert_eq!(
            err(vat_hundredths(&num(quote!(0.255)))),
            "a VAT rate is a percentage: `0.255` looks like a fraction; write `25.5` for 25.5 %"
        );
        assert_eq!(
            err(vat_hundredths(&num(quote!(0.1)))),
            "a VAT rate is a percentage: `0.1` looks like a fraction; write `10` for 10 %"
        );
        assert_eq!(
            err(vat_hundredths(&num(quote!(0.005)))),
            "a VAT rate is a percentage: `0.005` looks like a fraction, and a rate between 0 and 1 is refused"
        );
        assert_eq!(
            err(vat_hundredths(&num(quote!(0.12345)))),
            "a VAT rate is a percentage: `0.12345` looks like a fraction, and a rate between 0 and 1 is refused"
        );
        assert_eq!(
            err(vat_hundredths(&num(quote!(-0.25)))),
            "VAT rate must be between 0 and 100 percent, found `-0.25`"
        );
        assert_eq!(
            err(vat_hundredths(&num(quote!(25u8)))),
            "remove the `u8` suffix: a VAT rate is an exact decimal, not a Rust number type"
        );
        assert_eq!(
            err(vat_hundredths(&num(quote!("25")))),
            "expected a VAT rate as a number literal, e.g. `25`"
        );
        assert_eq!(
            err(vat_hundredths(&num(quote!(
                99999999999999999999999999999999999999999
            )))),
            "expected a VAT rate written out in decimal digits, e.g. `25`"
        );
    }

    #[test]
    fn currencies() {
        let c = |code| currency(code, Span::call_site());
        assert_eq!(c("NOK").unwrap().exponent, 2);
        assert_eq!(c("JPY").unwrap().exponent, 0);
        assert_eq!(c("KWD").unwrap().exponent, 3);
        assert_eq!(err(c("nok")), "currency codes are upper case: write `NOK`");
        assert_eq!(
            err(c("NKO")),
            "unknown currency `NKO`: expected an ISO 4217 code such as `NOK` or `EUR`"
        );
        assert_eq!(
            err(c("XAU")),
            "currency `XAU` (Gold (one troy ounce)) has no minor unit, so it cannot be used for payments"
        );
    }

    #[test]
    fn money_amounts() {
        let nok = currency("NOK", Span::call_site()).unwrap();
        let jpy = currency("JPY", Span::call_site()).unwrap();
        let kwd = currency("KWD", Span::call_site()).unwrap();
        assert_eq!(minor_units(&num(quote!(299.90)), &nok).unwrap(), 29990);
        assert_eq!(minor_units(&num(quote!(-50)), &nok).unwrap(), -5000);
        assert_eq!(minor_units(&num(quote!(1500)), &jpy).unwrap(), 1500);
        assert_eq!(minor_units(&num(quote!(1.5)), &kwd).unwrap(), 1500);
        assert_eq!(
            err(minor_units(&num(quote!(1.234)), &nok)),
            "`1.234` has more decimals than `NOK` allows (2 decimals); amounts are never rounded silently"
        );
        assert_eq!(
            err(minor_units(&num(quote!(1.5)), &jpy)),
            "`1.5` has more decimals than `JPY` allows (no decimals); amounts are never rounded silently"
        );
        assert_eq!(
            err(minor_units(&num(quote!(92233720368547758.08)), &nok)),
            "`92233720368547758.08` NOK is too large: amounts are 64-bit integers of minor units"
        );
        assert_eq!(
            minor_units(&num(quote!(-92233720368547758.08)), &nok).unwrap(),
            i64::MIN
        );
    }

    #[test]
    fn literal_macros() {
        assert_eq!(
            expand_vat(quote!(25.5)).unwrap().to_string(),
            quote!({
                const VAT: ::dintero_order::__private::VatRate =
                    ::dintero_order::__private::vat_rate(2550u16);
                VAT
            })
            .to_string()
        );
        assert_eq!(
            err(expand_vat(quote!())),
            "expected a VAT percentage, e.g. `vat!(25)` or `vat!(25.5)`"
        );
        assert_eq!(err(expand_vat(quote!(25, 3))), "unexpected token");
        assert!(expand_currency(quote!("NOK")).is_ok());
        assert!(expand_currency(quote!(NOK)).is_ok());
        assert_eq!(
            err(expand_currency(quote!(25))),
            "expected string literal or identifier"
        );
        assert!(expand_money(quote!(299.90, NOK)).is_ok());
        assert!(expand_money(quote!(299.90, "NOK",)).is_ok());
        assert_eq!(
            err(expand_money(quote!(299.90))),
            "expected a currency after the amount, e.g. `money!(299.90, NOK)`"
        );
    }
}
