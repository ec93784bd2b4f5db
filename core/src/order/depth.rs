//! How deep the JSON a body passes through (metadata, `emd`, shipping parts) may nest, so
//! that what a builder accepts parses back.

use serde_json::Value;

use crate::error::{Rule, key_segment};

/// Nested containers (objects and arrays) serde_json reads at most: deeper is "recursion
/// limit exceeded". What a builder accepts must parse back, so a value passed through as JSON
/// is refused when the body it joins would nest deeper (see [`check_depth`]).
pub(crate) const MAX_DEPTH: usize = 127;

/// How many containers `value` nests: 0 for a scalar, 1 for `[]` or `{"a":1}`. Walked without
/// recursion, since a value built in code can nest deeper than any stack.
pub(crate) fn nesting(value: &Value) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(value, 0_usize)];
    while let Some((value, depth)) = stack.pop() {
        match value {
            Value::Array(values) => {
                deepest = deepest.max(depth + 1);
                stack.extend(values.iter().map(|v| (v, depth + 1)));
            }
            Value::Object(members) => {
                deepest = deepest.max(depth + 1);
                stack.extend(members.values().map(|v| (v, depth + 1)));
            }
            _ => {}
        }
    }
    deepest
}

/// Refuses `value`, passed through at `path` inside `enclosing` containers of a session body
/// (the body itself is one), when the body would nest deeper than [`MAX_DEPTH`].
pub(crate) fn check_depth(
    value: &Value,
    enclosing: usize,
    path: impl std::fmt::Display,
    v: &mut crate::error::Violations,
) {
    let most = MAX_DEPTH.saturating_sub(enclosing);
    let depth = nesting(value);
    if depth > most {
        v.add(
            Rule::Depth,
            path,
            format!(
                "JSON nested at most {most} levels deep here, so that the body ({MAX_DEPTH} at most) parses back"
            ),
            format!("{depth} levels"),
        );
    }
}

/// [`check_depth`] for every member of an object passed through at `path`, which is inside
/// `enclosing` containers (so its members are inside one more).
pub(crate) fn check_members_depth(
    object: &serde_json::Map<String, Value>,
    enclosing: usize,
    path: impl std::fmt::Display,
    v: &mut crate::error::Violations,
) {
    for (key, value) in object {
        check_depth(
            value,
            enclosing + 1,
            format_args!("{path}{}", key_segment(key)),
            v,
        );
    }
}

/// [`check_depth`] for what a shipping option passes through; the option is inside
/// `enclosing` containers.
pub(crate) fn check_shipping_depth(
    option: &crate::ShippingOption,
    enclosing: usize,
    path: impl std::fmt::Display,
    v: &mut crate::error::Violations,
) {
    let inside = enclosing + 1;
    for (name, value) in [
        ("eta", &option.eta),
        ("time_slot", &option.time_slot),
        ("pick_up_address", &option.pick_up_address),
        ("pay_in_store", &option.pay_in_store),
        ("shipments", &option.shipments),
    ] {
        if let Some(value) = value {
            check_depth(value, inside, format_args!("{path}.{name}"), v);
        }
    }
    if let Some(metadata) = &option.metadata {
        check_members_depth(metadata, inside, format_args!("{path}.metadata"), v);
    }
}

/// [`check_depth`] for what an order passes through (each line's `emd`, the shipping
/// option's parts), as the order sits in a session body: inside the body.
pub(crate) fn check_order_depth(
    items: &[crate::OrderItem],
    shipping: Option<&crate::ShippingOption>,
    v: &mut crate::error::Violations,
) {
    // body { order { items [ item { emd
    for (index, item) in items.iter().enumerate() {
        if let Some(emd) = item.extras.as_deref().and_then(|e| e.emd.as_deref()) {
            check_depth(emd, 4, format_args!("order.items[{index}].emd"), v);
        }
    }
    // body { order { shipping_option {
    if let Some(option) = shipping {
        check_shipping_depth(option, 2, "order.shipping_option", v);
    }
}
