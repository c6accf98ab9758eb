//! The one place where YAML is read.
//!
//! `serde_yaml` is deprecated upstream. Every YAML file zorgpad reads (flows, answer scripts,
//! later the Sociale Kaart and sessions) goes through [`parse`], so switching to a maintained
//! fork is a change of the `use` line below. This module also turns the parser's English
//! messages into Dutch ones that name the file, line and column.

use serde::de::DeserializeOwned;
use serde_yaml as backend;

pub use backend::{Mapping, Value};

/// A YAML document that could not be read, in words for a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    /// 1-based line, when the parser knows it.
    pub line: Option<usize>,
    /// 1-based column, when the parser knows it.
    pub column: Option<usize>,
    /// What is wrong, in Dutch.
    pub message: String,
}

impl YamlError {
    /// `file:line:column` (or less, when the place is unknown).
    pub fn place(&self, file: &str) -> String {
        match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{file}:{l}:{c}"),
            (Some(l), None) => format!("{file}:{l}"),
            _ => file.to_string(),
        }
    }
}

/// Parse `text` as a `T`. An empty document is reported as such instead of as a type error.
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    if text.trim().is_empty()
        || text
            .lines()
            .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        return Err(YamlError {
            line: None,
            column: None,
            message: "het bestand is leeg".to_string(),
        });
    }
    // Syntax first: when the typed reading fails, read as plain YAML, so that an unclosed '['
    // is reported as such and not as "a list where text was expected" by the typed reading
    // that stops at its first token. (A valid file is read once: large Sociale Kaarten.)
    backend::from_str(text).map_err(|typed| match backend::from_str::<Value>(text) {
        Err(syntax) => located(syntax),
        Ok(_) => located(typed),
    })
}

fn located(e: backend::Error) -> YamlError {
    let location = e.location();
    YamlError {
        line: location.as_ref().map(|l| l.line()),
        column: location.as_ref().map(|l| l.column()),
        message: dutch(&e.to_string()),
    }
}

/// Turn a value back into YAML text, for error messages that quote an entry.
pub(crate) fn to_text(value: &Value) -> String {
    backend::to_string(value)
        .map(|s| s.trim_end().to_string())
        .unwrap_or_else(|_| "?".to_string())
}

/// Translate serde and YAML scanner messages into Dutch. Unknown messages keep their
/// original text behind a Dutch lead, so nothing is lost.
fn dutch(message: &str) -> String {
    let opened = opened_at(message);
    // serde_yaml appends " at line L column C"; the place is reported separately.
    let message = match message.find(" at line ") {
        Some(i) => &message[..i],
        None => message,
    };
    let message = message.trim_start_matches(['.', ' ']);
    // serde_yaml puts the path of the field in front ("knopen[3].stap: invalid type …").
    const KNOWN: [&str; 7] = [
        "invalid type",
        "invalid value",
        "missing field",
        "unknown field",
        "unknown variant",
        "duplicate field",
        "invalid length",
    ];
    if let Some((path, rest)) = message.split_once(": ") {
        if !path.contains(' ') && KNOWN.iter().any(|k| rest.starts_with(k)) {
            return format!("bij '{path}': {}", dutch(rest));
        }
    }
    if let Some(text) = serde_message(message) {
        return text;
    }
    if let Some(i) = message.find("duplicate entry with key") {
        let key = message[i + "duplicate entry with key".len()..]
            .trim()
            .trim_matches('"');
        return if key.is_empty() {
            "een sleutel staat twee keer in dezelfde lijst van velden".to_string()
        } else {
            format!("het veld '{key}' staat er twee keer")
        };
    }
    if message.contains("control characters are not allowed")
        || message.contains("invalid leading UTF-8")
    {
        return "het bestand bevat tekens die niet in een tekstbestand horen (is het een binair bestand?)".to_string();
    }
    if let Some(nl) = scanner(message) {
        return format!("ongeldige YAML-opbouw: {nl}{opened}");
    }
    if message.contains("recursion limit exceeded") {
        return "het bestand is te diep genest".to_string();
    }
    if message.contains("EOF while parsing") {
        return "het bestand houdt onverwacht op".to_string();
    }
    format!("ongeldige YAML-opbouw ({message}); controleer inspringing, dubbele punten en aanhalingstekens")
}

/// serde's own messages about the shape of the data (wrong type, unknown or missing field).
fn serde_message(message: &str) -> Option<String> {
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            return Some(format!(
                "verkeerd soort waarde: {} gevonden, {} verwacht",
                kind(found),
                kind(expected)
            ));
        }
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            return Some(format!(
                "ongeldige waarde: {} gevonden, {} verwacht",
                kind(found),
                kind(expected)
            ));
        }
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        return Some(format!("het verplichte veld {} ontbreekt", quote(rest)));
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        return Some(match rest.split_once(", expected one of ") {
            Some((field, allowed)) => format!(
                "onbekend veld {}; toegestaan zijn: {}",
                quote(field),
                quote_list(allowed)
            ),
            None => match rest.split_once(", expected ") {
                Some((field, allowed)) => format!(
                    "onbekend veld {}; toegestaan: {}",
                    quote(field),
                    quote_list(allowed)
                ),
                None => format!("onbekend veld {}", quote(rest)),
            },
        });
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        return Some(match rest.split_once(", expected one of ") {
            Some((v, allowed)) => format!(
                "onbekende waarde {}; kies uit: {}",
                quote(v),
                quote_list(allowed)
            ),
            None => match rest.split_once(", expected ") {
                Some((v, allowed)) => format!(
                    "onbekende waarde {}; toegestaan: {}",
                    quote(v),
                    quote_list(allowed)
                ),
                None => format!("onbekende waarde {}", quote(rest)),
            },
        });
    }
    if let Some(rest) = message.strip_prefix("duplicate field ") {
        return Some(format!("het veld {} staat er twee keer", quote(rest)));
    }
    if message.starts_with("invalid length") {
        return Some(format!("verkeerd aantal elementen ({message})"));
    }
    None
}

/// Where an unclosed quote or bracket was opened: the scanner reports the place where it gave
/// up (the end of the file, often), and adds ", while scanning a quoted scalar at line L column
/// C" for the place the user has to look at.
fn opened_at(message: &str) -> String {
    const OPENERS: [(&str, &str); 3] = [
        ("while scanning a quoted scalar", "het aanhalingsteken"),
        ("while parsing a flow sequence", "de '['"),
        ("while parsing a flow mapping", "de '{'"),
    ];
    for (en, nl) in OPENERS {
        let Some(i) = message.find(en) else { continue };
        let place = message[i + en.len()..].trim_start();
        let Some(place) = place.strip_prefix("at line ") else {
            continue;
        };
        let mut parts = place.split(" column ");
        let line = parts.next().and_then(|l| l.trim().parse::<usize>().ok());
        let column = parts
            .next()
            .and_then(|c| c.split(|ch: char| !ch.is_ascii_digit()).next())
            .and_then(|c| c.parse::<usize>().ok());
        if let (Some(line), Some(column)) = (line, column) {
            return format!(" ({nl} staat op regel {line}, kolom {column})");
        }
    }
    String::new()
}

/// Dutch for the YAML scanner's and parser's usual complaints.
fn scanner(message: &str) -> Option<&'static str> {
    const TABLE: &[(&str, &str)] = &[
        ("did not find expected ',' or ']'", "een lijst tussen [ en ] is niet afgesloten: ',' of ']' ontbreekt"),
        ("did not find expected ',' or '}'", "velden tussen { en } zijn niet afgesloten: ',' of '}' ontbreekt"),
        ("mapping values are not allowed", "een dubbele punt staat waar hij niet mag; zet tekst met ': ' erin tussen aanhalingstekens, of controleer de inspringing"),
        ("block sequence entries are not allowed", "een lijstelement ('- ') staat waar het niet mag; controleer de inspringing"),
        ("did not find expected '-' indicator", "hier werd een lijstelement ('- ') verwacht; controleer de inspringing"),
        ("did not find expected key", "hier werd een veldnaam verwacht; controleer de inspringing en de aanhalingstekens"),
        ("could not find expected ':'", "er ontbreekt een dubbele punt ':' na de veldnaam"),
        ("did not find expected node content", "hier ontbreekt een waarde"),
        ("found unexpected end of stream", "het bestand houdt onverwacht op; is een aanhalingsteken of haakje niet gesloten?"),
        ("found a tab character", "een tab in de inspringing; gebruik spaties"),
        ("found character that cannot start any token", "een teken dat hier niet mag staan; zet tekst die met @, ` of % begint tussen aanhalingstekens"),
        ("found unknown escape character", "een onbekend teken na '\\' in tekst tussen dubbele aanhalingstekens"),
        ("unknown anchor", "een verwijzing (*naam) naar een anker (&naam) dat niet bestaat"),
        ("more than one document", "het bestand bevat meer dan één YAML-document (een regel '---'); houd één document per bestand"),
    ];
    TABLE
        .iter()
        .find(|(en, _)| message.contains(en))
        .map(|(_, nl)| *nl)
}

fn quote(s: &str) -> String {
    format!("'{}'", s.trim().trim_matches('`'))
}

fn quote_list(s: &str) -> String {
    s.split(", ")
        .flat_map(|p| p.split(" or "))
        .map(|p| p.trim().trim_start_matches("or ").trim_matches('`'))
        .filter(|p| !p.is_empty())
        .map(|p| format!("'{p}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Dutch names for serde's descriptions of what was found and what was expected.
fn kind(s: &str) -> String {
    let s = s.trim();
    let table: &[(&str, &str)] = &[
        ("a string", "tekst"),
        ("string", "tekst"),
        ("a sequence", "een lijst"),
        ("sequence", "een lijst"),
        ("a map", "velden (naam: waarde)"),
        ("map", "velden (naam: waarde)"),
        ("struct", "velden (naam: waarde)"),
        ("a boolean", "ja/nee (true/false)"),
        ("unit value", "een lege waarde"),
        ("u8", "een heel getal van 0 tot en met 255"),
        ("u16", "een heel getal van 0 tot en met 65535"),
        ("u32", "een heel getal van 0 of meer"),
        ("u64", "een heel getal van 0 of meer"),
        ("usize", "een heel getal van 0 of meer"),
        ("an integer", "een heel getal"),
        ("integer", "een heel getal"),
        ("i64", "een heel getal"),
        ("f64", "een getal"),
    ];
    for (en, nl) in table {
        if s == *en {
            return (*nl).to_string();
        }
    }
    if let Some(v) = s.strip_prefix("string ") {
        return format!("de tekst {v}");
    }
    if let Some(v) = s.strip_prefix("integer ") {
        return format!("het getal {}", v.trim_matches('`'));
    }
    if let Some(v) = s.strip_prefix("floating point ") {
        return format!("het getal {}", v.trim_matches('`'));
    }
    if let Some(v) = s.strip_prefix("boolean ") {
        return format!("de waarde {}", v.trim_matches('`'));
    }
    if s.starts_with("struct ") || s.starts_with("a ") && s.contains("map") {
        return "velden (naam: waarde)".to_string();
    }
    if s.starts_with("a sequence") || s.starts_with("a list") {
        return "een lijst".to_string();
    }
    s.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct T {
        stap: u8,
        naam: String,
    }

    #[test]
    fn type_errors_are_dutch_and_located() {
        let e = parse::<T>("naam: x\nstap: twee\n").unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(e.message.contains("heel getal"), "{}", e.message);
    }

    #[test]
    fn unknown_fields_name_the_allowed_ones() {
        let e = parse::<T>("naam: x\nstap: 1\nstapp: 2\n").unwrap_err();
        assert!(e.message.contains("onbekend veld 'stapp'"), "{}", e.message);
        assert!(e.message.contains("'stap'"), "{}", e.message);
    }

    #[test]
    fn empty_and_comment_only_files_are_empty() {
        assert_eq!(
            parse::<T>("  \n# niets\n").unwrap_err().message,
            "het bestand is leeg"
        );
    }

    #[test]
    fn scanner_messages_are_dutch_and_say_where_the_quote_opened() {
        let e = parse::<T>("naam: \"x\nstap: 1\n").unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(e.message.contains("houdt onverwacht op"), "{}", e.message);
        assert!(
            e.message
                .ends_with("(het aanhalingsteken staat op regel 1, kolom 7)"),
            "{}",
            e.message
        );
        let e = parse::<T>("naam: a: b\n").unwrap_err();
        assert!(e.message.contains("dubbele punt"), "{}", e.message);
        assert!(!e.message.contains("mapping values"), "{}", e.message);
    }

    #[test]
    fn syntax_errors_come_before_type_errors() {
        let e = parse::<T>("naam: [x\n").unwrap_err();
        assert!(e.message.contains("niet afgesloten"), "{}", e.message);
    }

    #[test]
    fn syntax_errors_have_a_place() {
        let e = parse::<T>("naam: \"x\nstap: 1\n").unwrap_err();
        assert!(e.line.is_some());
        assert!(
            e.message.starts_with("ongeldige YAML-opbouw"),
            "{}",
            e.message
        );
    }
}
