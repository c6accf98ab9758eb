//! Reading the entries of an answers file the way people write them: an option by id or
//! label in any case (a unique beginning is enough), `alles`/`niets` for a list, and the
//! fields a mapping may have. Every reader returns the problem in words, for the report.

use crate::yaml::{self, Value};

/// Items of a checklist or criteria list: `alles`/`alle`, `niets`/`geen`, one item, or a list
/// of items (each by id or text; a unique beginning is enough).
pub(super) fn pick_items(
    v: &Value,
    pairs: &[(&str, &str)],
    one: &str,
    expected: &str,
) -> std::result::Result<Vec<usize>, String> {
    match v {
        Value::Null => Ok(Vec::new()),
        Value::Sequence(list) => list
            .iter()
            .map(|item| {
                let text = scalar(item)
                    .ok_or_else(|| format!("elk onderdeel van de lijst is één {one} (tekst)"))?;
                resolve(&text, pairs)
            })
            .collect(),
        other => {
            let text = scalar(other).ok_or_else(|| format!("verwacht {expected}"))?;
            match text.trim().to_lowercase().as_str() {
                "alles" | "alle" => Ok((0..pairs.len()).collect()),
                "niets" | "geen" => Ok(Vec::new()),
                _ => resolve(&text, pairs).map(|k| vec![k]),
            }
        }
    }
}

/// Find an option by id or label: exact (any case) first, then a unique prefix.
pub(super) fn resolve(text: &str, pairs: &[(&str, &str)]) -> std::result::Result<usize, String> {
    let wanted = text.trim().to_lowercase();
    if wanted.is_empty() {
        return Err("het antwoord is leeg".to_string());
    }
    if let Some(k) = pairs
        .iter()
        .position(|(id, label)| id.to_lowercase() == wanted || label.to_lowercase() == wanted)
    {
        return Ok(k);
    }
    let hits: Vec<usize> = pairs
        .iter()
        .enumerate()
        .filter(|(_, (id, label))| {
            id.to_lowercase().starts_with(&wanted) || label.to_lowercase().starts_with(&wanted)
        })
        .map(|(k, _)| k)
        .collect();
    match hits.as_slice() {
        [k] => Ok(*k),
        [] => Err(format!("'{}' is geen van de mogelijkheden", text.trim())),
        many => Err(format!(
            "'{}' is niet eenduidig: het past bij {}",
            text.trim(),
            many.iter()
                .map(|k| format!("'{}'", pairs[*k].0))
                .collect::<Vec<_>>()
                .join(" en ")
        )),
    }
}

/// An entry on one line, as it could be written in the file: `{gedaan: [a, b], nvt: [c]}`.
pub(super) fn inline(v: &Value) -> String {
    match v {
        Value::Sequence(list) => format!(
            "[{}]",
            list.iter().map(inline).collect::<Vec<_>>().join(", ")
        ),
        Value::Mapping(map) => format!(
            "{{{}}}",
            map.iter()
                .map(|(k, v)| format!("{}: {}", inline(k), inline(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Value::Null => "(leeg)".to_string(),
        other => scalar(other).unwrap_or_else(|| yaml::to_text(other).replace('\n', " ")),
    }
}

pub(super) fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Bool(true) => Some("ja".to_string()),
        Value::Bool(false) => Some("nee".to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

pub(super) fn check_keys(map: &yaml::Mapping, allowed: &[&str]) -> std::result::Result<(), String> {
    for key in map.keys() {
        let name = scalar(key).unwrap_or_default();
        if !allowed.contains(&name.as_str()) {
            return Err(format!(
                "onbekend veld '{name}'; toegestaan zijn: {}",
                allowed
                    .iter()
                    .map(|a| format!("'{a}'"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
    }
    Ok(())
}
