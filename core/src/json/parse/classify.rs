//! Turning serde's messages into violations: what was expected, what was found, and a "did you mean" for unknown keys.

use super::*;

/// Bytes that are not JSON: no path, the position in `found`.
pub(crate) fn syntax(error: &serde_json::Error) -> Error {
    let message = error.to_string();
    let (head, _) = split_position(&message);
    Error::single(Violation::new(
        Rule::Syntax,
        "",
        "a JSON document",
        format!("{head} at line {} column {}", error.line(), error.column()),
    ))
}

/// serde_json's message without its ` at line L column C`.
pub(crate) fn without_position(message: &str) -> String {
    split_position(message).0.to_owned()
}

/// The path of the object or array holding `path` (`order.items[1]` for
/// `order.items[1].vat`); empty at the top.
pub(crate) fn parent(path: &str) -> &str {
    path.rfind(['.', '['])
        .and_then(|at| path.get(..at))
        .unwrap_or("")
}

/// The text between `start` and the next `end` in `message`, if it starts with `start`.
pub(crate) fn between<'m>(message: &'m str, start: &str, end: &str) -> Option<&'m str> {
    let rest = message.strip_prefix(start)?;
    rest.split_once(end).map(|(inside, _)| inside)
}

/// The violation for serde's message about the value at `path`.
pub(crate) fn classify(message: &str, path: &JsonPath, root: Root, found: String) -> Violation {
    let rendered = path.render(root);
    let key = path.last_key().unwrap_or_default();
    let expected_phrase = message
        .rfind(", expected ")
        .and_then(|at| message.get(at + ", expected ".len()..))
        .map(|phrase| split_position(phrase).0);
    let is_serde = ["invalid type: ", "invalid value: ", "invalid length "]
        .iter()
        .any(|prefix| message.starts_with(prefix));
    if is_serde {
        let expected = expected_phrase.map_or_else(
            || "a value of another type".to_owned(),
            |phrase| expected_type(phrase, key),
        );
        // A number finer than the crate can write back breaks the field's own rule, as the
        // same value does when built: a discount's percentage, or a unit measure's format.
        let rule = match (expected_phrase, key) {
            (Some(crate::json::number::WRITTEN_EXPECTED), "percentage") => Rule::Discount,
            (Some(crate::json::number::WRITTEN_EXPECTED), _) => Rule::Format,
            _ => Rule::Type,
        };
        return Violation::new(rule, rendered, expected, found);
    }
    // serde_json's word for an enum given a number, a list or `true`, where one of the
    // spec's names (a string) belongs.
    if split_position(message).0 == "expected value" {
        return Violation::new(
            Rule::Type,
            rendered,
            "a string (one of the values the spec lists)",
            found,
        );
    }
    if message.starts_with("unknown variant `") {
        let expected = expected_phrase.unwrap_or("a value the spec lists");
        return Violation::new(Rule::Format, rendered, expected, found);
    }
    // Our own types' messages: the field says which rule.
    match key {
        "currency" => Violation::new(
            Rule::Currency,
            rendered,
            "an ISO 4217 currency code with a minor unit, such as \"NOK\"",
            found,
        ),
        "vat" => {
            // `found` is the number's JSON text; a fraction is answered with its percentage.
            let expected = Decimal::from_str_exact(&found)
                .or_else(|_| Decimal::from_scientific(&found))
                .map_or(Cow::Borrowed(VatRateError::EXPECTED), |percent| {
                    VatRateError::expected_instead_of(percent)
                });
            Violation::new(Rule::VatRate, rendered, expected, found)
        }
        "quantity" => Violation::new(Rule::Quantity, rendered, QuantityError::EXPECTED, found),
        _ => Violation::new(Rule::Type, rendered, split_position(message).0, found),
    }
}

/// serde's name for a type, in the words of a JSON document.
pub(super) fn expected_type(phrase: &str, key: &str) -> String {
    let integer = matches!(phrase, "i8" | "i16" | "i32" | "i64" | "i128");
    let unsigned = matches!(phrase, "u8" | "u16" | "u32" | "u64" | "u128" | "usize");
    let text = if (integer || unsigned) && key.ends_with("amount") {
        "an integer amount in minor units"
    } else if integer {
        "an integer"
    } else if unsigned {
        "an integer of 0 or more"
    } else {
        match phrase {
            "a string" | "a borrowed string" => "a string",
            "a sequence" => "an array",
            "a map" => "an object",
            other if other.starts_with("struct ") => "an object",
            other => other,
        }
    };
    text.to_owned()
}

pub(crate) use crate::spec::names::unknown_field_expectation;
