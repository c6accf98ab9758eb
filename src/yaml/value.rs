//! A YAML document as a tree, for files whose shape is checked by hand (answers files, the
//! answers of a practice case). Reading and writing it: `value_serde.rs`.
//!
//! serde-saphyr reads straight into types and has no tree of its own; these types have the
//! names, variants and methods that zorgpad used from serde_yaml, so callers did not change.
//! A [`Mapping`] keeps its entries in file order. It never holds a key twice: the reader
//! refuses a duplicated key before a mapping is built.

use std::fmt;

/// Any YAML value.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Value {
    /// `~`, `null` or nothing.
    #[default]
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number without quotes.
    Number(Number),
    /// Text.
    String(String),
    /// A list.
    Sequence(Sequence),
    /// Fields (`naam: waarde`), in file order.
    Mapping(Mapping),
}

/// A YAML list.
pub type Sequence = Vec<Value>;

/// A YAML number: a whole number or a floating-point one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number(pub(super) N);

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum N {
    PosInt(u64),
    NegInt(i64),
    Float(f64),
}

impl Number {
    /// The number as a `u64`, when it is a whole number of 0 or more.
    pub fn as_u64(&self) -> Option<u64> {
        match self.0 {
            N::PosInt(n) => Some(n),
            N::NegInt(_) | N::Float(_) => None,
        }
    }

    /// The number as an `i64`, when it is a whole number that fits.
    pub fn as_i64(&self) -> Option<i64> {
        match self.0 {
            N::PosInt(n) => i64::try_from(n).ok(),
            N::NegInt(n) => Some(n),
            N::Float(_) => None,
        }
    }

    /// The number as an `f64` (always possible, perhaps rounded).
    pub fn as_f64(&self) -> Option<f64> {
        Some(match self.0 {
            N::PosInt(n) => n as f64,
            N::NegInt(n) => n as f64,
            N::Float(f) => f,
        })
    }

    /// Whether the number is a whole number of 0 or more.
    pub fn is_u64(&self) -> bool {
        self.as_u64().is_some()
    }

    /// Whether the number is a whole number that fits an `i64`.
    pub fn is_i64(&self) -> bool {
        self.as_i64().is_some()
    }

    /// Whether the number was written with a fraction or an exponent.
    pub fn is_f64(&self) -> bool {
        matches!(self.0, N::Float(_))
    }
}

impl From<u64> for Number {
    fn from(n: u64) -> Number {
        Number(N::PosInt(n))
    }
}

impl From<i64> for Number {
    fn from(n: i64) -> Number {
        match u64::try_from(n) {
            Ok(n) => Number(N::PosInt(n)),
            Err(_) => Number(N::NegInt(n)),
        }
    }
}

impl From<f64> for Number {
    fn from(f: f64) -> Number {
        Number(N::Float(f))
    }
}

/// As YAML writes it: `3`, `-1`, `2.5`, `1.0`, `.inf`, `.nan`.
impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            N::PosInt(n) => write!(f, "{n}"),
            N::NegInt(n) => write!(f, "{n}"),
            N::Float(x) if x.is_nan() => f.write_str(".nan"),
            N::Float(x) if x.is_infinite() => f.write_str(if x > 0.0 { ".inf" } else { "-.inf" }),
            N::Float(x) if x.fract() == 0.0 && x.abs() < 1e16 => write!(f, "{x:.1}"),
            N::Float(x) => write!(f, "{x}"),
        }
    }
}

/// YAML fields (`naam: waarde`) in file order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Mapping {
    pub(super) entries: Vec<(Value, Value)>,
}

impl Mapping {
    /// An empty mapping.
    pub fn new() -> Mapping {
        Mapping::default()
    }

    /// The number of fields.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no fields.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The value of a field: `map.get("keuze")`.
    pub fn get<I: Index>(&self, index: I) -> Option<&Value> {
        index.index_into(self)
    }

    /// Whether the field is there.
    pub fn contains_key<I: Index>(&self, index: I) -> bool {
        self.get(index).is_some()
    }

    /// Set a field: a new field goes at the end, an existing one keeps its place. Returns the
    /// value it replaced.
    pub fn insert(&mut self, key: Value, value: Value) -> Option<Value> {
        match self.entries.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => Some(std::mem::replace(v, value)),
            None => {
                self.entries.push((key, value));
                None
            }
        }
    }

    /// The fields in file order.
    pub fn iter(&self) -> Iter<'_> {
        Iter(self.entries.iter())
    }

    /// The names of the fields in file order.
    pub fn keys(&self) -> impl Iterator<Item = &Value> {
        self.entries.iter().map(|(k, _)| k)
    }

    /// The values of the fields in file order.
    pub fn values(&self) -> impl Iterator<Item = &Value> {
        self.entries.iter().map(|(_, v)| v)
    }
}

/// The fields of a [`Mapping`], in file order.
pub struct Iter<'a>(std::slice::Iter<'a, (Value, Value)>);

impl<'a> Iterator for Iter<'a> {
    type Item = (&'a Value, &'a Value);

    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|(k, v)| (k, v))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl<'a> IntoIterator for &'a Mapping {
    type Item = (&'a Value, &'a Value);
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

impl IntoIterator for Mapping {
    type Item = (Value, Value);
    type IntoIter = std::vec::IntoIter<(Value, Value)>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl FromIterator<(Value, Value)> for Mapping {
    fn from_iter<T: IntoIterator<Item = (Value, Value)>>(iter: T) -> Mapping {
        let mut map = Mapping::new();
        for (k, v) in iter {
            map.insert(k, v);
        }
        map
    }
}

/// What can look up a field: a name (`"keuze"`) or any key value.
pub trait Index {
    /// The value under this key in `map`.
    fn index_into<'a>(&self, map: &'a Mapping) -> Option<&'a Value>;
}

impl Index for str {
    fn index_into<'a>(&self, map: &'a Mapping) -> Option<&'a Value> {
        map.entries
            .iter()
            .find(|(k, _)| k.as_str() == Some(self))
            .map(|(_, v)| v)
    }
}

impl Index for String {
    fn index_into<'a>(&self, map: &'a Mapping) -> Option<&'a Value> {
        self.as_str().index_into(map)
    }
}

impl Index for Value {
    fn index_into<'a>(&self, map: &'a Mapping) -> Option<&'a Value> {
        map.entries.iter().find(|(k, _)| k == self).map(|(_, v)| v)
    }
}

impl<T: Index + ?Sized> Index for &T {
    fn index_into<'a>(&self, map: &'a Mapping) -> Option<&'a Value> {
        (**self).index_into(map)
    }
}

impl Value {
    /// The field of a mapping: `value.get("antwoorden")`; `None` for anything else.
    pub fn get<I: Index>(&self, index: I) -> Option<&Value> {
        self.as_mapping().and_then(|m| m.get(index))
    }

    /// The text of a key as zorgpad reads it: `1`, `'1'` and `1.0` are all "1".
    pub(super) fn key_text(&self) -> Option<String> {
        match self {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(match (n.as_i64(), n.as_u64(), n.as_f64()) {
                (Some(i), _, _) => i.to_string(),
                (_, Some(u), _) => u.to_string(),
                (_, _, Some(f)) if f.fract() == 0.0 && f.abs() < 1e16 => format!("{f:.0}"),
                _ => n.to_string(),
            }),
            _ => None,
        }
    }

    /// Whether this is `~`/`null`/nothing.
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// The text, when this is text.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The truth value, when this is `true` or `false`.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The number as a `u64`, when this is a whole number of 0 or more.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) => n.as_u64(),
            _ => None,
        }
    }

    /// The number as an `i64`, when this is a whole number that fits.
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Number(n) => n.as_i64(),
            _ => None,
        }
    }

    /// The number as an `f64`, when this is a number.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => n.as_f64(),
            _ => None,
        }
    }

    /// The list, when this is a list.
    pub fn as_sequence(&self) -> Option<&Sequence> {
        match self {
            Value::Sequence(s) => Some(s),
            _ => None,
        }
    }

    /// The fields, when this is a mapping.
    pub fn as_mapping(&self) -> Option<&Mapping> {
        match self {
            Value::Mapping(m) => Some(m),
            _ => None,
        }
    }
}

/// `doc["antwoorden"]`: the field, or `Null` when it is not there (as serde_yaml's).
impl<I: Index> std::ops::Index<I> for Value {
    type Output = Value;

    fn index(&self, index: I) -> &Value {
        static NULL: Value = Value::Null;
        self.get(index).unwrap_or(&NULL)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::String(s.to_string())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::String(s)
    }
}
