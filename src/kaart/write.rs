//! Writing a map as YAML in the documented layout (the importer's output).
//!
//! Why this exists: a YAML serializer writes every field in its own style and order; a map is
//! read and edited by people, so it is written the way `sociale-kaart/README.md` shows it: the
//! fields in the documented order, lists inline, a blank line between entries, quotes only
//! where needed.

use super::RawKaart;

impl RawKaart {
    /// The map as YAML in the documented layout: the `kaart:` block, then one entry per
    /// provider with the fields in the documented order and a blank line between entries.
    /// Reading the result back gives the same `RawKaart`.
    pub fn to_yaml(&self) -> String {
        let mut out = String::with_capacity(256 + self.aanbieders.len() * 400);
        out.push_str("kaart:\n");
        let m = &self.kaart;
        scalar_field(&mut out, "  ", "naam", m.naam.as_deref(), false);
        scalar_field(&mut out, "  ", "vsv", m.vsv.as_deref(), false);
        scalar_field(&mut out, "  ", "regio", m.regio.as_deref(), false);
        scalar_field(&mut out, "  ", "versie", m.versie.as_deref(), true);
        scalar_field(&mut out, "  ", "bijgewerkt", m.bijgewerkt.as_deref(), false);
        list_field(&mut out, "  ", "gemeenten", m.gemeenten.as_deref());
        if self.aanbieders.is_empty() {
            out.push_str("\naanbieders: []\n");
            return out;
        }
        out.push_str("\naanbieders:\n");
        for (i, p) in self.aanbieders.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            let mut entry = String::new();
            scalar_field(&mut entry, "    ", "id", p.id.as_deref(), false);
            scalar_field(&mut entry, "    ", "naam", p.naam.as_deref(), false);
            list_field(&mut entry, "    ", "categorieen", p.categorieen.as_deref());
            list_field(&mut entry, "    ", "gemeenten", p.gemeenten.as_deref());
            scalar_field(&mut entry, "    ", "domein", p.domein.as_deref(), false);
            if let Some(n) = p.niveau {
                entry.push_str(&format!("    niveau: {n}\n"));
            }
            scalar_field(&mut entry, "    ", "telefoon", p.telefoon.as_deref(), true);
            scalar_field(&mut entry, "    ", "email", p.email.as_deref(), false);
            scalar_field(&mut entry, "    ", "website", p.website.as_deref(), false);
            scalar_field(&mut entry, "    ", "adres", p.adres.as_deref(), false);
            scalar_field(
                &mut entry,
                "    ",
                "aanmelden",
                p.aanmelden.as_deref(),
                false,
            );
            scalar_field(
                &mut entry,
                "    ",
                "toelichting",
                p.toelichting.as_deref(),
                false,
            );
            scalar_field(
                &mut entry,
                "    ",
                "gecontroleerd",
                p.gecontroleerd.as_deref(),
                false,
            );
            scalar_field(
                &mut entry,
                "    ",
                "beheerder",
                p.beheerder.as_deref(),
                false,
            );
            if entry.is_empty() {
                out.push_str("  - {}\n");
            } else {
                out.push_str("  - ");
                out.push_str(&entry[4..]);
            }
        }
        out
    }
}

fn scalar_field(out: &mut String, indent: &str, key: &str, value: Option<&str>, quote: bool) {
    if let Some(v) = value {
        out.push_str(indent);
        out.push_str(key);
        out.push_str(": ");
        if quote {
            out.push_str(&quoted(v));
        } else {
            out.push_str(&scalar(v, false));
        }
        out.push('\n');
    }
}

fn list_field(out: &mut String, indent: &str, key: &str, value: Option<&[String]>) {
    if let Some(items) = value {
        out.push_str(indent);
        out.push_str(key);
        out.push_str(": [");
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&scalar(item, true));
        }
        out.push_str("]\n");
    }
}

/// A string as a YAML scalar: plain when that reads back as the same string, else quoted.
fn scalar(s: &str, in_list: bool) -> String {
    const WORDS: [&str; 12] = [
        "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE", "yes", "no",
    ];
    let first = s.chars().next();
    let plain = !s.is_empty()
        && s.trim() == s
        && !WORDS.contains(&s)
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.ends_with(':')
        && !s.chars().any(crate::visible::is_control)
        && first.is_some_and(|c| !"-?:,[]{}#&*!|>'\"%@`".contains(c))
        && !(in_list && s.contains([',', '[', ']', '{', '}', ':']))
        && !(s
            .chars()
            .all(|c| c.is_ascii_digit() || ".+-eE_xob".contains(c)));
    if plain {
        s.to_string()
    } else {
        quoted(s)
    }
}

fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            // Bidi controls too: the map may be printed on a terminal (`kaart importeer`).
            c if crate::visible::is_control(c) => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kaart::load::EMBEDDED_TEXT;
    use crate::yaml;

    #[test]
    fn yaml_written_reads_back_the_same() {
        let raw: RawKaart = yaml::parse(EMBEDDED_TEXT).unwrap();
        let mut tricky = raw.clone();
        tricky.aanbieders[0].toelichting = Some("Let op: #1, \"quotes\" en\nregels".to_string());
        tricky.aanbieders[0].naam = Some("- null".to_string());
        tricky.aanbieders[0].gemeenten = Some(vec!["A, B".to_string(), "yes".to_string()]);
        tricky.kaart.versie = Some("2026.10".to_string());
        for k in [raw, tricky] {
            let back: RawKaart = yaml::parse(&k.to_yaml()).unwrap();
            assert_eq!(back, k);
        }
    }
}
