//! Unknown field names: what a problem expects instead, with a "did you mean" for a typo.
//! The typed parse and the spec's checks of passed-through JSON word them alike.

/// `expected` for an unknown field among `known` ones, and the field it was probably meant
/// to be.
pub(crate) fn unknown_field_expectation(key: &str, known: &[&str]) -> (String, Option<String>) {
    match did_you_mean(key, known) {
        Some(suggestion) => (
            format!("a field the spec defines here (did you mean `{suggestion}`?)"),
            Some(suggestion.to_owned()),
        ),
        None if known.is_empty() => ("no fields here".to_owned(), None),
        None => {
            let list: Vec<String> = known.iter().map(|k| format!("`{k}`")).collect();
            (format!("one of {}", list.join(", ")), None)
        }
    }
}

/// Keys longer than this (in bytes) get no "did you mean": no field name is that long.
pub(crate) const MAX_SUGGESTED_KEY: usize = 64;

/// The known field `key` most likely misspells: the same letters ignoring case and `_`/`-`,
/// or within a small edit distance (a third of its length, at least 1, at most 3).
///
/// A key longer than twice the longest field (or than [`MAX_SUGGESTED_KEY`]) is no typo of
/// one and is not compared: the distance costs its length times each field's, and a body
/// can hold a key of megabytes.
pub(crate) fn did_you_mean<'k>(key: &str, known: &[&'k str]) -> Option<&'k str> {
    let longest = known.iter().map(|k| k.len()).max().unwrap_or(0);
    if key.len() > MAX_SUGGESTED_KEY.min(longest.saturating_mul(2)) {
        return None;
    }
    let squash = |s: &str| -> String {
        s.chars()
            .filter(|c| *c != '_' && *c != '-')
            .flat_map(char::to_lowercase)
            .collect()
    };
    let wanted = squash(key);
    if let Some(same) = known.iter().find(|k| squash(k) == wanted) {
        return Some(same);
    }
    let limit = (key.chars().count() / 3).clamp(1, 3);
    known
        .iter()
        .map(|k| (strsim::osa_distance(key, k), *k))
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, k)| k)
}
