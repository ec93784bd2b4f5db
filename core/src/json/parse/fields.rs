//! The `deserialize_with` helpers of the wire structs: objects that must be objects, keys given once, numbers type-checked and dropped.

use super::*;

/// A deserializer that reads a struct only from a JSON object.
///
/// serde's derived structs also accept a JSON array, field by field in order; a Dintero body
/// never has one there, so an `order` written as an array must be a type error, not an order.
pub(crate) struct ObjectOnly<D>(pub(crate) D);

impl<'de, D: Deserializer<'de>> Deserializer<'de> for ObjectOnly<D> {
    type Error = D::Error;

    fn deserialize_any<V: serde::de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_any(visitor)
    }

    /// Still a struct, so the deserializer knows its fields (the repair path skips unknown
    /// ones by them); an array is refused by the visitor.
    fn deserialize_struct<V: serde::de::Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_struct(name, fields, NoSeq(visitor))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

/// A struct's visitor that takes a map only: serde's derived ones also take an array.
pub(super) struct NoSeq<V>(pub(super) V);

impl<'de, V: serde::de::Visitor<'de>> serde::de::Visitor<'de> for NoSeq<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.expecting(f)
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.0.visit_map(map)
    }

    /// Refused once read to its end, so the error's position is the array's end, as for any
    /// other value of the wrong type that was read whole.
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<V::Value, A::Error> {
        while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
        Err(A::Error::invalid_type(serde::de::Unexpected::Seq, &self))
    }
}

/// A struct read only from a JSON object (see [`ObjectOnly`]).
pub(crate) struct Obj<T>(pub(crate) T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Obj<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Obj<T>, D::Error> {
        T::deserialize(ObjectOnly(deserializer)).map(Obj)
    }
}

/// A JSON number that is checked and dropped (read-only fields such as `gross_amount`):
/// nothing is kept, so a parsed object carries no room for it.
pub(crate) struct IgnoredNumber;

impl<'de> Deserialize<'de> for IgnoredNumber {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<IgnoredNumber, D::Error> {
        crate::json::number::deserialize_number(deserializer).map(|_| IgnoredNumber)
    }
}

/// A JSON value passed through as it is (`emd`, `eta`, the configuration's fields, card
/// tokens, …), read as [`serde_json::Value`] reads it, except that a key given twice in one
/// object is an error (serde's "duplicate field"), as it is in every object this crate
/// types, instead of the last one silently winning.
pub(crate) struct UniqueValue(pub(crate) Value);

impl<'de> Deserialize<'de> for UniqueValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<UniqueValue, D::Error> {
        deserializer
            .deserialize_any(UniqueValueVisitor)
            .map(UniqueValue)
    }
}

pub(super) struct UniqueValueVisitor;

impl<'de> serde::de::Visitor<'de> for UniqueValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any valid JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_str<E>(self, value: &str) -> Result<Value, E> {
        Ok(Value::String(value.to_owned()))
    }

    fn visit_string<E>(self, value: String) -> Result<Value, E> {
        Ok(Value::String(value))
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        UniqueValue::deserialize(deserializer).map(|UniqueValue(value)| value)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut values = Vec::new();
        while let Some(UniqueValue(value)) = seq.next_element()? {
            values.push(value);
        }
        Ok(Value::Array(values))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Value, A::Error> {
        unique_entries(map).map(Value::Object)
    }
}

/// An object's members, each key once.
pub(super) fn unique_entries<
    'de,
    A: serde::de::MapAccess<'de>,
    V: Deserialize<'de>,
    M: Entries<V>,
>(
    mut map: A,
) -> Result<M, A::Error> {
    let mut entries = M::default();
    while let Some(key) = map.next_key::<String>()? {
        if entries.has(&key) {
            return Err(A::Error::custom(format_args!("duplicate field `{key}`")));
        }
        let value = map.next_value()?;
        entries.put(key, value);
    }
    Ok(entries)
}

/// The maps [`unique_entries`] fills.
pub(super) trait Entries<V>: Default {
    fn has(&self, key: &str) -> bool;
    fn put(&mut self, key: String, value: V);
}

impl Entries<UniqueValue> for serde_json::Map<String, Value> {
    fn has(&self, key: &str) -> bool {
        self.contains_key(key)
    }

    fn put(&mut self, key: String, UniqueValue(value): UniqueValue) {
        self.insert(key, value);
    }
}

impl<V> Entries<V> for std::collections::BTreeMap<String, V> {
    fn has(&self, key: &str) -> bool {
        self.contains_key(key)
    }

    fn put(&mut self, key: String, value: V) {
        self.insert(key, value);
    }
}

/// Reads a JSON object whose keys are each given once into `M`.
pub(super) struct UniqueObject<M, V>(pub(super) std::marker::PhantomData<(M, V)>);

impl<'de, V: Deserialize<'de>, M: Entries<V>> serde::de::Visitor<'de> for UniqueObject<M, V> {
    type Value = M;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a map")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<M, A::Error> {
        unique_entries(map)
    }
}

/// `deserialize_with` for an object passed through (see [`UniqueValue`]).
pub(crate) fn unique_object<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<serde_json::Map<String, Value>, D::Error> {
    deserializer.deserialize_map(UniqueObject(std::marker::PhantomData))
}

/// `deserialize_with` for an optional object passed through (see [`UniqueValue`]).
pub(crate) fn unique_object_opt<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<serde_json::Map<String, Value>>, D::Error> {
    struct Object(serde_json::Map<String, Value>);

    impl<'de> Deserialize<'de> for Object {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Object, D::Error> {
            unique_object(deserializer).map(Object)
        }
    }

    Option::<Object>::deserialize(deserializer).map(|object| object.map(|Object(map)| map))
}

/// `deserialize_with` for an optional value passed through (see [`UniqueValue`]).
pub(crate) fn unique_value_opt<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Value>, D::Error> {
    Option::<UniqueValue>::deserialize(deserializer).map(|value| value.map(|UniqueValue(v)| v))
}

/// `deserialize_with` for metadata: an object of `V`s (strings or numbers), each key once.
pub(crate) fn unique_map<'de, D: Deserializer<'de>, V: Deserialize<'de>>(
    deserializer: D,
) -> Result<std::collections::BTreeMap<String, V>, D::Error> {
    deserializer.deserialize_map(UniqueObject(std::marker::PhantomData))
}

/// `deserialize_with` for a struct field: an object, never an array.
pub(crate) fn object<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    Obj::deserialize(deserializer).map(|Obj(value)| value)
}

/// `deserialize_with` for an optional struct field.
pub(crate) fn object_opt<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Option<T>, D::Error> {
    Option::<Obj<T>>::deserialize(deserializer).map(|value| value.map(|Obj(value)| value))
}

/// A list of structs, each read only from a JSON object (see [`ObjectOnly`]). Each is read
/// straight into the list, not into a list of wrappers that is then moved into another: an
/// order's items are its bulk.
pub(crate) struct ObjectList<T>(pub(crate) Vec<T>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for ObjectList<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<ObjectList<T>, D::Error> {
        struct Objects<T>(std::marker::PhantomData<T>);

        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Objects<T> {
            type Value = ObjectList<T>;

            // What serde says of any list, so messages stay the same.
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a sequence")
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<ObjectList<T>, A::Error> {
                let mut values = Vec::new();
                while let Some(Obj(value)) = seq.next_element::<Obj<T>>()? {
                    values.push(value);
                }
                Ok(ObjectList(values))
            }
        }

        deserializer.deserialize_seq(Objects(std::marker::PhantomData))
    }
}

/// `deserialize_with` for a list of structs (see [`ObjectList`]).
pub(crate) fn objects<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Vec<T>, D::Error> {
    ObjectList::deserialize(deserializer).map(|ObjectList(values)| values)
}

/// `deserialize_with` for an optional list of structs.
pub(crate) fn objects_opt<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Option<Vec<T>>, D::Error> {
    Option::<ObjectList<T>>::deserialize(deserializer)
        .map(|values| values.map(|ObjectList(values)| values))
}
