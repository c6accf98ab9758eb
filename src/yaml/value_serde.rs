//! Reading a [`Value`] from YAML (any deserializer) and writing it back (for
//! [`super::to_text`]).

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use super::value::{Mapping, Value, N};

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Value, E> {
        Ok(Value::Number(n.into()))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Value, E> {
        Ok(Value::Number(n.into()))
    }

    fn visit_i128<E>(self, n: i128) -> Result<Value, E> {
        Ok(Value::Number(match i64::try_from(n) {
            Ok(n) => n.into(),
            Err(_) => match u64::try_from(n) {
                Ok(n) => n.into(),
                Err(_) => (n as f64).into(),
            },
        }))
    }

    fn visit_u128<E>(self, n: u128) -> Result<Value, E> {
        Ok(Value::Number(match u64::try_from(n) {
            Ok(n) => n.into(),
            Err(_) => (n as f64).into(),
        }))
    }

    fn visit_f64<E>(self, f: f64) -> Result<Value, E> {
        Ok(Value::Number(f.into()))
    }

    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::String(s.to_string()))
    }

    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(Value::String(s))
    }

    fn visit_bytes<E>(self, b: &[u8]) -> Result<Value, E> {
        Ok(Value::String(String::from_utf8_lossy(b).into_owned()))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Value::deserialize(d)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Value::deserialize(d)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut list = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
        while let Some(v) = seq.next_element()? {
            list.push(v);
        }
        Ok(Value::Sequence(list))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        // The reader refuses a key written twice (DuplicateKeyPolicy::Error). It takes `1` and
        // `'1'` for different keys, as YAML does; zorgpad reads both as "1", so they are
        // refused here too. A set, not a lookup per entry: a large mapping stays linear.
        let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0).min(1024));
        let mut seen = std::collections::HashSet::new();
        while let Some(k) = map.next_key::<serde_saphyr::Spanned<Value>>()? {
            let (k, at) = (k.value, k.referenced);
            if let Some(text) = k.key_text() {
                if !seen.insert(text.clone()) {
                    return Err(de::Error::custom(super::duplicate::marked(&text, &at)));
                }
            }
            entries.push((k, map.next_value()?));
        }
        Ok(Value::Mapping(Mapping { entries }))
    }

    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<Value, A::Error> {
        // A tagged value (`!naam waarde`): keep the value, as one field under the tag's name.
        use de::VariantAccess;
        let (tag, variant): (String, _) = data.variant()?;
        let value: Value = variant.newtype_variant()?;
        Ok(Value::Mapping(Mapping {
            entries: vec![(Value::String(tag), value)],
        }))
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null => s.serialize_unit(),
            Value::Bool(b) => s.serialize_bool(*b),
            Value::Number(n) => match n.0 {
                N::PosInt(n) => s.serialize_u64(n),
                N::NegInt(n) => s.serialize_i64(n),
                N::Float(f) => s.serialize_f64(f),
            },
            Value::String(text) => s.serialize_str(text),
            Value::Sequence(list) => {
                let mut seq = s.serialize_seq(Some(list.len()))?;
                for v in list {
                    seq.serialize_element(v)?;
                }
                seq.end()
            }
            Value::Mapping(m) => m.serialize(s),
        }
    }
}

impl Serialize for Mapping {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.len()))?;
        for (k, v) in self {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Mapping {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Mapping, D::Error> {
        match Value::deserialize(deserializer)? {
            Value::Mapping(m) => Ok(m),
            Value::Null => Ok(Mapping::new()),
            _ => Err(de::Error::invalid_type(
                de::Unexpected::Other("iets anders dan velden"),
                &"a map",
            )),
        }
    }
}
