//! Keys that the reader lets through but zorgpad reads as the same key.
//!
//! serde-saphyr refuses a key written twice (`DuplicateKeyPolicy::Error`). YAML takes `1` and
//! `'1'` for two different keys, yet a `BTreeMap<u32, _>` of footnotes (or the answers tree)
//! reads both as 1, and the last one would silently win. The visitors here refuse that too,
//! with the place of the second key.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use serde_saphyr::{Location, Spanned};

use super::Place;

/// What a visitor of zorgpad says when it meets a key twice that the reader let through (`1`
/// and `'1'`): the key and its place behind a marker that no parser message starts with. (The
/// reader would place the error at the start of the mapping.)
const MARK: &str = "\u{1}dubbele sleutel:";

pub(super) fn marked(key: &str, at: &Location) -> String {
    format!("{MARK}{}:{}:{key}", at.line(), at.column())
}

/// The key and its place, of a message made by [`marked`].
pub(super) fn unmarked(message: &str) -> Option<(Option<Place>, &str)> {
    let rest = message.strip_prefix(MARK)?;
    let mut parts = rest.splitn(3, ':');
    let line = parts.next()?.parse().ok()?;
    let column = parts.next()?.parse().ok()?;
    let key = parts.next()?;
    let place = (line > 0 && column > 0).then_some(Place { line, column });
    Some((place, key))
}

/// For `#[serde(deserialize_with = "crate::yaml::unique_keys")]` on a `BTreeMap`: refuses a
/// key that reads the same as an earlier one (`1:` and `'1':` for footnote 1), which the reader
/// lets through because YAML takes them for different keys.
pub fn unique_keys<'de, D, K, V>(deserializer: D) -> Result<BTreeMap<K, V>, D::Error>
where
    D: Deserializer<'de>,
    K: Deserialize<'de> + Ord + fmt::Display,
    V: Deserialize<'de>,
{
    struct Unique<K, V>(PhantomData<(K, V)>);

    impl<'de, K, V> Visitor<'de> for Unique<K, V>
    where
        K: Deserialize<'de> + Ord + fmt::Display,
        V: Deserialize<'de>,
    {
        type Value = BTreeMap<K, V>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a map")
        }

        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok(BTreeMap::new())
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = BTreeMap::new();
            while let Some(k) = map.next_key::<Spanned<K>>()? {
                let (k, at) = (k.value, k.referenced);
                if out.contains_key(&k) {
                    return Err(de::Error::custom(marked(&k.to_string(), &at)));
                }
                let v = map.next_value()?;
                out.insert(k, v);
            }
            Ok(out)
        }
    }

    deserializer.deserialize_map(Unique(PhantomData))
}
