//! One provider on several sheets: the categories united, the other fields equal.
//!
//! Why this exists: the implementation guide suggests one sheet per care path, so a provider
//! in two paths is on two sheets. It is one provider with both categories, provided the rest
//! agrees; a value that differs is reported with both places.

use crate::kaart::RawProvider;

use super::problems::Problems;
use super::providers::Entry;

/// The same provider on another sheet (or another row of the CSV): unite the categories, fill
/// what was empty, and report values that differ.
pub(super) fn merge(entry: &mut Entry, incoming: Entry, csv: bool, problems: &mut Problems) {
    let Entry {
        raw,
        place,
        fields,
        bad,
        ..
    } = incoming;
    entry.bad.extend(bad);
    let id = raw.id.clone().unwrap_or_default();
    // In a CSV file one row per category is the way to give several; on a sheet it is a
    // mistake (the sheet is the category).
    if !csv && entry.place.sheet == place.sheet {
        problems.error(
            &place,
            format!(
                "de id '{id}' staat al op rij {} van dit blad",
                entry.place.row
            ),
            "geef elke aanbieder een eigen id, of haal de dubbele rij weg",
        );
        return;
    }
    let categories = entry.raw.categorieen.get_or_insert_with(Vec::new);
    for c in raw.categorieen.clone().unwrap_or_default() {
        if !categories.contains(&c) {
            categories.push(c);
        }
    }
    let mut incoming = raw;
    let ours = comparable(&mut entry.raw);
    let theirs = comparable(&mut incoming);
    for ((field, mut mine), (_, new)) in ours.into_iter().zip(theirs) {
        match (mine.get(), new.get()) {
            (None, Some(v)) => {
                mine.set(v);
                if let Some(p) = fields.get(field) {
                    entry.fields.insert(field, p.clone());
                }
            }
            (Some(a), Some(b)) if a.shown() != b.shown() => {
                let earlier = entry.fields.get(field).unwrap_or(&entry.place).describe();
                let here = fields.get(field).unwrap_or(&place);
                problems.error(
                    here,
                    format!(
                        "aanbieder '{id}' heeft hier een andere waarde voor '{field}' ('{}') dan op {earlier} ('{}')",
                        b.shown(),
                        a.shown()
                    ),
                    "een aanbieder op meer bladen moet overal dezelfde gegevens hebben; maak ze gelijk, of laat de cel op de andere bladen leeg",
                );
            }
            _ => {}
        }
    }
}

/// A field value that can be compared and shown.
enum Value<'a> {
    Text(&'a mut Option<String>),
    Number(&'a mut Option<i64>),
    List(&'a mut Option<Vec<String>>),
}

/// One value taken out of a [`Value`].
enum Taken {
    Text(String),
    Number(i64),
    List(Vec<String>),
}

impl Taken {
    fn shown(&self) -> String {
        match self {
            Taken::Text(t) => t.clone(),
            Taken::Number(n) => n.to_string(),
            Taken::List(l) => l.join(", "),
        }
    }
}

impl Value<'_> {
    fn get(&self) -> Option<Taken> {
        match self {
            Value::Text(v) => (**v).clone().map(Taken::Text),
            Value::Number(v) => v.map(Taken::Number),
            Value::List(v) => (**v).clone().map(Taken::List),
        }
    }

    fn set(&mut self, value: Taken) {
        match (self, value) {
            (Value::Text(v), Taken::Text(t)) => **v = Some(t),
            (Value::Number(v), Taken::Number(n)) => **v = Some(n),
            (Value::List(v), Taken::List(l)) => **v = Some(l),
            _ => {}
        }
    }
}

/// The fields of a provider that must agree between sheets, as (name, value).
fn comparable(r: &mut RawProvider) -> [(&'static str, Value<'_>); 12] {
    [
        ("naam", Value::Text(&mut r.naam)),
        ("gemeenten", Value::List(&mut r.gemeenten)),
        ("domein", Value::Text(&mut r.domein)),
        ("niveau", Value::Number(&mut r.niveau)),
        ("telefoon", Value::Text(&mut r.telefoon)),
        ("email", Value::Text(&mut r.email)),
        ("website", Value::Text(&mut r.website)),
        ("adres", Value::Text(&mut r.adres)),
        ("aanmelden", Value::Text(&mut r.aanmelden)),
        ("toelichting", Value::Text(&mut r.toelichting)),
        ("gecontroleerd", Value::Text(&mut r.gecontroleerd)),
        ("beheerder", Value::Text(&mut r.beheerder)),
    ]
}
