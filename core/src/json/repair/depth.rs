//! Refusing, before any pass, a body nested deeper than serde_json reads.

use super::*;

/// Whether `text` (valid JSON) nests more containers than serde_json reads.
pub(super) fn too_deep(text: &str) -> bool {
    let mut depth = 0_usize;
    let mut in_string = false;
    let mut escaped = false;
    for byte in text.bytes() {
        if in_string {
            match (escaped, byte) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

/// Any JSON value, read only to meet serde_json's depth limit (and its message).
pub(super) struct Depth;

impl<'de> Deserialize<'de> for Depth {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Depth, D::Error> {
        deserializer.deserialize_any(DepthVisitor)
    }
}

pub(super) struct DepthVisitor;

impl<'de> Visitor<'de> for DepthVisitor {
    type Value = Depth;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<Depth, E> {
        Ok(Depth)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Depth, E> {
        Ok(Depth)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Depth, E> {
        Ok(Depth)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Depth, E> {
        Ok(Depth)
    }
    fn visit_str<E>(self, _: &str) -> Result<Depth, E> {
        Ok(Depth)
    }
    fn visit_unit<E>(self) -> Result<Depth, E> {
        Ok(Depth)
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Depth, A::Error> {
        while seq.next_element::<Depth>()?.is_some() {}
        Ok(Depth)
    }
    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Depth, A::Error> {
        while map.next_key::<de::IgnoredAny>()?.is_some() {
            map.next_value::<Depth>()?;
        }
        Ok(Depth)
    }
}
