use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use super::*;

#[derive(serde::Deserialize, Debug)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct T {
    stap: u8,
    naam: String,
    #[serde(default)]
    lijst: Vec<String>,
    #[serde(default, deserialize_with = "unique_keys")]
    voetnoten: BTreeMap<u32, String>,
}

fn error<X: DeserializeOwned + std::fmt::Debug>(text: &str) -> (String, String) {
    let e = parse::<X>(text).unwrap_err();
    (e.place("f"), e.message)
}

#[test]
fn type_errors_are_dutch_and_located() {
    let e = parse::<T>("naam: x\nstap: twee\n").unwrap_err();
    assert_eq!((e.line, e.column), (Some(2), Some(7)));
    assert_eq!(
        e.message,
        "bij 'stap': verkeerd soort waarde: de tekst \"twee\" gevonden, een heel getal van 0 tot en met 255 verwacht"
    );
    assert_eq!(
        error::<T>("naam: x\nstap: 300\n").1,
        "bij 'stap': ongeldige waarde: het getal 300 gevonden, een heel getal van 0 tot en met 255 verwacht"
    );
    assert_eq!(
        error::<T>("- a\n- b\n"),
        (
            "f:1:1".to_string(),
            "verkeerd soort waarde: een lijst gevonden, velden (naam: waarde) verwacht".to_string()
        )
    );
    assert_eq!(
        error::<T>("naam: x\nstap: 1\nlijst: 3\n"),
        (
            "f:3:8".to_string(),
            "bij 'lijst': verkeerd soort waarde: het getal 3 gevonden, een lijst verwacht"
                .to_string()
        )
    );
    assert_eq!(
        error::<T>("stap: 1\n").1,
        "het verplichte veld 'naam' ontbreekt"
    );
}

#[test]
fn unknown_fields_name_the_allowed_ones_and_the_parent() {
    let (place, message) = error::<T>("naam: x\nstap: 1\nstapp: 2\n");
    assert_eq!(place, "f:3:1");
    assert_eq!(
        message,
        "onbekend veld 'stapp'; toegestaan zijn: 'stap', 'naam', 'lijst', 'voetnoten'"
    );
    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Outer {
        binnen: Vec<T>,
    }
    let (place, message) = error::<Outer>("binnen:\n  - naam: x\n    stap: 1\n    stapp: 2\n");
    assert_eq!(place, "f:4:5");
    assert!(
        message.starts_with("bij 'binnen[0]': onbekend veld 'stapp'"),
        "{message}"
    );
}

#[test]
fn empty_and_comment_only_files_are_empty() {
    assert_eq!(
        parse::<T>("  \n# niets\n").unwrap_err().message,
        "het bestand is leeg"
    );
}

#[test]
fn syntax_errors_are_dutch_and_placed_where_the_quote_or_bracket_opened() {
    assert_eq!(
        error::<T>("naam: \"x\nstap: 1\n"),
        (
            "f:1:7".to_string(),
            "ongeldige YAML-opbouw: dit aanhalingsteken wordt niet gesloten; zet er een achter de tekst, of haal het weg".to_string()
        )
    );
    let (place, message) = error::<T>("naam: a: b\n");
    assert_eq!(place, "f:1:8");
    assert!(message.contains("dubbele punt"), "{message}");
    assert_eq!(
        error::<T>("naam: [x\n"),
        (
            "f:1:7".to_string(),
            "ongeldige YAML-opbouw: een lijst tussen [ en ] is niet afgesloten: ',' of ']' ontbreekt"
                .to_string()
        )
    );
}

#[test]
fn syntax_errors_come_before_type_errors() {
    // The typed reading stops at 'stap' (text where a number belongs); the tree finds the
    // unclosed bracket further on.
    let e = parse::<T>("stap: twee\nnaam: [x\n").unwrap_err();
    assert!(e.message.contains("niet afgesloten"), "{}", e.message);
}

#[test]
fn a_duplicated_key_is_refused_with_both_lines() {
    assert_eq!(
        error::<T>("naam: x\nstap: 1\nnaam: y\n"),
        (
            "f:3:1".to_string(),
            "het veld 'naam' staat er twee keer (eerder op regel 1); haal een van beide weg, zodat duidelijk is welke waarde geldt".to_string()
        )
    );
    let text = "naam: x\nstap: 1\nvoetnoten:\n  1: a\n  2: b\n  1: c\n";
    assert_eq!(
        error::<T>(text),
        (
            "f:6:3".to_string(),
            "de sleutel '1' staat er twee keer (eerder op regel 4); haal een van beide weg, zodat duidelijk is welke waarde geldt".to_string()
        )
    );
    // In the tree, and inside { }: the place of the second, no earlier line.
    assert_eq!(
        error::<Value>("- {keuze: a, keuze: b}\n").0,
        "f:1:14".to_string()
    );
}

#[test]
fn a_number_key_and_the_same_number_quoted_are_one_key() {
    // YAML takes 1 and '1' for two keys; zorgpad reads both as footnote 1.
    let text = "naam: x\nstap: 1\nvoetnoten:\n  1: a\n  '1': c\n";
    assert_eq!(
        error::<T>(text),
        (
            "f:5:3".to_string(),
            "de sleutel '1' staat er twee keer (eerder op regel 4); haal een van beide weg, zodat duidelijk is welke waarde geldt".to_string()
        )
    );
    let (place, message) = error::<Value>("- a: 1\n  '1': 2\n  1: 3\n");
    assert_eq!(place, "f:3:3");
    assert!(message.contains("(eerder op regel 2)"), "{message}");
}

#[test]
fn merge_keys_are_ordinary_keys() {
    let v: Value = parse("a: 1\n<<: {a: 2}\n").unwrap();
    assert_eq!(v.as_mapping().unwrap().len(), 2);
    assert_eq!(v["<<"]["a"].as_u64(), Some(2));
}

#[test]
fn the_tree_keeps_file_order_and_kinds() {
    let v: Value = parse("- a\n- {b: 1, c: [x, -2, true, ~, 1.5]}\n- 'later'\n").unwrap();
    let list = v.as_sequence().unwrap();
    assert_eq!(list[0], Value::String("a".into()));
    let map = list[1].as_mapping().unwrap();
    let keys: Vec<&str> = map.keys().filter_map(Value::as_str).collect();
    assert_eq!(keys, ["b", "c"]);
    assert_eq!(map.get("b").and_then(Value::as_u64), Some(1));
    let c = map.get("c").and_then(Value::as_sequence).unwrap();
    assert_eq!(c[1].as_i64(), Some(-2));
    assert_eq!(c[2], Value::Bool(true));
    assert!(c[3].is_null());
    assert_eq!(c[4].as_f64(), Some(1.5));
    assert_eq!(
        to_text(&v),
        "- a\n- b: 1\n  c:\n  - x\n  - -2\n  - true\n  - null\n  - 1.5\n- later"
    );
    let back: Value = parse(&to_text(&v)).unwrap();
    assert_eq!(back, v);
}

#[test]
fn hostile_input_ends_quickly_in_dutch() {
    let bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n\
                b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n\
                c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n\
                d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n\
                e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n\
                f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n\
                g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n\
                h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]\n\
                i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h, *h]\n";
    let deep_flow = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    // Block nesting on one line: `- - - … x`.
    let deep_block = format!("{}x\n", "- ".repeat(10_000));
    for (what, text) in [
        ("alias bomb", bomb.to_string()),
        ("deep flow", deep_flow),
        ("deep block", deep_block),
    ] {
        let start = Instant::now();
        let e = parse::<Value>(&text).unwrap_err();
        assert!(
            start.elapsed() < Duration::from_secs(1),
            "{what}: {:?}",
            start.elapsed()
        );
        assert!(e.line.is_some(), "{what}: {e:?}");
        assert!(
            e.message.contains("verwijzingen") || e.message.contains("te diep genest"),
            "{what}: {}",
            e.message
        );
    }
}
