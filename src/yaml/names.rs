//! Dutch for serde's descriptions of values and for its free-text messages.

/// Dutch names for serde's descriptions of what was found and what was expected (`u8`,
/// `a sequence`, `string "twee"`, `integer `300``, …).
pub(super) fn dutch_kind(s: &str) -> String {
    let s = s.trim();
    const TABLE: &[(&str, &str)] = &[
        ("a string", "tekst"),
        ("string", "tekst"),
        ("a string scalar", "tekst"),
        ("string scalar", "tekst"),
        ("a borrowed string", "tekst"),
        ("a character", "één teken"),
        ("char", "één teken"),
        ("a sequence", "een lijst"),
        ("sequence", "een lijst"),
        ("seq", "een lijst"),
        ("a map", "velden (naam: waarde)"),
        ("map", "velden (naam: waarde)"),
        ("mapping", "velden (naam: waarde)"),
        ("struct", "velden (naam: waarde)"),
        ("a boolean", "ja/nee (true/false)"),
        ("boolean", "ja/nee (true/false)"),
        ("bool", "ja/nee (true/false)"),
        ("unit value", "een lege waarde"),
        ("unit", "een lege waarde"),
        ("null", "een lege waarde"),
        ("option", "een waarde of niets"),
        ("u8", "een heel getal van 0 tot en met 255"),
        ("u16", "een heel getal van 0 tot en met 65535"),
        ("u32", "een heel getal van 0 of meer"),
        ("u64", "een heel getal van 0 of meer"),
        ("u128", "een heel getal van 0 of meer"),
        ("usize", "een heel getal van 0 of meer"),
        ("an integer", "een heel getal"),
        ("integer", "een heel getal"),
        ("i8", "een heel getal"),
        ("i16", "een heel getal"),
        ("i32", "een heel getal"),
        ("i64", "een heel getal"),
        ("i128", "een heel getal"),
        ("isize", "een heel getal"),
        ("f32", "een getal"),
        ("f64", "een getal"),
        ("floating point", "een getal"),
        ("a float", "een getal"),
        ("float", "een getal"),
        ("bytes", "tekst"),
        ("byte array", "tekst"),
        ("enum", "een van de toegestane waarden"),
        ("variant identifier", "een van de toegestane waarden"),
        ("field identifier", "een veldnaam"),
        ("any YAML value", "een waarde"),
        ("newtype struct", "een waarde"),
        ("tuple", "een lijst"),
    ];
    if let Some((_, nl)) = TABLE.iter().find(|(en, _)| s == *en) {
        return (*nl).to_string();
    }
    if let Some(v) = s.strip_prefix("string ") {
        return format!("de tekst {v}");
    }
    for prefix in ["integer ", "floating point "] {
        if let Some(v) = s.strip_prefix(prefix) {
            return format!("het getal {}", v.trim_matches('`'));
        }
    }
    if let Some(v) = s.strip_prefix("boolean ") {
        return format!("de waarde {}", v.trim_matches('`'));
    }
    if let Some(v) = s.strip_prefix("unit variant ") {
        return format!("de waarde {v}");
    }
    if s.starts_with("struct ") || s.starts_with("a map") || s.starts_with("map ") {
        return "velden (naam: waarde)".to_string();
    }
    if s.starts_with("a sequence") || s.starts_with("a list") || s.starts_with("sequence ") {
        return "een lijst".to_string();
    }
    if s.starts_with("tuple") || s.starts_with("an array") || s.starts_with("array") {
        return "een lijst".to_string();
    }
    if s.starts_with("a string") || s.starts_with("a date") || s.starts_with("a time") {
        return "tekst".to_string();
    }
    if s.starts_with("an integer") || s.starts_with("a number") {
        return "een getal".to_string();
    }
    if s.chars().all(|c| c.is_ascii_digit()) && !s.is_empty() {
        return s.to_string();
    }
    // Something serde or a type describes in its own (English) words: say it in general terms.
    "een andere waarde".to_string()
}

/// What the reader wanted when it met something else (its `Unexpected { expected }`), in
/// Dutch; `None` for its internal states.
pub(super) fn expected_kind(expected: &str) -> Option<&'static str> {
    Some(match expected {
        "mapping start" | "empty mapping start" | "mapping" => "velden (naam: waarde)",
        "sequence start" | "sequence" => "een lijst",
        "string scalar" | "scalar" => "tekst",
        "single YAML node" | "value" => "één waarde",
        _ => return None,
    })
}

/// What the file has at `at`, in words: `een lijst`, `het getal 3`, `de tekst "twee"`.
/// The reader knows the place of a value that does not fit, not the value itself.
pub(super) fn found_at(text: &str, at: Option<super::Place>) -> String {
    let Some(at) = at else {
        return "een andere waarde".to_string();
    };
    let Some(l) = text.lines().nth(at.line - 1) else {
        return "een lege waarde".to_string();
    };
    let rest: String = l.chars().skip(at.column - 1).collect();
    describe(rest.trim_end())
}

fn describe(rest: &str) -> String {
    // An anchor or a tag in front of the value: describe the value.
    if rest.starts_with(['&', '!']) {
        return match rest.split_once(' ') {
            Some((_, value)) => describe(value.trim_start()),
            None => "een lege waarde".to_string(),
        };
    }
    let mut chars = rest.chars();
    match chars.next() {
        // Nothing after the key's colon (`stap:`), or only a comment.
        None | Some('#' | ':') => return "een lege waarde".to_string(),
        Some('[') => return "een lijst".to_string(),
        Some('{') => return "velden (naam: waarde)".to_string(),
        Some('-') if matches!(chars.next(), None | Some(' ')) => return "een lijst".to_string(),
        Some('|' | '>') => return "tekst".to_string(),
        Some('*') => return "een verwijzing (*naam)".to_string(),
        Some(q @ ('"' | '\'')) => {
            let inner: String = chars.take_while(|c| *c != q).collect();
            return format!("de tekst \"{}\"", shorten(&inner));
        }
        _ => {}
    }
    let value = match rest.find(" #") {
        Some(i) => rest[..i].trim_end(),
        None => rest,
    };
    if value.ends_with(':') || value.contains(": ") {
        return "velden (naam: waarde)".to_string();
    }
    match value {
        "~" | "null" | "Null" | "NULL" => "een lege waarde".to_string(),
        "true" | "false" | "True" | "False" | "TRUE" | "FALSE" => {
            format!("de waarde {}", value.to_lowercase())
        }
        _ if value.parse::<i128>().is_ok()
            || (value.parse::<f64>().is_ok() && value.contains(|c: char| c.is_ascii_digit())) =>
        {
            format!("het getal {value}")
        }
        _ => format!("de tekst \"{}\"", shorten(value)),
    }
}

fn shorten(s: &str) -> String {
    const MAX: usize = 40;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(MAX).collect::<String>())
    }
}

/// `'a', 'b', 'c'`.
pub(super) fn quote_list(names: &[&'static str]) -> String {
    names
        .iter()
        .map(|n| format!("'{n}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// serde's free-text messages (`Error::custom`): the derive's "duplicate field `naam`" and
/// "invalid length 2, expected …", and the same texts as the typed errors. A message that is
/// not known here is not shown: it is English.
pub(super) fn serde_text(message: &str) -> String {
    let message = message.trim();
    if let Some(rest) = message.strip_prefix("duplicate field ") {
        return format!(
            "het veld '{}' staat er twee keer; haal een van beide weg",
            rest.trim_matches('`')
        );
    }
    for (prefix, lead) in [
        ("invalid type: ", "verkeerd soort waarde"),
        ("invalid value: ", "ongeldige waarde"),
    ] {
        if let Some(rest) = message.strip_prefix(prefix) {
            if let Some((found, expected)) = rest.split_once(", expected ") {
                return format!(
                    "{lead}: {} gevonden, {} verwacht",
                    dutch_kind(found),
                    dutch_kind(expected)
                );
            }
        }
    }
    if let Some(rest) = message.strip_prefix("invalid length ") {
        if let Some((len, expected)) = rest.split_once(", expected ") {
            return format!(
                "verkeerd aantal elementen: {len}, verwacht {}",
                dutch_kind(expected)
            );
        }
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        return format!("het verplichte veld '{}' ontbreekt", rest.trim_matches('`'));
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let field = rest.split(',').next().unwrap_or(rest).trim_matches('`');
        return format!("onbekend veld '{field}'");
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let variant = rest.split(',').next().unwrap_or(rest).trim_matches('`');
        return format!("onbekende waarde '{variant}'");
    }
    "ongeldige waarde op deze plaats".to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_dutch() {
        assert_eq!(dutch_kind("u8"), "een heel getal van 0 tot en met 255");
        assert_eq!(dutch_kind("string \"twee\""), "de tekst \"twee\"");
        assert_eq!(dutch_kind("integer `300`"), "het getal 300");
        assert_eq!(dutch_kind("struct RawFlow"), "velden (naam: waarde)");
        assert_eq!(dutch_kind("something else"), "een andere waarde");
    }

    #[test]
    fn serde_texts_are_dutch() {
        assert_eq!(
            serde_text("duplicate field `versie`"),
            "het veld 'versie' staat er twee keer; haal een van beide weg"
        );
        assert_eq!(
            serde_text("failed to parse"),
            "ongeldige waarde op deze plaats"
        );
    }
}
