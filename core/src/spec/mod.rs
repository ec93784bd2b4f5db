//! Dintero's spec, embedded, for what the crate passes through as JSON: Klarna's extra
//! merchant data (`emd`), a shipping option's `eta`, `time_slot`, `pick_up_address` and
//! `metadata`, the customer's `tokens` and `gift_cards`, the `configuration` of every
//! payment product. Each is checked against every constraint the spec states for its place
//! (types, enums, lengths, patterns, formats, ranges, item counts, required and unknown
//! fields) when it is set and when it is parsed, so raw JSON never reaches a body unchecked.
//!
//! The spec is `core/spec/sessions-profile.json`, generated from Dintero's by
//! `scripts/regenerate-schemas`; the typed parts of a body are checked by their own code
//! (faster, and with messages in domain words), and the tests check both against the same
//! file.

use std::fmt;

use serde_json::Value;

use crate::error::Violations;

pub(crate) mod date_time;
pub(crate) mod formats;
pub(crate) mod names;
mod schema;
mod walk;

/// Checks `value`, found at `path`, against what the spec says of the place `at` in a
/// session body: property names from the body's root, `*` for an array's elements, e.g.
/// `["order", "items", "*", "emd"]`. A place the spec says nothing of is not checked.
pub(crate) fn check(
    at: &[&'static str],
    value: &Value,
    path: impl fmt::Display,
    v: &mut Violations,
) {
    let schemas = schema::at(at);
    if schemas.is_empty() {
        return;
    }
    let mut path = path.to_string();
    walk::check(&schemas, value, &mut path, v);
}

/// [`check`] for an object held as its members (a `configuration`, a customer's `tokens`).
pub(crate) fn check_members(
    at: &[&'static str],
    members: &serde_json::Map<String, Value>,
    path: impl fmt::Display,
    v: &mut Violations,
) {
    let schemas = schema::at(at);
    if schemas.is_empty() {
        return;
    }
    let mut path = path.to_string();
    walk::members(&schemas, members, &mut path, v);
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::Rule;

    fn problems(at: &[&'static str], value: Value) -> Vec<(Rule, String, String, String)> {
        let mut v = Violations::new();
        check(at, &value, "x", &mut v);
        let Err(error) = v.finish(()) else {
            return Vec::new();
        };
        error
            .violations()
            .iter()
            .map(|p| {
                (
                    p.rule(),
                    p.path().to_owned(),
                    p.expected().to_owned(),
                    p.found().to_owned(),
                )
            })
            .collect()
    }

    #[test]
    fn the_embedded_spec_loads_and_every_pattern_and_format_is_known() {
        let document = schema::document();
        assert!(document.is_some());
        let mut stack: Vec<&Value> = document.into_iter().collect();
        let (mut patterns, mut formats) = (0, 0);
        while let Some(value) = stack.pop() {
            match value {
                Value::Object(object) => {
                    if let Some(Value::String(pattern)) = object.get("pattern") {
                        patterns += 1;
                        assert!(formats::pattern(pattern, "").is_some(), "pattern {pattern}");
                    }
                    if let Some(Value::String(format)) = object.get("format") {
                        formats += 1;
                        let known = formats::format(format, "").is_some()
                            || format == "payout_destination_id";
                        assert!(known, "format {format}");
                    }
                    stack.extend(object.values());
                }
                Value::Array(values) => stack.extend(values),
                _ => {}
            }
        }
        assert!(patterns > 0 && formats > 0);
    }

    #[test]
    fn an_eta_is_two_date_times() {
        let at = ["order", "shipping_option", "eta"];
        assert_eq!(
            problems(&at, json!({"starts_at": "2025-01-31T10:00:00Z"})),
            []
        );
        assert_eq!(
            problems(
                &at,
                json!({"starts_at": "tomorrow", "ends_at": 5, "when": 1})
            ),
            [
                (
                    Rule::Type,
                    "x.ends_at".into(),
                    "a string".into(),
                    "5".into()
                ),
                (
                    Rule::Format,
                    "x.starts_at".into(),
                    "an RFC 3339 date-time such as 2025-01-31T23:59:00Z".into(),
                    "\"tomorrow\"".into()
                ),
                (
                    Rule::UnknownField,
                    "x.when".into(),
                    "one of `arrival_day_of_week`, `ends_at`, `shipping_day_of_week`, `starts_at`, \
                     `working_days`"
                        .into(),
                    "unknown field `when`".into()
                ),
            ]
        );
    }

    #[test]
    fn a_place_the_spec_does_not_know_is_not_checked() {
        assert_eq!(problems(&["order", "nowhere"], json!(5)), []);
    }
}
